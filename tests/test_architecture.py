"""The computation core stays pure: no printing, no file I/O, no CLI/report libraries."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "speelveld" / "core"
FORBIDDEN_MODULES = {"typer", "click", "rich", "openpyxl", "yaml", "speelveld.cli", "speelveld.report", "speelveld.config.load",
                     "speelveld.config.yamlload", "os", "shutil", "tempfile", "pathlib", "io", "sys"}
FORBIDDEN_CALLS = {"print", "open", "input"}


def test_core_modules_exist():
    assert len(list(CORE.rglob("*.py"))) >= 4


def test_core_has_no_io_or_ui_imports():
    problems = []
    for path in CORE.rglob("*.py"):  # the core's packages (core/lines/) too
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if any(name == m or name.startswith(m + ".") for m in FORBIDDEN_MODULES):
                    problems.append(f"{path.name}:{node.lineno}: imports {name}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                problems.append(f"{path.name}:{node.lineno}: calls {node.func.id}()")
            if isinstance(node, ast.Attribute) and node.attr in {"write_text", "write_bytes", "read_text", "write_parquet", "write_csv"}:
                problems.append(f"{path.name}:{node.lineno}: uses .{node.attr}")
    assert not problems, "\n".join(problems)


def test_the_config_layer_imports_no_report_or_cli():
    """config/ reads and edits the YAML; it writes files through speelveld.fileio, never through
    the report layer above it (an arrow up the layers)."""
    problems = []
    for path in (CORE.parent / "config").rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("speelveld.report", "speelveld.cli")):
                problems.append(f"{path.name}:{node.lineno}: imports {node.module}")
    assert not problems, "\n".join(problems)
