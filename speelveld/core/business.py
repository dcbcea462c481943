"""The business case for electrifying process heat, per country.

A sector's boiler heat (``boiler_gas_share_pct`` of its fuel gas × the gas boiler's efficiency)
is made electrically instead: an e-boiler (efficiency) or a heat pump (COP). The plant then buys
more electricity, less gas and emits less CO2. Both plants — as it is, and electrified — are
computed by the engine in every country, on one frame of inputs, so every tariff band, levy,
reduction and compensation that the extra electricity or the lower gas use touches is in the
result, with its band. To that the annualised capital and fixed O&M costs of the electric
installation are added and those of the gas boiler it replaces are taken off.

- yearly cost difference D (€/yr) = Δ electricity bill + Δ gas bill − EUA × tonnes avoided
  + Δ national CO2 levy + annuity(electric) − annuity(gas boiler); positive: electrifying costs
  more. An avoided tonne is valued at the EUA price whatever the free allocation (a surplus
  allowance can be sold); the free allocation itself is held as it is;
- break-even CO2 price (€/t) = EUA price + D ÷ tonnes avoided (each €/t more on the EUA saves
  the avoided tonnes once more; the national levies are held as they are);
- subsidy need (€/t avoided) = max(D, 0) ÷ tonnes avoided.
Annuity = capacity × (capex × r ÷ (1 − (1 + r)^−n) + fixed O&M), capacity = heat ÷ utilisation hours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.bands import compute_bands, uncertain_inputs
from speelveld.core.compute import FEW_ROWS, evaluate, gap_bound, plan_sector, uncertain_paths
from speelveld.core.context import Ctx
from speelveld.said import said

if TYPE_CHECKING:
    from speelveld.config.model import InLanguages


class BusinessCaseError(ValueError):
    """The sector or the configs cannot carry the business case; the message says why."""


@dataclass(frozen=True)
class Electrification:
    heat_mwh: float  # boiler heat taken over per year
    gas_saved_mwh: float
    electricity_mwh: float
    co2_avoided_t: float
    capacity_kw: float  # heat output capacity


def electrification(cfg: YearConfig, sector: str, technology: str) -> Electrification:
    model = cfg.sectors[sector]
    tech = cfg.eu.technologies.get(technology)
    gas_boiler = cfg.eu.technologies.get("gas-boiler")
    if tech is None or tech.carrier != "electricity":
        names = [k for k, v in cfg.eu.technologies.items() if v.carrier == "electricity"]
        raise BusinessCaseError('--technology: ' + said("not_electric_heat_technology", name=technology, year=cfg.year, names=', '.join(names) or said("none")))
    if gas_boiler is None or cfg.eu.gas_emission_factor_t_per_mwh is None or cfg.eu.discount_rate_pct is None:
        raise BusinessCaseError(f'{cfg.year}/eu.yaml: ' + said("business_case_needs_technologies"))
    if model.gas_fuel_mwh is None or model.boiler_gas_share_pct is None:
        raise BusinessCaseError(f'--sector {sector}: ' + said("archetype_gas_fuel_mwh"))

    def central(m, name):
        v = cfg.param_of(m, name).central
        if v is None:
            raise BusinessCaseError(f'{cfg.param_of(m, name).path}: ' + said("unknown_business_case_cannot"))
        return v

    share = central(model, "boiler_gas_share_pct") / 100
    if share <= 0:
        raise BusinessCaseError(f'--sector {sector}: ' + said("boiler_gas_share_pct", note=cfg.param_of(model, 'boiler_gas_share_pct').note))
    gas_saved = central(model, "gas_fuel_mwh") * share
    heat = gas_saved * central(gas_boiler, "efficiency_pct") / 100
    efficiency = central(tech, "efficiency_pct") / 100 if tech.efficiency_pct is not None else central(tech, "cop")
    hours = central(model, "utilisation_hours") if model.utilisation_hours is not None else 8000.0
    return Electrification(heat, gas_saved, heat / efficiency, gas_saved * central(cfg.eu, "gas_emission_factor_t_per_mwh"), heat * 1000 / hours)


def electrified_values(cfg: YearConfig, sector: str, e: Electrification) -> list[tuple[str, float]]:
    """The plant after electrifying, as (path, value) overrides: more electricity, less fuel gas,
    fewer direct emissions (free allocation unchanged)."""
    model = cfg.sectors[sector]
    base = f"sectors.{sector}"
    q = cfg.param_of(model, "consumption_mwh").central
    fuel = cfg.param_of(model, "gas_fuel_mwh").central
    emissions = cfg.param_of(model, "direct_emissions_t_co2").central
    return [
        (f"{base}.consumption_mwh", q + e.electricity_mwh),
        (f"{base}.gas_fuel_mwh", fuel - e.gas_saved_mwh),
        (f"{base}.direct_emissions_t_co2", max(emissions - e.co2_avoided_t, 0.0)),
    ]


@dataclass
class BusinessCase:
    year: int
    sector: str
    technology: str
    label: str
    quantities: Electrification
    reference: str
    eua_eur_per_t: float
    table: pl.DataFrame  # one row per country
    technology_limits: InLanguages | None = None  # what the technology cannot do, as its config states it (temperature, heat source)
    label_en: str | None = None  # the technology's label in English reports, where the config gives one

    def label_in(self, lang: str) -> str:
        return (self.label_en or self.label) if lang == "en" else self.label


OUTPUTS = ("d_electricity", "d_gas", "d_co2", "annuity_electric", "annuity_gas", "difference", "break_even", "subsidy")


@dataclass
class _Setup:
    e: Electrification
    plan_a: object
    plan_b: object
    exprs: list
    names: list
    used: set


def _setup(base: YearConfig, electrified: YearConfig, sector: str, technology: str, countries: list[str], reference: str,
           varied_a: frozenset, varied_b: frozenset, renamed: dict) -> _Setup:
    """Both plants' plans and the business case's expressions over their columns."""
    e = electrification(base, sector, technology)
    plan_a = plan_sector(base, sector, countries, varied_a, tag="a|", gas=True)
    plan_b = plan_sector(electrified, sector, countries, varied_b, renamed, tag="b|", gas=True)
    if plan_a.gas_mwh is None:
        raise BusinessCaseError('--countries: ' + said("business_case_needs_natural", countries=', '.join(countries)))
    ctx = Ctx(base.params, varied_a, refs=base.refs)
    eu = base.eu
    r = ctx.field(eu, "discount_rate_pct") / 100

    def annuity(tech) -> pl.Expr:
        capex, om, n = ctx.field(tech, "capex_eur_per_kw"), ctx.field(tech, "fixed_om_eur_per_kw_year"), ctx.field(tech, "lifetime_years")
        return e.capacity_kw * (capex * r / (1 - (1 + r) ** (-n)) + om)

    electric, gas_boiler = annuity(eu.technologies[technology]), annuity(eu.technologies["gas-boiler"])
    eua = ctx.field(eu, "eua_price_eur_per_t")
    exprs, names = [], []
    for cc in countries:
        a, b = (lambda k, p=plan_a, cc=cc: pl.col(p.col(cc, k))), (lambda k, p=plan_b, cc=cc: pl.col(p.col(cc, k)))
        d_el, d_gas = b("total") - a("total"), b("gas") - a("gas")
        # An avoided tonne is worth the EUA price whatever the free allocation (a surplus
        # allowance is sold), so the ETS part is valued at the price, not by the plant's capped ETS
        # line; the national CO2 levy changes as the engine computes it.
        levy = [ln.key for ln in plan_a.lines[cc] if ln.key == "carbon.co2_levy"]
        d_co2 = -eua * e.co2_avoided_t + (b(levy[0]) - a(levy[0]) if levy else pl.lit(0.0))
        difference = d_el + d_gas + d_co2 + electric - gas_boiler
        values = {
            "d_electricity": d_el, "d_gas": d_gas, "d_co2": d_co2, "annuity_electric": electric, "annuity_gas": gas_boiler,
            "difference": difference, "break_even": eua + difference / e.co2_avoided_t,
            "subsidy": pl.when(difference.is_null()).then(None).otherwise(pl.max_horizontal(difference, pl.lit(0.0)) / e.co2_avoided_t),
        }
        for k in OUTPUTS:
            name = f"{cc}|{k}"
            exprs.append(values[k].alias(name))
            names.append(name)
    return _Setup(e, plan_a, plan_b, exprs, names, set(ctx.take_used()))


def business_sweep_query(base: YearConfig, electrified: YearConfig, sector: str, technology: str, countries: list[str], reference: str, frame: pl.LazyFrame, varied: frozenset) -> pl.LazyFrame:
    """The business case over a sweep's scenarios: the varied parameters are columns of ``frame``
    and move both plants alike (a swept gas price is the same gas price before and after)."""
    countries = [reference] + [c for c in countries if c != reference]
    s = _setup(base, electrified, sector, technology, countries, reference, varied, varied, {})
    lf = evaluate(evaluate(frame, [s.plan_a], reference), [s.plan_b], reference)
    keep = [c for c in ("scenario",)] + sorted(varied)
    out = [pl.col(n).alias(f"{k}|{cc}") for n in s.names for cc, k in [n.split("|", 1)]]
    return lf.with_columns(s.exprs).select([pl.col(c) for c in keep] + out)


def business_case(base: YearConfig, electrified: YearConfig, sector: str, technology: str, countries: list[str], reference: str = "NL") -> BusinessCase:
    """Per country: the plant as it is and electrified, evaluated together with their bands."""
    if reference not in countries:
        countries = [reference] + countries
    varied_a, varied_b = uncertain_paths(base), uncertain_paths(electrified)
    renamed = {p: f"scenario:{p}" for p in varied_b & varied_a if _range(base, p) != _range(electrified, p)}
    s = _setup(base, electrified, sector, technology, countries, reference, varied_a, varied_b, renamed)
    e, plan_a, plan_b, exprs, names = s.e, s.plan_a, s.plan_b, s.exprs, s.names
    eu = base.eu
    inputs = uncertain_inputs(base.params, set(plan_a.inputs) | s.used)
    seen = {u.column for u in inputs}
    inputs += [u for u in uncertain_inputs(electrified.params, set(plan_b.inputs), renamed) if u.column not in seen]

    def run(frame: pl.DataFrame) -> pl.DataFrame:
        lf = evaluate(evaluate(frame, [plan_a], reference), [plan_b], reference)
        return lf.with_columns(exprs).select(names).collect(optimizations=FEW_ROWS)

    bands = compute_bands(run, inputs, names)
    rows = []
    for cc in countries:
        row = {"country": cc}
        for k in OUTPUTS:
            name = f"{cc}|{k}"
            lo, hi = bands.band(name)
            row[k] = bands.central[name]
            row[f"{k}_low"] = lo if math.isfinite(lo) else None
            row[f"{k}_high"] = hi if math.isfinite(hi) else None
        row["bound"] = gap_bound(*bands.band(f"{cc}|difference"))
        h = e.heat_mwh
        row["electric_energy_eur_per_mwh_heat"] = None if row["d_electricity"] is None else row["d_electricity"] / h
        row["gas_energy_eur_per_mwh_heat"] = None if row["d_gas"] is None else -row["d_gas"] / h
        row["co2_eur_per_mwh_heat"] = None if row["d_co2"] is None else -row["d_co2"] / h
        row["capital_electric_eur_per_mwh_heat"] = row["annuity_electric"] / h
        row["capital_gas_eur_per_mwh_heat"] = row["annuity_gas"] / h
        rows.append(row)
    table = pl.DataFrame(rows, schema_overrides={k: pl.Float64 for k in rows[0] if k not in ("country", "bound")})
    eua_value = base.param_of(eu, "eua_price_eur_per_t").central
    return BusinessCase(base.year, sector, technology, eu.technologies[technology].label, e, reference, eua_value, table,
                        eu.technologies[technology].limits, eu.technologies[technology].label_en)


def _range(cfg: YearConfig, path: str) -> tuple:
    p = cfg.params[path]
    return (p.value, p.low, p.high, p.quality)
