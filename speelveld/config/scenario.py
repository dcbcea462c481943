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
from typing import Any

from pydantic import Field, ValidationError

from speelveld.config.model import Bool, Float, InLanguages, Int, Num, Quality, Source, Strict
from speelveld.config.yamlload import ConfigError, LineMap, load_yaml
from speelveld.hints import did_you_mean
from speelveld.said import place, said


class StateCost(Strict):
    value: Float | None
    source: str
    country: str = "NL"
    quality: Quality | None = None
    note: str | InLanguages | None = None  # the report prints it: in both languages where the scenario gives both

    def note_in(self, lang: str) -> str | None:
        return self.note.text(lang) if isinstance(self.note, InLanguages) else self.note


class OptionPart(Strict):
    """One instrument an option switches on or changes, and the state-aid framework it rests on."""

    instrument: str = Field(description="The instrument's place in the reference country's config, e.g. NL.support.cisaf-prijssteun or NL.carbon.indirect_cost_compensation.")
    basis: str = Field(description="A framework of configs/stateaid.yaml (ets-richtsnoeren, cisaf, ceeag, etd-gber, nettarief, algemeen, geen).")


class Lever(Strict):
    """The figure that sets an option's size, and the largest value the law allows it: `opties --mix`
    scales the option between nothing and that size (its relief and cost in proportion)."""

    path: str
    max: Float


# A lever's field and the framework rule that bounds it.
LEVER_LIMITS = {("cisaf", "volume_share_pct"): "max_volume_share_pct", ("ets-richtsnoeren", "aid_intensity_pct"): "max_aid_intensity_existing_pct"}


class OptionInfo(Strict):
    """A scenario that is a spending option of the envelope (`speelveld opties`): each instrument it
    changes with the state-aid framework it rests on (every one checked per year: an option passes
    only when all of them do), how it is paid, and the lever that sets its size."""

    parts: list[OptionPart] = Field(min_length=1)
    funding: str | InLanguages
    lever: Lever | None = None
    budget_fixed: Bool = Field(default=False, description="The option spends a stated budget (state_cost_eur_per_year), whatever the model's claims.")

    @property
    def basis(self) -> list[str]:
        return list(dict.fromkeys(p.basis for p in self.parts))


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
    """A scenario file, checked (its option block against the state-aid frameworks of the config directory)."""
    path = scenario_dir(config_dir) / f"{name}.yaml"
    if not path.is_file():
        names = available_scenarios(config_dir)
        extra = did_you_mean(name, names)
        raise ConfigError(['--scenario: ' + said("unknown_scenario_available", given=name, hint=extra, available=', '.join(names) or said("none"), folder=scenario_dir(config_dir))])
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        if data is None:
            raise ConfigError([place(f"{path}:1", "file") + said("expected_mapping_scenario_title")])
        raise ConfigError([place(f"{path}:1", "file") + said("expected_mapping_scenario_title_description", kind=type(data).__name__)])
    try:
        model = ScenarioFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError([_format(path, lines, err) for err in exc.errors(include_url=False)]) from None
    problems = []
    if model.scenario != name:
        problems.append(f"{path}:{lines.line_of(('scenario',))}: scenario: " + said("does_not_match_file", given=model.scenario, file=f'{name}.yaml'))
    for key, value in model.set.items():
        if isinstance(value, dict) and "source" in value and value["source"] not in model.sources and value["source"] != "override":
            problems.append(f"{path}:{lines.line_of(('set', key, 'source'))}: set.{key}.source: " + said("unknown_source_define_under", source=value['source'], hint=""))
    if model.option is not None:
        problems += _option_problems(path, lines, model.option, config_dir)
    if model.state_cost_eur_per_year is not None and model.state_cost_eur_per_year.source not in model.sources:
        problems.append(f"{path}:{lines.line_of(('state_cost_eur_per_year', 'source'))}: state_cost_eur_per_year.source: " + said("unknown_source", source=model.state_cost_eur_per_year.source))
    if problems:
        raise ConfigError(problems)
    values = [(key, value, lines.line_of(("set", key))) for key, value in model.set.items()]
    return Scenario(name, _in_languages(model.title), _in_languages(model.description), path, model.years, dict(model.sources), values, model.state_cost_eur_per_year, model.option)


def _option_problems(path: Path, lines: LineMap, option: OptionInfo, config_dir: Path) -> list[str]:
    """Each part names a framework of stateaid.yaml; a lever stays within the legal limit of its
    framework's rule."""
    from speelveld.config.stateaid import load_stateaid

    frameworks = load_stateaid(config_dir).frameworks
    problems = []
    for i, part in enumerate(option.parts):
        if part.basis not in frameworks:
            extra = did_you_mean(part.basis, list(frameworks))
            problems.append(f"{path}:{lines.line_of(('option', 'parts', i, 'basis'))}: option.parts.{i}.basis: " + said("unknown_framework_frameworks_stateaid", basis=part.basis, hint=extra, names=', '.join(frameworks)))
    if option.lever is not None:
        field = option.lever.path.rsplit(".", 1)[-1]
        for part in option.parts:
            rule_name = LEVER_LIMITS.get((part.basis, field))
            fw = frameworks.get(part.basis)
            found = fw.rules.get(rule_name) if fw is not None and rule_name else None
            for limit in found if isinstance(found, list) else [found] if found is not None else []:
                if option.lever.max > limit.value + 1e-9:
                    problems.append(f"{path}:{lines.line_of(('option', 'lever', 'max'))}: option.lever.max: " + said("above_legal_limit", value=f'{option.lever.max:g}', limit=f'{limit.value:g}', basis=part.basis, rule=rule_name))
        if field.endswith("_pct") and not 0 <= option.lever.max <= 100:
            problems.append(f"{path}:{lines.line_of(('option', 'lever', 'max'))}: option.lever.max: " + said("outside_0_100", value=f'{option.lever.max:g}'))
    return problems


def instrument_problems(sc: Scenario, params: dict, reference: str = "NL") -> list[str]:
    """An option's instrument must be in the config it changes (a support measure, a reduction,
    the compensation scheme, a levy's reduced rate), and its lever a number there."""
    if sc.option is None:
        return []
    data, lines = load_yaml(sc.file)
    problems = []
    for i, part in enumerate(sc.option.parts):
        prefix = part.instrument.rstrip(".")
        if not any(p == prefix or p.startswith(prefix + ".") for p in params):
            known = sorted({".".join(p.split(".")[:3]) for p in params if p.startswith(reference + ".")})
            problems.append(f"{sc.file}:{lines.line_of(('option', 'parts', i, 'instrument'))}: option.parts.{i}.instrument: " + said("instrument_config", instrument=prefix, hint=did_you_mean(prefix, known)))
    if sc.option.lever is not None and sc.option.lever.path not in params:
        problems.append(f"{sc.file}:{lines.line_of(('option', 'lever', 'path'))}: option.lever.path: " + said("numeric_parameter_config", path=sc.option.lever.path))
    return problems


def _format(path: Path, lines: LineMap, err: dict, unknown: str = "unknown_field") -> str:
    """One validation error of a scenario, state-aid or paths file; ``unknown`` is the key that
    words an unknown field (the paths file says which file does not know it)."""
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p in ("float", "int", "str") or p.startswith("function-"))))
    field = ".".join(str(p) for p in loc) or said("place_file")
    if err["type"] == "extra_forbidden":
        message = said("unknown_field_paths_file" if unknown == "unknown_field_paths_file" else "unknown_field",
                       hint=did_you_mean(str(loc[-1]), list(ScenarioFile.model_fields)))
    elif err["type"] == "missing":
        message = said("required_field_missing")
    else:
        from speelveld.config.errors import _message  # the config loader's wording of the same errors

        message = _message(err, set())
    return f"{path}:{lines.line_of(loc)}: " + field + ": " + message


__all__ = ["Scenario", "ScenarioFile", "StateCost", "available_scenarios", "load_scenario", "Num"]
