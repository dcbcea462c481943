"""Monitoring over the years: total and gap per sector, country and price year, with bands.

Each year is computed on its own configs, exactly as `compare` computes it; the trend only puts
the years side by side. A country missing from a year is missing from that year's rows.
"""

from __future__ import annotations

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import compare

TREND_COLUMNS = [
    "year", "sector", "country", "total_eur_per_mwh", "total_low_eur_per_mwh", "total_high_eur_per_mwh",
    "gap_eur_per_mwh", "gap_low_eur_per_mwh", "gap_high_eur_per_mwh", "gap_bound", "complete",
    "direct_co2_eur_per_mwh", "unknown_lines",
]


def trend(cfgs: list[YearConfig], sectors: list[str], countries: list[str], reference: str = "NL") -> pl.DataFrame:
    frames = []
    for cfg in cfgs:
        present = [c for c in countries if c in cfg.countries and c != reference]
        result = compare(cfg, [s for s in sectors if s in cfg.sectors], present, reference=reference)
        frames.append(result.totals.with_columns(pl.lit(cfg.year).alias("year")).select(TREND_COLUMNS))
    order = {c: i for i, c in enumerate([reference, *countries])}
    return pl.concat(frames, how="vertical_relaxed").sort(
        [pl.col("sector"), pl.col("country").replace_strict(order, default=99, return_dtype=pl.Int64), pl.col("year")]
    )


def policy_changes(cfgs: list[YearConfig], countries: list[str]) -> pl.DataFrame:
    """The policy decisions each price year's configs name (a levy abolished, a scheme extended),
    so that a reader of the trend sees which steps are decisions rather than prices."""
    rows = []
    for cfg in cfgs:
        for cc in countries:
            country = cfg.countries.get(cc)
            for change in country.policy_changes if country is not None else []:
                source = country.sources.get(change.source) if change.source else None
                rows.append({"year": cfg.year, "country": cc, "id": change.id, "label": change.label, "label_en": change.label_en or change.label,
                             "lines": change.lines, "source": source.title if source else None})
    return pl.DataFrame(rows, schema={"year": pl.Int64, "country": pl.String, "id": pl.String, "label": pl.String, "label_en": pl.String,
                                      "lines": pl.List(pl.String), "source": pl.String})
