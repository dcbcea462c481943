"""The application layer between the command line and the core: opening a price year, choosing
years and countries, and the warnings of a run, returned rather than printed. Notebooks and the
CLI share it; it imports the config loader and the engine only when called."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from speelveld.errors import UsageProblem
from speelveld.hints import did_you_mean
from speelveld.said import said, said_of, tail

if TYPE_CHECKING:
    from speelveld.config.resolved import YearConfig


def available_years(config_dir: Path, projections: bool = False) -> list[int]:
    from speelveld.config.load import available_years as years

    return years(config_dir, projections)


def default_config_dir() -> Path:
    from speelveld.config.load import default_config_dir as shipped

    return shipped()


def resolve_year(config_dir: Path, year: int | None) -> int:
    """The price year asked for (a projection year too), or by default the latest price year."""
    years = available_years(config_dir)
    if not years:
        raise UsageProblem('--config-dir: ' + said("price_year_folders_2026", folder=config_dir))
    if year is None:
        return years[-1]
    every = available_years(config_dir, projections=True)
    if year not in every:
        if year > max(every):
            raise UsageProblem('--year: ' + said("configs_available_build_speelveld", year=year, years=', '.join(map(str, every)), to=year))
        raise UsageProblem('--year: ' + said("no_configs_for", year=year, years=', '.join(map(str, every))))
    return year


def open_year(config_dir: Path | None, year: int | None, sets: list[str] | None, scenario: str | None = None) -> tuple[YearConfig, list[str]]:
    """The configs of a price year with --set overrides and a scenario, and notices for the user
    (a copied year folder that is not read)."""
    from speelveld.config.load import load_year, parse_override, stray_year_folders

    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem('--config-dir: ' + said("not_directory", folder=config_dir))
    year = resolve_year(config_dir, year)
    notices = [
        f'{config_dir / name}: ' + said("not_read_price_year")
        for name in stray_year_folders(config_dir)
    ]
    overrides = [parse_override(s) for s in sets or []]
    cfg = load_year(config_dir, year, overrides, scenario=scenario)
    from speelveld.config.overrides import moved_with, origin_of_note, path_of_note

    moved = [o for o in cfg.overrides if moved_with(origin_of_note(o)) is not None]
    if moved:
        lead = moved_with(origin_of_note(moved[0]))
        notices.append(said("moved_same_change_market", paths=', '.join(path_of_note(o) for o in moved), lead=lead))
    return cfg, notices + budget_notices(cfg)


def budget_notices(cfg: YearConfig) -> list[str]:
    """A notice per country whose ETS indirect-cost compensation claims (those of the modelled
    sectors, at central values) exceed the budget of the round that pays them: the engine then
    pays every claim pro rata (a line of its own in every result)."""
    from speelveld.core.closing import ikc_pro_rata

    notices = []
    for country in sorted(cfg.countries):
        claimed = ikc_pro_rata(cfg, country)
        if claimed is None or claimed[2] is None:
            continue
        claims, budget, share = claimed
        pct = f"{share:.1f}" if share >= 99.5 else f"{share:.0f}"  # 99.6 % is no "100 %"
        notices.append(
            f'{country}: ' + said("ets_indirect_cost_compensation", claims=f'{claims:,.1f}', budget=f'{budget:,.1f}', share=pct)
        )
    return notices


def previous_year(cfg: YearConfig) -> tuple[YearConfig | None, list]:
    from speelveld.config.load import load_year
    from speelveld.config.yamlload import ConfigError

    if cfg.year - 1 not in available_years(cfg.config_dir, projections=True):
        return None, []
    try:
        return load_year(cfg.config_dir, cfg.year - 1, []), []
    except ConfigError:
        from speelveld.config.sanity import Warning

        return None, [Warning("changes", "w_previous_broken", {"previous": cfg.year - 1, "year": cfg.year})]


def strict_kinds(strict: str | None) -> set[str]:
    from speelveld.config.sanity import KINDS

    if strict is None:
        return set()
    kinds = {k.strip().lower() for k in strict.split(",") if k.strip()}
    if "all" in kinds:
        return set(KINDS)
    unknown = kinds - set(KINDS)
    if unknown or not kinds:
        raise UsageProblem(f'--strict {strict}: ' + said("give_more_comma_separated", kinds=', '.join(KINDS)))
    return kinds


def warnings_for(cfg: YearConfig, strict: str | None, result=None, lang: str = "nl", varies=()) -> list:
    """The warnings of a run (config.sanity.Warning), for suspicious but legal input; the kinds
    named by ``strict`` raise ConfigError instead (exit 2 on the command line), worded in ``lang``.
    ``varies``: a sweep's varied parameters, whose ranges are checked as the config's values are."""
    from speelveld.config.sanity import estimates_in_totals, incomplete_gaps, missing_countries, vary_ranges, year_over_year
    from speelveld.config.yamlload import ConfigError
    from speelveld.report.labels import warning_text

    fail = strict_kinds(strict)
    previous, notices = previous_year(cfg)
    warnings = notices + missing_countries(cfg, previous) + year_over_year(cfg, previous) + vary_ranges(cfg, varies)
    if result is not None:
        warnings += estimates_in_totals(result.lines) + incomplete_gaps(result.totals)
    errors = [f"{warning_text(lang, w)} [--strict {w.kind}]" for w in warnings if w.kind in fail]
    if errors:
        raise ConfigError(errors)
    return warnings


def pick(kind: str, option: str, given: str, available: list[str]) -> str:
    if given in available:
        return given
    extra = did_you_mean(given, available, cutoff=0.5)
    raise UsageProblem(f"{option}: " + said({"sector": "unknown_sector_available", "country": "unknown_country_available"}[kind],
                                            given=given, hint=extra, available=", ".join(available)))


WALLONIA = frozenset({"BE-WAL", "BE-WA", "WAL", "WALLONIE", "WALLONIA", "WALLONIEN"})


def pick_countries(cfg: YearConfig, reference: str, countries: str | None) -> list[str]:
    """The reference first, then the chosen countries (default: DE, BE, FR, then the rest)."""
    available = sorted(cfg.countries)
    reference = pick("country", "--reference", reference.strip().upper(), available)
    if countries:
        for c in countries.split(","):
            if c.strip().upper().replace("Ë", "E") in WALLONIA and "BE" in available:
                raise UsageProblem(f'--countries: {c.strip()}: ' + said("wallonia_not_modelled_follows"))
        chosen = [pick("country", "--countries", c.strip().upper(), available) for c in countries.split(",") if c.strip()]
    else:
        preferred = ["DE", "BE", "FR"]
        chosen = [c for c in preferred if c in available] + [c for c in available if c not in preferred]
    return [reference] + [c for c in chosen if c != reference]


def diff_years(dir_a: Path, dir_b: Path, year: int | None, vs: int | None, other_dir: bool) -> tuple[int, int]:
    """The two years of `diff`: --vs (default the latest) and --year (default the one before it,
    or the same year when comparing two config directories)."""
    year_b = resolve_year(dir_b, vs)
    if year is None:
        if other_dir:
            year_a = resolve_year(dir_a, year_b)
        else:
            earlier = [y for y in available_years(dir_a) if y < year_b]
            if not earlier:
                raise UsageProblem('--year: ' + said("price_year_before_give", year=year_b, folder=dir_a))
            year_a = earlier[-1]
    else:
        year_a = resolve_year(dir_a, year)
    if year_a == year_b and not other_dir:
        raise UsageProblem('--vs: ' + said("same_year_year_give", year=year_b))
    return year_a, year_b


def electrified_loader(sets: list[str] | None = None):
    """A function giving a config's plant with its boiler heat electrified (the business case's
    second plant), read with the same --set overrides and scenario."""
    from speelveld.config.load import Override, load_year, parse_override
    from speelveld.core.business import electrification, electrified_values

    overrides = [parse_override(s) for s in sets or []]

    def electrified(cfg: YearConfig, sector: str, technology: str) -> YearConfig:
        e = electrification(cfg, sector, technology)
        extra = [Override(path, value, "business case") for path, value in electrified_values(cfg, sector, e)]
        return load_year(cfg.config_dir, cfg.year, overrides + extra, scenario=cfg.scenario)

    return electrified


def options_over_years(config_dir: Path, years: list[int], names: list[str], sets: list[str] | None, reference: str, countries: str | None,
                       business_years: set[int], reading: str = "netto", mix: bool = False) -> tuple[list, list[str]]:
    """Every spending option over ``years`` (`speelveld opties`) and the run's notices. The years
    are independent, so they are computed in parallel processes when the machine has more than one
    core (measured on 2 cores: 6 options × 5 years in about half the time of one process)."""
    workers = _processes()
    jobs = [(config_dir, y, names, sets, reference, countries, y in business_years, reading, mix) for y in years]
    if workers < 2 or len(jobs) < 2:
        parts = [_options_of_year(*job) for job in jobs]
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # a fork server that has imported the engine once: children start fast, and polars' thread
        # pool is never copied into a child half-initialised (as a plain fork of this process could)
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["speelveld.core.options", "speelveld.config.load"])
        with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=ctx) as pool:
            parts = list(pool.map(_options_of_year, *zip(*jobs, strict=True)))
    order = {n: i for i, n in enumerate([*names, "mix"])}
    results, notices = [], []
    for found, told in parts:
        results += found
        notices += [n for n in told if n not in notices]
    return sorted(results, key=lambda r: (r.year, order[r.option])), notices


def _processes() -> int:
    """How many processes `opties` may use: SPEELVELD_PROCESSES (1 keeps it in this process, e.g.
    on a shared server), else the machine's cores."""
    import os

    given = os.environ.get("SPEELVELD_PROCESSES", "").strip()
    return max(1, int(given)) if given.isdigit() else (os.cpu_count() or 1)


def _options_of_year(config_dir: Path, year: int, names: list[str], sets: list[str] | None, reference: str, countries: str | None, business: bool,
                     reading: str = "netto", mix: bool = False):
    from speelveld.config.scenario import instrument_problems, load_scenario
    from speelveld.config.yamlload import ConfigError
    from speelveld.core.options import mix_year, options_year

    base, notices = open_year(config_dir, year, sets)
    chosen = pick_countries(base, reference, countries)
    scenarios = {n: load_scenario(config_dir, n) for n in names}
    options = {}
    for name, sc in scenarios.items():
        if sc.applies_to(year):
            options[name], said = open_year(config_dir, year, sets, name)
            notices += [n for n in said if n not in notices]
    if not options:
        return [], notices
    problems = [p for n in options for p in instrument_problems(scenarios[n], options[n].params, chosen[0])]
    if problems:
        raise ConfigError(problems)
    found = options_year(base, options, chosen[0], chosen[1:], infos={n: sc.option for n, sc in scenarios.items()},
                         electrified=electrified_loader(sets) if business else None, reading=reading,
                         stated={n: sc.state_cost for n, sc in scenarios.items() if sc.state_cost is not None})
    if mix:
        best = mix_year(found, chosen[1:], chosen[0])
        if best is not None:
            found.append(best)
    return found, notices


def sweep(cfg: YearConfig, sector: str, vary: list[str] | str = (), *, samples: int | None = None, seed: int = 1, link: list[str] | str = (),
          corr: list[str] | str = (), countries: list[str] | str | None = None, reference: str = "NL", bands: str | None = None, notes: bool = False):
    """A sweep as `speelveld sweep` computes it, for notebooks: a polars LazyFrame with a row per
    scenario (the varied and linked parameters, each country's total and gap in €/MWh); call
    ``.collect()`` for a DataFrame or ``.sink_parquet(path)`` to stream it. The same steps as the
    command line: the EUA prices move together, budgets are cut per row, draws follow the seed.

        import speelveld as sv
        cfg = sv.load_year(sv.default_config_dir(), 2026)
        df = sv.sweep(cfg, "chemie", ["eu.eua_price_eur_per_t=uniform(60,160)"], samples=10_000).collect()

    With ``notes=True`` the rows are computed and returned with the notes the command prints and
    its manifest carries (a DataFrame and a dict: budget_binding_pct per country, clipped_pct per
    normal draw, held_at_central and left_out lines)."""
    from speelveld.core.sweep import SweepError, plan_sweep, sweep_query

    as_list = (lambda x: [x] if isinstance(x, str) else list(x or []))  # noqa: E731
    chosen = pick_countries(cfg, reference, ",".join(as_list(countries)) if countries else None)
    # the checks and steps of the command line (core.sweep.plan_sweep): what the notebook set in
    # load_year stays as set, and no varied EUA price moves it
    try:
        plan = plan_sweep(cfg, sector, chosen, as_list(vary), as_list(link), as_list(corr), bands, samples)
    except SweepError as exc:
        raise SweepError(as_arguments(said_of(exc))) from None
    query = sweep_query(cfg, sector, chosen[1:], chosen[0], plan.varies, plan.n, seed, plan.samples, plan.links, plan.chol)
    if not notes:
        return query
    from speelveld.core.sweep_results import left_out_lines, sweep_notes

    frame = query.collect()
    varied = {v.path for v in plan.varies} | {x.target for x in plan.links}
    return frame, sweep_notes(frame, plan, left_out_lines(cfg, sector, chosen[1:], chosen[0], varied))


# The command line's options as a notebook names them: the place in front of a sweep's problem.
_ARGUMENTS = {"--vary": "vary", "--link": "link", "--corr": "corr", "--samples": "samples", "--bands": "bands", "--set": "load_year"}
# and as a message names them (an option is a field of the message, so it can be named either way)
_IN_MESSAGES = {"--samples N": "samples=N", "--vary": "vary", "--bands": "bands=", "--set": "load_year(…, overrides)"}


def as_arguments(text: str) -> str:
    """A sweep's problem placed by the notebook's argument (`vary '…'`) instead of the command
    line's option (`--vary …`), and the options the message names inside it named the same way."""
    head, sep, _ = str(text).partition(": ")
    option, _, given = head.partition(" ")
    if not sep or option not in _ARGUMENTS:
        return text
    place = _ARGUMENTS[option] + (f" {given!r}" if given else "") + ": "
    message = tail(text, len(head) + len(sep))
    for cli, argument in _IN_MESSAGES.items():
        message = message.replace(cli, argument)
    return place + message


def summarise(rows, metric: str = "gap_eur_per_mwh"):
    """The summary `speelveld sweep` prints, for a sweep's rows in a notebook (`sv.sweep(...)`, or
    a file it wrote read with `pl.scan_parquet`): a DataFrame of the distribution per country
    (min, p5, median, p95, max, mean, share_positive_pct) and the tornado (parameter, country,
    swing_eur_per_mwh, largest first)::

        dist, tornado = sv.summarise(sv.sweep(cfg, "chemie", bands="uniform", samples=100_000))

    A parameter with at most 20 distinct values is read as a grid, any other as draws. Unlike the
    command, it does not know which parameters cannot reach a gap: their swing is sampling noise
    near 0 rather than 0."""
    from speelveld.core.sweep_results import summarise_rows

    return summarise_rows(rows, metric)


def long(rows):
    """A sweep's rows in long form, lazily: one row per scenario and country, with the columns
    `total_eur_per_mwh`, `gap_eur_per_mwh` and `budget_cut_eur_per_mwh` without their `|CC`::

        sv.long(pl.scan_parquet("s.parquet")).sink_parquet("s_long.parquet")
    """
    from speelveld.core.sweep_results import long_layout

    return long_layout(rows)


def options(config_dir: Path | None = None, years: list[int] | range | None = None, names: list[str] | None = None, *, mix: bool = False,
            reading: str = "netto", reference: str = "NL", countries: str | None = None):
    """The spending options as `speelveld opties --format csv` gives them, for notebooks: a polars
    DataFrame in long form (option, year, variable, sector, country, value, low, high, unit), the
    best mix as the option named ``mix`` when asked::

        import speelveld as sv
        df = sv.options(years=[2029], mix=True)
        df.filter(df["variable"] == "state_cost")
    """
    from speelveld.config.scenario import available_scenarios, load_scenario
    from speelveld.report.output import options_rows

    config_dir = config_dir or default_config_dir()
    every = available_years(config_dir, projections=True)
    chosen = list(years) if years is not None else [y for y in every if y >= available_years(config_dir)[-1]]
    names = names or [n for n in available_scenarios(config_dir) if load_scenario(config_dir, n).option is not None]
    results, _ = options_over_years(config_dir, chosen, names, None, reference, countries, set(), reading, mix)
    return options_rows(results)


def scenarios(config_dir: Path | None = None):
    """The scenarios of a config directory as a polars DataFrame: name, title, years, and whether it
    is a spending option of the envelope (with its instruments and their state-aid frameworks)."""
    import polars as pl

    from speelveld.config.scenario import available_scenarios, load_scenario

    config_dir = config_dir or default_config_dir()
    rows = []
    for name in available_scenarios(config_dir):
        sc = load_scenario(config_dir, name)
        rows.append({"scenario": name, "title": sc.title, "years": sc.years, "option": sc.option is not None,
                     "instruments": [p.instrument for p in sc.option.parts] if sc.option else [],
                     "basis": sc.option.basis if sc.option else []})
    return pl.DataFrame(rows, schema={"scenario": pl.String, "title": pl.String, "years": pl.List(pl.Int64), "option": pl.Boolean,
                                      "instruments": pl.List(pl.String), "basis": pl.List(pl.String)})


FIXED_LINES = ("network.capacity", "network.fixed", "network.monthly_peak", "network.yearly_peak", "tax.cta")
DIRECT_CO2_LINES = ("carbon.ets_direct", "carbon.co2_levy")


def hybrid_case(cfg: YearConfig, sector: str, countries: list[str], co2_prices: list[float] | None = None, capacity_shares: list[float] = (1.0,)):
    """The hybrid e-boiler of ``sector`` per country on the year's hourly prices (see
    core.hybrid): the costs per country from the engine, the dispatch over a grid of CO2 prices,
    and the engine's own bill at the year's CO2 price for what a linear sum misses. Returns the
    dispatch frame, the per-country costs, the plant, and the year's EUA price."""
    import polars as pl

    from speelveld.config.hourly import year_prices
    from speelveld.config.load import Override, load_year
    from speelveld.core.business import electrification, electrified_values
    from speelveld.core.compute import compare
    from speelveld.core.hybrid import CountryCosts, Plant, dispatch

    prices = year_prices(cfg.year)
    e = electrification(cfg, sector, "e-boiler")
    eu = cfg.eu
    electrified = load_year(cfg.config_dir, cfg.year, [Override(p, v, "business case") for p, v in electrified_values(cfg, sector, e)], scenario=cfg.scenario)
    plant_now = compare(cfg, [sector], countries, reference=countries[0], gas=True)
    before, after = plant_now.lines, compare(electrified, [sector], countries, reference=countries[0], gas=True).lines

    def delta(cc: str) -> dict[str, float]:
        a = {r["key"]: r["eur_per_year"] or 0.0 for r in before.filter(pl.col("country") == cc).iter_rows(named=True)}
        b = {r["key"]: r["eur_per_year"] or 0.0 for r in after.filter(pl.col("country") == cc).iter_rows(named=True)}
        families = {r["key"]: r["subtotal"] for r in after.filter(pl.col("country") == cc).iter_rows(named=True)}
        return {k: (b.get(k, 0.0) - a.get(k, 0.0), families.get(k)) for k in set(a) | set(b)}

    def central(model, name):
        return cfg.param_of(model, name).central

    tech, boiler = eu.technologies["e-boiler"], eu.technologies["gas-boiler"]
    r = central(eu, "discount_rate_pct") / 100
    hours = prices.height
    heat_mw = e.heat_mwh / hours

    def annuity(t, kw: float) -> float:
        n = central(t, "lifetime_years")
        return kw * (central(t, "capex_eur_per_kw") * r / (1 - (1 + r) ** (-n)) + central(t, "fixed_om_eur_per_kw_year"))

    plant = Plant(e.heat_mwh, hours, central(tech, "efficiency_pct") / 100, central(boiler, "efficiency_pct") / 100,
                  central(eu, "gas_emission_factor_t_per_mwh"), annuity(tech, heat_mw * 1000), annuity(boiler, heat_mw * 1000))
    costs = []
    baseload_capacity_kw = e.capacity_kw / plant.efficiency_electric  # the engine's added electric capacity at the plant's hours
    for cc in countries:
        d = delta(cc)
        variable = sum(v for k, (v, fam) in d.items() if fam == "electricity" and k != "commodity.wholesale" and not k.startswith(FIXED_LINES))
        fixed = sum(v for k, (v, fam) in d.items() if k.startswith(FIXED_LINES))
        gas = -sum(v for k, (v, fam) in d.items() if fam == "gas")
        costs.append(CountryCosts(cc, variable / e.electricity_mwh, fixed * (heat_mw * 1000 / plant.efficiency_electric) / baseload_capacity_kw,
                                  gas / e.gas_saved_mwh, central(cfg.countries[cc].commodity, "baseload_eur_per_mwh")))
    eua = central(eu, "eua_price_eur_per_t")
    grid = sorted({*(co2_prices if co2_prices is not None else [float(x) for x in range(0, 1001)]), eua})
    at_eua = dispatch(prices, costs, plant, [eua], [1.0])  # the hybrid the engine checks below
    # the engine's own bill of the hybrid at the year's CO2 price: what the linear sum misses
    model = cfg.sectors[sector]
    q = central(model, "consumption_mwh")
    h = central(model, "utilisation_hours") if model.utilisation_hours is not None else q * 1000 / central(model, "contracted_capacity_kw")
    adjusted = []
    plant_bill = {r2["country"]: r2["total_eur_per_year"] for r2 in plant_now.totals.iter_rows(named=True)}
    for c in costs:
        row = at_eua.filter(pl.col("country") == c.country).row(0, named=True)
        extra = row["electricity_mwh"]
        if extra <= 0:
            adjusted.append(c)
            continue
        peak_mw = q / h + heat_mw / plant.efficiency_electric
        sets = [Override(f"sectors.{sector}.consumption_mwh", q + extra, "hybrid"), Override(f"sectors.{sector}.utilisation_hours", (q + extra) / peak_mw, "hybrid")]
        hybrid_cfg = load_year(cfg.config_dir, cfg.year, sets, scenario=cfg.scenario)
        bill = compare(hybrid_cfg, [sector], [c.country], reference=c.country).totals.filter(pl.col("country") == c.country).row(0, named=True)["total_eur_per_year"]
        engine_extra = bill - plant_bill[c.country] - extra * c.baseload_eur_per_mwh  # without its wholesale at baseload
        linear = c.variable_eur_per_mwh * extra + c.fixed_eur_per_year
        adjusted.append(CountryCosts(c.country, c.variable_eur_per_mwh, c.fixed_eur_per_year, c.gas_eur_per_mwh, c.baseload_eur_per_mwh, max(engine_extra - linear, 0.0)))
    frame = dispatch(prices, adjusted, plant, grid, list(capacity_shares))
    return frame, adjusted, plant, eua
