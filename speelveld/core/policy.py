"""The standard policy check: every sector, base against scenario, the change in each gap.

A change is computed from the base and the scenario evaluated together on one frame of input
values, so that its band is the range of (after − before) with every uncertain input anywhere in
its range, the same value on both sides. A change that depends on an unknown without bounds is
open on that side: it is reported as unknown with the inputs that leave it open, never as 0.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.bands import Bands, compute_bands, uncertain_inputs
from speelveld.core.compute import (
    FEW_ROWS,
    Comparison,
    assemble,
    band_outputs,
    evaluate,
    gap_bound,
    kept,
    plan_sector,
    sector_volume,
    uncertain_paths,
)


@dataclass
class PolicyCheck:
    base: Comparison
    scenario: Comparison
    table: pl.DataFrame  # sector, country, gaps before/after, changes with bands and what leaves them open
    # what the reference country's plants pay less in all, over the sectors with a known volume
    # (M€/yr): central, low, high, as one output of the band computation, so that its ends are
    # each one set of inputs (sectors that share a compensation budget move against each other)
    state_cost: tuple[float, float, float] | None = None


STATE_COST = "state_cost_meur_per_year"


# Changes per sector and country: (output name, before column, after column).
_CHANGES = {
    "gap_change": "gap_eur_per_mwh",
    "direct_co2_gap_change": "direct_co2_gap_eur_per_mwh",
    "cost_change": "all_in",  # electricity and direct CO2 together: what the plant pays in all
}


_CHECKS: dict[tuple, PolicyCheck] = {}


def policy_check(base_cfg: YearConfig, scenario_cfg: YearConfig, sectors: list[str], countries: list[str], reference: str = "NL") -> PolicyCheck:
    """The scenario against the base: both comparisons and the change of every gap, each with
    its band (one band computation over both sides, so a shared input moves both together).
    Kept per resolved configs, as `compare` keeps its results."""
    key = (base_cfg.resolved_hash(), scenario_cfg.resolved_hash(), base_cfg.year, tuple(sectors), tuple(countries), reference)
    return dataclasses.replace(kept(_CHECKS, ("policy_check", *key), lambda: _policy_check(base_cfg, scenario_cfg, sectors, countries, reference), limit=32))


def _policy_check(base_cfg: YearConfig, scenario_cfg: YearConfig, sectors: list[str], countries: list[str], reference: str) -> PolicyCheck:
    if reference not in countries:
        countries = [reference] + countries
    varied_a, varied_b = uncertain_paths(base_cfg), uncertain_paths(scenario_cfg)
    # A parameter uncertain on both sides with the same range is one input; a scenario that gives
    # it another range (or a value) makes it a separate input (or none) on the scenario side.
    renamed = {p: f"scenario:{p}" for p in varied_b & varied_a if _range(base_cfg, p) != _range(scenario_cfg, p)}
    plans_a = {s: plan_sector(base_cfg, s, countries, varied_a, tag="a|") for s in sectors}
    plans_b = {s: plan_sector(scenario_cfg, s, countries, varied_b, renamed, tag="b|") for s in sectors}
    change_exprs, change_names = [], []
    for s in sectors:
        for cc in countries:
            for name, column in _CHANGES.items():
                out = f"{s}|{cc}|{name}"
                change_exprs.append((pl.col(plans_b[s].col(cc, column)) - pl.col(plans_a[s].col(cc, column))).alias(out))
                change_names.append(out)
    outputs_a = [n for p in plans_a.values() for n in band_outputs(p)]
    outputs_b = [n for p in plans_b.values() for n in band_outputs(p)]
    outputs = outputs_a + outputs_b + change_names
    inputs = uncertain_inputs(base_cfg.params, {x for p in plans_a.values() for x in p.inputs})
    seen = {u.column for u in inputs}
    inputs += [u for u in uncertain_inputs(scenario_cfg.params, {x for p in plans_b.values() for x in p.inputs}, renamed) if u.column not in seen]

    by_sector = {s: [e for e, n in zip(change_exprs, change_names, strict=True) if n.startswith(f"{s}|")] for s in sectors}
    # The cost to the state: Σ over the sectors with a volume of what their Dutch plants pay less,
    # each at the volume the row gives it (the engine's own volume expression: the budget's pro-rata
    # share is computed with the same volumes, so a corner cannot pay out more than it has). A
    # sector whose volume is only a range adds what it is paid from a shared compensation budget
    # alone: its claims take part of the budget where the row gives it a volume, and what the other
    # sectors lose there, it gains; its other changes are not counted, as at the central value.
    paid_less, state_of = {}, {}
    for s in sectors:
        weight = plans_a[s].sector_mwh
        if weight is None:
            continue  # no volume and no range: its claims are left out of the budget too
        paid_less[s] = f"{s}|{reference}|state_cost"
        if (volume := sector_volume(base_cfg, s)) is not None and volume.central is not None:
            per_mwh = pl.col(f"{s}|{reference}|cost_change")
        else:
            before, after = (_line_col(plans, s, reference, "carbon.compensation") for plans in (plans_a, plans_b))
            per_mwh = (after - before) / plans_a[s].consumption
        state_of[s] = (-per_mwh * weight / 1e6).alias(paid_less[s])
    state_expr = pl.sum_horizontal([pl.col(n) for n in paid_less.values()]).alias(STATE_COST) if paid_less else None
    if state_expr is not None:
        outputs.append(STATE_COST)

    def run(frame: pl.DataFrame, wanted: set[str] | None = None) -> pl.DataFrame:
        # one query per sector (base and scenario together), as in compare
        parts = []
        want_state = state_expr is not None and (wanted is None or STATE_COST in wanted)
        for s in sectors:
            names = band_outputs(plans_a[s]) + band_outputs(plans_b[s]) + [n for n in change_names if n.startswith(f"{s}|")]
            if wanted is not None:
                names = [n for n in names if n in wanted]
            if want_state and s in paid_less:
                names.append(paid_less[s])
            if not names:
                continue
            lf = evaluate(evaluate(frame, [plans_a[s]], reference), [plans_b[s]], reference)
            lf = lf.with_columns(by_sector[s])
            parts.append((lf.with_columns(state_of[s]) if s in state_of else lf).select(names).collect(optimizations=FEW_ROWS))
        joined = pl.concat(parts, how="horizontal") if parts else frame.select([])
        if want_state:
            joined = joined.with_columns(state_expr)
        return joined.select([n for n in outputs if n in joined.columns and (wanted is None or n in wanted)])

    run.selective = True  # compute_bands may ask for some outputs only
    bands = compute_bands(run, inputs, outputs)
    base = assemble(base_cfg, plans_a, bands, countries, sectors, reference)
    after = assemble(scenario_cfg, plans_b, bands, countries, sectors, reference)
    state = (bands.central[STATE_COST], *bands.band(STATE_COST)) if state_expr is not None else None
    return PolicyCheck(base, after, _table(base, after, bands, base_cfg, sectors, countries), state)


def _line_col(plans: dict, sector: str, country: str, key: str) -> pl.Expr:
    """A line's column (€/yr) in a plan, or 0 where the country has no such line for the sector."""
    plan = plans[sector]
    return pl.col(plan.col(country, key)) if any(ln.key == key for ln in plan.lines.get(country, [])) else pl.lit(0.0)


def _range(cfg: YearConfig, path: str) -> tuple:
    p = cfg.params[path]
    return (p.value, p.low, p.high, p.quality)


def _table(base: Comparison, after: Comparison, bands: Bands, cfg: YearConfig, sectors: list[str], countries: list[str]) -> pl.DataFrame:
    keys = ["sector", "country"]
    cols = ["gap_eur_per_mwh", "gap_low_eur_per_mwh", "gap_high_eur_per_mwh", "gap_bound", "direct_co2_gap_eur_per_mwh", "consumption_mwh"]
    b = base.totals.select(keys + cols)
    a = after.totals.select(keys + cols[:-1])
    rows = []
    for r in b.join(a, on=keys, suffix="_after").iter_rows(named=True):
        s, cc = r["sector"], r["country"]
        smwh = sector_volume(cfg, s)
        sector_mwh = smwh.central if smwh is not None else None
        row = {
            "sector": s,
            "country": cc,
            "gap_before_eur_per_mwh": r["gap_eur_per_mwh"],
            "gap_before_low_eur_per_mwh": r["gap_low_eur_per_mwh"],
            "gap_before_high_eur_per_mwh": r["gap_high_eur_per_mwh"],
            "gap_before_bound": r["gap_bound"],
            "gap_after_eur_per_mwh": r["gap_eur_per_mwh_after"],
            "gap_after_low_eur_per_mwh": r["gap_low_eur_per_mwh_after"],
            "gap_after_high_eur_per_mwh": r["gap_high_eur_per_mwh_after"],
            "gap_after_bound": r["gap_bound_after"],
        }
        for name in _CHANGES:
            out = f"{s}|{cc}|{name}"
            lo, hi = bands.band(out)
            bound = gap_bound(lo, hi)
            central = bands.central[out]
            row[f"{name}_eur_per_mwh"] = central if bound == "exact" else None
            row[f"{name}_low_eur_per_mwh"] = lo if math.isfinite(lo) else None
            row[f"{name}_high_eur_per_mwh"] = hi if math.isfinite(hi) else None
            row[f"{name}_bound"] = bound
            row[f"{name}_open_on"] = sorted(path for path, swing in bands.swings(out).items() if math.isinf(swing))
        cost = row["cost_change_eur_per_mwh"]
        row["sector_cost_change_meur_per_year"] = None if cost is None or sector_mwh is None else cost * sector_mwh / 1e6
        rows.append(row)
    return pl.DataFrame(rows, schema_overrides={k: pl.Float64 for k in rows[0] if k.endswith(("_mwh", "_year"))} | {f"{n}_open_on": pl.List(pl.String) for n in _CHANGES})
