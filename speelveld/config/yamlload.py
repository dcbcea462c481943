"""Safe YAML loading that keeps line numbers and rejects what YAML would silently accept.

PyYAML's SafeLoader already refuses tags that construct Python objects; on top of that we
reject duplicate keys (YAML keeps the last one, which hides typos), tabs in indentation, any
explicit tag (a config holds plain text, numbers, dates, lists and mappings), non-text keys,
files above a size limit and structures that are absurdly deep or that expand, through aliases,
into absurdly many values (a "billion laughs" file). We remember the line of every mapping key
and sequence item so that validation errors can point at the line a civil servant has to fix.

Every problem is reported as one line ``file:line: field: message``.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from speelveld.message_catalogue import from_library
from speelveld.said import Text, one_line, place, said

MAX_CONFIG_BYTES = 2_000_000  # the largest real config is a few kB; a huge file is a mistake
MAX_NODES = 100_000  # values after expanding aliases; the largest real config has a few hundred
MAX_DEPTH = 64  # nesting; the deepest real config path has about ten levels

# The tags a config may use, all resolved implicitly from plain YAML (no ``!!tag`` needed).
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
}
_OPEN = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


class ConfigError(Exception):
    """One or more problems in the user's input, each already formatted as file:line: field: message."""

    def __init__(self, problems: list[str]):
        self.problems = [one_line(p) for p in problems]
        super().__init__("\n".join(self.problems))


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
    def construct_object(self, node, deep=False):
        # Some of PyYAML's constructors raise plain ValueError (e.g. the date 2030-02-30);
        # give every such failure the node's position so it becomes a one-line error.
        try:
            return super().construct_object(node, deep=deep)
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            what = "date" if node.tag.endswith(":timestamp") else "value"
            raise yaml.constructor.ConstructorError(
                None, None, said("date_cannot_be_read" if what == "date" else "value_cannot_be_read", value=getattr(node, "value", ""), why=exc), node.start_mark
            ) from None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False):
    # Duplicates are found (with their field path) while collecting lines; this is the backstop
    # for keys that differ in writing but not in value (1 and 1.0).
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # ``<<: *anchor`` merges a mapping in; construct_mapping handles it
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            duplicate = key in seen
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, said("key_must_plain_name"), key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None, None, said("duplicate_named_key", key=key, line=seen[key]), key_node.start_mark
            )
        seen[key] = line
    return loader.construct_mapping(node, deep=True)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# PyYAML follows YAML 1.1, where 1.0e9 and 1e6 (no sign after the e) are text, not numbers.
# Configs write budgets that way, so read them as YAML 1.2 does: as floats.
_FLOAT_12 = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$")
_LineLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_12, list("-+0123456789."))


def parse_value(text: str) -> Any:
    """One value as written on the command line (``--set PATH=VALUE``), read like a config value."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader derives from SafeLoader


_DATES = yaml.SafeLoader("")


class _Walk:
    """Collect the line of every key and item; find duplicate keys, odd keys, explicit tags,
    and stop at absurd depth or size (aliases can make a small file expand without bound)."""

    def __init__(self, name: str):
        self.name = name
        self.lines: dict[tuple, int] = {}
        self.problems: list[str] = []
        self.count = 0

    def problem(self, line: int, path: tuple, message: str) -> None:
        where = ".".join(str(p) for p in path) or said("whole_file")
        self.problems.append(f"{self.name}:{line}: " + where + ": " + message)

    def visit(self, node: yaml.Node, path: tuple) -> None:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise ConfigError(
                [place(f'{self.name}:{line}', "structure") + said("more_than_values_after", n=f'{MAX_NODES:,}')]
            )
        if len(path) > MAX_DEPTH:
            raise ConfigError([place(f'{self.name}:{line}', "structure") + said("nested_more_than_levels", n=MAX_DEPTH)])
        self.lines.setdefault(path, line)
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(line, path, said("tag_not_allowed_config", tag=tag))
            return
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":timestamp"):
            try:
                _DATES.construct_yaml_timestamp(node)
            except ValueError as exc:
                self.problem(line, path, said("not_date", value=node.value, why=exc))
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problem(key_line, path, said("key_must_plain_name"))
                    continue
                if key_node.tag not in _ALLOWED_TAGS:
                    tag = key_node.tag.replace("tag:yaml.org,2002:", "!!")
                    self.problem(key_line, path, said("tag_not_allowed_key", tag=tag))
                    continue
                key = key_node.value
                if key != "<<" or key_node.style is not None:
                    # Every key in a config is a name: read it as text, so that YAML 1.1 does
                    # not turn the key NO (Norway) or off into false, or 2030 into a number.
                    key_node.tag = "tag:yaml.org,2002:str"
                if key in seen and key != "<<":
                    self.problem(key_line, path + (key,), said("duplicate_key_first_line", line=seen[key]))
                    continue
                seen[key] = key_line
                self.lines[path + (key,)] = key_line
                self.visit(value_node, path + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.lines[path + (i,)] = item.start_mark.line + 1
                self.visit(item, path + (i,))


# libyaml (PyYAML's C parser) reads a config about ten times faster than the pure-Python one.
# It is the fast path; any problem is read again with the Python parser, whose messages the
# error corpus (fixtures/bad) pins.
_FAST = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # resolves plain scalars as _LineLoader does
        pass

    _FastLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_12, list("-+0123456789."))
    _FAST = _FastLoader


def _check_depth(text: str, name: str, loader=None) -> None:
    # PyYAML composes nested structures recursively: thousands of brackets end in a
    # RecursionError. The scanner is iterative, so measure the depth with it first.
    depth = 0
    for token in yaml.scan(text, Loader=loader or _LineLoader):
        if isinstance(token, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise ConfigError([place(f'{name}:{token.start_mark.line + 1}', "structure") + said("nested_more_than_levels", n=MAX_DEPTH)])
        elif isinstance(token, _CLOSE):
            depth -= 1


# Parsed files by path and content: a run reads the same files for the price year, the previous
# year's checks and a scenario's base; the test suite reads them hundreds of times. Keyed by the
# bytes themselves (not a modification time), so an edited file is always read again.
_CACHE: dict[tuple[str, bytes], tuple[Any, LineMap]] = {}


def load_yaml(path: Path) -> tuple[Any, LineMap]:
    """Parse one YAML file safely; raise ConfigError with file:line on any problem. The result
    is the caller's to change (a fresh copy on every call)."""
    key = None
    try:
        if path.stat().st_size <= MAX_CONFIG_BYTES:
            key = (str(path), hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    except OSError:
        key = None  # _load_yaml reports it
    if key is not None and key in _CACHE:
        data, lines = _CACHE[key]
        return copy.deepcopy(data), LineMap(lines.file, dict(lines.lines))
    data, lines = _load_yaml(path)
    if key is not None:
        if len(_CACHE) > 512:
            _CACHE.clear()
        _CACHE[key] = (copy.deepcopy(data), LineMap(lines.file, dict(lines.lines)))
    return data, lines


def _load_yaml(path: Path) -> tuple[Any, LineMap]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise ConfigError(
                [place(f'{name}:1', "file") + said("bytes_larger_than_byte", size=f'{size:,}', limit=f'{MAX_CONFIG_BYTES:,}')]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([place(f'{name}:1', "file") + said("cannot_read", why=exc.strerror or exc)]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            [place(f'{name}:{line}', "file") + said("not_utf_8_text", byte=f'0x{raw[exc.start]:02x}', why=exc.reason)]
        ) from None
    for lineno, line_text in enumerate(text.splitlines(), start=1):
        stripped = line_text.lstrip(" ")
        if stripped.startswith("\t"):
            raise ConfigError([place(f'{name}:{lineno}', "indentation") + said("tab_character_yaml_indents")])
    loader = None
    node = _fast_compose(text, name)
    try:
        if node is None:
            _check_depth(text, name)
            node = yaml.compose(text, Loader=_LineLoader)
        walk = _Walk(name)
        if node is not None:
            walk.visit(node, ())
        if walk.problems:
            raise ConfigError(walk.problems)
        loader = _LineLoader(text)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem if isinstance(exc.problem, Text) else " ".join((exc.problem or str(exc)).split())
        where = place(f"{name}:{line}", "tag") if "tag" in problem else place(f"{name}:{line}", "syntax")
        raise ConfigError([where + from_library(problem)]) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise ConfigError(
            [place(f'{name}:{line}', "file") + said("control_character_u_not", char=f'{char!r}', code=f'{ord(char):04X}')]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every other PyYAML error we know is marked
        raise ConfigError([place(f"{name}:1", "syntax") + from_library(" ".join(str(exc).split()))]) from None
    except RecursionError:  # pragma: no cover - _check_depth stops deep nesting first
        raise ConfigError([place(f'{name}:1', "structure") + said("nested_too_deeply")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, LineMap(name, walk.lines)


def _fast_compose(text: str, name: str):
    """The document's node tree from libyaml, or None to take the Python parser (no libyaml,
    an empty document, or any problem: the Python parser then reports it in its own words)."""
    if _FAST is None:
        return None
    try:
        _check_depth(text, name, _FAST)
        return yaml.compose(text, Loader=_FAST)
    except (yaml.YAMLError, ConfigError, RecursionError):
        return None
