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
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison
from speelveld.core.lines import FAMILIES
from speelveld.report.labels import line_label, t

FIXED_TIME = dt.datetime(2000, 1, 1)
RED = PatternFill("solid", fgColor="F4CCCC")
GREEN = PatternFill("solid", fgColor="D9EAD3")
BOLD = Font(bold=True)
EUR = '#,##0.00'
EUR0 = '#,##0'

TEXT = {
    "nl": {
        "summary": "Samenvatting", "parameters": "Parameters", "run": "Run", "sector": "Sector", "line": "Kostenpost",
        "family": "Categorie", "gap_mwh": "Verschil {ref} − {cc} (€/MWh)", "gap_meur": "Verschil {ref} − {cc} sector (M€/jr)",
        "legend": "Rood: {ref} duurder; groen: {ref} goedkoper. Verschil = totaal {ref} − totaal land.",
        "total": "Totaal", "gross": "Bruto (zonder kortingen en compensatie)", "gap": "Verschil {ref} − land",
        "unknown": "Onbekende posten (leeg, niet meegeteld)", "consumption": "Verbruik (MWh/jr)",
        "chart": "Kostenposten per land (€/MWh)", "gap_chart": "Verschil met {ref} per sector (€/MWh)",
        "params": ["Land/bereik", "Onderdeel", "Parameter", "Waarde", "Eenheid", "Kwaliteit", "Bron", "URL", "Toelichting"],
    },
    "en": {
        "summary": "Summary", "parameters": "Parameters", "run": "Run", "sector": "Sector", "line": "Cost line",
        "family": "Family", "gap_mwh": "Gap {ref} − {cc} (€/MWh)", "gap_meur": "Gap {ref} − {cc} sector (M€/yr)",
        "legend": "Red: {ref} dearer; green: {ref} cheaper. Gap = total {ref} − total country.",
        "total": "Total", "gross": "Gross (before reductions and compensation)", "gap": "Gap {ref} − country",
        "unknown": "Unknown lines (empty, not counted)", "consumption": "Consumption (MWh/yr)",
        "chart": "Cost lines per country (€/MWh)", "gap_chart": "Gap to {ref} per sector (€/MWh)",
        "params": ["Country/scope", "Component", "Parameter", "Value", "Unit", "Quality", "Source", "URL", "Note"],
    },
}


def _put_text(ws, row: int, column: int, text) -> None:
    cell = ws.cell(row=row, column=column)
    cell.value = text
    if isinstance(text, str):
        cell.data_type = "s"  # config text starting with = + - @ stays text, never a formula


def write_workbook(path: Path, result: Comparison, cfg: YearConfig, meta: dict, lang: str = "nl") -> None:
    buffer = io.BytesIO()
    build_workbook(result, cfg, meta, lang).save(buffer)
    path.write_bytes(_deterministic_zip(buffer.getvalue()))


def build_workbook(result: Comparison, cfg: YearConfig, meta: dict, lang: str = "nl") -> Workbook:
    tx = TEXT[lang]
    ref = result.reference
    others = [c for c in result.countries if c != ref]
    wb = Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "speelveld"
    summary = wb.active
    summary.title = tx["summary"]
    gap_cells: dict[tuple[str, str], str] = {}
    for sector in result.sectors:
        gap_cells.update(_sector_sheet(wb, result, cfg, sector, lang))
    _summary_sheet(summary, result, cfg, gap_cells, lang)
    _parameters_sheet(wb.create_sheet(tx["parameters"]), cfg, lang)
    _run_sheet(wb.create_sheet(tx["run"]), meta)
    del others
    return wb


def _sector_sheet(wb: Workbook, result: Comparison, cfg: YearConfig, sector: str, lang: str) -> dict:
    tx = TEXT[lang]
    ref = result.reference
    countries = result.countries
    ws = wb.create_sheet(sector[:31])
    q = cfg.params[f"sectors.{sector}.consumption_mwh"].value
    _put_text(ws, 1, 1, f"{cfg.sectors[sector].name} — {result.year}")
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    _put_text(ws, 2, 1, tx["consumption"])
    ws.cell(row=2, column=2, value=q).number_format = EUR0
    header = 4
    _put_text(ws, header, 1, tx["family"])
    _put_text(ws, header, 2, tx["line"])
    n = len(countries)
    for j, cc in enumerate(countries):
        _put_text(ws, header, 3 + j, f"{cc} (€/MWh)")
        _put_text(ws, header, 3 + n + j, f"{cc} (€/yr)")
    for c in range(1, 3 + 2 * n):
        ws.cell(row=header, column=c).font = BOLD
    lines = result.lines.filter(pl.col("sector") == sector)
    cells = {(r["key"], r["country"]): r for r in lines.iter_rows(named=True)}
    row = header + 1
    first = row
    relief_rows, all_rows = [], []
    for family in FAMILIES:
        fam = lines.filter(pl.col("family") == family)
        for key in dict.fromkeys(fam["key"].to_list()):
            label = next(r["label"] for r in fam.iter_rows(named=True) if r["key"] == key)
            _put_text(ws, row, 1, t(lang, family))
            _put_text(ws, row, 2, line_label(lang, key, label))
            relief = bool(fam.filter(pl.col("key") == key)["relief"].all())
            for j, cc in enumerate(countries):
                cell = cells.get((key, cc))
                yr = ws.cell(row=row, column=3 + n + j)
                mwh = ws.cell(row=row, column=3 + j)
                if cell is not None and cell["eur_per_year"] is not None:
                    yr.value = cell["eur_per_year"]
                    yr.number_format = EUR0
                    # €/MWh is a formula over the €/yr value: one source of truth per line
                    mwh.value = f"={get_column_letter(3 + n + j)}{row}/$B$2"
                    mwh.number_format = EUR
            (relief_rows if relief else []).append(row)
            all_rows.append(row)
            row += 1
    last = row - 1
    total_row, gross_row, unknown_row, gap_row = row + 1, row + 2, row + 3, row + 4
    _put_text(ws, total_row, 2, tx["total"])
    _put_text(ws, gross_row, 2, tx["gross"])
    _put_text(ws, unknown_row, 2, tx["unknown"])
    _put_text(ws, gap_row, 2, tx["gap"].format(ref=ref))
    ref_col = 3 + countries.index(ref)
    gaps = {}
    for j, cc in enumerate(countries):
        for base in (3, 3 + n):
            letter = get_column_letter(base + j)
            fmt = EUR if base == 3 else EUR0
            c = ws.cell(row=total_row, column=base + j, value=f"=SUM({letter}{first}:{letter}{last})")
            c.number_format, c.font = fmt, BOLD
            gross = [f"{letter}{r}" for r in all_rows if r not in relief_rows]
            ws.cell(row=gross_row, column=base + j, value=f"=SUM({','.join(gross)})" if gross else 0).number_format = fmt
        yl = get_column_letter(3 + n + j)
        ws.cell(row=unknown_row, column=3 + j, value=f"=ROWS({yl}{first}:{yl}{last})-COUNT({yl}{first}:{yl}{last})")
        if cc != ref:
            for base in (3, 3 + n):
                rl = get_column_letter(base + countries.index(ref))
                letter = get_column_letter(base + j)
                c = ws.cell(row=gap_row, column=base + j, value=f"={rl}{total_row}-{letter}{total_row}")
                c.number_format, c.font = (EUR if base == 3 else EUR0), BOLD
            gaps[(sector, cc)] = f"'{ws.title}'!{get_column_letter(3 + j)}{gap_row}"
    del ref_col
    ws.freeze_panes = ws.cell(row=header + 1, column=3)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 58
    for c in range(3, 3 + 2 * n):
        ws.column_dimensions[get_column_letter(c)].width = 16
    for r in range(first, last + 1):
        ws.cell(row=r, column=2).alignment = Alignment(wrap_text=False)
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = TEXT[lang]["chart"]
    chart.y_axis.title = "€/MWh"
    data = Reference(ws, min_col=3, max_col=2 + n, min_row=first, max_row=last)
    # series = cost lines (rows), categories = countries (columns)
    chart.add_data(data, from_rows=True, titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=3, max_col=2 + n, min_row=header, max_row=header))
    for s, r in zip(chart.series, range(first, last + 1), strict=False):
        from openpyxl.chart.data_source import StrRef
        from openpyxl.chart.series import SeriesLabel

        s.tx = SeriesLabel(strRef=StrRef(f"'{ws.title}'!$B${r}"))
    chart.height, chart.width = 12, 22
    ws.add_chart(chart, f"{get_column_letter(4 + 2 * n)}{header}")
    return gaps


def _summary_sheet(ws, result: Comparison, cfg: YearConfig, gap_cells: dict, lang: str) -> None:
    tx = TEXT[lang]
    ref = result.reference
    others = [c for c in result.countries if c != ref]
    _put_text(ws, 1, 1, t(lang, "summary_title", year=result.year, ref=ref))
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    _put_text(ws, 2, 1, tx["legend"].format(ref=ref))
    header = 4
    _put_text(ws, header, 1, tx["sector"])
    for j, cc in enumerate(others):
        _put_text(ws, header, 2 + j, tx["gap_mwh"].format(ref=ref, cc=cc))
        _put_text(ws, header, 2 + len(others) + j, tx["gap_meur"].format(ref=ref, cc=cc))
    for c in range(1, 2 + 2 * len(others)):
        ws.cell(row=header, column=c).font = BOLD
        ws.cell(row=header, column=c).alignment = Alignment(wrap_text=True)
    for i, sector in enumerate(result.sectors):
        r = header + 1 + i
        _put_text(ws, r, 1, sector)
        smwh = cfg.params.get(f"sectors.{sector}.sector_electricity_mwh")
        for j, cc in enumerate(others):
            c = ws.cell(row=r, column=2 + j, value=f"={gap_cells[(sector, cc)]}")
            c.number_format = EUR
            if smwh is not None and smwh.value is not None:
                m = ws.cell(row=r, column=2 + len(others) + j, value=f"={get_column_letter(2 + j)}{r}*{smwh.value}/1000000")
                m.number_format = "#,##0.0"
    last = header + len(result.sectors)
    rng = f"B{header + 1}:{get_column_letter(1 + 2 * len(others))}{last}"
    ws.conditional_formatting.add(rng, CellIsRule(operator="greaterThan", formula=["0"], fill=RED))
    ws.conditional_formatting.add(rng, CellIsRule(operator="lessThan", formula=["0"], fill=GREEN))
    ws.freeze_panes = ws.cell(row=header + 1, column=2)
    ws.column_dimensions["A"].width = 16
    for c in range(2, 2 + 2 * len(others)):
        ws.column_dimensions[get_column_letter(c)].width = 18
    ws.row_dimensions[header].height = 45
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    chart = BarChart()
    chart.type = "col"
    chart.title = tx["gap_chart"].format(ref=ref)
    chart.y_axis.title = "€/MWh"
    chart.add_data(Reference(ws, min_col=2, max_col=1 + len(others), min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    chart.height, chart.width = 10, 22
    ws.add_chart(chart, f"A{last + 3}")


def _parameters_sheet(ws, cfg: YearConfig, lang: str) -> None:
    header = TEXT[lang]["params"]
    for j, h in enumerate(header, start=1):
        _put_text(ws, 1, j, h)
        ws.cell(row=1, column=j).font = BOLD
    for i, p in enumerate(cfg.params.values(), start=2):
        parts = p.path.split(".")
        scope = parts[0] if parts[0] != "sectors" else f"sector {parts[1]}"
        component = parts[1] if parts[0] != "sectors" else "archetype"
        _put_text(ws, i, 1, scope)
        _put_text(ws, i, 2, component)
        _put_text(ws, i, 3, p.path)
        if p.value is not None:
            ws.cell(row=i, column=4, value=p.value)
        _put_text(ws, i, 5, p.unit)
        _put_text(ws, i, 6, p.quality.value)
        _put_text(ws, i, 7, p.source.title)
        _put_text(ws, i, 8, p.source.url or "")
        _put_text(ws, i, 9, p.note or "")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:I{len(cfg.params) + 1}"
    for col, width in zip("ABCDEFGHI", (14, 14, 70, 14, 12, 11, 60, 50, 60), strict=True):
        ws.column_dimensions[col].width = width


def _run_sheet(ws, meta: dict) -> None:
    for i, (k, v) in enumerate(meta.items(), start=1):
        _put_text(ws, i, 1, str(k))
        _put_text(ws, i, 2, v if isinstance(v, str) else str(v))
        ws.cell(row=i, column=1).font = BOLD
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100


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
