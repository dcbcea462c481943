"""Natural gas as a second carrier and the electrification business case, on the hand-made gas
fixture (fixtures/gas) and on the shipped configs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import Override, default_config_dir, load_year
from speelveld.core.business import business_case, electrification, electrified_values
from speelveld.core.compute import compare
from tests.helpers import line, total

GAS = Path(__file__).resolve().parents[2] / "fixtures" / "gas"
runner = CliRunner()


def test_gas_taxes_by_hand():
    # plant: 100,000 MWh of fuel gas, 20,000 MWh of feedstock (untaxed), business use, ETS installation
    result = compare(load_year(GAS, 2030), ["plant"], ["DE"], gas=True)
    # NL energiebelasting in bands on the fuel: 1,000 × 50 + 99,000 × 5 = 545,000 €/yr
    assert line(result, "NL", "gas.tax.eb-gas") == pytest.approx(545_000)
    # DE Energiesteuer 5.50 × 100,000 = 550,000; § 54 for business use: 4.12 × 100,000 = 412,000,
    # so the relief line is 412,000 − 550,000 = −138,000
    assert line(result, "DE", "gas.tax.energiesteuer") == pytest.approx(550_000)
    assert line(result, "DE", "gas.tax.energiesteuer.reduced.par54") == pytest.approx(-138_000)
    # BEHG 10 × 100,000 = 1,000,000, taken off in full for an ETS installation
    assert line(result, "DE", "gas.tax.behg") == pytest.approx(1_000_000)
    assert line(result, "DE", "gas.tax.behg.reduced.ets") == pytest.approx(-1_000_000)
    # commodity and transport on all 120,000 MWh: NL (40 + 1) × 120,000; DE (30 + 2) × 120,000
    assert line(result, "NL", "gas.commodity") == pytest.approx(4_800_000)
    assert line(result, "DE", "gas.network.transport") == pytest.approx(240_000)
    # gas totals per MWh of gas: NL 5,465,000 ÷ 120,000 = 45.5417; DE 4,252,000 ÷ 120,000 = 35.4333
    assert total(result, "NL", "gas_eur_per_mwh") == pytest.approx(5_465_000 / 120_000)
    assert total(result, "DE", "gas_eur_per_mwh") == pytest.approx(4_252_000 / 120_000)
    assert total(result, "DE", "gas_gap_eur_per_mwh") == pytest.approx((5_465_000 - 4_252_000) / 120_000)
    # whole energy bill: electricity NL (80 + 10 + 1) × 100,000 = 9.1 M€, DE (70 + 5 + 1) × 100,000
    # = 7.6 M€; with gas 14.565 − 11.852 = 2.713 M€/yr
    assert total(result, "DE", "energy_gap_meur_per_year") == pytest.approx(2.713)
    # the electricity lines are the same with or without gas
    plain = compare(load_year(GAS, 2030), ["plant"], ["DE"])
    assert total(plain, "DE", "gap_eur_per_mwh") == pytest.approx(total(result, "DE", "gap_eur_per_mwh"), abs=1e-12)
    assert "gas_eur_per_mwh" not in plain.totals.columns


def test_business_case_by_hand():
    # 50 % of 100,000 MWh fuel gas in boilers: 50,000 MWh gas saved; heat 50,000 × 0.90 = 45,000 MWh;
    # e-boiler at 100 %: 45,000 MWh electricity; CO2 50,000 × 0.2 = 10,000 t; capacity 45,000 × 1000
    # ÷ 8,000 h = 5,625 kW.
    cfg = load_year(GAS, 2030)
    e = electrification(cfg, "plant", "e-boiler")
    assert (e.heat_mwh, e.gas_saved_mwh, e.electricity_mwh, e.co2_avoided_t, e.capacity_kw) == pytest.approx((45_000, 50_000, 45_000, 10_000, 5_625))
    after = load_year(GAS, 2030, [Override(p, v, "test") for p, v in electrified_values(cfg, "plant", e)])
    bc = {r["country"]: r for r in business_case(cfg, after, "plant", "e-boiler", ["DE"]).table.iter_rows(named=True)}
    # electricity: NL 45,000 × (80 + 10 + 1) = 4,095,000; DE 45,000 × 76 = 3,420,000
    # gas: NL −50,000 × (40 + 1) and the bands 545,000 → 1,000 × 50 + 49,000 × 5 = 295,000:
    #      −2,050,000 − 250,000 = −2,300,000; DE −50,000 × (30 + 2) − 50,000 × 4.12 = −1,806,000
    # CO2: −80 €/t × 10,000 t = −800,000 in both
    # annuities: CRF(10 %, 10 yr) = 0.1 ÷ (1 − 1.1^−10) = 0.162745; e-boiler 5,625 × 100 × 0.162745
    #      = 91,544; gas boiler 5,625 × 50 × 0.162745 = 45,772
    # D: NL 4,095,000 − 2,300,000 − 800,000 + 91,544 − 45,772 = 1,040,772; DE 859,772
    # break-even = 80 + D ÷ 10,000: NL 184.08, DE 165.98 €/t; subsidy = D ÷ 10,000: 104.08, 85.98 €/t
    assert bc["NL"]["d_electricity"] == pytest.approx(4_095_000)
    assert bc["NL"]["d_gas"] == pytest.approx(-2_300_000)
    assert bc["DE"]["d_gas"] == pytest.approx(-1_806_000)
    assert bc["NL"]["d_co2"] == pytest.approx(-800_000)
    crf = 0.1 / (1 - 1.1 ** -10)
    assert bc["NL"]["annuity_electric"] == pytest.approx(5_625 * 100 * crf)
    assert bc["NL"]["difference"] == pytest.approx(4_095_000 - 2_300_000 - 800_000 + 5_625 * 50 * crf)
    assert bc["NL"]["break_even"] == pytest.approx(184.0772, abs=1e-3)
    assert bc["DE"]["break_even"] == pytest.approx(165.9772, abs=1e-3)
    assert bc["DE"]["subsidy"] == pytest.approx(85.9772, abs=1e-3)
    # a higher EUA price lowers the subsidy need, not the break-even price
    dearer = load_year(GAS, 2030, [Override.parse("eu.eua_price_eur_per_t=120")])
    dearer_after = load_year(GAS, 2030, [Override.parse("eu.eua_price_eur_per_t=120")] + [Override(p, v, "t") for p, v in electrified_values(dearer, "plant", e)])
    bc2 = {r["country"]: r for r in business_case(dearer, dearer_after, "plant", "e-boiler", ["DE"]).table.iter_rows(named=True)}
    assert bc2["NL"]["break_even"] == pytest.approx(bc["NL"]["break_even"])
    assert bc2["NL"]["subsidy"] == pytest.approx(bc["NL"]["subsidy"] - 40)


@pytest.mark.parametrize("year", ["2024", "2025", "2026"])
def test_kunstmest_all_carriers_on_the_shipped_configs(year):
    r = runner.invoke(app, ["compare", "--sector", "kunstmest", "--carrier", "all", "--year", year, "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    gas_lines = [ln for ln in data["lines"] if ln["subtotal"] == "gas"]
    assert {ln["country"] for ln in gas_lines} == {"NL", "DE", "BE", "FR"}
    assert all(ln["quality"] in ("published", "derived", "estimate", "unknown") for ln in gas_lines)
    for t in data["totals"]:
        assert t["gas_eur_per_mwh"] is not None and t["electricity_eur_per_mwh"] is not None and t["direct_co2_eur_per_mwh"] is not None
        assert t["gas_low_eur_per_mwh"] <= t["gas_eur_per_mwh"] <= t["gas_high_eur_per_mwh"]
    # every gas value of the configs has a source and a flag
    cfg = load_year(default_config_dir(), int(year))
    gas_params = [p for p in cfg.params.values() if ".gas." in p.path or ".gas_" in p.path]
    assert gas_params and all(p.source_id and p.quality for p in gas_params)
    table = runner.invoke(app, ["compare", "--sector", "kunstmest", "--carrier", "all", "--year", year], env={"COLUMNS": "200"})
    words = " ".join(table.output.replace("│", " ").split())
    assert table.exit_code == 0 and "Aardgas" in words and "Elektriciteit" in words and "Directe CO2-kosten" in words


def test_business_case_cli_and_sweep():
    r = runner.invoke(app, ["business-case", "--sector", "chemie", "--technology", "e-boiler"])
    assert r.exit_code == 0, r.output
    words = " ".join(r.output.replace("│", " ").split())
    assert "Break-even CO2-prijs 200 60 286 101 (€/t) 127–325 -15 tot 138 * 195–388 7–187" in words and "Benodigde" in words  # the label wraps beside its figures
    r = runner.invoke(app, ["business-case", "--sector", "glas"])
    assert r.exit_code == 2 and "ovenwarmte, geen ketelwarmte" in r.output
    r = runner.invoke(app, ["business-case", "--sector", "plant", "--config-dir", str(GAS), "--countries", "DE", "--format", "csv"])
    assert r.exit_code == 0 and "break_even" in r.output
    r = runner.invoke(app, ["sweep", "--config-dir", str(GAS), "--sector", "plant", "--business-case", "e-boiler",
                            "--vary", "DE.gas.price_eur_per_mwh=20:40:10"])
    assert r.exit_code == 0, r.output
    assert "Break-even CO2-prijs" in " ".join(r.output.split())


def test_explain_covers_gas_and_its_formulas_match():
    from speelveld.core.explain import evaluate_check, explain

    e = explain(load_year(GAS, 2030), "plant", "DE", gas=True)
    gas = [ln for ln in e.lines if ln.subtotal == "gas"]
    assert {ln.key for ln in gas} >= {"gas.commodity", "gas.tax.energiesteuer", "gas.tax.energiesteuer.reduced.par54"}
    for ln in gas:
        main = [s for s in ln.steps if s.main and (s.applies is None or s.applies)]
        assert main and evaluate_check(main[-1].check) == pytest.approx(ln.eur_per_year), ln.key
        assert ln.per_mwh_of == 120_000
    assert e.gas_eur_per_year == pytest.approx(4_252_000)


@pytest.mark.libreoffice
@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice is needed")
def test_business_case_workbook_recalculates(tmp_path):
    import shutil
    import subprocess

    import openpyxl

    book = tmp_path / "bc.xlsx"
    r = runner.invoke(app, ["business-case", "--sector", "plant", "--config-dir", str(GAS), "--countries", "DE", "--excel", str(book), "--format", "json"])
    assert r.exit_code == 0, r.output
    subprocess.run([shutil.which("soffice"), "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"), str(book)], check=True, capture_output=True, timeout=180)
    ws = openpyxl.load_workbook(tmp_path / "lo" / "bc.xlsx", data_only=True).worksheets[0]
    rows = {row[0]: row[1:] for row in ws.iter_rows(values_only=True) if row[0]}
    # the same hand-computed numbers as test_business_case_by_hand, now as live sums in the sheet
    assert rows["Verschil per jaar (> 0: elektrificeren kost meer)"][0] == pytest.approx(1_040_772.14, abs=0.01)
    assert rows["Break-even CO2-prijs (€/t)"][:2] == pytest.approx((184.0772, 165.9772), abs=1e-3)


def test_the_business_case_fits_80_columns_with_a_long_technology_name():
    # the heat pump's name is one 25-letter word and its bands are "-38,7 tot -11,2": boxed, the
    # FR column was cut at column 80; now every line fits and FR's figures are whole
    r = runner.invoke(app, ["business-case", "--sector", "chemie", "--technology", "heat-pump"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80
    assert "-46,3 tot" in r.output and "-16,8" in r.output  # FR's band of the yearly difference, whole
    # the technology's limits, in the report's language (the configs give both)
    words = " ".join(r.output.split())
    assert "Grenzen van de techniek (hogetemperatuurwarmtepomp (tot 150 °C)): Warmte tot 150 °C uit een restwarmtebron" in words
    en = runner.invoke(app, ["business-case", "--sector", "chemie", "--technology", "heat-pump", "--lang", "en"], env={"COLUMNS": "80"})
    english = " ".join(en.output.split())
    assert "Limits of the technology (high-temperature heat pump (up to 150 °C)): Heat up to 150 °C from a waste-heat source" in english
    assert "hogetemperatuurwarmtepomp" not in english
