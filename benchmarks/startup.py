"""Start-up benchmark: how long a cold `speelveld` command takes next to importing polars alone.

Usage: python benchmarks/startup.py [--runs 5]

Each command runs in a fresh interpreter (cold: nothing imported yet), `--runs` times; the best
run counts (the least disturbed by the rest of the machine). Both are measured side by side in one
run of this script, so the ratio holds on any machine. Prints, e.g.:

    import polars: 0.21 s
    speelveld --help: 0.19 s (0.9×)
    compare cold: 0.62 s, import polars: 0.21 s, ratio 2.95
    compare --sector all: 1.30 s (6.2×)

followed by where the time of `compare --sector chemie` goes, stage by stage in one interpreter
(each stage after the ones above it), and whether the installed packages have their bytecode:
without it every run compiles them from source (see the Makefile).
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


# Each stage runs after the ones before it in one fresh interpreter, so its time is what it adds.
STAGES = """
import time, io, sys
from pathlib import Path
stamp = time.perf_counter()
def lap(name):
    global stamp
    now = time.perf_counter()
    print(f"{name}\t{now - stamp:.3f}")
    stamp = now
import polars
lap("import polars")
import rich.console, typer
import speelveld.cli
lap("import typer, rich and the CLI")
import pydantic
lap("import pydantic")
from speelveld.config.load import load_year
lap("config model classes (pydantic)")
cfg = load_year(Path("configs"), 2026)
lap("read and validate 2026")
previous = load_year(Path("configs"), 2025)
lap("read and validate 2025 (year-on-year warnings)")
from speelveld.core.compute import compare
result = compare(cfg, ["chemie"], ["DE", "BE", "FR"])
lap("compute chemie with bands")
from rich.console import Console
from speelveld.report.terminal import print_comparison
print_comparison(result, cfg, Console(file=io.StringIO(), width=100), "nl", "electricity")
lap("render the table")
"""


def stages() -> list[tuple[str, float]]:
    run = subprocess.run([sys.executable, "-c", STAGES], cwd=ROOT, check=True, capture_output=True, text=True)
    return [(name, float(t)) for name, t in (line.split("\t") for line in run.stdout.splitlines())]


def has_bytecode(module: str) -> bool:
    import importlib.util

    spec = importlib.util.find_spec(module)
    return spec is not None and spec.origin is not None and any(Path(spec.origin).parent.glob("__pycache__/*.pyc"))


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
    interpreter = best([sys.executable, "-c", "pass"], args.runs)
    print(f"\nwhere compare --sector chemie spends its time (one run, in-process; Python itself starts in {interpreter:.2f} s):")
    laps = min((stages() for _ in range(3)), key=lambda laps: sum(t for _, t in laps))
    for name, t in laps:
        print(f"  {name:<48} {t:.3f} s")
    beyond = sum(t for name, t in laps if name != "import polars")
    print(f"  {'everything but polars':<48} {beyond:.3f} s (a ratio of 1.5 leaves {0.5 * polars:.3f} s)")
    compiled = {m: has_bytecode(m) for m in ("polars", "pydantic", "speelveld")}
    print("bytecode installed: " + ", ".join(f"{m} {'yes' if ok else 'no'}" for m, ok in compiled.items()))


if __name__ == "__main__":
    main()
