"""Writers for `speelveld explain`: a terminal walk-through and a JSON document."""

from __future__ import annotations

import dataclasses
import json
import re

from rich.console import Console
from rich.text import Text

from speelveld.core.explain import ExplainedLine, ExplainedStep, Explanation, fmt_number
from speelveld.core.lines import FAMILIES, GAS_FAMILIES
from speelveld.report.labels import EXPLAIN as WORDS
from speelveld.report.labels import QUALITY_MARK, band_text, line_label, step_text, t, units_in
from speelveld.report.numbers import localise, num


def _n(value) -> str:
    """A number as `explain` shows it (about five significant digits), in the report's language."""
    return localise(fmt_number(value))


def print_explanation(e: Explanation, console: Console, lang: str = "nl", show_inputs: bool = True) -> None:
    w = WORDS[lang]
    console.print(Text(w["title"].format(year=e.year, sector=e.sector, sector_name=e.sector_name, country=e.country, country_name=e.country_name), style="bold"))
    console.print(w["plant"].format(q=_n(e.consumption_mwh)), style="dim")
    if e.scenario:
        console.print(w["scenario"].format(name=e.scenario))
    if e.overrides:
        console.print(w["overrides"].format(items=", ".join(e.overrides)))
    used_sources: dict[str, str] = {}
    if show_inputs and e.archetype:
        console.print()
        console.print(Text(w["archetype"], style="bold cyan"))
        for ref in e.archetype:
            _print_input(console, ref, "    ", used_sources, lang)
    for family in FAMILIES + GAS_FAMILIES:
        lines = [ln for ln in e.lines if ln.family == family]
        if not lines:
            continue
        console.print()
        console.print(Text(t(lang, family), style="bold cyan"))
        for ln in lines:
            _print_line(ln, e, console, w, lang, show_inputs, used_sources)
    console.print()
    unknown = (w["sum_unknown_one"] if e.unknown_lines == 1 else w["sum_unknown"]).format(n=e.unknown_lines) if e.unknown_lines else ""
    console.print(
        Text(
            w["sum_filtered" if e.line_filter else "sum"].format(
                year=_n(e.total_eur_per_year), mwh=f"{num(e.total_eur_per_mwh, 2)}", gross=f"{num(e.gross_eur_per_year / e.consumption_mwh, 2)}", unknown=unknown
            ),
            style="bold",
        )
    )
    console.print(Text(w["sum_co2"].format(year=_n(e.direct_co2_eur_per_year), mwh=f"{num(e.direct_co2_eur_per_year / e.consumption_mwh, 2)}")))
    if e.gas_eur_per_year is not None and e.gas_mwh:
        console.print(Text(w["sum_gas"].format(year=_n(e.gas_eur_per_year), mwh=f"{num(e.gas_eur_per_year / e.gas_mwh, 2)}", gas=_n(e.gas_mwh))))
    if show_inputs and used_sources:
        console.print()
        console.print(Text(w["sources"], style="bold"))
        for sid, text in sorted(used_sources.items()):
            console.print(f"  [{sid}] {text}", markup=False, highlight=False)
        console.print(w["quality"], style="dim")
        console.print(w["notes_as_written"], style="dim")


def _print_line(ln: ExplainedLine, e: Explanation, console: Console, w: dict, lang: str, show_inputs: bool, used_sources: dict) -> None:
    mark = QUALITY_MARK[ln.quality] if ln.eur_per_mwh is not None else ""
    amount = w["unknown"] if ln.eur_per_mwh is None else f"{num(ln.eur_per_mwh, 2)} €/MWh"  # the minus as every figure and band writes it
    head = Text(f"  {line_label(lang, ln.key, ln.label)}", style="bold")
    head.append(f"  {amount}{(' ' + mark) if mark else ''}  [{ln.key}]", style="default")
    low, high = ln.low_eur_per_mwh, ln.high_eur_per_mwh
    if low is None or high is None or high - low >= 0.005:
        head.append(f"  ({w['band'].format(band=band_text(lang, low, high))})", style="yellow")
    console.print(head)
    for step in ln.steps:
        if step.applies is False and step.kind == "formula" and step.formula == "0":
            continue  # "another option applies": says nothing the applied step does not
        console.print(_step_text(step, w, lang))
    if ln.eur_per_year is None:
        console.print(f"      {w['unknown_line']}", style="red")
    elif not ln.applied and ln.eur_per_year == 0:
        console.print(f"      {w['not_eligible']}", style="dim")
    else:
        console.print(f"      {w['result'].format(year=_n(ln.eur_per_year), q=_n(ln.per_mwh_of or e.consumption_mwh), mwh=_n(ln.eur_per_mwh))}")
    if show_inputs:
        country_inputs = [ref for ref in ln.inputs if not ref.path.startswith("sectors.")]
        if country_inputs:
            console.print(f"      {w['inputs']}:", style="dim")
        for ref in country_inputs:
            _print_input(console, ref, "        ", used_sources, lang)


def _print_input(console: Console, ref, indent: str, used_sources: dict, lang: str = "nl") -> None:
    value = _n(ref.value) if ref.value is not None else "?"
    if ref.low is not None and ref.high is not None:
        value += f" ({_n(ref.low)}–{_n(ref.high)})"
    elif ref.low is not None or ref.high is not None:
        value += f" (≥ {_n(ref.low)})" if ref.low is not None else f" (≤ {_n(ref.high)})"
    flag = "" if ref.quality == "published" else f" ({t(lang, 'q_' + ref.quality)})"
    note = f" — {ref.note}" if ref.note and ref.quality != "published" else ""
    where = f"{ref.file}:{ref.line}" if ref.line else ref.file
    console.print(f"{indent}{ref.path} = {value} {units_in(lang, ref.unit)}{flag} [{ref.source_id}] {where}{note}", style="dim", markup=False, highlight=False)
    used_sources.setdefault(ref.source_id, _source_text(ref))


_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.,]\d)")


def _step_text(step: ExplainedStep, w: dict, lang: str = "nl") -> Text:
    label, formula = units_in(lang, step_text(lang, step.label)), units_in(lang, step.formula)
    if lang == "nl":
        # a Dutch formula separates a function's arguments with ';' (its comma is the decimal sign),
        # and a label's whole thousands take points (50–10.000 MWh); codes such as NACE 20.14 stay
        formula = formula.replace(", ", "; ")
        label = _THOUSANDS.sub(lambda m: m.group(0).replace(",", "."), label)
    formula = localise(formula, lang)
    if step.kind == "condition":
        sign, style, word = {True: ("✓", "green", w["passed"]), False: ("✗", "red", w["failed"]), None: ("?", "yellow", w["unknown"])}[step.applies]
        text = Text(f"    {sign} ", style=style)
        text.append(label + (f": {formula}" if formula else ""))
        text.append(f"  ({word})", style=style)
        return text
    result = "" if step.result is None else f" = {_n(step.result)}" + (f" {w['per_year']}" if step.main else "")
    if formula in ("0",):
        result = ""
    if step.applies is False:
        return Text(f"      {label}: {formula}{result}  ({w['not_applied']})", style="dim")
    arrow = "→ " if step.main else "· "
    text = Text(f"    {arrow}{label}: ", style="default")
    text.append(f"{formula}{result}", style="bold" if step.main else "default")
    return text


def _source_text(ref) -> str:
    parts = [ref.source]
    if ref.publisher:
        parts.append(ref.publisher)
    if ref.date:
        parts.append(ref.date)
    if ref.url:
        parts.append(ref.url)
    return ", ".join(parts)


def explanation_json(e: Explanation, meta: dict, lang: str = "nl") -> str:
    """The explanation as JSON; each step's label in ``lang``, with its catalogue key beside it."""
    data = dataclasses.asdict(e)
    for line, explained in zip(data["lines"], e.lines, strict=True):
        for step, original in zip(line["steps"], explained.steps, strict=True):
            step["label"], step["label_key"] = step_text(lang, original.label), getattr(original.label, "key", None)
    data["total_eur_per_mwh"] = e.total_eur_per_mwh
    data["run"] = meta
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True, allow_nan=False, default=str) + "\n"
