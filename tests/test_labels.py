"""The report's words: one module, both languages complete, and the Dutch default in use."""

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
