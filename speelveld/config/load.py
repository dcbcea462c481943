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
import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from speelveld.config.discovery import (
    PACKAGE_CONFIGS,
    REPO_CONFIGS,
    _year_files,
    available_years,
    default_config_dir,
    is_projection,
    stray_year_folders,
    year_dir,
)
from speelveld.config.errors import _format_validation, loc_text
from speelveld.config.flatten import _Flattener
from speelveld.config.model import (
    EUA_PRICES,
    CountryFile,
    EUFile,
    SectorFile,
)
from speelveld.config.overrides import MOVED_WITH, Override, apply_overrides, override_note, parse_override
from speelveld.config.resolved import Param, YearConfig
from speelveld.config.semantic import _identity_checks, _semantic_checks
from speelveld.config.yamlload import ConfigError, LineMap, load_yaml
from speelveld.said import place, said, tail

__all__ = [
    "PACKAGE_CONFIGS", "REPO_CONFIGS", "Override", "apply_overrides", "available_years", "default_config_dir", "load_year",
    "loc_text", "parse_override", "stray_year_folders",
]


# ------------------------------------------------------------------ entry point


# Loaded years by the content of every file they read, the overrides and the scenario: a run
# reads the same year for its warnings, a scenario's base and the previous year's checks; the test
# suite reads the shipped years hundreds of times. Keyed by the bytes of the files, so an edited
# file is always read again; each caller gets its own copy of the mutable containers.
_YEARS: dict[tuple, YearConfig] = {}


def _co_moving_eua(config_dir: Path, year: int, overrides: list[Override], scenario: str | None) -> list[Override]:
    given = [o for o in overrides if o.path in EUA_PRICES and isinstance(o.value, (int, float))]
    if not given or {o.path for o in overrides} >= set(EUA_PRICES):
        return []
    lead = given[0]
    base = load_year(config_dir, year, [o for o in overrides if o.path not in EUA_PRICES], scenario)
    old = base.params.get(lead.path)
    if old is None or old.central is None:
        return []
    change = float(lead.value) - old.central
    out = []
    for path in EUA_PRICES:
        p = base.params.get(path)
        if path in {o.path for o in overrides} or p is None or p.central is None:
            continue
        out.append(Override(path, round(p.central + change, 10), f"{MOVED_WITH} {lead.path}"))
    return out


def _year_key(config_dir: Path, year: int, overrides: list[Override], scenario: str | None) -> tuple | None:
    try:
        folder = year_dir(config_dir, year)
        files = sorted(p for p in folder.rglob("*") if p.is_file()) + sorted((config_dir / "sectors").glob("*"))
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
    listing every problem found (not just the first). ``overrides`` are Override objects or
    --set-style texts ('DE.commodity.baseload_eur_per_mwh=95')."""
    overrides = [parse_override(o) if isinstance(o, str) else o for o in overrides or []]
    overrides += _co_moving_eua(Path(config_dir), year, overrides, scenario)
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
            problems.append(place(f'{path}:1', "file") + said("file_empty_expected_mapping"))
            return
        if not isinstance(data, dict):
            problems.append(place(f'{path}:1', "file") + said("expected_mapping_fields_got", kind=type(data).__name__))
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
        raise ConfigError(_without_repeated_field(problems, override_origin))

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
        raise ConfigError(_without_repeated_field(problems, override_origin))

    return YearConfig(
        year=year,
        config_dir=config_dir,
        eu=models[("eu", "eu")],  # type: ignore[arg-type]
        countries={k[1]: m for k, m in models.items() if k[0] == "countries"},  # type: ignore[misc]
        sectors={k[1]: m for k, m in models.items() if k[0] == "sectors"},  # type: ignore[misc]
        params=params,
        refs=refs,
        overrides=[override_note(o) for o in overrides],
        scenario=scenario,
        files=sorted(files.values()),
        projection=is_projection(config_dir, year),
    )


def _without_repeated_field(problems: list[str], override_origin: dict) -> list[str]:
    """A problem with a value an override set is placed by the override (``--set DE.x.y: ``); the
    field after it would only repeat the path (``--set DE.x.y: x.y: ...``), so it is left out.
    A field deeper than the override (a mapping set by a scenario) stays. A ``sector.`` override
    sets every archetype, so its problem, once worded by the override, is given once."""
    labels = {label for origins in override_origin.values() for label in origins.values()}
    out = []
    for problem in problems:
        for label in labels:
            head = label + ": "
            if problem.startswith(head):
                rest = tail(problem, len(head))
                field, sep, _ = rest.partition(": ")
                if sep and (label.endswith("." + field) or label.endswith(" " + field)):
                    problem = head + tail(rest, len(field) + len(sep))
                break
        out.append(problem)
    return list(dict.fromkeys(out))


def _scenario_overrides(config_dir: Path, name: str, year: int, docs: dict) -> list[Override]:
    """A scenario's values become overrides applied before any --set; its sources become
    available to every file it touches."""
    from speelveld.config.scenario import load_scenario

    sc = load_scenario(config_dir, name)
    if not sc.applies_to(year):
        raise ConfigError([f'{sc.file}:1: years: ' + said("scenario_applies_not", name=name, years=', '.join(map(str, sc.years or [])), year=year)])
    for data in docs.values():
        sources = data.setdefault("sources", {})
        if isinstance(sources, dict):
            for sid, src in sc.sources.items():
                sources.setdefault(sid, src.model_dump(exclude_none=True))
    where = Path(sc.file)
    where = where.relative_to(config_dir) if where.is_relative_to(config_dir) else where  # as every config file is cited
    return [Override(path, value, f"{where}:{line}: set") for path, value, line in sc.values]
