"""End-to-end runs of the CLI on the fixture."""

import json
import os
import re
import shutil

import polars as pl
from typer.testing import CliRunner

from speelveld.cli import app
from tests.helpers import FIXTURE

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, list(args))


def test_compare_table():
    r = invoke("compare", "--sector", "plant", "--config-dir", str(FIXTURE))
    assert r.exit_code == 0, r.output
    assert "Testfabriek" in r.output
    # electricity gap NL − DE = (6,667,360.6 − 3,351,427.0) / 100,000 MWh (see test_engine_fixture);
    # the fixture has no uncertain inputs, so the gap is complete and its band is the point itself
    assert "33,16" in r.output and "volledig" in r.output  # a Dutch report writes a decimal comma
    assert "Verschil NL − land" in r.output


def test_compare_english():
    r = invoke("compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "Gap NL − country" in r.output


def test_compare_json_has_manifest_and_totals():
    r = invoke("compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["run"]["year"] == 2030 and len(data["run"]["config_hash"]) == 16
    de = next(t for t in data["totals"] if t["country"] == "DE")
    assert abs(de["gap_eur_per_mwh"] - 33.159336) < 1e-5
    assert de["gap_bound"] == "exact" and de["complete"] is True
    assert de["gap_low_eur_per_mwh"] == de["gap_high_eur_per_mwh"] == de["gap_eur_per_mwh"]
    # direct CO2 beside it: ETS 80 €/t × 2,000 t = 160,000 €/yr = 1.6 €/MWh
    assert abs(de["direct_co2_eur_per_mwh"] - 1.6) < 1e-9 and de["electricity_eur_per_mwh"] == de["total_eur_per_mwh"]


def test_compare_csv_rows():
    r = invoke("compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--format", "csv", "--countries", "DE")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("sector,country,family,key")  # plain CSV, header first (the manifest goes beside a file)
    assert any(line.startswith("plant,DE,network,network.reduction.stromnev-19-2") for line in lines)
    header = lines[0].split(",")
    totals = [dict(zip(header, line.split(","), strict=True)) for line in lines[1:] if ",total,total," in line]
    assert {t["country"] for t in totals} == {"NL", "DE"}
    de = next(t for t in totals if t["country"] == "DE")
    assert de["gap_bound"] == "exact" and de["complete"] == "True" and abs(float(de["gap_eur_per_mwh"]) - 33.159336) < 1e-5


def test_compare_set_changes_result():
    r = invoke("compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--format", "json",
               "--set", "DE.commodity.baseload_eur_per_mwh=80")
    de = next(t for t in json.loads(r.stdout)["totals"] if t["country"] == "DE")
    assert abs(de["gap_eur_per_mwh"] - (33.159336 - 10)) < 1e-5


def test_compare_sector_all_and_list_and_validate():
    assert invoke("compare", "--sector", "all", "--config-dir", str(FIXTURE)).exit_code == 0
    r = invoke("list", "--config-dir", str(FIXTURE))
    assert r.exit_code == 0 and "plant" in r.output and "2030" in r.output
    # validate checks the scenarios too: the fixture's broken one (kapot.yaml, a misspelt path) fails
    # it with its file, line and field, the years themselves are ok
    r = invoke("validate", "--config-dir", str(FIXTURE))
    assert r.exit_code == 2 and "2030: ok" in r.output
    assert "kapot.yaml:5: set DE.commodity.baseload_eur_per_mwhh" in r.output and "bedoelde u 'baseload_eur_per_mwh'?" in r.output


def test_unknown_sector_is_a_clean_error():
    r = invoke("compare", "--sector", "plnt", "--config-dir", str(FIXTURE))
    assert r.exit_code == 2
    assert "--sector: onbekende sector 'plnt' (bedoelde u 'plant'?)" in r.output
    assert "Traceback" not in r.output


def test_a_sector_override_out_of_range_is_one_error_for_every_archetype():
    # sector.utilisation_hours sets all nine shipped archetypes; each fails the same way, and the
    # user gets that once, placed by the override without repeating its field
    r = invoke("compare", "--sector", "chemie", "--set", "sector.utilisation_hours=9000", "--lang", "en")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["error: --set sector.utilisation_hours: 9000 h is not within the 8,760 h of 2026 (more than 0, at most 8,760)"]


def test_bad_config_one_line_error(tmp_path):
    bad = tmp_path / "cfg"
    shutil.copytree(FIXTURE, bad)
    nl = bad / "2030" / "countries" / "NL.yaml"
    nl.write_text(nl.read_text().replace("  baseload_eur_per_mwh: 80", "  baseload_eur_per_mwhh: 80"))
    r = invoke("compare", "--sector", "plant", "--config-dir", str(bad))
    assert r.exit_code == 2
    assert f"{nl}:8: commodity.baseload_eur_per_mwhh: onbekend veld (bedoelde u 'baseload_eur_per_mwh'?)" in r.output
    assert f"{nl}:7: commodity.baseload_eur_per_mwh: verplicht veld ontbreekt" in r.output
    assert "Traceback" not in r.output


def test_validate_reports_missing_source(tmp_path):
    bad = tmp_path / "cfg"
    shutil.copytree(FIXTURE, bad)
    de = bad / "2030" / "countries" / "DE.yaml"
    de.write_text(de.read_text().replace("source: fixture\n", "", 1))
    r = invoke("validate", "--config-dir", str(bad))
    assert r.exit_code == 2
    assert "de waarde heeft geen bron" in r.output and f"{de}:" in r.output


def test_a_country_added_with_yaml_only(tmp_path):
    # fixtures/extra-country adds DK to the basic fixture with one YAML file and no code:
    # 60 €/MWh wholesale + (20 €/kW/yr × 12,500 kW + 4 €/MWh × 100,000 MWh) / 100,000 + 0.8 = 67.3 €/MWh,
    # and the ETS on 2,000 t at 80 €/t = 1.6 €/MWh of direct CO2 beside it
    cfg = tmp_path / "cfg"
    shutil.copytree(FIXTURE, cfg)
    shutil.copytree(FIXTURE.parent / "extra-country", cfg, dirs_exist_ok=True)
    r = invoke("compare", "--sector", "plant", "--config-dir", str(cfg), "--countries", "dk", "--format", "json")
    assert r.exit_code == 0, r.output
    dk = next(t for t in json.loads(r.stdout)["totals"] if t["country"] == "DK")
    assert abs(dk["total_eur_per_mwh"] - 67.3) < 1e-9 and abs(dk["direct_co2_eur_per_mwh"] - 1.6) < 1e-9
    assert dk["gap_bound"] == "exact" and abs(dk["gap_eur_per_mwh"] - (66.673606303 - 67.3)) < 1e-6
    r = invoke("list", "--config-dir", str(cfg))
    assert "DK" in r.output and "Energinet" in r.output


def test_eighty_columns_keep_labels_whole_and_every_country_visible():
    """On an 80-column terminal the line table drops its vertical rules and wraps bands, so no
    label is cut to a dozen letters ('Groothand…') and the last country's column is not cropped;
    a wide terminal keeps the ruled table. Rendered directly: the CLI's console keeps the width it
    was created with for the whole test session."""
    from rich.console import Console

    from speelveld.config.load import default_config_dir, load_year
    from speelveld.core.compute import compare
    from speelveld.report.terminal import sector_table

    cfg = load_year(default_config_dir(), 2026)
    result = compare(cfg, ["kunstmest"], ["DE", "BE", "FR"], reference="NL")

    def rendered(width: int) -> str:
        console = Console(width=width, record=True, file=open(os.devnull, "w"))
        console.print(sector_table(result, cfg, "kunstmest", "nl"))
        return console.export_text()

    narrow = rendered(80)
    assert "…" not in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 80
    # too narrow for four countries with their bands beside whole words: NL beside each in turn,
    # each table with the lines of its pair only
    headers = [line.split()[1:] for line in narrow.splitlines() if line.startswith("Kostenpost")]  # BE is named for its Flemish rules
    assert headers == [["NL", "DE"], ["NL", "BE", "(Vl.)"], ["NL", "FR"]]
    assert "Groothandelsprijs (baseload)" in narrow and "Elektriciteit totaal" in narrow
    # no word broken (the longest Dutch compounds whole), no band broken at its 'tot'
    assert "openbaredienstverplichtingen" in narrow and "Capaciteitsvergoedingsmechanisme" in narrow
    assert not any(line.rstrip().endswith(" tot") for line in narrow.splitlines())
    # a wrapped label goes on two further in than its first line (a hanging indent), so that it
    # reads neither as a family heading nor as a cost line of its own
    lines = narrow.splitlines()
    i = next(i for i, line in enumerate(lines) if "Elia: onbalanscompensatie en" in line)
    assert lines[i].startswith("  Elia") and lines[i + 1].startswith("    marktintegratie")
    j = next(i for i, line in enumerate(lines) if line.startswith("Elektriciteit totaal"))
    assert lines[j + 1].startswith("  band")  # a row label of its own keeps its own indent
    assert "Stromsteuer" not in narrow.split("Kostenpost")[2]  # the NL–BE table has no German lines
    wide = rendered(160)
    assert "┃ Kostenpost" in wide and "Stromsteuer" in wide


def test_the_policy_table_never_cuts_a_number_on_eighty_columns():
    """`toets` on 80 columns: the headers wrap, no number is cut to '0.…' or '-7…'."""
    from rich.console import Console

    from speelveld.config.load import default_config_dir, load_year
    from speelveld.core.policy import policy_check
    from speelveld.report.terminal import policy_table

    base = load_year(default_config_dir(), 2026)
    sc = load_year(default_config_dir(), 2026, [], scenario="ikc-uitbreiding")
    check = policy_check(base, sc, ["chemie", "voeding"], ["DE", "BE", "FR"], "NL")
    console = Console(width=80, record=True, file=open(os.devnull, "w"))
    console.print(policy_table(check.table, "NL", "toets", "nl"))
    text = console.export_text()
    assert "…" not in text and max(len(line) for line in text.splitlines()) <= 80
    from speelveld.report.labels import band_text

    # voeding's bands before the scenario are printed whole (a band of two negatives may wrap at "tot")
    flat = " ".join(text.split())
    for r in check.table.filter(pl.col("sector") == "voeding").iter_rows(named=True):
        assert band_text("nl", r["gap_before_low_eur_per_mwh"], r["gap_before_high_eur_per_mwh"]) in flat


def test_a_band_of_two_negative_numbers_is_spelled_out():
    from speelveld.report.labels import band_text

    # each in its language: a decimal comma in Dutch, a point in English
    assert band_text("nl", -3.12, -2.64) == "-3,12 tot -2,64"
    assert band_text("en", -3.12, -2.64) == "-3.12 to -2.64"
    assert band_text("nl", -19.42, 11.36) == "-19,42 tot 11,36"  # a range starting below zero is spelled out
    assert band_text("nl", 2.64, 3.12) == "2,64–3,12"
    assert band_text("en", 1000.5, 2000) == "1,000.50–2,000.00"
    assert band_text("nl", 1000.5, 2000) == "1.000,50–2.000,00"


def test_text_the_user_typed_is_echoed_as_typed():
    # ':100:' is a rich emoji code; an error that quotes the user's --vary must not turn it into 💯
    r = invoke("sweep", "--sector", "plant", "--config-dir", str(FIXTURE), "--vary", "DE.commodity.baseload_eur_per_mwh=60:100:0")
    assert r.exit_code == 2
    assert "baseload_eur_per_mwh=60:100:0" in r.stderr and "\N{HUNDRED POINTS SYMBOL}" not in r.stderr


def test_a_plant_larger_than_its_sector_is_said():
    # staal set to a plant of 3,000 GWh/yr against the whole Dutch sector's 2,100 (2023): its gap
    # per plant (M€/yr) exceeds the sector's; the shipped staal plant (2,000) and chemie's (1,000 of
    # 9,595) do not
    staal = " ".join(invoke("compare", "--sector", "staal", "--lang", "en", "--set", "sector.consumption_mwh=3000000").stdout.split())
    assert "Note: the example plant uses more than the whole sector (2,100 GWh/yr)" in staal
    for sector in ("staal", "chemie"):
        shipped = invoke("compare", "--sector", sector, "--lang", "en").stdout
        assert "more than the whole sector" not in " ".join(shipped.split())


def _unknown_counts(stdout: str) -> list[dict[str, str]]:
    """Per block of unknown lines (electricity, gas), the count per country, read from every table
    of the output (a narrow terminal shows NL beside the others in turn)."""
    counts: list[dict[str, str]] = []
    countries: list[str] = []
    block = 0
    for line in stdout.splitlines():
        if "natural gas, €/MWh of gas" in line:
            block = 1  # the gas table's title: its own block
        elif line.startswith("Cost line"):
            countries = re.findall(r"\b[A-Z]{2}\b", line)  # "BE (Vl.)" is BE
        elif "unknown lines (of" in line:
            values = re.findall(r"\d+ \(\d+\)|(?<![\w(])\d+(?![\w)])", line.split("(of")[1])
            while len(counts) <= block:
                counts.append({})
            counts[block].update(zip(countries, values, strict=True))
    return counts


def test_unknown_lines_are_counted_in_their_own_block():
    # chemie 2026: each unknown line bounded, counted in its own block
    r = invoke("compare", "--sector", "chemie", "--lang", "en")
    # 2026: NL's network tariff and the IKC budget of the 2027 round (both bounded unknowns); BE's
    # surcharges, certificates and CRM; DE's super-cap top-up for the new ETS sectors (whether Germany
    # extends it is not known); no unknown direct CO2 line now the CO2-heffing is abolished
    assert _unknown_counts(r.stdout) == [{"NL": "2 (0)", "DE": "1 (0)", "BE": "3 (0)", "FR": "0"}]
    # with gas: the gas block counts its own (BE kunstmest: one bounded unknown gas line)
    r = invoke("compare", "--sector", "kunstmest", "--carrier", "all", "--lang", "en")
    counts = _unknown_counts(r.stdout)
    assert len(counts) == 2 and counts[1] == {"NL": "0", "DE": "0", "BE": "1 (0)", "FR": "0"}


def test_dutch_output_writes_dutch_numbers_and_leaves_codes_years_and_paths_alone():
    r = invoke("compare", "--sector", "chemie", "--year", "2026")
    text = " ".join(r.output.split())
    assert "1.000 GWh/jr, 8.000 h" in text and "NACE 20.14" in text and "101,60" in text
    assert "Speelveldtoets 2026" in text  # a year is no number to format
    en = " ".join(invoke("compare", "--sector", "chemie", "--year", "2026", "--lang", "en").output.split())
    assert "1,000 GWh/yr, 8,000 h" in en and "101.60" in en
    stale = invoke("sources", "--stale")
    assert not re.search(r"\de[+-]\d", stale.output) and "eua_price" in stale.output  # never 1e+09
    from speelveld.report.numbers import sig

    assert (sig(1e9, lang="nl"), sig(31808900.0, lang="nl"), sig(0.00321, lang="nl"), sig(0.00321, lang="en")) == ("1.000.000.000", "31.808.900", "0,00321", "0.00321")


def test_help_is_dutch_by_default_and_english_on_request():
    """`speelveld --help` and every command's --help speak Dutch unless --lang en (or
    SPEELVELD_LANG=en) asks for English; every help text of the CLI has its Dutch in the catalogue."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import typer

    from speelveld.clihelp import HELP_NL

    missing = []

    def walk(c) -> None:
        missing.extend(text for text in [c.help, *(getattr(p, "help", None) for p in c.params)] if text and text not in HELP_NL and text != "Show this message and exit.")
        for sub in getattr(c, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    assert not missing, missing[:3]
    cli = str(Path(sys.executable).parent / "speelveld")
    env = {k: v for k, v in os.environ.items() if k != "SPEELVELD_LANG"}
    nl = subprocess.run([cli, "compare", "--help"], capture_output=True, text=True, env=env, timeout=60).stdout
    assert "Gebruik: speelveld compare" in nl and "Opties:" in nl and "Toon deze hulp en stop." in nl
    assert "Sectorarchetype (zie `speelveld list`)" in nl and "[verplicht]" in nl and "[standaard: NL]" in nl
    en = subprocess.run([cli, "compare", "--help", "--lang", "en"], capture_output=True, text=True, env=env, timeout=60).stdout
    assert "Usage: speelveld compare" in en and "Sector archetype (see `speelveld list`)" in en
    en = subprocess.run([cli, "--help"], capture_output=True, text=True, env={**env, "SPEELVELD_LANG": "en"}, timeout=60).stdout
    assert "Show the price years" in en


def test_csv_for_a_dutch_excel_keeps_codes_years_and_paths():
    """--format csv-nl: ';' between fields and a decimal comma in the number columns only; read
    back it is the same table as --format csv, and a path, a year or a date stays as written."""
    import io

    import polars as pl

    for args in (["trend", "--sector", "chemie"], ["sources", "--stale", "--year", "2026"], ["toets", "--scenario", "vcr-opvolger"]):
        standard = pl.read_csv(io.StringIO(invoke(*args, "--format", "csv").stdout))
        r = invoke(*args, "--format", "csv-nl")
        assert r.exit_code == 0, r.output
        dutch = pl.read_csv(io.StringIO(r.stdout), separator=";", decimal_comma=True)
        assert dutch.equals(standard), args
    text = invoke("sources", "--stale", "--year", "2026", "--format", "csv-nl").stdout
    assert "eu.eua_price_eur_per_t" in text and ";74,74;" in text  # the path as written, the price with a comma
    assert invoke("trend", "--sector", "chemie", "--format", "csv-nl").stdout.splitlines()[1].startswith("2024;chemie;NL;")


def test_a_bounded_unknown_shows_the_value_the_total_counts_and_its_band():
    # the NL capacity tariff of chemie 2026 is unknown between 4.00 and 14.13 €/MWh (4.0–14.125);
    # the total counts its middle, 9.06, which the table now shows above the band (the trial could
    # not add the total up from the screen)
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--countries", "DE"])
    lines = [ln for ln in r.output.splitlines()]
    at = next(i for i, ln in enumerate(lines) if "Nettarief capaciteit" in ln)
    assert "9,06 ?" in lines[at] and "4,00–14,12" in lines[at + 1]


def test_a_year_after_the_projections_points_to_project_and_the_api_takes_the_cli_forms():
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2031"])
    assert r.exit_code == 2 and "maak het met `speelveld project --to 2031`" in r.output
    import speelveld as sv

    cfg = sv.load_year(sv.default_config_dir(), 2026)
    # "all" in a list and "DE,BE" as on the command line (the trial's notebook got 'unknown country all')
    both = sv.compare(cfg, ["all"], "DE,BE", bands=False)
    assert both.sectors == sorted(cfg.sectors) and both.countries == ["NL", "DE", "BE"]
    assert sv.compare(cfg, "chemie", ["all"], bands=False).countries == ["NL", "BE", "DE", "FR"]


def test_the_dutch_help_says_its_usage_in_dutch():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import sys; sys.argv = ['speelveld', '--help']; from speelveld.cli import main; main()"],
                         capture_output=True, text=True, check=False).stdout
    assert out.startswith("Gebruik: speelveld [OPTIES] OPDRACHT [ARGUMENTEN]...")
