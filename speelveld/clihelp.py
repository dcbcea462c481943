"""Dutch help: `speelveld --help` and every command's --help in Dutch by default (English with
--lang en or SPEELVELD_LANG=en). Keyed by the English help text the commands carry; a test keeps
every help text of the CLI in this catalogue."""

from __future__ import annotations

HELP_NL: dict[str, str] = {
    'speelveld: the Dutch speelveldtoets. Computes what an energy-intensive plant pays for electricity in the Netherlands and its neighbours, line by line, and the gap to NL.':
        'speelveld: de Nederlandse speelveldtoets. Berekent wat een energie-intensieve fabriek in Nederland en de buurlanden voor elektriciteit betaalt, post voor post, en het verschil met NL.',
    'Show the full traceback on errors.':
        'Toon bij een fout de volledige traceback.',
    'Print the version and exit.':
        'Toon de versie en stop.',
    "Compare what a sector's plant pays in each country, line by line, and the gap to the reference.\n\nWith --scenario the tables show the scenario, followed by the gap before and after it. With\n--profile the plant is the one of the profile (a price year with hourly prices: 2024, 2025).":
        'Vergelijk wat de fabriek van een sector in elk land betaalt, post voor post, en het verschil met het referentieland.\n\nMet --scenario tonen de tabellen het scenario, gevolgd door het verschil ervoor en erna. Met\n--profile is de fabriek die van het profiel (een prijsjaar met uurprijzen: 2024, 2025).',
    "Sector archetype (see `speelveld list`), or 'all'.":
        "Sectorarchetype (zie `speelveld list`), of 'all'.",
    'Price year (default: the latest year in the config directory).':
        'Prijsjaar (standaard: het laatste jaar in de configmap).',
    'Country the others are compared with.':
        'Het land waarmee de andere worden vergeleken.',
    'Comma-separated countries (default: all in the config).':
        "Landen, met komma's gescheiden (standaard: alle landen in de config).",
    "Override a config value: PATH=VALUE, e.g. DE.commodity.baseload_eur_per_mwh=95 or sector.utilisation_hours=7500. Repeatable. Paths start with a country code, 'eu', 'sector' or 'sectors.NAME'; PATH+={...} adds an item to a list.":
        "Wijzig een configwaarde: PAD=WAARDE, bijv. DE.commodity.baseload_eur_per_mwh=95 of sector.utilisation_hours=7500. Herhaalbaar. Een pad begint met een landcode, 'eu', 'sector' of 'sectors.NAAM'; PAD+={...} voegt een element aan een lijst toe.",
    "table (terminal report), csv, csv-nl (for a Dutch Excel: ';' and a decimal comma) or json (to stdout or --out).":
        "table (rapport in de terminal), csv, csv-nl (voor een Nederlandse Excel: ';' en een decimale komma) of json (naar stdout of --out).",
    'Write csv/json to this file instead of stdout.':
        'Schrijf csv/json naar dit bestand in plaats van naar stdout.',
    'Report language: nl (default) or en.':
        'Taal van het rapport: nl (standaard) of en.',
    'Config directory (default: the shipped configs/).':
        'Configmap (standaard: de meegeleverde configs/).',
    "A named scenario from the config directory's scenarios/ (see `speelveld list`).":
        'Een scenario uit de map scenarios/ van de configmap (zie `speelveld list`).',
    'Also write the Excel workbook (same layout as `speelveld report`) to this .xlsx file.':
        'Schrijf ook de Excel-werkmap (zelfde opzet als `speelveld report`) naar dit .xlsx-bestand.',
    "Make warnings of these kinds errors (comma-separated): changes (a value far from the previous year's), estimates (estimates behind the totals), incomplete (a one-sided or undetermined gap), countries (a country of the previous year missing; always an error in validate), or all.":
        "Maak waarschuwingen van deze soorten tot fouten (met komma's gescheiden): changes (een waarde ver van die van vorig jaar), estimates (schattingen achter de totalen), incomplete (een eenzijdig of onbepaald verschil), countries (een land van vorig jaar ontbreekt; in validate altijd een fout), of all.",
    'electricity (the headline toets), gas, or all: electricity, gas and direct CO2 side by side with the gap in the whole energy bill.':
        'electricity (de hoofdtoets), gas, of all: elektriciteit, gas en directe CO2 naast elkaar, met het verschil in de hele energierekening.',
    'Show the price years, countries, sectors and scenarios available.':
        "Toon de beschikbare prijsjaren, landen, sectoren en scenario's.",
    'Check a config directory (schema, units, ranges, every value sourced) without computing.\n\nWithout --year every price year in the directory is checked.':
        'Controleer een configmap (schema, eenheden, bereiken, een bron bij elke waarde) zonder te rekenen.\n\nZonder --year wordt elk prijsjaar in de map gecontroleerd.',
    'Write the annual speelveldtoets workbook: every sector against every country, with a\nsummary, a sheet and chart per sector (totals and gaps as live formulas), every parameter\nwith its source, and the run manifest.':
        'Schrijf de jaarlijkse werkmap van de speelveldtoets: elke sector tegen elk land, met een\nsamenvatting, per sector een blad en een grafiek (totalen en verschillen als formules), elke\nparameter met zijn bron, en het runverslag.',
    'The .xlsx workbook to write (replaced only when the new one is complete).':
        'De .xlsx-werkmap om te schrijven (pas vervangen als de nieuwe compleet is).',
    'Workbook language.':
        'Taal van de werkmap.',
    "The standard policy check: every sector and country, the gap before and after a scenario,\nthe change, and the measure's cost to the state where the scenario states it.":
        'De standaard beleidstoets: elke sector en elk land, het verschil voor en na een scenario,\nde verandering, en de kosten van de maatregel voor de staat waar het scenario die noemt.',
    'The scenario to check (see `speelveld list`).':
        'Het scenario om te toetsen (zie `speelveld list`).',
    "table, csv, csv-nl (for a Dutch Excel: ';' and a decimal comma) or json.":
        "table, csv, csv-nl (voor een Nederlandse Excel: ';' en een decimale komma) of json.",
    'Write csv/json to this file.':
        'Schrijf csv/json naar dit bestand.',
    'Also write the check as a workbook: per sector and country the gap before, after and its change, each with its band, and the cost to the state.':
        'Schrijf de toets ook als werkmap: per sector en land het verschil ervoor, erna en de verandering, elk met de band, en de kosten voor de staat.',
    'Sensitivity sweep: vary parameters over a grid or random draws, computed as one vectorised\nquery; prints per country the distribution of the gap and which parameter moves it most.':
        'Gevoeligheidsanalyse: varieer parameters over een rooster of willekeurige trekkingen, berekend als\néén gevectoriseerde query; toont per land de verdeling van het verschil en welke parameter het het meest beweegt.',
    'Sector archetype.':
        'Sectorarchetype.',
    "PATH=SPEC, repeatable. SPEC is start:stop:step (stop included), a list a,b,c, uniform(low,high), normal(mean,sd), or band (uniform within the band the config gives). PATH as for --set; 'sector.' means the chosen sector.":
        "PAD=SPEC, herhaalbaar. SPEC is begin:eind:stap (eind inbegrepen), een lijst a,b,c, uniform(laag,hoog), normal(gemiddelde,sd), of band (uniform binnen de band die de config geeft). PAD als bij --set; 'sector.' is de gekozen sector.",
    'Draw every input with a band in the configs within its band (uniform, or triangular around the central value), the wholesale prices correlated as their monthly averages were; prints the chance that the reference is dearer. Default --samples 10000.':
        'Trek elke invoer met een band in de configs binnen die band (uniform, of driehoekig rond de centrale waarde), de groothandelsprijzen gecorreleerd zoals hun maandgemiddelden waren; toont de kans dat het referentieland duurder is. Standaard --samples 10000.',
    'Let TARGET follow a varied SOURCE by the same change (TARGET=SOURCE), or by the same factor (TARGET=SOURCE*), e.g. DE.commodity.baseload_eur_per_mwh=NL.commodity.baseload_eur_per_mwh. Repeatable.':
        'Laat DOEL een gevarieerde BRON volgen met dezelfde verandering (DOEL=BRON) of dezelfde factor (DOEL=BRON*), bijv. DE.commodity.baseload_eur_per_mwh=NL.commodity.baseload_eur_per_mwh. Herhaalbaar.',
    'Correlate the normal draws of A and B, e.g. NL...baseload,DE...baseload=0.9. Repeatable.':
        'Correleer de trekkingen van A en B, bijv. NL...baseload,DE...baseload=0.9. Herhaalbaar.',
    'Random draws instead of the full grid (needed for uniform/normal).':
        'Willekeurige trekkingen in plaats van het volledige rooster (nodig voor uniform/normal).',
    'Seed of the random draws (same seed, same draws; default 1).':
        'Startwaarde (seed) van de trekkingen (zelfde seed, zelfde trekkingen; standaard 1).',
    'Write every scenario to .parquet, .csv or .xlsx (streamed for parquet/csv).':
        'Schrijf elk scenario naar .parquet, .csv of .xlsx (parquet/csv gestreamd).',
    'Sweep the electrification business case of this technology instead of the gap: the break-even CO2 price per country.':
        'Varieer de businesscase voor elektrificatie met deze technologie in plaats van het verschil: de break-even CO2-prijs per land.',
    'Monitoring over the years: the electricity total and the gap per country and price year,\nwith their bands, for one sector or all.':
        'Monitoring over de jaren: het elektriciteitstotaal en het verschil per land en prijsjaar,\nmet hun banden, voor één sector of alle.',
    "Sector archetype, or 'all'.":
        "Sectorarchetype, of 'all'.",
    'Price years, e.g. 2024:2026 or 2024,2026 (default: all).':
        'Prijsjaren, bijv. 2024:2026 of 2024,2026 (standaard: alle).',
    'Also write a workbook with the trend table and a line chart per sector.':
        'Schrijf ook een werkmap met de trendtabel en per sector een lijngrafiek.',
    "The spending options of the electricity-cost envelope side by side over the years: per\noption and year the cost to the state against the envelope, the gap per sector and neighbour\nbefore and after (headline chemie NL−DE), the gap closed per 100 M€, who gains and loses, the\ne-boiler's break-even CO2 price, and the EU state-aid conditions with their rules.":
        'De bestedingsopties van de envelop elektriciteitskosten naast elkaar over de jaren: per\noptie en jaar de kosten voor de staat tegenover de envelop, het verschil per sector en buurland\nervoor en erna (kop: chemie NL−DE), het verschil dat per 100 M€ dichtgaat, wie wint en verliest, de\nbreak-even CO2-prijs van de e-boiler, en de EU-staatssteunvoorwaarden met hun regels.',
    'Years, e.g. 2026:2030 (default: the latest price year to the last projection year).':
        'Jaren, bijv. 2026:2030 (standaard: het laatste prijsjaar tot het laatste projectiejaar).',
    'Scenarios to compare (default: every scenario with an option: block).':
        "Scenario's om te vergelijken (standaard: elk scenario met een option:-blok).",
    'Also write a workbook: the sheet Bestedingsopties with its charts, then a sheet per year with its table and a memo sentence per option.':
        'Schrijf ook een werkmap: het blad Bestedingsopties met zijn grafieken, dan een blad per jaar met de tabel en een memozin per optie.',
    'The year whose memo sentences, state-aid conditions and mix are listed (default 2029, else the last).':
        'Het jaar waarvan de zinnen voor de nota, de staatssteunvoorwaarden en de mix worden getoond (standaard 2029, anders het laatste).',
    'Also the best mix of the allowed options within the headroom, solved as a linear programme (HiGHS), with the marginal value of the next 100 M€.':
        'Ook de beste mix van de toegestane opties binnen de ruimte, opgelost als lineair programma (HiGHS), met de marginale waarde van de volgende 100 M€.',
    "baseload (default): the heat all electric; hybride: an e-boiler beside the gas boiler takes each hour the cheaper of the two, on the year's hourly prices (2024, 2025).":
        'baseload (standaard): de warmte geheel elektrisch; hybride: een e-boiler naast de gasketel neemt elk uur de goedkoopste van de twee, op de uurprijzen van het jaar (2024, 2025).',
    "A plant's own hourly load (columns datetime, mw; one row per hour of the price year): its energy, full-load hours, off-peak share and load-weighted price per country replace the archetype's. Read here, never written anywhere.":
        'Het eigen uurlastprofiel van een fabriek (kolommen datetime, mw; één rij per uur van het prijsjaar): de energie, vollasturen, het aandeel buiten de piekuren en de naar de last gewogen prijs per land vervangen die van het archetype. Hier gelezen, nergens weggeschreven.',
    'netto (default): the IKC extension is paid from the envelope, as the 2026 letter reads; bruto: the envelope comes on top of it.':
        'netto (standaard): de IKC-uitbreiding wordt uit de envelop betaald, zoals de Kamerbrief van 2026 het zegt; bruto: de envelop komt erbovenop.',
    'What would close the gap: per sector and neighbour the reference-country relief in €/MWh\nthat brings the gap to zero, its yearly cost to the state for the whole sector and for all\nsectors together, set against the envelope and the IKC budget.':
        'Wat het verschil zou dichten: per sector en buurland de verlichting in het referentieland in €/MWh\ndie het verschil op nul brengt, de jaarlijkse kosten voor de staat voor de hele sector en voor alle\nsectoren samen, naast de envelop en het IKC-budget.',
    "The business case for electrifying a sector's boiler heat, per country: a year of that heat\nfrom the gas boiler against an e-boiler or heat pump (energy, CO2, annualised capital), the\nyearly cost difference, the CO2 price at which electrifying breaks even, and the subsidy per\ntonne of CO2 avoided it needs, in the reference country against its neighbours. With\n--operation hybride: the hours on electricity, the price paid, the yearly costs and the\nbreak-even CO2 price of the hybrid against baseload electrification.":
        'De businesscase voor het elektrificeren van de ketelwarmte van een sector, per land: een jaar van die warmte\nuit de gasketel tegenover een e-boiler of warmtepomp (energie, CO2, kapitaal op jaarbasis), het\njaarlijkse kostenverschil, de CO2-prijs waarbij elektrificeren quitte speelt, en de subsidie per\nvermeden ton CO2 die het nodig heeft, in het referentieland tegenover de buurlanden. Met\n--operation hybride: de uren op stroom, de betaalde prijs, de jaarkosten en de\nbreak-even CO2-prijs van de hybride tegenover baseload-elektrificatie.',
    'Sector archetype (its boiler heat is electrified).':
        'Sectorarchetype (zijn ketelwarmte wordt geëlektrificeerd).',
    'The electric heat technology.':
        'De elektrische warmtetechnologie.',
    'Also write the business case as a workbook sheet.':
        'Schrijf de businesscase ook als werkmapblad.',
    'Create the configs of a new price year from the latest one. Rules are copied; every\nfigure republished yearly (prices, tariffs, levy rates, EUA prices, budgets) is carried\nforward as an estimate with its old source, so that the list of stale values of\n`speelveld sources` shows what must be updated. Never overwrites an existing year.':
        'Maak de configs van een nieuw prijsjaar uit het laatste. Regels worden gekopieerd; elk\njaarlijks opnieuw gepubliceerd cijfer (prijzen, tarieven, heffingen, EUA-prijzen, budgetten) wordt\nals schatting met zijn oude bron meegenomen, zodat `speelveld sources --stale` laat zien wat\nbijgewerkt moet worden. Overschrijft nooit een bestaand jaar.',
    'The new price year, e.g. 2027.':
        'Het nieuwe prijsjaar, bijv. 2027.',
    'The year to start from (default: the latest).':
        'Het jaar om van uit te gaan (standaard: het laatste).',
    "Build the projection years after the latest price year, up to --to: the base year rolled\nforward, with each parameter's value from the paths file (futures, announced tariffs, decided\nlevies, budgets) and its band widened with the horizon. Written under projections/ in the\nconfig directory, replacing the previous projections at once; the same inputs give the same bytes.":
        'Bouw de projectiejaren na het laatste prijsjaar, tot en met --to: het basisjaar doorgerold, met\nde waarde van elke parameter uit het padenbestand (termijnnoteringen, aangekondigde tarieven, besloten\nheffingen, budgetten) en zijn band verbreed met de horizon. Geschreven onder projections/ in de\nconfigmap, in één keer in plaats van de vorige projecties; dezelfde invoer geeft dezelfde bytes.',
    'The last projection year, e.g. 2030.':
        'Het laatste projectiejaar, bijv. 2030.',
    'The paths file (default: paths.yaml in the config directory).':
        'Het padenbestand (standaard: paths.yaml in de configmap).',
    'Explain every cost line of one sector in one country: the formula with the numbers filled\nin, each eligibility condition (passed or failed), the resulting €/yr and €/MWh, and the\nsource and quality flag of every input. The lines add up to the total of `compare`.':
        'Licht elke kostenpost van één sector in één land toe: de formule met de getallen ingevuld,\nelke voorwaarde (voldaan of niet), het resulterende €/jr en €/MWh, en de bron en\nkwaliteitsmarkering van elke invoer. De posten tellen op tot het totaal van `compare`.',
    'Sector archetype (see `speelveld list`).':
        'Sectorarchetype (zie `speelveld list`).',
    'Country code, e.g. DE.':
        'Landcode, bijv. DE.',
    'Only the lines whose key starts with this, e.g. network or tax.kwkg.':
        'Alleen de posten waarvan de sleutel hiermee begint, bijv. network of tax.kwkg.',
    'table (terminal walk-through) or json.':
        'table (toelichting in de terminal) of json.',
    'Write the json to this file instead of stdout.':
        'Schrijf de json naar dit bestand in plaats van naar stdout.',
    'Leave out the inputs and sources under each line.':
        'Laat de invoer en bronnen onder elke post weg.',
    'Report language: nl (default) or en, for headings and steps; the names a config gives its levies and charges stay as written.':
        'Taal van het rapport: nl (standaard) of en, voor koppen en stappen; de namen die een config zijn heffingen en tarieven geeft blijven zoals geschreven.',
    'electricity, or gas / all to include the natural gas lines (per MWh of gas).':
        'electricity, of gas / all om de aardgasposten mee te nemen (per MWh gas).',
    'All sources a price year uses, grouped by country and component, with the number of values\neach supports and their quality flags. With --stale: the values that need attention. With\n--expiring: the calendar of rules, when each ends and what follows it.':
        'Alle bronnen die een prijsjaar gebruikt, per land en onderdeel, met het aantal waarden dat\nelk onderbouwt en hun kwaliteitsmarkeringen. Met --stale: de waarden die aandacht nodig hebben. Met\n--expiring: de kalender van regels, wanneer elke regel eindigt en wat erop volgt.',
    'List the calendar of rules: per country each rule with a validity window, when it ends and what follows it (a successor, values from paths.yaml, or a sourced end).':
        'Toon de kalender van regels: per land elke regel met een geldigheidsperiode, wanneer ze eindigt en wat erop volgt (een opvolger, waarden uit paths.yaml, of een einde met bron).',
    'With --stale or --expiring: print each value\'s or rule\'s note under it.':
        'Met --stale of --expiring: toon de toelichting van elke waarde of regel eronder.',
    'List the values that need attention: unknown, estimate, expired, or a yearly figure whose update is overdue.':
        'Toon de waarden die aandacht nodig hebben: onbekend, schatting, verlopen, of een jaarlijks cijfer waarvan de actualisering te laat is.',
    'Only this country (or EU, sectors).':
        'Alleen dit land (of EU, sectors).',
    "With --stale: also list the sector archetypes' assumptions (estimates by design).":
        'Met --stale: toon ook de aannames van de sectorarchetypen (schattingen per ontwerp).',
    "With --stale: print each value's note under it.":
        'Met --stale: toon de toelichting van elke waarde eronder.',
    'How each gap changed between two price years (or two config directories), decomposed by\ncost line, largest changes first. The line effects add up to the change of the gap.':
        'Hoe elk verschil veranderde tussen twee prijsjaren (of twee configmappen), uitgesplitst per\nkostenpost, de grootste veranderingen eerst. De effecten van de posten tellen op tot de verandering van het verschil.',
    'The earlier price year (default: the one before --vs, or --vs itself with --vs-config-dir).':
        'Het eerdere prijsjaar (standaard: het jaar voor --vs, of --vs zelf met --vs-config-dir).',
    'The later price year (default: the latest).':
        'Het latere prijsjaar (standaard: het laatste).',
    'Comma-separated countries (default: all in both runs).':
        "Landen, met komma's gescheiden (standaard: alle landen in beide runs).",
    'Lines shown per sector and country, largest change first.':
        'Getoonde posten per sector en land, de grootste verandering eerst.',
    'table, csv (one row per line effect), csv-nl (the same for a Dutch Excel) or json.':
        'table, csv (één rij per posteffect), csv-nl (hetzelfde voor een Nederlandse Excel) of json.',
    "Compare with this config directory instead of the same one (e.g. a colleague's edit).":
        'Vergelijk met deze configmap in plaats van dezelfde (bijv. de aanpassing van een collega).',
    'The parameters of a price year as an Excel workbook to edit, and the edits read back into the YAML files.':
        'De parameters van een prijsjaar als Excel-werkmap om te bewerken, en de bewerkingen terug in de YAML-bestanden.',
    'Write every parameter of a price year to a workbook: one row per parameter (path, label,\nvalue, unit, low, high, quality, source, note, file:line), a sheet of sources, a sheet that\nexplains the editing. Edit it in Excel or LibreOffice and read it back with `speelveld inputs import`.':
        'Schrijf elke parameter van een prijsjaar naar een werkmap: één rij per parameter (pad, label,\nwaarde, eenheid, laag, hoog, kwaliteit, bron, toelichting, bestand:regel), een blad met bronnen, een blad dat\nhet bewerken uitlegt. Bewerk het in Excel of LibreOffice en lees het terug met `speelveld inputs import`.',
    'The workbook to write.':
        'De werkmap om te schrijven.',
    'Language of the sheets and headers.':
        'Taal van de bladen en kopjes.',
    'Read an edited input workbook back into the YAML files: every edited cell is checked (a\nnumber, a unit that matches, a quality from the list, a source for every changed value), the\nyear is validated with the edits, and only then are the files written, keeping the comments,\nkey order and layout of everything not edited. Prints each change and its effect on the gaps.':
        'Lees een bewerkte invoerwerkmap terug in de YAML-bestanden: elke bewerkte cel wordt gecontroleerd (een\ngetal, een passende eenheid, een kwaliteit uit de lijst, een bron bij elke gewijzigde waarde), het\njaar wordt met de bewerkingen gevalideerd, en pas dan worden de bestanden geschreven, met behoud van het\ncommentaar, de volgorde en de opmaak van alles wat niet bewerkt is. Toont elke wijziging en het effect op de verschillen.',
    'A workbook written by `speelveld inputs export`, edited.':
        'Een werkmap geschreven door `speelveld inputs export`, bewerkt.',
    'Check the edits and show the changes, but write nothing.':
        'Controleer de bewerkingen en toon de wijzigingen, maar schrijf niets.',
    'Lines shown per sector and country in the effect on the gaps.':
        'Getoonde posten per sector en land in het effect op de verschillen.',
}


# typer's own words around the help (section titles, the marks after an option)
FRAME_NL: dict[str, str] = {
    "Options": "Opties",
    "Commands": "Opdrachten",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "Show this message and exit.": "Toon deze hulp en stop.",
}
