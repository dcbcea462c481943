"""Start-up benchmark: how long a cold `speelveld` command takes next to importing polars alone.

Usage: python benchmarks/startup.py [--runs 5]

Each command runs in a fresh interpreter (cold: nothing imported yet), `--runs` times; the best
run counts (the least disturbed by the rest of the machine). Both are measured side by side in one
run of this script, so the ratio holds on any machine. Prints, e.g.:

    import polars: 0.21 s
    speelveld --help: 0.19 s (0.9×)
    compare cold: 0.62 s, import polars: 0.21 s, ratio 2.95
    compare --sector all: 1.30 s (6.2×)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = [sys.executable, "-c", "import sys; from speelveld.cli import main; sys.argv[0] = 'speelveld'; main()"]


def best(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    polars = best([sys.executable, "-c", "import polars"], args.runs)
    print(f"import polars: {polars:.2f} s")
    helptime = best(ENTRY + ["--help"], args.runs)
    print(f"speelveld --help: {helptime:.2f} s ({helptime / polars:.1f}×)")
    compare = best(ENTRY + ["compare", "--sector", "chemie"], args.runs)
    print(f"compare cold: {compare:.2f} s, import polars: {polars:.2f} s, ratio {compare / polars:.2f}")
    everything = best(ENTRY + ["compare", "--sector", "all"], max(1, args.runs // 2))
    print(f"compare --sector all: {everything:.2f} s ({everything / polars:.1f}×)")


if __name__ == "__main__":
    main()
