"""Build data/hourly/day-ahead.parquet from SMARD's hourly 'Großhandelspreise' exports (the four
zones NL, DE-LU, BE and FR), as the data README describes. Usage:

    python scripts/hourly_prices.py SMARD_2024.csv SMARD_2025_2026.csv

Each export is semicolon-separated with a decimal comma and '-' for missing, 'Datum von' in German
local time: localised with Europe/Berlin (the repeated 02:00 of an autumn day is the first and then
the second occurrence), converted to UTC, and checked to be one row per hour without gaps.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

ZONES = {"Niederlande": "NL", "Deutschland/Luxemburg": "DE", "Belgien": "BE", "Frankreich": "FR"}
OUT = Path(__file__).resolve().parent.parent / "data" / "hourly" / "day-ahead.parquet"


def read_export(path: Path) -> pl.DataFrame:
    raw = pl.read_csv(path, separator=";", infer_schema=False, encoding="utf8-lossy")
    raw = raw.rename({raw.columns[0]: "Datum von"})
    columns = {next(c for c in raw.columns if c.startswith(name + " [")): code for name, code in ZONES.items()}
    local = pl.col("Datum von").str.strptime(pl.Datetime("us"), "%d.%m.%Y %H:%M")
    frame = raw.select(local.alias("local"), *[pl.col(c).str.replace(",", ".").cast(pl.Float64).alias(code) for c, code in columns.items()])
    # the autumn day's repeated hour: the second row of the same local time is the later instant
    second = pl.col("local").cum_count().over("local") > 1
    ambiguous = pl.when(second).then(pl.lit("latest")).otherwise(pl.lit("earliest"))
    utc = pl.col("local").dt.replace_time_zone("Europe/Berlin", ambiguous=ambiguous).dt.convert_time_zone("UTC")
    return frame.with_columns(utc.alias("utc")).select("utc", *ZONES.values())


def main(paths: list[str]) -> None:
    frame = pl.concat([read_export(Path(p)) for p in paths]).unique("utc", keep="first").sort("utc")
    frame = frame.filter(pl.col("utc").dt.convert_time_zone("Europe/Berlin").dt.year() >= 2024)  # whole local years from 2024
    steps = frame["utc"].diff().drop_nulls().unique().to_list()
    if [s.total_seconds() for s in steps] != [3600.0]:
        raise SystemExit(f"the hours are not contiguous: steps {steps}")
    if frame.select(pl.any_horizontal(pl.all().is_null()).any()).item():
        raise SystemExit("a price is missing")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(OUT, compression="zstd", compression_level=19, statistics=False)
    print(f"{OUT}: {frame.height} hours, {frame['utc'].min()} to {frame['utc'].max()} UTC, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
