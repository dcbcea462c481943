"""The Excel workbook of a run: summary, one sheet per sector, charts, parameters, run manifest.

Cost lines are written as values; totals and gaps are live formulas over those cells, so an
auditor can change a line and watch the gap move. Text from configs is always written as text
(never as a formula), and the file is byte-identical for identical inputs.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import polars as pl
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison
from speelveld.core.lines import ELECTRICITY_FAMILIES, FAMILIES
from speelveld.report.labels import GENERIC_ROW_LABELS, band_text, conclusive, ikc_amount, line_label, t, units_in, year_label
from speelveld.report.labels import WORKBOOK as TEXT
from speelveld.report.notes import gap_note, headline
from speelveld.report.numbers import num

FIXED_TIME = dt.datetime(2000, 1, 1)
RED = PatternFill("solid", fgColor="F4CCCC")
GREEN = PatternFill("solid", fgColor="D9EAD3")
# Arial 10 (Liberation Sans where Arial is missing, with the same widths): a column's width and a
# row's lines come out the same in Excel and in LibreOffice, which substitutes Calibri by a wider font
FONT_NAME, FONT_SIZE, LINE_PT = "Arial", 10, 13


def _font(bold: bool = False, size: int = FONT_SIZE) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, family=2)


BOLD = _font(bold=True)
EUR = '#,##0.00'
EUR0 = '#,##0'
# Printed at a fixed scale, never fit-to-page (which shrank a wide sheet to 4 pt): 11 pt cell text
# prints at 9.4 pt and a chart's 10 pt at 8.5 pt, above the 8 pt floor of a document for parliament.
PRINT_SCALE = 85
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def _put_text(ws, row: int, column: int, text) -> None:
    cell = ws.cell(row=row, column=column)
    cell.value = text
    if isinstance(text, str):
        cell.data_type = "s"  # config text starting with = + - @ stays text, never a formula


def write_workbook(path: Path, result: Comparison, cfg: YearConfig, meta: dict, lang: str = "nl", trend: pl.DataFrame | None = None) -> int:
    """Write the workbook; returns its number of sheets."""
    wb = build_workbook(result, cfg, meta, lang, trend)
    save_workbook(wb, path)
    return len(wb.sheetnames)


def write_trend_workbook(path: Path, frame: pl.DataFrame, reference: str, meta: dict, lang: str = "nl") -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = "Trend"
    _trend_sheet(ws, frame, reference, lang)
    _run_sheet(wb.create_sheet(TEXT[lang]["run"]), meta, lang)
    save_workbook(wb, path)


def write_toets_workbook(path: Path, sc, table: pl.DataFrame, cost, year: int, reference: str, meta: dict, lang: str = "nl") -> None:
    """`speelveld toets --excel`: per sector and country the gap before and after the scenario and
    its change, each as a central value and its band in number cells, the change of the sector's
    cost, and the cost to the state in words (the engine's, and the one the scenario states)."""
    from speelveld.report.terminal import state_cost_text

    wb = new_workbook()
    ws = wb.active
    ws.title = t(lang, "tt_sheet")
    heads = t(lang, "tt_cols", ref=reference).split("|")
    widths = {1: 12, 2: 7, **{c: 9 if (c - 3) % 3 else 12 for c in range(3, 3 + len(heads) - 2)}}
    _put_text(ws, 1, 1, f"{sc.title_in(lang)} ({sc.name}, {year})")
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    page = sum(widths.values())
    _paragraph(ws, 2, " ".join(sc.description_in(lang).split()), len(heads), page)
    header = 4
    for c, h in enumerate(heads, start=1):
        _put_text(ws, header, c, h)
    _header_row(ws, header, widths)
    keys = [f"gap_{part}{suffix}" for part in ("before", "after", "change") for suffix in ("_eur_per_mwh", "_low_eur_per_mwh", "_high_eur_per_mwh")]
    r = header
    for row in table.filter(pl.col("country") != reference).iter_rows(named=True):
        r += 1
        _put_text(ws, r, 1, row["sector"])
        _put_text(ws, r, 2, row["country"])
        for c, key in enumerate(keys, start=3):
            if row[key] is not None:
                cell = ws.cell(row=r, column=c, value=row[key])
                cell.number_format = EUR
                if key == "gap_after_eur_per_mwh":
                    sign = conclusive({"gap_bound": row["gap_after_bound"], "gap_low_eur_per_mwh": row["gap_after_low_eur_per_mwh"], "gap_high_eur_per_mwh": row["gap_after_high_eur_per_mwh"]})
                    if sign:
                        cell.fill = RED if sign > 0 else GREEN
        _put_text(ws, r, 3 + len(keys), t(lang, row["gap_after_bound"]))
    ws.freeze_panes = ws.cell(row=header + 1, column=3)
    r += 2
    for line in state_cost_text(cost, reference, lang):
        _paragraph(ws, r, line, len(heads), page)
        r += 1
    if sc.state_cost is not None:
        c = sc.state_cost
        src = sc.sources[c.source]
        amount = t(lang, "tx_unknown") if c.value is None else f"{num(c.value / 1e6, 0)} M€/{t(lang, 'tx_year_abbr')}"
        flag = f" ({t(lang, 'q_' + c.quality.value)})" if c.quality else ""
        _paragraph(ws, r, f"{t(lang, 'tx_cost_to_the_state_as_the')} ({c.country}): {amount}{flag} — {src.title}" + (f", {src.url}" if src.url else ""), len(heads), page)
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    _print_setup(ws, header)
    run = wb.create_sheet(TEXT[lang]["run"])
    _run_sheet(run, meta, lang)
    for sheet in wb.worksheets:
        sheet.oddHeader.center.text = t(lang, "tx_workbook_head", year=year) + f" — {sc.name}"
    save_workbook(wb, path)


def build_workbook(result: Comparison, cfg: YearConfig, meta: dict, lang: str = "nl", trend: pl.DataFrame | None = None) -> Workbook:
    tx = TEXT[lang]
    wb = new_workbook()
    summary = wb.active
    summary.title = tx["summary"]
    gap_cells: dict[tuple[str, str], str] = {}
    chart_data = []
    for sector in result.sectors:
        gaps, data = _sector_sheet(wb, result, cfg, sector, lang)
        gap_cells.update(gaps)
        chart_data.append(data)
    _charts_sheet(wb.create_sheet(tx["charts"]), chart_data, lang)
    _summary_sheet(summary, result, cfg, gap_cells, lang)
    _method_sheet(wb.create_sheet(tx["method"], 1), cfg, lang)
    _closing_sheet(wb.create_sheet(tx["closing"]), result, cfg, lang)
    from speelveld.config.calendar import calendar_rows
    from speelveld.report.calendar import calendar_sheet

    calendar_sheet(wb.create_sheet(t(lang, "cal_sheet")), calendar_rows(cfg), cfg.year, lang)
    if trend is not None and trend["year"].n_unique() > 1:
        _trend_sheet(wb.create_sheet("Trend"), trend, result.reference, lang)
    _parameters_sheet(wb.create_sheet(tx["parameters"]), cfg, lang)
    _run_sheet(wb.create_sheet(tx["run"]), meta, lang)
    heading = _page_heading(result, cfg, lang)
    for ws in wb.worksheets:
        ws.oddHeader.center.text = heading  # every printed page says which year and scenario it is
    return wb


def _page_heading(result: Comparison, cfg: YearConfig, lang: str) -> str:
    head = t(lang, "tx_workbook_head", year=year_label(lang, result.year, result.projection))
    return head + (f" — scenario {cfg.scenario}" if cfg.scenario else "")


def _sector_sheet(wb: Workbook, result: Comparison, cfg: YearConfig, sector: str, lang: str) -> tuple[dict, tuple]:
    """Columns: category, line, then per country €/MWh (a formula over €/yr), per country the
    quality flag, per country the band as two number cells (low, high; empty = open), per country
    €/yr (the engine's value, or the text 'onbekend'). The print shows the first three groups on
    two pages wide, the category and line repeated; the €/yr figures stay in the workbook."""
    tx = TEXT[lang]
    ref = result.reference
    countries = result.countries
    n = len(countries)
    ws = wb.create_sheet(sector[:31])
    q = cfg.params[f"sectors.{sector}.consumption_mwh"].value
    _put_text(ws, 1, 1, f"{cfg.sectors[sector].name} — {result.year}" + (f" — scenario {cfg.scenario}" if cfg.scenario else ""))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    _put_text(ws, 2, 1, tx["consumption"])
    ws.cell(row=2, column=2, value=q).number_format = EUR0
    header = 4
    mwh_col = lambda j: 3 + j  # noqa: E731
    flag_col = lambda j: 3 + n + j  # noqa: E731
    low_col = lambda j: 3 + 2 * n + 2 * j  # noqa: E731
    high_col = lambda j: 4 + 2 * n + 2 * j  # noqa: E731
    yr_col = lambda j: 3 + 4 * n + j  # noqa: E731
    _put_text(ws, header, 1, tx["family"])
    _put_text(ws, header, 2, tx["line"])
    for j, cc in enumerate(countries):
        _put_text(ws, header, mwh_col(j), f"{cc} (€/MWh)")
        _put_text(ws, header, yr_col(j), units_in(lang, f"{cc} (€/yr)"))
        _put_text(ws, header, flag_col(j), tx["quality"].format(cc=cc))
        _put_text(ws, header, low_col(j), tx["band_lo"].format(cc=cc))
        _put_text(ws, header, high_col(j), tx["band_hi"].format(cc=cc))
    for c in range(1, 3 + 5 * n):
        ws.cell(row=header, column=c).font = BOLD
        ws.cell(row=header, column=c).alignment = WRAP_TOP
    lines = result.lines.filter(pl.col("sector") == sector)
    cells = {(r["key"], r["country"]): r for r in lines.iter_rows(named=True)}
    totals = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
    row = header + 1
    first = row
    rows_of: dict[str, list[int]] = {}
    relief_rows: list[int] = []
    for family in FAMILIES:
        fam = lines.filter(pl.col("family") == family)
        for key in dict.fromkeys(fam["key"].to_list()):
            label = GENERIC_ROW_LABELS.get(key) or next(r["label"] for r in fam.iter_rows(named=True) if r["key"] == key)
            _put_text(ws, row, 1, t(lang, family))
            _put_text(ws, row, 2, line_label(lang, key, label))
            for c in range(1, 3 + 5 * n):
                ws.cell(row=row, column=c).alignment = WRAP_TOP  # a wrapped label and its numbers on one line
            ws.row_dimensions[row].height = LINE_PT * max(_lines_of(line_label(lang, key, label), LINE_WIDTH), _lines_of(t(lang, family), FAMILY_WIDTH))
            if bool(fam.filter(pl.col("key") == key)["relief"].all()):
                relief_rows.append(row)
            for j, cc in enumerate(countries):
                cell = cells.get((key, cc))
                if cell is None:
                    continue  # not applicable in this country: empty
                yr = ws.cell(row=row, column=yr_col(j))
                if cell["eur_per_year"] is not None:
                    yr.value = cell["eur_per_year"]
                    yr.number_format = EUR0
                    # €/MWh is a formula over the €/yr value: one source of truth per line
                    ws.cell(row=row, column=mwh_col(j), value=f"={get_column_letter(yr_col(j))}{row}/$B$2").number_format = EUR
                else:
                    _put_text(ws, row, yr_col(j), tx["flags"]["unknown"])
                    _put_text(ws, row, mwh_col(j), tx["flags"]["unknown"])
                _put_text(ws, row, flag_col(j), tx["flags"][cell["quality"]])
                ws.cell(row=row, column=flag_col(j)).alignment = Alignment(horizontal="center", vertical="top")
                # the band as two numbers (an exact line has low = high); empty is an open side
                for col, bound in ((low_col(j), cell["low_eur_per_mwh"]), (high_col(j), cell["high_eur_per_mwh"])):
                    if bound is not None:
                        ws.cell(row=row, column=col, value=bound).number_format = EUR
            rows_of.setdefault(family, []).append(row)
            row += 1
    last = row - 1
    electricity = [r for f in ELECTRICITY_FAMILIES for r in rows_of.get(f, [])]
    co2 = rows_of.get("direct_co2", [])
    labels = [
        ("gross", tx["gross"]), ("total", tx["total"]), ("band_low", tx["band_low"]), ("band_high", tx["band_high"]),
        ("unknown", tx["unknown"]), ("co2_total", tx["co2_total"]), ("gap", tx["gap"].format(ref=ref)),
        ("gap_low", tx["gap_low"]), ("gap_high", tx["gap_high"]), ("status", tx["status"]), ("co2_gap", tx["co2_gap"]),
    ]
    at = {name: last + 2 + i for i, (name, _) in enumerate(labels)}
    for name, label in labels:
        _put_text(ws, at[name], 2, label)
    for name in ("total", "co2_total", "gap"):
        ws.cell(row=at[name], column=2).font = BOLD
    gaps = {}
    for j, cc in enumerate(countries):
        tot = totals[cc]
        for col_of, fmt in ((mwh_col, EUR), (yr_col, EUR0)):
            letter = get_column_letter(col_of(j))
            gross = [f"{letter}{r}" for r in electricity if r not in relief_rows]
            ws.cell(row=at["gross"], column=col_of(j), value=f"=SUM({','.join(gross)})" if gross else 0).number_format = fmt
            c = ws.cell(row=at["total"], column=col_of(j), value=_sum_formula(letter, electricity))
            c.number_format, c.font = fmt, BOLD
            ws.cell(row=at["co2_total"], column=col_of(j), value=_sum_formula(letter, co2)).number_format = fmt
            if cc != ref:
                rl = get_column_letter(col_of(countries.index(ref)))
                c = ws.cell(row=at["gap"], column=col_of(j), value=f"={rl}{at['total']}-{letter}{at['total']}")
                c.number_format, c.font = fmt, BOLD
                ws.cell(row=at["co2_gap"], column=col_of(j), value=f"={rl}{at['co2_total']}-{letter}{at['co2_total']}").number_format = fmt
        for name, value in (("band_low", tot["total_low_eur_per_mwh"]), ("band_high", tot["total_high_eur_per_mwh"])):
            if value is not None:
                ws.cell(row=at[name], column=mwh_col(j), value=value).number_format = EUR
        flags = get_column_letter(flag_col(j))
        ws.cell(row=at["unknown"], column=mwh_col(j), value=f'=COUNTIF({flags}{first}:{flags}{last},"{tx["flags"]["unknown"]}")')
        if cc != ref:
            for name, value in (("gap_low", tot["gap_low_eur_per_mwh"]), ("gap_high", tot["gap_high_eur_per_mwh"])):
                if value is not None:
                    ws.cell(row=at[name], column=mwh_col(j), value=value).number_format = EUR
            _put_text(ws, at["status"], mwh_col(j), t(lang, tot["gap_bound"]))
            gaps[(sector, cc)] = (f"'{ws.title}'!{get_column_letter(mwh_col(j))}{at['gap']}", tot)
    widths = {1: FAMILY_WIDTH, 2: LINE_WIDTH}
    widths.update({mwh_col(j): 11 for j in range(n)})
    widths.update({flag_col(j): 11 for j in range(n)})
    widths.update({c: 9 for j in range(n) for c in (low_col(j), high_col(j))})
    widths.update({yr_col(j): 14 for j in range(n)})
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    page = sum(w for c, w in widths.items() if c < low_col(0))  # the first printed page: labels, €/MWh, quality
    notes_at = at["co2_gap"] + 2
    for cc in countries:
        note = gap_note(result, sector, totals[cc], lang)
        if note:
            _paragraph(ws, notes_at, note, low_col(0) - 1, page)
            notes_at += 1
    ws.freeze_panes = ws.cell(row=header + 1, column=3)
    ws.row_dimensions[header].height = LINE_PT * max(_lines_of(str(ws.cell(row=header, column=c).value), widths[c]) for c in widths)
    top = notes_at + 1
    _family_table(ws, rows_of, countries, mwh_col, top, lang)
    families = [f for f in ELECTRICITY_FAMILIES if rows_of.get(f)]
    last_row = top + len(families) + 1
    _print_setup(ws, header, title_cols="A:B", col_breaks=[low_col(0) - 1], area=f"A1:{get_column_letter(high_col(n - 1))}{last_row}")
    return gaps, (ws, cfg.sectors[sector].name, top, len(families), countries, mwh_col)


def _lines_of(text: str, width: float) -> int:
    """How many lines a wrapped text takes in a column of this many characters: spreadsheet
    programs do not grow a row for wrapped text written by a library, so the row gets this height."""
    return max(1, sum(max(1, -(-len(part) // max(1, int(width)))) for part in text.split("\n")))


LINE_WIDTH, FAMILY_WIDTH = 48, 28  # characters of the cost-line and category columns


def _paragraph(ws, row: int, text: str, last_col: int, width: float, bold: bool = False) -> None:
    """A long text over the printed width: merged over the columns, wrapped, its row as high as its
    lines, so it neither runs off the page nor hides under the next cell."""
    _put_text(ws, row, 1, text)
    ws.cell(row=row, column=1).alignment = WRAP_TOP
    if bold:
        ws.cell(row=row, column=1).font = BOLD
    if last_col > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    ws.row_dimensions[row].height = LINE_PT * _lines_of(text, width)


def _sum_formula(letter: str, rows: list[int]) -> str | int:
    return f"=SUM({','.join(f'{letter}{r}' for r in rows)})" if rows else 0


def _family_table(ws, rows_of: dict[str, list[int]], countries: list[str], mwh_col, top: int, lang: str) -> None:
    """Per family of the electricity price a SUM over its lines, and the net total: the data of the
    sector's chart on the sheet *Grafieken*."""
    families = [f for f in ELECTRICITY_FAMILIES if rows_of.get(f)]
    _put_text(ws, top, 2, TEXT[lang]["chart"])
    ws.cell(row=top, column=2).font = BOLD
    for j, cc in enumerate(countries):
        _put_text(ws, top, mwh_col(j), cc)
    for i, family in enumerate(families, start=1):
        _put_text(ws, top + i, 2, t(lang, family))
        for j in range(len(countries)):
            letter = get_column_letter(mwh_col(j))
            ws.cell(row=top + i, column=mwh_col(j), value=_sum_formula(letter, rows_of[family])).number_format = EUR
    net_row = top + len(families) + 1
    _put_text(ws, net_row, 2, t(lang, "tx_net_total"))
    for j in range(len(countries)):
        letter = get_column_letter(mwh_col(j))
        ws.cell(row=net_row, column=mwh_col(j), value=f"=SUM({letter}{top + 1}:{letter}{top + len(families)})").number_format = EUR


CHART_ROWS = 21  # rows of 13 pt a sector chart of 8.5 cm takes, with its title row and air


def _charts_sheet(ws, data: list[tuple], lang: str) -> None:
    """One chart per sector, two to a printed page (a page break between pairs, so no chart is cut):
    a stacked bar per country with one segment per family of the electricity price (a handful of
    legend entries, so the bars stay visible when printed), fed by the SUM formulas on the sector's
    sheet; a marker for the net total, which the bars (reliefs below zero) do not show; direct CO2
    is a cost beside the electricity price, not part of it, so it stays out of the stack."""
    from openpyxl.chart import LineChart
    from openpyxl.chart.marker import Marker

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
            s.marker = Marker(symbol="diamond", size=9)
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


def _print_setup(ws, header: int | None, orientation: str = "landscape", title_cols: str | None = None,
                 col_breaks: list[int] = (), row_breaks: list[int] = (), area: str | None = None) -> None:
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    # rows of one line of Arial 10 everywhere, so a page's rows (and where a chart ends) are known
    ws.sheet_format.defaultRowHeight = LINE_PT
    ws.sheet_format.customHeight = True
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = PRINT_SCALE
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.25, footer=0.25)
    if header is not None:
        ws.print_title_rows = f"{header}:{header}"  # the header row repeats on every printed page
    if title_cols:
        ws.print_title_cols = title_cols  # and the labels on every page to the right
    for c in col_breaks:
        ws.col_breaks.append(Break(id=c))
    for r in row_breaks:
        ws.row_breaks.append(Break(id=r))
    if area:
        ws.print_area = area
    ws.oddFooter.center.text = "&P / &N"


def _summary_sheet(ws, result: Comparison, cfg: YearConfig, gap_cells: dict, lang: str) -> None:
    """Per sector and neighbour the gap (a live formula), its band as two number cells and its
    status; a chart; a sentence per sector; then the sector's M€ and, with gas, the gas gaps, each
    a table of its own below, one printed page wide."""
    tx = TEXT[lang]
    ref = result.reference
    others = [c for c in result.countries if c != ref]
    k = len(others)
    gap_col = lambda j: 2 + 4 * j  # noqa: E731
    widths = {1: 14}
    header = 4
    _put_text(ws, header, 1, tx["sector"])
    for j, cc in enumerate(others):
        for col, text, w in (
            (gap_col(j), tx["gap_mwh"].format(ref=ref, cc=cc), 11), (gap_col(j) + 1, tx["gap_lo"].format(cc=cc), 9),
            (gap_col(j) + 2, tx["gap_hi"].format(cc=cc), 9), (gap_col(j) + 3, tx["gap_status"].format(cc=cc), 11),
        ):
            _put_text(ws, header, col, text)
            widths[col] = w
    _header_row(ws, header, widths)
    for i, sector in enumerate(result.sectors):
        r = header + 1 + i
        _put_text(ws, r, 1, sector)
        for j, cc in enumerate(others):
            ref_cell, row = gap_cells[(sector, cc)]
            c = ws.cell(row=r, column=gap_col(j), value=f"={ref_cell}")
            c.number_format = EUR
            sign = conclusive(row)
            if sign:
                c.fill = RED if sign > 0 else GREEN
            for col, bound in ((gap_col(j) + 1, row["gap_low_eur_per_mwh"]), (gap_col(j) + 2, row["gap_high_eur_per_mwh"])):
                if bound is not None:
                    ws.cell(row=r, column=col, value=bound).number_format = EUR
            _put_text(ws, r, gap_col(j) + 3, t(lang, row["gap_bound"]))
            ws.cell(row=r, column=gap_col(j) + 3).alignment = Alignment(horizontal="center")
    last = header + len(result.sectors)
    ws.freeze_panes = ws.cell(row=header + 1, column=2)
    page = sum(widths.values())
    last_col = max(widths)
    title = t(lang, "summary_title", year=year_label(lang, result.year, result.projection), ref=ref) + (f" — scenario {cfg.scenario}" if cfg.scenario else "")
    _put_text(ws, 1, 1, title)
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    _paragraph(ws, 2, tx["legend"].format(ref=ref), last_col, page)
    chart = BarChart()
    chart.type = "col"
    chart.title = tx["gap_chart"].format(ref=ref)
    chart.y_axis.title = "€/MWh"
    for j in range(k):
        chart.add_data(Reference(ws, min_col=gap_col(j), max_col=gap_col(j), min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    chart.x_axis.tickLblPos = "low"
    chart.legend.position = "b"
    chart.height, chart.width = 8, 22
    ws.add_chart(chart, f"B{last + 2}")
    # a sentence per sector for a letter, below the chart (8 cm: 18 rows of 13 pt); they start a
    # new printed page when the table and the chart have filled the first
    row = last + 2 + 18 + 1
    breaks = [row - 1] if len(result.sectors) > 4 else []
    _put_text(ws, row, 1, t(lang, "hl_title"))
    ws.cell(row=row, column=1).font = BOLD
    for sector in result.sectors:
        rows = [r for r in result.totals.filter((pl.col("sector") == sector) & (pl.col("country") != ref)).iter_rows(named=True)]
        sentence = headline(lang, rows, ref)
        if sentence:
            row += 1
            _paragraph(ws, row, f"{sector}: {sentence}", last_col, page)
    # the money and the gas, each a table under the last, on a page of their own
    row += 2
    breaks.append(row - 1)
    gap_rows = {sector: header + 1 + i for i, sector in enumerate(result.sectors)}
    by = {(r["sector"], r["country"]): r for r in result.totals.iter_rows(named=True)}
    tables = [("meur", tx["meur_title"].format(ref=ref), list(others), None)]
    if "gas_gap_eur_per_mwh" in result.totals.columns:
        heads = [h for cc in others for h in (cc, tx["gap_lo"].format(cc=cc), tx["gap_hi"].format(cc=cc))]
        tables.append(("gas", tx["gas_title"].format(ref=ref), heads, ("gas_gap_eur_per_mwh", "gas_gap_low_eur_per_mwh", "gas_gap_high_eur_per_mwh")))
        tables.append(("energy", tx["energy_title"].format(ref=ref), heads, ("energy_gap_meur_per_year", "energy_gap_low_meur_per_year", "energy_gap_high_meur_per_year")))
    for kind, caption, heads, keys in tables:
        _put_text(ws, row, 1, caption)
        ws.cell(row=row, column=1).font = BOLD
        row += 1
        _put_text(ws, row, 1, tx["sector"])
        for c, h in enumerate(heads, start=2):
            _put_text(ws, row, c, h)
        _header_row(ws, row, {c: widths.get(c, 11) for c in range(1, 2 + len(heads))})
        for sector in result.sectors:
            row += 1
            caveat = kind == "meur" and cfg.sectors[sector].sector_volume_caveat is not None
            _put_text(ws, row, 1, sector + (" *" if caveat else ""))
            smwh = cfg.params.get(f"sectors.{sector}.sector_electricity_mwh")
            for j, cc in enumerate(others):
                if kind == "meur":
                    if smwh is not None and smwh.central is not None:
                        gap = f"{get_column_letter(gap_col(j))}{gap_rows[sector]}"
                        ws.cell(row=row, column=2 + j, value=f"={gap}*{smwh.central}/1000000").number_format = "#,##0.0"
                    else:
                        _put_text(ws, row, 2 + j, tx["flags"]["unknown"])
                    continue
                values = by[(sector, cc)]
                for d, key in enumerate(keys):
                    if values.get(key) is not None:
                        ws.cell(row=row, column=2 + 3 * j + d, value=values[key]).number_format = EUR if kind == "gas" else "#,##0.0"
        if kind == "meur":
            for sector in result.sectors:
                if cfg.sectors[sector].sector_volume_caveat is not None:
                    row += 1
                    _paragraph(ws, row, f"* {sector}: {cfg.sectors[sector].sector_volume_caveat.text(lang)}.", last_col, page)
        row += 2
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    _print_setup(ws, None, row_breaks=breaks)


def _header_row(ws, row: int, widths: dict[int, float]) -> None:
    """A bold, wrapped header row as high as its longest heading."""
    for c in widths:
        ws.cell(row=row, column=c).font = BOLD
        # over a column of numbers (right-aligned) the heading stands right as well
        ws.cell(row=row, column=c).alignment = WRAP_TOP if c == 1 else Alignment(wrap_text=True, vertical="top", horizontal="right")
    ws.row_dimensions[row].height = LINE_PT * max(_lines_of(str(ws.cell(row=row, column=c).value or ""), w) for c, w in widths.items())


def _parameters_sheet(ws, cfg: YearConfig, lang: str) -> None:
    """Every parameter with its value, band, unit, quality and source; the appendix of the printed
    workbook shows columns A–I (the URL and the note, often a paragraph, stay in the workbook)."""
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
        # an EU-wide figure has no component: its name is the parameter itself
        _put_text(ws, i, 2, tx["components"].get(component, "" if parts[0] == "eu" else component))
        _put_text(ws, i, 3, p.path)
        if p.value is not None:
            ws.cell(row=i, column=4, value=p.value).number_format = "General"
        else:
            _put_text(ws, i, 4, flags["unknown"])
        if p.low is not None:
            ws.cell(row=i, column=5, value=p.low)
        if p.high is not None:
            ws.cell(row=i, column=6, value=p.high)
        _put_text(ws, i, 7, p.unit)
        _put_text(ws, i, 8, flags[p.quality.value])
        _put_text(ws, i, 9, p.source.title)
        _put_text(ws, i, 10, p.source.url or "")
        _put_text(ws, i, 11, p.note or "")
    ws.freeze_panes = "A2"
    last = len(cfg.params) + 1
    ws.auto_filter.ref = f"A1:K{last}"
    widths = dict(zip("ABCDEFGHIJK", (11, 12, 40, 10, 8, 8, 10, 11, 52, 36, 70), strict=True))
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    top = Alignment(vertical="top")
    for r in range(2, last + 1):
        lines = 1
        for col in "ABCDEFGHIJK":
            cell = ws[f"{col}{r}"]
            if col in "CI":
                cell.alignment = WRAP_TOP
                lines = max(lines, _lines_of(str(cell.value or ""), widths[col]))
            else:
                cell.alignment = top
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


def _run_sheet(ws, meta: dict, lang: str = "en") -> None:
    """The run's manifest, its keys in the workbook's language (the JSON and CSV sidecars keep the
    machine keys)."""
    words = TEXT[lang].get("run_keys", {})
    for i, (k, v) in enumerate(meta.items(), start=1):
        _put_text(ws, i, 1, words.get(str(k), str(k)))
        if isinstance(v, dict):
            v = "; ".join(f"{key}: {value}" for key, value in v.items())
        _put_text(ws, i, 2, v if isinstance(v, str) else "" if v is None else "; ".join(map(str, v)) if isinstance(v, list) else str(v))
        ws.cell(row=i, column=1).font = BOLD
        value = str(ws.cell(row=i, column=2).value or "")
        ws.cell(row=i, column=2).alignment = WRAP_TOP
        ws.row_dimensions[i].height = LINE_PT * min(_lines_of(value, 100), 20)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    _print_setup(ws, None)


def new_workbook() -> Workbook:
    """An empty workbook with pinned timestamps, so equal inputs give equal bytes."""
    from openpyxl.utils.indexed_list import IndexedList

    wb = Workbook()
    wb._fonts = IndexedList([_font()])  # the default font of every cell (openpyxl has no public setter)
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "speelveld"
    return wb


def save_workbook(wb: Workbook, path: Path) -> None:
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_deterministic_zip(buffer.getvalue()))


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the xlsx zip with fixed entry timestamps, so equal inputs give equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into dcterms:modified; pin it
                payload = re.sub(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>2000-01-01T00:00:00Z\g<2>", payload)
            dst.writestr(fixed, payload)
    return out.getvalue()


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

    tx = TEXT[lang]
    years = sorted(frame["year"].unique().to_list())
    countries = frame["country"].unique(maintain_order=True).to_list()
    others = [c for c in countries if c != reference]
    k = len(others)
    low_col = lambda j: 2 + k + 2 * j  # noqa: E731
    total_col = lambda j: 2 + 3 * k + j  # noqa: E731
    _put_text(ws, 1, 1, tx["trend_title"].format(ref=reference))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
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
        chart.title = f"{sector}: {tx['gap'].format(ref=reference)} (€/MWh)"
        chart.y_axis.title = "€/MWh"
        chart.add_data(Reference(ws, min_col=2, max_col=1 + k, min_row=head, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=head + 1, max_row=last))
        for s in chart.series:
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
    _put_text(ws, 1, 1, t(lang, "tx_bc_title", sector=bc.sector, year=bc.year, label=bc.label))
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
        ("annuity_electric", t(lang, "tx_bc_capital", label=bc.label)),
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
    """The sheet *Bestedingsopties*: per option and year the state cost against the envelope, the
    headline gap before and after and the gap closed per 100 M€, every figure a number cell; a chart
    of the headline gap per year per option and one of the state cost against the envelope."""
    from openpyxl.chart import BarChart, LineChart
    from openpyxl.chart.marker import Marker

    tx = TEXT[lang]
    wb = new_workbook()
    ws = wb.active
    ws.title = t(lang, "op_sheet")
    options = list(dict.fromkeys(r.option for r in results))
    years = sorted({r.year for r in results})
    projection = {r.year: r.projection for r in results}
    _put_text(ws, 1, 1, t(lang, "op_sheet_title"))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    head = 3
    columns = t(lang, "op_xl_cols").split("|")
    for j, name in enumerate(columns):
        ws.cell(row=head, column=1 + j, value=name)  # made bold and wrapped by _header_row below
    r = head
    for res in results:
        r += 1
        from speelveld.report.options import verdict_mark

        empty = ((None, None, None), (None, None, None))
        chemie, staal = res.shown.get(("chemie", "DE"), empty), res.shown.get(("staal", "DE"), empty)
        values = [
            res.option, res.year, t(lang, "op_xl_yes" if res.projection else "op_xl_no"), res.state_cost_meur, res.state_cost_low_meur, res.state_cost_high_meur,
            *res.headroom_meur, chemie[0][0], *chemie[1], staal[0][0], *staal[1], res.money_useful_pct.get("DE"),
            verdict_mark(res, lang), sum(1 for c in res.checks if c.status == "fail"),
        ]
        for j, v in enumerate(values):
            cell = ws.cell(row=r, column=1 + j, value=v)
            if j >= 3 and isinstance(v, float):
                cell.number_format = "#,##0.0"
    last = r
    # the memo's sentences, one per option, for the last year shown
    from speelveld.report.options import memo_sentence

    year = 2029 if 2029 in years else years[-1]
    number = {name: str(i + 1) if name != "mix" else "mix" for i, name in enumerate(options)}
    last += 2
    _put_text(ws, last, 1, t(lang, "op_xl_words", year=year))
    ws.cell(row=last, column=1).font = BOLD
    for res in (x for x in results if x.year == year):
        last += 1
        _paragraph(ws, last, memo_sentence(lang, res, titles, number[res.option]), 14, 36 + 15 + 9 * 12)  # the first printed page's width
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

    # chart data: the headline gap after each option, per year (rows) and option (columns)
    top = last + 3
    year_table(top, t(lang, "op_chart_gap"), t(lang, "op_without"), lambda x: x.headline_after[0], lambda x: x.headline_before[0], EUR)
    chart = LineChart()
    chart.title = t(lang, "op_chart_gap")
    chart.y_axis.title = "€/MWh"
    chart.add_data(Reference(ws, min_col=2, max_col=2 + len(options), min_row=top + 1, max_row=top + 1 + len(years)), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 2, max_row=top + 1 + len(years)))
    for s in chart.series:
        s.smooth = False
        s.marker = Marker(symbol="circle")
    chart.x_axis.tickLblPos = "low"
    chart.height, chart.width = 8, 16
    chart.legend.position = "b"
    ws.add_chart(chart, f"A{top + 3 + len(years)}")
    # chart data: state cost per option and the envelope, per year
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
    widths = {1: 36, 2: 15, **{c: 9 for c in range(3, 1 + len(columns))}}
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    _header_row(ws, head, widths)
    for r in (top + 1, top2 + 1):  # the option names over the charts' data, wrapped
        _header_row(ws, r, {c: widths[c] for c in range(1, 3 + len(options))})
    first_page = 14  # option, year, cost and headroom, chemie and staal before and after: one printed page wide
    _paragraph(ws, 2, " ".join(f"{n}: {titles.get(n, n)}." for n in options), first_page, sum(w for c, w in widths.items() if c <= first_page))
    # each chart on a page with its table
    _print_setup(ws, head, title_cols="A:B", col_breaks=[first_page], row_breaks=[top - 1, top2 - 1])
    _run_sheet(wb.create_sheet(tx["run"]), meta, lang)
    save_workbook(wb, path)
