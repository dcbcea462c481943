"""The calendar of rules as a terminal table: per country each dated rule, its window, and what
follows it (`speelveld sources --expiring`)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from speelveld.report.labels import country_name, t


def window_text(lang: str, row: dict) -> str:
    a, b = row["from_year"], row["to_year"]
    if a is not None and b is not None:
        return t(lang, "cal_window", a=a, b=b) if a != b else str(a)
    return t(lang, "cal_from", a=a) if a is not None else t(lang, "cal_until", b=b)


def follows_text(lang: str, row: dict) -> str:
    kind = row["follows"]
    if kind == "rule":
        return t(lang, "cal_follows_rule", label=row["successor_label"] or row["successor"], year=row["successor_from"])
    if kind == "paths":
        n = len(row["successor"].split(", "))
        return t(lang, "cal_follows_paths", n=n) if n > 1 else t(lang, "cal_follows_path")
    if kind == "ends":
        return t(lang, "cal_follows_ends")
    return t(lang, "cal_follows_none") if row["to_year"] is not None else t(lang, "cal_no_end")


def calendar_tables(rows: list[dict], year: int, verbose: bool = False, lang: str = "nl") -> list[Table]:
    tab = Table(title=t(lang, "cal_title", year=year), caption=t(lang, "cal_caption"), title_justify="left", caption_justify="left")
    names = t(lang, "cal_cols").split("|")
    tab.add_column(names[0], no_wrap=True)
    tab.add_column(f"{names[1]} ({names[4]})", ratio=1, min_width=22)  # the longest word of a label (Übertragungsnetzkosten)
    tab.add_column(names[2], no_wrap=True)
    tab.add_column(names[3], ratio=1)
    for r in rows:
        follows = follows_text(lang, r) + (f"\n{r['note']}" if verbose and r["note"] else "")
        where = f"{r['file'].rsplit('/', 1)[-1]}:{r['line']}" if r["file"] else "–"
        tab.add_row(country_name(lang, r["country"], short=True), Text(r["label"]) + Text(f"\n{where}", style="dim"), window_text(lang, r), follows)
    return [tab]


def calendar_sheet(ws, rows: list[dict], year: int, lang: str = "nl") -> None:
    """The calendar as a workbook sheet that prints on A4 landscape: one row per rule, the note of
    what follows wrapped beside it."""
    from openpyxl.styles import Alignment

    from speelveld.report.excel import BOLD, LINE_PT, _font, _header_row, _lines_of, _print_setup, _put_text

    ws.cell(row=1, column=1, value=t(lang, "cal_title", year=year)).font = _font(bold=True, size=12)
    header = 3
    widths = {1: 10, 2: 34, 3: 12, 4: 34, 5: 60, 6: 16}
    names = t(lang, "cal_cols").split("|")
    heads = [names[0], names[1], names[2], names[3], t(lang, "cal_note_head"), names[4]]
    for c, h in enumerate(heads, start=1):
        _put_text(ws, header, c, h)
    _header_row(ws, header, {c: w for c, w in widths.items()})
    for c in widths:
        ws.cell(row=header, column=c).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=header, column=c).font = BOLD
    for r, row in enumerate(rows, start=header + 1):
        cells = [country_name(lang, row["country"], short=True), row["label"], window_text(lang, row), follows_text(lang, row), row["note"] or "",
                 f"{row['file'].rsplit('/', 1)[-1]}:{row['line']}" if row["file"] else "–"]
        for c, value in enumerate(cells, start=1):
            _put_text(ws, r, c, value)
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = LINE_PT * max(_lines_of(str(v), widths[c]) for c, v in enumerate(cells, start=1))
    for c, w in widths.items():
        ws.column_dimensions[chr(64 + c)].width = w
    _print_setup(ws, header)
