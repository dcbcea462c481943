"""Small helpers shared by the tests: run the engine on the fixture with overrides."""

from __future__ import annotations

from pathlib import Path

from speelveld.config.load import Override, load_year
from speelveld.core.compute import Comparison, compare

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "basic"


def run(*sets: str, countries=("DE", "FR"), reference: str = "NL", sector: str = "plant") -> Comparison:
    cfg = load_year(FIXTURE, 2030, [Override.parse(s) for s in sets])
    return compare(cfg, [sector], list(countries), reference=reference)


def line(result: Comparison, country: str, key: str) -> float | None:
    rows = result.lines.filter((result.lines["country"] == country) & (result.lines["key"] == key))
    assert rows.height == 1, f"{country} {key}: {rows.height} rows"
    return rows["eur_per_year"][0]


def total(result: Comparison, country: str, field: str = "total_eur_per_year") -> float:
    rows = result.totals.filter(result.totals["country"] == country)
    return rows[field][0]
