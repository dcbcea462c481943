"""The terminal report: countries side by side, every cost line, totals and gaps."""

from __future__ import annotations

import polars as pl
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison
from speelveld.core.lines import FAMILIES
from speelveld.report.labels import QUALITY_MARK, line_label, t

# Rows shared by countries whose per-country labels differ get one neutral label.
GENERIC_ROW_LABELS = {"carbon.compensation": "Compensatie indirecte emissiekosten (ETS)"}


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "?"
    if abs(value) < 0.005 and digits == 2:
        value = 0.0
    return f"{value:,.{digits}f}"


def sector_table(result: Comparison, cfg: YearConfig, sector: str, lang: str = "nl") -> Group:
    ref = result.reference
    countries = result.countries
    lines = result.lines.filter(pl.col("sector") == sector)
    totals = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
    model = cfg.sectors[sector]
    q = cfg.params[f"sectors.{sector}.consumption_mwh"].value or 0
    hours = cfg.params.get(f"sectors.{sector}.utilisation_hours")
    title = t(lang, "title", year=result.year, sector=sector, name=model.name)
    caption = t(
        lang,
        "plant",
        consumption=f"{q / 1000:,.0f}",
        hours=f"{hours.value:,.0f}" if hours and hours.value else "?",
        level=model.voltage_level,
        nace=", ".join(model.nace),
    )
    table = Table(title=title, caption=caption, title_justify="left", caption_justify="left", show_lines=False)
    table.add_column(t(lang, "line"), style="bold" if False else None, no_wrap=False, max_width=48)
    for cc in countries:
        table.add_column(cc, justify="right", no_wrap=True)

    cells: dict[tuple[str, str], dict] = {(r["key"], r["country"]): r for r in lines.iter_rows(named=True)}
    for family in FAMILIES:
        fam_rows = lines.filter(pl.col("family") == family)
        keys = list(dict.fromkeys(fam_rows["key"].to_list()))
        if not keys:
            continue
        table.add_row(Text(t(lang, family), style="bold cyan"), *[""] * len(countries))
        for key in keys:
            if _unapplied_relief(fam_rows, key):
                continue
            label = GENERIC_ROW_LABELS.get(key) or next(r["label"] for r in fam_rows.iter_rows(named=True) if r["key"] == key)
            row = ["  " + line_label(lang, key, label)]
            for cc in countries:
                cell = cells.get((key, cc))
                if cell is None:
                    row.append("–")
                    continue
                mark = QUALITY_MARK[cell["quality"]]
                text = t(lang, "unknown") + " ?" if cell["eur_per_mwh"] is None else _fmt(cell["eur_per_mwh"]) + (f" {mark}" if mark else "")
                row.append(Text(text, style="yellow" if mark else ""))
            table.add_row(*row)
    table.add_section()
    table.add_row(t(lang, "gross"), *[_fmt(totals[cc]["gross_eur_per_mwh"]) for cc in countries])
    table.add_row(Text(t(lang, "total"), style="bold"), *[Text(_fmt(totals[cc]["total_eur_per_mwh"]), style="bold") for cc in countries])
    if any(totals[cc]["unknown_lines"] for cc in countries):
        table.add_row(t(lang, "unknown_lines"), *[str(totals[cc]["unknown_lines"]) for cc in countries])
    table.add_section()

    def gap_row(label: str, field: str, digits: int = 2, scale: float = 1.0, colour: bool = True):
        out = []
        for cc in countries:
            v = totals[cc][field]
            if cc == ref:
                out.append("–")
                continue
            v = None if v is None else v * scale
            style = "" if v is None or not colour else ("red" if v > 0.005 else "green" if v < -0.005 else "")
            out.append(Text(_fmt(v, digits), style=style))
        table.add_row(label, *out)

    gap_row(Text(t(lang, "gap_mwh", ref=ref), style="bold"), "gap_eur_per_mwh")
    gap_row(t(lang, "gap_year"), "gap_eur_per_year", scale=1e-6)
    if any(totals[cc]["sector_gap_meur_per_year"] is not None for cc in countries):
        gap_row(t(lang, "gap_sector"), "sector_gap_meur_per_year", digits=1)
    gap_row(t(lang, "dearer", ref=ref), "ref_dearer_pct", digits=1)
    gap_row(t(lang, "cheaper", ref=ref), "other_cheaper_pct", digits=1, colour=False)
    legend = Text(t(lang, "legend", ref=ref), style="dim")
    parts = [table, legend]
    if cfg.scenario:
        parts.append(Text(t(lang, "scenario", name=cfg.scenario), style="dim"))
    if cfg.overrides:
        parts.append(Text(t(lang, "overrides", items="; ".join(cfg.overrides)), style="dim"))
    return Group(*parts)


def _unapplied_relief(rows: pl.DataFrame, key: str) -> bool:
    """A reduction that is zero for every country (an alternative rate that lost, an unmet rule) is noise in the table."""
    sel = rows.filter(pl.col("key") == key)
    return bool(sel["relief"].all()) and sel["eur_per_year"].null_count() == 0 and bool((sel["eur_per_year"].abs() < 0.005).all())


def summary_table(result: Comparison, lang: str = "nl") -> Table:
    """One row per sector: the gap to every country, for --sector all."""
    ref = result.reference
    others = [c for c in result.countries if c != ref]
    table = Table(title=t(lang, "summary_title", year=result.year, ref=ref), title_justify="left")
    table.add_column(t(lang, "sector"))
    for cc in others:
        table.add_column(cc, justify="right")
    for sector in result.sectors:
        rows = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
        cells = []
        for cc in others:
            v = rows[cc]["gap_eur_per_mwh"]
            style = "" if v is None else ("red" if v > 0.005 else "green" if v < -0.005 else "")
            incomplete = rows[cc]["unknown_lines"] or rows[ref]["unknown_lines"]
            cells.append(Text(_fmt(v) + (" ?" if incomplete else ""), style=style))
        table.add_row(sector, *cells)
    table.caption = t(lang, "summary_unknown")
    table.caption_justify = "left"
    return table


def print_comparison(result: Comparison, cfg: YearConfig, console: Console, lang: str = "nl") -> None:
    for sector in result.sectors:
        console.print(sector_table(result, cfg, sector, lang))
        console.print()
    if len(result.sectors) > 1:
        console.print(summary_table(result, lang))


def policy_table(table: pl.DataFrame, reference: str, title: str, lang: str = "nl") -> Table:
    """Per sector and country: the gap before and after a scenario, and the change."""
    nl = lang == "nl"
    out = Table(title=title, title_justify="left")
    for name in (
        ("Sector" if nl else "Sector"),
        ("Land" if nl else "Country"),
        (f"Verschil {reference} − land vóór" if nl else f"Gap {reference} − country before"),
        ("na" if nl else "after"),
        ("verandering" if nl else "change"),
        (f"kosten­verandering {reference} (M€/jr, sector)" if nl else f"{reference} cost change (M€/yr, sector)"),
    ):
        out.add_column(name, justify="left" if name in ("Sector", "Land", "Country") else "right")
    for row in table.iter_rows(named=True):
        if row["country"] == reference:
            continue
        ch = row["gap_change_eur_per_mwh"]
        style = "" if ch is None else ("red" if ch > 0.005 else "green" if ch < -0.005 else "")
        ref_row = table.filter((pl.col("sector") == row["sector"]) & (pl.col("country") == reference)).row(0, named=True)
        unknowns = (row["unknown_lines"], row["unknown_lines_after"], ref_row["unknown_lines"], ref_row["unknown_lines_after"])
        incomplete = " ?" if any(unknowns) else ""
        out.add_row(
            row["sector"],
            row["country"],
            _fmt(row["gap_before_eur_per_mwh"]) + incomplete,
            _fmt(row["gap_after_eur_per_mwh"]) + incomplete,
            Text(_fmt(ch), style=style),
            _fmt(ref_row["sector_cost_change_meur_per_year"], 1),
        )
    out.caption = (
        "€/MWh. Positief verschil: NL duurder; negatieve verandering: de kloof wordt kleiner of keert om. ? = onbekende posten."
        if nl
        else "€/MWh. Positive gap: NL dearer; a negative change narrows the gap. ? = unknown lines."
    )
    out.caption_justify = "left"
    return out


def sources_tables(table: pl.DataFrame, year: int) -> list[Table]:
    """One table per country: its sources by component, with how many values each supports."""
    out = []
    for (country,), rows in table.group_by("country", maintain_order=True):
        t = Table(title=f"Bronnen {year}: {country}", title_justify="left")
        for name, justify in (("component", "left"), ("id", "left"), ("source", "left"), ("date", "left"), ("values", "right"), ("flags", "left")):
            t.add_column(name, justify=justify)
        for r in rows.iter_rows(named=True):
            flags = ", ".join(f"{r[q]} {q}" for q in ("derived", "estimate", "unknown") if r[q])
            title = r["title"] + (f" — {r['publisher']}" if r["publisher"] else "")
            t.add_row(r["component"], r["source_id"], Text(title + (f"\n{r['url']}" if r["url"] else "")), r["date"] or "–", str(r["values"]), flags)
        out.append(t)
    return out


def stale_tables(table: pl.DataFrame, year: int) -> list[Table]:
    """One table per country: the values that need attention for ``year`` and why."""
    out = []
    for (country,), rows in table.group_by("country", maintain_order=True):
        t = Table(title=f"Aandachtspunten {year}: {country}", title_justify="left")
        for name in ("parameter", "value", "reason", "detail", "where"):
            t.add_column(name, overflow="fold")
        for r in rows.iter_rows(named=True):
            path = r["path"].split(".", 1)[1] if r["country"] not in ("EU",) else r["path"]
            value = "?" if r["value"] is None else f"{r['value']:,.6g} {r['unit']}"
            where = f"{r['file']}:{r['line']}" if r["line"] else r["file"]
            t.add_row(Text(path), value, r["reason"], Text(r["detail"] or ""), Text(where, style="dim"))
        out.append(t)
    return out


def diff_tables(d, top: int) -> list[Table]:
    """The change of every gap, then per sector and country the lines that moved it most."""
    ref = d.reference
    summary = Table(title=f"Verschil {ref} − land (€/MWh): {d.label_a} → {d.label_b}", title_justify="left")
    for name, justify in (("sector", "left"), ("land", "left"), (d.label_a, "right"), (d.label_b, "right"), ("verandering", "right")):
        summary.add_column(name, justify=justify)
    for r in d.gaps.iter_rows(named=True):
        summary.add_row(r["sector"], r["country"], _fmt(r["gap_a"]), _fmt(r["gap_b"]), _signed(r["change"]))
    out = [summary]
    for r in d.gaps.iter_rows(named=True):
        rows = d.lines.filter((pl.col("sector") == r["sector"]) & (pl.col("country") == r["country"]) & (pl.col("effect").abs() >= 0.005))
        t = Table(
            title=f"{r['sector']} — {r['country']}: {_fmt(r['gap_a'])} → {_fmt(r['gap_b'])} €/MWh ({_signed(r['change'])})",
            caption=f"Effect op het verschil: een stijging bij {ref} vergroot het, een stijging bij {r['country']} verkleint het."
            + (f" {rows.height - top} kleinere niet getoond." if rows.height > top else ""),
            title_justify="left",
            caption_justify="left",
        )
        for name, justify in (("kant", "left"), ("kostenpost", "left"), (d.label_a, "right"), (d.label_b, "right"), ("effect", "right")):
            t.add_column(name, justify=justify)
        for x in rows.head(top).iter_rows(named=True):
            flag = " ?" if x["unknown"] else ""
            t.add_row(x["side"], Text(x["label"] + flag), _fmt(x["a"]) if x["a"] is not None else "–", _fmt(x["b"]) if x["b"] is not None else "–", _signed(x["effect"]))
        out.append(t)
    return out


def _signed(value: float | None) -> str:
    if value is None:
        return "?"
    if abs(value) < 0.005:
        return "0.00"
    return f"{value:+,.2f}"
