"""The envelope decision: the best mix, the headroom, state aid as data, and toets = opties."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import default_config_dir, load_year, parse_override
from speelveld.config.scenario import OptionInfo, OptionPart
from speelveld.config.stateaid import load_stateaid
from speelveld.core.mix import Instrument, best_mix
from speelveld.core.stateaid import checks_for, verdict

runner = CliRunner()
SHIPPED = default_config_dir()


def test_the_mix_of_two_instruments_is_the_hand_computed_optimum():
    # A gives sector s1 10 €/MWh for 10 M€; B gives s1 4 and s2 8 €/MWh for 4 M€; both at most at
    # their configured level. Gaps: s1 12, s2 6 €/MWh, each sector 1 TWh (weight 1 M€ per €/MWh).
    # With 10 M€: B whole (4 M€) closes 4 of s1 and 6 of s2 (capped at parity): 10; the other 6 M€
    # buy 0.6 of A: 6 more of s1 (10 ≤ 12). Closed 16 M€ of 18 open. A alone (10 M€) closes only 10.
    # The next M€ buys 0.1 of A: +1 M€ closed per M€ (until s1 reaches parity at A = 0.8), so the
    # next 100 M€, spread over the two pairs' 2 TWh, is worth 1 × 100 ÷ 2 = 50 €/MWh.
    a = Instrument("A", {"s1": 10.0}, 10.0)
    b = Instrument("B", {"s1": 4.0, "s2": 8.0}, 4.0)
    mix = best_mix([a, b], {("s1", "X"): 12.0, ("s2", "X"): 6.0}, {"s1": 1e6, "s2": 1e6}, 10.0)
    assert mix.levels == {"A": pytest.approx(0.6, abs=1e-9), "B": pytest.approx(1.0, abs=1e-9)}
    assert mix.closed_meur == pytest.approx(16.0, abs=1e-9) and mix.open_meur == pytest.approx(18.0)
    assert mix.cost_meur == pytest.approx(10.0, abs=1e-9)
    assert mix.marginal_eur_per_mwh_per_100meur == pytest.approx(50.0, abs=1e-6)
    assert mix.relief == {"s1": pytest.approx(10.0), "s2": pytest.approx(8.0)}


def test_more_headroom_never_closes_less_and_a_legal_limit_holds():
    a = Instrument("A", {"s1": 10.0}, 10.0, limit=1.5)
    b = Instrument("B", {"s1": 4.0, "s2": 8.0}, 4.0)
    gaps, volumes = {("s1", "X"): 30.0, ("s2", "X"): 6.0}, {"s1": 1e6, "s2": 2e6}
    closed = [best_mix([a, b], gaps, volumes, h).closed_meur for h in (0, 2, 5, 10, 20, 40, 100)]
    assert closed == sorted(closed) and closed[0] == 0
    assert best_mix([a, b], gaps, volumes, 100).levels["A"] == pytest.approx(1.5)  # never past the legal limit


@pytest.fixture(scope="module")
def year_2029():
    from speelveld.app import options_over_years
    from speelveld.config.scenario import available_scenarios, load_scenario

    names = [n for n in available_scenarios(SHIPPED) if load_scenario(SHIPPED, n).option is not None]
    results, _ = options_over_years(SHIPPED, [2029], names, None, "NL", None, set(), "netto", True)
    return {r.option: r for r in results}


def test_the_mix_closes_at_least_what_any_allowed_option_closes(year_2029):
    mix = year_2029["mix"]
    assert mix.state_cost_meur <= mix.headroom_meur[0] + 1e-6
    first = year_2029["optie-ikc-volledig"]
    gaps = {(g["sector"], g["country"]): g["gap_before_eur_per_mwh"] for g in first.gaps.iter_rows(named=True)}
    volumes = {g["sector"]: g["sector_electricity_mwh"] for g in first.gaps.iter_rows(named=True) if g["sector_electricity_mwh"]}
    for name, r in year_2029.items():
        if name == "mix" or r.verdict != "pass" or r.cost_partial:
            continue
        alone = best_mix([Instrument(name, {x["sector"]: x["relief"] or 0 for x in r.sectors.iter_rows(named=True)}, r.state_cost_meur)], gaps, volumes, r.state_cost_meur + 1e-9)
        assert alone.closed_meur <= mix.mix.closed_meur + 1e-6, name


def test_the_headroom_takes_off_what_the_ikc_extension_spends(year_2029):
    r = year_2029["optie-ikc-volledig"]
    envelope, committed, headroom = r.envelope_meur, r.committed_meur, r.headroom_meur
    assert envelope == pytest.approx(1000.0)
    assert 100 < committed[0] < 400 and committed[1] <= committed[0] <= committed[2]  # about 0.2 bn€ (the review: ≈ 0.23)
    assert headroom[0] == pytest.approx(envelope - committed[0])
    assert headroom[1] == pytest.approx(envelope - committed[2]) and headroom[2] == pytest.approx(envelope - committed[1])


def test_options_the_law_does_not_allow_are_flagged(year_2029):
    failing = year_2029["nl-elektriciteitskosten-compensatie"]
    rules = {c.rule for c in failing.checks if c.status == "fail"}
    # on all the consumption, under the 50 €/MWh floor, stacked on the IKC
    assert {"sa_cisaf_share", "sa_cisaf_floor_budget", "sa_cisaf_cumulation"} <= rules and failing.verdict == "fail"
    for name in ("vcr-opvolger", "optie-nettarief-korting", "optie-combinatie"):
        assert any(c.rule == "sa_none" and c.status == "fail" for c in year_2029[name].checks), name
        assert year_2029[name].verdict == "fail"
    # the combination's IKC half passes, yet the whole does not: ✓ only when every part passes
    combo = year_2029["optie-combinatie"].checks
    assert any(c.part == "NL.carbon.indirect_cost_compensation" and c.status == "pass" for c in combo)
    assert year_2029["optie-cisaf-prijssteun"].verdict == "pass"  # 2029 is the second year of 2028–2030
    assert year_2029["optie-tennet-tijdsduurgebonden"].state_cost_meur == 0


@pytest.mark.parametrize("share,expected", [(10, "fail"), (15, "pass")])
def test_the_ceeag_check_needs_the_own_contribution_and_the_floor(share, expected):
    # KWKG-Umlage 4.46 €/MWh: paying 10 % of it (0.45 €/MWh) is below both the 15 % own contribution
    # and the 0.5 €/MWh floor; 15 % (0.67 €/MWh) meets both
    base = load_year(SHIPPED, 2026)
    option = load_year(SHIPPED, 2026, [parse_override(f"DE.taxes.levies.kwkg.reduced_rates+={{id: test, label: Test, above_mwh: 0, share_of_rate_pct: {share}}}")])
    info = OptionInfo(parts=[OptionPart(instrument="DE.taxes.levies.kwkg", basis="ceeag")], funding="test")
    checks = checks_for(base, option, info, load_stateaid(SHIPPED).frameworks, "DE")
    found = [c for c in checks if c.rule == "sa_ceeag_contribution"]
    assert len(found) == 1 and found[0].status == expected and verdict(checks) == expected


def test_toets_and_opties_give_the_same_gap_after():
    t = runner.invoke(app, ["toets", "--scenario", "optie-ikc-volledig", "--year", "2029", "--format", "json"])
    o = runner.invoke(app, ["opties", "--options", "optie-ikc-volledig", "--years", "2029", "--format", "json"])
    assert t.exit_code == 0 and o.exit_code == 0, t.output + o.output
    toets = {(r["sector"], r["country"]): r["gap_after_eur_per_mwh"] for r in json.loads(t.stdout)["rows"]}
    opties = {(r["sector"], r["country"]): r["value"] for r in json.loads(o.stdout)["rows"] if r["variable"] == "gap_after"}
    assert opties and all(opties[k] == pytest.approx(toets[k], abs=1e-9) for k in opties)
    # and the same cost to the state: what the Dutch plants of the sectors with a volume are paid more
    cost = next(r["value"] for r in json.loads(o.stdout)["rows"] if r["variable"] == "state_cost")
    assert cost == pytest.approx(json.loads(t.stdout)["state_cost_model"]["meur_per_year"], abs=1e-6)


def _scenario_dir(tmp_path: Path) -> Path:
    cfg = tmp_path / "cfg"
    shutil.copytree(SHIPPED, cfg)
    return cfg


@pytest.mark.parametrize("old,new,expected", [
    ("basis: cisaf}", "basis: cisav}", "option.parts.0.basis: unknown framework 'cisav' (did you mean 'cisaf'?)"),
    ("volume_share_pct, max: 50}", "volume_share_pct, max: 60}", "option.lever.max: 60 is above the legal limit of 50 (cisaf: max_volume_share_pct)"),
    ("instrument: NL.support.cisaf-prijssteun,", "instrument: NL.support.cisaf-prijsteun,", "option.parts.0.instrument: no instrument 'NL.support.cisaf-prijsteun' in the config"),
])
def test_a_bad_option_block_names_the_file_line_and_field(tmp_path, old, new, expected):
    cfg = _scenario_dir(tmp_path)
    path = cfg / "scenarios" / "optie-cisaf-prijssteun.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    r = runner.invoke(app, ["opties", "--config-dir", str(cfg), "--years", "2029", "--options", "optie-cisaf-prijssteun", "--lang", "en"])
    assert r.exit_code == 2 and "Traceback" not in r.output
    lines = [x for x in r.output.splitlines() if x.startswith("error: ")]
    assert len(lines) == 1 and f"optie-cisaf-prijssteun.yaml:{line}: {expected}" in lines[0], r.output


def test_the_monte_carlo_says_how_many_draws_fall_outside_the_band_of_compare():
    # the band of compare takes the wholesale prices high or low together, the draws correlate them:
    # each says which it does, and the sweep counts its draws outside compare's band
    r = runner.invoke(app, ["sweep", "--sector", "chemie", "--year", "2029", "--bands", "uniform", "--samples", "2000", "--lang", "en"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    line = text[text.index("Share of draws outside the band of compare"):].split("%.")[0] + "%."
    shares = [float(x.split()[-1]) for x in line.split(": ", 1)[1].rstrip(".").replace(" %", "").split("; ")]
    assert len(shares) == 3 and all(0 <= x <= 100 for x in shares)
