"""Support measures: state relief on the bill, by budget or by a price floor."""

from __future__ import annotations

import polars as pl

from speelveld.config.model import CountryFile, in_force
from speelveld.core.context import if_eligible, when_expr
from speelveld.core.lines.base import Builder


def support_lines(b: Builder, c: CountryFile, year: int, compensation: pl.Expr | None) -> None:
    ctx, s = b.ctx, b.s
    for rule in c.support:
        if not in_force(rule, year):
            continue
        eligible = when_expr(ctx, rule.when, s, rule.label)
        q, volume_share = s.consumption_mwh, ctx.field(rule, "volume_share_pct")
        volume = q * volume_share / 100
        if rule.budget_eur_per_year is not None:
            budget, eligible_mwh = ctx.field(rule, "budget_eur_per_year"), ctx.field(rule, "eligible_consumption_mwh")
            ctx.explain("Steun per MWh = budget ÷ verbruik van alle rechthebbenden", "{budget:€/yr} ÷ {mwh:MWh}", budget=budget, mwh=eligible_mwh)
            per_mwh = budget / eligible_mwh
        else:
            ref = ctx.field(rule, "reference_price_eur_per_mwh") if rule.reference_price_eur_per_mwh is not None else ctx.field(c.commodity, "baseload_eur_per_mwh")
            target, max_share = ctx.field(rule, "target_price_eur_per_mwh"), ctx.field(rule, "max_aid_share_pct")
            ctx.explain(
                "Steun per MWh = referentieprijs − doelprijs, ten hoogste een deel van de referentieprijs",
                "min(max({ref:€/MWh} − {target:€/MWh}, 0), {ref:€/MWh} × {share:%})",
                ref=ref, target=target, share=max_share,
            )
            gap_to_target = (ref - target).clip(lower_bound=0.0)
            per_mwh = pl.min_horizontal(gap_to_target, ref * max_share / 100)
        relief = -(per_mwh * volume)
        if rule.excludes_compensation and compensation is not None:
            ctx.explain("Steun = −steun per MWh × verbruik × volumeaandeel", "−{per_mwh:€/MWh} × {q:MWh} × {share:%}", per_mwh=per_mwh, q=q, share=volume_share)
            # The plant takes the larger of the two; the line is what this measure adds on top.
            ctx.explain(
                "Niet te combineren met de ETS-compensatie: alleen wat de steun meer oplevert telt",
                "min({relief:€/yr}, {compensation:€/yr}) − {compensation:€/yr}",
                applies=eligible, main=True, relief=relief, compensation=compensation,
            )
            relief = pl.min_horizontal(relief, compensation) - compensation
        else:
            ctx.explain("Steun = −steun per MWh × verbruik × volumeaandeel", "−{per_mwh:€/MWh} × {q:MWh} × {share:%}", applies=eligible, main=True, per_mwh=per_mwh, q=q, share=volume_share)
        b.add("support", f"support.{rule.id}", rule.label, if_eligible(eligible, relief), relief=True)
