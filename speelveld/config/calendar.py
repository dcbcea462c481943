"""The calendar of rules: every rule of a country with a validity window, when it ends and what
follows it (a successor rule, values from the paths file, or a sourced end).

A rule that ends without saying what follows would silently drop out of the years after it (a
relief switched off because its law expires, though a successor is planned), so the loader
refuses a rule that has ended in the price year it is read for without ``followed_by``, and
`speelveld project` refuses to build a year in which any rule has ended without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from speelveld.config.model import CalendarEntry, CountryFile, Succession, Validity
from speelveld.said import said


@dataclass(frozen=True)
class DatedRule:
    """One rule with a validity window, where it stands in its country file."""

    country: str
    path: str  # the rule's parameter prefix, list items by id (e.g. DE.network.reductions.stromnev-19-2)
    loc: tuple  # keys and list indexes in the file, for its line
    label: str
    valid: Validity
    followed_by: Succession | None
    rule_id: str | None
    calendar_entry: bool = False

    @property
    def ends(self) -> int | None:
        return self.valid.to_year


def dated_rules(country: CountryFile) -> list[DatedRule]:
    """Every rule of the country file with a validity window, in file order."""
    return [DatedRule(country.country, path, loc, getattr(node, "label", None) or path, node.valid, getattr(node, "followed_by", None),
                      getattr(node, "id", None), isinstance(node, CalendarEntry))
            for path, loc, node in rule_nodes(country) if isinstance(getattr(node, "valid", None), Validity)]


def rule_nodes(country: CountryFile) -> Iterator[tuple[str, tuple, BaseModel]]:
    """Every rule of a country file that is not always in force (a validity window, or pending):
    its parameter prefix (list items by id, as the loader names them), its keys in the file, the
    node. Found by walking the models, so a new kind of rule is picked up without a list to keep."""
    return _walk(country, country.country, ())


def _walk(node, path: str, loc: tuple) -> Iterator[tuple[str, tuple, BaseModel]]:
    if isinstance(node, BaseModel):
        if isinstance(getattr(node, "valid", None), Validity) or bool(getattr(node, "pending", False)):
            yield path, loc, node
        for name in type(node).model_fields:
            if name not in ("sources", "valid", "when", "followed_by"):
                yield from _walk(getattr(node, name), f"{path}.{name}", loc + (name,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, f"{path}.{getattr(item, 'id', None) or i}", loc + (i,))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _walk(item, f"{path}.{key}", loc + (key,))


def succession_problems(country: CountryFile, year: int, where, known_params: set[str] | None = None) -> list[str]:
    """The loader's checks of the calendar of one country file read for ``year``: ``where(loc)``
    gives ``file:line``."""
    problems = []
    rules = dated_rules(country)
    by_id: dict[str, list[DatedRule]] = {}
    for r in rules:
        if r.rule_id is not None:
            by_id.setdefault(r.rule_id, []).append(r)
    for r in rules:
        after = r.followed_by
        if after is None:
            if r.ends is not None and r.ends < year:
                problems.append(f"{where(r.loc + ('valid',))}: {r.path}: " + said("rule_ended_says_nothing", year=r.ends))
            continue
        if r.ends is None:
            problems.append(f"{where(r.loc + ('followed_by',))}: {r.path}.followed_by: " + said("rule_end_valid_year"))
            continue
        if after.rule is not None:
            successors = [s for s in by_id.get(after.rule, []) if s.path != r.path]
            if not successors:
                problems.append(f"{where(r.loc + ('followed_by', 'rule'))}: {r.path}.followed_by.rule: " + said("rule_file", rule=after.rule))
            elif not any(s.valid.from_year == r.ends + 1 for s in successors):
                problems.append(f"{where(r.loc + ('followed_by', 'rule'))}: {r.path}.followed_by.rule: " + said("must_start_valid_year", rule=after.rule, start=r.ends + 1, start2=r.ends + 1))
        if after.paths is not None and known_params is not None:
            for p in after.paths:
                if p not in known_params:
                    problems.append(f"{where(r.loc + ('followed_by', 'paths'))}: {r.path}.followed_by.paths: " + said("numeric_parameter_config", path=p))
    return problems


def calendar_rows(cfg, first: int | None = None) -> list[dict]:
    """Per country every dated rule still relevant from ``first`` on (default: the price year
    before the config's), its window and what follows it, with the file and line it stands on."""
    from speelveld.config.yamlload import load_yaml

    first = cfg.year - 1 if first is None else first
    rows = []
    for cc, country in sorted(cfg.countries.items()):
        rules = dated_rules(country)
        labels = {r.rule_id: r for r in rules if r.rule_id is not None}
        file = next((f for f in cfg.files if f.name == f"{cc}.yaml" and f.parent.name == "countries"), None)
        lines = load_yaml(file)[1] if file is not None and file.is_file() else None
        for r in rules:
            if r.ends is not None and r.ends < first:
                continue
            after = r.followed_by
            successor = labels.get(after.rule) if after is not None and after.rule is not None else None
            rows.append({
                "country": cc,
                "rule": r.path,
                "label": r.label,
                "from_year": r.valid.from_year,
                "to_year": r.valid.to_year,
                "follows": None if after is None else after.kind,
                "successor": None if after is None else (after.rule if after.rule is not None else ", ".join(after.paths or [])),
                "successor_label": None if successor is None else successor.label,
                "successor_from": None if successor is None else successor.valid.from_year,
                "source_id": None if after is None else after.source,
                "note": None if after is None else " ".join((after.note or "").split()),
                "file": cfg.relative_file(str(file)) if file is not None else None,
                "line": lines.line_of(r.loc + ("valid",)) if lines is not None else None,
            })
    return rows
