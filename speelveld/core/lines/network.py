"""Network: the charges of the connection level's tariff and the reductions on them."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from speelveld.config.model import CHARGE_KINDS, CountryFile, NetworkReduction, in_force
from speelveld.core.context import Ctx, FirstMatch, SectorQuantities, if_eligible, named, own_name, when_expr, words
from speelveld.core.lines.base import CHARGE_LABELS, Builder

FACTOR_TEXT = {
    "fixed_eur_per_year": "{{{rate}:€/yr}}",
    "capacity_eur_per_kw_year": "{{{rate}:€/kW/yr}} × {{kw:kW}}",
    "monthly_peak_eur_per_kw_month": "{{{rate}:€/kW/month}} × 12 × {{kw:kW}}",
    "yearly_peak_eur_per_kw_year": "{{{rate}:€/kW/yr}} × {{kw:kW}}",
    "energy_eur_per_mwh": "{{{rate}:€/MWh}} × {{q:MWh}}",
}


@dataclass
class NetworkTotals:
    by_kind: dict[str, pl.Expr]  # gross €/yr per charge kind
    gross: pl.Expr
    reductions: pl.Expr  # ≤ 0


def network_lines(b: Builder, c: CountryFile, year: int) -> NetworkTotals:
    ctx, s = b.ctx, b.s
    level = c.network.levels[b.level]
    # Read lazily, so that a line records only the quantities it uses.
    factors = {
        "fixed_eur_per_year": lambda: pl.lit(1.0),
        "capacity_eur_per_kw_year": lambda: s.capacity_kw,
        "monthly_peak_eur_per_kw_month": lambda: s.capacity_kw * 12,  # a flat load's monthly peak is its capacity
        "yearly_peak_eur_per_kw_year": lambda: s.capacity_kw,
        "energy_eur_per_mwh": lambda: s.consumption_mwh,
    }
    by_kind: dict[str, pl.Expr] = {}
    kinds_present = [k for k in CHARGE_KINDS if any(ch.kind_field == k for v in level.variants for ch in v.charges)]
    for kind in kinds_present:
        variants = FirstMatch()
        for variant in level.variants:
            amount = pl.lit(0.0)
            terms, values, labels = [], {}, []
            mark = len(ctx.used)
            for charge in variant.charges:
                if charge.kind_field == kind:
                    rate = ctx.field(charge, kind)
                    amount = amount + rate * factors[kind]()
                    name = f"rate{len(terms)}"
                    terms.append(FACTOR_TEXT[kind].format(rate=name))
                    values[name] = rate
                    labels.append(charge.label)
            rates = ctx.used[mark:]
            cond = when_expr(ctx, variant.when, s, words("tariff_variant", variant=variant.id))
            applies = variants.case(cond, amount)
            ctx.only_where(rates, applies)
            if terms:
                if "{kw" in terms[0]:
                    values["kw"] = s.capacity_kw
                if "{q" in terms[0]:
                    values["q"] = s.consumption_mwh
                ctx.explain(named(variant.id, ", ".join(labels)), " + ".join(terms), applies=applies, main=True, **values)
            else:
                ctx.explain(words("variant_no_charge", variant=variant.id), "0", applies=applies, main=True)
        # No variant applies (or eligibility unknown): the charge is unknown, not zero.
        expr = variants.result(None)
        by_kind[kind] = b.add("network", f"network.{kind}", f"Nettarief {CHARGE_LABELS[kind]}", expr)
    gross = pl.sum_horizontal(list(by_kind.values())) if by_kind else pl.lit(0.0)
    gross_known = gross
    if by_kind:
        any_unknown = pl.any_horizontal([e.is_null() for e in by_kind.values()])
        gross_known = pl.when(any_unknown).then(None).otherwise(gross)
    remaining = gross_known
    total_reduction = pl.lit(0.0)
    for red in c.network.reductions:
        if not in_force(red, year):
            continue
        eligible = when_expr(ctx, red.when, s, own_name(red))
        share = reduction_share(ctx, red, s)
        ctx.explain(
            words("network_reduction"),
            "−{charges:€/yr} × {share:%}",
            applies=eligible, main=True, charges=remaining, share=share * 100,
        )
        amount = if_eligible(eligible, -remaining * share)
        b.add("network", f"network.reduction.{red.id}", red.label, amount, relief=True)
        remaining = remaining + amount
        total_reduction = total_reduction + amount
    return NetworkTotals(by_kind, gross_known, total_reduction)


def reduction_share(ctx: Ctx, red: NetworkReduction, s: SectorQuantities) -> pl.Expr:
    """Share of the remaining network charges taken off (0..1); null if it depends on an unknown."""
    if red.pay_at_least_by_hours is not None:
        tiers = FirstMatch()
        for tier in sorted(red.pay_at_least_by_hours, key=lambda t: ctx.field_value(t, "min_hours") or 0, reverse=True):  # highest threshold first
            hours, threshold, pay = s.utilisation_hours, ctx.field(tier, "min_hours"), ctx.field(tier, "pay_at_least_pct")
            cond = hours >= threshold
            ctx.condition(words("q_hours"), "{hours:h} ≥ {threshold:h}", cond, hours=hours, threshold=threshold)
            applies = tiers.case(cond, 1 - pay / 100)
            ctx.explain(words("reduction_share_min_pay"), "100 − {pay}", applies=applies, pay=pay)
        return tiers.result(0.0)
    if red.categories is not None:
        categories = FirstMatch()
        for cat in red.categories:
            cond = when_expr(ctx, cat.when, s, words("category", category=cat.id))
            pct = ctx.field(cat, "abatement_pct")
            applies = categories.case(cond, pct)
            ctx.explain(words("reduction_share_category", category=cat.label), "{pct}", applies=applies, pct=pct)
        pct = categories.result(0.0)
        if red.cap_pct is not None:
            cap = ctx.field(red, "cap_pct")
            ctx.explain(words("reduction_share_capped"), "min({pct}, {cap})", pct=pct, cap=cap)
            pct = pl.min_horizontal(pct, cap)
        return pct / 100
    pct = ctx.field(red, "abatement_pct")
    if red.cap_pct is not None:
        cap = ctx.field(red, "cap_pct")
        ctx.explain(words("reduction_share_capped"), "min({pct}, {cap})", pct=pct, cap=cap)
        pct = pl.min_horizontal(pct, cap)
    return pct / 100
