"""Scenarios: named, documented sets of overrides on the base config of a price year.

A scenario file ``<config dir>/scenarios/<name>.yaml``::

    scenario: co2-heffing-afgeschaft
    title: National CO2 levy abolished   # or in both languages: {nl: ..., en: ...}
    description: why and what, in plain words   # likewise
    years: [2025, 2026]            # optional: price years it applies to (default: all)
    sources: {id: {title, publisher, url, date}}
    set:                           # same paths as --set; values may be plain or {value, source, quality, note}
      NL.carbon.co2_levy.rate_eur_per_t: {value: 0, source: id, note: ...}
    state_cost_eur_per_year:       # optional: the measure's cost to the state, if the scenario defines it
      value: 1.0e9
      source: id
      country: NL

Overlays always apply to the base config, never to another scenario, so a scenario's result
does not depend on what else was run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from speelveld.config.model import Float, InLanguages, Int, Num, Quality, Source, Strict
from speelveld.config.yamlload import ConfigError, LineMap, load_yaml
from speelveld.hints import did_you_mean


class StateCost(Strict):
    value: Float | None
    source: str
    country: str = "NL"
    quality: Quality | None = None
    note: str | None = None


class OptionInfo(Strict):
    """A scenario that is a spending option of the envelope (`speelveld opties`): the state-aid
    rules it rests on (each checked per year) and how it is paid."""

    basis: list[Literal["ets-richtsnoeren", "ceeag", "cisaf", "geen"]] = Field(min_length=1)
    funding: str | InLanguages


class ScenarioFile(Strict):
    scenario: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    title: str | InLanguages
    description: str | InLanguages
    years: list[Int] | None = None
    sources: dict[str, Source] = {}
    set: dict[str, Any] = Field(min_length=1)
    state_cost_eur_per_year: StateCost | None = None
    option: OptionInfo | None = None


def _in_languages(text: str | InLanguages) -> dict[str, str]:
    if isinstance(text, str):
        return {"nl": text, "en": text}
    nl, en = text.nl or text.en or "", text.en or text.nl or ""
    return {"nl": nl, "en": en}


@dataclass
class Scenario:
    name: str
    titles: dict[str, str]  # by language: the file's text in that language, or its only one
    descriptions: dict[str, str]
    file: Path
    years: list[int] | None
    sources: dict[str, Source]
    values: list[tuple[str, Any, int]]  # path, value, line in the file
    state_cost: StateCost | None
    option: OptionInfo | None = None

    @property
    def title(self) -> str:
        return self.titles["nl"]

    @property
    def description(self) -> str:
        return self.descriptions["nl"]

    def title_in(self, lang: str) -> str:
        return self.titles.get(lang, self.title)

    def description_in(self, lang: str) -> str:
        return self.descriptions.get(lang, self.description)

    def applies_to(self, year: int) -> bool:
        return self.years is None or year in self.years


def scenario_dir(config_dir: Path) -> Path:
    return config_dir / "scenarios"


def available_scenarios(config_dir: Path) -> list[str]:
    d = scenario_dir(config_dir)
    return sorted(p.stem for p in d.glob("*.yaml")) if d.is_dir() else []


def load_scenario(config_dir: Path, name: str) -> Scenario:
    path = scenario_dir(config_dir) / f"{name}.yaml"
    if not path.is_file():
        names = available_scenarios(config_dir)
        extra = did_you_mean(name, names)
        raise ConfigError([f"--scenario: unknown scenario '{name}'{extra}; available: {', '.join(names) or 'none'} (in {scenario_dir(config_dir)})"])
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        got = "the file is empty" if data is None else f"got {type(data).__name__}"
        raise ConfigError([f"{path}:1: file: expected a mapping with scenario, title, description, set ({got})"])
    try:
        model = ScenarioFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError([_format(path, lines, err) for err in exc.errors(include_url=False)]) from None
    problems = []
    if model.scenario != name:
        problems.append(f"{path}:{lines.line_of(('scenario',))}: scenario: '{model.scenario}' does not match the file name '{name}.yaml'")
    for key, value in model.set.items():
        if isinstance(value, dict) and "source" in value and value["source"] not in model.sources and value["source"] != "override":
            problems.append(f"{path}:{lines.line_of(('set', key, 'source'))}: set.{key}.source: unknown source '{value['source']}'; define it under 'sources:'")
    if model.state_cost_eur_per_year is not None and model.state_cost_eur_per_year.source not in model.sources:
        problems.append(f"{path}:{lines.line_of(('state_cost_eur_per_year', 'source'))}: state_cost_eur_per_year.source: unknown source '{model.state_cost_eur_per_year.source}'")
    if problems:
        raise ConfigError(problems)
    values = [(key, value, lines.line_of(("set", key))) for key, value in model.set.items()]
    return Scenario(name, _in_languages(model.title), _in_languages(model.description), path, model.years, dict(model.sources), values, model.state_cost_eur_per_year, model.option)


def _format(path: Path, lines: LineMap, err: dict) -> str:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p in ("float", "int", "str") or p.startswith("function-"))))
    field = ".".join(str(p) for p in loc) or "file"
    if err["type"] == "extra_forbidden":
        message = "unknown field" + did_you_mean(str(loc[-1]), list(ScenarioFile.model_fields))
    elif err["type"] == "missing":
        message = "required field is missing"
    else:
        from speelveld.config.errors import _message  # the config loader's wording of the same errors

        message = _message(err, set())
    return f"{path}:{lines.line_of(loc)}: {field}: {message}"


__all__ = ["Scenario", "ScenarioFile", "StateCost", "available_scenarios", "load_scenario", "Num"]
