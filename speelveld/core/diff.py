"""How each gap changed between two runs (two price years, or two config directories),
decomposed by cost line.

The gap to the reference is Σ reference lines − Σ country lines (€/MWh of each run's own
consumption), so its change is exactly the sum of the lines' effects: a reference line's change
counts as it is, a country line's change with the opposite sign. Lines are matched by key; a
line present in only one run counts as 0 in the other. An unknown line counts as 0 in the
totals, as in `compare`, and is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from speelveld.core.compute import Comparison


@dataclass
class Diff:
    label_a: str
    label_b: str
    reference: str
    gaps: pl.DataFrame  # sector, country, gap_a, gap_b, change (€/MWh)
    lines: pl.DataFrame  # sector, country, side, key, label, a, b, effect (€/MWh), unknown


def diff(a: Comparison, b: Comparison, label_a: str, label_b: str) -> Diff:
    if a.reference != b.reference:
        raise ValueError("both runs need the same reference country")
    ref = a.reference
    sectors = [s for s in a.sectors if s in b.sectors]
    countries = [c for c in a.countries if c in b.countries and c != ref]

    def per_mwh(result: Comparison) -> pl.DataFrame:
        return result.lines.filter(pl.col("sector").is_in(sectors)).select("sector", "country", "key", "label", "eur_per_mwh")

    la, lb = per_mwh(a), per_mwh(b)
    joined = la.join(lb, on=["sector", "country", "key"], how="full", coalesce=True, suffix="_b").rename({"eur_per_mwh": "a", "eur_per_mwh_b": "b"})
    joined = joined.with_columns(pl.coalesce("label_b", "label").alias("label")).drop("label_b")
    unknown_a = _unknown_keys(a)
    unknown_b = _unknown_keys(b)
    rows = []
    for r in joined.iter_rows(named=True):
        for country in countries:
            if r["country"] not in (ref, country):
                continue
            sign = 1.0 if r["country"] == ref else -1.0
            va, vb = r["a"] or 0.0, r["b"] or 0.0
            k = (r["sector"], r["country"], r["key"])
            rows.append(
                {
                    "sector": r["sector"],
                    "country": country,
                    "side": r["country"],
                    "key": r["key"],
                    "label": r["label"],
                    "a": r["a"],
                    "b": r["b"],
                    "effect": sign * (vb - va),
                    "unknown": k in unknown_a or k in unknown_b,
                }
            )
    schema = {"sector": pl.Utf8, "country": pl.Utf8, "side": pl.Utf8, "key": pl.Utf8, "label": pl.Utf8, "a": pl.Float64, "b": pl.Float64, "effect": pl.Float64, "unknown": pl.Boolean}
    lines = pl.DataFrame(rows, schema=schema)
    lines = lines.with_columns(pl.col("effect").abs().alias("_size")).sort(["sector", "country", "_size", "side", "key"], descending=[False, False, True, False, False]).drop("_size")

    def gap(result: Comparison, alias: str) -> pl.DataFrame:
        return result.totals.filter(pl.col("sector").is_in(sectors) & pl.col("country").is_in(countries)).select("sector", "country", pl.col("gap_eur_per_mwh").alias(alias))

    gaps = gap(a, "gap_a").join(gap(b, "gap_b"), on=["sector", "country"], how="inner")
    gaps = gaps.with_columns((pl.col("gap_b") - pl.col("gap_a")).alias("change"))
    order = {c: i for i, c in enumerate(countries)}
    gaps = gaps.sort(by=[pl.col("sector"), pl.col("country").replace_strict(order, return_dtype=pl.Int64)])
    return Diff(label_a, label_b, ref, gaps, lines)


def _unknown_keys(result: Comparison) -> set[tuple[str, str, str]]:
    rows = result.lines.filter(pl.col("eur_per_year").is_null()).select("sector", "country", "key").iter_rows()
    return {tuple(r) for r in rows}
