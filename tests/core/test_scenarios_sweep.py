"""Scenarios, the policy check and sweeps, on the hand-made fixture."""

from __future__ import annotations

import polars as pl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import Override, default_config_dir, load_year
from speelveld.config.yamlload import ConfigError
from speelveld.core.policy import policy_check
from speelveld.core.sweep import SweepError, parse_vary, scenario_count, sweep_query
from tests.helpers import FIXTURE, line, run, total

runner = CliRunner()

APPROX = {"rel": 1e-9, "abs": 1e-6}
FACTOR = 0.8 * (1 - 0.0109) ** (2030 - 2022 + 1)  # fallback benchmark share for 2030
ELIGIBLE_MWH = 100_000 * FACTOR - 1000  # NL self-retention 1,000 MWh


def test_scenario_overlays_base_values_and_lists():
    cfg = load_year(FIXTURE, 2030, scenario="duurder-de")
    assert cfg.params["DE.commodity.baseload_eur_per_mwh"].value == 80
    assert cfg.params["DE.commodity.baseload_eur_per_mwh"].source.title.startswith("speelveld test fixture")
    assert [g.nace for g in cfg.countries["NL"].carbon.indirect_cost_compensation.eligible] == [["20.14"]]
    assert cfg.scenario == "duurder-de"


def test_scenario_applies_to_the_base_not_to_another_run():
    first = load_year(FIXTURE, 2030, scenario="duurder-de")
    load_year(FIXTURE, 2030, [Override.parse("DE.commodity.baseload_eur_per_mwh=1")])
    again = load_year(FIXTURE, 2030, scenario="duurder-de")
    assert first.resolved_hash() == again.resolved_hash()
    # --set comes after the scenario and wins
    both = load_year(FIXTURE, 2030, [Override.parse("DE.commodity.baseload_eur_per_mwh=95")], scenario="duurder-de")
    assert both.params["DE.commodity.baseload_eur_per_mwh"].value == 95


def test_policy_check_hand_computed():
    base = load_year(FIXTURE, 2030)
    after = load_year(FIXTURE, 2030, scenario="duurder-de")
    check = policy_check(base, after, ["plant"], ["DE", "FR"])
    rows = {r["country"]: r for r in check.table.iter_rows(named=True)}
    # NL loses 25 points of aid intensity: 0.25 × 0.45 t/MWh × 100 €/t × eligible MWh, per 100,000 MWh
    nl_dearer = 0.25 * 0.45 * 100 * ELIGIBLE_MWH / 100_000
    # DE wholesale +10 €/MWh makes DE dearer by 10 €/MWh
    assert rows["DE"]["gap_change_eur_per_mwh"] == pytest.approx(nl_dearer - 10, **APPROX)
    assert rows["FR"]["gap_change_eur_per_mwh"] == pytest.approx(nl_dearer, **APPROX)
    assert rows["DE"]["gap_before_eur_per_mwh"] == pytest.approx(33.159336, abs=1e-6)
    assert rows["NL"]["cost_change_eur_per_mwh"] == pytest.approx(nl_dearer, **APPROX)
    # nothing in the fixture is uncertain: every change is exact, its band a point
    assert rows["DE"]["gap_change_bound"] == "exact" and rows["DE"]["gap_change_low_eur_per_mwh"] == pytest.approx(nl_dearer - 10, **APPROX)
    assert rows["DE"]["direct_co2_gap_change_eur_per_mwh"] == pytest.approx(0, abs=1e-9)
    # sector-wide: 1,000,000 MWh × change / 1e6
    assert rows["NL"]["sector_cost_change_meur_per_year"] == pytest.approx(nl_dearer, **APPROX)
    # the cost to the state is what the Dutch plants pay less: −nl_dearer × 1,000,000 MWh / 1e6, a point
    assert check.state_cost == pytest.approx((-nl_dearer, -nl_dearer, -nl_dearer), **APPROX)


def test_the_state_cost_band_is_one_set_of_inputs_at_each_end():
    # The IKC extension (2026) adds sectors to a fixed compensation budget. Where the budget binds,
    # the new claims cut what the others are paid and the state pays the budget either way: the
    # extension can cost nothing, never less. Summing each sector's own band ends (each at another
    # corner) gave −3 M€/yr; the band of the sum, each end one set of inputs, starts at 0.
    d = default_config_dir()
    base = load_year(d, 2026)
    # the arguments `toets --scenario ikc-uitbreiding` passes, so that the suite computes it once
    extension = policy_check(base, load_year(d, 2026, scenario="ikc-uitbreiding"), sorted(base.sectors), ["DE", "BE", "FR"], "NL")
    central, low, high = extension.state_cost
    assert low <= central <= high
    volume = {s: base.params[f"sectors.{s}.sector_electricity_mwh"].central for s in base.sectors}
    nl = extension.table.filter(pl.col("country") == "NL")
    summed = sum(-r["cost_change_eur_per_mwh"] * volume[r["sector"]] / 1e6 for r in nl.iter_rows(named=True) if volume[r["sector"]] is not None)
    assert central == pytest.approx(summed, abs=1e-6)  # the central value is the table's sum
    assert extension.state_cost[1] == pytest.approx(0.0, abs=1e-6)


def test_scenario_with_unknown_path_names_the_file_and_line():
    with pytest.raises(ConfigError) as exc:
        load_year(FIXTURE, 2030, scenario="kapot")
    (problem,) = exc.value.problems
    assert "kapot.yaml:5" in problem and "baseload_eur_per_mwhh" in problem and "did you mean 'baseload_eur_per_mwh'" in problem


def test_unknown_scenario_lists_the_available_ones():
    with pytest.raises(ConfigError) as exc:
        load_year(FIXTURE, 2030, scenario="duurder")
    assert "did you mean 'duurder-de'" in exc.value.problems[0]


def test_sweep_equals_single_runs_at_sampled_points():
    cfg = load_year(FIXTURE, 2030)
    varies = [parse_vary("DE.commodity.baseload_eur_per_mwh=60:90:10", cfg, "plant"), parse_vary("sector.utilisation_hours=6000,7500,8000", cfg, "plant")]
    n = scenario_count(varies, None)
    assert n == 12
    frame = sweep_query(cfg, "plant", ["DE", "FR"], "NL", varies, n, 1, None).collect()
    assert frame.height == 12
    for i in (0, 5, 11):
        row = frame.row(i, named=True)
        price, hours = row["DE.commodity.baseload_eur_per_mwh"], row["sectors.plant.utilisation_hours"]
        single = run(f"DE.commodity.baseload_eur_per_mwh={price}", f"sector.utilisation_hours={hours}")
        assert row["gap_eur_per_mwh|DE"] == pytest.approx(total(single, "DE", "gap_eur_per_mwh"), **APPROX)
        assert row["gap_eur_per_mwh|FR"] == pytest.approx(total(single, "FR", "gap_eur_per_mwh"), **APPROX)
    # the grid is complete: every combination once
    assert frame.select(pl.struct("DE.commodity.baseload_eur_per_mwh", "sectors.plant.utilisation_hours").n_unique()).item() == 12


def test_random_draws_are_reproducible_with_a_seed():
    cfg = load_year(FIXTURE, 2030)
    varies = [parse_vary("eu.eua_price_eur_per_t=uniform(60,160)", cfg, "plant"), parse_vary("DE.commodity.baseload_eur_per_mwh=normal(90,15)", cfg, "plant")]
    a = sweep_query(cfg, "plant", ["DE"], "NL", varies, 20_000, 7, 20_000).collect()
    b = sweep_query(cfg, "plant", ["DE"], "NL", varies, 20_000, 7, 20_000).collect()
    c = sweep_query(cfg, "plant", ["DE"], "NL", varies, 20_000, 8, 20_000).collect()
    assert a.equals(b)
    assert not a.equals(c)
    u = a["eu.eua_price_eur_per_t"]
    assert 60 <= u.min() and u.max() < 160 and u.mean() == pytest.approx(110, abs=1.0)
    z = a["DE.commodity.baseload_eur_per_mwh"]
    assert z.mean() == pytest.approx(90, abs=0.5) and z.std() == pytest.approx(15, rel=0.03)


@pytest.mark.parametrize(
    "spec, fragment",
    [
        ("eu.eua_price_eur_per_t", "expected PATH=SPEC"),
        ("eu.eua_price_eur_per_t=6x", "cannot read '6x'"),
        ("eu.eua_price_eur_per_t=160:60:10", "start ≤ stop"),
        ("eu.eua_price_eur_per_t=60:160:0", "positive step"),
        ("eu.eua_price_eur_per_t=uniform(5,1)", "low < high"),
        ("eu.eua_price_eur_per_t=normal(5,0)", "sd > 0"),
        ("eu.eua_prise_eur_per_t=1,2", "did you mean 'eu.eua_price_eur_per_t'"),
    ],
)
def test_bad_vary_is_a_clear_error(spec, fragment):
    cfg = load_year(FIXTURE, 2030)
    with pytest.raises(SweepError) as exc:
        parse_vary(spec, cfg, "plant")
    assert fragment in str(exc.value) and str(exc.value).startswith("--vary")


def test_cli_sweep_and_toets_end_to_end(tmp_path):
    runner = CliRunner()
    out = tmp_path / "s.parquet"
    res = runner.invoke(app, ["sweep", "--config-dir", str(FIXTURE), "--sector", "plant", "--vary", "DE.commodity.baseload_eur_per_mwh=60:80:10", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert pl.read_parquet(out).height == 3 and "3 scenario's" in res.output
    res = runner.invoke(app, ["sweep", "--config-dir", str(FIXTURE), "--sector", "plant", "--vary", "eu.eua_price_eur_per_t=uniform(1,2)"])
    assert res.exit_code == 2 and "--samples" in res.output
    res = runner.invoke(app, ["toets", "--config-dir", str(FIXTURE), "--scenario", "duurder-de", "--format", "csv"])
    assert res.exit_code == 0, res.output
    body = [ln for ln in res.output.splitlines() if not ln.startswith("#")]
    assert body[0].startswith("sector,country,gap_before_eur_per_mwh")
    res = runner.invoke(app, ["toets", "--config-dir", str(FIXTURE), "--scenario", "duurder-de"])
    assert res.exit_code == 0 and "1 M€/jr" in res.output
    res = runner.invoke(app, ["compare", "--config-dir", str(FIXTURE), "--sector", "plant", "--scenario", "kapot"])
    assert res.exit_code == 2 and "kapot.yaml:5" in res.output


def test_shipped_scenarios_run_for_every_sector():
    from speelveld.config.load import default_config_dir
    from speelveld.config.scenario import available_scenarios, load_scenario
    from speelveld.core.compute import compare

    configs = default_config_dir()
    names = available_scenarios(configs)
    assert {"co2-heffing-afgeschaft", "co2-heffing-wettelijk", "ikc-uitbreiding", "nl-elektriciteitskosten-compensatie", "vcr-opvolger", "industriestrompreis-de"} <= set(names)
    base: dict[int, dict] = {}
    for name in names:
        sc = load_scenario(configs, name)
        years = sc.years or [2026]
        # every year it names loads and validates in `speelveld validate` (test_docs runs it); here: in its
        # last year, the scenario moves some plant's bill (a scenario that changes nothing is a defect)
        year = years[-1]
        cfg = load_year(configs, year, scenario=name)
        # central values only: the bands of a scenario are compare's business (tested there)
        result = compare(cfg, sorted(cfg.sectors), ["DE", "BE", "FR"], bands=False)
        assert result.totals.height == 4 * len(cfg.sectors)
        if year not in base:
            before = compare(load_year(configs, year), sorted(cfg.sectors), ["DE", "BE", "FR"], bands=False).totals
            base[year] = {(r["sector"], r["country"]): (r["total_eur_per_mwh"], r["direct_co2_eur_per_mwh"]) for r in before.iter_rows(named=True)}
        after = {(r["sector"], r["country"]): (r["total_eur_per_mwh"], r["direct_co2_eur_per_mwh"]) for r in result.totals.iter_rows(named=True)}
        moved = [k for k, v in after.items() if any(a is not None and b is not None and abs(a - b) > 1e-6 for a, b in zip(v, base[year][k], strict=True))]
        # two change nothing for a shipped plant, for a stated reason: the statutory CO2-heffing (78.67 €/t)
        # nets to zero once the EUA deduction passes it (2030); Germany's SPK pays every shipped archetype
        # more than the Industriestrompreis, so switching the latter off leaves each plant's choice as it was
        assert moved or name in ("co2-heffing-wettelijk", "industriestrompreis-de"), name


def test_ikc_extension_lowers_the_nl_gap_for_chemie():
    # the cabinet's extension (Kamerbrief 2026) is in the baseline from the 2025 costs: chemie (20.14)
    # receives IKC in 2025 and 2026, not in 2024; the scenario raises the existing sectors to 80 %
    from speelveld.config.load import default_config_dir
    from speelveld.core.compute import compare

    before = compare(load_year(default_config_dir(), 2024), ["chemie"], ["DE"])
    base_chemie = compare(load_year(default_config_dir(), 2026), ["chemie"], ["DE"])
    base = compare(load_year(default_config_dir(), 2026), ["chemie", "staal"], ["DE"])
    after = compare(load_year(default_config_dir(), 2026, scenario="ikc-uitbreiding"), ["chemie", "staal"], ["DE"])
    assert line(before, "NL", "carbon.compensation") == 0
    assert line(base_chemie, "NL", "carbon.compensation") < 0
    staal = [r for r in base.lines.iter_rows(named=True) if r["sector"] == "staal" and r["country"] == "NL" and r["key"] == "carbon.compensation"][0]
    staal_after = [r for r in after.lines.iter_rows(named=True) if r["sector"] == "staal" and r["country"] == "NL" and r["key"] == "carbon.compensation"][0]
    # 80 % instead of 75 %: the claim grows by a third of a fifteenth, 80 ÷ 75
    assert staal_after["eur_per_year"] == pytest.approx(staal["eur_per_year"] * 80 / 75, rel=1e-9)


def test_linked_parameter_follows_the_varied_one():
    # DE's baseload follows NL's by the same change: NL 60 → DE 70 + (p − 60); the NL − DE gap
    # moves only through what the price feeds besides the commodity line (nothing in the fixture),
    # so it is the same in every scenario
    from speelveld.core.sweep import parse_link

    cfg = load_year(FIXTURE, 2030)
    nl, de = "NL.commodity.baseload_eur_per_mwh", "DE.commodity.baseload_eur_per_mwh"
    varies = [parse_vary(f"{nl}=40:100:20", cfg, "plant")]
    links = [parse_link(f"{de}={nl}", cfg, "plant", varies)]
    frame = sweep_query(cfg, "plant", ["DE"], "NL", varies, 4, 1, None, links).collect()
    base_nl, base_de = cfg.params[nl].value, cfg.params[de].value
    assert frame[de].to_list() == [base_de + (p - base_nl) for p in frame[nl].to_list()]
    assert frame["gap_eur_per_mwh|DE"].max() - frame["gap_eur_per_mwh|DE"].min() < 1e-9
    # by factor: DE × p / NL
    rel = sweep_query(cfg, "plant", ["DE"], "NL", varies, 4, 1, None, [parse_link(f"{de}={nl}*", cfg, "plant", varies)]).collect()
    assert rel[de].to_list() == pytest.approx([base_de * p / base_nl for p in rel[nl].to_list()])
    with pytest.raises(SweepError, match="is not varied"):
        parse_link(f"{nl}={de}", cfg, "plant", varies)


def test_correlated_normal_draws():
    from speelveld.core.sweep import correlate, parse_corr

    cfg = load_year(FIXTURE, 2030)
    nl, de = "NL.commodity.baseload_eur_per_mwh", "DE.commodity.baseload_eur_per_mwh"
    varies = [parse_vary(f"{nl}=normal(90,15)", cfg, "plant"), parse_vary(f"{de}=normal(90,15)", cfg, "plant")]
    chol = correlate(varies, [parse_corr(f"{nl},{de}=0.9", varies)])
    frame = sweep_query(cfg, "plant", ["DE"], "NL", varies, 50_000, 3, 50_000, (), chol).collect()
    assert frame.select(pl.corr(nl, de)).item() == pytest.approx(0.9, abs=0.01)
    assert frame[de].std() == pytest.approx(15, rel=0.03)  # the marginal stays normal(90, 15)
    # independent draws of the same two: correlation near 0, and a much wider gap
    free = sweep_query(cfg, "plant", ["DE"], "NL", varies, 50_000, 3, 50_000).collect()
    assert abs(free.select(pl.corr(nl, de)).item()) < 0.02
    assert frame["gap_eur_per_mwh|DE"].std() < 0.5 * free["gap_eur_per_mwh|DE"].std()
    with pytest.raises(SweepError, match="positive definite"):
        eua = parse_vary("eu.eua_price_eur_per_t=normal(80,10)", cfg, "plant")
        three = [*varies, eua]
        correlate(three, [parse_corr(f"{nl},{de}=0.95", three), parse_corr(f"{nl},eu.eua_price_eur_per_t=0.95", three), parse_corr(f"{de},eu.eua_price_eur_per_t=-0.95", three)])


def test_tornado_is_zero_for_a_parameter_that_cannot_move_a_gap_and_the_output_explains():
    runner = CliRunner()
    res = runner.invoke(app, [
        "sweep", "--config-dir", str(FIXTURE), "--sector", "plant", "--samples", "2000",
        "--vary", "DE.commodity.baseload_eur_per_mwh=normal(70,5)", "--vary", "FR.commodity.baseload_eur_per_mwh=uniform(40,60)",
    ])
    assert res.exit_code == 0, res.output
    row = next(ln for ln in res.output.splitlines() if ln.startswith("│ DE.commodity"))
    cells = [c.strip() for c in row.strip("│").split("│")]
    assert cells[2] == "0,00"  # DE's price cannot move the NL − FR gap: not sampling noise
    assert "decielen" in " ".join(res.output.split())


def test_sweep_to_excel_beyond_its_stated_size_is_refused(tmp_path):
    # a million rows took 137 s and 3.8 GB as a workbook: above 200,000 rows .xlsx is refused with the reason
    runner = CliRunner()
    res = runner.invoke(app, ["sweep", "--config-dir", str(FIXTURE), "--sector", "plant", "--samples", "200001",
                              "--vary", "DE.commodity.baseload_eur_per_mwh=normal(70,5)", "--out", str(tmp_path / "s.xlsx")])
    assert res.exit_code == 2 and "200.000 rijen" in res.output and "gebruik .parquet of .csv" in res.output
    assert not (tmp_path / "s.xlsx").exists()


def test_scenario_title_and_description_follow_the_report_language(tmp_path):
    import shutil

    from speelveld.config.scenario import load_scenario

    # the shipped scenarios give both languages
    sc = load_scenario(default_config_dir(), "co2-heffing-afgeschaft")
    assert sc.title_in("nl") == "Nationale CO2-heffing industrie afgeschaft"
    assert sc.title_in("en") == "Dutch national industrial CO2 levy abolished"
    assert sc.description_in("nl").startswith("Het kabinet") and sc.description_in("en").startswith("The cabinet")
    nl = runner.invoke(app, ["toets", "--scenario", "co2-heffing-afgeschaft", "--year", "2025"])
    en = runner.invoke(app, ["toets", "--scenario", "co2-heffing-afgeschaft", "--year", "2025", "--lang", "en"])
    assert "Het kabinet stelde" in " ".join(nl.output.split()) and "The cabinet proposed" in " ".join(en.output.split())
    # a file with one text serves both languages; a file with one language of two falls back to it
    cfg = tmp_path / "configs"
    shutil.copytree(default_config_dir(), cfg)
    path = cfg / "scenarios" / "vcr-opvolger.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("title:"), text.index("sources:")
    path.write_text(text[:start] + "title: Eén titel\ndescription:\n  en: Only English.\n" + text[end:], encoding="utf-8")
    sc = load_scenario(cfg, "vcr-opvolger")
    assert sc.title_in("en") == sc.title_in("nl") == "Eén titel"
    assert sc.description_in("nl") == "Only English."


def test_a_long_sweep_computed_step_by_step_gives_the_same_rows_and_says_how_far_it_is(monkeypatch):
    # 5,000 draws in steps of 1,000 (SWEEP_CHUNK lowered): the same distribution as in one go, and
    # the status said "5.000 van 5.000 scenario's berekend" at the end
    import speelveld.cli.policy as policy

    args = ["sweep", "--sector", "chemie", "--bands", "uniform", "--samples", "5000", "--seed", "7"]
    whole = runner.invoke(app, args)
    said = []
    monkeypatch.setattr(policy, "SWEEP_CHUNK", 1000)
    monkeypatch.setattr(policy, "status_text", lambda key, **kw: said.append((key, kw)) or key)
    stepped = runner.invoke(app, args)
    assert whole.exit_code == stepped.exit_code == 0, stepped.output
    table = lambda text: text.split("Verschil NL")[1].split("Aandeel")[0]  # noqa: E731
    assert table(whole.output) == table(stepped.output)
    progress = [kw for key, kw in said if key == "st_progress"]
    assert [p["done"] for p in progress] == ["1.000", "2.000", "3.000", "4.000", "5.000"] and progress[-1]["left"] == "0"
