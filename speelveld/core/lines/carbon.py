"""CO2: EU ETS on direct emissions, the Dutch CO2-heffing, and indirect-cost compensation."""

from __future__ import annotations

import polars as pl

from speelveld.config.model import CountryFile, EUFile, SectorFile, in_force
from speelveld.core.context import nace_matches, nace_text
from speelveld.core.lines.base import Builder


def carbon_lines(b: Builder, c: CountryFile, year: int, eu: EUFile, sector: SectorFile) -> pl.Expr | None:
    """Adds the carbon lines; returns the compensation (≤ 0) so that support measures that
    exclude it can be compared with it."""
    ctx, s = b.ctx, b.s
    emissions = ctx.field(sector, "direct_emissions_t_co2")
    allocation = ctx.field(sector, "free_allocation_t_co2")
    eua = ctx.field(eu, "eua_price_eur_per_t")
    ctx.explain("EUA-prijs × emissies boven de gratis toewijzing", "{eua:€/t} × max({emissions:t} − {allocation:t}, 0)", main=True, eua=eua, emissions=emissions, allocation=allocation)
    b.add("direct_co2", "carbon.ets_direct", "EU ETS directe emissies", eua * (emissions - allocation).clip(lower_bound=0.0))

    levy = c.carbon.co2_levy
    if levy is not None and (levy.valid is None or levy.valid.covers(year)):
        emissions = ctx.field(sector, "direct_emissions_t_co2")
        factor, allocation = ctx.field(levy, "dispensation_factor"), ctx.field(sector, "free_allocation_t_co2")
        dispensation = factor * allocation
        gross_rate, deduction = ctx.field(levy, "rate_eur_per_t"), ctx.field(levy, "eua_deduction_eur_per_t")
        rate = (gross_rate - deduction).clip(lower_bound=0.0)
        ctx.explain(
            "Nettotarief (tarief − EUA-aftrek, ten minste 0) × emissies boven de dispensatierechten (factor × gratis toewijzing)",
            "max({rate:€/t} − {deduction:€/t}, 0) × max({emissions:t} − {factor} × {allocation:t}, 0)",
            main=True, rate=gross_rate, deduction=deduction, emissions=emissions, factor=factor, allocation=allocation,
        )
        # A net rate of zero costs nothing whatever the dispensation rights (which may be unknown).
        cost = pl.when(rate <= 0).then(pl.lit(0.0)).otherwise(rate * (emissions - dispensation).clip(lower_bound=0.0))
        b.add("direct_co2", "carbon.co2_levy", levy.label, cost)

    comp = c.carbon.indirect_cost_compensation
    if comp is None or (not in_force(comp, year)):
        return None
    group = next((g for g in comp.eligible if nace_matches(s.nace, g.nace)), None)
    if group is None:
        ctx.condition(f"NACE {', '.join(s.nace)} staat op de lijst van in aanmerking komende sectoren", "", pl.lit(False))
        ctx.explain("Niet in aanmerking", "0", main=True)
        b.add("compensation", "carbon.compensation", f"Compensatie indirecte emissiekosten: {comp.label} (niet in aanmerking)", pl.lit(0.0), relief=True)
        return None
    ctx.condition(f"{group.label}: " + nace_text(s.nace, group.nace), "", pl.lit(True))
    if sector.product_benchmark is not None:
        pb = sector.product_benchmark
        output, benchmark = ctx.field(pb, "output_t"), ctx.field(pb, "benchmark_mwh_per_t")
        ctx.explain("Subsidiabel verbruik = productie × productbenchmark", "{output:t} × {benchmark:MWh/t}", output=output, benchmark=benchmark)
        eligible_mwh = output * benchmark
    else:
        steps = max(0, year - comp.fallback_reduction_from_year + 1)
        fallback, reduction = ctx.field(comp, "fallback_benchmark_pct"), ctx.field(comp, "fallback_annual_reduction_pct")
        ctx.explain(
            f"Subsidiabel verbruik = verbruik × fall-backbenchmark, {steps} jaar verlaagd",
            "{q:MWh} × {fallback:%} × (1 − {reduction:%}) ^ {steps}",
            q=s.consumption_mwh, fallback=fallback, reduction=reduction, steps=float(steps),
        )
        factor = fallback / 100 * (1 - reduction / 100) ** steps
        eligible_mwh = s.consumption_mwh * factor
    retention = ctx.field(comp, "self_retention_mwh")
    ctx.explain("Na eigen risico", "max({mwh:MWh} − {retention:MWh}, 0)", mwh=eligible_mwh, retention=retention)
    eligible_mwh = (eligible_mwh - retention).clip(lower_bound=0.0)
    price = ctx.field(comp, "eua_price_eur_per_t") if comp.eua_price_eur_per_t is not None else ctx.field(eu, "eua_forward_price_eur_per_t")
    intensity, co2, scaling = ctx.field(group, "aid_intensity_pct"), ctx.field(comp, "co2_factor_t_per_mwh"), ctx.field(comp, "budget_scaling_pct")
    ctx.explain(
        "−steunintensiteit × CO2-factor × EUA-termijnprijs × subsidiabel verbruik × budgetschaling",
        "−{intensity:%} × {co2:t/MWh} × {price:€/t} × {mwh:MWh} × {scaling:%}",
        main=True, intensity=intensity, co2=co2, price=price, mwh=eligible_mwh, scaling=scaling,
    )
    aid = intensity / 100 * co2 * price * eligible_mwh * scaling / 100
    return b.add("compensation", "carbon.compensation", f"Compensatie indirecte emissiekosten: {comp.label} ({group.label})", -aid, relief=True)
