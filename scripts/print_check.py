"""Print the annual workbook to PDF with LibreOffice and measure it: pages, the smallest text on
any page (pt), and per sheet the pages it takes. The README's page count comes from this script.

    python scripts/print_check.py [workbook.xlsx]   # default: `speelveld report --year 2026` into a temp dir

Needs LibreOffice (soffice) and poppler-utils (pdftohtml, pdfinfo)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def pdf_of(workbook: Path, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("error: LibreOffice (soffice) is not installed")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(workbook)], check=True, capture_output=True, timeout=300)
    return outdir / (workbook.stem + ".pdf")


def text_sizes(pdf: Path) -> list[tuple[int, float, str]]:
    """(page, font size in pt, text) of every piece of text, from pdftohtml's XML at zoom 2 (sizes in half points; other zooms do not scale them evenly)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-zoom", "2", "-i", "-q", "-stdout", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = {m.group(1): float(m.group(2)) / 2 for m in re.finditer(r'<fontspec id="(\d+)" size="([\d.]+)"', xml)}
    out = []
    for page in re.finditer(r'<page number="(\d+)".*?</page>', xml, re.S):
        for m in re.finditer(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', page.group(0), re.S):
            text = re.sub(r"<[^>]+>", "", m.group(2)).strip()
            if text:
                out.append((int(page.group(1)), fonts[m.group(1)], text))
    return out


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if len(sys.argv) > 1:
            book = Path(sys.argv[1]).resolve()
        else:
            book = tmpdir / "speelveldtoets-2026.xlsx"
            cli = Path(sys.executable).parent / "speelveld"
            subprocess.run([str(cli) if cli.exists() else "speelveld", "report", "--year", "2026", "--out", str(book)], check=True, capture_output=True)
        pdf = pdf_of(book, tmpdir)
        sizes = text_sizes(pdf)
        smallest = min(sizes, key=lambda s: s[1])
        print(f"pages: {pages(pdf)}")
        print(f"smallest text: {smallest[1]:g} pt (page {smallest[0]}: {smallest[2][:40]!r})")


if __name__ == "__main__":
    main()
