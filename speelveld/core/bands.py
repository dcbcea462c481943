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

import numpy as np
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


@dataclass
class _Probes:
    """The rows of the first evaluation: the central point, the base point, each input at its low
    and high end (and far above an open end), and each group of co-moving inputs at both ends."""

    rows: list[list[float | None]]
    lo_row: list[int]
    hi_row: list[int]
    probe_row: dict[int, int]
    groups: dict[str, list[int]]  # group -> its member inputs (groups of two or more)
    group_rows: dict[str, tuple[int, int]]  # group -> (row all low, row all high)


def _probes(inputs: list[Uncertain]) -> _Probes:
    base = [u.base for u in inputs]
    rows: list[list[float | None]] = [[u.central for u in inputs], base]
    lo_row, hi_row, probe_row = [], [], {}

    def moved(changes: dict[int, float]) -> int:
        rows.append([changes.get(i, v) for i, v in enumerate(base)])
        return len(rows) - 1

    for i, u in enumerate(inputs):
        lo_row.append(moved({i: u.low}))
        hi_row.append(moved({i: u.high}))
        if u.open_high:
            probe_row[i] = moved({i: 2 * PROBE})
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(inputs):
        if u.group is not None and u.bounded:
            groups.setdefault(u.group, []).append(i)
    groups = {g: members for g, members in groups.items() if len(members) > 1}
    group_rows = {g: (moved({i: inputs[i].low for i in members}), moved({i: inputs[i].high for i in members})) for g, members in groups.items()}
    return _Probes(rows, lo_row, hi_row, probe_row, groups, group_rows)


def _directions(first: np.ndarray, inputs: list[Uncertain], p: _Probes) -> tuple[list[list[float]], list[list[float]], list[bool], list[bool]]:
    """Per input and output: the direction the input moves the output from the base point (−1, 0,
    +1) and its swing; per output whether it grows without limit downwards or upwards."""
    n_out = first.shape[1]
    open_low, open_high = np.zeros(n_out, dtype=bool), np.zeros(n_out, dtype=bool)
    direction, swing = [], []
    for i, u in enumerate(inputs):
        f_lo, f_hi = first[p.lo_row[i]], first[p.hi_row[i]]
        d = _moves_array(f_lo, f_hi)
        s_row = np.where(np.isnan(d), np.nan, np.abs(f_hi - f_lo))
        if u.open_high:
            grow = np.where(np.isnan(d), np.nan, _moves_array(f_hi, first[p.probe_row[i]]))
            open_high |= grow > 0
            open_low |= grow < 0
            s_row = np.where((grow > 0) | (grow < 0), np.inf, s_row)
        direction.append(np.nan_to_num(d, nan=0.0).tolist())
        swing.append(s_row.tolist())
    return direction, swing, open_low.tolist(), open_high.tolist()


def _corners(inputs: list[Uncertain], direction, open_low, open_high, joint: dict[int, str], group_direction: dict[str, list[float]]) -> dict[tuple[int, float], tuple]:
    """Two corners per output that any input moves: every input at the end that lowers it, and at
    the end that raises it (a group's members as the group's joint move; an open side has none)."""
    base = [u.base for u in inputs]
    corner_of: dict[tuple[int, float], tuple] = {}
    for j in range(len(open_low)):
        d = [direction[i][j] if i not in joint else _finite_sign(group_direction[joint[i]][j]) for i in range(len(inputs))]
        if not any(d):
            continue
        for sign, skip in ((-1.0, open_low[j]), (1.0, open_high[j])):
            if not skip:
                corner_of[(j, sign)] = tuple(base[i] if d[i] == 0 else (inputs[i].high if d[i] * sign > 0 else inputs[i].low) for i in range(len(inputs)))
    return corner_of


def compute_bands(evaluate: Callable[[pl.DataFrame], pl.DataFrame], inputs: list[Uncertain], outputs: list[str]) -> Bands:
    """``evaluate`` takes a frame with one column per input (``Uncertain.column``) and returns
    the ``outputs`` columns for every row, in order. The steps: probe every input (``_probes``),
    read the directions (``_directions``), evaluate each output's corners and probe them again
    where a kink hid an input (``_refine_corners``), then the band of every output."""
    columns = [u.column for u in inputs]
    base = [u.base for u in inputs]
    p = _probes(inputs)
    first_grid = _run_array(evaluate, columns, p.rows, outputs)
    first = first_grid.tolist()
    n_out = len(outputs)
    direction, swing, open_low, open_high = _directions(first_grid, inputs, p)
    joint = {i: g for g, members in p.groups.items() for i in members}
    group_direction = {g: _moves_array(first_grid[lo], first_grid[hi]).tolist() for g, (lo, hi) in p.group_rows.items()}
    corner_of = _corners(inputs, direction, open_low, open_high, joint, group_direction)
    # a grouped input's own probes (one price moved alone) measure its swing, but are no state the
    # group can take: they stay out of the bands
    alone = {r for i in joint for r in (p.lo_row[i], p.hi_row[i], p.probe_row.get(i))}
    grid = np.array([row for r, row in enumerate(first) if r and r not in alone], dtype=float).reshape(-1, n_out)
    lows = np.where(np.isnan(grid), np.inf, grid).min(axis=0, initial=np.inf)
    highs = np.where(np.isnan(grid), -np.inf, grid).max(axis=0, initial=-np.inf)
    if corner_of:
        free = [i for i, u in enumerate(inputs) if i not in joint and not u.open_high and u.low != u.high]
        kinked = _kinked(first, inputs, base, free, p.lo_row, p.hi_row) if free else set()
        corner_low, corner_high = _refine_corners(evaluate, columns, inputs, outputs, corner_of, base, free, kinked)
        lows, highs = np.minimum(lows, corner_low), np.maximum(highs, corner_high)
    out_low, out_high, out_central = {}, {}, {}
    for j, name in enumerate(outputs):
        value = None if math.isnan(first[0][j]) else first[0][j]
        # The central value belongs to the band, unless an unknown without bounds moves the
        # output: then the central value only leaves that line out, which need not be a value
        # the output can take (a reduction of unknown charges is not "no reduction").
        counts = value is not None and not any(u.central is None and direction[i][j] for i, u in enumerate(inputs))
        lo, hi = _band(lows[j], highs[j], value if counts else None)
        out_low[name], out_high[name], out_central[name] = -math.inf if open_low[j] else lo, math.inf if open_high[j] else hi, value
    return Bands(outputs, inputs, out_central, out_low, out_high, swing)


def _band(low: float, high: float, central: float | None) -> tuple[float, float]:
    """The lowest and highest evaluated value (nan when no point defines the output), widened to
    hold ``central``."""
    if not low <= high:  # null at every point: an output that no input value defines
        return math.nan, math.nan
    low, high = float(low), float(high)
    return (min(low, central), max(high, central)) if central is not None else (low, high)


REFINE_ROUNDS = 4


def _kinked(first: list[list[float]], inputs: list[Uncertain], base: list, free: list[int], lo_row: list[int], hi_row: list[int]) -> set[int]:
    """The outputs that some input moves one way from the base point and not the other: a kink
    (a cap, a threshold, a budget that binds) near the base point, where an input that does not
    move the output at the base point may move it elsewhere."""
    grid = np.array(first, dtype=float)
    at_base = grid[1]
    kinked = np.zeros(grid.shape[1], dtype=bool)
    tol = 1e-9 * np.maximum(np.abs(at_base), 1.0)
    with np.errstate(invalid="ignore"):
        for i in free:
            if not inputs[i].low < base[i] < inputs[i].high:
                continue
            down = np.abs(grid[lo_row[i]] - at_base) > tol
            up = np.abs(grid[hi_row[i]] - at_base) > tol
            kinked |= down ^ up
    return set(np.flatnonzero(kinked).tolist())


def _refine_corners(evaluate, columns, inputs: list[Uncertain], outputs: list[str], corner_of: dict, base: list, free: list[int], kinked: set[int]) -> list[list[float]]:
    """Evaluate each output's corners, and move them where the base point misled.

    An input that does not move an output at the base point may move it elsewhere: the IKC
    budget's pro-rata cut is zero while the claims stay under the budget, so no sector's volume
    moves it at the base point, yet every volume raises it once the budget binds. Probed at the
    base point only, the corner would depend on which other inputs happen to share the
    computation (compare and explain gave different bands). So for an output with a kink near
    the base point (``kinked``), every input still at its base value is probed at both ends at the
    output's corner; one that moves the output the corner's way takes that end, and the new corner
    is probed in turn, until no corner moves (for outputs monotone in each input: the extreme of
    the box). Returns every evaluated point."""
    n_out = len(outputs)
    evaluated: dict[tuple, np.ndarray] = {}  # a point's outputs (a row of one evaluation's array)
    blocks: list[np.ndarray] = []

    def evaluate_rows(rows, wanted: set[int] | None = None) -> None:
        """Evaluate new rows; with ``wanted`` only those outputs where the evaluation can leave
        the rest out (they stay nan, which no band counts)."""
        rows = [r for r in dict.fromkeys(rows) if r not in evaluated]
        if not rows:
            return
        if wanted is None or not getattr(evaluate, "selective", False):
            grid = _run_array(evaluate, columns, [list(r) for r in rows], outputs)
        else:
            index = {outputs[j]: j for j in wanted}
            got = evaluate(_frame(columns, [list(r) for r in rows]), set(index))
            present = [n for n in got.columns if n in index]
            grid = np.full((len(rows), n_out), np.nan)
            if present:
                grid[:, [index[n] for n in present]] = got.select(pl.col(present).cast(pl.Float64)).to_numpy()
        blocks.append(grid)
        evaluated.update(zip(rows, grid, strict=True))

    def with_end(c: tuple, i: int, end: float) -> tuple:
        return c[:i] + (end,) + c[i + 1 :]

    def probes(c: tuple) -> list[tuple[int, tuple, tuple]]:
        return [(i, with_end(c, i, inputs[i].low), with_end(c, i, inputs[i].high)) for i in free if c[i] == base[i]]

    watched = {key: c for key, c in corner_of.items() if key[0] in kinked}
    own: dict[int, set[tuple]] = {}  # per output the probes made for it
    wanted: set[int] | None = None
    for _ in range(REFINE_ROUNDS):
        at = {c: probes(c) for c in dict.fromkeys(watched.values())}
        todo = corner_of.values() if wanted is None else at
        evaluate_rows([*todo, *(r for rows in at.values() for _, lo, hi in rows for r in (lo, hi))], wanted)
        moved = {}
        for (j, sign), c in watched.items():
            moves = {}
            for i, lo, hi in at[c]:
                own.setdefault(j, set()).update((lo, hi))
                m = _moves(evaluated[lo][j], evaluated[hi][j])
                if m and not math.isnan(m):
                    moves[i] = inputs[i].high if m * sign > 0 else inputs[i].low
            if moves:
                new = tuple(moves.get(i, v) for i, v in enumerate(c))
                corner_of[(j, sign)] = moved[(j, sign)] = new
        if not moved:
            break
        watched, wanted = moved, {j for j, _ in moved}
    evaluate_rows(corner_of.values(), wanted)
    # An output's band counts its own corners and probes only: a point probed for another output
    # lies in the box as well, but counting it would make a band depend on which other outputs
    # share the computation (compare --sector all against explain)
    low, high = np.full(n_out, np.inf), np.full(n_out, -np.inf)
    for (j, _), c in corner_of.items():
        for r in (c, *own.get(j, ())):
            v = evaluated[r][j]
            if v == v:
                low[j], high[j] = min(low[j], v), max(high[j], v)
    return low, high


def _moves_array(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``_moves`` over whole rows."""
    with np.errstate(invalid="ignore"):
        d = b - a
        tol = 1e-9 * np.maximum(np.maximum(np.abs(a), np.abs(b)), 1.0)
        return np.where(np.isnan(d), np.nan, np.where(np.abs(d) <= tol, 0.0, np.sign(d)))


def _finite_sign(d: float) -> float:
    return 0.0 if math.isnan(d) else d


def _frame(columns: list[str], rows: list[list[float | None]]) -> pl.DataFrame:
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)} if columns else {"_point": [float(i) for i in range(len(rows))]}
    return pl.DataFrame(data, schema={c: pl.Float64 for c in data})


def _run_array(evaluate, columns: list[str], rows: list[list[float | None]], outputs: list[str]) -> np.ndarray:
    """Evaluate the outputs at each row of input values (a row per point); nulls come back as nan."""
    if not outputs:
        return np.empty((len(rows), 0))
    return evaluate(_frame(columns, rows)).select(pl.col(outputs).cast(pl.Float64)).to_numpy()
