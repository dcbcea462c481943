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

from speelveld.config.model import SectorFile, When
from speelveld.config.resolved import Param


@dataclass
class Ctx:
    params: Mapping[str, Param]
    varied: frozenset[str] = frozenset()
    used: list[str] = field(default_factory=list)

    def num(self, path: str) -> pl.Expr:
        """The parameter at ``path`` as an expression (a column if varied, else a literal)."""
        if path not in self.params:
            raise KeyError(f"no parameter {path}")
        self.used.append(path)
        if path in self.varied:
            return pl.col(path)
        return pl.lit(self.params[path].value, dtype=pl.Float64)

    def has(self, path: str) -> bool:
        return path in self.params

    def value(self, path: str) -> float | None:
        """The static value, for decisions that cannot vary per scenario (e.g. sorting tiers)."""
        return self.params[path].value

    def take_used(self) -> tuple[str, ...]:
        used, self.used = tuple(dict.fromkeys(self.used)), []
        return used


class SectorQuantities:
    """The archetype's quantities as expressions; hours and capacity derive from each other.

    Reading a quantity records the parameters behind it as inputs of the line being built.
    """

    def __init__(self, ctx: Ctx, sector: SectorFile):
        self._ctx = ctx
        self.name = sector.sector
        self.nace = tuple(sector.nace)
        self.business_use = sector.business_use
        base = f"sectors.{sector.sector}"
        self._q = f"{base}.consumption_mwh"
        self._load = f"{base}.utilisation_hours" if ctx.has(f"{base}.utilisation_hours") else f"{base}.contracted_capacity_kw"
        self._offpeak = f"{base}.offpeak_share_pct"
        self._gva = f"{base}.gross_value_added_eur" if ctx.has(f"{base}.gross_value_added_eur") else None

    @property
    def consumption_mwh(self) -> pl.Expr:
        return self._ctx.num(self._q)

    @property
    def utilisation_hours(self) -> pl.Expr:
        if self._load.endswith("utilisation_hours"):
            return self._ctx.num(self._load)
        return self._ctx.num(self._q) * 1000 / self._ctx.num(self._load)

    @property
    def capacity_kw(self) -> pl.Expr:
        if self._load.endswith("contracted_capacity_kw"):
            return self._ctx.num(self._load)
        return self._ctx.num(self._q) * 1000 / self._ctx.num(self._load)

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
    for code in sector_codes:
        for item in listed:
            if code == item or code.startswith(item) and (item.endswith(".") or len(code) > len(item)):
                return True
    return False


_OPS = {"min": "ge", "above": "gt", "max": "le", "below": "lt"}


def when_expr(ctx: Ctx, when: When | None, path: str, s: SectorQuantities) -> pl.Expr:
    """Eligibility as a boolean expression; null when an input it needs is unknown."""
    if when is None:
        return pl.lit(True)
    if when.nace is not None and not nace_matches(s.nace, when.nace):
        return pl.lit(False)
    if when.business_use is not None and when.business_use != s.business_use:
        return pl.lit(False)
    cond = pl.lit(True)
    for name, quantity in (
        ("consumption_mwh", s.consumption_mwh),
        ("utilisation_hours", s.utilisation_hours),
        ("offpeak_share_pct", s.offpeak_share_pct),
    ):
        bound = getattr(when, name)
        if bound is None:
            continue
        for op, method in _OPS.items():
            if getattr(bound, op) is not None:
                threshold = ctx.num(f"{path}.when.{name}.{op}")
                cond = cond & getattr(quantity, method)(threshold)
    return cond


def if_eligible(cond: pl.Expr, amount: pl.Expr) -> pl.Expr:
    """``amount`` where eligible, 0 where not, null where eligibility is unknown."""
    return pl.when(cond.is_null()).then(None).when(cond).then(amount).otherwise(0.0)
