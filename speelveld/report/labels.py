"""Every word the reports print, in Dutch (default) and English: one module, so a term is
changed in one place and a missing translation is caught by a test (tests/test_labels.py)."""

from __future__ import annotations

import functools
import re
import string

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "commodity": "Stroominkoop (groothandel)",
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
        "band_to": "tot",
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
        "plant_above_sector": ". Let op: de voorbeeldfabriek verbruikt meer dan de hele sector ({sector_gwh} GWh/jr), dus het verschil per fabriek is groter dan dat van de sector",
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
        "w_ratio": "{where}: {path}: {value} {unit} is {ratio}× de waarde van {year} ({old}); tikfout of verkeerde eenheid?",
        "w_country_gone": "{folder}: {country} ontbreekt in {year} maar staat in {previous}; elk resultaat van {year} laat {country} weg "
        "(zet het landbestand terug, of haal het land bewust weg)",
        "w_sign": "{where}: {path}: {value} {unit} heeft het omgekeerde teken van de waarde van {year} ({old}); tikfout of verkeerde eenheid?",
        "w_estimates": "{country}: de totalen steunen op geschatte posten: {keys} (zie `speelveld sources --stale`)",
        "w_incomplete": "{country}: het verschil is niet volledig ({bounds}) voor {sectors}: aan één kant ontbreekt een post zonder grenzen",
        "w_previous_broken": "de configs van {previous} bevatten fouten, dus {year} wordt er niet mee vergeleken (draai `speelveld validate`)",
        "w_more": " en {n} meer",
        "gas_title": "Speelveldtoets {year}: {sector} ({name}), aardgas, €/MWh gas",
        "gas_plant": "Gasverbruik {fuel} GWh/jr als brandstof, {feedstock} GWh/jr als grondstof (bovenwaarde, Hs).",
        "gas_commodity": "Aardgas: commodity",
        "gas_network": "Aardgas: transport",
        "gas_taxes": "Aardgas: belastingen en heffingen",
        "gas_total": "Aardgas totaal (€/MWh gas)",
        "gas_gap": "Verschil {ref} − land, aardgas (€/MWh gas)",
        "energy_gap": "Verschil {ref} − land, elektriciteit + aardgas (M€/jr)",
        "gas_legend": "Aardgas per MWh van het hele gasverbruik (brandstof en grondstof); belastingen vallen alleen op brandstof. Kleur alleen als de band van het verschil geheel aan één kant van 0 ligt.",
        "gas_none": "{sector}: geen aardgascijfers voor alle landen van de vergelijking.",
        "ny_created": "Prijsjaar {year} aangemaakt uit {from_year}: {target} ({files} bestanden).",
        "ny_carried": "{n} jaarlijks gepubliceerde cijfers doorgeschoven als schatting met hun oude bron; `speelveld sources --stale --year {year}` toont wat bijgewerkt moet worden.",
        "ny_periods": "{path}: de tariefperiodes van {from_year} zijn één periode over {year} geworden, tegen het tarief van 31 december {from_year}.",
        "ny_ending": "Regels waarvan de geldigheid vóór {year} eindigt (gekopieerd, maar niet van toepassing in {year}):",
        "ny_until": "geldig tot en met {to_year}",
        "ny_scenario": "Scenario {name} geldt voor {years}, niet voor {year}: voeg {year} toe aan years: als het nog van toepassing is.",
        "imp_none": "Geen wijzigingen ten opzichte van de configs van {year}; niets geschreven.",
        "imp_source": "Nieuwe bron {id} in {file}: {title}",
        "imp_before": "vóór import",
        "imp_after": "na import",
        "imp_no_gap_change": "Geen verschil NL − land verandert door deze wijzigingen.",
        "imp_dry": "--dry-run: niets geschreven ({n} bestanden zouden veranderen).",
        "imp_written": "{n} bestanden bijgewerkt: {files}",
        # sources, sources --stale, diff
        "src_title": "Bronnen {year}: {country}",
        "src_cols": "onderdeel|id|bron|datum|waarden|markeringen",
        "q_published": "gepubliceerd", "q_derived": "afgeleid", "q_estimate": "schatting", "q_projection": "projectie", "q_unknown": "onbekend",
        "year_projection": "{year} (projectie)",
        "reason_unknown": "onbekend", "reason_estimate": "schatting", "reason_projection": "projectie", "reason_expired": "verlopen",
        "reason_update overdue": "actualisering te laat",
        "stale_title": "Aandachtspunten {year}, gerangschikt naar hun effect op de verschillen",
        "stale_caption": "effect: 'opent N': zonder grenzen laat de waarde N verschillen aan een kant open; 'N × tot x': de waarde "
        "verbreedt de band van N verschillen, de breedste met x €/MWh; 'N × x bij ±10 %': een schatting zonder band die, 10 % hoger "
        "of lager, N verschillen verschuift, het verste over x €/MWh (van laag naar hoog); '–': beweegt geen verschil (bijv. een "
        "ander spanningsniveau). Details per waarde met --verbose; alles met --format csv.",
        "stale_cols": "#|parameter|waarde|reden|effect",
        "stale_opens": "opent {n}", "stale_widens": "{n} × tot {x}", "stale_leverage": "{n} × {x} bij ±10 %",
        "stale_count": "{n} waarden vragen aandacht voor {year}.",
        "stale_hidden": " {n} aannames van de archetypes (schattingen per definitie) niet getoond; --include-archetypes toont ze.",
        "diff_title": "Verschil {ref} − land, elektriciteit (€/MWh): {a} → {b}",
        "diff_caption": "waarvan beleid: een besluit dat de config van {b} noemt (bijv. een heffing afgeschaft, een regeling uitgebreid); "
        "waarvan echt: andere regels, prijzen en tarieven veranderd (ook als de markering meeveranderde, bijv. schatting → "
        "gepubliceerd: die staat erachter); waarvan datastatus: een post werd bekend of onbekend (of is in beide jaren onbekend). ≥/≤/?: het verschil is een onder-/bovengrens of onbepaald.",
        "diff_cols": "sector|land|{a}|{b}|verandering|waarvan beleid|waarvan echt|waarvan datastatus|Δ directe CO2",
        "diff_line_caption": "Effect op het verschil: een stijging bij {ref} vergroot het, een stijging bij {cc} verkleint het.",
        "diff_more": " {n} kleinere niet getoond.",
        "diff_line_cols": "kant|kostenpost|{a}|{b}|effect|soort",
        "kind_data": "datastatus", "kind_real": "echt", "kind_policy": "beleid",
        "diff_policy": "Beleidsbesluiten: {items}",
        "op_cond_short": "voorw.",
        "op2_title": "Bestedingsopties {a}–{b}: kosten, ruimte in de envelop en het verschil {ref} − {cc} (€/MWh)",
        "op2_title_one": "Bestedingsopties {a}: kosten, ruimte in de envelop en het verschil {ref} − {cc} (€/MWh)",
        "op2_cols": "#|jaar|kosten\\nM€/jr|ruimte\\nM€/jr|chemie\\n{ref}−{cc}|staal\\n{ref}−{cc}|nuttig\\n{cc}|steun",
        "op2_caption": "* projectiejaar. Kosten: wat de staat betaalt (M€/jr, met band): de {ref}-fabrieken van elke sector minder × het "
        "verbruik van de sector, of het vaste budget van de optie; ≥: alleen de gemodelleerde sectoren, de volle kosten zijn "
        "onbekend. Ruimte: de envelop min wat de basis er al uit betaalt ({reading}). chemie, staal: het verschil met {cc} vóór → "
        "na, de band van na eronder. Nuttig: het deel van het geld dat een nadeel tegenover {cc} verkleint (tot gelijk); de rest "
        "gaat voorbij gelijk of naar sectoren waar {ref} al goedkoper is. Steun: ✓ elk deel getoetst en voldaan; ✗n: n regels niet "
        "voldaan; ✗ kader: geen verenigbaar staatssteunkader gevonden; n.v.t.: de optie geldt niet in dit jaar.",
        "op2_reading_netto": "lezing van de Kamerbrief: de IKC-uitbreiding wordt uit de envelop betaald",
        "op2_reading_bruto": "andere lezing: de envelop komt bovenop de IKC-uitbreiding",
        "op2_headroom": "{year}: envelop {envelope} M€, waarvan de IKC-uitbreiding {committed} M€, ruimte {headroom} M€ ({reading}).",
        "op2_memo": "{n} {title}: sluit in {year} {closes} tegenover {cc}, voor {cost} M€ van de {headroom} M€ ruimte; staatssteun: {verdict}.",
        "op2_memo_sector": "{pct} % van het nadeel van {sector} ({before} → {after} €/MWh)",
        "op2_memo_no_gap": "geen nadeel van {sector}",
        "op2_and": " en ",
        "op2_verdict_pass": "toegestaan (alle toetsbare voorwaarden voldaan)", "op2_no_framework": "✗ kader", "op2_na": "n.v.t.",
        "op2_verdict_fail": "niet toegestaan zoals ontworpen",
        "op2_verdict_na": "niet van toepassing",
        "op2_left_out": "ontvangt steun maar zit niet in de kosten (volume onbekend): {sectors}",
        "op2_partial": "de volle kosten (alle afnemers) zijn onbekend: de kosten zijn die van de gemodelleerde sectoren, een ondergrens",
        "op2_stated": "kosten volgens het scenario: {stated} M€/jr",
        "op2_mix_name": "de beste mix van de toegestane opties",
        "op2_mix_levels": "niveaus: {items}; kosten {cost} M€/jr (lineaire benadering: effecten opgeteld en evenredig met het niveau)",
        "op2_mix_marginal": "marginale waarde: de volgende 100 M€ sluit nog {x} €/MWh (gewogen naar volume)",
        "op2_mix_exhausted": "marginale waarde 0: de toegestane opties staan op hun wettelijke grens; meer geld sluit niets meer",
        "op2_mix_chance": "kans dat het verschil gesloten blijft (de band als gelijkmatige spreiding gelezen): {items}",
        "op_legend": "Opties:",
        "op_sheet": "Bestedingsopties",
        "op_sheet_title": "Bestedingsopties van de envelop elektriciteitskosten: kosten, ruimte in de envelop, verschil chemie en staal NL − DE en staatssteun per jaar",
        "op_xl_cols": "optie|jaar|projectie|kosten staat M€/jr|laag|hoog|ruimte M€/jr|laag|hoog|chemie NL−DE vóór (€/MWh)|"
        "chemie NL−DE na (€/MWh)|laag|hoog|staal NL−DE vóór (€/MWh)|staal NL−DE na (€/MWh)|laag|hoog|nuttig geld tegenover DE (%)|"
        "staatssteun|regels niet voldaan",
        "op_xl_words": "In woorden ({year})", "op_xl_yes": "ja", "op_xl_no": "nee",
        "op_chart_gap": "Verschil chemie NL − DE per jaar en optie (€/MWh)",
        "op_chart_cost": "Kosten voor de staat per optie en de envelop (M€/jr)",
        "op_year": "jaar", "op_without": "zonder optie", "op_envelope": "envelop",
        "sa_none": "{instrument}: geen verenigbaar kader gevonden: een door de staat betaalde korting voor een selectie van afnemers is staatssteun (zoals de Duitse bandlastvrijstelling, Beschikking 2019/56) die geen richtsnoer dekt, en nettarieven moeten kostenreflectief blijven (Verordening 2019/943, art. 18); zonder goedkeuring van de Commissie niet toegestaan",
        "sa_general": "{instrument}: een maatregel voor alle afnemers is niet selectief en dus geen staatssteun",
        "sa_tariff": "{instrument}: een tariefvorm van de ACM, betaald door de andere netgebruikers, niet door de staat",
        "sa_framework_period": "het kader geldt tot en met {end}, niet in {year}",
        "sa_condition": "{text}",
        "sa_ets_none": "geen IKC-ETS in dit jaar",
        "sa_ets_intensity": "{group}: steunintensiteit {pct} %, ten hoogste {max} %",
        "sa_ets_new_early": "nieuwe sectoren ({codes}) komen pas vanaf de kosten over 2025 in aanmerking, niet in {year}",
        "sa_ets_unknown_codes": "NACE {codes}: niet in de bijlage-I-lijst van het model; na te gaan in de bijlage",
        "sa_ets_factor": "CO2-factor {factor} t/MWh, ten hoogste {max} (bijlage III)",
        "sa_cisaf_none": "geen prijssteun in dit jaar",
        "sa_cisaf_share": "{measure}: steun op {pct} % van het verbruik, ten hoogste {max} %",
        "sa_cisaf_floor": "{measure}: prijs na steun ten minste {price} €/MWh, ondergrens {max} €/MWh",
        "sa_cisaf_floor_budget": "{measure}: prijs na steun {price} €/MWh (korting {relief} €/MWh), ondergrens {max} €/MWh",
        "sa_cisaf_half": "{measure}: korting {pct} % van de groothandelsprijs, ten hoogste {max} %",
        "sa_cisaf_duration": "{measure}: {n}e jaar sinds de start in {start}, ten hoogste {max} jaar per ontvanger en tot en met 2030",
        "sa_cisaf_no_start": "{measure}: het startjaar van de regeling is niet gegeven (valid.from_year), dus de duur is niet te toetsen",
        "sa_cisaf_cumulation": "{measure}: de ontvanger kiest deze steun of de IKC-ETS, nooit beide op hetzelfde verbruik",
        "sa_ceeag_none": "geen verlaagde heffing in deze optie",
        "sa_ceeag_contribution": "{levy}: eigen bijdrage {share} % (ten minste {max} %) en heffing {rate} €/MWh (ten minste {floor} €/MWh)",
        "sa_etd_minimum": "{levy}: tarief {rate} €/MWh, ten minste het EU-minimum van {max} €/MWh",
        "sa_etd_none": "geen verlaagd tarief in deze optie",
        "tx_policy_title": "Beleidsbesluiten per prijsjaar (in de configs)",
        "cal_title": "Kalender van regels ({year}): wanneer een regel eindigt en wat erop volgt",
        "cal_caption": "Elke regel met een geldigheidsperiode zegt wat erop volgt: een opvolger (een begrensde onbekende waar zijn "
        "vorm nog niet vaststaat), waarden uit paths.yaml, of een einde zonder opvolger, met een bron. `speelveld project` bouwt geen "
        "jaar waarin een regel is geëindigd zonder dat te zeggen. Toelichting per regel met --verbose; alles met --format csv.",
        "cal_cols": "land|regel|geldig|daarna|plaats",
        "cal_window": "{a}–{b}", "cal_from": "vanaf {a}", "cal_until": "t/m {b}",
        "cal_follows_rule": "opgevolgd door {label} (vanaf {year})",
        "cal_follows_paths": "waarden uit paths.yaml ({n} parameters)", "cal_follows_path": "waarden uit paths.yaml (1 parameter)",
        "cal_follows_ends": "eindigt zonder opvolger",
        "cal_follows_none": "niet gezegd",
        "cal_no_end": "geen einddatum",
        "pf_summary": "Profiel {file}: {mwh} MWh, piek {peak} MW, {hours} vollasturen, {offpeak} % buiten de piekuren.",
        "pf_prices": "Gewogen naar het profiel, groothandelsprijs €/MWh (verschil met baseload): {items}.",
        "hy_title": "Hybride e-boiler naast de gasketel, {sector} {year}: elk uur de goedkoopste (CO2-prijs {eua} €/t)",
        "hy_cols": "land|uren\\nstroom|prijs\\n€/MWh|alleen gas\\nM€/jr|e-boiler\\nbaseload|hybride\\nM€/jr|break-even\\nbaseload|break-even\\nhybride",
        "hy_caption": "Uren stroom: de uren waarin stroom (groothandelsprijs plus netkosten en heffingen per MWh, gedeeld door het rendement) "
        "goedkoper warmte maakt dan gas met CO2; prijs: de gemiddelde groothandelsprijs van die uren. Jaarkosten van de ketelwarmte met "
        "annuïteiten: de hybride houdt de gasketel, baseload vervangt hem. Break-even: de laagste CO2-prijs (€/t) waarbij het niet duurder "
        "is dan alleen gas; ≤ 0: rendabel zonder CO2-prijs. Uurprijzen: SMARD (data/hourly); uurafhankelijke "
        "regels (DE § 19(2) StromNEV: ≥ 7.000 vollasturen en > 10 GWh) volgen uit de vollasturen van fabriek en e-boiler samen.",
        "hy_line": "{cc}: {hours} uur op stroom tegen gemiddeld {price} €/MWh (stroom wint onder {switch} €/MWh); besparing tegenover alleen gas {saving} M€/jr; verloren korting door minder vollasturen {lost} M€/jr; break-even CO2-prijs baseload {be_base}, hybride {be_hybrid}.",
        "hy_never": "nooit", "hy_free": "zonder CO2-prijs",
        "hy_sheet": "Hybride e-boiler", "hy_sheet_title": "Hybride e-boiler: uren op stroom, kosten en break-even per land",
        "hy_xl_cols": "land|uren op stroom|gemiddelde prijs (€/MWh)|omslagprijs (€/MWh)|alleen gas (M€/jr)|baseload e-boiler (M€/jr)|hybride (M€/jr)|besparing hybride (M€/jr)|break-even baseload (€/t)|break-even hybride (€/t)|verloren korting (M€/jr)",
        "hy_data_sheet": "Prijsduurkromme", "hy_hour": "uur (hoogste prijs eerst)", "hy_switch": "omslagprijs",
        "hy_chart_note": "Per land: de uurprijzen van het jaar van hoog naar laag (prijsduurkromme) en de omslagprijs waaronder de e-boiler draait (as −100 tot 300 €/MWh).", "hy_hours_axis": "uren van het jaar, duurste eerst",
        "tx_outside_band": "Aandeel trekkingen buiten de band van compare (die alle groothandelsprijzen samen hoog of laag neemt; de trekkingen volgen hun gemeten correlatie): {items}.",
        "cal_sheet": "Kalender", "cal_note_head": "waarom (uit de config, in het Engels)",
        "region_title": "Regio",
        "hl_start": "{ref} is ", "hl_and": " en ", "hl_title": "In woorden (per sector)", "tx_net_total": "Netto (elektriciteit)",
        "tx_pays_without_co2": "rendabel\nzonder\nCO2-prijs",
        "tx_maybe_without_co2": "*: de band reikt onder 0: mogelijk rendabel zonder CO2-prijs.",
        "tx_bc_limits": "Grenzen van de techniek ({label}): {note}",
        "hl_dearer": "{gap} €/MWh ({pct} %) duurder dan {cc} (band {band})",
        "hl_cheaper": "{gap} €/MWh ({pct} %) goedkoper dan {cc} (band {band})",
        "hl_unsure": "of {ref} duurder of goedkoper is dan {cc}, is niet met zekerheid te zeggen (band {band})",
        "hl_lower": "het verschil met {cc} is ten minste {band} (een post ontbreekt)",
        "hl_upper": "het verschil met {cc} is ten hoogste {band} (een post ontbreekt)",
        "hl_none": "het verschil met {cc} is onbepaald",
        "pj_built": "Projectiejaren {years} gebouwd uit {base} en het padenbestand, in {target} ({files} bestanden).",
        "pj_beyond": "de paden eindigen in {end}: {years} houden de laatste waarde van elk pad aan, met een band die verder wordt (niets valt terug op het basisjaar)",
        "pj_counts": "{n} waarden uit de paden; {carried} jaarlijkse cijfers doorgetrokken uit het basisjaar als schatting "
        "(`speelveld sources --stale --year JAAR` noemt ze).",
        "tx_policy_cols": "jaar|land|besluit|bron",
        # headings and sentences of the terminal report and the workbook
        "tx_network_costs": "netkosten",
        "tx_wholesale_price": "groothandelsprijs",
        "tx_support_measure": "steunmaatregel",
        "tx_country": "Land",
        "tx_meur_per_year": "M€/jr",
        "tx_sectors": "sectoren",
        "tx_without_volume": "zonder volume",
        "tx_the_sum_covers_only_the_model": " De som dekt alleen de sectoren van het model met een bekend volume.",
        "tx_break_even_co2_price_of_electrifying": "Break-even CO2-prijs van elektrificeren per land (€/t)",
        "tx_country_lower": "land",
        "tx_median": "mediaan",
        "tx_cost_to_the_state_as_the": "Kosten voor de staat volgens het scenario",
        "tx_before": "vóór",
        "tx_after": "na",
        "tx_delta_electricity": "Δ elektr.",
        "tx_relief_the_gap_where_nl_is": "Verlichting = het verschil waar NL duurder is (0 waar NL al goedkoper is), met de band van het verschil. Kosten = verlichting × elektriciteitsverbruik van de hele Nederlandse sector; ? waar dat volume onbekend is.",
        "tx_gwh_yr": "GWh/jr",
        "tx_all_sectors_together_m_yr": "Alle sectoren samen (M€/jr)",
        "tx_cost_to_the_state_model_cannot": "Kosten voor de staat (model): niet te berekenen (geen sector met bekend volume).",
        "tx_gas_boiler_mwh_of_heat": "Gasketel (€/MWh warmte)",
        "tx_energy_gas": "energie (gas)",
        "tx_co2_eua_and_national_levy": "CO2 (EUA en nationale heffing)",
        "tx_capital_and_fixed_o_m": "kapitaal en vaste O&M",
        "tx_energy_electricity": "energie (elektriciteit)",
        "tx_difference_per_year_m_yr": "Verschil per jaar (M€/jr)",
        "tx_break_even_co2_price_t": "Break-even CO2-prijs (€/t)",
        "tx_subsidy_needed_t_co2_avoided": "Benodigde subsidie (€/t CO2 vermeden)",
        "tx_sectors_title": "Sectoren",
        "tx_scenarios_scenario_name": "Scenario's (--scenario NAAM)",
        "tx_level_playing_field_check_effect_per": "Speelveldtoets: effect per sector",
        "tx_unknown": "onbekend",
        "tx_electricity": "elektriciteit",
        "tx_direct_co2": "directe CO2",
        "tx_tornado_swing_of_the_mean_break": "Tornado: spreiding van de gemiddelde break-even-prijs over de waarden van elke parameter (€/t)",
        "tx_tornado_swing_of_the_mean_gap": "Tornado: spreiding van het gemiddelde verschil over de waarden van elke parameter (€/MWh)",
        "tx_normal_draws_correlated_as_given_by": "Trekkingen gecorreleerd volgens --corr (een Gaussische copula: de coëfficiënt geldt tussen "
        "de onderliggende normale trekkingen). De tornado toont per parameter zijn marginale spreiding, inclusief wat de ermee gecorreleerde "
        "parameters meebrengen.",
        "tx_linked_slope": "{target} volgt {source} met {slope} × zijn verandering ({unit}).",
        "tx_clipped": "{path}: {pct} % van de normale trekkingen afgekapt tot wat het veld toestaat.",
        "tx_config_directory": "Configmap",
        "tx_price_years": "Prijsjaren",
        "tx_all": "alle",
        "tx_the_scenario_states_no_cost_to": "Het scenario noemt geen kosten voor de staat.",
        "tx_vary_them_with_vary_path_uniform": ". Varieer ze met --vary PAD=uniform(laag,hoog), of allemaal met --bands.",
        "tx_of_heat": "warmte",
        "tx_countries": "Landen",
        "tx_price_year": "prijsjaar",
        "tx_year_abbr": "jr",
        "tx_co2_levy": "CO2-heffing",
        "tx_ets_compensation": "ETS-compensatie",
        "tx_and": "en",
        "tx_more": "meer",
        "tx_total": "totaal",
        "tx_not_varied_at_the_middle_of": "Niet gevarieerd, op hun centrale waarde (de band in de config): ",
        "tx_left_out_of_the_distribution_unknown": "Buiten de verdeling (onbekend zonder grenzen): ",
        "tx_cannot_be_read": "niet te lezen",
        "tx_gap": "verschil",
        "tx_business_case": "Businesscase",
        "tt_sheet": "Toets",
        "tt_cols": "Sector|Land|Verschil {ref} − land vóór (€/MWh)|laag|hoog|Verschil na (€/MWh)|laag|hoog|Verandering (€/MWh)|laag|hoog|Status na",
        "tx_bc_band_low": "band break-even: laagste (€/t; leeg = open)", "tx_bc_band_high": "band break-even: hoogste (€/t; leeg = open)",
        "tx_eur_per_year": "€/jr",
        "tx_difference_per_year_0_electrifying_costs": "Verschil per jaar (> 0: elektrificeren kost meer)",
        "tx_subsidy_needed_t_avoided": "Benodigde subsidie (€/t vermeden)",
        "tx_heat_mwh_yr": "Warmte (MWh/jr)",
        "tx_gas_saved_mwh_yr": "Gas minder (MWh/jr)",
        "tx_electricity_added_mwh_yr": "Elektriciteit meer (MWh/jr)",
        "tx_co2_avoided_t_yr": "CO2 vermeden (t/jr)",
        "tx_capacity_kw_of_heat": "Vermogen (kW warmte)",
        "tx_eua_price_t": "EUA-prijs (€/t)",
        "tx_electricity_bill": "Δ elektriciteitsrekening",
        "tx_delta_gas_bill": "Δ gasrekening",
        "tx_co2_costs_eua_tonnes_avoided_national": "Δ CO2-kosten (EUA × vermeden t, nationale heffing)",
        "tx_gas_boiler_capital_and_o_m": "gasketel: kapitaal en O&M (vervalt)",
        "tx_delta_ref_meur": "Δ {ref} M€/jr",
        "tx_envelope": "Ter vergelijking: {label}: {meur} M€/jr ({status}; bron: {source}).",
        "tx_ikc_budget": "IKC-budget voor de kosten van {year}: {meur}.",
        "tx_state_cost_model": "Kosten voor de staat (model): {meur} M€/jr (band {band}) over {n} sectoren",
        "tx_without_volume_list": "; zonder volume: {items}.",
        "tx_ikc_claims": "IKC-claims van deze sectoren: {claims} M€ tegen een budget van {budget} M€{cut}.",
        "tx_ikc_paid_pro_rata": "De verschillen na het scenario zijn bij uitbetaling pro rata: elke IKC-claim × {pct} %, ook die van sectoren die al in aanmerking kwamen (hun verschil wordt groter). Met een hoger budget (--set {ref}.carbon.indirect_cost_compensation.budget_eur_per_year=…) wordt minder gekort.",
        "tx_per_gap_closed": "Kosten per €/MWh dat het verschil kleiner wordt in de sectoren die de maatregel bereikt (volumegewogen): {items} M€/jr.",
        "tx_share_closed": "Deel van de verschillen waar NL duurder is dat de maatregel sluit (tot gelijk, volumegewogen): {items}.",
        "tx_env_published": "gepubliceerd", "tx_env_derived": "afgeleid", "tx_env_estimate": "aanname, geen gepubliceerd bedrag",
        "tx_env_unknown": "niet gepubliceerd; de band is wat de bronnen toelaten", "tx_env_projection": "projectie",
        "tx_written_to": ", geschreven naar {path}",
        "tx_sweep_head": "Sweep {sector} {year}: {n} scenario's in {s} s ({rate}/s){where}",
        "tx_sweep_gap_title": "Verschil {ref} − land (€/MWh; positief = {ref} duurder)",
        "tx_share_dearer": "Aandeel scenario's waarin {ref} duurder is: {shares}.",
        "tx_bands_assumption_uniform": "Aanname: de {n} invoerwaarden met een band zijn uniform binnen hun band getrokken, onafhankelijk, "
        "behalve de groothandelsprijzen: die zijn gecorreleerd zoals hun maandgemiddelden van januari 2024 tot april 2026 (Ember: {rho}). "
        "De centrale waarden en banden van compare veranderen hier niet door.",
        "tx_bands_assumption_triangular": "Aanname: de {n} invoerwaarden met een band zijn driehoekig getrokken (piek op de centrale waarde), "
        "onafhankelijk, behalve de groothandelsprijzen: die zijn gecorreleerd zoals hun maandgemiddelden van januari 2024 tot april 2026 "
        "(Ember: {rho}). De centrale waarden en banden van compare veranderen hier niet door.",
        "tx_bc_title": "Businesscase {sector} {year}: {label} in plaats van de gasketel",
        "tx_bc_caption": "{heat} GWh warmte per jaar ({mw} MW): {gas} GWh gas minder, {el} GWh elektriciteit meer, {co2} kt CO2 vermeden. Energie: wat de rekening van de fabriek verandert (alle tarieven, heffingen, kortingen en compensatie), per MWh warmte; CO2 tegen de EUA-prijs. Verschil > 0: elektrificeren kost meer.",
        "tx_bc_note": "EUA-prijs {year}: {eua} €/t. De break-even-prijs is de EUA-prijs waarbij het verschil 0 is (nationale CO2-heffingen gelijk gehouden). ? : de centrale waarde hangt af van een onbekende zonder grenzen (de band staat ervoor).",
        "tx_bc_capital": "{label}: kapitaal en O&M",
        "tx_cols_countries": "code|naam|netbeheerder",
        "tx_cols_sectors": "sector|naam|GWh/jr|uren|niveau|NACE",
        "tx_cols_scenarios": "scenario|titel|prijsjaren",
        "tx_policy_caption": "Verschil {ref} − land in €/MWh, vóór en na het scenario (a–b: band; ≥/≤: onder-/bovengrens; onbepaald). Δ: verandering van het verschil (negatief: de kloof wordt kleiner of keert om); Δ {ref} M€/jr: kostenverandering van de hele sector. Een verandering die afhangt van een onbekende post zonder grenzen heet onbekend (?), nooit 0.",
        "tx_policy_open": "? Verandering {what} ({shown}): hangt af van {on}, onbekend zonder grenzen.",
        "tx_trend_title": "Trend {sector}: elektriciteit totaal en verschil {ref} − land (€/MWh)",
        "tx_closing_title": "Wat het verschil dicht ({year}): de {ref}-verlichting die het verschil op nul brengt",
        "tx_tornado_caption": "Per parameter: het verschil tussen het hoogste en laagste gemiddelde verschil over zijn rasterwaarden, of bij trekkingen over tien even grote groepen (decielen) van zijn getrokken waarden. 0: de parameter komt in geen post van het land of van {ref} voor (wat de trekking dan toont is ruis).",
        "tx_linked_factor": "Gekoppeld: {target} volgt {source} met dezelfde factor.",
        "tx_linked_change": "Gekoppeld: {target} volgt {source} met dezelfde verandering.",
        "tx_validate_ok": "{year}: ok — {n} waarden ({summary}) in {files} bestanden",
        "tx_scenario_effect": "Effect van scenario {name}",
        "tx_workbook_head": "Speelveldtoets {year}",
        "tx_quality": "kwaliteit",
        "tx_a_number": "een getal",
        # what a command says it did (stderr)
        "st_wrote": "{file} geschreven",
        "st_wrote_sheets": "{file} geschreven ({n} bladen, {seconds} s)",
        "st_wrote_params": "{file} geschreven ({n} parameters van {year})",
        "st_computing": "{n} scenario's berekenen…",
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
        "band_to": "to",
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
        "plant_above_sector": ". Note: the example plant uses more than the whole sector ({sector_gwh} GWh/yr), so the gap per plant exceeds the sector's",
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
        "w_ratio": "{where}: {path}: {value} {unit} is {ratio}× the {year} value {old} (typo or unit slip?)",
        "w_country_gone": "{folder}: {country} is missing in {year} but present in {previous}; every result of {year} leaves {country} out "
        "(put the country file back, or remove the country on purpose)",
        "w_sign": "{where}: {path}: {value} {unit} has the opposite sign of the {year} value {old} (typo or unit slip?)",
        "w_estimates": "{country}: the totals rest on estimated lines: {keys} (see `speelveld sources --stale`)",
        "w_incomplete": "{country}: the gap is not complete ({bounds}) for {sectors}: a line without bounds is missing on one side",
        "w_previous_broken": "the {previous} configs have errors, so {year} is not checked against them (run `speelveld validate`)",
        "w_more": " and {n} more",
        "gas_title": "Level-playing-field test {year}: {sector} ({name}), natural gas, €/MWh of gas",
        "gas_plant": "Gas use {fuel} GWh/yr as fuel, {feedstock} GWh/yr as feedstock (upper calorific value, Hs).",
        "gas_commodity": "Gas: commodity",
        "gas_network": "Gas: transmission",
        "gas_taxes": "Gas: taxes and levies",
        "gas_total": "Natural gas total (€/MWh of gas)",
        "gas_gap": "Gap {ref} − country, natural gas (€/MWh of gas)",
        "energy_gap": "Gap {ref} − country, electricity + gas (M€/yr)",
        "gas_legend": "Gas per MWh of all gas used (fuel and feedstock); taxes fall on fuel only. Coloured only when the gap's band lies wholly on one side of 0.",
        "gas_none": "{sector}: no natural gas figures for every country of the comparison.",
        "ny_created": "Price year {year} created from {from_year}: {target} ({files} files).",
        "ny_carried": "{n} yearly figures carried forward as estimates with their old sources; `speelveld sources --stale --year {year}` lists what must be updated.",
        "ny_periods": "{path}: the {from_year} rate periods became one period over {year}, at the rate of 31 December {from_year}.",
        "ny_ending": "Rules whose validity ends before {year} (copied, but not applied in {year}):",
        "ny_until": "valid until {to_year}",
        "ny_scenario": "Scenario {name} applies to {years}, not to {year}: add {year} to its years: if it still applies.",
        "imp_none": "No changes against the {year} configs; nothing written.",
        "imp_source": "New source {id} in {file}: {title}",
        "imp_before": "before import",
        "imp_after": "after import",
        "imp_no_gap_change": "No NL − country gap changes with these edits.",
        "imp_dry": "--dry-run: nothing written ({n} files would change).",
        "imp_written": "{n} files updated: {files}",
        # sources, sources --stale, diff
        "src_title": "Sources {year}: {country}",
        "src_cols": "component|id|source|date|values|flags",
        "q_published": "published", "q_derived": "derived", "q_estimate": "estimate", "q_projection": "projection", "q_unknown": "unknown",
        "year_projection": "{year} (projection)",
        "reason_unknown": "unknown", "reason_estimate": "estimate", "reason_projection": "projection", "reason_expired": "expired",
        "reason_update overdue": "update overdue",
        "stale_title": "Values needing attention {year}, ranked by their effect on the gaps",
        "stale_caption": "effect: 'opens N': without bounds the value leaves N gaps open on one side; 'N × up to x': the value "
        "widens the band of N gaps, the widest by x €/MWh; 'N × x at ±10 %': an estimate without a band that, 10 % higher or lower, "
        "shifts N gaps, the furthest over x €/MWh (from low to high); '–': moves no gap (e.g. another voltage level). Details per value with --verbose; everything with --format csv.",
        "stale_cols": "#|parameter|value|reason|effect",
        "stale_opens": "opens {n}", "stale_widens": "{n} × up to {x}", "stale_leverage": "{n} × {x} at ±10 %",
        "stale_count": "{n} values need attention for {year}.",
        "stale_hidden": " {n} archetype assumptions (estimates by design) not listed; --include-archetypes lists them.",
        "diff_title": "Gap {ref} − country, electricity (€/MWh): {a} → {b}",
        "diff_caption": "of which policy: a decision the config of {b} names (e.g. a levy abolished, a scheme extended); "
        "of which real: other rules, prices and tariffs changed (also when the flag changed with it, e.g. estimate → "
        "published: shown beside it); of which data status: a line became known or unknown (or is unknown in both years). ≥/≤/?: the gap is a lower/upper bound or undetermined.",
        "diff_cols": "sector|country|{a}|{b}|change|of which policy|of which real|of which data status|Δ direct CO2",
        "diff_line_caption": "Effect on the gap: a rise in {ref} widens it, a rise in {cc} narrows it.",
        "diff_more": " {n} smaller not shown.",
        "diff_line_cols": "side|line|{a}|{b}|effect|kind",
        "kind_data": "data status", "kind_real": "real", "kind_policy": "policy",
        "diff_policy": "Policy decisions: {items}",
        "op_cond_short": "cond.",
        "op2_title": "Spending options {a}–{b}: cost, headroom in the envelope and the gap {ref} − {cc} (€/MWh)",
        "op2_title_one": "Spending options {a}: cost, headroom in the envelope and the gap {ref} − {cc} (€/MWh)",
        "op2_cols": "#|year|cost\\nM€/yr|headroom\\nM€/yr|chemie\\n{ref}−{cc}|staal\\n{ref}−{cc}|useful\\n{cc}|aid",
        "op2_caption": "* projection year. Cost: what the State pays (M€/yr, with band): the {ref} plants of each sector pay less × the "
        "sector's use, or the option's fixed budget; ≥: the modelled sectors only, the full cost is unknown. Headroom: the envelope "
        "less what the baseline already pays from it ({reading}). chemie, staal: the gap to {cc} before → after, the band of after "
        "under it. Useful: the share of the money that reduces a disadvantage against {cc} (to parity); the rest goes past parity or "
        "to sectors where {ref} is cheaper already. Aid: ✓ every part checked and met; ✗n: n rules not met; ✗ none: no compatible "
        "state-aid framework found; n/a: the option does not apply in this year.",
        "op2_reading_netto": "reading of the letter: the IKC extension is paid from the envelope",
        "op2_reading_bruto": "other reading: the envelope comes on top of the IKC extension",
        "op2_headroom": "{year}: envelope {envelope} M€, of which the IKC extension {committed} M€, headroom {headroom} M€ ({reading}).",
        "op2_memo": "{n} {title}: closes in {year} {closes} against {cc}, for {cost} M€ of the {headroom} M€ headroom; State aid: {verdict}.",
        "op2_memo_sector": "{pct} % of the {sector} disadvantage ({before} → {after} €/MWh)",
        "op2_memo_no_gap": "no {sector} disadvantage",
        "op2_and": " and ",
        "op2_verdict_pass": "allowed (every checkable condition met)", "op2_no_framework": "✗ none", "op2_na": "n/a",
        "op2_verdict_fail": "not allowed as designed",
        "op2_verdict_na": "not applicable",
        "op2_left_out": "receives relief but is not in the cost (volume unknown): {sectors}",
        "op2_partial": "the full cost (every user) is unknown: the cost is that of the modelled sectors, a lower bound",
        "op2_stated": "cost according to the scenario: {stated} M€/yr",
        "op2_mix_name": "the best mix of the allowed options",
        "op2_mix_levels": "levels: {items}; cost {cost} M€/yr (linear approximation: effects added and in proportion to the level)",
        "op2_mix_marginal": "marginal value: the next 100 M€ closes {x} €/MWh more (volume-weighted)",
        "op2_mix_exhausted": "marginal value 0: the allowed options are at their legal limits; more money closes nothing more",
        "op2_mix_chance": "chance the gap stays closed (the band read as an even spread): {items}",
        "op_legend": "Options:",
        "op_sheet": "Spending options",
        "op_sheet_title": "Spending options of the electricity-cost envelope: cost, headroom in the envelope, the chemie and staal NL − DE gaps and state aid per year",
        "op_xl_cols": "option|year|projection|state cost M€/yr|low|high|headroom M€/yr|low|high|chemie NL−DE before (€/MWh)|"
        "chemie NL−DE after (€/MWh)|low|high|staal NL−DE before (€/MWh)|staal NL−DE after (€/MWh)|low|high|useful money against DE (%)|"
        "state aid|rules not met",
        "op_xl_words": "In words ({year})", "op_xl_yes": "yes", "op_xl_no": "no",
        "op_chart_gap": "Gap chemie NL − DE per year and option (€/MWh)",
        "op_chart_cost": "Cost to the state per option and the envelope (M€/yr)",
        "op_year": "year", "op_without": "without option", "op_envelope": "envelope",
        "sa_none": "{instrument}: no compatible framework found: a state-paid discount for selected users is State aid (as Germany's baseload exemption, Decision 2019/56) that no guideline covers, and network charges must stay cost-reflective (Regulation 2019/943, art. 18); not allowed without the Commission's approval",
        "sa_general": "{instrument}: a measure for all users is not selective and so no State aid",
        "sa_tariff": "{instrument}: a tariff form of the ACM, paid by the other network users, not by the State",
        "sa_framework_period": "the framework applies through {end}, not in {year}",
        "sa_condition": "{text}",
        "sa_ets_none": "no IKC-ETS in this year",
        "sa_ets_intensity": "{group}: aid intensity {pct} %, at most {max} %",
        "sa_ets_new_early": "new sectors ({codes}) are eligible from 2025 costs only, not in {year}",
        "sa_ets_unknown_codes": "NACE {codes}: not on the model's Annex I list; to verify in the annex",
        "sa_ets_factor": "CO2 factor {factor} t/MWh, at most {max} (Annex III)",
        "sa_cisaf_none": "no price relief in this year",
        "sa_cisaf_share": "{measure}: relief on {pct} % of consumption, at most {max} %",
        "sa_cisaf_floor": "{measure}: price after aid at least {price} €/MWh, floor {max} €/MWh",
        "sa_cisaf_floor_budget": "{measure}: price after aid {price} €/MWh (relief {relief} €/MWh), floor {max} €/MWh",
        "sa_cisaf_half": "{measure}: relief of {pct} % of the wholesale price, at most {max} %",
        "sa_cisaf_duration": "{measure}: year {n} since the start in {start}, at most {max} years per beneficiary and to 2030",
        "sa_cisaf_no_start": "{measure}: the scheme's first year is not given (valid.from_year), so its duration cannot be checked",
        "sa_cisaf_cumulation": "{measure}: the beneficiary takes this relief or the IKC-ETS, never both on the same consumption",
        "sa_ceeag_none": "no reduced levy in this option",
        "sa_ceeag_contribution": "{levy}: own contribution {share} % (at least {max} %) and levy {rate} €/MWh (at least {floor} €/MWh)",
        "sa_etd_minimum": "{levy}: rate {rate} €/MWh, at least the EU minimum of {max} €/MWh",
        "sa_etd_none": "no reduced rate in this option",
        "tx_policy_title": "Policy decisions per price year (in the configs)",
        "cal_title": "Calendar of rules ({year}): when a rule ends and what follows it",
        "cal_caption": "Every rule with a validity window says what follows it: a successor (a bounded unknown where its design "
        "is not yet known), values from paths.yaml, or an end without successor, with a source. `speelveld project` builds no year "
        "in which a rule has ended without saying so. Each rule's note with --verbose; everything with --format csv.",
        "cal_cols": "country|rule|in force|then|where",
        "cal_window": "{a}–{b}", "cal_from": "from {a}", "cal_until": "through {b}",
        "cal_follows_rule": "followed by {label} (from {year})",
        "cal_follows_paths": "values from paths.yaml ({n} parameters)", "cal_follows_path": "values from paths.yaml (1 parameter)",
        "cal_follows_ends": "ends without successor",
        "cal_follows_none": "not said",
        "cal_no_end": "no end date",
        "pf_summary": "Profile {file}: {mwh} MWh, peak {peak} MW, {hours} full-load hours, {offpeak} % off-peak.",
        "pf_prices": "Weighted by the profile, wholesale price €/MWh (difference to baseload): {items}.",
        "hy_title": "Hybrid e-boiler beside the gas boiler, {sector} {year}: the cheaper each hour (CO2 price {eua} €/t)",
        "hy_cols": "country|hours\\npower|price\\n€/MWh|gas only\\nM€/yr|e-boiler\\nbaseload|hybrid\\nM€/yr|break-even\\nbaseload|break-even\\nhybrid",
        "hy_caption": "Hours power: the hours in which electricity (wholesale price plus network charges and levies per MWh, divided by the "
        "efficiency) makes heat cheaper than gas with its CO2; price: the average wholesale price of those hours. Yearly cost of the boiler "
        "heat with annuities: the hybrid keeps the gas boiler, baseload replaces it. Break-even: the lowest CO2 price (€/t) at which it costs "
        "no more than gas only; ≤ 0: profitable without a CO2 price. Hourly prices: SMARD (data/hourly); hour-dependent "
        "rules (DE § 19(2) StromNEV: ≥ 7,000 full-load hours and > 10 GWh) follow from the full-load hours of plant and e-boiler together.",
        "hy_line": "{cc}: {hours} hours on electricity at {price} €/MWh on average (electricity wins below {switch} €/MWh); saving against gas only {saving} M€/yr; discount lost through fewer full-load hours {lost} M€/yr; break-even CO2 price baseload {be_base}, hybrid {be_hybrid}.",
        "hy_never": "never", "hy_free": "without a CO2 price",
        "hy_sheet": "Hybrid e-boiler", "hy_sheet_title": "Hybrid e-boiler: hours on electricity, costs and break-even per country",
        "hy_xl_cols": "country|hours on electricity|average price (€/MWh)|switching price (€/MWh)|gas only (M€/yr)|baseload e-boiler (M€/yr)|hybrid (M€/yr)|hybrid saving (M€/yr)|break-even baseload (€/t)|break-even hybrid (€/t)|discount lost (M€/yr)",
        "hy_data_sheet": "Price duration", "hy_hour": "hour (highest price first)", "hy_switch": "switching price",
        "hy_chart_note": "Per country: the year's hourly prices from high to low (price-duration curve) and the switching price below which the e-boiler runs (axis −100 to 300 €/MWh).", "hy_hours_axis": "hours of the year, dearest first",
        "tx_outside_band": "Share of draws outside the band of compare (which takes every wholesale price high or low together; the draws follow their measured correlation): {items}.",
        "cal_sheet": "Calendar", "cal_note_head": "why (from the config)",
        "region_title": "Region",
        "hl_start": "{ref} is ", "hl_and": " and ", "hl_title": "In words (per sector)", "tx_net_total": "Net (electricity)",
        "tx_pays_without_co2": "pays\nwithout a\nCO2 price",
        "tx_maybe_without_co2": "*: the band reaches below 0: electrifying may pay without a CO2 price.",
        "tx_bc_limits": "Limits of the technology ({label}): {note}",
        "hl_dearer": "{gap} €/MWh ({pct} %) dearer than {cc} (band {band})",
        "hl_cheaper": "{gap} €/MWh ({pct} %) cheaper than {cc} (band {band})",
        "hl_unsure": "whether {ref} is dearer or cheaper than {cc} cannot be said with certainty (band {band})",
        "hl_lower": "the gap to {cc} is at least {band} (a line is missing)",
        "hl_upper": "the gap to {cc} is at most {band} (a line is missing)",
        "hl_none": "the gap to {cc} is undetermined",
        "pj_built": "Projection years {years} built from {base} and the paths file, in {target} ({files} files).",
        "pj_beyond": "the paths end in {end}: {years} carry each path's last value, with a band that keeps widening (nothing falls back on the base year)",
        "pj_counts": "{n} values from the paths; {carried} yearly figures carried from the base year as estimates "
        "(`speelveld sources --stale --year YEAR` lists them).",
        "tx_policy_cols": "year|country|decision|source",
        # headings and sentences of the terminal report and the workbook
        "tx_network_costs": "network costs",
        "tx_wholesale_price": "wholesale price",
        "tx_support_measure": "support measure",
        "tx_country": "Country",
        "tx_meur_per_year": "M€/yr",
        "tx_sectors": "sectors",
        "tx_without_volume": "without volume",
        "tx_the_sum_covers_only_the_model": " The sum covers only the model's sectors with a known volume.",
        "tx_break_even_co2_price_of_electrifying": "Break-even CO2 price of electrifying per country (€/t)",
        "tx_country_lower": "country",
        "tx_median": "median",
        "tx_cost_to_the_state_as_the": "Cost to the state as the scenario states it",
        "tx_before": "before",
        "tx_after": "after",
        "tx_delta_electricity": "Δ electr.",
        "tx_relief_the_gap_where_nl_is": "Relief = the gap where NL is dearer (0 where NL is already cheaper), with the gap's band. Cost = relief × the electricity use of the whole Dutch sector; ? where that volume is unknown.",
        "tx_gwh_yr": "GWh/yr",
        "tx_all_sectors_together_m_yr": "All sectors together (M€/yr)",
        "tx_cost_to_the_state_model_cannot": "Cost to the state (model): cannot be computed (no sector with a known volume).",
        "tx_gas_boiler_mwh_of_heat": "Gas boiler (€/MWh of heat)",
        "tx_energy_gas": "energy (gas)",
        "tx_co2_eua_and_national_levy": "CO2 (EUA and national levy)",
        "tx_capital_and_fixed_o_m": "capital and fixed O&M",
        "tx_energy_electricity": "energy (electricity)",
        "tx_difference_per_year_m_yr": "Difference per year (M€/yr)",
        "tx_break_even_co2_price_t": "Break-even CO2 price (€/t)",
        "tx_subsidy_needed_t_co2_avoided": "Subsidy needed (€/t CO2 avoided)",
        "tx_sectors_title": "Sectors",
        "tx_scenarios_scenario_name": "Scenarios (--scenario NAME)",
        "tx_level_playing_field_check_effect_per": "Level-playing-field check: effect per sector",
        "tx_unknown": "unknown",
        "tx_electricity": "electricity",
        "tx_direct_co2": "direct CO2",
        "tx_tornado_swing_of_the_mean_break": "Tornado: swing of the mean break-even price across each parameter's values (€/t)",
        "tx_tornado_swing_of_the_mean_gap": "Tornado: swing of the mean gap across each parameter's values (€/MWh)",
        "tx_normal_draws_correlated_as_given_by": "Draws correlated as given by --corr (a Gaussian copula: the coefficient holds between the "
        "underlying normal draws). The tornado shows each parameter's marginal swing, including what the parameters correlated with it bring.",
        "tx_linked_slope": "{target} follows {source} by {slope} × its change ({unit}).",
        "tx_clipped": "{path}: {pct} % of the normal draws cut to what the field allows.",
        "tx_config_directory": "Config directory",
        "tx_price_years": "Price years",
        "tx_all": "all",
        "tx_the_scenario_states_no_cost_to": "The scenario states no cost to the state.",
        "tx_vary_them_with_vary_path_uniform": ". Vary them with --vary PATH=uniform(low,high), or all of them with --bands.",
        "tx_of_heat": "of heat",
        "tx_countries": "Countries",
        "tx_price_year": "price year",
        "tx_year_abbr": "yr",
        "tx_co2_levy": "CO2 levy",
        "tx_ets_compensation": "ETS compensation",
        "tx_and": "and",
        "tx_more": "more",
        "tx_total": "total",
        "tx_not_varied_at_the_middle_of": "Not varied, at their central value (their band in the config): ",
        "tx_left_out_of_the_distribution_unknown": "Left out of the distribution (unknown without bounds): ",
        "tx_cannot_be_read": "cannot be read",
        "tx_gap": "gap",
        "tx_business_case": "Business case",
        "tt_sheet": "Check",
        "tt_cols": "Sector|Country|Gap {ref} − country before (€/MWh)|low|high|Gap after (€/MWh)|low|high|Change (€/MWh)|low|high|Status after",
        "tx_bc_band_low": "band of the break-even: lowest (€/t; empty = open)", "tx_bc_band_high": "band of the break-even: highest (€/t; empty = open)",
        "tx_eur_per_year": "€/yr",
        "tx_difference_per_year_0_electrifying_costs": "Difference per year (> 0: electrifying costs more)",
        "tx_subsidy_needed_t_avoided": "Subsidy needed (€/t avoided)",
        "tx_heat_mwh_yr": "Heat (MWh/yr)",
        "tx_gas_saved_mwh_yr": "Gas saved (MWh/yr)",
        "tx_electricity_added_mwh_yr": "Electricity added (MWh/yr)",
        "tx_co2_avoided_t_yr": "CO2 avoided (t/yr)",
        "tx_capacity_kw_of_heat": "Capacity (kW of heat)",
        "tx_eua_price_t": "EUA price (€/t)",
        "tx_electricity_bill": "Δ electricity bill",
        "tx_delta_gas_bill": "Δ gas bill",
        "tx_co2_costs_eua_tonnes_avoided_national": "Δ CO2 costs (EUA × tonnes avoided, national levy)",
        "tx_gas_boiler_capital_and_o_m": "gas boiler: capital and O&M (avoided)",
        "tx_delta_ref_meur": "Δ {ref} M€/yr",
        "tx_envelope": "For comparison: {label}: {meur} M€/yr ({status}; source: {source}).",
        "tx_ikc_budget": "IKC budget for the costs of {year}: {meur}.",
        "tx_state_cost_model": "Cost to the state (model): {meur} M€/yr (band {band}) over {n} sectors",
        "tx_without_volume_list": "; without volume: {items}.",
        "tx_ikc_claims": "IKC claims of these sectors: {claims} M€ against a budget of {budget} M€{cut}.",
        "tx_ikc_paid_pro_rata": "The gaps after the scenario are at the claims paid pro rata: every IKC claim × {pct} %, those of sectors already eligible too (their gap widens). A larger budget (--set {ref}.carbon.indirect_cost_compensation.budget_eur_per_year=…) cuts less.",
        "tx_per_gap_closed": "Cost per €/MWh the gap narrows in the sectors the measure reaches (volume-weighted): {items} M€/yr.",
        "tx_share_closed": "Share of the gaps where NL is dearer that the measure closes (to parity, volume-weighted): {items}.",
        "tx_env_published": "published", "tx_env_derived": "derived", "tx_env_estimate": "an assumption, no published amount",
        "tx_env_unknown": "not published; the band is what the sources allow", "tx_env_projection": "projection",
        "tx_written_to": ", written to {path}",
        "tx_sweep_head": "Sweep {sector} {year}: {n} scenarios in {s} s ({rate}/s){where}",
        "tx_sweep_gap_title": "Gap {ref} − country (€/MWh; positive = {ref} dearer)",
        "tx_share_dearer": "Share of scenarios in which {ref} is dearer: {shares}.",
        "tx_bands_assumption_uniform": "Assumption: the {n} inputs with a band are drawn uniformly within their band, independently, "
        "except the wholesale prices: they are correlated as their monthly averages from January 2024 to April 2026 were (Ember: {rho}). "
        "The central values and bands of compare do not change.",
        "tx_bands_assumption_triangular": "Assumption: the {n} inputs with a band are drawn triangularly (peak at the central value), "
        "independently, except the wholesale prices: they are correlated as their monthly averages from January 2024 to April 2026 were "
        "(Ember: {rho}). The central values and bands of compare do not change.",
        "tx_bc_title": "Business case {sector} {year}: {label} instead of the gas boiler",
        "tx_bc_caption": "{heat} GWh of heat a year ({mw} MW): {gas} GWh less gas, {el} GWh more electricity, {co2} kt CO2 avoided. Energy: how the plant's bill changes (every tariff, levy, reduction and compensation), per MWh of heat; CO2 at the EUA price. Difference > 0: electrifying costs more.",
        "tx_bc_note": "EUA price {year}: {eua} €/t. The break-even price is the EUA price at which the difference is 0 (national CO2 levies held). ? : the central value depends on an unknown without bounds (its band is shown).",
        "tx_bc_capital": "{label}: capital and O&M",
        "tx_cols_countries": "code|name|network operator",
        "tx_cols_sectors": "sector|name|GWh/yr|hours|level|NACE",
        "tx_cols_scenarios": "scenario|title|price years",
        "tx_policy_caption": "Gap {ref} − country in €/MWh, before and after the scenario (a–b: band; ≥/≤: lower/upper bound; undetermined). Δ: change of the gap (negative: it narrows or reverses); Δ {ref} M€/yr: cost change of the whole sector. A change that depends on an unknown line without bounds is shown as unknown (?), never as 0.",
        "tx_policy_open": "? Change in {what} ({shown}): depends on {on}, unknown without bounds.",
        "tx_trend_title": "Trend {sector}: electricity total and gap {ref} − country (€/MWh)",
        "tx_closing_title": "What closes the gap ({year}): the {ref} relief that brings the gap to zero",
        "tx_tornado_caption": "Per parameter: the difference between the highest and lowest mean gap across its grid values, or for draws across ten equal-count bins (deciles) of its drawn values. 0: the parameter enters no line of the country or of {ref} (anything else would be sampling noise).",
        "tx_linked_factor": "Linked: {target} follows {source} by the same factor.",
        "tx_linked_change": "Linked: {target} follows {source} by the same change.",
        "tx_validate_ok": "{year}: ok — {n} values ({summary}) in {files} files",
        "tx_scenario_effect": "Effect of scenario {name}",
        "tx_workbook_head": "Level-playing-field test {year}",
        "tx_quality": "quality",
        "tx_a_number": "a number",
        # what a command says it did (stderr)
        "st_wrote": "wrote {file}",
        "st_wrote_sheets": "wrote {file} ({n} sheets, {seconds} s)",
        "st_wrote_params": "wrote {file} ({n} parameters of {year})",
        "st_computing": "computing {n} scenarios…",
    },
}

# The workbook's words (sheets, headings, notes).
WORKBOOK: dict[str, dict] = {
    "nl": {
        "summary": "Samenvatting", "parameters": "Parameters", "run": "Run", "method": "Methode", "closing": "Verschil dichten",
        "gas_gap": "Verschil {ref} − {cc} aardgas (€/MWh gas)", "energy_gap": "Verschil {ref} − {cc} elektriciteit + gas (M€/jr per fabriek)",
        "closing_title": "Wat het verschil dicht ({year}): de {ref}-verlichting die het verschil op nul brengt, en wat die kost",
        "closing_head": ["Sector", "Land", "Verlichting (€/MWh)", "laag", "hoog", "Sectorverbruik NL (MWh/jr)", "Kosten (M€/jr)", "laag", "hoog"],
        "closing_total": "Alle sectoren met bekend volume",
        "closing_note": "Verlichting = het verschil waar {ref} duurder is (0 waar {ref} al goedkoper is); kosten = verlichting × verbruik van de hele sector. {budgets}",
        "trend_title": "Trend: verschil {ref} − land per jaar (€/MWh) en elektriciteit totaal",
        "trend_year": "Jaar",
        "legend_title": "Kwaliteitsmarkering",
        "notes_language": "Toelichtingen en brontitels bij de cijfers staan zoals de configs ze geven (meestal in het Engels, de taal van de bronnen en de rekenregels); koppen, labels en berichten van het programma zijn Nederlands.",
        "legend_published": "gelezen in de genoemde bron (wet, toezichthouder, netbeheerder, statistiekbureau).",
        "legend_derived": "berekend uit gepubliceerde cijfers; de toelichting geeft de berekening.",
        "legend_estimate": "een aanname met de redenering in de toelichting; een band geeft waar het cijfer kan liggen.",
        "legend_projection": "een cijfer voor een toekomstig jaar uit een gepubliceerd pad (termijnnoteringen, een aangekondigd tarief); de band wordt breder met de horizon.",
        "legend_unknown": "niet gevonden; nooit als 0 geteld. Met een band (begrensde onbekende) telt het totaal het midden en geeft het de band; zonder band is het totaal aan die kant open.",
        "status_title": "Datastatus {year} per land (aantal cijfers per markering)",
        "status_unknown": "; waarvan {n} onbekend ({bounded} met een band)", "sector": "Sector", "line": "Kostenpost",
        "family": "Categorie", "gap_mwh": "Verschil {ref} − {cc} (€/MWh)", "gap_meur": "Verschil {ref} − {cc} sector (M€/jr)",
        "gap_band": "{cc}: band", "gap_status": "{cc}: status",
        "legend": (
            "Verschil = elektriciteitsprijs {ref} − land (€/MWh). Rood: {ref} zeker duurder; groen: {ref} zeker goedkoper; "
            "geen kleur: het verschil is onvolledig (≥/≤: een kant mist een post zonder grenzen) of de band bevat 0. Directe CO2-kosten staan apart."
        ),
        "total": "Elektriciteit totaal", "gross": "Bruto elektriciteit (zonder kortingen en compensatie)", "gap": "Verschil {ref} − land",
        "co2_total": "Directe CO2-kosten totaal", "co2_gap": "Verschil directe CO2-kosten",
        "band_low": "  band: laagste waarde (leeg = open)", "band_high": "  band: hoogste waarde (leeg = open)",
        "gap_low": "  band verschil: laagste (leeg = open)", "gap_high": "  band verschil: hoogste (leeg = open)", "status": "  status verschil",
        "unknown": "Onbekende posten", "consumption": "Verbruik (MWh/jr)",
        "quality": "{cc} kwaliteit", "band_lo": "{cc} band laag (€/MWh)", "band_hi": "{cc} band hoog (€/MWh)",
        "gap_lo": "{cc}: laag", "gap_hi": "{cc}: hoog",
        "run_keys": {"tool": "programma", "version": "versie", "year": "prijsjaar", "config_dir": "configmap", "config_hash": "hash van de configs",
                     "command": "opdracht", "scenario": "scenario", "overrides": "aanpassingen (--set)", "years": "prijsjaren",
                     "config_hashes": "hashes van de configs per jaar", "trend_config_hashes": "hashes van de configs (blad Trend)"},
        "meur_title": "Verschil {ref} − land per sector (M€/jr: verschil × verbruik van de hele sector)",
        "gas_title": "Verschil {ref} − land, aardgas (€/MWh gas)", "energy_title": "Verschil {ref} − land, elektriciteit + aardgas (M€/jr per fabriek)",
        "charts": "Grafieken", "charts_title": "Kosten per categorie en land per sector (€/MWh); ◆ = netto elektriciteitsprijs",
        "components": {"commodity": "groothandel", "network": "netwerk", "taxes": "belastingen", "carbon": "CO2", "gas": "aardgas",
                       "support": "steun", "envelope": "budget", "archetype": "archetype"},
        "chart": "Kosten per categorie en land (€/MWh)", "gap_chart": "Verschil met {ref} per sector (€/MWh)",
        "flags": {"published": "gepubliceerd", "derived": "afgeleid", "estimate": "schatting", "projection": "projectie", "unknown": "onbekend"},
        "params": ["Land/bereik", "Onderdeel", "Parameter", "Waarde", "Laag", "Hoog", "Eenheid", "Kwaliteit", "Bron", "URL", "Toelichting"],
    },
    "en": {
        "summary": "Summary", "parameters": "Parameters", "run": "Run", "method": "Method", "closing": "Closing the gap",
        "gas_gap": "Gap {ref} − {cc} natural gas (€/MWh of gas)", "energy_gap": "Gap {ref} − {cc} electricity + gas (M€/yr per plant)",
        "closing_title": "What closes the gap ({year}): the {ref} relief that brings the gap to zero, and its cost",
        "closing_head": ["Sector", "Country", "Relief (€/MWh)", "low", "high", "NL sector use (MWh/yr)", "Cost (M€/yr)", "low", "high"],
        "closing_total": "All sectors with a known volume",
        "closing_note": "Relief = the gap where {ref} is dearer (0 where {ref} is already cheaper); cost = relief × the use of the whole sector. {budgets}",
        "trend_title": "Trend: gap {ref} − country per year (€/MWh) and electricity total",
        "trend_year": "Year",
        "legend_title": "Quality flags",
        "notes_language": "Notes and source titles of the figures are as the configs give them (mostly in English); the tool's headings, labels and messages follow the workbook's language.",
        "legend_published": "read in the cited source (law, regulator, network operator, statistics office).",
        "legend_derived": "computed from published figures; the note gives the computation.",
        "legend_estimate": "an assumption with its reasoning in the note; a band gives where the figure may lie.",
        "legend_projection": "a future year's figure from a published path (futures, an announced tariff); its band widens with the horizon.",
        "legend_unknown": "not found; never counted as 0. With a band (bounded unknown) the total counts its middle and shows the band; without one the total is open on that side.",
        "status_title": "Data status {year} per country (figures per flag)",
        "status_unknown": "; of which {n} unknown ({bounded} with a band)", "sector": "Sector", "line": "Cost line",
        "family": "Family", "gap_mwh": "Gap {ref} − {cc} (€/MWh)", "gap_meur": "Gap {ref} − {cc} sector (M€/yr)",
        "gap_band": "{cc}: band", "gap_status": "{cc}: status",
        "legend": (
            "Gap = electricity price {ref} − country (€/MWh). Red: {ref} certainly dearer; green: {ref} certainly cheaper; "
            "no colour: the gap is incomplete (≥/≤: one side misses a line without bounds) or its band contains 0. Direct CO2 costs are separate."
        ),
        "total": "Electricity total", "gross": "Gross electricity (before reductions and compensation)", "gap": "Gap {ref} − country",
        "co2_total": "Direct CO2 costs total", "co2_gap": "Gap in direct CO2 costs",
        "band_low": "  band: lowest value (empty = open)", "band_high": "  band: highest value (empty = open)",
        "gap_low": "  band of the gap: lowest (empty = open)", "gap_high": "  band of the gap: highest (empty = open)", "status": "  status of the gap",
        "unknown": "Unknown lines", "consumption": "Consumption (MWh/yr)",
        "quality": "{cc} quality", "band_lo": "{cc} band low (€/MWh)", "band_hi": "{cc} band high (€/MWh)",
        "gap_lo": "{cc}: low", "gap_hi": "{cc}: high",
        "run_keys": {"tool": "tool", "version": "version", "year": "price year", "config_dir": "config directory", "config_hash": "config hash",
                     "command": "command", "scenario": "scenario", "overrides": "overrides (--set)", "years": "price years",
                     "config_hashes": "config hashes per year", "trend_config_hashes": "config hashes (sheet Trend)"},
        "meur_title": "Gap {ref} − country per sector (M€/yr: gap × the use of the whole sector)",
        "gas_title": "Gap {ref} − country, natural gas (€/MWh of gas)", "energy_title": "Gap {ref} − country, electricity + gas (M€/yr per plant)",
        "charts": "Charts", "charts_title": "Costs per family and country per sector (€/MWh); ◆ = net electricity price",
        "components": {"commodity": "wholesale", "network": "network", "taxes": "taxes", "carbon": "CO2", "gas": "natural gas",
                       "support": "support", "envelope": "envelope", "archetype": "archetype"},
        "chart": "Costs per family and country (€/MWh)", "gap_chart": "Gap to {ref} per sector (€/MWh)",
        "flags": {"published": "published", "derived": "derived", "estimate": "estimate", "projection": "projection", "unknown": "unknown"},
        "params": ["Country/scope", "Component", "Parameter", "Value", "Low", "High", "Unit", "Quality", "Source", "URL", "Note"],
    },
}


# `explain`'s words.
EXPLAIN: dict[str, dict] = {
    "nl": {
        "title": "Toelichting {year}: {sector} ({sector_name}) in {country} ({country_name})",
        "plant": "Verbruik {q} MWh/jr. Elk bedrag is €/jr voor de hele fabriek; ÷ verbruik geeft €/MWh.",
        "scenario": "Scenario: {name}",
        "overrides": "Aangepast: {items}",
        "applies": "geldt",
        "not_applied": "n.v.t.",
        "passed": "voldaan",
        "failed": "niet voldaan",
        "unknown": "onbekend",
        "result": "= {year} €/jr ÷ {q} MWh = {mwh} €/MWh",
        "per_year": "€/jr",
        "unknown_line": "= onbekend: een invoer ontbreekt (niet in het totaal)",
        "not_eligible": "= 0: voorwaarden niet vervuld",
        "inputs": "Invoer",
        "archetype": "Archetype (de fabriek; aannames, dezelfde in elk land)",
        "sum": "Elektriciteit, som van de posten: {year} €/jr = {mwh} €/MWh (bruto {gross} €/MWh){unknown}",
        "sum_filtered": "Elektriciteit, totaal van alle posten (niet alleen de getoonde): {year} €/jr = {mwh} €/MWh (bruto {gross} €/MWh){unknown}",
        "sum_co2": "Directe CO2-kosten, apart: {year} €/jr = {mwh} €/MWh",
        "sum_gas": "Aardgas, apart: {year} €/jr = {mwh} €/MWh gas (over {gas} MWh gas)",
        "sum_unknown": "; {n} post(en) onbekend (zonder grenzen niet meegeteld)",
        "band": "band {band} €/MWh",
        "sources": "Bronnen",
        "quality": "Kwaliteit: published = gelezen in de bron, derived = afgeleid (zie noot), estimate = schatting, unknown = niet gevonden.",
    },
    "en": {
        "title": "Explanation {year}: {sector} ({sector_name}) in {country} ({country_name})",
        "plant": "Consumption {q} MWh/yr. Every amount is €/yr for the whole plant; ÷ consumption gives €/MWh.",
        "scenario": "Scenario: {name}",
        "overrides": "Overridden: {items}",
        "applies": "applies",
        "not_applied": "n/a",
        "passed": "passed",
        "failed": "failed",
        "unknown": "unknown",
        "result": "= {year} €/yr ÷ {q} MWh = {mwh} €/MWh",
        "per_year": "€/yr",
        "unknown_line": "= unknown: an input is missing (not in the total)",
        "not_eligible": "= 0: conditions not met",
        "inputs": "Inputs",
        "archetype": "Archetype (the plant; assumptions, the same in every country)",
        "sum": "Electricity, sum of the lines: {year} €/yr = {mwh} €/MWh (gross {gross} €/MWh){unknown}",
        "sum_filtered": "Electricity, total of all lines (not only those shown): {year} €/yr = {mwh} €/MWh (gross {gross} €/MWh){unknown}",
        "sum_co2": "Direct CO2 costs, separate: {year} €/yr = {mwh} €/MWh",
        "sum_gas": "Natural gas, separate: {year} €/yr = {mwh} €/MWh of gas (over {gas} MWh of gas)",
        "sum_unknown": "; {n} line(s) unknown (without bounds not counted)",
        "band": "band {band} €/MWh",
        "sources": "Sources",
        "quality": "Quality: published = read in the source, derived = derived (see note), estimate = assumption, unknown = not found.",
    },
}


# What a config field is, in words (the input workbook's descriptions).
FIELD_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "baseload_eur_per_mwh": "groothandelsprijs baseload", "profile_premium_eur_per_mwh": "profielopslag", "supply_margin_eur_per_mwh": "leveranciersmarge",
        "price_eur_per_mwh": "prijs", "volume_share_pct": "volumeaandeel", "fixed_eur_per_year": "vast bedrag per jaar",
        "capacity_eur_per_kw_year": "capaciteitstarief", "monthly_peak_eur_per_kw_month": "tarief maandpiek", "yearly_peak_eur_per_kw_year": "tarief jaarpiek",
        "energy_eur_per_mwh": "energietarief", "rate_eur_per_mwh": "tarief", "business_rate_eur_per_mwh": "tarief zakelijk verbruik",
        "reference_rate_eur_per_mwh": "referentietarief", "share_of_rate_pct": "aandeel van het tarief", "above_mwh": "vanaf verbruik",
        "min_intensity_pct": "vanaf elektro-intensiteit", "pay_at_least_pct": "minimaal te betalen", "min_hours": "vanaf benuttingsuren",
        "abatement_pct": "korting", "cap_pct": "maximale korting", "cap_eur_per_year": "plafond per jaar", "cap_pct_of_gva": "plafond (% van de toegevoegde waarde)",
        "pct": "percentage", "co2_factor_t_per_mwh": "CO2-factor", "eua_price_eur_per_t": "EUA-prijs", "eua_forward_price_eur_per_t": "EUA-termijnprijs (t−1)",
        "aid_intensity_pct": "steunintensiteit", "fallback_benchmark_pct": "fallback-benchmark", "fallback_annual_reduction_pct": "jaarlijkse verlaging benchmark",
        "self_retention_mwh": "eigen risico", "budget_scaling_pct": "budgetkorting", "rate_eur_per_t": "tarief per ton", "eua_deduction_eur_per_t": "aftrek EUA-prijs",
        "dispensation_factor": "reductiefactor", "budget_eur_per_year": "budget per jaar", "eligible_consumption_mwh": "verbruik van de doelgroep",
        "target_price_eur_per_mwh": "doelprijs", "max_aid_share_pct": "maximaal steunaandeel", "consumption_mwh": "verbruik",
        "utilisation_hours": "benuttingsuren", "contracted_capacity_kw": "gecontracteerd vermogen", "offpeak_share_pct": "aandeel daluren",
        "gross_value_added_eur": "toegevoegde waarde", "direct_emissions_t_co2": "directe emissies", "free_allocation_t_co2": "gratis rechten",
        "sector_electricity_mwh": "elektriciteitsverbruik van de sector (NL)", "output_t": "productie", "benchmark_mwh_per_t": "productbenchmark",
        "process_shares_pct": "aandeel procesgebruik",
        "gas_emission_factor_t_per_mwh": "emissiefactor aardgas", "discount_rate_pct": "disconteringsvoet", "efficiency_pct": "rendement",
        "capex_eur_per_kw": "investering per kW", "fixed_om_eur_per_kw_year": "vaste onderhoudskosten per kW per jaar", "lifetime_years": "levensduur",
        "cop": "COP (warmte per eenheid stroom)", "capacity_eur_per_kwh_h_year": "capaciteitstarief per kWh/h", "super_cap_pct_of_gva": "supercap (% van de bruto toegevoegde waarde)", "super_cap_applies_pct": "deel van de supercap-aanvulling voor de groep", "reference_price_eur_per_mwh": "referentieprijs",
        "gas_fuel_mwh": "aardgas als brandstof", "boiler_gas_share_pct": "aandeel aardgas in ketels", "gas_feedstock_mwh": "aardgas als grondstof",
        "mineralogical": "mineralogische processen", "electrolysis": "elektrolyse", "metallurgical": "metallurgische processen",
    },
    "en": {
        "baseload_eur_per_mwh": "baseload wholesale price", "profile_premium_eur_per_mwh": "profile premium", "supply_margin_eur_per_mwh": "supplier margin",
        "price_eur_per_mwh": "price", "volume_share_pct": "volume share", "fixed_eur_per_year": "fixed amount per year",
        "capacity_eur_per_kw_year": "capacity charge", "monthly_peak_eur_per_kw_month": "monthly peak charge", "yearly_peak_eur_per_kw_year": "yearly peak charge",
        "energy_eur_per_mwh": "energy charge", "rate_eur_per_mwh": "rate", "business_rate_eur_per_mwh": "business rate",
        "reference_rate_eur_per_mwh": "reference rate", "share_of_rate_pct": "share of the rate", "above_mwh": "above consumption",
        "min_intensity_pct": "from electro-intensity", "pay_at_least_pct": "pays at least", "min_hours": "from utilisation hours",
        "abatement_pct": "abatement", "cap_pct": "maximum abatement", "cap_eur_per_year": "cap per year", "cap_pct_of_gva": "cap (% of gross value added)",
        "pct": "percentage", "co2_factor_t_per_mwh": "CO2 factor", "eua_price_eur_per_t": "EUA price", "eua_forward_price_eur_per_t": "EUA forward price (t−1)",
        "aid_intensity_pct": "aid intensity", "fallback_benchmark_pct": "fallback benchmark", "fallback_annual_reduction_pct": "annual benchmark reduction",
        "self_retention_mwh": "self-retention", "budget_scaling_pct": "budget scaling", "rate_eur_per_t": "rate per tonne", "eua_deduction_eur_per_t": "EUA price deduction",
        "dispensation_factor": "reduction factor", "budget_eur_per_year": "budget per year", "eligible_consumption_mwh": "eligible consumption",
        "target_price_eur_per_mwh": "target price", "max_aid_share_pct": "maximum aid share", "consumption_mwh": "consumption",
        "utilisation_hours": "utilisation hours", "contracted_capacity_kw": "contracted capacity", "offpeak_share_pct": "off-peak share",
        "gross_value_added_eur": "gross value added", "direct_emissions_t_co2": "direct emissions", "free_allocation_t_co2": "free allocation",
        "sector_electricity_mwh": "sector electricity use (NL)", "output_t": "output", "benchmark_mwh_per_t": "product benchmark",
        "process_shares_pct": "process share",
        "gas_emission_factor_t_per_mwh": "emission factor of natural gas", "discount_rate_pct": "discount rate", "efficiency_pct": "efficiency",
        "capex_eur_per_kw": "investment per kW", "fixed_om_eur_per_kw_year": "fixed O&M per kW per year", "lifetime_years": "lifetime",
        "cop": "COP (heat per unit of power)", "capacity_eur_per_kwh_h_year": "capacity tariff per kWh/h", "super_cap_pct_of_gva": "super-cap (% of gross value added)", "super_cap_applies_pct": "share of the super-cap top-up for the group", "reference_price_eur_per_mwh": "reference price",
        "gas_fuel_mwh": "natural gas as fuel", "boiler_gas_share_pct": "share of gas in boilers", "gas_feedstock_mwh": "natural gas as feedstock",
        "mineralogical": "mineralogical processes", "electrolysis": "electrolysis", "metallurgical": "metallurgical processes",
    },
}

READ_ME: dict[str, list[str]] = {
    "nl": [
        "Invoer speelveldtoets {year}: alle parameters van het prijsjaar, één per regel.",
        "",
        "Wijzigen: pas op het blad {inputs} waarde, laag, hoog, kwaliteit, bron of toelichting aan. Laat pad, land, onderdeel, omschrijving, eenheid en bestand:regel staan (grijs).",
        "Elke gewijzigde waarde heeft een bron nodig: een id van het blad {sources} voor hetzelfde bestand, of een nieuwe regel daar (bestand, id, titel, uitgever of url, datum).",
        "Kwaliteit: {qualities}. Een onbekende waarde laat de waardecel leeg (laag en hoog mogen een band geven); een schatting of afgeleide waarde heeft een toelichting.",
        "Getallen als getalcel, getypt zoals uw spreadsheet ze schrijft (64,5 in een Nederlandse, 64.5 in een Engelse); tekst in een getalcel wordt geweigerd. Bedragen in de eenheid van de kolom eenheid.",
        "Daarna: speelveld inputs import <dit bestand> (eerst met --dry-run om de wijzigingen en hun effect op de verschillen te zien).",
        "Bij een fout schrijft de import niets; de melding noemt blad, cel en parameter. Is een YAML-bestand na de export gewijzigd, exporteer dan opnieuw.",
    ],
    "en": [
        "Inputs of the level-playing-field test {year}: every parameter of the price year, one per row.",
        "",
        "To edit: change value, low, high, quality, source or note on the sheet {inputs}. Leave path, country, component, label, unit and file:line as they are (grey).",
        "Every changed value needs a source: an id on the sheet {sources} for the same file, or a new row there (file, id, title, publisher or url, date).",
        "Quality: {qualities}. An unknown value leaves the value cell empty (low and high may give a band); an estimate or derived value has a note.",
        "Numbers as number cells, typed as your spreadsheet writes them (64,5 in a Dutch one, 64.5 in an English one); text in a number cell is refused. Amounts in the unit of the unit column.",
        "Then: speelveld inputs import <this file> (first with --dry-run to see the changes and their effect on the gaps).",
        "On any error the import writes nothing; the message names sheet, cell and parameter. If a YAML file changed after the export, export again.",
    ],
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
    "carbon.compensation.budget": "Compensation: paid pro rata within the budget",
    "carbon.compensation.super_cap": "Compensation: super-cap (share of gross value added)",
}

# Rows shared by countries whose per-country labels differ get one neutral label.
GENERIC_ROW_LABELS = {
    "carbon.compensation": "Compensatie indirecte emissiekosten (ETS)",
    "carbon.compensation.budget": "Compensatie: pro rata binnen het budget",
    "carbon.compensation.super_cap": "Compensatie: super-cap (deel van de bruto toegevoegde waarde)",
}

QUALITY_MARK = {"published": "", "derived": "≈", "estimate": "~", "projection": "»", "unknown": "?"}


_DUTCH_UNITS = ((re.compile(r"/yr\b"), "/jr"), (re.compile(r"/month\b"), "/maand"), (re.compile(r"/a\b"), "/jr"))


def units_in(lang: str, text: str) -> str:
    """Units as the report's language writes them: €/kW/jr and €/kW/maand in Dutch. Only for
    display: the configs and the input workbook keep the units the loader reads."""
    if lang != "nl" or not text:
        return text
    for pattern, dutch in _DUTCH_UNITS:
        text = pattern.sub(dutch, text)
    return text


COUNTRY_NAMES = {
    "nl": {"NL": "Nederland", "DE": "Duitsland", "BE": "België (Vlaamse regels)", "FR": "Frankrijk"},
    "en": {"NL": "the Netherlands", "DE": "Germany", "BE": "Belgium (Flemish rules)", "FR": "France"},
}
# A country whose regional rules the configs follow for one region only: its code in a table says so.
SHORT_COUNTRY = {"nl": {"BE": "BE (Vl.)"}, "en": {"BE": "BE (Fl.)"}}


def country_name(lang: str, cc: str, short: bool = False) -> str:
    """A country as a table header (short: the code, 'BE (Vl.)' / 'BE (Fl.)' for Belgium's Flemish
    rules) or in a sentence (its name, 'België (Vlaamse regels)')."""
    if short:
        return SHORT_COUNTRY.get(lang, {}).get(cc, cc)
    return COUNTRY_NAMES.get(lang, {}).get(cc, cc)


def ikc_amount(lang: str, budgets) -> str | None:
    """The IKC budget of a ``core.closing.Budgets`` in words: its central value, with its band and
    how it is known where it is not published (never a bare midpoint shown as a fact)."""
    if budgets.ikc_eur_per_year is None:
        return None
    text = f"{num(budgets.ikc_eur_per_year / 1e6, 1, lang)} M€"
    if budgets.ikc_low is not None and budgets.ikc_high is not None and budgets.ikc_high > budgets.ikc_low:
        text += f" ({band_text(lang, budgets.ikc_low / 1e6, budgets.ikc_high / 1e6, 0)} M€; {t(lang, 'tx_env_' + (budgets.ikc_quality or 'estimate'))})"
    return text


def year_label(lang: str, year: int, projection: bool = False) -> str:
    """'2029 (projectie)' for a projection year, the year alone otherwise."""
    return LABELS[lang]["year_projection"].format(year=year) if projection else str(year)


def t(lang: str, key: str, **kw) -> str:
    return LABELS[lang][key].format(**kw)


def warning_text(lang: str, w) -> str:
    """A config.sanity.Warning in words."""
    fields = dict(w.fields)
    if "keys" in fields:
        keys = fields["keys"]
        fields["keys"] = ", ".join(keys[:5]) + (t(lang, "w_more", n=len(keys) - 5) if len(keys) > 5 else "")
    for name in ("sectors", "bounds"):
        if name in fields:
            fields[name] = ", ".join(t(lang, v) if name == "bounds" and v in LABELS[lang] else v for v in fields[name])
    return t(lang, w.key, **fields)


def line_label(lang: str, key: str, label: str) -> str:
    if lang == "en":
        if key in LINE_LABELS_EN:
            return LINE_LABELS_EN[key]
        for dutch, english in LABEL_FRAGMENTS_EN:
            label = label.replace(dutch, english)
    return label


# Dutch words the engine puts into line labels around a config's own names (the charge or levy
# name stays as its publisher writes it).
LABEL_FRAGMENTS_EN = (
    ("vrijstelling procesgebruik", "process exemption"), ("plafond", "cap"),
    ("Aardgas: groothandelsprijs", "Natural gas: wholesale price"), ("Gastransport: ", "Gas transmission: "),
)


def num(value: float | None, digits: int = 2, lang: str | None = None) -> str:
    """A number in ``lang``, or the run's report language (see report/numbers.py)."""
    from speelveld.report.numbers import num as formatted

    return formatted(value, digits, lang)


def band_text(lang: str, low: float | None, high: float | None, digits: int = 2) -> str:
    """'a–b', '≥ a', '≤ b' or 'onbepaald' for a band whose open sides are None."""
    if low is None and high is None:
        return t(lang, "undetermined")
    if high is None:
        return f"≥ {num(low, digits, lang)}"
    if low is None:
        return f"≤ {num(high, digits, lang)}"
    if abs(high - low) < 0.5 * 10**-digits:
        return num(low, digits, lang)
    a, b = num(low, digits, lang), num(high, digits, lang)
    if a.startswith("-"):
        # "-2,64–-2,61" reads as a typo and "-26,31–2,40" as a hyphenated figure: spell out a range that starts below zero
        return f"{a} {t(lang, 'band_to')} {b}"
    return f"{a}–{b}"


def gap_text(lang: str, row: dict, digits: int = 2) -> str:
    """A gap as a reader should quote it: its central value with its band beside it, 'c (a–b)'
    (a band alone where the row has no central value), '≥ a', '≤ b' or 'onbepaald'."""
    bound = row["gap_bound"]
    if bound == "none":
        return t(lang, "undetermined")
    band = band_text(lang, row["gap_low_eur_per_mwh"], row["gap_high_eur_per_mwh"], digits)
    central = row.get("gap_eur_per_mwh")
    if central is None or bound != "exact" or band == num(central, digits, lang):
        return band
    return f"{num(central, digits, lang)} ({band})"


def conclusive(row: dict) -> int:
    """+1 when the reference is certainly dearer, −1 certainly cheaper, 0 when the gap is
    incomplete or its band contains zero: only then may a report colour it as a conclusion."""
    if row["gap_bound"] != "exact" or row["gap_low_eur_per_mwh"] is None or row["gap_high_eur_per_mwh"] is None:
        return 0
    return band_sign(row["gap_low_eur_per_mwh"], row["gap_high_eur_per_mwh"])


def band_sign(low: float | None, high: float | None) -> int:
    """+1 when the whole band lies above zero, −1 when below, 0 when it holds zero (past rounding);
    a missing side counts as open."""
    if low is not None and low > 0.005:
        return 1
    if high is not None and high < -0.005:
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


# ------------------------------------------------------------------ error and status messages
# The loader, the option parsers and the engine word a problem in English where they find it
# (deep in the loader no report language is known, and the English form is what the API and the
# logs carry). The Dutch wording is looked up here when the line is printed: each entry is the
# English message with {named} parts and its Dutch wording with the same names. The part before
# the message (file:line: field:, or the option) is kept as written. A name listed in
# _MESSAGE_PARTS has its text worded in Dutch as well. More specific entries come first.
MESSAGES_NL: tuple[tuple[str, str], ...] = (
    # what the reader of the YAML finds
    ("tag '{tag}' is not allowed; a config holds plain text, numbers, dates, lists and mappings",
     "tag '{tag}' is niet toegestaan; een config bevat alleen tekst, getallen, datums, lijsten en mappings"),
    ("more than {n} values after expanding aliases (*name); is an alias repeated many times?",
     "meer dan {n} waarden na het uitvouwen van aliassen (*naam); wordt een alias vaak herhaald?"),
    ("nested more than {n} levels deep", "meer dan {n} niveaus diep genest"),
    ("nested too deeply", "te diep genest"),
    ("{size} bytes is larger than the {limit}-byte limit for a config file",
     "{size} bytes is groter dan de grens van {limit} bytes voor een configbestand"),
    ("not UTF-8 text (byte {byte}: {why}); save the file as UTF-8", "geen UTF-8-tekst (byte {byte}: {why}); sla het bestand op als UTF-8"),
    ("cannot read ({why})", "kan niet worden gelezen ({why})"),
    ("tab character; YAML indents with spaces", "tabteken; YAML springt in met spaties"),
    ("control character {char} (U+{code}) is not allowed in a config file", "stuurteken {char} (U+{code}) is niet toegestaan in een configbestand"),
    ("duplicate key (first at line {line}); YAML would silently keep only the last",
     "dubbele sleutel (eerst op regel {line}); YAML zou stilzwijgend alleen de laatste houden"),
    ("duplicate key '{key}' (first at line {line})", "dubbele sleutel '{key}' (eerst op regel {line})"),
    ("a key must be a plain name, not a list or mapping", "een sleutel moet een gewone naam zijn, geen lijst of mapping"),
    ("'{value}' is not a date ({why})", "'{value}' is geen datum ({why})"),
    ("the file is empty (expected a mapping of fields)", "het bestand is leeg (verwacht: een mapping van velden)"),
    ("expected a mapping of fields, got {kind}", "verwacht een mapping van velden, kreeg {kind}"),
    ("expected a mapping with scenario, title, description, set (the file is empty)",
     "verwacht een mapping met scenario, title, description, set (het bestand is leeg)"),
    ("expected a mapping with scenario, title, description, set (got {kind})",
     "verwacht een mapping met scenario, title, description, set (kreeg {kind})"),
    # the fields and their values
    ("unknown field; YAML reads '{key}' as one name: write a space after the colon ({field}: {value})",
     "onbekend veld; YAML leest '{key}' als één naam: zet een spatie na de dubbele punt ({field}: {value})"),
    ("unknown field{hint}", "onbekend veld{hint}"),
    ("required field is missing", "verplicht veld ontbreekt"),
    ("expected a number, or a mapping {{value, source, quality}}, got {kind}",
     "verwacht een getal, of een mapping {{value, source, quality}}, kreeg {kind}"),
    ("expected a mapping (field: value lines), got {kind}", "verwacht een mapping (regels veld: waarde), kreeg {kind}"),
    ("expected a list, got {kind}", "verwacht een lijst, kreeg {kind}"),
    ("expected a number, got {kind}", "verwacht een getal, kreeg {kind}"),
    ("expected a whole number, got {kind}", "verwacht een geheel getal, kreeg {kind}"),
    ("expected true or false, got {kind}", "verwacht true of false, kreeg {kind}"),
    ("expected text, got {kind}", "verwacht tekst, kreeg {kind}"),
    ("should be {options}, not {kind}", "moet {options} zijn, niet {kind}"),
    ("write NACE codes as quoted text, e.g. '24.10' (got {got})", "schrijf NACE-codes als tekst tussen aanhalingstekens, bijv. '24.10' (kreeg {got})"),
    ("'{code}' is not a NACE code like '20.14'", "'{code}' is geen NACE-code zoals '20.14'"),
    ("value is null, so quality must be 'unknown'", "de waarde is null, dus quality moet 'unknown' zijn"),
    ("quality 'unknown' needs value: null (an unknown figure is never a number)",
     "quality 'unknown' vraagt value: null (een onbekend cijfer is nooit een getal)"),
    ("a value flagged unknown must be empty (or flag it estimate)", "een waarde die als onbekend is gemarkeerd moet leeg zijn (of markeer haar als schatting)"),
    ("a value flagged '{quality}' needs a note with its derivation", "een waarde gemarkeerd als '{quality}' vraagt een note met de afleiding"),
    ("a block flagged '{quality}' needs a note with its derivation", "een blok gemarkeerd als '{quality}' vraagt een note met de afleiding"),
    ("give low and high together (the range the figure lies in); only an unknown value may have one bound",
     "geef low en high samen (het bereik waarin het cijfer ligt); alleen een onbekende waarde mag één grens hebben"),
    ("a value with low and high needs a note that says why the range holds",
     "een waarde met low en high vraagt een note die zegt waarom het bereik klopt"),
    ("low {low} is above high {high}", "low {low} ligt boven high {high}"),
    ("value {value} is outside its range {low} to {high}", "waarde {value} ligt buiten haar bereik {low} tot {high}"),
    ("a published value is exact: flag it 'derived' or 'estimate' to give it a range",
     "een gepubliceerde waarde is exact: markeer haar als 'derived' of 'estimate' om een bereik te geven"),
    ("value must be a finite number, not {value}", "de waarde moet een eindig getal zijn, niet {value}"),
    ("value must be a finite number", "de waarde moet een eindig getal zijn"),
    ("not a finite number", "geen eindig getal"),
    ("{value} % is outside 0–100 %", "{value} % ligt buiten 0–100 %"),
    ("{value} is negative; {unit} cannot be", "{value} is negatief; dat kan niet in {unit}"),
    ("{value} is implausibly large (more than {limit}); check the unit and the zeros",
     "{value} is onwaarschijnlijk groot (meer dan {limit}); controleer de eenheid en het aantal nullen"),
    ("{value} is too small; it must be at least {minimum}", "{value} is te klein; het moet minstens {minimum} zijn"),
    ("{value} is outside the plausible {range} for {field}; percentages are written as {pct}, not {fraction}",
     "{value} ligt buiten het aannemelijke bereik {range} voor {field}; percentages schrijft u als {pct}, niet als {fraction}"),
    ("{value} is outside the plausible {range} for {field}; did you mean {options}? (check the unit and the decimal point)",
     "{value} ligt buiten het aannemelijke bereik {range} voor {field}; bedoelde u {options}? (controleer de eenheid en de decimale punt)"),
    ("{value} is outside the plausible {range} for {field}", "{value} ligt buiten het aannemelijke bereik {range} voor {field}"),
    ("unknown unit '{unit}' for this field (use one of: {units})", "onbekende eenheid '{unit}' voor dit veld (gebruik een van: {units})"),
    ("value has no source (set 'source' here or on an enclosing block)", "de waarde heeft geen bron (zet 'source' hier of op een omvattend blok)"),
    ("unknown source '{source}'{hint}; define it under 'sources:'", "onbekende bron '{source}'{hint}; definieer haar onder 'sources:'"),
    ("unknown source '{source}'", "onbekende bron '{source}'"),
    # rules between fields
    ("from_year {start} is after to_year {end}", "from_year {start} ligt na to_year {end}"),
    ("give at least one of min, above, max, below", "geef minstens één van min, above, max, below"),
    ("give exactly one rate field of {fields} (got {n})", "geef precies één tariefveld van {fields} (nu {n})"),
    ("give exactly one effect: pay_at_least_by_hours, categories or abatement_pct",
     "geef precies één effect: pay_at_least_by_hours, categories of abatement_pct"),
    ("intensity_tiers need reference_rate_eur_per_mwh", "intensity_tiers vragen reference_rate_eur_per_mwh"),
    ("Wallonia is not modelled: 'BE' follows the Flemish rules where the regions differ (certificates, indirect-cost compensation); the Walloon rules were not found",
     "Wallonië is niet gemodelleerd: 'BE' volgt de Vlaamse regels waar de gewesten verschillen (certificaten, compensatie van indirecte emissiekosten); de Waalse regels zijn niet gevonden"),
    # spending options (config/scenario.py), the paths file (config/projection.py), profiles (config/profile.py)
    ("{path} not found", "{path} niet gevonden"),
    ("unknown framework '{basis}'{hint} (the frameworks of stateaid.yaml: {names})", "onbekend kader '{basis}'{hint} (de kaders van stateaid.yaml: {names})"),
    ("{value} is above the legal limit of {limit} ({basis}: {rule})", "{value} ligt boven de wettelijke grens van {limit} ({basis}: {rule})"),
    ("no instrument '{instrument}' in the config{hint}", "geen instrument '{instrument}' in de config{hint}"),
    ("no numeric parameter '{path}' in the config", "geen numerieke parameter '{path}' in de config"),
    ("the years of a path run on from {start} without a gap ({years}), so {year} is out of place",
     "de jaren van een pad lopen zonder gat door vanaf {start} ({years}), dus {year} hoort er niet"),
    ("the columns datetime and mw are needed (missing: {missing}; found: {found})", "de kolommen datetime en mw zijn nodig (ontbreekt: {missing}; gevonden: {found})"),
    ("'{value}' is not a number", "'{value}' is geen getal"),
    ("{value} MW is negative", "{value} MW is negatief"),
    ("'{value}' is not an ISO 8601 date and time (e.g. 2025-01-01T00:00+01:00)", "'{value}' is geen ISO 8601-datum en -tijd (bijv. 2025-01-01T00:00+01:00)"),
    ("{value} does not exist in Dutch local time (the spring clock change skips it)", "{value} bestaat niet in Nederlandse tijd (de zomertijd slaat het over)"),
    ("{value} is not in the price year {year}", "{value} valt niet in het prijsjaar {year}"),
    ("{value} does not start an hour (one row per hour)", "{value} begint geen uur (één rij per uur)"),
    ("{value} repeats the hour of row {row}", "{value} herhaalt het uur van rij {row}"),
    ("the hour {hour} is missing{after}; a profile has every hour of {year} ({n}), it is not padded",
     "het uur {hour} ontbreekt{after}; een profiel heeft elk uur van {year} ({n}), het wordt niet aangevuld"),
    ("the profile uses nothing in {year}", "het profiel verbruikt niets in {year}"),
    ("the profile is one plant's; give one --sector, not 'all'", "het profiel is van één fabriek; geef één --sector, niet 'all'"),
    ("hourly prices cover the whole years {years} (data/hourly/README.md), not {year}", "de uurprijzen dekken de hele jaren {years} (data/hourly/README.md), niet {year}"),
    ("'{value}' is not one of netto, bruto", "'{value}' is niet een van netto, bruto"),
    ("'{value}' is not one of baseload, hybride", "'{value}' is niet een van baseload, hybride"),
    ("the hybrid is an e-boiler beside the gas boiler; give --technology e-boiler", "de hybride is een e-boiler naast de gasketel; geef --technology e-boiler"),
    # the calendar of rules (config/calendar.py)
    ("the rule ended in {year} and says nothing of what followed; add followed_by: with rule (its successor's id), paths (values from paths.yaml) or ends: true, and a source",
     "de regel eindigde in {year} en zegt niet wat erna kwam; voeg followed_by: toe met rule (de id van de opvolger), paths (waarden uit paths.yaml) of ends: true, met een bron"),
    ("the rule has no end (valid.to_year), so nothing follows it", "de regel heeft geen einde (valid.to_year), dus volgt er niets op"),
    ("no rule '{rule}' in this file", "geen regel '{rule}' in dit bestand"),
    ("'{rule}' must start in {start} (valid: {{from_year: {start2}}}), the year after this rule ends",
     "'{rule}' moet beginnen in {start} (valid: {{from_year: {start2}}}), het jaar na het einde van deze regel"),
    ("give exactly one of rule (the successor's id), paths (values from paths.yaml) or ends: true",
     "geef precies één van rule (de id van de opvolger), paths (waarden uit paths.yaml) of ends: true"),
    ("say with a source and a note why this is what follows", "zeg met een bron en een toelichting waarom dit erop volgt"),
    ("{rule} ends in {end} and says nothing of what follows, so {year} cannot be built; add followed_by: with rule, paths or ends: true, and a source",
     "{rule} eindigt in {end} en zegt niet wat erop volgt, dus {year} kan niet worden gebouwd; voeg followed_by: toe met rule, paths of ends: true, met een bron"),
    ("{rule} is followed by values from the paths file, but it gives none for {path} in {year}",
     "op {rule} volgen waarden uit het paths-bestand, maar dat geeft er geen voor {path} in {year}"),
    ("intensity_tiers cannot be combined with above_mwh/share_of_rate_pct/rate_eur_per_mwh",
     "intensity_tiers gaan niet samen met above_mwh/share_of_rate_pct/rate_eur_per_mwh"),
    ("give exactly one of share_of_rate_pct or rate_eur_per_mwh (or intensity_tiers)",
     "geef precies één van share_of_rate_pct of rate_eur_per_mwh (of intensity_tiers)"),
    ("give exactly one of efficiency_pct (a boiler) or cop (a heat pump)", "geef precies één van efficiency_pct (een ketel) of cop (een warmtepomp)"),
    ("give exactly one of {first} or {second}", "geef precies één van {first} of {second}"),
    ("give exactly one of {fields}", "geef precies één van {fields}"),
    ("a percent_of_network levy takes no reduced_rates or exempt_processes",
     "een heffing met percent_of_network kent geen reduced_rates of exempt_processes"),
    ("the first band must start at 0 MWh, not {start}", "de eerste schijf moet bij 0 MWh beginnen, niet bij {start}"),
    ("band {i} is open-ended but band {j} follows it", "schijf {i} is open, maar schijf {j} volgt erna"),
    ("bands {i} and {j} overlap ({a} > {b} MWh)", "schijven {i} en {j} overlappen ({a} > {b} MWh)"),
    ("gap between bands {i} and {j} ({a} to {b} MWh)", "gat tussen schijven {i} en {j} ({a} tot {b} MWh)"),
    ("band {i} ends ({end}) before it starts ({start})", "schijf {i} eindigt ({end}) voordat hij begint ({start})"),
    ("the last band must be open-ended (leave out to_mwh)", "de laatste schijf moet open zijn (laat to_mwh weg)"),
    ("rate period {start} to {end} ends before it starts", "tariefperiode {start} tot {end} eindigt voordat zij begint"),
    ("rate periods {a} and {b} overlap", "tariefperiodes {a} en {b} overlappen"),
    ("rate periods leave a gap between {a} and {b}", "tariefperiodes laten een gat tussen {a} en {b}"),
    ("the first period starts on {date}, not on 1 January {year} (the price year)",
     "de eerste periode begint op {date}, niet op 1 januari {year} (het prijsjaar)"),
    ("the last period ends on {date}, not on 31 December {year} (the price year)",
     "de laatste periode eindigt op {date}, niet op 31 december {year} (het prijsjaar)"),
    ("give either budget_eur_per_year with eligible_consumption_mwh, or target_price_eur_per_mwh with max_aid_share_pct",
     "geef óf budget_eur_per_year met eligible_consumption_mwh, óf target_price_eur_per_mwh met max_aid_share_pct"),
    ("the budget route needs both budget_eur_per_year and eligible_consumption_mwh",
     "de budgetroute vraagt zowel budget_eur_per_year als eligible_consumption_mwh"),
    ("the price route needs both target_price_eur_per_mwh and max_aid_share_pct",
     "de prijsroute vraagt zowel target_price_eur_per_mwh als max_aid_share_pct"),
    ("'{given}' does not match the file name '{file}'", "'{given}' komt niet overeen met de bestandsnaam '{file}'"),
    ("{year} in a file under {folder}/", "{year} in een bestand onder {folder}/"),
    ("id '{id}' used twice", "id '{id}' komt twee keer voor"),
    ("must be more than 0 {unit}", "moet meer dan 0 {unit} zijn"),
    ("{hours} h is not within the {all} h of {year} (more than 0, at most {most})",
     "{hours} h past niet in de {all} h van {year} (meer dan 0, hoogstens {most})"),
    ("{mwh} MWh on {kw} kW is {hours} h of full load, more than the {all} h of {year}",
     "{mwh} MWh op {kw} kW is {hours} vollasturen, meer dan de {all} h van {year}"),
    ("shares add up to {total} % (> 100 %)", "de aandelen tellen op tot {total} % (> 100 %)"),
    ("'{level}' is not offered by {country} ({where}: network.levels has {offered})",
     "'{level}' wordt niet aangeboden door {country} ({where}: network.levels heeft {offered})"),
    ("unknown levy '{levy}'{hint}", "onbekende heffing '{levy}'{hint}"),
    ("scenario '{name}' applies to {years}, not to {year}", "scenario '{name}' geldt voor {years}, niet voor {year}"),
    # finding the configs
    ("config directory not found", "configmap niet gevonden"),
    ("no price-year folders (e.g. 2026/) in {folder}", "geen prijsjaarmappen (bijv. 2026/) in {folder}"),
    ("no configs for {year} in {folder} (available: {years})", "geen configs voor {year} in {folder} (beschikbaar: {years})"),
    ("no configs for {year} (available: {years})", "geen configs voor {year} (beschikbaar: {years})"),
    ("the range runs backwards; write {range}", "het bereik loopt achteruit; schrijf {range}"),
    ("the ETS indirect-cost compensation claims of the modelled sectors ({claims} M€) exceed the budget ({budget} M€), so every claim is paid pro rata at {share} % (claims from sectors outside the model would cut deeper)",
     "de claims voor compensatie van indirecte emissiekosten van de gemodelleerde sectoren ({claims} M€) zijn hoger dan het budget ({budget} M€), dus elke claim wordt pro rata uitbetaald tegen {share} % (claims van sectoren buiten het model zouden verder korten)"),
    ("no price year before {year} in {folder}; give --year or --vs-config-dir", "geen prijsjaar vóór {year} in {folder}; geef --year of --vs-config-dir"),
    ("{year} is the same year as --year; give another year or --vs-config-dir", "{year} is hetzelfde jaar als --year; geef een ander jaar of --vs-config-dir"),
    ("{folder} is not a directory", "{folder} is geen map"),
    ("missing (the EU ETS prices of {year})", "ontbreekt (de EU-ETS-prijzen van {year})"),
    ("no country files (*.yaml)", "geen landbestanden (*.yaml)"),
    ("no sector files (*.yaml)", "geen sectorbestanden (*.yaml)"),
    ("a second file for '{name}' next to {file}; keep one of the two", "een tweede bestand voor '{name}' naast {file}; houd er één van beide"),
    ("not read, because config files end in .yaml; rename it to {file}", "niet gelezen, want configbestanden eindigen op .yaml; hernoem het naar {file}"),
    ("not read (a price year is a folder named by the year alone, e.g. 2026/); rename it or move it out of the config directory",
     "niet gelezen (een prijsjaar is een map met alleen het jaartal als naam, bijv. 2026/); hernoem de map of haal haar uit de configmap"),
    ("price year {year} exists already; new-year never overwrites (rename or remove it first)",
     "prijsjaar {year} bestaat al; new-year overschrijft nooit (hernoem of verwijder het eerst)"),
    ("{year} is not before {new}; new-year rolls a year forward (give an earlier --from)",
     "{year} ligt niet vóór {new}; new-year rolt een jaar vooruit (geef een eerdere --from)"),
    ("cannot be opened for editing ({why}); run `speelveld validate`", "kan niet worden geopend om te bewerken ({why}); voer `speelveld validate` uit"),
    ("its layout cannot be kept by the editor (e.g. list dashes at the left margin); edit this file by hand, or lay it out "
     "like the shipped configs (mappings indented by 2, '- ' indented by 2)",
     "de opmaak kan door de editor niet behouden blijven (bijv. lijststreepjes tegen de kantlijn); bewerk dit bestand met de hand, "
     "of maak het op zoals de meegeleverde configs (mappings 2 ingesprongen, '- ' 2 ingesprongen)"),
    # options
    ("unknown country '{given}'{hint}; available: {available}", "onbekend land '{given}'{hint}; beschikbaar: {available}"),
    ("unknown sector '{given}'{hint}; available: {available}", "onbekende sector '{given}'{hint}; beschikbaar: {available}"),
    ("unknown scenario '{given}'{hint}; available: {available} (in {folder})", "onbekend scenario '{given}'{hint}; beschikbaar: {available} (in {folder})"),
    ("unknown scenario '{given}'{hint}; available: {available}", "onbekend scenario '{given}'{hint}; beschikbaar: {available}"),
    ("unknown {kind} '{given}'{hint}; available: {available}", "onbekend: {kind} '{given}'{hint}; beschikbaar: {available}"),
    ("give one or more of {kinds} (comma-separated), or all", "geef een of meer van {kinds} (gescheiden door komma's), of all"),
    ("give --format csv or json, or a file name ending in .csv or .json", "geef --format csv of json, of een bestandsnaam die eindigt op .csv of .json"),
    ("the name says {by_name} but --format says {by_format}", "de naam zegt {by_name}, maar --format zegt {by_format}"),
    ("the workbook needs a .xlsx name", "de werkmap heeft een naam op .xlsx nodig"),
    ("use a .parquet, .csv or .xlsx file", "gebruik een .parquet-, .csv- of .xlsx-bestand"),
    ("the same parameter is varied twice", "dezelfde parameter wordt twee keer gevarieerd"),
    ("the same parameter is linked twice", "dezelfde parameter wordt twee keer gekoppeld"),
    ("give a range like 2024:2026 or a list like 2024,2026", "geef een reeks zoals 2024:2026 of een lijst zoals 2024,2026"),
    ("no such file", "bestand bestaat niet"),
    ("no line key starts with '{line}'; keys: {keys}", "geen regelsleutel begint met '{line}'; sleutels: {keys}"),
    ("{country} is not in the {year} configs", "{country} staat niet in de configs van {year}"),
    ("both runs need the same reference country", "beide berekeningen moeten hetzelfde referentieland hebben"),
    # --set
    ("expected PATH=VALUE, e.g. {example}", "verwacht PAD=WAARDE, bijv. {example}"),
    ("malformed path '{path}'", "ongeldig pad '{path}'"),
    ("cannot read value '{value}'", "kan de waarde '{value}' niet lezen"),
    ("missing value after '='", "de waarde ontbreekt na '='"),
    ("unknown root '{root}'{hint}; a path starts with one of: {roots}", "onbekend begin '{root}'{hint}; een pad begint met een van: {roots}"),
    ("no '{name}' under '{under}'{hint}", "geen '{name}' onder '{under}'{hint}"),
    ("no item '{item}' in '{under}'{hint}", "geen element '{item}' in '{under}'{hint}"),
    ("the item's id '{id}' differs from the path's '{seg}'", "het id '{id}' van het element verschilt van '{seg}' in het pad"),
    ("no list '{where}' to add to", "geen lijst '{where}' om aan toe te voegen"),
    ("'{where}' is not a list; '+' adds an item to a list", "'{where}' is geen lijst; '+' voegt een element aan een lijst toe"),
    ("'{where}+' adds items with an id, e.g. {example}", "'{where}+' voegt elementen met een id toe, bijv. {example}"),
    ("'{where}' already has an item '{id}'; set its fields with {path}", "'{where}' heeft al een element '{id}'; wijzig de velden met {path}"),
    ("'{path}' is a value, it has no '{name}'", "'{path}' is een waarde, er zit geen '{name}' in"),
    ("the path names a whole file; name a field inside it", "het pad noemt een heel bestand; noem een veld daarin"),
    ("empty path", "leeg pad"),
    # sweeps
    ("expected PATH=SPEC, e.g. {example}", "verwacht PAD=SPEC, bijv. {example}"),
    ("expected TARGET=SOURCE, e.g. {example}", "verwacht DOEL=BRON, bijv. {example}"),
    ("expected A,B=RHO, e.g. {example}", "verwacht A,B=RHO, bijv. {example}"),
    ("{name} is not varied; give it a --vary first", "{name} wordt niet gevarieerd; geef er eerst een --vary voor"),
    ("{name} is varied itself; link it or vary it, not both", "{name} wordt zelf gevarieerd; koppel of varieer, niet beide"),
    ("an unknown value without bounds cannot be linked", "een onbekende waarde zonder grenzen kan niet worden gekoppeld"),
    ("{a} and {b} differ; link by factor with TARGET=SOURCE*", "{a} en {b} verschillen; koppel met een factor: DOEL=BRON*"),
    ("the coefficient must lie strictly between −1 and 1, between two parameters",
     "de coëfficiënt moet strikt tussen −1 en 1 liggen, tussen twee parameters"),
    ("these coefficients cannot hold together (the correlation matrix is not positive definite)",
     "deze coëfficiënten kunnen niet samen gelden (de correlatiematrix is niet positief definiet)"),
    ("a range needs start ≤ stop and a positive step", "een reeks vraagt start ≤ stop en een positieve stap"),
    ("{n} values is too many for one parameter", "{n} waarden is te veel voor één parameter"),
    ("uniform(low, high) needs low < high", "uniform(low, high) vraagt low < high"),
    ("normal(mean, sd) needs sd > 0", "normal(mean, sd) vraagt sd > 0"),
    ("{pct} % of the draws of normal({a},{b}) fall outside what the field allows ({ends}); use uniform(low,high) or a smaller sd",
     "{pct} % van de trekkingen van normal({a},{b}) valt buiten wat het veld toestaat ({ends}); gebruik uniform(low,high) of een kleinere sd"),
    ("{name} is not drawn at random (uniform, normal or --bands); correlation is for random draws",
     "{name} wordt niet willekeurig getrokken (uniform, normal of --bands); een correlatie geldt alleen voor toevalstrekkingen"),
    ("the slope needs both parameters in a unit ({a}: {ua}, {b}: {ub})", "de helling vraagt beide parameters in een eenheid ({a}: {ua}, {b}: {ub})"),
    ("{n} scenarios is more than a workbook takes well ({rows} rows: a million rows took minutes and GBs of memory); use .parquet or .csv",
     "{n} scenario's is meer dan een werkmap goed aankan ({rows} rijen: een miljoen rijen kostte minuten en GB's geheugen); gebruik .parquet of .csv"),
    ("the same parameter is set and varied ({paths}); drop the --set or the --vary", "dezelfde parameter wordt gezet en gevarieerd ({paths}); laat de --set of de --vary weg"),
    ("{paths} moved with {lead} by the same change (one market's price at other dates); set them with --set to keep them apart",
     "{paths} bewogen mee met {lead}, met dezelfde verandering (de prijs van één markt op andere momenten); zet ze met --set om ze los te houden"),
    ("cannot read '{spec}'; use start:stop:step, a list a,b,c, uniform(low,high) or normal(mean,sd)",
     "kan '{spec}' niet lezen; gebruik start:stop:step, een lijst a,b,c, uniform(low,high) of normal(mean,sd)"),
    ("no numeric parameter '{path}' in the {year} config{hint}", "geen numerieke parameter '{path}' in de config van {year}{hint}"),
    ("{value} h is more than a year has ({hours} h in {year})", "{value} h is meer dan een jaar heeft ({hours} h in {year})"),
    ("random draws (uniform/normal) need --samples N", "toevalstrekkingen (uniform/normal) vragen --samples N"),
    # the business case
    ("'{name}' is not an electric heat technology of the {year} configs (available: {names})",
     "'{name}' is geen elektrische warmtetechniek in de configs van {year} (beschikbaar: {names})"),
    ("the business case needs technologies.gas-boiler, gas_emission_factor_t_per_mwh and discount_rate_pct",
     "de business case vraagt technologies.gas-boiler, gas_emission_factor_t_per_mwh en discount_rate_pct"),
    ("the archetype has no gas_fuel_mwh or boiler_gas_share_pct, so there is no boiler heat to electrify",
     "het archetype heeft geen gas_fuel_mwh of boiler_gas_share_pct, dus er is geen ketelwarmte om te elektrificeren"),
    ("unknown, so the business case cannot be computed", "onbekend, dus de business case kan niet worden berekend"),
    ("boiler_gas_share_pct is 0: its heat is furnace heat, not boiler heat ({note})",
     "boiler_gas_share_pct is 0: de warmte is ovenwarmte, geen ketelwarmte ({note})"),
    ("the business case needs natural gas figures for every country ({countries})",
     "de business case vraagt aardgascijfers voor elk land ({countries})"),
    # the input workbook
    ("TRUE/FALSE is not a number", "WAAR/ONWAAR is geen getal"),
    ("'{text}' is text, not a number; make the cell a number (in a Dutch spreadsheet type {comma}, in an English one {point})",
     "'{text}' is tekst, geen getal; maak van de cel een getal (in een Nederlandse spreadsheet typt u {comma}, in een Engelse {point})"),
    ("'{text}' is text in a number cell; give a number or leave it empty", "'{text}' is tekst in een getalcel; geef een getal of laat de cel leeg"),
    ("not an Excel workbook that can be read ({why})", "geen Excel-werkmap die kan worden gelezen ({why})"),
    ("no sheet '{a}' or '{b}'; is this a workbook from `speelveld inputs export`?",
     "geen blad '{a}' of '{b}'; komt deze werkmap van `speelveld inputs export`?"),
    ("sheet {sheet}: the price year is missing; export the workbook again", "blad {sheet}: het prijsjaar ontbreekt; exporteer de werkmap opnieuw"),
    ("exported with the workbook but no longer there; export again", "bij de export van de werkmap aanwezig, nu niet meer; exporteer opnieuw"),
    ("changed since the workbook was exported (an edit in the YAML would be lost); export again and redo the edits",
     "gewijzigd sinds de export van de werkmap (een wijziging in de YAML zou verloren gaan); exporteer opnieuw en breng de wijzigingen opnieuw aan"),
    ("'{file}' is not a config file of {year}; use the file names of the other rows",
     "'{file}' is geen configbestand van {year}; gebruik de bestandsnamen van de andere rijen"),
    ("source id '{id}' must be lower-case letters, digits and dashes", "bron-id '{id}' mag alleen kleine letters, cijfers en streepjes bevatten"),
    ("new source '{id}' needs a title", "nieuwe bron '{id}' heeft een titel nodig"),
    ("new source '{id}' needs a url or publisher (D/E) and a date (F)", "nieuwe bron '{id}' heeft een url of uitgever (D/E) en een datum (F) nodig"),
    ("sheet {sheet}, row 1: the columns were changed (expected {columns}); export again",
     "blad {sheet}, rij 1: de kolommen zijn gewijzigd (verwacht: {columns}); exporteer opnieuw"),
    ("the parameter path is empty", "het parameterpad is leeg"),
    ("'{path}' is not a parameter of {year}; do not change the path column", "'{path}' is geen parameter van {year}; wijzig de padkolom niet"),
    ("the parameter appears twice", "de parameter komt twee keer voor"),
    ("the value changed but the quality cell is empty; the flag stays '{flag}'",
     "de waarde is gewijzigd maar de cel kwaliteit is leeg; de aanduiding blijft '{flag}'"),
    ("the value changed but the note still says it was carried forward from an earlier year; update the note",
     "de waarde is gewijzigd maar de toelichting zegt nog dat ze uit een eerder jaar is overgenomen; werk de toelichting bij"),
    ("sheet {sheet}: {n} parameter row(s) missing from the sheet, their values are kept unchanged: {shown}",
     "blad {sheet}: {n} parameterrij(en) ontbreken op het blad, hun waarden blijven ongewijzigd: {shown}"),
    ("unit '{unit}' does not match this parameter (use {unit_of}, or one of {units})",
     "eenheid '{unit}' past niet bij deze parameter (gebruik {unit_of}, of een van {units})"),
    ("unit '{unit}' does not match this parameter (use {unit_of})", "eenheid '{unit}' past niet bij deze parameter (gebruik {unit_of})"),
    ("quality '{word}' is not one of {words}", "kwaliteit '{word}' is niet een van {words}"),
    ("a changed value needs a source: an id of the sheet {sheet} for {file}, or a new row there",
     "een gewijzigde waarde heeft een bron nodig: een id van het blad {sheet} voor {file}, of een nieuwe rij daar"),
    ("source '{source}' is not defined for {file}; add a row on the sheet {sheet}",
     "bron '{source}' is niet gedefinieerd voor {file}; voeg een rij toe op het blad {sheet}"),
    ("empty, so flag it '{quality}' (or give the value)", "leeg, dus markeer haar als '{quality}' (of geef de waarde)"),
)


# Messages of the libraries underneath, worded in Dutch the same way: PyYAML's syntax errors, pydantic's
# constraint errors and typer's usage errors.
LIBRARY_MESSAGES_NL: tuple[tuple[str, str], ...] = (
    # PyYAML and pydantic
    ("expected {options}, but got {got}", "verwacht {options}, maar kreeg {got}"),
    ("expected {options}, but found {got}", "verwacht {options}, maar vond {got}"),
    ("mapping values are not allowed here", "hier mag geen 'sleutel: waarde' staan (een dubbele punt te veel of een inspringing verkeerd?)"),
    ("could not find expected ':'", "de verwachte ':' ontbreekt"),
    ("found character {char} that cannot start any token", "teken {char} kan hier niet staan"),
    ("found undefined alias {name}", "onbekende alias {name}"),
    ("found unexpected end of stream", "onverwacht einde van het bestand"),
    ("did not find expected key", "de verwachte sleutel ontbreekt"),
    ("String should match pattern '{pattern}' (got {kind})", "tekst moet voldoen aan het patroon '{pattern}' (kreeg {kind})"),
    ("List should have at least {n} item after validation, not {got}", "de lijst moet minstens {n} element hebben, niet {got}"),
    ("List should have at least {n} items after validation, not {got}", "de lijst moet minstens {n} elementen hebben, niet {got}"),
    # typer's own usage errors
    ("No such option: {option} (Possible options: {options})", "onbekende optie: {option} (mogelijke opties: {options})"),
    ("No such option: {option} Did you mean {other}?", "onbekende optie: {option}; bedoelde u {other}?"),
    ("No such option: {option}", "onbekende optie: {option}"),
    ("No such command '{name}'.", "onbekend commando '{name}'."),
    ("Missing option '{option}'.", "optie '{option}' ontbreekt."),
    ("Missing argument '{name}'.", "argument '{name}' ontbreekt."),
    ("Option '{option}' requires an argument.", "optie '{option}' vraagt een waarde."),
    ("Got unexpected extra argument ({arg})", "onverwacht extra argument ({arg})"),
    ("Got unexpected extra arguments ({args})", "onverwachte extra argumenten ({args})"),
    ("Invalid value for '{option}': '{value}' is not a valid integer.", "ongeldige waarde voor '{option}': '{value}' is geen geheel getal."),
    ("Invalid value for '{option}': '{value}' is not a valid float.", "ongeldige waarde voor '{option}': '{value}' is geen getal."),
    ("Invalid value for '{option}': '{value}' is not one of {choices}.", "ongeldige waarde voor '{option}': '{value}' is niet een van {choices}."),
    ("Got unexpected extra argument(s) ({args})", "onverwachte extra argumenten ({args})"),
    ("Invalid value for '{option}'", "ongeldige waarde voor '{option}'"),
    ("Input should be a valid integer, unable to parse string as an integer", "moet een geheel getal zijn"),
    ("Input should be a valid number, unable to parse string as a number", "moet een getal zijn"),
    ("Input should be greater than or equal to {n}", "moet minstens {n} zijn"),
    ("Input should be greater than {n}", "moet groter zijn dan {n}"),
    ("Value error, '{value}' is not one of {choices}.", "'{value}' is niet een van {choices}."),
)

# The Dutch wording of the parts that the loader words in English itself (what it got, a unit it
# could not name, an empty list); only in those parts, so that a user's own value stays as typed.
_WORDED_PARTS = ("kind", "unit", "available", "names", "years")
_KINDS_NL = {"nothing (null)": "niets (null)", "true (a yes/no value)": "true (een ja/nee-waarde)",
             "false (a yes/no value)": "false (een ja/nee-waarde)", "a mapping": "een mapping", "a list": "een lijst",
             "this value": "deze waarde", "none": "geen"}
# Pseudo-fields the loader puts where a field would stand.
_PLACES_NL = ((": file: ", ": bestand: "), (": structure: ", ": structuur: "), (": syntax: ", ": syntaxis: "),
              (": indentation: ", ": inspringing: "), (": sheet ", ": blad "), (", cell ", ", cel "), (" (cell ", " (cel "),
              (", row ", ", rij "))


def _part_nl(name: str, text: str) -> str:
    if name in _WORDED_PARTS and text in _KINDS_NL:
        return _KINDS_NL[text]
    if name == "kind" and text.startswith("the text "):
        return "de tekst " + text[len("the text ") :]
    if name == "hint" and text.startswith(" (did you mean ") and text.endswith("?)"):
        return " (bedoelde u " + text[len(" (did you mean ") :]
    if name in ("options", "choices") and " or " in text:
        head, _, last = text.rpartition(" or ")
        return f"{head} of {last}"
    if name in _NUMBER_PARTS and re.fullmatch(r"-?[\d,]+(\.\d+)?", text):
        from speelveld.report.numbers import localise

        return localise(text, "nl")  # a figure the tool wrote (never a path, code or year)
    return text


# Parts of messages that are figures the tool formats: written the Dutch way in a Dutch message.
_NUMBER_PARTS = frozenset({"claims", "budget", "share", "pct", "n", "rows", "hours", "value", "seconds", "rate", "relief", "price"})


def _template_regex(template: str, part) -> str:
    """A regex for the texts ``template`` words: its fixed text as written, each {name} as the
    group ``part(name)`` returns."""
    return "".join(re.escape(literal) + (part(name) if name is not None else "") for literal, name, _, _ in string.Formatter().parse(template))


def _message_part(name: str) -> str:
    if name == "hint":  # a did-you-mean or nothing: other text after a message is no hint to keep in English
        return r"(?P<hint>(?: \(did you mean .*?\?\))?)"
    return f"(?P<{name}>.*?)"


@functools.cache
def _message_patterns() -> list[tuple[re.Pattern, str]]:
    # Everything before the message (file:line: field:, an option, --set PATH:) is kept as written.
    return [(re.compile(r"(?P<_head>(?:.*: )?)" + _template_regex(english, _message_part) + r"\Z", re.S), dutch) for english, dutch in MESSAGES_NL + LIBRARY_MESSAGES_NL]


def message_parts(line: str) -> tuple[str, str, dict] | None:
    """The catalogue entry a message line matches: (head, Dutch template, parts), or None."""
    for pattern, dutch in _message_patterns():
        m = pattern.match(line)
        if m:
            parts = {k: v for k, v in m.groupdict().items() if k != "_head"}
            return m["_head"], dutch, parts
    return None


def message_text(lang: str, line: str) -> str:
    """An error or notice line in the report language. The tool words it in English; in Dutch the
    message after its place (file:line: field:, or the option) is worded from MESSAGES_NL. A line
    no entry matches is shown as written rather than half-translated."""
    if lang == "en":
        return line
    found = message_parts(line)
    if found is None:
        return line
    head, dutch, parts = found
    if head:
        # The place may itself be worded ("Invalid value for '--year': ..."); a file:line: field is not.
        head = message_text(lang, head.removesuffix(": ")) + ": "
    for english, place in _PLACES_NL:
        head = head.replace(english, place)
    return head + dutch.format(**{k: _part_nl(k, v) for k, v in parts.items()})


# The engine words the steps of `explain` in Dutch, around the configs' own names (a levy, a
# category, a tariff variant stay as their publisher writes them). In English each step is
# matched against these templates; a step of the form "name: step" has each side worded on its
# own, so a config's name before the colon is kept as written.
STEP_LABELS_EN: tuple[tuple[str, str], ...] = (
    # commodity and gas
    ("Baseloadprijs × verbruik", "Baseload price × consumption"),
    ("Profielopslag × verbruik", "Profile premium × consumption"),
    ("Leveranciersmarge × verbruik", "Supplier margin × consumption"),
    ("Besparing op het gereguleerde volume (alleen als goedkoper dan de markt)", "Saving on the regulated volume (only where cheaper than the market)"),
    ("Hubprijs ({hub}) × gasverbruik (brandstof + grondstof)", "Hub price ({hub}) × gas use (fuel + feedstock)"),
    ("Exitcapaciteit = gasverbruik ÷ benuttingsuren (vlakke afname)", "Exit capacity = gas use ÷ utilisation hours (flat offtake)"),
    # network
    ("Vermogen = verbruik ÷ benuttingsuren (vlakke last)", "Capacity = consumption ÷ utilisation hours (flat load)"),
    ("{variant}: geen tarief van deze soort", "{variant}: no charge of this kind"),
    ("Korting = nettarieven (na eerdere kortingen) × kortingsaandeel", "Reduction = network charges (after earlier reductions) × reduction share"),
    ("Kortingsaandeel: 100 % min het minimaal te betalen deel", "Reduction share: 100 % minus the minimum share to pay"),
    ("Kortingsaandeel categorie {category}", "Reduction share, category {category}"),
    ("Kortingsaandeel begrensd", "Reduction share, capped"),
    ("tariefvariant {variant}", "tariff variant {variant}"),
    ("categorie {category}", "category {category}"),
    # taxes and levies
    ("Grondslag: nettarieven {kinds}, na kortingen", "Base: network charges {kinds}, after reductions"),
    ("Percentage van de nettarieven", "Percentage of the network charges"),
    ("Belast verbruik = verbruik × (1 − vrijgesteld procesaandeel)", "Taxed consumption = consumption × (1 − exempt process share)"),
    ("Heffing over het belaste verbruik", "Levy on the taxed consumption"),
    ("Heffing over het verbruik", "Levy on the consumption"),
    ("Vrijstelling = heffing over belast verbruik − heffing over al het verbruik", "Exemption = levy on the taxed consumption − levy on all consumption"),
    ("tarief × MWh", "rate × MWh"),
    ("per schijf ({edges} MWh) tarief × MWh in de schijf", "per band ({edges} MWh) rate × MWh in the band"),
    ("Jaargemiddeld tarief: tarief per periode gewogen naar dagen", "Annual average rate: each period's rate weighted by its days"),
    ("Plafond = percentage × bruto toegevoegde waarde", "Cap = percentage × gross value added"),
    ("Plafond: verlaging tot het plafond (0 als de heffing eronder blijft)", "Cap: reduction down to the cap (0 if the levy stays below it)"),
    ("Gezamenlijk plafond over {levies}: percentage × bruto toegevoegde waarde − som van de heffingen", "Joint cap over {levies}: percentage × gross value added − sum of the levies"),
    ("Elektro-intensiteit onbekend: de sector heeft geen bruto toegevoegde waarde", "Electro-intensity unknown: the sector has no gross value added"),
    ("Elektro-intensiteit (%) = verbruik × referentietarief ÷ bruto toegevoegde waarde", "Electro-intensity (%) = consumption × reference rate ÷ gross value added"),
    ("Heffing tegen het verlaagde tarief", "Levy at the reduced rate"),
    ("Heffing met regeling: eerste MWh vol, daarboven een deel van het tarief", "Levy under the scheme: the first MWh in full, a share of the rate above them"),
    ("Heffing met regeling: eerste MWh vol, daarboven het verlaagde tarief", "Levy under the scheme: the first MWh in full, the reduced rate above them"),
    ("Verlaging = heffing met de voordeligste regeling − heffing zonder regeling", "Reduction = levy under the most favourable scheme − levy without a scheme"),
    ("Een andere regeling is voordeliger of deze geldt niet", "Another scheme is more favourable, or this one does not apply"),
    # carbon
    ("EUA-prijs × emissies boven de gratis toewijzing", "EUA price × emissions above the free allocation"),
    ("Nettotarief (tarief − EUA-aftrek, ten minste 0) × emissies boven de dispensatierechten (factor × gratis toewijzing)",
     "Net rate (rate − EUA deduction, at least 0) × emissions above the dispensation rights (factor × free allocation)"),
    ("Niet in aanmerking", "Not eligible"),
    ("Subsidiabel verbruik = productie × productbenchmark", "Eligible consumption = output × product benchmark"),
    ("Subsidiabel verbruik = verbruik × fall-backbenchmark, {years} jaar verlaagd", "Eligible consumption = consumption × fall-back benchmark, reduced for {years} years"),
    ("Na eigen risico", "After the deductible"),
    ("−steunintensiteit × CO2-factor × EUA-termijnprijs × subsidiabel verbruik × budgetschaling", "−aid intensity × CO2 factor × EUA forward price × eligible consumption × budget scaling"),
    ("Claims van de gemodelleerde sectoren ({sectors}), Σ steun per MWh × sectorverbruik", "Claims of the modelled sectors ({sectors}), Σ aid per MWh × sector consumption"),
    ("Uitbetalingsaandeel = budget ÷ claims, ten hoogste 1", "Payout share = budget ÷ claims, at most 1"),
    ("Korting = claim × (1 − uitbetalingsaandeel)", "Cut = claim × (1 − payout share)"),
    ("Resterende indirecte kosten = (1 − steunintensiteit) × CO2-factor × EUA-termijnprijs × subsidiabel verbruik",
     "Remaining indirect costs = (1 − aid intensity) × CO2 factor × EUA forward price × eligible consumption"),
    ("Deel van de aanvulling dat deze groep krijgt", "Share of the top-up this group receives"),
    ("Super-cap, wat boven het percentage van de bruto toegevoegde waarde uitkomt wordt gecompenseerd",
     "Super-cap, what exceeds the percentage of gross value added is compensated"),
    # support
    ("Steun per MWh = budget ÷ verbruik van alle rechthebbenden", "Support per MWh = budget ÷ consumption of all eligible users"),
    ("Steun per MWh = referentieprijs − doelprijs, ten hoogste een deel van de referentieprijs", "Support per MWh = reference price − target price, at most a share of the reference price"),
    ("Steun = −steun per MWh × verbruik × volumeaandeel", "Support = −support per MWh × consumption × volume share"),
    ("Niet te combineren met de ETS-compensatie: alleen wat de steun meer oplevert telt", "Not combined with the ETS compensation: only what the support adds counts"),
    # conditions
    ("NACE {codes} staat op de lijst van in aanmerking komende sectoren", "NACE {codes} is on the list of eligible sectors"),
    ("NACE {codes} valt onder {code} (de lijst van {n} codes)", "NACE {codes} falls under {code} (the list of {n} codes)"),
    ("NACE {codes} valt onder {code} ({listed})", "NACE {codes} falls under {code} ({listed})"),
    ("NACE {codes} valt onder {code}", "NACE {codes} falls under {code}"),
    ("NACE {codes} staat niet op de lijst van {n} codes", "NACE {codes} is not on the list of {n} codes"),
    ("NACE {codes} valt niet onder {listed}", "NACE {codes} does not fall under {listed}"),
    ("zakelijk gebruik = ja", "business use = yes"),
    ("zakelijk gebruik = nee", "business use = no"),
    ("EU ETS-installatie = ja", "EU ETS installation = yes"),
    ("EU ETS-installatie = nee", "EU ETS installation = no"),
    ("verbruik", "consumption"),
    ("benuttingsuren", "utilisation hours"),
    ("daluuraandeel", "off-peak share"),
    ("elektro-intensiteit", "electro-intensity"),
)

_CHARGE_WORDS_EN = {"vast": "fixed", "capaciteit": "capacity", "maandpiek": "monthly peak", "jaarpiek": "yearly peak", "energie": "energy"}


@functools.cache
def _step_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    # a part never spans ": ", so "categorie x: verbruik" is two steps, each worded on its own
    return tuple((re.compile(_template_regex(dutch, lambda name: f"(?P<{name}>(?:(?!: ).)+?)")), english) for dutch, english in STEP_LABELS_EN)


def step_label(lang: str, label: str) -> str:
    """A step of `explain` in the report's language (the engine words it in Dutch)."""
    if lang != "en":
        return label
    for pattern, english in _step_patterns():
        m = pattern.fullmatch(label)
        if m:
            parts = m.groupdict()
            if "kinds" in parts:
                parts["kinds"] = ", ".join(_CHARGE_WORDS_EN.get(k, k) for k in parts["kinds"].split(", "))
            return english.format(**parts)
    head, sep, tail = label.rpartition(": ")
    if sep:
        return f"{step_label(lang, head)}: {step_label(lang, tail)}"
    return label
