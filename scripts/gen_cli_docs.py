"""Regenerate the generated blocks of README.md: the command reference (from the CLI
definitions) and the cost model in plain words (from speelveld/report/method.py, the text the
workbook's Methode sheet uses too)."""

from pathlib import Path

from speelveld.cli import app
from speelveld.clidoc import cli_reference_markdown, replace_block
from speelveld.report import method

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    text = replace_block(text, cli_reference_markdown(app))
    start, end = text.index(method.START), text.index(method.END) + len(method.END)
    text = text[:start] + method.method_markdown("en") + text[end:]
    README.write_text(text, encoding="utf-8")
    print(f"updated {README.name}")


if __name__ == "__main__":
    main()
