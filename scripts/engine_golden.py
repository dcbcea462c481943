"""Write fixtures/engine-golden/results.json: every line and total of every sector and country of
the frozen copy of the shipped configs in fixtures/engine-golden/. tests/core/test_engine_golden.py
compares the engine against it to 1e-9, so that a refactor of the engine cannot change a number
unnoticed. Regenerate only for a deliberate change of the engine's results:

    python scripts/engine_golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speelveld.config.load import available_years, load_year  # noqa: E402
from speelveld.core.compute import compare  # noqa: E402

GOLDEN = ROOT / "fixtures" / "engine-golden"
NUMBERS = ("eur_per_year", "eur_per_mwh", "low_eur_per_mwh", "high_eur_per_mwh")


def results() -> dict:
    out = {}
    for year in available_years(GOLDEN):
        cfg = load_year(GOLDEN, year)
        result = compare(cfg, sorted(cfg.sectors), [c for c in sorted(cfg.countries) if c != "NL"], reference="NL")
        lines = {f"{r['sector']}|{r['country']}|{r['key']}": [r[k] for k in NUMBERS] for r in result.lines.iter_rows(named=True)}
        totals = {
            f"{r['sector']}|{r['country']}|{k}": r[k]
            for r in result.totals.iter_rows(named=True)
            for k, v in r.items()
            if isinstance(v, float) or v is None and k.endswith(("_mwh", "_year", "_pct"))
        }
        out[str(year)] = {"lines": lines, "totals": totals}
    return out


def main() -> None:
    (GOLDEN / "results.json").write_text(json.dumps(results(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN / 'results.json'}")


if __name__ == "__main__":
    main()
