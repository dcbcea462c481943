"""The steps of `explain` as the engine names them, in Dutch and English, and the line an error or
notice prints in the run's language. The messages themselves are keyed in
speelveld.message_catalogue (below the report layer, so the loader can key what it says)."""

from __future__ import annotations

from speelveld.message_catalogue import (  # noqa: F401 (read through report.labels)
    ALL_MESSAGES,
    LIBRARY_MESSAGES,
    MESSAGES,
    WORDS,
    from_library,
)
from speelveld.said import text_in


def message_text(lang: str, line) -> str:
    """An error or notice line in the report language: a Text by its keys; plain text (a path, a
    library's own words that no key covers) as written."""
    return text_in(lang, line)


# The steps of `explain` as the engine names them (core.context.Words): key -> (Dutch, English),
# each with the same {named} fields. The engine writes keys and fields; the report words them.
STEPS: dict[str, tuple[str, str]] = {
    "baseload": ('Baseloadprijs × verbruik', 'Baseload price × consumption'),
    "profile": ('Profielopslag × verbruik', 'Profile premium × consumption'),
    "margin": ('Leveranciersmarge × verbruik', 'Supplier margin × consumption'),
    "regulated_saving": ('Besparing op het gereguleerde volume (alleen als goedkoper dan de markt)', 'Saving on the regulated volume (only where cheaper than the market)'),
    "gas_hub": ('Hubprijs ({hub}) × gasverbruik (brandstof + grondstof)', 'Hub price ({hub}) × gas use (fuel + feedstock)'),
    "gas_exit_capacity": ('Exitcapaciteit = gasverbruik ÷ benuttingsuren (vlakke afname)', 'Exit capacity = gas use ÷ utilisation hours (flat offtake)'),
    "capacity_flat": ('Vermogen = verbruik ÷ benuttingsuren (vlakke last)', 'Capacity = consumption ÷ utilisation hours (flat load)'),
    "variant_no_charge": ('{variant}: geen tarief van deze soort', '{variant}: no charge of this kind'),
    "network_reduction": ('Korting = nettarieven (na eerdere kortingen) × kortingsaandeel', 'Reduction = network charges (after earlier reductions) × reduction share'),
    "reduction_share_min_pay": ('Kortingsaandeel: 100 % min het minimaal te betalen deel', 'Reduction share: 100 % minus the minimum share to pay'),
    "reduction_share_category": ('Kortingsaandeel categorie {category}', 'Reduction share, category {category}'),
    "reduction_share_capped": ('Kortingsaandeel begrensd', 'Reduction share, capped'),
    "tariff_variant": ('tariefvariant {variant}', 'tariff variant {variant}'),
    "category": ('categorie {category}', 'category {category}'),
    "base_network_charges": ('Grondslag: nettarieven {kinds}, na kortingen', 'Base: network charges {kinds}, after reductions'),
    "pct_of_network": ('Percentage van de nettarieven', 'Percentage of the network charges'),
    "taxed_consumption": ('Belast verbruik = verbruik × (1 − vrijgesteld procesaandeel)', 'Taxed consumption = consumption × (1 − exempt process share)'),
    "levy_taxed": ('Heffing over het belaste verbruik', 'Levy on the taxed consumption'),
    "levy_consumption": ('Heffing over het verbruik', 'Levy on the consumption'),
    "exemption": ('Vrijstelling = heffing over belast verbruik − heffing over al het verbruik', 'Exemption = levy on the taxed consumption − levy on all consumption'),
    "rate_mwh": ('tarief × MWh', 'rate × MWh'),
    "rate_per_band": ('per schijf ({edges} MWh) tarief × MWh in de schijf', 'per band ({edges} MWh) rate × MWh in the band'),
    "annual_average_rate": ('Jaargemiddeld tarief: tarief per periode gewogen naar dagen', "Annual average rate: each period's rate weighted by its days"),
    "cap_gva": ('Plafond = percentage × bruto toegevoegde waarde', 'Cap = percentage × gross value added'),
    "cap_reduction": ('Plafond: verlaging tot het plafond (0 als de heffing eronder blijft)', 'Cap: reduction down to the cap (0 if the levy stays below it)'),
    "joint_cap": ('Gezamenlijk plafond over {levies}: percentage × bruto toegevoegde waarde − som van de heffingen', 'Joint cap over {levies}: percentage × gross value added − sum of the levies'),
    "intensity_unknown": ('Elektro-intensiteit onbekend: de sector heeft geen bruto toegevoegde waarde', 'Electro-intensity unknown: the sector has no gross value added'),
    "intensity": ('Elektro-intensiteit (%) = verbruik × referentietarief ÷ bruto toegevoegde waarde', 'Electro-intensity (%) = consumption × reference rate ÷ gross value added'),
    "levy_reduced_rate": ('Heffing tegen het verlaagde tarief', 'Levy at the reduced rate'),
    "scheme_share": ('Heffing met regeling: eerste MWh vol, daarboven een deel van het tarief', 'Levy under the scheme: the first MWh in full, a share of the rate above them'),
    "scheme_reduced": ('Heffing met regeling: eerste MWh vol, daarboven het verlaagde tarief', 'Levy under the scheme: the first MWh in full, the reduced rate above them'),
    "reduction_best_scheme": ('Verlaging = heffing met de voordeligste regeling − heffing zonder regeling', 'Reduction = levy under the most favourable scheme − levy without a scheme'),
    "other_scheme": ('Een andere regeling is voordeliger of deze geldt niet', 'Another scheme is more favourable, or this one does not apply'),
    "eua_emissions": ('EUA-prijs × emissies boven de gratis toewijzing', 'EUA price × emissions above the free allocation'),
    "co2_levy_net": ('Nettotarief (tarief − EUA-aftrek, ten minste 0) × emissies boven de dispensatierechten (factor × gratis toewijzing)', 'Net rate (rate − EUA deduction, at least 0) × emissions above the dispensation rights (factor × free allocation)'),
    "not_eligible": ('Niet in aanmerking', 'Not eligible'),
    "eligible_benchmark": ('Subsidiabel verbruik = productie × productbenchmark', 'Eligible consumption = output × product benchmark'),
    "eligible_fallback": ('Subsidiabel verbruik = verbruik × fall-backbenchmark, {years} jaar verlaagd', 'Eligible consumption = consumption × fall-back benchmark, reduced for {years} years'),
    "after_deductible": ('Na eigen risico', 'After the deductible'),
    "aid_formula": ('−steunintensiteit × CO2-factor × EUA-termijnprijs × subsidiabel verbruik × budgetschaling', '−aid intensity × CO2 factor × EUA forward price × eligible consumption × budget scaling'),
    "claims": ('Claims van de gemodelleerde sectoren ({sectors}), Σ steun per MWh × sectorverbruik', 'Claims of the modelled sectors ({sectors}), Σ aid per MWh × sector consumption'),
    "payout_share": ('Uitbetalingsaandeel = budget ÷ claims, ten hoogste 1', 'Payout share = budget ÷ claims, at most 1'),
    "cut": ('Korting = claim × (1 − uitbetalingsaandeel)', 'Cut = claim × (1 − payout share)'),
    "remaining_indirect": ('Resterende indirecte kosten = (1 − steunintensiteit) × CO2-factor × EUA-termijnprijs × subsidiabel verbruik', 'Remaining indirect costs = (1 − aid intensity) × CO2 factor × EUA forward price × eligible consumption'),
    "top_up_share": ('Deel van de aanvulling dat deze groep krijgt', 'Share of the top-up this group receives'),
    "super_cap": ('Super-cap, wat boven het percentage van de bruto toegevoegde waarde uitkomt wordt gecompenseerd', 'Super-cap, what exceeds the percentage of gross value added is compensated'),
    "support_budget": ('Steun per MWh = budget ÷ verbruik van alle rechthebbenden', 'Support per MWh = budget ÷ consumption of all eligible users'),
    "support_price": ('Steun per MWh = referentieprijs − doelprijs, ten hoogste een deel van de referentieprijs', 'Support per MWh = reference price − target price, at most a share of the reference price'),
    "support_amount": ('Steun = −steun per MWh × verbruik × volumeaandeel', 'Support = −support per MWh × consumption × volume share'),
    "support_not_combined": ('Niet te combineren met de ETS-compensatie: alleen wat de steun meer oplevert telt', 'Not combined with the ETS compensation: only what the support adds counts'),
    "nace_listed": ('NACE {codes} staat op de lijst van in aanmerking komende sectoren', 'NACE {codes} is on the list of eligible sectors'),
    "nace_under_list": ('NACE {codes} valt onder {code} (de lijst van {n} codes)', 'NACE {codes} falls under {code} (the list of {n} codes)'),
    "nace_under_listed": ('NACE {codes} valt onder {code} ({listed})', 'NACE {codes} falls under {code} ({listed})'),
    "nace_under": ('NACE {codes} valt onder {code}', 'NACE {codes} falls under {code}'),
    "nace_not_on_list": ('NACE {codes} staat niet op de lijst van {n} codes', 'NACE {codes} is not on the list of {n} codes'),
    "nace_not_under": ('NACE {codes} valt niet onder {listed}', 'NACE {codes} does not fall under {listed}'),
    "business_use_yes": ('zakelijk gebruik = ja', 'business use = yes'),
    "business_use_no": ('zakelijk gebruik = nee', 'business use = no'),
    "ets_yes": ('EU ETS-installatie = ja', 'EU ETS installation = yes'),
    "ets_no": ('EU ETS-installatie = nee', 'EU ETS installation = no'),
    "q_consumption": ('verbruik', 'consumption'),
    "q_hours": ('benuttingsuren', 'utilisation hours'),
    "q_offpeak": ('daluuraandeel', 'off-peak share'),
    "q_intensity": ('elektro-intensiteit', 'electro-intensity'),
    "hours_from_contract": ("Benuttingsuren = verbruik ÷ gecontracteerd vermogen", "Utilisation hours = consumption ÷ contracted capacity"),
    "charge_fixed_eur_per_year": ("vast", "fixed"),
    "charge_capacity_eur_per_kw_year": ("capaciteit", "capacity"),
    "charge_monthly_peak_eur_per_kw_month": ("maandpiek", "monthly peak"),
    "charge_yearly_peak_eur_per_kw_year": ("jaarpiek", "yearly peak"),
    "charge_energy_eur_per_mwh": ("energie", "energy"),
    "named": ("{name}: {step}", "{name}: {step}"),  # a step of a named rule (a config's own name)
    "name": ("{name}", "{name}"),  # a config's own name alone (a gas charge as its publisher names it)
}


def step_text(lang: str, label) -> str:
    """A step of `explain` in the report's language: the engine gives a key with fields
    (core.context.Words); a field is a config's own name, a number, more Words or a tuple of them."""
    from speelveld.core.context import Words

    if not isinstance(label, Words):
        return str(label)
    nl, en = STEPS[label.key]
    return (en if lang == "en" else nl).format(**{k: _field_text(lang, v) for k, v in label.fields})


def _field_text(lang: str, value) -> str:
    from speelveld.core.context import Words

    if isinstance(value, Words):
        return step_text(lang, value)
    if isinstance(value, tuple):
        return ", ".join(_field_text(lang, v) for v in value)
    if hasattr(value, "text"):  # a config name with its English (InLanguages)
        return value.text(lang)
    return str(value)



