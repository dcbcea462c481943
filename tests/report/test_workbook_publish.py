"""The annual workbook is fit to annex to a letter to parliament: checked on the shipped 2026 configs,
in the workbook itself and in LibreOffice's PDF export."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from speelveld.config.load import default_config_dir, load_year
from speelveld.core.compute import compare
from speelveld.report.excel import write_workbook
from speelveld.report.method import METHOD, plain
from speelveld.report.output import manifest

SECTORS = ["chemie", "glas", "holglas", "keramiek", "kunstmest", "non-ferro", "papier", "raffinage", "staal", "voeding"]


def workbook(tmp_path, scenario=None, lang="nl"):
    cfg = load_year(default_config_dir(), 2026, [], scenario=scenario)
    result = compare(cfg, SECTORS, ["DE", "BE", "FR"], reference="NL")
    path = tmp_path / f"toets-{scenario or 'basis'}-{lang}.xlsx"
    write_workbook(path, result, cfg, manifest(cfg, "speelveld report"), lang)
    return path, result


def test_method_sheet_is_the_readme_text_with_legend_and_data_status(tmp_path):
    path, _ = workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["Samenvatting", "Methode"]
    texts = [c.value for c in wb["Methode"]["A"] if c.value]
    assert texts[0] == plain(METHOD["nl"][0][1])
    assert all(any(plain(text) in t for t in texts) for _, text in METHOD["nl"])
    assert any(t.startswith("?  onbekend:") for t in texts)
    assert any(t.startswith("NL: ") and "onbekend" in t for t in texts) and any(t.startswith("DE: ") for t in texts)
    en = openpyxl.load_workbook(workbook(tmp_path, lang="en")[0])
    assert "Method" in en.sheetnames and en["Method"]["A1"].value == "The cost model in plain words"


def test_compensation_row_label_is_neutral_where_countries_differ(tmp_path):
    path, result = workbook(tmp_path)
    ws = openpyxl.load_workbook(path)["chemie"]
    labels = [ws.cell(row=r, column=2).value for r in range(5, ws.max_row + 1)]
    assert "Compensatie indirecte emissiekosten (ETS)" in labels
    assert not any(lb and "niet in aanmerking" in lb for lb in labels)


def test_stacked_chart_by_family(tmp_path):
    path, _ = workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    charts = wb["Grafieken"]._charts
    assert len(charts) == len(SECTORS)  # one per sector, on a sheet of charts printed two to a page
    for chart in charts:
        assert chart.grouping == "stacked" and len(chart.series) <= 6


def test_scenario_workbook_names_the_scenario(tmp_path):
    path, _ = workbook(tmp_path, scenario="co2-heffing-wettelijk")
    wb = openpyxl.load_workbook(path)
    assert "co2-heffing-wettelijk" in wb["Samenvatting"]["A1"].value
    assert all("co2-heffing-wettelijk" in ws.oddHeader.center.text for ws in wb.worksheets)
    run = [c.value for row in wb["Run"].iter_rows() for c in row]
    assert "None" not in run and "co2-heffing-wettelijk" in run


def test_print_setup(tmp_path):
    path, _ = workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert ws.oddFooter.center.text == "&P / &N", ws.title  # numbered pages
        assert ws.oddHeader.center.text == "Speelveldtoets 2026", ws.title
    for ws in wb.worksheets:
        # a fixed scale, never fit-to-page (which shrank wide sheets to 4 pt)
        assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale == 85, ws.title
    for name in [*SECTORS, "Parameters"]:
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows, name
    for name in SECTORS:
        # the labels repeat on the page of bands (up to R: 4 countries × low, high); the €/jr columns stay out of the print
        assert wb[name].print_title_cols == "$A:$B" and wb[name].print_area.endswith("$R$" + wb[name].print_area.rsplit("$", 1)[1])
    assert wb["Parameters"].print_area.startswith("'Parameters'!$A$1:$I$")


def _tools():
    return shutil.which("soffice"), shutil.which("pdftotext"), shutil.which("pdftoppm")


@pytest.mark.libreoffice
@pytest.mark.skipif(not all(_tools()) or not shutil.which("pdftohtml"), reason="LibreOffice and poppler-utils (pdftotext, pdftoppm, pdftohtml) are needed")
def test_pdf_export_prints_no_text_under_8_pt_and_keeps_each_sector_together(tmp_path):
    """The annual workbook printed by LibreOffice: no text under 8 pt on any page (word sizes from
    pdftohtml), the summary on page 1, each sector on four pages at most (lines and bands, two rows
    of pages), each chart whole on one page, and the page count the README states."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from print_check import pages as page_count
    from print_check import pdf_of, text_sizes
    from typer.testing import CliRunner

    from speelveld.cli import app

    soffice, pdftotext, pdftoppm = _tools()
    path = tmp_path / "speelveldtoets-2026.xlsx"  # the annual workbook, as the README prints it
    r = CliRunner().invoke(app, ["report", "--year", "2026", "--out", str(path)])
    assert r.exit_code == 0, r.output
    pdf = pdf_of(path, tmp_path)
    sizes = text_sizes(pdf)
    small = [(page, size, text) for page, size, text in sizes if size < 8]
    assert not small, small[:5]
    total = page_count(pdf)
    pages = [subprocess.run([pdftotext, "-f", str(i), "-l", str(i), "-layout", str(pdf), "-"], capture_output=True, text=True).stdout for i in range(1, total + 1)]
    # page 1: the summary, with the title carrying the year, and numbered pages
    assert "Speelveldtoets 2026: verschil NL − land" in pages[0] and f"1 / {total}" in pages[0]
    assert all("Speelveldtoets 2026" in p for p in pages)
    # each sector sheet starts on a page with its title and takes at most four pages
    starts = {}
    for sector in SECTORS:
        title = f"{load_year(default_config_dir(), 2026).sectors[sector].name} — 2026"
        starts[sector] = next(i for i, p in enumerate(pages) if title in p)
    order = sorted(starts.values())
    charts = next(i for i, p in enumerate(pages) if "Kosten per categorie en land per sector" in p)
    assert all(b - a <= 4 for a, b in zip(order, order[1:] + [charts], strict=True)), (starts, charts)
    # the charts: two to a page, each whole (as many titles on a page as legends ending in the net total)
    names = [load_year(default_config_dir(), 2026).sectors[sector].name for sector in SECTORS]
    seen = 0
    for p in pages[charts:charts + 5]:
        flat = " ".join(p.split())
        titles = sum(f"{name}: Kosten per categorie" in flat for name in names)
        assert titles <= 2 and flat.count("Netto (elektriciteit)") == titles, flat[:200]
        seen += titles
    assert seen == len(SECTORS)
    # the README states the page count this test measures
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert f"{total} pagina's" in readme or f"{total} pages" in readme, f"README: update the page count of the printed workbook to {total}"
    # page 1 and the chemie page render to images with content (bars and tables)
    for page in (1, starts["chemie"] + 1):
        subprocess.run([pdftoppm, "-png", "-r", "50", "-f", str(page), "-l", str(page), str(pdf), str(tmp_path / f"p{page}")], check=True, timeout=120)
        (png,) = list(tmp_path.glob(f"p{page}*.png"))
        assert png.stat().st_size > 10_000


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed")
def test_unknown_lines_recalculated_count_only_unknowns(tmp_path):
    """'Onbekende posten' recalculated by LibreOffice counts unknown lines, not empty (not
    applicable) cells: for chemie 2026 exactly the engine's count per country."""
    path, result = workbook(tmp_path)
    out = tmp_path / "lo"
    subprocess.run([shutil.which("soffice"), "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=240)
    ws = openpyxl.load_workbook(out / path.name, data_only=True)["chemie"]
    rows = {ws.cell(row=r, column=2).value: r for r in range(5, ws.max_row + 1)}
    totals = {r["country"]: r for r in result.totals.filter(result.totals["sector"] == "chemie").iter_rows(named=True)}
    counted = [ws.cell(row=rows["Onbekende posten"], column=3 + j).value for j in range(4)]
    assert counted == [totals[cc]["unknown_lines"] for cc in ("NL", "DE", "BE", "FR")]
    assert counted == [2, 1, 3, 0]  # DE: the super-cap share of the new ETS sectors
