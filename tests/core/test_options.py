"""`speelveld opties`: spending options over the years, hand-computed on the fixture."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import Override, default_config_dir, load_year
from speelveld.core.compute import compare

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "basic"
runner = CliRunner()

SUPPORT = """
support:
  - id: steun
    label: Prijssteun (test)
    pending: true
    valid: {from_year: 2030, to_year: 2035}
    within_envelope: true
    volume_share_pct: VOLUME
    target_price_eur_per_mwh: 50
    max_aid_share_pct: 50

envelope:
  label: Envelop (test)
  budget_eur_per_year: 10000000
"""

SCENARIO = """scenario: steun
title: Prijssteun uit de envelop (test)
description: The fixture's price relief switched on.
sources:
  fixture: {title: "speelveld test fixture (not real data)", date: "2026-11-22"}
set:
  NL.support.steun.pending: false
option:
  parts:
    - {instrument: NL.support.steun, basis: cisaf}
  funding: The envelope, pro rata above it.
"""


def _fixture(tmp_path: Path, volume: int = 50) -> Path:
    """The basic fixture with an envelope of 10 M€ in 2030 and 20 M€ in 2031, and a price relief
    paid from it (the option `steun`)."""
    cfg = tmp_path / "cfg"
    shutil.copytree(FIXTURE, cfg)
    nl = cfg / "2030" / "countries" / "NL.yaml"
    nl.write_text(nl.read_text(encoding="utf-8") + SUPPORT.replace("VOLUME", str(volume)), encoding="utf-8")
    (cfg / "scenarios" / "steun.yaml").write_text(SCENARIO, encoding="utf-8")
    assert runner.invoke(app, ["new-year", "2031", "--config-dir", str(cfg)]).exit_code == 0
    nl31 = cfg / "2031" / "countries" / "NL.yaml"
    text = nl31.read_text(encoding="utf-8")
    assert text.count("value: 10000000,") == 1
    nl31.write_text(text.replace("value: 10000000,", "value: 20000000,"), encoding="utf-8")
    return cfg


def _rows(result) -> dict:
    data = json.loads(result.stdout)
    return {(r["option"], r["year"], r["variable"], r["sector"], r["country"]): r for r in data["rows"]}


def test_one_option_over_two_years_by_hand(tmp_path):
    # The relief: 50 % of the plant's use at min(80 − 50, 50 % × 80) = 30 €/MWh: 15 €/MWh over all
    # its use. The sector (1,000,000 MWh) claims 15 × 1,000,000 = 15 M€.
    # 2030: envelope 10 M€ < 15 M€: every claim paid at 10 ÷ 15, 10 €/MWh; the state pays 10 M€.
    #   The NL − DE gap 33.159336 falls by 10 to 23.159336; it closes 10 of 33.159336 = 30.16 %,
    #   10 €/MWh for 10 M€: 100 €/MWh per 100 M€.
    # 2031: envelope 20 M€ ≥ 15 M€: paid in full, 15 €/MWh, 15 M€; again 100 €/MWh per 100 M€.
    cfg = _fixture(tmp_path)
    r = runner.invoke(app, ["opties", "--config-dir", str(cfg), "--years", "2030:2031", "--countries", "DE", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = _rows(r)
    cost30 = rows[("steun", 2030, "state_cost", None, None)]
    assert cost30["value"] == pytest.approx(10.0, abs=1e-6)
    assert rows[("steun", 2030, "envelope", None, None)]["value"] == pytest.approx(10.0)
    before = rows[("steun", 2030, "gap_before", "plant", "DE")]["value"]
    after = rows[("steun", 2030, "gap_after", "plant", "DE")]["value"]
    assert (before, after) == (pytest.approx(33.159336, abs=1e-6), pytest.approx(23.159336, abs=1e-6))
    assert rows[("steun", 2030, "share_of_gap_closed", None, "DE")]["value"] == pytest.approx(10 / 33.159336 * 100, abs=1e-4)
    assert rows[("steun", 2030, "gap_closed_per_100meur", None, "DE")]["value"] == pytest.approx(100.0, abs=1e-6)
    assert rows[("steun", 2031, "state_cost", None, None)]["value"] == pytest.approx(15.0, abs=1e-6)
    change31 = rows[("steun", 2031, "gap_after", "plant", "DE")]["value"] - rows[("steun", 2031, "gap_before", "plant", "DE")]["value"]
    assert change31 == pytest.approx(-15.0, abs=1e-6)
    # CISAF: at most three years per beneficiary from the scheme's start (2030), and only to 2030:
    # 2031 is its second year, but past the framework's end
    assert rows[("steun", 2030, "state_aid:cisaf:sa_cisaf_duration:NL.support.steun", None, None)]["unit"] == "pass"
    assert rows[("steun", 2031, "state_aid:cisaf:sa_cisaf_duration:NL.support.steun", None, None)]["unit"] == "pass"
    assert rows[("steun", 2031, "state_aid:cisaf:sa_framework_period:NL.support.steun", None, None)]["unit"] == "fail"
    # the fixture's relief does not exclude the ETS compensation: stacked on it for the same MWh, it fails
    assert rows[("steun", 2030, "state_aid:cisaf:sa_cisaf_cumulation:NL.support.steun", None, None)]["unit"] == "fail"
    assert rows[("steun", 2030, "state_aid_verdict", None, None)]["unit"] == "fail"
    assert rows[("steun", 2030, "state_aid:cisaf:sa_condition:NL.support.steun", None, None)]["unit"] == "condition"


def test_the_pro_rata_cut_is_a_line_that_explain_shows(tmp_path):
    cfg = _fixture(tmp_path)
    r = runner.invoke(app, ["explain", "--sector", "plant", "--country", "NL", "--config-dir", str(cfg), "--year", "2030", "--scenario", "steun", "--format", "json"])
    assert r.exit_code == 0, r.output
    lines = {x["key"]: x for x in json.loads(r.stdout)["lines"]}
    # the claim −15 €/MWh and the cut +5 €/MWh (15 × (1 − 10 ÷ 15))
    assert lines["support.steun"]["eur_per_mwh"] == pytest.approx(-15.0, abs=1e-6)
    assert lines["support.steun.budget"]["eur_per_mwh"] == pytest.approx(5.0, abs=1e-6)


def test_an_option_that_breaks_a_state_aid_condition_is_flagged(tmp_path):
    # relief on 60 % of the consumption: CISAF allows at most 50 %
    cfg = _fixture(tmp_path, volume=60)
    r = runner.invoke(app, ["opties", "--config-dir", str(cfg), "--years", "2030", "--countries", "DE", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert _rows(r)[("steun", 2030, "state_aid:cisaf:sa_cisaf_share:NL.support.steun", None, None)]["unit"] == "fail"
    table = runner.invoke(app, ["opties", "--config-dir", str(cfg), "--years", "2030", "--countries", "DE"])
    assert "✗" in table.output and "60" in table.output and "ten hoogste 50 %" in " ".join(table.output.split())


@pytest.mark.parametrize("path,budgets", [
    ("NL.envelope.budget_eur_per_year", [0, 5e6, 10e6, 15e6, 30e6]),
])
def test_more_budget_never_widens_a_gap_on_the_fixture(tmp_path, path, budgets):
    cfg = _fixture(tmp_path)
    gaps = []
    for b in budgets:
        result = compare(load_year(cfg, 2030, [Override(path, b, "--set")], scenario="steun"), ["plant"], ["DE"])
        gaps.append(result.totals.filter(pl.col("country") == "DE")["gap_eur_per_mwh"][0])
    assert all(later <= earlier + 1e-9 for earlier, later in zip(gaps, gaps[1:], strict=False)), gaps
    assert gaps[0] == pytest.approx(33.159336, abs=1e-6) and gaps[-1] == pytest.approx(33.159336 - 15, abs=1e-6)


def test_more_ikc_budget_never_widens_a_shipped_gap():
    budgets = [150e6, 200e6, 300e6, 500e6]
    cfgs = [load_year(default_config_dir(), 2026, [Override("NL.carbon.indirect_cost_compensation.budget_eur_per_year", b, "--set")], scenario="optie-ikc-volledig") for b in budgets]
    for sector in ("chemie", "staal"):
        gaps = [compare(c, [sector], ["DE"]).totals.filter(pl.col("country") == "DE")["gap_eur_per_mwh"][0] for c in cfgs]
        assert all(later <= earlier + 1e-9 for earlier, later in zip(gaps, gaps[1:], strict=False)), (sector, gaps)
        assert gaps[-1] < gaps[0]


def test_the_shipped_options_over_the_projection_years():
    r = runner.invoke(app, ["opties", "--years", "2028:2029"])  # CISAF relief from 2028, the 1 bn€ from 2029
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    for name in ("optie-ikc-volledig", "optie-cisaf-prijssteun", "optie-nettarief-korting", "optie-combinatie", "vcr-opvolger", "nl-elektriciteitskosten-compensatie"):
        assert name in text
    assert "2029*" in r.output and "1.000" in r.output  # the envelope's 1 bn€ from 2029 (Kamerbrief 2026)
    assert max(len(line) for line in r.stdout.splitlines()) <= 80


DUTCH_WORDS = re.compile(r"\b(de|het|van|een|voor|niet|wordt|zijn|naar|kosten|verschil|steun|voorstel|jaar|bij|ook|tot|uit|geen|als|dat|die|deze|"
                         r"aan|door|nog|maar|heffing|korting|belasting|regeling|bijdrage|volledig|uitbreiding|nieuwe|onbekend|opvolger)\b")  # lower case: DE is Germany


def test_opties_in_english_has_no_dutch_word():
    # the option ids (optie-…) are names, as a file name is; everything else reads in English,
    # the instruments of the proposals included (label_en in the configs)
    r = runner.invoke(app, ["opties", "--years", "2028:2029", "--mix", "--lang", "en"])
    assert r.exit_code == 0, r.output
    text = re.sub(r"\b(optie|vcr|nl)-[a-z0-9-]+", "", r.output)
    assert not DUTCH_WORDS.findall(text), sorted(set(DUTCH_WORDS.findall(text)))
    assert "Successor to the volume correction (proposal)" in " ".join(r.output.split())


def test_the_memo_says_why_the_cisaf_relief_closes_nothing():
    # CISAF relief 2029: the chemie and staal gaps to Germany stay 17.2 and 14.0 €/MWh; the scheme
    # excludes stacking with the IKC-ETS, which pays both more, and the memo now says so
    r = runner.invoke(app, ["opties", "--years", "2029"])
    words = " ".join(r.output.split())
    at = words.index("2 Stroomprijssteun onder CISAF")
    sentence = words[at: words.index(" 3 ", at)] if " 3 " in words[at:] else words[at:]
    assert "(17,2 → 17,2 €/MWh)" in sentence and "Chemie en staal blijven bij de IKC-ETS" in sentence


def test_the_options_workbook_has_a_sheet_per_year_that_prints_whole(tmp_path):
    # 2029: the overview with its two charts, then the year's table on a sheet of its own (nine
    # options, no year column: the sheet is the year), its memo numbered in the table's order, the
    # key columns on the first printed page and the rest on the next with the option names repeated
    import openpyxl

    book = tmp_path / "opties.xlsx"
    r = runner.invoke(app, ["opties", "--years", "2029", "--excel", str(book)])
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["Bestedingsopties", "2029 (projectie)", "Run"]
    assert len(wb["Bestedingsopties"]._charts) == 2
    ws = wb["2029 (projectie)"]
    assert ws["A3"].value == "optie" and ws["B3"].value.startswith("kosten staat")
    names = [ws.cell(row=r, column=1).value for r in range(4, 13)]
    assert names[0] == "nl-elektriciteitskosten-compensatie" and "optie-cisaf-prijssteun" in names and len(set(names)) == 9
    memo = [ws.cell(row=r, column=1).value for r in range(15, 24)]
    assert [m.split(" ", 1)[0] for m in memo] == [str(i) for i in range(1, 10)]  # 1…9 in the table's order
    assert all(isinstance(ws.cell(row=r, column=2).value, int | float) for r in range(4, 13))  # number cells
    assert [b.id for b in ws.col_breaks.brk] == [13] and ws.print_title_cols == "$A:$A"
    assert ws.page_setup.scale == 85 and not ws.sheet_properties.pageSetUpPr.fitToPage  # never shrunk below 8.5 pt
