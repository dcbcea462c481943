"""The README's command reference is generated from the CLI and covers every command."""

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.clidoc import END, START, cli_reference_markdown, command_names

README = Path(__file__).resolve().parents[2] / "README.md"
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
        r = runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert r.exit_code == 0, r.output
        section = block.split(f"### `speelveld {name}`")[1].split("### ")[0]
        for option in set(re.findall(r"(--[a-z][a-z-]+)", r.output)) - {"--help"}:
            assert f"`{option}" in section or f"/ {option}" in section, f"{name}: {option} missing from README"


def _readme_commands() -> list[list[str]]:
    """Every `speelveld ...` line of the README's shell blocks (continuations joined), as argv."""
    import shlex

    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split(" # ")[0].split("  #")[0].strip()
            if line.startswith("speelveld "):
                commands.append(shlex.split(line)[1:])
    return commands


def _set_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Paths for `--set`")[1].split("## ")[0]
    blocks = re.findall(r"```\n(.*?)```", section, flags=re.S)  # the paths, then the additions to a list
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def _readme_runs() -> list[list[list[str]]]:
    """The README's commands as independent runs (one test each, so they run in parallel); from
    `new-year` on they build on each other (the new year, then its workbook) and run as one."""
    commands = _readme_commands()
    chain = next((i for i, argv in enumerate(commands) if argv[0] == "new-year"), len(commands))
    return [[argv] for argv in commands[:chain]] + ([commands[chain:]] if commands[chain:] else [])


def test_the_readme_has_its_examples():
    assert len(_readme_commands()) >= 15
    assert set(README_SAYS) <= {" ".join(argv) for argv in _readme_commands()}  # each check meets its command
    assert any(argv[0] == "new-year" for argv in _readme_commands())


@pytest.mark.parametrize("run", _readme_runs(), ids=lambda run: " ".join(run[0])[:60])
def test_every_readme_command_runs(run, tmp_path, monkeypatch):
    """The README's examples are tested examples: each runs and exits 0, writing its files into a
    scratch folder; the chain that writes configs (`new-year`, `inputs import`) runs on a copy of
    the shipped configs so that it cannot change the repository."""
    import shutil

    import speelveld.config.load as load

    monkeypatch.chdir(tmp_path)
    if len(run) > 1 or run[0][0] in ("new-year", "inputs"):
        copy = tmp_path / "configs"
        shutil.copytree(load.default_config_dir(), copy)
        monkeypatch.setattr(load, "default_config_dir", lambda: copy)
    for argv in run:
        r = runner.invoke(app, argv)
        assert r.exit_code == 0, (argv, r.output[-2000:])
        words = " ".join(r.output.replace("│", " ").split())
        for fragment in README_SAYS.get(" ".join(argv), ()):
            assert fragment in words, (argv, fragment)


# What some README commands must print, not only that they run (the 2026 shipped configs): the
# chemie totals NL 95.03 and DE 71.16 €/MWh and the gap 23.87 with its band 15.34–42.26; the
# envelope's headroom in 2029, 792 M€; the money that closes the chemie gap to Germany, 229 M€/yr
README_SAYS = {
    "compare --sector chemie": ["Elektriciteit totaal 95,03 71,16", "Verschil NL − land, elektriciteit – 23,87", "15,34–42,26"],
    "opties --years 2029 --mix": ["1.000 792"],
    "trend --sector chemie": ["DE verschil 6,55 19,24 23,87"],
    "close-gap --year 2026": ["chemie * DE 23,87 15,34–42,26 9.595 229"],
    "diff --year 2025 --vs 2026 --sector chemie": ["chemie — DE: 19,24 → 23,87 €/MWh (+4,63)"],
}


def test_every_set_path_example_is_a_real_path():
    examples = _set_examples()
    assert len(examples) >= 5
    for example in examples:
        r = runner.invoke(app, ["compare", "--sector", "chemie", "--format", "json", "--set", example])
        assert r.exit_code == 0, (example, r.output[-1000:])


def test_readme_cost_model_is_the_method_text():
    """The README's cost model and the workbook's Methode sheet come from one text."""
    from speelveld.report import method

    text = README.read_text(encoding="utf-8")
    block = text[text.index(method.START) : text.index(method.END) + len(method.END)]
    assert block == method.method_markdown("en"), "README cost model is stale: run `python scripts/gen_cli_docs.py`"
    # the Dutch text has the same structure, block for block
    assert [k for k, _ in method.METHOD["nl"]] == [k for k, _ in method.METHOD["en"]]


def test_readme_python_example_runs():
    """The README's notebook example runs as written."""
    text = README.read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", text.split("## From Python (notebooks)")[1], flags=re.S)[:1]
    namespace: dict = {}
    exec(compile(block, "README", "exec"), namespace)  # noqa: S102 - our own documentation
    assert namespace["result"].totals.height == 4


def test_the_readme_explain_example_is_what_explain_prints():
    # the example under "Explaining the numbers", line for line, as the Dutch default prints it
    text = README.read_text(encoding="utf-8")
    block = text[text.index("## Explaining the numbers"):]
    block = block[block.index("```\n") + 4: block.index("\n```", block.index("```\n") + 4)]
    r = CliRunner().invoke(app, ["explain", "--sector", "chemie", "--country", "DE", "--line", "network.capacity", "--year", "2026"])
    assert r.exit_code == 0, r.output
    printed = " ".join(r.output.split())  # the terminal wraps at 80 columns; the words are the same
    for line in block.splitlines():
        assert " ".join(line.split()) in printed, line
