"""`speelveld explain`: formulas with numbers filled in, checked by hand and against the engine."""

import functools
import json
import math
import re

import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import available_years, default_config_dir, load_year
from speelveld.core.compute import compare
from speelveld.core.explain import evaluate_check, explain, fmt_number
from speelveld.report.labels import step_text
from tests.helpers import FIXTURE

runner = CliRunner()


@pytest.fixture(scope="module")
def fixture_cfg():
    return load_year(FIXTURE, 2030, [])


def _line(expl, key):
    return next(ln for ln in expl.lines if ln.key == key)


def _main(line):
    return [s for s in line.steps if s.main and s.applies is not False]


def test_de_network_capacity_by_hand(fixture_cfg):
    ln = _line(explain(fixture_cfg, "plant", "DE"), "network.capacity_eur_per_kw_year")
    # capacity = 100,000 MWh × 1000 ÷ 8,000 h = 12,500 kW; 8,000 h ≥ 2,500 h, so the 50 €/kW/yr sheet applies:
    # 50 × 12,500 = 625,000 €/yr = 6.25 €/MWh
    derivation = next(s for s in ln.steps if s.label.key == "capacity_flat")
    assert derivation.formula == "100,000 MWh × 1000 ÷ 8,000 h" and derivation.result == 12_500
    conditions = {step_text("nl", s.label).split(":")[0]: s.applies for s in ln.steps if s.kind == "condition"}
    assert conditions == {"tariefvariant below-2500h": False, "tariefvariant from-2500h": True}
    (main,) = _main(ln)
    assert main.formula == "50 €/kW/yr × 12,500 kW"
    assert main.result == pytest.approx(625_000)
    assert ln.eur_per_year == pytest.approx(625_000) and ln.eur_per_mwh == pytest.approx(6.25)


def test_de_stromnev_reduction_by_hand(fixture_cfg):
    ln = _line(explain(fixture_cfg, "plant", "DE"), "network.reduction.stromnev-19-2")
    # network charges 625,000 + 5 €/MWh × 100,000 MWh = 1,125,000 €/yr; 8,000 h reaches the top tier
    # (pay at least 10 %), so 90 % is taken off: −1,125,000 × 0.9 = −1,012,500 €/yr
    (main,) = _main(ln)
    assert main.formula == "−1,125,000 €/yr × 90%"
    assert main.result == pytest.approx(-1_012_500)
    tiers = [s for s in ln.steps if s.label.key.startswith("reduction_share")]
    assert [(s.formula, s.applies) for s in tiers] == [("100 − 10", True), ("100 − 15", False), ("100 − 20", False)]


def test_nl_banded_levy_and_exemption_by_hand(fixture_cfg):
    e = explain(fixture_cfg, "plant", "NL")
    (gross,) = _main(_line(e, "tax.energiebelasting"))
    # bands: 30 €/MWh on the first 10,000 MWh, 1 €/MWh on the other 90,000 → 300,000 + 90,000 = 390,000
    assert gross.formula == "30 €/MWh × 10,000 MWh + 1 €/MWh × 90,000 MWh"
    assert gross.result == pytest.approx(390_000)
    (exemption,) = _main(_line(e, "tax.energiebelasting.exemption"))
    # 20 % process use is exempt: taxed 80,000 MWh → 300,000 + 70,000 = 370,000; 370,000 − 390,000 = −20,000
    assert exemption.formula == "370,000 €/yr − 390,000 €/yr"
    assert exemption.result == pytest.approx(-20_000)


def test_fr_condition_failed_and_tier_choice(fixture_cfg):
    ln = _line(explain(fixture_cfg, "plant", "FR"), "tax.accise.reduced.l312-71")
    # intensity = 100,000 MWh × 22.5 €/MWh ÷ 50,000,000 € × 100 = 4.5 %: below 6.75, above 3.375 → 5 €/MWh tier
    intensity = next(s for s in ln.steps if s.label.key == "intensity")
    assert intensity.result == pytest.approx(4.5)
    tests = [(s.formula, s.applies) for s in ln.steps if s.kind == "condition"]
    assert tests[:2] == [("4.5 ≥ 6.75", False), ("4.5 ≥ 3.375", True)]
    applied = [s.formula for s in ln.steps if s.kind == "formula" and s.applies is True and not s.main]
    assert applied == ["5 €/MWh × 80,000 MWh"]


@functools.cache
def _explained(year) -> tuple:
    """Every sector and country of a shipped year explained once (gas lines included), for the
    tests that read them all (one file: one worker, so they share this)."""
    cfg = load_year(default_config_dir(), year, [])
    result = compare(cfg, sorted(cfg.sectors), sorted(c for c in cfg.countries if c != "NL"), reference="NL", gas=True)
    return cfg, result, tuple((sector, country, explain(cfg, sector, country, gas=True)) for sector in sorted(cfg.sectors) for country in sorted(cfg.countries))


def _all_explanations(year):
    _, result, explained = _explained(year)
    for sector, country, e in explained:
        yield year, sector, country, e, result


@pytest.mark.parametrize("year", available_years(default_config_dir()))
def test_explanations_add_up_and_formulas_match_the_engine(year):
    """Shipped configs, every year (one test each, so they run in parallel), sector and country: the
    explained lines sum to the engine's total, and every applied main formula, evaluated from its
    printed numbers, gives the line's amount."""
    checked = 0
    for _, sector, country, e, result in _all_explanations(year):
        row = result.totals.filter((result.totals["sector"] == sector) & (result.totals["country"] == country)).row(0, named=True)
        assert e.total_eur_per_year == pytest.approx(row["total_eur_per_year"], rel=1e-12), (year, sector, country)
        assert e.unknown_lines == row["unknown_lines"]
        for ln in e.lines:
            mains = _main(ln)
            assert len(mains) <= 1, (year, sector, country, ln.key, [m.label for m in mains])
            if ln.eur_per_year is None or not mains or mains[0].check is None:
                continue
            where = (year, sector, country, ln.key, mains[0].formula)
            assert evaluate_check(mains[0].check) == pytest.approx(ln.eur_per_year, rel=1e-9, abs=1e-6), where
            # what a reader can retype from the screen: within 0.05 % (or 1 €) of the engine
            assert evaluate_check(mains[0].printed_check) == pytest.approx(ln.eur_per_year, rel=5e-4, abs=1.0), where
            checked += 1
    assert checked > 170


def test_fmt_number_keeps_five_digits():
    assert fmt_number(53.06) == "53.06"
    assert fmt_number(6.6325) == "6.6325"
    assert fmt_number(125_000.0) == "125,000"
    assert fmt_number(1234.56) == "1,234.6"
    assert fmt_number(-12.179) == "−12.179"
    assert fmt_number(None) == "?"


def test_evaluate_check_refuses_anything_but_arithmetic():
    assert evaluate_check("min((2.0) - (3.0), 0) * (25.0/100)") == pytest.approx(-0.25)
    with pytest.raises(ValueError):
        evaluate_check("__import__('os')")


def test_cli_explain_de_chemie_line_checkable_by_calculator():
    r = runner.invoke(app, ["explain", "--sector", "chemie", "--country", "DE", "--year", "2026", "--line", "network.capacity"])
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    # 53.06 €/kW/yr (TransnetBW ≥ 2,500 h sheet) × 1,000,000 MWh × 1000 ÷ 8,000 h = 125,000 kW → 6,632,500 €/yr
    assert "53,06 €/kW/jr × 125.000 kW = 6.632.500 €/jr" in text and "€/kW/yr" not in text  # Dutch numbers
    assert "= 6.632.500 €/jr ÷ 1.000.000 MWh = 6,6325 €/MWh" in text
    assert "tariefvariant below-2500h: benuttingsuren: 8.000 h < 2.500 h (niet voldaan)" in text
    assert "[enet-uenb-2026]" in text and "2026/countries/DE.yaml:" in text


def test_cli_explain_json_matches_compare():
    args = ["--sector", "plant", "--config-dir", str(FIXTURE)]
    e = json.loads(runner.invoke(app, ["explain", *args, "--country", "DE", "--format", "json"]).stdout)
    c = json.loads(runner.invoke(app, ["compare", *args, "--format", "json"]).stdout)
    de = next(t for t in c["totals"] if t["country"] == "DE")
    electricity = [ln["eur_per_year"] for ln in e["lines"] if ln["subtotal"] == "electricity"]
    assert math.isclose(sum(electricity), de["total_eur_per_year"], rel_tol=1e-12)
    co2 = [ln["eur_per_year"] for ln in e["lines"] if ln["subtotal"] == "direct_co2"]
    assert math.isclose(sum(co2) / 100_000, de["direct_co2_eur_per_mwh"], rel_tol=1e-12)
    assert e["run"]["config_hash"] == c["run"]["config_hash"]
    stromnev = next(ln for ln in e["lines"] if ln["key"] == "network.reduction.stromnev-19-2")
    assert {(i["source_id"], i["quality"]) for i in stromnev["inputs"]} == {("fixture", "published")}
    assert all(i["file"] == "2030/countries/DE.yaml" and i["line"] > 0 for i in stromnev["inputs"] if i["path"].startswith("DE."))


def test_cli_explain_unknown_line_and_country():
    r = runner.invoke(app, ["explain", "--sector", "plant", "--country", "DE", "--config-dir", str(FIXTURE), "--line", "nope"])
    assert r.exit_code == 2 and "--line: geen regelsleutel begint met 'nope'" in r.output
    r = runner.invoke(app, ["explain", "--sector", "plant", "--country", "XX", "--config-dir", str(FIXTURE)])
    assert r.exit_code == 2 and "--country: onbekend land 'XX'" in r.output


# Dutch words of the engine's steps; none may be left once a step is worded in English.
DUTCH_STEP_WORDS = re.compile(
    r"\b(verbruik\w*|tarief\w*|heffing\w*|korting\w*|valt|onder|lijst|staat|benuttingsuren|daluuraandeel|categorie|"
    r"tariefvariant|ja|nee|plafond|schijf|steun\w*|vermogen|grondslag|nettarieven|jaar|verlaagd\w*|subsidiabel|regeling|"
    r"vrijstelling|belast\w*|eigen|risico|aanmerking|gasverbruik|hubprijs|exitcapaciteit|zakelijk|gebruik|"
    r"emissies|toewijzing|besparing|gereguleerde|onbekend|toegevoegde|waarde|productie\w*|referentie\w*|doelprijs|"
    r"rechthebbenden|dispensatierechten|aftrek|termijnprijs|\w*intensiteit|budgetschaling|markt|goedkoper|alleen|deel|"
    r"gewogen|dagen|periode|som|heffingen|andere|voordelig\w*|geldt|niet|met|zonder|het|de|van|een|en)\b",
    re.IGNORECASE,
)


def _config_names(cfg) -> set[str]:
    """The names a config gives its levies, charges, groups and variants: kept as written."""
    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("label", "id", "hub", "operator") and isinstance(value, str):
                    names.add(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for model in [cfg.eu, *cfg.countries.values(), *cfg.sectors.values()]:
        walk(model.model_dump())
    return names


@pytest.mark.parametrize("year", available_years(default_config_dir()))
def test_every_step_is_worded_in_english(year):
    """`explain --lang en`: every step of every shipped line reads in English; only the configs'
    own names (a Dutch charge such as 'Ter beschikking gesteld vermogen') stay as written."""
    from speelveld.report.labels import step_text

    cfg, _, explained = _explained(year)
    # whole names only (an id such as 'b' is no part of a word), the longest first
    names = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(_config_names(cfg), key=len, reverse=True)) + r")(?!\w)")
    checked = 0
    for sector, country, e in explained:
        for line in e.lines:
            for step in line.steps:
                english = step_text("en", step.label)
                rest = names.sub("", english)
                assert not DUTCH_STEP_WORDS.search(rest), f"{sector}/{country}: {step.label!r} → {english!r}"
                assert step_text("nl", step.label).strip()
                checked += 1
    assert checked > 1000
