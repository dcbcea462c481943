"""A message as data: what the loader, the option parsers and the engine say is a catalogue key
with fields (`said("unknown_field", hint=...)`), rendered once per language from
speelveld.message_catalogue when it is printed.

A `Text` is a `str` that reads in English, so the API, the logs and `str(exc)` keep working and a
test can look for an English phrase. It remembers its parts: text as written (a file, a line, a
path, a value the user typed) and keyed messages with their fields. Joining with `+` keeps the
parts (`f"{file}:{line}: " + said(...)`); an f-string or `str.format` would flatten it to English,
so a place is put in front with `+`.
"""

from __future__ import annotations

from typing import Any


class _Said:
    """One keyed message and its fields (a field may itself be a Text, worded in the same language)."""

    __slots__ = ("key", "fields")

    def __init__(self, key: str, fields: dict[str, Any]):
        self.key = key
        self.fields = fields

    def __eq__(self, other):
        return isinstance(other, _Said) and (self.key, self.fields) == (other.key, other.fields)

    def __hash__(self):
        return hash(self.key)

    def __reduce__(self):
        return (_Said, (self.key, self.fields))


class Text(str):
    """Text as written and keyed messages, in order; as a str, the English."""

    parts: tuple

    def __new__(cls, parts: tuple):
        parts = _merged(parts)
        obj = super().__new__(cls, "".join(_render(p, "en") for p in parts))
        obj.parts = parts
        return obj

    def __reduce__(self):
        return (Text, (self.parts,))

    def __add__(self, other):
        if isinstance(other, str):
            return Text(self.parts + _parts_of(other))
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, str):
            return Text(_parts_of(other) + self.parts)
        return NotImplemented

    def in_language(self, lang: str) -> str:
        return "".join(_render(p, lang) for p in self.parts)

    def replace(self, old, new, count=-1):  # a staging folder replaced by the real one keeps the keys
        return Text(tuple(_replaced(p, old, new) for p in self.parts))

    def tail(self, start: int) -> Text:
        """The text after its first ``start`` characters, which are text as written (a place in
        front of a message); keyed parts after them are kept."""
        parts, n = list(self.parts), start
        while n and parts and isinstance(parts[0], str):
            head = parts.pop(0)
            if len(head) > n:
                parts.insert(0, head[n:])
                n = 0
            else:
                n -= len(head)
        if n:
            raise ValueError("only a place written as text can be cut from the front of a message")  # internal: a bug
        return Text(tuple(parts))

    @property
    def keys(self) -> list[str]:
        """The keys of the messages in this text, outermost first (for tests and logs)."""
        return [p.key for p in self.parts if isinstance(p, _Said)]


def said(key: str, /, **fields: Any) -> Text:
    """The message ``key`` of the catalogue with its fields, as a Text."""
    from speelveld.message_catalogue import ALL_MESSAGES

    if key not in ALL_MESSAGES:
        raise KeyError(f"message key {key!r} is not in report/messages.MESSAGES")  # internal: a bug, not the user's input
    return Text((_Said(key, fields),))


def place(where: str, what: str) -> Text:
    """``where: what: `` for a problem that has no field of its own: the file, its structure or
    syntax (``what`` is one of the loader's place words: file, structure, syntax, indentation, tag)."""
    return where + ": " + said("place_" + what) + ": "


def either(options: list[str]) -> str:
    """'a', 'a or b', 'a, b or c' in the language the message is printed in."""
    options = [str(o) for o in options]
    if len(options) < 2:
        return "".join(options)
    return said("or_last", head=", ".join(options[:-1]), last=options[-1])


def said_of(exc: BaseException) -> str:
    """What an exception says, keeping a Text it was raised with (``str(exc)`` would be English)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)


def text_in(lang: str, text: Any) -> str:
    """Any message in ``lang``: a Text by its keys, plain text as written."""
    if isinstance(text, Text):
        return text.in_language(lang)
    return str(text)


def tail(text: str, start: int) -> str:
    """``text[start:]``, keeping a Text's keys (see Text.tail)."""
    return text.tail(start) if isinstance(text, Text) else text[start:]


def one_line(text: str) -> str:
    """A key or value copied from a file may hold a newline or another control character: show
    those escaped, in the text as written and in the fields."""
    if text.isprintable():
        return text
    if isinstance(text, Text):
        return Text(tuple(_escaped(p) for p in text.parts))
    return _escape(text)


def _escape(text: str) -> str:
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _escaped(part):
    if isinstance(part, _Said):
        return _Said(part.key, {k: one_line(v) if isinstance(v, str) else v for k, v in part.fields.items()})
    return _escape(part)


def _parts_of(text: str) -> tuple:
    return text.parts if isinstance(text, Text) else (str(text),) if text else ()


def _merged(parts: tuple) -> tuple:
    out: list = []
    for p in parts:
        if isinstance(p, Text):
            out.extend(p.parts)
        elif isinstance(p, str) and out and isinstance(out[-1], str):
            out[-1] += p
        elif p != "":
            out.append(p if isinstance(p, _Said) else str(p))
    return tuple(out)


def _replaced(part, old, new):
    if isinstance(part, _Said):
        return _Said(part.key, {k: v.replace(old, new) if isinstance(v, str) else v for k, v in part.fields.items()})
    return part.replace(old, new)


def _render(part, lang: str) -> str:
    if not isinstance(part, _Said):
        return part
    from speelveld.message_catalogue import ALL_MESSAGES, field_in

    english, dutch = ALL_MESSAGES[part.key]
    template = english if lang == "en" else dutch
    return template.format(**{k: field_in(lang, k, v) for k, v in part.fields.items()})

