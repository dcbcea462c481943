"""Projection years (`speelveld project`): the years after the latest price year, built from that
year and a small, sourced *paths* file (``configs/paths.yaml``).

Each projection year starts as the base year rolled forward as `new-year` does (every yearly
figure carried as an estimate), then takes the paths file's value for that year where it has one:
a published future or tariff path (quality ``projection``), a decided value (a levy abolished:
``published``), a range where nothing is published (a bounded unknown), or the base value moved in
proportion to another country's path (``follow``, an estimate). A price marked ``widen`` gets a
band that widens with the horizon by the file's stated rule (``price_band``).

The years are written under ``<config dir>/projections/<year>/``: built and validated together in
a staging folder, then put in place at once, so the same inputs always give the same bytes and a
failed build leaves the previous projections as they were. A price year of the same number (made
by `new-year` when its figures come in) takes precedence over its projection.
"""

from __future__ import annotations

import math
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from speelveld.config.checks import value_problem
from speelveld.config.discovery import PROJECTIONS, available_years
from speelveld.config.edit import set_number
from speelveld.config.model import Bool, Int, Quality, Source, SourcedValue, Strict
from speelveld.config.yamlload import ConfigError, LineMap, load_yaml
from speelveld.hints import did_you_mean
from speelveld.said import place, said


class PathEntry(Strict):
    """The path of one parameter over the projection years: its own value per year, or the base
    value moved in proportion to another parameter's path (``follow``)."""

    path: str
    widen: Bool = False
    follow: str | None = None
    source: str | None = None
    note: str | None = None
    years: dict[int, SourcedValue] | None = None  # keys read as text from YAML: lax ints

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.follow is None) == (self.years is None):
            raise ValueError(said("path_years_or_follow"))
        if self.follow is not None and (self.source is None or not self.note):
            raise ValueError(said("path_follows_needs_source_note"))
        return self


class PriceBand(Strict):
    widen_pct: SourcedValue = Field(description="Half-width of a widened value's band per √(year − base year), in % of the value.")


class PathsFile(Strict):
    base_year: Int
    sources: dict[str, Source] = {}
    price_band: PriceBand
    paths: list[PathEntry] = []


@dataclass
class Projection:
    base_year: int
    years: list[int]
    target: Path
    paths_end: int = 0  # the last year of the paths file: later years carry each path's last value
    from_paths: int = 0  # values set from the paths file
    carried: int = 0  # yearly figures carried from the base year as estimates
    files: list[Path] = field(default_factory=list)


def load_paths(path: Path) -> tuple[PathsFile, LineMap]:
    if not path.is_file():
        raise ConfigError(["--paths: " + said("paths_file_not_found", path=path)])
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError([place(f"{path}:1", "file") + said("expected_mapping_paths_file")])
    try:
        model = PathsFile.model_validate(data)
    except ValidationError as exc:
        from speelveld.config.scenario import _format

        raise ConfigError([_format(path, lines, err, unknown="unknown_field_paths_file") for err in exc.errors(include_url=False)]) from None
    problems = []
    sources = set(model.sources)
    if model.price_band.widen_pct.source not in sources:
        problems.append(f"{path}:{lines.line_of(('price_band', 'widen_pct', 'source'))}: price_band.widen_pct.source: " + said("unknown_source", source=model.price_band.widen_pct.source))
    for i, entry in enumerate(model.paths):
        used = [("source", entry.source)] if entry.source else []
        used += [(f"years.{y}.source", v.source) for y, v in (entry.years or {}).items() if v.source]
        for where, sid in used:
            if sid not in sources:
                extra = did_you_mean(sid, list(sources))
                problems.append(f"{path}:{lines.line_of(('paths', i, *where.split('.')))}: paths.{entry.path}.{where}: " + said("unknown_source_define_under", source=sid, hint=extra))
        for y, v in (entry.years or {}).items():
            if v.source is None:
                problems.append(f"{path}:{lines.line_of(('paths', i, 'years', str(y)))}: paths.{entry.path}.years.{y}: " + said("path_value_needs_source"))
        problems += _year_problems(path, lines, i, entry, model.base_year)
    if problems:
        raise ConfigError(problems)
    return model, lines


def _year_problems(path: Path, lines: LineMap, i: int, entry: PathEntry, base: int) -> list[str]:
    """A path's years run on from the year after the base year without a gap (a year mistyped as
    2039 would otherwise leave 2029 to fall back on the base year's figure), and each value passes
    the checks every number of a config gets on load (a negative price is refused here, before a
    projection file is written, not in the files it would make)."""
    problems = []
    years = sorted(entry.years or {})
    expected = list(range(base + 1, base + 1 + len(years)))
    if years and years != expected:
        wrong = next(y for y, e in zip(years, expected, strict=True) if y != e)
        where = f"{path}:{lines.line_of(('paths', i, 'years', str(wrong)))}: paths.{entry.path}.years.{wrong}"
        run = ", ".join(map(str, expected))
        problems.append(f'{where}: ' + said("years_path_run_without", start=base + 1, years=run, year=wrong))
    field = entry.path.rsplit(".", 1)[-1]
    for y, v in (entry.years or {}).items():
        for what, x in (("", v.value), ("low: ", v.low), ("high: ", v.high)):
            problem = None if x is None else value_problem(field, x)
            if problem:
                problems.append(f"{path}:{lines.line_of(('paths', i, 'years', str(y)))}: paths.{entry.path}.years.{y}: {what}" + problem)
    return problems


def last_path_year(paths: PathsFile) -> int:
    """The last year the paths file gives a value for: later years carry each path's last value."""
    ends = [max(e.years) for e in paths.paths if e.years]
    return max(ends) if ends else paths.base_year


def calendar_problems(config_dir: Path, cfg, to_year: int, paths: PathsFile) -> list[str]:
    """Every rule that ends before ``to_year`` must say what follows it; a rule followed by values
    from the paths file needs them for every year after it ends."""
    from speelveld.config.calendar import dated_rules

    problems = []
    given, last = {e.path: e for e in paths.paths}, last_path_year(paths)
    for cc, country in sorted(cfg.countries.items()):
        file = config_dir / str(cfg.year) / "countries" / f"{cc}.yaml"
        lines = None
        for r in dated_rules(country):
            if r.ends is None or not cfg.year <= r.ends < to_year:
                continue
            if lines is None:
                lines = load_yaml(file)[1]
            where = f"{file}:{lines.line_of(r.loc + ('valid',))}"
            if r.followed_by is None:
                problems.append(f'{where}: {r.path}: ' + said("ends_says_nothing_what", rule=r.label, end=r.ends, year=r.ends + 1))
            elif r.followed_by.paths is not None:
                for p in r.followed_by.paths:
                    entry = given.get(p)
                    for year in range(r.ends + 1, min(to_year, last) + 1):
                        if entry is None or (entry.years is not None and year not in entry.years):
                            problems.append(f'{where}: {r.path}: ' + said("followed_values_paths_file", rule=r.label, path=p, year=year))
                            break
    return problems


def plan_projection(config_dir: Path, to_year: int, paths_file: Path | None = None):
    """The projection years' files, edited in memory; nothing written."""
    from speelveld.config.load import load_year
    from speelveld.config.newyear import plan_new_year

    paths_file = paths_file or config_dir / "paths.yaml"
    paths, lines = load_paths(paths_file)
    base = paths.base_year
    years = available_years(config_dir)
    if base not in years:
        raise ConfigError([f"{paths_file}:{lines.line_of(('base_year',))}: base_year: " + said("base_year_not_there", year=base, folder=config_dir, years=", ".join(map(str, years)))])
    later = [y for y in years if y > base]
    if later:
        raise ConfigError([f"{paths_file}:{lines.line_of(('base_year',))}: base_year: " + said("base_year_not_latest", year=base, latest=later[-1])])
    if to_year <= base:
        raise UsageError(f"--to {to_year}: " + said("projection_after_base", year=base))
    cfg = load_year(config_dir, base)
    problems = []
    for i, entry in enumerate(paths.paths):
        for p in [entry.path] + ([entry.follow] if entry.follow else []):
            if p not in cfg.params:
                extra = did_you_mean(p, list(cfg.params), cutoff=0.7)
                problems.append(f"{paths_file}:{lines.line_of(('paths', i, 'path'))}: paths.{i}.path: " + said("no_numeric_parameter_in_year", path=p, year=base, hint=extra))
    problems += calendar_problems(config_dir, cfg, to_year, paths)
    if problems:
        raise ConfigError(problems)
    widen = paths.price_band.widen_pct.value or 0.0
    own = {e.path: e for e in paths.paths if e.years is not None}
    report = Projection(base, list(range(base + 1, to_year + 1)), config_dir / PROJECTIONS, paths_end=last_path_year(paths))
    planned = {}
    for year in report.years:
        new, edited = plan_new_year(config_dir, year, from_year=base)
        report.carried += len(new.carried)
        by_file = {str(path): f for path, f in edited.items()}
        for entry in paths.paths:
            value = _value_for(entry, own, cfg, year)
            if value is None:
                continue  # no value for this year: the base year's figure stays carried
            p = cfg.params[entry.path]
            v, low, high = value.value, value.low, value.high
            if entry.widen and v is not None and low is None:
                half = widen / 100 * math.sqrt(year - base)
                low, high = round(v * (1 - half), 6), round(v * (1 + half), 6)
            f = by_file[p.file]
            note = value.note
            if year > report.paths_end:
                note += f" The paths end in {report.paths_end}: its value carried to {year}."
            if entry.widen and v is not None and value.low is None:
                note += f" Band ±{widen * math.sqrt(year - base):.0f} % ({widen:g} % × √{year - base}, the projection's price rule)."
            quality = value.quality or Quality.published
            if quality == Quality.published and low is not None and low < high:
                quality = Quality.projection  # a widened published path is a projection, no longer exact
            factor = p.written_factor or 1.0
            set_number(f.doc, p.loc, value=_in(v, factor), low=_in(low, factor), high=_in(high, factor),
                       quality=quality.value, source=value.source, note=note)
            _add_source(f.doc, value.source, paths.sources[value.source])
            report.from_paths += 1
        eu = next(f for path, f in edited.items() if path.name == "eu.yaml")
        eu.doc.yaml_set_start_comment(
            f"Projection year {year}, built by `speelveld project` from {base} and {paths_file.name}.\n"
            "Do not edit: change the paths file (or the base year) and build again."
        )
        planned[year] = edited
    return report, planned


def _value_for(entry: PathEntry, own: dict[str, PathEntry], cfg, year: int) -> SourcedValue | None:
    """The path's value for ``year``; past the path's last year its last value (a price band keeps
    widening with the horizon; nothing falls back on the base year)."""
    if entry.years is not None:
        return entry.years.get(min(year, max(entry.years)))
    leader = own.get(entry.follow)
    lead = leader.years.get(min(year, max(leader.years))) if leader is not None and leader.years else None
    base_lead, base_own = cfg.params[entry.follow].central, cfg.params[entry.path].central
    if lead is None or lead.value is None or not base_lead or base_own is None:
        return None
    ratio = lead.value / base_lead
    value = round(base_own * ratio, 2)
    note = f"{' '.join(entry.note.split())} {base_own:g} × {lead.value:g} ÷ {base_lead:g} = {value:g}."
    return SourcedValue(value=value, source=entry.source, quality=Quality.estimate, note=note)


def _in(value: float | None, factor: float) -> float | None:
    return None if value is None else value / factor


def _add_source(doc, source_id: str, source: Source) -> None:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if "sources" not in doc or doc["sources"] is None:
        doc["sources"] = CommentedMap()
    if source_id in doc["sources"]:
        return  # the file's own entry of the same id stands
    entry = CommentedMap()
    for k, v in source.model_dump(exclude_none=True).items():
        entry[k] = DoubleQuotedScalarString(v) if k in ("title", "date", "reviewed") else v
    doc["sources"][source_id] = entry


def build_projection(config_dir: Path, to_year: int, paths_file: Path | None = None) -> Projection:
    """Write the projection years: built and validated together in a staging folder, then put in
    place at once (the previous projections are replaced only by a complete, valid set)."""
    from speelveld.config.load import load_year

    report, planned = plan_projection(config_dir, to_year, paths_file)
    staging = config_dir / ".projections.partial"
    old = config_dir / ".projections.old"
    for leftover in (staging, old):
        if leftover.exists():
            shutil.rmtree(leftover)  # left by a run that was interrupted: ours to remove
    try:
        base_dir = config_dir / str(report.base_year)
        for year, edited in planned.items():
            new_dir = staging / PROJECTIONS / str(year)
            shutil.copytree(base_dir, new_dir, ignore=shutil.ignore_patterns(".*"))
            for path, f in edited.items():
                (new_dir / path.relative_to(base_dir)).write_text(f.rendered(), encoding="utf-8")
        shutil.copytree(config_dir / "sectors", staging / "sectors")
        for year in planned:
            try:
                load_year(staging, year)
            except ConfigError as exc:
                raise ConfigError([msg.replace(str(staging), str(config_dir)) for msg in exc.problems]) from None
        if report.target.exists():
            report.target.rename(old)
        (staging / PROJECTIONS).rename(report.target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    report.files = sorted(report.target.rglob("*.yaml"))
    return report


class UsageError(ConfigError):
    def __init__(self, message: str):
        super().__init__([message])
