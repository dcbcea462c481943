"""The Excel workbook: structure, values against the engine, live formulas, charts, safety, determinism,
and (when LibreOffice is installed) a real recalculation."""

from __future__ import annotations

import shutil
import subprocess
import time

import openpyxl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import Override, load_year
from speelveld.core.compute import compare
from speelveld.report.excel import write_workbook
from speelveld.report.output import manifest
from tests.helpers import FIXTURE

runner = CliRunner()


def make(tmp_path, lang="nl", sets=()):
    cfg = load_year(FIXTURE, 2030, [Override.parse(s) for s in sets])
    result = compare(cfg, ["plant"], ["DE", "FR"])
    path = tmp_path / f"t-{lang}.xlsx"
    write_workbook(path, result, cfg, manifest(cfg, "speelveld test"), lang)
    return path, result


def test_sheets_values_and_formulas(tmp_path):
    path, result = make(tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Samenvatting", "Methode", "plant", "Grafieken", "Verschil dichten", "Kalender", "Parameters", "Run"]
    ws = wb["plant"]
    header = [c.value for c in ws[4]]
    assert header[:5] == ["Categorie", "Kostenpost", "NL (€/MWh)", "DE (€/MWh)", "FR (€/MWh)"]
    assert header[5:8] == ["NL kwaliteit", "DE kwaliteit", "FR kwaliteit"]
    # the band of a line: two number cells per country (empty = open), not a text
    assert header[8:14] == ["NL band laag (€/MWh)", "NL band hoog (€/MWh)", "DE band laag (€/MWh)", "DE band hoog (€/MWh)", "FR band laag (€/MWh)", "FR band hoog (€/MWh)"]
    assert header[14:17] == ["NL (€/jr)", "DE (€/jr)", "FR (€/jr)"]  # one unit style: €/jr in Dutch
    # every engine line value is in the €/yr block as a number; €/MWh is a formula over it
    rows = {ws.cell(row=r, column=2).value: r for r in range(5, ws.max_row + 1)}
    wholesale = rows["Groothandelsprijs (baseload)"]
    assert ws.cell(row=wholesale, column=15).value == 8_000_000  # NL 80 €/MWh × 100,000 MWh
    assert ws.cell(row=wholesale, column=3).value == f"=O{wholesale}/$B$2"
    assert ws.cell(row=wholesale, column=6).value == "gepubliceerd"
    assert ws.cell(row=wholesale, column=9).value == ws.cell(row=wholesale, column=10).value == 80  # an exact line: low = high
    total_row = rows["Elektriciteit totaal"]
    assert ws.cell(row=total_row, column=15).value.startswith("=SUM(O5,O")
    gap_row = rows["Verschil NL − land"]
    assert ws.cell(row=gap_row, column=4).value == f"=C{total_row}-D{total_row}"
    assert ws.cell(row=gap_row, column=3).value is None  # no gap for the reference itself
    assert ws.cell(row=rows["  status verschil"], column=4).value == "volledig"
    # the €/yr values of the electricity lines add up to the engine's totals; direct CO2 apart
    co2_rows = [r for r in range(5, total_row) if ws.cell(row=r, column=1).value == "Directe CO2-kosten (apart van de elektriciteitsprijs)"]
    assert [ws.cell(row=r, column=2).value for r in co2_rows] == ["EU ETS directe emissies", "CO2-heffing"]
    for j, cc in enumerate(["NL", "DE", "FR"]):
        values = [ws.cell(row=r, column=15 + j).value for r in range(5, co2_rows[0])]
        engine = result.totals.filter(result.totals["country"] == cc)["total_eur_per_year"][0]
        assert sum(v for v in values if isinstance(v, int | float)) == pytest.approx(engine, rel=1e-12)
    # no unknown lines in the fixture: the count is a COUNTIF over the quality flags, not over blanks
    assert ws.cell(row=rows["Onbekende posten"], column=3).value == '=COUNTIF(F5:F' + str(co2_rows[-1]) + ',"onbekend")'
    assert len(wb["Grafieken"]._charts) == 1 and len(wb["Samenvatting"]._charts) == 1
    summary = wb["Samenvatting"]
    assert summary["B5"].value == f"='plant'!D{gap_row}"
    # the band of the gap as two numbers beside the central formula (an exact gap: low = high)
    assert summary["C5"].value == pytest.approx(33.159336, abs=1e-6) and summary["D5"].value == pytest.approx(33.159336, abs=1e-6)
    assert summary["E5"].value == "volledig"
    assert summary["B5"].fill.fgColor.rgb.endswith("F4CCCC")  # complete and certainly positive: red
    params = wb["Parameters"]
    assert params.auto_filter.ref.startswith("A1:L") and params.freeze_panes == "A2"
    # a parameter is described in words on the printed page (A–I), its path beside it for --set
    row = next(r for r in params.iter_rows(min_row=2, values_only=True) if r[9] == "eu.eua_price_eur_per_t")
    assert row[:2] == ("eu", "EU ETS") and "." not in row[2] and row[2], row
    run = {r[0].value: r[1].value for r in wb["Run"].iter_rows()}
    assert run["hash van de configs"] and run["opdracht"] == "speelveld test"  # the sheet in Dutch; the JSON keeps the machine keys
    assert "None" not in [r[1].value for r in wb["Run"].iter_rows()]


def test_incomplete_gap_is_never_coloured(tmp_path):
    # NL's network capacity tariff unknown without bounds: NL's total is open upwards, so every gap
    # is a lower bound; it must not be coloured as a conclusion, and the unknown line is counted.
    path, result = make(tmp_path, sets=["NL.network.levels.EHV.variants.all.charges.kw-contract.capacity_eur_per_kw_year={value: null, quality: unknown}"])
    wb = openpyxl.load_workbook(path)
    summary = wb["Samenvatting"]
    assert isinstance(summary["C5"].value, float) and summary["D5"].value is None and summary["E5"].value == "ondergrens"  # open above
    assert summary["B5"].fill.fgColor.rgb in (None, "00000000")
    ws = wb["plant"]
    rows = {ws.cell(row=r, column=2).value: r for r in range(5, ws.max_row + 1)}
    cap = rows["Nettarief capaciteit"]
    assert ws.cell(row=cap, column=15).value == "onbekend" and ws.cell(row=cap, column=6).value == "onbekend"
    notes = [ws.cell(row=r, column=1).value or "" for r in range(rows["Verschil directe CO2-kosten"], ws.max_row + 1)]
    assert any(n.startswith("DE: NL mist netkosten: het verschil is een ondergrens") for n in notes)


def test_english_labels(tmp_path):
    path, _ = make(tmp_path, "en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Summary" and wb["plant"]["B4"].value == "Cost line"
    assert wb["plant"]["O4"].value == "NL (€/yr)"


def test_config_text_is_never_a_formula(tmp_path):
    cfg = load_year(FIXTURE, 2030)
    evil = "=HYPERLINK(\"http://x\",\"klik\")"
    result = compare(cfg, ["plant"], ["DE", "FR"])
    result.lines = result.lines.with_columns(result.lines["label"].str.replace("^Stromsteuer$", evil, literal=False))
    path = tmp_path / "evil.xlsx"
    write_workbook(path, result, cfg, {"command": "+cmd", "note": "@x"}, "en")
    wb = openpyxl.load_workbook(path)
    run = wb["Run"]
    assert run["B1"].data_type == "s" and run["B1"].value == "+cmd"
    assert run["B2"].data_type == "s" and run["B2"].value == "@x"
    labels = [c for c in wb["plant"]["B"] if c.value == evil]
    assert labels and all(c.data_type == "s" for c in labels)


def test_byte_identical_reruns(tmp_path):
    a, _ = make(tmp_path)
    first = a.read_bytes()
    time.sleep(1.1)  # a save in another second must not change a byte
    b, _ = make(tmp_path)
    assert b.read_bytes() == first


def test_cli_report_and_compare_excel(tmp_path):
    out = tmp_path / "r.xlsx"
    res = runner.invoke(app, ["report", "--config-dir", str(FIXTURE), "--year", "2030", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert openpyxl.load_workbook(out).sheetnames == ["Samenvatting", "Methode", "plant", "Grafieken", "Verschil dichten", "Kalender", "Parameters", "Run"]
    assert f"{out} geschreven (8 bladen, " in res.stderr  # the count is the workbook's own
    out2 = tmp_path / "c.xlsx"
    res = runner.invoke(app, ["compare", "--config-dir", str(FIXTURE), "--sector", "plant", "--excel", str(out2)])
    assert res.exit_code == 0 and out2.exists()
    res = runner.invoke(app, ["report", "--config-dir", str(FIXTURE), "--out", str(tmp_path / "missing" / "r.xlsx")])
    assert res.exit_code == 2 and "error:" in res.output


def _soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.libreoffice
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (Debian package libreoffice-calc) is not installed")
def test_libreoffice_recalculates_totals_and_gaps(tmp_path):
    path, result = make(tmp_path)
    outdir = tmp_path / "lo"
    subprocess.run([_soffice(), "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(outdir), str(path)], check=True, capture_output=True, timeout=180)
    wb = openpyxl.load_workbook(outdir / path.name, data_only=True)
    ws = wb["plant"]
    rows = {ws.cell(row=r, column=2).value: r for r in range(5, ws.max_row + 1)}
    totals = {r["country"]: r for r in result.totals.iter_rows(named=True)}
    for j, cc in enumerate(["NL", "DE", "FR"]):
        assert ws.cell(row=rows["Elektriciteit totaal"], column=3 + j).value == pytest.approx(totals[cc]["total_eur_per_mwh"], abs=1e-6)
        assert ws.cell(row=rows["Elektriciteit totaal"], column=15 + j).value == pytest.approx(totals[cc]["total_eur_per_year"], abs=1e-6)
        assert ws.cell(row=rows["Directe CO2-kosten totaal"], column=3 + j).value == pytest.approx(totals[cc]["direct_co2_eur_per_mwh"], abs=1e-6)
        assert ws.cell(row=rows["Onbekende posten"], column=3 + j).value == 0
        if cc != "NL":
            assert ws.cell(row=rows["Verschil NL − land"], column=3 + j).value == pytest.approx(totals[cc]["gap_eur_per_mwh"], abs=1e-6)
    assert wb["Samenvatting"]["B5"].value == pytest.approx(totals["DE"]["gap_eur_per_mwh"], abs=1e-6)
    # a readable summary page: PDF, then PNG when pdftoppm is there
    subprocess.run([_soffice(), "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(path)], check=True, capture_output=True, timeout=180)
    pdf = outdir / (path.stem + ".pdf")
    assert pdf.stat().st_size > 5000
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(outdir / "page")], check=True, timeout=120)
        pngs = list(outdir.glob("page*.png"))
        assert pngs and pngs[0].stat().st_size > 2000


def test_charts_tell_the_truth(tmp_path):
    """The sector chart stacks the electricity families only (direct CO2 beside it, not on top),
    shows the net total as a marker, and puts the country names under the axis; trend lines are
    straight with a marker per year."""
    import zipfile

    out = tmp_path / "r.xlsx"
    r = runner.invoke(app, ["report", "--out", str(out), "--year", "2026"])
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile(out) as z:
        charts = {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")}
    charts = {n: x.replace("<c:", "<").replace("</c:", "</") for n, x in charts.items()}  # with or without the c: prefix
    sector = [x for x in charts.values() if "<barChart>" in x and "<lineChart>" in x]
    assert len(sector) == 10  # one per sector: a stacked bar with the net total as a line chart of markers
    for xml in sector:
        assert 'tickLblPos val="low"' in xml and 'symbol val="diamond"' in xml
        # the net marker dark, fill and edge (the default white one vanished on the pale bars)
        marker = xml[xml.index('symbol val="diamond"'):xml.index("</marker>", xml.index('symbol val="diamond"'))]
        assert marker.count('srgbClr val="1F1F1F"') == 2
    trend = [x for x in charts.values() if "<lineChart>" in x and "<barChart>" not in x]
    assert trend and all('smooth val="0"' in x and 'symbol val="circle"' in x for x in trend)
    # a one-line title and a legend of country codes, so the plot keeps its height at 5.5 cm
    assert all("(€/MWh)</a:t>" not in x and "<v>DE</v>" in x and "<v>BE (Vl.)</v>" in x for x in trend)
    assert openpyxl.load_workbook(out)["Trend"]["A1"].value is None  # column A repeats on each page: no title to cut
    wb = openpyxl.load_workbook(out)
    ws = wb["chemie"]
    labels = [ws.cell(row=i, column=2).value for i in range(1, ws.max_row + 1)]
    start = labels.index(next(v for v in labels if v and str(v).startswith(("Kosten per", "Cost per")))) if any(v and str(v).startswith(("Kosten per", "Cost per")) for v in labels) else None
    assert "Netto (elektriciteit)" in labels
    assert start is None or "Directe CO2-kosten" not in labels[start:]


def test_a_parameter_is_described_in_the_workbook_language():
    # the Parameters sheet and the input workbook describe a parameter by the labels of the rules it
    # sits in: our own Dutch names (label_en) read in English under --lang en, a publisher's name as written
    from speelveld.config.load import default_config_dir
    from speelveld.report.inputs_xlsx import describe

    cfg = load_year(default_config_dir(), 2026)
    cop = cfg.params["eu.technologies.heat-pump.cop"]
    assert describe(cfg, cop, "nl") == "hogetemperatuurwarmtepomp (tot 150 °C) › COP (warmte per eenheid stroom)"
    assert describe(cfg, cop, "en") == "high-temperature heat pump (up to 150 °C) › COP (heat per unit of power)"
    tax = next(p for path, p in cfg.params.items() if path.startswith("NL.taxes.levies.energiebelasting.") and path.endswith("rate_eur_per_mwh"))
    assert describe(cfg, tax, "en").startswith("Energiebelasting › ")  # the law's own name, as published
