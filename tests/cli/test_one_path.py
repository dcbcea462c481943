"""One path to a number: sweeps, --set, the notebook API and the CLI give the same figures, the
budget cut included."""

from __future__ import annotations

import json
import subprocess
import sys

import polars as pl
import pytest
from typer.testing import CliRunner

import speelveld as sv
from speelveld.cli import app
from speelveld.config.load import Override, load_year
from speelveld.config.yamlload import ConfigError
from speelveld.core.compute import compare
from speelveld.errors import SweepError
from tests.helpers import FIXTURE

runner = CliRunner()


def _gaps(args: list[str]) -> dict[str, float]:
    r = runner.invoke(app, ["compare", "--format", "json", *args])
    assert r.exit_code == 0, r.output
    return {t["country"]: t["gap_eur_per_mwh"] for t in json.loads(r.stdout)["totals"] if t["country"] != "NL"}


def test_sweep_rows_equal_compare_set_where_the_budget_binds(tmp_path):
    # EUA forward 60–250 €/t under ikc-uitbreiding: from about 130 €/t the modelled sectors' claims
    # exceed the IKC budget of 2026, and the engine cuts every claim per row
    out = tmp_path / "s.csv"
    r = runner.invoke(app, ["sweep", "--sector", "staal", "--scenario", "ikc-uitbreiding", "--vary", "eu.eua_forward_price_eur_per_t=60:250:10", "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = pl.read_csv(out)  # plain CSV, as any script reads it
    assert rows.height == 20
    binding = 0
    for row in rows.iter_rows(named=True):
        price = row["eu.eua_forward_price_eur_per_t"]
        gaps = _gaps(["--sector", "staal", "--scenario", "ikc-uitbreiding", "--set", f"eu.eua_forward_price_eur_per_t={price}"])
        for cc, gap in gaps.items():
            assert row[f"gap_eur_per_mwh|{cc}"] == pytest.approx(gap, abs=1e-6), (price, cc)
        cfg = sv.load_year(sv.default_config_dir(), 2026, [f"eu.eua_forward_price_eur_per_t={price}"], scenario="ikc-uitbreiding")
        from speelveld.core.closing import ikc_pro_rata

        binding += ikc_pro_rata(cfg, "NL")[2] is not None
    assert binding >= 5  # the comparison covers rows where the budget binds


def test_the_notebook_path_equals_the_command_line():
    cfg = sv.load_year(sv.default_config_dir(), 2026, ["eu.eua_forward_price_eur_per_t=250"], scenario="ikc-uitbreiding")
    result = sv.compare(cfg, "staal", ["DE", "BE", "FR"])
    notebook = {r["country"]: r["gap_eur_per_mwh"] for r in result.totals.iter_rows(named=True) if r["country"] != "NL"}
    assert notebook == pytest.approx(_gaps(["--sector", "staal", "--scenario", "ikc-uitbreiding", "--set", "eu.eua_forward_price_eur_per_t=250"]), abs=1e-9)
    opened, _ = sv.open_year(None, 2026, ["eu.eua_forward_price_eur_per_t=250"], "ikc-uitbreiding")
    assert sv.compare(opened, "staal", ["DE"]).totals.filter(pl.col("country") == "DE")["gap_eur_per_mwh"][0] == pytest.approx(notebook["DE"], abs=1e-9)
    # and sv.sweep gives the rows `speelveld sweep` writes
    frame = sv.sweep(cfg, "staal", ["eu.eua_price_eur_per_t=100,150"]).collect()
    assert frame.height == 2 and "gap_eur_per_mwh|DE" in frame.columns
    # a clear error for a sector that does not exist
    with pytest.raises(ValueError, match="unknown sector stal"):
        sv.compare(cfg, "stal")


def test_an_eua_sweep_with_a_pass_through_raises_the_nl_bill():
    # without a link the NL electricity bill falls as the EUA price rises (more compensation, the
    # power price held); with 0.7 €/MWh per €/t passed into the NL price it rises
    cfg = sv.load_year(sv.default_config_dir(), 2026)
    plain = sv.sweep(cfg, "chemie", ["eu.eua_price_eur_per_t=60,160"]).collect()
    linked = sv.sweep(cfg, "chemie", ["eu.eua_price_eur_per_t=60,160"], link=["NL.commodity.baseload_eur_per_mwh+=0.7*eu.eua_price_eur_per_t"]).collect()
    low, high = plain["total_eur_per_mwh|NL"].to_list()
    assert high < low
    low, high = linked["total_eur_per_mwh|NL"].to_list()
    # +100 €/t: +70 €/MWh on the power price, less the extra compensation the forward price brings
    assert high > low + 40
    assert linked["NL.commodity.baseload_eur_per_mwh"].to_list() == pytest.approx([101.60 + 0.7 * (60 - 74.74), 101.60 + 0.7 * (160 - 74.74)])


def test_draws_follow_the_parameter_not_its_position():
    cfg = sv.load_year(FIXTURE, 2030)
    a = sv.sweep(cfg, "plant", ["DE.commodity.baseload_eur_per_mwh=uniform(60,80)", "FR.commodity.baseload_eur_per_mwh=normal(60,5)"], samples=500, seed=3).collect()
    b = sv.sweep(cfg, "plant", ["FR.commodity.baseload_eur_per_mwh=normal(60,5)", "DE.commodity.baseload_eur_per_mwh=uniform(60,80)"], samples=500, seed=3).collect()
    c = sv.sweep(cfg, "plant", ["DE.commodity.baseload_eur_per_mwh=uniform(60,80)"], samples=500, seed=3).collect()
    for path in ("DE.commodity.baseload_eur_per_mwh", "FR.commodity.baseload_eur_per_mwh"):
        assert a[path].to_list() == b[path].to_list()
    assert a["DE.commodity.baseload_eur_per_mwh"].to_list() == c["DE.commodity.baseload_eur_per_mwh"].to_list()


def test_uniform_draws_can_be_correlated():
    cfg = sv.load_year(FIXTURE, 2030)
    frame = sv.sweep(cfg, "plant", ["DE.commodity.baseload_eur_per_mwh=uniform(60,80)", "NL.commodity.baseload_eur_per_mwh=uniform(70,90)"],
                     samples=20_000, corr=["DE.commodity.baseload_eur_per_mwh,NL.commodity.baseload_eur_per_mwh=0.9"]).collect()
    rho = frame.select(pl.corr("DE.commodity.baseload_eur_per_mwh", "NL.commodity.baseload_eur_per_mwh", method="spearman")).item()
    # a Gaussian copula with 0.9 between the normals: Spearman 6/π · asin(0.45) = 0.891
    assert rho == pytest.approx(0.891, abs=0.01)
    assert frame["DE.commodity.baseload_eur_per_mwh"].min() >= 60 and frame["DE.commodity.baseload_eur_per_mwh"].max() <= 80


def test_set_and_vary_of_one_parameter_is_refused():
    r = runner.invoke(app, ["sweep", "--sector", "plant", "--config-dir", str(FIXTURE), "--vary", "DE.commodity.baseload_eur_per_mwh=60,70",
                            "--set", "DE.commodity.baseload_eur_per_mwh=90", "--lang", "en"])
    assert r.exit_code == 2 and "the same parameter is set and varied (DE.commodity.baseload_eur_per_mwh)" in r.output


@pytest.mark.parametrize("args", [["toets", "--scenario", "vcr-opvolger"], ["sweep", "--sector", "chemie", "--vary", "eu.eua_price_eur_per_t=60,90"]])
def test_strict_works_on_toets_and_sweep(args):
    assert runner.invoke(app, args).exit_code == 0
    r = runner.invoke(app, [*args, "--strict", "estimates"])
    assert r.exit_code == 2 and "[--strict estimates]" in r.output


def test_strict_changes_checks_the_vary_ranges():
    # the fixture's DE wholesale price is 70 €/MWh: 60–800 reaches 800 ÷ 70 = 11.4× it (a digit too
    # many?), a warning, and an error under --strict changes; 60–160 (2.3×) passes
    args = ["sweep", "--sector", "plant", "--config-dir", str(FIXTURE), "--samples", "100", "--lang", "en"]
    far = runner.invoke(app, [*args, "--vary", "DE.commodity.baseload_eur_per_mwh=uniform(60,800)"])
    assert far.exit_code == 0 and "the end 800 €/MWh is 11.4× the config's value 70" in far.output and "[changes]" in far.output
    strict = runner.invoke(app, [*args, "--vary", "DE.commodity.baseload_eur_per_mwh=uniform(60,800)", "--strict", "changes"])
    assert strict.exit_code == 2 and "[--strict changes]" in strict.output
    near = runner.invoke(app, [*args, "--vary", "DE.commodity.baseload_eur_per_mwh=uniform(60,160)", "--strict", "changes"])
    assert near.exit_code == 0, near.output


def test_setting_one_eua_price_moves_the_others_unless_they_are_set():
    cfg = sv.load_year(sv.default_config_dir(), 2026, ["eu.eua_price_eur_per_t=150"])
    base = sv.load_year(sv.default_config_dir(), 2026)
    change = 150 - base.params["eu.eua_price_eur_per_t"].central
    for path in ("eu.eua_forward_price_eur_per_t", "NL.carbon.co2_levy.eua_deduction_eur_per_t"):
        assert cfg.params[path].central == pytest.approx(base.params[path].central + change)
    apart = sv.load_year(sv.default_config_dir(), 2026, ["eu.eua_price_eur_per_t=150", "eu.eua_forward_price_eur_per_t=76.85"])
    assert apart.params["eu.eua_forward_price_eur_per_t"].central == 76.85
    assert apart.params["NL.carbon.co2_levy.eua_deduction_eur_per_t"].central == pytest.approx(base.params["NL.carbon.co2_levy.eua_deduction_eur_per_t"].central + change)


def test_a_sweep_csv_reads_with_polars_and_pandas_in_one_line(tmp_path):
    out = tmp_path / "x.csv"
    assert runner.invoke(app, ["sweep", "--sector", "plant", "--config-dir", str(FIXTURE), "--vary", "DE.commodity.baseload_eur_per_mwh=60,70", "--out", str(out)]).exit_code == 0
    code = f"import polars as pl; df = pl.read_csv({str(out)!r}); assert df.height == 2 and df.columns[0] == 'scenario'"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
    meta = json.loads((tmp_path / "x.csv.json").read_text(encoding="utf-8"))
    assert meta["sector"] == "plant" and meta["year"] == 2030 and meta["vary"] == ["DE.commodity.baseload_eur_per_mwh=60,70"]


def test_a_scenario_adds_a_measure_to_a_list_by_id():
    """`NL.support+={...}` adds one item (the fixture's NL has no support list yet), and `set` on
    a new id does the same; an id already there is refused with the way to change it."""
    item = "{id: test-korting, label: Testkorting, source: fixture, budget_eur_per_year: 1000000, eligible_consumption_mwh: 100000}"
    base = compare(load_year(FIXTURE, 2030), ["plant"], ["DE"])
    for override in (f"NL.support+={item}", "NL.support.test-korting={label: Testkorting, source: fixture, budget_eur_per_year: 1000000, eligible_consumption_mwh: 100000}"):
        cfg = load_year(FIXTURE, 2030, [Override.parse(override)])
        after = compare(cfg, ["plant"], ["DE"])
        # 1,000,000 €/yr over 100,000 eligible MWh = 10 €/MWh off NL's price: the gap NL − DE falls by 10
        gap = lambda r: r.totals.filter(pl.col("country") == "DE")["gap_eur_per_mwh"][0]  # noqa: E731
        assert gap(after) == pytest.approx(gap(base) - 10, abs=1e-9), override
    with pytest.raises(ConfigError, match="already has an item 'test-korting'"):
        load_year(FIXTURE, 2030, [Override.parse(f"NL.support+={item}"), Override.parse(f"NL.support+={item}")])
    with pytest.raises(ConfigError, match="is not a list"):
        load_year(FIXTURE, 2030, [Override.parse("NL.commodity.baseload_eur_per_mwh+={id: x}")])
    r = runner.invoke(app, ["compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--set", f"NL.support+={item}"])
    assert r.exit_code == 0 and "Testkorting" in r.output
    assert f"--set NL.support+={item}" in " ".join(r.output.split())  # the echo is the YAML the user typed, not a Python repr


def test_the_notebook_sweep_keeps_what_the_notebook_set():
    # a notebook that fixed the forward price (load_year override) and varies the spot price: the
    # forward price stays 76.85 as the command line keeps a --set one; each row equals compare
    # with both set (the trial saw the forward price co-moving: DE gap 18.68/91.92 against 35.47)
    cfg = sv.load_year(sv.default_config_dir(), 2026, ["eu.eua_forward_price_eur_per_t=76.85"])
    df = sv.sweep(cfg, "chemie", ["eu.eua_price_eur_per_t=100,150"], countries=["DE"]).collect()
    assert "eu.eua_forward_price_eur_per_t" not in df.columns
    for row in df.iter_rows(named=True):
        both = sv.load_year(sv.default_config_dir(), 2026, ["eu.eua_forward_price_eur_per_t=76.85", f"eu.eua_price_eur_per_t={row['eu.eua_price_eur_per_t']}"])
        expected = sv.compare(both, "chemie", ["DE"], bands=False).totals.filter(pl.col("country") == "DE")["gap_eur_per_mwh"][0]
        assert row["gap_eur_per_mwh|DE"] == pytest.approx(expected, abs=1e-9)
    # and a parameter both fixed and varied is refused, as on the command line
    with pytest.raises(SweepError, match="set and varied"):
        sv.sweep(cfg, "chemie", ["eu.eua_forward_price_eur_per_t=70,80"])


def test_the_sweep_notes_are_in_the_manifest_and_the_api(tmp_path):
    # --bands on chemie 2026: the NL IKC budget binds where the drawn claims pass the drawn budget;
    # the share is the rows with a pro-rata cut, the same in the CSV's manifest and in sv.sweep
    out = tmp_path / "s.csv"
    r = runner.invoke(app, ["sweep", "--sector", "chemie", "--bands", "uniform", "--samples", "2000", "--seed", "3", "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = pl.read_csv(out)
    share = float((rows["budget_cut_eur_per_mwh|NL"] > 1e-9).mean()) * 100
    assert 0 < share < 100
    notes = json.loads(out.with_name(out.name + ".json").read_text(encoding="utf-8"))["notes"]  # the manifest beside the CSV
    assert notes["budget_binding_pct"] == {"NL": pytest.approx(share, abs=1e-3)}
    assert notes["left_out"] == [] and isinstance(notes["held_at_central"], list)
    cfg = sv.load_year(sv.default_config_dir(), 2026)
    frame, api_notes = sv.sweep(cfg, "chemie", bands="uniform", samples=2000, seed=3, notes=True)
    assert api_notes["budget_binding_pct"] == notes["budget_binding_pct"]
    assert frame["budget_cut_eur_per_mwh|NL"].equals(rows["budget_cut_eur_per_mwh|NL"])
    # a Parquet file carries the same notes in its own metadata (written once the rows are counted)
    parquet = tmp_path / "s.parquet"
    r = runner.invoke(app, ["sweep", "--sector", "chemie", "--bands", "uniform", "--samples", "2000", "--seed", "3", "--out", str(parquet)])
    assert r.exit_code == 0, r.output
    run = json.loads(pl.read_parquet_metadata(parquet)["speelveld.run"])
    assert run["notes"] == notes
    assert pl.read_parquet(parquet)["budget_cut_eur_per_mwh|NL"].equals(rows["budget_cut_eur_per_mwh|NL"])
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".")] == []  # no staging file left


def test_vary_band_draws_within_the_configs_band():
    # the NL wholesale price 2026 is 101.60 within 93.14–110.74: PATH=band draws uniform(93.14,110.74);
    # a figure without a band is refused with a one-line error
    cfg = sv.load_year(sv.default_config_dir(), 2026)
    df = sv.sweep(cfg, "chemie", ["NL.commodity.baseload_eur_per_mwh=band"], samples=2000, countries=["DE"]).collect()
    drawn = df["NL.commodity.baseload_eur_per_mwh"]
    assert 93.14 <= drawn.min() < 94.0 and 110.0 < drawn.max() <= 110.74
    r = runner.invoke(app, ["sweep", "--sector", "chemie", "--vary", "sector.utilisation_hours=band", "--samples", "10"])
    assert r.exit_code == 2 and "geen band" in r.output


def test_a_seed_on_a_grid_is_said_to_do_nothing():
    grid = ["sweep", "--sector", "chemie", "--countries", "DE", "--vary", "eu.eua_price_eur_per_t=60:100:20"]
    assert "seed" not in runner.invoke(app, grid).output
    r = runner.invoke(app, [*grid, "--seed", "42"])
    assert r.exit_code == 0 and "de seed wordt niet gebruikt" in r.output


def test_the_api_summarises_and_reshapes_a_sweep_as_the_command_does():
    # a grid of two EUA prices by three DE wholesale prices (6 scenarios): the distribution is the
    # command's, the tornado reads each parameter's own values, and the long form has a row per
    # scenario and country (NL, the reference, with its total) with the same figures
    from speelveld.core.sweep import parse_vary
    from speelveld.core.sweep_results import summarise

    cfg = sv.load_year(sv.default_config_dir(), 2026)
    vary = ["eu.eua_price_eur_per_t=60,160", "DE.commodity.baseload_eur_per_mwh=80,90,100"]
    rows = sv.sweep(cfg, "chemie", vary, countries=["DE", "FR"]).collect()
    dist, tornado = sv.summarise(rows)
    expected, _ = summarise(rows, [parse_vary(v, cfg, "chemie") for v in vary], ["DE", "FR"])
    assert dist.equals(expected)
    # DE's wholesale price moves the NL−DE gap one for one: its mean gap at 80 and at 100 differ by 20
    swing = tornado.filter((pl.col("parameter") == "DE.commodity.baseload_eur_per_mwh") & (pl.col("country") == "DE"))["swing_eur_per_mwh"][0]
    assert swing == pytest.approx(20.0, abs=1e-9)
    long = sv.long(rows).collect()
    assert long.height == 3 * rows.height and {"country", "gap_eur_per_mwh", "total_eur_per_mwh"} <= set(long.columns)
    de = long.filter(pl.col("country") == "DE").sort("scenario")
    assert de["gap_eur_per_mwh"].equals(rows.sort("scenario")["gap_eur_per_mwh|DE"].alias("gap_eur_per_mwh"))
    with pytest.raises(ValueError, match="no column gap_eur_per_mwh"):
        sv.summarise(rows.select("scenario"))


def test_a_notebook_sweep_error_names_the_argument_not_the_option():
    from speelveld.core.sweep import SweepError

    cfg = sv.load_year(sv.default_config_dir(), 2026)
    with pytest.raises(SweepError) as info:
        sv.sweep(cfg, "chemie", ["eu.eua_price_eur_per_t=1:2"])
    assert str(info.value).startswith("vary 'eu.eua_price_eur_per_t=1:2': cannot read '1:2'")
    with pytest.raises(SweepError, match=r"^samples: random draws \(uniform/normal\) need samples=N$"):
        sv.sweep(cfg, "chemie", ["eu.eua_price_eur_per_t=uniform(60,160)"])  # the option inside the message, too
    # still a keyed message: worded in Dutch where a Dutch report prints it
    from speelveld.report.labels import message_text

    assert message_text("nl", info.value.args[0]).startswith("vary 'eu.eua_price_eur_per_t=1:2': kan '1:2' niet lezen")
