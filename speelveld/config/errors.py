"""Validation errors worded for a person: file:line, the field as written, and what is wrong."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from speelveld.config.model import (
    all_field_names,
)
from speelveld.config.yamlload import LineMap
from speelveld.hints import did_you_mean
from speelveld.message_catalogue import from_library
from speelveld.said import Text, said

# ------------------------------------------------------------------ validation errors


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-member tags from an error location."""
    out = []
    for part in loc:
        if isinstance(part, str) and (
            part in ("float", "SourcedValue", "int", "str", "list[str]", "bool", "[key]")
            or part.startswith(("function-", "literal[", "list[", "dict[", "constrained-"))
        ):
            continue
        out.append(part)
    return tuple(out)


def _via_sourced(err: dict) -> bool:
    """Did this error come from the {value, source, ...} member of a number's union?"""
    return any(isinstance(p, str) and "SourcedValue" in p for p in err["loc"])


def loc_text(root: Any, loc: tuple) -> str:
    """A location as a path a user can find and pass to --set: list items by their ``id``
    (``taxes.levies.kwkg.rate_eur_per_mwh``), by index only when they have none (bands, tiers)."""
    parts, node = [], root
    for part in loc:
        if isinstance(part, int):
            item = None
            if isinstance(node, list | tuple) and 0 <= part < len(node):
                item = node[part]
            elif isinstance(node, BaseModel):
                item = None
            item_id = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
            good_id = isinstance(item_id, str) and re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", item_id)
            parts.append(item_id if good_id else str(part))
            node = item
            continue
        parts.append(str(part))
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, BaseModel):
            node = getattr(node, str(part), None)
        else:
            node = None
    return ".".join(parts)


def _format_validation(exc: ValidationError, lines: LineMap, origin: dict[tuple, str], doc: Any = None) -> list[str]:
    by_loc: dict[tuple, list[dict]] = {}
    errors = exc.errors(include_url=False)
    # A mapping written for a number fails both union members; when the mapping member says
    # what is wrong deeper inside (e.g. an unknown quality), the "not a number" error on the
    # field itself is noise.
    deeper = {_clean_loc(e["loc"])[:-1] for e in errors if _via_sourced(e) and len(_clean_loc(e["loc"])) > 0}
    for err in errors:
        loc = _clean_loc(err["loc"])
        if err["type"] == "float_type" and isinstance(err.get("input"), dict) and loc in deeper:
            continue
        by_loc.setdefault(loc, []).append(err)
    known = all_field_names()
    problems = []
    for loc, errs in by_loc.items():
        err = _pick_error(errs)
        field_name = loc_text(doc, loc) or said("whole_file")
        message = _message(err, known)
        where = _origin_of(origin, loc)
        if where:
            problems.append(f"{where}: " + field_name + ": " + message)
        else:
            problems.append(f"{lines.file}:{lines.line_of(loc)}: " + field_name + ": " + message)
    return problems


def _origin_of(origins: dict[tuple, str], loc: tuple) -> str | None:
    """The override that set ``loc`` or one of its ancestors, if any."""
    loc = tuple(loc)
    while loc:
        if loc in origins:
            return origins[loc]
        loc = loc[:-1]
    return None


def _pick_error(errs: list[dict]) -> dict:
    # A dict written where a number is expected fails both union members; the SourcedValue
    # error says what is wrong inside the mapping, so prefer it. For scalars prefer the float one.
    if len(errs) == 1:
        return errs[0]
    for err in errs:
        if _via_sourced(err) and isinstance(err.get("input"), dict | type(None)):
            if err["type"] != "model_type":
                return err
    for err in errs:
        if err["type"] in ("float_parsing", "float_type", "finite_number"):
            return {**err, "type": "number_union"}
    return errs[0]


def _message(err: dict, known: set[str]) -> str:
    if err["type"] == "extra_forbidden":
        key = str(err["loc"][-1])
        name, colon, rest = key.partition(":")
        if colon and name in known:  # {value:95}: without a space YAML reads one name, not a field and its value
            return said("unknown_field_yaml_reads", key=key, field=name, value=rest)
        return said("unknown_field", hint=did_you_mean(key, sorted(known), cutoff=0.6))
    if err["type"] == "missing":
        return said("required_field_missing")
    if err["type"] == "number_union":
        return said("expected_number_mapping_value", kind=_kind(err.get('input')))
    if err["type"] in ("model_type", "model_attributes_type", "dict_type"):
        return said("expected_mapping_field_value", kind=_kind(err.get('input')))
    if err["type"] == "list_type":
        return said("expected_list_got", kind=_kind(err.get('input')))
    if err["type"] in ("float_type", "float_parsing"):
        return said("expected_number_got", kind=_kind(err.get('input')))
    if err["type"] in ("int_type", "int_parsing", "int_from_float"):
        return said("expected_whole_number_got", kind=_kind(err.get('input')))
    if err["type"] in ("bool_type", "bool_parsing"):
        return said("expected_true_false_got", kind=_kind(err.get('input')))
    if err["type"] in ("string_type",):
        return said("expected_text_got", kind=_kind(err.get('input')))
    raised = (err.get("ctx") or {}).get("error")
    if isinstance(raised, Exception) and raised.args and isinstance(raised.args[0], Text):
        return raised.args[0]  # a validator's own keyed message, not pydantic's English copy of it
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    elif msg.startswith("Input should be ") and "input" in err:
        options = msg[len("Input should be ") :]
        head, sep, last = options.rpartition(" or ")  # pydantic's own list: 'a', 'b' or 'c'
        msg = said("should_not", options=said("or_last", head=head, last=last) if sep else options, kind=_kind(err["input"]))
    elif (m := re.fullmatch(r"String should match pattern '(.*)'", msg)) and "input" in err:
        msg = said("lib_string_should_match_pattern_got", pattern=m[1], kind=_kind(err["input"]))
    return from_library(msg)


def _kind(value: Any) -> str:
    if value is None:
        return said("kind_null")
    if isinstance(value, bool):
        return said("kind_yes_no", value="true" if value else "false")
    if isinstance(value, dict):
        return said("kind_mapping")
    if isinstance(value, list):
        return said("kind_list")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return said("kind_text", text=repr(shown))
    shown = repr(value)
    return shown if len(shown) <= 40 else f"{shown[:20]}...({len(shown)} characters)"
