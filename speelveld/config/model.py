"""The config schema: what a country, a sector archetype and the EU-wide ETS file may say.

Every number in a config is a *parameter*: it has a value, a unit (carried by the field name,
e.g. ``_eur_per_mwh``), a source and a quality flag. A number may be written plainly, in which
case it inherits ``source``/``quality`` from the nearest enclosing block that sets them, or as a
mapping ``{value, source, quality, unit, note}`` of its own. ``value: null`` with
``quality: unknown`` says that a figure could not be found; it stays visible in every result and
is never treated as zero.

All models forbid unknown keys, so a misspelt field is an error, not a silent default. The
building blocks (a sourced number, a condition, the base block) are in config/model_base.py.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from speelveld.config.model_base import (  # noqa: F401 (the schema is read through config.model)
    AT_LEAST_ONE,
    EUA_PRICES,
    MAX_MAGNITUDE,
    MAY_BE_NEGATIVE,
    NEEDS_NOTE,
    QUALITY_RANK,
    Bool,
    Bound,
    Float,
    InLanguages,
    Int,
    NaceList,
    Node,
    Num,
    Quality,
    SourcedValue,
    Strict,
    Succession,
    Validity,
    When,
    _nace_list,
    is_yearly,
    yearly,
)
from speelveld.config.model_schedules import Band, IntensityTier, RatePeriod, check_bands, check_periods
from speelveld.said import said


class Ruled(Node):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    when: When | None = None
    valid: Validity | None = None
    followed_by: Succession | None = None
    pending: Bool = Field(
        default=False,
        description="Proposed or announced but not in force: listed in reports, never applied. A scenario can set it to false.",
    )


def in_force(rule, year: int) -> bool:
    """A rule applies in ``year`` if it is not pending and its validity window (if any) covers the year."""
    if getattr(rule, "pending", False):
        return False
    valid = getattr(rule, "valid", None)
    return valid is None or valid.covers(year)


# ---------------------------------------------------------------- commodity


class SpecialAccess(Ruled):
    """A regulated volume at a set price (France's ARENH): its share of consumption is bought at
    ``price_eur_per_mwh`` instead of the wholesale price."""

    price_eur_per_mwh: Num = yearly()
    volume_share_pct: Num


class Commodity(Node):
    baseload_eur_per_mwh: Num = yearly()
    profile_premium_eur_per_mwh: Num | None = yearly(None)
    supply_margin_eur_per_mwh: Num | None = yearly(None)
    special_access: list[SpecialAccess] = []


# ---------------------------------------------------------------- network


class Charge(Node):
    """One network charge. Exactly one rate field, which fixes the kind of charge."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    fixed_eur_per_year: Num | None = yearly(None)
    capacity_eur_per_kw_year: Num | None = yearly(None)
    monthly_peak_eur_per_kw_month: Num | None = yearly(None)
    yearly_peak_eur_per_kw_year: Num | None = yearly(None)
    energy_eur_per_mwh: Num | None = yearly(None)

    @model_validator(mode="after")
    def _one_rate(self):
        given = [k for k in CHARGE_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(said("give_exactly_rate_field", fields=', '.join(CHARGE_KINDS), n=len(given)))
        return self

    @property
    def kind_field(self) -> str:
        return next(k for k in CHARGE_KINDS if getattr(self, k) is not None)


CHARGE_KINDS = (
    "fixed_eur_per_year",
    "capacity_eur_per_kw_year",
    "monthly_peak_eur_per_kw_month",
    "yearly_peak_eur_per_kw_year",
    "energy_eur_per_mwh",
)


class TariffVariant(Node):
    """The charges that apply when ``when`` holds (e.g. Germany's ≥ 2,500 h price sheet)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    when: When | None = None
    charges: list[Charge]


class VoltageLevel(Node):
    label: str
    variants: list[TariffVariant] = Field(min_length=1)


class HourTier(Strict):
    min_hours: Num
    pay_at_least_pct: Num


class AbatementCategory(Node):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    when: When | None = None
    abatement_pct: Num


class NetworkReduction(Ruled):
    """A reduction of the network charges. Exactly one effect:

    - ``pay_at_least_by_hours``: the user pays at least a share of the published charges,
      the share set by utilisation-hour tiers (Germany §19(2) S.2 StromNEV);
    - ``categories``: a percentage abatement by category, the first matching category applies
      (France's TURPE abatement), optionally capped by ``cap_pct``;
    - ``abatement_pct``: a flat percentage (the Dutch volumecorrectie).
    """

    pay_at_least_by_hours: list[HourTier] | None = Field(default=None, min_length=1)
    categories: list[AbatementCategory] | None = Field(default=None, min_length=1)
    abatement_pct: Num | None = None
    cap_pct: Num | None = None

    @model_validator(mode="after")
    def _one_effect(self):
        given = [k for k in ("pay_at_least_by_hours", "categories", "abatement_pct") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(said("give_exactly_effect_pay"))
        return self


class Network(Node):
    operator: str
    levels: dict[Literal["EHV", "HV"], VoltageLevel]
    reductions: list[NetworkReduction] = []


# ---------------------------------------------------------------- taxes and levies


class ReducedRate(Ruled):
    """An alternative, lower rate for eligible users; of all eligible ones the cheapest applies.

    - ``above_mwh`` with ``share_of_rate_pct`` or ``rate_eur_per_mwh``: the first ``above_mwh``
      pay in full, the rest at the reduced level (German levies under EnFG §31, Aufschlag B'/C');
    - ``intensity_tiers`` with ``reference_rate_eur_per_mwh``: a rate chosen by electro-intensity,
      defined as consumption × reference rate ÷ gross value added (France's accise, CIBS L.312-71 ff.).
    """

    above_mwh: Num | None = None
    share_of_rate_pct: Num | None = None
    rate_eur_per_mwh: Num | None = yearly(None)
    reference_rate_eur_per_mwh: Num | None = None
    intensity_tiers: list[IntensityTier] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _shape(self):
        if self.intensity_tiers is not None:
            if self.reference_rate_eur_per_mwh is None:
                raise ValueError(said("intensity_tiers_need_reference"))
            if any(x is not None for x in (self.above_mwh, self.share_of_rate_pct, self.rate_eur_per_mwh)):
                raise ValueError(said("intensity_tiers_cannot_combined"))
        elif (self.share_of_rate_pct is None) == (self.rate_eur_per_mwh is None):
            raise ValueError(said("give_exactly_share_rate"))
        return self


class PercentOfNetwork(Strict):
    """A levy computed as a percentage of network charges (France's CTA on the fixed TURPE part)."""

    charge_kinds: list[Literal[CHARGE_KINDS]] = Field(min_length=1)  # type: ignore[valid-type]
    pct: Num
    after_reductions: Bool = True


ProcessKind = Literal["electrolysis", "metallurgical", "chemical_reduction", "mineralogical"]


class Levy(Node):
    """A tax or levy. One base: ``rate_eur_per_mwh``, ``rate_periods``, ``bands`` or
    ``percent_of_network``; then exemptions, reduced rates and caps, each shown as its own line."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    valid: Validity | None = None
    followed_by: Succession | None = None
    rate_eur_per_mwh: Num | None = yearly(None)
    rate_periods: list[RatePeriod] | None = Field(default=None, min_length=1)
    bands: list[Band] | None = Field(default=None, min_length=1)
    percent_of_network: PercentOfNetwork | None = None
    exempt_processes: list[ProcessKind] = []
    reduced_rates: list[ReducedRate] = []
    cap_eur_per_year: Num | None = None
    cap_pct_of_gva: Num | None = None

    @model_validator(mode="after")
    def _one_base(self):
        bases = [k for k in ("rate_eur_per_mwh", "rate_periods", "bands", "percent_of_network") if getattr(self, k) is not None]
        if len(bases) != 1:
            raise ValueError(said("give_exactly_one_of", fields='rate_eur_per_mwh, rate_periods, bands, percent_of_network'))
        if self.bands is not None:
            check_bands(self.bands)
        if self.rate_periods is not None:
            check_periods(self.rate_periods)
        if self.percent_of_network is not None and (self.reduced_rates or self.exempt_processes):
            raise ValueError(said("percent_network_levy_takes"))
        return self


class GvaCapTier(Strict):
    min_intensity_pct: Num
    cap_pct_of_gva: Num


class JointCap(Ruled):
    """A cap on the sum of several levies after their own reductions, as a share of gross value
    added: one share (EnFG §31 super-cap), or ``intensity_tiers`` with
    ``reference_rate_eur_per_mwh``, the share chosen by electro-intensity (consumption × reference
    rate ÷ gross value added; the Flemish supercap of Energiedecreet art. 7.1.10 §3/1)."""

    levies: list[str] = Field(min_length=1)
    cap_pct_of_gva: Num | None = None
    reference_rate_eur_per_mwh: Num | None = None
    intensity_tiers: list[GvaCapTier] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_cap(self):
        if (self.cap_pct_of_gva is None) == (self.intensity_tiers is None):
            raise ValueError(said("give_exactly", first='cap_pct_of_gva', second='intensity_tiers'))
        if (self.intensity_tiers is None) != (self.reference_rate_eur_per_mwh is None):
            raise ValueError(said("tiers_need_reference_rate"))
        return self


class Taxes(Node):
    levies: list[Levy] = []
    joint_caps: list[JointCap] = []


# ---------------------------------------------------------------- carbon


class EligibleGroup(Node):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    nace: NaceList
    aid_intensity_pct: Num
    within_envelope: Bool = Field(
        default=False,
        description="The group's compensation is paid from the country's envelope (the 2026 letter funds the Dutch IKC extension from the electricity-cost reservation): `opties` sets its cost against the envelope before any option.",
    )
    super_cap_applies_pct: Num | None = Field(
        default=None,
        description="Share (0–100 %) of the scheme's super-cap top-up this group receives: 100 where it applies (the default), a bounded unknown 0–100 where it is not known whether the country extends it to the group.",
    )


class IndirectCostCompensation(Node):
    """EU ETS indirect-cost compensation (2020/C 317/04, point 28, fall-back route):
    aid = aid intensity × CO2 factor × EUA forward price (t−1) × eligible electricity
    × budget scaling − self-retention, where eligible electricity is the sector's product
    benchmark volume if it has one, else consumption × fallback benchmark."""

    label: str
    valid: Validity | None = None
    followed_by: Succession | None = None
    co2_factor_t_per_mwh: Num
    eua_price_eur_per_t: Num | None = Field(
        default=None, description="Override of the EU forward price used by this country's scheme."
    )
    eligible: list[EligibleGroup]
    fallback_benchmark_pct: Num
    fallback_annual_reduction_pct: Num
    fallback_reduction_from_year: Int
    self_retention_mwh: Num = 0.0
    budget_scaling_pct: Num = 100.0
    budget_eur_per_year: Num | None = yearly(
        None,
        description="The budget of the round that pays this cost year's claims: when the modelled sectors claim more, every claim is paid pro rata (a line of its own).",
    )
    super_cap_pct_of_gva: Num | None = Field(
        default=None,
        description="Top-up of 2020/C 317/04 point 30: indirect CO2 costs left after the aid above this share of gross value added are compensated too.",
    )


class CO2Levy(Node):
    """A national CO2 levy on top of the EU ETS (the Dutch CO2-heffing industrie): (rate − EUA
    deduction) on direct emissions above dispensation rights, where dispensation rights are
    approximated as free allocation × the reduction factor."""

    label: str
    valid: Validity | None = None
    followed_by: Succession | None = None
    rate_eur_per_t: Num = yearly()
    eua_deduction_eur_per_t: Num
    dispensation_factor: Num


class Carbon(Node):
    indirect_cost_compensation: IndirectCostCompensation | None = None
    co2_levy: CO2Levy | None = None


# ---------------------------------------------------------------- support measures


class Support(Ruled):
    """A state support measure on the electricity bill (a negative cost). Exactly one route:

    - ``budget_eur_per_year`` spread over ``eligible_consumption_mwh`` (the eligible users'
      national consumption): a €/MWh reduction = budget ÷ eligible consumption, on the
      ``volume_share_pct`` of the plant's consumption (NL electricity-cost relief);
    - ``target_price_eur_per_mwh`` with ``max_aid_share_pct``: on ``volume_share_pct`` of consumption
      the state pays the difference between the reference price (default: the country's baseload)
      and the target price, at most ``max_aid_share_pct`` of the reference price (Germany's
      Industriestrompreis).

    ``excludes_compensation``: the plant must choose between this measure and ETS indirect-cost
    compensation; it takes whichever is larger, so the line shows only the extra relief.
    """

    budget_eur_per_year: Num | None = yearly(None)
    eligible_consumption_mwh: Num | None = None
    target_price_eur_per_mwh: Num | None = None
    max_aid_share_pct: Num | None = None
    reference_price_eur_per_mwh: Num | None = None
    volume_share_pct: Num = 100.0
    excludes_compensation: Bool = False
    within_envelope: Bool = Field(
        default=False,
        description="Paid from the country's envelope: when the modelled sectors' claims exceed the year's amount, every claim is paid pro rata.",
    )

    @model_validator(mode="after")
    def _one_route(self):
        budget = self.budget_eur_per_year is not None or self.eligible_consumption_mwh is not None
        floor = self.target_price_eur_per_mwh is not None or self.max_aid_share_pct is not None
        if budget == floor:
            raise ValueError(said("give_either_budget_eur"))
        if budget and (self.budget_eur_per_year is None or self.eligible_consumption_mwh is None):
            raise ValueError(said("budget_route_needs_both"))
        if floor and (self.target_price_eur_per_mwh is None or self.max_aid_share_pct is None):
            raise ValueError(said("price_route_needs_both"))
        return self


# ---------------------------------------------------------------- files


class Source(Strict):
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = Field(default=None, description="Publication or access date, as given by the source.")
    reviewed: str | None = Field(
        default=None,
        description="Date (YYYY or YYYY-MM[-DD]) an editor confirmed that the figures cited from this source still hold, e.g. a statutory rate unchanged for years; counts as the source's date for `speelveld sources --stale`.",
    )
    statutory: Bool = Field(
        default=False,
        description="The figures cited from this source are set in law and hold until the law is changed (a statutory tax rate): `new-year` and `project` keep their quality instead of flagging them as carried-forward estimates.",
    )
    note: str | None = None


# ---------------------------------------------------------------- natural gas


GAS_CHARGE_KINDS = ("fixed_eur_per_year", "capacity_eur_per_kwh_h_year", "energy_eur_per_mwh")


class GasCharge(Node):
    """One gas transmission charge: per connection (€/yr), per kWh/h of booked exit capacity per
    year, or per MWh. Exactly one rate field."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    fixed_eur_per_year: Num | None = yearly(None)
    capacity_eur_per_kwh_h_year: Num | None = yearly(None)
    energy_eur_per_mwh: Num | None = yearly(None)

    @model_validator(mode="after")
    def _one_rate(self):
        given = [k for k in GAS_CHARGE_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(said("give_exactly_rate_field", fields=', '.join(GAS_CHARGE_KINDS), n=len(given)))
        return self

    @property
    def kind_field(self) -> str:
        return next(k for k in GAS_CHARGE_KINDS if getattr(self, k) is not None)


class GasNetwork(Node):
    operator: str
    charges: list[GasCharge] = []


class Gas(Node):
    """Natural gas for an industrial user on the transmission grid: the hub price (MWh on the
    upper calorific value, Hs), the exit charges, and the taxes and levies on gas burnt as fuel
    (gas used as feedstock is outside the energy taxes of all four countries)."""

    hub: str
    price_eur_per_mwh: Num = yearly(description="Year average of the hub's day-ahead or month-ahead price (€/MWh Hs).")
    network: GasNetwork
    taxes: Taxes = Taxes()


class Envelope(Node):
    """A budget the government has reserved for a purpose, against which `speelveld opties` sets
    the yearly cost of its spending options (the Dutch electricity-cost envelope)."""

    label: str
    budget_eur_per_year: Num = yearly()


class PolicyChange(Node):
    """A policy decision that takes effect in this price year (a levy abolished, a scheme
    extended): `diff` and `trend` show the change of the lines it names as policy, apart from
    price and tariff updates and from changes in what is known. ``lines``: line keys, each also
    covering the keys below it (``carbon.compensation`` covers ``carbon.compensation.budget``)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    lines: list[str] = Field(min_length=1)

    def covers(self, key: str) -> bool:
        return any(key == k or key.startswith(k + ".") for k in self.lines)


class CalendarEntry(Node):
    """A dated rule that is not a list item of its own: a tariff sheet with a subsidy enacted for
    one year, a rate fixed for a period. It states its window and what follows, like a rule."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str
    valid: Validity
    followed_by: Succession | None = None
    lines: list[str] = Field(default=[], description="Line keys whose figures the entry sets (e.g. network.EHV).")


class CountryFile(Node):
    country: str = Field(pattern=r"^[A-Z]{2}(-[A-Z]{2})?$")
    name: str
    year: Int
    region_note: InLanguages | None = Field(default=None, description="Which region's rules the file follows where a country's regions differ (shown beside every result for the country).")
    sources: dict[str, Source] = {}
    commodity: Commodity
    network: Network
    taxes: Taxes
    carbon: Carbon = Carbon()
    support: list[Support] = Field(default=[], description="State support on the electricity bill (relief schemes, industrial power price).")
    gas: Gas | None = Field(default=None, description="Natural gas: hub price, exit charges, taxes and levies.")
    policy_changes: list[PolicyChange] = Field(default=[], description="Policy decisions that take effect in this price year, each with its source and the lines it changes.")
    envelope: Envelope | None = Field(default=None, description="A reserved budget the spending options of `speelveld opties` are set against.")
    calendar: list[CalendarEntry] = Field(default=[], description="Dated rules that are not list items of their own (a subsidised tariff sheet), each with its window and what follows.")


class ProductBenchmark(Node):
    output_t: Num
    benchmark_mwh_per_t: Num


class SectorFile(Node):
    sector: str = Field(pattern=r"^[a-z][a-z0-9\-]*$")
    name: str
    description: str
    sources: dict[str, Source] = {}
    consumption_mwh: Num
    utilisation_hours: Num | None = None
    contracted_capacity_kw: Num | None = None
    voltage_level: Literal["EHV", "HV"]
    offpeak_share_pct: Num
    nace: NaceList = Field(min_length=1)
    business_use: Bool = True
    gross_value_added_eur: Num | None = None
    process_shares_pct: dict[ProcessKind, Num] = {}
    direct_emissions_t_co2: Num = 0.0
    free_allocation_t_co2: Num = 0.0
    product_benchmark: ProductBenchmark | None = None
    sector_electricity_mwh: Num | None = Field(
        default=None, description="Total Dutch electricity use of the sector (CBS), to scale the per-plant gap."
    )
    sector_volume_caveat: InLanguages | None = Field(
        default=None, description="What the sector's volume covers that the archetype does not (or the reverse): shown beside every sector-wide M€ figure."
    )
    ets_installation: Bool = Field(default=False, description="The plant is an EU ETS installation (reliefs and exclusions for ETS installations apply).")
    gas_fuel_mwh: Num | None = Field(default=None, description="Natural gas burnt as fuel per year (MWh Hs); the energy taxes fall on it.")
    gas_feedstock_mwh: Num | None = Field(default=None, description="Natural gas used as raw material per year (MWh Hs), e.g. for ammonia; outside the energy taxes.")
    gas_process_shares_pct: dict[ProcessKind, Num] = Field(default={}, description="Shares of the fuel gas used in processes that gas taxes may exempt (metallurgical, chemical reduction, mineralogical).")
    boiler_gas_share_pct: Num | None = Field(default=None, description="Share of the fuel gas burnt in boilers for steam and hot water: the heat an e-boiler or heat pump can take over.")

    @model_validator(mode="after")
    def _load(self):
        if (self.utilisation_hours is None) == (self.contracted_capacity_kw is None):
            raise ValueError(said("give_exactly", first='utilisation_hours', second='contracted_capacity_kw'))
        return self


class Technology(Node):
    """A heat technology for the electrification business case: efficiency (boilers) or COP (heat
    pumps), investment per kW of heat output, fixed O&M, lifetime."""

    label: str
    efficiency_pct: Num | None = None
    cop: Num | None = None
    capex_eur_per_kw: Num
    fixed_om_eur_per_kw_year: Num = 0.0
    lifetime_years: Num
    carrier: Literal["electricity", "gas"]
    limits: InLanguages | None = Field(default=None, description="What the technology cannot do (temperature, heat source, readiness), in both report languages: the business case states it beside its figures.")

    @model_validator(mode="after")
    def _one_efficiency(self):
        if (self.efficiency_pct is None) == (self.cop is None):
            raise ValueError(said("give_exactly_efficiency_pct"))
        return self


class EUFile(Node):
    year: Int
    sources: dict[str, Source] = {}
    eua_price_eur_per_t: Num = yearly(description="Average EUA price in the price year (direct emission costs).")
    eua_forward_price_eur_per_t: Num = yearly(
        description="EUA forward price of year t−1, as used for indirect-cost compensation of year t."
    )
    gas_emission_factor_t_per_mwh: Num | None = Field(default=None, description="CO2 per MWh of natural gas burnt (upper calorific value, Hs).")
    discount_rate_pct: Num | None = Field(default=None, description="Real discount rate for annualising investments in the business case.")
    technologies: dict[str, Technology] = Field(default={}, description="Heat technologies for `speelveld business-case` (e-boiler, heat-pump, gas-boiler).")


def all_field_names() -> set[str]:
    """Every field name the schema knows, for 'did you mean' hints."""
    names: set[str] = set()
    for model in Strict.__subclasses__() + Node.__subclasses__() + Ruled.__subclasses__():
        names.update(model.model_fields)
    return names
