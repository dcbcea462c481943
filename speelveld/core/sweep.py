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

import math
import re
from dataclasses import dataclass

import polars as pl

from speelveld.config.checks import allowed_range, hours_in_year, value_problem
from speelveld.config.resolved import YearConfig
from speelveld.config.units import known_unit_field
from speelveld.core.compute import col, evaluate, plan_sector
from speelveld.errors import SweepError
from speelveld.hints import did_you_mean
from speelveld.said import said

__all__ = ["Link", "SweepError", "Vary", "correlate", "parse_corr", "parse_link", "parse_vary", "scenario_count", "scenario_frame", "sweep_query"]

# A sweep written to .xlsx: above this many rows a workbook is the wrong tool (a million rows took
# 137 s and 3.8 GB): Parquet or CSV stream to disk instead.
XLSX_ROWS = 200_000
# A normal draw outside the field's range (a negative price) is cut to it; a specification that
# cuts more than this share of its draws is refused rather than silently reshaped.
CLIP_LIMIT_PCT = 1.0


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
    mode: float | None = None  # triangular draws: the peak (the config's central value)
    clipped_pct: float = 0.0  # normal draws: the share cut to the field's range (at most CLIP_LIMIT_PCT)
    group: str | None = None  # draws of one group are correlated (the wholesale prices, --bands)

    @property
    def is_grid(self) -> bool:
        return self.values is not None


_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def parse_vary(text: str, cfg: YearConfig, sector: str) -> Vary:
    """``PATH=60:160:10`` (start:stop:step, stop included), ``PATH=0.8,1.0,1.2``,
    ``PATH=uniform(60,160)``, ``PATH=normal(90,15)``, or ``PATH=band``: uniform within the band
    the config gives the value."""
    if "=" not in text:
        raise SweepError(f'--vary {text}: ' + said("expected_path_spec", example='eu.eua_price_eur_per_t=60:160:10'))
    given, spec = (p.strip() for p in text.split("=", 1))
    path = resolve_path(given, cfg, sector)
    if spec == "band":
        p = cfg.params[path]
        if p.low is None or p.high is None or not p.high > p.low:
            raise SweepError(f'--vary {text}: ' + said("config_gives_band_give", given=given))
        spec = f"uniform({p.low!r},{p.high!r})"
    vary = _parse_spec(text, given, path, spec)
    return _checked(vary, text, cfg.year)


@dataclass(frozen=True)
class Link:
    """A parameter that follows a varied one: by the same change (``relative`` False: NL and DE
    prices move together by the same €/MWh) or the same factor (``relative`` True)."""

    target: str
    source: str
    given: str
    relative: bool
    target_base: float
    source_base: float
    slope: float | None = None  # TARGET+=K*SOURCE: the target moves by K × the source's change (a pass-through)
    unit: str = ""  # the slope's unit, e.g. "€/MWh per €/t"

    def expr(self) -> pl.Expr:
        src = pl.col(self.source)
        if self.slope is not None:
            return (self.target_base + self.slope * (src - self.source_base)).alias(self.target)
        if self.relative:
            factor = src / self.source_base if self.source_base else pl.lit(1.0)
            return (self.target_base * factor).alias(self.target)
        return (self.target_base + (src - self.source_base)).alias(self.target)


def parse_link(text: str, cfg: YearConfig, sector: str, varies: list[Vary]) -> Link:
    """``TARGET=SOURCE`` (the same change), ``TARGET=SOURCE*`` (the same factor) or
    ``TARGET+=K*SOURCE`` (K times the change: a pass-through, K in the target's unit per the
    source's, e.g. 0.7 €/MWh per €/t of CO2 into the power price); SOURCE is varied."""
    m = re.fullmatch(rf"\s*([^+=]+?)\s*\+=\s*({_NUM})\s*\*\s*(\S+?)\s*", text)
    if m:
        return _slope_link(text, m.group(1), float(m.group(2)), m.group(3), cfg, sector, varies)
    if "=" not in text:
        raise SweepError(f'--link {text}: ' + said("expected_target_source", example='DE.commodity.baseload_eur_per_mwh=NL.commodity.baseload_eur_per_mwh'))
    target_given, source_given = (p.strip() for p in text.split("=", 1))
    relative = source_given.endswith("*")
    source_given = source_given.rstrip("*").strip()
    target, source, t, s = _link_ends(text, target_given, source_given, cfg, sector, varies)
    if t.unit != s.unit and not relative:
        raise SweepError(f'--link {text}: ' + said("differ_link_factor_target", a=t.unit, b=s.unit))
    return Link(target, source, text, relative, t.central, s.central)


def _link_ends(text: str, target_given: str, source_given: str, cfg: YearConfig, sector: str, varies: list[Vary]):
    """The two parameters of a --link, checked: the source varied, the target not, both known."""
    target, source = resolve_path(target_given, cfg, sector, "--link"), resolve_path(source_given, cfg, sector, "--link")
    varied = {v.path for v in varies}
    if source not in varied:
        raise SweepError(f'--link {text}: ' + said("not_varied_give_vary", name=source_given, vary="--vary"))
    if target in varied:
        raise SweepError(f'--link {text}: ' + said("varied_itself_link_vary", name=target_given))
    t, s = cfg.params[target], cfg.params[source]
    if t.central is None or s.central is None:
        raise SweepError(f'--link {text}: ' + said("unknown_value_without_bounds"))
    return target, source, t, s


def _slope_link(text: str, target_given: str, slope: float, source_given: str, cfg: YearConfig, sector: str, varies: list[Vary]) -> Link:
    target, source, t, s = _link_ends(text, target_given, source_given, cfg, sector, varies)
    if not t.unit or not s.unit:
        raise SweepError(f'--link {text}: ' + said("slope_needs_both_parameters", a=target_given, ua=t.unit or said("none"), b=source_given, ub=s.unit or said("none")))
    return Link(target, source, text, False, t.central, s.central, slope, f"{t.unit} per {s.unit}")


def co_moving_links(cfg: YearConfig, varies: list[Vary], links: list[Link], fixed: set[str]) -> list[Link]:
    """The EU ETS prices a varied one carries along by the same change (as `--set` does), where the
    user neither varies, links nor sets them."""
    from speelveld.config.model import EUA_PRICES

    taken = {v.path for v in varies} | {x.target for x in links} | fixed
    lead = next((v.path for v in varies if v.path in EUA_PRICES), None)
    if lead is None:
        return []
    out = []
    for path in EUA_PRICES:
        p, s = cfg.params.get(path), cfg.params[lead]
        if path in taken or p is None or p.central is None or s.central is None:
            continue
        out.append(Link(path, lead, f"{path}={lead}", False, p.central, s.central))
    return out


def parse_corr(text: str, varies: list[Vary]) -> tuple[str, str, float]:
    """``A,B=0.8``: the normal draws of A and B correlated with coefficient 0.8."""
    m = re.fullmatch(rf"\s*([^,=]+?)\s*,\s*([^,=]+?)\s*=\s*({_NUM})\s*", text)
    if not m:
        raise SweepError(f'--corr {text}: ' + said("expected_b_rho", example='NL.commodity.baseload_eur_per_mwh,DE.commodity.baseload_eur_per_mwh=0.9'))
    a, b, rho = m.group(1), m.group(2), float(m.group(3))
    by_given = {v.given: v for v in varies} | {v.path: v for v in varies}
    for name in (a, b):
        v = by_given.get(name)
        if v is None or v.is_grid:
            raise SweepError(f'--corr {text}: ' + said("not_drawn_random_uniform", name=name, bands="--bands"))
    if not -1 < rho < 1 or by_given[a].path == by_given[b].path:
        raise SweepError(f'--corr {text}: ' + said("coefficient_must_lie_strictly"))
    return by_given[a].path, by_given[b].path, rho


def correlate(varies: list[Vary], pairs: list[tuple[str, str, float]]) -> list[list[float]]:
    """The Cholesky factor of the correlation matrix of the random draws (in the order of
    ``varies``, drawn ones only): a Gaussian copula, the coefficient holding between the draws'
    underlying standard normals; a matrix that is not positive definite is refused."""
    normals = sorted(v.path for v in varies if not v.is_grid)  # by path: the draws do not depend on the order of --vary
    n = len(normals)
    c = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    # the wholesale prices drawn within their bands keep their measured correlation; the user's pairs come on top
    group = {v.path: v for v in varies if not v.is_grid and v.group is not None and v.dist in ("uniform", "triangular")}
    for i, a in enumerate(normals):
        for j, b in enumerate(normals):
            if i != j and a in group and b in group and group[a].group == group[b].group:
                c[i][j] = PRICE_CORRELATION.get(frozenset({a.split(".", 1)[0], b.split(".", 1)[0]}), 0.0)
    for a, b, rho in pairs:
        i, j = normals.index(a), normals.index(b)
        c[i][j] = c[j][i] = rho
    return cholesky(c)


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
            problem = said("h_more_than_year", value=f'{value:g}', hours=f'{hours:,}', year=year)
        if problem:
            raise SweepError(f"--vary {text}: " + problem)
    if vary.dist == "normal":
        from statistics import NormalDist

        low, high = allowed_range(field, own)
        d = NormalDist(vary.a, vary.b)
        cut = (d.cdf(low) if math.isfinite(low) else 0.0) + (1 - d.cdf(high) if math.isfinite(high) else 0.0)
        if cut * 100 > CLIP_LIMIT_PCT:
            ends = f"{low:g} to {high:g}" if math.isfinite(high) else f"at least {low:g}"
            raise SweepError(f'--vary {text}: ' + said("draws_normal_fall_outside", pct=f'{cut * 100:.1f}', a=f'{vary.a:g}', b=f'{vary.b:g}', ends=ends))
        return Vary(vary.path, vary.given, dist="normal", a=vary.a, b=vary.b, low=low, high=high, clipped_pct=cut * 100)
    return vary


def _parse_spec(text: str, given: str, path: str, spec: str) -> Vary:
    m = re.fullmatch(rf"({_NUM}):({_NUM}):({_NUM})", spec)
    if m:
        start, stop, step = (float(x) for x in m.groups())
        if step <= 0 or stop < start:
            raise SweepError(f'--vary {text}: ' + said("range_needs_start_stop"))
        n = int(math.floor((stop - start) / step + 1e-9)) + 1
        if n > 10_000_000:
            raise SweepError(f'--vary {text}: ' + said("values_too_many_parameter", n=n))
        return Vary(path, given, values=tuple(round(start + i * step, 12) for i in range(n)))
    m = re.fullmatch(rf"(uniform|normal)\(\s*({_NUM})\s*,\s*({_NUM})\s*\)", spec)
    if m:
        dist, a, b = m.group(1), float(m.group(2)), float(m.group(3))
        if dist == "uniform" and b <= a:
            raise SweepError(f'--vary {text}: ' + said("uniform_low_high_needs"))
        if dist == "normal" and b <= 0:
            raise SweepError(f'--vary {text}: ' + said("normal_mean_sd_needs"))
        return Vary(path, given, dist=dist, a=a, b=b)
    parts = [p.strip() for p in spec.split(",")]
    if parts and all(re.fullmatch(_NUM, p) for p in parts):
        return Vary(path, given, values=tuple(float(p) for p in parts))
    raise SweepError(
        f'--vary {text}: ' + said("cannot_read_use_start", spec=spec)
    )


def resolve_path(given: str, cfg: YearConfig, sector: str, option: str = "--vary") -> str:
    path = f"sectors.{sector}.{given[len('sector.'):]}" if given.startswith("sector.") else given
    param = cfg.params.get(path)
    if param is None:
        extra = did_you_mean(path, cfg.params, cutoff=0.7)
        raise SweepError(f'{option} {given}: ' + said("no_numeric_parameter_in_year", path=path, year=cfg.year, hint=extra))
    return path


# Correlation of the countries' wholesale prices for `sweep --bands`: Pearson correlation of Ember's
# monthly day-ahead averages, January 2024 to April 2026 (28 months; the values are in the 2024
# and 2026 country configs' notes and ../shared dossiers). A stated assumption: the full-year
# deviations of the prices from their estimates co-move as their monthly levels did.
PRICE_CORRELATION = {
    frozenset({"NL", "DE"}): 0.983, frozenset({"NL", "BE"}): 0.982, frozenset({"NL", "FR"}): 0.879,
    frozenset({"DE", "BE"}): 0.961, frozenset({"DE", "FR"}): 0.846, frozenset({"BE", "FR"}): 0.905,
}


def band_varies(cfg: YearConfig, sector: str, countries: list[str], reference: str, shape: str, skip: set[str]) -> list[Vary]:
    """One draw per input with a band that the sector's lines read (other than those in ``skip``):
    uniform over the band, or triangular with its peak at the central value."""
    from speelveld.core.bands import co_moving_group

    plan = plan_sector(cfg, sector, [reference] + [c for c in countries if c != reference])
    used = sorted({p for lines in plan.lines.values() for ln in lines for p in ln.inputs} - skip)
    out = []
    for path in used:
        p = cfg.params.get(path)
        if p is None or not p.bounded or not p.high > p.low:
            continue
        mode = p.central if shape == "triangular" else None
        out.append(Vary(path, path, dist=shape, a=p.low, b=p.high, mode=mode, group=co_moving_group(path)))
    # the EU ETS prices are one market's price at different dates: one is drawn, the others follow
    # it by the same change (co_moving_links), as a --set of one moves the others
    from speelveld.config.model import EUA_PRICES

    eua = [v for v in out if v.path in EUA_PRICES]
    if len(eua) > 1:
        lead = min(eua, key=lambda v: EUA_PRICES.index(v.path))
        out = [v for v in out if v.path not in EUA_PRICES or v is lead]
    return out


def _stream(path: str) -> int:
    """The random stream of a parameter: tied to its path, so that adding or reordering --vary
    leaves the other parameters' draws as they were under the same seed."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(path.encode("utf-8"), digest_size=6).digest(), "little")


def _phi(z: pl.Expr) -> pl.Expr:
    """The standard normal CDF (Abramowitz–Stegun 7.1.26, error below 1.5e-7)."""
    x = z / math.sqrt(2)
    t = 1.0 / (1.0 + 0.3275911 * x.abs())
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
    erf_abs = 1.0 - poly * (-(x * x)).exp()
    return 0.5 * (1.0 + pl.when(x < 0).then(-erf_abs).otherwise(erf_abs))


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
            raise SweepError('--samples: ' + said("random_draws_uniform_normal", samples="--samples N"))
        return samples
    n = 1
    for v in varies:
        n *= len(v.values or ())
    return samples if samples else n


def scenario_frame(varies: list[Vary], n: int, seed: int, samples: int | None, links: list[Link] = (), chol: list[list[float]] | None = None) -> pl.LazyFrame:
    """One lazy row per scenario with a column per varied parameter (and per linked one).

    Grid-only sweeps without --samples enumerate the cartesian product; with --samples every
    parameter is drawn (grid parameters uniformly from their values). Each parameter draws from its
    own stream, tied to its path. Normal draws are independent unless ``chol`` (the Cholesky factor
    of their correlation matrix) ties them; band draws of one group (the wholesale prices) are
    correlated through a Gaussian copula with PRICE_CORRELATION."""
    idx = pl.col("scenario")
    lf = pl.LazyFrame().select(pl.int_range(0, n, dtype=pl.UInt64).alias("scenario"))
    exprs = []
    drawn = sorted((k for k, v in enumerate(varies) if not v.is_grid), key=lambda k: varies[k].path)  # as in correlate()

    def standard_normal(path: str) -> pl.Expr:
        stream = _stream(path)
        u1, u2 = _uniform01(idx, seed, stream + 1), _uniform01(idx, seed, stream + 2)
        return (-2.0 * u1.log()).sqrt() * (2 * math.pi * u2).cos()

    def correlated(k: int) -> pl.Expr:
        """z = L·e over independent standard normals e: correlation L·Lᵀ (a Gaussian copula)."""
        i = drawn.index(k)
        return pl.sum_horizontal([chol[i][j] * pl.col(f"_normal|{varies[drawn[j]].path}") for j in range(i + 1) if chol[i][j]])

    if chol is None:
        helpers, grouped = _group_uniforms(varies, standard_normal)
    else:  # each independent normal once, as a helper column the correlated ones read
        helpers, grouped = [standard_normal(varies[d].path).alias(f"_normal|{varies[d].path}") for d in drawn], {}
    if helpers:
        lf = lf.with_columns(helpers)
    stride = 1
    for k, v in enumerate(varies):
        if v.is_grid and not samples:
            m = len(v.values)
            pos = (idx // stride) % m
            stride *= m
            exprs.append(pos.replace_strict(list(range(m)), list(v.values), return_dtype=pl.Float64).alias(v.path))
        elif v.is_grid:
            m = len(v.values)
            pos = (_uniform01(idx, seed, _stream(v.path)) * m).floor().cast(pl.UInt64).clip(0, m - 1)
            exprs.append(pos.replace_strict(list(range(m)), list(v.values), return_dtype=pl.Float64).alias(v.path))
        elif v.dist in ("uniform", "triangular"):
            u = _phi(correlated(k)) if chol is not None else grouped.get(v.path, _uniform01(idx, seed, _stream(v.path)))
            exprs.append(_from_uniform(v, u).alias(v.path))
        else:
            z = correlated(k) if chol is not None else standard_normal(v.path)
            exprs.append((v.a + v.b * z).clip(v.low, v.high).alias(v.path))
    lf = lf.with_columns(exprs)
    if helpers:
        lf = lf.drop([h.meta.output_name() for h in helpers])
    return lf.with_columns([link.expr() for link in links]) if links else lf


def _from_uniform(v: Vary, u: pl.Expr) -> pl.Expr:
    if v.dist == "uniform" or v.mode is None:
        return v.a + (v.b - v.a) * u
    # triangular on [a, b] with its peak at the mode: the inverse of its distribution function
    a, b, c = v.a, v.b, min(max(v.mode, v.a), v.b)
    cut = (c - a) / (b - a)
    return pl.when(u < cut).then(a + (u * (b - a) * (c - a)).sqrt()).otherwise(b - ((1 - u) * (b - a) * (b - c)).sqrt())


def _group_uniforms(varies: list[Vary], standard_normal) -> tuple[list[pl.Expr], dict[str, pl.Expr]]:
    """Correlated uniforms for the members of each group: standard normals correlated by the
    Cholesky factor of PRICE_CORRELATION, mapped through the normal CDF (a Gaussian copula).
    Returns the independent normals as helper columns (``_copula|…``, computed once: written into
    each member's sum they were drawn again for every later member, 1.9 of 2.1 s for a million
    draws) and per member its uniform, read from them."""
    helpers: list[pl.Expr] = []
    out: dict[str, pl.Expr] = {}
    groups: dict[str, list[Vary]] = {}
    for v in varies:
        if v.group is not None and v.dist in ("uniform", "triangular"):
            groups.setdefault(v.group, []).append(v)
    for members in groups.values():
        if len(members) < 2:
            continue
        countries = [m.path.split(".", 1)[0] for m in members]
        matrix = [[1.0 if i == j else PRICE_CORRELATION.get(frozenset({a, b}), 0.0) for j, b in enumerate(countries)] for i, a in enumerate(countries)]
        low = cholesky(matrix)
        helpers += [standard_normal(m.path + "#copula").alias(f"_copula|{m.path}") for m in members]
        for i, m in enumerate(members):
            z = pl.sum_horizontal([low[i][j] * pl.col(f"_copula|{members[j].path}") for j in range(i + 1) if low[i][j]])
            out[m.path] = _phi(z)
    return helpers, out


def cholesky(c: list[list[float]]) -> list[list[float]]:
    n = len(c)
    low = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = c[i][j] - sum(low[i][k] * low[j][k] for k in range(j))
            if i == j:
                if s <= 1e-12:
                    raise SweepError('--corr: ' + said("these_coefficients_cannot_hold"))
                low[i][j] = math.sqrt(s)
            else:
                low[i][j] = s / low[j][j]
    return low


def sweep_query(
    cfg: YearConfig, sector: str, countries: list[str], reference: str, varies: list[Vary], n: int, seed: int, samples: int | None,
    links: list[Link] = (), chol: list[list[float]] | None = None,
) -> pl.LazyFrame:
    """The whole sweep as one lazy query: scenario, varied parameters, totals and gaps."""
    frame = scenario_frame(varies, n, seed, samples, links, chol)
    moved = frozenset(v.path for v in varies) | frozenset(link.target for link in links)
    plan = plan_sector(cfg, sector, [reference] + [c for c in countries if c != reference], moved)
    lf = evaluate(frame, [plan], reference)
    keep = [pl.col("scenario")] + [pl.col(v.path) for v in varies] + [pl.col(link.target) for link in links]
    for cc, lines in plan.lines.items():
        keep.append(pl.col(col(sector, cc, "total")).truediv(plan.consumption).alias(f"total_eur_per_mwh|{cc}"))
        if cc != reference:
            keep.append(pl.col(col(sector, cc, "gap_eur_per_mwh")).alias(f"gap_eur_per_mwh|{cc}"))
        if any(ln.key == BUDGET_LINE for ln in lines):
            # what the budget's pro-rata cut adds (€/MWh; 0 where the claims fit the budget): the
            # share of scenarios in which the budget binds is one of the sweep's notes
            keep.append(pl.col(col(sector, cc, BUDGET_LINE)).truediv(plan.consumption).fill_null(0.0).alias(f"budget_cut_eur_per_mwh|{cc}"))
    return lf.select(keep)


BUDGET_LINE = "carbon.compensation.budget"




@dataclass
class SweepPlan:
    """What a sweep draws, checked once for the command line and the notebook alike."""

    varies: list[Vary]  # the user's --vary first, then the inputs --bands adds
    given: list[Vary]  # the user's --vary only (their ranges are checked as config values are)
    links: list[Link]
    chol: list[list[float]] | None
    n: int
    samples: int | None


def fixed_paths(cfg: YearConfig) -> set[str]:
    """The parameters a run set itself (--set, a scenario's set:, a notebook's overrides): they stay
    as set in a sweep, and no varied EUA price moves them."""
    from speelveld.config.overrides import moved_with, origin_of_note, path_of_note

    return {path_of_note(note) for note in cfg.overrides if moved_with(origin_of_note(note)) is None and path_of_note(note) in cfg.params}


def plan_sweep(cfg: YearConfig, sector: str, chosen: list[str], vary: list[str], link: list[str] = (), corr: list[str] = (), bands: str | None = None,
               samples: int | None = None, fixed: set[str] | None = None) -> SweepPlan:
    """Parse and check a sweep's options (the same for `speelveld sweep` and `sv.sweep`): a parameter
    varied twice, linked twice, or both set and varied is refused; with ``bands`` every input with a
    band is drawn too; the other EUA prices follow a varied one unless set (``fixed``, by default the
    run's own settings)."""
    fixed = fixed_paths(cfg) if fixed is None else set(fixed)
    varies = [parse_vary(v, cfg, sector) for v in vary]
    if len({v.path for v in varies}) != len(varies):
        raise SweepError('--vary: ' + said("same_parameter_varied_twice"))
    given = list(varies)
    if bands is not None:
        varies += band_varies(cfg, sector, chosen[1:], chosen[0], bands, {v.path for v in varies} | fixed)
        samples = samples or 10_000
    if not varies:
        raise SweepError("--vary: " + said("vary_needs_a_parameter", bands="--bands"))
    links = [parse_link(x, cfg, sector, varies) for x in link]
    if len({x.target for x in links}) != len(links):
        raise SweepError('--link: ' + said("same_parameter_linked_twice"))
    both = sorted(fixed & ({v.path for v in varies} | {x.target for x in links}))
    if both:
        raise SweepError('--set: ' + said("same_parameter_set_varied", paths=', '.join(both), set="--set", vary="--vary"))
    links += co_moving_links(cfg, varies, links, fixed)
    chol = correlate(varies, [parse_corr(x, varies) for x in corr]) if corr else None
    return SweepPlan(varies, given, links, chol, scenario_count(varies, samples), samples)
