"""Overrides (`--set PATH=VALUE`, scenario values) applied to the parsed documents before validation."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import yaml

from speelveld.config.model import (
    all_field_names,
)
from speelveld.config.yamlload import ConfigError, parse_value
from speelveld.hints import did_you_mean
from speelveld.said import said

# ------------------------------------------------------------------ overrides


@dataclass
class Override:
    """``PATH=VALUE`` from --set or a scenario file. ``origin`` names where it came from."""

    path: str
    value: Any
    origin: str

    @classmethod
    def parse(cls, text: str, origin: str = "--set") -> Override:
        if "=" not in text:
            raise ConfigError([f'{origin} {text}: ' + said("expected_path_value", example='DE.commodity.baseload_eur_per_mwh=95')])
        path, raw = text.split("=", 1)
        path = path.strip()
        if not path or any(not part for part in path.split(".")):
            raise ConfigError([f'{origin} {text}: ' + said("malformed_path", path=path)])
        try:
            value = parse_value(raw) if raw.strip() else None
        except (yaml.YAMLError, RecursionError):
            raise ConfigError([f'{origin} {text}: ' + said("cannot_read_value", value=raw)]) from None
        if value is None or isinstance(value, str) and not raw.strip():
            raise ConfigError([f'{origin} {text}: ' + said("missing_value_after")])
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError([f'{origin} {text}: ' + said("value_not_finite")])
        return cls(path, value, origin)


def override_note(ov: Override) -> str:
    """The note a value set by an override carries: where it came from, the path and the value
    (a structure written as YAML in one line, as a user would type it, not as Python prints it)."""
    return f"{ov.origin} {ov.path}={readable(ov.value)}"


def readable(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return yaml.safe_dump(_typed(value), default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6).strip()
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML writes it, not Python's False
    return str(_typed(value))


def _typed(value: Any) -> Any:
    """A whole number as the user typed it (50000000, not 50000000.0), inside structures too."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value


# The origin of a value moved along with another (one EUA price set, the others follow it).
MOVED_WITH = "moved with"


def origin_of_note(note: str) -> str:
    """The origin ('--set', a scenario's 'file:line: set', or 'moved with PATH') in an override_note."""
    return note.partition("=")[0].rpartition(" ")[0] or note


def path_of_note(note: str) -> str:
    """The parameter an override_note sets."""
    return note.partition("=")[0].rpartition(" ")[2]


def moved_with(origin: str) -> str | None:
    """The parameter a value was moved along with, when ``origin`` (of a note) says so."""
    return origin.removeprefix(MOVED_WITH + " ") if origin.startswith(MOVED_WITH + " ") else None


def parse_override(text: str, origin: str = "--set") -> Override:
    return Override.parse(text, origin)


def _split_root(path: str, docs: dict[str, Any], sector_names: list[str]) -> list[tuple[tuple[str, str], list[str]]]:
    """Map an override path to (document key, remaining segments), one per target document."""
    parts = path.split(".")
    head = parts[0]
    if head == "eu":
        return [(("eu", "eu"), parts[1:])]
    if head == "sector":
        return [(("sectors", name), parts[1:]) for name in sector_names]
    if head == "sectors" and len(parts) > 1:
        return [(("sectors", parts[1]), parts[2:])]
    if ("countries", head) in docs:
        return [(("countries", head), parts[1:])]
    roots = ["eu", "sector", "sectors.<name>"] + sorted(k[1] for k in docs if k[0] == "countries")
    extra = did_you_mean(head, roots)
    raise KeyError(said("unknown_root_path_starts", root=head, hint=extra, roots=', '.join(roots)))


def _navigate_set(doc: Any, segments: list[str], value: Any, origin_note: str) -> tuple:
    """Set doc[segments] = value and return the location set. Missing paths are errors: an
    override never invents structure."""
    node = doc
    trail: list[str] = []
    loc: list = []
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if last and seg.endswith("+"):
            return _append(node, seg[:-1], trail, loc, value)
        if isinstance(node, dict):
            if seg not in node:
                # A known but absent optional field may be set; an unknown name may not.
                if last and seg in all_field_names():
                    node[seg] = _as_sourced(None, value, origin_note)
                    return tuple(loc + [seg])
                if i == len(segments) - 2 and seg in all_field_names() and isinstance(value, dict):
                    node[seg] = []  # LIST.ID={...} on a known list the file leaves out: its first item
                    node = node[seg]
                    loc.append(seg)
                    trail.append(seg)
                    continue
                extra = did_you_mean(seg, list(node))
                raise KeyError(said("path_no_field_under", name=seg, under='.'.join(trail) or '(root)', hint=extra))
            if last:
                node[seg] = _as_sourced(node[seg], value, origin_note)
                return tuple(loc + [seg])
            node = node[seg]
            loc.append(seg)
        elif isinstance(node, list):
            index = _list_index(node, seg)
            if index is None and last and isinstance(value, dict) and not seg.isdigit():
                # `set` on a new id adds the item: the id is the path's last segment
                if str(value.get("id", seg)) != seg:
                    raise KeyError(said("item_s_id_differs", id=value['id'], seg=seg))
                node.append({"id": seg, **{k: v for k, v in value.items() if k != "id"}})
                return tuple(loc + [len(node) - 1])
            if index is None:
                ids = [str(x.get("id")) for x in node if isinstance(x, dict) and "id" in x]
                extra = did_you_mean(seg, ids)
                raise KeyError(said("path_no_item_in", item=seg, under='.'.join(trail), hint=extra))
            if last:
                node[index] = _as_sourced(node[index], value, origin_note)
                return tuple(loc + [index])
            node = node[index]
            loc.append(index)
        else:
            raise KeyError(said("path_is_a_value", path='.'.join(trail), name=seg))
        trail.append(seg)
    raise KeyError(said("empty_path"))


def _append(node: Any, name: str, trail: list[str], loc: list, value: Any) -> tuple:
    """``LIST+=ITEM``: add one item (a mapping with an id) or several to a list, e.g. a measure to
    ``NL.support`` without restating the list; an id already there is refused."""
    where = ".".join([*trail, name]) if name else ".".join(trail)
    if name:
        if not isinstance(node, dict) or name not in node:
            if isinstance(node, dict) and name in all_field_names():
                node[name] = []  # a known list the file leaves out starts empty
            else:
                raise KeyError(said("list_add", where=where))
        target, loc = node[name], [*loc, name]
    else:
        target = node
    if not isinstance(target, list):
        raise KeyError(said("not_list_adds_item", where=where))
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict) or "id" not in item:
            raise KeyError(said("adds_items_id", where=where, example='{id: my-measure, label: ...}'))
        if _list_index(target, str(item["id"])) is not None and not str(item["id"]).isdigit():
            raise KeyError(said("already_item_set_fields", where=where, id=item['id'], path=f"{where}.{item['id']}.FIELD=VALUE"))
        target.append(item)
    return tuple([*loc, len(target) - 1])


def _list_index(items: list, seg: str) -> int | None:
    for i, item in enumerate(items):
        if isinstance(item, dict) and str(item.get("id")) == seg:
            return i
    if seg.isdigit() and int(seg) < len(items):
        return int(seg)
    return None


def _as_sourced(old: Any, value: Any, origin_note: str) -> Any:
    """Numbers set by an override carry the override as their source; structure is replaced as is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value  # a {value, source, ...} mapping or a structure: as given
    # Like every --set value, a number is in the field's own unit, whatever unit the file wrote.
    return {"value": float(value), "source": "override", "quality": "estimate", "note": origin_note}


def apply_overrides(
    docs: dict[tuple[str, str], Any], overrides: list[Override], sector_names: list[str]
) -> dict[tuple[str, str], dict[tuple, str]]:
    """Apply overrides in order; return, per document, the locations each override set, so that
    a validation error there names the override instead of a file line."""
    problems = []
    origins: dict[tuple[str, str], dict[tuple, str]] = {}
    for ov in overrides:
        try:
            targets = _split_root(ov.path, docs, sector_names)
            for key, segments in targets:
                if key not in docs:  # only a sector can be named that has no file (sectors.NAME.…)
                    raise KeyError(said("unknown_sector_available", given=key[1], hint=did_you_mean(key[1], sector_names), available=', '.join(sector_names)))
                if not segments:
                    raise KeyError(said("path_names_whole_file"))
                loc = _navigate_set(docs[key], segments, ov.value, override_note(ov))
                origins.setdefault(key, {})[loc] = f"{ov.origin} {ov.path}"
        except KeyError as exc:
            problems.append(f"{ov.origin} {ov.path}: " + exc.args[0])
    if problems:
        raise ConfigError(problems)
    return origins
