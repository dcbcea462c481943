"""Monitoring over the years (`trend`), what closes the gap (`close-gap`) and a measure's cost
to the state computed from the engine (`toets`)."""

from __future__ import annotations

import json

import openpyxl
import polars as pl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import Override, default_config_dir, load_year
from speelveld.core.closing import closing_totals, gap_closing, state_cost
from speelveld.core.compute import compare
from speelveld.core.policy import policy_check
from tests.helpers import FIXTURE

runner = CliRunner()


def test_trend_rows_are_each_years_compare():
    r = runner.invoke(app, ["trend", "--sector", "chemie", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["rows"]
    assert sorted({row["year"] for row in rows}) == [2024, 2025, 2026]
    for year in (2024, 2025, 2026):
        totals = compare(load_year(default_config_dir(), year), ["chemie"], ["DE", "BE", "FR"]).totals
        for t in totals.iter_rows(named=True):
            (row,) = [x for x in rows if x["year"] == year and x["country"] == t["country"]]
            for key in ("total_eur_per_mwh", "total_low_eur_per_mwh", "gap_eur_per_mwh", "gap_high_eur_per_mwh", "gap_bound"):
                assert row[key] == t[key], (year, t["country"], key)


def test_trend_table_csv_and_years_option(tmp_path):
    r = runner.invoke(app, ["trend", "--sector", "staal", "--years", "2025:2026"])
    assert r.exit_code == 0, r.output
    assert "2025" in r.output and "2026" in r.output and "2024" not in r.output
    assert "DE verschil" in r.output
    out = tmp_path / "t.csv"
    r = runner.invoke(app, ["trend", "--sector", "all", "--out", str(out)])
    assert r.exit_code == 0, r.output
    lines = out.read_text().splitlines()
    assert lines[0].startswith("year,sector,country,total_eur_per_mwh")
    assert len(lines) == 1 + 3 * 10 * 4
    # the manifest beside the file covers every year the trend read (each year's own config hash)
    meta = json.loads((tmp_path / "t.csv.json").read_text(encoding="utf-8"))
    assert sorted(meta["config_hashes"]) == ["2024", "2025", "2026"]
    for bad in ("2020:2021", "abc"):
        r = runner.invoke(app, ["trend", "--years", bad])
        assert r.exit_code == 2 and "--years" in r.output
    r = runner.invoke(app, ["trend", "--years", "2026:2024"])
    assert r.exit_code == 2 and r.stderr.strip() == "error: --years 2026:2024: het bereik loopt achteruit; schrijf 2024:2026"


def test_trend_excel_and_report_sheet(tmp_path):
    book = tmp_path / "trend.xlsx"
    r = runner.invoke(app, ["trend", "--sector", "all", "--excel", str(book)])
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(book)["Trend"]
    assert len(ws._charts) == 10 and all(type(c).__name__ == "LineChart" for c in ws._charts)
    report = tmp_path / "r.xlsx"
    assert runner.invoke(app, ["report", "--out", str(report)]).exit_code == 0
    assert "Trend" in openpyxl.load_workbook(report).sheetnames
    # one price year only (the fixture): no trend sheet
    single = tmp_path / "f.xlsx"
    assert runner.invoke(app, ["report", "--config-dir", str(FIXTURE), "--out", str(single)]).exit_code == 0
    assert "Trend" not in openpyxl.load_workbook(single).sheetnames


def test_gap_closing_by_hand():
    # fixture: NL − DE = 33.159336 €/MWh (see test_engine_fixture), sector use 1,000,000 MWh:
    # relief 33.159336 €/MWh, cost 33.159336 × 1,000,000 / 10⁶ = 33.159336 M€/yr
    cfg = load_year(FIXTURE, 2030)
    table = gap_closing(compare(cfg, ["plant"], ["DE", "FR"]), cfg)
    de = table.filter(table["country"] == "DE").row(0, named=True)
    assert de["relief_eur_per_mwh"] == pytest.approx(33.159336, abs=1e-6)
    assert de["cost_meur_per_year"] == pytest.approx(33.159336, abs=1e-6)
    # where NL is cheaper the relief is 0, never negative
    assert all(r >= 0 for r in table["relief_eur_per_mwh"].to_list())
    totals = closing_totals(table)
    assert totals.filter(totals["country"] == "DE")["cost_meur_per_year"][0] == pytest.approx(33.159336, abs=1e-6)


def test_close_gap_on_the_shipped_years():
    for year in ("2024", "2025", "2026"):
        r = runner.invoke(app, ["close-gap", "--year", year, "--format", "json"])
        assert r.exit_code == 0, r.output
        data = json.loads(r.stdout)
        assert len(data["rows"]) == 30 and {t["country"] for t in data["totals"]} == {"DE", "BE", "FR"}
        assert data["budgets"]["ikc_eur_per_year"] > 0
    r = runner.invoke(app, ["close-gap", "--year", "2026"])
    # the 2026 costs are paid from the 2027 round: 200–500 M€, its middle as the central figure
    assert r.exit_code == 0 and "IKC-budget voor de kosten van 2026: 350,0 M€ (200–500 M€; niet gepubliceerd" in " ".join(r.output.split())


def test_state_cost_from_the_engine_by_hand():
    # duurder-de: DE wholesale +10 €/MWh; NL compensation intensity 75 % → 50 %. The NL plant's
    # compensation is 16.084262 €/MWh at 50 %, so 24.126393 at 75 %: NL pays 8.042131 €/MWh more,
    # the state pays 8.042131 × 1,000,000 MWh / 10⁶ = 8.04 M€/yr less (cost −8.04). The NL − DE gap
    # moves +8.042131 − 10 = −1.957869 €/MWh: −8.042131 ÷ 1.957869 = −4.1076 M€/yr per €/MWh closed.
    base = load_year(FIXTURE, 2030)
    sc = load_year(FIXTURE, 2030, [], scenario="duurder-de")
    check = policy_check(base, sc, ["plant"], ["DE", "FR"], "NL")
    cost = state_cost(check, base)
    assert cost.meur_per_year == pytest.approx(-8.042131, abs=1e-5)
    assert cost.per_gap_closed["DE"] == pytest.approx(-8.042131 / 1.957869, rel=1e-5)
    assert cost.sectors == ["plant"] and cost.left_out == []


def test_state_cost_ikc_capped_at_the_budget():
    # the other way round (50 % → 75 %) with a budget of 20 M€: over the sector's 1,000,000 MWh the
    # claims go from 16.084262 to 24.126394 M€; the state pays min(24.126394, 20) − min(16.084262, 20)
    # = 3.915738 M€/yr, not 8.042131; pro rata 20 ÷ 24.126394 = 82.9 %
    budget = [Override.parse("NL.carbon.indirect_cost_compensation.budget_eur_per_year=20000000")]
    low = load_year(FIXTURE, 2030, budget, scenario="duurder-de")
    high = load_year(FIXTURE, 2030, budget + [Override.parse("DE.commodity.baseload_eur_per_mwh=80")])
    check = policy_check(low, high, ["plant"], ["DE", "FR"], "NL")
    cost = state_cost(check, low, scenario_cfg=high)
    assert cost.ikc_claims_meur_per_year == pytest.approx(24.126394, abs=1e-5)
    assert cost.ikc_pro_rata_pct == pytest.approx(100 * 20 / 24.126394, rel=1e-5)
    assert cost.meur_per_year == pytest.approx(20 - 16.084262, abs=1e-5)


def test_claims_over_the_budget_are_paid_pro_rata():
    # the fixture's NL plant claims 24.126394 €/MWh × 1,000,000 MWh = 24.126394 M€ at 75 %. With a
    # budget of 20 M€ every claim is paid at 20 ÷ 24.126394 = 82.896 %: the plant receives 20 M€ =
    # 20 €/MWh, and the run says so. With 30 M€ nothing is cut.
    from speelveld.app import open_year

    budget = "NL.carbon.indirect_cost_compensation.budget_eur_per_year="
    cfg, notices = open_year(FIXTURE, 2030, [budget + "20000000"])
    lines = compare(cfg, ["plant"], ["DE"]).lines.filter(pl.col("country") == "NL")
    comp = dict(zip(lines["key"], lines["eur_per_mwh"], strict=True))
    # the claim stays on its own line; the cut is a line of the engine: 24.126394 − 20 = 4.126394
    assert comp["carbon.compensation"] == pytest.approx(-24.126394, abs=1e-5)
    assert comp["carbon.compensation.budget"] == pytest.approx(4.126394, abs=1e-5)
    assert any("(24.1 M€) exceed the budget (20.0 M€), so every claim is paid pro rata at 83 %" in n for n in notices)
    roomy, notices = open_year(FIXTURE, 2030, [budget + "30000000"])
    assert notices == []
    lines = compare(roomy, ["plant"], ["DE"]).lines.filter(pl.col("country") == "NL")
    comp = dict(zip(lines["key"], lines["eur_per_mwh"], strict=True))
    assert comp["carbon.compensation"] == pytest.approx(-24.126394, abs=1e-5)
    assert comp["carbon.compensation.budget"] == pytest.approx(0.0, abs=1e-9)


def test_toets_cuts_the_base_and_the_scenario_alike():
    # --set a 20 M€ budget: the base claims 24.126394 M€ and is paid 20; duurder-de (50 %) claims
    # 16.084262 and is paid in full. The state pays 16.084262 − 20 = −3.915738 M€/yr; the NL − DE
    # gap moves by what NL pays more (+3.915738) less DE's +10: −6.084262 €/MWh.
    r = runner.invoke(app, ["toets", "--scenario", "duurder-de", "--config-dir", str(FIXTURE), "--format", "json",
                            "--set", "NL.carbon.indirect_cost_compensation.budget_eur_per_year=20000000"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["state_cost_model"]["meur_per_year"] == pytest.approx(-3.915738, abs=1e-5)
    de = next(x for x in data["rows"] if x["country"] == "DE")
    assert de["gap_change_eur_per_mwh"] == pytest.approx(-6.084262, abs=1e-5)
    assert "pro rata at 83 %" in r.stderr or "pro rata uitbetaald tegen 83 %" in r.stderr


def test_toets_prints_the_computed_cost():
    # with the 2027 round at its reserved 200 M€ the claims under the scenario exceed it: the state pays up to it
    r = runner.invoke(app, ["toets", "--scenario", "ikc-uitbreiding", "--format", "json", "--set", "NL.carbon.indirect_cost_compensation.budget_eur_per_year=200e6"])
    assert r.exit_code == 0, r.output
    model = json.loads(r.stdout)["state_cost_model"]
    assert model["ikc_budget_meur_per_year"] == pytest.approx(200.0)
    assert model["ikc_claims_meur_per_year"] > 200 and model["ikc_pro_rata_pct"] < 100
    assert model["meur_per_year"] == pytest.approx(0.0, abs=1e-6)  # the budget was already spent before the scenario
    assert model["ikc_paid_pro_rata"] is True  # the gaps after the scenario are at the claims paid
    r = runner.invoke(app, ["toets", "--scenario", "vcr-opvolger"])
    assert r.exit_code == 0 and "Kosten voor de staat (model):" in r.output
    # the scenario's own figure carries its quality in the report's language
    assert "M€/jr (schatting) — FME" in " ".join(r.output.split())
    en = runner.invoke(app, ["toets", "--scenario", "vcr-opvolger", "--lang", "en"])
    assert "M€/yr (estimate) — FME" in " ".join(en.output.split())


def test_compare_and_toets_pay_the_same_share_of_the_claims():
    # with a 200 M€ budget the scenario's higher claims of the existing sectors cut every claim
    # deeper, chemie's too: its gap to DE widens, by the same amount in compare and toets
    budget = ["--set", "NL.carbon.indirect_cost_compensation.budget_eur_per_year=200e6"]

    def gap(*extra):
        r = runner.invoke(app, ["compare", "--sector", "chemie", "--format", "json", *budget, *extra])
        assert r.exit_code == 0, r.output
        return next(t["gap_eur_per_mwh"] for t in json.loads(r.stdout)["totals"] if t["country"] == "DE")

    r = runner.invoke(app, ["toets", "--scenario", "ikc-uitbreiding", "--format", "json", *budget])
    row = next(x for x in json.loads(r.stdout)["rows"] if x["sector"] == "chemie" and x["country"] == "DE")
    change = gap("--scenario", "ikc-uitbreiding") - gap()
    assert change == pytest.approx(row["gap_change_eur_per_mwh"], abs=1e-9)
    assert change > 0.1


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_shipped_claims_are_paid_within_their_budgets(year):
    # whatever the claims, the engine pays at most the budget: Σ (claim + cut) × sector volume ≤ budget
    from speelveld.core.closing import ikc_pro_rata

    cfg = load_year(default_config_dir(), year)
    claimed = ikc_pro_rata(cfg, "NL")
    claims, budget, share = claimed
    lines = compare(cfg, sorted(cfg.sectors), ["DE"]).lines.filter(pl.col("country") == "NL")
    paid = 0.0
    for s, model in cfg.sectors.items():
        mwh = cfg.param_of(model, "sector_electricity_mwh").central if model.sector_electricity_mwh is not None else None
        if mwh is None:
            continue
        rows = lines.filter((pl.col("sector") == s) & pl.col("key").is_in(["carbon.compensation", "carbon.compensation.budget"]))
        paid += -sum(rows["eur_per_mwh"].to_list()) * mwh / 1e6
    assert paid == pytest.approx(min(claims, budget), rel=1e-9)
    assert (share is None) == (claims <= budget)


def test_every_command_pays_the_same_share_of_the_claims():
    # the cut is a step of the engine, so explain sees the compensation compare sees
    def paid(lines):
        return sum(x["eur_per_mwh"] for x in lines if x.get("country", "NL") == "NL" and x["key"] in ("carbon.compensation", "carbon.compensation.budget"))

    r = runner.invoke(app, ["compare", "--sector", "chemie", "--scenario", "ikc-uitbreiding", "--format", "json"])
    compared = paid(json.loads(r.stdout)["lines"])
    r = runner.invoke(app, ["explain", "--sector", "chemie", "--country", "NL", "--scenario", "ikc-uitbreiding", "--format", "json"])
    explained = paid(json.loads(r.stdout)["lines"])
    assert explained == pytest.approx(compared, abs=1e-9)
    assert explained < 0


def test_a_higher_eua_price_can_take_the_claims_over_the_budget():
    # the compensation scales with the EUA forward price: at 400 €/t (76.85 shipped) the 2026
    # claims of the modelled sectors exceed the budget (350 M€, the middle of 200–500) without any
    # change to the scheme
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--set", "eu.eua_forward_price_eur_per_t=400", "--format", "csv", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "exceed the budget (350.0 M€), so every claim is paid pro rata" in r.stderr


def test_toets_tells_measures_apart_and_close_gap_calls_an_amount_by_its_quality():
    # the old figure (M€/yr per €/MWh narrowed over every modelled sector) was the modelled volume
    # for every measure; the share of the dearer gaps closed and the cost per €/MWh in the sectors
    # the measure reaches differ between measures
    shares, costs = {}, {}
    for sc in ("vcr-opvolger", "optie-nettarief-korting", "optie-ikc-volledig"):
        r = runner.invoke(app, ["toets", "--scenario", sc, "--format", "json"])
        model = json.loads(r.stdout)["state_cost_model"]
        shares[sc], costs[sc] = model["share_of_gaps_closed_pct"]["DE"], model["meur_per_year_per_eur_per_mwh_closed"]["DE"]
    assert len({round(v, 3) for v in shares.values()}) == 3 and len({round(v, 3) for v in costs.values()}) == 3
    r = runner.invoke(app, ["close-gap"])
    text = " ".join(r.output.split())
    assert "aangekondigd" not in text and "niet gepubliceerd" in text  # the 2026 envelope is a bounded unknown


def test_toets_writes_a_workbook_with_the_json_figures(tmp_path):
    """`toets --excel`: per sector and country before, after and the change, each a number cell
    with its band beside it, the same numbers as --format json; the cost to the state in words."""
    book = tmp_path / "toets.xlsx"
    r = runner.invoke(app, ["toets", "--scenario", "vcr-opvolger", "--excel", str(book), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = {(x["sector"], x["country"]): x for x in json.loads(r.stdout)["rows"]}
    ws = openpyxl.load_workbook(book)["Toets"]
    assert ws["C4"].value.startswith("Verschil NL − land vóór") and ws["L4"].value == "Status na"
    seen = 0
    for row in ws.iter_rows(min_row=5, values_only=True):
        if row[1] not in ("DE", "BE", "FR"):
            continue
        x = rows[(row[0], row[1])]
        assert row[2:11] == pytest.approx(tuple(x[f"gap_{p}{s}"] for p in ("before", "after", "change") for s in ("_eur_per_mwh", "_low_eur_per_mwh", "_high_eur_per_mwh")), abs=1e-9)
        seen += 1
    assert seen == len(rows) - len({s for s, _ in rows})  # every sector × neighbour, the reference left out
    text = " ".join(str(c.value) for c in ws["A"] if c.value)
    assert "Kosten voor de staat" in text or "kosten voor de staat" in text.lower()


def test_sector_volumes_say_where_they_are_unknown_and_what_they_overstate(tmp_path):
    """Where a sector's volume is unknown, 'onbekend' stands where the M€ would; chemie's volume
    (NACE 20–21 with own CHP power) is broader than its archetype: marked * beside every M€."""
    r = runner.invoke(app, ["compare", "--sector", "glas"])
    rows = [line for line in r.stdout.splitlines() if line.startswith("Verschil hele sector")]
    assert rows and all(line.split()[-1] == "onbekend" for line in rows)
    r = runner.invoke(app, ["compare", "--sector", "chemie"])
    flat = " ".join(r.stdout.split())
    assert "Verschil hele sector (M€/jr) ~ *" in flat and "* Verschil hele sector (M€/jr): geschat" in flat
    r = runner.invoke(app, ["close-gap"])
    assert "chemie *" in r.stdout and "* chemie: geschat" in " ".join(r.stdout.split())
    book = tmp_path / "r.xlsx"
    assert runner.invoke(app, ["report", "--out", str(book)]).exit_code == 0
    cells = [c.value for c in openpyxl.load_workbook(book)["Samenvatting"]["A"] if c.value]
    assert "chemie *" in cells and any(str(v).startswith("* chemie: geschat") for v in cells)


def test_trend_on_eighty_columns_cuts_no_band():
    """Three price years beside each other on 80 columns: each gap's band under it, as under each
    total, so no figure is cut to '13,2…' and no year's column is cropped."""
    import io

    from rich.console import Console

    from speelveld.core.trend import trend
    from speelveld.report.command_tables import trend_tables

    cfgs = [load_year(default_config_dir(), y) for y in (2024, 2025, 2026)]
    frame = trend(cfgs, ["chemie"], ["DE", "BE", "FR"], reference="NL")
    console = Console(width=80, record=True, file=io.StringIO())
    for table in trend_tables(frame, "NL", "nl"):
        console.print(table)
    text = console.export_text()
    assert "…" not in text and max(len(line) for line in text.splitlines()) <= 80
    assert "(-26,44 tot 3,10)" in text and "(15,34–42,26)" in text  # BE and DE 2026, whole


def test_toets_says_one_cost_per_closed_euro_when_it_is_the_same_against_every_country():
    # the IKC extension lowers the Dutch bill only: 6 M€/yr per €/MWh closed against DE, BE and FR alike
    r = runner.invoke(app, ["toets", "--scenario", "ikc-uitbreiding"])
    words = " ".join(r.output.split())
    assert "(volumegewogen): 6 M€/jr, tegenover elk land hetzelfde" in words and "DE: 6; BE: 6" not in words
