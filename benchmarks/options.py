"""Spending-options benchmark: how long `speelveld opties` takes for the shipped options over the
years, as a user runs it (a fresh interpreter each time, the best of --runs).

Usage: python benchmarks/options.py [--runs 3]

Prints, e.g.:

    opties, 9 options × 5 years, every sector: 3.9 s (table; the break-even CO2 price for one year)
    opties --mix, 9 options × 5 years and the best mix of each year: 4.3 s
    opties --format csv (the break-even price for every year): 4.6 s
    one year in one process (no parallel workers): 0.85 s

The years are computed in parallel processes (`app.options_over_years`), so the figure depends on
the number of cores: os.cpu_count() is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = [sys.executable, "-c", "import sys; from speelveld.cli import main; sys.argv[0] = 'speelveld'; main()"]


def best(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(ENTRY + args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return min(times)


def one_year_in_process() -> float:
    from speelveld.config.load import default_config_dir, load_year
    from speelveld.config.scenario import available_scenarios, load_scenario
    from speelveld.core.options import options_year

    d = default_config_dir()
    names = [n for n in available_scenarios(d) if load_scenario(d, n).option is not None]
    infos = {n: load_scenario(d, n).option for n in names}
    base = load_year(d, 2029)
    options = {n: load_year(d, 2029, [], scenario=n) for n in names}
    options_year(base, options, "NL", ["DE", "BE", "FR"], infos=infos)  # warm: polars' first query
    base = load_year(d, 2028)
    options = {n: load_year(d, 2028, [], scenario=n) for n in names}
    started = time.perf_counter()
    options_year(base, options, "NL", ["DE", "BE", "FR"], infos=infos)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}")
    from speelveld.config.load import default_config_dir
    from speelveld.config.scenario import available_scenarios, load_scenario

    n = sum(1 for x in available_scenarios(default_config_dir()) if load_scenario(default_config_dir(), x).option is not None)
    print(f"opties, {n} options × 5 years, every sector: {best(['opties', '--years', '2026:2030'], args.runs):.2f} s (table; the break-even CO2 price for one year)")
    print(f"opties --mix, {n} options × 5 years and the best mix of each year: {best(['opties', '--years', '2026:2030', '--mix'], args.runs):.2f} s")
    print(f"opties --format csv (the break-even price for every year): {best(['opties', '--years', '2026:2030', '--format', 'csv'], args.runs):.2f} s")
    print(f"one year in one process (no parallel workers): {one_year_in_process():.2f} s")


if __name__ == "__main__":
    main()
