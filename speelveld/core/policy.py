"""The standard policy check: every sector, base against scenario, the change in each gap."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison, compare


@dataclass
class PolicyCheck:
    base: Comparison
    scenario: Comparison
    table: pl.DataFrame  # sector, country, gap_before, gap_after, change (€/MWh), change_meur (per plant), sector change M€/yr


def policy_check(base_cfg: YearConfig, scenario_cfg: YearConfig, sectors: list[str], countries: list[str], reference: str = "NL") -> PolicyCheck:
    base = compare(base_cfg, sectors, countries, reference)
    after = compare(scenario_cfg, sectors, countries, reference)
    keys = ["sector", "country"]
    b = base.totals.select(keys + ["gap_eur_per_mwh", "gap_eur_per_year", "total_eur_per_year", "consumption_mwh", "unknown_lines"])
    a = after.totals.select(keys + ["gap_eur_per_mwh", "gap_eur_per_year", "total_eur_per_year", "unknown_lines"])
    sector_mwh = pl.DataFrame(
        {
            "sector": sectors,
            "sector_mwh": [base_cfg.params.get(f"sectors.{s}.sector_electricity_mwh").value if base_cfg.params.get(f"sectors.{s}.sector_electricity_mwh") else None for s in sectors],
        },
        schema={"sector": pl.String, "sector_mwh": pl.Float64},
    )
    table = (
        b.join(a, on=keys, suffix="_after")
        .join(sector_mwh, on="sector", how="left")
        .with_columns(
            (pl.col("gap_eur_per_mwh_after") - pl.col("gap_eur_per_mwh")).alias("gap_change_eur_per_mwh"),
            # what the scenario changes in the plant's own cost in each country (negative = cheaper)
            ((pl.col("total_eur_per_year_after") - pl.col("total_eur_per_year")) / pl.col("consumption_mwh")).alias("cost_change_eur_per_mwh"),
        )
        .with_columns((pl.col("cost_change_eur_per_mwh") * pl.col("sector_mwh") / 1e6).alias("sector_cost_change_meur_per_year"))
        .rename({"gap_eur_per_mwh": "gap_before_eur_per_mwh", "gap_eur_per_mwh_after": "gap_after_eur_per_mwh"})
        .select(
            keys
            + [
                "gap_before_eur_per_mwh",
                "gap_after_eur_per_mwh",
                "gap_change_eur_per_mwh",
                "cost_change_eur_per_mwh",
                "sector_cost_change_meur_per_year",
                "unknown_lines",
                "unknown_lines_after",
            ]
        )
    )
    return PolicyCheck(base, after, table)
