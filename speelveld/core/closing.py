"""What would close the gap, and what a measure costs the state.

Closing a gap: per sector and neighbour, the Dutch relief in €/MWh that brings the gap to zero is
the gap itself where NL is dearer (0 where NL is already cheaper), with the gap's band clipped at
zero. Its yearly cost to the state for the whole sector is that relief × the sector's Dutch
electricity use; for all sectors together the sum over the sectors whose volume is known. These are
set against the budgets in the configs: the envelope of the proposed electricity-cost relief and the
IKC budget of the year.

A measure's cost to the state (for `toets`): what the Dutch plants of the modelled sectors pay less
under the scenario, × each sector's electricity use: the money the state pays out or forgoes. For
ETS indirect-cost compensation the claims are capped at the scheme's budget (a pro-rata cut when
they exceed it). Sectors without a known volume are left out and named.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison, sector_volume

if TYPE_CHECKING:
    from speelveld.core.policy import PolicyCheck


def _sector_mwh(cfg: YearConfig, sector: str) -> tuple[float | None, float | None, float | None]:
    p = sector_volume(cfg, sector)
    if p is None:
        return None, None, None
    low = p.low if p.low is not None else p.value
    high = p.high if p.high is not None else p.value
    return p.central, low, high


def gap_closing(result: Comparison, cfg: YearConfig) -> pl.DataFrame:
    """One row per sector and neighbour: the gap, the relief that closes it and its cost."""
    rows = []
    for r in result.totals.filter(pl.col("country") != result.reference).iter_rows(named=True):
        gap, lo, hi = r["gap_eur_per_mwh"], r["gap_low_eur_per_mwh"], r["gap_high_eur_per_mwh"]
        relief = max(gap, 0.0) if gap is not None else None
        relief_lo = None if lo is None else max(lo, 0.0)
        relief_hi = None if hi is None else max(hi, 0.0)
        mwh, mwh_lo, mwh_hi = _sector_mwh(cfg, r["sector"])
        rows.append({
            "sector": r["sector"],
            "country": r["country"],
            "gap_eur_per_mwh": gap,
            "gap_low_eur_per_mwh": lo,
            "gap_high_eur_per_mwh": hi,
            "gap_bound": r["gap_bound"],
            "relief_eur_per_mwh": relief,
            "relief_low_eur_per_mwh": relief_lo,
            "relief_high_eur_per_mwh": relief_hi,
            "sector_electricity_mwh": mwh,
            "cost_meur_per_year": None if relief is None or mwh is None else relief * mwh / 1e6,
            "cost_low_meur_per_year": None if relief_lo is None or mwh_lo is None else relief_lo * mwh_lo / 1e6,
            "cost_high_meur_per_year": None if relief_hi is None or mwh_hi is None else relief_hi * mwh_hi / 1e6,
        })
    return pl.DataFrame(rows, schema_overrides={k: pl.Float64 for k in rows[0] if k.endswith(("_mwh", "_year"))}) if rows else pl.DataFrame()


def closing_totals(table: pl.DataFrame) -> pl.DataFrame:
    """Per neighbour, all sectors together: the sum over the sectors with a known volume, and the
    sectors left out for want of one."""
    out = []
    for cc in table["country"].unique(maintain_order=True).to_list():
        sub = table.filter(pl.col("country") == cc)
        known = sub.filter(pl.col("cost_meur_per_year").is_not_null())
        out.append({
            "country": cc,
            "cost_meur_per_year": known["cost_meur_per_year"].sum(),
            "cost_low_meur_per_year": known["cost_low_meur_per_year"].sum() if known["cost_low_meur_per_year"].null_count() == 0 else None,
            "cost_high_meur_per_year": known["cost_high_meur_per_year"].sum() if known["cost_high_meur_per_year"].null_count() == 0 else None,
            "sectors": known.height,
            "left_out": sub.filter(pl.col("cost_meur_per_year").is_null())["sector"].to_list(),
        })
    return pl.DataFrame(out, schema_overrides={"left_out": pl.List(pl.String)})


@dataclass
class Budgets:
    envelope_eur_per_year: float | None = None  # the envelope's amount (or else a proposed relief's budget)
    envelope_label: str | None = None
    envelope_quality: str | None = None  # published, estimate, unknown: how the report may call it
    envelope_source: str | None = None
    envelope_low: float | None = None
    envelope_high: float | None = None
    ikc_eur_per_year: float | None = None  # the budget of the round that pays this year's costs (its middle if a range)
    ikc_low: float | None = None
    ikc_high: float | None = None
    ikc_quality: str | None = None
    sources: list[str] = field(default_factory=list)


def budgets(cfg: YearConfig, reference: str = "NL") -> Budgets:
    out = Budgets()
    country = cfg.countries.get(reference)
    if country is None:
        return out
    candidates = ([(country.envelope.label, cfg.param_of(country.envelope, "budget_eur_per_year"))] if country.envelope is not None else []) + [
        (s.label, cfg.param_of(s, "budget_eur_per_year")) for s in country.support if s.budget_eur_per_year is not None]
    for label, p in candidates:
        if p.central is not None:
            out.envelope_eur_per_year, out.envelope_label = p.central, label
            out.envelope_quality = p.quality.value
            out.envelope_source = ", ".join(x for x in (p.source.publisher, p.source.date) if x) or p.source.title
            out.envelope_low, out.envelope_high = p.low, p.high
            out.sources.append(p.source.title)
            break
    comp = country.carbon.indirect_cost_compensation
    p = cfg.param_of(comp, "budget_eur_per_year") if comp is not None and comp.budget_eur_per_year is not None else None
    if p is not None and p.central is not None:
        out.ikc_eur_per_year = p.central  # a budget known only as a range: its middle, as the engine's central value
        out.ikc_low, out.ikc_high, out.ikc_quality = p.low, p.high, p.quality.value
        out.sources.append(p.source.title)
    return out


@dataclass
class StateCost:
    meur_per_year: float | None
    low_meur_per_year: float | None
    high_meur_per_year: float | None
    sectors: list[str]
    left_out: list[str]
    ikc_claims_meur_per_year: float | None = None
    ikc_budget_meur_per_year: float | None = None
    ikc_pro_rata_pct: float | None = None
    paid_pro_rata: bool = False  # the scenario's gaps are at the claims paid (cut to the share), not at the claims made
    per_gap_closed: dict[str, float | None] = field(default_factory=dict)  # M€/yr per €/MWh narrowing in the sectors the measure reaches, by neighbour
    share_closed_pct: dict[str, float | None] = field(default_factory=dict)  # share of the (volume-weighted) gaps where NL is dearer that it closes, to parity


def ikc_claims(result: Comparison, weights: dict[str, float], reference: str = "NL") -> float:
    """M€/yr the reference country's plants claim as ETS indirect-cost compensation, over the
    sectors in ``weights`` (sector → its electricity use in MWh)."""
    lines = result.lines.filter((pl.col("country") == reference) & (pl.col("key") == "carbon.compensation"))
    per_mwh = {r["sector"]: -(r["eur_per_mwh"] or 0.0) for r in lines.iter_rows(named=True)}
    return sum(per_mwh.get(s, 0.0) * mwh / 1e6 for s, mwh in weights.items())


def ikc_pro_rata(cfg: YearConfig, reference: str = "NL") -> tuple[float, float, float | None] | None:
    """(claims, budget, share): the M€/yr the modelled sectors (those with a sector volume) claim
    under ``cfg`` at central values, the budget of the round that pays them, and the share (%) at
    which the engine pays every claim (None when the claims fit in it); None without a budget."""
    from speelveld.config.model import in_force
    from speelveld.core.context import Ctx
    from speelveld.core.lines.carbon import compensation_claims

    country = cfg.countries.get(reference)
    comp = country.carbon.indirect_cost_compensation if country is not None else None
    if comp is None or comp.budget_eur_per_year is None or not in_force(comp, cfg.year):
        return None
    budget = cfg.param_of(comp, "budget_eur_per_year").central
    if budget is None:
        return None
    claims_expr, _ = compensation_claims(Ctx(cfg.params, refs=cfg.refs), comp, cfg.year, cfg.eu, cfg.sectors)
    claims = pl.select(claims_expr).item() or 0.0
    return claims / 1e6, budget / 1e6, (100 * budget / claims if claims > budget else None)


def state_cost(check: PolicyCheck, cfg: YearConfig, reference: str = "NL", scenario_cfg: YearConfig | None = None) -> StateCost:
    """The measure's yearly cost to the state from the engine: Σ over the modelled sectors of what
    the reference country's plants pay less (electricity and direct CO2, €/MWh × sector MWh). ETS
    indirect-cost compensation is paid within the scheme's budget by the engine itself.

    Its band is the check's own band of the sum (PolicyCheck.state_cost), each end one set of
    inputs: the sum of each sector's ends holds only when no input moves sectors against each
    other, and a shared compensation budget does (a new sector's claim cuts the others' payout
    where the budget binds): that sum reached below zero for a measure that can only cost the state."""
    table, base, scenario = check.table, check.base, check.scenario
    ref_rows = table.filter(pl.col("country") == reference)
    total = 0.0
    open_band = False
    sectors, left_out = [], []
    weights: dict[str, float] = {}
    for r in ref_rows.iter_rows(named=True):
        mwh, _, _ = _sector_mwh(cfg, r["sector"])
        if mwh is None:
            left_out.append(r["sector"])
            continue
        change = r["cost_change_eur_per_mwh"]
        if change is None:
            left_out.append(r["sector"])
            continue
        sectors.append(r["sector"])
        weights[r["sector"]] = mwh
        total += -change * mwh / 1e6
        open_band = open_band or r["cost_change_low_eur_per_mwh"] is None or r["cost_change_high_eur_per_mwh"] is None
    _, low, high = check.state_cost or (None, math.nan, math.nan)
    open_band = open_band or not (math.isfinite(low) and math.isfinite(high))
    result = StateCost(total if sectors else None, None if open_band or not sectors else low, None if open_band or not sectors else high, sectors, left_out)
    # ETS indirect-cost compensation: the engine pays the claims pro rata where they exceed the
    # budget, so the change above is already what the state pays; say what was claimed
    claims_after, claims_before = ikc_claims(scenario, weights, reference), ikc_claims(base, weights, reference)
    if abs(claims_after - claims_before) > 1e-9 and (paid := ikc_pro_rata(scenario_cfg or cfg, reference)) is not None:
        result.ikc_claims_meur_per_year, result.ikc_budget_meur_per_year, result.ikc_pro_rata_pct = paid
        result.paid_pro_rata = paid[2] is not None
    # Per neighbour, figures that tell measures apart. (The cost per €/MWh of volume-weighted
    # narrowing over every modelled sector is the modelled volume for any measure that changes only
    # the Dutch bill: the same figure for all.) The cost per €/MWh closed in the sectors the measure
    # reaches, and the share of the gaps where NL is dearer that it closes, counting the narrowing
    # only down to parity.
    for cc in table.filter(pl.col("country") != reference)["country"].unique(maintain_order=True).to_list():
        rows = [r for r in table.filter((pl.col("country") == cc) & pl.col("sector").is_in(sectors)).iter_rows(named=True)]
        if not rows or any(r["gap_change_eur_per_mwh"] is None for r in rows) or result.meur_per_year is None:
            result.per_gap_closed[cc] = result.share_closed_pct[cc] = None
            continue
        reached = [r for r in rows if abs(r["gap_change_eur_per_mwh"]) > 1e-6]
        w = sum(weights[r["sector"]] for r in reached)
        narrowing = -sum(r["gap_change_eur_per_mwh"] * weights[r["sector"]] for r in reached) / w if w else 0.0
        result.per_gap_closed[cc] = result.meur_per_year / narrowing if narrowing > 1e-6 else None
        open_gap = sum(max(r["gap_before_eur_per_mwh"] or 0.0, 0.0) * weights[r["sector"]] for r in rows)
        closed = sum(min(max(-r["gap_change_eur_per_mwh"], 0.0), max(r["gap_before_eur_per_mwh"] or 0.0, 0.0)) * weights[r["sector"]] for r in rows)
        result.share_closed_pct[cc] = closed / open_gap * 100 if open_gap else None
    return result
