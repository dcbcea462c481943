"""The hybrid e-boiler: beside the gas boiler, each hour takes electricity when its all-in cost per
MWh of heat is below that of gas with its CO2, else gas (`business-case --operation hybride`).

Per country, from the engine (central values): the plant as it is and with its boiler heat
electrified at baseload give, line by line, what an extra MWh of electricity costs beside the
wholesale price (network energy charges, levies after their reductions, a baseload discount's
share: ``variable``), what the e-boiler's capacity costs a year (capacity and peak charges:
``fixed``), and what a MWh of gas saved is worth (``gas``, without CO2). Then, hour by hour on the
year's real day-ahead prices:

    electric in hour h  ⇔  (p_h + variable) ÷ η_e  <  (gas + CO2 price × EF) ÷ η_g

taking min(capacity, heat demand) electrically. The dispatch over a grid of CO2 prices and
capacities is one polars query: the hours of each zone sorted by price with running counts and
sums, each (CO2 price, capacity) threshold joined onto them (``join_asof``).

The electricity bill of the hybrid at the year's CO2 price is then computed once more by the engine
at the plant's new energy and full-load hours: what that adds to the linear sum above (a discount
lost because the plant's full-load hours fall under a threshold, e.g. § 19(2) StromNEV's 7,000 h)
is the hybrid's ``lost_reduction``, carried as a yearly cost at every CO2 price.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class CountryCosts:
    country: str
    variable_eur_per_mwh: float  # beside the wholesale price, per MWh of electricity
    fixed_eur_per_year: float  # the e-boiler's capacity and peak charges at full heat capacity
    gas_eur_per_mwh: float  # the gas bill saved per MWh of gas not burnt, without CO2
    baseload_eur_per_mwh: float  # the year's wholesale price (the config's)
    lost_reduction_eur_per_year: float = 0.0


@dataclass(frozen=True)
class Plant:
    heat_mwh: float  # boiler heat per year
    hours: int  # hours in the year
    efficiency_electric: float  # e-boiler, 0–1
    efficiency_gas: float  # gas boiler, 0–1
    emission_t_per_mwh_gas: float
    annuity_electric_eur_per_year: float  # the e-boiler at full heat capacity
    annuity_gas_eur_per_year: float  # the gas boiler a baseload e-boiler replaces

    @property
    def heat_mw(self) -> float:
        return self.heat_mwh / self.hours


def dispatch(prices: pl.DataFrame, costs: list[CountryCosts], plant: Plant, co2_prices: list[float], capacity_shares: list[float] = (1.0,)) -> pl.DataFrame:
    """Per country, CO2 price and e-boiler capacity (as a share of the heat demand): the hours on
    electricity, the electricity it buys and its average wholesale price, and the yearly cost of
    the heat by gas only, by a baseload e-boiler and by the hybrid (€/yr, annuities included; the
    gas boiler stays beside the hybrid, a baseload e-boiler replaces it)."""
    ce = pl.DataFrame([{"country": c.country, "v": c.variable_eur_per_mwh, "fixed": c.fixed_eur_per_year, "g": c.gas_eur_per_mwh,
                        "lost": c.lost_reduction_eur_per_year} for c in costs])
    hours = (prices.unpivot(on=[c.country for c in costs], variable_name="country", value_name="price").select("country", "price")
             .sort("country", "price")
             .with_columns(pl.int_range(1, pl.len() + 1).over("country").alias("n"), pl.col("price").cum_sum().over("country").alias("s")))
    means = hours.group_by("country").agg(pl.col("price").mean().alias("mean"), pl.len().alias("year_hours"))
    grid = (ce.join(pl.DataFrame({"co2": [float(x) for x in co2_prices]}), how="cross")
            .join(pl.DataFrame({"cap": [float(x) for x in capacity_shares]}), how="cross"))
    eg, ee, ef = plant.efficiency_gas, plant.efficiency_electric, plant.emission_t_per_mwh_gas
    # gas heat per MWh: (gas + CO2 × EF) ÷ η_g; electric wins below (that × η_e − variable) on the price
    grid = grid.with_columns(((pl.col("g") + pl.col("co2") * ef) / eg).alias("gas_heat"))
    grid = grid.with_columns((pl.col("gas_heat") * ee - pl.col("v")).alias("threshold")).sort("threshold")
    joined = grid.join_asof(hours.rename({"price": "threshold_price"}).sort("threshold_price"), left_on="threshold", right_on="threshold_price",
                            by="country", strategy="backward", check_sortedness=False).join(means, on="country")
    q, heat = plant.heat_mw, plant.heat_mwh
    x = pl.col("cap") * q  # heat an electric hour takes (MW for an hour)
    n, s = pl.col("n").fill_null(0), pl.col("s").fill_null(0.0)
    e_mwh = n * x / ee
    gas_only = heat * pl.col("gas_heat")
    hybrid = (s * x / ee + pl.col("v") * e_mwh + (heat - n * x) * pl.col("gas_heat")
              + pl.col("cap") * (plant.annuity_electric_eur_per_year + pl.col("fixed")) + pl.when(n > 0).then(pl.col("lost")).otherwise(0.0))
    baseload = heat / ee * (pl.col("mean") + pl.col("v")) + plant.annuity_electric_eur_per_year + pl.col("fixed") - plant.annuity_gas_eur_per_year
    return joined.select(
        "country", "co2", pl.col("cap").alias("capacity_share"), n.alias("hours_electric"), e_mwh.alias("electricity_mwh"),
        pl.when(n > 0).then(s / n).otherwise(None).alias("avg_price_paid"), gas_only.alias("cost_gas_only"), baseload.alias("cost_baseload"),
        hybrid.alias("cost_hybrid"),
    ).sort("country", "capacity_share", "co2")


def break_even(frame: pl.DataFrame, column: str) -> dict[str, float | None]:
    """Per country the lowest CO2 price of the grid at which ``column`` costs no more than gas only."""
    found = frame.filter(pl.col(column) <= pl.col("cost_gas_only")).group_by("country").agg(pl.col("co2").min())
    out = {r["country"]: r["co2"] for r in found.iter_rows(named=True)}
    return {cc: out.get(cc) for cc in frame["country"].unique(maintain_order=True)}
