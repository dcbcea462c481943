"""Safe YAML loading that keeps line numbers and rejects what YAML would silently accept.

PyYAML's SafeLoader already refuses tags that construct Python objects; on top of that we
reject duplicate keys (YAML keeps the last one, which hides typos) and tabs in indentation,
and we remember the line of every mapping key and sequence item so that validation errors
can point at the line a civil servant has to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_CONFIG_BYTES = 2_000_000  # the largest real config is a few kB; a huge file is a mistake


class ConfigError(Exception):
    """One or more problems in the user's input, each already formatted as file:line: field: message."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class LineMap:
    """Line numbers (1-based) of keys and items, by path tuple inside one document."""

    file: str
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int | None:
        # Fall back to the nearest ancestor that has a line: an error on a missing field is
        # best reported at the mapping that lacks it.
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first at line {seen[key]})", key_node.start_mark
            )
        seen[key] = line
    return loader.construct_mapping(node, deep=True)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# YAML 1.1 (PyYAML) reads 1e9 and 1.0e9 as text; YAML 1.2, and so every editor, reads a number.
# Resolve them as numbers too, so a figure means the same in the editor and in the tool.
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)


def _collect_lines(node: yaml.Node, path: tuple, out: dict[tuple, int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1
            _collect_lines(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[path + (i,)] = item.start_mark.line + 1
            _collect_lines(item, path + (i,), out)


def load_yaml(path: Path) -> tuple[Any, LineMap]:
    """Parse one YAML file safely; raise ConfigError with file:line on any problem."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ConfigError([f"{name}:1: file: cannot read ({exc.strerror})"]) from None
    if size > MAX_CONFIG_BYTES:
        raise ConfigError(
            [f"{name}:1: file: {size:,} bytes is larger than the {MAX_CONFIG_BYTES:,}-byte limit for a config file"]
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{name}:1: file: not UTF-8 text ({exc.reason})"]) from None
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise ConfigError([f"{name}:{lineno}: indentation: tab character; YAML indents with spaces"])
    try:
        node = yaml.compose(text, Loader=_LineLoader)
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or str(exc)
        kind = "tag" if "tag" in problem else "syntax"
        raise ConfigError([f"{name}:{line}: {kind}: {problem.strip()}"]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error we know is marked
        raise ConfigError([f"{name}:1: syntax: {exc}"]) from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return data, LineMap(name, lines)
