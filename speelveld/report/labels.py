"""Report labels in Dutch (default) and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "commodity": "Commodity",
        "network": "Netwerk",
        "taxes": "Belastingen en heffingen",
        "compensation": "Compensatie indirecte CO2-kosten",
        "direct_co2": "Directe CO2-kosten (apart van de elektriciteitsprijs)",
        "support": "Steunmaatregelen",
        "gross": "Bruto elektriciteit (zonder kortingen en compensatie)",
        "total": "Elektriciteit totaal",
        "band": "  bandbreedte",
        "direct_co2_total": "Directe CO2-kosten totaal",
        "gap_band": "  bandbreedte verschil",
        "gap_status": "  status verschil",
        "co2_gap": "Verschil directe CO2-kosten (€/MWh)",
        "exact": "volledig",
        "lower": "ondergrens",
        "upper": "bovengrens",
        "none": "onbepaald",
        "undetermined": "onbepaald",
        "misses": "{cc} mist {items}",
        "note_lower": "{cc}: {reasons}: het verschil is een ondergrens (≥ {x} €/MWh).",
        "note_upper": "{cc}: {reasons}: het verschil is een bovengrens (≤ {x} €/MWh).",
        "note_none": "{cc}: {reasons}: het verschil is onbepaald (geen grens aan beide kanten).",
        "word_network": "netkosten",
        "word_compensation": "ETS-compensatie",
        "gap_mwh": "Verschil {ref} − land, elektriciteit (€/MWh)",
        "gap_year": "Verschil per fabriek (M€/jr)",
        "gap_sector": "Verschil hele sector (M€/jr)",
        "dearer": "{ref} duurder dan land (%)",
        "cheaper": "Land goedkoper dan {ref} (%)",
        "unknown": "onbekend",
        "unknown_lines": "  onbekende posten (waarvan zonder grenzen)",
        "title": "Speelveldtoets {year}: {sector} ({name}), €/MWh",
        "plant": "{consumption} GWh/jr, {hours} h, aansluiting {level}, NACE {nace}",
        "legend": (
            "Markering: ~ schatting, ≈ afgeleid, ? onbekend. a–b: de band waarin een post of totaal ligt; ≥ of ≤: de band is aan één kant open "
            "omdat een post zonder grenzen ontbreekt. Het centrale totaal telt onbekende posten zonder grenzen niet mee en begrensde onbekenden "
            "met het midden van hun band. Positief verschil: {ref} is duurder; kleur alleen bij een volledig verschil met een eenduidig teken."
        ),
        "summary_unknown": "a–b: band van het verschil; ≥/≤: ondergrens/bovengrens (een kant mist een post zonder grenzen); onbepaald: beide kanten missen posten. Zie de sectortabel.",
        "line": "Kostenpost",
        "summary_title": "Speelveldtoets {year}: verschil {ref} − land (€/MWh; positief = {ref} duurder)",
        "sector": "Sector",
        "overrides": "Aangepast: {items}",
        "scenario": "Scenario: {name}",
        "ny_created": "Prijsjaar {year} aangemaakt uit {from_year}: {target} ({files} bestanden).",
        "ny_carried": "{n} jaarlijks gepubliceerde cijfers doorgeschoven als schatting met hun oude bron; `speelveld sources --stale --year {year}` toont wat bijgewerkt moet worden.",
        "ny_periods": "{path}: de tariefperiodes van {from_year} zijn één periode over {year} geworden, tegen het tarief van 31 december {from_year}.",
        "ny_ending": "Regels waarvan de geldigheid vóór {year} eindigt (gekopieerd, maar niet van toepassing in {year}):",
        "ny_until": "geldig tot en met {to_year}",
        "ny_scenario": "Scenario {name} geldt voor {years}, niet voor {year}: voeg {year} toe aan years: als het nog van toepassing is.",
    },
    "en": {
        "commodity": "Commodity",
        "network": "Network",
        "taxes": "Taxes and levies",
        "compensation": "Indirect CO2 cost compensation",
        "direct_co2": "Direct CO2 costs (separate from the electricity price)",
        "support": "Support measures",
        "gross": "Gross electricity (before reductions and compensation)",
        "total": "Electricity total",
        "band": "  band",
        "direct_co2_total": "Direct CO2 costs total",
        "gap_band": "  band of the gap",
        "gap_status": "  status of the gap",
        "co2_gap": "Gap in direct CO2 costs (€/MWh)",
        "exact": "complete",
        "lower": "lower bound",
        "upper": "upper bound",
        "none": "undetermined",
        "undetermined": "undetermined",
        "misses": "{cc} lacks {items}",
        "note_lower": "{cc}: {reasons}: the gap is a lower bound (≥ {x} €/MWh).",
        "note_upper": "{cc}: {reasons}: the gap is an upper bound (≤ {x} €/MWh).",
        "note_none": "{cc}: {reasons}: the gap is undetermined (no bound on either side).",
        "word_network": "network costs",
        "word_compensation": "ETS compensation",
        "gap_mwh": "Gap {ref} − country, electricity (€/MWh)",
        "gap_year": "Gap per plant (M€/yr)",
        "gap_sector": "Gap whole sector (M€/yr)",
        "dearer": "{ref} dearer than country (%)",
        "cheaper": "Country cheaper than {ref} (%)",
        "unknown": "unknown",
        "unknown_lines": "  unknown lines (of which without bounds)",
        "title": "Level-playing-field test {year}: {sector} ({name}), €/MWh",
        "plant": "{consumption} GWh/yr, {hours} h, {level} connection, NACE {nace}",
        "legend": (
            "Marks: ~ estimate, ≈ derived, ? unknown. a–b: the band a line or total lies in; ≥ or ≤: the band is open on one side because a "
            "line without bounds is missing. The central total leaves out unknown lines without bounds and counts bounded unknowns at the "
            "middle of their band. Positive gap: {ref} is dearer; coloured only for a complete gap of certain sign."
        ),
        "summary_unknown": "a–b: band of the gap; ≥/≤: lower/upper bound (one side misses a line without bounds); undetermined: both sides miss lines. See the sector table.",
        "line": "Cost line",
        "summary_title": "Level-playing-field test {year}: gap {ref} − country (€/MWh; positive = {ref} dearer)",
        "sector": "Sector",
        "overrides": "Overridden: {items}",
        "scenario": "Scenario: {name}",
        "ny_created": "Price year {year} created from {from_year}: {target} ({files} files).",
        "ny_carried": "{n} yearly figures carried forward as estimates with their old sources; `speelveld sources --stale --year {year}` lists what must be updated.",
        "ny_periods": "{path}: the {from_year} rate periods became one period over {year}, at the rate of 31 December {from_year}.",
        "ny_ending": "Rules whose validity ends before {year} (copied, but not applied in {year}):",
        "ny_until": "valid until {to_year}",
        "ny_scenario": "Scenario {name} applies to {years}, not to {year}: add {year} to its years: if it still applies.",
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

# Rows shared by countries whose per-country labels differ get one neutral label.
GENERIC_ROW_LABELS = {"carbon.compensation": "Compensatie indirecte emissiekosten (ETS)"}

QUALITY_MARK = {"published": "", "derived": "≈", "estimate": "~", "unknown": "?"}


def t(lang: str, key: str, **kw) -> str:
    return LABELS[lang][key].format(**kw)


def line_label(lang: str, key: str, label: str) -> str:
    if lang == "en":
        if key in LINE_LABELS_EN:
            return LINE_LABELS_EN[key]
        label = label.replace("vrijstelling procesgebruik", "process exemption").replace("plafond", "cap")
    return label


def num(value: float | None, digits: int = 2) -> str:
    if value is None or value != value:
        return "?"
    if abs(value) < 0.5 * 10**-digits:
        value = 0.0
    return f"{value:,.{digits}f}"


def band_text(lang: str, low: float | None, high: float | None, digits: int = 2) -> str:
    """'a–b', '≥ a', '≤ b' or 'onbepaald' for a band whose open sides are None."""
    if low is None and high is None:
        return t(lang, "undetermined")
    if high is None:
        return f"≥ {num(low, digits)}"
    if low is None:
        return f"≤ {num(high, digits)}"
    if abs(high - low) < 0.5 * 10**-digits:
        return num(low, digits)
    return f"{num(low, digits)}–{num(high, digits)}"


def gap_text(lang: str, row: dict, digits: int = 2) -> str:
    """A gap as a reader should quote it: 'a–b' (complete), '≥ a', '≤ b' or 'onbepaald'."""
    bound = row["gap_bound"]
    if bound == "none":
        return t(lang, "undetermined")
    return band_text(lang, row["gap_low_eur_per_mwh"], row["gap_high_eur_per_mwh"], digits)


def conclusive(row: dict) -> int:
    """+1 when the reference is certainly dearer, −1 certainly cheaper, 0 when the gap is
    incomplete or its band contains zero: only then may a report colour it as a conclusion."""
    if row["gap_bound"] != "exact" or row["gap_low_eur_per_mwh"] is None or row["gap_high_eur_per_mwh"] is None:
        return 0
    if row["gap_low_eur_per_mwh"] > 0.005:
        return 1
    if row["gap_high_eur_per_mwh"] < -0.005:
        return -1
    return 0


def missing_words(lang: str, lines) -> str:
    """The missing lines of one country as words: 'netkosten, Elia-toeslagen'."""
    words: list[str] = []
    for family, label in lines:
        word = t(lang, f"word_{family}") if family in ("network", "compensation") else label.split(" (")[0]
        if word not in words:
            words.append(word)
    return ", ".join(words)
