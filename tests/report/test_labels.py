"""The report's words: one module, both languages complete, and the Dutch default in use."""

import re
import string

import pytest

from speelveld.report import labels


def _shape(value):
    """Keys (recursively) and the {placeholders} of every text: what both languages must share."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_shape(v) for v in value]
    if isinstance(value, str):
        return sorted({name for _, name, _, _ in string.Formatter().parse(value) if name})
    return type(value).__name__


@pytest.mark.parametrize("table", ["LABELS", "WORKBOOK", "EXPLAIN", "FIELD_WORDS"])
def test_dutch_and_english_have_the_same_keys_and_placeholders(table):
    words = getattr(labels, table)
    assert set(words) == {"nl", "en"}
    assert _shape(words["nl"]) == _shape(words["en"]), table


@pytest.mark.parametrize("table", ["LABELS", "WORKBOOK", "EXPLAIN"])
def test_no_text_is_left_untranslated(table):
    """A long Dutch text that equals its English one was not translated (short ones such as
    'id', 'effect' or a country code may be the same word in both)."""

    def texts(value, path=()):
        if isinstance(value, dict):
            for k, v in value.items():
                yield from texts(v, (*path, k))
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                yield from texts(v, (*path, i))
        elif isinstance(value, str):
            yield path, value

    words = getattr(labels, table)
    english = dict(texts(words["en"]))
    same = [path for path, text in texts(words["nl"]) if len(text) > 24 and english.get(path) == text]
    assert same == [], same


def test_units_read_in_the_report_language():
    assert labels.units_in("nl", "53.06 €/kW/yr × 125,000 kW") == "53.06 €/kW/jr × 125,000 kW"
    assert labels.units_in("nl", "€/kW/month") == "€/kW/maand"
    assert labels.units_in("nl", "€/(kWh/h)/yr") == "€/(kWh/h)/jr"
    assert labels.units_in("nl", "€/kW/a") == "€/kW/jr"
    # only unit suffixes change: words and other units stay
    assert labels.units_in("nl", "15 years, 7 %/year, €/MWh") == "15 years, 7 %/year, €/MWh"
    assert labels.units_in("en", "€/kW/yr") == "€/kW/yr"


def test_report_words_come_from_the_label_module():
    """No Dutch/English choice is written inline (`"Land" if nl else "Country"`, or the same with
    f-strings): every text is a labels.LABELS entry, with named placeholders for its numbers."""
    import ast
    from pathlib import Path

    inline = []
    for path in sorted((Path(labels.__file__).parent).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.IfExp) and isinstance(node.test, ast.Name) and node.test.id == "nl":
                inline.append(f"{path.name}:{node.lineno}")
    assert inline == [], inline


def test_gas_line_labels_read_in_english_with_lang_en():
    assert labels.line_label("en", "gas.commodity", "Aardgas: groothandelsprijs (TTF)") == "Natural gas: wholesale price (TTF)"
    assert labels.line_label("en", "gas.network.exit", "Gastransport: exitcapaciteit GTS") == "Gas transmission: exitcapaciteit GTS"
    assert labels.line_label("nl", "gas.commodity", "Aardgas: groothandelsprijs (TTF)") == "Aardgas: groothandelsprijs (TTF)"


def test_band_sign_is_the_one_colour_rule():
    assert labels.band_sign(0.01, 3.0) == 1 and labels.band_sign(-3.0, -0.01) == -1
    assert labels.band_sign(-0.6, 11.4) == 0 and labels.band_sign(0.004, 1.0) == 0  # rounding to 0.00
    assert labels.band_sign(2.0, None) == 1 and labels.band_sign(None, None) == 0  # a lower bound above 0
    # the headline gap is coloured only when complete, whatever its band
    assert labels.conclusive({"gap_bound": "lower", "gap_low_eur_per_mwh": 2.0, "gap_high_eur_per_mwh": None}) == 0
    assert labels.conclusive({"gap_bound": "exact", "gap_low_eur_per_mwh": 2.0, "gap_high_eur_per_mwh": 9.0}) == 1


def _names(template: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(template) if name)


@pytest.mark.parametrize("table", ["MESSAGES", "WORDS", "LIBRARY_MESSAGES"])
def test_every_message_has_one_dutch_wording_with_the_same_parts(table):
    """Each key has an English and a Dutch wording that name the same fields, worded differently
    (apart from a word that is the same in both, such as 'tag')."""
    for key, (en, nl) in getattr(labels, table).items():
        assert _names(en) == _names(nl), key
        assert en != nl or key == "place_tag", key


def _keys_in_the_code() -> set[str]:
    """Every key the code says: said("key", ...), said("a" if x else "b"), a key in a dict of
    keys handed to said(), and the place words of place(where, "file")."""
    import ast
    from pathlib import Path

    root = Path(labels.__file__).resolve().parent.parent
    used = set()
    for path in root.rglob("*.py"):
        if path.name == "message_catalogue.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            if node.func.id == "said":
                first = node.args[0]
                if isinstance(first, ast.IfExp):
                    used.update(c.value for c in (first.body, first.orelse) if isinstance(c, ast.Constant))
                elif isinstance(first, ast.Constant):
                    used.add(first.value)
                elif isinstance(first, ast.Subscript) and isinstance(first.value, ast.Dict):  # {"a": "key_a", ...}[kind]
                    used.update(v.value for v in first.value.values if isinstance(v, ast.Constant))
            elif node.func.id == "place" and len(node.args) == 2 and isinstance(node.args[1], ast.Constant):
                used.add("place_" + node.args[1].value)
    return used


def test_the_catalogue_follows_the_code():
    """Every key the code says is in the catalogue in both languages, and every key of the
    catalogue is said somewhere (the libraries' messages are recognised by their own English,
    where their error is caught, so they are not said by key)."""
    used = _keys_in_the_code()
    known = set(labels.MESSAGES) | set(labels.WORDS)
    assert used - known - set(labels.LIBRARY_MESSAGES) == set(), "keys the code says without wording"
    assert known - used == set(), "catalogue keys nothing says"
    # the place words a loader problem may carry (place(where, kind) with a kind computed)
    assert {"place_syntax", "place_tag"} <= used


def test_no_message_is_written_as_prose_where_a_problem_is_raised():
    """A problem is raised or collected as a Text (said(...)), never as English prose that a
    Dutch run would print untranslated: no string literal with a sentence in a raise of our own
    errors or in a problems list."""
    import ast
    from pathlib import Path

    root = Path(labels.__file__).resolve().parent.parent
    ours = {"ConfigError", "UsageProblem", "SweepError", "BusinessCaseError", "UsageError", "ValueError", "KeyError", "OSError"}
    prose = []
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(source))):
            if "# internal:" in source[node.lineno - 1] if hasattr(node, "lineno") else False:
                continue  # a bug in the tool, not a problem with the user's input
            call = node.exc if isinstance(node, ast.Raise) else node
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            if name not in ours and not (name == "append" and getattr(call.func.value, "id", "").endswith("problems")):
                continue
            for arg in ast.walk(call):
                if isinstance(arg, ast.JoinedStr | ast.Constant) and isinstance(getattr(arg, "value", None) if isinstance(arg, ast.Constant) else "", str):
                    text = arg.value if isinstance(arg, ast.Constant) else "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                    if len(re.findall(r"(?<![\w./-])[a-z]{2,}(?![\w./-])", text)) >= 3:  # words, not a path or a field
                        prose.append(f"{path.relative_to(root)}:{arg.lineno}: {text[:60]}")
    assert prose == [], "\n".join(prose)


def test_the_step_catalogue_follows_the_engine():
    """The engine names its steps by key (core.context.Words): every key it writes is in the
    catalogue with a Dutch and an English wording of the same fields, and every key of the
    catalogue is written somewhere (the step keys of `when_expr` and the charge kinds are composed)."""
    import ast
    from pathlib import Path

    core = Path(labels.__file__).resolve().parent.parent / "core"
    used = set()
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "words" and node.args:
                first = node.args[0]
                choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]  # words("a" if x else "b")
                used.update(c.value for c in choices if isinstance(c, ast.Constant))
    # keys the engine composes: a named step, the quantities of a condition, the charge kinds, and
    # the commodity lines by their key (profile, margin)
    composed = {"named", "q_consumption", "q_hours", "q_offpeak", "profile", "margin"} | {k for k in labels.STEPS if k.startswith("charge_")}
    assert used - set(labels.STEPS) == set(), "keys the engine writes without wording"
    assert set(labels.STEPS) - used - composed == set(), "catalogue keys nothing writes"
    for key, (nl, en) in labels.STEPS.items():
        assert _names(nl) == _names(en), key
        assert nl != en or key in ("named", "name"), key


def test_steps_in_english():
    from speelveld.core.context import named, words

    assert labels.step_text("en", named(words("category", category="profil-stable"), words("q_offpeak"))) == "category profil-stable: off-peak share"
    kinds = words("base_network_charges", kinds=[words("charge_fixed_eur_per_year"), words("charge_capacity_eur_per_kw_year")])
    assert labels.step_text("en", kinds) == "Base: network charges fixed, capacity, after reductions"
    assert labels.step_text("nl", kinds) == "Grondslag: nettarieven vast, capaciteit, na kortingen"
    nace = named("EnFG § 31 Liste 1", words("nace_under_list", codes="20.14", code="20.14", n=12))
    assert labels.step_text("en", nace) == "EnFG § 31 Liste 1: NACE 20.14 falls under 20.14 (the list of 12 codes)"
    assert labels.step_text("nl", nace) == "EnFG § 31 Liste 1: NACE 20.14 valt onder 20.14 (de lijst van 12 codes)"


def test_messages_in_dutch_and_english():
    """A message is a key with fields, rendered once in each language; the place in front of it
    is kept as written, a place word and what the loader got are keyed too."""
    from speelveld.said import place, said

    line = "cfg/2030/countries/DE.yaml:8: commodity.baseload_eur_per_mwh: " + said("negative_cannot", value="-5", unit="€/MWh")
    assert line == "cfg/2030/countries/DE.yaml:8: commodity.baseload_eur_per_mwh: -5 is negative; €/MWh cannot be"  # a str, in English
    assert labels.message_text("en", line) == line
    assert labels.message_text("nl", line) == "cfg/2030/countries/DE.yaml:8: commodity.baseload_eur_per_mwh: -5 is negatief; dat kan niet in €/MWh"
    got = place("x.yaml:1", "file") + said("expected_mapping_fields_got", kind="list")
    assert labels.message_text("nl", got) == "x.yaml:1: bestand: verwacht een mapping van velden, kreeg list"
    should = said("should_not", options=said("or_last", head="'EHV'", last="'HV'"), kind=said("kind_text", text="'MV'"))
    assert labels.message_text("nl", "x.yaml:3: voltage_level: " + should) == "x.yaml:3: voltage_level: moet 'EHV' of 'HV' zijn, niet de tekst 'MV'"
    assert labels.message_text("en", "x.yaml:3: voltage_level: " + should) == "x.yaml:3: voltage_level: should be 'EHV' or 'HV', not the text 'MV'"
    # a Text survives what the loader does with a problem: a folder replaced, control characters escaped
    moved = ("/tmp/stage/x.yaml:8: foo: " + said("unknown_field", hint=said("did_you_mean", name="bar"))).replace("/tmp/stage", "cfg")
    assert labels.message_text("nl", moved) == "cfg/x.yaml:8: foo: onbekend veld (bedoelde u 'bar'?)"
    # the libraries' own English is recognised where their error is caught
    typer_line = labels.from_library("Invalid value for '--year': Input should be a valid integer, unable to parse string as an integer")
    assert labels.message_text("nl", typer_line) == "ongeldige waarde voor '--year': moet een geheel getal zijn"
    # what the user typed stays as typed, also when it reads like a word the loader uses
    country = "--countries: " + said("unknown_country_available", given="none", hint="", available="DE, FR")
    assert labels.message_text("nl", country) == "--countries: onbekend land 'none'; beschikbaar: DE, FR"
    scenario = "--scenario: " + said("unknown_scenario_available", given="x", hint="", available=said("none"), folder="cfg/scenarios")
    assert labels.message_text("nl", scenario) == "--scenario: onbekend scenario 'x'; beschikbaar: geen (in cfg/scenarios)"
    # text no key covers (a library's message we do not know) is shown as written, never half-translated
    assert labels.message_text("nl", labels.from_library("x.yaml:1: something new happened")) == "x.yaml:1: something new happened"


def test_a_text_pickles_and_keeps_its_keys():
    import pickle

    from speelveld.said import said, tail

    text = "a.yaml:1: f: " + said("required_field_missing")
    back = pickle.loads(pickle.dumps(text))
    assert back == text and back.keys == ["required_field_missing"]
    assert labels.message_text("nl", tail(back, len("a.yaml:1: "))) == "f: verplicht veld ontbreekt"


def test_a_letter_sentence_carries_the_precision_its_band_allows():
    # 23.87 within 15.34–42.26 (a band 26.9 wide): "24 (band 15–42)"; 2.345 within 2.0–2.6: two
    # decimals; three neighbours read "A, B en C"
    from speelveld.report.notes import fitting_digits, headline

    assert (fitting_digits(15.34, 42.26), fitting_digits(1.0, 2.5), fitting_digits(2.0, 2.6)) == (0, 1, 2)
    rows = [{"country": cc, "gap_eur_per_mwh": g, "gap_low_eur_per_mwh": lo, "gap_high_eur_per_mwh": hi, "gap_bound": "exact", "ref_dearer_pct": p}
            for cc, g, lo, hi, p in (("DE", 23.87, 15.34, 42.26, 34.0), ("BE", 2.345, 2.0, 2.6, 3.0), ("FR", 5.55, 5.0, 6.2, 8.0))]
    assert headline("nl", rows) == ("Nederland is 24 €/MWh (34 %) duurder dan Duitsland (band 15–42), 2,35 €/MWh (3 %) duurder dan België (Vlaamse regels) "
                                    "(band 2,00–2,60) en 5,5 €/MWh (8 %) duurder dan Frankrijk (band 5,0–6,2).")


def test_every_report_word_the_code_asks_for_is_there_and_every_word_is_asked_for():
    """t(lang, "key") and status_text("key"): each key is in the catalogue, and each catalogue key
    is asked for somewhere, by name or by a prefix the code completes (t(lang, "reason_" + reason))."""
    import ast
    from pathlib import Path

    root = Path(labels.__file__).resolve().parent.parent
    asked, prefixes, literals = set(), set(), set()
    for path in root.rglob("*.py"):
        if path.name == "catalogue.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            name = getattr(getattr(node, "func", None), "id", None)
            if isinstance(node, ast.Call) and name in ("t", "status_text") and len(node.args) > (name == "t"):
                key = node.args[1] if name == "t" else node.args[0]
                if isinstance(key, ast.Constant):
                    asked.add(key.value)
                elif isinstance(key, ast.BinOp) and isinstance(key.left, ast.Constant):
                    prefixes.add(key.left.value)
                elif isinstance(key, ast.JoinedStr) and key.values and isinstance(key.values[0], ast.Constant):
                    prefixes.add(key.values[0].value)
    words = set(labels.LABELS["nl"])
    assert asked - words == set(), "keys asked for without wording"
    unused = {k for k in words if k not in literals and not any(k.startswith(p) for p in prefixes)}
    assert unused == set(), "catalogue words nothing asks for"
