"""Hourly day-ahead prices of the four bidding zones (data/hourly/day-ahead.parquet, see its
README): read once with polars, by local calendar year."""

from __future__ import annotations

import functools
from pathlib import Path

import polars as pl

from speelveld.errors import UsageProblem
from speelveld.said import said

ZONES = ("NL", "DE", "BE", "FR")
LOCAL = "Europe/Berlin"  # the bidding zones' common clock (CET/CEST)
FILE = Path(__file__).resolve().parent.parent / "data" / "hourly" / "day-ahead.parquet"


@functools.cache
def _all(path: Path = FILE) -> pl.DataFrame:
    frame = pl.read_parquet(path)
    return frame.with_columns(pl.col("utc").dt.convert_time_zone(LOCAL).alias("local"))


def covered_years() -> list[int]:
    """The local calendar years the file holds whole."""
    counts = _all().group_by(pl.col("local").dt.year().alias("year")).len()
    return sorted(r["year"] for r in counts.iter_rows(named=True) if r["len"] >= 8760)


def year_prices(year: int) -> pl.DataFrame:
    """Every hour of a local calendar year: utc, local and the four zones' prices (€/MWh)."""
    if year not in covered_years():
        raise UsageProblem('--year: ' + said("hourly_prices_cover_whole", years=', '.join(map(str, covered_years())), year=year))
    return _all().filter(pl.col("local").dt.year() == year)
