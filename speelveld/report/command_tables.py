"""The terminal tables of the commands besides `compare`: sources and their attention list, the
diff of two years, trends, closing the gap, sweeps, the business case, the list of configs and
the scenario parts of `toets`."""

from __future__ import annotations

import polars as pl
from rich import box
from rich.table import Table
from rich.text import Text

from speelveld.config.resolved import YearConfig
from speelveld.report.labels import (
    LABELS,
    band_text,
    country_name,
    gap_text,
    ikc_amount,
    line_label,
    num,
    t,
    units_in,
)
from speelveld.report.numbers import sig
from speelveld.report.terminal import DottedPath, _Fitted, _fmt, _gap_style, _signed, policy_table


def sources_tables(table: pl.DataFrame, year: int, lang: str = "nl") -> list[Table]:
    """One table per country: its sources by component, with how many values each supports."""
    out = []
    names = t(lang, "src_cols").split("|")
    for (country,), rows in table.group_by("country", maintain_order=True):
        tab = Table(title=t(lang, "src_title", year=year, country=country), title_justify="left")
        for name, justify in zip(names, ("left", "left", "left", "left", "right", "left"), strict=True):
            tab.add_column(name, justify=justify, no_wrap=justify == "right", overflow="fold")
        for r in rows.iter_rows(named=True):
            flags = ", ".join(f"{r[q]} {t(lang, 'q_' + q)}" for q in ("derived", "estimate", "projection", "unknown") if r.get(q))
            title = r["title"] + (f" — {r['publisher']}" if r["publisher"] else "")
            tab.add_row(r["component"], r["source_id"], Text(title + (f"\n{r['url']}" if r["url"] else "")), r["date"] or "–", str(r["values"]), flags)
        out.append(tab)
    return out


def short_path(path: str) -> str:
    """A parameter path without the structural words: NL.network.EHV.kw-contract.capacity_eur_per_kw_year."""
    parts = [p for p in path.split(".") if p not in ("levels", "variants", "all", "charges", "levies", "taxes")]
    return ".".join(parts)


def stale_tables(table: pl.DataFrame, year: int, verbose: bool = False, lang: str = "nl") -> list[Table]:
    """The values that need attention for ``year``, one line each, ranked by how much they can
    move the gaps (those that leave gaps open first); ``verbose`` adds each value's note."""
    items = table.group_by("path", maintain_order=True).agg(
        pl.col("country").first(), pl.col("value").first(), pl.col("unit").first(), pl.col("reason").unique(maintain_order=True),
        pl.col("detail").first(), pl.col("file").first(), pl.col("line").first(),
        pl.col("gap_width_eur_per_mwh").first(), pl.col("opens_gaps").first(), pl.col("gaps_moved").first(),
        pl.col("leverage_eur_per_mwh").first(), pl.col("gaps_leveraged").first(),
    )
    tab = Table(title=t(lang, "stale_title", year=year), caption=t(lang, "stale_caption"), title_justify="left", caption_justify="left")
    for i, (name, justify) in enumerate(zip(t(lang, "stale_cols").split("|"), ("right", "left", "right", "left", "right"), strict=True)):
        # the number, the value and the effect whole; the path wraps after its dots, the reason between words
        tab.add_column(name, justify=justify, overflow="fold", no_wrap=i in (0, 2, 4))
    tab.columns[1].min_width = 24  # a field name whole (capacity_eur_per_kw_year)
    for i, r in enumerate(items.iter_rows(named=True), start=1):
        value = "?" if r["value"] is None else f"{sig(r['value'])} {units_in(lang, r['unit'])}"
        if r["opens_gaps"]:
            effect = t(lang, "stale_opens", n=r["gaps_moved"])
        elif r["gaps_moved"]:
            effect = t(lang, "stale_widens", n=r["gaps_moved"], x=f"{num(r['gap_width_eur_per_mwh'], 2, lang)}")
        elif r["gaps_leveraged"]:
            effect = t(lang, "stale_leverage", n=r["gaps_leveraged"], x=f"{num(r['leverage_eur_per_mwh'], 2, lang)}")
        else:
            effect = "–"
        where = f"{r['file']}:{r['line']}" if r["line"] else r["file"]
        reasons = ", ".join(t(lang, "reason_" + reason) for reason in r["reason"])
        tab.add_row(str(i), DottedPath(short_path(r["path"])), value, reasons, effect)
        if verbose:
            tab.add_row("", Text(f"{where}: {r['detail'] or ''}", style="dim"), "", "", "")
    # on a narrow terminal the value, the reason and the effect wrap between their words; the path gets the room
    return [_Fitted(tab, lines=False, narrow_widths={2: 12, 3: 13, 4: 16})]


def diff_tables(d, top: int, lang: str = "nl", policy_words: dict[str, str] | None = None) -> list[Table]:
    """The change of every gap, then per sector and country the lines that moved it most."""
    ref = d.reference
    summary = Table(
        title=t(lang, "diff_title", ref=ref, a=d.label_a, b=d.label_b), caption=t(lang, "diff_caption", b=d.label_b),
        title_justify="left", caption_justify="left",
    )
    names = [{"{a}": d.label_a, "{b}": d.label_b}.get(n, n) for n in LABELS[lang]["diff_cols"].split("|")]
    for name, justify in zip(names, ("left", "left", "right", "right", "right", "right", "right", "right", "right"), strict=True):
        summary.add_column(name, justify=justify)
    prefix = {"exact": "", "lower": "≥ ", "upper": "≤ ", "none": "? "}
    for r in d.gaps.iter_rows(named=True):
        summary.add_row(
            r["sector"], r["country"], prefix[r["bound_a"]] + _fmt(r["gap_a"]), prefix[r["bound_b"]] + _fmt(r["gap_b"]), _signed(r["change"]),
            _signed(r["policy"]), _signed(r["real"]), _signed(r["data"]), _signed(r["co2_change"]),
        )
    out = [_Fitted(summary, lines=False)]
    decided = d.lines.filter(pl.col("policy").is_not_null()).select("side", "policy").unique(maintain_order=True)
    if decided.height:
        # a decision as the config labels it, or its English (core.compute.policy_words) in an English report
        words = (policy_words or {}) if lang == "en" else {}
        items = "; ".join(f"{r['side']}: {words.get(r['policy'], r['policy'])}" for r in decided.iter_rows(named=True))
        out.append(Text(t(lang, "diff_policy", items=items)))
    line_names = [{"{a}": d.label_a, "{b}": d.label_b}.get(n, n) for n in LABELS[lang]["diff_line_cols"].split("|")]
    for r in d.gaps.iter_rows(named=True):
        rows = d.lines.filter((pl.col("sector") == r["sector"]) & (pl.col("country") == r["country"]) & (pl.col("effect").abs() >= 0.005))
        tab = Table(
            title=f"{r['sector']} — {r['country']}: {_fmt(r['gap_a'])} → {_fmt(r['gap_b'])} €/MWh ({_signed(r['change'])})",
            caption=t(lang, "diff_line_caption", ref=ref, cc=r["country"]) + (t(lang, "diff_more", n=rows.height - top) if rows.height > top else ""),
            title_justify="left",
            caption_justify="left",
        )
        for name, justify in zip(line_names, ("left", "left", "right", "right", "right", "left"), strict=True):
            # a figure is never cut; a word longer than its column folds rather than ending in '…'
            tab.add_column(name, justify=justify, no_wrap=justify == "right", overflow="fold")
        for x in rows.head(top).iter_rows(named=True):
            flag = " ?" if x["unknown"] else ""
            kind = t(lang, "kind_" + x["kind"])
            if x["flag"]:
                # the flag change beside the kind: a carried estimate replaced by the published figure
                was, now = x["flag"].split("→")
                kind += f" ({t(lang, 'q_' + was)} → {t(lang, 'q_' + now)})"
            tab.add_row(x["side"], Text(line_label(lang, x["key"], x["label"]) + flag), _fmt(x["a"]) if x["a"] is not None else "–", _fmt(x["b"]) if x["b"] is not None else "–", _signed(x["effect"]), kind)
        # on a narrow terminal the kind wraps between its words ('(gepubliceerd →'), the label gets the room
        out.append(_Fitted(tab, lines=False, narrow_widths={len(line_names) - 1: 14}))
    return out


def _total_with_band(lang: str, row: dict) -> str:
    band = band_text(lang, row["total_low_eur_per_mwh"], row["total_high_eur_per_mwh"])
    central = _fmt(row["total_eur_per_mwh"])
    return central if band == central else f"{central}\n{band}"


def trend_tables(frame: pl.DataFrame, reference: str, lang: str = "nl", decided: pl.DataFrame | None = None) -> list:
    """Per sector: the electricity total per country and year, and the gap with its band; then
    the policy decisions the years' configs name, so a step in the trend reads as what it is."""
    years = sorted(frame["year"].unique().to_list())
    out = []
    for sector in frame["sector"].unique(maintain_order=True).to_list():
        sub = frame.filter(pl.col("sector") == sector)
        table = Table(
            title=t(lang, "tx_trend_title", sector=sector, ref=reference),
            title_justify="left",
        )
        table.add_column(t(lang, "tx_country"), no_wrap=True, min_width=11)
        for y in years:
            table.add_column(str(y), justify="right", no_wrap=True)
        for cc in sub["country"].unique(maintain_order=True).to_list():
            rows = {r["year"]: r for r in sub.filter(pl.col("country") == cc).iter_rows(named=True)}
            table.add_row(f"{cc} {t(lang, 'tx_total')}", *[
                "–" if y not in rows else _total_with_band(lang, rows[y]) for y in years
            ])
            if cc != reference:
                table.add_row(f"{cc} {t(lang, 'tx_gap')}", *[
                    # the band under the gap, as under each total: three years fit 80 columns unbroken
                    "–" if y not in rows else Text(gap_text(lang, rows[y]).replace(" (", "\n(", 1), style=_gap_style(rows[y])) for y in years
                ])
        out.append(table)
    if decided is not None and decided.height:
        policy = Table(title=t(lang, "tx_policy_title"), title_justify="left")
        for name in t(lang, "tx_policy_cols").split("|"):
            policy.add_column(name, overflow="fold")
        for r in decided.iter_rows(named=True):
            policy.add_row(str(r["year"]), r["country"], r["label_en"] if lang == "en" else r["label"], r["source"] or "–")
        out.append(policy)
    return out


def closing_tables(table: pl.DataFrame, totals: pl.DataFrame, budgets, year: int, reference: str, lang: str = "nl", caveats: dict[str, str] | None = None) -> list:
    """Per sector and neighbour: the relief that closes the gap and its cost; then all sectors.
    ``caveats``: per sector what its volume covers beyond the archetype, marked * beside its M€."""
    caveats = caveats or {}
    main = Table(
        title=t(lang, "tx_closing_title", year=year, ref=reference),
        caption=t(lang, "tx_relief_the_gap_where_nl_is"),
        title_justify="left", caption_justify="left",
    )
    for name, justify in (("Sector", "left"), (t(lang, "tx_country"), "left"), ("€/MWh", "right"), ("band", "right"),
                          (t(lang, "tx_gwh_yr"), "right"), (t(lang, "tx_meur_per_year"), "right"), ("band M€", "right")):
        main.add_column(name, justify=justify, no_wrap=True)
    for r in table.iter_rows(named=True):
        mwh = r["sector_electricity_mwh"]
        main.add_row(
            r["sector"] + (" *" if r["sector"] in caveats else ""), r["country"], _fmt(r["relief_eur_per_mwh"]),
            band_text(lang, r["relief_low_eur_per_mwh"], r["relief_high_eur_per_mwh"]),
            "?" if mwh is None else f"{num(mwh / 1000, 0)}",
            "?" if r["cost_meur_per_year"] is None else _fmt(r["cost_meur_per_year"], 0),
            "?" if r["cost_meur_per_year"] is None else band_text(lang, r["cost_low_meur_per_year"], r["cost_high_meur_per_year"], 0),
        )
    tot = Table(title=t(lang, "tx_all_sectors_together_m_yr"), title_justify="left", caption_justify="left")
    for name in (t(lang, "tx_country"), t(lang, "tx_meur_per_year"), "band", t(lang, "tx_sectors"), t(lang, "tx_without_volume")):
        tot.add_column(name, justify="left" if name in ("Land", "Country", "zonder volume", "without volume") else "right")
    for r in totals.iter_rows(named=True):
        tot.add_row(r["country"], _fmt(r["cost_meur_per_year"], 0), band_text(lang, r["cost_low_meur_per_year"], r["cost_high_meur_per_year"], 0),
                    str(r["sectors"]), ", ".join(r["left_out"]) or "–")
    lines = []
    if budgets.envelope_eur_per_year is not None:
        # how the amount may be called follows its quality: nothing is 'announced' unless its source says so
        status = t(lang, "tx_env_" + (budgets.envelope_quality or "estimate"))
        amount = num(budgets.envelope_eur_per_year / 1e6, 0)
        if budgets.envelope_low is not None and budgets.envelope_high is not None and budgets.envelope_high > budgets.envelope_low:
            amount += f" ({band_text(lang, budgets.envelope_low / 1e6, budgets.envelope_high / 1e6, 0)})"
        lines.append(t(lang, "tx_envelope", label=budgets.envelope_label, meur=amount, status=status, source=budgets.envelope_source))
    if budgets.ikc_eur_per_year is not None:
        lines.append(t(lang, "tx_ikc_budget", year=year, meur=ikc_amount(lang, budgets)))
    # the comparison and the caveats over the whole width, not wrapped to the narrow table above them
    legend = " ".join(lines) + (
        t(lang, "tx_the_sum_covers_only_the_model")
    ) + "".join(f" * {sector}: {text}." for sector, text in caveats.items() if sector in set(table["sector"].to_list()))
    return [main, tot, Text(legend)]


def state_cost_text(cost, reference: str, lang: str = "nl") -> list[str]:
    """The measure's cost to the state computed from the engine, in words."""
    if cost.meur_per_year is None:
        return [t(lang, "tx_cost_to_the_state_model_cannot")]
    band = band_text(lang, cost.low_meur_per_year, cost.high_meur_per_year, 0)
    out = [t(lang, "tx_state_cost_model", meur=f"{num(cost.meur_per_year, 0)}", band=band, n=len(cost.sectors))
           + (t(lang, "tx_without_volume_list", items=", ".join(cost.left_out)) if cost.left_out else ".")]
    if cost.ikc_claims_meur_per_year is not None:
        cut = (f" → pro rata {num(cost.ikc_pro_rata_pct, 0)} %" if cost.ikc_pro_rata_pct is not None else "")
        out.append(t(lang, "tx_ikc_claims", claims=f"{num(cost.ikc_claims_meur_per_year, 1)}", budget=f"{num(cost.ikc_budget_meur_per_year, 1)}", cut=cut))
        if cost.paid_pro_rata:
            out.append(t(lang, "tx_ikc_paid_pro_rata", pct=f"{num(cost.ikc_pro_rata_pct, 0)}", ref=reference))
    shares = [f"{cc}: {num(v, 0)} %" for cc, v in cost.share_closed_pct.items() if v is not None]
    if shares:
        out.append(t(lang, "tx_share_closed", items="; ".join(shares)))
    per = {cc: num(v, 0) for cc, v in cost.per_gap_closed.items() if v is not None}
    if len(set(per.values())) == 1 and len(per) > 1:
        # a Dutch measure lowers the Dutch bill alike against every neighbour: one figure, said so
        out.append(t(lang, "tx_per_gap_closed_same", meur=next(iter(per.values()))))
    elif per:
        out.append(t(lang, "tx_per_gap_closed", items="; ".join(f"{cc}: {v}" for cc, v in per.items())))
    return out


def share_text(pct: float, lang: str) -> str:
    """A share of draws to one decimal, never rounded to a certainty the draws do not show: one
    draw in a million the other way reads '> 99,9 %', not '100 %'."""
    if 0 < pct < 0.05:
        return f"< {num(0.1, 1, lang)} %"
    if 99.95 <= pct < 100:
        return f"> {num(99.9, 1, lang)} %"
    return f"{num(pct, 1 if 0 < pct < 100 else 0, lang)} %"


def sweep_tables(sector, year, n, elapsed, out_file, dist, tornado, varies, links, correlated, chosen, left_out, lang: str = "nl", metric: str = "gap_eur_per_mwh", bands: str | None = None) -> list:
    """The sweep's distribution per country, its tornado and what the distribution leaves out."""
    ref, others = chosen[0], chosen[1:]
    where = t(lang, "tx_written_to", path=out_file) if out_file else ""
    head = t(lang, "tx_sweep_head", sector=sector, year=year, n=f"{num(n, 0)}", s=f"{num(elapsed, 2)}", rate=f"{num(n / max(elapsed, 1e-9), 0)}", where=where)
    if metric == "break_even":
        title = t(lang, "tx_break_even_co2_price_of_electrifying")
        others = chosen
    else:
        title = t(lang, "tx_sweep_gap_title", ref=ref)
    table = Table(title=title, title_justify="left")
    for name in (t(lang, "tx_country_lower"), "min", "p5", t(lang, "tx_median"), "p95", "max"):
        table.add_column(name, justify="left" if name in ("land", "country") else "right")
    for row in dist.iter_rows(named=True):
        table.add_row(row["country"], *[("–" if row[k] is None else f"{num(row[k], 2)}") for k in ("min", "p5", "median", "p95", "max")])
    tor = Table(
        title=(t(lang, "tx_tornado_swing_of_the_mean_break") if metric == "break_even" else
               t(lang, "tx_tornado_swing_of_the_mean_gap")),
        caption=t(lang, "tx_tornado_caption", ref=ref),
        title_justify="left", caption_justify="left",
    )
    tor.add_column("parameter", overflow="fold")  # whole paths, folded: rows that differ only at the end must read apart
    for cc in others:
        tor.add_column(cc, justify="right", no_wrap=True)
    # the largest swing first (over the countries shown), as a tornado reads
    swings = {v.given: {r["country"]: r["swing_eur_per_mwh"] for r in tornado.filter(pl.col("parameter") == v.given).iter_rows(named=True)} for v in varies}
    for given in sorted(swings, key=lambda g: -max((abs(x) for x in swings[g].values() if x is not None), default=0.0)):
        sub = swings[given]
        label = DottedPath(given) if "=" not in given else given  # a path wraps after its dots; a spec as written
        tor.add_row(label, *[("–" if sub.get(cc) is None else f"{num(sub[cc], 2)}") for cc in others])
    parts: list = [head, table]
    if metric == "gap_eur_per_mwh":
        shares = ", ".join(f"{country_name(lang, r['country'], short=True)} {share_text(r['share_positive_pct'], lang)}" for r in dist.iter_rows(named=True) if r["share_positive_pct"] is not None)
        parts.append(Text(t(lang, "tx_share_dearer", ref=ref, shares=shares)))
        if bands is not None:
            from speelveld.core.sweep import PRICE_CORRELATION

            drawn = sum(1 for v in varies if v.dist == bands)
            rho = "; ".join(f"{'–'.join(sorted(k))} {num(r, 2)}" for k, r in PRICE_CORRELATION.items())
            parts.append(Text(t(lang, "tx_bands_assumption_" + bands, n=drawn, rho=rho), style="dim"))
    parts.append(tor)
    for link in links:
        if link.slope is not None:
            parts.append(Text(t(lang, "tx_linked_slope", target=link.target, source=link.source, slope=num(link.slope, 3), unit=link.unit), style="dim"))
        else:
            parts.append(Text(t(lang, "tx_linked_factor" if link.relative else "tx_linked_change", target=link.target, source=link.source), style="dim"))
    for v in varies:
        if v.clipped_pct >= 0.005:
            parts.append(Text(t(lang, "tx_clipped", path=v.given, pct=num(v.clipped_pct, 2)), style="dim"))
    if correlated:
        parts.append(Text(t(lang, "tx_normal_draws_correlated_as_given_by"), style="dim"))
    held = [f"{cc} {line_label(lang, key, label)}" for cc, label, state, key in left_out if state == "band"]
    dropped = [f"{cc} {line_label(lang, key, label)}" for cc, label, state, key in left_out if state != "band"]
    if held:
        parts.append(Text(t(lang, "tx_not_varied_at_the_middle_of") + "; ".join(held)
                          + t(lang, "tx_vary_them_with_vary_path_uniform"), style="dim"))
    if dropped:
        parts.append(Text(t(lang, "tx_left_out_of_the_distribution_unknown") + "; ".join(dropped) + ".", style="dim"))
    return parts


def business_case_tables(bc, lang: str = "nl") -> list:
    """Per country: the cost of a year of boiler heat by gas and electrically, the difference,
    the break-even CO2 price and the subsidy need per tonne avoided."""
    q = bc.quantities
    rows = {r["country"]: r for r in bc.table.iter_rows(named=True)}
    countries = list(rows)
    table = Table(
        title=t(lang, "tx_bc_title", sector=bc.sector, year=bc.year, label=bc.label_in(lang)),
        caption=t(lang, "tx_bc_caption", heat=f"{num(q.heat_mwh / 1000, 0)}", mw=f"{num(q.capacity_kw / 1000, 0)}", gas=f"{num(q.gas_saved_mwh / 1000, 0)}",
                  el=f"{num(q.electricity_mwh / 1000, 0)}", co2=f"{num(q.co2_avoided_t / 1000, 0)}"),
        title_justify="left", caption_justify="left",
        # no outer edge and no vertical rules: four countries' bands fit in 80 columns (boxed, the last was cut)
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
    )
    # the labels wrap between words; a word longer than the column (hogetemperatuurwarmtepomp) folds
    table.add_column("", no_wrap=False, max_width=42, min_width=11, overflow="fold")
    for cc in countries:
        table.add_column(cc, justify="right", no_wrap=False)  # "rendabel zonder CO2-prijs" and a band wrap between words

    def cell(r, key, digits=2, scale=1.0):
        v, lo, hi = r[key], r.get(f"{key}_low"), r.get(f"{key}_high")
        if v is None:
            return Text(band_text(lang, None if lo is None else lo * scale, None if hi is None else hi * scale, digits) + " ?", style="yellow")
        text = _fmt(v * scale, digits)
        if lo is not None and hi is not None and (hi - lo) * scale >= 0.5 * 10 ** -digits:
            text += "\n" + band_text(lang, lo * scale, hi * scale, digits)
        return text

    h = q.heat_mwh
    table.add_row(Text(t(lang, "tx_gas_boiler_mwh_of_heat"), style="bold cyan"), *[""] * len(countries))
    table.add_row("  " + t(lang, "tx_energy_gas"), *[_fmt(rows[cc]["gas_energy_eur_per_mwh_heat"]) for cc in countries])
    table.add_row("  " + t(lang, "tx_co2_eua_and_national_levy"), *[_fmt(None if rows[cc]["d_co2"] is None else -rows[cc]["d_co2"] / h) for cc in countries])
    table.add_row("  " + t(lang, "tx_capital_and_fixed_o_m"), *[_fmt(rows[cc]["capital_gas_eur_per_mwh_heat"]) for cc in countries])
    table.add_row(Text(f"{bc.label_in(lang)} (€/MWh {t(lang, 'tx_of_heat')})", style="bold cyan"), *[""] * len(countries))
    table.add_row("  " + t(lang, "tx_energy_electricity"), *[_fmt(rows[cc]["electric_energy_eur_per_mwh_heat"]) for cc in countries])
    table.add_row("  " + t(lang, "tx_capital_and_fixed_o_m"), *[_fmt(rows[cc]["capital_electric_eur_per_mwh_heat"]) for cc in countries])
    table.add_section()
    table.add_row(Text(t(lang, "tx_difference_per_year_m_yr"), style="bold"), *[cell(rows[cc], "difference", 1, 1e-6) for cc in countries])
    def break_even(row: dict):
        # a break-even below zero is no price to quote: electrifying pays without any CO2 price
        lo, hi, v = row["break_even_low"], row["break_even_high"], row["break_even"]
        if v is not None and hi is not None and hi < 0:
            return Text(t(lang, "tx_pays_without_co2"), style="green")
        if v is not None and v < 0:
            return Text(t(lang, "tx_pays_without_co2") + "\n" + band_text(lang, lo, hi, 0), style="green")
        if v is not None and lo is not None and lo < 0:
            return Text(cell(row, "break_even", 0) + " *")  # the caption: perhaps paying without a CO2 price
        return cell(row, "break_even", 0)

    table.add_row(Text(t(lang, "tx_break_even_co2_price_t"), style="bold"), *[break_even(rows[cc]) for cc in countries])
    table.add_row(Text(t(lang, "tx_subsidy_needed_t_co2_avoided"), style="bold"), *[cell(rows[cc], "subsidy", 0) for cc in countries])
    note = Text(t(lang, "tx_bc_note", year=bc.year, eua=f"{num(bc.eua_eur_per_t, 2)}"), style="dim")
    limits = " ".join(bc.technology_limits.text(lang).split()) if bc.technology_limits is not None else None
    maybe = [Text(t(lang, "tx_maybe_without_co2"), style="dim")] if any(
        r["break_even"] is not None and r["break_even"] >= 0 and r["break_even_low"] is not None and r["break_even_low"] < 0 for r in rows.values()) else []
    return [table, note, *maybe] + ([Text(t(lang, "tx_bc_limits", label=bc.label_in(lang), note=limits), style="dim")] if limits else [])


def list_tables(cfg: YearConfig, years: list[int], scenarios: list, lang: str = "nl") -> list:
    """`speelveld list`: the config directory, its price years, countries, sectors and scenarios."""
    parts: list = [
        f"{t(lang, 'tx_config_directory')}: {cfg.config_dir}",
        f"{t(lang, 'tx_price_years')}: {', '.join(map(str, years))}",
    ]
    table = Table(title=f"{t(lang, 'tx_countries')} ({cfg.year})", title_justify="left")
    for name in t(lang, "tx_cols_countries").split("|"):
        table.add_column(name)
    for cc, c in sorted(cfg.countries.items()):
        table.add_row(cc, c.name, c.network.operator)
    parts.append(table)
    table = Table(title=t(lang, "tx_sectors_title"), title_justify="left")
    for name in t(lang, "tx_cols_sectors").split("|"):
        table.add_column(name)
    for name, s in sorted(cfg.sectors.items()):
        q = cfg.param_of(s, "consumption_mwh").value
        h = cfg.param_of(s, "utilisation_hours") if s.utilisation_hours is not None else None
        table.add_row(name, s.name, f"{num(q / 1000, 0)}" if q else "?", f"{num(h.value, 0)}" if h and h.value else "–", s.voltage_level, ", ".join(s.nace))
    parts.append(table)
    table = Table(title=t(lang, "tx_scenarios_scenario_name"), title_justify="left")
    for i, name in enumerate(t(lang, "tx_cols_scenarios").split("|")):
        table.add_column(name, no_wrap=i == 0)  # the name is what --scenario takes: never cut it
    for name, sc, problem in scenarios:
        if sc is None:
            table.add_row(name, f"({t(lang, 'tx_cannot_be_read')}: {problem})", "")
            continue
        table.add_row(name, sc.title_in(lang), ", ".join(map(str, sc.years)) if sc.years else t(lang, "tx_all"))
    parts.append(table)
    return parts


def toets_parts(sc, table: pl.DataFrame, cost, year: int, reference: str, lang: str = "nl") -> list:
    """`speelveld toets`: the scenario, its effect per sector and country, and its cost to the
    state, computed from the engine and as the scenario file states it."""
    parts: list = [
        Text.assemble((sc.title_in(lang), "bold"), f" ({sc.name}, {t(lang, 'tx_price_year')} {year})"),
        Text(sc.description_in(lang), style="dim"),
        policy_table(table, reference, t(lang, "tx_level_playing_field_check_effect_per"), lang),
    ]
    parts += state_cost_text(cost, reference, lang)
    if sc.state_cost is not None:
        c = sc.state_cost
        src = sc.sources[c.source]
        flag = f" ({t(lang, 'q_' + c.quality.value)})" if c.quality else ""  # one of the four, checked on load
        amount = t(lang, "tx_unknown") if c.value is None else f"{num(c.value / 1e6, 0)} M€/{t(lang, 'tx_year_abbr')}"
        label = t(lang, "tx_cost_to_the_state_as_the")
        parts.append(f"{label} ({c.country}): {amount}{flag} — {src.title}" + (f", {src.url}" if src.url else ""))
        if c.note:
            parts.append(Text(c.note_in(lang), style="dim"))
    else:
        parts.append(Text(t(lang, "tx_the_scenario_states_no_cost_to"), style="dim"))
    return parts
