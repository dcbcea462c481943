"""Policy: `toets`, `sweep`, `opties`, `close-gap` and `business-case`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from speelveld.app import pick, pick_countries
from speelveld.cli.common import (
    BandShape,
    ConfigDirOpt,
    CountriesOpt,
    Fmt,
    FormatOpt,
    Lang,
    LangOpt,
    OutOpt,
    ReferenceOpt,
    ScenarioOpt,
    SetOpt,
    StrictOpt,
    Technology,
    YearOpt,
    app,
    available_years,
    check_targets,
    check_warnings,
    check_writable,
    command_line,
    default_config_dir,
    emit,
    err,
    load,
    load_scenario,
    load_year,
    manifest,
    out,
    output_format,
    parquet_metadata,
    parse_override,
    parse_years,
    policy_check,
    run_compare,
    say,
    status_text,
    summarise,
    sweep_query,
    user_errors,
    write_atomic,
    write_file,
)
from speelveld.errors import UsageProblem
from speelveld.said import said, said_of


@app.command()
@user_errors
def toets(
    scenario: Annotated[str, typer.Option("--scenario", metavar="NAME", help="The scenario to check (see `speelveld list`).")],
    year: YearOpt = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    set_: SetOpt = None,
    fmt: FormatOpt = Fmt.table,
    out_file: OutOpt = None,
    excel: Annotated[Path | None, typer.Option("--excel", metavar="FILE.xlsx", help="Also write the check as a workbook: per sector and country the gap before, after and its change, each with its band, and the cost to the state.", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
    strict: StrictOpt = None,
):
    """The standard policy check: every sector and country, the gap before and after a scenario,
    the change, and the measure's cost to the state where the scenario states it."""
    import polars as pl

    fmt = output_format(fmt, out_file)
    check_targets(out_file, excel)
    base_cfg = load(config_dir, year, set_)
    sc_cfg = load(config_dir, base_cfg.year, set_, scenario)
    sc = load_scenario(base_cfg.config_dir, scenario)
    chosen = pick_countries(base_cfg, reference, countries)
    sectors = sorted(base_cfg.sectors)
    check = policy_check(base_cfg, sc_cfg, sectors, chosen[1:], chosen[0])
    from speelveld.core.closing import state_cost

    cost = state_cost(check, base_cfg, chosen[0], sc_cfg)
    check_warnings(sc_cfg, strict, check.scenario, lang=lang.value)
    if excel is not None:
        from speelveld.report.excel import write_toets_workbook

        write_file(excel, lambda p: write_toets_workbook(p, sc, check.table, cost, base_cfg.year, chosen[0], manifest(sc_cfg, command_line()), lang.value))
    from speelveld.report.command_tables import toets_parts

    meta = manifest(sc_cfg, command_line())
    flat = check.table.with_columns(pl.col(pl.List(pl.String)).list.join("; "))  # CSV holds no lists
    computed = {
        "meur_per_year": cost.meur_per_year, "low_meur_per_year": cost.low_meur_per_year, "high_meur_per_year": cost.high_meur_per_year,
        "sectors": cost.sectors, "left_out": cost.left_out, "ikc_claims_meur_per_year": cost.ikc_claims_meur_per_year,
        "ikc_budget_meur_per_year": cost.ikc_budget_meur_per_year, "ikc_pro_rata_pct": cost.ikc_pro_rata_pct,
        "ikc_paid_pro_rata": cost.paid_pro_rata,
        "meur_per_year_per_eur_per_mwh_closed": cost.per_gap_closed,
        "share_of_gaps_closed_pct": cost.share_closed_pct,
    }
    emit(fmt, flat, meta, out_file, lambda: toets_parts(sc, check.table, cost, base_cfg.year, chosen[0], lang.value),
         {"run": meta, "scenario": sc.name, "rows": check.table.to_dicts(), "state_cost_model": computed})


@app.command()
@user_errors
def sweep(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype.")],
    vary: Annotated[
        list[str] | None,
        typer.Option(
            "--vary", metavar="PATH=SPEC",
            help="PATH=SPEC, repeatable. SPEC is start:stop:step (stop included), a list a,b,c, "
            "uniform(low,high), normal(mean,sd), or band (uniform within the band the config gives). PATH as for --set; "
            "'sector.' means the chosen sector.",
            show_default=False,
        ),
    ] = None,
    bands: Annotated[
        BandShape | None,
        typer.Option(
            "--bands",
            help="Draw every input with a band in the configs within its band (uniform, or triangular around the central value), "
            "the wholesale prices correlated as their monthly averages were; prints the chance that the reference is dearer. "
            "Default --samples 10000.",
            show_default=False,
        ),
    ] = None,
    link: Annotated[
        list[str] | None,
        typer.Option(
            "--link", metavar="TARGET=SOURCE",
            help="Let TARGET follow a varied SOURCE by the same change (TARGET=SOURCE), or by the same factor "
            "(TARGET=SOURCE*), e.g. DE.commodity.baseload_eur_per_mwh=NL.commodity.baseload_eur_per_mwh. Repeatable.",
            show_default=False,
        ),
    ] = None,
    corr: Annotated[
        list[str] | None,
        typer.Option("--corr", metavar="A,B=RHO", help="Correlate the normal draws of A and B, e.g. NL...baseload,DE...baseload=0.9. Repeatable.", show_default=False),
    ] = None,
    samples: Annotated[int | None, typer.Option("--samples", metavar="N", min=1, help="Random draws instead of the full grid (needed for uniform/normal).", show_default=False)] = None,
    seed: Annotated[int | None, typer.Option("--seed", metavar="N", min=0, help="Seed of the random draws (same seed, same draws; default 1).", show_default=False)] = None,
    year: YearOpt = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    set_: SetOpt = None,
    scenario: ScenarioOpt = None,
    out_file: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write every scenario to .parquet, .csv or .xlsx (streamed for parquet/csv).", show_default=False)] = None,
    business: Annotated[Technology | None, typer.Option("--business-case", help="Sweep the electrification business case of this technology instead of the gap: the break-even CO2 price per country.", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
    strict: StrictOpt = None,
):
    """Sensitivity sweep: vary parameters over a grid or random draws, computed as one vectorised
    query; prints per country the distribution of the gap and which parameter moves it most."""
    import time

    import polars as pl

    from speelveld.core.sweep import XLSX_ROWS, fixed_paths, plan_sweep, resolve_path
    from speelveld.core.sweep_results import left_out_lines, reaches, sweep_notes
    from speelveld.report.command_tables import share_text, sweep_tables
    from speelveld.report.output import manifest_json, sidecar

    if out_file is not None:
        if out_file.suffix not in (".parquet", ".csv", ".xlsx"):
            raise UsageProblem(f'--out {out_file}: ' + said("use_parquet_csv_xlsx"))
        check_writable(out_file)
    cfg = load(config_dir, year, set_, scenario)
    sector = pick("sector", "--sector", sector, sorted(cfg.sectors))
    chosen = pick_countries(cfg, reference, countries)
    set_paths = {resolve_path(s.split("=", 1)[0].strip(), cfg, sector, "--set") for s in set_ or [] if "=" in s}
    plan = plan_sweep(cfg, sector, chosen, list(vary or []), list(link or []), list(corr or []), bands.value if bands else None, samples, set_paths | fixed_paths(cfg))
    varies, links, chol, n, samples = plan.varies, plan.links, plan.chol, plan.n, plan.samples
    # the sector's own comparison warns as compare does (its estimates, its open gaps; errors under
    # --strict), and the --vary ranges are judged as the config's values (far from them: changes)
    check_warnings(cfg, strict, run_compare(cfg, [sector], chosen[1:], reference=chosen[0]), lang=lang.value, varies=plan.given)
    L = lang.value
    if out_file is not None and out_file.suffix == ".xlsx" and n > XLSX_ROWS:
        raise UsageProblem(f"--out {out_file}: " + said("scenarios_more_than_workbook", n=f"{n:,}", rows=f"{XLSX_ROWS:,}"))
    random = any(not v.is_grid for v in varies) or bool(samples)
    if seed is not None and not random:
        say("warning", said("seed_grid_without_samples"))
    seed = 1 if seed is None else seed
    meta = manifest(cfg, command_line()) | {
        "sector": sector, "reference": chosen[0], "countries": chosen[1:], "scenarios": n, "samples": samples,
        "seed": seed if random else None, "vary": list(vary or []), "link": [x.given for x in links],
        "corr": list(corr or []), "bands": bands.value if bands else None,
    }
    varied = {v.path for v in varies} | {x.target for x in links}
    left_out = left_out_lines(cfg, sector, chosen[1:], chosen[0], varied)
    # the notes known before computing; the budget's binding share, which the rows give, is added
    # to each file's manifest once they are written
    meta["notes"] = notes = sweep_notes(pl.DataFrame(), plan, left_out)
    counted = False  # whether notes counts the rows (the budget's binding share) yet
    metric = "gap_eur_per_mwh"
    if business is None:
        query = sweep_query(cfg, sector, chosen[1:], chosen[0], varies, n, seed, samples, links, chol)
    else:
        from speelveld.config.load import Override
        from speelveld.core.business import BusinessCaseError, business_sweep_query, electrification, electrified_values
        from speelveld.core.sweep import scenario_frame

        try:
            e = electrification(cfg, sector, business.value)
            extra = [Override(path, value, "business case") for path, value in electrified_values(cfg, sector, e)]
            electrified = load_year(cfg.config_dir, cfg.year, [parse_override(s) for s in set_ or []] + extra, scenario=scenario)
            moved = frozenset(v.path for v in varies) | frozenset(x.target for x in links)
            query = business_sweep_query(cfg, electrified, sector, business.value, chosen[1:], chosen[0], scenario_frame(varies, n, seed, samples, links, chol), moved)
        except BusinessCaseError as exc:
            raise UsageProblem(said_of(exc)) from None
        metric = "break_even"
    started = time.perf_counter()
    from speelveld.report.labels import num

    with err.status(status_text("st_computing", n=num(n, 0, L)), spinner="dots") as status:
        if out_file is None:
            results = _collect_with_progress(query, n, status, L, started).lazy()
        elif out_file.suffix == ".parquet":
            notes = _sink_parquet_with_notes(query, out_file, meta, plan, left_out)
            counted = True
            results = pl.scan_parquet(out_file)
        elif out_file.suffix == ".csv":
            write_atomic(out_file, lambda p: query.sink_csv(p))
            results = pl.scan_csv(out_file)
            meta["notes"] = notes = sweep_notes(results, plan, left_out)
            counted = True
            write_atomic(sidecar(out_file), lambda p: p.write_text(manifest_json(meta), encoding="utf-8"))
        else:
            frame = query.collect()
            from speelveld.report.output import write_frame_xlsx

            meta["notes"] = notes = sweep_notes(frame, plan, left_out)
            counted = True
            status.update(status_text("st_writing_rows", n=num(n, 0, L), file=out_file.name))
            write_atomic(out_file, lambda p: write_frame_xlsx(frame, p, meta))
            results = frame.lazy()
        status.update(status_text("st_summarising"))
        reach = reaches(cfg, sector, chosen[1:], chosen[0], varies, links)
        dist, tornado = summarise(results, varies, chosen[1:] if business is None else chosen, reach if business is None else None, metric)
        outside = None
        if bands is not None and business is None:
            # the band of compare/opties takes every wholesale price high or low together; the draws move
            # them with their measured correlation: how many draws fall outside that band, per country
            totals = run_compare(cfg, [sector], chosen[1:], reference=chosen[0]).totals
            edges = {r["country"]: (r["gap_low_eur_per_mwh"], r["gap_high_eur_per_mwh"]) for r in totals.iter_rows(named=True)}
            outside = {cc: results.select(((pl.col(f"gap_eur_per_mwh|{cc}") < lo - 1e-9) | (pl.col(f"gap_eur_per_mwh|{cc}") > hi + 1e-9)).mean() * 100).collect().item()
                       for cc, (lo, hi) in edges.items() if lo is not None and hi is not None and cc != chosen[0]}
        if business is None and not counted:
            notes = sweep_notes(results, plan, left_out)
    elapsed = time.perf_counter() - started
    for part in sweep_tables(sector, cfg.year, n, elapsed, out_file, dist, tornado, varies, links, chol is not None, chosen, left_out, L, metric, bands.value if bands else None):
        out.print(part)
    if notes["budget_binding_pct"]:
        from speelveld.report.labels import country_name, num, t

        out.print(t(L, "tx_budget_binding", items="; ".join(f"{country_name(L, cc, short=True)} {share_text(v, L)}" for cc, v in notes["budget_binding_pct"].items())), style="dim")
    if outside:
        from speelveld.report.labels import country_name, num, t

        out.print(t(L, "tx_outside_band", items="; ".join(f"{country_name(L, cc, short=True)} {num(v, 1, L)} %" for cc, v in outside.items())), style="dim")


def _sink_parquet_with_notes(query, out_file: Path, meta: dict, plan, left_out) -> dict:
    """The sweep's rows to Parquet, with the whole manifest in the file's metadata: the share of
    scenarios in which a budget binds is known only once the rows are, and a Parquet file's
    metadata is written with them, so the rows are streamed once more into the file the reader
    gets (only when the sweep has a budget to count). Returns the notes."""
    import polars as pl

    from speelveld.core.sweep_results import sweep_notes
    from speelveld.fileio import write_atomic

    def write(tmp: Path) -> None:
        query.sink_parquet(tmp, metadata=parquet_metadata(meta))
        rows = pl.scan_parquet(tmp)
        cuts = [c for c in rows.collect_schema().names() if c.startswith("budget_cut_eur_per_mwh|")]
        meta["notes"] = sweep_notes(rows.select(cuts), plan, left_out)
        if cuts:
            again = tmp.with_name(tmp.name + ".notes")
            try:
                rows.sink_parquet(again, metadata=parquet_metadata(meta))
                again.replace(tmp)
            finally:
                again.unlink(missing_ok=True)

    write_atomic(out_file, write)
    return meta["notes"]


SWEEP_CHUNK = 1_000_000  # scenarios per step of a long sweep, so that it can say how far it is


def _collect_with_progress(query, n: int, status, lang: str, started: float):
    """The sweep's rows; a sweep of more than two steps is computed a step at a time (the draws
    are tied to the scenario's index, so the rows are the same), saying after each how many are
    done and about how long the rest takes."""
    import time

    import polars as pl

    from speelveld.report.labels import num

    if n <= 2 * SWEEP_CHUNK:
        return query.collect()
    parts = []
    for offset in range(0, n, SWEEP_CHUNK):
        parts.append(query.slice(offset, SWEEP_CHUNK).collect())
        done = min(offset + SWEEP_CHUNK, n)
        left = (time.perf_counter() - started) * (n - done) / done
        status.update(status_text("st_progress", done=num(done, 0, lang), n=num(n, 0, lang), left=num(left, 0, lang)))
    return pl.concat(parts)


@app.command()
@user_errors
def opties(
    years: Annotated[str | None, typer.Option("--years", metavar="A:B", help="Years, e.g. 2026:2030 (default: the latest price year to the last projection year).", show_default=False)] = None,
    scenarios: Annotated[str | None, typer.Option("--options", metavar="A,B", help="Scenarios to compare (default: every scenario with an option: block).", show_default=False)] = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    set_: SetOpt = None,
    fmt: FormatOpt = Fmt.table,
    out_file: OutOpt = None,
    excel: Annotated[Path | None, typer.Option("--excel", metavar="FILE.xlsx", help="Also write a workbook: the sheet Bestedingsopties with its charts, then a sheet per year with its table and a memo sentence per option.", show_default=False)] = None,
    detail_year: Annotated[int | None, typer.Option("--detail-year", metavar="YEAR", help="The year whose memo sentences, state-aid conditions and mix are listed (default 2029, else the last).", show_default=False)] = None,
    mix: Annotated[bool, typer.Option("--mix", help="Also the best mix of the allowed options within the headroom, solved as a linear programme (HiGHS), with the marginal value of the next 100 M€.")] = False,
    reading: Annotated[str, typer.Option("--envelope-reading", metavar="netto|bruto", help="netto (default): the IKC extension is paid from the envelope, as the 2026 letter reads; bruto: the envelope comes on top of it.")] = "netto",
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
):
    """The spending options of the electricity-cost envelope side by side over the years: per
    option and year the cost to the state against the envelope, the gap per sector and neighbour
    before and after (headline chemie NL−DE), the gap closed per 100 M€, who gains and loses, the
    e-boiler's break-even CO2 price, and the EU state-aid conditions with their rules."""
    from speelveld.config.scenario import available_scenarios
    from speelveld.report.options import options_tables
    from speelveld.report.output import options_rows

    fmt = output_format(fmt, out_file)
    check_targets(out_file, excel)
    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem('--config-dir: ' + said("not_directory", folder=config_dir))
    price = available_years(config_dir)
    every = available_years(config_dir, projections=True)
    default = [y for y in every if y >= price[-1]] if price else every
    chosen_years = parse_years(years, every, default)
    names = [n.strip() for n in scenarios.split(",") if n.strip()] if scenarios else None
    loaded = {}
    for name in names or available_scenarios(config_dir):
        sc = load_scenario(config_dir, name)
        if names is not None or sc.option is not None:
            loaded[name] = sc
    if not loaded:
        raise UsageProblem("--options: " + said("no_option_scenarios", folder=config_dir / "scenarios"))
    from speelveld.app import options_over_years

    shown = detail_year if detail_year in chosen_years else (2029 if 2029 in chosen_years else chosen_years[-1])
    # the break-even CO2 price costs two more configs per option: the table shows it for one year only
    business = set(chosen_years) if fmt != Fmt.table or excel is not None else {shown}
    if reading not in ("netto", "bruto"):
        raise UsageProblem('--envelope-reading: ' + said("not_netto_bruto", value=reading))
    results, notices = options_over_years(config_dir, chosen_years, list(loaded), set_, reference, countries, business, reading, mix)
    for notice in notices:
        say("warning", notice)
    if not results:
        raise UsageProblem("--years: " + said("no_option_applies", years=", ".join(map(str, chosen_years))))
    base = load_year(config_dir, chosen_years[-1])
    titles = {n: sc.title_in(lang.value) for n, sc in loaded.items()}
    if mix:
        from speelveld.report.labels import t as label

        titles["mix"] = label(lang.value, "op2_mix_name")
    # over several years the manifest names the years (with the hash of each), not the last as "the" price year
    meta = {k: v for k, v in manifest(base, command_line()).items() if k != "year"} | {"years": chosen_years, "options": list(loaded)}
    if excel is not None:
        from speelveld.report.excel_sheets import write_options_workbook

        write_file(excel, lambda p: write_options_workbook(p, results, titles, meta, lang.value))
    from speelveld.config.stateaid import load_stateaid

    rows = options_rows(results)
    about = {n: {"title": titles[n], "basis": list(loaded[n].option.basis) if loaded[n].option else [],
                 "instruments": [p.instrument for p in loaded[n].option.parts] if loaded[n].option else []} for n in loaded}
    # the cost rests on the sector volumes: where a volume overstates the sector (chemie: all of
    # NACE 20–21, not 20.14), say so under the table as compare does
    from rich.text import Text

    caveats = [Text(f"* {s}: {base.sectors[s].sector_volume_caveat.text(lang.value)}.") for s in ("chemie", "staal")
               if s in base.sectors and base.sectors[s].sector_volume_caveat is not None]
    emit(fmt, rows, meta, out_file, lambda: [*options_tables(results, titles, lang.value, shown, reference.upper(), load_stateaid(config_dir).frameworks), *caveats],
         {"run": meta, "options": about, "rows": rows.to_dicts()})


@app.command("close-gap")
@user_errors
def close_gap(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype, or 'all'.")] = "all",
    year: YearOpt = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    scenario: ScenarioOpt = None,
    fmt: FormatOpt = Fmt.table,
    out_file: OutOpt = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
):
    """What would close the gap: per sector and neighbour the reference-country relief in €/MWh
    that brings the gap to zero, its yearly cost to the state for the whole sector and for all
    sectors together, set against the envelope and the IKC budget."""
    from speelveld.core.closing import budgets, closing_totals, gap_closing
    from speelveld.report.command_tables import closing_tables

    fmt = output_format(fmt, out_file)
    if out_file is not None:
        check_writable(out_file)
    cfg = load(config_dir, year, None, scenario)
    sectors = sorted(cfg.sectors) if sector == "all" else [pick("sector", "--sector", sector, sorted(cfg.sectors))]
    chosen = pick_countries(cfg, reference, countries)
    result = run_compare(cfg, sectors, chosen[1:], reference=chosen[0])
    table = gap_closing(result, cfg)
    totals = closing_totals(table)
    money = budgets(cfg, chosen[0])
    caveats = {s: cfg.sectors[s].sector_volume_caveat.text(lang.value) for s in sorted(cfg.sectors) if cfg.sectors[s].sector_volume_caveat}
    meta = manifest(cfg, command_line())
    payload = {"run": meta, "rows": table.to_dicts(), "totals": totals.to_dicts(),
               "budgets": {"envelope_eur_per_year": money.envelope_eur_per_year, "ikc_eur_per_year": money.ikc_eur_per_year}}
    emit(fmt, table, meta, out_file, lambda: closing_tables(table, totals, money, cfg.year, chosen[0], lang.value, caveats), payload)


@app.command("business-case")
@user_errors
def business_case_cmd(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype (its boiler heat is electrified).")],
    technology: Annotated[Technology, typer.Option("--technology", help="The electric heat technology.")] = Technology.e_boiler,
    year: YearOpt = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    set_: SetOpt = None,
    scenario: ScenarioOpt = None,
    fmt: FormatOpt = Fmt.table,
    out_file: OutOpt = None,
    excel: Annotated[Path | None, typer.Option("--excel", metavar="FILE.xlsx", help="Also write the business case as a workbook sheet.", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
    operation: Annotated[str, typer.Option("--operation", metavar="baseload|hybride", help="baseload (default): the heat all electric; hybride: an e-boiler beside the gas boiler takes each hour the cheaper of the two, on the year's hourly prices (2024, 2025).")] = "baseload",
):
    """The business case for electrifying a sector's boiler heat, per country: a year of that heat
    from the gas boiler against an e-boiler or heat pump (energy, CO2, annualised capital), the
    yearly cost difference, the CO2 price at which electrifying breaks even, and the subsidy per
    tonne of CO2 avoided it needs, in the reference country against its neighbours. With
    --operation hybride: the hours on electricity, the price paid, the yearly costs and the
    break-even CO2 price of the hybrid against baseload electrification."""
    from speelveld.config.load import Override
    from speelveld.core.business import BusinessCaseError, business_case, electrification, electrified_values
    from speelveld.report.command_tables import business_case_tables

    fmt = output_format(fmt, out_file)
    check_targets(out_file, excel)
    cfg = load(config_dir, year, set_, scenario)
    sector = pick("sector", "--sector", sector, sorted(cfg.sectors))
    chosen = pick_countries(cfg, reference, countries)
    if operation not in ("baseload", "hybride"):
        raise UsageProblem('--operation: ' + said("not_baseload_hybride", value=operation))
    if operation == "hybride":
        if technology != Technology.e_boiler:
            raise UsageProblem('--operation hybride: ' + said("hybrid_boiler_beside_gas"))
        return _hybrid(cfg, sector, chosen, fmt, out_file, excel, lang.value)
    try:
        e = electrification(cfg, sector, technology.value)
        extra = [Override(path, value, "business case") for path, value in electrified_values(cfg, sector, e)]
        electrified = load_year(cfg.config_dir, cfg.year, [parse_override(s) for s in set_ or []] + extra, scenario=scenario)
        result = business_case(cfg, electrified, sector, technology.value, chosen[1:], chosen[0])
    except BusinessCaseError as exc:
        raise UsageProblem(said_of(exc)) from None
    meta = manifest(cfg, command_line())
    if excel is not None:
        from speelveld.report.excel_sheets import write_business_case_workbook

        write_file(excel, lambda p: write_business_case_workbook(p, result, meta, lang.value))
    q = result.quantities
    payload = {
        "run": meta, "sector": sector, "technology": technology.value, "reference": chosen[0], "eua_eur_per_t": result.eua_eur_per_t,
        "quantities": {"heat_mwh": q.heat_mwh, "gas_saved_mwh": q.gas_saved_mwh, "electricity_mwh": q.electricity_mwh, "co2_avoided_t": q.co2_avoided_t, "capacity_kw": q.capacity_kw},
        "rows": result.table.to_dicts(),
    }
    emit(fmt, result.table, meta, out_file, lambda: business_case_tables(result, lang.value), payload)


def _hybrid(cfg, sector: str, chosen: list[str], fmt, out_file, excel, lang: str) -> None:
    """`business-case --operation hybride`: the table, csv/json, and the workbook with each
    country's price-duration curve and the switching price."""
    import polars as pl

    from speelveld.app import hybrid_case
    from speelveld.core.business import BusinessCaseError
    from speelveld.core.hybrid import break_even
    from speelveld.report.hybrid import hybrid_rows, hybrid_tables

    try:
        frame, costs, plant, eua = hybrid_case(cfg, sector, chosen)
    except BusinessCaseError as exc:
        raise UsageProblem(said_of(exc)) from None
    rows = hybrid_rows(frame, costs, plant, eua, break_even(frame, "cost_hybrid"), break_even(frame, "cost_baseload"))
    meta = manifest(cfg, command_line())
    if excel is not None:
        from speelveld.config.hourly import year_prices
        from speelveld.report.hybrid import write_hybrid_workbook

        write_file(excel, lambda p: write_hybrid_workbook(p, rows, year_prices(cfg.year), meta, lang))
    emit(fmt, pl.DataFrame(rows), meta, out_file, lambda: hybrid_tables(rows, cfg.year, sector, eua, lang),
         {"run": meta, "sector": sector, "operation": "hybride", "eua_eur_per_t": eua, "rows": rows})
