"""The README's command reference is generated from the CLI and covers every command."""

import re
from pathlib import Path

from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.clidoc import END, START, cli_reference_markdown, command_names

README = Path(__file__).resolve().parent.parent / "README.md"
runner = CliRunner()


def _block() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index(START) : text.index(END) + len(END)]


def test_readme_reference_is_current():
    assert _block() == cli_reference_markdown(app), "README command reference is stale: run `python scripts/gen_cli_docs.py`"


def test_every_command_is_in_the_readme():
    block = _block()
    names = command_names(app)
    assert {"compare", "explain", "sources", "diff", "validate", "report", "toets", "sweep", "list"} <= set(names)
    for name in names:
        assert f"### `speelveld {name}`" in block, name


def test_every_option_of_help_is_in_the_readme():
    """Cross-check against `--help` itself: every long option it prints is documented."""
    block = _block()
    for name in command_names(app):
        r = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert r.exit_code == 0, r.output
        section = block.split(f"### `speelveld {name}`")[1].split("### ")[0]
        for option in set(re.findall(r"(--[a-z][a-z-]+)", r.output)) - {"--help"}:
            assert f"`{option}" in section or f"/ {option}" in section, f"{name}: {option} missing from README"
