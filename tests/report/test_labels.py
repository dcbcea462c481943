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


@pytest.mark.parametrize("table", ["MESSAGES_NL", "LIBRARY_MESSAGES_NL"])
def test_every_message_has_one_dutch_wording_with_the_same_parts(table):
    """Each entry (of the steps of `explain`: Dutch first, then English) is there once, is worded
    differently in the other language, and both name the same parts."""
    entries = getattr(labels, table)
    english = [e for e, _ in entries]
    assert len(set(english)) == len(english), "a message is worded twice"
    for en, nl in entries:
        assert _names(en) == _names(nl), en
        assert en != nl, en


def test_the_catalogue_follows_the_code():
    """Every fixed piece of an English message in the catalogue is still written somewhere in the
    code: a message reworded in the code without its catalogue entry fails here, instead of
    quietly printing English in a Dutch run."""
    from pathlib import Path

    root = Path(labels.__file__).resolve().parent.parent
    code = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py") if p.name not in ("labels.py", "catalogue.py", "messages.py"))
    # the code writes f"unknown {kind} '{given}'": Dutch needs a word per kind (onbekend land, onbekende sector)
    composed = {"unknown country", "unknown sector", "unknown scenario"}
    missing = []
    for en, _ in labels.MESSAGES_NL:
        for literal, _, _, _ in string.Formatter().parse(en):
            for piece in re.split(r"[;()]", literal):
                piece = piece.strip(" ,:'")
                if len(piece) >= 6 and piece not in code and piece not in composed:
                    missing.append((en, piece))
    # the parts the loader words itself (what it got, "did you mean"), worded in Dutch by labels
    for word in [*labels._KINDS_NL, "the text ", "did you mean"]:
        piece = word.removeprefix("true ").removeprefix("false ")  # the code writes f"{'true' if value else 'false'} (a yes/no value)"
        if piece not in code:
            missing.append((word, piece))
    assert not missing, "\n".join(f"{en!r}: {piece!r} is not in the code" for en, piece in missing)


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
    line = "cfg/2030/countries/DE.yaml:8: commodity.baseload_eur_per_mwh: -5 is negative; €/MWh cannot be"
    assert labels.message_text("en", line) == line
    assert labels.message_text("nl", line) == "cfg/2030/countries/DE.yaml:8: commodity.baseload_eur_per_mwh: -5 is negatief; dat kan niet in €/MWh"
    # the parts the loader words itself, and the place before the message
    assert labels.message_text("nl", "x.yaml:1: file: expected a mapping of fields, got list") == "x.yaml:1: bestand: verwacht een mapping van velden, kreeg list"
    assert labels.message_text("nl", "x.yaml:3: voltage_level: should be 'EHV' or 'HV', not the text 'MV'") == (
        "x.yaml:3: voltage_level: moet 'EHV' of 'HV' zijn, niet de tekst 'MV'")
    assert labels.message_text("nl", "x.yaml:8: foo: unknown field (did you mean 'bar'?)") == "x.yaml:8: foo: onbekend veld (bedoelde u 'bar'?)"
    assert labels.message_text("nl", "Invalid value for '--year': Input should be a valid integer, unable to parse string as an integer") == (
        "ongeldige waarde voor '--year': moet een geheel getal zijn")
    # what the user typed stays as typed, also when it reads like a word the loader uses
    assert labels.message_text("nl", "--countries: unknown country 'none'; available: DE, FR") == (
        "--countries: onbekend land 'none'; beschikbaar: DE, FR")
    assert labels.message_text("nl", "--scenario: unknown scenario 'x'; available: none (in cfg/scenarios)") == (
        "--scenario: onbekend scenario 'x'; beschikbaar: geen (in cfg/scenarios)")
    # a message the catalogue does not know is shown as written, never half-translated
    assert labels.message_text("nl", "x.yaml:1: something new happened") == "x.yaml:1: something new happened"


def test_a_letter_sentence_carries_the_precision_its_band_allows():
    # 23.87 within 15.34–42.26 (a band 26.9 wide): "24 (band 15–42)"; 2.345 within 2.0–2.6: two
    # decimals; three neighbours read "A, B en C"
    from speelveld.report.notes import fitting_digits, headline

    assert (fitting_digits(15.34, 42.26), fitting_digits(1.0, 2.5), fitting_digits(2.0, 2.6)) == (0, 1, 2)
    rows = [{"country": cc, "gap_eur_per_mwh": g, "gap_low_eur_per_mwh": lo, "gap_high_eur_per_mwh": hi, "gap_bound": "exact", "ref_dearer_pct": p}
            for cc, g, lo, hi, p in (("DE", 23.87, 15.34, 42.26, 34.0), ("BE", 2.345, 2.0, 2.6, 3.0), ("FR", 5.55, 5.0, 6.2, 8.0))]
    assert headline("nl", rows) == ("Nederland is 24 €/MWh (34 %) duurder dan Duitsland (band 15–42), 2,35 €/MWh (3 %) duurder dan België (Vlaamse regels) "
                                    "(band 2,00–2,60) en 5,5 €/MWh (8 %) duurder dan Frankrijk (band 5,0–6,2).")
