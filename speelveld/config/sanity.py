"""Warnings for input that is legal but suspicious, by kind; `--strict KINDS` turns the named
kinds into errors.

- ``changes``: a country or EU value more than 3× (or less than a third of) the same value in the
  previous price year, or with the opposite sign: more often a typo or a unit slip (ct/kWh
  written as €/MWh) than a real change.
- ``estimates``: estimates behind a headline number: the totals rest on assumptions, which the
  reader of the gap should know (the sector archetypes are assumptions by design and are not counted).
- ``incomplete``: a gap that is one-sided or undetermined because a line without bounds is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speelveld.config.overrides import origin_of_note
from speelveld.config.resolved import YearConfig

FACTOR = 3.0
KINDS = ("changes", "estimates", "incomplete", "countries")


@dataclass(frozen=True)
class Warning:
    """A warning as data: its kind (for --strict), the label-table key of its wording and the
    values it names; reports word it in the chosen language (report.labels.warning_text)."""

    kind: str
    key: str
    fields: dict = field(default_factory=dict)


def year_over_year(cfg: YearConfig, previous: YearConfig | None) -> list[Warning]:
    if previous is None:
        return []
    out = []
    for path, p in cfg.params.items():
        if path.startswith("sectors.") or ".rate_periods." in path:
            continue  # archetypes are one file for every year; rate periods differ by date, not by position
        set_by = origin_of_note(p.note) if p.source_id == "override" and p.note else None
        q = previous.params.get(path)
        if q is None or p.value is None or q.value is None or p.value == 0 or q.value == 0:
            continue
        ratio = p.value / q.value
        if not (ratio < 0 or ratio > FACTOR or ratio < 1 / FACTOR):
            continue
        # a value from --set (or a scenario's set:) is placed by that, not by the file line it replaced
        where = set_by or (f"{cfg.relative_file(p.file)}:{p.line}" if p.line else cfg.relative_file(p.file))
        key = "w_sign" if ratio < 0 else "w_ratio"
        out.append(Warning("changes", key, {"where": where, "path": path, "value": float(p.value), "unit": p.unit, "ratio": float(ratio), "year": previous.year, "old": float(q.value)}))
    return out


def vary_ranges(cfg: YearConfig, varies) -> list[Warning]:
    """A --vary whose range reaches more than FACTOR times (or below 1/FACTOR of) the config's own
    value, or crosses zero from it: the same slip (a unit, a digit) year_over_year looks for in a
    config, in the sweep's bounds (kind "changes", so `--strict changes` refuses it)."""
    out = []
    for v in varies:
        p = cfg.params.get(v.path)
        if p is None or not p.value:
            continue
        ends = list(v.values) if v.is_grid else ([v.a, v.b] if v.dist in ("uniform", "triangular") else [v.a - 3 * v.b, v.a + 3 * v.b])
        for end in ends:
            ratio = end / p.value
            if ratio < 0 or ratio > FACTOR or (end and ratio < 1 / FACTOR):
                out.append(Warning("changes", "w_vary_ratio", {"given": v.given, "end": float(end), "unit": p.unit, "ratio": float(ratio), "value": float(p.value)}))
                break
    return out


def missing_countries(cfg: YearConfig, previous: YearConfig | None) -> list[Warning]:
    """A country the previous price year has and this one lacks: a country file left out of a new
    year drops that country from every result without a word otherwise."""
    if previous is None:
        return []
    return [Warning("countries", "w_country_gone", {"country": cc, "year": cfg.year, "previous": previous.year, "folder": cfg.relative_file(str(cfg.config_dir / str(cfg.year) / "countries"))})
            for cc in sorted(set(previous.countries) - set(cfg.countries))]


def estimates_in_totals(lines) -> list[Warning]:
    """One warning per country whose totals use estimated lines; ``lines`` is Comparison.lines."""
    import polars as pl

    est = lines.filter(pl.col("quality").is_in(["estimate", "projection"]) & pl.col("eur_per_year").is_not_null() & (pl.col("eur_per_year") != 0))
    out = []
    for (country,), rows in est.group_by("country", maintain_order=True):
        keys = list(dict.fromkeys(rows["key"].to_list()))
        out.append(Warning("estimates", "w_estimates", {"country": country, "keys": keys}))
    return out


def incomplete_gaps(totals) -> list[Warning]:
    """One warning per country whose gap to the reference is not complete in some sector."""
    import polars as pl

    rows = totals.filter(~pl.col("complete") & (pl.col("gap_bound") != "exact"))
    out = []
    for (country,), group in rows.group_by("country", maintain_order=True):
        out.append(Warning("incomplete", "w_incomplete", {"country": country, "sectors": group["sector"].to_list(), "bounds": sorted(set(group["gap_bound"].to_list()))}))
    return out
