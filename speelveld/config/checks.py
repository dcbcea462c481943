"""The checks every number of a config gets, wherever it comes from: a config file, --set, a
scenario or a sweep's varied values. Pure (no file access), so the engine's sweeps can use it."""

from __future__ import annotations

import calendar
import math

from speelveld.config.model import AT_LEAST_ONE, MAX_MAGNITUDE, MAY_BE_NEGATIVE
from speelveld.config.units import unit_of
from speelveld.said import either, said

# Absolute plausible ranges (in the field's own unit), errors whatever the previous year said:
# a CO2 factor of 73 t/MWh (meant 0.73) or an aid intensity of 0.8 % (meant 80) is a slip, and
# would move a gap by thousands of €/MWh. Generous on purpose: the highest published figure of
# any of these in 2015–2026 sits well inside (day-ahead annual averages peaked near 250 €/MWh in
# 2022; the EUA near 100 €/t; network tariffs below 200 €/kW/yr).
PLAUSIBLE: dict[str, tuple[float, float]] = {
    "co2_factor_t_per_mwh": (0.0, 1.5),
    "aid_intensity_pct": (10.0, 100.0),
    "fallback_benchmark_pct": (10.0, 100.0),
    "dispensation_factor": (0.0, 10.0),
    "baseload_eur_per_mwh": (0.0, 1000.0),
    "price_eur_per_mwh": (0.0, 1000.0),
    "target_price_eur_per_mwh": (0.0, 1000.0),
    "reference_price_eur_per_mwh": (0.0, 1000.0),
    "eua_price_eur_per_t": (0.0, 1000.0),
    "eua_forward_price_eur_per_t": (0.0, 1000.0),
    "rate_eur_per_t": (0.0, 1000.0),
    "eua_deduction_eur_per_t": (0.0, 1000.0),
    "rate_eur_per_mwh": (0.0, 500.0),
    "business_rate_eur_per_mwh": (0.0, 500.0),
    "reference_rate_eur_per_mwh": (0.0, 500.0),
    "energy_eur_per_mwh": (0.0, 500.0),
    "capacity_eur_per_kw_year": (0.0, 2000.0),
    "capacity_eur_per_kwh_h_year": (0.0, 100.0),
    "yearly_peak_eur_per_kw_year": (0.0, 2000.0),
    "monthly_peak_eur_per_kw_month": (0.0, 200.0),
    "benchmark_mwh_per_t": (0.0, 100.0),
}


def _plausible_problem(field: str, value: float, unit: str) -> str | None:
    if field not in PLAUSIBLE:
        return None
    low, high = PLAUSIBLE[field]
    if low <= value <= high:
        return None
    shown = f"{value:g} {unit}".rstrip()
    where = {"value": shown, "range": f"{low:g}–{high:g} {unit}".rstrip(), "field": field}
    if unit == "%" and 0 < value <= 1 and low <= value * 100 <= high:
        return said("outside_plausible_percentages_written", **where, pct=f"{value * 100:g}", fraction=f"{value:g}")
    candidates = [f"{value / d:g}" for d in (10, 100, 1000) if low <= value / d <= high] if unit != "%" and value > high else []
    if candidates:
        return said("outside_plausible_did_you", **where, options=either(candidates[:2]))
    return said("outside_plausible", **where)


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
        return said("value_must_finite_number", value=value)
    if unit == "%" and not 0 <= value <= 100:
        return said("outside_0_100", value=f'{value:g}')
    if value < 0 and field not in MAY_BE_NEGATIVE:
        return said("negative_cannot", value=f'{value:g}', unit=unit or said("this_value"))
    if abs(value) > MAX_MAGNITUDE:
        return said("implausibly_large_more_than", value=shown, limit=f'{MAX_MAGNITUDE:g}')
    if own_field and field in AT_LEAST_ONE and value < 1:
        return said("too_small_must_least", value=shown, minimum=f'1 {unit}')
    if own_field:
        return _plausible_problem(field, value, unit)
    return None


def hours_in_year(year: int) -> int:
    return 8784 if calendar.isleap(year) else 8760


def natural_range(field: str, own_field: bool = True) -> tuple[float, float]:
    """The range a figure of ``field`` can take by its nature: from 0 (or 1 for divisors) up,
    to 100 for a percentage. What an unknown without bounds may be in the band computation."""
    low = -math.inf if field in MAY_BE_NEGATIVE else (1.0 if own_field and field in AT_LEAST_ONE else 0.0)
    try:
        high = 100.0 if unit_of(field)[0] == "%" else math.inf
    except KeyError:
        high = math.inf
    return low, high


def allowed_range(field: str, own_field: bool = True) -> tuple[float, float]:
    """The closed range ``value_problem`` accepts for ``field`` (ignoring the magnitude limit),
    plausible ranges included: what a sweep's random draws are cut to."""
    low, high = natural_range(field, own_field)
    if own_field and field in PLAUSIBLE:
        p_low, p_high = PLAUSIBLE[field]
        low, high = max(low, p_low), min(high, p_high)
    return low, high
