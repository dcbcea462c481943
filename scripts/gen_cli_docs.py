"""Regenerate the command reference in README.md from the CLI definitions."""

from pathlib import Path

from speelveld.cli import app
from speelveld.clidoc import cli_reference_markdown, replace_block

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(replace_block(text, cli_reference_markdown(app)), encoding="utf-8")
    print(f"updated {README.name}")


if __name__ == "__main__":
    main()
