"""How each gap changed between two runs (two price years, or two config directories),
decomposed by cost line.

The gap to the reference is Σ reference electricity lines − Σ country electricity lines (€/MWh
of each run's own consumption), so its change is exactly the sum of the lines' effects: a
reference line's change counts as it is, a country line's change with the opposite sign. Lines
are matched by key; a line present in only one run counts as 0 in the other. An unknown line
without bounds counts as 0, as in the central totals of `compare`, and is flagged.

Each effect is *policy* (a decision the later run's config names under ``policy_changes``: a
levy abolished, a scheme extended), *real* (a price, tariff or rule changed otherwise, also when
its flag changed with it: an estimate carried into a new year and then replaced by the published
figure is the yearly update itself, so the flag change is noted beside the line, not counted
apart) or *data* (the figure became known or unknown, or is unknown in both runs): a gap that
moves only because a levy was unknown one year and estimated the next has not moved in the
world. The gap change is the sum of the three kinds.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from speelveld.core.compute import Comparison
from speelveld.said import said


@dataclass
class Diff:
    label_a: str
    label_b: str
    reference: str
    gaps: pl.DataFrame  # sector, country, gap_a, gap_b, change, policy, real, data (€/MWh), bounds
    lines: pl.DataFrame  # sector, country, side, key, label, a, b, effect (€/MWh), unknown, kind (policy | real | data), policy (its label), flag ("estimate→published")


def diff(a: Comparison, b: Comparison, label_a: str, label_b: str) -> Diff:
    if a.reference != b.reference:
        raise ValueError(said("both_runs_need_same"))
    ref = a.reference
    sectors = [s for s in a.sectors if s in b.sectors]
    countries = [c for c in a.countries if c in b.countries and c != ref]

    def per_mwh(result: Comparison) -> pl.DataFrame:
        return result.lines.filter(pl.col("sector").is_in(sectors) & (pl.col("subtotal") == "electricity")).select(
            "sector", "country", "key", "label", "eur_per_mwh", "quality", "policy"
        )

    la, lb = per_mwh(a), per_mwh(b)
    joined = la.join(lb, on=["sector", "country", "key"], how="full", coalesce=True, suffix="_b").rename(
        {"eur_per_mwh": "a", "eur_per_mwh_b": "b", "quality": "quality_a", "quality_b": "quality_b", "policy": "policy_a"}
    )
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
                    "kind": "policy" if _decided(r["policy_a"], r["policy_b"]) else _kind(r["quality_a"], r["quality_b"]),
                    "policy": r["policy_b"] if _decided(r["policy_a"], r["policy_b"]) else None,
                    "flag": f"{r['quality_a']}→{r['quality_b']}" if r["quality_a"] and r["quality_b"] and r["quality_a"] != r["quality_b"] else None,
                }
            )
    schema = {"sector": pl.Utf8, "country": pl.Utf8, "side": pl.Utf8, "key": pl.Utf8, "label": pl.Utf8, "a": pl.Float64, "b": pl.Float64, "effect": pl.Float64, "unknown": pl.Boolean, "kind": pl.Utf8, "policy": pl.Utf8, "flag": pl.Utf8}
    lines = pl.DataFrame(rows, schema=schema)
    lines = lines.with_columns(pl.col("effect").abs().alias("_size")).sort(["sector", "country", "_size", "side", "key"], descending=[False, False, True, False, False]).drop("_size")

    def gap(result: Comparison, suffix: str) -> pl.DataFrame:
        return result.totals.filter(pl.col("sector").is_in(sectors) & pl.col("country").is_in(countries)).select(
            "sector",
            "country",
            pl.col("gap_eur_per_mwh").alias(f"gap_{suffix}"),
            pl.col("gap_bound").alias(f"bound_{suffix}"),
            pl.col("direct_co2_gap_eur_per_mwh").alias(f"co2_gap_{suffix}"),
        )

    gaps = gap(a, "a").join(gap(b, "b"), on=["sector", "country"], how="inner")
    by_kind = lines.group_by("sector", "country").agg(
        pl.col("effect").filter(pl.col("kind") == "real").sum().alias("real"),
        pl.col("effect").filter(pl.col("kind") == "data").sum().alias("data"),
        pl.col("effect").filter(pl.col("kind") == "policy").sum().alias("policy"),
    )
    gaps = gaps.with_columns(
        (pl.col("gap_b") - pl.col("gap_a")).alias("change"),
        (pl.col("co2_gap_b") - pl.col("co2_gap_a")).alias("co2_change"),
    ).join(by_kind, on=["sector", "country"], how="left")
    order = {c: i for i, c in enumerate(countries)}
    gaps = gaps.sort(by=[pl.col("sector"), pl.col("country").replace_strict(order, return_dtype=pl.Int64)])
    return Diff(label_a, label_b, ref, gaps, lines)


def _decided(policy_a: str | None, policy_b: str | None) -> bool:
    """A line changed by a decision: the later run names a policy change for it that the earlier
    does not (a decision names the price year it takes effect in, so a year after it is no
    change)."""
    return policy_b is not None and policy_a != policy_b


def _kind(quality_a: str | None, quality_b: str | None) -> str:
    """``data`` when the figure became known or unknown (or is unknown in both runs); ``real``
    otherwise, a change of flag between known figures included (noted in ``flag``). A line
    present in one run only is a rule change."""
    if quality_a is None or quality_b is None:
        return "real"
    return "data" if "unknown" in (quality_a, quality_b) else "real"


def _unknown_keys(result: Comparison) -> set[tuple[str, str, str]]:
    rows = result.lines.filter(pl.col("eur_per_year").is_null()).select("sector", "country", "key").iter_rows()
    return {tuple(r) for r in rows}
