"""Error, status and step wording: the English the loader, the option parsers and the engine
write, with its Dutch (MESSAGES_NL), and the Dutch steps of `explain` with their English
(STEP_LABELS_EN). Mostly data; the lookups that match a printed line to its entry are at the end
of each part."""

from __future__ import annotations

import functools
import re
import string

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
    ("directory {folder} does not exist", "de map {folder} bestaat niet"),
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
    ("no configs for {year} (available: {years}); build it with `speelveld project --to {to}`", "geen configs voor {year} (beschikbaar: {years}); maak het met `speelveld project --to {to}`"),
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
    ("--seed: a grid without --samples draws nothing; the seed is not used", "--seed: een rooster zonder --samples trekt niets; de seed wordt niet gebruikt"),
    ("the config gives {given} no band; give the range, e.g. uniform(low,high)", "de config geeft {given} geen band; geef het bereik, bijv. uniform(laag,hoog)"),
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
_NUMBER_PARTS = frozenset({"claims", "budget", "share", "pct", "n", "rows", "hours", "value", "seconds", "rate", "relief", "price", "low", "high"})


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

