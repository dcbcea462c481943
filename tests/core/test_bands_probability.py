"""Co-moving wholesale prices in bands, and `sweep --bands`: the share of draws in which the
reference country is dearer."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import load_year
from speelveld.core.bands import Uncertain, compute_bands
from speelveld.core.compute import compare

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "basic"
runner = CliRunner()


def _banded(tmp_path: Path, prices: dict[str, str]) -> Path:
    """A copy of the fixture with the given countries' baseload price replaced (a YAML flow map)."""
    cfg = tmp_path / "cfg"
    shutil.copytree(FIXTURE, cfg)
    for cc, text in prices.items():
        path = cfg / "2030" / "countries" / f"{cc}.yaml"
        s = path.read_text(encoding="utf-8")
        s = re.sub(r"baseload_eur_per_mwh: [0-9.]+", f"baseload_eur_per_mwh: {text}", s, count=1)
        path.write_text(s, encoding="utf-8")
    return cfg


def test_grouped_inputs_move_together_in_a_band():
    # output x − y with x in [0, 10] and y in [1, 12], central 5 and 6: alone the band would be
    # [0 − 12, 10 − 1] = [−12, 9]; moving together (both low: 0 − 1 = −1; both high: 10 − 12 = −2)
    # it is [−2, −1]
    def evaluate(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.select((pl.col("x") - pl.col("y")).alias("d"))

    alone = [Uncertain("NL.x", "x", 0, 10, 5, 5, False, True), Uncertain("DE.y", "y", 1, 12, 6, 6, False, True)]
    together = [Uncertain(u.path, u.column, u.low, u.high, u.central, u.base, False, True, "wholesale") for u in alone]
    assert compute_bands(evaluate, alone, ["d"]).band("d") == (-12, 9)
    bands = compute_bands(evaluate, together, ["d"])
    assert bands.band("d") == (-2, -1)
    # each input's own swing is still measured alone: |f(high) − f(low)| = 10 and 11
    assert bands.swings("d") == {"NL.x": 10, "DE.y": 11}


def test_wholesale_prices_share_their_band_in_compare(tmp_path):
    # NL 80 in [75, 85], DE 70 in [65, 75]: together they shift the gap by 0 at either end, so the
    # NL − DE gap keeps its point value 33.159336 (independently it would be 33.16 ± 10)
    note = "quality: estimate, source: fixture, note: a test band"
    cfg = _banded(tmp_path, {"NL": f"{{value: 80, low: 75, high: 85, {note}}}", "DE": f"{{value: 70, low: 65, high: 75, {note}}}"})
    result = compare(load_year(cfg, 2030), ["plant"], ["DE"])
    de = result.totals.filter(pl.col("country") == "DE").row(0, named=True)
    assert de["gap_eur_per_mwh"] == pytest.approx(33.159336, abs=1e-6)
    assert (de["gap_low_eur_per_mwh"], de["gap_high_eur_per_mwh"]) == (pytest.approx(33.159336, abs=1e-6), pytest.approx(33.159336, abs=1e-6))


def _shares(output: str) -> dict[str, float]:
    line = next(x for x in output.splitlines() if "duurder is:" in x or "is dearer:" in x)
    # a share to one decimal ("49,6 %"), whole at 0 and 100
    return {cc: float(v.replace(",", ".")) for cc, v in re.findall(r"([A-Z]{2})(?: \((?:Vl|Fl)\.\))? (\d+(?:[,.]\d)?) %", line)}


def test_a_gap_band_above_zero_gives_a_hundred_percent(tmp_path):
    # the NL − DE gap is 33.16 ± 5 (NL's price alone banded, 75–85): every draw has NL dearer
    cfg = _banded(tmp_path, {"NL": "{value: 80, low: 75, high: 85, quality: estimate, source: fixture, note: a test band}"})
    r = runner.invoke(app, ["sweep", "--sector", "plant", "--config-dir", str(cfg), "--countries", "DE", "--bands", "uniform", "--samples", "2000"])
    assert r.exit_code == 0, r.output
    assert _shares(r.output) == {"DE": 100}
    assert "Aanname: de 1 invoerwaarden met een band zijn uniform" in " ".join(r.output.split())


@pytest.mark.parametrize("shape", ["uniform", "triangular"])
def test_a_symmetric_band_around_a_zero_gap_gives_about_half(tmp_path, shape):
    # DE's price set so that the gap's central value is 0 (70 + 33.159336), banded ±10 symmetrically:
    # half the draws put NL dearer; 20,000 draws leave a sampling error of about 0.35 % (1 sd)
    cfg = _banded(tmp_path, {"DE": "{value: 103.159336, low: 93.159336, high: 113.159336, quality: estimate, source: fixture, note: a test band}"})
    r = runner.invoke(app, ["sweep", "--sector", "plant", "--config-dir", str(cfg), "--countries", "DE", "--bands", shape, "--samples", "20000", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert 48 <= _shares(r.output)["DE"] <= 52


def test_bands_draws_stay_inside_their_bands_and_follow_the_price_correlation(tmp_path):
    from speelveld.core.sweep import band_varies, scenario_frame

    note = "quality: estimate, source: fixture, note: a test band"
    cfg = load_year(_banded(tmp_path, {"NL": f"{{value: 80, low: 75, high: 85, {note}}}", "DE": f"{{value: 70, low: 65, high: 75, {note}}}"}), 2030)
    varies = band_varies(cfg, "plant", ["DE"], "NL", "uniform", set())
    assert {v.path for v in varies} == {"NL.commodity.baseload_eur_per_mwh", "DE.commodity.baseload_eur_per_mwh"}
    frame = scenario_frame(varies, 20000, 1, 20000).collect()
    nl, de = frame["NL.commodity.baseload_eur_per_mwh"], frame["DE.commodity.baseload_eur_per_mwh"]
    assert 75 <= nl.min() and nl.max() <= 85 and 65 <= de.min() and de.max() <= 75
    # a Gaussian copula with ρ = 0.983 gives uniforms with a rank correlation of 6/π · asin(ρ/2) = 0.981
    rho = frame.select(pl.corr("NL.commodity.baseload_eur_per_mwh", "DE.commodity.baseload_eur_per_mwh", method="spearman")).item()
    assert rho == pytest.approx(0.981, abs=0.005)


def test_corr_adds_to_the_price_correlation_and_the_eua_prices_move_together(tmp_path):
    import polars as pl

    out = tmp_path / "s.parquet"
    pair = "NL.carbon.indirect_cost_compensation.budget_eur_per_year,DE.carbon.indirect_cost_compensation.eligible.annex-i-new.super_cap_applies_pct=0.5"
    r = runner.invoke(app, ["sweep", "--sector", "chemie", "--bands", "uniform", "--samples", "20000", "--corr", pair, "--out", str(out)])
    assert r.exit_code == 0, r.output
    df = pl.read_parquet(out)
    nl, de = "NL.commodity.baseload_eur_per_mwh", "DE.commodity.baseload_eur_per_mwh"
    assert df.select(pl.corr(nl, de)).item() > 0.95  # the measured 0.98 kept beside the user's pair
    a, b = pair.split("=")[0].split(",")
    assert 0.4 < df.select(pl.corr(a, b)).item() < 0.6
    # one EUA price drawn, the others follow it by the same change
    eua, forward = df["eu.eua_price_eur_per_t"], df["eu.eua_forward_price_eur_per_t"]
    assert (forward - eua).std() < 1e-9
    # the draws do not depend on the order of the options
    out2 = tmp_path / "s2.parquet"
    r = runner.invoke(app, ["sweep", "--sector", "chemie", "--bands", "uniform", "--samples", "20000", "--corr", f"{b},{a}=0.5", "--out", str(out2)])
    assert r.exit_code == 0, r.output
    assert pl.read_parquet(out2).select(sorted(df.columns)).equals(df.select(sorted(df.columns)))
