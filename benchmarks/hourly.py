"""Hourly benchmark: reading a year of hourly prices, and the hybrid e-boiler's dispatch for four
zones × every hour of 2024 (8,784) × 1,000 CO2 prices as one polars query.

Usage: python benchmarks/hourly.py [--runs 5]

Prints, e.g.:

    load a year of hourly prices (fresh read of the parquet file): 0.02 s
    hybrid dispatch, 4 zones × 8,784 h × 1,000 CO2 prices: 0.05 s
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from speelveld.config import hourly
    from speelveld.core.hybrid import CountryCosts, Plant, dispatch

    loads = []
    for _ in range(args.runs):
        hourly._all.cache_clear()
        started = time.perf_counter()
        prices = hourly.year_prices(2024)
        loads.append(time.perf_counter() - started)
    print(f"load a year of hourly prices (fresh read of the parquet file): {min(loads):.3f} s")
    costs = [CountryCosts(cc, 5.0, 1e6, 35.0, prices[cc].mean()) for cc in hourly.ZONES]
    plant = Plant(876_000, prices.height, 0.99, 0.9, 0.184, 2e6, 1e6)
    co2 = [float(x) for x in range(1000)]
    runs = []
    for _ in range(args.runs):
        started = time.perf_counter()
        frame = dispatch(prices, costs, plant, co2)
        runs.append(time.perf_counter() - started)
    print(f"hybrid dispatch, 4 zones × {prices.height:,} h × {len(co2):,} CO2 prices: {min(runs):.3f} s ({frame.height:,} rows)")


if __name__ == "__main__":
    main()
