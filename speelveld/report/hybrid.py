"""`business-case --operation hybride`: the table and a line per country in the terminal, and a
workbook with each country's price-duration curve and the price below which the e-boiler runs."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from rich import box
from rich.table import Table
from rich.text import Text

from speelveld.report.labels import country_name, num, t


def hybrid_rows(frame: pl.DataFrame, costs, plant, eua: float, hybrid_be: dict, baseload_be: dict) -> list[dict]:
    """One row per country at the year's CO2 price, the e-boiler sized for the whole heat demand."""
    rows = []
    at = frame.filter((pl.col("co2") == eua) & (pl.col("capacity_share") == 1.0))
    for c in costs:
        r = at.filter(pl.col("country") == c.country).row(0, named=True)
        gas_heat = (c.gas_eur_per_mwh + eua * plant.emission_t_per_mwh_gas) / plant.efficiency_gas
        rows.append({
            "country": c.country, "hours_electric": r["hours_electric"], "electricity_mwh": r["electricity_mwh"],
            "avg_price_paid_eur_per_mwh": r["avg_price_paid"], "switch_price_eur_per_mwh": gas_heat * plant.efficiency_electric - c.variable_eur_per_mwh,
            "cost_gas_only_meur": r["cost_gas_only"] / 1e6, "cost_baseload_meur": r["cost_baseload"] / 1e6, "cost_hybrid_meur": r["cost_hybrid"] / 1e6,
            "saving_hybrid_meur": (r["cost_gas_only"] - r["cost_hybrid"]) / 1e6,
            "break_even_baseload_eur_per_t": baseload_be.get(c.country), "break_even_hybrid_eur_per_t": hybrid_be.get(c.country),
            "variable_eur_per_mwh": c.variable_eur_per_mwh, "fixed_meur": c.fixed_eur_per_year / 1e6, "gas_eur_per_mwh": c.gas_eur_per_mwh,
            "lost_reduction_meur": c.lost_reduction_eur_per_year / 1e6,
        })
    return rows


def _be(lang: str, v) -> str:
    if v is None:
        return t(lang, "hy_never")
    return "≤ 0" if v <= 0 else f"{num(v, 0, lang)}"


def _be_words(lang: str, v) -> str:
    if v is None:
        return t(lang, "hy_never")
    return t(lang, "hy_free") if v <= 0 else f"{num(v, 0, lang)} €/t"


def hybrid_tables(rows: list[dict], year: int, sector: str, eua: float, lang: str = "nl") -> list:
    table = Table(title=t(lang, "hy_title", sector=sector, year=year, eua=num(eua, 2, lang)), caption=t(lang, "hy_caption"),
                  title_justify="left", caption_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for name in t(lang, "hy_cols").split("|"):
        table.add_column(name.replace("\\n", "\n"), justify="left" if name.startswith(("land", "country")) else "right", no_wrap=True)
    for r in rows:
        table.add_row(country_name(lang, r["country"], short=True), num(r["hours_electric"], 0, lang), num(r["avg_price_paid_eur_per_mwh"], 1, lang),
                      num(r["cost_gas_only_meur"], 1, lang), num(r["cost_baseload_meur"], 1, lang), num(r["cost_hybrid_meur"], 1, lang),
                      _be(lang, r["break_even_baseload_eur_per_t"]), _be(lang, r["break_even_hybrid_eur_per_t"]))
    parts: list = [table]
    for r in rows:
        parts.append(Text(t(lang, "hy_line", cc=country_name(lang, r["country"]), hours=num(r["hours_electric"], 0, lang),
                            price=num(r["avg_price_paid_eur_per_mwh"], 1, lang), switch=num(r["switch_price_eur_per_mwh"], 1, lang),
                            saving=num(r["saving_hybrid_meur"], 1, lang), lost=num(r["lost_reduction_meur"], 2, lang),
                            be_base=_be_words(lang, r["break_even_baseload_eur_per_t"]), be_hybrid=_be_words(lang, r["break_even_hybrid_eur_per_t"]))))
    return parts


def write_hybrid_workbook(path: Path, rows: list[dict], prices: pl.DataFrame, meta: dict, lang: str = "nl") -> None:
    """A sheet with the table and, per country, the year's prices sorted from high to low (the
    price-duration curve) with the switching price as a second line."""
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Alignment

    from speelveld.report.excel import BOLD, _font, _print_setup, _put_text, _run_sheet, new_workbook, save_workbook
    from speelveld.report.labels import WORKBOOK as TEXT

    wb = new_workbook()
    ws = wb.active
    ws.title = t(lang, "hy_sheet")
    _put_text(ws, 1, 1, t(lang, "hy_sheet_title"))
    ws.cell(row=1, column=1).font = _font(bold=True, size=12)
    heads = t(lang, "hy_xl_cols").split("|")
    keys = ["country", "hours_electric", "avg_price_paid_eur_per_mwh", "switch_price_eur_per_mwh", "cost_gas_only_meur", "cost_baseload_meur",
            "cost_hybrid_meur", "saving_hybrid_meur", "break_even_baseload_eur_per_t", "break_even_hybrid_eur_per_t", "lost_reduction_meur"]
    for j, h in enumerate(heads, start=1):
        ws.cell(row=3, column=j, value=h).font = BOLD
    for i, r in enumerate(rows, start=4):
        for j, k in enumerate(keys, start=1):
            cell = ws.cell(row=i, column=j, value=r[k])
            if isinstance(r[k], float):
                cell.number_format = "#,##0.0"
    # chart data: each country's prices from high to low, and its switching price
    top = 8 + len(rows)
    _put_text(ws, top - 1, 1, t(lang, "hy_chart_note"))
    n = prices.height
    data = ws.parent.create_sheet(t(lang, "hy_data_sheet"))
    data.sheet_state = "hidden"  # 8,760 rows of chart data: in the workbook, not in the print
    data.cell(row=1, column=1, value=t(lang, "hy_hour"))
    for j, r in enumerate(rows):
        cc = r["country"]
        data.cell(row=1, column=2 + 2 * j, value=cc)
        data.cell(row=1, column=3 + 2 * j, value=f"{cc} {t(lang, 'hy_switch')}")
        ordered = prices[cc].sort(descending=True).to_list()
        for i, v in enumerate(ordered, start=2):
            if j == 0:
                data.cell(row=i, column=1, value=i - 1)
            data.cell(row=i, column=2 + 2 * j, value=v)
            data.cell(row=i, column=3 + 2 * j, value=r["switch_price_eur_per_mwh"])
    for j, r in enumerate(rows):
        chart = LineChart()
        chart.title = country_name(lang, r["country"])
        chart.y_axis.title = "€/MWh"
        chart.x_axis.title = t(lang, "hy_hours_axis")
        chart.add_data(Reference(data, min_col=2 + 2 * j, max_col=3 + 2 * j, min_row=1, max_row=1 + n), titles_from_data=True)
        for s in chart.series:
            s.smooth = False
            s.marker.symbol = "none"
        # the few hours of extreme prices (to ±900 €/MWh) would flatten the curve: the axis shows −100 to 300
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = -100, 300
        chart.x_axis.tickLblSkip, chart.x_axis.tickMarkSkip = 1000, 1000
        chart.height, chart.width = 8, 12
        chart.legend.position = "b"
        ws.add_chart(chart, f"{'A' if j % 2 == 0 else 'G'}{top + (j // 2) * 15}")
    for c, w in zip("ABCDEFGHIJK", (12, 10, 10, 10, 10, 10, 10, 10, 12, 12, 10), strict=True):
        ws.column_dimensions[c].width = w
    ws.row_dimensions[3].height = 52
    for j in range(1, len(heads) + 1):
        ws.cell(row=3, column=j).alignment = Alignment(wrap_text=True, vertical="top")
    _print_setup(ws, 3)
    _run_sheet(wb.create_sheet(TEXT[lang]["run"]), meta, lang)
    save_workbook(wb, path)
