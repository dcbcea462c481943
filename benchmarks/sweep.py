"""Benchmark of sensitivity sweeps: one vectorised polars query against a per-scenario loop.

Usage: python benchmarks/sweep.py [--sizes 1000,10000,100000,1000000] [--loop-sizes 1000] [--stream 100000000]
       [--bands 100000,1000000]

The default measures the per-scenario loop on 1,000 scenarios and compares every size against
that rate (the loop's rate does not depend on the count; 10,000 takes minutes): the whole default
run takes well under a minute.

Each size runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own. The sweep is
one sector (chemie, shipped 2026 configs) against four countries, with two parameters drawn at
random. The per-scenario loop evaluates the same engine expressions on a one-row frame per
scenario, the way a spreadsheet-style tool would. Prints one line per size:

    sweep 1000000 scenarios: 1.40 s, 714000 scenarios/s, 180x per-scenario loop, peak 900 MB
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VARY = ["eu.eua_forward_price_eur_per_t=uniform(60,160)", "DE.commodity.baseload_eur_per_mwh=normal(90,15)"]


def _setup():
    from speelveld.config.load import default_config_dir, load_year
    from speelveld.core.sweep import parse_vary

    cfg = load_year(default_config_dir(), 2026)
    varies = [parse_vary(v, cfg, "chemie") for v in VARY]
    return cfg, varies


def run_vectorised(n: int) -> dict:
    from speelveld.core.sweep import sweep_query

    cfg, varies = _setup()
    start = time.perf_counter()
    frame = sweep_query(cfg, "chemie", ["DE", "BE", "FR"], "NL", varies, n, 1, n).collect()
    elapsed = time.perf_counter() - start
    assert frame.height == n
    return {"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_loop(n: int) -> dict:
    import polars as pl

    from speelveld.core.compute import col, evaluate, plan_sector
    from speelveld.core.sweep import sweep_query

    cfg, varies = _setup()
    draws = sweep_query(cfg, "chemie", ["DE", "BE", "FR"], "NL", varies, n, 1, n).select([v.path for v in varies]).collect()
    plan = plan_sector(cfg, "chemie", ["NL", "DE", "BE", "FR"], frozenset(v.path for v in varies))
    start = time.perf_counter()
    for row in draws.iter_rows(named=True):
        one = evaluate(pl.DataFrame({k: [v] for k, v in row.items()}), [plan], "NL").select(col("chemie", "DE", "gap_eur_per_mwh")).collect()
        assert one.height == 1
    return {"seconds": time.perf_counter() - start}


def run_stream(n: int) -> dict:
    from speelveld.core.sweep import sweep_query

    cfg, varies = _setup()
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "sweep.parquet"
        start = time.perf_counter()
        sweep_query(cfg, "chemie", ["DE", "BE", "FR"], "NL", varies, n, 1, n).sink_parquet(out)
        elapsed = time.perf_counter() - start
        size = out.stat().st_size
    return {"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "file_mb": size / 1e6}


def run_bands(n: int) -> dict:
    """`sweep --bands uniform` without the printing: every input with a band drawn (26 for chemie
    2026), the wholesale prices through their copula, the engine, and the summary with its tornado."""
    from speelveld.config.load import default_config_dir, load_year
    from speelveld.core.sweep import band_varies, co_moving_links, sweep_query
    from speelveld.core.sweep_results import reaches, summarise

    cfg = load_year(default_config_dir(), 2026)
    countries = ["DE", "BE", "FR"]
    varies = band_varies(cfg, "chemie", countries, "NL", "uniform", set())
    links = co_moving_links(cfg, varies, [], set())
    start = time.perf_counter()
    frame = sweep_query(cfg, "chemie", countries, "NL", varies, n, 1, n, links).collect()
    drawn = time.perf_counter() - start
    summarise(frame, varies, countries, reaches(cfg, "chemie", countries, "NL", varies, links))
    return {"seconds": time.perf_counter() - start, "engine_seconds": drawn, "inputs": len(varies)}


def child(kind: str, n: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(n)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--loop-sizes", default="1000", help="per-scenario loop sizes; the slowest rate is the reference")
    ap.add_argument("--stream", type=int, default=0, help="also stream a sweep of this many scenarios to Parquet")
    ap.add_argument("--bands", default="", help="also time `sweep --bands uniform` at these sizes, e.g. 100000,1000000")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, n = args.child[0], int(args.child[1])
        print(json.dumps({"vector": run_vectorised, "loop": run_loop, "stream": run_stream, "bands": run_bands}[kind](n)))
        return
    loop_rate = {}
    for n in [int(x) for x in args.loop_sizes.split(",") if x]:
        r = child("loop", n)
        loop_rate[n] = n / r["seconds"]
        print(f"loop  {n} scenarios: {r['seconds']:.2f} s, {loop_rate[n]:,.0f} scenarios/s")
    reference_rate = min(loop_rate.values()) if loop_rate else None
    if reference_rate:
        print(f"(the loop's rate, measured on {', '.join(f'{n:,}' for n in loop_rate)} scenarios, is taken as its rate at every size)")
    for n in [int(x) for x in args.sizes.split(",") if x]:
        r = child("vector", n)
        rate = n / r["seconds"]
        ratio = f", {rate / reference_rate:,.0f}x per-scenario loop" if reference_rate else ""
        print(f"sweep {n} scenarios: {r['seconds']:.2f} s, {rate:,.0f} scenarios/s{ratio}, peak {r['peak_mb']:,.0f} MB")
    for n in [int(x) for x in args.bands.split(",") if x]:
        r = child("bands", n)
        print(f"sweep --bands {n} draws of {r['inputs']} inputs: {r['seconds']:.2f} s (draws and engine {r['engine_seconds']:.2f} s, summary and tornado the rest)")
    if args.stream:
        r = child("stream", args.stream)
        print(f"stream {args.stream} scenarios to parquet: {r['seconds']:.2f} s, {args.stream / r['seconds']:,.0f} scenarios/s, peak {r['peak_mb']:,.0f} MB, file {r['file_mb']:,.0f} MB")


if __name__ == "__main__":
    main()
