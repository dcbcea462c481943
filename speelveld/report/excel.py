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
from dataclasses import dataclass
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
from speelveld.report.labels import GENERIC_ROW_LABELS, conclusive, line_label, t, units_in, year_label
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
    from speelveld.report.excel_sheets import _trend_sheet

    _trend_sheet(ws, frame, reference, lang)
    _run_sheet(wb.create_sheet(TEXT[lang]["run"]), meta, lang)
    save_workbook(wb, path)


def write_toets_workbook(path: Path, sc, table: pl.DataFrame, cost, year: int, reference: str, meta: dict, lang: str = "nl") -> None:
    """`speelveld toets --excel`: per sector and country the gap before and after the scenario and
    its change, each as a central value and its band in number cells, the change of the sector's
    cost, and the cost to the state in words (the engine's, and the one the scenario states)."""
    from speelveld.report.command_tables import state_cost_text

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
    from speelveld.report.excel_sheets import _charts_sheet

    _charts_sheet(wb.create_sheet(tx["charts"]), chart_data, lang)
    _summary_sheet(summary, result, cfg, gap_cells, lang)
    from speelveld.report.excel_sheets import _method_sheet, _parameters_sheet

    _method_sheet(wb.create_sheet(tx["method"], 1), cfg, lang)
    from speelveld.report.excel_sheets import _closing_sheet, _trend_sheet

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


@dataclass(frozen=True)
class _Columns:
    """The sector sheet's columns for ``n`` countries: per country €/MWh, quality flag, band (low,
    high) and €/yr, in that order of groups after the category and line columns."""

    n: int

    def mwh(self, j: int) -> int:
        return 3 + j

    def flag(self, j: int) -> int:
        return 3 + self.n + j

    def low(self, j: int) -> int:
        return 3 + 2 * self.n + 2 * j

    def high(self, j: int) -> int:
        return 4 + 2 * self.n + 2 * j

    def yr(self, j: int) -> int:
        return 3 + 4 * self.n + j

    def widths(self) -> dict[int, float]:
        widths = {1: FAMILY_WIDTH, 2: LINE_WIDTH}
        for j in range(self.n):
            widths.update({self.mwh(j): 11, self.flag(j): 11, self.low(j): 9, self.high(j): 9, self.yr(j): 14})
        return widths


def _sector_sheet(wb: Workbook, result: Comparison, cfg: YearConfig, sector: str, lang: str) -> tuple[dict, tuple]:
    """Columns: category, line, then per country €/MWh (a formula over €/yr), per country the
    quality flag, per country the band as two number cells (low, high; empty = open), per country
    €/yr (the engine's value, or the text 'onbekend'). The print shows the first three groups on
    two pages wide, the category and line repeated; the €/yr figures stay in the workbook."""
    tx = TEXT[lang]
    countries = result.countries
    cols = _Columns(len(countries))
    ws = wb.create_sheet(sector[:31])
    _put_text(ws, 1, 1, f"{cfg.sectors[sector].name} — {result.year}" + (f" — scenario {cfg.scenario}" if cfg.scenario else ""))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    _put_text(ws, 2, 1, tx["consumption"])
    ws.cell(row=2, column=2, value=cfg.params[f"sectors.{sector}.consumption_mwh"].value).number_format = EUR0
    header = 4
    _put_text(ws, header, 1, tx["family"])
    _put_text(ws, header, 2, tx["line"])
    for j, cc in enumerate(countries):
        for column, text in ((cols.mwh(j), f"{cc} (€/MWh)"), (cols.yr(j), units_in(lang, f"{cc} (€/yr)")), (cols.flag(j), tx["quality"].format(cc=cc)),
                             (cols.low(j), tx["band_lo"].format(cc=cc)), (cols.high(j), tx["band_hi"].format(cc=cc))):
            _put_text(ws, header, column, text)
    for c in range(1, 3 + 5 * cols.n):
        ws.cell(row=header, column=c).font = BOLD
        ws.cell(row=header, column=c).alignment = WRAP_TOP
    rows_of, relief_rows, last = _line_rows(ws, result, sector, cols, header + 1, lang)
    at, gaps = _total_rows(ws, result, sector, cols, rows_of, relief_rows, header + 1, last, lang)
    widths = cols.widths()
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    page = sum(w for c, w in widths.items() if c < cols.low(0))  # the first printed page: labels, €/MWh, quality
    notes_at = at["co2_gap"] + 2
    totals = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
    for cc in countries:
        note = gap_note(result, sector, totals[cc], lang)
        if note:
            _paragraph(ws, notes_at, note, cols.low(0) - 1, page)
            notes_at += 1
    ws.freeze_panes = ws.cell(row=header + 1, column=3)
    ws.row_dimensions[header].height = LINE_PT * max(_lines_of(str(ws.cell(row=header, column=c).value), widths[c]) for c in widths)
    top = notes_at + 1
    _family_table(ws, rows_of, countries, cols.mwh, top, lang)
    families = [f for f in ELECTRICITY_FAMILIES if rows_of.get(f)]
    _print_setup(ws, header, title_cols="A:B", col_breaks=[cols.low(0) - 1], area=f"A1:{get_column_letter(cols.high(cols.n - 1))}{top + len(families) + 1}")
    return gaps, (ws, cfg.sectors[sector].name, top, len(families), countries, cols.mwh)


def _line_rows(ws, result: Comparison, sector: str, cols: _Columns, first: int, lang: str) -> tuple[dict[str, list[int]], list[int], int]:
    """A row per cost line, by family: the €/yr value (the engine's), €/MWh as a formula over it,
    the quality flag and the band. Returns the rows of each family, the relief rows and the last row."""
    tx = TEXT[lang]
    lines = result.lines.filter(pl.col("sector") == sector)
    cells = {(r["key"], r["country"]): r for r in lines.iter_rows(named=True)}
    row = first
    rows_of: dict[str, list[int]] = {}
    relief_rows: list[int] = []
    for family in FAMILIES:
        fam = lines.filter(pl.col("family") == family)
        for key in dict.fromkeys(fam["key"].to_list()):
            label = line_label(lang, key, GENERIC_ROW_LABELS.get(key) or next(r["label"] for r in fam.iter_rows(named=True) if r["key"] == key))
            _put_text(ws, row, 1, t(lang, family))
            _put_text(ws, row, 2, label)
            for c in range(1, 3 + 5 * cols.n):
                ws.cell(row=row, column=c).alignment = WRAP_TOP  # a wrapped label and its numbers on one line
            ws.row_dimensions[row].height = LINE_PT * max(_lines_of(label, LINE_WIDTH), _lines_of(t(lang, family), FAMILY_WIDTH))
            if bool(fam.filter(pl.col("key") == key)["relief"].all()):
                relief_rows.append(row)
            for j, cc in enumerate(result.countries):
                cell = cells.get((key, cc))
                if cell is None:
                    continue  # not applicable in this country: empty
                yr = ws.cell(row=row, column=cols.yr(j))
                if cell["eur_per_year"] is not None:
                    yr.value = cell["eur_per_year"]
                    yr.number_format = EUR0
                    # €/MWh is a formula over the €/yr value: one source of truth per line
                    ws.cell(row=row, column=cols.mwh(j), value=f"={get_column_letter(cols.yr(j))}{row}/$B$2").number_format = EUR
                else:
                    _put_text(ws, row, cols.yr(j), tx["flags"]["unknown"])
                    _put_text(ws, row, cols.mwh(j), tx["flags"]["unknown"])
                _put_text(ws, row, cols.flag(j), tx["flags"][cell["quality"]])
                ws.cell(row=row, column=cols.flag(j)).alignment = Alignment(horizontal="center", vertical="top")
                # the band as two numbers (an exact line has low = high); empty is an open side
                for col, bound in ((cols.low(j), cell["low_eur_per_mwh"]), (cols.high(j), cell["high_eur_per_mwh"])):
                    if bound is not None:
                        ws.cell(row=row, column=col, value=bound).number_format = EUR
            rows_of.setdefault(family, []).append(row)
            row += 1
    return rows_of, relief_rows, row - 1


def _total_rows(ws, result: Comparison, sector: str, cols: _Columns, rows_of: dict[str, list[int]], relief_rows: list[int], first: int, last: int,
                lang: str) -> tuple[dict[str, int], dict]:
    """Under the lines: gross and total electricity and direct CO2 as SUM formulas, the bands, the
    count of unknown lines, and the gap to the reference as a formula. Returns the row of each
    total and, per neighbour, the cell of its gap (for the summary sheet)."""
    tx = TEXT[lang]
    ref, countries = result.reference, result.countries
    totals = {r["country"]: r for r in result.totals.filter(pl.col("sector") == sector).iter_rows(named=True)}
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
        for col_of, fmt in ((cols.mwh, EUR), (cols.yr, EUR0)):
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
                ws.cell(row=at[name], column=cols.mwh(j), value=value).number_format = EUR
        flags = get_column_letter(cols.flag(j))
        ws.cell(row=at["unknown"], column=cols.mwh(j), value=f'=COUNTIF({flags}{first}:{flags}{last},"{tx["flags"]["unknown"]}")')
        if cc != ref:
            for name, value in (("gap_low", tot["gap_low_eur_per_mwh"]), ("gap_high", tot["gap_high_eur_per_mwh"])):
                if value is not None:
                    ws.cell(row=at[name], column=cols.mwh(j), value=value).number_format = EUR
            _put_text(ws, at["status"], cols.mwh(j), t(lang, tot["gap_bound"]))
            gaps[(sector, cc)] = (f"'{ws.title}'!{get_column_letter(cols.mwh(j))}{at['gap']}", tot)
    return at, gaps


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
