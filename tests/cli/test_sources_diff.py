"""`speelveld sources` (with --stale) and `speelveld diff` on fixtures with known answers."""

import json
import re
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import Override, default_config_dir, load_year
from speelveld.core.compute import compare
from speelveld.core.diff import diff
from speelveld.core.provenance import source_table, stale_values
from speelveld.report.command_tables import diff_tables
from tests.helpers import FIXTURE

runner = CliRunner()
DIFF = Path(__file__).resolve().parents[2] / "fixtures" / "diff"


def test_source_table_counts_every_value_once():
    cfg = load_year(FIXTURE, 2030, [])
    table = source_table(cfg)
    assert table["values"].sum() == len(cfg.params)
    de_network = table.filter((pl.col("country") == "DE") & (pl.col("component") == "network"))
    expected = sum(1 for p in cfg.params if p.startswith("DE.network."))
    assert de_network["values"].sum() == expected > 0


def test_fixture_stale_values():
    cfg = load_year(FIXTURE, 2030, [])
    stale = stale_values(cfg)
    # the Dutch volumecorrectie is in the fixture with valid.to_year 2023: expired for 2030
    expired = stale.filter(pl.col("reason") == "expired")
    assert sorted(expired["path"].to_list()) == [
        "NL.network.reductions.volumecorrectie.abatement_pct",
        "NL.network.reductions.volumecorrectie.when.utilisation_hours.min",
    ]
    assert "until 2023" in expired["detail"][0]


def test_shipped_2026_stale_shows_the_real_gaps():
    cfg = load_year(default_config_dir(), 2026, [])
    stale = stale_values(cfg)
    unknown = set(stale.filter(pl.col("reason") == "unknown")["path"].to_list())
    # the TenneT unit tariffs were not retrieved (see docs/data-status.md): a bounded unknown; the
    # Flemish surcharges neither
    assert "NL.network.levels.EHV.variants.all.charges.transport.capacity_eur_per_kw_year" in unknown
    assert any(p.startswith("BE.taxes.levies.") for p in unknown)
    # the TURPE HTB grid is known from RTE's transcription: estimates with a range, no longer unknown
    assert not any(p.startswith("FR.network.levels.") for p in unknown)
    estimates = set(stale.filter(pl.col("reason") == "estimate")["path"].to_list())
    assert "FR.network.levels.EHV.variants.all.charges.soutirage-energie.energy_eur_per_mwh" in estimates
    overdue = stale.filter(pl.col("reason") == "update overdue")
    # the Belgian federal excise bands cite a 2021 table: a yearly figure, overdue for 2026
    assert overdue.filter(pl.col("path").str.starts_with("BE.taxes.levies.bijzondere-accijns.bands.")).height >= 1
    # every unknown value of the config is listed, and every listed row names its file and line
    assert len(unknown) == sum(1 for p in cfg.params.values() if p.value is None)
    assert stale.filter(pl.col("line").is_null()).height == 0


def test_cli_sources_and_stale():
    r = runner.invoke(app, ["sources", "--config-dir", str(FIXTURE)])
    assert r.exit_code == 0, r.output
    assert "Bronnen 2030: DE" in r.output and "fixture" in r.output
    r = runner.invoke(app, ["sources", "--year", "2026", "--stale", "--country", "nl", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["rows"]
    assert rows and {row["country"] for row in rows} == {"NL"}
    r = runner.invoke(app, ["sources", "--year", "2026", "--stale", "--lang", "en"])
    assert r.exit_code == 0 and "values need attention for 2026" in r.output and "archetype assumptions" in r.output
    # at 80 columns the reason wraps between its words ('update' / 'overdue'), the path after its dots
    assert "Values needing attention 2026" in r.output and "overdue" in r.output
    assert "baseload_eur_per_mwh" in r.output and "baseload_eur_per_m" + "\n" not in r.output
    # Dutch by default, and the count it states is the number of numbered rows (one per value)
    r = runner.invoke(app, ["sources", "--year", "2026", "--stale"])
    words = " ".join(r.output.split())
    cells = " ".join(r.output.replace("│", " ").split())
    count = int(re.search(r"(\d+) waarden vragen aandacht voor 2026", words).group(1))
    numbered = [line for line in r.output.splitlines() if re.match(r"\s*\d+\s{3}\S", line)]  # 80 columns: no rules
    assert count == len(numbered) > 10
    assert "actualisering" in cells and "update overdue" not in cells
    r = runner.invoke(app, ["sources", "--config-dir", str(FIXTURE), "--lang", "en"])
    assert "Sources 2030: DE" in r.output


def test_stale_values_ranked_by_what_they_do_to_the_gaps():
    # On the fixture, an unknown NL tariff (no bounds) leaves both gaps open; a DE price known
    # within 65–72 €/MWh widens the DE gap by 7 €/MWh and no other; an HV tariff moves nothing
    # (the plant is on EHV). The ranking puts them in that order.
    sets = [
        "NL.network.levels.EHV.variants.all.charges.kw-contract.capacity_eur_per_kw_year={value: null, quality: unknown, note: t}",
        "DE.commodity.baseload_eur_per_mwh={value: 70, low: 65, high: 72, quality: estimate, note: t}",
        "NL.network.levels.HV.variants.all.charges.kw-contract.capacity_eur_per_kw_year={value: null, quality: unknown, note: t}",
    ]
    cfg = load_year(FIXTURE, 2030, [Override.parse(s) for s in sets])
    ranked = stale_values(cfg, compare(cfg, ["plant"], ["DE", "FR"]))
    order = list(dict.fromkeys(ranked["path"].to_list()))
    hv = "NL.network.levels.HV.variants.all.charges.kw-contract.capacity_eur_per_kw_year"
    assert order[:2] == ["NL.network.levels.EHV.variants.all.charges.kw-contract.capacity_eur_per_kw_year", "DE.commodity.baseload_eur_per_mwh"]
    assert hv in order[2:]
    first, second, third = (ranked.filter(pl.col("path") == p).row(0, named=True) for p in (*order[:2], hv))
    assert first["opens_gaps"] and first["gaps_moved"] == 2
    assert second["gap_width_eur_per_mwh"] == pytest.approx(7.0) and second["gaps_moved"] == 1
    assert third["gaps_moved"] == 0 and third["gap_width_eur_per_mwh"] == 0


def _diff():
    a = compare(load_year(DIFF, 2030, []), ["plant"], ["DE", "FR"])
    b = compare(load_year(DIFF, 2031, []), ["plant"], ["DE", "FR"])
    return diff(a, b, "2030", "2031")


def test_diff_decomposition_known_by_hand():
    d = _diff()
    effects = {(r["country"], r["side"], r["key"]): r["effect"] for r in d.lines.iter_rows(named=True)}
    # DE baseload 70 → 80 €/MWh: DE dearer by 10, so the gap NL − DE shrinks by 10
    assert effects[("DE", "DE", "commodity.wholesale")] == pytest.approx(-10)
    # NL band above 10,000 MWh 1 → 2 €/MWh on 90,000 MWh: +90,000 €/yr = +0.9 €/MWh
    assert effects[("DE", "NL", "tax.energiebelasting")] == pytest.approx(0.9)
    # the exempt 20,000 MWh all lie in that band: exemption −20,000 → −40,000 €/yr, −0.2 €/MWh
    assert effects[("DE", "NL", "tax.energiebelasting.exemption")] == pytest.approx(-0.2)
    # compensation: fall-back eligible volume 80,000 × 0.9891^9 = 72,485.61 MWh falls by 1.09 % (−790.09 MWh)
    # NL: 0.75 × 0.45 t/MWh × 100 €/t × 790.09 = 26,665.6 €/yr less aid → +0.26666 €/MWh on NL
    # DE: 0.75 × 0.72 × 100 × 790.09 = 42,665.0 €/yr less aid → DE dearer, gap −0.42665
    assert effects[("DE", "NL", "carbon.compensation")] == pytest.approx(0.266656, abs=1e-5)
    assert effects[("DE", "DE", "carbon.compensation")] == pytest.approx(-0.426650, abs=1e-5)
    gaps = {r["country"]: r for r in d.gaps.iter_rows(named=True)}
    # DE: −10 + 0.9 − 0.2 + 0.266656 − 0.42665 = −9.459994
    assert gaps["DE"]["change"] == pytest.approx(-9.459994, abs=1e-5)
    # FR changes only through the NL lines: 0.9 − 0.2 + 0.266656 = 0.966656
    assert gaps["FR"]["change"] == pytest.approx(0.966656, abs=1e-5)
    # largest change first
    de = d.lines.filter(pl.col("country") == "DE")
    assert de["key"][0] == "commodity.wholesale"


def test_diff_effects_add_up_to_the_gap_change_on_shipped_years():
    a = load_year(default_config_dir(), 2025, [])
    b = load_year(default_config_dir(), 2026, [])
    sectors = sorted(set(a.sectors) & set(b.sectors))
    d = diff(compare(a, sectors, ["DE", "BE", "FR"]), compare(b, sectors, ["DE", "BE", "FR"]), "2025", "2026")
    sums = d.lines.group_by("sector", "country").agg(pl.col("effect").sum())
    joined = d.gaps.join(sums, on=["sector", "country"])
    assert joined.height == len(sectors) * 3
    for r in joined.iter_rows(named=True):
        assert r["effect"] == pytest.approx(r["change"], abs=1e-9), r


def test_cli_diff_years_and_dirs():
    r = runner.invoke(app, ["diff", "--config-dir", str(DIFF), "--year", "2030", "--vs", "2031"])
    assert r.exit_code == 0, r.output
    assert "-9,46" in r.output and "Groothandelsprijs" in r.output
    assert "waarvan" in r.output and "of which" not in r.output
    en = runner.invoke(app, ["diff", "--config-dir", str(DIFF), "--year", "2030", "--vs", "2031", "--lang", "en"])
    assert "-9.46" in en.output and "of which" in en.output and "waarvan" not in en.output
    # line labels too: the engine's Dutch generic labels are the report's English ones
    assert "Wholesale price (baseload)" in en.output and "Groothandelsprijs" not in en.output
    # default: the latest year against the one before
    r = runner.invoke(app, ["diff", "--config-dir", str(DIFF), "--format", "json"])
    data = json.loads(r.stdout)
    assert (data["a"]["label"], data["b"]["label"]) == ("2030", "2031")
    # the run manifest, as every output carries it: the tool and command, and each side's inputs
    run = data["run"]
    assert run["tool"] == "speelveld" and run["version"] and "command" in run
    assert (run["a"]["year"], run["b"]["year"]) == (2030, 2031) and run["a"]["config_hash"] == data["a"]["config_hash"]
    csv = runner.invoke(app, ["diff", "--config-dir", str(DIFF), "--format", "csv"]).stdout
    assert csv.startswith("sector,country,side,key")  # plain CSV; the manifest is in the JSON output
    # two config directories, same year: the fixture against itself changes nothing
    r = runner.invoke(app, ["diff", "--config-dir", str(FIXTURE), "--vs-config-dir", str(FIXTURE), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = pl.read_csv(r.stdout.encode())
    assert rows.height > 0 and rows["effect"].abs().max() == 0
    r = runner.invoke(app, ["diff", "--config-dir", str(FIXTURE), "--year", "2030", "--vs", "2030"])
    assert r.exit_code == 2 and "hetzelfde jaar" in r.output


def test_reviewed_source_is_not_overdue(tmp_path):
    """A yearly figure from an old source is overdue, unless an editor marked the source reviewed."""
    import shutil

    from speelveld.config.load import Override

    shutil.copytree(FIXTURE, tmp_path / "cfg")
    cfg = load_year(tmp_path / "cfg", 2030, [])
    # the fixture cites a source dated 2026 for price year 2030: every yearly figure is flagged
    overdue = stale_values(cfg).filter(pl.col("reason") == "update overdue")
    assert "DE.commodity.baseload_eur_per_mwh" in overdue["path"].to_list()
    de = tmp_path / "cfg" / "2030" / "countries" / "DE.yaml"
    text = de.read_text()
    assert "sources:\n" in text
    de.write_text(text.replace("sources:\n", "sources:\n  old:\n    title: An old tariff sheet\n    date: '2027'\n", 1))
    cfg = load_year(tmp_path / "cfg", 2030, [Override.parse("DE.commodity.baseload_eur_per_mwh={value: 70, source: old}")])
    row = stale_values(cfg).filter(pl.col("path") == "DE.commodity.baseload_eur_per_mwh")
    assert row["detail"].to_list() == ["a yearly figure from a 2027 source (old) used for 2030"]
    de.write_text(text.replace("sources:\n", "sources:\n  old:\n    title: An old tariff sheet\n    date: '2027'\n    reviewed: '2029-12'\n", 1))
    cfg = load_year(tmp_path / "cfg", 2030, [Override.parse("DE.commodity.baseload_eur_per_mwh={value: 70, source: old}")])
    assert stale_values(cfg).filter(pl.col("path") == "DE.commodity.baseload_eur_per_mwh").height == 0


def test_a_changed_value_is_a_real_change_with_its_flag_change_beside_it(tmp_path):
    """The yearly cycle: new-year carries every figure as an estimate; replacing it by the
    published figure is the update itself. It counts as real, the flag change is noted; only a
    figure becoming known or unknown is data status."""
    base = load_year(FIXTURE, 2030, [Override.parse("DE.commodity.baseload_eur_per_mwh={value: 70, quality: estimate, note: carried}")])
    published = load_year(FIXTURE, 2030, [Override.parse("DE.commodity.baseload_eur_per_mwh={value: 75, quality: published}")])
    unknown = load_year(FIXTURE, 2030, [Override.parse("DE.commodity.baseload_eur_per_mwh={value: null, low: 60, high: 90, quality: unknown, note: range}")])
    a, b, c = (compare(cfg, ["plant"], ["DE"]) for cfg in (base, published, unknown))
    line = diff(a, b, "a", "b").lines.filter((pl.col("country") == "DE") & (pl.col("key") == "commodity.wholesale")).row(0, named=True)
    # DE 70 → 75 €/MWh: DE dearer by 5, the gap NL − DE shrinks by 5; a real change, flagged estimate → published
    assert (line["effect"], line["kind"], line["flag"]) == (pytest.approx(-5), "real", "estimate→published")
    gaps = diff(a, b, "a", "b").gaps.row(0, named=True)
    assert gaps["real"] == pytest.approx(-5) and gaps["data"] == pytest.approx(0)
    # a figure that became unknown (its band's middle, 75, counts centrally) is data status
    assert diff(a, c, "a", "c").lines.filter((pl.col("country") == "DE") & (pl.col("key") == "commodity.wholesale"))["kind"][0] == "data"
    # the terminal names the flag change beside the kind
    assert "echt (schatting → gepubliceerd)" in _render(diff_tables(diff(a, b, "2030", "2030*"), 5, "nl"))


def _render(parts) -> str:
    from rich.console import Console

    console = Console(width=200, record=True)
    for part in parts:
        console.print(part)
    return " ".join(console.export_text().split())


def test_a_tariff_variant_that_does_not_apply_does_not_set_the_lines_flag():
    # the fixture plant runs over 2,500 h: DE's from-2500h Arbeitspreis applies, below-2500h not
    estimate_elsewhere = load_year(FIXTURE, 2030, [Override.parse("DE.network.levels.EHV.variants.below-2500h.charges.ap.energy_eur_per_mwh={value: 20, quality: estimate, note: x}")])
    estimate_here = load_year(FIXTURE, 2030, [Override.parse("DE.network.levels.EHV.variants.from-2500h.charges.ap.energy_eur_per_mwh={value: 5, quality: estimate, note: x}")])

    def flag(cfg):
        lines = compare(cfg, ["plant"], ["DE"]).lines
        return lines.filter((pl.col("country") == "DE") & (pl.col("key") == "network.energy_eur_per_mwh"))["quality"][0]

    assert flag(estimate_elsewhere) == "published"
    assert flag(estimate_here) == "estimate"


def test_a_point_estimate_is_ranked_by_its_leverage_and_never_said_to_move_no_gap():
    """An estimate without a band (the wholesale price after new-year) moves gaps one for one:
    ranked by what ±10 % of it does, not as '–'."""
    from speelveld.core.provenance import point_leverage

    cfg = load_year(FIXTURE, 2030, [
        Override.parse("NL.commodity.baseload_eur_per_mwh={value: 80, quality: estimate, note: carried}"),
        Override.parse("DE.commodity.baseload_eur_per_mwh={value: 70, quality: estimate, note: carried}"),
    ])
    result = compare(cfg, ["plant"], ["DE", "FR"])
    leverage = point_leverage(cfg, ["plant"], ["DE", "FR"], "NL", stale_values(cfg)["path"].to_list())
    # NL 80 ± 8 €/MWh moves both gaps (NL − DE, NL − FR) from 72 to 88: 16 €/MWh; DE 70 ± 7 only NL − DE: 14
    assert leverage["NL.commodity.baseload_eur_per_mwh"] == (pytest.approx(16), 2)
    assert leverage["DE.commodity.baseload_eur_per_mwh"] == (pytest.approx(14), 1)
    table = stale_values(cfg, result, leverage)
    assert table["path"].unique(maintain_order=True).to_list()[:2] == ["NL.commodity.baseload_eur_per_mwh", "DE.commodity.baseload_eur_per_mwh"]
    from speelveld.report.command_tables import stale_tables

    text = _render(stale_tables(table, 2030, False, "nl"))
    assert "2 × 16,00 bij ±10 %" in text and "1 × 14,00 bij ±10 %" in text
    assert "een schatting zonder band)" not in text  # the old legend said such a value moves no gap


def test_the_stale_list_carries_each_band():
    # the trial's machine reader got no band: FR's wholesale price 2026 is 66.87 within 55.38–81.30
    import json

    r = runner.invoke(app, ["sources", "--stale", "--year", "2026", "--format", "json"])
    rows = {row["path"]: row for row in json.loads(r.stdout)["rows"]}
    fr = rows["FR.commodity.baseload_eur_per_mwh"]
    assert (fr["value"], fr["low"], fr["high"]) == (66.87, 55.38, 81.3)


def test_a_diff_at_eighty_columns_keeps_words_whole():
    # the shipped 2026 against 2025 for chemie: the longest Dutch compound of a line label stands
    # whole, nothing is cut with '…', and the kind wraps between its words
    from rich.console import Console

    from speelveld.report.command_tables import diff_tables

    d = default_config_dir()
    a, b = (compare(load_year(d, y), ["chemie"], bands=False) for y in (2026, 2025))
    console = Console(width=80, record=True)
    for part in diff_tables(diff(a, b, "2026", "2025"), 20, "nl"):
        console.print(part)
    text = console.export_text()
    assert "…" not in text and max(len(line) for line in text.splitlines()) <= 80
    assert "openbaredienstverplichtingen" in text
    assert "(onbekend →" in text or "(schatting →" in text


def test_a_policy_decision_reads_in_the_report_language():
    # the 2026 IKC extension as the NL config labels it, and its English under --lang en
    nl = runner.invoke(app, ["diff", "--year", "2026", "--vs", "2025", "--sector", "chemie"]).output
    en = runner.invoke(app, ["diff", "--year", "2026", "--vs", "2025", "--sector", "chemie", "--lang", "en"]).output
    assert "IKC-ETS uitgebreid met 22" in " ".join(nl.split())
    assert "IKC-ETS extended to 22" in " ".join(en.split()) and "uitgebreid met 22 (sub)sectoren (kosten" not in " ".join(en.split())

