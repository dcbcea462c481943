"""Edit cells of a workbook in LibreOffice itself (headless, through UNO) and save it as .xlsx,
as a civil servant would in Calc. Run with the system Python that has LibreOffice's `uno`
module (Debian package python3-uno), not the project's virtual environment:

    /usr/bin/python3 tests/lo_edit.py BOOK.xlsx OUT.xlsx SHEET!A1=VALUE ...

A VALUE that parses as a number is entered as a number, anything else as text.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # noqa: E402  (LibreOffice's own module)
from com.sun.star.beans import PropertyValue  # noqa: E402


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main() -> None:
    source, target, *edits = sys.argv[1:]
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    pipe = f"speelveld{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(Path(source).resolve())), "_blank", 0, (prop("Hidden", True),))
        for edit in edits:
            where, value = edit.split("=", 1)
            sheet_name, cell_name = where.split("!")
            cell = doc.Sheets.getByName(sheet_name).getCellRangeByName(cell_name)
            try:
                cell.setValue(float(value))
            except ValueError:
                cell.setString(value)
        doc.storeToURL(uno.systemPathToFileUrl(str(Path(target).resolve())), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
