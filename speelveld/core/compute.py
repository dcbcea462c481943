"""Assemble cost lines into results: per line, per country total, and the gap to the reference.

Gap conventions (reference NL by default, compared country X):
- ``gap_eur_per_mwh = total_NL − total_X``: positive means NL is dearer;
- ``ref_dearer_pct = (NL − X) ÷ X × 100``: "NL is p % more expensive than X";
- ``other_cheaper_pct = (NL − X) ÷ NL × 100``: "X is p % cheaper than NL".
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from speelveld.config.model import QUALITY_RANK, Quality
from speelveld.config.resolved import YearConfig
from speelveld.core.bands import Bands, compute_bands, uncertain_inputs
from speelveld.core.context import Ctx
from speelveld.core.lines import Line, build_lines, has_gas
from speelveld.said import said

SEP = "|"


def col(sector: str, country: str, key: str, tag: str = "") -> str:
    return f"{tag}{sector}{SEP}{country}{SEP}{key}"


@dataclass
class SectorPlan:
    """The expressions for one sector across countries, before evaluation."""

    sector: str
    consumption: pl.Expr
    sector_mwh: pl.Expr | None
    lines: dict[str, list[Line]]  # country -> lines
    inputs: frozenset[str] = frozenset()  # every parameter the expressions read
    tag: str = ""  # prefix of the output columns, to evaluate two configs on one frame
    gas_mwh: pl.Expr | None = None  # the plant's gas use (fuel + feedstock), when gas lines are computed
    shared: dict[str, pl.Expr] = dataclasses.field(default_factory=dict)  # columns the lines read, computed first

    def col(self, country: str, key: str) -> str:
        return col(self.sector, country, key, self.tag)


def plan_sector(
    cfg: YearConfig,
    sector: str,
    countries: Iterable[str],
    varied: frozenset[str] = frozenset(),
    columns: dict[str, str] | None = None,
    tag: str = "",
    gas: bool = False,
) -> SectorPlan:
    ctx = Ctx(cfg.params, varied, columns=columns or {}, refs=cfg.refs, prefix=tag)
    model = cfg.sectors[sector]
    countries = list(countries)
    # gas only where every country compared has gas figures: a gas gap needs both sides
    gas = gas and all(has_gas(cfg.countries[cc], model) for cc in countries)
    lines = {cc: build_lines(ctx, cfg.year, cfg.eu, cfg.countries[cc], model, gas=gas, sectors=cfg.sectors) for cc in countries}
    ctx.take_used()
    consumption = ctx.field(model, "consumption_mwh")
    sector_mwh = ctx.field(model, "sector_electricity_mwh") if model.sector_electricity_mwh is not None else None
    gas_mwh = None
    if gas:
        parts = [ctx.field(model, f) for f in ("gas_fuel_mwh", "gas_feedstock_mwh") if getattr(model, f) is not None]
        gas_mwh = parts[0] if len(parts) == 1 else parts[0] + parts[1]
    used = {p for ls in lines.values() for ln in ls for p in ln.inputs} | set(ctx.take_used())
    ctx.take_conditions()
    return SectorPlan(sector, consumption, sector_mwh, lines, frozenset(used), tag, gas_mwh, dict(ctx.shared))


def line_exprs(plan: SectorPlan) -> list[pl.Expr]:
    return [
        line.expr.cast(pl.Float64).alias(plan.col(cc, line.key))
        for cc, lines in plan.lines.items()
        for line in lines
    ]


def condition_exprs(plan: SectorPlan) -> list[pl.Expr]:
    """1.0 where a line's conditional input counts (its tariff variant applies), else 0.0: read
    once, at the central values, for the line's quality flag."""
    return [
        holds.cast(pl.Float64).alias(condition_column(plan, cc, line, i))
        for cc, lines in plan.lines.items()
        for line in lines
        for i, (_, holds) in enumerate(line.conditional)
    ]


def condition_column(plan: SectorPlan, cc: str, line: Line, i: int) -> str:
    return plan.col(cc, f"{line.key}|if{i}")


def total_exprs(plan: SectorPlan) -> list[pl.Expr]:
    """Per country: the electricity price (gross before reliefs, and net: the headline total),
    the direct CO2 costs beside it, both together, and the count of unknown lines."""
    exprs: list[pl.Expr] = []
    for cc, lines in plan.lines.items():
        c = functools.partial(plan.col, cc)
        electricity = [pl.col(c(ln.key)) for ln in lines if ln.subtotal == "electricity"]
        gross = [pl.col(c(ln.key)) for ln in lines if ln.subtotal == "electricity" and not ln.relief]
        co2 = [pl.col(c(ln.key)) for ln in lines if ln.subtotal == "direct_co2"]
        every = [pl.col(c(ln.key)) for ln in lines]
        exprs += [
            _sum(gross).alias(c("gross")),
            _sum(electricity).alias(c("total")),
            _sum(co2).alias(c("direct_co2")),
            pl.sum_horizontal([c.is_null().cast(pl.Int32) for c in every]).alias(c("unknown_lines")),
        ]
        if plan.gas_mwh is not None:
            exprs.append(_sum([pl.col(c(ln.key)) for ln in lines if ln.subtotal == "gas"]).alias(c("gas")))
    return exprs


def per_mwh_exprs(plan: SectorPlan) -> list[pl.Expr]:
    q = plan.consumption
    exprs = [(pl.col(plan.col(cc, name)) / q).alias(plan.col(cc, f"{name}_eur_per_mwh")) for cc in plan.lines for name in ("gross", "total", "direct_co2")]
    exprs += [((pl.col(plan.col(cc, "total")) + pl.col(plan.col(cc, "direct_co2"))) / q).alias(plan.col(cc, "all_in")) for cc in plan.lines]
    if plan.gas_mwh is not None:
        exprs += [(pl.col(plan.col(cc, "gas")) / plan.gas_mwh).alias(plan.col(cc, "gas_eur_per_mwh")) for cc in plan.lines]
        exprs += [(pl.col(plan.col(cc, "total")) + pl.col(plan.col(cc, "gas"))).alias(plan.col(cc, "energy_eur_per_year")) for cc in plan.lines]
    return exprs


def _sum(columns: list[pl.Expr]) -> pl.Expr:
    # An unknown line is left out of the central total (its band says what it may add).
    return pl.sum_horizontal(columns) if columns else pl.lit(0.0, pl.Float64)


def gap_exprs(plan: SectorPlan, reference: str) -> list[pl.Expr]:
    out = []
    q = plan.consumption
    ref_total = pl.col(plan.col(reference, "total"))
    ref_co2 = pl.col(plan.col(reference, "direct_co2"))
    for cc in plan.lines:
        total = pl.col(plan.col(cc, "total"))
        gap = ref_total - total
        out += [
            (gap / q).alias(plan.col(cc, "gap_eur_per_mwh")),
            gap.alias(plan.col(cc, "gap_eur_per_year")),
            (gap / total * 100).alias(plan.col(cc, "ref_dearer_pct")),
            (gap / ref_total * 100).alias(plan.col(cc, "other_cheaper_pct")),
            ((ref_co2 - pl.col(plan.col(cc, "direct_co2"))) / q).alias(plan.col(cc, "direct_co2_gap_eur_per_mwh")),
        ]
        if plan.sector_mwh is not None:
            out.append((gap / q * plan.sector_mwh / 1e6).alias(plan.col(cc, "sector_gap_meur_per_year")))
        if plan.gas_mwh is not None:
            ref_gas, gas = pl.col(plan.col(reference, "gas")), pl.col(plan.col(cc, "gas"))
            out += [
                ((ref_gas - gas) / plan.gas_mwh).alias(plan.col(cc, "gas_gap_eur_per_mwh")),
                ((ref_total + ref_gas - total - gas) / 1e6).alias(plan.col(cc, "energy_gap_meur_per_year")),
            ]
    return out


def evaluate(frame: pl.DataFrame | pl.LazyFrame, plans: list[SectorPlan], reference: str) -> pl.LazyFrame:
    """Add every line, total and gap column to a frame of scenarios (one row per scenario)."""
    lf = frame.lazy()
    shared = {name: e for p in plans for name, e in p.shared.items()}
    if shared:
        lf = lf.with_columns(list(shared.values()))
    lf = lf.with_columns([e for p in plans for e in line_exprs(p)])
    lf = lf.with_columns([e for p in plans for e in total_exprs(p)])
    lf = lf.with_columns([e for p in plans for e in per_mwh_exprs(p)])
    lf = lf.with_columns([e for p in plans for e in gap_exprs(p, reference)])
    return lf


# Outputs of a sector and country that get a band (besides every line).
BANDED = ("gross_eur_per_mwh", "total_eur_per_mwh", "direct_co2_eur_per_mwh", "all_in", "gap_eur_per_mwh", "direct_co2_gap_eur_per_mwh", "sector_gap_meur_per_year",
          "ref_dearer_pct", "other_cheaper_pct")


GAS_BANDED = ("gas_eur_per_mwh", "gas_gap_eur_per_mwh", "energy_gap_meur_per_year")


def band_outputs(plan: SectorPlan) -> list[str]:
    names = [plan.col(cc, ln.key) for cc, lines in plan.lines.items() for ln in lines]
    for cc in plan.lines:
        names += [plan.col(cc, n) for n in BANDED if n != "sector_gap_meur_per_year" or plan.sector_mwh is not None]
        if plan.gas_mwh is not None:
            names += [plan.col(cc, n) for n in GAS_BANDED]
    return names


# For frames of a few hundred rows, planning dominates: common-subexpression elimination over
# thousands of line expressions costs more than it saves (measured: 0.65 s against 0.40 s for
# every sector of a price year). Sweeps of millions of rows keep the default.
FEW_ROWS = pl.QueryOptFlags(comm_subexpr_elim=False)


def sector_volume(cfg: YearConfig, sector: str):
    """The sector's electricity use (the whole sector's, not the plant's) as a parameter, or None
    where the sector's file gives none; its ``central`` is None where the volume is unknown."""
    model = cfg.sectors.get(sector)
    return cfg.param_of(model, "sector_electricity_mwh") if model is not None and model.sector_electricity_mwh is not None else None


def uncertain_paths(cfg: YearConfig) -> frozenset[str]:
    return frozenset(path for path, p in cfg.params.items() if p.uncertain)


@dataclass
class Comparison:
    """The result of one run: long tables that reports pivot as they need.

    Every line and total has a central value and a band [low, high] (see ``core.bands``); a
    side of a band is ±inf when an unknown without bounds leaves it open."""

    year: int
    reference: str
    countries: list[str]
    sectors: list[str]
    lines: pl.DataFrame = dataclasses.field(repr=False)  # sector, country, family, subtotal, key, label, relief, eur_per_year, eur_per_mwh, low/high, quality, inputs
    totals: pl.DataFrame = dataclasses.field(repr=False)  # sector, country, electricity/direct CO2 totals and gaps with their bands, completeness
    bands: Bands | None = dataclasses.field(default=None, repr=False)
    projection: bool = False  # the year is a projection (configs/projections/)


# Results by the content of their inputs (the resolved config's hash, sectors, countries,
# reference): a command computes the same comparison for its warnings, its table and its staleness
# ranking, and the test suite computes each shipped year many times. The result's frames are
# immutable; each caller gets its own Comparison object.
_RESULTS: dict[tuple, Comparison] = {}


def compare(cfg: YearConfig, sectors: list[str] | str, countries: list[str] | str | None = None, reference: str = "NL", gas: bool = False,
            bands: bool = True) -> Comparison:
    """Compute every sector in every country, the gap to ``reference``, and the band of each;
    with ``gas`` also the natural gas lines, their subtotal and gap, and the total-energy gap.
    ``sectors`` may be one name or 'all'; ``countries`` one code, or None for every other country.
    ``bands=False``: central values only (each band is its central value), for callers that
    read no band; an unknown stays left out as it is in the central values."""
    # as the command line takes them: one name, "a,b", or "all" (alone or in a list)
    if isinstance(sectors, str):
        sectors = [x.strip() for x in sectors.split(",") if x.strip()]
    if "all" in sectors:
        sectors = sorted(cfg.sectors)
    if isinstance(countries, str):
        countries = [x.strip().upper() for x in countries.split(",") if x.strip()]
    if countries is None or "ALL" in [c.upper() for c in countries]:
        countries = [c for c in sorted(cfg.countries) if c != reference]
    for kind, given, available in (("sector", sectors, cfg.sectors), ("country", [*countries, reference], cfg.countries)):
        unknown = [x for x in given if x not in available]
        if unknown:
            raise ValueError(said({"sector": "unknown_sectors_in_year", "country": "unknown_countries_in_year"}[kind],
                                  given=", ".join(unknown), year=cfg.year, available=", ".join(sorted(available))))
    key = ("compare", cfg.resolved_hash(), cfg.year, tuple(sectors), tuple(countries), reference, gas, bands)
    return dataclasses.replace(kept(_RESULTS, key, lambda: _compare(cfg, sectors, countries, reference, gas, bands), limit=128))


# Where results may also be kept across processes: a callable (key, compute) -> result. None: in
# this process only. tests/conftest.py installs one that the parallel workers of a run share.
RESULT_STORE = None


def kept(cache: dict, key: tuple, compute, limit: int):
    """``compute()`` once per ``key`` (a tuple naming the computation and the resolved configs):
    kept in ``cache``, which is emptied when it holds more than ``limit`` results, and in
    RESULT_STORE where one is installed. Callers hand out copies, never the kept result."""
    if key not in cache:
        if len(cache) > limit:
            cache.clear()
        cache[key] = RESULT_STORE(key, compute) if RESULT_STORE is not None else compute()
    return cache[key]


def _compare(cfg: YearConfig, sectors: list[str], countries: list[str], reference: str, gas: bool = False, bands: bool = True) -> Comparison:
    if reference not in countries:
        countries = [reference] + countries
    varied = uncertain_paths(cfg) if bands else frozenset()
    plans = {s: plan_sector(cfg, s, countries, varied, gas=gas) for s in sectors}
    conditions = {s: [e.meta.output_name() for e in condition_exprs(p)] for s, p in plans.items()}
    outputs = [name for s, p in plans.items() for name in band_outputs(p) + conditions[s]]
    inputs = uncertain_inputs(cfg.params, {path for p in plans.values() for path in p.inputs})

    run = sector_runner(plans, reference, {s: band_outputs(p) + conditions[s] for s, p in plans.items()}, condition_exprs)
    bands = compute_bands(run, inputs, outputs)
    return assemble(cfg, plans, bands, countries, sectors, reference)


def sector_runner(plans: dict[str, SectorPlan], reference: str, outputs: dict[str, list[str]], extra=None):
    """The evaluation a band computation calls: a frame of input values in, the ``outputs`` of
    every sector out (``extra(plan)``: columns to add before selecting them). One query per sector:
    planning grows faster than the number of expressions, so nine small queries cost less than one
    of all sectors (measured: 0.30 s against 0.42 s)."""

    def run(frame: pl.DataFrame, wanted: set[str] | None = None) -> pl.DataFrame:
        parts = []
        for s, p in plans.items():
            names = outputs[s] if wanted is None else [n for n in outputs[s] if n in wanted]
            if not names:
                continue
            lf = evaluate(frame, [p], reference)
            if extra is not None:
                lf = lf.with_columns(extra(p))
            parts.append(lf.select(names).collect(optimizations=FEW_ROWS))
        return pl.concat(parts, how="horizontal") if parts else frame.select([])

    run.selective = True  # compute_bands may ask for some outputs only: the sectors that hold them
    return run


def assemble(cfg: YearConfig, plans: dict[str, SectorPlan], bands: Bands, countries: list[str], sectors: list[str], reference: str) -> Comparison:
    """The long tables of a comparison from its evaluated bands."""
    line_rows, total_rows = [], []
    for s, plan in plans.items():
        model = cfg.sectors[s]
        q = cfg.param_of(model, "consumption_mwh").value
        gas_q = None
        if plan.gas_mwh is not None:
            gas_q = sum(cfg.param_of(model, f).central or 0.0 for f in ("gas_fuel_mwh", "gas_feedstock_mwh") if getattr(model, f) is not None)
        missing: dict[str, list[str]] = {}
        for cc, lines in plan.lines.items():
            for ln in lines:
                name = plan.col(cc, ln.key)
                v = bands.central[name]
                lo, hi = bands.band(name)
                per = gas_q if ln.subtotal == "gas" and gas_q else q  # gas lines per MWh of gas
                quality = _line_quality(cfg, ln, v, lo, hi, _not_applying(bands, plan, cc, ln))
                if v is None and (lo == -math.inf or hi == math.inf):
                    missing.setdefault(cc, []).append(ln.key)
                line_rows.append(
                    {
                        "sector": s,
                        "country": cc,
                        "family": ln.family,
                        "subtotal": ln.subtotal,
                        "key": ln.key,
                        "label": ln.label,
                        "relief": ln.relief,
                        "eur_per_year": v,
                        "eur_per_mwh": None if v is None else v / per,
                        "low_eur_per_mwh": _finite(lo / per),
                        "high_eur_per_mwh": _finite(hi / per),
                        "bounded": not (math.isnan(lo) or math.isinf(lo) or math.isinf(hi)),
                        "quality": quality.value,
                        "inputs": list(ln.inputs),
                        "policy": _policy_of(cfg, cc, ln.key),
                    }
                )
        for cc in plan.lines:
            g = functools.partial(_central, bands, plan, cc)
            total, ref_total, gap = g("total_eur_per_mwh"), g("total_eur_per_mwh", reference), g("gap_eur_per_mwh")
            gap_band = bands.band(plan.col(cc, "gap_eur_per_mwh"))
            own_band = bands.band(plan.col(cc, "total_eur_per_mwh"))
            if cc == reference:
                # The gap of the reference to itself is exactly 0; its completeness is its own total's.
                bound, gap_band = "exact", (0.0, 0.0)
                complete = all(map(math.isfinite, own_band))
            else:
                bound = gap_bound(*gap_band)
                complete = bound == "exact"
            smwh = g("sector_gap_meur_per_year") if plan.sector_mwh is not None else None
            row = {
                "sector": s,
                "country": cc,
                "consumption_mwh": q,
                "gross_eur_per_mwh": g("gross_eur_per_mwh"),
                "gross_eur_per_year": g("gross_eur_per_mwh") * q,
                "total_eur_per_mwh": total,
                "total_eur_per_year": total * q,
                "total_low_eur_per_mwh": _finite(own_band[0]),
                "total_high_eur_per_mwh": _finite(own_band[1]),
                "electricity_eur_per_mwh": total,
                "direct_co2_eur_per_mwh": g("direct_co2_eur_per_mwh"),
                "direct_co2_low_eur_per_mwh": _finite(bands.band(plan.col(cc, "direct_co2_eur_per_mwh"))[0]),
                "direct_co2_high_eur_per_mwh": _finite(bands.band(plan.col(cc, "direct_co2_eur_per_mwh"))[1]),
                "unknown_lines": 0,
                "missing_lines": list(missing.get(cc, [])),
                "gap_eur_per_mwh": gap,
                "gap_eur_per_year": gap * q,
                "gap_low_eur_per_mwh": _finite(gap_band[0]),
                "gap_high_eur_per_mwh": _finite(gap_band[1]),
                "gap_bound": bound,
                "complete": complete,
                "direct_co2_gap_eur_per_mwh": g("direct_co2_gap_eur_per_mwh"),
                "ref_dearer_pct": None if not total else (ref_total - total) / total * 100,
                "other_cheaper_pct": None if not ref_total else (ref_total - total) / ref_total * 100,
                **_pct_bands(bands, plan, cc, reference),
                "sector_gap_meur_per_year": smwh,
            }
            if plan.gas_mwh is not None:
                gas_band, gas_gap_band, energy_band = (bands.band(plan.col(cc, n)) for n in GAS_BANDED)
                row |= {
                    "gas_mwh": gas_q,
                    "gas_eur_per_mwh": g("gas_eur_per_mwh"),
                    "gas_low_eur_per_mwh": _finite(gas_band[0]),
                    "gas_high_eur_per_mwh": _finite(gas_band[1]),
                    "gas_eur_per_year": None if g("gas_eur_per_mwh") is None else g("gas_eur_per_mwh") * gas_q,
                    "gas_gap_eur_per_mwh": 0.0 if cc == reference else g("gas_gap_eur_per_mwh"),
                    "gas_gap_low_eur_per_mwh": 0.0 if cc == reference else _finite(gas_gap_band[0]),
                    "gas_gap_high_eur_per_mwh": 0.0 if cc == reference else _finite(gas_gap_band[1]),
                    "gas_gap_bound": "exact" if cc == reference else gap_bound(*gas_gap_band),
                    "energy_gap_meur_per_year": 0.0 if cc == reference else g("energy_gap_meur_per_year"),
                    "energy_gap_low_meur_per_year": 0.0 if cc == reference else _finite(energy_band[0]),
                    "energy_gap_high_meur_per_year": 0.0 if cc == reference else _finite(energy_band[1]),
                }
            total_rows.append(row)
    lines_df = pl.DataFrame(
        line_rows,
        schema_overrides={k: pl.Float64 for k in ("eur_per_year", "eur_per_mwh", "low_eur_per_mwh", "high_eur_per_mwh")} | {"policy": pl.String},
    )
    unknown = (
        lines_df.group_by("sector", "country").agg((pl.col("quality") == "unknown").sum().cast(pl.Int64).alias("n"))
        if lines_df.height
        else None
    )
    counts = {(r["sector"], r["country"]): r["n"] for r in unknown.iter_rows(named=True)} if unknown is not None else {}
    for row in total_rows:
        row["unknown_lines"] = counts.get((row["sector"], row["country"]), 0)
    keys = list(dict.fromkeys(k for row in total_rows for k in row))
    float_cols = [k for k in keys if k.endswith(("_mwh", "_year", "_pct")) and k != "consumption_mwh"]
    totals_df = pl.DataFrame(total_rows, schema_overrides={k: pl.Float64 for k in float_cols} | {"missing_lines": pl.List(pl.String)})
    return Comparison(cfg.year, reference, countries, sectors, lines_df, totals_df, bands, cfg.projection)


def _pct_bands(bands: Bands, plan: SectorPlan, country: str, reference: str) -> dict[str, float | None]:
    """Bands of the two percentages, computed by the engine like every other output (so inputs the
    two totals share, and co-moving prices, count once); 0 for the reference against itself."""
    if country == reference:
        return {k: 0.0 for k in ("ref_dearer_low_pct", "ref_dearer_high_pct", "other_cheaper_low_pct", "other_cheaper_high_pct")}
    dearer, cheaper = bands.band(plan.col(country, "ref_dearer_pct")), bands.band(plan.col(country, "other_cheaper_pct"))
    return {
        "ref_dearer_low_pct": _finite(dearer[0]), "ref_dearer_high_pct": _finite(dearer[1]),
        "other_cheaper_low_pct": _finite(cheaper[0]), "other_cheaper_high_pct": _finite(cheaper[1]),
    }


def gap_bound(low: float, high: float) -> str:
    """``exact``: the gap lies in [low, high]; ``lower``: it is at least low (the reference side
    misses a cost, or the other side a relief); ``upper``: at most high; ``none``: open both ways."""
    if math.isnan(low) or math.isnan(high):
        return "none"
    if math.isfinite(low) and math.isfinite(high):
        return "exact"
    if math.isfinite(low):
        return "lower"
    if math.isfinite(high):
        return "upper"
    return "none"


def _central(bands: Bands, plan: SectorPlan, country: str, name: str, other: str | None = None) -> float | None:
    return bands.central.get(plan.col(other or country, name))


def _policy_of(cfg: YearConfig, country: str, key: str) -> str | None:
    """The label of the policy decision of this price year that changes the line, if any."""
    for change in cfg.countries[country].policy_changes:
        if change.covers(key):
            return _decision(cfg, country, change)
    return None


def _decision(cfg: YearConfig, country: str, change, english: bool = False) -> str:
    label = (change.label_en or change.label) if english else change.label
    source = cfg.countries[country].sources.get(change.source) if change.source else None
    return f"{label} ({source.title})" if source is not None else label


def policy_words(*cfgs: YearConfig) -> dict[str, str]:
    """Each policy decision as the comparison's lines name it, with its English where the config
    gives one (the lines carry the config's own label; a report in English words it so)."""
    return {_decision(cfg, cc, change): _decision(cfg, cc, change, english=True)
            for cfg in cfgs for cc, country in cfg.countries.items() for change in country.policy_changes}


def _finite(x: float) -> float | None:
    return float(x) if math.isfinite(x) else None


def _not_applying(bands: Bands, plan: SectorPlan, cc: str, line: Line) -> set[str]:
    """The line's conditional inputs whose every case is off at the central values (a tariff
    variant that does not apply); an unevaluated case counts as on."""
    on: dict[str, bool] = {}
    for i, (path, _) in enumerate(line.conditional):
        held = bands.central.get(condition_column(plan, cc, line, i), 1.0)
        on[path] = on.get(path, False) or held is None or held != 0.0
    return {path for path, holds in on.items() if not holds}


def _line_quality(cfg: YearConfig, line: Line, value: float | None, low: float = math.nan, high: float = math.nan, skip: set[str] = frozenset()) -> Quality:
    if value is None:
        return Quality.unknown
    varies = math.isfinite(low) and math.isfinite(high) and high - low > 1e-9 * max(1.0, abs(value))
    worst = Quality.published
    for path in line.inputs:
        if path.startswith("sectors.") or path in skip:
            # archetype figures are assumptions by design and the same in every country; the rates of
            # a tariff variant that does not apply decide nothing
            continue
        param = cfg.params[path]
        if param.value is None:
            if param.bounded and varies:
                return Quality.unknown  # a bounded unknown: the line has a band, not a figure
            continue  # the line has a value, so this unknown did not decide it (e.g. an unmet condition)
        q = param.quality
        if QUALITY_RANK[q] > QUALITY_RANK[worst]:
            worst = q
    return worst
