"""Sensitivity sweeps: many scenarios as one polars computation.

A sweep varies some parameters; every scenario is one row of a frame and every cost line an
expression over that frame's columns, so a million scenarios are one vectorised query, not a
million runs. The rows are generated lazily from a row index (cartesian product by mixed-radix
decomposition, random draws by a counter-based generator), so a sweep larger than memory can
stream to Parquet.

Random draws use SplitMix64 on (row index, seed, parameter number), computed in polars' wrapping
UInt64 arithmetic: reproducible for a given seed on any machine and polars version.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

import polars as pl

from speelveld.config.checks import allowed_range, hours_in_year, value_problem
from speelveld.config.resolved import YearConfig
from speelveld.config.units import known_unit_field
from speelveld.core.compute import col, evaluate, plan_sector
from speelveld.errors import SweepError

__all__ = ["SweepError", "Vary", "parse_vary", "scenario_count", "scenario_frame", "summarise", "sweep_query"]


@dataclass(frozen=True)
class Vary:
    path: str  # resolved parameter path, e.g. sectors.chemie.utilisation_hours
    given: str  # as the user wrote it
    values: tuple[float, ...] | None = None  # grid values
    dist: str | None = None  # uniform | normal
    a: float = 0.0
    b: float = 0.0
    low: float = -math.inf  # normal draws are cut to the range the field allows
    high: float = math.inf

    @property
    def is_grid(self) -> bool:
        return self.values is not None


_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def parse_vary(text: str, cfg: YearConfig, sector: str) -> Vary:
    """``PATH=60:160:10`` (start:stop:step, stop included), ``PATH=0.8,1.0,1.2``,
    ``PATH=uniform(60,160)`` or ``PATH=normal(90,15)``."""
    if "=" not in text:
        raise SweepError(f"--vary {text}: expected PATH=SPEC, e.g. eu.eua_price_eur_per_t=60:160:10")
    given, spec = (p.strip() for p in text.split("=", 1))
    path = resolve_path(given, cfg, sector)
    vary = _parse_spec(text, given, path, spec)
    return _checked(vary, text, cfg.year)


def _field_of(path: str) -> tuple[str | None, bool]:
    """The unit-carrying field a path sets, and whether it is that field itself (not a threshold on it)."""
    segments = path.split(".")
    field = next((s for s in reversed(segments) if known_unit_field(s)), None)
    return field, field is not None and segments[-1] == field


def _checked(vary: Vary, text: str, year: int) -> Vary:
    """Varied values get the checks every config number gets on load (no negative prices, no
    percentages above 100, no zero consumption...): a sweep must not compute what a config may not say."""
    field, own = _field_of(vary.path)
    if field is None:
        return vary
    probes = vary.values if vary.is_grid else ((vary.a, vary.b) if vary.dist == "uniform" else (vary.a,))
    for value in probes:
        problem = value_problem(field, value, own_field=own)
        hours = hours_in_year(year)
        if problem is None and own and field == "utilisation_hours" and value > hours:
            problem = f"{value:g} h is more than a year has ({hours:,} h in {year})"
        if problem:
            raise SweepError(f"--vary {text}: {problem}")
    if vary.dist == "normal":
        low, high = allowed_range(field, own)
        return Vary(vary.path, vary.given, dist="normal", a=vary.a, b=vary.b, low=low, high=high)
    return vary


def _parse_spec(text: str, given: str, path: str, spec: str) -> Vary:
    m = re.fullmatch(rf"({_NUM}):({_NUM}):({_NUM})", spec)
    if m:
        start, stop, step = (float(x) for x in m.groups())
        if step <= 0 or stop < start:
            raise SweepError(f"--vary {text}: a range needs start ≤ stop and a positive step")
        n = int(math.floor((stop - start) / step + 1e-9)) + 1
        if n > 10_000_000:
            raise SweepError(f"--vary {text}: {n} values is too many for one parameter")
        return Vary(path, given, values=tuple(round(start + i * step, 12) for i in range(n)))
    m = re.fullmatch(rf"(uniform|normal)\(\s*({_NUM})\s*,\s*({_NUM})\s*\)", spec)
    if m:
        dist, a, b = m.group(1), float(m.group(2)), float(m.group(3))
        if dist == "uniform" and b <= a:
            raise SweepError(f"--vary {text}: uniform(low, high) needs low < high")
        if dist == "normal" and b <= 0:
            raise SweepError(f"--vary {text}: normal(mean, sd) needs sd > 0")
        return Vary(path, given, dist=dist, a=a, b=b)
    parts = [p.strip() for p in spec.split(",")]
    if parts and all(re.fullmatch(_NUM, p) for p in parts):
        return Vary(path, given, values=tuple(float(p) for p in parts))
    raise SweepError(
        f"--vary {text}: cannot read '{spec}'; use start:stop:step, a list a,b,c, uniform(low,high) or normal(mean,sd)"
    )


def resolve_path(given: str, cfg: YearConfig, sector: str) -> str:
    path = f"sectors.{sector}.{given[len('sector.'):]}" if given.startswith("sector.") else given
    param = cfg.params.get(path)
    if param is None:
        hint = difflib.get_close_matches(path, list(cfg.params), n=1, cutoff=0.7)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise SweepError(f"--vary {given}: no numeric parameter '{path}' in the {cfg.year} config{extra}")
    return path


def _splitmix(index: pl.Expr, seed: int, stream: int) -> pl.Expr:
    u64 = pl.UInt64
    z = index.cast(u64) + pl.lit((seed * 0x9E3779B97F4A7C15 + stream * 0xD1B54A32D192ED03 + 0x9E3779B97F4A7C15) % 2**64, dtype=u64)
    z = (z ^ (z // pl.lit(2**30, dtype=u64))) * pl.lit(0xBF58476D1CE4E5B9, dtype=u64)
    z = (z ^ (z // pl.lit(2**27, dtype=u64))) * pl.lit(0x94D049BB133111EB, dtype=u64)
    return z ^ (z // pl.lit(2**31, dtype=u64))


def _uniform01(index: pl.Expr, seed: int, stream: int) -> pl.Expr:
    # top 53 bits → a float in (0, 1), never 0 so that log() is safe
    bits = _splitmix(index, seed, stream) // pl.lit(2**11, dtype=pl.UInt64)
    return (bits.cast(pl.Float64) + 0.5) / float(2**53)


def scenario_count(varies: list[Vary], samples: int | None) -> int:
    if any(not v.is_grid for v in varies):
        if not samples:
            raise SweepError("--samples: random draws (uniform/normal) need --samples N")
        return samples
    n = 1
    for v in varies:
        n *= len(v.values or ())
    return samples if samples else n


def scenario_frame(varies: list[Vary], n: int, seed: int, samples: int | None) -> pl.LazyFrame:
    """One lazy row per scenario with a column per varied parameter.

    Grid-only sweeps without --samples enumerate the cartesian product; with --samples every
    parameter is drawn (grid parameters uniformly from their values)."""
    idx = pl.col("scenario")
    lf = pl.LazyFrame().select(pl.int_range(0, n, dtype=pl.UInt64).alias("scenario"))
    exprs = []
    stride = 1
    for k, v in enumerate(varies):
        if v.is_grid and not samples:
            m = len(v.values)
            pos = (idx // stride) % m
            stride *= m
            exprs.append(pos.replace_strict(list(range(m)), list(v.values), return_dtype=pl.Float64).alias(v.path))
        elif v.is_grid:
            m = len(v.values)
            pos = (_uniform01(idx, seed, k) * m).floor().cast(pl.UInt64).clip(0, m - 1)
            exprs.append(pos.replace_strict(list(range(m)), list(v.values), return_dtype=pl.Float64).alias(v.path))
        elif v.dist == "uniform":
            exprs.append((v.a + (v.b - v.a) * _uniform01(idx, seed, k)).alias(v.path))
        else:
            u1, u2 = _uniform01(idx, seed, 2 * k + 1000), _uniform01(idx, seed, 2 * k + 1001)
            z = (-2.0 * u1.log()).sqrt() * (2 * math.pi * u2).cos()
            exprs.append((v.a + v.b * z).clip(v.low, v.high).alias(v.path))
    return lf.with_columns(exprs)


def sweep_query(cfg: YearConfig, sector: str, countries: list[str], reference: str, varies: list[Vary], n: int, seed: int, samples: int | None) -> pl.LazyFrame:
    """The whole sweep as one lazy query: scenario, varied parameters, totals and gaps."""
    frame = scenario_frame(varies, n, seed, samples)
    plan = plan_sector(cfg, sector, [reference] + [c for c in countries if c != reference], frozenset(v.path for v in varies))
    lf = evaluate(frame, [plan], reference)
    keep = [pl.col("scenario")] + [pl.col(v.path) for v in varies]
    for cc in plan.lines:
        keep.append(pl.col(col(sector, cc, "total")).truediv(plan.consumption).alias(f"total_eur_per_mwh|{cc}"))
        if cc != reference:
            keep.append(pl.col(col(sector, cc, "gap_eur_per_mwh")).alias(f"gap_eur_per_mwh|{cc}"))
    return lf.select(keep)


def summarise(results: pl.LazyFrame, varies: list[Vary], countries: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per country the distribution of the gap, and a tornado: how far each varied parameter
    moves the gap (spread of the mean gap across the parameter's values or deciles)."""
    stats = []
    for cc in countries:
        c = pl.col(f"gap_eur_per_mwh|{cc}")
        stats.append(
            results.select(
                pl.lit(cc).alias("country"),
                c.min().alias("min"),
                c.quantile(0.05, "linear").alias("p5"),
                c.median().alias("median"),
                c.quantile(0.95, "linear").alias("p95"),
                c.max().alias("max"),
                c.mean().alias("mean"),
            )
        )
    dist = pl.concat(stats).collect()
    rows = []
    for v in varies:
        key = pl.col(v.path)
        if v.is_grid:
            group = key
        else:
            group = (key.rank("ordinal") * 10 // (pl.len() + 1)).alias("bin")
        for cc in countries:
            means = results.group_by(group.alias("g")).agg(pl.col(f"gap_eur_per_mwh|{cc}").mean().alias("m")).select(
                (pl.col("m").max() - pl.col("m").min()).alias("swing")
            )
            rows.append({"parameter": v.given, "country": cc, "swing_eur_per_mwh": means.collect()["swing"][0]})
    tornado = pl.DataFrame(rows, schema={"parameter": pl.String, "country": pl.String, "swing_eur_per_mwh": pl.Float64})
    return dist, tornado.sort("swing_eur_per_mwh", descending=True, nulls_last=True)
