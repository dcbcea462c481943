"""Projection years: built reproducibly from the base year and the paths file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import Override, default_config_dir, load_year
from speelveld.config.model import Quality
from speelveld.config.projection import load_paths
from speelveld.core.compute import compare

runner = CliRunner()


def _copy(tmp_path: Path) -> Path:
    cfg = tmp_path / "configs"
    shutil.copytree(default_config_dir(), cfg, ignore=shutil.ignore_patterns("projections"))
    return cfg


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_projection_build_gives_the_shipped_bytes(tmp_path):
    # a build on a copy gives the shipped projections byte for byte: the same build as the one
    # that wrote them (at another time, in another folder), and what the shipped paths file builds
    cfg = _copy(tmp_path)
    assert runner.invoke(app, ["project", "--to", "2030", "--config-dir", str(cfg)]).exit_code == 0
    assert _tree(cfg / "projections") == _tree(default_config_dir() / "projections")


def test_a_projection_year_is_the_base_year_with_the_paths_applied(tmp_path):
    cfg = _copy(tmp_path)
    assert runner.invoke(app, ["project", "--to", "2029", "--config-dir", str(cfg)]).exit_code == 0
    projected = load_year(cfg, 2029)
    base = load_year(cfg, 2026)
    paths, _ = load_paths(cfg / "paths.yaml")
    assert projected.projection and not base.projection
    set_by_paths = {e.path for e in paths.paths}
    for path, p in base.params.items():
        if path in set_by_paths or ".rate_periods." in path:
            continue  # rate periods collapse to the rate in force on 31 December, as new-year does
        q = projected.params[path]
        assert q.central == pytest.approx(p.central) if p.central is not None else q.central is None, path
    # the German futures are projections with a band of ±15 % × √3 = ±25.98 % around Cal-29 (the
    # mean of 23 settlements, 70.88)
    de = projected.params["DE.commodity.baseload_eur_per_mwh"]
    assert (de.value, de.quality) == (70.88, Quality.projection)
    assert (de.low, de.high) == (pytest.approx(70.88 * (1 - 0.15 * 3**0.5), abs=1e-6), pytest.approx(70.88 * (1 + 0.15 * 3**0.5), abs=1e-6))
    # NL follows DE in proportion: 101.60 × 70.88 ÷ 102.47 = 70.28
    nl = projected.params["NL.commodity.baseload_eur_per_mwh"]
    assert (nl.value, nl.quality) == (70.28, Quality.estimate)
    # the envelope's 1 bn€ from 2029 is the letter's own figure
    assert projected.params["NL.envelope.budget_eur_per_year"].value == 1e9
    # the same year made by new-year from 2026 with the paths' central values set gives the same gaps
    shutil.rmtree(cfg / "projections")
    assert runner.invoke(app, ["new-year", "2029", "--from", "2026", "--config-dir", str(cfg)]).exit_code == 0
    sets = [Override(path, projected.params[path].central, "--set") for path in sorted(set_by_paths)]
    by_hand = load_year(cfg, 2029, sets)
    a = compare(projected, ["chemie", "staal"], ["DE", "BE", "FR"]).totals
    b = compare(by_hand, ["chemie", "staal"], ["DE", "BE", "FR"]).totals
    for x, y in zip(a.iter_rows(named=True), b.iter_rows(named=True), strict=True):
        assert x["gap_eur_per_mwh"] == pytest.approx(y["gap_eur_per_mwh"], abs=1e-9), (x["sector"], x["country"])


def test_projection_years_are_not_the_default_year_and_say_what_they_are():
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--format", "json"])
    assert r.exit_code == 0 and '"year": 2026' in r.stdout.replace(" ", "").replace('"year":2026', '"year": 2026')
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2029"])
    assert r.exit_code == 0 and "2029 (projectie)" in r.output
    en = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2029", "--lang", "en"])
    assert "2029 (projection)" in en.output


def test_a_bad_paths_file_names_the_file_line_and_field(tmp_path):
    cfg = _copy(tmp_path)
    text = (cfg / "paths.yaml").read_text(encoding="utf-8").replace("path: DE.commodity.baseload_eur_per_mwh", "path: DE.commodity.baseload_eur_per_mw", 1)
    (cfg / "paths.yaml").write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["project", "--to", "2030", "--config-dir", str(cfg)])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "paths.yaml:" in r.output and "DE.commodity.baseload_eur_per_mw" in r.output and "baseload_eur_per_mwh" in r.output
    assert not (cfg / "projections").exists()  # nothing half-written
