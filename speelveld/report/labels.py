"""Report labels in Dutch (default) and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "commodity": "Commodity",
        "network": "Netwerk",
        "taxes": "Belastingen en heffingen",
        "carbon": "CO2 en compensatie",
        "support": "Steunmaatregelen",
        "gross": "Bruto (zonder kortingen en compensatie)",
        "total": "Totaal",
        "gap_mwh": "Verschil {ref} − land (€/MWh)",
        "gap_year": "Verschil per fabriek (M€/jr)",
        "gap_sector": "Verschil hele sector (M€/jr)",
        "dearer": "{ref} duurder dan land (%)",
        "cheaper": "Land goedkoper dan {ref} (%)",
        "unknown": "onbekend",
        "unknown_lines": "Onbekende posten (niet in totaal)",
        "title": "Speelveldtoets {year}: {sector} ({name}), €/MWh",
        "plant": "{consumption} GWh/jr, {hours} h, aansluiting {level}, NACE {nace}",
        "legend": "Markering: ~ schatting, ≈ afgeleid, ? onbekend (niet meegeteld). Positief verschil: {ref} is duurder.",
        "summary_unknown": "? = een of meer posten onbekend bij NL of het land (niet in het verschil meegeteld); zie de sectortabel.",
        "line": "Kostenpost",
        "summary_title": "Speelveldtoets {year}: verschil {ref} − land (€/MWh; positief = {ref} duurder)",
        "sector": "Sector",
        "overrides": "Aangepast: {items}",
        "scenario": "Scenario: {name}",
    },
    "en": {
        "commodity": "Commodity",
        "network": "Network",
        "taxes": "Taxes and levies",
        "carbon": "CO2 and compensation",
        "support": "Support measures",
        "gross": "Gross (before reductions and compensation)",
        "total": "Total",
        "gap_mwh": "Gap {ref} − country (€/MWh)",
        "gap_year": "Gap per plant (M€/yr)",
        "gap_sector": "Gap whole sector (M€/yr)",
        "dearer": "{ref} dearer than country (%)",
        "cheaper": "Country cheaper than {ref} (%)",
        "unknown": "unknown",
        "unknown_lines": "Unknown lines (not in total)",
        "title": "Level-playing-field test {year}: {sector} ({name}), €/MWh",
        "plant": "{consumption} GWh/yr, {hours} h, {level} connection, NACE {nace}",
        "legend": "Marks: ~ estimate, ≈ derived, ? unknown (not counted). Positive gap: {ref} is dearer.",
        "summary_unknown": "? = one or more lines unknown for NL or the country (not counted in the gap); see the sector table.",
        "line": "Cost line",
        "summary_title": "Level-playing-field test {year}: gap {ref} − country (€/MWh; positive = {ref} dearer)",
        "sector": "Sector",
        "overrides": "Overridden: {items}",
        "scenario": "Scenario: {name}",
    },
}

# Generic line labels (the engine's labels are Dutch; these translate the generic ones).
LINE_LABELS_EN = {
    "commodity.wholesale": "Wholesale price (baseload)",
    "commodity.profile": "Profile premium",
    "commodity.margin": "Supplier margin",
    "network.fixed_eur_per_year": "Network tariff, fixed",
    "network.capacity_eur_per_kw_year": "Network tariff, capacity",
    "network.monthly_peak_eur_per_kw_month": "Network tariff, monthly peak",
    "network.yearly_peak_eur_per_kw_year": "Network tariff, yearly peak",
    "network.energy_eur_per_mwh": "Network tariff, energy",
    "carbon.ets_direct": "EU ETS, direct emissions",
    "carbon.compensation": "Indirect emission cost compensation (ETS)",
}

QUALITY_MARK = {"published": "", "derived": "≈", "estimate": "~", "unknown": "?"}


def t(lang: str, key: str, **kw) -> str:
    return LABELS[lang][key].format(**kw)


def line_label(lang: str, key: str, label: str) -> str:
    if lang == "en":
        if key in LINE_LABELS_EN:
            return LINE_LABELS_EN[key]
        label = label.replace("vrijstelling procesgebruik", "process exemption").replace("plafond", "cap")
    return label
