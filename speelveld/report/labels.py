"""Every word the reports print, in Dutch (default) and English: one module, so a term is
changed in one place and a missing translation is caught by a test (tests/report/test_labels.py)."""

from __future__ import annotations

import re

from speelveld.report.catalogue import (  # noqa: F401 (the catalogue is read through labels)
    EXPLAIN,
    FIELD_WORDS,
    GENERIC_ROW_LABELS,
    LABELS,
    LINE_LABELS_EN,
    QUALITY_MARK,
    READ_ME,
    WORKBOOK,
)
from speelveld.report.messages import (  # noqa: F401 (the messages are read through labels)
    ALL_MESSAGES,
    LIBRARY_MESSAGES,
    MESSAGES,
    STEPS,
    WORDS,
    from_library,
    message_text,
    step_text,
)

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
    from speelveld.config.overrides import moved_with
    from speelveld.report.numbers import sig

    lead = moved_with(fields["where"]) if isinstance(fields.get("where"), str) else None
    if lead is not None:  # a value moved along with another (an EUA price)
        fields["where"] = t(lang, "w_moved_with", path=lead)
    for name, value in fields.items():
        if isinstance(value, float):  # a figure the warning names: in the report's language
            fields[name] = sig(value, 3 if name == "ratio" else 6, lang)
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
