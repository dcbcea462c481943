"""Load a config directory for one price year: parse, overlay overrides, validate, flatten.

This is the one place where configs are read and checked. Everything downstream (engine,
reports) sees a validated ``YearConfig`` whose every number is a ``Param`` with its unit,
source and quality flag.

Layout of a config directory::

    <dir>/<year>/eu.yaml                 EU ETS prices for that year
    <dir>/<year>/countries/<CC>.yaml     one file per country (or region, e.g. BE-WA)
    <dir>/sectors/<name>.yaml            sector archetypes (a <dir>/<year>/sectors/ file overrides)
    <dir>/scenarios/<name>.yaml          named sets of overrides (policy variants)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from speelveld.config.checks import hours_in_year, value_problem
from speelveld.config.model import (
    QUALITY_RANK,
    Bound,
    CountryFile,
    EUFile,
    Node,
    Quality,
    SectorFile,
    Source,
    SourcedValue,
    all_field_names,
    is_yearly,
)
from speelveld.config.resolved import Param, YearConfig
from speelveld.config.units import unit_of
from speelveld.config.yamlload import ConfigError, LineMap, load_yaml, parse_value

PACKAGE_CONFIGS = Path(__file__).resolve().parent.parent / "configs"
REPO_CONFIGS = Path(__file__).resolve().parent.parent.parent / "configs"


def default_config_dir() -> Path:
    """The shipped configs: the repository's ``configs/`` or the copy inside an installed package."""
    for candidate in (REPO_CONFIGS, PACKAGE_CONFIGS):
        if candidate.is_dir():
            return candidate
    return REPO_CONFIGS


# ------------------------------------------------------------------ discovery


def available_years(config_dir: Path) -> list[int]:
    if not config_dir.is_dir():
        return []
    return sorted(int(p.name) for p in config_dir.iterdir() if p.is_dir() and p.name.isdigit())


def stray_year_folders(config_dir: Path) -> list[str]:
    """Folders that look like a price year but are not read (``2026 kopie``, ``2025-oud``):
    a copy made to edit in, easily mistaken for the one in use."""
    if not config_dir.is_dir():
        return []
    return sorted(
        p.name for p in config_dir.iterdir()
        if p.is_dir() and not p.name.isdigit() and re.match(r"^\d{4}\D", p.name) and (p / "countries").is_dir()
    )


def _year_files(config_dir: Path, year: int) -> tuple[Path, list[Path], list[Path]]:
    year_dir = config_dir / str(year)
    if not config_dir.is_dir():
        raise ConfigError([f"{config_dir}: config directory not found"])
    if not year_dir.is_dir():
        years = ", ".join(str(y) for y in available_years(config_dir)) or "none"
        raise ConfigError([f"--year: no configs for {year} in {config_dir} (available: {years})"])
    eu = year_dir / "eu.yaml"
    countries = sorted((year_dir / "countries").glob("*.yaml"))
    sectors: dict[str, Path] = {p.stem: p for p in sorted((config_dir / "sectors").glob("*.yaml"))}
    sectors.update({p.stem: p for p in sorted((year_dir / "sectors").glob("*.yaml"))})
    problems = _stray_files([year_dir, year_dir / "countries", config_dir / "sectors", year_dir / "sectors"])
    if not eu.is_file():
        problems.append(f"{eu}:1: file: missing (the EU ETS prices of {year})")
    if not countries:
        problems.append(f"{year_dir / 'countries'}:1: file: no country files (*.yaml)")
    if not sectors:
        problems.append(f"{config_dir / 'sectors'}:1: file: no sector files (*.yaml)")
    if problems:
        raise ConfigError(problems)
    return eu, countries, [sectors[k] for k in sorted(sectors)]


def _stray_files(folders: list[Path]) -> list[str]:
    """A config file ending in .yml (or .YAML) would be silently skipped, or, next to a .yaml
    file of the same name, be a second file for the same country or sector: both are errors."""
    problems = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if not p.is_file() or p.suffix == ".yaml" or p.suffix.lower() not in (".yaml", ".yml"):
                continue
            twin = p.with_suffix(".yaml")
            if twin.exists():
                problems.append(f"{p}:1: file: a second file for '{p.stem}' next to {twin.name}; keep one of the two")
            else:
                problems.append(f"{p}:1: file: not read, because config files end in .yaml; rename it to {twin.name}")
    return problems


# ------------------------------------------------------------------ overrides


@dataclass
class Override:
    """``PATH=VALUE`` from --set or a scenario file. ``origin`` names where it came from."""

    path: str
    value: Any
    origin: str

    @classmethod
    def parse(cls, text: str, origin: str = "--set") -> Override:
        if "=" not in text:
            raise ConfigError([f"{origin} {text}: expected PATH=VALUE, e.g. DE.commodity.baseload_eur_per_mwh=95"])
        path, raw = text.split("=", 1)
        path = path.strip()
        if not path or any(not part for part in path.split(".")):
            raise ConfigError([f"{origin} {text}: malformed path '{path}'"])
        try:
            value = parse_value(raw) if raw.strip() else None
        except (yaml.YAMLError, RecursionError):
            raise ConfigError([f"{origin} {text}: cannot read value '{raw}'"]) from None
        if value is None or isinstance(value, str) and not raw.strip():
            raise ConfigError([f"{origin} {text}: missing value after '='"])
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError([f"{origin} {text}: value must be a finite number"])
        return cls(path, value, origin)


def parse_override(text: str, origin: str = "--set") -> Override:
    return Override.parse(text, origin)


def _split_root(path: str, docs: dict[str, Any], sector_names: list[str]) -> list[tuple[tuple[str, str], list[str]]]:
    """Map an override path to (document key, remaining segments), one per target document."""
    parts = path.split(".")
    head = parts[0]
    if head == "eu":
        return [(("eu", "eu"), parts[1:])]
    if head == "sector":
        return [(("sectors", name), parts[1:]) for name in sector_names]
    if head == "sectors" and len(parts) > 1:
        return [(("sectors", parts[1]), parts[2:])]
    if ("countries", head) in docs:
        return [(("countries", head), parts[1:])]
    roots = ["eu", "sector", "sectors.<name>"] + sorted(k[1] for k in docs if k[0] == "countries")
    hint = difflib.get_close_matches(head, roots, n=1)
    extra = f" (did you mean '{hint[0]}'?)" if hint else ""
    raise KeyError(f"unknown root '{head}'{extra}; a path starts with one of: {', '.join(roots)}")


def _navigate_set(doc: Any, segments: list[str], value: Any, origin_note: str) -> tuple:
    """Set doc[segments] = value and return the location set. Missing paths are errors: an
    override never invents structure."""
    node = doc
    trail: list[str] = []
    loc: list = []
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if isinstance(node, dict):
            if seg not in node:
                # A known but absent optional field may be set; an unknown name may not.
                if last and seg in all_field_names():
                    node[seg] = _as_sourced(None, value, origin_note)
                    return tuple(loc + [seg])
                hint = difflib.get_close_matches(seg, list(node), n=1)
                extra = f" (did you mean '{hint[0]}'?)" if hint else ""
                raise KeyError(f"no '{seg}' under '{'.'.join(trail) or '(root)'}'{extra}")
            if last:
                node[seg] = _as_sourced(node[seg], value, origin_note)
                return tuple(loc + [seg])
            node = node[seg]
            loc.append(seg)
        elif isinstance(node, list):
            index = _list_index(node, seg)
            if index is None:
                ids = [str(x.get("id")) for x in node if isinstance(x, dict) and "id" in x]
                hint = difflib.get_close_matches(seg, ids, n=1)
                extra = f" (did you mean '{hint[0]}'?)" if hint else ""
                raise KeyError(f"no item '{seg}' in '{'.'.join(trail)}'{extra}")
            if last:
                node[index] = _as_sourced(node[index], value, origin_note)
                return tuple(loc + [index])
            node = node[index]
            loc.append(index)
        else:
            raise KeyError(f"'{'.'.join(trail)}' is a value, it has no '{seg}'")
        trail.append(seg)
    raise KeyError("empty path")


def _list_index(items: list, seg: str) -> int | None:
    for i, item in enumerate(items):
        if isinstance(item, dict) and str(item.get("id")) == seg:
            return i
    if seg.isdigit() and int(seg) < len(items):
        return int(seg)
    return None


def _as_sourced(old: Any, value: Any, origin_note: str) -> Any:
    """Numbers set by an override carry the override as their source; structure is replaced as is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        if isinstance(value, dict) and "value" in value:
            return value
        return value
    # Like every --set value, a number is in the field's own unit, whatever unit the file wrote.
    return {"value": float(value), "source": "override", "quality": "estimate", "note": origin_note}


def apply_overrides(
    docs: dict[tuple[str, str], Any], overrides: list[Override], sector_names: list[str]
) -> dict[tuple[str, str], dict[tuple, str]]:
    """Apply overrides in order; return, per document, the locations each override set, so that
    a validation error there names the override instead of a file line."""
    problems = []
    origins: dict[tuple[str, str], dict[tuple, str]] = {}
    for ov in overrides:
        try:
            targets = _split_root(ov.path, docs, sector_names)
            for key, segments in targets:
                if key not in docs:
                    raise KeyError(f"no {key[0][:-1]} '{key[1]}'")
                if not segments:
                    raise KeyError("the path names a whole file; name a field inside it")
                loc = _navigate_set(docs[key], segments, ov.value, f"{ov.origin} {ov.path}={ov.value}")
                origins.setdefault(key, {})[loc] = f"{ov.origin} {ov.path}"
        except KeyError as exc:
            problems.append(f"{ov.origin} {ov.path}: {exc.args[0]}")
    if problems:
        raise ConfigError(problems)
    return origins


# ------------------------------------------------------------------ validation errors


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-member tags from an error location."""
    out = []
    for part in loc:
        if isinstance(part, str) and (
            part in ("float", "SourcedValue", "int", "str", "list[str]", "bool", "[key]")
            or part.startswith(("function-", "literal[", "list[", "dict[", "constrained-"))
        ):
            continue
        out.append(part)
    return tuple(out)


def _via_sourced(err: dict) -> bool:
    """Did this error come from the {value, source, ...} member of a number's union?"""
    return any(isinstance(p, str) and "SourcedValue" in p for p in err["loc"])


def loc_text(root: Any, loc: tuple) -> str:
    """A location as a path a user can find and pass to --set: list items by their ``id``
    (``taxes.levies.kwkg.rate_eur_per_mwh``), by index only when they have none (bands, tiers)."""
    parts, node = [], root
    for part in loc:
        if isinstance(part, int):
            item = None
            if isinstance(node, list | tuple) and 0 <= part < len(node):
                item = node[part]
            elif isinstance(node, BaseModel):
                item = None
            item_id = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
            good_id = isinstance(item_id, str) and re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", item_id)
            parts.append(item_id if good_id else str(part))
            node = item
            continue
        parts.append(str(part))
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, BaseModel):
            node = getattr(node, str(part), None)
        else:
            node = None
    return ".".join(parts)


def _format_validation(exc: ValidationError, lines: LineMap, origin: dict[tuple, str], doc: Any = None) -> list[str]:
    by_loc: dict[tuple, list[dict]] = {}
    errors = exc.errors(include_url=False)
    # A mapping written for a number fails both union members; when the mapping member says
    # what is wrong deeper inside (e.g. an unknown quality), the "not a number" error on the
    # field itself is noise.
    deeper = {_clean_loc(e["loc"])[:-1] for e in errors if _via_sourced(e) and len(_clean_loc(e["loc"])) > 0}
    for err in errors:
        loc = _clean_loc(err["loc"])
        if err["type"] == "float_type" and isinstance(err.get("input"), dict) and loc in deeper:
            continue
        by_loc.setdefault(loc, []).append(err)
    known = all_field_names()
    problems = []
    for loc, errs in by_loc.items():
        err = _pick_error(errs)
        field_name = loc_text(doc, loc) or "(file)"
        message = _message(err, known)
        where = _origin_of(origin, loc)
        if where:
            problems.append(f"{where}: {field_name}: {message}")
        else:
            problems.append(f"{lines.file}:{lines.line_of(loc)}: {field_name}: {message}")
    return problems


def _origin_of(origins: dict[tuple, str], loc: tuple) -> str | None:
    """The override that set ``loc`` or one of its ancestors, if any."""
    loc = tuple(loc)
    while loc:
        if loc in origins:
            return origins[loc]
        loc = loc[:-1]
    return None


def _pick_error(errs: list[dict]) -> dict:
    # A dict written where a number is expected fails both union members; the SourcedValue
    # error says what is wrong inside the mapping, so prefer it. For scalars prefer the float one.
    if len(errs) == 1:
        return errs[0]
    for err in errs:
        if _via_sourced(err) and isinstance(err.get("input"), dict | type(None)):
            if err["type"] != "model_type":
                return err
    for err in errs:
        if err["type"] in ("float_parsing", "float_type", "finite_number"):
            return {**err, "type": "number_union"}
    return errs[0]


def _message(err: dict, known: set[str]) -> str:
    if err["type"] == "extra_forbidden":
        key = str(err["loc"][-1])
        hint = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        return "unknown field" + (f" (did you mean '{hint[0]}'?)" if hint else "")
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "number_union":
        return f"expected a number, or a mapping {{value, source, quality}}, got {_kind(err.get('input'))}"
    if err["type"] in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping (field: value lines), got {_kind(err.get('input'))}"
    if err["type"] == "list_type":
        return f"expected a list, got {_kind(err.get('input'))}"
    if err["type"] in ("float_type", "float_parsing"):
        return f"expected a number, got {_kind(err.get('input'))}"
    if err["type"] in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_kind(err.get('input'))}"
    if err["type"] in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_kind(err.get('input'))}"
    if err["type"] in ("string_type",):
        return f"expected text, got {_kind(err.get('input'))}"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    elif msg.startswith("Input should be ") and "input" in err:
        msg = f"should be {msg[len('Input should be ') :]}, not {_kind(err['input'])}"
    elif msg.startswith("String should ") and "input" in err:
        msg = f"{msg} (got {_kind(err['input'])})"
    return msg


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    shown = repr(value)
    return shown if len(shown) <= 40 else f"{shown[:20]}...({len(shown)} characters)"


# ------------------------------------------------------------------ flattening into params


_KNOWN_SOURCE_IDS_EXTRA = {
    "override": Source(title="Override on the command line or in a scenario", note="see the run's overrides"),
}


class _Flattener:
    def __init__(self, file: str, lines: LineMap, sources: dict[str, Source], origin: dict[tuple, str]):
        self.file = file
        self.lines = lines
        self.sources = {**_KNOWN_SOURCE_IDS_EXTRA, **sources}
        self.origin = origin
        self.params: dict[str, Param] = {}
        self.refs: dict[tuple, str] = {}  # (id(model), field[, key]) -> parameter path
        self.problems: list[str] = []
        self.block_note: str | None = None
        self.root: Any = None  # the model being walked, to name list items by id

    def where(self, loc: tuple) -> str:
        label = _origin_of(self.origin, loc)
        if label:
            return label
        return f"{self.file}:{self.lines.line_of(loc)}"

    def walk(self, model: BaseModel, prefix: str, loc: tuple, source: str | None, quality: Quality | None) -> None:
        saved_note = self.block_note
        if isinstance(model, Node):
            source = model.source or source
            if model.quality is not None:
                # a block that flags its numbers also carries their derivation: each number inherits it
                quality = model.quality
                self.block_note = model.note
                if model.quality in (Quality.estimate, Quality.derived) and not model.note:
                    self.problems.append(f"{self.where(loc + ('quality',))}: {loc_text(self.root, loc + ('quality',))}: a block flagged '{model.quality.value}' needs a note with its derivation")
            if model.source and model.source not in self.sources:
                self._unknown_source(model.source, loc + ("source",))
        for name in type(model).model_fields:
            value = getattr(model, name)
            if value is None or name in ("source", "quality", "note", "sources"):
                continue
            self.visit(value, name, f"{prefix}.{name}", loc + (name,), source, quality, unit_field=name, yearly=is_yearly(type(model), name), owner=(id(model), name))
        self.block_note = saved_note

    def visit(self, value, name, path, loc, source, quality, unit_field, yearly=False, owner=None):
        if isinstance(value, Bound):
            for op in ("min", "above", "max", "below"):
                v = getattr(value, op)
                if v is not None:
                    self.refs[(id(value), op)] = f"{path}.{op}"
                    self.number(v, f"{path}.{op}", loc + (op,), source, quality, unit_field)
        elif isinstance(value, BaseModel) and not isinstance(value, SourcedValue):
            self.walk(value, path, loc, source, quality)
        elif isinstance(value, SourcedValue) or (isinstance(value, float) and not isinstance(value, bool)):
            if name in ("from_mwh", "to_mwh"):
                return  # band edges are structure, checked by the band validator
            if owner is not None:
                self.refs[owner] = path
            self.number(value, path, loc, source, quality, unit_field, yearly)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                key = getattr(item, "id", None) if isinstance(item, BaseModel) else None
                self.visit(item, name, f"{path}.{key if key is not None else i}", loc + (i,), source, quality, unit_field, yearly)
        elif isinstance(value, dict):
            for k, item in value.items():
                key = None if owner is None else (*owner, k)
                self.visit(item, str(k), f"{path}.{k}", loc + (k,), source, quality, unit_field=str(k) if name != "process_shares_pct" else name, yearly=yearly, owner=key)

    def number(self, raw, path, loc, source, quality, unit_field, yearly=False):
        note = self.block_note
        written_unit = None
        factor = 1.0
        low = high = None
        if isinstance(raw, SourcedValue):
            value = raw.value
            low, high = raw.low, raw.high
            source = raw.source or source
            quality = raw.quality or (Quality.unknown if value is None else quality)
            note = raw.note or (self.block_note if raw.quality is None else None)
            written_unit = raw.unit
            if raw.source and raw.source not in self.sources:
                self._unknown_source(raw.source, loc + ("source",))
                return
        else:
            value = raw
        where = self.where(loc)
        field_name = loc_text(self.root, loc)
        try:
            unit, accepted = unit_of(unit_field)
        except KeyError:
            unit, accepted = "", {"": 1}
        if written_unit is not None:
            if written_unit not in accepted:
                self.problems.append(
                    f"{where}: {field_name}: unknown unit '{written_unit}' for this field (use one of: {', '.join(accepted)})"
                )
                return
            factor = accepted[written_unit]
            value, low, high = (None if v is None else v * factor for v in (value, low, high))
        if source is None:
            self.problems.append(f"{where}: {field_name}: value has no source (set 'source' here or on an enclosing block)")
            return
        for what, v in (("", value), ("low: ", low), ("high: ", high)):
            if v is not None:
                problem = value_problem(unit_field, v, own_field=loc[-1] == unit_field)
                if problem:
                    self.problems.append(f"{where}: {field_name}: {what}{problem}")
                    return
        self.params[path] = Param(
            path=path,
            value=value,
            unit=unit,
            quality=quality or Quality.published,
            source_id=source,
            source=self.sources.get(source, Source(title=source)),
            note=note,
            file=self.file,
            line=self.lines.line_of(loc),
            low=low,
            high=high,
            loc=loc,
            yearly=yearly,
            written_unit=written_unit,
            written_factor=factor,
        )

    def _unknown_source(self, source_id: str, loc: tuple) -> None:
        hint = difflib.get_close_matches(source_id, list(self.sources), n=1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        self.problems.append(
            f"{self.where(loc)}: {loc_text(self.root, loc)}: unknown source '{source_id}'{extra}; define it under 'sources:'"
        )


# ------------------------------------------------------------------ entry point


# Loaded years by the content of every file they read, the overrides and the scenario: a run
# reads the same year for its warnings, a scenario's base and the previous year's checks; the test
# suite reads the shipped years hundreds of times. Keyed by the bytes of the files, so an edited
# file is always read again; each caller gets its own copy of the mutable containers.
_YEARS: dict[tuple, YearConfig] = {}


def _year_key(config_dir: Path, year: int, overrides: list[Override], scenario: str | None) -> tuple | None:
    try:
        year_dir = config_dir / str(year)
        files = sorted(p for p in year_dir.rglob("*") if p.is_file()) + sorted((config_dir / "sectors").glob("*"))
        if scenario is not None:
            files.append(config_dir / "scenarios" / f"{scenario}.yaml")
        digest = hashlib.blake2b(digest_size=16)
        for f in files:
            digest.update(str(f).encode() + b"\0" + f.read_bytes() + b"\0")
    except OSError:
        return None  # the loader reports what is missing
    return (str(config_dir), year, scenario, tuple((o.path, repr(o.value), o.origin) for o in overrides), digest.digest())


def _own_copy(cfg: YearConfig) -> YearConfig:
    return dataclasses.replace(
        cfg, params=dict(cfg.params), countries=dict(cfg.countries), sectors=dict(cfg.sectors), overrides=list(cfg.overrides), files=list(cfg.files),
        refs=dict(cfg.refs),
    )


def load_year(
    config_dir: Path,
    year: int,
    overrides: list[Override] | None = None,
    scenario: str | None = None,
) -> YearConfig:
    """Load, overlay, validate and flatten every file of a price year. Raises ConfigError
    listing every problem found (not just the first)."""
    overrides = list(overrides or [])
    key = _year_key(Path(config_dir), year, overrides, scenario)
    if key is not None and key in _YEARS:
        return _own_copy(_YEARS[key])
    cfg = _load_year(Path(config_dir), year, overrides, scenario)
    if key is not None:
        if len(_YEARS) > 64:
            _YEARS.clear()
        _YEARS[key] = cfg
    return _own_copy(cfg)


def _load_year(config_dir: Path, year: int, overrides: list[Override], scenario: str | None) -> YearConfig:
    eu_path, country_paths, sector_paths = _year_files(config_dir, year)
    docs: dict[tuple[str, str], Any] = {}
    lines: dict[tuple[str, str], LineMap] = {}
    files: dict[tuple[str, str], Path] = {}
    problems: list[str] = []

    def read(key, path):
        try:
            data, linemap = load_yaml(path)
        except ConfigError as exc:
            problems.extend(exc.problems)
            return
        if data is None:
            problems.append(f"{path}:1: file: the file is empty (expected a mapping of fields)")
            return
        if not isinstance(data, dict):
            problems.append(f"{path}:1: file: expected a mapping of fields, got {type(data).__name__}")
            return
        docs[key], lines[key], files[key] = data, linemap, path

    read(("eu", "eu"), eu_path)
    for path in country_paths:
        read(("countries", path.stem), path)
    for path in sector_paths:
        read(("sectors", path.stem), path)
    if problems:
        raise ConfigError(problems)

    sector_names = sorted(k[1] for k in docs if k[0] == "sectors")
    if scenario is not None:
        overrides = _scenario_overrides(config_dir, scenario, year, docs) + overrides
    override_origin = apply_overrides(docs, overrides, sector_names)

    models: dict[tuple[str, str], BaseModel] = {}
    for key, data in docs.items():
        model_cls = {"eu": EUFile, "countries": CountryFile, "sectors": SectorFile}[key[0]]
        try:
            models[key] = model_cls.model_validate(data)
        except ValidationError as exc:
            problems.extend(_format_validation(exc, lines[key], override_origin.get(key, {}), data))
            continue
        problems.extend(_identity_checks(key, models[key], year, files[key], lines[key]))
    if problems:
        raise ConfigError(problems)

    params: dict[str, Param] = {}
    refs: dict[tuple, str] = {}
    for key, model in models.items():
        prefix = {"eu": "eu", "countries": key[1], "sectors": f"sectors.{key[1]}"}[key[0]]
        flat = _Flattener(str(files[key]), lines[key], dict(model.sources), override_origin.get(key, {}))
        flat.root = model
        flat.walk(model, prefix, (), None, None)
        problems.extend(flat.problems)
        params.update(flat.params)
        refs.update(flat.refs)
    problems.extend(_semantic_checks(models, params, files, lines, year, override_origin))
    if problems:
        raise ConfigError(problems)

    return YearConfig(
        year=year,
        config_dir=config_dir,
        eu=models[("eu", "eu")],  # type: ignore[arg-type]
        countries={k[1]: m for k, m in models.items() if k[0] == "countries"},  # type: ignore[misc]
        sectors={k[1]: m for k, m in models.items() if k[0] == "sectors"},  # type: ignore[misc]
        params=params,
        refs=refs,
        overrides=[f"{o.origin} {o.path}={o.value}" for o in overrides],
        scenario=scenario,
        files=sorted(files.values()),
    )


def _scenario_overrides(config_dir: Path, name: str, year: int, docs: dict) -> list[Override]:
    """A scenario's values become overrides applied before any --set; its sources become
    available to every file it touches."""
    from speelveld.config.scenario import load_scenario

    sc = load_scenario(config_dir, name)
    if not sc.applies_to(year):
        raise ConfigError([f"{sc.file}:1: years: scenario '{name}' applies to {', '.join(map(str, sc.years or []))}, not to {year}"])
    for data in docs.values():
        sources = data.setdefault("sources", {})
        if isinstance(sources, dict):
            for sid, src in sc.sources.items():
                sources.setdefault(sid, src.model_dump(exclude_none=True))
    return [Override(path, value, f"{sc.file}:{line}: set") for path, value, line in sc.values]


def _identity_checks(key, model, year: int, path: Path, lines: LineMap) -> list[str]:
    problems = []
    if key[0] == "countries" and model.country != key[1]:
        problems.append(f"{path}:{lines.line_of(('country',))}: country: '{model.country}' does not match the file name '{key[1]}.yaml'")
    if key[0] == "sectors" and model.sector != key[1]:
        problems.append(f"{path}:{lines.line_of(('sector',))}: sector: '{model.sector}' does not match the file name '{key[1]}.yaml'")
    if key[0] in ("countries", "eu") and model.year != year:
        problems.append(f"{path}:{lines.line_of(('year',))}: year: {model.year} in a file under {year}/")
    return problems


class _Where:
    """``file:line`` of a location in one document, or the override that set it."""

    def __init__(self, files, lines, origins):
        self.files, self.lines, self.origins = files, lines, origins

    def __call__(self, key, loc: tuple) -> str:
        label = _origin_of(self.origins.get(key, {}), loc)
        return label or f"{self.files[key]}:{self.lines[key].line_of(loc)}"


def _duplicate_ids(model: BaseModel, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(location of the second item, id) for every list of items with ids that repeats an id:
    lines, reductions and support are keyed by id, so a repeated id would merge two of them."""
    found = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else [value]
        keys = range(len(value)) if isinstance(value, list) else list(value) if isinstance(value, dict) else [None]
        seen: set = set()
        for k, item in zip(keys, items, strict=True):
            if not isinstance(item, BaseModel):
                continue
            here = loc + (name,) + (() if k is None else (k,))
            item_id = getattr(item, "id", None)
            if isinstance(value, list) and isinstance(item_id, str):
                if item_id in seen:
                    found.append((here + ("id",), item_id))
                seen.add(item_id)
            found.extend(_duplicate_ids(item, here))
    return found


def _semantic_checks(models, params: dict[str, Param], files, lines, year: int, origins) -> list[str]:
    """Checks that need more than one field or file: a sector must consume something within a
    year, its voltage level must exist everywhere, rate periods cover the year, references exist."""
    problems = []
    where = _Where(files, lines, origins)
    hours = hours_in_year(year)
    countries = {k: m for k, m in models.items() if k[0] == "countries"}
    for key, model in models.items():
        for loc, item_id in _duplicate_ids(model):
            coll = loc_text(model, loc[:-2])
            problems.append(f"{where(key, loc)}: {coll}: id '{item_id}' used twice")
        if key[0] == "sectors":
            base = f"sectors.{key[1]}"
            q = params.get(f"{base}.consumption_mwh")
            if q is not None and q.value is not None and q.value <= 0:
                problems.append(f"{where(key, ('consumption_mwh',))}: consumption_mwh: must be more than 0 MWh")
                q = None
            h = params.get(f"{base}.utilisation_hours")
            if h is not None and h.value is not None and not 0 < h.value <= hours:
                problems.append(
                    f"{where(key, ('utilisation_hours',))}: utilisation_hours: {h.value:g} h is not within the {hours:,} h of {year} (more than 0, at most {hours:,})"
                )
            kw = params.get(f"{base}.contracted_capacity_kw")
            if kw is not None and kw.value is not None:
                if kw.value <= 0:
                    problems.append(f"{where(key, ('contracted_capacity_kw',))}: contracted_capacity_kw: must be more than 0 kW")
                elif q is not None and q.value is not None and q.value * 1000 / kw.value > hours:
                    problems.append(
                        f"{where(key, ('contracted_capacity_kw',))}: contracted_capacity_kw: {q.value:g} MWh on {kw.value:g} kW is "
                        f"{q.value * 1000 / kw.value:,.0f} h of full load, more than the {hours:,} h of {year}"
                    )
            shares = [params.get(f"{base}.process_shares_pct.{k}") for k in model.process_shares_pct]
            total = sum(s.value for s in shares if s is not None and s.value is not None)
            if total > 100:
                problems.append(f"{where(key, ('process_shares_pct',))}: process_shares_pct: shares add up to {total:g} % (> 100 %)")
            for ckey, country in sorted(countries.items()):
                if model.voltage_level not in country.network.levels:
                    offered = ", ".join(sorted(country.network.levels)) or "none"
                    problems.append(
                        f"{where(key, ('voltage_level',))}: voltage_level: '{model.voltage_level}' is not offered by {ckey[1]} "
                        f"({files[ckey]}:{lines[ckey].line_of(('network', 'levels'))}: network.levels has {offered})"
                    )
        if key[0] == "countries":
            levy_ids = [lv.id for lv in model.taxes.levies]
            for i, cap in enumerate(model.taxes.joint_caps):
                for name in cap.levies:
                    if name not in levy_ids:
                        hint = difflib.get_close_matches(name, levy_ids, n=1)
                        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
                        problems.append(
                            f"{where(key, ('taxes', 'joint_caps', i, 'levies'))}: taxes.joint_caps.{cap.id}.levies: unknown levy '{name}'{extra}"
                        )
            for i, levy in enumerate(model.taxes.levies):
                if levy.rate_periods is None or (levy.valid is not None and not levy.valid.covers(year)):
                    continue
                # The annual rate is the day-weighted average over the price year: the periods
                # must cover it exactly (the model already rules out overlaps and gaps).
                loc = ("taxes", "levies", i, "rate_periods")
                first = min(levy.rate_periods, key=lambda p: p.start)
                last = max(levy.rate_periods, key=lambda p: p.end)
                if first.start != dt.date(year, 1, 1):
                    problems.append(
                        f"{where(key, loc)}: taxes.levies.{i}.rate_periods: the first period starts on {first.start}, not on 1 January {year} (the price year)"
                    )
                if last.end != dt.date(year, 12, 31):
                    problems.append(
                        f"{where(key, loc)}: taxes.levies.{i}.rate_periods: the last period ends on {last.end}, not on 31 December {year} (the price year)"
                    )
    return problems


def worst_quality(qualities) -> Quality:
    qualities = list(qualities)
    if not qualities:
        return Quality.published
    return max(qualities, key=lambda q: QUALITY_RANK[q])
