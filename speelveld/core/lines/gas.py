"""Natural gas: the hub price, the transmission exit charges and the taxes and levies on gas burnt
as fuel, per plant and year. The levies go through the same builder as electricity's
(``tax_lines``): bands, reduced rates, process exemptions and caps serve gas unchanged."""

from __future__ import annotations

import polars as pl

from speelveld.config.model import CountryFile, SectorFile
from speelveld.core.context import words
from speelveld.core.lines.base import Builder
from speelveld.core.lines.taxes import Taxed, tax_lines

GAS_CHARGE_TEXT = {
    "fixed_eur_per_year": ("{rate:€/yr}", "vast"),
    "capacity_eur_per_kwh_h_year": ("{rate:€/(kWh/h)/yr} × {cap:kWh/h}", "capaciteit"),
    "energy_eur_per_mwh": ("{rate:€/MWh} × {gas:MWh}", "energie"),
}


def has_gas(country: CountryFile, sector: SectorFile) -> bool:
    return country.gas is not None and (sector.gas_fuel_mwh is not None or sector.gas_feedstock_mwh is not None)


def gas_lines(b: Builder, c: CountryFile, year: int, sector: SectorFile) -> None:
    ctx, gas = b.ctx, c.gas
    fuel = ctx.field(sector, "gas_fuel_mwh") if sector.gas_fuel_mwh is not None else pl.lit(0.0)
    feedstock = ctx.field(sector, "gas_feedstock_mwh") if sector.gas_feedstock_mwh is not None else pl.lit(0.0)
    used = fuel + feedstock
    price = ctx.field(gas, "price_eur_per_mwh")
    ctx.explain(words("gas_hub", hub=gas.hub), "{price:€/MWh} × ({fuel:MWh} + {feedstock:MWh})", main=True, price=price, fuel=fuel, feedstock=feedstock)
    b.add("gas_commodity", "gas.commodity", f"Aardgas: groothandelsprijs ({gas.hub})", price * used)
    for charge in gas.network.charges:
        kind = charge.kind_field
        rate = ctx.field(charge, kind)
        text, word = GAS_CHARGE_TEXT[kind]
        if kind == "capacity_eur_per_kwh_h_year":
            hours = b.s.utilisation_hours
            capacity = used * 1000 / hours  # a flat load books its average hourly offtake
            ctx.explain(words("gas_exit_capacity"), "({fuel:MWh} + {feedstock:MWh}) × 1000 ÷ {h:h}", fuel=fuel, feedstock=feedstock, h=hours)
            ctx.explain(words("name", name=charge.label), text, main=True, rate=rate, cap=capacity)
            amount = rate * capacity
        elif kind == "energy_eur_per_mwh":
            ctx.explain(words("name", name=charge.label), text, main=True, rate=rate, gas=used)
            amount = rate * used
        else:
            ctx.explain(words("name", name=charge.label), text, main=True, rate=rate)
            amount = rate
        b.add("gas_network", f"gas.network.{charge.id}", f"Gastransport: {charge.label}", amount)
    taxed = Taxed("gas_taxes", "gas.tax", lambda: ctx.field(sector, "gas_fuel_mwh") if sector.gas_fuel_mwh is not None else pl.lit(0.0), (sector, "gas_process_shares_pct"))
    tax_lines(b, gas.taxes, year, None, taxed)
