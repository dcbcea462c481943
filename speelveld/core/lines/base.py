"""What every cost family shares: the line, the families in report order, the builder."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from speelveld.core.context import Ctx, SectorQuantities, Step

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
