"""Rolling the configs forward to a new price year (`speelveld new-year`).

The new year starts as a copy of the latest one: the rules (structure, thresholds, percentages)
are copied as they are; every figure that is republished every year (prices, tariffs, levy rates,
EUA prices, budgets; the fields marked ``yearly`` in the model) is carried forward with its old
source, flagged ``estimate`` with a note saying so, so that `speelveld sources --stale` lists it
until an editor replaces it. Rate periods of the old year collapse to one period over the new
year at the rate in force on 31 December. Rules whose validity ends before the new year, and
scenarios that do not cover it, are reported, not silently carried along.

The year is built in a staging folder beside the target and validated there; only a complete,
valid year is renamed into place, and an existing year is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from speelveld.config.edit import EditableFile, container_at
from speelveld.config.load import available_years, load_year
from speelveld.config.model import Quality
from speelveld.config.resolved import Param, rule_windows
from speelveld.config.yamlload import ConfigError
from speelveld.said import said


@dataclass
class EndingRule:
    path: str
    label: str
    to_year: int


@dataclass
class NewYear:
    year: int
    from_year: int
    target: Path
    files: list[Path] = field(default_factory=list)
    carried: list[Param] = field(default_factory=list)
    collapsed_periods: list[str] = field(default_factory=list)
    ending_rules: list[EndingRule] = field(default_factory=list)
    scenarios_not_covering: list[tuple[str, list[int]]] = field(default_factory=list)


_CARRIED = re.compile(r"^Carried forward from (\d{4}) by `speelveld new-year`: .*?not yet updated for \d{4}\.(?: (\d{4} note: .*))?$", re.S)


def carry_note(from_year: int, year: int, old_note: str | None, what: str = "figure") -> str:
    """The note of a carried-forward figure. A figure carried twice keeps the note of the year it
    was last set in, not a chain of carry notes."""
    note = f"Carried forward from {from_year} by `speelveld new-year`: the {from_year} {what}, not yet updated for {year}."
    m = _CARRIED.match(" ".join((old_note or "").split()))
    if m:
        first = int(m.group(1))
        note = f"Carried forward from {first} by `speelveld new-year` (through {from_year}): the {first} {what}, not yet updated for {year}."
        return note + (f" {m.group(2)}" if m.group(2) else "")
    return note + (f" {from_year} note: {' '.join(old_note.split())}" if old_note else "")


def _note_scalar(old, text: str):
    """A note in the style of the one it replaces: a folded block note stays folded (wrapped at
    about 100 characters, as the shipped files are), a quoted or plain note stays a plain string."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    if not isinstance(old, FoldedScalarString):
        return text
    folded = FoldedScalarString(text)
    positions, width = [], 0
    for i, ch in enumerate(text):
        width += 1
        if ch == " " and width > 96 and i + 1 < len(text) and text[i + 1] != " ":
            positions.append(i)
            width = 0
    folded.fold_pos = positions
    return folded


def _flag_carried(doc, loc: tuple, note: str) -> None:
    """Flag the number at ``loc`` as a carried-forward estimate, keeping its value as written."""
    holder, key = container_at(doc, loc)
    current = holder[key]
    from ruamel.yaml.comments import CommentedMap

    if isinstance(current, CommentedMap):
        current["quality"] = Quality.estimate.value
        current["note"] = _note_scalar(current.get("note"), note)
        return
    mapping = CommentedMap()
    mapping["value"] = current
    mapping["quality"] = Quality.estimate.value
    mapping["note"] = note
    mapping.fa.set_flow_style()
    holder[key] = mapping


def plan_new_year(config_dir: Path, year: int, from_year: int | None = None) -> tuple[NewYear, dict[Path, EditableFile]]:
    """The new year's files, edited in memory, and what the roll-forward did; nothing written."""
    years = available_years(config_dir)
    if not years:
        raise ConfigError(['--config-dir: ' + said("price_year_folders_2026", folder=config_dir)])
    if year in years:
        raise ConfigError([f'{config_dir / str(year)}: ' + said("price_year_exists_already", year=year)])
    from_year = from_year if from_year is not None else years[-1]
    if from_year not in years:
        raise ConfigError(['--from: ' + said("no_configs_for", year=from_year, years=', '.join(map(str, years)))])
    if year <= from_year:
        raise ConfigError(['--from: ' + said("not_before_new_year", year=from_year, new=year)])
    cfg = load_year(config_dir, from_year)
    report = NewYear(year=year, from_year=from_year, target=config_dir / str(year))
    year_dir = config_dir / str(from_year)
    edited: dict[Path, EditableFile] = {}
    for path in [year_dir / "eu.yaml", *sorted((year_dir / "countries").glob("*.yaml"))]:
        f = EditableFile.open(path)
        f.doc["year"] = year
        edited[path] = f

    by_file: dict[str, list[Param]] = {}
    for p in cfg.params.values():
        by_file.setdefault(p.file, []).append(p)
    for path, f in edited.items():
        params = by_file.get(str(path), [])
        last_period: dict[tuple, int] = {}
        period_paths: dict[tuple, str] = {}
        for p in params:
            if "rate_periods" in p.loc:
                i = p.loc.index("rate_periods")
                head = p.loc[: i + 1]
                last_period[head] = _period_index(cfg, p)
                period_paths[head] = p.path.split(".rate_periods.")[0] + ".rate_periods"
        for p in params:
            if not p.yearly or p.quality == Quality.unknown or (p.source.statutory and p.quality == Quality.published):
                continue  # a statutory rate holds until the law changes: it stays published
            what = "figure"
            if "rate_periods" in p.loc:
                i = p.loc.index("rate_periods")
                if p.loc[i + 1] != last_period[p.loc[: i + 1]]:
                    continue  # an earlier period of the old year: replaced by the last one
                what = f"rate in force on 31 December {from_year}, applied to the whole of {year}"
            _flag_carried(f.doc, p.loc, carry_note(from_year, year, p.note, what))
            report.carried.append(p)
        for head, index in sorted(last_period.items()):
            holder, key = container_at(f.doc, head)
            period = holder[key][index]
            period["start"] = dt.date(year, 1, 1)
            period["end"] = dt.date(year, 12, 31)
            holder[key] = type(holder[key])([period])
            report.collapsed_periods.append(period_paths[head])

    for prefix, window in sorted(rule_windows(cfg).items()):
        v = window.validity
        if v is not None and v.to_year is not None and v.to_year < year:
            report.ending_rules.append(EndingRule(prefix, window.label, v.to_year))
    from speelveld.config.scenario import available_scenarios, load_scenario

    for name in available_scenarios(config_dir):
        try:
            sc = load_scenario(config_dir, name)
        except ConfigError:
            continue  # `speelveld validate` and `list` report a broken scenario
        if sc.years is not None and year not in sc.years:
            report.scenarios_not_covering.append((name, sc.years))
    return report, edited


def _period_index(cfg, p: Param) -> int:
    """The index of the period ending last (the one in force on 31 December) of p's levy,
    found by following the number's place in its file through the country's model."""
    node = cfg.countries[p.path.split(".")[0]]
    for key in p.loc[: p.loc.index("rate_periods") + 1]:
        node = node[key] if isinstance(key, int) else getattr(node, key)
    return max(range(len(node)), key=lambda k: node[k].end)


def create_new_year(config_dir: Path, year: int, from_year: int | None = None) -> NewYear:
    """Write the new price year: built and validated in a staging folder, then renamed into place."""
    report, edited = plan_new_year(config_dir, year, from_year)
    staging = config_dir / f".new-year-{year}.partial"
    if staging.exists():
        shutil.rmtree(staging)  # left by a run that was interrupted: ours to remove
    try:
        source_dir = config_dir / str(report.from_year)
        new_dir = staging / str(year)
        shutil.copytree(source_dir, new_dir, ignore=shutil.ignore_patterns(".*"))
        for path, f in edited.items():
            out = new_dir / path.relative_to(source_dir)
            out.write_text(f.rendered(), encoding="utf-8")
        if (config_dir / "sectors").is_dir():
            shutil.copytree(config_dir / "sectors", staging / "sectors")
        try:
            load_year(staging, year)
        except ConfigError as exc:
            raise ConfigError([msg.replace(str(staging), str(config_dir)) for msg in exc.problems]) from None
        new_dir.rename(report.target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.files = sorted(report.target.rglob("*.yaml"))
    return report
