"""What a sweep's rows say: the notes beside them (a budget's binding share, clipped draws, lines
held or left out), which parameters can reach which gap, the summary and tornado the command
prints, and the rows in long form for a tidy analysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import plan_sector
from speelveld.core.sweep import Link, Vary
from speelveld.said import said

if TYPE_CHECKING:
    from speelveld.core.sweep import SweepPlan

TORNADO_DRAWS = 200_000


def sweep_notes(results: pl.LazyFrame | pl.DataFrame, plan: SweepPlan, left_out: list[tuple[str, str, str, str]]) -> dict:
    """What a reader of a sweep must know beside its numbers, as data (the terminal words it; the
    manifest and `sv.sweep_notes` carry it): per country the share of scenarios in which a
    compensation budget binds (every claim paid pro rata), per normal draw the share cut to what
    its field allows, and the lines held at their central value or left out."""
    frame = results.collect() if isinstance(results, pl.LazyFrame) else results
    binding = {name.split("|", 1)[1]: round(float((frame[name] > 1e-9).mean() or 0.0) * 100, 3) for name in frame.columns if name.startswith("budget_cut_eur_per_mwh|")}
    return {
        "budget_binding_pct": binding,
        "clipped_pct": {v.given: round(v.clipped_pct, 3) for v in plan.varies if v.clipped_pct >= 0.005},
        "held_at_central": [f"{cc} {key}" for cc, _, state, key in left_out if state == "band"],
        "left_out": [f"{cc} {key}" for cc, _, state, key in left_out if state != "band"],
    }


def reaches(cfg: YearConfig, sector: str, countries: list[str], reference: str, varies: list[Vary], links: list[Link] = ()) -> dict[tuple[str, str], bool]:
    """Whether a varied parameter (or a parameter linked to it) enters the gap of each country: a
    tornado swing for a parameter that cannot move a gap is sampling noise, and shown as 0."""
    plan = plan_sector(cfg, sector, [reference] + [c for c in countries if c != reference], frozenset(v.path for v in varies))
    # the sweep's gap is the electricity gap: a parameter of the direct CO2 lines does not reach it
    uses = {cc: {p for ln in lines if ln.subtotal == "electricity" for p in ln.inputs} for cc, lines in plan.lines.items()}
    out = {}
    for v in varies:
        paths = {v.path} | {link.target for link in links if link.source == v.path}
        for cc in countries:
            # the gap is reference − country: a parameter reaches it through a line of either side
            out[(v.path, cc)] = bool(paths & (uses.get(cc, set()) | uses.get(reference, set())))
    return out


def left_out_lines(cfg: YearConfig, sector: str, countries: list[str], reference: str, varied: set[str]) -> list[tuple[str, str, str, str]]:
    """The lines of the sector that rest on an uncertain figure the sweep does not vary: a figure
    with a band (an estimate's range, a bounded unknown) is held at its central value, an unknown
    without bounds is left out of every scenario. (country, line label, "band" or "left out", line key)."""
    plan = plan_sector(cfg, sector, [reference] + [c for c in countries if c != reference])
    out = []
    for cc, lines in plan.lines.items():
        for ln in lines:
            if ln.subtotal != "electricity":
                continue  # the sweep's gap is the electricity gap
            # an unknown sector volume only leaves that sector's claims out of a budget's total: not a line left out
            unknown = [cfg.params[p] for p in ln.inputs if p in cfg.params and p not in varied and not p.endswith(".sector_electricity_mwh")
                       and (cfg.params[p].value is None or cfg.params[p].bounded and cfg.params[p].high > cfg.params[p].low)]
            if unknown:
                state = "band" if all(p.central is not None for p in unknown) else "left out"
                out.append((cc, ln.label, state, ln.key))
    return out


def summarise(results: pl.LazyFrame | pl.DataFrame, varies: list[Vary], countries: list[str], reach: dict[tuple[str, str], bool] | None = None,
              metric: str = "gap_eur_per_mwh") -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per country the distribution of the gap, and a tornado: how far each varied parameter
    moves the gap (spread of the mean gap across the parameter's values or deciles).

    The draws are read once: every country's statistics in one pass, every parameter's decile in
    one pass (polars ranks the columns in parallel), then per parameter one grouping that gives
    the mean gap of every country (a query per parameter and country re-ranked the column each
    time: half of `sweep --bands`, 10.6 s for a million draws)."""
    frame = results.collect() if isinstance(results, pl.LazyFrame) else results
    columns = {cc: f"{metric}|{cc}" for cc in countries}
    stats = frame.select(
        [e for cc, name in columns.items() for e in (
            pl.col(name).min().alias(f"{cc}|min"),
            pl.col(name).quantile(0.05, "linear").alias(f"{cc}|p5"),
            pl.col(name).median().alias(f"{cc}|median"),
            pl.col(name).quantile(0.95, "linear").alias(f"{cc}|p95"),
            pl.col(name).max().alias(f"{cc}|max"),
            pl.col(name).mean().alias(f"{cc}|mean"),
            ((pl.col(name) > 0).mean() * 100).alias(f"{cc}|share_positive_pct"),
        )]
    ).row(0, named=True)
    fields = ("min", "p5", "median", "p95", "max", "mean", "share_positive_pct")
    dist = pl.DataFrame([{"country": cc, **{f: stats[f"{cc}|{f}"] for f in fields}} for cc in countries],
                        schema={"country": pl.String, **{f: pl.Float64 for f in fields}})
    # The tornado's means per decile from the first TORNADO_DRAWS draws when the draws are random
    # (independent rows: the first 200,000 are a sample like any other; 20,000 per decile put the
    # mean within about 0.1 €/MWh for a gap that spreads by 10): the ranks cost a sort per parameter
    sample = frame.head(TORNADO_DRAWS) if frame.height > TORNADO_DRAWS and not any(v.is_grid for v in varies) else frame
    groups = sample.select(
        [(pl.col(v.path) if v.is_grid else (pl.col(v.path).rank("ordinal") * 10 // (pl.len() + 1)).cast(pl.UInt8)).alias(f"_g{i}") for i, v in enumerate(varies)]
        + [pl.col(name) for name in columns.values()]
    )
    rows = []
    for i, v in enumerate(varies):
        means = groups.group_by(f"_g{i}").agg([pl.col(name).mean() for name in columns.values()])
        swings = means.select([(pl.col(name).max() - pl.col(name).min()).alias(cc) for cc, name in columns.items()]).row(0, named=True)
        for cc in countries:
            moved = reach is None or reach.get((v.path, cc), True)
            rows.append({"parameter": v.given, "country": cc, "swing_eur_per_mwh": swings[cc] if moved else 0.0})
    tornado = pl.DataFrame(rows, schema={"parameter": pl.String, "country": pl.String, "swing_eur_per_mwh": pl.Float64})
    return dist, tornado.sort("swing_eur_per_mwh", descending=True, nulls_last=True)


GRID_MAX_VALUES = 20  # a parameter column with this few distinct values is a grid (its own values), else draws (deciles)


def long_layout(results: pl.LazyFrame | pl.DataFrame) -> pl.LazyFrame:
    """A sweep's rows in long form: one row per scenario and country (scenario, the varied
    parameters, country, then each per-country column without its `|CC`), for a tidy analysis.
    Lazy, one `select` per country concatenated: the obvious unpivot and pivot of ten million rows
    took 55 s and 16 GB, this 5 s and a quarter of a GB (trial of 6 December)."""
    lf = results.lazy()
    names = lf.collect_schema().names()
    per_country = [n for n in names if "|" in n]
    shared = [n for n in names if "|" not in n]
    countries = list(dict.fromkeys(n.split("|", 1)[1] for n in per_country))
    measures = list(dict.fromkeys(n.split("|", 1)[0] for n in per_country))
    parts = []
    for cc in countries:
        columns = [pl.col(f"{m}|{cc}").alias(m) if f"{m}|{cc}" in names else pl.lit(None, pl.Float64).alias(m) for m in measures]
        parts.append(lf.select([*map(pl.col, shared), pl.lit(cc).alias("country"), *columns]))
    return pl.concat(parts, how="vertical")


def summarise_rows(results: pl.LazyFrame | pl.DataFrame, metric: str = "gap_eur_per_mwh") -> tuple[pl.DataFrame, pl.DataFrame]:
    """`summarise` for a sweep's rows alone (a notebook's frame, a Parquet or CSV file): the
    countries are the columns ``metric|CC``, the parameters the other columns but the scenario's
    number; a parameter with at most GRID_MAX_VALUES distinct values counts as a grid, any other
    as draws (the tornado takes its deciles)."""
    frame = results.collect() if isinstance(results, pl.LazyFrame) else results
    countries = [n.split("|", 1)[1] for n in frame.columns if n.startswith(metric + "|")]
    if not countries:
        raise ValueError(said("summarise_needs_metric", metric=metric))
    parameters = [n for n in frame.columns if "|" not in n and n != "scenario"]
    varies = [Vary(path=n, given=n, values=tuple(frame[n].unique().sort().to_list()) if frame[n].n_unique() <= GRID_MAX_VALUES else None,
                   dist=None if frame[n].n_unique() <= GRID_MAX_VALUES else "uniform") for n in parameters]
    return summarise(frame, varies, countries, None, metric)

