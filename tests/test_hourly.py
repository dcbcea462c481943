"""Hourly day-ahead prices shipped as data: their yearly means and the configs' wholesale prices."""

from __future__ import annotations

import pytest

from speelveld.config.hourly import covered_years, year_prices
from speelveld.config.load import default_config_dir, load_year


def test_each_year_is_whole_and_its_mean_is_the_published_average():
    assert covered_years() == [2024, 2025]
    for year, hours in ((2024, 8784), (2025, 8760)):
        frame = year_prices(year)
        assert frame.height == hours and frame["utc"].is_unique().all()
        assert frame["utc"].diff().drop_nulls().dt.total_seconds().unique().to_list() == [3600]  # no gap, no repeated hour
    # SMARD's published DE-LU averages: 78.51 (2024) and 89.32 (2025)
    assert year_prices(2024)["DE"].mean() == pytest.approx(78.51, abs=0.005)
    assert year_prices(2025)["DE"].mean() == pytest.approx(89.32, abs=0.005)


@pytest.mark.parametrize("year", [2024, 2025])
def test_the_configs_wholesale_prices_agree_with_the_hourly_means(year):
    # the configs' baseload prices of the whole years are the hourly means (Ember's daily series, used
    # before, differed by up to 1.84 €/MWh: FR 2025 62.91 against 61.07)
    cfg = load_year(default_config_dir(), year)
    hourly = year_prices(year)
    for cc in ("NL", "DE", "BE", "FR"):
        configured = cfg.params[f"{cc}.commodity.baseload_eur_per_mwh"].central
        assert configured == pytest.approx(hourly[cc].mean(), abs=0.005), (year, cc, configured, hourly[cc].mean())
