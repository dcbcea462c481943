"""Assemble cost lines into results: per line, per country total, and the gap to the reference.

Gap conventions (reference NL by default, compared country X):
- ``gap_eur_per_mwh = total_NL − total_X``: positive means NL is dearer;
- ``ref_dearer_pct = (NL − X) ÷ X × 100``: "NL is p % more expensive than X";
- ``other_cheaper_pct = (NL − X) ÷ NL × 100``: "X is p % cheaper than NL".
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from speelveld.config.model import QUALITY_RANK, Quality
from speelveld.config.resolved import YearConfig
from speelveld.core.context import Ctx
from speelveld.core.lines import Line, build_lines

SEP = "|"


def col(sector: str, country: str, key: str) -> str:
    return f"{sector}{SEP}{country}{SEP}{key}"


@dataclass
class SectorPlan:
    """The expressions for one sector across countries, before evaluation."""

    sector: str
    consumption: pl.Expr
    sector_mwh: pl.Expr | None
    lines: dict[str, list[Line]]  # country -> lines


def plan_sector(cfg: YearConfig, sector: str, countries: Iterable[str], varied: frozenset[str] = frozenset()) -> SectorPlan:
    ctx = Ctx(cfg.params, varied)
    model = cfg.sectors[sector]
    lines = {cc: build_lines(ctx, cfg.year, cfg.eu, cfg.countries[cc], model) for cc in countries}
    consumption = ctx.num(f"sectors.{sector}.consumption_mwh")
    sector_mwh = ctx.num(f"sectors.{sector}.sector_electricity_mwh") if ctx.has(f"sectors.{sector}.sector_electricity_mwh") else None
    return SectorPlan(sector, consumption, sector_mwh, lines)


def line_exprs(plan: SectorPlan) -> list[pl.Expr]:
    return [
        line.expr.cast(pl.Float64).alias(col(plan.sector, cc, line.key))
        for cc, lines in plan.lines.items()
        for line in lines
    ]


def total_exprs(plan: SectorPlan) -> list[pl.Expr]:
    """Per country: gross (before any relief), total (known lines) and the count of unknown lines."""
    exprs: list[pl.Expr] = []
    for cc, lines in plan.lines.items():
        line_cols = [pl.col(col(plan.sector, cc, ln.key)) for ln in lines]
        gross_cols = [pl.col(col(plan.sector, cc, ln.key)) for ln in lines if not ln.relief]
        exprs += [
            pl.sum_horizontal(gross_cols).alias(col(plan.sector, cc, "gross")),
            pl.sum_horizontal(line_cols).alias(col(plan.sector, cc, "total")),
            pl.sum_horizontal([c.is_null().cast(pl.Int32) for c in line_cols]).alias(col(plan.sector, cc, "unknown_lines")),
        ]
    return exprs


def gap_exprs(plan: SectorPlan, reference: str) -> list[pl.Expr]:
    out = []
    q = plan.consumption
    ref_total = pl.col(col(plan.sector, reference, "total"))
    for cc in plan.lines:
        total = pl.col(col(plan.sector, cc, "total"))
        gap = ref_total - total
        out += [
            (gap / q).alias(col(plan.sector, cc, "gap_eur_per_mwh")),
            gap.alias(col(plan.sector, cc, "gap_eur_per_year")),
            (gap / total * 100).alias(col(plan.sector, cc, "ref_dearer_pct")),
            (gap / ref_total * 100).alias(col(plan.sector, cc, "other_cheaper_pct")),
        ]
        if plan.sector_mwh is not None:
            out.append((gap / q * plan.sector_mwh / 1e6).alias(col(plan.sector, cc, "sector_gap_meur_per_year")))
    return out


def evaluate(frame: pl.DataFrame | pl.LazyFrame, plans: list[SectorPlan], reference: str) -> pl.LazyFrame:
    """Add every line, total and gap column to a frame of scenarios (one row per scenario)."""
    lf = frame.lazy()
    lf = lf.with_columns([e for p in plans for e in line_exprs(p)])
    lf = lf.with_columns([e for p in plans for e in total_exprs(p)])
    lf = lf.with_columns([e for p in plans for e in gap_exprs(p, reference)])
    return lf


@dataclass
class Comparison:
    """The result of one run: long tables that reports pivot as they need."""

    year: int
    reference: str
    countries: list[str]
    sectors: list[str]
    lines: pl.DataFrame  # sector, country, family, key, label, relief, eur_per_year, eur_per_mwh, quality, inputs
    totals: pl.DataFrame  # sector, country, gross/total €/yr and €/MWh, unknown_lines, gaps
    plans: dict[str, SectorPlan]


def compare(cfg: YearConfig, sectors: list[str], countries: list[str], reference: str = "NL") -> Comparison:
    """Compute every sector in every country and the gap to ``reference``."""
    if reference not in countries:
        countries = [reference] + countries
    plans = {s: plan_sector(cfg, s, countries) for s in sectors}
    row = evaluate(pl.DataFrame({"scenario": [0]}), list(plans.values()), reference).collect().row(0, named=True)

    line_rows, total_rows = [], []
    for s, plan in plans.items():
        q = cfg.params[f"sectors.{s}.consumption_mwh"].value
        for cc, lines in plan.lines.items():
            for ln in lines:
                v = row[col(s, cc, ln.key)]
                quality = _line_quality(cfg, ln, v)
                line_rows.append(
                    {
                        "sector": s,
                        "country": cc,
                        "family": ln.family,
                        "key": ln.key,
                        "label": ln.label,
                        "relief": ln.relief,
                        "eur_per_year": v,
                        "eur_per_mwh": None if v is None else v / q,
                        "quality": quality.value,
                        "inputs": list(ln.inputs),
                    }
                )
            g = functools.partial(_cell, row, s, cc)
            total_rows.append(
                {
                    "sector": s,
                    "country": cc,
                    "consumption_mwh": q,
                    "gross_eur_per_year": g("gross"),
                    "gross_eur_per_mwh": g("gross") / q,
                    "total_eur_per_year": g("total"),
                    "total_eur_per_mwh": g("total") / q,
                    "unknown_lines": g("unknown_lines"),
                    "gap_eur_per_mwh": g("gap_eur_per_mwh"),
                    "gap_eur_per_year": g("gap_eur_per_year"),
                    "ref_dearer_pct": g("ref_dearer_pct"),
                    "other_cheaper_pct": g("other_cheaper_pct"),
                    "sector_gap_meur_per_year": g("sector_gap_meur_per_year"),
                }
            )
    lines_df = pl.DataFrame(line_rows, schema_overrides={"eur_per_year": pl.Float64, "eur_per_mwh": pl.Float64})
    totals_df = pl.DataFrame(total_rows, schema_overrides={k: pl.Float64 for k in ("sector_gap_meur_per_year", "ref_dearer_pct", "other_cheaper_pct")})
    return Comparison(cfg.year, reference, countries, sectors, lines_df, totals_df, plans)


def _cell(row: dict, sector: str, country: str, name: str):
    return row.get(col(sector, country, name))


def _line_quality(cfg: YearConfig, line: Line, value: float | None) -> Quality:
    if value is None:
        return Quality.unknown
    worst = Quality.published
    for path in line.inputs:
        if path.startswith("sectors."):
            continue  # archetype figures are assumptions by design and the same in every country
        param = cfg.params[path]
        if param.value is None:
            continue  # the line has a value, so this unknown did not decide it (e.g. an unmet condition)
        q = param.quality
        if QUALITY_RANK[q] > QUALITY_RANK[worst]:
            worst = q
    return worst
