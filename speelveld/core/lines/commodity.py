"""Commodity: the wholesale price, profile premium and supplier margin, regulated volumes."""

from __future__ import annotations

import polars as pl

from speelveld.config.model import CountryFile, in_force
from speelveld.core.context import if_eligible, when_expr, words
from speelveld.core.lines.base import Builder


def commodity_lines(b: Builder, c: CountryFile, year: int) -> None:
    ctx, s, com = b.ctx, b.s, c.commodity
    q = s.consumption_mwh
    base = ctx.field(com, "baseload_eur_per_mwh")
    ctx.explain(words("baseload"), "{price:€/MWh} × {q:MWh}", main=True, price=base, q=q)
    b.add("commodity", "commodity.wholesale", "Groothandelsprijs (baseload)", base * q)
    for key, field, label in (("profile", "profile_premium_eur_per_mwh", "Profielopslag"), ("margin", "supply_margin_eur_per_mwh", "Leveranciersmarge")):
        if getattr(com, field) is not None:
            rate = ctx.field(com, field)
            ctx.explain(words(key), "{rate:€/MWh} × {q:MWh}", main=True, rate=rate, q=q)
            b.add("commodity", f"commodity.{key}", label, rate * q)
    for access in com.special_access:
        if not in_force(access, year):
            continue
        wholesale = ctx.field(com, "baseload_eur_per_mwh")
        price = ctx.field(access, "price_eur_per_mwh")
        share = ctx.field(access, "volume_share_pct") / 100
        eligible = when_expr(ctx, access.when, s, access.id)
        # The volume is optional for the buyer: nobody takes it when the market is cheaper (ARENH 2016).
        saving = pl.min_horizontal(price - wholesale, pl.lit(0.0))
        ctx.explain(
            words("regulated_saving"),
            "min({price:€/MWh} − {wholesale:€/MWh}, 0) × {share:%} × {q:MWh}",
            applies=eligible, main=True, price=price, wholesale=wholesale, share=share * 100, q=q,
        )
        b.add("commodity", f"commodity.access.{access.id}", access.label, if_eligible(eligible, share * q * saving), relief=True)
