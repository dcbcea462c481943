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


def assert_worded_in_dutch(english: str, dutch: str) -> None:
    """The run in Dutch (the default) printed as many error lines as the run with --lang en, and
    none of them as it was in English: each message is keyed, so each is worded in Dutch."""
    en_lines = [ln for ln in english.splitlines() if ln.startswith("error: ")]
    nl_lines = [ln for ln in dutch.splitlines() if ln.startswith("error: ")]
    assert en_lines and len(nl_lines) == len(en_lines), dutch
    for en_line, nl_line in zip(en_lines, nl_lines, strict=True):
        assert nl_line != en_line, f"{nl_line!r} is not worded in Dutch"
