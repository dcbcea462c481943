"""Flattening validated models into sourced parameters, with their units, flags, lines and typed references."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from speelveld.config.checks import value_problem
from speelveld.config.errors import _origin_of, loc_text
from speelveld.config.model import (
    NEEDS_NOTE,
    Bound,
    Node,
    Quality,
    Source,
    SourcedValue,
    is_yearly,
)
from speelveld.config.resolved import Param
from speelveld.config.units import unit_of
from speelveld.config.yamlload import LineMap
from speelveld.hints import did_you_mean
from speelveld.said import said

# ------------------------------------------------------------------ flattening into params


_KNOWN_SOURCE_IDS_EXTRA = {
    "override": Source(title="Override on the command line or in a scenario", note="see the run's overrides"),
}


class _Flattener:
    def __init__(self, file: str, lines: LineMap, sources: dict[str, Source], origin: dict[tuple, str]):
        self.file = file
        self.lines = lines
        self.sources = {**_KNOWN_SOURCE_IDS_EXTRA, **sources}
        self.origin = origin
        self.params: dict[str, Param] = {}
        self.refs: dict[tuple, str] = {}  # (id(model), field[, key]) -> parameter path
        self.problems: list[str] = []
        self.block_note: str | None = None
        self.root: Any = None  # the model being walked, to name list items by id

    def where(self, loc: tuple) -> str:
        label = _origin_of(self.origin, loc)
        if label:
            return label
        return f"{self.file}:{self.lines.line_of(loc)}"

    def walk(self, model: BaseModel, prefix: str, loc: tuple, source: str | None, quality: Quality | None) -> None:
        saved_note = self.block_note
        if isinstance(model, Node):
            source = model.source or source
            if model.quality is not None:
                # a block that flags its numbers also carries their derivation: each number inherits it
                quality = model.quality
                self.block_note = model.note
                if model.quality in NEEDS_NOTE and not model.note:
                    self.problems.append(f"{self.where(loc + ('quality',))}: {loc_text(self.root, loc + ('quality',))}: " + said("block_flagged_needs_note", quality=model.quality.value))
            if model.source and model.source not in self.sources:
                self._unknown_source(model.source, loc + ("source",))
        for name in type(model).model_fields:
            value = getattr(model, name)
            if value is None or name in ("source", "quality", "note", "sources"):
                continue
            self.visit(value, name, f"{prefix}.{name}", loc + (name,), source, quality, unit_field=name, yearly=is_yearly(type(model), name), owner=(id(model), name))
        self.block_note = saved_note

    def visit(self, value, name, path, loc, source, quality, unit_field, yearly=False, owner=None):
        if isinstance(value, Bound):
            for op in ("min", "above", "max", "below"):
                v = getattr(value, op)
                if v is not None:
                    self.refs[(id(value), op)] = f"{path}.{op}"
                    self.number(v, f"{path}.{op}", loc + (op,), source, quality, unit_field)
        elif isinstance(value, BaseModel) and not isinstance(value, SourcedValue):
            self.walk(value, path, loc, source, quality)
        elif isinstance(value, SourcedValue) or (isinstance(value, float) and not isinstance(value, bool)):
            if name in ("from_mwh", "to_mwh"):
                return  # band edges are structure, checked by the band validator
            if owner is not None:
                self.refs[owner] = path
            self.number(value, path, loc, source, quality, unit_field, yearly)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                key = getattr(item, "id", None) if isinstance(item, BaseModel) else None
                self.visit(item, name, f"{path}.{key if key is not None else i}", loc + (i,), source, quality, unit_field, yearly)
        elif isinstance(value, dict):
            for k, item in value.items():
                key = None if owner is None else (*owner, k)
                self.visit(item, str(k), f"{path}.{k}", loc + (k,), source, quality, unit_field=str(k) if name != "process_shares_pct" else name, yearly=yearly, owner=key)

    def number(self, raw, path, loc, source, quality, unit_field, yearly=False):
        note = self.block_note
        written_unit = None
        factor = 1.0
        low = high = None
        if isinstance(raw, SourcedValue):
            value = raw.value
            low, high = raw.low, raw.high
            source = raw.source or source
            quality = raw.quality or (Quality.unknown if value is None else quality)
            note = raw.note or (self.block_note if raw.quality is None else None)
            written_unit = raw.unit
            if raw.source and raw.source not in self.sources:
                self._unknown_source(raw.source, loc + ("source",))
                return
        else:
            value = raw
        where = self.where(loc)
        field_name = loc_text(self.root, loc)
        try:
            unit, accepted = unit_of(unit_field)
        except KeyError:
            unit, accepted = "", {"": 1}
        if written_unit is not None:
            if written_unit not in accepted:
                self.problems.append(
                    f'{where}: {field_name}: ' + said("unknown_unit_field_use", unit=written_unit, units=', '.join(accepted))
                )
                return
            factor = accepted[written_unit]
            value, low, high = (None if v is None else v * factor for v in (value, low, high))
        if source is None:
            self.problems.append(f'{where}: {field_name}: ' + said("value_source_set_source"))
            return
        for what, v in (("", value), ("low: ", low), ("high: ", high)):
            if v is not None:
                problem = value_problem(unit_field, v, own_field=loc[-1] == unit_field)
                if problem:
                    self.problems.append(f"{where}: {field_name}: {what}" + problem)
                    return
        self.params[path] = Param(
            path=path,
            value=value,
            unit=unit,
            quality=quality or Quality.published,
            source_id=source,
            source=self.sources.get(source, Source(title=source)),
            note=note,
            file=self.file,
            line=self.lines.line_of(loc),
            low=low,
            high=high,
            loc=loc,
            yearly=yearly,
            written_unit=written_unit,
            written_factor=factor,
        )

    def _unknown_source(self, source_id: str, loc: tuple) -> None:
        extra = did_you_mean(source_id, list(self.sources))
        self.problems.append(
            f'{self.where(loc)}: {loc_text(self.root, loc)}: ' + said("unknown_source_define_under", source=source_id, hint=extra)
        )
