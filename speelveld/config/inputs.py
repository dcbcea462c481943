"""Parameters round trip through Excel: the layout of the input workbook and its import.

`speelveld inputs export` (``report/inputs_xlsx.py``) writes one row per parameter of a price year;
an editor changes values, bounds, quality flags, sources and notes in a spreadsheet program;
`speelveld inputs import` reads the workbook back, checks every edited cell, writes the edits into
the YAML files (round-trip, see ``edit.py``) and validates the result before anything is written.
A problem anywhere means nothing is written: the error names the sheet, the cell and the parameter.
"""

from __future__ import annotations

import hashlib
import math
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from speelveld.config.edit import EditableFile, set_number
from speelveld.config.load import load_year
from speelveld.config.model import NEEDS_NOTE, Quality
from speelveld.config.newyear import _CARRIED
from speelveld.config.resolved import Param, YearConfig
from speelveld.config.units import unit_of
from speelveld.config.yamlload import ConfigError
from speelveld.said import said

# Column keys in sheet order; the header words per language live in report/labels.py.
COLUMNS = ("path", "scope", "component", "label", "value", "unit", "low", "high", "quality", "source", "note", "where")
SOURCE_COLUMNS = ("file", "id", "title", "publisher", "url", "date", "reviewed", "note")
QUALITY_WORDS = {
    "nl": {"published": "gepubliceerd", "derived": "afgeleid", "estimate": "schatting", "projection": "projectie", "unknown": "onbekend"},
    "en": {"published": "published", "derived": "derived", "estimate": "estimate", "projection": "projection", "unknown": "unknown"},
}
SHEETS = {"nl": ("Invoer", "Bronnen", "Lees mij", "Meta"), "en": ("Inputs", "Sources", "Read me", "Meta")}
HEADERS = {
    "nl": {
        "path": "pad", "scope": "land", "component": "onderdeel", "label": "omschrijving", "value": "waarde", "unit": "eenheid",
        "low": "laag", "high": "hoog", "quality": "kwaliteit", "source": "bron", "note": "toelichting", "where": "bestand:regel",
    },
    "en": {
        "path": "path", "scope": "country", "component": "component", "label": "label", "value": "value", "unit": "unit",
        "low": "low", "high": "high", "quality": "quality", "source": "source", "note": "note", "where": "file:line",
    },
}
SOURCE_HEADERS = {
    "nl": ("bestand", "id", "titel", "uitgever", "url", "datum", "gecontroleerd", "toelichting"),
    "en": ("file", "id", "title", "publisher", "url", "date", "reviewed", "note"),
}


def inputs_header(lang: str) -> list[str]:
    return [HEADERS[lang][k] for k in COLUMNS]


def quality_from_word(word: str) -> Quality | None:
    w = word.strip().lower()
    for words in QUALITY_WORDS.values():
        for key, text in words.items():
            if w == text:
                return Quality(key)
    return None


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def editable_params(cfg: YearConfig) -> list[Param]:
    """The parameters an editor may change: every number of the price year's files and of the
    sector archetypes (not command-line or scenario overrides)."""
    return [p for p in cfg.params.values() if Path(p.file).is_file()]


@dataclass
class Edit:
    param: Param
    cell: str  # sheet!row, for messages
    value: float | None
    low: float | None
    high: float | None
    quality: Quality
    source: str
    note: str | None


@dataclass
class NewSource:
    file: Path
    id: str
    fields: dict[str, str]
    cell: str


@dataclass
class Import:
    before: YearConfig
    after: YearConfig | None = None
    edits: list[Edit] = field(default_factory=list)
    new_sources: list[NewSource] = field(default_factory=list)
    texts: dict[Path, str] = field(default_factory=dict)  # the new text of every changed file
    warnings: list[str] = field(default_factory=list)  # imported, but worth a second look


def _rows(ws) -> list[tuple[int, list[Any]]]:
    out = []
    for i, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if row is None or all(c is None or (isinstance(c, str) and not c.strip()) for c in row):
            continue
        out.append((i, list(row)))
    return out


def _number(raw: Any, where: str, what: str, problems: list[str]) -> float | None:
    """A number cell: a number, or empty. Text is refused with the reason it most likely is."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        problems.append(where + f": {what}: " + said("true_false_not_number"))
        return None
    if isinstance(raw, (int, float)):
        if not math.isfinite(raw):
            problems.append(where + f": {what}: " + said("not_finite_number"))
            return None
        return float(raw)
    text = str(raw).strip()
    if not text:
        return None
    # the cell holds text that reads as a number: the advice is to make it a number cell, typed in
    # the spreadsheet's own style (a Dutch Excel takes 64,5 and turns 64.5 into text)
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})*,\d+|[-+]?\d+,\d+", text):
        point = text.replace(".", "").replace(",", ".")
        problems.append(where + f": {what}: " + said("text_not_number_make", text=text, comma=text, point=point))
        return None
    if re.fullmatch(r"[-+]?\d+\.\d+", text):
        problems.append(where + f": {what}: " + said("text_not_number_make", text=text, comma=text.replace('.', ','), point=text))
        return None
    problems.append(where + f": {what}: " + said("text_number_cell_give", text=text))
    return None


def _text(raw: Any) -> str | None:
    if raw is None:
        return None
    text = str(raw).strip()
    return text or None


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))


def read_workbook(xlsx: Path, config_dir: Path) -> Import:
    """Every edit in the workbook, checked against the configs; raises ConfigError listing every
    problem (sheet, cell and parameter). Nothing is written. The steps: open the workbook and
    check that the YAML did not change since the export (``_opened``), read the new sources
    (``_new_sources``), then each row of the inputs sheet (``_row_edit``)."""
    wb, lang, year = _opened(xlsx, config_dir)
    name = xlsx.name
    inputs_name, sources_name, _, _ = SHEETS[lang]
    cfg = load_year(config_dir, year)
    files = {Path(p.file) for p in editable_params(cfg)}
    result = Import(before=cfg)
    problems: list[str] = []
    defined: dict[Path, set[str]] = {f: set(file_sources(cfg, f)) for f in files}
    if sources_name in wb.sheetnames:
        rel = {str(f.resolve().relative_to(config_dir.resolve())): f for f in files}
        _new_sources(wb[sources_name], name, sources_name, year, rel, defined, result, problems)

    ws = wb[inputs_name]
    header = [_text(c) for c in next(ws.iter_rows(min_row=1, max_row=1, values_only=True))]
    if header[: len(COLUMNS)] != inputs_header(lang):
        raise ConfigError([f'{name}: ' + said("sheet_row_1_columns", sheet=inputs_name, columns=', '.join(inputs_header(lang)))])
    params = {p.path: p for p in editable_params(cfg)}
    seen: set[str] = set()
    for row, cells in _rows(ws):
        cells = cells + [None] * (len(COLUMNS) - len(cells))
        path = _text(cells[_COL["path"]])
        where = f"{name}: " + said("place_sheet", sheet=inputs_name)
        if path is None:
            problems.append(where + ", " + said("place_cell", cell=f"A{row}") + ": " + said("parameter_path_empty"))
            continue
        p = params.get(path)
        if p is None:
            problems.append(where + ", " + said("place_cell", cell=f"A{row}") + ": " + said("not_parameter_do_not", path=path, year=year))
            continue
        if path in seen:
            problems.append(where + ", " + said("place_cell", cell=f"A{row}") + f" ({path}): " + said("parameter_appears_twice"))
            continue
        seen.add(path)
        edit = _row_edit(p, cells, row, where, lang, inputs_name, sources_name, defined, result, problems)
        if edit is not None:
            result.edits.append(edit)
    if problems:
        raise ConfigError(problems)
    missing = [path for path in params if path not in seen]
    if missing:
        # a deleted row is not a deletion: the config keeps the value, and the user should know
        shown = ", ".join(missing[:5]) + (f" (+{len(missing) - 5})" if len(missing) > 5 else "")
        result.warnings.append(f'{name}: ' + said("sheet_parameter_row_s", sheet=inputs_name, n=len(missing), shown=shown))
    if result.edits or result.new_sources:
        _apply(result, config_dir, year)
    return result


_COL = {k: i for i, k in enumerate(COLUMNS)}
_LETTER = {k: chr(ord("A") + i) for i, k in enumerate(COLUMNS)}


def _opened(xlsx: Path, config_dir: Path):
    """The workbook, its language and price year; refused when a config file it was exported from
    has changed or gone since (an edit in the YAML would be lost)."""
    from openpyxl import load_workbook

    name = xlsx.name
    try:
        wb = load_workbook(xlsx, data_only=True, read_only=False)
    except Exception as exc:  # openpyxl's own errors for a file that is not a workbook
        raise ConfigError([f'{xlsx}: ' + said("not_excel_workbook_read", why=' '.join(str(exc).split())[:120])]) from None
    lang = next((lg for lg, sheets in SHEETS.items() if sheets[0] in wb.sheetnames), None)
    if lang is None:
        raise ConfigError([f'{name}: ' + said("sheet_workbook_speelveld_inputs", a=SHEETS['nl'][0], b=SHEETS['en'][0])])
    meta_name = SHEETS[lang][3]
    meta = {}
    if meta_name in wb.sheetnames:
        meta = {str(k): v for k, v, *_ in wb[meta_name].iter_rows(values_only=True) if k is not None}
    try:
        year = int(meta["year"])
    except (KeyError, TypeError, ValueError):
        raise ConfigError([f'{name}: ' + said("sheet_price_year_missing", sheet=meta_name)]) from None
    problems = []
    for key, digest in meta.items():
        if key.startswith("file:"):
            path = config_dir / key[5:]
            if not path.is_file():
                problems.append(f'{path}: ' + said("exported_workbook_but_longer"))
            elif file_digest(path) != digest:
                problems.append(f'{path}: ' + said("changed_since_workbook_exported"))
    if problems:
        raise ConfigError(problems)
    return wb, lang, year


def _new_sources(ws, name: str, sources_name: str, year: int, rel: dict[str, Path], defined: dict[Path, set[str]], result: Import, problems: list[str]) -> None:
    """The rows on the sources sheet whose id the file does not define yet."""
    for row, cells in _rows(ws):
        values = dict(zip(SOURCE_COLUMNS, cells + [None] * len(SOURCE_COLUMNS), strict=False))
        where = f"{name}: " + said("place_sheet", sheet=sources_name) + ", " + said("place_row", row=row)
        file_key, sid = _text(values["file"]), _text(values["id"])
        if file_key is None and sid is None:
            continue
        target = rel.get(file_key or "")
        if target is None:
            problems.append(where + " (" + said("place_cell", cell=f"A{row}") + "): " + said("not_config_file_use", file=file_key, year=year))
            continue
        if sid is None or not re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", sid):
            problems.append(where + " (" + said("place_cell", cell=f"B{row}") + "): " + said("source_id_must_lower", id=sid or ''))
            continue
        if sid in defined[target]:
            continue  # an existing source: edits of its title etc. are not imported
        if not _text(values["title"]):
            problems.append(where + " (" + said("place_cell", cell=f"C{row}") + "): " + said("new_source_needs_title", id=sid))
            continue
        if not (_text(values["url"]) or _text(values["publisher"])) or not _text(values["date"]):
            problems.append(where + ": " + said("new_source_needs_url", id=sid))
            continue
        fields = {k: _text(values[k]) for k in ("title", "publisher", "url", "date", "reviewed", "note") if _text(values[k])}
        result.new_sources.append(NewSource(target, sid, fields, where))
        defined[target].add(sid)


def _row_edit(p: Param, cells: list, row: int, where: str, lang: str, inputs_name: str, sources_name: str, defined: dict[Path, set[str]],
              result: Import, problems: list[str]) -> Edit | None:
    """One row of the inputs sheet: its edit, None when nothing changed or the row has a problem
    (added to ``problems``); warnings for a changed value that kept its flag or its carried note."""

    def at(key: str) -> str:
        return where + ", " + said("place_cell", cell=f"{_LETTER[key]}{row}") + f" ({p.path})"

    count = len(problems)
    value = _number(cells[_COL["value"]], at("value"), "value", problems)
    low = _number(cells[_COL["low"]], at("low"), "low", problems)
    high = _number(cells[_COL["high"]], at("high"), "high", problems)
    unit = _text(cells[_COL["unit"]]) or p.unit
    factor = 1.0
    if unit != p.unit:
        accepted = _accepted_units(p)
        if unit not in accepted:
            others = ", ".join(u for u in accepted if u != p.unit)
            if others:
                problems.append(at("unit") + ": " + said("unit_does_not_match", unit=unit, unit_of=p.unit, units=others))
            else:
                problems.append(at("unit") + ": " + said("unit_does_not_match_parameter", unit=unit, unit_of=p.unit))
        else:
            factor = accepted[unit]
    word = _text(cells[_COL["quality"]])
    quality = quality_from_word(word) if word else p.quality
    if quality is None:
        problems.append(at("quality") + ": " + said("quality_not", word=word, words=', '.join(QUALITY_WORDS[lang].values())))
    source = _text(cells[_COL["source"]])
    note = _text(cells[_COL["note"]])
    if len(problems) > count:
        return None
    value, low, high = (None if v is None else v * factor for v in (value, low, high))
    changed_number = not (_same(value, p.value) and _same(low, p.low) and _same(high, p.high))
    changed = changed_number or quality != p.quality or (source or p.source_id) != p.source_id or (note or None) != (p.note or None)
    if not changed:
        return None
    problem = _edit_problem(p, value, low, high, quality, source, note, lang, sources_name, defined, at)
    if problem:
        problems.append(problem)
        return None
    if changed_number and not word:
        result.warnings.append(at("quality") + ": " + said("value_changed_but_quality", flag=QUALITY_WORDS[lang][p.quality.value]))
    if changed_number and (note or None) == (p.note or None) and p.note and _CARRIED.match(" ".join(p.note.split())):
        result.warnings.append(at("note") + ": " + said("value_changed_but_note"))
    if quality == Quality.published and p.quality != Quality.published and _same(low, p.low) and _same(high, p.high):
        # a figure now read in its source is exact: the range of the estimate it replaces goes with it
        low = high = None
    return Edit(p, f"{inputs_name}!{row}", value, low, high, quality, source, note)


def _edit_problem(p: Param, value, low, high, quality, source, note, lang: str, sources_name: str, defined: dict[Path, set[str]], at) -> str | None:
    """Why a changed row cannot be written, or None: a change needs a defined source, a value that
    fits its flag, a note where the flag asks for one, and low ≤ high."""
    if source is None:
        return at("source") + ": " + said("changed_value_needs_source", sheet=sources_name, file=Path(p.file).name)
    if source not in defined.get(Path(p.file), set()):
        return at("source") + ": " + said("source_not_defined_add", source=source, file=Path(p.file).name, sheet=sources_name)
    if quality == Quality.unknown and value is not None:
        return at("value") + ": " + said("value_flagged_unknown_must")
    if quality != Quality.unknown and value is None:
        return at("value") + ": " + said("empty_flag_give_value", quality=QUALITY_WORDS[lang]['unknown'])
    if quality in NEEDS_NOTE and not note:
        return at("note") + ": " + said("value_flagged_needs_note", quality=QUALITY_WORDS[lang][quality.value])
    if low is not None and high is not None and low > high:
        return at("low") + ": " + said("low_above_high", low=f'{low:g}', high=f'{high:g}')
    return None


def _accepted_units(p: Param) -> dict[str, float]:
    field_name = next((k for k in reversed(p.loc) if isinstance(k, str) and k not in ("value", "min", "max", "above", "below")), "")
    try:
        return unit_of(field_name)[1]
    except KeyError:
        return {p.unit: 1.0}


def file_sources(cfg: YearConfig, path: Path) -> dict:
    sources: dict = {}
    for p in cfg.params.values():
        if Path(p.file) == path:
            sources[p.source_id] = p.source
    root = _root_model(cfg, path)
    if root is not None:
        sources.update(root.sources)
    return sources


def _root_model(cfg: YearConfig, path: Path):
    stem = path.stem
    if path.name == "eu.yaml":
        return cfg.eu
    if path.parent.name == "countries":
        return cfg.countries.get(stem)
    return cfg.sectors.get(stem)


def _written(v: float | None, p: Param) -> float | None:
    """A value in the unit the file writes it in, rounded to 12 significant digits so that a
    conversion there and back leaves no floating-point dust (0.00388, not 0.0038799999)."""
    if v is None:
        return None
    return float(f"{v / p.written_factor:.12g}")


def _apply(result: Import, config_dir: Path, year: int) -> None:
    """Write the edits into the files in memory, then validate the whole year in a staging copy."""
    files: dict[Path, EditableFile] = {}

    def opened(path: Path) -> EditableFile:
        if path not in files:
            files[path] = EditableFile.open(path)
        return files[path]

    for ns in result.new_sources:
        doc = opened(ns.file).doc
        from ruamel.yaml.comments import CommentedMap

        if "sources" not in doc or doc["sources"] is None:
            doc["sources"] = CommentedMap()
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        entry = CommentedMap()
        for k, v in ns.fields.items():
            # a date stays text ("2026-11-05"), as the other sources write it, not a YAML date
            entry[k] = DoubleQuotedScalarString(v) if k in ("date", "reviewed") else v
        doc["sources"][ns.id] = entry
    for e in result.edits:
        p = e.param
        doc = opened(Path(p.file)).doc
        keep = lambda new, old: None if new == old else new  # noqa: E731 - unchanged provenance stays inherited
        set_number(
            doc,
            p.loc,
            value=_written(e.value, p),
            low=_written(e.low, p),
            high=_written(e.high, p),
            quality=keep(e.quality.value, p.quality.value),
            source=keep(e.source, p.source_id),
            note=keep(e.note, p.note),
        )
    result.texts = {path: f.rendered() for path, f in files.items() if f.changed}
    staging = Path(tempfile.mkdtemp(prefix=".speelveld-import-", dir=config_dir))
    try:
        for sub in [str(year), "sectors", "scenarios"]:
            if (config_dir / sub).is_dir():
                shutil.copytree(config_dir / sub, staging / sub)
        for path, text in result.texts.items():
            (staging / path.resolve().relative_to(config_dir.resolve())).write_text(text, encoding="utf-8")
        try:
            after = load_year(staging, year)
        except ConfigError as exc:
            raise ConfigError([_cell_of(result, msg.replace(str(staging), str(config_dir))) for msg in exc.problems]) from None
        after.config_dir = config_dir
        result.after = after
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _cell_of(result: Import, message: str) -> str:
    """A loader error about an edited value, with the workbook cell it came from."""
    for e in result.edits:
        if e.param.path.split(".", 1)[-1].split(".")[-1] in message and e.param.file.split("/")[-1] in message:
            return e.cell + f" ({e.param.path}): " + message  # the cell first: the message after it is worded as any loader message
    return message


def write_import(result: Import) -> list[Path]:
    """Write every changed file (each atomically); returns the files written."""
    from speelveld.fileio import write_atomic

    for path, text in result.texts.items():
        write_atomic(path, lambda tmp, text=text: tmp.write_text(text, encoding="utf-8"))
    return sorted(result.texts)
