"""Explain every number: each cost line's formula with the numbers filled in, the eligibility
conditions it passed or failed, and the source and quality of every input.

The steps are recorded by the engine while it builds its expressions (see ``Ctx.explain``), so
an explanation cannot describe a different computation from the one that produced the total.
Each formula can also be evaluated from its printed numbers: ``check`` holds it as Python
arithmetic, which the tests compare with the engine's amount.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.compute import compare, plan_sector
from speelveld.core.context import Step

PLACEHOLDER = re.compile(r"\{(\w+)(?::([^}]*))?\}")
_TO_PYTHON = {"×": "*", "÷": "/", "−": "-", "^": "**", "≥": ">=", "≤": "<="}


def fmt_number(x: float | None) -> str:
    """About five significant digits, thousands separated; a calculator-ready figure."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    if x == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(x)))
    decimals = min(6, max(0, 4 - magnitude))
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


def _shown(x: float | None, unit: str) -> str:
    text = fmt_number(x)
    if unit == "%":
        text += "%"
    elif unit:
        text += f" {unit}"
    return f"({text})" if text.startswith("−") else text


def _python(formula: str, numbers: dict[str, float | None], units: dict[str, str]) -> str | None:
    """The formula as Python arithmetic, or None when a number in it is unknown."""
    if any(numbers.get(name) is None for name in units):
        return None

    def sub(m: re.Match) -> str:
        value = numbers[m.group(1)]
        return f"({value!r}/100)" if (m.group(2) or "") == "%" else f"({value!r})"

    text = PLACEHOLDER.sub(sub, formula)
    for a, b in _TO_PYTHON.items():
        text = text.replace(a, b)
    return text


def evaluate_check(check: str | None) -> float | bool | None:
    """Evaluate a step's ``check`` (arithmetic, min/max and comparisons only)."""
    if check is None:
        return None
    if not re.fullmatch(r"[0-9eE+\-*/().,<>=\sminax]*", check.replace("inf", "").replace("nan", "")):
        raise ValueError(f"not plain arithmetic: {check}")  # internal: a bug, not the user's input
    try:
        return eval(check, {"__builtins__": {}}, {"min": min, "max": max, "inf": math.inf, "nan": math.nan})  # noqa: S307
    except ZeroDivisionError:
        return None


@dataclass
class ExplainedStep:
    kind: str  # formula | condition
    label: str
    formula: str  # with the numbers filled in
    check: str | None  # the same as Python arithmetic at full precision; None if a number is unknown
    printed_check: str | None  # the same with the numbers as printed (what a reader can retype)
    result: float | None  # the formula's value (formula steps)
    applies: bool | None  # formula: in effect? condition: passed? None: unknown or always
    main: bool


@dataclass
class InputRef:
    path: str
    value: float | None
    unit: str
    quality: str
    source_id: str
    source: str
    publisher: str | None
    url: str | None
    date: str | None
    note: str | None
    file: str
    line: int | None
    low: float | None = None  # the range the input may take, when the config gives one
    high: float | None = None


@dataclass
class ExplainedLine:
    family: str
    key: str
    label: str
    relief: bool
    eur_per_year: float | None
    eur_per_mwh: float | None
    quality: str
    steps: list[ExplainedStep]
    inputs: list[InputRef]
    subtotal: str = "electricity"
    low_eur_per_mwh: float | None = None  # the line's band (None: open on that side)
    high_eur_per_mwh: float | None = None
    per_mwh_of: float | None = None  # the MWh the line is divided by (gas lines: the plant's gas use)

    @property
    def applied(self) -> bool:
        """False when the line is a relief whose conditions are not met (its amount is 0 by rule)."""
        mains = [s for s in self.steps if s.main]
        return not mains or any(s.applies is not False for s in mains)


@dataclass
class Explanation:
    year: int
    sector: str
    sector_name: str
    country: str
    country_name: str
    consumption_mwh: float
    lines: list[ExplainedLine]
    total_eur_per_year: float  # the electricity price (as `compare`'s total); direct CO2 beside it
    gross_eur_per_year: float
    unknown_lines: int
    scenario: str | None
    overrides: list[str] = field(default_factory=list)
    archetype: list[InputRef] = field(default_factory=list)  # the sector's own figures, cited once
    line_filter: str | None = None  # set when only some lines are shown; the totals stay those of all lines
    direct_co2_eur_per_year: float = 0.0
    gas_eur_per_year: float | None = None  # with gas: the plant's gas bill
    gas_mwh: float | None = None

    @property
    def total_eur_per_mwh(self) -> float:
        return self.total_eur_per_year / self.consumption_mwh


def explain(cfg: YearConfig, sector: str, country: str, gas: bool = False) -> Explanation:
    """Every cost line of ``sector`` in ``country``, with its steps evaluated (with ``gas`` the
    natural gas lines too, per MWh of gas)."""
    plan = plan_sector(cfg, sector, [country], gas=gas)
    lines = plan.lines[country]
    exprs: list[pl.Expr] = []
    for i, ln in enumerate(lines):
        exprs.append(ln.expr.cast(pl.Float64).alias(f"line{i}"))
        for j, step in enumerate(ln.steps):
            for name, expr in step.values:
                exprs.append(expr.cast(pl.Float64).alias(f"l{i}s{j}v_{name}"))
            if step.applies is not None:
                exprs.append(step.applies.cast(pl.Boolean).alias(f"l{i}s{j}applies"))
    row = pl.LazyFrame({"_": [0.0]}).with_columns(list(plan.shared.values())).select(exprs).collect().row(0, named=True) if exprs else {}
    q = cfg.param_of(cfg.sectors[sector], "consumption_mwh").value
    model = cfg.sectors[sector]
    gas_q = sum(cfg.param_of(model, f).central or 0.0 for f in ("gas_fuel_mwh", "gas_feedstock_mwh") if getattr(model, f) is not None) or None

    # quality flags and bands as `compare` gives them (a bounded unknown is flagged by its band)
    # (one comparison of the sector in every country serves each country's explanation: a line's
    # band does not depend on which countries share the computation)
    reference = "NL" if "NL" in cfg.countries else country
    lines_compared = compare(cfg, [sector], None, reference=reference, gas=gas).lines
    compared = {r["key"]: r for r in lines_compared.filter(lines_compared["country"] == country).iter_rows(named=True)}
    explained: list[ExplainedLine] = []
    for i, ln in enumerate(lines):
        value = row[f"line{i}"]
        steps = [_evaluate_step(step, row, f"l{i}s{j}") for j, step in enumerate(ln.steps)]
        inputs = [_input_ref(cfg, path) for path in ln.inputs]
        c = compared[ln.key]
        explained.append(
            ExplainedLine(
                ln.family, ln.key, ln.label, ln.relief, value, None if value is None else value / (gas_q if ln.subtotal == "gas" and gas_q else q),
                c["quality"], steps, inputs, ln.subtotal, c["low_eur_per_mwh"], c["high_eur_per_mwh"],
                gas_q if ln.subtotal == "gas" and gas_q else q,
            )
        )
    electricity = [ln for ln in explained if ln.subtotal == "electricity" and ln.eur_per_year is not None]
    co2 = [ln.eur_per_year for ln in explained if ln.subtotal == "direct_co2" and ln.eur_per_year is not None]
    return Explanation(
        cfg.year, sector, cfg.sectors[sector].name, country, cfg.countries[country].name, q, explained,
        sum(ln.eur_per_year for ln in electricity), sum(ln.eur_per_year for ln in electricity if not ln.relief),
        sum(1 for ln in explained if ln.quality == "unknown"), cfg.scenario, list(cfg.overrides),
        [_input_ref(cfg, path) for path in cfg.params if path.startswith(f"sectors.{sector}.")],
        direct_co2_eur_per_year=sum(co2),
        gas_eur_per_year=sum(ln.eur_per_year for ln in explained if ln.subtotal == "gas" and ln.eur_per_year is not None) if gas else None,
        gas_mwh=gas_q if gas else None,
    )


def _evaluate_step(step: Step, row: dict, prefix: str) -> ExplainedStep:
    numbers = {name: row[f"{prefix}v_{name}"] for name, _ in step.values}
    units = {m.group(1): (m.group(2) or "") for m in PLACEHOLDER.finditer(step.formula)}
    filled = PLACEHOLDER.sub(lambda m: _shown(numbers.get(m.group(1)), m.group(2) or ""), step.formula)
    check = _python(step.formula, numbers, units)
    printed = _python(step.formula, {k: _reparse(v) for k, v in numbers.items()}, units)
    applies = row.get(f"{prefix}applies") if step.applies is not None else None
    result = None
    if step.kind == "formula":
        value = evaluate_check(check) if step.formula else None
        result = None if value is None else float(value)
    return ExplainedStep(step.kind, step.label, filled, check, printed, result, applies, step.main)


def _reparse(x: float | None) -> float | None:
    return None if x is None else float(fmt_number(x).replace(",", "").replace("−", "-").replace("?", "nan"))


def _input_ref(cfg: YearConfig, path: str) -> InputRef:
    p = cfg.params[path]
    return InputRef(
        path, p.value, p.unit, p.quality.value, p.source_id, p.source.title, p.source.publisher, p.source.url,
        p.source.date, p.note, cfg.relative_file(p.file), p.line, p.low, p.high,
    )
