"""What the loader, the option parsers and the engine can say, keyed: each key with its English
and its Dutch wording and the same {named} fields in both. Code says `said(key, **fields)`
(speelveld.said); a report renders it once, in the run's language. Data, apart from the two
small functions at the end of the messages: a field's wording, and recognising a library's own
English where its error is caught. Below the report layer, so the loader can use it."""

from __future__ import annotations

import functools
import re
import string

# key -> (English, Dutch). A message carries only what is wrong; the place in front of it
# (file:line: field:, or the option) is text as written, joined with `+`.
MESSAGES: dict[str, tuple[str, str]] = {
    # what the reader of the YAML finds
    "tag_not_allowed_key": ("tag '{tag}' is not allowed on a key", "tag '{tag}' is niet toegestaan op een sleutel"),
    "tag_not_allowed_config": ("tag '{tag}' is not allowed; a config holds plain text, numbers, dates, lists and mappings",
     "tag '{tag}' is niet toegestaan; een config bevat alleen tekst, getallen, datums, lijsten en mappings"),
    "more_than_values_after": ("more than {n} values after expanding aliases (*name); is an alias repeated many times?",
     "meer dan {n} waarden na het uitvouwen van aliassen (*naam); wordt een alias vaak herhaald?"),
    "nested_more_than_levels": ("nested more than {n} levels deep", "meer dan {n} niveaus diep genest"),
    "nested_too_deeply": ("nested too deeply", "te diep genest"),
    "bytes_larger_than_byte": ("{size} bytes is larger than the {limit}-byte limit for a config file",
     "{size} bytes is groter dan de grens van {limit} bytes voor een configbestand"),
    "not_utf_8_text": ("not UTF-8 text (byte {byte}: {why}); save the file as UTF-8", "geen UTF-8-tekst (byte {byte}: {why}); sla het bestand op als UTF-8"),
    "date_cannot_be_read": ("date '{value}' cannot be read ({why})", "datum '{value}' kan niet worden gelezen ({why})"),
    "value_cannot_be_read": ("value '{value}' cannot be read ({why})", "waarde '{value}' kan niet worden gelezen ({why})"),
    "not_csv_file": ("not a CSV file ({why})", "geen CSV-bestand ({why})"),
    "cannot_read": ("cannot read ({why})", "kan niet worden gelezen ({why})"),
    "tab_character_yaml_indents": ("tab character; YAML indents with spaces", "tabteken; YAML springt in met spaties"),
    "control_character_u_not": ("control character {char} (U+{code}) is not allowed in a config file", "stuurteken {char} (U+{code}) is niet toegestaan in een configbestand"),
    "duplicate_key_first_line": ("duplicate key (first at line {line}); YAML would silently keep only the last",
     "dubbele sleutel (eerst op regel {line}); YAML zou stilzwijgend alleen de laatste houden"),
    "duplicate_named_key": ("duplicate key '{key}' (first at line {line})", "dubbele sleutel '{key}' (eerst op regel {line})"),
    "key_must_plain_name": ("a key must be a plain name, not a list or mapping", "een sleutel moet een gewone naam zijn, geen lijst of mapping"),
    "not_date": ("'{value}' is not a date ({why})", "'{value}' is geen datum ({why})"),
    "file_empty_expected_mapping": ("the file is empty (expected a mapping of fields)", "het bestand is leeg (verwacht: een mapping van velden)"),
    "expected_mapping_fields_got": ("expected a mapping of fields, got {kind}", "verwacht een mapping van velden, kreeg {kind}"),
    "expected_mapping_paths_file": ("expected a mapping with base_year, sources, price_band, paths", "verwacht een mapping met base_year, sources, price_band, paths"),
    "expected_mapping_scenario_title": ("expected a mapping with scenario, title, description, set (the file is empty)",
     "verwacht een mapping met scenario, title, description, set (het bestand is leeg)"),
    "expected_mapping_scenario_title_description": ("expected a mapping with scenario, title, description, set (got {kind})",
     "verwacht een mapping met scenario, title, description, set (kreeg {kind})"),
    # the fields and their values
    "unknown_field_yaml_reads": ("unknown field; YAML reads '{key}' as one name: write a space after the colon ({field}: {value})",
     "onbekend veld; YAML leest '{key}' als één naam: zet een spatie na de dubbele punt ({field}: {value})"),
    "unknown_field": ("unknown field{hint}", "onbekend veld{hint}"),
    "required_field_missing": ("required field is missing", "verplicht veld ontbreekt"),
    "expected_number_mapping_value": ("expected a number, or a mapping {{value, source, quality}}, got {kind}",
     "verwacht een getal, of een mapping {{value, source, quality}}, kreeg {kind}"),
    "expected_mapping_field_value": ("expected a mapping (field: value lines), got {kind}", "verwacht een mapping (regels veld: waarde), kreeg {kind}"),
    "expected_list_got": ("expected a list, got {kind}", "verwacht een lijst, kreeg {kind}"),
    "expected_number_got": ("expected a number, got {kind}", "verwacht een getal, kreeg {kind}"),
    "expected_whole_number_got": ("expected a whole number, got {kind}", "verwacht een geheel getal, kreeg {kind}"),
    "expected_true_false_got": ("expected true or false, got {kind}", "verwacht true of false, kreeg {kind}"),
    "expected_text_got": ("expected text, got {kind}", "verwacht tekst, kreeg {kind}"),
    "should_not": ("should be {options}, not {kind}", "moet {options} zijn, niet {kind}"),
    "write_nace_codes_quoted": ("write NACE codes as quoted text, e.g. '24.10' (got {got})", "schrijf NACE-codes als tekst tussen aanhalingstekens, bijv. '24.10' (kreeg {got})"),
    "not_nace_code_like": ("'{code}' is not a NACE code like '20.14'", "'{code}' is geen NACE-code zoals '20.14'"),
    "value_null_quality_must": ("value is null, so quality must be 'unknown'", "de waarde is null, dus quality moet 'unknown' zijn"),
    "quality_unknown_needs_value": ("quality 'unknown' needs value: null (an unknown figure is never a number)",
     "quality 'unknown' vraagt value: null (een onbekend cijfer is nooit een getal)"),
    "value_flagged_unknown_must": ("a value flagged unknown must be empty (or flag it estimate)", "een waarde die als onbekend is gemarkeerd moet leeg zijn (of markeer haar als schatting)"),
    "value_flagged_needs_note": ("a value flagged '{quality}' needs a note with its derivation", "een waarde gemarkeerd als '{quality}' vraagt een note met de afleiding"),
    "block_flagged_needs_note": ("a block flagged '{quality}' needs a note with its derivation", "een blok gemarkeerd als '{quality}' vraagt een note met de afleiding"),
    "give_low_high_together": ("give low and high together (the range the figure lies in); only an unknown value may have one bound",
     "geef low en high samen (het bereik waarin het cijfer ligt); alleen een onbekende waarde mag één grens hebben"),
    "value_low_high_needs": ("a value with low and high needs a note that says why the range holds",
     "een waarde met low en high vraagt een note die zegt waarom het bereik klopt"),
    "low_above_high": ("low {low} is above high {high}", "low {low} ligt boven high {high}"),
    "value_outside_range": ("value {value} is outside its range {low} to {high}", "waarde {value} ligt buiten haar bereik {low} tot {high}"),
    "published_value_exact_flag": ("a published value is exact: flag it 'derived' or 'estimate' to give it a range",
     "een gepubliceerde waarde is exact: markeer haar als 'derived' of 'estimate' om een bereik te geven"),
    "value_must_finite_number": ("value must be a finite number, not {value}", "de waarde moet een eindig getal zijn, niet {value}"),
    "value_not_finite": ("value must be a finite number", "de waarde moet een eindig getal zijn"),
    "not_finite_number": ("not a finite number", "geen eindig getal"),
    "outside_0_100": ("{value} % is outside 0–100 %", "{value} % ligt buiten 0–100 %"),
    "negative_cannot": ("{value} is negative; {unit} cannot be", "{value} is negatief; dat kan niet in {unit}"),
    "implausibly_large_more_than": ("{value} is implausibly large (more than {limit}); check the unit and the zeros",
     "{value} is onwaarschijnlijk groot (meer dan {limit}); controleer de eenheid en het aantal nullen"),
    "too_small_must_least": ("{value} is too small; it must be at least {minimum}", "{value} is te klein; het moet minstens {minimum} zijn"),
    "outside_plausible_percentages_written": ("{value} is outside the plausible {range} for {field}; percentages are written as {pct}, not {fraction}",
     "{value} ligt buiten het aannemelijke bereik {range} voor {field}; percentages schrijft u als {pct}, niet als {fraction}"),
    "outside_plausible_did_you": ("{value} is outside the plausible {range} for {field}; did you mean {options}? (check the unit and the decimal point)",
     "{value} ligt buiten het aannemelijke bereik {range} voor {field}; bedoelde u {options}? (controleer de eenheid en de decimale punt)"),
    "outside_plausible": ("{value} is outside the plausible {range} for {field}", "{value} ligt buiten het aannemelijke bereik {range} voor {field}"),
    "unknown_unit_field_use": ("unknown unit '{unit}' for this field (use one of: {units})", "onbekende eenheid '{unit}' voor dit veld (gebruik een van: {units})"),
    "value_source_set_source": ("value has no source (set 'source' here or on an enclosing block)", "de waarde heeft geen bron (zet 'source' hier of op een omvattend blok)"),
    "unknown_source_define_under": ("unknown source '{source}'{hint}; define it under 'sources:'", "onbekende bron '{source}'{hint}; definieer haar onder 'sources:'"),
    "unknown_source": ("unknown source '{source}'", "onbekende bron '{source}'"),
    # rules between fields
    "year_after_year": ("from_year {start} is after to_year {end}", "from_year {start} ligt na to_year {end}"),
    "give_least_min_above": ("give at least one of min, above, max, below", "geef minstens één van min, above, max, below"),
    "give_exactly_rate_field": ("give exactly one rate field of {fields} (got {n})", "geef precies één tariefveld van {fields} (nu {n})"),
    "give_exactly_effect_pay": ("give exactly one effect: pay_at_least_by_hours, categories or abatement_pct",
     "geef precies één effect: pay_at_least_by_hours, categories of abatement_pct"),
    "intensity_tiers_need_reference": ("intensity_tiers need reference_rate_eur_per_mwh", "intensity_tiers vragen reference_rate_eur_per_mwh"),
    "wallonia_not_modelled_follows": ("Wallonia is not modelled: 'BE' follows the Flemish rules where the regions differ (certificates, indirect-cost compensation); the Walloon rules were not found",
     "Wallonië is niet gemodelleerd: 'BE' volgt de Vlaamse regels waar de gewesten verschillen (certificaten, compensatie van indirecte emissiekosten); de Waalse regels zijn niet gevonden"),
    # spending options (config/scenario.py), the paths file (config/projection.py), profiles (config/profile.py)
    "not_found": ("{path} not found", "{path} niet gevonden"),
    "unknown_framework_frameworks_stateaid": ("unknown framework '{basis}'{hint} (the frameworks of stateaid.yaml: {names})", "onbekend kader '{basis}'{hint} (de kaders van stateaid.yaml: {names})"),
    "above_legal_limit": ("{value} is above the legal limit of {limit} ({basis}: {rule})", "{value} ligt boven de wettelijke grens van {limit} ({basis}: {rule})"),
    "instrument_config": ("no instrument '{instrument}' in the config{hint}", "geen instrument '{instrument}' in de config{hint}"),
    "numeric_parameter_config": ("no numeric parameter '{path}' in the config", "geen numerieke parameter '{path}' in de config"),
    "years_path_run_without": ("the years of a path run on from {start} without a gap ({years}), so {year} is out of place",
     "de jaren van een pad lopen zonder gat door vanaf {start} ({years}), dus {year} hoort er niet"),
    "columns_datetime_mw_needed": ("the columns datetime and mw are needed (missing: {missing}; found: {found})", "de kolommen datetime en mw zijn nodig (ontbreekt: {missing}; gevonden: {found})"),
    "not_number": ("'{value}' is not a number", "'{value}' is geen getal"),
    "mw_negative": ("{value} MW is negative", "{value} MW is negatief"),
    "not_iso_8601_date": ("'{value}' is not an ISO 8601 date and time (e.g. 2025-01-01T00:00+01:00)", "'{value}' is geen ISO 8601-datum en -tijd (bijv. 2025-01-01T00:00+01:00)"),
    "directory_does_not_exist": ("directory {folder} does not exist", "de map {folder} bestaat niet"),
    "does_not_exist_dutch": ("{value} does not exist in Dutch local time (the spring clock change skips it)", "{value} bestaat niet in Nederlandse tijd (de zomertijd slaat het over)"),
    "not_price_year": ("{value} is not in the price year {year}", "{value} valt niet in het prijsjaar {year}"),
    "does_not_start_hour": ("{value} does not start an hour (one row per hour)", "{value} begint geen uur (één rij per uur)"),
    "repeats_hour_row": ("{value} repeats the hour of row {row}", "{value} herhaalt het uur van rij {row}"),
    "hour_missing_profile_every": ("the hour {hour} is missing{after}; a profile has every hour of {year} ({n}), it is not padded",
     "het uur {hour} ontbreekt{after}; een profiel heeft elk uur van {year} ({n}), het wordt niet aangevuld"),
    "profile_uses_nothing": ("the profile uses nothing in {year}", "het profiel verbruikt niets in {year}"),
    "profile_plant_s_give": ("the profile is one plant's; give one --sector, not 'all'", "het profiel is van één fabriek; geef één --sector, niet 'all'"),
    "hourly_prices_cover_whole": ("hourly prices cover the whole years {years} (data/hourly/README.md), not {year}", "de uurprijzen dekken de hele jaren {years} (data/hourly/README.md), niet {year}"),
    "not_netto_bruto": ("'{value}' is not one of netto, bruto", "'{value}' is niet een van netto, bruto"),
    "not_baseload_hybride": ("'{value}' is not one of baseload, hybride", "'{value}' is niet een van baseload, hybride"),
    "hybrid_boiler_beside_gas": ("the hybrid is an e-boiler beside the gas boiler; give --technology e-boiler", "de hybride is een e-boiler naast de gasketel; geef --technology e-boiler"),
    # the calendar of rules (config/calendar.py)
    "rule_ended_says_nothing": ("the rule ended in {year} and says nothing of what followed; add followed_by: with rule (its successor's id), paths (values from paths.yaml) or ends: true, and a source",
     "de regel eindigde in {year} en zegt niet wat erna kwam; voeg followed_by: toe met rule (de id van de opvolger), paths (waarden uit paths.yaml) of ends: true, met een bron"),
    "rule_end_valid_year": ("the rule has no end (valid.to_year), so nothing follows it", "de regel heeft geen einde (valid.to_year), dus volgt er niets op"),
    "rule_file": ("no rule '{rule}' in this file", "geen regel '{rule}' in dit bestand"),
    "must_start_valid_year": ("'{rule}' must start in {start} (valid: {{from_year: {start2}}}), the year after this rule ends",
     "'{rule}' moet beginnen in {start} (valid: {{from_year: {start2}}}), het jaar na het einde van deze regel"),
    "give_exactly_rule_successor": ("give exactly one of rule (the successor's id), paths (values from paths.yaml) or ends: true",
     "geef precies één van rule (de id van de opvolger), paths (waarden uit paths.yaml) of ends: true"),
    "say_source_note_why": ("say with a source and a note why this is what follows", "zeg met een bron en een toelichting waarom dit erop volgt"),
    "ends_says_nothing_what": ("{rule} ends in {end} and says nothing of what follows, so {year} cannot be built; add followed_by: with rule, paths or ends: true, and a source",
     "{rule} eindigt in {end} en zegt niet wat erop volgt, dus {year} kan niet worden gebouwd; voeg followed_by: toe met rule, paths of ends: true, met een bron"),
    "followed_values_paths_file": ("{rule} is followed by values from the paths file, but it gives none for {path} in {year}",
     "op {rule} volgen waarden uit het paths-bestand, maar dat geeft er geen voor {path} in {year}"),
    "intensity_tiers_cannot_combined": ("intensity_tiers cannot be combined with above_mwh/share_of_rate_pct/rate_eur_per_mwh",
     "intensity_tiers gaan niet samen met above_mwh/share_of_rate_pct/rate_eur_per_mwh"),
    "give_exactly_share_rate": ("give exactly one of share_of_rate_pct or rate_eur_per_mwh (or intensity_tiers)",
     "geef precies één van share_of_rate_pct of rate_eur_per_mwh (of intensity_tiers)"),
    "give_exactly_efficiency_pct": ("give exactly one of efficiency_pct (a boiler) or cop (a heat pump)", "geef precies één van efficiency_pct (een ketel) of cop (een warmtepomp)"),
    "give_exactly": ("give exactly one of {first} or {second}", "geef precies één van {first} of {second}"),
    "give_exactly_one_of": ("give exactly one of {fields}", "geef precies één van {fields}"),
    "percent_network_levy_takes": ("a percent_of_network levy takes no reduced_rates or exempt_processes",
     "een heffing met percent_of_network kent geen reduced_rates of exempt_processes"),
    "first_band_must_start": ("the first band must start at 0 MWh, not {start}", "de eerste schijf moet bij 0 MWh beginnen, niet bij {start}"),
    "band_open_ended_but": ("band {i} is open-ended but band {j} follows it", "schijf {i} is open, maar schijf {j} volgt erna"),
    "bands_overlap_mwh": ("bands {i} and {j} overlap ({a} > {b} MWh)", "schijven {i} en {j} overlappen ({a} > {b} MWh)"),
    "gap_between_bands_mwh": ("gap between bands {i} and {j} ({a} to {b} MWh)", "gat tussen schijven {i} en {j} ({a} tot {b} MWh)"),
    "band_ends_before_starts": ("band {i} ends ({end}) before it starts ({start})", "schijf {i} eindigt ({end}) voordat hij begint ({start})"),
    "last_band_must_open": ("the last band must be open-ended (leave out to_mwh)", "de laatste schijf moet open zijn (laat to_mwh weg)"),
    "rate_period_ends_before": ("rate period {start} to {end} ends before it starts", "tariefperiode {start} tot {end} eindigt voordat zij begint"),
    "rate_periods_overlap": ("rate periods {a} and {b} overlap", "tariefperiodes {a} en {b} overlappen"),
    "rate_periods_leave_gap": ("rate periods leave a gap between {a} and {b}", "tariefperiodes laten een gat tussen {a} en {b}"),
    "first_period_starts_not": ("the first period starts on {date}, not on 1 January {year} (the price year)",
     "de eerste periode begint op {date}, niet op 1 januari {year} (het prijsjaar)"),
    "last_period_ends_not": ("the last period ends on {date}, not on 31 December {year} (the price year)",
     "de laatste periode eindigt op {date}, niet op 31 december {year} (het prijsjaar)"),
    "give_either_budget_eur": ("give either budget_eur_per_year with eligible_consumption_mwh, or target_price_eur_per_mwh with max_aid_share_pct",
     "geef óf budget_eur_per_year met eligible_consumption_mwh, óf target_price_eur_per_mwh met max_aid_share_pct"),
    "budget_route_needs_both": ("the budget route needs both budget_eur_per_year and eligible_consumption_mwh",
     "de budgetroute vraagt zowel budget_eur_per_year als eligible_consumption_mwh"),
    "price_route_needs_both": ("the price route needs both target_price_eur_per_mwh and max_aid_share_pct",
     "de prijsroute vraagt zowel target_price_eur_per_mwh als max_aid_share_pct"),
    "does_not_match_file": ("'{given}' does not match the file name '{file}'", "'{given}' komt niet overeen met de bestandsnaam '{file}'"),
    "file_under": ("{year} in a file under {folder}/", "{year} in een bestand onder {folder}/"),
    "id_used_twice": ("id '{id}' used twice", "id '{id}' komt twee keer voor"),
    "must_more_than_0": ("must be more than 0 {unit}", "moet meer dan 0 {unit} zijn"),
    "h_not_within_h": ("{hours} h is not within the {all} h of {year} (more than 0, at most {most})",
     "{hours} h past niet in de {all} h van {year} (meer dan 0, hoogstens {most})"),
    "mwh_kw_h_full": ("{mwh} MWh on {kw} kW is {hours} h of full load, more than the {all} h of {year}",
     "{mwh} MWh op {kw} kW is {hours} vollasturen, meer dan de {all} h van {year}"),
    "shares_add_up_100": ("shares add up to {total} % (> 100 %)", "de aandelen tellen op tot {total} % (> 100 %)"),
    "not_offered_network_levels": ("'{level}' is not offered by {country} ({where}: network.levels has {offered})",
     "'{level}' wordt niet aangeboden door {country} ({where}: network.levels heeft {offered})"),
    "unknown_levy": ("unknown levy '{levy}'{hint}", "onbekende heffing '{levy}'{hint}"),
    "scenario_applies_not": ("scenario '{name}' applies to {years}, not to {year}", "scenario '{name}' geldt voor {years}, niet voor {year}"),
    # finding the configs
    "config_directory_not_found": ("config directory not found", "configmap niet gevonden"),
    "price_year_folders_2026": ("no price-year folders (e.g. 2026/) in {folder}", "geen prijsjaarmappen (bijv. 2026/) in {folder}"),
    "configs_available": ("no configs for {year} in {folder} (available: {years})", "geen configs voor {year} in {folder} (beschikbaar: {years})"),
    "configs_available_build_speelveld": ("no configs for {year} (available: {years}); build it with `speelveld project --to {to}`", "geen configs voor {year} (beschikbaar: {years}); maak het met `speelveld project --to {to}`"),
    "no_configs_for": ("no configs for {year} (available: {years})", "geen configs voor {year} (beschikbaar: {years})"),
    "range_runs_backwards_write": ("the range runs backwards; write {range}", "het bereik loopt achteruit; schrijf {range}"),
    "ets_indirect_cost_compensation": ("the ETS indirect-cost compensation claims of the modelled sectors ({claims} M€) exceed the budget ({budget} M€), so every claim is paid pro rata at {share} % (claims from sectors outside the model would cut deeper)",
     "de claims voor compensatie van indirecte emissiekosten van de gemodelleerde sectoren ({claims} M€) zijn hoger dan het budget ({budget} M€), dus elke claim wordt pro rata uitbetaald tegen {share} % (claims van sectoren buiten het model zouden verder korten)"),
    "price_year_before_give": ("no price year before {year} in {folder}; give --year or --vs-config-dir", "geen prijsjaar vóór {year} in {folder}; geef --year of --vs-config-dir"),
    "same_year_year_give": ("{year} is the same year as --year; give another year or --vs-config-dir", "{year} is hetzelfde jaar als --year; geef een ander jaar of --vs-config-dir"),
    "not_directory": ("{folder} is not a directory", "{folder} is geen map"),
    "missing_eu_ets_prices": ("missing (the EU ETS prices of {year})", "ontbreekt (de EU-ETS-prijzen van {year})"),
    "country_files_yaml": ("no country files (*.yaml)", "geen landbestanden (*.yaml)"),
    "sector_files_yaml": ("no sector files (*.yaml)", "geen sectorbestanden (*.yaml)"),
    "second_file_next_keep": ("a second file for '{name}' next to {file}; keep one of the two", "een tweede bestand voor '{name}' naast {file}; houd er één van beide"),
    "not_read_because_config": ("not read, because config files end in .yaml; rename it to {file}", "niet gelezen, want configbestanden eindigen op .yaml; hernoem het naar {file}"),
    "not_read_price_year": ("not read (a price year is a folder named by the year alone, e.g. 2026/); rename it or move it out of the config directory",
     "niet gelezen (een prijsjaar is een map met alleen het jaartal als naam, bijv. 2026/); hernoem de map of haal haar uit de configmap"),
    "price_year_exists_already": ("price year {year} exists already; new-year never overwrites (rename or remove it first)",
     "prijsjaar {year} bestaat al; new-year overschrijft nooit (hernoem of verwijder het eerst)"),
    "not_before_new_year": ("{year} is not before {new}; new-year rolls a year forward (give an earlier --from)",
     "{year} ligt niet vóór {new}; new-year rolt een jaar vooruit (geef een eerdere --from)"),
    "cannot_opened_editing_run": ("cannot be opened for editing ({why}); run `speelveld validate`", "kan niet worden geopend om te bewerken ({why}); voer `speelveld validate` uit"),
    "layout_cannot_kept_editor": ("its layout cannot be kept by the editor (e.g. list dashes at the left margin); edit this file by hand, or lay it out "
     "like the shipped configs (mappings indented by 2, '- ' indented by 2)",
     "de opmaak kan door de editor niet behouden blijven (bijv. lijststreepjes tegen de kantlijn); bewerk dit bestand met de hand, "
     "of maak het op zoals de meegeleverde configs (mappings 2 ingesprongen, '- ' 2 ingesprongen)"),
    # options
    "unknown_country_available": ("unknown country '{given}'{hint}; available: {available}", "onbekend land '{given}'{hint}; beschikbaar: {available}"),
    "unknown_sector_available": ("unknown sector '{given}'{hint}; available: {available}", "onbekende sector '{given}'{hint}; beschikbaar: {available}"),
    "unknown_scenario_available": ("unknown scenario '{given}'{hint}; available: {available} (in {folder})", "onbekend scenario '{given}'{hint}; beschikbaar: {available} (in {folder})"),
    "give_more_comma_separated": ("give one or more of {kinds} (comma-separated), or all", "geef een of meer van {kinds} (gescheiden door komma's), of all"),
    "give_format_csv_json": ("give --format csv or json, or a file name ending in .csv or .json", "geef --format csv of json, of een bestandsnaam die eindigt op .csv of .json"),
    "name_says_but_format": ("the name says {by_name} but --format says {by_format}", "de naam zegt {by_name}, maar --format zegt {by_format}"),
    "workbook_needs_xlsx_name": ("the workbook needs a .xlsx name", "de werkmap heeft een naam op .xlsx nodig"),
    "use_parquet_csv_xlsx": ("use a .parquet, .csv or .xlsx file", "gebruik een .parquet-, .csv- of .xlsx-bestand"),
    "same_parameter_varied_twice": ("the same parameter is varied twice", "dezelfde parameter wordt twee keer gevarieerd"),
    "same_parameter_linked_twice": ("the same parameter is linked twice", "dezelfde parameter wordt twee keer gekoppeld"),
    "give_range_like_2024": ("give a range like 2024:2026 or a list like 2024,2026", "geef een reeks zoals 2024:2026 of een lijst zoals 2024,2026"),
    "such_file": ("no such file", "bestand bestaat niet"),
    "line_key_starts_keys": ("no line key starts with '{line}'; keys: {keys}", "geen regelsleutel begint met '{line}'; sleutels: {keys}"),
    "not_configs": ("{country} is not in the {year} configs", "{country} staat niet in de configs van {year}"),
    "both_runs_need_same": ("both runs need the same reference country", "beide berekeningen moeten hetzelfde referentieland hebben"),
    # --set
    "expected_path_value": ("expected PATH=VALUE, e.g. {example}", "verwacht PAD=WAARDE, bijv. {example}"),
    "malformed_path": ("malformed path '{path}'", "ongeldig pad '{path}'"),
    "cannot_read_value": ("cannot read value '{value}'", "kan de waarde '{value}' niet lezen"),
    "missing_value_after": ("missing value after '='", "de waarde ontbreekt na '='"),
    "unknown_root_path_starts": ("unknown root '{root}'{hint}; a path starts with one of: {roots}", "onbekend begin '{root}'{hint}; een pad begint met een van: {roots}"),
    "path_no_field_under": ("no '{name}' under '{under}'{hint}", "geen '{name}' onder '{under}'{hint}"),
    "path_no_item_in": ("no item '{item}' in '{under}'{hint}", "geen element '{item}' in '{under}'{hint}"),
    "item_s_id_differs": ("the item's id '{id}' differs from the path's '{seg}'", "het id '{id}' van het element verschilt van '{seg}' in het pad"),
    "list_add": ("no list '{where}' to add to", "geen lijst '{where}' om aan toe te voegen"),
    "not_list_adds_item": ("'{where}' is not a list; '+' adds an item to a list", "'{where}' is geen lijst; '+' voegt een element aan een lijst toe"),
    "adds_items_id": ("'{where}+' adds items with an id, e.g. {example}", "'{where}+' voegt elementen met een id toe, bijv. {example}"),
    "already_item_set_fields": ("'{where}' already has an item '{id}'; set its fields with {path}", "'{where}' heeft al een element '{id}'; wijzig de velden met {path}"),
    "path_is_a_value": ("'{path}' is a value, it has no '{name}'", "'{path}' is een waarde, er zit geen '{name}' in"),
    "path_names_whole_file": ("the path names a whole file; name a field inside it", "het pad noemt een heel bestand; noem een veld daarin"),
    "empty_path": ("empty path", "leeg pad"),
    # sweeps
    "expected_path_spec": ("expected PATH=SPEC, e.g. {example}", "verwacht PAD=SPEC, bijv. {example}"),
    "seed_grid_without_samples": ("--seed: a grid without --samples draws nothing; the seed is not used", "--seed: een rooster zonder --samples trekt niets; de seed wordt niet gebruikt"),
    "config_gives_band_give": ("the config gives {given} no band; give the range, e.g. uniform(low,high)", "de config geeft {given} geen band; geef het bereik, bijv. uniform(laag,hoog)"),
    "expected_target_source": ("expected TARGET=SOURCE, e.g. {example}", "verwacht DOEL=BRON, bijv. {example}"),
    "expected_b_rho": ("expected A,B=RHO, e.g. {example}", "verwacht A,B=RHO, bijv. {example}"),
    "not_varied_give_vary": ("{name} is not varied; give it a {vary} first", "{name} wordt niet gevarieerd; geef er eerst een {vary} voor"),
    "varied_itself_link_vary": ("{name} is varied itself; link it or vary it, not both", "{name} wordt zelf gevarieerd; koppel of varieer, niet beide"),
    "unknown_value_without_bounds": ("an unknown value without bounds cannot be linked", "een onbekende waarde zonder grenzen kan niet worden gekoppeld"),
    "differ_link_factor_target": ("{a} and {b} differ; link by factor with TARGET=SOURCE*", "{a} en {b} verschillen; koppel met een factor: DOEL=BRON*"),
    "coefficient_must_lie_strictly": ("the coefficient must lie strictly between −1 and 1, between two parameters",
     "de coëfficiënt moet strikt tussen −1 en 1 liggen, tussen twee parameters"),
    "these_coefficients_cannot_hold": ("these coefficients cannot hold together (the correlation matrix is not positive definite)",
     "deze coëfficiënten kunnen niet samen gelden (de correlatiematrix is niet positief definiet)"),
    "range_needs_start_stop": ("a range needs start ≤ stop and a positive step", "een reeks vraagt start ≤ stop en een positieve stap"),
    "values_too_many_parameter": ("{n} values is too many for one parameter", "{n} waarden is te veel voor één parameter"),
    "uniform_low_high_needs": ("uniform(low, high) needs low < high", "uniform(low, high) vraagt low < high"),
    "normal_mean_sd_needs": ("normal(mean, sd) needs sd > 0", "normal(mean, sd) vraagt sd > 0"),
    "draws_normal_fall_outside": ("{pct} % of the draws of normal({a},{b}) fall outside what the field allows ({ends}); use uniform(low,high) or a smaller sd",
     "{pct} % van de trekkingen van normal({a},{b}) valt buiten wat het veld toestaat ({ends}); gebruik uniform(low,high) of een kleinere sd"),
    "not_drawn_random_uniform": ("{name} is not drawn at random (uniform, normal or {bands}); correlation is for random draws",
     "{name} wordt niet willekeurig getrokken (uniform, normal of {bands}); een correlatie geldt alleen voor toevalstrekkingen"),
    "slope_needs_both_parameters": ("the slope needs both parameters in a unit ({a}: {ua}, {b}: {ub})", "de helling vraagt beide parameters in een eenheid ({a}: {ua}, {b}: {ub})"),
    "scenarios_more_than_workbook": ("{n} scenarios is more than a workbook takes well ({rows} rows: a million rows took minutes and GBs of memory); use .parquet or .csv",
     "{n} scenario's is meer dan een werkmap goed aankan ({rows} rijen: een miljoen rijen kostte minuten en GB's geheugen); gebruik .parquet of .csv"),
    "same_parameter_set_varied": ("the same parameter is set and varied ({paths}); drop the {set} or the {vary}", "dezelfde parameter wordt gezet en gevarieerd ({paths}); laat de {set} of de {vary} weg"),
    "moved_same_change_market": ("{paths} moved with {lead} by the same change (one market's price at other dates); set them with --set to keep them apart",
     "{paths} bewogen mee met {lead}, met dezelfde verandering (de prijs van één markt op andere momenten); zet ze met --set om ze los te houden"),
    "cannot_read_use_start": ("cannot read '{spec}'; use start:stop:step, a list a,b,c, uniform(low,high) or normal(mean,sd)",
     "kan '{spec}' niet lezen; gebruik start:stop:step, een lijst a,b,c, uniform(low,high) of normal(mean,sd)"),
    "no_numeric_parameter_in_year": ("no numeric parameter '{path}' in the {year} config{hint}", "geen numerieke parameter '{path}' in de config van {year}{hint}"),
    "h_more_than_year": ("{value} h is more than a year has ({hours} h in {year})", "{value} h is meer dan een jaar heeft ({hours} h in {year})"),
    "random_draws_uniform_normal": ("random draws (uniform/normal) need {samples}", "toevalstrekkingen (uniform/normal) vragen {samples}"),
    # the business case
    "not_electric_heat_technology": ("'{name}' is not an electric heat technology of the {year} configs (available: {names})",
     "'{name}' is geen elektrische warmtetechniek in de configs van {year} (beschikbaar: {names})"),
    "business_case_needs_technologies": ("the business case needs technologies.gas-boiler, gas_emission_factor_t_per_mwh and discount_rate_pct",
     "de business case vraagt technologies.gas-boiler, gas_emission_factor_t_per_mwh en discount_rate_pct"),
    "archetype_gas_fuel_mwh": ("the archetype has no gas_fuel_mwh or boiler_gas_share_pct, so there is no boiler heat to electrify",
     "het archetype heeft geen gas_fuel_mwh of boiler_gas_share_pct, dus er is geen ketelwarmte om te elektrificeren"),
    "unknown_business_case_cannot": ("unknown, so the business case cannot be computed", "onbekend, dus de business case kan niet worden berekend"),
    "boiler_gas_share_pct": ("boiler_gas_share_pct is 0: its heat is furnace heat, not boiler heat ({note})",
     "boiler_gas_share_pct is 0: de warmte is ovenwarmte, geen ketelwarmte ({note})"),
    "business_case_needs_natural": ("the business case needs natural gas figures for every country ({countries})",
     "de business case vraagt aardgascijfers voor elk land ({countries})"),
    # the input workbook
    "true_false_not_number": ("TRUE/FALSE is not a number", "WAAR/ONWAAR is geen getal"),
    "text_not_number_make": ("'{text}' is text, not a number; make the cell a number (in a Dutch spreadsheet type {comma}, in an English one {point})",
     "'{text}' is tekst, geen getal; maak van de cel een getal (in een Nederlandse spreadsheet typt u {comma}, in een Engelse {point})"),
    "text_number_cell_give": ("'{text}' is text in a number cell; give a number or leave it empty", "'{text}' is tekst in een getalcel; geef een getal of laat de cel leeg"),
    "not_excel_workbook_read": ("not an Excel workbook that can be read ({why})", "geen Excel-werkmap die kan worden gelezen ({why})"),
    "sheet_workbook_speelveld_inputs": ("no sheet '{a}' or '{b}'; is this a workbook from `speelveld inputs export`?",
     "geen blad '{a}' of '{b}'; komt deze werkmap van `speelveld inputs export`?"),
    "sheet_price_year_missing": ("sheet {sheet}: the price year is missing; export the workbook again", "blad {sheet}: het prijsjaar ontbreekt; exporteer de werkmap opnieuw"),
    "exported_workbook_but_longer": ("exported with the workbook but no longer there; export again", "bij de export van de werkmap aanwezig, nu niet meer; exporteer opnieuw"),
    "changed_since_workbook_exported": ("changed since the workbook was exported (an edit in the YAML would be lost); export again and redo the edits",
     "gewijzigd sinds de export van de werkmap (een wijziging in de YAML zou verloren gaan); exporteer opnieuw en breng de wijzigingen opnieuw aan"),
    "not_config_file_use": ("'{file}' is not a config file of {year}; use the file names of the other rows",
     "'{file}' is geen configbestand van {year}; gebruik de bestandsnamen van de andere rijen"),
    "source_id_must_lower": ("source id '{id}' must be lower-case letters, digits and dashes", "bron-id '{id}' mag alleen kleine letters, cijfers en streepjes bevatten"),
    "new_source_needs_title": ("new source '{id}' needs a title", "nieuwe bron '{id}' heeft een titel nodig"),
    "new_source_needs_url": ("new source '{id}' needs a url or publisher (D/E) and a date (F)", "nieuwe bron '{id}' heeft een url of uitgever (D/E) en een datum (F) nodig"),
    "sheet_row_1_columns": ("sheet {sheet}, row 1: the columns were changed (expected {columns}); export again",
     "blad {sheet}, rij 1: de kolommen zijn gewijzigd (verwacht: {columns}); exporteer opnieuw"),
    "parameter_path_empty": ("the parameter path is empty", "het parameterpad is leeg"),
    "not_parameter_do_not": ("'{path}' is not a parameter of {year}; do not change the path column", "'{path}' is geen parameter van {year}; wijzig de padkolom niet"),
    "parameter_appears_twice": ("the parameter appears twice", "de parameter komt twee keer voor"),
    "value_changed_but_quality": ("the value changed but the quality cell is empty; the flag stays '{flag}'",
     "de waarde is gewijzigd maar de cel kwaliteit is leeg; de aanduiding blijft '{flag}'"),
    "value_changed_but_note": ("the value changed but the note still says it was carried forward from an earlier year; update the note",
     "de waarde is gewijzigd maar de toelichting zegt nog dat ze uit een eerder jaar is overgenomen; werk de toelichting bij"),
    "sheet_parameter_row_s": ("sheet {sheet}: {n} parameter row(s) missing from the sheet, their values are kept unchanged: {shown}",
     "blad {sheet}: {n} parameterrij(en) ontbreken op het blad, hun waarden blijven ongewijzigd: {shown}"),
    "unit_does_not_match": ("unit '{unit}' does not match this parameter (use {unit_of}, or one of {units})",
     "eenheid '{unit}' past niet bij deze parameter (gebruik {unit_of}, of een van {units})"),
    "unit_does_not_match_parameter": ("unit '{unit}' does not match this parameter (use {unit_of})", "eenheid '{unit}' past niet bij deze parameter (gebruik {unit_of})"),
    "quality_not": ("quality '{word}' is not one of {words}", "kwaliteit '{word}' is niet een van {words}"),
    "changed_value_needs_source": ("a changed value needs a source: an id of the sheet {sheet} for {file}, or a new row there",
     "een gewijzigde waarde heeft een bron nodig: een id van het blad {sheet} voor {file}, of een nieuwe rij daar"),
    "source_not_defined_add": ("source '{source}' is not defined for {file}; add a row on the sheet {sheet}",
     "bron '{source}' is niet gedefinieerd voor {file}; voeg een rij toe op het blad {sheet}"),
    "empty_flag_give_value": ("empty, so flag it '{quality}' (or give the value)", "leeg, dus markeer haar als '{quality}' (of geef de waarde)"),
    # the projection's paths file
    "paths_file_not_found": ("{path} not found (a paths file lists each parameter's values for the projection years)",
                             "{path} niet gevonden (een padenbestand geeft de waarden van elke parameter voor de projectiejaren)"),
    "path_years_or_follow": ("give either years (a value per year) or follow (another parameter's path)",
                             "geef years (een waarde per jaar) of follow (het pad van een andere parameter)"),
    "path_follows_needs_source_note": ("a path that follows another needs its own source and a note that says why",
                                       "een pad dat een ander volgt heeft een eigen bron nodig en een noot die zegt waarom"),
    "path_value_needs_source": ("a value needs its source", "een waarde heeft een bron nodig"),
    "base_year_not_there": ("no price year {year} in {folder} (available: {years})", "geen prijsjaar {year} in {folder} (beschikbaar: {years})"),
    "base_year_not_latest": ("{year} is not the latest price year ({latest} is); project from the latest",
                             "{year} is niet het laatste prijsjaar ({latest} wel); projecteer vanaf het laatste"),
    "projection_after_base": ("projection years come after the base year {year}", "projectiejaren komen na het basisjaar {year}"),
    "unknown_field_paths_file": ("unknown field in the paths file{hint}", "onbekend veld in het padenbestand{hint}"),
    "tiers_need_reference_rate": ("intensity_tiers and reference_rate_eur_per_mwh go together", "intensity_tiers en reference_rate_eur_per_mwh horen bij elkaar"),
    "no_option_scenarios": ("no scenario with an option: block in {folder}", "geen scenario met een option:-blok in {folder}"),
    "no_option_applies": ("none of the options applies to {years}", "geen van de opties geldt voor {years}"),
    "vary_needs_a_parameter": ("give at least one parameter to vary, or {bands}", "geef ten minste één parameter om te variëren, of {bands}"),
    "directory_not_writable": ("directory {folder} is not writable", "in de map {folder} kan niet worden geschreven"),
    "file_not_writable": ("file is not writable", "het bestand kan niet worden overschreven"),
    "unknown_sectors_in_year": ("unknown sector {given} in the {year} configs; available: {available}", "onbekende sector {given} in de configs van {year}; beschikbaar: {available}"),
    "unknown_countries_in_year": ("unknown country {given} in the {year} configs; available: {available}", "onbekend land {given} in de configs van {year}; beschikbaar: {available}"),
    "summarise_needs_metric": ("no column {metric}|CC: give the rows of a sweep (or the metric its columns carry)",
                               "geen kolom {metric}|CC: geef de rijen van een sweep (of de maat die de kolommen dragen)"),
}


# Messages of the libraries underneath, worded in Dutch the same way: PyYAML's syntax errors, pydantic's
# constraint errors and typer's usage errors.
LIBRARY_MESSAGES: dict[str, tuple[str, str]] = {
    # PyYAML and pydantic
    "lib_expected_but_got": ("expected {options}, but got {got}", "verwacht {options}, maar kreeg {got}"),
    "lib_expected_but_found": ("expected {options}, but found {got}", "verwacht {options}, maar vond {got}"),
    "lib_mapping_values_are_not_allowed": ("mapping values are not allowed here", "hier mag geen 'sleutel: waarde' staan (een dubbele punt te veel of een inspringing verkeerd?)"),
    "lib_could_not_find_expected": ("could not find expected ':'", "de verwachte ':' ontbreekt"),
    "lib_found_character_that_cannot_start": ("found character {char} that cannot start any token", "teken {char} kan hier niet staan"),
    "lib_found_undefined_alias": ("found undefined alias {name}", "onbekende alias {name}"),
    "lib_found_unexpected_end_of_stream": ("found unexpected end of stream", "onverwacht einde van het bestand"),
    "lib_did_not_find_expected_key": ("did not find expected key", "de verwachte sleutel ontbreekt"),
    "lib_string_should_match_pattern_got": ("String should match pattern '{pattern}' (got {kind})", "tekst moet voldoen aan het patroon '{pattern}' (kreeg {kind})"),
    "lib_list_at_least_item": ("List should have at least {n} item after validation, not {got}", "de lijst moet minstens {n} element hebben, niet {got}"),
    "lib_list_at_least_items": ("List should have at least {n} items after validation, not {got}", "de lijst moet minstens {n} elementen hebben, niet {got}"),
    # typer's own usage errors
    "lib_no_such_option_possible_options": ("No such option: {option} (Possible options: {options})", "onbekende optie: {option} (mogelijke opties: {options})"),
    "lib_no_such_option_did_you": ("No such option: {option} Did you mean {other}?", "onbekende optie: {option}; bedoelde u {other}?"),
    "lib_no_such_option": ("No such option: {option}", "onbekende optie: {option}"),
    "lib_no_such_command": ("No such command '{name}'.", "onbekend commando '{name}'."),
    "lib_missing_option": ("Missing option '{option}'.", "optie '{option}' ontbreekt."),
    "lib_missing_argument": ("Missing argument '{name}'.", "argument '{name}' ontbreekt."),
    "lib_option_requires_an_argument": ("Option '{option}' requires an argument.", "optie '{option}' vraagt een waarde."),
    "lib_got_unexpected_extra_argument": ("Got unexpected extra argument ({arg})", "onverwacht extra argument ({arg})"),
    "lib_got_unexpected_extra_arguments": ("Got unexpected extra arguments ({args})", "onverwachte extra argumenten ({args})"),
    "lib_invalid_integer": ("Invalid value for '{option}': '{value}' is not a valid integer.", "ongeldige waarde voor '{option}': '{value}' is geen geheel getal."),
    "lib_invalid_float": ("Invalid value for '{option}': '{value}' is not a valid float.", "ongeldige waarde voor '{option}': '{value}' is geen getal."),
    "lib_invalid_choice": ("Invalid value for '{option}': '{value}' is not one of {choices}.", "ongeldige waarde voor '{option}': '{value}' is niet een van {choices}."),
    "lib_got_unexpected_extra_argument_s": ("Got unexpected extra argument(s) ({args})", "onverwachte extra argumenten ({args})"),
    "lib_invalid_value_for": ("Invalid value for '{option}'", "ongeldige waarde voor '{option}'"),
    "lib_input_integer": ("Input should be a valid integer, unable to parse string as an integer", "moet een geheel getal zijn"),
    "lib_input_number": ("Input should be a valid number, unable to parse string as a number", "moet een getal zijn"),
    "lib_input_at_least": ("Input should be greater than or equal to {n}", "moet minstens {n} zijn"),
    "lib_input_greater": ("Input should be greater than {n}", "moet groter zijn dan {n}"),
    "lib_value_error_is_not_one": ("Value error, '{value}' is not one of {choices}.", "'{value}' is niet een van {choices}."),
}

# What the loader says where a field would stand (a place, not a field of the config), what it
# got (kind), and small words inside a message: keyed like the messages themselves.
WORDS: dict[str, tuple[str, str]] = {
    "place_file": ("file", "bestand"),
    "place_structure": ("structure", "structuur"),
    "place_syntax": ("syntax", "syntaxis"),
    "place_indentation": ("indentation", "inspringing"),
    "place_tag": ("tag", "tag"),
    "place_header": ("header", "kopregel"),
    "whole_file": ("(file)", "(bestand)"),
    "place_sheet": ("sheet {sheet}", "blad {sheet}"),
    "place_cell": ("cell {cell}", "cel {cell}"),
    "place_row": ("row {row}", "rij {row}"),
    "kind_null": ("nothing (null)", "niets (null)"),
    "kind_yes_no": ("{value} (a yes/no value)", "{value} (een ja/nee-waarde)"),
    "kind_mapping": ("a mapping", "een mapping"),
    "kind_list": ("a list", "een lijst"),
    "kind_text": ("the text {text}", "de tekst {text}"),
    "this_value": ("this value", "deze waarde"),
    "none": ("none", "geen"),
    "did_you_mean": (" (did you mean '{name}'?)", " (bedoelde u '{name}'?)"),
    "or_last": ("{head} or {last}", "{head} of {last}"),
}


# Parts of messages that are figures the tool formats: written the Dutch way in a Dutch message.
_NUMBER_PARTS = frozenset({"claims", "budget", "share", "pct", "n", "rows", "hours", "value", "seconds", "rate", "relief", "price", "low", "high", "size", "limit"})


def field_in(lang: str, name: str, value) -> str:
    """A message's field in ``lang``: a Text in its own keys, a figure the tool wrote with the
    language's decimal sign; anything else (a path, a code, a year, what the user typed) as written."""
    from speelveld.said import Text

    if isinstance(value, Text):
        return value.in_language(lang)
    text = str(value)
    if lang == "nl" and name in _NUMBER_PARTS and re.fullmatch(r"-?[\d,]+(\.\d+)?", text):
        from speelveld.report.numbers import localise

        return localise(text, "nl")
    return text


def _template_regex(template: str) -> re.Pattern:
    parts = "".join(re.escape(literal) + (f"(?P<{name}>.*?)" if name is not None else "") for literal, name, _, _ in string.Formatter().parse(template))
    return re.compile(parts + r"\Z", re.S)


@functools.cache
def _library_patterns() -> list[tuple[re.Pattern, str]]:
    return [(_template_regex(english), key) for key, (english, _) in LIBRARY_MESSAGES.items()]


def from_library(text: str):
    """A library's own message (PyYAML, pydantic, click) as a keyed Text, where the catalogue
    knows its wording; otherwise the text as the library wrote it. The libraries give prose only,
    so this is where their words are recognised, once, where their error is caught."""
    from speelveld.said import Text, said

    if isinstance(text, Text):
        return text  # already keyed: our own message, or one recognised before
    for pattern, key in _library_patterns():
        m = pattern.match(text)
        if m:
            return said(key, **m.groupdict())
    # "Invalid value for '--year': <pydantic's message>": a place and a message, each recognised
    head, sep, rest = text.partition(": ")
    if sep and (worded := from_library(head)) is not head:
        return worded + sep + from_library(rest)
    return text



# Every keyed wording, for said(): the messages, the small words and the libraries' messages.
ALL_MESSAGES: dict[str, tuple[str, str]] = {**MESSAGES, **WORDS, **LIBRARY_MESSAGES}
