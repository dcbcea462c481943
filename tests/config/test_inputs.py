"""`speelveld inputs export` / `import`: parameters round trip through a workbook."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import default_config_dir, load_year
from tests.helpers import FIXTURE, assert_worded_in_dutch

runner = CliRunner()


@pytest.fixture
def configs(config_copy):
    return config_copy  # the tests of this file name the copy "configs"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def export(configs: Path, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "invoer.xlsx"
    r = runner.invoke(app, ["inputs", "export", "--config-dir", str(configs), "--out", str(out), *extra])
    assert r.exit_code == 0, r.output
    return out


def rows_by_path(ws) -> dict[str, int]:
    return {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}


def edit(book: Path, target: Path, changes: dict[str, dict[int, object]], new_sources: list[list] = ()) -> Path:
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    rows = rows_by_path(ws)
    for path, cells in changes.items():
        for col, value in cells.items():
            ws.cell(rows[path], col).value = value
    for row in new_sources:
        wb.worksheets[1].append(row)
    wb.save(target)
    return target


VALUE, UNIT, LOW, HIGH, QUALITY, SOURCE, NOTE = 5, 6, 7, 8, 9, 10, 11


def test_export_then_import_without_edits_changes_nothing(configs, tmp_path):
    before = snapshot(configs)
    book = export(configs, tmp_path)
    r = runner.invoke(app, ["inputs", "import", str(book), "--config-dir", str(configs)])
    assert r.exit_code == 0, r.output
    assert "Geen wijzigingen" in r.output
    assert snapshot(configs) == before


def test_export_then_import_without_edits_on_the_shipped_configs(tmp_path):
    configs = tmp_path / "configs"
    shutil.copytree(default_config_dir(), configs)
    before = snapshot(configs)
    for year in ("2024", "2025", "2026"):
        book = export(configs, tmp_path, "--year", year)
        r = runner.invoke(app, ["inputs", "import", str(book), "--config-dir", str(configs)])
        assert r.exit_code == 0, r.output
    assert snapshot(configs) == before


def test_workbook_layout(configs, tmp_path):
    book = export(configs, tmp_path)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["Invoer", "Bronnen", "Lees mij", "Meta"] and wb["Meta"].sheet_state == "hidden"
    ws = wb["Invoer"]
    assert [c.value for c in ws[1]] == ["pad", "land", "onderdeel", "omschrijving", "waarde", "eenheid", "laag", "hoog", "kwaliteit", "bron", "toelichting", "bestand:regel"]
    assert ws.freeze_panes == "E2" and ws.auto_filter.ref.startswith("A1:L")
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert any(dv.type == "list" and "schatting" in dv.formula1 for dv in validations.values())
    assert any(dv.type == "decimal" for dv in validations.values())
    cfg = load_year(configs, 2030)
    assert ws.max_row - 1 == len(cfg.params)
    row = rows_by_path(ws)["NL.commodity.baseload_eur_per_mwh"]
    assert ws.cell(row, VALUE).value == cfg.params["NL.commodity.baseload_eur_per_mwh"].value and ws.cell(row, UNIT).value == "€/MWh"
    assert ws.cell(row, 12).value.startswith("2030/countries/NL.yaml:")
    # English headers with --lang en
    wb = openpyxl.load_workbook(export(configs, tmp_path, "--lang", "en"))
    assert wb.sheetnames[:2] == ["Inputs", "Sources"] and wb["Inputs"]["E1"].value == "value"


def test_import_writes_edits_keeps_the_rest_and_reports_them(configs, tmp_path):
    nl = configs / "2030" / "countries" / "NL.yaml"
    nl.write_text("# Editor's comment that must survive an import\n" + nl.read_text())
    book = export(configs, tmp_path)
    before = snapshot(configs)
    edited = edit(
        book,
        tmp_path / "edited.xlsx",
        {
            "NL.commodity.baseload_eur_per_mwh": {VALUE: 101.5, SOURCE: "nieuw", QUALITY: "gepubliceerd"},
            "DE.commodity.baseload_eur_per_mwh": {VALUE: 88, LOW: 80, HIGH: 95, QUALITY: "schatting", NOTE: "test band"},
        },
        new_sources=[["2030/countries/NL.yaml", "nieuw", "Testbron", "ACM", "https://example.org/bron", "2030-01"]],
    )
    r = runner.invoke(app, ["inputs", "import", str(edited), "--config-dir", str(configs), "--dry-run"])
    assert r.exit_code == 0, r.output
    assert "NL.commodity.baseload_eur_per_mwh" in r.output and "Nieuwe bron nieuw" in r.output and "--dry-run" in r.output
    assert snapshot(configs) == before
    r = runner.invoke(app, ["inputs", "import", str(edited), "--config-dir", str(configs)])
    assert r.exit_code == 0, r.output
    after = snapshot(configs)
    changed = {k for k in after if after[k] != before[k]}
    assert changed == {"2030/countries/NL.yaml", "2030/countries/DE.yaml"}
    text = nl.read_text()
    assert text.startswith("# Editor's comment that must survive an import\n")
    # only the edited number and the new source differ: every other line is as it was
    diff = [ln for ln in difflib.unified_diff(before["2030/countries/NL.yaml"].decode().splitlines(), text.splitlines(), lineterm="", n=0)
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert all("baseload" in ln or "nieuw" in ln or "Testbron" in ln or "ACM" in ln or "example.org" in ln or "2030-01" in ln or "value" in ln or "source" in ln or "quality" in ln for ln in diff), diff
    cfg = load_year(configs, 2030)
    p = cfg.params["NL.commodity.baseload_eur_per_mwh"]
    assert p.value == 101.5 and p.source_id == "nieuw" and p.source.title == "Testbron"
    d = cfg.params["DE.commodity.baseload_eur_per_mwh"]
    assert (d.value, d.low, d.high, d.quality.value, d.note) == (88, 80, 95, "estimate", "test band")
    # the new values flow into compare, with their sources
    r = runner.invoke(app, ["compare", "--sector", "plant", "--config-dir", str(configs), "--format", "json"])
    data = json.loads(r.stdout)
    wholesale = [ln for ln in data["lines"] if ln["country"] == "NL" and ln["key"] == "commodity.wholesale"][0]
    assert abs(wholesale["eur_per_mwh"] - 101.5) < 1e-9


@pytest.mark.parametrize(
    "changes,fragment",
    [
        ({"NL.commodity.baseload_eur_per_mwh": {VALUE: "95,5"}}, "cell E{row} (NL.commodity.baseload_eur_per_mwh): value: '95,5' is text, not a number; make the cell a number (in a Dutch spreadsheet type 95,5, in an English one 95.5)"),
        # text with a decimal point (what a Dutch Excel makes of 64.5): the advice says how to type it there
        ({"NL.commodity.baseload_eur_per_mwh": {VALUE: "64.5"}}, "value: '64.5' is text, not a number; make the cell a number (in a Dutch spreadsheet type 64,5, in an English one 64.5)"),
        ({"NL.commodity.baseload_eur_per_mwh": {VALUE: "veel"}}, "cell E{row} (NL.commodity.baseload_eur_per_mwh): value: 'veel' is text in a number cell"),
        ({"NL.commodity.baseload_eur_per_mwh": {UNIT: "ct/MWh"}}, "cell F{row} (NL.commodity.baseload_eur_per_mwh): unit 'ct/MWh' does not match"),
        ({"NL.commodity.baseload_eur_per_mwh": {QUALITY: "geraden"}}, "cell I{row} (NL.commodity.baseload_eur_per_mwh): quality 'geraden' is not one of"),
        ({"NL.commodity.baseload_eur_per_mwh": {VALUE: 99, SOURCE: None}}, "cell J{row} (NL.commodity.baseload_eur_per_mwh): a changed value needs a source"),
        ({"NL.commodity.baseload_eur_per_mwh": {VALUE: 99, SOURCE: "bestaat-niet"}}, "source 'bestaat-niet' is not defined for NL.yaml"),
        ({"NL.commodity.baseload_eur_per_mwh": {VALUE: 99, QUALITY: "schatting"}}, "needs a note"),
        ({"NL.commodity.baseload_eur_per_mwh": {VALUE: None}}, "empty, so flag it 'onbekend'"),
        ({"NL.commodity.baseload_eur_per_mwh": {LOW: 90, HIGH: 80, QUALITY: "schatting", NOTE: "x"}}, "low 90 is above high 80"),
    ],
)
def test_bad_cells_are_one_line_errors_and_nothing_is_written(configs, tmp_path, changes, fragment):
    book = export(configs, tmp_path)
    row = rows_by_path(openpyxl.load_workbook(book).worksheets[0])["NL.commodity.baseload_eur_per_mwh"]
    before = snapshot(configs)
    bad = edit(book, tmp_path / "bad.xlsx", changes)
    r = runner.invoke(app, ["inputs", "import", str(bad), "--config-dir", str(configs), "--lang", "en"])
    assert r.exit_code == 2, r.output
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert all(ln.startswith("error: bad.xlsx: sheet Invoer") for ln in lines), r.output
    assert fragment.format(row=row) in " ".join(r.output.split()), r.output
    assert "Traceback" not in r.output
    assert snapshot(configs) == before
    dutch = runner.invoke(app, ["inputs", "import", str(bad), "--config-dir", str(configs)])
    assert dutch.exit_code == 2 and all(ln.startswith("error: bad.xlsx: blad Invoer") for ln in dutch.output.splitlines() if ln.strip())
    assert_worded_in_dutch(r.output, dutch.output)


def test_a_yaml_edit_after_the_export_is_not_overwritten(configs, tmp_path):
    book = export(configs, tmp_path)
    de = configs / "2030" / "countries" / "DE.yaml"
    de.write_text(de.read_text() + "# a colleague's edit\n")
    edited = edit(book, tmp_path / "edited.xlsx", {"DE.commodity.baseload_eur_per_mwh": {VALUE: 70}})
    r = runner.invoke(app, ["inputs", "import", str(edited), "--config-dir", str(configs)])
    assert r.exit_code == 2 and "gewijzigd sinds de export van de werkmap" in r.output
    assert de.read_text().endswith("# a colleague's edit\n")


def test_a_value_written_in_another_unit_is_written_back_in_it(tmp_path):
    """The NL energiebelasting bands are written in €/kWh: the workbook shows €/MWh; an edit goes
    back in €/kWh, and a cell typed in ct/kWh is converted."""
    configs = tmp_path / "configs"
    shutil.copytree(default_config_dir(), configs)
    book = export(configs, tmp_path, "--year", "2026")
    band = "NL.taxes.levies.energiebelasting.bands.2.rate_eur_per_mwh"
    edited = edit(book, tmp_path / "e.xlsx", {band: {VALUE: 3.8, UNIT: "ct/kWh"}})
    r = runner.invoke(app, ["inputs", "import", str(edited), "--config-dir", str(configs)])
    assert r.exit_code == 0, r.output
    assert "rate_eur_per_mwh: {value: 0.038, unit: €/kWh, source: eb-2026-tabel6}" in (configs / "2026" / "countries" / "NL.yaml").read_text()
    assert load_year(configs, 2026).params[band].value == pytest.approx(38.0)


def _lo_python() -> str | None:
    python = shutil.which("python3", path="/usr/bin")
    if python is None or shutil.which("soffice") is None:
        return None
    ok = subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0
    return python if ok else None


@pytest.mark.libreoffice
@pytest.mark.skipif(_lo_python() is None, reason="LibreOffice with its Python bridge (Debian packages libreoffice-calc, python3-uno) is not installed")
def test_annual_cycle_in_libreoffice(tmp_path):
    """The annual cycle as a civil servant runs it: a new price year, the inputs exported, three
    values edited and saved in LibreOffice Calc, imported, and compare shows them with their sources."""
    configs = tmp_path / "configs"
    shutil.copytree(default_config_dir(), configs)
    assert runner.invoke(app, ["new-year", "2027", "--config-dir", str(configs)]).exit_code == 0
    book = export(configs, tmp_path, "--year", "2027")
    rows = rows_by_path(openpyxl.load_workbook(book)["Invoer"])
    nl, de, eua = "NL.commodity.baseload_eur_per_mwh", "DE.commodity.baseload_eur_per_mwh", "eu.eua_price_eur_per_t"
    edits = [
        f"Invoer!E{rows[nl]}=81.25", f"Invoer!I{rows[nl]}=gepubliceerd", f"Invoer!J{rows[nl]}=ember-2027",
        f"Invoer!E{rows[de]}=84.5", f"Invoer!I{rows[de]}=gepubliceerd", f"Invoer!J{rows[de]}=smard-2027",
        f"Invoer!E{rows[eua]}=79.9", f"Invoer!I{rows[eua]}=gepubliceerd", f"Invoer!J{rows[eua]}=eex-2027",
    ]
    wb = openpyxl.load_workbook(book)
    src = wb["Bronnen"]
    n = src.max_row
    edits += [
        f"Bronnen!A{n + 1}=2027/countries/NL.yaml", f"Bronnen!B{n + 1}=ember-2027", f"Bronnen!C{n + 1}=Ember day-ahead 2027", f"Bronnen!D{n + 1}=Ember", f"Bronnen!F{n + 1}=2028-01",
        f"Bronnen!A{n + 2}=2027/countries/DE.yaml", f"Bronnen!B{n + 2}=smard-2027", f"Bronnen!C{n + 2}=SMARD Großhandelspreise 2027", f"Bronnen!D{n + 2}=BNetzA", f"Bronnen!F{n + 2}=2028-01",
        f"Bronnen!A{n + 3}=2027/eu.yaml", f"Bronnen!B{n + 3}=eex-2027", f"Bronnen!C{n + 3}=EEX EUA auctions 2027", f"Bronnen!D{n + 3}=EEX", f"Bronnen!F{n + 3}=2028-01",
    ]
    saved = tmp_path / "invoer-lo.xlsx"
    run = subprocess.run([_lo_python(), str(Path(__file__).parents[1] / "lo_edit.py"), str(book), str(saved), *edits], capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    r = runner.invoke(app, ["inputs", "import", str(saved), "--config-dir", str(configs)])
    assert r.exit_code == 0, r.output
    cfg = load_year(configs, 2027)
    assert (cfg.params[nl].value, cfg.params[nl].source_id, cfg.params[nl].quality.value) == (81.25, "ember-2027", "published")
    assert (cfg.params[de].value, cfg.params[de].source.title) == (84.5, "SMARD Großhandelspreise 2027")
    assert cfg.params[eua].value == 79.9
    r = runner.invoke(app, ["explain", "--sector", "chemie", "--country", "NL", "--year", "2027", "--config-dir", str(configs), "--line", "commodity", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert "ember-2027" in r.stdout and "81.25" in r.stdout


def test_an_import_warns_of_what_it_would_otherwise_pass_over_silently(configs, tmp_path):
    nl = configs / "2030" / "countries" / "NL.yaml"
    carried = "Carried forward from 2029 by `speelveld new-year`: the 2029 figure, not yet updated for 2030."
    nl.write_text(nl.read_text().replace("  baseload_eur_per_mwh: 80\n", f"  baseload_eur_per_mwh:\n    value: 80\n    quality: estimate\n    note: \"{carried}\"\n", 1))
    book = export(configs, tmp_path)
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    rows = rows_by_path(ws)
    ws.cell(rows["NL.commodity.baseload_eur_per_mwh"], VALUE).value = 91     # new figure, quality cell emptied, note left as carried
    ws.cell(rows["NL.commodity.baseload_eur_per_mwh"], QUALITY).value = None
    ws.cell(rows["DE.commodity.baseload_eur_per_mwh"], VALUE).value = 77     # quality cell emptied
    ws.cell(rows["DE.commodity.baseload_eur_per_mwh"], QUALITY).value = None
    ws.delete_rows(rows["FR.commodity.baseload_eur_per_mwh"])                 # a deleted row keeps its value
    wb.save(tmp_path / "edited.xlsx")
    dutch = runner.invoke(app, ["inputs", "import", str(tmp_path / "edited.xlsx"), "--config-dir", str(configs), "--dry-run"])
    assert dutch.exit_code == 0, dutch.output
    flat = " ".join(dutch.output.split())
    assert "ontbreken op het blad" in flat and "werk de toelichting bij" in flat and "de cel kwaliteit is leeg" in flat, dutch.output
    r = runner.invoke(app, ["inputs", "import", str(tmp_path / "edited.xlsx"), "--config-dir", str(configs), "--lang", "en"])
    assert r.exit_code == 0, r.output
    warnings = [ln for ln in r.output.splitlines() if ln.startswith("warning:")]
    text = " ".join(" ".join(warnings).split())
    assert "(NL.commodity.baseload_eur_per_mwh): the value changed but the note still says it was carried forward" in text, r.output
    assert "(DE.commodity.baseload_eur_per_mwh): the value changed but the quality cell is empty; the flag stays" in text, r.output
    assert "1 parameter row(s) missing from the sheet, their values are kept unchanged: FR.commodity.baseload_eur_per_mwh" in text, r.output
    cfg = load_year(configs, 2030)
    assert cfg.params["NL.commodity.baseload_eur_per_mwh"].value == 91 and cfg.params["DE.commodity.baseload_eur_per_mwh"].value == 77
    assert cfg.params["FR.commodity.baseload_eur_per_mwh"].value == load_year(FIXTURE, 2030).params["FR.commodity.baseload_eur_per_mwh"].value


def test_every_parameter_of_the_shipped_years_has_a_label_in_both_languages():
    """The export names each parameter in words ('emissiefactor aardgas'), never its field name
    with spaces ('gas emission factor t per mwh')."""
    from speelveld.config.load import available_years
    from speelveld.report.labels import FIELD_WORDS

    missing = set()
    for year in available_years(default_config_dir(), projections=True):
        for p in load_year(default_config_dir(), year).params.values():
            field = next((k for k in reversed(p.loc) if isinstance(k, str) and k != "value"), p.path.rsplit(".", 1)[-1])
            if field in ("min", "max", "above", "below"):
                field = next((k for k in reversed(p.loc[:-1]) if isinstance(k, str)), "")
            missing |= {(lang, field) for lang in ("nl", "en") if field not in FIELD_WORDS[lang]}
    assert not missing, sorted(missing)


def test_a_deleted_row_alone_is_still_said(configs, tmp_path):
    # the trial deleted one row and changed nothing else: the import said only "no changes"; the
    # row's value is kept, and the warning says so
    book = export(configs, tmp_path)
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    ws.delete_rows(rows_by_path(ws)["FR.commodity.baseload_eur_per_mwh"])
    deleted = tmp_path / "deleted.xlsx"
    wb.save(deleted)
    before = snapshot(configs)
    r = runner.invoke(app, ["inputs", "import", str(deleted), "--config-dir", str(configs)])
    assert r.exit_code == 0, r.output
    flat = " ".join(r.output.split())
    assert "1 parameterrij(en) ontbreken op het blad, hun waarden blijven ongewijzigd: FR.commodity.baseload_eur_per_mwh" in flat
    assert snapshot(configs) == before
