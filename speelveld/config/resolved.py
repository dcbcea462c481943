"""The validated, resolved config of one price year, as the engine and the reports see it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from speelveld.config.model import CountryFile, EUFile, Quality, SectorFile, Source, Validity


@dataclass(frozen=True)
class Param:
    """One number of the config, with everything needed to cite it."""

    path: str
    value: float | None
    unit: str
    quality: Quality
    source_id: str
    source: Source
    note: str | None
    file: str
    line: int | None
    low: float | None = None  # the range the figure lies in, when the config gives one (an
    high: float | None = None  # unknown figure may have one side only)
    yearly: bool = False  # a figure republished every year (a price, tariff, rate or budget)
    loc: tuple = ()  # keys and list indexes of the number in its file, for editing it in place
    written_unit: str | None = None  # the unit the file writes it in, when not the field's own
    written_factor: float = 1.0  # value in the field's unit = written value × this factor

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def bounded(self) -> bool:
        """Has a range of its own (an uncertain estimate, or a bounded unknown)."""
        return self.low is not None and self.high is not None

    @property
    def uncertain(self) -> bool:
        """Not a single known figure: unknown, or known only within a range."""
        return self.value is None or (self.bounded and self.low < self.high)

    @property
    def central(self) -> float | None:
        """The value the headline uses: the figure itself; for a bounded unknown the middle of
        its range (so the central total lies inside its band); None for an unknown without bounds."""
        if self.value is not None:
            return self.value
        if self.bounded:
            return (self.low + self.high) / 2
        return None


@dataclass
class YearConfig:
    year: int
    config_dir: Path
    eu: EUFile = field(repr=False)
    countries: dict[str, CountryFile] = field(repr=False)
    sectors: dict[str, SectorFile] = field(repr=False)
    params: dict[str, Param] = field(repr=False)
    overrides: list[str] = field(default_factory=list)
    scenario: str | None = None
    files: list[Path] = field(default_factory=list, repr=False)
    projection: bool = False  # a projection year (configs/projections/), built by `speelveld project`
    # Typed parameter references: the path of the number in field ``name`` of a model object,
    # keyed by (id(model), name) (and the key for a mapping of numbers), so the engine reads a
    # number from the model it belongs to instead of rebuilding its path from strings.
    refs: dict[tuple, str] = field(default_factory=dict, repr=False)

    def path_of(self, model, name: str, *key) -> str:
        try:
            return self.refs[(id(model), name, *key)]
        except KeyError:
            raise KeyError(f"{type(model).__name__}.{name}{''.join(f'[{k}]' for k in key)} is not a number of this config") from None  # internal: a bug, not the user's input

    def param_of(self, model, name: str, *key) -> Param:
        return self.params[self.path_of(model, name, *key)]

    def relative_file(self, file: str) -> str:
        """A config file's path relative to the config directory, as reports cite it."""
        try:
            return str(Path(file).resolve().relative_to(Path(self.config_dir).resolve()))
        except ValueError:
            return file  # a command-line override or a file elsewhere

    def resolved_hash(self) -> str:
        """A stable hash of every resolved parameter value, source and flag."""
        payload = [
            (p.path, p.value, p.unit, p.quality.value, p.source.title, p.source.url) + ((p.low, p.high) if p.low is not None or p.high is not None else ())
            for p in self.params.values()
        ]
        structure = {
            "eu": self.eu.model_dump(mode="json"),
            "countries": {k: v.model_dump(mode="json") for k, v in sorted(self.countries.items())},
            "sectors": {k: v.model_dump(mode="json") for k, v in sorted(self.sectors.items())},
        }
        blob = json.dumps([payload, structure], sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


@dataclass(frozen=True)
class RuleWindow:
    """A rule that is not always in force: its validity window, or pending (announced only)."""

    label: str
    validity: Validity | None
    pending: bool


def rule_windows(cfg: YearConfig) -> dict[str, RuleWindow]:
    """Every rule of every country with a validity window or a pending flag, by the path prefix
    its parameters carry (the walk of config.calendar.rule_nodes)."""
    from speelveld.config.calendar import rule_nodes

    out: dict[str, RuleWindow] = {}
    for _cc, country in sorted(cfg.countries.items()):
        for path, _loc, node in rule_nodes(country):
            out[path] = RuleWindow(getattr(node, "label", None) or path, getattr(node, "valid", None), bool(getattr(node, "pending", False)))
    return out
