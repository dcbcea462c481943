"""Support measures: state relief on the bill, by budget or by a price floor.

A measure paid from a reserved budget (``within_envelope``: the country's envelope) is a
budget-limited instrument like the IKC: when the modelled sectors' claims exceed the year's
amount, every claim is paid pro rata, in a line of its own computed per scenario row."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from speelveld.config.model import CountryFile, EUFile, SectorFile, Support, in_force
from speelveld.core.context import Ctx, SectorQuantities, if_eligible, own_name, when_expr, words
from speelveld.core.lines.base import Builder, pro_rata_cut, sector_claims, silent


def support_lines(b: Builder, c: CountryFile, year: int, compensation: pl.Expr | None,
                  eu: EUFile | None = None, sectors: Mapping[str, SectorFile] | None = None) -> None:
    ctx, s = b.ctx, b.s
    for rule in c.support:
        if not in_force(rule, year):
            continue
        eligible = when_expr(ctx, rule.when, s, own_name(rule))
        relief = _relief(ctx, rule, c, s, compensation, eligible, explain=True)
        line = b.add("support", f"support.{rule.id}", rule.label, if_eligible(eligible, relief), relief=True)
        if rule.within_envelope and c.envelope is not None and sectors:
            _envelope_cut(b, rule, c, year, eu, sectors, line)


def _relief(ctx: Ctx, rule: Support, c: CountryFile, s: SectorQuantities, compensation: pl.Expr | None, eligible: pl.Expr, explain: bool = False) -> pl.Expr:
    """The measure's relief for one plant (€/yr, ≤ 0), before any budget cut."""
    note = ctx.explain if explain else silent
    q, volume_share = s.consumption_mwh, ctx.field(rule, "volume_share_pct")
    volume = q * volume_share / 100
    if rule.budget_eur_per_year is not None:
        budget, eligible_mwh = ctx.field(rule, "budget_eur_per_year"), ctx.field(rule, "eligible_consumption_mwh")
        note(words("support_budget"), "{budget:€/yr} ÷ {mwh:MWh}", budget=budget, mwh=eligible_mwh)
        per_mwh = budget / eligible_mwh
    else:
        ref = ctx.field(rule, "reference_price_eur_per_mwh") if rule.reference_price_eur_per_mwh is not None else ctx.field(c.commodity, "baseload_eur_per_mwh")
        target, max_share = ctx.field(rule, "target_price_eur_per_mwh"), ctx.field(rule, "max_aid_share_pct")
        note(
            words("support_price"),
            "min(max({ref:€/MWh} − {target:€/MWh}, 0), {ref:€/MWh} × {share:%})",
            ref=ref, target=target, share=max_share,
        )
        gap_to_target = (ref - target).clip(lower_bound=0.0)
        per_mwh = pl.min_horizontal(gap_to_target, ref * max_share / 100)
    relief = -(per_mwh * volume)
    if rule.excludes_compensation and compensation is not None:
        note(words("support_amount"), "−{per_mwh:€/MWh} × {q:MWh} × {share:%}", per_mwh=per_mwh, q=q, share=volume_share)
        # The plant takes the larger of the two; the line is what this measure adds on top.
        note(
            words("support_not_combined"),
            "min({relief:€/yr}, {compensation:€/yr}) − {compensation:€/yr}",
            applies=eligible, main=True, relief=relief, compensation=compensation,
        )
        return pl.min_horizontal(relief, compensation) - compensation
    note(words("support_amount"), "−{per_mwh:€/MWh} × {q:MWh} × {share:%}", applies=eligible, main=True, per_mwh=per_mwh, q=q, share=volume_share)
    return relief


def support_claims(ctx: Ctx, rule: Support, c: CountryFile, year: int, eu: EUFile | None, sectors: Mapping[str, SectorFile]) -> tuple[pl.Expr, list[str]]:
    """What the modelled sectors claim under the measure together (€/yr): each sector's archetype
    plant's relief per MWh × the sector's volume, after its choice against the ETS compensation
    where the measure excludes it (see ``sector_claims``)."""
    from speelveld.core.lines.carbon import claimed_aid, eligible_group

    comp = c.carbon.indirect_cost_compensation

    def relief_of(inner: Ctx, model: SectorFile, q: SectorQuantities) -> pl.Expr:
        eligible = when_expr(inner, rule.when, q)
        compensation = None
        if rule.excludes_compensation and comp is not None and in_force(comp, year) and eu is not None:
            group = eligible_group(comp, q.nace)
            compensation = pl.lit(0.0) if group is None else -claimed_aid(inner, comp, group, year, eu, q, model)[0]
        return -if_eligible(eligible, _relief(inner, rule, c, q, compensation, eligible))

    return sector_claims(ctx, sectors, relief_of)


def _envelope_cut(b: Builder, rule: Support, c: CountryFile, year: int, eu: EUFile | None, sectors: Mapping[str, SectorFile], relief: pl.Expr) -> None:
    """The measure's pro-rata payout within the envelope (see ``pro_rata_cut``)."""
    claims, names = support_claims(b.ctx, rule, c, year, eu, sectors)
    claims = b.ctx.column(f"{b.country}|{rule.id}|claims", claims)
    budget = b.ctx.field(c.envelope, "budget_eur_per_year")
    pro_rata_cut(b, "support", f"support.{rule.id}.budget", f"{rule.label}: pro rata binnen de envelop", -relief, claims, names, budget)
