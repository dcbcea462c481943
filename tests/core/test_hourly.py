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


# ---------------------------------------------------------------- a plant's own profile

import datetime as dt  # noqa: E402
import json  # noqa: E402

import polars as pl  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from speelveld.cli import app  # noqa: E402
from speelveld.core.hybrid import CountryCosts, Plant, break_even, dispatch  # noqa: E402

runner = CliRunner()


def _profile(tmp_path, year: int = 2025, mw=None, name: str = "p.csv", local: bool = False):
    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC) - dt.timedelta(hours=1)  # midnight in Amsterdam
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC) - dt.timedelta(hours=1)
    utc = pl.datetime_range(start, end, "1h", closed="left", eager=True, time_zone="UTC")
    stamps = utc.dt.convert_time_zone("Europe/Amsterdam")
    text = stamps.dt.to_string("%Y-%m-%dT%H:%M" if local else "%Y-%m-%dT%H:%M%:z")
    loads = mw(stamps) if mw is not None else [100.0] * len(utc)
    path = tmp_path / name
    pl.DataFrame({"datetime": text, "mw": loads}).write_csv(path)
    return path


def _wholesale(result) -> dict:
    lines = json.loads(result.stdout)["lines"]
    return {(x["country"], x["key"]): x["eur_per_mwh"] for x in lines if x["sector"] == "chemie"}


def test_a_flat_profile_pays_the_hourly_mean_and_a_scaled_one_the_same_per_mwh(tmp_path):
    flat = _profile(tmp_path)
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2025", "--profile", str(flat), "--format", "json"])
    assert r.exit_code == 0, r.output
    lines = _wholesale(r)
    for cc in ("NL", "DE", "BE", "FR"):
        assert lines[(cc, "commodity.wholesale")] + lines.get((cc, "commodity.profile"), 0.0) == pytest.approx(year_prices(2025)[cc].mean(), abs=0.01)
    # a plant that runs only in the night hours (00–06 local) pays its hours' prices, the same per MWh at any size
    night = lambda stamps, k=1.0: [k * (200.0 if h < 6 else 0.0) for h in stamps.dt.hour().to_list()]  # noqa: E731
    small, large = _profile(tmp_path, mw=night, name="small.csv"), _profile(tmp_path, mw=lambda s: night(s, 3.0), name="large.csv")
    commodity = []
    for path in (small, large):
        r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2025", "--profile", str(path), "--format", "json"])
        assert r.exit_code == 0, r.output
        wholesale = _wholesale(r)
        commodity.append({cc: wholesale[(cc, "commodity.wholesale")] + wholesale[(cc, "commodity.profile")] for cc in ("NL", "DE", "BE", "FR")})
    prices = year_prices(2025).with_columns(pl.col("local").dt.hour().alias("h")).filter(pl.col("h") < 6)
    for cc in ("NL", "DE", "BE", "FR"):
        assert commodity[0][cc] == pytest.approx(prices[cc].mean(), abs=0.01)
        # three times the load, the same price per MWh (what depends on size, a levy's first GWh, may differ)
        assert commodity[1][cc] == pytest.approx(commodity[0][cc], abs=1e-6)


@pytest.mark.parametrize("edit,expected", [
    # line 1 is the header: rows[k] stands on line k + 1
    (lambda rows: rows[:100] + rows[101:], "the hour 2025-01-05T03:00+01:00 is missing (after row 100)"),
    (lambda rows: rows[:2] + [rows[1]] + rows[2:-1], "p.csv:3: datetime: 2025-01-01T00:00+01:00 repeats the hour of row 2"),
    (lambda rows: [rows[0], rows[1].replace(",100.0", ",-5.0")] + rows[2:], "p.csv:2: mw: -5 MW is negative"),
    (lambda rows: [rows[0], rows[1].replace(",100.0", ",abc")] + rows[2:], "p.csv:2: mw: 'abc' is not a number"),
    (lambda rows: [rows[0], rows[1].replace("2025-01-01", "2024-01-01")] + rows[2:], "p.csv:2: datetime: 2024-01-01T00:00+01:00 is not in the price year 2025"),
    (lambda rows: rows[:-24], "is missing (after row 8737)"),
])
def test_a_bad_profile_is_refused_with_its_row(tmp_path, edit, expected):
    path = _profile(tmp_path)
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(edit(rows)) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2025", "--profile", str(path), "--lang", "en"])
    errors = [x for x in r.output.splitlines() if x.startswith("error: ")]
    assert r.exit_code == 2 and len(errors) == 1 and expected in errors[0] and "Traceback" not in r.output, r.output


def test_a_naive_profile_in_local_time_handles_both_clock_changes(tmp_path):
    path = _profile(tmp_path, local=True)  # the autumn's 02:00 twice, no 02:00 in spring
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2025", "--profile", str(path), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = path.read_text(encoding="utf-8").splitlines()
    k = next(i for i, row in enumerate(rows) if row.startswith("2025-03-30T03:00"))
    path.write_text("\n".join(rows[:k] + [rows[k].replace("T03:00", "T02:00")] + rows[k + 1:]) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2025", "--profile", str(path), "--lang", "en"])
    assert r.exit_code == 2 and "does not exist in Dutch local time" in r.output, r.output


# ---------------------------------------------------------------- the hybrid e-boiler

def _plant(annuities: bool = True) -> Plant:
    return Plant(heat_mwh=876_000, hours=8760, efficiency_electric=0.99, efficiency_gas=0.9, emission_t_per_mwh_gas=0.184,
                 annuity_electric_eur_per_year=2e6 if annuities else 0.0, annuity_gas_eur_per_year=1e6 if annuities else 0.0)


def test_the_hybrid_runs_never_dearer_than_the_better_of_gas_and_electricity_and_more_co2_never_fewer_hours():
    prices = year_prices(2025)
    costs = [CountryCosts(cc, 5.0, 0.0, 35.0, prices[cc].mean()) for cc in ("NL", "DE", "BE", "FR")]
    frame = dispatch(prices, costs, _plant(annuities=False), [float(x) for x in range(0, 401, 5)])
    # operating costs (no annuity, no capacity charge): hour by hour the cheaper of the two
    assert frame.select((pl.col("cost_hybrid") <= pl.min_horizontal("cost_gas_only", "cost_baseload") + 1e-6).all()).item()
    for cc in ("NL", "DE", "BE", "FR"):
        hours = frame.filter(pl.col("country") == cc).sort("co2")["hours_electric"].to_list()
        assert hours == sorted(hours) and hours[0] < hours[-1], cc


def test_the_hybrid_by_hand_on_a_small_year():
    # four hours at 10, 20, 60 and 100 €/MWh; heat 1 MW; gas 30 €/MWh, efficiencies 1, no CO2 factor:
    # electricity (price + 5) wins below 30 at 10 and 20: 2 hours, average 15; hybrid 15 + 25 + 30 + 30 = 100
    prices = pl.DataFrame({"utc": [1, 2, 3, 4], "NL": [10.0, 20.0, 60.0, 100.0]})
    plant = Plant(heat_mwh=4, hours=4, efficiency_electric=1.0, efficiency_gas=1.0, emission_t_per_mwh_gas=0.0,
                  annuity_electric_eur_per_year=0.0, annuity_gas_eur_per_year=0.0)
    row = dispatch(prices, [CountryCosts("NL", 5.0, 0.0, 30.0, 47.5)], plant, [0.0]).row(0, named=True)
    assert (row["hours_electric"], row["avg_price_paid"]) == (2, 15.0)
    assert (row["cost_hybrid"], row["cost_gas_only"], row["cost_baseload"]) == (pytest.approx(100.0), pytest.approx(120.0), pytest.approx(4 * 52.5))
    assert break_even(dispatch(prices, [CountryCosts("NL", 5.0, 0.0, 30.0, 47.5)], plant, [0.0, 10.0]), "cost_hybrid") == {"NL": 0.0}


def test_business_case_hybride_on_the_shipped_data():
    r = runner.invoke(app, ["business-case", "--sector", "chemie", "--technology", "e-boiler", "--year", "2025", "--operation", "hybride", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = {x["country"]: x for x in json.loads(r.stdout)["rows"]}
    assert set(rows) == {"NL", "DE", "BE", "FR"}
    for row in rows.values():
        assert 0 < row["hours_electric"] < 8760 and row["cost_hybrid_meur"] <= row["cost_gas_only_meur"] + 1e-9
    # the hybrid breaks even at a lower CO2 price than the baseload e-boiler everywhere
    assert all(x["break_even_hybrid_eur_per_t"] <= x["break_even_baseload_eur_per_t"] for x in rows.values())
    r = runner.invoke(app, ["business-case", "--sector", "chemie", "--year", "2026", "--operation", "hybride", "--lang", "en"])
    assert r.exit_code == 2 and "hourly prices cover the whole years 2024, 2025" in " ".join(r.output.split())
