"""The calendar of rules: every rule that ends says what follows, and the projection years follow it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.calendar import dated_rules
from speelveld.config.load import available_years, default_config_dir, load_year
from speelveld.config.projection import last_path_year, load_paths
from speelveld.core.compute import compare

runner = CliRunner()
SHIPPED = default_config_dir()


def _copy(tmp_path: Path, projections: bool = False) -> Path:
    cfg = tmp_path / "configs"
    shutil.copytree(SHIPPED, cfg, ignore=None if projections else shutil.ignore_patterns("projections"))
    return cfg


def test_every_rule_that_ends_inside_the_horizon_says_what_follows():
    paths, _ = load_paths(SHIPPED / "paths.yaml")
    last = last_path_year(paths)
    walked = 0
    for year in available_years(SHIPPED, projections=True):
        cfg = load_year(SHIPPED, year)
        for country in cfg.countries.values():
            for rule in dated_rules(country):
                walked += 1
                if rule.ends is not None and rule.ends < last:
                    assert rule.followed_by is not None, (year, rule.path)
                    assert rule.followed_by.source and rule.followed_by.note, (year, rule.path)
    assert walked > 20  # the walk reached the rules (§19(2), the Industriestrompreis, §24c, ...)


def test_the_baseload_discount_is_followed_by_a_bounded_successor_in_2029():
    cfg = load_year(SHIPPED, 2029)
    result = compare(cfg, ["chemie"], ["DE"])
    lines = {r["key"]: r for r in result.lines.filter(result.lines["country"] == "DE").iter_rows(named=True)}
    assert "network.reduction.stromnev-19-2" not in lines  # the ordinance has expired
    successor = lines["network.reduction.stromnev-19-2-nachfolger"]
    # between today's discount (the chemie plant at 8,000 h pays 10 %: −90 % of the network charges)
    # and none: its high end is 0, its low end a discount, its centre half-way
    assert successor["high_eur_per_mwh"] == pytest.approx(0.0, abs=1e-9)
    assert successor["low_eur_per_mwh"] < -10
    assert successor["low_eur_per_mwh"] < successor["eur_per_mwh"] < 0
    # the German transmission subsidy of 2026 is no longer assumed: the 2029 tariffs lie between the
    # 2026 sheet and the 2025 sheet (EHV ≥ 2,500 h Leistungspreis 53.06 to 127.86 €/kW/yr)
    p = cfg.params["DE.network.levels.EHV.variants.from-2500h.charges.leistungspreis.capacity_eur_per_kw_year"]
    assert (p.value, p.low, p.high) == (None, 53.06, 127.86)


def test_project_refuses_a_rule_that_ends_without_a_successor(tmp_path):
    cfg = _copy(tmp_path)
    de = cfg / "2026" / "countries" / "DE.yaml"
    text = de.read_text(encoding="utf-8")
    start = text.index("      followed_by:\n        rule: stromnev-19-2-nachfolger")
    end = text.index("      when:", start)
    de.write_text(text[:start] + text[end:], encoding="utf-8")
    line = text[:start].count("\n")  # the rule's valid: line, just above where followed_by stood
    r = runner.invoke(app, ["project", "--to", "2030", "--config-dir", str(cfg), "--lang", "en"])
    assert r.exit_code == 2
    assert f"2026/countries/DE.yaml:{line}: DE.network.reductions.stromnev-19-2: § 19(2) S.2 StromNEV (bandlast) ends in 2028" in r.output
    assert "Traceback" not in r.output and not (cfg / "projections").exists()
    # a year that ends before it is fine: 2028 is the rule's last year
    assert runner.invoke(app, ["project", "--to", "2028", "--config-dir", str(cfg)]).exit_code == 0


def test_a_bad_path_is_refused_before_anything_is_written(tmp_path):
    cfg = _copy(tmp_path, projections=True)
    before = {p: p.read_bytes() for p in (cfg / "projections").rglob("*.yaml")}
    paths = cfg / "paths.yaml"
    good = paths.read_text(encoding="utf-8")
    # a negative price: refused with the paths file's line, not the generated file's
    bad = good.replace("2029: {value: 70.88, source: eex-2026-03-12", "2029: {value: -70.88, source: eex-2026-03-12", 1)
    assert bad != good
    paths.write_text(bad, encoding="utf-8")
    line = bad[: bad.index("2029: {value: -70.88")].count("\n") + 1
    r = runner.invoke(app, ["project", "--to", "2030", "--config-dir", str(cfg), "--lang", "en"])
    assert r.exit_code == 2 and f"paths.yaml:{line}: paths.DE.commodity.baseload_eur_per_mwh.years.2029: -70.88 is negative; €/MWh cannot be" in r.output
    # a year mistyped as 2039: the path's years must run on without a gap
    bad = good.replace("      2029: {value: 70.88, source: eex-2026-03-12", "      2039: {value: 70.88, source: eex-2026-03-12", 1)
    paths.write_text(bad, encoding="utf-8")
    r = runner.invoke(app, ["project", "--to", "2030", "--config-dir", str(cfg), "--lang", "en"])
    assert r.exit_code == 2 and "paths.DE.commodity.baseload_eur_per_mwh.years.2030: the years of a path run on from 2027 without a gap" in r.output
    # nothing on disk changed
    assert {p: p.read_bytes() for p in (cfg / "projections").rglob("*.yaml")} == before


def test_beyond_the_paths_the_last_values_carry_and_bands_keep_widening(tmp_path):
    cfg = _copy(tmp_path)
    r = runner.invoke(app, ["project", "--to", "2032", "--config-dir", str(cfg), "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "warning: the paths end in 2030: 2031, 2032 carry each path's last value" in r.output
    years = {y: load_year(cfg, y) for y in (2030, 2031, 2032)}
    for y in (2031, 2032):
        de = years[y].params["DE.commodity.baseload_eur_per_mwh"]
        assert de.value == 69.65  # Cal-30, not the 2026 outturn (102.47)
        assert years[y].params["NL.envelope.budget_eur_per_year"].value == 1e9  # the letter's 1 bn€, not the base year's band
    # a price band never narrows with the horizon: ±15 % × √(year − 2026)
    widths = [years[y].params["DE.commodity.baseload_eur_per_mwh"].high - years[y].params["DE.commodity.baseload_eur_per_mwh"].low for y in (2030, 2031, 2032)]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    assert widths[1] == pytest.approx(2 * 69.65 * 0.15 * 5**0.5, abs=1e-6)


def test_more_years_ahead_never_narrow_a_gap_band():
    bands = []
    for year in (2027, 2028, 2029, 2030):
        t = compare(load_year(SHIPPED, year), ["chemie"], ["DE"]).totals
        row = t.filter(t["country"] == "DE").row(0, named=True)
        bands.append(row["gap_high_eur_per_mwh"] - row["gap_low_eur_per_mwh"])
    assert bands == sorted(bands), bands


def test_sources_expiring_lists_each_rule_with_what_follows():
    r = runner.invoke(app, ["sources", "--expiring", "--format", "json"])
    assert r.exit_code == 0, r.output
    import json

    rows = {row["rule"]: row for row in json.loads(r.stdout)["rows"]}
    assert rows["DE.network.reductions.stromnev-19-2"]["follows"] == "rule"
    assert rows["DE.network.reductions.stromnev-19-2"]["successor_from"] == 2029
    assert rows["DE.support.industriestrompreis"]["follows"] == "ends"
    assert rows["DE.calendar.zuschuss-24c"]["follows"] == "paths"
    assert rows["DE.calendar.zuschuss-24c"]["to_year"] == 2026
    table = runner.invoke(app, ["sources", "--expiring"], env={"COLUMNS": "80"})
    assert "BE (Vl.)" in table.output and "opgevolgd door" in table.output and "…" not in table.output
    assert max(len(line) for line in table.output.splitlines()) <= 80
