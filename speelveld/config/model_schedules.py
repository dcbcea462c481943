"""A levy's rate schedules: consumption bands, rate periods within the year and electro-intensity
tiers, with the checks that bands and periods join without overlap or gap."""

from __future__ import annotations

import datetime as dt

from speelveld.config.model_base import Float, Num, Strict, yearly
from speelveld.said import said


class Band(Strict):
    """Consumption band; its rate applies to the consumption inside [from_mwh, to_mwh)."""

    from_mwh: Float
    to_mwh: Float | None = None
    rate_eur_per_mwh: Num = yearly()
    business_rate_eur_per_mwh: Num | None = yearly(None)


class RatePeriod(Strict):
    """A rate in force for part of the year; the annual rate is the day-weighted average
    (exact for the flat load of a baseload plant)."""

    start: dt.date
    end: dt.date
    rate_eur_per_mwh: Num = yearly()


class IntensityTier(Strict):
    min_intensity_pct: Num
    rate_eur_per_mwh: Num


def check_bands(bands: list[Band]) -> None:
    if bands[0].from_mwh != 0:
        raise ValueError(said("first_band_must_start", start=f'{bands[0].from_mwh:g}'))
    for i, (a, b) in enumerate(zip(bands, bands[1:], strict=False)):
        if a.to_mwh is None:
            raise ValueError(said("band_open_ended_but", i=i, j=i + 1))
        if b.from_mwh < a.to_mwh:
            raise ValueError(said("bands_overlap_mwh", i=i, j=i + 1, a=f'{a.to_mwh:g}', b=f'{b.from_mwh:g}'))
        if b.from_mwh > a.to_mwh:
            raise ValueError(said("gap_between_bands_mwh", i=i, j=i + 1, a=f'{a.to_mwh:g}', b=f'{b.from_mwh:g}'))
    for i, band in enumerate(bands):
        if band.to_mwh is not None and band.to_mwh <= band.from_mwh:
            raise ValueError(said("band_ends_before_starts", i=i, end=f'{band.to_mwh:g}', start=f'{band.from_mwh:g}'))
    if bands[-1].to_mwh is not None:
        raise ValueError(said("last_band_must_open"))


def check_periods(periods: list[RatePeriod]) -> None:
    # Together the periods must also cover 1 January to 31 December of the file's price year;
    # the model does not know that year, so load.py checks it.
    ordered = sorted(periods, key=lambda p: p.start)
    for p in ordered:
        if p.end < p.start:
            raise ValueError(said("rate_period_ends_before", start=p.start, end=p.end))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start <= a.end:
            raise ValueError(said("rate_periods_overlap", a=f'{a.start}..{a.end}', b=f'{b.start}..{b.end}'))
        if (b.start - a.end).days > 1:
            raise ValueError(said("rate_periods_leave_gap", a=a.end, b=b.start))
