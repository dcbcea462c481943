"""Cost lines per (sector, country), one module per cost family: commodity, network, taxes and
levies, carbon, support.

Every line is an amount in €/yr for the whole plant. Reductions, exemptions, caps and
compensation are separate, negative lines (``relief=True``), so the gross cost and the effect
of each relief stay visible. Builders read numbers through the loader's typed references
(``ctx.field(model, name)``), never through paths rebuilt from strings.
"""

from __future__ import annotations

from collections.abc import Mapping

from speelveld.config.model import CountryFile, EUFile, SectorFile
from speelveld.core.context import Ctx, sector_quantities
from speelveld.core.lines.base import CHARGE_LABELS, ELECTRICITY_FAMILIES, FAMILIES, GAS_FAMILIES, Builder, Line
from speelveld.core.lines.carbon import carbon_lines
from speelveld.core.lines.commodity import commodity_lines
from speelveld.core.lines.gas import gas_lines, has_gas
from speelveld.core.lines.network import NetworkTotals, network_lines
from speelveld.core.lines.support import support_lines
from speelveld.core.lines.taxes import LevyFunction, Taxed, electricity_taxed, tax_lines

__all__ = ["CHARGE_LABELS", "ELECTRICITY_FAMILIES", "FAMILIES", "GAS_FAMILIES", "LevyFunction", "Line", "NetworkTotals", "Taxed", "build_lines", "has_gas"]


def build_lines(ctx: Ctx, year: int, eu: EUFile, country: CountryFile, sector: SectorFile, gas: bool = False, sectors: Mapping[str, SectorFile] | None = None) -> list[Line]:
    """The lines of one plant in one country: electricity and direct CO2, and with ``gas`` the
    natural gas lines too (where the country and the plant have gas figures). ``sectors``: every
    modelled sector, whose claims meet a budget-limited scheme's budget."""
    s = sector_quantities(ctx, sector)
    ctx.take_used()
    ctx.take_steps()
    b = Builder(ctx, country.country, s, sector.voltage_level, year)
    commodity_lines(b, country, year)
    network = network_lines(b, country, year)
    tax_lines(b, country.taxes, year, network, electricity_taxed(s, sector))
    compensation = carbon_lines(b, country, year, eu, sector, sectors)
    support_lines(b, country, year, compensation, eu, sectors)
    if gas and has_gas(country, sector):
        gas_lines(b, country, year, sector)
    return b.lines
