"""The terminal report: countries side by side, every cost line, totals and gaps."""

from __future__ import annotations

import polars as pl
from rich import box
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison
from speelveld.core.lines import ELECTRICITY_FAMILIES
from speelveld.report.labels import (
    GENERIC_ROW_LABELS,
    QUALITY_MARK,
    band_sign,
    band_text,
    conclusive,
    country_name,
    gap_text,
    line_label,
    num,
    t,
    year_label,
)
from speelveld.report.notes import gap_note, headline
from speelveld.report.numbers import signed


def _fmt(value: float | None, digits: int = 2) -> str:
    return num(value, digits)


class _Hanging:
    """A row label whose wrapped lines stand two further in than its first, so that a label
    over two lines ('Stromsteuer: § 9b StromStG' / 'Produzierendes Gewerbe') does not read as
    two cost lines."""

    def __init__(self, text: Text, first: int):
        self.text, self.first = text, first

    def __rich_measure__(self, console, options):
        m = Measurement.get(console, options, self.text)
        return Measurement(m.minimum + self.first + 2, m.maximum + self.first)

    def __rich_console__(self, console, options):
        width = options.max_width
        one = self.text.copy()
        if one.cell_len + self.first <= width:
            yield Text(" " * self.first) + one
            return
        lines = one.wrap(console, max(1, width - self.first - 2), overflow="fold")
        for i, line in enumerate(lines):
            yield Text(" " * (self.first + (2 if i else 0))) + line


class DottedPath:
    """A parameter path that wraps after its dots (`FR.commodity.` / `baseload_eur_per_mwh`), not
    inside a name; only a name longer than the column is folded."""

    def __init__(self, path: str, style: str = ""):
        self.path, self.style = path, style
        self.pieces = [piece + "." for piece in path.split(".")[:-1]] + [path.split(".")[-1]]

    def __rich_measure__(self, console, options):
        return Measurement(min(max(len(p) for p in self.pieces), options.max_width), min(len(self.path), options.max_width))

    def __rich_console__(self, console, options):
        width = max(1, options.max_width)
        line = ""
        for piece in self.pieces:
            if line and len(line) + len(piece) > width:
                yield Text(line, style=self.style)
                line = ""
            line += piece
            while len(line) > width:  # a name longer than the column
                yield Text(line[:width], style=self.style)
                line = line[width:]
        if line:
            yield Text(line, style=self.style)


class _LineTable(Table):
    """A line table whose row labels hang: a label's leading spaces are its indent, and its
    wrapped lines stand two further in."""

    def add_row(self, *cells, **kwargs):
        label, *rest = cells
        if isinstance(label, str | Text):
            plain = label.plain if isinstance(label, Text) else label
            indent = len(plain) - len(plain.lstrip(" "))
            text = label.copy() if isinstance(label, Text) else Text(label)
            text = text[indent:] if indent else text
            label = _Hanging(text, indent)
        super().add_row(label, *rest, **kwargs)


class _Fitted:
    """A line table that drops its vertical rules on a narrow terminal: on 80 columns the rules
    between four countries' columns take the room the labels need, and rich would cut every label
    to a dozen letters ('Groothand…')."""

    NARROW = 100

    def __init__(self, table: Table, lines: bool = True, narrow_widths: dict[int, int] | None = None):
        self.table = table
        self.lines = lines  # a line table (labels, then a number column per country); else only the rules go
        self.narrow_widths = narrow_widths or {}  # column -> its most width on a narrow terminal (words wrap in it)

    LABEL = 28  # the label column's least width: most words of a cost line fit

    def __rich_console__(self, console, options):
        table = self.table
        if options.max_width >= self.NARROW:
            yield table
            return
        table.box, table.show_edge, table.pad_edge = box.SIMPLE_HEAD, False, False
        for i, width in self.narrow_widths.items():
            table.columns[i].max_width, table.columns[i].no_wrap = width, False
        if not self.lines:
            yield table
            return
        # each number column as wide as its longest line, so no figure or band is broken; the
        # labels take the rest and wrap between words (rich alone shrinks all columns evenly)
        widths = [max(Measurement.get(console, options, cell).maximum for cell in [column.header, *column.cells]) for column in table.columns[1:]]
        for column, width in zip(table.columns[1:], widths, strict=True):
            column.width, column.no_wrap = width, True
        table.columns[0].overflow = "fold"  # only a word longer than the column is folded
        if len(widths) <= 2 or sum(widths) + 2 * len(widths) + self.LABEL <= options.max_width:
            yield table
            return
        # too narrow for every country beside the labels: tables of as many countries as fit,
        # the reference in each
        others = list(range(2, len(table.columns)))
        room = options.max_width - self.LABEL - widths[0] - 2
        fit = max(1, max(k for k in range(1, len(others) + 1) if all(sum(widths[j - 1] + 2 for j in others[i:i + k]) <= room for i in range(0, len(others), k)) or k == 1))
        groups = [others[i:i + fit] for i in range(0, len(others), fit)]
        for n, group in enumerate(groups):
            if n:
                yield Text("")
            part = Table(title=table.title if n == 0 else None, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
            for i in [0, 1, *group]:
                column = table.columns[i]
                part.add_column(column.header, justify=column.justify, width=column.width, no_wrap=column.no_wrap, overflow=column.overflow)
            cells = [list(table.columns[i].cells) for i in [0, 1, *group]]
            for r, row in enumerate(table.rows):
                if all(str(c[r]) == "–" for c in cells[1:]):
                    continue  # a line of another country: not in this pair
                part.add_row(*[c[r] for c in cells], style=row.style, end_section=row.end_section)
            yield part
        if table.caption:  # the legend over the whole width, not wrapped to the last part's columns
            yield Text(table.caption) if isinstance(table.caption, str) else table.caption


def _line_columns(table: Table, lang: str, countries: list[str]) -> None:
    table.add_column(t(lang, "line"), no_wrap=False, min_width=20, max_width=48)
    for cc in countries:
        table.add_column(country_name(lang, cc, short=True), justify="right", no_wrap=False)


def _family_rows(table: Table, lines: pl.DataFrame, cells: dict, family: str, countries: list[str], lang: str) -> None:
    """A family's heading and one row per cost line, each country's cell beside it."""
    fam_rows = lines.filter(pl.col("family") == family)
    keys = list(dict.fromkeys(fam_rows["key"].to_list()))
    if not keys:
        return
    table.add_row(Text(t(lang, family), style="bold cyan"), *[""] * len(countries))
    for key in keys:
        if _unapplied_relief(fam_rows, key):
            continue
        label = GENERIC_ROW_LABELS.get(key) or next(r["label"] for r in fam_rows.iter_rows(named=True) if r["key"] == key)
        # indented as a whole, so a wrapped label's next lines stand under it, not under the heading
        table.add_row("  " + line_label(lang, key, label), *["–" if (key, cc) not in cells else _line_cell(lang, cells[(key, cc)]) for cc in countries])


def _line_cell(lang: str, cell: dict) -> Text:
    """A line's €/MWh with its quality mark; an unknown line shows its band, or 'onbekend'. A
    bounded unknown shows the middle of its band as well, the value the total counts (without it
    the total could not be added up from the screen)."""
    low, high = cell["low_eur_per_mwh"], cell["high_eur_per_mwh"]
    if cell["quality"] == "unknown":
        if low is not None and high is not None:
            if cell["eur_per_mwh"] is not None:
                return Text(f"{_fmt(cell['eur_per_mwh'])} ?\n{band_text(lang, low, high)}", style="yellow")
            return Text(f"{band_text(lang, low, high)} ?", style="yellow")
        if cell["eur_per_mwh"] is None:
            return Text(t(lang, "unknown") + " ?", style="yellow")
    mark = QUALITY_MARK[cell["quality"]]
    text = _fmt(cell["eur_per_mwh"]) + (f" {mark}" if mark else "")
    if low is not None and high is not None and high - low >= 0.005:
        text += f"\n{band_text(lang, low, high)}"
    return Text(text, style="yellow" if mark else "")


def _gap_style(row: dict) -> str:
    sign = conclusive(row)
    return "red" if sign > 0 else "green" if sign < 0 else ""


def sector_table(result: Comparison, cfg: YearConfig, sector: str, lang: str = "nl") -> Group:
    ref = result.reference
    countries = result.countries
    lines = result.lines.filter(pl.col("sector") == sector)
    totals = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
    model = cfg.sectors[sector]
    q = cfg.params[f"sectors.{sector}.consumption_mwh"].value or 0
    hours = cfg.params.get(f"sectors.{sector}.utilisation_hours")
    title = t(lang, "title", year=year_label(lang, result.year, result.projection), sector=sector, name=model.name)
    caption = t(
        lang,
        "plant",
        consumption=f"{num(q / 1000, 0)}",
        hours=f"{num(hours.value, 0)}" if hours and hours.value else "?",
        level=model.voltage_level,
        nace=", ".join(model.nace),
    )
    whole = cfg.params.get(f"sectors.{sector}.sector_electricity_mwh")
    if whole is not None and whole.value and q > whole.value:
        # the plant is an illustration; a sector total below it makes the plant gap exceed the sector's
        caption += t(lang, "plant_above_sector", sector_gwh=f"{num(whole.value / 1000, 0)}")
    table = _LineTable(title=title, caption=caption, title_justify="left", caption_justify="left", show_lines=False)
    _line_columns(table, lang, countries)

    cells: dict[tuple[str, str], dict] = {(r["key"], r["country"]): r for r in lines.iter_rows(named=True)}

    def band_row(label: str, field: str) -> None:
        table.add_row(label, *[Text(band_text(lang, totals[cc][f"{field}_low_eur_per_mwh"], totals[cc][f"{field}_high_eur_per_mwh"]), style="dim") for cc in countries])

    for family in ELECTRICITY_FAMILIES:
        _family_rows(table, lines, cells, family, countries, lang)
    table.add_section()
    table.add_row(t(lang, "gross"), *[_fmt(totals[cc]["gross_eur_per_mwh"]) for cc in countries])
    table.add_row(Text(t(lang, "total"), style="bold"), *[Text(_fmt(totals[cc]["total_eur_per_mwh"]), style="bold") for cc in countries])
    band_row(t(lang, "band"), "total")
    _unknown_row(table, cells, totals, countries, "electricity", lang)
    table.add_section()
    _family_rows(table, lines, cells, "direct_co2", countries, lang)
    table.add_row(Text(t(lang, "direct_co2_total"), style="bold"), *[_fmt(totals[cc]["direct_co2_eur_per_mwh"]) for cc in countries])
    band_row(t(lang, "band"), "direct_co2")
    _unknown_row(table, cells, totals, countries, "direct_co2", lang)
    table.add_section()

    def gap_row(label, field: str, digits: int = 2, scale: float = 1.0, prefix: bool = False):
        out = []
        for cc in countries:
            row = totals[cc]
            if cc == ref:
                out.append("–")
                continue
            v = row[field]
            v = None if v is None else v * scale
            text = _fmt(v, digits)
            if prefix and row["gap_bound"] != "exact":
                text += " ?"  # the band and status rows say which way it is open
            out.append(Text(text, style=_gap_style(row)))
        table.add_row(label, *out)

    gap_row(Text(t(lang, "gap_mwh", ref=ref), style="bold"), "gap_eur_per_mwh", prefix=True)
    table.add_row(t(lang, "gap_band"), *["–" if cc == ref else Text(gap_text(lang, {**totals[cc], "gap_eur_per_mwh": None}), style="dim") for cc in countries])
    table.add_row(t(lang, "gap_status"), *["–" if cc == ref else t(lang, totals[cc]["gap_bound"]) for cc in countries])
    gap_row(t(lang, "gap_year"), "gap_eur_per_year", scale=1e-6, prefix=True)
    volume = cfg.params.get(f"sectors.{sector}.sector_electricity_mwh")
    if volume is not None and volume.value is not None:
        mark = QUALITY_MARK.get(volume.quality.value, "")
        label = t(lang, "gap_sector") + (f" {mark}" if mark else "")
        gap_row(label + (" *" if model.sector_volume_caveat else ""), "sector_gap_meur_per_year", digits=1, prefix=True)
    else:
        # no volume for the whole sector: said where the figure would stand, not left out
        table.add_row(t(lang, "gap_sector"), *["–" if cc == ref else Text(t(lang, "unknown"), style="yellow") for cc in countries])
    for key, field in (("dearer", "ref_dearer"), ("cheaper", "other_cheaper")):
        table.add_row(
            t(lang, key, ref=ref),
            *["–" if cc == ref else Text(_pct_text(lang, totals[cc], field), style=_gap_style(totals[cc])) for cc in countries],
        )
    table.add_row(t(lang, "co2_gap"), *["–" if cc == ref else _fmt(totals[cc]["direct_co2_gap_eur_per_mwh"]) for cc in countries])
    parts = [_Fitted(table)]
    sentence = headline(lang, [totals[cc] for cc in countries if cc != ref], ref)
    if sentence:
        parts.append(Text(sentence, style="bold"))
    for cc in countries:
        note = gap_note(result, sector, totals[cc], lang)
        if note:
            parts.append(Text(note))
    if model.sector_volume_caveat and volume is not None and volume.value is not None:
        parts.append(Text(f"* {t(lang, 'gap_sector')}: {model.sector_volume_caveat.text(lang)}."))
    parts.append(Text(t(lang, "legend", ref=ref), style="dim"))
    if cfg.scenario:
        parts.append(Text(t(lang, "scenario", name=cfg.scenario), style="dim"))
    if cfg.overrides:
        parts.append(Text(t(lang, "overrides", items="; ".join(cfg.overrides)), style="dim"))
    return Group(*parts)


def _pct_text(lang: str, row: dict, field: str) -> str:
    """The percentage itself when the gap is complete and its band narrow; else its band."""
    low, high = row[f"{field}_low_pct"], row[f"{field}_high_pct"]
    if row["gap_bound"] == "none" or (low is None and high is None):
        return t(lang, "undetermined")
    if low is not None and high is not None and high - low < 0.05:
        return _fmt(row[f"{field}_pct"], 1)
    central = row.get(f"{field}_pct")
    band = band_text(lang, low, high, digits=1)
    # the band on a line of its own, as under every other figure of the table: a narrow terminal
    # then never breaks it
    return band if central is None or row["gap_bound"] != "exact" else f"{_fmt(central, 1)}\n({band})"


def _unapplied_relief(rows: pl.DataFrame, key: str) -> bool:
    """A reduction that is zero for every country (an alternative rate that lost, an unmet rule) is noise in the table."""
    sel = rows.filter(pl.col("key") == key)
    if not (bool(sel["relief"].all()) and sel["eur_per_year"].null_count() == 0 and bool((sel["eur_per_year"].abs() < 0.005).all())):
        return False
    # ...unless its band says it may apply
    return all((r["low_eur_per_mwh"] or 0) > -0.005 and (r["high_eur_per_mwh"] or 0) < 0.005 for r in sel.iter_rows(named=True))


def summary_table(result: Comparison, lang: str = "nl") -> Table:
    """One row per sector: the gap to every country as it may be quoted, for --sector all."""
    ref = result.reference
    others = [c for c in result.countries if c != ref]
    table = Table(title=t(lang, "summary_title", year=year_label(lang, result.year, result.projection), ref=ref), title_justify="left")
    table.add_column(t(lang, "sector"))
    for cc in others:
        table.add_column(cc, justify="right")
    for sector in result.sectors:
        rows = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
        table.add_row(sector, *[Text(gap_text(lang, rows[cc]), style=_gap_style(rows[cc])) for cc in others])
    table.caption = t(lang, "summary_unknown")
    table.caption_justify = "left"
    return table


def _unknown_row(table: Table, cells: dict, totals: dict, countries: list[str], subtotal: str, lang: str) -> None:
    """The count of unknown lines of one block (electricity, direct CO2 or gas) and of those
    without bounds: a direct CO2 line is not part of the electricity price."""
    counts = {}
    for cc in countries:
        keys = [k for (k, c), r in cells.items() if c == cc and r["subtotal"] == subtotal and r["quality"] == "unknown"]
        counts[cc] = (len(keys), sum(k in totals[cc]["missing_lines"] for k in keys))
    if any(n for n, _ in counts.values()):
        table.add_row(t(lang, "unknown_lines"), *[f"{n} ({n_open})" if n else "0" for n, n_open in counts.values()])


def gas_table(result: Comparison, cfg: YearConfig, sector: str, lang: str = "nl") -> Group | None:
    """The natural gas lines of one plant per country (€/MWh of gas), the gas total and gap, and
    the gap in the plant's whole energy bill (electricity and gas, M€/yr)."""
    ref, countries = result.reference, result.countries
    lines = result.lines.filter((pl.col("sector") == sector) & (pl.col("subtotal") == "gas"))
    totals = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
    if not lines.height or totals[ref].get("gas_eur_per_mwh") is None:
        return None
    model = cfg.sectors[sector]
    fuel = cfg.param_of(model, "gas_fuel_mwh").value if model.gas_fuel_mwh is not None else 0
    feed = cfg.param_of(model, "gas_feedstock_mwh").value if model.gas_feedstock_mwh is not None else 0
    table = _LineTable(
        title=t(lang, "gas_title", year=year_label(lang, result.year, result.projection), sector=sector, name=model.name),
        caption=t(lang, "gas_plant", fuel=f"{num((fuel or 0) / 1000, 0)}", feedstock=f"{num((feed or 0) / 1000, 0)}"),
        title_justify="left", caption_justify="left",
    )
    _line_columns(table, lang, countries)
    cells = {(r["key"], r["country"]): r for r in lines.iter_rows(named=True)}
    for family in ("gas_commodity", "gas_network", "gas_taxes"):
        _family_rows(table, lines, cells, family, countries, lang)
    table.add_section()
    table.add_row(Text(t(lang, "gas_total"), style="bold"), *[Text(_fmt(totals[cc]["gas_eur_per_mwh"]), style="bold") for cc in countries])
    table.add_row(t(lang, "band"), *[Text(band_text(lang, totals[cc]["gas_low_eur_per_mwh"], totals[cc]["gas_high_eur_per_mwh"]), style="dim") for cc in countries])
    _unknown_row(table, cells, totals, countries, "gas", lang)
    table.add_section()

    def gap_cells(prefix: str, unit: str, digits: int = 2):
        out = []
        for cc in countries:
            if cc == ref:
                out.append("–")
                continue
            lo, hi = totals[cc][f"{prefix}_low_{unit}"], totals[cc][f"{prefix}_high_{unit}"]
            sign = band_sign(lo, hi)
            out.append(Text(band_text(lang, lo, hi, digits), style="red" if sign > 0 else "green" if sign < 0 else ""))
        return out

    table.add_row(Text(t(lang, "gas_gap", ref=ref), style="bold"), *gap_cells("gas_gap", "eur_per_mwh"))
    table.add_row(t(lang, "energy_gap", ref=ref), *gap_cells("energy_gap", "meur_per_year", digits=1))
    return Group(_Fitted(table), Text(t(lang, "gas_legend", ref=ref), style="dim"))


def print_comparison(result: Comparison, cfg: YearConfig, console: Console, lang: str = "nl", carrier: str = "electricity") -> None:
    for sector in result.sectors:
        if carrier in ("electricity", "all"):
            console.print(sector_table(result, cfg, sector, lang))
            console.print()
        if carrier in ("gas", "all"):
            table = gas_table(result, cfg, sector, lang)
            console.print(table if table is not None else Text(t(lang, "gas_none", sector=sector), style="dim"))
            console.print()
    if len(result.sectors) > 1 and carrier in ("electricity", "all"):
        console.print(summary_table(result, lang))
    for cc in result.countries:
        note = cfg.countries[cc].region_note
        if note is not None:
            console.print(Text(f"{country_name(lang, cc)}: {note.text(lang)}", style="dim"))


def _signed(value: float | None) -> str:
    return signed(value, 2)


def change_text(lang: str, row: dict, name: str) -> str:
    """A change as it may be quoted: a number (with its band under it, written as every band is), a
    one-sided bound, or 'onbekend'."""
    bound = row[f"{name}_bound"]
    low, high = row[f"{name}_low_eur_per_mwh"], row[f"{name}_high_eur_per_mwh"]
    if bound == "none":
        return t(lang, "unknown")
    if bound == "exact" and high - low < 0.005:
        return _signed(row[f"{name}_eur_per_mwh"])
    if bound == "exact":
        central = row[f"{name}_eur_per_mwh"]
        return (f"{_signed(central)}\n" if central is not None else "") + f"({band_text(lang, low, high)})"
    return f"? ≥ {_signed(low)}" if bound == "lower" else f"? ≤ {_signed(high)}"


def param_words(lang: str, path: str) -> str:
    """'NL netkosten' for NL.network.levels..., short enough for a footnote."""
    parts = path.removeprefix("scenario:").split(".")
    if parts[0] == "sectors":
        return f"{parts[1]}: {parts[-1]}"
    words = {
        "network": t(lang, "tx_network_costs"),
        "commodity": t(lang, "tx_wholesale_price"),
        "support": t(lang, "tx_support_measure"),
    }
    if parts[1] == "taxes" and len(parts) > 3:
        word = parts[3]
    elif parts[1] == "carbon" and len(parts) > 2:
        word = {"co2_levy": t(lang, "tx_co2_levy"), "indirect_cost_compensation": t(lang, "tx_ets_compensation")}.get(parts[2], parts[2])
    else:
        word = words.get(parts[1], parts[1])
    return f"{parts[0]} {word}"


def policy_table(table: pl.DataFrame, reference: str, title: str, lang: str = "nl") -> Group:
    """Per sector and country: the gap before and after a scenario and the change, with bands;
    a change that an unknown without bounds leaves open is 'onbekend', with what it depends on."""
    out = Table(title=title, title_justify="left")
    for name, justify in (
        ("Sector", "left"),
        (t(lang, "tx_country"), "left"),
        (t(lang, "tx_before"), "right"),
        (t(lang, "tx_after"), "right"),
        (t(lang, "tx_delta_electricity"), "right"),
        ("Δ CO2", "right"),
        (t(lang, "tx_delta_ref_meur", ref=reference), "right"),
    ):
        out.add_column(name, justify=justify, no_wrap=False)  # on a narrow terminal a header wraps; a number is never cut
    notes: dict[tuple[str, str], list[str]] = {}
    for row in table.iter_rows(named=True):
        if row["country"] == reference:
            continue
        ref_row = table.filter((pl.col("sector") == row["sector"]) & (pl.col("country") == reference)).row(0, named=True)
        before = {"gap_bound": row["gap_before_bound"], "gap_eur_per_mwh": row["gap_before_eur_per_mwh"],
                  "gap_low_eur_per_mwh": row["gap_before_low_eur_per_mwh"], "gap_high_eur_per_mwh": row["gap_before_high_eur_per_mwh"]}
        after = {"gap_bound": row["gap_after_bound"], "gap_eur_per_mwh": row["gap_after_eur_per_mwh"],
                 "gap_low_eur_per_mwh": row["gap_after_low_eur_per_mwh"], "gap_high_eur_per_mwh": row["gap_after_high_eur_per_mwh"]}
        change = change_text(lang, row, "gap_change")
        sign = band_sign(row["gap_change_low_eur_per_mwh"], row["gap_change_high_eur_per_mwh"]) if row["gap_change_bound"] == "exact" else 0
        style = "red" if sign > 0 else "green" if sign < 0 else ""
        cost = ref_row["sector_cost_change_meur_per_year"]
        out.add_row(
            row["sector"],
            row["country"],
            gap_text(lang, before).replace(" (", "\n(", 1),  # the central value, its band below it
            gap_text(lang, after).replace(" (", "\n(", 1),
            Text(change, style=style),
            change_text(lang, row, "direct_co2_gap_change"),
            "?" if cost is None else _fmt(cost, 1),
        )
        for name, what in (("gap_change", t(lang, "tx_electricity")), ("direct_co2_gap_change", t(lang, "tx_direct_co2"))):
            if row[f"{name}_bound"] != "exact":
                on = ", ".join(dict.fromkeys(param_words(lang, p) for p in row[f"{name}_open_on"])) or "?"
                notes.setdefault((what, on), []).append(f"{row['sector']} {row['country']}")
    out.caption = t(lang, "tx_policy_caption", ref=reference)
    out.caption_justify = "left"
    parts: list = [_Fitted(out)]
    for (what, on), where in notes.items():
        shown = ", ".join(where[:6]) + (f" {t(lang, 'tx_and')} {len(where) - 6} {t(lang, 'tx_more')}" if len(where) > 6 else "")
        parts.append(
            Text(
                t(lang, "tx_policy_open", what=what, shown=shown, on=on),
                style="dim",
            )
        )
    return Group(*parts)
