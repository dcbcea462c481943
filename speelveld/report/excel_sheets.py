"""Workbooks and sheets of the commands besides `report`: the closing-the-gap and trend sheets,
the business case and the spending options, and the annual workbook's Methode and Parameters
sheets and its charts (its sector sheets and summary are in excel.py)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison
from speelveld.report.excel import (
    BOLD,
    EUR,
    EUR0,
    GREEN,
    LINE_PT,
    RED,
    WRAP_TOP,
    _font,
    _header_row,
    _lines_of,
    _paragraph,
    _print_setup,
    _put_text,
    _run_sheet,
    new_workbook,
    save_workbook,
)
from speelveld.report.labels import WORKBOOK as TEXT
from speelveld.report.labels import band_text, conclusive, ikc_amount, t, units_in, year_label
from speelveld.report.numbers import num


def _closing_sheet(ws, result: Comparison, cfg: YearConfig, lang: str) -> None:
    from speelveld.core.closing import budgets, closing_totals, gap_closing

    tx = TEXT[lang]
    ref = result.reference
    table = gap_closing(result, cfg)
    money = budgets(cfg, ref)
    _put_text(ws, 1, 1, tx["closing_title"].format(year=result.year, ref=ref))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    parts = []
    if money.envelope_eur_per_year is not None:
        band = f"{band_text(lang, money.envelope_low / 1e6, money.envelope_high / 1e6, 0)}; " if money.envelope_low is not None and money.envelope_high is not None and money.envelope_high > money.envelope_low else ""
        parts.append(f"{money.envelope_label}: {num(money.envelope_eur_per_year / 1e6, 0)} M€ ({band}{t(lang, 'tx_env_' + (money.envelope_quality or 'estimate'))})")
    if money.ikc_eur_per_year is not None:
        parts.append(t(lang, "tx_ikc_budget", year=result.year, meur=ikc_amount(lang, money)).rstrip("."))
    _paragraph(ws, 2, tx["closing_note"].format(ref=ref, budgets="; ".join(parts)), 9, 30 + 8 * 14)
    header = 4
    for j, h in enumerate(tx["closing_head"], start=1):
        _put_text(ws, header, j, h)
        ws.cell(row=header, column=j).font = BOLD
        ws.cell(row=header, column=j).alignment = Alignment(wrap_text=True)
    r = header
    for r, row in enumerate(table.iter_rows(named=True), start=header + 1):
        _put_text(ws, r, 1, row["sector"])
        _put_text(ws, r, 2, row["country"])
        for j, key in enumerate(("relief_eur_per_mwh", "relief_low_eur_per_mwh", "relief_high_eur_per_mwh"), start=3):
            if row[key] is not None:
                ws.cell(row=r, column=j, value=row[key]).number_format = EUR
        if row["sector_electricity_mwh"] is not None:
            ws.cell(row=r, column=6, value=row["sector_electricity_mwh"]).number_format = EUR0
            ws.cell(row=r, column=7, value=f"=C{r}*F{r}/1000000").number_format = "#,##0.0"
            for j, key in ((8, "cost_low_meur_per_year"), (9, "cost_high_meur_per_year")):
                if row[key] is not None:
                    ws.cell(row=r, column=j, value=row[key]).number_format = "#,##0.0"
        else:
            _put_text(ws, r, 7, TEXT[lang]["flags"]["unknown"])
    r += 2
    for tot in closing_totals(table).iter_rows(named=True):
        _put_text(ws, r, 1, tx["closing_total"])
        _put_text(ws, r, 2, tot["country"])
        ws.cell(row=r, column=7, value=tot["cost_meur_per_year"]).number_format = "#,##0.0"
        for j, key in ((8, "cost_low_meur_per_year"), (9, "cost_high_meur_per_year")):
            if tot[key] is not None:
                ws.cell(row=r, column=j, value=tot[key]).number_format = "#,##0.0"
        ws.cell(row=r, column=1).font = BOLD
        r += 1
    ws.column_dimensions["A"].width = 30
    for c in "BCDEFGHI":
        ws.column_dimensions[c].width = 14
    ws.row_dimensions[header].height = 32
    _print_setup(ws, header)


TREND_CHART_ROWS = 13  # a 5.5 cm chart in rows of 13 pt, and a row of air


def _trend_sheet(ws, frame: pl.DataFrame, reference: str, lang: str) -> None:
    """Per sector a block: year rows, the gap to each country, its band as two number cells (empty
    = open) and each country's total; a line chart of the gaps over the years. Printed in two
    blocks of columns (gaps, bands and the chart; the totals), two sectors to a page."""
    from openpyxl.chart import LineChart
    from openpyxl.chart.marker import Marker
    from openpyxl.chart.series import SeriesLabel

    from speelveld.report.labels import country_name

    tx = TEXT[lang]
    years = sorted(frame["year"].unique().to_list())
    countries = frame["country"].unique(maintain_order=True).to_list()
    others = [c for c in countries if c != reference]
    k = len(others)
    low_col = lambda j: 2 + k + 2 * j  # noqa: E731
    total_col = lambda j: 2 + 3 * k + j  # noqa: E731
    # the title beside column A, not in it: column A is printed on every page (the years), and the
    # title overflowing from A1 was cut to "Trend: ve" on the page of the totals; that page gets its own
    for column in (2, total_col(0)):
        _put_text(ws, 1, column, tx["trend_title"].format(ref=reference))
        ws.cell(row=1, column=column).font = _font(bold=True, size=12)
    top = 3
    breaks = []
    block = len(years) + 3 + TREND_CHART_ROWS
    for n_block, sector in enumerate(frame["sector"].unique(maintain_order=True).to_list()):
        if n_block and n_block % 2 == 0:
            breaks.append(top - 1)
        sub = {(r["country"], r["year"]): r for r in frame.filter(pl.col("sector") == sector).iter_rows(named=True)}
        _put_text(ws, top, 1, sector)
        ws.cell(row=top, column=1).font = BOLD
        head = top + 1
        _put_text(ws, head, 1, tx["trend_year"])
        for j, cc in enumerate(others):
            _put_text(ws, head, 2 + j, tx["gap_mwh"].format(ref=reference, cc=cc))
            _put_text(ws, head, low_col(j), tx["gap_lo"].format(cc=cc))
            _put_text(ws, head, low_col(j) + 1, tx["gap_hi"].format(cc=cc))
        for j, cc in enumerate(countries):
            _put_text(ws, head, total_col(j), f"{tx['total']} {cc}")
        for c in range(1, total_col(len(countries))):
            ws.cell(row=head, column=c).font = BOLD
            ws.cell(row=head, column=c).alignment = WRAP_TOP
        ws.row_dimensions[head].height = 3 * LINE_PT
        for i, y in enumerate(years):
            r = head + 1 + i
            ws.cell(row=r, column=1, value=y)
            for j, cc in enumerate(others):
                row = sub.get((cc, y))
                if row is None:
                    continue
                c = ws.cell(row=r, column=2 + j, value=row["gap_eur_per_mwh"])
                c.number_format = EUR
                sign = conclusive(row)
                if sign:
                    c.fill = RED if sign > 0 else GREEN
                for d, key in enumerate(("gap_low_eur_per_mwh", "gap_high_eur_per_mwh")):
                    if row.get(key) is not None:
                        ws.cell(row=r, column=low_col(j) + d, value=row[key]).number_format = EUR
            for j, cc in enumerate(countries):
                row = sub.get((cc, y))
                if row is not None:
                    ws.cell(row=r, column=total_col(j), value=row["total_eur_per_mwh"]).number_format = EUR
        last = head + len(years)
        chart = LineChart()
        # a title of one line and a legend of country codes: at 5.5 cm (two sectors to a printed
        # page) a two-line title and the columns' long headers in the legend left the plot a strip
        chart.title = f"{sector}: {tx['gap'].format(ref=reference)}"
        chart.y_axis.title = "€/MWh"
        chart.add_data(Reference(ws, min_col=2, max_col=1 + k, min_row=head + 1, max_row=last), titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=1, min_row=head + 1, max_row=last))
        for s, cc in zip(chart.series, others, strict=True):
            s.tx = SeriesLabel(v=country_name(lang, cc, short=True))
            s.smooth = False  # straight lines between the years, each year a marker
            s.marker = Marker(symbol="circle", size=6)
        chart.x_axis.tickLblPos = "low"
        chart.height, chart.width = 5.5, 14
        chart.legend.position = "b"
        ws.add_chart(chart, f"B{last + 2}")  # under its table, on the same printed page
        top += block + 2
    ws.column_dimensions["A"].width = 10
    for c in range(2, total_col(len(countries))):
        ws.column_dimensions[get_column_letter(c)].width = 11 if c < low_col(0) or c >= total_col(0) else 9
    _print_setup(ws, None, title_cols="A:A", col_breaks=[total_col(0) - 1], row_breaks=breaks)


def write_business_case_workbook(path: Path, bc, meta: dict, lang: str = "nl") -> None:
    """The business case of `speelveld business-case --excel`: quantities, the cost of a year of
    heat per country by gas and electrically (€/yr, live sums), break-even price and subsidy."""
    wb = new_workbook()
    ws = wb.active
    ws.title = t(lang, "tx_business_case")
    q = bc.quantities
    _put_text(ws, 1, 1, t(lang, "tx_bc_title", sector=bc.sector, year=bc.year, label=bc.label_in(lang)))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    facts = [
        (t(lang, "tx_heat_mwh_yr"), q.heat_mwh), (t(lang, "tx_gas_saved_mwh_yr"), q.gas_saved_mwh),
        (t(lang, "tx_electricity_added_mwh_yr"), q.electricity_mwh), (t(lang, "tx_co2_avoided_t_yr"), q.co2_avoided_t),
        (t(lang, "tx_capacity_kw_of_heat"), q.capacity_kw), (t(lang, "tx_eua_price_t"), bc.eua_eur_per_t),
    ]
    for i, (label, value) in enumerate(facts, start=3):
        _put_text(ws, i, 1, label)
        ws.cell(row=i, column=2, value=value).number_format = EUR0 if value > 1000 else EUR
    header = 3 + len(facts) + 1
    rows = {r["country"]: r for r in bc.table.iter_rows(named=True)}
    countries = list(rows)
    _put_text(ws, header, 1, t(lang, "tx_eur_per_year"))
    for j, cc in enumerate(countries, start=2):
        _put_text(ws, header, j, cc)
        ws.cell(row=header, column=j).font = BOLD
    items = [
        ("d_electricity", t(lang, "tx_electricity_bill")),
        ("d_gas", t(lang, "tx_delta_gas_bill")),
        ("d_co2", t(lang, "tx_co2_costs_eua_tonnes_avoided_national")),
        ("annuity_electric", t(lang, "tx_bc_capital", label=bc.label_in(lang))),
        ("annuity_gas", t(lang, "tx_gas_boiler_capital_and_o_m")),
    ]
    first = header + 1
    for i, (key, label) in enumerate(items, start=first):
        _put_text(ws, i, 1, label)
        for j, cc in enumerate(countries, start=2):
            v = rows[cc][key]
            if v is None:
                _put_text(ws, i, j, TEXT[lang]["flags"]["unknown"])
            else:
                ws.cell(row=i, column=j, value=-v if key == "annuity_gas" else v).number_format = EUR0
    diff_row = first + len(items)
    _put_text(ws, diff_row, 1, t(lang, "tx_difference_per_year_0_electrifying_costs"))
    ws.cell(row=diff_row, column=1).font = BOLD
    be_row, sub_row = diff_row + 1, diff_row + 2
    _put_text(ws, be_row, 1, t(lang, "tx_break_even_co2_price_t"))
    _put_text(ws, sub_row, 1, t(lang, "tx_subsidy_needed_t_avoided"))
    co2_cell, eua_cell = f"$B${3 + 3}", f"$B${3 + 5}"
    for j, cc in enumerate(countries, start=2):
        col = get_column_letter(j)
        ws.cell(row=diff_row, column=j, value=f"=SUM({col}{first}:{col}{diff_row - 1})").number_format = EUR0
        ws.cell(row=be_row, column=j, value=f"={eua_cell}+{col}{diff_row}/{co2_cell}").number_format = EUR
        ws.cell(row=sub_row, column=j, value=f"=MAX({col}{diff_row},0)/{co2_cell}").number_format = EUR
        r = rows[cc]
        for d, key in enumerate(("break_even_low", "break_even_high")):
            if r[key] is not None:
                ws.cell(row=sub_row + 2 + d, column=j, value=r[key]).number_format = EUR
    _put_text(ws, sub_row + 2, 1, t(lang, "tx_bc_band_low"))
    _put_text(ws, sub_row + 3, 1, t(lang, "tx_bc_band_high"))
    ws.column_dimensions["A"].width = 52
    for j in range(2, 2 + len(countries)):
        ws.column_dimensions[get_column_letter(j)].width = 16
    _print_setup(ws, header)
    _run_sheet(wb.create_sheet(TEXT[lang]["run"]), meta, lang)
    save_workbook(wb, path)


def write_options_workbook(path: Path, results: list, titles: dict[str, str], meta: dict, lang: str = "nl") -> None:
    """The sheet *Bestedingsopties*: the options' names and two charts over the years (the headline
    gap per option, the state cost against the envelope), with their data; then a sheet per year:
    per option the state cost against the envelope, the headline gaps before and after and the
    state-aid verdict, every figure a number cell, and the memo's sentence per option. A year's
    table is one printed page, so no table is split across pages."""
    tx = TEXT[lang]
    wb = new_workbook()
    ws = wb.active
    ws.title = t(lang, "op_sheet")
    options = list(dict.fromkeys(r.option for r in results))
    years = sorted({r.year for r in results})
    _options_charts(ws, results, options, years, titles, lang)
    number = {name: str(i + 1) if name != "mix" else "mix" for i, name in enumerate(options)}
    for year in years:
        rows = sorted((r for r in results if r.year == year), key=lambda r: options.index(r.option))
        _options_year_sheet(wb.create_sheet(year_label(lang, year, rows[0].projection)), rows, titles, number, lang)
    _run_sheet(wb.create_sheet(tx["run"]), meta, lang)
    save_workbook(wb, path)


def _options_year_sheet(ws, rows: list, titles: dict[str, str], number: dict[str, str], lang: str) -> None:
    """One year of the options: the table (one printed page wide and long) and the memo."""
    from speelveld.report.options import memo_sentence, verdict_mark

    year = rows[0].year
    _put_text(ws, 1, 1, t(lang, "op_year_sheet_title", year=year_label(lang, year, rows[0].projection)))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    head = 3
    columns = t(lang, "op_xl_cols").split("|")  # the sheet is the year: no year or projection column
    for j, name in enumerate(columns):
        ws.cell(row=head, column=1 + j, value=name)  # made bold and wrapped by _header_row below
    empty = ((None, None, None), (None, None, None))
    r = head
    for res in rows:
        r += 1
        chemie, staal = res.shown.get(("chemie", "DE"), empty), res.shown.get(("staal", "DE"), empty)
        values = [
            res.option, res.state_cost_meur, res.state_cost_low_meur, res.state_cost_high_meur,
            *res.headroom_meur, chemie[0][0], *chemie[1], staal[0][0], *staal[1], res.money_useful_pct.get("DE"),
            verdict_mark(res, lang), sum(1 for c in res.checks if c.status == "fail"),
        ]
        for j, v in enumerate(values):
            cell = ws.cell(row=r, column=1 + j, value=v)
            if j >= 1 and isinstance(v, float):
                cell.number_format = "#,##0.0"
    widths = {1: 36, **{c: 9 for c in range(2, 1 + len(columns))}}
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    _header_row(ws, head, widths)
    # the option, its cost and headroom, and chemie's and staal's gaps before and after on the first
    # page; their bands, the share of money that closes a gap and the state-aid verdict on the next
    first_page = 13
    last = r + 2
    _put_text(ws, last, 1, t(lang, "op_xl_words", year=year))
    ws.cell(row=last, column=1).font = BOLD
    for res in rows:  # the memo's sentences, one per option, in the table's order
        last += 1
        _paragraph(ws, last, memo_sentence(lang, res, titles, number[res.option]), first_page, sum(w for c, w in widths.items() if c <= first_page))
    _print_setup(ws, head, title_cols="A:A", col_breaks=[first_page])


def _options_charts(ws, results: list, options: list[str], years: list[int], titles: dict[str, str], lang: str) -> None:
    """The options' names, and two charts over the years with their data."""
    from openpyxl.chart import LineChart
    from openpyxl.chart.marker import Marker

    projection = {r.year: r.projection for r in results}
    _put_text(ws, 1, 1, t(lang, "op_sheet_title"))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    widths = {1: 36, **{c: 12 for c in range(2, 3 + len(options))}}
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    printed = sum(widths.values())
    _paragraph(ws, 2, " ".join(f"{n}: {titles.get(n, n)}." for n in options), len(widths), printed)
    by = {(x.option, x.year): x for x in results}

    def year_table(top: int, title: str, last_column: str, of_option, of_year, fmt: str) -> None:
        """Chart data: a row per year, a column per option (``of_option``) and one more the same
        for every option (``of_year``, read from the year's first result)."""
        _put_text(ws, top, 1, title)
        ws.cell(row=top, column=1).font = BOLD
        ws.cell(row=top + 1, column=1, value=t(lang, "op_year"))
        for j, name in enumerate(options):
            ws.cell(row=top + 1, column=2 + j, value=name)
        ws.cell(row=top + 1, column=2 + len(options), value=last_column)
        for i, y in enumerate(years):
            ws.cell(row=top + 2 + i, column=1, value=year_label(lang, y, projection[y]))
            for j, name in enumerate(options):
                x = by.get((name, y))
                ws.cell(row=top + 2 + i, column=2 + j, value=None if x is None else of_option(x)).number_format = fmt
            first = next((x for x in results if x.year == y), None)
            ws.cell(row=top + 2 + i, column=2 + len(options), value=None if first is None else of_year(first)).number_format = fmt
        _header_row(ws, top + 1, {c: widths[c] for c in range(1, 3 + len(options))})  # the option names, wrapped

    # the headline gap after each option, per year (rows) and option (columns)
    top = 4
    year_table(top, t(lang, "op_chart_gap"), t(lang, "op_without"), lambda x: x.headline_after[0], lambda x: x.headline_before[0], EUR)
    chart = LineChart()
    chart.title = t(lang, "op_chart_gap")
    chart.y_axis.title = "€/MWh"
    chart.add_data(Reference(ws, min_col=2, max_col=2 + len(options), min_row=top + 1, max_row=top + 1 + len(years)), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 2, max_row=top + 1 + len(years)))
    for series in chart.series:
        series.smooth = False
        series.marker = Marker(symbol="circle")
    chart.x_axis.tickLblPos = "low"
    chart.height, chart.width = 8, 16
    chart.legend.position = "b"
    ws.add_chart(chart, f"A{top + 3 + len(years)}")
    # the state cost per option and the envelope, per year
    top2 = top + 3 + len(years) + 20  # the chart above: 8 cm, 18 rows of 13 pt
    year_table(top2, t(lang, "op_chart_cost"), t(lang, "op_envelope"), lambda x: x.state_cost_meur, lambda x: x.envelope_meur, "#,##0.0")
    bars = BarChart()
    bars.title = t(lang, "op_chart_cost")
    bars.y_axis.title = "M€/jr" if lang == "nl" else "M€/yr"
    bars.add_data(Reference(ws, min_col=2, max_col=2 + len(options), min_row=top2 + 1, max_row=top2 + 1 + len(years)), titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=top2 + 2, max_row=top2 + 1 + len(years)))
    bars.x_axis.tickLblPos = "low"
    bars.height, bars.width = 8, 16
    bars.legend.position = "b"
    ws.add_chart(bars, f"A{top2 + 3 + len(years)}")
    # each chart on a page with its data
    _print_setup(ws, None, title_cols="A:A", row_breaks=[top2 - 1])


def _parameters_sheet(ws, cfg: YearConfig, lang: str) -> None:
    """Every parameter with its value, band, unit, quality and source, described in words (the
    export sheet's description); the appendix of the printed workbook shows columns A–I. The path
    (for --set and the input workbook), the URL and the note, often a paragraph, stay in the
    workbook."""
    from speelveld.report.inputs_xlsx import describe

    tx = TEXT[lang]
    header = tx["params"]
    flags = tx["flags"]
    for j, h in enumerate(header, start=1):
        _put_text(ws, 1, j, h)
        ws.cell(row=1, column=j).font = BOLD
    for i, p in enumerate(cfg.params.values(), start=2):
        parts = p.path.split(".")
        scope = parts[0] if parts[0] != "sectors" else f"sector {parts[1]}"
        component = parts[1] if parts[0] != "sectors" else "archetype"
        _put_text(ws, i, 1, scope)
        # an EU-wide figure: the EU ETS prices
        _put_text(ws, i, 2, "EU ETS" if parts[0] == "eu" else tx["components"].get(component, component))
        _put_text(ws, i, 3, describe(cfg, p, lang))
        if p.value is not None:
            ws.cell(row=i, column=4, value=p.value).number_format = "General"
        else:
            _put_text(ws, i, 4, flags["unknown"])
        if p.low is not None:
            ws.cell(row=i, column=5, value=p.low)
        if p.high is not None:
            ws.cell(row=i, column=6, value=p.high)
        _put_text(ws, i, 7, units_in(lang, p.unit))  # €/jr in Dutch
        _put_text(ws, i, 8, flags[p.quality.value])
        _put_text(ws, i, 9, p.source.title)
        _put_text(ws, i, 10, p.path)
        _put_text(ws, i, 11, p.source.url or "")
        _put_text(ws, i, 12, p.note or "")
    ws.freeze_panes = "A2"
    last = len(cfg.params) + 1
    ws.auto_filter.ref = f"A1:L{last}"
    widths = dict(zip("ABCDEFGHIJKL", (11, 12, 44, 10, 8, 8, 10, 11, 48, 40, 36, 70), strict=True))
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    top = Alignment(vertical="top")
    apart = Alignment(vertical="top", indent=1)  # the unit stands clear of the high end before it
    for r in range(2, last + 1):
        lines = 1
        for col in "ABCDEFGHIJKL":
            cell = ws[f"{col}{r}"]
            if col in "CI":
                cell.alignment = WRAP_TOP
                lines = max(lines, _lines_of(str(cell.value or ""), widths[col]))
            else:
                cell.alignment = apart if col == "G" else top
        ws.row_dimensions[r].height = LINE_PT * min(lines, 12)
    _print_setup(ws, 1, area=f"A1:I{last}")


def _method_sheet(ws, cfg: YearConfig, lang: str) -> None:
    """The cost model in words (the README's text), the quality legend and the data status."""
    from collections import Counter

    from speelveld.core.provenance import scope_and_component
    from speelveld.report.method import METHOD, plain

    tx = TEXT[lang]
    row = 1
    wrap = Alignment(wrap_text=True, vertical="top")
    width = 80  # characters of column A; one A4 portrait page wide

    def fit(r: int, text: str) -> None:
        # spreadsheet programs do not grow a row for wrapped text written by a library: give each
        # paragraph the height of its lines, so the printed page shows it whole
        ws.row_dimensions[r].height = LINE_PT * _lines_of(text, width * 1.1)

    for kind, text in METHOD[lang]:
        if kind in ("h2", "h3"):
            row += 1 if row > 1 else 0
            _put_text(ws, row, 1, plain(text))
            ws.cell(row=row, column=1).font = _font(bold=True, size=12 if kind == "h2" else 10)
        else:
            _put_text(ws, row, 1, ("• " if kind == "li" else "") + plain(text))
            ws.cell(row=row, column=1).alignment = wrap
            fit(row, plain(text))
        row += 1
    row += 1
    _put_text(ws, row, 1, tx["legend_title"])
    ws.cell(row=row, column=1).font = _font(bold=True)
    row += 1
    for key, mark in (("published", ""), ("derived", "≈"), ("estimate", "~"), ("projection", "»"), ("unknown", "?")):
        _put_text(ws, row, 1, f"{mark or '·'}  {tx['flags'][key]}: {tx['legend_' + key]}")
        ws.cell(row=row, column=1).alignment = wrap
        fit(row, tx["legend_" + key])
        row += 1
    _put_text(ws, row, 1, tx["notes_language"])
    ws.cell(row=row, column=1).alignment = wrap
    fit(row, tx["notes_language"])
    row += 2
    _put_text(ws, row, 1, tx["status_title"].format(year=cfg.year))
    ws.cell(row=row, column=1).font = _font(bold=True)
    row += 1
    counts: dict[str, Counter] = {}
    for p in cfg.params.values():
        counts.setdefault(scope_and_component(p.path)[0], Counter())[p.quality.value] += 1
    for scope in sorted(counts, key=lambda s: ({"EU": 0, "sectors": 2}.get(s, 1), s)):
        c = counts[scope]
        parts = ", ".join(f"{c[k]} {tx['flags'][k]}" for k in ("published", "derived", "estimate", "projection", "unknown") if c[k])
        unknown = [p for p in cfg.params.values() if scope_and_component(p.path)[0] == scope and p.value is None]
        bounded = sum(1 for p in unknown if p.low is not None and p.high is not None)
        extra = tx["status_unknown"].format(n=len(unknown), bounded=bounded) if unknown else ""
        _put_text(ws, row, 1, f"{scope}: {parts}{extra}")
        ws.cell(row=row, column=1).alignment = wrap
        fit(row, f"{scope}: {parts}{extra}")
        row += 1
    ws.column_dimensions["A"].width = width
    _print_setup(ws, None, orientation="portrait")


NET_MARKER = "1F1F1F"  # the net total's marker: near black, visible on every family's colour
CHART_ROWS = 21  # rows of 13 pt a sector chart of 8.5 cm takes, with its title row and air


def _charts_sheet(ws, data: list[tuple], lang: str) -> None:
    """One chart per sector, two to a printed page (a page break between pairs, so no chart is cut):
    a stacked bar per country with one segment per family of the electricity price (a handful of
    legend entries, so the bars stay visible when printed), fed by the SUM formulas on the sector's
    sheet; a marker for the net total, which the bars (reliefs below zero) do not show; direct CO2
    is a cost beside the electricity price, not part of it, so it stays out of the stack."""
    from openpyxl.chart import LineChart
    from openpyxl.chart.marker import Marker
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.line import LineProperties

    tx = TEXT[lang]
    _put_text(ws, 1, 1, tx["charts_title"])
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    row = 3
    breaks = []
    for i, (src, name, top, n_families, countries, mwh_col) in enumerate(data):
        if i and i % 2 == 0:
            breaks.append(row - 1)
        _put_text(ws, row, 1, name)
        ws.cell(row=row, column=1).font = BOLD
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = f"{name}: {tx['chart']}"
        chart.y_axis.title = "€/MWh"
        last_col = mwh_col(len(countries) - 1)
        chart.add_data(Reference(src, min_col=2, max_col=last_col, min_row=top + 1, max_row=top + n_families), from_rows=True, titles_from_data=True)
        categories = Reference(src, min_col=mwh_col(0), max_col=last_col, min_row=top, max_row=top)
        chart.set_categories(categories)
        chart.x_axis.tickLblPos = "low"  # the country names under the axis, not over bars below zero
        net_row = top + n_families + 1
        net = LineChart()
        net.add_data(Reference(src, min_col=2, max_col=last_col, min_row=net_row, max_row=net_row), from_rows=True, titles_from_data=True)
        for s in net.series:
            # a dark marker with a dark edge: the default (white-filled) one vanished on the pale bars
            s.marker = Marker(symbol="diamond", size=9, spPr=GraphicalProperties(solidFill=NET_MARKER, ln=LineProperties(solidFill=NET_MARKER)))
            s.graphicalProperties.line.noFill = True  # a marker per country, no line between countries
            s.smooth = False
        net.set_categories(categories)
        chart += net
        chart.legend.position = "b"
        chart.height, chart.width = 8.5, 18
        ws.add_chart(chart, f"A{row + 1}")
        row += CHART_ROWS
    ws.column_dimensions["A"].width = 100
    _print_setup(ws, None, row_breaks=breaks)
