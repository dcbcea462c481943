"""The input workbook of `speelveld inputs export`: every parameter of a price year on one sheet,
to be edited in Excel or LibreOffice and read back by `speelveld inputs import`."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from speelveld import __version__
from speelveld.config.inputs import (
    COLUMNS,
    QUALITY_WORDS,
    SHEETS,
    SOURCE_HEADERS,
    editable_params,
    file_digest,
    file_sources,
    inputs_header,
)
from speelveld.config.resolved import Param, YearConfig
from speelveld.core.provenance import scope_and_component
from speelveld.report.excel import new_workbook, save_workbook
from speelveld.report.labels import FIELD_WORDS, READ_ME, t

HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")  # columns an editor should not change


def describe(cfg: YearConfig, p: Param, lang: str) -> str:
    """A parameter in words: the labels of the rules it sits in, then what the field is."""
    head = p.path.split(".")[0]
    node = cfg.eu if head == "eu" else cfg.sectors.get(p.path.split(".")[1]) if head == "sectors" else cfg.countries.get(head)
    parts: list[str] = []
    for key in p.loc[:-1]:
        if node is None:
            break
        node = node[key] if isinstance(node, (list, dict)) else getattr(node, key, None)
        label = getattr(node, "label", None)
        if isinstance(label, str) and lang == "en":
            label = getattr(node, "label_en", None) or label  # our own Dutch names read in English; a publisher's as written
        if isinstance(label, str) and label not in parts:
            parts.append(label)
    field_name = next((k for k in reversed(p.loc) if isinstance(k, str) and k not in ("value",)), p.path.rsplit(".", 1)[-1])
    if field_name in ("min", "max", "above", "below"):
        condition = next((k for k in reversed(p.loc[:-1]) if isinstance(k, str)), "")
        word = FIELD_WORDS[lang].get(condition, condition) + " " + {"min": "≥", "max": "≤", "above": ">", "below": "<"}[field_name]
    else:
        word = FIELD_WORDS[lang].get(field_name, field_name.replace("_", " "))
    return " › ".join(parts + [word])


def build_inputs_workbook(cfg: YearConfig, lang: str = "nl") -> Workbook:
    inputs_name, sources_name, readme_name, meta_name = SHEETS[lang]
    words = QUALITY_WORDS[lang]
    wb = new_workbook()
    ws = wb.active
    ws.title = inputs_name
    ws.append(inputs_header(lang))
    order = {"EU": 0, "sectors": 2}
    params = sorted(editable_params(cfg), key=lambda p: (order.get(scope_and_component(p.path)[0], 1), scope_and_component(p.path), p.file, p.line or 0))
    for p in params:
        scope, component = scope_and_component(p.path)
        row = {
            "path": p.path,
            "scope": scope,
            "component": component,
            "label": describe(cfg, p, lang),
            "value": p.value,
            "unit": p.unit,
            "low": p.low,
            "high": p.high,
            "quality": words[p.quality.value],
            "source": p.source_id,
            "note": p.note,
            "where": f"{cfg.relative_file(p.file)}:{p.line}",
        }
        ws.append([row[k] for k in COLUMNS])
    n = ws.max_row
    col = {k: chr(ord("A") + i) for i, k in enumerate(COLUMNS)}
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for key in ("path", "scope", "component", "label", "unit", "where"):
        for cell in ws[col[key]][1:]:
            cell.fill = LOCKED_FILL
    for key in ("note", "label"):
        for cell in ws[col[key]][1:]:
            cell.alignment = Alignment(wrap_text=False)
    quality = DataValidation(type="list", formula1='"' + ",".join(words.values()) + '"', allow_blank=False, showErrorMessage=True,
                             errorTitle=t(lang, "tx_quality"), error=", ".join(words.values()))
    quality.add(f"{col['quality']}2:{col['quality']}{n}")
    numbers = DataValidation(type="decimal", operator="between", formula1="-1000000000000", formula2="1000000000000", allow_blank=True,
                             showErrorMessage=True, error=t(lang, "tx_a_number"))
    for key in ("value", "low", "high"):
        numbers.add(f"{col[key]}2:{col[key]}{n}")
    ws.add_data_validation(quality)
    ws.add_data_validation(numbers)
    ws.freeze_panes = "E2"
    ws.auto_filter.ref = f"A1:{col['where']}{n}"
    for key, width in (("path", 58), ("scope", 8), ("component", 16), ("label", 60), ("value", 12), ("unit", 11), ("low", 10),
                       ("high", 10), ("quality", 13), ("source", 22), ("note", 80), ("where", 34)):
        ws.column_dimensions[col[key]].width = width

    src = wb.create_sheet(sources_name)
    src.append(list(SOURCE_HEADERS[lang]))
    for cell in src[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for path in sorted({p.file for p in params}):
        rel = cfg.relative_file(path)
        for sid, s in sorted(file_sources(cfg, Path(path)).items()):
            src.append([rel, sid, s.title, s.publisher, s.url, s.date, s.reviewed, s.note])
    src.freeze_panes = "C2"
    src.auto_filter.ref = f"A1:H{src.max_row}"
    for letter, width in zip("ABCDEFGH", (34, 26, 80, 24, 50, 12, 12, 60), strict=True):
        src.column_dimensions[letter].width = width

    readme = wb.create_sheet(readme_name)
    for line in READ_ME[lang]:
        readme.append([line.format(inputs=inputs_name, sources=sources_name, year=cfg.year, qualities=", ".join(words.values()))])
    readme.column_dimensions["A"].width = 120

    meta = wb.create_sheet(meta_name)
    meta.append(["year", cfg.year])
    meta.append(["tool", f"speelveld {__version__}"])
    for path in sorted({p.file for p in params}):
        meta.append([f"file:{cfg.relative_file(path)}", file_digest(Path(path))])
    meta.sheet_state = "hidden"
    return wb


def write_inputs_workbook(path: Path, cfg: YearConfig, lang: str = "nl") -> None:
    save_workbook(build_inputs_workbook(cfg, lang), path)
