"""Units: which unit a field holds (from its name) and which written units convert to it."""

from __future__ import annotations

# Suffix of a field name -> (canonical unit, {accepted written unit: factor to canonical}).
# Longest suffixes first, so "_eur_per_kw_year" wins over "_year".
_UNITS: list[tuple[str, str, dict[str, float]]] = [
    ("_eur_per_mwh", "€/MWh", {"€/MWh": 1, "EUR/MWh": 1, "ct/kWh": 10, "€/kWh": 1000, "EUR/kWh": 1000}),
    ("_eur_per_kwh_h_year", "€/(kWh/h)/yr", {"€/(kWh/h)/yr": 1, "€/kWh/h/a": 1, "€/(MWh/d)/yr": 0.024}),
    ("_eur_per_kw_year", "€/kW/yr", {"€/kW/yr": 1, "€/kW/a": 1, "EUR/kW/yr": 1, "k€/MW/yr": 1, "€/MW/yr": 0.001}),
    ("_eur_per_kw", "€/kW", {"€/kW": 1, "EUR/kW": 1, "M€/MW": 1000, "€/MW": 0.001}),
    ("_years", "yr", {"yr": 1, "years": 1}),
    ("_eur_per_kw_month", "€/kW/month", {"€/kW/month": 1, "EUR/kW/month": 1}),
    ("_eur_per_year", "€/yr", {"€/yr": 1, "EUR/yr": 1, "k€/yr": 1e3, "M€/yr": 1e6}),
    ("_eur_per_t", "€/t", {"€/t": 1, "EUR/t": 1, "€/tCO2": 1}),
    ("_eur", "€", {"€": 1, "EUR": 1, "k€": 1e3, "M€": 1e6, "bn€": 1e9}),
    ("_mwh_per_t", "MWh/t", {"MWh/t": 1, "kWh/t": 0.001}),
    ("_t_per_mwh", "tCO2/MWh", {"tCO2/MWh": 1, "t/MWh": 1, "kg/kWh": 1}),
    ("_mwh", "MWh", {"MWh": 1, "kWh": 0.001, "GWh": 1e3, "TWh": 1e6}),
    ("_kw", "kW", {"kW": 1, "MW": 1e3}),
    ("_pct", "%", {"%": 1}),
    ("_t_co2", "tCO2", {"tCO2": 1, "t": 1, "kt": 1e3, "Mt": 1e6}),
    ("_t", "t", {"t": 1, "kt": 1e3, "Mt": 1e6}),
    ("_hours", "h", {"h": 1}),
    ("_factor", "ratio", {"ratio": 1}),
]


def unit_of(field: str) -> tuple[str, dict[str, float]]:
    for suffix, unit, accepted in _UNITS:
        # a field named by its unit alone (``pct`` of a percentage-of-network levy) holds that unit too
        if field.endswith(suffix) or field == suffix[1:]:
            return unit, accepted
    if field == "value":  # pragma: no cover - callers pass the parent field name
        raise ValueError("unit_of needs the field name, not 'value'")  # internal: a bug, not the user's input
    raise KeyError(field)


def known_unit_field(field: str) -> bool:
    try:
        unit_of(field)
    except KeyError:
        return False
    return True
