"""A plant's own hourly load profile (`compare --profile FILE`): the maatwerk view of one named
plant, read on the user's machine and never written anywhere.

The file is a CSV with one row per hour of the price year and the columns ``datetime`` (ISO 8601;
with an offset it is that instant, without one it is Dutch local time) and ``mw`` (the average load
in that hour, MW). Every hour of the year must be there once: a missing or repeated hour (daylight
saving included), a negative load, a row of another year or a value that is not a number is refused
with the row it stands on; a profile is never padded or cut.

The profile enters the engine as the plant's figures: its energy (MWh), its full-load hours
(energy ÷ peak, the hours every hour-dependent rule tests, e.g. § 19(2) StromNEV), its off-peak
share, and per country the premium of its load-weighted price over the year's baseload price.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl

from speelveld.config.yamlload import ConfigError
from speelveld.said import place, said

LOCAL = "Europe/Amsterdam"


@dataclass
class Profile:
    file: Path
    year: int
    hours: pl.DataFrame  # utc, mw
    mwh: float
    peak_mw: float

    @property
    def full_load_hours(self) -> float:
        return self.mwh / self.peak_mw if self.peak_mw else 0.0


def load_profile(path: Path, year: int) -> Profile:
    if not path.is_file():
        raise ConfigError(['--profile: ' + said("not_found", path=path)])
    try:
        raw = pl.read_csv(path, infer_schema=False, encoding="utf8")
    except Exception as exc:  # noqa: BLE001  (polars' own parse errors: said in one line)
        raise ConfigError([place(f"{path}:1", "file") + said("not_csv_file", why=str(exc).splitlines()[0])]) from None
    missing = [c for c in ("datetime", "mw") if c not in raw.columns]
    if missing:
        raise ConfigError([place(f'{path}:1', "header") + said("columns_datetime_mw_needed", missing=', '.join(missing), found=', '.join(raw.columns) or said("none"))])
    frame = raw.select("datetime", "mw").with_row_index("row", offset=2)  # line 1 is the header
    mw = pl.col("mw").str.strip_chars().str.replace(",", ".").cast(pl.Float64, strict=False)
    text = pl.col("datetime").str.strip_chars()
    with_offset = text.str.contains(r"([+-]\d{2}:?\d{2}|Z)$")
    frame = frame.with_columns(mw.alias("value"), with_offset.alias("aware"))
    bad = frame.filter(pl.col("value").is_null() | ~pl.col("value").is_finite())
    if bad.height:
        r = bad.row(0, named=True)
        raise ConfigError([f"{path}:{r['row']}: mw: " + said("not_number", value=r['mw'])])
    negative = frame.filter(pl.col("value") < 0)
    if negative.height:
        r = negative.row(0, named=True)
        raise ConfigError([f"{path}:{r['row']}: mw: " + said("mw_negative", value=f"{r['value']:g}")])
    aware = frame.filter(pl.col("aware")).with_columns(
        pl.col("datetime").str.strip_chars().str.replace("Z$", "+00:00").str.to_datetime(time_zone="UTC", strict=False).alias("utc"))
    naive = frame.filter(~pl.col("aware")).with_columns(pl.col("datetime").str.strip_chars().str.to_datetime(strict=False).alias("naive"))
    unread = pl.concat([aware.filter(pl.col("utc").is_null()).select("row", "datetime"), naive.filter(pl.col("naive").is_null()).select("row", "datetime")]).sort("row")
    if unread.height:
        r = unread.row(0, named=True)
        raise ConfigError([f"{path}:{r['row']}: datetime: " + said("not_iso_8601_date", value=r['datetime'])])
    if naive.height:
        # a naive time is Dutch local time: the autumn's repeated 02:00 is first the earlier, then the later hour
        second = pl.col("naive").cum_count().over("naive") > 1
        ambiguous = pl.when(second).then(pl.lit("latest")).otherwise(pl.lit("earliest"))
        naive = naive.with_columns(pl.col("naive").dt.replace_time_zone(LOCAL, ambiguous=ambiguous, non_existent="null").alias("local"))
        gone = naive.filter(pl.col("local").is_null())
        if gone.height:
            r = gone.row(0, named=True)
            raise ConfigError([f"{path}:{r['row']}: datetime: " + said("does_not_exist_dutch", value=r['datetime'])])
        naive = naive.with_columns(pl.col("local").dt.convert_time_zone("UTC").alias("utc"))
    parts = [part.select("row", "datetime", "utc", "value") for part in (aware, naive) if part.height]
    hours = pl.concat(parts).sort("row") if parts else pl.DataFrame(schema={"row": pl.UInt32, "datetime": pl.String, "utc": pl.Datetime("us", "UTC"), "value": pl.Float64})
    local_year = hours.with_columns(pl.col("utc").dt.convert_time_zone(LOCAL).dt.year().alias("year"))
    other = local_year.filter(pl.col("year") != year)
    if other.height:
        r = other.row(0, named=True)
        raise ConfigError([f"{path}:{r['row']}: datetime: " + said("not_price_year", value=r['datetime'], year=year)])
    not_whole = hours.filter(pl.col("utc").dt.minute() != 0)
    if not_whole.height:
        r = not_whole.row(0, named=True)
        raise ConfigError([f"{path}:{r['row']}: datetime: " + said("does_not_start_hour", value=r['datetime'])])
    repeated = hours.filter(pl.col("utc").is_duplicated()).sort("row")
    if repeated.height:
        r = repeated.row(1, named=True) if repeated.height > 1 else repeated.row(0, named=True)
        first = repeated.filter(pl.col("utc") == r["utc"])["row"].min()
        raise ConfigError([f"{path}:{r['row']}: datetime: " + said("repeats_hour_row", value=r['datetime'], row=first)])
    start = pl.datetime(year, 1, 1, time_zone=LOCAL).dt.convert_time_zone("UTC")
    end = pl.datetime(year + 1, 1, 1, time_zone=LOCAL).dt.convert_time_zone("UTC")
    expected = pl.select(pl.datetime_range(start, end, "1h", closed="left", time_zone="UTC").alias("utc"))
    gap = expected.join(hours, on="utc", how="anti")
    if gap.height:
        when = gap["utc"][0]
        before = hours.filter(pl.col("utc") < when)
        after = "" if before.height == 0 else f" (after row {before['row'].max()})"
        local = when.astimezone(ZoneInfo(LOCAL))
        raise ConfigError([f'{path}: datetime: ' + said("hour_missing_profile_every", hour=local.isoformat(timespec='minutes'), after=after, year=year, n=f'{expected.height:,}')])
    frame = hours.select("utc", pl.col("value").alias("mw")).sort("utc")
    mwh, peak = float(frame["mw"].sum()), float(frame["mw"].max())
    if mwh <= 0:
        raise ConfigError([f'{path}: mw: ' + said("profile_uses_nothing", year=year)])
    return Profile(path, year, frame, mwh, peak)


def profile_figures(profile: Profile, prices: pl.DataFrame, countries: list[str], baseload: dict[str, float]) -> dict:
    """The plant's figures from its profile: energy, full-load hours, off-peak share (outside
    Monday–Friday 08:00–20:00 local time) and per country the load-weighted price and its premium
    over the year's baseload price (the config's)."""
    joined = profile.hours.join(prices, on="utc", how="inner")
    local = joined["utc"].dt.convert_time_zone(LOCAL)
    peak_hour = (local.dt.weekday() <= 5) & (local.dt.hour() >= 8) & (local.dt.hour() < 20)
    offpeak = float(joined.filter(~peak_hour)["mw"].sum()) / profile.mwh * 100
    weighted = {cc: float((joined[cc] * joined["mw"]).sum()) / profile.mwh for cc in countries}
    return {"mwh": profile.mwh, "peak_mw": profile.peak_mw, "hours": profile.full_load_hours, "offpeak_pct": offpeak,
            "weighted": weighted, "premium": {cc: weighted[cc] - baseload[cc] for cc in countries if baseload.get(cc) is not None}}
