"""Spending options of the envelope, side by side over the years (`speelveld opties`).

Per option (a scenario with an ``option:`` block) and year: what it costs the state (the Dutch
plants of the modelled sectors pay less × each sector's electricity use, the engine's own budget
cuts included), against the envelope's amount for that year; every gap before and after; the gap
closed per 100 M€; which sectors gain and which lose; whether it makes electrifying boiler heat pay;
and the EU state-aid conditions it must meet, each with its rule.

The options are Dutch measures: they change the reference country's costs only, so a year is
computed as one evaluation of the base (every country) and each option's reference-country plants
together, on one frame of input values: a band of an option's cost or of its gap after is the
range with every uncertain input anywhere in its range, the same value on both sides.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field

import polars as pl

from speelveld.config.resolved import YearConfig
from speelveld.core.bands import compute_bands, uncertain_inputs
from speelveld.core.compute import FEW_ROWS, evaluate, kept, plan_sector, sector_volume, uncertain_paths
from speelveld.core.stateaid import Check, checks_for

HEADLINE = ("chemie", "DE")
# the sectors whose gaps the options table shows with their bands (the memo's sectors)
SHOWN = ("chemie", "staal")


@dataclass
class OptionYear:
    option: str
    year: int
    projection: bool
    state_cost_meur: float | None
    state_cost_low_meur: float | None
    state_cost_high_meur: float | None
    envelope_meur: float | None
    envelope_low_meur: float | None
    envelope_high_meur: float | None
    headline_before: tuple[float | None, float | None, float | None]  # central, low, high (€/MWh)
    headline_after: tuple[float | None, float | None, float | None]
    gaps: pl.DataFrame  # sector, country, before, after (central €/MWh)
    closed_per_100meur: dict[str, float | None] = field(default_factory=dict)  # volume-weighted €/MWh of the dearer gaps closed (to parity) per 100 M€/yr, by neighbour
    share_closed_pct: dict[str, float | None] = field(default_factory=dict)  # share of the volume-weighted gaps where NL is dearer that the option closes
    gainers: list[str] = field(default_factory=list)
    losers: list[str] = field(default_factory=list)
    break_even_before: float | None = None  # e-boiler break-even CO2 price (€/t), reference country, headline sector
    break_even_after: float | None = None
    checks: list[Check] = field(default_factory=list)
    verdict: str = "n/a"  # pass | fail | n/a: every part checked and none failed
    # the envelope's headroom: what the baseline already spends from it (the IKC extension, under the
    # reading that the letter pays it from the same reservation), and what is left
    committed_meur: tuple[float | None, float | None, float | None] = (None, None, None)
    headroom_meur: tuple[float | None, float | None, float | None] = (None, None, None)
    reading: str = "netto"  # netto: the extension is paid from the envelope; bruto: the envelope comes on top
    stated_cost_meur: float | None = None  # the scenario's own figure (a budget-fixed option spends it)
    money_useful_pct: dict[str, float | None] = field(default_factory=dict)  # by neighbour: share of the money that reduces a disadvantage (to parity)
    sectors: pl.DataFrame | None = None  # per sector: relief (€/MWh, band), M€ spent (band), volume and its quality
    left_out: list[str] = field(default_factory=list)  # sectors that receive relief but have no known volume (not in the cost)
    lever_limit: float = 1.0  # the largest level the law allows, as a multiple of the option as configured
    cost_partial: bool = False  # the full cost (every user of a general measure) is not known: the model's is a lower bound
    mix: object | None = None  # for the option named 'mix': the levels, the marginal value (core.mix.Mix)
    chance_closed: dict[tuple[str, str], float | None] = field(default_factory=dict)  # mix: (sector, neighbour) -> chance the gap stays closed
    gap_bands: dict[tuple[str, str], tuple[float | None, float | None]] = field(default_factory=dict)  # (sector, neighbour) -> band of the gap before
    shown: dict = field(default_factory=dict)  # (sector, neighbour) of the memo's sectors -> ((gap before, low, high), (gap after, low, high))


_EVALUATED: dict[tuple, list[OptionYear]] = {}


def options_year(base: YearConfig, options: dict[str, YearConfig], reference: str = "NL", countries: list[str] | None = None,
                 infos: dict | None = None, electrified=None, reading: str = "netto", stated: dict | None = None) -> list[OptionYear]:
    """Every option of one year, evaluated with the base on one frame. ``electrified(cfg, sector,
    technology)`` gives a config's plant with its boiler heat electrified (for the break-even CO2
    price); without it that figure is left out. Kept per resolved configs, as `compare` keeps
    its results (the table, the CSV, the workbook and the mix of one year share one evaluation)."""
    key = (base.resolved_hash(), base.year, tuple((n, c.resolved_hash()) for n, c in sorted(options.items())), reference, tuple(countries or ()),
           repr(infos), electrified is not None, reading, repr(stated))
    return copy.deepcopy(kept(_EVALUATED, ("options_year", *key), lambda: _options_year(base, options, reference, countries, infos, electrified, reading, stated), limit=16))


def _options_year(base: YearConfig, options: dict[str, YearConfig], reference: str, countries: list[str] | None,
                  infos: dict | None, electrified, reading: str, stated: dict | None) -> list[OptionYear]:
    countries = countries or [c for c in ("DE", "BE", "FR") if c in base.countries]
    every = [reference] + [c for c in countries if c != reference]
    sectors = sorted(base.sectors)
    varied_a = uncertain_paths(base)
    plans_a = {s: plan_sector(base, s, every, varied_a, tag="a|") for s in sectors}
    inputs = uncertain_inputs(base.params, {x for p in plans_a.values() for x in p.inputs})
    seen = {u.column for u in inputs}
    plans_o: dict[str, dict] = {}
    for i, (name, cfg) in enumerate(options.items()):
        varied = uncertain_paths(cfg)
        renamed = {p: f"{name}:{p}" for p in varied & varied_a if _range(base, p) != _range(cfg, p)}
        plans_o[name] = {s: plan_sector(cfg, s, [reference], varied, renamed, tag=f"o{i}|") for s in sectors}
        more = uncertain_inputs(cfg.params, {x for p in plans_o[name].values() for x in p.inputs}, renamed)
        inputs += [u for u in more if u.column not in seen]
        seen |= {u.column for u in more}

    head_sector, head_country = HEADLINE
    per_sector: dict[str, list[pl.Expr]] = {}
    for s in sectors:
        a = plans_a[s]
        exprs = [pl.col(a.col(cc, "total_eur_per_mwh")).alias(f"a|{s}|{cc}|total") for cc in every]
        exprs += [pl.col(a.col(reference, "all_in")).alias(f"a|{s}|all_in")]
        # the sector's volume: a bounded one (chemie's grid offtake) moves within its band; one that is
        # unknown is left out of the state cost (as `toets` does), so no band rests on a volume probed at zero
        vol = sector_volume(base, s)
        mwh = vol.central if vol is not None else None
        banded_volume = vol is not None and mwh is not None and vol.bounded and a.sector_mwh is not None
        exprs += [(a.sector_mwh if banded_volume else pl.lit(mwh, dtype=pl.Float64)).cast(pl.Float64).alias(f"{s}|mwh")]
        # what the baseline pays from the envelope: the compensation of a group funded from it
        committed = _envelope_funded(base, s, reference)
        keys = [ln.key for ln in a.lines.get(reference, []) if ln.key in ("carbon.compensation", "carbon.compensation.budget")] if committed else []
        paid = -pl.sum_horizontal([pl.col(a.col(reference, k)) for k in keys]) / a.consumption if keys else pl.lit(0.0)
        exprs += [paid.alias(f"a|{s}|committed")]
        for name, plans in plans_o.items():
            o = plans[s]
            exprs += [pl.col(o.col(reference, "total_eur_per_mwh")).alias(f"{name}|{s}|total"), pl.col(o.col(reference, "all_in")).alias(f"{name}|{s}|all_in")]
        per_sector[s] = exprs

    def frame_of(frame: pl.DataFrame) -> pl.DataFrame:
        # one query over every sector and config: fewer, larger queries plan faster here (measured:
        # 0.15 s against 0.21 s for nine per-sector queries of seven configs)
        plans = list(plans_a.values()) + [p for plans in plans_o.values() for p in plans.values()]
        wide = evaluate(frame, plans, reference).select([e for s in sectors for e in per_sector[s]]).collect(optimizations=FEW_ROWS)
        derived = [pl.sum_horizontal([pl.col(f"a|{s}|committed") * pl.col(f"{s}|mwh") / 1e6 for s in sectors]).alias("a|committed")]
        derived += [(pl.col(f"a|{s}|{reference}|total") - pl.col(f"a|{s}|{cc}|total")).alias(f"a|{s}|{cc}|gap") for s in sectors for cc in every[1:]]
        derived += [(pl.col(f"{n}|{s}|total") - pl.col(f"a|{s}|{cc}|total")).alias(f"{n}|{s}|{cc}|gap") for n in plans_o for s in SHOWN if s in sectors for cc in every[1:]]
        for name in plans_o:
            terms = []
            for s in sectors:
                # what the reference plant pays less for electricity (the options are electricity
                # measures; an unknown direct-CO2 cost on both sides would otherwise leave it open)
                relief = pl.col(f"a|{s}|{reference}|total") - pl.col(f"{name}|{s}|total")
                money = relief * pl.col(f"{s}|mwh") / 1e6
                derived += [relief.alias(f"{name}|{s}|relief"), money.alias(f"{name}|{s}|money")]
                terms.append(money)
            derived.append(pl.sum_horizontal(terms).alias(f"{name}|cost"))
            if head_sector in sectors:
                derived.append((pl.col(f"{name}|{head_sector}|total") - pl.col(f"a|{head_sector}|{head_country}|total")).alias(f"{name}|headline"))
        if head_sector in sectors:
            derived.append((pl.col(f"a|{head_sector}|{reference}|total") - pl.col(f"a|{head_sector}|{head_country}|total")).alias("a|headline"))
        return wide.with_columns(derived)

    banded = (["a|headline"] if head_sector in sectors else []) + ["a|committed"] + [f"{n}|{k}" for n in plans_o for k in ("cost", "headline") if k == "cost" or head_sector in sectors]
    banded += [f"{n}|{s}|{k}" for n in plans_o for s in sectors for k in ("relief", "money")]
    banded += [f"a|{s}|{cc}|gap" for s in sectors for cc in every[1:]]
    banded += [f"{n}|{s}|{cc}|gap" for n in plans_o for s in SHOWN if s in sectors for cc in every[1:]]
    first: list[pl.DataFrame] = []

    def run(frame: pl.DataFrame) -> pl.DataFrame:
        wide = frame_of(frame)
        if not first:
            first.append(wide)  # the band computation's first rows start with the central one
        return wide.select(banded)

    bands = compute_bands(run, inputs, banded)
    central = first[0].row(0, named=True)

    from speelveld.config.stateaid import load_stateaid
    from speelveld.core.stateaid import verdict

    frameworks = load_stateaid(base.config_dir).frameworks
    envelope = _envelope(base, reference)
    committed = _triple(bands, "a|committed") if reading == "netto" else (0.0, 0.0, 0.0)
    headroom = _headroom(envelope, committed)
    before_be = _break_even(base, reference, electrified)
    out = []
    for name, cfg in options.items():
        rows = []
        for s in sectors:
            ref_before, ref_after = central[f"a|{s}|{reference}|total"], central[f"{name}|{s}|total"]
            for cc in every[1:]:
                x = central[f"a|{s}|{cc}|total"]
                rows.append({"sector": s, "country": cc,
                             "gap_before_eur_per_mwh": None if ref_before is None or x is None else ref_before - x,
                             "gap_after_eur_per_mwh": None if ref_after is None or x is None else ref_after - x,
                             "sector_electricity_mwh": central[f"{s}|mwh"]})
        gaps = pl.DataFrame(rows, schema={"sector": pl.String, "country": pl.String, "gap_before_eur_per_mwh": pl.Float64, "gap_after_eur_per_mwh": pl.Float64, "sector_electricity_mwh": pl.Float64})
        cost = central[f"{name}|cost"]
        lo, hi = bands.band(f"{name}|cost")
        oy = OptionYear(
            name, base.year, base.projection, cost, _finite(lo), _finite(hi), *envelope,
            _triple(bands, "a|headline"), _triple(bands, f"{name}|headline"), gaps,
        )
        oy.share_closed_pct, oy.closed_per_100meur = _closure(gaps, cost, every[1:])
        oy.committed_meur, oy.headroom_meur, oy.reading = committed, headroom, reading
        oy.gap_bands = {(s, cc): tuple(_finite(v) for v in bands.band(f"a|{s}|{cc}|gap")) for s in sectors for cc in every[1:]}
        oy.shown = {(s, cc): (_triple(bands, f"a|{s}|{cc}|gap"), _triple(bands, f"{name}|{s}|{cc}|gap")) for s in SHOWN if s in sectors for cc in every[1:]}
        # the scenario's own cost: a budget-fixed option spends it; a tariff form costs the State
        # nothing (the other users pay); a general measure's full cost (every user) may be unknown,
        # and then the model's cost, over the modelled sectors only, is a lower bound
        info = (infos or {}).get(name)
        own = (stated or {}).get(name)
        if own is not None:
            oy.stated_cost_meur = None if own.value is None else own.value / 1e6
            oy.cost_partial = own.value is None
            if own.value is not None and (own.value == 0 or (info is not None and info.budget_fixed)):
                oy.state_cost_meur = oy.state_cost_low_meur = oy.state_cost_high_meur = own.value / 1e6
        oy.sectors = _sector_rows(base, bands, central, name, sectors)
        oy.money_useful_pct = _useful_money(gaps, oy.sectors, every[1:])
        oy.left_out = [r["sector"] for r in oy.sectors.iter_rows(named=True) if r["mwh"] is None and (r["relief"] or 0) > 0.005]
        change = gaps.with_columns((pl.col("gap_after_eur_per_mwh") - pl.col("gap_before_eur_per_mwh")).alias("d")).group_by("sector", maintain_order=True).agg(pl.col("d").mean())
        oy.gainers = [r["sector"] for r in change.iter_rows(named=True) if r["d"] is not None and r["d"] < -0.005]
        oy.losers = [r["sector"] for r in change.iter_rows(named=True) if r["d"] is not None and r["d"] > 0.005]
        oy.break_even_before, oy.break_even_after = before_be, _break_even(cfg, reference, electrified)
        oy.checks = checks_for(base, cfg, info, frameworks, reference)
        oy.verdict = verdict(oy.checks)
        if info is not None and info.lever is not None and info.lever.path in cfg.params:
            now = cfg.params[info.lever.path].central
            oy.lever_limit = info.lever.max / now if now else 1.0
        out.append(oy)
    return out


def _envelope_funded(cfg: YearConfig, sector: str, reference: str) -> bool:
    """The sector's compensation comes from a group paid from the envelope (the IKC extension)."""
    from speelveld.config.model import in_force
    from speelveld.core.lines.carbon import eligible_group

    comp = cfg.countries[reference].carbon.indirect_cost_compensation
    if comp is None or not in_force(comp, cfg.year):
        return False
    group = eligible_group(comp, cfg.sectors[sector].nace)
    return group is not None and group.within_envelope


def _headroom(envelope: tuple, committed: tuple) -> tuple:
    """The envelope less what the baseline already spends from it: its low end with the commitment
    high, its high end with the commitment low."""
    (e, e_lo, e_hi), (c, c_lo, c_hi) = envelope, committed
    if e is None or c is None:
        return (None, None, None)
    low = None if e_lo is None or c_hi is None else e_lo - c_hi
    high = None if e_hi is None or c_lo is None else e_hi - c_lo
    return (e - c, low, high)


def _sector_rows(cfg: YearConfig, bands, central: dict, name: str, sectors: list[str]) -> pl.DataFrame:
    """Per sector the relief the option gives the reference country's plant (€/MWh) and the money
    it spends on the sector (M€/yr), each with its band, and the volume behind it."""
    rows = []
    for s in sectors:
        model = cfg.sectors[s]
        vol = cfg.param_of(model, "sector_electricity_mwh") if model.sector_electricity_mwh is not None else None
        r_lo, r_hi = bands.band(f"{name}|{s}|relief")
        m_lo, m_hi = bands.band(f"{name}|{s}|money")
        mwh = central[f"{s}|mwh"]
        rows.append({"sector": s, "relief": central[f"{name}|{s}|relief"], "relief_low": _finite(r_lo), "relief_high": _finite(r_hi),
                     "money": central[f"{name}|{s}|money"] if mwh is not None else None, "money_low": _finite(m_lo) if mwh is not None else None,
                     "money_high": _finite(m_hi) if mwh is not None else None, "mwh": mwh,
                     "mwh_low": vol.low if vol is not None else None, "mwh_high": vol.high if vol is not None else None,
                     "mwh_quality": vol.quality.value if vol is not None else "unknown"})
    schema = {"sector": pl.String, "mwh_quality": pl.String} | {k: pl.Float64 for k in ("relief", "relief_low", "relief_high", "money", "money_low", "money_high", "mwh", "mwh_low", "mwh_high")}
    return pl.DataFrame(rows, schema=schema)


def _useful_money(gaps: pl.DataFrame, sectors: pl.DataFrame, neighbours: list[str]) -> dict[str, float | None]:
    """Per neighbour, the share of the option's money (over the sectors with a known volume) that
    reduces a disadvantage: relief down to parity where the reference country is dearer. The rest
    goes past parity, or to sectors where it is cheaper already."""
    spent = {r["sector"]: (r["relief"], r["mwh"]) for r in sectors.iter_rows(named=True)}
    total = sum(max(rel or 0.0, 0.0) * mwh for rel, mwh in spent.values() if mwh is not None)
    out = {}
    for cc in neighbours:
        useful = 0.0
        for g in gaps.filter(pl.col("country") == cc).iter_rows(named=True):
            rel, mwh = spent[g["sector"]]
            if mwh is None or rel is None or g["gap_before_eur_per_mwh"] is None:
                continue
            useful += min(max(rel, 0.0), max(g["gap_before_eur_per_mwh"], 0.0)) * mwh
        out[cc] = useful / total * 100 if total > 1e-9 else None
    return out


def _range(cfg: YearConfig, path: str) -> tuple:
    p = cfg.params[path]
    return (p.value, p.low, p.high, p.quality)


def _finite(x: float) -> float | None:
    return float(x) if x is not None and math.isfinite(x) else None


def _triple(bands, name: str) -> tuple[float | None, float | None, float | None]:
    if name not in bands.central:
        return (None, None, None)
    lo, hi = bands.band(name)
    return (bands.central[name], _finite(lo), _finite(hi))


def _envelope(cfg: YearConfig, reference: str) -> tuple[float | None, float | None, float | None]:
    country = cfg.countries.get(reference)
    if country is None or country.envelope is None:
        return (None, None, None)
    p = cfg.param_of(country.envelope, "budget_eur_per_year")
    low = p.low if p.low is not None else p.value
    high = p.high if p.high is not None else p.value
    return tuple(None if v is None else v / 1e6 for v in (p.central, low, high))  # type: ignore[return-value]


def _closure(gaps: pl.DataFrame, cost: float | None, neighbours: list[str]) -> tuple[dict, dict]:
    """Per neighbour: how much of the gap where NL is dearer the option closes, weighted by the
    sectors' volumes: the narrowing counts only down to parity (a gap turned round is not 'more
    closed', and narrowing a gap NL already wins on closes nothing). Returns the share of the
    dearer gaps closed (%) and the €/MWh closed per 100 M€/yr of state cost (None where the cost is
    not positive). Unlike the plain volume-weighted narrowing per euro, which equals 100 M€ ÷ the
    modelled volume for every measure, these tell measures apart."""
    shares, per_100 = {}, {}
    for cc in neighbours:
        sub = gaps.filter((pl.col("country") == cc) & pl.col("sector_electricity_mwh").is_not_null() & pl.col("gap_after_eur_per_mwh").is_not_null())
        w = sub["sector_electricity_mwh"]
        before = sub["gap_before_eur_per_mwh"].clip(lower_bound=0.0)
        narrowing = (sub["gap_before_eur_per_mwh"] - sub["gap_after_eur_per_mwh"]).clip(lower_bound=0.0)
        closed = pl.Series([min(a, b) for a, b in zip(narrowing.to_list(), before.to_list(), strict=True)], dtype=pl.Float64)
        total_w, open_gap = w.sum(), (before * w).sum()
        closed_w = (closed * w).sum()
        shares[cc] = closed_w / open_gap * 100 if open_gap else None
        per_100[cc] = (closed_w / total_w) / cost * 100 if total_w and cost is not None and cost > 1e-9 else None
    return shares, per_100


def _break_even(cfg: YearConfig, reference: str, electrified, sector: str = HEADLINE[0], technology: str = "e-boiler") -> float | None:
    """The CO2 price at which electrifying the headline sector's boiler heat breaks even in the
    reference country (central values); ``electrified`` gives the plant's electrified config."""
    from speelveld.core.business import BusinessCaseError, business_sweep_query

    if electrified is None or sector not in cfg.sectors or technology not in cfg.eu.technologies:
        return None
    try:
        other = electrified(cfg, sector, technology)
        frame = pl.LazyFrame({"scenario": [0]})
        row = business_sweep_query(cfg, other, sector, technology, [], reference, frame, frozenset()).collect().row(0, named=True)
    except BusinessCaseError:
        return None
    return row.get(f"break_even|{reference}")


def mix_year(results: list[OptionYear], neighbours: list[str], reference: str = "NL") -> OptionYear | None:
    """The best mix of one year's lawful options within its headroom (see ``core.mix``), as an
    option named ``mix`` with the same figures as the others."""
    from speelveld.core.mix import Instrument, best_mix, chance_closed

    if not results:
        return None
    # the lawful options whose whole cost is known (a general measure's full cost may not be)
    lawful = [r for r in results if r.verdict == "pass" and r.state_cost_meur is not None and r.sectors is not None and not r.cost_partial]
    first = results[0]
    gaps_before = {(g["sector"], g["country"]): g["gap_before_eur_per_mwh"] for g in first.gaps.iter_rows(named=True) if g["country"] in neighbours}
    volumes = {g["sector"]: g["sector_electricity_mwh"] for g in first.gaps.iter_rows(named=True) if g["sector_electricity_mwh"] is not None}
    instruments = [Instrument(r.option, {x["sector"]: x["relief"] or 0.0 for x in r.sectors.iter_rows(named=True)}, r.state_cost_meur, r.lever_limit) for r in lawful]
    headroom = first.headroom_meur[0] if first.headroom_meur[0] is not None else first.envelope_meur
    mix = best_mix(instruments, gaps_before, volumes, headroom or 0.0)
    rows = [{"sector": g["sector"], "country": g["country"], "gap_before_eur_per_mwh": g["gap_before_eur_per_mwh"],
             "gap_after_eur_per_mwh": None if g["gap_before_eur_per_mwh"] is None else g["gap_before_eur_per_mwh"] - mix.relief.get(g["sector"], 0.0),
             "sector_electricity_mwh": g["sector_electricity_mwh"]} for g in first.gaps.iter_rows(named=True)]
    gaps = pl.DataFrame(rows, schema=first.gaps.schema)
    head_sector, head_country = HEADLINE
    before = first.headline_before
    after = tuple(None if v is None else v - mix.relief.get(head_sector, 0.0) for v in before)
    oy = OptionYear("mix", first.year, first.projection, mix.cost_meur, None, None, first.envelope_meur, first.envelope_low_meur, first.envelope_high_meur,
                    before, after, gaps)  # type: ignore[arg-type]
    oy.committed_meur, oy.headroom_meur, oy.reading = first.committed_meur, first.headroom_meur, first.reading
    oy.share_closed_pct, oy.closed_per_100meur = _closure(gaps, mix.cost_meur, neighbours)
    oy.sectors = pl.DataFrame([{"sector": s, "relief": mix.relief.get(s, 0.0), "relief_low": None, "relief_high": None,
                                "money": None if volumes.get(s) is None else mix.relief.get(s, 0.0) * volumes[s] / 1e6, "money_low": None, "money_high": None,
                                "mwh": volumes.get(s), "mwh_low": None, "mwh_high": None, "mwh_quality": None} for s in sorted({g["sector"] for g in rows})],
                              schema=first.sectors.schema if first.sectors is not None else None)
    oy.money_useful_pct = _useful_money(gaps, oy.sectors, neighbours)
    oy.verdict = "pass" if lawful else "n/a"
    oy.mix = mix
    oy.shown = {k: (before_, tuple(None if v is None else v - mix.relief.get(k[0], 0.0) for v in before_)) for k, (before_, _) in first.shown.items()}
    # the band of each gap before, read as a uniform spread: the chance the mix's relief closes it
    for (s, cc), g in gaps_before.items():
        low, high = first.gap_bands.get((s, cc), (None, None))
        oy.chance_closed[(s, cc)] = chance_closed(mix.relief.get(s, 0.0), low, high, g) if g is not None else None
    return oy
