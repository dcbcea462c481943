"""Changing numbers in config files in place, keeping everything else as the editor wrote it.

The loader (``load.py``) reads configs; this module writes them, for `speelveld new-year` and
`speelveld inputs import`. It uses ruamel.yaml's round-trip mode, which keeps comments, key order,
quoting and folded notes. A file whose unchanged round trip is not byte-identical (a layout
ruamel would rewrite) is refused rather than reformatted: a colleague's careful layout is never
lost to an edit of one number.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from speelveld.config.yamlload import ConfigError
from speelveld.said import place, said


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line
    y.indent(mapping=2, sequence=4, offset=2)  # the shipped layout: "- id:" two spaces in
    # ruamel writes a null in a block mapping as nothing ("value:"); the configs write "null"
    y.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


def dump_text(doc: Any) -> str:
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    return buf.getvalue()


_OPENED: dict[tuple[str, str], Any] = {}  # (file, text) -> its parsed and checked document


@dataclass
class EditableFile:
    """One config file opened for editing."""

    path: Path
    text: str
    doc: Any

    @classmethod
    def open(cls, path: Path) -> EditableFile:
        text = path.read_text(encoding="utf-8")
        # a projection opens each base-year file once per year it builds: the text parsed and
        # checked once is copied after (a copy costs a tenth of a parse, and of the check's dump)
        key = (str(path.resolve()), text)
        if key not in _OPENED:
            if len(_OPENED) > 64:
                _OPENED.clear()
            _OPENED[key] = cls._parsed(path, text)
        return cls(path, text, copy.deepcopy(_OPENED[key]))

    @staticmethod
    def _parsed(path: Path, text: str) -> Any:
        try:
            doc = _yaml().load(text)
        except Exception as exc:  # ruamel's own errors: the loader words them better; point there
            raise ConfigError([place(f'{path}:1', "file") + said("cannot_opened_editing_run", why=' '.join(str(exc).split())[:160])]) from None
        if dump_text(doc) != text:
            raise ConfigError([
                place(f'{path}:1', "file") + said("layout_cannot_kept_editor")
            ])
        return doc

    def rendered(self) -> str:
        return dump_text(self.doc)

    @property
    def changed(self) -> bool:
        return self.rendered() != self.text


def container_at(doc: Any, loc: tuple) -> tuple[Any, Any]:
    """The mapping or list holding the item at ``loc``, and its key or index."""
    node = doc
    for key in loc[:-1]:
        node = node[key]
    return node, loc[-1]


def _clean(number: float | None) -> float | int | None:
    """A whole number is written without '.0' (95, not 95.0), as an editor would type it."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() and abs(number) < 1e15 else float(number)


def set_number(
    doc: Any,
    loc: tuple,
    *,
    value: float | None,
    low: float | None,
    high: float | None,
    quality: str | None,
    source: str | None,
    note: str | None,
) -> None:
    """Write one number and its provenance at ``loc`` (values in the unit the file writes).

    ``quality``, ``source`` and ``note`` given as None are left as they are (a plain number keeps
    inheriting them from its block); given, they are written on the number itself. A plain number
    that gains provenance, bounds or a null becomes a flow mapping ``{value: …, …}`` in its place."""
    holder, key = container_at(doc, loc)
    current = holder[key]
    if isinstance(current, CommentedMap):
        _update_mapping(current, value=value, low=low, high=high, quality=quality, source=source, note=note)
        return
    plain = value is not None and low is None and high is None and quality is None and source is None and note is None
    if plain:
        holder[key] = _clean(value)
        return
    mapping = CommentedMap()
    _update_mapping(mapping, value=value, low=low, high=high, quality=quality, source=source, note=note)
    mapping.fa.set_flow_style()
    holder[key] = mapping


def _update_mapping(m: CommentedMap, **fields) -> None:
    m["value"] = _clean(fields["value"])
    for name, after in (("low", "value"), ("high", "low")):
        if fields[name] is None:
            m.pop(name, None)
        else:
            _put(m, name, _clean(fields[name]), after=after if after in m else "value")
    for name in ("source", "quality", "note"):
        if fields[name] is not None:
            _put(m, name, fields[name], after=None)


def _put(m: CommentedMap, key: str, value: Any, after: str | None) -> None:
    """Set ``key``; a new key goes after ``after`` (bounds right after the value) or at the end."""
    if key in m:
        m[key] = value
        return
    if after is not None and after in m:
        m.insert(list(m.keys()).index(after) + 1, key, value)
    else:
        m[key] = value
