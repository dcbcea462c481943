"""Taxes and levies: flat, banded, by period or a percentage of the network charges, with process
exemptions, reduced rates and caps, each relief a line of its own.

The builders are carrier-agnostic: a ``Taxed`` says which quantity a carrier's levies fall on
(the plant's electricity, or its fuel gas), where its process shares are, and under which family
and key the lines go, so that electricity and gas share every rule kind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from speelveld.config.model import Levy, SectorFile, Taxes, in_force
from speelveld.core.context import Ctx, FirstMatch, SectorQuantities, Words, if_eligible, named, own_name, when_expr, words
from speelveld.core.lines.base import Builder
from speelveld.core.lines.network import NetworkTotals


@dataclass(frozen=True)
class Taxed:
    """What a carrier's levies fall on."""

    family: str  # the lines' family, e.g. "taxes"
    key: str  # the lines' key prefix, e.g. "tax"
    quantity: object  # a callable returning the taxed MWh as an expression (read when used)
    process_shares: tuple  # (model, field) holding the shares of the quantity per process, or ()


def electricity_taxed(s: SectorQuantities, sector: SectorFile) -> Taxed:
    return Taxed("taxes", "tax", lambda: s.consumption_mwh, (sector, "process_shares_pct"))


def tax_lines(b: Builder, taxes: Taxes, year: int, network: NetworkTotals | None, taxed: Taxed) -> None:
    ctx, s = b.ctx, b.s
    net_after: dict[str, pl.Expr] = {}
    for levy in taxes.levies:
        if not in_force(levy, year):
            continue
        if levy.percent_of_network is not None:
            pon = levy.percent_of_network
            base = pl.sum_horizontal([network.by_kind[k] for k in pon.charge_kinds if k in network.by_kind]) if network else pl.lit(0.0)
            if pon.after_reductions and network is not None:
                # Reductions scale every network charge alike, so the base shrinks in proportion.
                ctx.explain(
                    words("base_network_charges", kinds=[words(f"charge_{k}") for k in pon.charge_kinds]),
                    "{base:€/yr} × (1 + {reductions:€/yr} ÷ {gross:€/yr})",
                    base=base, reductions=network.reductions, gross=network.gross,
                )
                # (no network charges at all: no base, rather than 0 ÷ 0)
                base = pl.when(network.gross == 0).then(0.0).otherwise(base * (1 + network.reductions / network.gross))
            pct = ctx.field(pon, "pct")
            ctx.explain(words("pct_of_network"), "{pct:%} × {base:€/yr}", main=True, pct=pct, base=base)
            gross = b.add(taxed.family, f"{taxed.key}.{levy.id}", levy.label, pct / 100 * base)
            net_after[levy.id] = gross
            continue
        q = taxed.quantity()
        f = levy_function(ctx, levy, year, s)
        f.explain(words("levy_consumption"), q, main=True)
        gross = b.add(taxed.family, f"{taxed.key}.{levy.id}", levy.label, f(q))
        net = gross
        taxable = q
        exempt_share = _exempt_share(ctx, levy, taxed)
        if exempt_share is not None:
            taxable = q * (1 - exempt_share)
            ctx.explain(words("taxed_consumption"), "{q:MWh} × (1 − {share:%})", q=q, share=exempt_share * 100)
            f.explain(words("levy_taxed"), taxable)
            ctx.explain(words("exemption"), "{taxed:€/yr} − {full:€/yr}", main=True, taxed=f(taxable), full=f(q))
            exemption = f(taxable) - f(q)
            net = net + b.add(taxed.family, f"{taxed.key}.{levy.id}.exemption", f"{levy.label}: vrijstelling procesgebruik", exemption, relief=True)
        net = net + _reduced_rates(b, levy, f, taxable, f(taxable), taxed)
        cap_lines = []
        if levy.cap_eur_per_year is not None:
            cap_lines.append(("cap", "plafond", ctx.field(levy, "cap_eur_per_year")))
        if levy.cap_pct_of_gva is not None and s.has_gva:
            pct, gva = ctx.field(levy, "cap_pct_of_gva"), s.gross_value_added_eur
            ctx.explain(words("cap_gva"), "{pct:%} × {gva:€/yr}", pct=pct, gva=gva)
            cap_lines.append(("cap-gva", "plafond % BTW", pct / 100 * gva))
        for key, label, cap in cap_lines:
            ctx.explain(words("cap_reduction"), "min({cap:€/yr} − {levy:€/yr}, 0)", main=True, cap=cap, levy=net)
            amount = pl.min_horizontal(cap - net, pl.lit(0.0))
            net = net + b.add(taxed.family, f"{taxed.key}.{levy.id}.{key}", f"{levy.label}: {label}", amount, relief=True)
        net_after[levy.id] = net
    for cap in taxes.joint_caps:
        if not in_force(cap, year):
            continue
        members = [net_after[name] for name in cap.levies if name in net_after]
        if not members or not s.has_gva:
            continue
        eligible = when_expr(ctx, cap.when, s, own_name(cap))
        pct, gva = _cap_pct(ctx, cap, s), s.gross_value_added_eur
        limit = pct / 100 * gva
        members_sum = pl.sum_horizontal(members)
        ctx.explain(
            words("joint_cap", levies=", ".join(cap.levies)),
            "min({pct:%} × {gva:€/yr} − {levies:€/yr}, 0)",
            applies=eligible, main=True, pct=pct, gva=gva, levies=members_sum,
        )
        amount = if_eligible(eligible, pl.min_horizontal(limit - members_sum, pl.lit(0.0)))
        b.add(taxed.family, f"{taxed.key}.cap.{cap.id}", cap.label, amount, relief=True)


def _cap_pct(ctx: Ctx, cap, s: SectorQuantities) -> pl.Expr:
    """The cap's share of gross value added: its own, or the first tier the plant's
    electro-intensity reaches (tiers tried from the highest threshold down)."""
    if cap.intensity_tiers is None:
        return ctx.field(cap, "cap_pct_of_gva")
    intensity = _electro_intensity(ctx, cap, s)
    chain = FirstMatch()
    for tier, cond in _intensity_tiers(ctx, cap.intensity_tiers, intensity):
        chain.case(cond, ctx.field(tier, "cap_pct_of_gva"))
    return chain.result(None)


def _electro_intensity(ctx: Ctx, model, s: SectorQuantities) -> pl.Expr:
    """Electro-intensity (%): consumption × the rule's reference rate ÷ gross value added."""
    q, ref, gva = s.consumption_mwh, ctx.field(model, "reference_rate_eur_per_mwh"), s.gross_value_added_eur
    ctx.explain(words("intensity"), "{q:MWh} × {ref:€/MWh} ÷ {gva:€/yr} × 100", q=q, ref=ref, gva=gva)
    return q * ref / gva * 100


def _intensity_tiers(ctx: Ctx, tiers, intensity: pl.Expr):
    """Each tier with the condition that the plant reaches it, highest threshold first (so that a
    FirstMatch takes the highest tier reached)."""
    for tier in sorted(tiers, key=lambda t: -(ctx.field_value(t, "min_intensity_pct") or 0)):
        threshold = ctx.field(tier, "min_intensity_pct")
        cond = intensity >= threshold
        ctx.condition(words("q_intensity"), "{intensity} ≥ {threshold}", cond, intensity=intensity, threshold=threshold)
        yield tier, cond


class LevyFunction:
    """A levy's amount (€/yr) as a function of the taxed consumption (MWh): a flat rate or bands."""

    def __init__(self, ctx: Ctx, bands: list[tuple[float, float | None, pl.Expr]]):
        self.ctx = ctx
        self.bands = bands  # (from MWh, to MWh or None, rate €/MWh); a flat rate is one open band

    def _inside(self, x: pl.Expr, lo: float, hi: float | None) -> pl.Expr:
        inside = (x - lo).clip(lower_bound=0.0)
        return inside if hi is None else inside.clip(upper_bound=hi - lo)

    def __call__(self, x: pl.Expr) -> pl.Expr:
        total = None
        for lo, hi, rate in self.bands:
            part = rate * self._inside(x, lo, hi)
            total = part if total is None else total + part  # plain addition keeps an unknown band rate unknown
        return total

    def explain(self, label: Words, x: pl.Expr, main: bool = False) -> None:
        """Record the levy on ``x`` as a step: tariff × MWh, one term per band."""
        if len(self.bands) == 1:
            self.ctx.explain(named(label, words("rate_mwh")), "{rate:€/MWh} × {x:MWh}", main=main, rate=self.bands[0][2], x=x)
            return
        terms, values, edges = [], {}, []
        for i, (lo, hi, rate) in enumerate(self.bands):
            terms.append(f"{{rate{i}:€/MWh}} × {{mwh{i}:MWh}}")
            values[f"rate{i}"], values[f"mwh{i}"] = rate, self._inside(x, lo, hi)
            edges.append(f"{lo:,.0f}–{hi:,.0f}" if hi is not None else f"> {lo:,.0f}")
        self.ctx.explain(named(label, words("rate_per_band", edges="; ".join(edges))), " + ".join(terms), main=main, **values)


def levy_function(ctx: Ctx, levy: Levy, year: int, s: SectorQuantities) -> LevyFunction:
    if levy.rate_eur_per_mwh is not None:
        return LevyFunction(ctx, [(0.0, None, ctx.field(levy, "rate_eur_per_mwh"))])
    if levy.rate_periods is not None:
        return LevyFunction(ctx, [(0.0, None, _period_average(ctx, levy, year))])
    bands = []
    for band in levy.bands or []:
        use_business = s.business_use and band.business_rate_eur_per_mwh is not None
        rate = ctx.field(band, "business_rate_eur_per_mwh" if use_business else "rate_eur_per_mwh")
        bands.append((band.from_mwh, band.to_mwh, rate))
    return LevyFunction(ctx, bands)


def _period_average(ctx: Ctx, levy: Levy, year: int) -> pl.Expr:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days_in_year = (end - start).days + 1
    total = pl.lit(0.0)
    terms, values = [], {}
    for i, period in enumerate(levy.rate_periods or []):
        a, z = max(period.start, start), min(period.end, end)
        days = (z - a).days + 1
        if days > 0:
            rate = ctx.field(period, "rate_eur_per_mwh")
            terms.append(f"{{rate{i}:€/MWh}} × {{days{i}}}")
            values[f"rate{i}"], values[f"days{i}"] = rate, float(days)
            total = total + rate * (days / days_in_year)
    ctx.explain(words("annual_average_rate"), f"({' + '.join(terms) or '0'}) ÷ {{days}}", days=float(days_in_year), **values)
    return total


def _exempt_share(ctx: Ctx, levy: Levy, taxed: Taxed) -> pl.Expr | None:
    if not taxed.process_shares:
        return None
    model, field = taxed.process_shares
    present = getattr(model, field) or {}
    shares = [ctx.field(model, field, p) / 100 for p in levy.exempt_processes if p in present]
    if not shares:
        return None
    total = shares[0]
    for sh in shares[1:]:
        total = total + sh
    return total


def _reduced_rates(b: Builder, levy: Levy, f: LevyFunction, taxable: pl.Expr, full: pl.Expr, taxed: Taxed) -> pl.Expr:
    """Lines for the reduced rates: of all eligible ones the cheapest applies (a taxpayer claims
    the best regime); its line carries the saving, the others are 0."""
    ctx, s = b.ctx, b.s
    if not levy.reduced_rates:
        return pl.lit(0.0)
    candidates = []
    for rr in levy.reduced_rates:
        if not in_force(rr, b.year):
            continue
        eligible = when_expr(ctx, rr.when, s, own_name(rr))
        if rr.intensity_tiers is not None:
            if not s.has_gva:
                ctx.explain(words("intensity_unknown"), "0")
                candidates.append((rr, pl.lit(None, pl.Float64), ctx.take_used(), ctx.take_steps()))
                continue
            intensity = _electro_intensity(ctx, rr, s)
            tiers = FirstMatch()
            for tier, cond in _intensity_tiers(ctx, rr.intensity_tiers, intensity):
                rate = ctx.field(tier, "rate_eur_per_mwh")
                applies = tiers.case(cond, rate * taxable)
                ctx.explain(words("levy_reduced_rate"), "{rate:€/MWh} × {x:MWh}", applies=applies, rate=rate, x=taxable)
            cost = tiers.result(full)
        else:
            threshold = ctx.field(rr, "above_mwh") if rr.above_mwh is not None else pl.lit(0.0)
            first = pl.min_horizontal(taxable, threshold)
            if rr.share_of_rate_pct is not None:
                share = ctx.field(rr, "share_of_rate_pct")
                ctx.explain(
                    words("scheme_share"),
                    "{first:€/yr} + {share:%} × ({full:€/yr} − {first:€/yr})",
                    first=f(first), share=share, full=full,
                )
                cost = f(first) + share / 100 * (full - f(first))
            else:
                rate = ctx.field(rr, "rate_eur_per_mwh")
                ctx.explain(
                    words("scheme_reduced"),
                    "{first:€/yr} + {rate:€/MWh} × ({taxable:MWh} − {first_mwh:MWh})",
                    first=f(first), rate=rate, taxable=taxable, first_mwh=first,
                )
                cost = f(first) + rate * (taxable - first)
        cost = pl.when(eligible.is_null()).then(None).when(eligible).then(pl.min_horizontal(cost, full)).otherwise(full)
        candidates.append((rr, cost, ctx.take_used(), ctx.take_steps()))
    if not candidates:
        return pl.lit(0.0)
    costs = [c for _, c, _, _ in candidates]
    any_unknown = pl.any_horizontal([c.is_null() for c in costs] + [full.is_null()])
    best = pl.min_horizontal(costs)
    total = pl.lit(0.0)
    taken = pl.lit(False)
    for rr, cost, used, steps in candidates:
        wins = (cost <= best) & ~taken
        amount = pl.when(any_unknown).then(None).when(wins).then(best - full).otherwise(0.0)
        b.ctx.used.extend(used)
        b.ctx.steps.extend(steps)
        b.ctx.explain(
            words("reduction_best_scheme"),
            "{best:€/yr} − {full:€/yr}",
            applies=wins, main=True, best=best, full=full,
        )
        b.ctx.explain(words("other_scheme"), "0", applies=~wins, main=True)
        total = total + b.add(taxed.family, f"{taxed.key}.{levy.id}.reduced.{rr.id}", f"{levy.label}: {rr.label}", amount, relief=True)
        taken = taken | wins
    return total
