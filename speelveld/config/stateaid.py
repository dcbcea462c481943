"""The EU state-aid frameworks as sourced data (``configs/stateaid.yaml``): each framework's
citation, the years it applies and its rules (a value, its source, the years it holds). One checker
(``core/stateaid.py``) reads them; a scenario's ``option:`` block names its frameworks by key."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from speelveld.config.model import Float, InLanguages, Int, Source, Strict, Validity
from speelveld.config.yamlload import ConfigError, LineMap, load_yaml
from speelveld.hints import did_you_mean
from speelveld.said import said

FILE = "stateaid.yaml"


class RuleValue(Strict):
    value: Float
    source: str
    from_year: Int | None = None
    to_year: Int | None = None
    note: str | None = None

    def covers(self, year: int) -> bool:
        return (self.from_year is None or year >= self.from_year) and (self.to_year is None or year <= self.to_year)


class Condition(Strict):
    """A condition on the beneficiary's conduct the model cannot check (reported, never passed)."""

    id: str
    text: InLanguages


class Framework(Strict):
    label: InLanguages
    citation: InLanguages
    source: str
    valid: Validity | None = None
    rules: dict[str, RuleValue | list[RuleValue]] = {}
    nace_existing: list[str] = Field(default=[], description="Sectors eligible before an amendment (ETS guidelines, Annex I).")
    nace_new: list[str] = Field(default=[], description="Sectors an amendment added.")
    conditions: list[Condition] = []

    def rule(self, name: str, year: int) -> RuleValue | None:
        """The rule's value that holds in ``year`` (None where none does)."""
        found = self.rules.get(name)
        values = found if isinstance(found, list) else [found] if found is not None else []
        return next((v for v in values if v.covers(year)), None)

    def applies(self, year: int) -> bool:
        return self.valid is None or self.valid.covers(year)


class StateAidFile(Strict):
    sources: dict[str, Source]
    frameworks: dict[str, Framework] = Field(min_length=1)

    @model_validator(mode="after")
    def _sources_defined(self):
        for key, fw in self.frameworks.items():
            used = [fw.source] + [v.source for r in fw.rules.values() for v in (r if isinstance(r, list) else [r])]
            for sid in used:
                if sid not in self.sources:
                    raise ValueError(f'frameworks.{key}: ' + said("unknown_source_define_under", source=sid, hint=did_you_mean(sid, list(self.sources))))
        return self


@functools.cache
def _load(path: Path, mtime: float) -> tuple[StateAidFile, LineMap]:
    data, lines = load_yaml(path)
    try:
        return StateAidFile.model_validate(data), lines
    except ValidationError as exc:
        from speelveld.config.scenario import _format

        raise ConfigError([_format(path, lines, err) for err in exc.errors(include_url=False)]) from None


def load_stateaid(config_dir: Path) -> StateAidFile:
    """The frameworks of a config directory (the shipped configs' when the directory has none)."""
    from speelveld.config.load import default_config_dir

    path = config_dir / FILE
    if not path.is_file():
        path = default_config_dir() / FILE
    return _load(path.resolve(), path.stat().st_mtime)[0]
