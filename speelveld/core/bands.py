"""Bands: the lowest and highest value every line, total and gap can take when each uncertain
input lies anywhere in its range.

Uncertain inputs are
- values with ``low``/``high`` in the config (an estimate or derived figure with bounds, or a
  *bounded unknown*: null with bounds, whose central value is the middle of its range);
- unknown values without bounds. Their range is what the field allows: 0–100 % for a
  percentage, otherwise from 0 (or the field's minimum) without an upper limit. A percentage is
  therefore bounded by its nature; any other unknown may make a total unbounded on one side (a
  missing cost: the total is at least its known part), or not (a levy whose rate times an
  unknown dispensation right can only fall to zero stays bounded).

Method, on the vectorised engine (one polars query per stage, no loop over scenarios):
1. One row per input end: the *base* point (every input at its central value; unknowns without
   bounds at their minimum), then for each input the base point with that input at its low and
   at its high end. An input without an upper limit is probed at 10^12 and 2×10^12 in its unit
   (far above any figure a config may hold): an output that still moves between the two probes
   grows without limit in that direction (its band is open on that side, ±inf).
2. For each output the direction in which each input moves it gives two corners of the input
   box: every input at the end that lowers the output, and every input at the end that raises
   it. Both corners are evaluated (identical corners once).
3. The band of an output is the lowest and highest value it takes over all evaluated points.

For lines that are monotone in each input (all cost lines are: rates × quantities, bands,
minima and maxima of such terms, caps, first-match choices between alternatives) the corners are
the extremes, so the band is exact. An output that is not monotone in an input (a maximum
inside an input's range) gets a band that holds every evaluated point but may be narrower than
the true range; no shipped line has that shape. Inputs that never change an output leave its
band alone, so a line's band is as narrow as its own inputs allow.

*Co-moving inputs.* The countries' wholesale prices of a price year move together within their
bands (they are coupled by fuel prices and trade: Ember's monthly day-ahead averages of NL, DE,
BE and FR correlate 0.85–0.98 over January 2024–April 2026). A band therefore takes them all low
or all high together (one extra pair of rows for the group), never one country's price high and
another's low: a gap's band holds what the prices' joint movement does to it. Each price's own
swing is still measured alone. `sweep --bands` draws them with their measured correlations.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import polars as pl

from speelveld.config.checks import natural_range
from speelveld.config.resolved import Param
from speelveld.config.units import known_unit_field

PROBE = 1e12  # an input without an upper limit is probed here and at twice this


@dataclass(frozen=True)
class Uncertain:
    """An input of the band computation."""

    path: str
    column: str  # frame column the engine reads it from
    low: float
    high: float  # PROBE when the input has no upper limit
    central: float | None  # value in the central (headline) row; None = unknown, left out
    base: float  # value at the base point of the band computation
    open_high: bool  # no upper limit: an output may grow without bound with it
    bounded: bool  # the config gives its range (low/high), rather than the field's own limits
    group: str | None = None  # inputs of one group move together in a band (see the module's note)


# Parameters that move together, by the part of their path after the country code.
CO_MOVING = {"commodity.baseload_eur_per_mwh": "wholesale"}


def co_moving_group(path: str) -> str | None:
    country, _, rest = path.partition(".")
    return CO_MOVING.get(rest) if re.fullmatch(r"[A-Z]{2}(-[A-Z]{2})?", country) else None


def _field_of(path: str) -> tuple[str | None, bool]:
    segments = path.split(".")
    field = next((s for s in reversed(segments) if known_unit_field(s)), None)
    return field, field is not None and segments[-1] == field


def uncertain_inputs(params: Mapping[str, Param], paths, columns: Mapping[str, str] | None = None) -> list[Uncertain]:
    """The uncertain parameters among ``paths``, with the range each may take."""
    out = []
    for path in sorted(set(paths)):
        p = params.get(path)
        if p is None or not p.uncertain:
            continue
        column = (columns or {}).get(path, path)
        if p.bounded:
            central = p.central
            out.append(Uncertain(path, column, p.low, p.high, central, central, False, True, co_moving_group(path)))
            continue
        field, own = _field_of(path)
        low, high = natural_range(field, own) if field else (0.0, math.inf)
        low = 0.0 if not math.isfinite(low) else low
        # an unknown with one bound from the config: that side is the config's, the other the field's
        low = p.low if p.low is not None else low
        high = p.high if p.high is not None else high
        open_high = not math.isfinite(high)
        out.append(Uncertain(path, column, low, PROBE if open_high else high, None, low, open_high, False))
    return out


@dataclass
class Bands:
    """Per output: central value, band [low, high] (±inf when open), and per input the swing it
    causes on its own (inf when the output grows without limit with it)."""

    outputs: list[str]
    inputs: list[Uncertain]
    central: dict[str, float | None]
    low: dict[str, float]
    high: dict[str, float]
    swing: list[list[float]]  # per input, per output: |f(high) − f(low)|; inf when unbounded; nan when undefined

    def band(self, output: str) -> tuple[float, float]:
        return self.low.get(output, math.nan), self.high.get(output, math.nan)

    def swings(self, output: str) -> dict[str, float]:
        """What each input alone moves ``output`` by (inputs that do not move it left out)."""
        j = self.outputs.index(output)
        return {u.path: row[j] for u, row in zip(self.inputs, self.swing, strict=True) if row[j] and not math.isnan(row[j])}


def _moves(a: float, b: float) -> float:
    """sign(b − a), 0 within rounding (relative 1e-9), nan when either is undefined."""
    if math.isnan(a) or math.isnan(b):
        return math.nan
    d = b - a
    return 0.0 if abs(d) <= 1e-9 * max(abs(a), abs(b), 1.0) else math.copysign(1.0, d)


def compute_bands(evaluate: Callable[[pl.DataFrame], pl.DataFrame], inputs: list[Uncertain], outputs: list[str]) -> Bands:
    """``evaluate`` takes a frame with one column per input (``Uncertain.column``) and returns
    the ``outputs`` columns for every row, in order."""
    k = len(inputs)
    columns = [u.column for u in inputs]
    base = [u.base for u in inputs]
    central = [u.central for u in inputs]
    rows: list[list[float | None]] = [central, base]
    lo_row, hi_row, probe_row = [], [], {}
    for i, u in enumerate(inputs):
        for end, store in ((u.low, lo_row), (u.high, hi_row)):
            row = list(base)
            row[i] = end
            store.append(len(rows))
            rows.append(row)
        if u.open_high:
            row = list(base)
            row[i] = 2 * PROBE
            probe_row[i] = len(rows)
            rows.append(row)
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(inputs):
        if u.group is not None and u.bounded:
            groups.setdefault(u.group, []).append(i)
    groups = {g: members for g, members in groups.items() if len(members) > 1}
    group_rows: dict[str, tuple[int, int]] = {}
    for g, members in groups.items():
        ends = []
        for side in ("low", "high"):
            row = list(base)
            for i in members:
                row[i] = getattr(inputs[i], side)
            ends.append(len(rows))
            rows.append(row)
        group_rows[g] = (ends[0], ends[1])
    first = _run(evaluate, columns, rows, outputs)
    n_out = len(outputs)
    direction = [[0.0] * n_out for _ in range(k)]
    swing = [[0.0] * n_out for _ in range(k)]
    open_low = [False] * n_out
    open_high = [False] * n_out
    for i, u in enumerate(inputs):
        f_lo, f_hi = first[lo_row[i]], first[hi_row[i]]
        f_far = first[probe_row[i]] if u.open_high else None
        d_row, s_row = direction[i], swing[i]
        for j in range(n_out):
            a, b = f_lo[j], f_hi[j]
            d = _moves(a, b)
            if math.isnan(d):
                s_row[j] = math.nan
                continue
            d_row[j] = d
            s_row[j] = abs(b - a)
            if f_far is not None:
                grow = _moves(b, f_far[j])
                if grow > 0:
                    open_high[j], s_row[j] = True, math.inf
                elif grow < 0:
                    open_low[j], s_row[j] = True, math.inf
    # A group's members take the direction of the group's joint move.
    joint = {i: g for g, members in groups.items() for i in members}
    group_direction = {g: [_moves(first[lo][j], first[hi][j]) for j in range(n_out)] for g, (lo, hi) in group_rows.items()}
    # Two corners per output that any input moves; identical corners are evaluated once.
    corners: dict[tuple, None] = {}
    for j in range(n_out):
        d = [direction[i][j] if i not in joint else _finite_sign(group_direction[joint[i]][j]) for i in range(k)]
        if not any(d):
            continue
        for sign, skip in ((-1.0, open_low[j]), (1.0, open_high[j])):
            if skip:
                continue
            corner = tuple(base[i] if d[i] == 0 else (inputs[i].high if d[i] * sign > 0 else inputs[i].low) for i in range(k))
            corners[corner] = None
    # a grouped input's own probes (one price moved alone) measure its swing, but are no state the
    # group can take: they stay out of the bands
    alone = {r for i in joint for r in (lo_row[i], hi_row[i], probe_row.get(i))}
    points = [row for r, row in enumerate(first) if r and r not in alone]
    if corners:
        points = points + _run(evaluate, columns, [list(c) for c in corners], outputs)
    out_low, out_high, out_central = {}, {}, {}
    for j, name in enumerate(outputs):
        values = [p[j] for p in points if not math.isnan(p[j])]
        c = first[0][j]
        value = None if math.isnan(c) else c
        if not values:  # null at every point: an output that no input value defines
            lo = hi = math.nan
        else:
            lo, hi = min(values), max(values)
            # The central value belongs to the band, unless an unknown without bounds moves the
            # output: then the central value only leaves that line out, which need not be a value
            # the output can take (a reduction of unknown charges is not "no reduction").
            if value is not None and not any(u.central is None and direction[i][j] for i, u in enumerate(inputs)):
                lo, hi = min(lo, value), max(hi, value)
        if open_low[j]:
            lo = -math.inf
        if open_high[j]:
            hi = math.inf
        out_low[name], out_high[name], out_central[name] = lo, hi, value
    return Bands(outputs, inputs, out_central, out_low, out_high, swing)


def _finite_sign(d: float) -> float:
    return 0.0 if math.isnan(d) else d


def _run(evaluate, columns: list[str], rows: list[list[float | None]], outputs: list[str]) -> list[list[float]]:
    """Evaluate the outputs at each row of input values; nulls come back as nan."""
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)} if columns else {"_point": [float(i) for i in range(len(rows))]}
    frame = pl.DataFrame(data, schema={c: pl.Float64 for c in data})
    result = evaluate(frame).select(outputs)
    nan = math.nan
    return [[nan if v is None else float(v) for v in row] for row in result.iter_rows()]
