"""CO2: EU ETS on direct emissions, the Dutch CO2-heffing, and indirect-cost compensation."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from speelveld.config.model import CountryFile, EligibleGroup, EUFile, IndirectCostCompensation, SectorFile, in_force
from speelveld.core.context import Ctx, SectorQuantities, nace_matches, nace_text, named, own_name, words
from speelveld.core.lines.base import Builder, pro_rata_cut, sector_claims, silent


def carbon_lines(b: Builder, c: CountryFile, year: int, eu: EUFile, sector: SectorFile, sectors: Mapping[str, SectorFile] | None = None) -> pl.Expr | None:
    """Adds the carbon lines; returns the compensation paid (≤ 0) so that support measures that
    exclude it can be compared with it. ``sectors``: the modelled sectors, whose claims together
    meet the scheme's budget (without them no budget cut is made)."""
    ctx, s = b.ctx, b.s
    emissions = ctx.field(sector, "direct_emissions_t_co2")
    allocation = ctx.field(sector, "free_allocation_t_co2")
    eua = ctx.field(eu, "eua_price_eur_per_t")
    ctx.explain(words("eua_emissions"), "{eua:€/t} × max({emissions:t} − {allocation:t}, 0)", main=True, eua=eua, emissions=emissions, allocation=allocation)
    b.add("direct_co2", "carbon.ets_direct", "EU ETS directe emissies", eua * (emissions - allocation).clip(lower_bound=0.0))

    levy = c.carbon.co2_levy
    if levy is not None and (levy.valid is None or levy.valid.covers(year)):
        emissions = ctx.field(sector, "direct_emissions_t_co2")
        factor, allocation = ctx.field(levy, "dispensation_factor"), ctx.field(sector, "free_allocation_t_co2")
        dispensation = factor * allocation
        gross_rate, deduction = ctx.field(levy, "rate_eur_per_t"), ctx.field(levy, "eua_deduction_eur_per_t")
        rate = (gross_rate - deduction).clip(lower_bound=0.0)
        ctx.explain(
            words("co2_levy_net"),
            "max({rate:€/t} − {deduction:€/t}, 0) × max({emissions:t} − {factor} × {allocation:t}, 0)",
            main=True, rate=gross_rate, deduction=deduction, emissions=emissions, factor=factor, allocation=allocation,
        )
        # A net rate of zero costs nothing whatever the dispensation rights (which may be unknown).
        cost = pl.when(rate <= 0).then(pl.lit(0.0)).otherwise(rate * (emissions - dispensation).clip(lower_bound=0.0))
        b.add("direct_co2", "carbon.co2_levy", levy.label, cost)

    comp = c.carbon.indirect_cost_compensation
    if comp is None or (not in_force(comp, year)):
        return None
    group = eligible_group(comp, s.nace)
    if group is None:
        ctx.condition(words("nace_listed", codes=", ".join(s.nace)), "", pl.lit(False))
        ctx.explain(words("not_eligible"), "0", main=True)
        b.add("compensation", "carbon.compensation", f"Compensatie indirecte emissiekosten: {comp.label} (niet in aanmerking)", pl.lit(0.0), relief=True)
        return None
    ctx.condition(named(own_name(group), nace_text(s.nace, group.nace)), "", pl.lit(True))
    aid, indirect = claimed_aid(ctx, comp, group, year, eu, s, sector, explain=True)
    paid = -b.add("compensation", "carbon.compensation", f"Compensatie indirecte emissiekosten: {comp.label} ({group.label})", -aid, relief=True)
    if comp.budget_eur_per_year is not None and sectors:
        paid = _budget_cut(b, comp, year, eu, sectors, paid)
    if comp.super_cap_pct_of_gva is not None and s.has_gva:
        _super_cap(b, comp, group, indirect)
    return -paid


def eligible_group(comp: IndirectCostCompensation, nace) -> EligibleGroup | None:
    return next((g for g in comp.eligible if nace_matches(nace, g.nace)), None)


def claimed_aid(ctx: Ctx, comp: IndirectCostCompensation, group: EligibleGroup, year: int, eu: EUFile, s: SectorQuantities, sector: SectorFile, explain: bool = False) -> tuple[pl.Expr, pl.Expr]:
    """The aid a plant claims (€/yr, ≥ 0) before any budget cut, and the eligible indirect CO2
    cost it is a share of (CO2 factor × EUA forward price × eligible electricity)."""
    note = ctx.explain if explain else silent
    if sector.product_benchmark is not None:
        pb = sector.product_benchmark
        output, benchmark = ctx.field(pb, "output_t"), ctx.field(pb, "benchmark_mwh_per_t")
        note(words("eligible_benchmark"), "{output:t} × {benchmark:MWh/t}", output=output, benchmark=benchmark)
        eligible_mwh = output * benchmark
    else:
        steps = max(0, year - comp.fallback_reduction_from_year + 1)
        fallback, reduction = ctx.field(comp, "fallback_benchmark_pct"), ctx.field(comp, "fallback_annual_reduction_pct")
        note(
            words("eligible_fallback", years=steps),
            "{q:MWh} × {fallback:%} × (1 − {reduction:%}) ^ {steps}",
            q=s.consumption_mwh, fallback=fallback, reduction=reduction, steps=float(steps),
        )
        factor = fallback / 100 * (1 - reduction / 100) ** steps
        eligible_mwh = s.consumption_mwh * factor
    retention = ctx.field(comp, "self_retention_mwh")
    note(words("after_deductible"), "max({mwh:MWh} − {retention:MWh}, 0)", mwh=eligible_mwh, retention=retention)
    eligible_mwh = (eligible_mwh - retention).clip(lower_bound=0.0)
    price = ctx.field(comp, "eua_price_eur_per_t") if comp.eua_price_eur_per_t is not None else ctx.field(eu, "eua_forward_price_eur_per_t")
    intensity, co2, scaling = ctx.field(group, "aid_intensity_pct"), ctx.field(comp, "co2_factor_t_per_mwh"), ctx.field(comp, "budget_scaling_pct")
    note(
        words("aid_formula"),
        "−{intensity:%} × {co2:t/MWh} × {price:€/t} × {mwh:MWh} × {scaling:%}",
        main=True, intensity=intensity, co2=co2, price=price, mwh=eligible_mwh, scaling=scaling,
    )
    indirect = co2 * price * eligible_mwh
    return intensity / 100 * indirect * scaling / 100, (1 - intensity / 100) * indirect


def compensation_claims(ctx: Ctx, comp: IndirectCostCompensation, year: int, eu: EUFile, sectors: Mapping[str, SectorFile]) -> tuple[pl.Expr, list[str]]:
    """What the modelled sectors claim together (€/yr): the aid of each eligible sector's
    archetype plant per MWh × the sector's volume (see ``sector_claims``)."""

    def aid_of(inner: Ctx, model: SectorFile, q: SectorQuantities) -> pl.Expr | None:
        group = eligible_group(comp, q.nace)
        return None if group is None else claimed_aid(inner, comp, group, year, eu, q, model)[0]

    return sector_claims(ctx, sectors, aid_of)


def _budget_cut(b: Builder, comp: IndirectCostCompensation, year: int, eu: EUFile, sectors: Mapping[str, SectorFile], aid: pl.Expr) -> pl.Expr:
    """The scheme's pro-rata payout within its budget (see ``pro_rata_cut``)."""
    claims, names = compensation_claims(b.ctx, comp, year, eu, sectors)
    claims = b.ctx.column(f"{b.country}|ikc_claims", claims)
    budget = b.ctx.field(comp, "budget_eur_per_year")
    return pro_rata_cut(b, "compensation", "carbon.compensation.budget", f"{comp.label}: pro rata binnen het budget", aid, claims, names, budget)


def _super_cap(b: Builder, comp: IndirectCostCompensation, group: EligibleGroup, remaining: pl.Expr) -> None:
    """The top-up of 2020/C 317/04 point 30 as DE and FR apply it: the indirect costs left after
    the aid are limited to a share of the company's gross value added; the excess is compensated."""
    ctx, s = b.ctx, b.s
    pct, gva = ctx.field(comp, "super_cap_pct_of_gva"), s.gross_value_added_eur
    ctx.explain(words("remaining_indirect"), "{remaining:€/yr}", remaining=remaining)
    ctx.explain(
        words("super_cap"),
        "−max({remaining:€/yr} − {pct:%} × {gva:€/yr}, 0)",
        main=group.super_cap_applies_pct is None, remaining=remaining, pct=pct, gva=gva,
    )
    top_up = (remaining - pct / 100 * gva).clip(lower_bound=0.0)
    if group.super_cap_applies_pct is not None:
        # whether the country extends the top-up to this group is not known: a share of it, as a band
        applies = ctx.field(group, "super_cap_applies_pct")
        ctx.explain(words("top_up_share"), "−{top_up:€/yr} × {applies:%}", main=True, top_up=top_up, applies=applies)
        top_up = top_up * applies / 100
    b.add("compensation", "carbon.compensation.super_cap", f"{comp.label}: super-cap ({group.label})", -top_up, relief=True)
