"""The building blocks of the config schema (config/model.py): a sourced number with its range
and quality, a text in two languages, the base blocks and conditions every rule is made of."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic import Strict as StrictType

from speelveld.said import said


def _nace_list(value):
    # Unquoted YAML turns 24.10 into the float 24.1, silently changing the code: insist on quotes.
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                raise ValueError(said("write_nace_codes_quoted", got=f'{item!r}'))
            if not item.replace(".", "").isdigit():
                raise ValueError(said("not_nace_code_like", code=item))
    return value


NaceList = Annotated[list[str], BeforeValidator(_nace_list)]

# Scalars are strict: pydantic would otherwise read the YAML boolean ``yes`` as the number 1 and
# the text "2030" as a year. A float field still takes an integer (70 means 70.0).
Float = Annotated[float, StrictType()]
Int = Annotated[int, StrictType()]
Bool = Annotated[bool, StrictType()]

# Fields whose value may legitimately be below zero. Everything else is checked to be ≥ 0 on load:
# prices, charges, rates and volumes in a config are annual figures or tariffs, and a negative
# one is a typo (a wholesale price is negative in some hours, never as an annual baseload average).
# The profile premium is the exception: a plant that takes most of its power off-peak buys below
# the baseload price, so its premium over baseload is negative.
MAY_BE_NEGATIVE = frozenset({"profile_premium_eur_per_mwh"})

# No figure in a config comes near a trillion in its own unit (national budgets are 1e9–1e10 €/yr,
# national consumption 1e8 MWh); a larger one is a typo, and would overflow to infinity in sums.
MAX_MAGNITUDE = 1e12

# Figures that other figures are divided by: below 1 in their own unit they are a typo (a plant
# using less than 1 MWh a year) and blow up the quotient (cost per MWh, capacity from hours).
AT_LEAST_ONE = frozenset({"consumption_mwh", "utilisation_hours", "contracted_capacity_kw", "eligible_consumption_mwh", "gross_value_added_eur"})


class Quality(str, Enum):
    published = "published"  # read in the cited source
    derived = "derived"  # computed from published figures; the note shows how
    estimate = "estimate"  # an assumption with its reasoning in the note
    projection = "projection"  # a future year's figure from a published path (futures, an announced tariff path); the note says how
    unknown = "unknown"  # not found; value is null


def yearly(default: Any = ..., **kwargs) -> Any:
    """A field whose figure is republished every year (a price, tariff, levy rate or budget):
    `speelveld new-year` carries it forward as an estimate and `speelveld sources --stale` asks
    for its update when its source is old. Figures fixed in law (thresholds, percentages,
    benchmarks) change only with the law and are not marked."""
    return Field(default, json_schema_extra={"yearly": True}, **kwargs)


def is_yearly(model: type[BaseModel], field: str) -> bool:
    extra = model.model_fields[field].json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("yearly"))


# The EU ETS prices of a year: the direct price, the forward price the compensation uses, and the
# Dutch CO2-heffing's deduction. They are one market's price at different dates, so an override of
# one moves the others by the same change, unless they are set themselves (to keep them apart, set
# them to their own values); a sweep links them likewise.
EUA_PRICES = ("eu.eua_price_eur_per_t", "eu.eua_forward_price_eur_per_t", "NL.carbon.co2_levy.eua_deduction_eur_per_t")

QUALITY_RANK = {Quality.published: 0, Quality.derived: 1, Quality.estimate: 2, Quality.projection: 3, Quality.unknown: 4}
NEEDS_NOTE = (Quality.estimate, Quality.derived, Quality.projection)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class InLanguages(Strict):
    """A text in the report's two languages; one may be missing (the other stands in)."""

    nl: str | None = None
    en: str | None = None

    def text(self, lang: str) -> str:
        return (self.nl or self.en or "") if lang == "nl" else (self.en or self.nl or "")


class SourcedValue(Strict):
    """A number with its own provenance, and optionally the range it may lie in.

    ``low`` and ``high`` (same unit as ``value``) bound a figure that is not known exactly: an
    estimate or a derived value whose derivation gives bounds, or an ``unknown`` (null) value that
    published relations nevertheless bound (a *bounded unknown*). The note says why the bounds hold.
    Every total and gap that depends on the figure is reported with the band the range spans.
    """

    value: Float | None
    source: str | None = None
    quality: Quality | None = None
    unit: str | None = Field(
        default=None,
        description="Unit the value is written in, if not the field's own (e.g. ct/kWh for a €/MWh field); converted on load.",
    )
    low: Float | None = Field(default=None, description="Lowest value the figure can take (same unit as value); give it with high (an unknown value may have one bound only).")
    high: Float | None = Field(default=None, description="Highest value the figure can take (same unit as value); give it with low (an unknown value may have one bound only).")
    note: str | None = None

    @model_validator(mode="after")
    def _unknown_means_null(self):
        if self.value is None and self.quality not in (None, Quality.unknown):
            raise ValueError(said("value_null_quality_must"))
        if self.value is not None and self.quality == Quality.unknown:
            raise ValueError(said("quality_unknown_needs_value"))
        if self.quality in NEEDS_NOTE and not self.note:
            raise ValueError(said("value_flagged_needs_note", quality=self.quality.value))
        if (self.low is None) != (self.high is None) and self.value is not None:
            raise ValueError(said("give_low_high_together"))
        if (self.low is not None or self.high is not None) and not self.note:
            raise ValueError(said("value_low_high_needs"))
        if self.low is not None and self.high is not None:
            if self.low > self.high:
                raise ValueError(said("low_above_high", low=f'{self.low:g}', high=f'{self.high:g}'))
            if self.value is not None and not self.low <= self.value <= self.high:
                raise ValueError(said("value_outside_range", value=f'{self.value:g}', low=f'{self.low:g}', high=f'{self.high:g}'))
            if self.quality == Quality.published and self.low < self.high:
                raise ValueError(said("published_value_exact_flag"))
        return self


Num = Union[Float, SourcedValue]


class Node(Strict):
    """A block that may set the default source and quality for the plain numbers inside it."""

    source: str | None = None
    quality: Quality | None = None
    note: str | None = None
    label_en: str | None = Field(default=None, description="The label in English reports, where the config's own label is a name of ours in Dutch (a proposal), not a publisher's.")


class Validity(Strict):
    """Years (inclusive) in which a rule is in force."""

    from_year: Int | None = None
    to_year: Int | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.from_year is not None and self.to_year is not None and self.from_year > self.to_year:
            raise ValueError(said("year_after_year", start=self.from_year, end=self.to_year))
        return self

    def covers(self, year: int) -> bool:
        return (self.from_year is None or year >= self.from_year) and (self.to_year is None or year <= self.to_year)


class Succession(Node):
    """What follows a rule whose validity window ends (``valid.to_year``): exactly one of

    - ``rule``: the id of the rule that takes over in the same country file (in force from the
      year after; a bounded unknown where its design is not yet known, e.g. between no relief and
      today's);
    - ``paths``: the parameters whose values for the years after come from ``configs/paths.yaml``
      (a subsidised tariff sheet followed by a band between two tariffs);
    - ``ends: true``: the rule ends and nothing follows it (the source says so).

    ``source`` and ``note`` say why; `speelveld sources --expiring` lists every rule's end and what
    follows, and `speelveld project` refuses a year in which a rule has ended without saying."""

    rule: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    paths: list[str] | None = Field(default=None, min_length=1)
    ends: Bool = False

    @model_validator(mode="after")
    def _one_kind(self):
        kinds = [k for k in ("rule", "paths") if getattr(self, k) is not None] + (["ends"] if self.ends else [])
        if len(kinds) != 1:
            raise ValueError(said("give_exactly_rule_successor"))
        if not self.source or not self.note:
            raise ValueError(said("say_source_note_why"))
        return self

    @property
    def kind(self) -> str:
        return "rule" if self.rule is not None else "paths" if self.paths is not None else "ends"


class Bound(Strict):
    """A numeric threshold: min (≥), above (>), max (≤), below (<)."""

    min: Num | None = None
    above: Num | None = None
    max: Num | None = None
    below: Num | None = None

    @model_validator(mode="after")
    def _some(self):
        if all(v is None for v in (self.min, self.above, self.max, self.below)):
            raise ValueError(said("give_least_min_above"))
        return self


class When(Strict):
    """Eligibility: every condition given must hold (logical AND).

    ``nace`` lists NACE codes; a sector matches when one of its codes equals a listed code or
    lies below it in the classification (listed ``20.1`` covers ``20.14``).
    """

    consumption_mwh: Bound | None = None
    utilisation_hours: Bound | None = None
    offpeak_share_pct: Bound | None = None
    nace: NaceList | None = None
    business_use: Bool | None = None
    ets_installation: Bool | None = Field(default=None, description="The plant is an EU ETS installation (e.g. exempt from Germany's national CO2 price).")
