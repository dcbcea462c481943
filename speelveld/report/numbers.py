"""Numbers as the report's language writes them: 1.000,50 in Dutch, 1,000.50 in English.

One formatter, its language chosen once per run (from --lang, by the command's wrapper), for the
terminal, `explain`, the workbook's text and the tool's own notes. Machine outputs (CSV, JSON,
Parquet, the arithmetic `explain` checks) keep the plain machine format.

Hand-written rather than Babel's `format_decimal`: two languages, one swap of two characters, and
no start-up cost (Babel's import and its locale data add about 24 ms to every command, measured).
NACE codes, years and paths are never passed through it, so they are never changed.
"""

from __future__ import annotations

import math

_CURRENT = {"lang": "nl"}
_SWAP = str.maketrans({",": ".", ".": ","})


def use_language(lang: str | None) -> None:
    _CURRENT["lang"] = "en" if lang == "en" else "nl"


def language() -> str:
    return _CURRENT["lang"]


def localise(text: str, lang: str | None = None) -> str:
    """A number written the English way (1,000.5) in the report's language."""
    return text.translate(_SWAP) if (lang or _CURRENT["lang"]) == "nl" else text


def num(value: float | None, digits: int = 2, lang: str | None = None) -> str:
    if value is None or value != value:
        return "?"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if abs(value) < 0.5 * 10**-digits:
        value = 0.0
    return localise(f"{value:,.{digits}f}", lang)


def signed(value: float | None, digits: int = 2, lang: str | None = None) -> str:
    if value is None or value != value:
        return "?"
    if abs(value) < 0.5 * 10**-digits:
        return num(0.0, digits, lang)
    return localise(f"{value:+,.{digits}f}", lang)


def sig(value: float | None, figures: int = 6, lang: str | None = None) -> str:
    """About ``figures`` significant figures, never in scientific notation (1e+09 reads as a typo
    to a civil servant): 1.000.000.000, 31.808.900, 0,00321."""
    if value is None or value != value:
        return "?"
    if value == 0:
        return "0"
    digits = max(0, figures - 1 - int(math.floor(math.log10(abs(value)))))
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return localise(text, lang)
