"""Why a gap is one-sided, in words: which country misses which cost or relief without bounds."""

from __future__ import annotations

import polars as pl

from speelveld.core.compute import Comparison
from speelveld.report.labels import missing_words, num, t


def open_lines(result: Comparison, sector: str, country: str, side: str) -> list[tuple[str, str]]:
    """(family, label) of the lines of ``country`` that leave its total open on ``side``
    ('high': a missing cost, 'low': a missing relief)."""
    column = "high_eur_per_mwh" if side == "high" else "low_eur_per_mwh"
    rows = result.lines.filter(
        (pl.col("sector") == sector) & (pl.col("country") == country) & pl.col("eur_per_mwh").is_null() & pl.col(column).is_null()
    )
    return [(r["family"], r["label"]) for r in rows.iter_rows(named=True)]


def gap_note(result: Comparison, sector: str, row: dict, lang: str = "nl") -> str | None:
    """'DE: NL mist netkosten: het verschil is een ondergrens (≥ 27.85 €/MWh).' for a one-sided
    or undetermined gap; None for a complete one (or the reference itself)."""
    ref, cc, bound = result.reference, row["country"], row["gap_bound"]
    if cc == ref or bound == "exact":
        return None
    reasons = []
    # The gap (ref − cc) is open upwards when ref misses a cost or cc a relief, downwards otherwise.
    sides = {"lower": ("high",), "upper": ("low",), "none": ("high", "low")}[bound]
    for gap_side in sides:
        for country, line_side in ((ref, gap_side), (cc, "low" if gap_side == "high" else "high")):
            found = open_lines(result, sector, country, line_side)
            if found:
                reasons.append((country, found))
    merged: dict[str, list] = {}
    for country, found in reasons:
        merged.setdefault(country, []).extend(x for x in found if x not in merged.get(country, []))
    text = "; ".join(t(lang, "misses", cc=country, items=missing_words(lang, found)) for country, found in merged.items())
    x = row["gap_low_eur_per_mwh"] if bound == "lower" else row["gap_high_eur_per_mwh"]
    return t(lang, f"note_{bound}", cc=cc, reasons=text or "?", x=num(x, 2, lang))


def fitting_digits(low: float | None, high: float | None) -> int:
    """Decimals a letter's figure can carry given its band: none for a band of 10 €/MWh or wider
    (23,87 within 15,34–42,26 reads as 24 within 15–42), one for a band of 1 or wider, else two."""
    if low is None or high is None:
        return 1
    width = high - low
    return 0 if width >= 10 else 1 if width >= 1 else 2


def headline(lang: str, rows: list[dict], reference: str = "NL") -> str | None:
    """One sentence per sector for a letter: how much dearer or cheaper the reference is than each
    neighbour, with the percentage and the band; 'het teken onzeker' where the band holds zero, the
    bound where the gap is one-sided. E.g. "NL is 26,98 €/MWh (43 %) duurder dan DE (band
    21,42–43,03); ten opzichte van BE is het teken onzeker (band -26,31 tot 2,40)."""
    from speelveld.report.labels import band_text, conclusive, country_name, num, t

    certain, unsure = [], []
    ref = country_name(lang, reference)
    for r in rows:
        gap, cc = r["gap_eur_per_mwh"], country_name(lang, r["country"])
        digits = fitting_digits(r["gap_low_eur_per_mwh"], r["gap_high_eur_per_mwh"])
        band = band_text(lang, r["gap_low_eur_per_mwh"], r["gap_high_eur_per_mwh"], digits)
        sign = conclusive(r)
        if r["gap_bound"] != "exact" or gap is None:
            unsure.append(t(lang, f"hl_{r['gap_bound']}", cc=cc, band=band))
        elif sign == 0:
            unsure.append(t(lang, "hl_unsure", ref=ref, cc=cc, band=band))
        else:
            pct = abs(r["ref_dearer_pct"]) if r.get("ref_dearer_pct") is not None else None
            certain.append(t(lang, "hl_dearer" if sign > 0 else "hl_cheaper", gap=num(abs(gap), digits, lang), pct=num(pct, 0, lang), cc=cc, band=band))
    parts = []
    if certain:
        # "A, B en C", not "A en B en C"
        listed = ", ".join(certain[:-1]) + t(lang, "hl_and") + certain[-1] if len(certain) > 1 else certain[0]
        parts.append(t(lang, "hl_start", ref=ref) + listed)
    parts += unsure
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
