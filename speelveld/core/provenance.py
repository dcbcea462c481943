"""Where the numbers come from: sources by country and component, and values that need attention.

A value needs attention ("stale") for the chosen price year when
- it is unknown (no figure found) or an estimate (an assumption, not a published figure);
- the rule it belongs to is no longer in force (its validity window ended before the year), or a
  rate period it belongs to ended before the year began;
- it is a figure that is republished every year (wholesale prices, network tariffs, levy rates,
  EUA prices, the CO2-levy rate, support budgets) and its source dates from two or more years
  before the price year, or has no date at all: the yearly update is overdue. A source's
  ``reviewed`` date (an editor confirmed the figures still hold) counts as its date.
Figures fixed in law (thresholds, percentages, benchmarks) change only with the law and are not
expected to have a source of the year.
"""

from __future__ import annotations

import datetime as dt
import re

import polars as pl

from speelveld.config.model import Quality
from speelveld.config.resolved import Param, RuleWindow, YearConfig, rule_windows

COMPONENT_LABELS = {
    "commodity": "commodity",
    "network": "network",
    "taxes": "taxes and levies",
    "carbon": "carbon",
    "support": "support",
    "eu": "EU ETS",
}

def scope_and_component(path: str) -> tuple[str, str]:
    parts = path.split(".")
    if parts[0] == "eu":
        return "EU", "EU ETS"
    if parts[0] == "sectors":
        return "sectors", parts[1]
    return parts[0], COMPONENT_LABELS.get(parts[1], parts[1])


def source_table(cfg: YearConfig) -> pl.DataFrame:
    """One row per (country, component, source) with the number of values it supports."""
    rows: dict[tuple[str, str, str], dict] = {}
    for p in cfg.params.values():
        scope, component = scope_and_component(p.path)
        key = (scope, component, p.source_id)
        row = rows.setdefault(
            key,
            {
                "country": scope,
                "component": component,
                "source_id": p.source_id,
                "title": p.source.title,
                "publisher": p.source.publisher,
                "date": p.source.date,
                "url": p.source.url,
                "values": 0,
                **{q.value: 0 for q in Quality},
            },
        )
        row["values"] += 1
        row[p.quality.value] += 1
    order = {"EU": 0, "sectors": 2}
    ordered = sorted(rows.values(), key=lambda r: (order.get(r["country"], 1), r["country"], r["component"], -r["values"], r["source_id"]))
    schema = {"country": pl.Utf8, "component": pl.Utf8, "source_id": pl.Utf8, "title": pl.Utf8, "publisher": pl.Utf8, "date": pl.Utf8, "url": pl.Utf8, "values": pl.Int64}
    schema.update({q.value: pl.Int64 for q in Quality})
    return pl.DataFrame(ordered, schema=schema)


def _source_year(date: str | None) -> int | None:
    m = re.match(r"^\s*(\d{4})", date or "")
    return int(m.group(1)) if m else None


def gap_influence(result) -> dict[str, tuple[float, int]]:
    """Per uncertain input: the most it widens any gap's band on its own (€/MWh; inf when it
    leaves the gap open) and how many gaps it moves. ``result`` is a Comparison with bands."""
    bands = result.bands
    if bands is None:
        return {}
    gap_columns = [
        j for j, name in enumerate(bands.outputs)
        if name.endswith("|gap_eur_per_mwh") and name.split("|")[1] != result.reference
    ]
    out: dict[str, tuple[float, int]] = {}
    for u, row in zip(bands.inputs, bands.swing, strict=True):
        swings = [row[j] for j in gap_columns if row[j] == row[j] and row[j] > 1e-9]
        width, moved = (max(swings), len(swings)) if swings else (0.0, 0)
        before = out.get(u.path, (0.0, 0))
        out[u.path] = (max(before[0], width), max(before[1], moved))
    return out


LEVERAGE_PCT = 10  # a point estimate's leverage: what moving it by ±10 % moves the gaps by


_LEVERAGE: dict[tuple, dict[str, tuple[float, int]]] = {}


def point_leverage(cfg: YearConfig, sectors: list[str], countries: list[str], reference: str, paths, pct: float = LEVERAGE_PCT) -> dict[str, tuple[float, int]]:
    """Per point estimate among ``paths`` (a figure without a band): the most a move of ±``pct``
    % moves any gap (€/MWh, from the lowest to the highest end) and how many gaps it moves. The
    wholesale price and the EUA price move every gap; without this they would rank as moving none.
    Kept per resolved configs."""
    key = (cfg.resolved_hash(), cfg.year, tuple(sectors), tuple(countries), reference, tuple(sorted(set(paths))), pct)
    from speelveld.core.compute import kept

    return dict(kept(_LEVERAGE, ("point_leverage", *key), lambda: _point_leverage(cfg, sectors, countries, reference, paths, pct), limit=32))


def _point_leverage(cfg: YearConfig, sectors: list[str], countries: list[str], reference: str, paths, pct: float) -> dict[str, tuple[float, int]]:
    from speelveld.core.bands import Uncertain, compute_bands, uncertain_inputs
    from speelveld.core.compute import plan_sector, sector_runner, uncertain_paths

    points = sorted(p for p in set(paths) if (q := cfg.params.get(p)) is not None and not q.uncertain and q.value)
    if not points:
        return {}
    chosen = [reference] + [c for c in countries if c != reference]
    varied = uncertain_paths(cfg) | set(points)
    plans = {s: plan_sector(cfg, s, chosen, varied) for s in sectors}
    gaps = {s: [p.col(cc, "gap_eur_per_mwh") for cc in p.lines if cc != reference] for s, p in plans.items()}
    used = {path for p in plans.values() for path in p.inputs}
    inputs = uncertain_inputs(cfg.params, used)
    for path in points:
        if path in used:
            v = cfg.params[path].value
            lo, hi = sorted((v * (1 - pct / 100), v * (1 + pct / 100)))
            inputs.append(Uncertain(path, path, lo, hi, v, v, False, True))

    bands = compute_bands(sector_runner(plans, reference, gaps), inputs, [name for s in plans for name in gaps[s]])
    out = {}
    for u, row in zip(bands.inputs, bands.swing, strict=True):
        if u.path in points:
            swings = [x for x in row if x == x and x > 1e-9]
            out[u.path] = (max(swings), len(swings)) if swings else (0.0, 0)
    return out


def stale_values(cfg: YearConfig, result=None, leverage: dict[str, tuple[float, int]] | None = None) -> pl.DataFrame:
    """Every value that needs attention for ``cfg.year``, with the reason. With ``result`` (a
    Comparison of every sector and country, with bands) each row also says how much the value
    can move the gaps, and the table is ranked by it: where an hour of updating matters most. A
    value with a band counts its band; a point estimate its ``leverage`` (see ``point_leverage``)."""
    windows = rule_windows(cfg)
    influence = gap_influence(result) if result is not None else {}
    leverage = leverage or {}
    year_start = dt.date(cfg.year, 1, 1)
    rows = []
    for p in cfg.params.values():
        width, moved = influence.get(p.path, (0.0, 0))
        shift, shifted = leverage.get(p.path, (None, 0))
        for reason, detail in _reasons(cfg, p, windows, year_start):
            scope, component = scope_and_component(p.path)
            rows.append(
                {
                    "gap_width_eur_per_mwh": None if width == float("inf") else width,
                    "opens_gaps": width == float("inf"),
                    "gaps_moved": moved,
                    "leverage_eur_per_mwh": shift,
                    "gaps_leveraged": shifted,
                    "country": scope,
                    "component": component,
                    "path": p.path,
                    "value": p.value,
                    "low": p.low,
                    "high": p.high,
                    "unit": p.unit,
                    "quality": p.quality.value,
                    "reason": reason,
                    "detail": detail,
                    "source_id": p.source_id,
                    "source_date": p.source.date,
                    "file": cfg.relative_file(p.file),
                    "line": p.line,
                }
            )
    schema = {
        "country": pl.Utf8, "component": pl.Utf8, "path": pl.Utf8, "value": pl.Float64, "low": pl.Float64, "high": pl.Float64, "unit": pl.Utf8,
        "quality": pl.Utf8, "reason": pl.Utf8, "detail": pl.Utf8, "source_id": pl.Utf8, "source_date": pl.Utf8, "file": pl.Utf8, "line": pl.Int64,
        "gap_width_eur_per_mwh": pl.Float64, "opens_gaps": pl.Boolean, "gaps_moved": pl.Int64,
        "leverage_eur_per_mwh": pl.Float64, "gaps_leveraged": pl.Int64,
    }
    table = pl.DataFrame(rows, schema=schema).select(list(schema))
    if result is None:
        return table
    # how far a value can move a gap: its band's width, or for a point estimate what ±10 % does
    reach = pl.max_horizontal(pl.col("gap_width_eur_per_mwh").fill_null(0), pl.col("leverage_eur_per_mwh").fill_null(0))
    return table.with_row_index("_order").sort(
        [pl.col("opens_gaps"), pl.col("gaps_moved") * pl.col("opens_gaps").cast(pl.Int64), reach, "_order"],
        descending=[True, True, True, False],
    ).drop("_order")


def _reasons(cfg: YearConfig, p: Param, windows: dict[str, RuleWindow], year_start: dt.date):
    if p.quality == Quality.unknown:
        yield "unknown", p.note or "no figure found"
    elif p.quality == Quality.estimate:
        yield "estimate", p.note or ""
    elif p.quality == Quality.projection:
        yield "projection", p.note or ""
    for prefix, window in windows.items():
        if p.path.startswith(prefix + "."):
            v = window.validity
            if v is not None and v.to_year is not None and v.to_year < cfg.year:
                yield "expired", f"{window.label}: in force until {v.to_year}"
    m = re.search(r"\.rate_periods\.(\d+)\.", p.path)
    if m:
        levy_path = p.path[: m.start()]
        levy = _levy_at(cfg, levy_path)
        if levy is not None and levy.rate_periods is not None:
            period = levy.rate_periods[int(m.group(1))]
            if period.end < year_start:
                yield "expired", f"rate period {period.start} to {period.end} ended before {cfg.year}"
    if p.yearly and p.quality != Quality.unknown and not p.path.startswith("sectors."):
        years = [y for y in (_source_year(p.source.date), _source_year(p.source.reviewed)) if y is not None]
        source_year = max(years) if years else None
        if source_year is None:
            yield "update overdue", f"a yearly figure whose source ({p.source_id}) has no date"
        elif source_year <= cfg.year - 2:
            yield "update overdue", f"a yearly figure from a {source_year} source ({p.source_id}) used for {cfg.year}"


def _levy_at(cfg: YearConfig, levy_path: str):
    cc, _, _, levy_id = levy_path.split(".")[:4]
    country = cfg.countries.get(cc)
    if country is None:
        return None
    return next((lv for lv in country.taxes.levies if lv.id == levy_id), None)
