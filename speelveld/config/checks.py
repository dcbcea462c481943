"""The checks every number of a config gets, wherever it comes from: a config file, --set, a
scenario or a sweep's varied values. Pure (no file access), so the engine's sweeps can use it."""

from __future__ import annotations

import calendar
import math

from speelveld.config.model import AT_LEAST_ONE, MAX_MAGNITUDE, MAY_BE_NEGATIVE
from speelveld.config.units import unit_of


def value_problem(field: str, value: float, own_field: bool = True) -> str | None:
    """What is wrong with ``value`` as a figure of ``field`` (a field name such as
    ``baseload_eur_per_mwh``), or None. The checks every number of a config gets on load, for
    anything else that sets numbers (a sweep's values) to apply too. ``own_field`` is False for
    a threshold on the field (``when: {consumption_mwh: {above: 0}}``), which may be 0."""
    try:
        unit, _ = unit_of(field)
    except KeyError:
        unit = ""
    shown = f"{value:g}{' ' + unit if unit else ''}"
    if not math.isfinite(value):
        return f"value must be a finite number, not {value}"
    if unit == "%" and not 0 <= value <= 100:
        return f"{value:g} % is outside 0–100 %"
    if value < 0 and field not in MAY_BE_NEGATIVE:
        return f"{value:g} is negative; {unit or 'this value'} cannot be"
    if abs(value) > MAX_MAGNITUDE:
        return f"{shown} is implausibly large (more than {MAX_MAGNITUDE:g}); check the unit and the zeros"
    if own_field and field in AT_LEAST_ONE and value < 1:
        return f"{shown} is too small; it must be at least 1 {unit}"
    return None


def hours_in_year(year: int) -> int:
    return 8784 if calendar.isleap(year) else 8760


def allowed_range(field: str, own_field: bool = True) -> tuple[float, float]:
    """The closed range ``value_problem`` accepts for ``field`` (ignoring the magnitude limit):
    what a sweep's random draws are cut to."""
    low = -math.inf if field in MAY_BE_NEGATIVE else (1.0 if own_field and field in AT_LEAST_ONE else 0.0)
    try:
        high = 100.0 if unit_of(field)[0] == "%" else math.inf
    except KeyError:
        high = math.inf
    return low, high
