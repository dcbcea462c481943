"""Turning parameters into polars expressions.

A cost line is a polars expression over a frame of *scenarios*. A parameter that a sweep varies
is a column of that frame; every other parameter is a literal. The same code therefore computes a
single comparison (a one-row frame) and a million-row sweep, and both give the same numbers.
An unknown parameter is a null literal, so every line that depends on it is null (unknown),
never zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from speelveld.config.model import InLanguages, SectorFile, When
from speelveld.config.resolved import Param


@dataclass(frozen=True)
class Words:
    """A text of the engine as a catalogue key and its fields (report/messages.py STEPS holds the
    Dutch and English of each key): the engine never writes prose, the report words it once, in
    the run's language. A field may be a config's own name (as its publisher writes it), a
    number, another Words, or a tuple of them."""

    key: str
    fields: tuple[tuple[str, object], ...] = ()


def words(key: str, **fields) -> Words:
    return Words(key, tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in fields.items()))


def own_name(node):
    """A config node's label as a field: with its English label (label_en) where the config gives
    one (our own Dutch names of proposals), else as its publisher writes it."""
    english = getattr(node, "label_en", None)
    return InLanguages(nl=node.label, en=english) if english else node.label


def named(name, step) -> Words:
    """'name: step', a step of a named rule (a config's name, or Words)."""
    return words("named", name=name, step=step)


@dataclass(frozen=True)
class Step:
    """One line of a cost line's explanation, recorded while the engine builds the expression.

    ``formula`` is arithmetic over named numbers, written as a person would check it with a
    calculator: ``{rate:€/kW/yr} × {capacity:kW}``. Placeholders are ``{name}`` or
    ``{name:unit}``; a ``%`` unit means the number is divided by 100 when evaluated. Operators:
    ``+ − × ÷ ^``, ``min()``, ``max()``, parentheses and, in conditions, ``≥ > ≤ <``.
    ``values`` binds each name to an expression, evaluated by the explainer.

    - kind ``formula``: ``applies`` (optional) says when the step is the one in effect, e.g. the
      tariff variant that matched; ``main`` marks the step whose result is the line's amount.
    - kind ``condition``: an eligibility test; ``applies`` is its outcome.
    """

    kind: str
    label: Words
    formula: str
    values: tuple[tuple[str, pl.Expr], ...] = ()
    applies: pl.Expr | None = None
    main: bool = False


@dataclass
class Ctx:
    """``varied`` parameters are read from columns of the scenario frame (a sweep, or the band
    computation); ``columns`` renames some of those columns, so that two configs evaluated on one
    frame (a scenario against its base) can keep a parameter apart when their ranges differ."""

    params: Mapping[str, Param]
    varied: frozenset[str] = frozenset()
    used: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    columns: Mapping[str, str] = field(default_factory=dict)
    refs: Mapping[tuple, str] = field(default_factory=dict)  # (id(model), field[, key]) -> path, from the loader
    prefix: str = ""  # the plan's tag: names of shared columns stay apart between configs on one frame
    shared: dict[str, pl.Expr] = field(default_factory=dict)  # columns computed once per row before the lines
    conditions: list[tuple[str, pl.Expr]] = field(default_factory=list)  # see ``only_where``

    def column(self, name: str, expr: pl.Expr) -> pl.Expr:
        """A quantity many lines read (a budget's claims over every modelled sector): computed
        once per row as a column of its own, before the lines, instead of inside each of them."""
        full = f"{self.prefix}shared|{name}"
        self.shared.setdefault(full, expr.alias(full))
        return pl.col(full)

    def num(self, path: str) -> pl.Expr:
        """The parameter at ``path`` as an expression (a column if varied, else a literal of its
        central value: the figure itself, the middle of a bounded unknown's range, or null)."""
        if path not in self.params:
            raise KeyError(f"no parameter {path}")
        self.used.append(path)
        if path in self.varied:
            return pl.col(self.columns.get(path, path))
        return pl.lit(self.params[path].central, dtype=pl.Float64)

    def has(self, path: str) -> bool:
        return path in self.params

    def path_of(self, model, name: str, *key) -> str:
        """The path of the number in field ``name`` of ``model`` (a typed reference the loader made)."""
        try:
            return self.refs[(id(model), name, *key)]
        except KeyError:
            raise KeyError(f"{type(model).__name__}.{name}{''.join(f'[{k}]' for k in key)} is not a number of this config") from None  # internal: a bug, not the user's input

    def field(self, model, name: str, *key) -> pl.Expr:
        """The number in field ``name`` of ``model`` as an expression (see ``num``)."""
        return self.num(self.path_of(model, name, *key))

    def field_value(self, model, name: str, *key) -> float | None:
        return self.value(self.path_of(model, name, *key))

    def value(self, path: str) -> float | None:
        """The static value, for decisions that cannot vary per scenario (e.g. sorting tiers)."""
        return self.params[path].central

    def only_where(self, paths, holds: pl.Expr) -> None:
        """The parameters at ``paths`` count for the line being built only where ``holds`` (a tariff
        variant's rates where the variant applies): a variant that does not apply does not set the
        line's quality flag."""
        for path in dict.fromkeys(paths):
            if not path.startswith("sectors."):
                self.conditions.append((path, holds))

    def take_conditions(self) -> tuple[tuple[str, pl.Expr], ...]:
        conditions, self.conditions = tuple(self.conditions), []
        return conditions

    def take_used(self) -> tuple[str, ...]:
        used, self.used = tuple(dict.fromkeys(self.used)), []
        return used

    def explain(self, label: Words, formula: str, *, applies: pl.Expr | None = None, main: bool = False, once: bool = False, **values: pl.Expr | float) -> None:
        """Record a formula step; ``once``: skip it if the line already has it (a derived quantity read twice)."""
        if once and any(st.label == label and st.formula == formula for st in self.steps):
            return
        self.steps.append(Step("formula", label, formula, _bind(values), applies, main))

    def condition(self, label: Words, formula: str, test: pl.Expr, **values: pl.Expr | float) -> None:
        self.steps.append(Step("condition", label, formula, _bind(values), test))

    def take_steps(self) -> tuple[Step, ...]:
        steps, self.steps = tuple(self.steps), []
        return steps


def _bind(values: Mapping[str, pl.Expr | float]) -> tuple[tuple[str, pl.Expr], ...]:
    return tuple((k, v if isinstance(v, pl.Expr) else pl.lit(float(v), dtype=pl.Float64)) for k, v in values.items())


class SectorQuantities:
    """The archetype's quantities as expressions; hours and capacity derive from each other.

    Reading a quantity records the parameters behind it as inputs of the line being built.
    """

    def __init__(self, ctx: Ctx, sector: SectorFile):
        self._ctx = ctx
        self.model = sector
        self.nace = tuple(sector.nace)
        self.business_use = sector.business_use
        self.ets_installation = sector.ets_installation
        self._q = ctx.path_of(sector, "consumption_mwh")
        self._load = ctx.path_of(sector, "utilisation_hours" if sector.utilisation_hours is not None else "contracted_capacity_kw")
        self._offpeak = ctx.path_of(sector, "offpeak_share_pct")
        self._gva = ctx.path_of(sector, "gross_value_added_eur") if sector.gross_value_added_eur is not None else None

    @property
    def consumption_mwh(self) -> pl.Expr:
        return self._ctx.num(self._q)

    @property
    def utilisation_hours(self) -> pl.Expr:
        if self._load.endswith("utilisation_hours"):
            return self._ctx.num(self._load)
        q, kw = self._ctx.num(self._q), self._ctx.num(self._load)
        self._ctx.explain(words("hours_from_contract"), "{q:MWh} × 1000 ÷ {kw:kW}", once=True, q=q, kw=kw)
        return q * 1000 / kw

    @property
    def capacity_kw(self) -> pl.Expr:
        if self._load.endswith("contracted_capacity_kw"):
            return self._ctx.num(self._load)
        q, h = self._ctx.num(self._q), self._ctx.num(self._load)
        self._ctx.explain(words("capacity_flat"), "{q:MWh} × 1000 ÷ {h:h}", once=True, q=q, h=h)
        return q * 1000 / h

    @property
    def offpeak_share_pct(self) -> pl.Expr:
        return self._ctx.num(self._offpeak)

    @property
    def has_gva(self) -> bool:
        return self._gva is not None

    @property
    def gross_value_added_eur(self) -> pl.Expr | None:
        return None if self._gva is None else self._ctx.num(self._gva)


def sector_quantities(ctx: Ctx, sector: SectorFile) -> SectorQuantities:
    return SectorQuantities(ctx, sector)


def nace_matches(sector_codes: tuple[str, ...] | list[str], listed: list[str]) -> bool:
    """A listed code covers itself and every code below it (20.1 covers 20.14, not the reverse)."""
    return nace_match(sector_codes, listed) is not None


def nace_match(sector_codes: tuple[str, ...] | list[str], listed: list[str]) -> str | None:
    """The first listed code that covers one of the sector's codes."""
    for code in sector_codes:
        for item in listed:
            if code == item or code.startswith(item) and (item.endswith(".") or len(code) > len(item)):
                return item
    return None


def nace_text(sector_codes: tuple[str, ...] | list[str], listed: list[str]) -> Words:
    """'NACE 20.14 valt onder 20.1 (lijst van 12 codes)', short enough to read."""
    hit = nace_match(sector_codes, listed)
    codes = ", ".join(sector_codes)
    if hit is None:
        return words("nace_not_on_list", codes=codes, n=len(listed)) if len(listed) > 4 else words("nace_not_under", codes=codes, listed=", ".join(listed))
    if len(listed) <= 1:
        return words("nace_under", codes=codes, code=hit)
    return words("nace_under_list", codes=codes, code=hit, n=len(listed)) if len(listed) > 4 else words("nace_under_listed", codes=codes, code=hit, listed=", ".join(listed))


_OPS = {"min": ("ge", "≥"), "above": ("gt", ">"), "max": ("le", "≤"), "below": ("lt", "<")}
_QUANTITY_TEXT = {
    "consumption_mwh": ("q_consumption", "MWh"),
    "utilisation_hours": ("q_hours", "h"),
    "offpeak_share_pct": ("q_offpeak", "%"),
}


def when_expr(ctx: Ctx, when: When | None, s: SectorQuantities, subject: str | Words | InLanguages = "") -> pl.Expr:
    """Eligibility as a boolean expression; null when an input it needs is unknown.

    Each condition is recorded as an explanation step (``subject`` names the rule it belongs to).
    """
    def about(step: Words) -> Words:
        return named(subject, step) if subject else step

    if when is None:
        return pl.lit(True)
    if when.nace is not None:
        ok = nace_matches(s.nace, when.nace)
        ctx.condition(about(nace_text(s.nace, when.nace)), "", pl.lit(ok))
        if not ok:
            return pl.lit(False)
    if when.business_use is not None:
        ok = when.business_use == s.business_use
        ctx.condition(about(words("business_use_yes" if when.business_use else "business_use_no")), "", pl.lit(ok))
        if not ok:
            return pl.lit(False)
    if when.ets_installation is not None:
        ok = when.ets_installation == s.ets_installation
        ctx.condition(about(words("ets_yes" if when.ets_installation else "ets_no")), "", pl.lit(ok))
        if not ok:
            return pl.lit(False)
    cond = pl.lit(True)
    for name in ("consumption_mwh", "utilisation_hours", "offpeak_share_pct"):
        bound = getattr(when, name)
        if bound is None:
            continue
        quantity = getattr(s, name)  # read only when tested, so the line records only what it uses
        text, unit = _QUANTITY_TEXT[name]
        for op, (method, sign) in _OPS.items():
            if getattr(bound, op) is not None:
                threshold = ctx.field(bound, op)
                test = getattr(quantity, method)(threshold)
                ctx.condition(about(words(text)), f"{{value:{unit}}} {sign} {{threshold:{unit}}}", test, value=quantity, threshold=threshold)
                cond = cond & test
    return cond


def if_eligible(cond: pl.Expr, amount: pl.Expr) -> pl.Expr:
    """``amount`` where eligible, 0 where not, null where eligibility is unknown."""
    return pl.when(cond.is_null()).then(None).when(cond).then(amount).otherwise(0.0)


class FirstMatch:
    """A chain of cases of which the first that holds applies (tariff variants, hour tiers,
    categories, intensity tiers): ``case`` adds one and returns the expression that says whether
    it is the one in effect, for the explanation; ``result`` closes the chain."""

    def __init__(self) -> None:
        self._chain = None
        self._earlier = pl.lit(False)

    def case(self, cond: pl.Expr, value: pl.Expr) -> pl.Expr:
        applies = cond & ~self._earlier
        self._earlier = self._earlier | cond
        self._chain = pl.when(cond).then(value) if self._chain is None else self._chain.when(cond).then(value)
        return applies

    def result(self, otherwise) -> pl.Expr:
        if self._chain is None:
            return otherwise if isinstance(otherwise, pl.Expr) else pl.lit(otherwise, dtype=pl.Float64)
        return self._chain.otherwise(otherwise)
