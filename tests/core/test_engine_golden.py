"""The engine's results on a frozen copy of the shipped 2024–2026 configs stay what they were:
every line (€/yr, €/MWh, band) and every total and gap of every sector and country, to 1e-9.
A refactor of the engine must leave every electricity result unchanged; a deliberate change of
the results regenerates the golden file (`python scripts/engine_golden.py`)."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from engine_golden import GOLDEN, results  # noqa: E402


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def test_every_line_and_total_equals_the_golden_results():
    golden = json.loads((GOLDEN / "results.json").read_text(encoding="utf-8"))
    now = results()
    assert sorted(now) == sorted(golden) == ["2024", "2025", "2026"]
    for year in golden:
        for part in ("lines", "totals"):
            a, b = golden[year][part], now[year][part]
            assert sorted(a) == sorted(b), (year, part, sorted(set(a) ^ set(b))[:5])
            for key in a:
                old, new = a[key], b[key]
                if isinstance(old, list):
                    assert all(_close(x, y) for x, y in zip(old, new, strict=True)), (year, key, old, new)
                else:
                    assert _close(old, new), (year, key, old, new)
