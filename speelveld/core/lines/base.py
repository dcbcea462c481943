"""What every cost family shares: the line, the families in report order, the builder."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import polars as pl

from speelveld.core.context import Ctx, SectorQuantities, Step, sector_quantities, words

# Cost families in report order. The first five make up the electricity price (the headline of
# the toets); direct CO2 costs (EU ETS on the plant's own emissions, the Dutch CO2-heffing) are
# a separate subtotal: they depend on the plant's fuels, not on its electricity.
FAMILIES = ("commodity", "network", "taxes", "compensation", "support", "direct_co2")
ELECTRICITY_FAMILIES = FAMILIES[:5]
# Natural gas (computed with --carrier gas or all): a third subtotal, per MWh of gas.
GAS_FAMILIES = ("gas_commodity", "gas_network", "gas_taxes")

CHARGE_LABELS = {
    "fixed_eur_per_year": "vast",
    "capacity_eur_per_kw_year": "capaciteit",
    "monthly_peak_eur_per_kw_month": "maandpiek",
    "yearly_peak_eur_per_kw_year": "jaarpiek",
    "energy_eur_per_mwh": "energie",
}


@dataclass(frozen=True)
class Line:
    country: str
    family: str
    key: str
    label: str
    expr: pl.Expr  # €/yr
    relief: bool
    inputs: tuple[str, ...]
    steps: tuple[Step, ...] = ()  # how the amount is computed, for `speelveld explain`
    # inputs that count only where a case holds (the rates of a tariff variant): (path, holds)
    conditional: tuple[tuple[str, pl.Expr], ...] = ()

    @property
    def subtotal(self) -> str:
        """``electricity``, ``gas`` or ``direct_co2``: which subtotal the line counts in."""
        if self.family == "direct_co2":
            return "direct_co2"
        return "gas" if self.family in GAS_FAMILIES else "electricity"


class Builder:
    """Collects the lines of one plant in one country; each line takes the parameters and
    explanation steps recorded since the previous one."""

    def __init__(self, ctx: Ctx, country: str, s: SectorQuantities, level: str, year: int):
        self.ctx, self.country, self.s, self.level, self.year = ctx, country, s, level, year
        self.lines: list[Line] = []

    def add(self, family: str, key: str, label: str, expr: pl.Expr, relief: bool = False) -> pl.Expr:
        inputs = self.ctx.take_used()
        self.lines.append(Line(self.country, family, key, label, expr, relief, inputs, self.ctx.take_steps(), self.ctx.take_conditions()))
        return expr


def silent(*_args, **_kwargs) -> None:
    """``ctx.explain`` for a computation whose steps are not shown (another sector's claim)."""
    return None


def sector_claims(ctx: Ctx, sectors: Mapping, claim_of: Callable) -> tuple[pl.Expr, list[str]]:
    """What the modelled sectors claim together from a budget (€/yr): per sector with a national
    electricity volume, its archetype plant's claim per MWh × that volume. ``claim_of(inner,
    model, q)`` is the plant's claim (€/yr, ≥ 0), or None where it has none. The inputs are
    recorded on ``ctx``; the other sectors' explanation steps are not. Also returns the sectors
    counted (one whose volume is an unknown counts only in the band)."""
    inner = Ctx(ctx.params, ctx.varied, columns=ctx.columns, refs=ctx.refs)
    terms, names = [], []
    for name in sorted(sectors):
        model = sectors[name]
        if model.sector_electricity_mwh is None:
            continue
        q = sector_quantities(inner, model)
        claim = claim_of(inner, model, q)
        if claim is None:
            continue
        terms.append(claim / q.consumption_mwh * inner.field(model, "sector_electricity_mwh"))
        if inner.field_value(model, "sector_electricity_mwh") is not None:
            names.append(name)
    ctx.used.extend(inner.used)
    return (pl.sum_horizontal(terms) if terms else pl.lit(0.0, dtype=pl.Float64)), names


def pro_rata_cut(b: Builder, family: str, key: str, label: str, claim: pl.Expr, claims: pl.Expr, names: list[str], budget: pl.Expr) -> pl.Expr:
    """A budget-limited instrument: when the modelled sectors' ``claims`` exceed the ``budget``,
    every claim is paid at budget ÷ claims. A line of its own (≥ 0, it takes back part of the
    plant's ``claim``), computed per scenario row, so that sweeps and bands cut each draw at its
    own claims. Returns what is paid."""
    ctx = b.ctx
    ctx.explain(words("claims", sectors=", ".join(names) or "–"), "{claims:€/yr}", claims=claims)
    share = pl.when(claims > budget).then(budget / claims).otherwise(1.0)
    ctx.explain(words("payout_share"), "min({budget:€/yr} ÷ {claims:€/yr}, 1)", budget=budget, claims=claims)
    ctx.explain(words("cut"), "{aid:€/yr} × (1 − {share})", main=True, aid=claim, share=share)
    b.add(family, key, label, claim * (1 - share), relief=True)
    return claim * share
