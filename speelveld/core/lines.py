"""Cost lines per (sector, country): commodity, network, taxes and levies, carbon.

Every line is an amount in €/yr for the whole plant. Reductions, exemptions, caps and
compensation are separate, negative lines (``relief=True``), so the gross cost and the effect
of each relief stay visible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from speelveld.config.model import CHARGE_KINDS, CountryFile, EUFile, Levy, SectorFile, in_force
from speelveld.core.context import Ctx, SectorQuantities, Step, if_eligible, nace_matches, nace_text, sector_quantities, when_expr

# Cost families in report order. The first five make up the electricity price (the headline of
# the toets); direct CO2 costs (EU ETS on the plant's own emissions, the Dutch CO2-heffing) are
# a separate subtotal: they depend on the plant's fuels, not on its electricity.
FAMILIES = ("commodity", "network", "taxes", "compensation", "support", "direct_co2")
ELECTRICITY_FAMILIES = FAMILIES[:5]

CHARGE_LABELS = {
    "fixed_eur_per_year": "vast",
    "capacity_eur_per_kw_year": "capaciteit",
    "monthly_peak_eur_per_kw_month": "maandpiek",
    "yearly_peak_eur_per_kw_year": "jaarpiek",
    "energy_eur_per_mwh": "energie",
}


@dataclass(frozen=True)
class Line:
    country: str
    family: str
    key: str
    label: str
    expr: pl.Expr  # €/yr
    relief: bool
    inputs: tuple[str, ...]
    steps: tuple[Step, ...] = ()  # how the amount is computed, for `speelveld explain`

    @property
    def subtotal(self) -> str:
        """``electricity`` or ``direct_co2``: which subtotal the line counts in."""
        return "direct_co2" if self.family == "direct_co2" else "electricity"


class _Builder:
    def __init__(self, ctx: Ctx, country: str, s: SectorQuantities, level: str, year: int):
        self.ctx, self.country, self.s, self.level, self.year = ctx, country, s, level, year
        self.lines: list[Line] = []

    def add(self, family: str, key: str, label: str, expr: pl.Expr, relief: bool = False) -> pl.Expr:
        inputs = self.ctx.take_used()
        self.lines.append(Line(self.country, family, key, label, expr, relief, inputs, self.ctx.take_steps()))
        return expr


def build_lines(ctx: Ctx, year: int, eu: EUFile, country: CountryFile, sector: SectorFile) -> list[Line]:
    s = sector_quantities(ctx, sector)
    ctx.take_used()
    ctx.take_steps()
    b = _Builder(ctx, country.country, s, sector.voltage_level, year)
    _commodity(b, country, year)
    network = _network(b, country, year)
    _taxes(b, country, year, network, sector)
    compensation = _carbon(b, country, year, eu, sector)
    _support(b, country, year, compensation)
    return b.lines


# ------------------------------------------------------------------ commodity


def _commodity(b: _Builder, c: CountryFile, year: int) -> None:
    ctx, s, cc = b.ctx, b.s, c.country
    q = s.consumption_mwh
    base = ctx.num(f"{cc}.commodity.baseload_eur_per_mwh")
    ctx.explain("Baseloadprijs × verbruik", "{price:€/MWh} × {q:MWh}", main=True, price=base, q=q)
    b.add("commodity", "commodity.wholesale", "Groothandelsprijs (baseload)", base * q)
    for key, field, label in (("profile", "profile_premium_eur_per_mwh", "Profielopslag"), ("margin", "supply_margin_eur_per_mwh", "Leveranciersmarge")):
        if getattr(c.commodity, field) is not None:
            rate = ctx.num(f"{cc}.commodity.{field}")
            ctx.explain(f"{label} × verbruik", "{rate:€/MWh} × {q:MWh}", main=True, rate=rate, q=q)
            b.add("commodity", f"commodity.{key}", label, rate * q)
    for access in c.commodity.special_access:
        if not in_force(access, year):
            continue
        path = f"{cc}.commodity.special_access.{access.id}"
        wholesale = ctx.num(f"{cc}.commodity.baseload_eur_per_mwh")
        price = ctx.num(f"{path}.price_eur_per_mwh")
        share = ctx.num(f"{path}.volume_share_pct") / 100
        eligible = when_expr(ctx, access.when, path, s, access.id)
        # The volume is optional for the buyer: nobody takes it when the market is cheaper (ARENH 2016).
        saving = pl.min_horizontal(price - wholesale, pl.lit(0.0))
        ctx.explain(
            "Besparing op het gereguleerde volume (alleen als goedkoper dan de markt)",
            "min({price:€/MWh} − {wholesale:€/MWh}, 0) × {share:%} × {q:MWh}",
            applies=eligible, main=True, price=price, wholesale=wholesale, share=share * 100, q=q,
        )
        b.add("commodity", f"commodity.access.{access.id}", access.label, if_eligible(eligible, share * q * saving), relief=True)


# ------------------------------------------------------------------ network


@dataclass
class NetworkTotals:
    by_kind: dict[str, pl.Expr]  # gross €/yr per charge kind
    gross: pl.Expr
    reductions: pl.Expr  # ≤ 0


def _network(b: _Builder, c: CountryFile, year: int) -> NetworkTotals:
    ctx, s, cc = b.ctx, b.s, c.country
    level_name = b.level
    level = c.network.levels[level_name]
    level_path = f"{cc}.network.levels.{level_name}"
    factor_text = {
        "fixed_eur_per_year": "{{{rate}:€/yr}}",
        "capacity_eur_per_kw_year": "{{{rate}:€/kW/yr}} × {{kw:kW}}",
        "monthly_peak_eur_per_kw_month": "{{{rate}:€/kW/month}} × 12 × {{kw:kW}}",
        "yearly_peak_eur_per_kw_year": "{{{rate}:€/kW/yr}} × {{kw:kW}}",
        "energy_eur_per_mwh": "{{{rate}:€/MWh}} × {{q:MWh}}",
    }
    # Read lazily, so that a line records only the quantities it uses.
    factors = {
        "fixed_eur_per_year": lambda: pl.lit(1.0),
        "capacity_eur_per_kw_year": lambda: s.capacity_kw,
        "monthly_peak_eur_per_kw_month": lambda: s.capacity_kw * 12,  # a flat load's monthly peak is its capacity
        "yearly_peak_eur_per_kw_year": lambda: s.capacity_kw,
        "energy_eur_per_mwh": lambda: s.consumption_mwh,
    }
    by_kind: dict[str, pl.Expr] = {}
    kinds_present = [k for k in CHARGE_KINDS if any(ch.kind_field == k for v in level.variants for ch in v.charges)]
    for kind in kinds_present:
        expr: pl.Expr | None = None
        chain = None
        earlier = pl.lit(False)
        for variant in level.variants:
            vpath = f"{level_path}.variants.{variant.id}"
            amount = pl.lit(0.0)
            terms, values, labels = [], {}, []
            for charge in variant.charges:
                if charge.kind_field == kind:
                    rate = ctx.num(f"{vpath}.charges.{charge.id}.{kind}")
                    amount = amount + rate * factors[kind]()
                    name = f"rate{len(terms)}"
                    terms.append(factor_text[kind].format(rate=name))
                    values[name] = rate
                    labels.append(charge.label)
            cond = when_expr(ctx, variant.when, vpath, s, f"tariefvariant {variant.id}")
            if terms:
                if "{kw" in terms[0]:
                    values["kw"] = s.capacity_kw
                if "{q" in terms[0]:
                    values["q"] = s.consumption_mwh
                ctx.explain(f"{variant.id}: {', '.join(labels)}", " + ".join(terms), applies=cond & ~earlier, main=True, **values)
            else:
                ctx.explain(f"{variant.id}: geen tarief van deze soort", "0", applies=cond & ~earlier, main=True)
            earlier = earlier | cond
            chain = pl.when(cond).then(amount) if chain is None else chain.when(cond).then(amount)
        # No variant applies (or eligibility unknown): the charge is unknown, not zero.
        expr = chain.otherwise(None) if chain is not None else pl.lit(None, pl.Float64)
        by_kind[kind] = b.add("network", f"network.{kind}", f"Nettarief {CHARGE_LABELS[kind]}", expr)
    gross = pl.sum_horizontal(list(by_kind.values())) if by_kind else pl.lit(0.0)
    gross_known = gross
    if by_kind:
        any_unknown = pl.any_horizontal([e.is_null() for e in by_kind.values()])
        gross_known = pl.when(any_unknown).then(None).otherwise(gross)
    remaining = gross_known
    total_reduction = pl.lit(0.0)
    for red in c.network.reductions:
        if not in_force(red, year):
            continue
        path = f"{cc}.network.reductions.{red.id}"
        eligible = when_expr(ctx, red.when, path, s, red.label)
        share = _reduction_share(ctx, red, path, s)
        ctx.explain(
            "Korting = nettarieven (na eerdere kortingen) × kortingsaandeel",
            "−{charges:€/yr} × {share:%}",
            applies=eligible, main=True, charges=remaining, share=share * 100,
        )
        amount = if_eligible(eligible, -remaining * share)
        b.add("network", f"network.reduction.{red.id}", red.label, amount, relief=True)
        remaining = remaining + amount
        total_reduction = total_reduction + amount
    return NetworkTotals(by_kind, gross_known, total_reduction)


def _reduction_share(ctx: Ctx, red, path: str, s: SectorQuantities) -> pl.Expr:
    """Share of the remaining network charges taken off (0..1); null if it depends on an unknown."""
    if red.pay_at_least_by_hours is not None:
        tiers = sorted(
            enumerate(red.pay_at_least_by_hours),
            key=lambda t: ctx.value(f"{path}.pay_at_least_by_hours.{t[0]}.min_hours") or 0,
        )
        chain = None
        earlier = pl.lit(False)
        for i, _tier in reversed(tiers):  # highest threshold first
            tpath = f"{path}.pay_at_least_by_hours.{i}"
            hours, threshold, pay = s.utilisation_hours, ctx.num(f"{tpath}.min_hours"), ctx.num(f"{tpath}.pay_at_least_pct")
            cond = hours >= threshold
            ctx.condition("benuttingsuren", "{hours:h} ≥ {threshold:h}", cond, hours=hours, threshold=threshold)
            ctx.explain("Kortingsaandeel: 100 % min het minimaal te betalen deel", "100 − {pay}", applies=cond & ~earlier, pay=pay)
            earlier = earlier | cond
            share = 1 - pay / 100
            chain = pl.when(cond).then(share) if chain is None else chain.when(cond).then(share)
        return chain.otherwise(0.0)
    if red.categories is not None:
        chain = None
        earlier = pl.lit(False)
        for cat in red.categories:
            cpath = f"{path}.categories.{cat.id}"
            cond = when_expr(ctx, cat.when, cpath, s, f"categorie {cat.id}")
            pct = ctx.num(f"{cpath}.abatement_pct")
            ctx.explain(f"Kortingsaandeel categorie {cat.label}", "{pct}", applies=cond & ~earlier, pct=pct)
            earlier = earlier | cond
            chain = pl.when(cond).then(pct) if chain is None else chain.when(cond).then(pct)
        pct = chain.otherwise(0.0)
        if red.cap_pct is not None:
            cap = ctx.num(f"{path}.cap_pct")
            ctx.explain("Kortingsaandeel begrensd", "min({pct}, {cap})", pct=pct, cap=cap)
            pct = pl.min_horizontal(pct, cap)
        return pct / 100
    pct = ctx.num(f"{path}.abatement_pct")
    if red.cap_pct is not None:
        cap = ctx.num(f"{path}.cap_pct")
        ctx.explain("Kortingsaandeel begrensd", "min({pct}, {cap})", pct=pct, cap=cap)
        pct = pl.min_horizontal(pct, cap)
    return pct / 100


# ------------------------------------------------------------------ taxes and levies


def _taxes(b: _Builder, c: CountryFile, year: int, network: NetworkTotals, sector: SectorFile) -> None:
    ctx, s, cc = b.ctx, b.s, c.country
    net_after: dict[str, pl.Expr] = {}
    for levy in c.taxes.levies:
        if not in_force(levy, year):
            continue
        path = f"{cc}.taxes.levies.{levy.id}"
        if levy.percent_of_network is not None:
            pon = levy.percent_of_network
            base = pl.sum_horizontal([network.by_kind[k] for k in pon.charge_kinds if k in network.by_kind])
            if pon.after_reductions:
                # Reductions scale every network charge alike, so the base shrinks in proportion.
                ctx.explain(
                    "Grondslag: nettarieven " + ", ".join(CHARGE_LABELS[k] for k in pon.charge_kinds) + ", na kortingen",
                    "{base:€/yr} × (1 + {reductions:€/yr} ÷ {gross:€/yr})",
                    base=base, reductions=network.reductions, gross=network.gross,
                )
                # (no network charges at all: no base, rather than 0 ÷ 0)
                base = pl.when(network.gross == 0).then(0.0).otherwise(base * (1 + network.reductions / network.gross))
            pct = ctx.num(f"{path}.percent_of_network.pct")
            ctx.explain("Percentage van de nettarieven", "{pct:%} × {base:€/yr}", main=True, pct=pct, base=base)
            gross = b.add("taxes", f"tax.{levy.id}", levy.label, pct / 100 * base)
            net_after[levy.id] = gross
            continue
        q = s.consumption_mwh
        f = _levy_function(ctx, levy, path, year, s)
        f.explain("Heffing over het verbruik", q, main=True)
        gross = b.add("taxes", f"tax.{levy.id}", levy.label, f(q))
        net = gross
        taxable = q
        exempt_share = _exempt_share(ctx, levy, sector)
        if exempt_share is not None:
            taxable = q * (1 - exempt_share)
            ctx.explain("Belast verbruik = verbruik × (1 − vrijgesteld procesaandeel)", "{q:MWh} × (1 − {share:%})", q=q, share=exempt_share * 100)
            f.explain("Heffing over het belaste verbruik", taxable)
            ctx.explain("Vrijstelling = heffing over belast verbruik − heffing over al het verbruik", "{taxed:€/yr} − {full:€/yr}", main=True, taxed=f(taxable), full=f(q))
            exemption = f(taxable) - f(q)
            net = net + b.add("taxes", f"tax.{levy.id}.exemption", f"{levy.label}: vrijstelling procesgebruik", exemption, relief=True)
        net = net + _reduced_rates(b, levy, path, f, taxable, f(taxable))
        cap_lines = []
        if levy.cap_eur_per_year is not None:
            cap_lines.append(("cap", "plafond", ctx.num(f"{path}.cap_eur_per_year")))
        if levy.cap_pct_of_gva is not None and s.has_gva:
            pct, gva = ctx.num(f"{path}.cap_pct_of_gva"), s.gross_value_added_eur
            ctx.explain("Plafond = percentage × bruto toegevoegde waarde", "{pct:%} × {gva:€/yr}", pct=pct, gva=gva)
            cap_lines.append(("cap-gva", "plafond % BTW", pct / 100 * gva))
        for key, label, cap in cap_lines:
            ctx.explain("Plafond: verlaging tot het plafond (0 als de heffing eronder blijft)", "min({cap:€/yr} − {levy:€/yr}, 0)", main=True, cap=cap, levy=net)
            amount = pl.min_horizontal(cap - net, pl.lit(0.0))
            net = net + b.add("taxes", f"tax.{levy.id}.{key}", f"{levy.label}: {label}", amount, relief=True)
        net_after[levy.id] = net
    for cap in c.taxes.joint_caps:
        if not in_force(cap, year):
            continue
        path = f"{cc}.taxes.joint_caps.{cap.id}"
        members = [net_after[name] for name in cap.levies if name in net_after]
        if not members or not s.has_gva:
            continue
        eligible = when_expr(ctx, cap.when, path, s, cap.label)
        pct, gva = ctx.num(f"{path}.cap_pct_of_gva"), s.gross_value_added_eur
        limit = pct / 100 * gva
        members_sum = pl.sum_horizontal(members)
        ctx.explain(
            f"Gezamenlijk plafond over {', '.join(cap.levies)}: percentage × bruto toegevoegde waarde − som van de heffingen",
            "min({pct:%} × {gva:€/yr} − {levies:€/yr}, 0)",
            applies=eligible, main=True, pct=pct, gva=gva, levies=members_sum,
        )
        amount = if_eligible(eligible, pl.min_horizontal(limit - members_sum, pl.lit(0.0)))
        b.add("taxes", f"tax.cap.{cap.id}", cap.label, amount, relief=True)


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

    def explain(self, label: str, x: pl.Expr, main: bool = False) -> None:
        """Record the levy on ``x`` as a step: tariff × MWh, one term per band."""
        if len(self.bands) == 1:
            self.ctx.explain(f"{label}: tarief × MWh", "{rate:€/MWh} × {x:MWh}", main=main, rate=self.bands[0][2], x=x)
            return
        terms, values, edges = [], {}, []
        for i, (lo, hi, rate) in enumerate(self.bands):
            terms.append(f"{{rate{i}:€/MWh}} × {{mwh{i}:MWh}}")
            values[f"rate{i}"], values[f"mwh{i}"] = rate, self._inside(x, lo, hi)
            edges.append(f"{lo:,.0f}–{hi:,.0f}" if hi is not None else f"> {lo:,.0f}")
        self.ctx.explain(f"{label}: per schijf ({'; '.join(edges)} MWh) tarief × MWh in de schijf", " + ".join(terms), main=main, **values)


def _levy_function(ctx: Ctx, levy: Levy, path: str, year: int, s: SectorQuantities) -> LevyFunction:
    if levy.rate_eur_per_mwh is not None:
        return LevyFunction(ctx, [(0.0, None, ctx.num(f"{path}.rate_eur_per_mwh"))])
    if levy.rate_periods is not None:
        return LevyFunction(ctx, [(0.0, None, _period_average(ctx, levy, path, year))])
    bands = []
    for i, band in enumerate(levy.bands or []):
        use_business = s.business_use and band.business_rate_eur_per_mwh is not None
        rate = ctx.num(f"{path}.bands.{i}.{'business_rate_eur_per_mwh' if use_business else 'rate_eur_per_mwh'}")
        bands.append((band.from_mwh, band.to_mwh, rate))
    return LevyFunction(ctx, bands)


def _period_average(ctx: Ctx, levy: Levy, path: str, year: int) -> pl.Expr:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days_in_year = (end - start).days + 1
    total = pl.lit(0.0)
    terms, values = [], {}
    for i, period in enumerate(levy.rate_periods or []):
        a, z = max(period.start, start), min(period.end, end)
        days = (z - a).days + 1
        if days > 0:
            rate = ctx.num(f"{path}.rate_periods.{i}.rate_eur_per_mwh")
            terms.append(f"{{rate{i}:€/MWh}} × {{days{i}}}")
            values[f"rate{i}"], values[f"days{i}"] = rate, float(days)
            total = total + rate * (days / days_in_year)
    ctx.explain("Jaargemiddeld tarief: tarief per periode gewogen naar dagen", f"({' + '.join(terms) or '0'}) ÷ {{days}}", days=float(days_in_year), **values)
    return total


def _exempt_share(ctx: Ctx, levy: Levy, sector: SectorFile) -> pl.Expr | None:
    shares = [
        ctx.num(f"sectors.{sector.sector}.process_shares_pct.{p}") / 100
        for p in levy.exempt_processes
        if p in sector.process_shares_pct
    ]
    if not shares:
        return None
    total = shares[0]
    for sh in shares[1:]:
        total = total + sh
    return total


def _reduced_rates(b: _Builder, levy: Levy, path: str, f, taxable: pl.Expr, full: pl.Expr) -> pl.Expr:
    """Lines for the reduced rates: of all eligible ones the cheapest applies (a taxpayer claims
    the best regime); its line carries the saving, the others are 0."""
    ctx, s = b.ctx, b.s
    if not levy.reduced_rates:
        return pl.lit(0.0)
    candidates = []
    for rr in levy.reduced_rates:
        rpath = f"{path}.reduced_rates.{rr.id}"
        if not in_force(rr, b.year):
            continue
        eligible = when_expr(ctx, rr.when, rpath, s, rr.label)
        if rr.intensity_tiers is not None:
            if not s.has_gva:
                ctx.explain("Elektro-intensiteit onbekend: de sector heeft geen bruto toegevoegde waarde", "0")
                candidates.append((rr, pl.lit(None, pl.Float64), ctx.take_used(), ctx.take_steps()))
                continue
            q, ref, gva = s.consumption_mwh, ctx.num(f"{rpath}.reference_rate_eur_per_mwh"), s.gross_value_added_eur
            intensity = q * ref / gva * 100
            ctx.explain("Elektro-intensiteit (%) = verbruik × referentietarief ÷ bruto toegevoegde waarde", "{q:MWh} × {ref:€/MWh} ÷ {gva:€/yr} × 100", q=q, ref=ref, gva=gva)
            order = sorted(range(len(rr.intensity_tiers)), key=lambda i: -(ctx.value(f"{rpath}.intensity_tiers.{i}.min_intensity_pct") or 0))
            chain = None
            earlier = pl.lit(False)
            for i in order:
                tpath = f"{rpath}.intensity_tiers.{i}"
                threshold, rate = ctx.num(f"{tpath}.min_intensity_pct"), ctx.num(f"{tpath}.rate_eur_per_mwh")
                cond = intensity >= threshold
                ctx.condition("elektro-intensiteit", "{intensity} ≥ {threshold}", cond, intensity=intensity, threshold=threshold)
                ctx.explain("Heffing tegen het verlaagde tarief", "{rate:€/MWh} × {x:MWh}", applies=cond & ~earlier, rate=rate, x=taxable)
                earlier = earlier | cond
                cost = rate * taxable
                chain = pl.when(cond).then(cost) if chain is None else chain.when(cond).then(cost)
            cost = chain.otherwise(full)
        else:
            threshold = ctx.num(f"{rpath}.above_mwh") if rr.above_mwh is not None else pl.lit(0.0)
            first = pl.min_horizontal(taxable, threshold)
            if rr.share_of_rate_pct is not None:
                share = ctx.num(f"{rpath}.share_of_rate_pct")
                ctx.explain(
                    "Heffing met regeling: eerste MWh vol, daarboven een deel van het tarief",
                    "{first:€/yr} + {share:%} × ({full:€/yr} − {first:€/yr})",
                    first=f(first), share=share, full=full,
                )
                cost = f(first) + share / 100 * (full - f(first))
            else:
                rate = ctx.num(f"{rpath}.rate_eur_per_mwh")
                ctx.explain(
                    "Heffing met regeling: eerste MWh vol, daarboven het verlaagde tarief",
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
            "Verlaging = heffing met de voordeligste regeling − heffing zonder regeling",
            "{best:€/yr} − {full:€/yr}",
            applies=wins, main=True, best=best, full=full,
        )
        b.ctx.explain("Een andere regeling is voordeliger of deze geldt niet", "0", applies=~wins, main=True)
        total = total + b.add("taxes", f"tax.{levy.id}.reduced.{rr.id}", f"{levy.label}: {rr.label}", amount, relief=True)
        taken = taken | wins
    return total


# ------------------------------------------------------------------ carbon


def _carbon(b: _Builder, c: CountryFile, year: int, eu: EUFile, sector: SectorFile) -> pl.Expr | None:
    """Adds the carbon lines; returns the compensation (≤ 0) so that support measures that
    exclude it can be compared with it."""
    ctx, s, cc = b.ctx, b.s, c.country
    spath = f"sectors.{sector.sector}"
    emissions = ctx.num(f"{spath}.direct_emissions_t_co2")
    allocation = ctx.num(f"{spath}.free_allocation_t_co2")
    eua = ctx.num("eu.eua_price_eur_per_t")
    ctx.explain("EUA-prijs × emissies boven de gratis toewijzing", "{eua:€/t} × max({emissions:t} − {allocation:t}, 0)", main=True, eua=eua, emissions=emissions, allocation=allocation)
    b.add("direct_co2", "carbon.ets_direct", "EU ETS directe emissies", eua * (emissions - allocation).clip(lower_bound=0.0))

    levy = c.carbon.co2_levy
    if levy is not None and (levy.valid is None or levy.valid.covers(year)):
        path = f"{cc}.carbon.co2_levy"
        emissions = ctx.num(f"{spath}.direct_emissions_t_co2")
        factor, allocation = ctx.num(f"{path}.dispensation_factor"), ctx.num(f"{spath}.free_allocation_t_co2")
        dispensation = factor * allocation
        gross_rate, deduction = ctx.num(f"{path}.rate_eur_per_t"), ctx.num(f"{path}.eua_deduction_eur_per_t")
        rate = (gross_rate - deduction).clip(lower_bound=0.0)
        ctx.explain(
            "Nettotarief (tarief − EUA-aftrek, ten minste 0) × emissies boven de dispensatierechten (factor × gratis toewijzing)",
            "max({rate:€/t} − {deduction:€/t}, 0) × max({emissions:t} − {factor} × {allocation:t}, 0)",
            main=True, rate=gross_rate, deduction=deduction, emissions=emissions, factor=factor, allocation=allocation,
        )
        # A net rate of zero costs nothing whatever the dispensation rights (which may be unknown).
        cost = pl.when(rate <= 0).then(pl.lit(0.0)).otherwise(rate * (emissions - dispensation).clip(lower_bound=0.0))
        b.add("direct_co2", "carbon.co2_levy", levy.label, cost)

    comp = c.carbon.indirect_cost_compensation
    if comp is None or (not in_force(comp, year)):
        return None
    path = f"{cc}.carbon.indirect_cost_compensation"
    group = next((g for g in comp.eligible if nace_matches(s.nace, g.nace)), None)
    if group is None:
        ctx.condition(f"NACE {', '.join(s.nace)} staat op de lijst van in aanmerking komende sectoren", "", pl.lit(False))
        ctx.explain("Niet in aanmerking", "0", main=True)
        b.add("compensation", "carbon.compensation", f"Compensatie indirecte emissiekosten: {comp.label} (niet in aanmerking)", pl.lit(0.0), relief=True)
        return None
    ctx.condition(f"{group.label}: " + nace_text(s.nace, group.nace), "", pl.lit(True))
    if sector.product_benchmark is not None:
        output, benchmark = ctx.num(f"{spath}.product_benchmark.output_t"), ctx.num(f"{spath}.product_benchmark.benchmark_mwh_per_t")
        ctx.explain("Subsidiabel verbruik = productie × productbenchmark", "{output:t} × {benchmark:MWh/t}", output=output, benchmark=benchmark)
        eligible_mwh = output * benchmark
    else:
        steps = max(0, year - comp.fallback_reduction_from_year + 1)
        fallback, reduction = ctx.num(f"{path}.fallback_benchmark_pct"), ctx.num(f"{path}.fallback_annual_reduction_pct")
        ctx.explain(
            f"Subsidiabel verbruik = verbruik × fall-backbenchmark, {steps} jaar verlaagd",
            "{q:MWh} × {fallback:%} × (1 − {reduction:%}) ^ {steps}",
            q=s.consumption_mwh, fallback=fallback, reduction=reduction, steps=float(steps),
        )
        factor = fallback / 100 * (1 - reduction / 100) ** steps
        eligible_mwh = s.consumption_mwh * factor
    retention = ctx.num(f"{path}.self_retention_mwh")
    ctx.explain("Na eigen risico", "max({mwh:MWh} − {retention:MWh}, 0)", mwh=eligible_mwh, retention=retention)
    eligible_mwh = (eligible_mwh - retention).clip(lower_bound=0.0)
    price = ctx.num(f"{path}.eua_price_eur_per_t") if comp.eua_price_eur_per_t is not None else ctx.num("eu.eua_forward_price_eur_per_t")
    intensity, co2, scaling = (
        ctx.num(f"{path}.eligible.{group.id}.aid_intensity_pct"),
        ctx.num(f"{path}.co2_factor_t_per_mwh"),
        ctx.num(f"{path}.budget_scaling_pct"),
    )
    ctx.explain(
        "−steunintensiteit × CO2-factor × EUA-termijnprijs × subsidiabel verbruik × budgetschaling",
        "−{intensity:%} × {co2:t/MWh} × {price:€/t} × {mwh:MWh} × {scaling:%}",
        main=True, intensity=intensity, co2=co2, price=price, mwh=eligible_mwh, scaling=scaling,
    )
    aid = intensity / 100 * co2 * price * eligible_mwh * scaling / 100
    return b.add("compensation", "carbon.compensation", f"Compensatie indirecte emissiekosten: {comp.label} ({group.label})", -aid, relief=True)


# ------------------------------------------------------------------ support measures


def _support(b: _Builder, c: CountryFile, year: int, compensation: pl.Expr | None) -> None:
    ctx, s, cc = b.ctx, b.s, c.country
    for rule in c.support:
        if not in_force(rule, year):
            continue
        path = f"{cc}.support.{rule.id}"
        eligible = when_expr(ctx, rule.when, path, s, rule.label)
        q, volume_share = s.consumption_mwh, ctx.num(f"{path}.volume_share_pct")
        volume = q * volume_share / 100
        if rule.budget_eur_per_year is not None:
            budget, eligible_mwh = ctx.num(f"{path}.budget_eur_per_year"), ctx.num(f"{path}.eligible_consumption_mwh")
            ctx.explain("Steun per MWh = budget ÷ verbruik van alle rechthebbenden", "{budget:€/yr} ÷ {mwh:MWh}", budget=budget, mwh=eligible_mwh)
            per_mwh = budget / eligible_mwh
        else:
            ref = ctx.num(f"{path}.reference_price_eur_per_mwh") if rule.reference_price_eur_per_mwh is not None else ctx.num(f"{cc}.commodity.baseload_eur_per_mwh")
            target, max_share = ctx.num(f"{path}.target_price_eur_per_mwh"), ctx.num(f"{path}.max_aid_share_pct")
            ctx.explain(
                "Steun per MWh = referentieprijs − doelprijs, ten hoogste een deel van de referentieprijs",
                "min(max({ref:€/MWh} − {target:€/MWh}, 0), {ref:€/MWh} × {share:%})",
                ref=ref, target=target, share=max_share,
            )
            gap_to_target = (ref - target).clip(lower_bound=0.0)
            per_mwh = pl.min_horizontal(gap_to_target, ref * max_share / 100)
        relief = -(per_mwh * volume)
        if rule.excludes_compensation and compensation is not None:
            ctx.explain("Steun = −steun per MWh × verbruik × volumeaandeel", "−{per_mwh:€/MWh} × {q:MWh} × {share:%}", per_mwh=per_mwh, q=q, share=volume_share)
            # The plant takes the larger of the two; the line is what this measure adds on top.
            ctx.explain(
                "Niet te combineren met de ETS-compensatie: alleen wat de steun meer oplevert telt",
                "min({relief:€/yr}, {compensation:€/yr}) − {compensation:€/yr}",
                applies=eligible, main=True, relief=relief, compensation=compensation,
            )
            relief = pl.min_horizontal(relief, compensation) - compensation
        else:
            ctx.explain("Steun = −steun per MWh × verbruik × volumeaandeel", "−{per_mwh:€/MWh} × {q:MWh} × {share:%}", applies=eligible, main=True, per_mwh=per_mwh, q=q, share=volume_share)
        b.add("support", f"support.{rule.id}", rule.label, if_eligible(eligible, relief), relief=True)
