"""The `speelveld` command line: a thin layer over config loading, the engine and the writers."""

from __future__ import annotations

import dataclasses
import functools
import importlib
import json
import os
import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from speelveld import __version__
from speelveld.app import diff_years, open_year, pick, pick_countries, resolve_year, warnings_for
from speelveld.config.yamlload import ConfigError
from speelveld.errors import SweepError, UsageProblem

if TYPE_CHECKING:
    from speelveld.config.resolved import YearConfig


def _lazy(module: str, name: str):
    """A function of the engine or a writer, imported when first called: `speelveld --help` and
    commands that write no Excel do not pay for polars, pydantic or openpyxl they do not use."""

    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    return call


available_years = _lazy("speelveld.config.load", "available_years")
default_config_dir = _lazy("speelveld.config.load", "default_config_dir")
load_year = _lazy("speelveld.config.load", "load_year")
parse_override = _lazy("speelveld.config.load", "parse_override")
load_scenario = _lazy("speelveld.config.scenario", "load_scenario")
run_compare = _lazy("speelveld.core.compute", "compare")
policy_check = _lazy("speelveld.core.policy", "policy_check")
parse_vary = _lazy("speelveld.core.sweep", "parse_vary")
scenario_count = _lazy("speelveld.core.sweep", "scenario_count")
summarise = _lazy("speelveld.core.sweep", "summarise")
sweep_query = _lazy("speelveld.core.sweep", "sweep_query")
write_workbook = _lazy("speelveld.report.excel", "write_workbook")
check_writable = _lazy("speelveld.report.output", "check_writable")
manifest = _lazy("speelveld.report.output", "manifest")
parquet_metadata = _lazy("speelveld.report.output", "parquet_metadata")
to_csv = _lazy("speelveld.report.output", "to_csv")
to_json = _lazy("speelveld.report.output", "to_json")
write_atomic = _lazy("speelveld.report.output", "write_atomic")
policy_table = _lazy("speelveld.report.terminal", "policy_table")
print_comparison = _lazy("speelveld.report.terminal", "print_comparison")

app = typer.Typer(
    help=(
        "speelveld: the Dutch speelveldtoets. Computes what an energy-intensive plant pays for "
        "electricity in the Netherlands and its neighbours, line by line, and the gap to NL."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console(emoji=False)  # a user's text such as 60:100:0 is printed as written, never as an emoji
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
_state = {"debug": False, "lang": "nl"}


class Fmt(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class BandShape(str, Enum):
    uniform = "uniform"
    triangular = "triangular"


class Carrier(str, Enum):
    electricity = "electricity"
    gas = "gas"
    all = "all"


def command_line() -> str:
    """The command as typed, with absolute paths written as a published file may name them."""
    from speelveld.report.output import published_path

    args = [published_path(a) if os.path.isabs(a) else a for a in sys.argv[1:]]
    return "speelveld " + " ".join(shlex.quote(a) for a in args)


def say(prefix: str, message: str) -> None:
    """One `error:` or `warning:` line on stderr, worded in the command's --lang (the prefixes
    stay as they are: scripts look for them)."""
    from speelveld.report.labels import message_text

    err.print(f"{prefix}: {message_text(_state['lang'], message)}", markup=False)


def status_text(key: str, **fields) -> str:
    """What a command says it did (wrote a file, is computing), in the command's --lang."""
    from speelveld.report.labels import t

    return t(_state["lang"], key, **fields)


def user_errors(fn):
    """Bad input ends in one line per problem on stderr and exit status 2; --debug shows the traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        lang = kwargs.get("lang")
        _state["lang"] = getattr(lang, "value", lang) or "nl"
        from speelveld.report.numbers import use_language

        use_language(_state["lang"])  # every number of the run in the report's language
        try:
            return fn(*args, **kwargs)
        except (ConfigError, UsageProblem, SweepError) as exc:
            if _state["debug"]:
                raise
            for problem in getattr(exc, "problems", [str(exc)]):
                say("error", problem)
            raise typer.Exit(2) from None
        except OSError as exc:
            if _state["debug"]:
                raise
            say("error", str(exc))
            raise typer.Exit(2) from None

    return wrapper


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
):
    _state["debug"] = debug
    if version:
        out.print(f"speelveld {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help())
        raise typer.Exit(0)


ConfigDirOpt = Annotated[
    Path | None,
    typer.Option("--config-dir", metavar="DIR", help="Config directory (default: the shipped configs/).", show_default=False),
]
YearOpt = Annotated[int | None, typer.Option("--year", metavar="YEAR", help="Price year (default: the latest year in the config directory).", show_default=False)]
SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set", metavar="PATH=VALUE",
        help="Override a config value: PATH=VALUE, e.g. DE.commodity.baseload_eur_per_mwh=95 or "
        "sector.utilisation_hours=7500. Repeatable. Paths start with a country code, 'eu', 'sector' or 'sectors.NAME'; PATH+={...} adds an item to a list.",
        show_default=False,
    ),
]


ReferenceOpt = Annotated[str, typer.Option("--reference", metavar="CC", help="Country the others are compared with.")]
CountriesOpt = Annotated[str | None, typer.Option("--countries", metavar="CC,CC", help="Comma-separated countries (default: all in the config).", show_default=False)]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Report language: nl (default) or en.")]


_SAID: set[str] = set()  # notices already printed in this run (a command that opens many configs says each once)


def load(config_dir: Path | None, year: int | None, sets: list[str] | None, scenario: str | None = None) -> YearConfig:
    cfg, notices = open_year(config_dir, year, sets, scenario)
    for notice in notices:
        if notice not in _SAID:
            _SAID.add(notice)
            say("warning", notice)
    return cfg


def check_warnings(cfg: YearConfig, strict: str | None, result=None, lang: str = "nl") -> None:
    """Print the run's warnings in the report's language, each with its kind (the kinds named by
    --strict are errors)."""
    from speelveld.report.labels import warning_text

    for w in warnings_for(cfg, strict, result, lang):
        err.print(f"warning: {warning_text(lang, w)} [{w.kind}]", markup=False)


# --format and --out of the commands that print a table or write it as csv/json
FormatOpt = Annotated[Fmt, typer.Option("--format", help="table, csv or json.")]
OutOpt = Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write csv/json to this file.", show_default=False)]


StrictOpt = Annotated[
    str | None,
    typer.Option(
        "--strict", metavar="KINDS",
        help="Make warnings of these kinds errors (comma-separated): changes (a value far from the previous "
        "year's), estimates (estimates behind the totals), incomplete (a one-sided or undetermined gap), countries "
        "(a country of the previous year missing; always an error in validate), or all.",
        show_default=False,
    ),
]


ScenarioOpt = Annotated[
    str | None,
    typer.Option("--scenario", metavar="NAME", help="A named scenario from the config directory's scenarios/ (see `speelveld list`).", show_default=False),
]


def years_hashes(cfgs: list) -> dict:
    """A manifest's hashes for a run over several years: each year's resolved config, and one over
    them all (so an edit to any year read changes the run's config_hash)."""
    import hashlib

    each = {str(c.year): c.resolved_hash() for c in cfgs}
    return {"config_hashes": each, "config_hash": hashlib.sha256("|".join(f"{y}:{h}" for y, h in sorted(each.items())).encode()).hexdigest()[:16]}


def emit_csv(text: str, meta: dict, out_file: Path | None) -> None:
    """A CSV result: plain CSV (header first) to stdout or --out; with --out its manifest beside
    it in <file>.json (read it with json.load; the CSV reads with pl.read_csv / pd.read_csv as is)."""
    from speelveld.report.output import manifest_json, sidecar

    emit_text(text, out_file)
    if out_file is not None:
        write_atomic(sidecar(out_file), lambda p: p.write_text(manifest_json(meta), encoding="utf-8"))


def emit_text(text: str, out_file: Path | None) -> None:
    """A text result to stdout, or atomically to ``--out``."""
    if out_file is None:
        sys.stdout.write(text)
    else:
        write_atomic(out_file, lambda p: p.write_text(text, encoding="utf-8"))
        err.print(status_text("st_wrote", file=out_file))


def output_format(fmt: Fmt, out_file: Path | None) -> Fmt:
    """--out takes its format from its extension when --format is not given (a table cannot
    go to a file); a contradicting pair is an error rather than a file in the wrong format."""
    if out_file is None:
        return fmt
    by_suffix = {".csv": Fmt.csv, ".json": Fmt.json}.get(out_file.suffix.lower())
    if fmt == Fmt.table:
        if by_suffix is None:
            raise UsageProblem(f"--out {out_file}: give --format csv or json, or a file name ending in .csv or .json")
        return by_suffix
    if by_suffix is not None and by_suffix != fmt:
        raise UsageProblem(f"--out {out_file}: the name says {by_suffix.value} but --format says {fmt.value}")
    return fmt


@app.command()
@user_errors
def compare(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype (see `speelveld list`), or 'all'.")],
    year: YearOpt = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    set_: SetOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="table (terminal report), csv or json (to stdout or --out).")] = Fmt.table,
    out_file: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write csv/json to this file instead of stdout.", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
    scenario: ScenarioOpt = None,
    excel: Annotated[Path | None, typer.Option("--excel", metavar="FILE.xlsx", help="Also write the Excel workbook (same layout as `speelveld report`) to this .xlsx file.", show_default=False)] = None,
    strict: StrictOpt = None,
    carrier: Annotated[Carrier, typer.Option("--carrier", help="electricity (the headline toets), gas, or all: electricity, gas and direct CO2 side by side with the gap in the whole energy bill.")] = None,
):
    """Compare what a sector's plant pays in each country, line by line, and the gap to the reference.

    With --scenario the tables show the scenario, followed by the gap before and after it."""
    fmt = output_format(fmt, out_file)
    for target in (out_file, excel):
        if target is not None:
            check_writable(target)
    cfg = load(config_dir, year, set_, scenario)
    sectors = sorted(cfg.sectors) if sector == "all" else [pick("sector", "--sector", sector, sorted(cfg.sectors))]
    chosen = pick_countries(cfg, reference, countries)
    carrier = carrier or Carrier.electricity
    result = run_compare(cfg, sectors, chosen[1:], reference=chosen[0], gas=carrier != Carrier.electricity)
    check_warnings(cfg, strict, result, lang=lang.value)
    if excel is not None:
        write_atomic(excel, lambda p: write_workbook(p, result, cfg, manifest(cfg, command_line()), lang.value))
        err.print(status_text("st_wrote", file=excel))
    if fmt == Fmt.table:
        print_comparison(result, cfg, out, lang.value, carrier.value)
        if scenario:
            base_cfg = load(config_dir, cfg.year, set_)
            check = policy_check(base_cfg, cfg, sectors, chosen[1:], chosen[0])
            from speelveld.report.labels import t

            title = t(lang.value, "tx_scenario_effect", name=scenario)
            out.print(policy_table(check.table, chosen[0], title, lang.value))
            from speelveld.core.closing import ikc_pro_rata

            paid = ikc_pro_rata(cfg, chosen[0])
            if paid is not None and paid[2] is not None:
                out.print(t(lang.value, "tx_ikc_paid_pro_rata", pct=f"{paid[2]:.0f}", ref=chosen[0]))
        return
    meta = manifest(cfg, command_line())
    if fmt == Fmt.csv:
        emit_csv(to_csv(result), meta, out_file)
        return
    emit_text(to_json(result, meta), out_file)


@app.command("list")
@user_errors
def list_(config_dir: ConfigDirOpt = None, year: YearOpt = None, lang: LangOpt = Lang.nl):
    """Show the price years, countries, sectors and scenarios available."""
    from speelveld.config.scenario import available_scenarios
    from speelveld.report.terminal import list_tables

    cfg = load(config_dir, year, None)
    scenarios = []
    for name in available_scenarios(cfg.config_dir):
        try:
            scenarios.append((name, load_scenario(cfg.config_dir, name), None))
        except ConfigError as exc:
            scenarios.append((name, None, exc.problems[0]))
    for part in list_tables(cfg, available_years(cfg.config_dir), scenarios, lang.value):
        out.print(part)


@app.command()
@user_errors
def validate(
    config_dir: ConfigDirOpt = None, year: YearOpt = None, strict: StrictOpt = None, lang: LangOpt = Lang.nl
):
    """Check a config directory (schema, units, ranges, every value sourced) without computing.

    Without --year every price year in the directory is checked."""
    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem(f"--config-dir: {config_dir} is not a directory")
    years = [resolve_year(config_dir, year)] if year else available_years(config_dir)
    if not years:
        raise UsageProblem(f"--config-dir: no price-year folders (e.g. 2026/) in {config_dir}")
    problems = []
    for y in years:
        try:
            cfg = load_year(config_dir, y)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        flags: dict[str, int] = {}
        for p in cfg.params.values():
            flags[p.quality.value] = flags.get(p.quality.value, 0) + 1
        from speelveld.report.labels import t

        summary = ", ".join(f"{n} {t(lang.value, 'q_' + k)}" for k, n in sorted(flags.items()))

        out.print(t(lang.value, "tx_validate_ok", year=y, n=len(cfg.params), summary=summary, files=len(cfg.files)))
        try:
            # a country gone since the previous year is an error in validate, whatever --strict says
            check_warnings(cfg, ",".join(filter(None, [strict, "countries"])), lang=lang.value)
        except ConfigError as exc:
            problems.extend(exc.problems)
    # every scenario against every year it names (or every year checked): a typo in a scenario's
    # path would otherwise pass here and fail only when the scenario is run
    from speelveld.config.scenario import available_scenarios

    for name in available_scenarios(config_dir):
        try:
            sc = load_scenario(config_dir, name)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        for y in [y for y in years if sc.applies_to(y)]:
            try:
                load_year(config_dir, y, [], scenario=name)
            except ConfigError as exc:
                problems.extend(p for p in exc.problems if p not in problems)
    if problems:
        raise ConfigError(problems)


@app.command()
@user_errors
def report(
    out_file: Annotated[Path, typer.Option("--out", metavar="FILE", help="The .xlsx workbook to write (replaced only when the new one is complete).")],
    year: YearOpt = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    set_: SetOpt = None,
    scenario: ScenarioOpt = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Workbook language.")] = Lang.nl,
    config_dir: ConfigDirOpt = None,
    strict: StrictOpt = None,
):
    """Write the annual speelveldtoets workbook: every sector against every country, with a
    summary, a sheet and chart per sector (totals and gaps as live formulas), every parameter
    with its source, and the run manifest."""
    import time

    started = time.perf_counter()
    if out_file.suffix.lower() != ".xlsx":
        raise UsageProblem(f"--out {out_file}: the workbook needs a .xlsx name")
    check_writable(out_file)
    cfg = load(config_dir, year, set_, scenario)
    chosen = pick_countries(cfg, reference, countries)
    # with gas where the configs have it: the summary adds the gas and whole-energy gaps
    result = run_compare(cfg, sorted(cfg.sectors), chosen[1:], reference=chosen[0], gas=True)
    check_warnings(cfg, strict, result, lang=lang.value)
    trend_frame = None
    years = [y for y in available_years(cfg.config_dir) if y <= cfg.year]
    if len(years) > 1:
        # the trend sheet: every price year up to this one, on its base configs (no scenario or overrides)
        from speelveld.core.trend import trend as run_trend

        cfgs = [load_year(cfg.config_dir, y, []) for y in years]
        trend_frame = run_trend(cfgs, sorted(cfg.sectors), chosen[1:], reference=chosen[0])
    sheets: list[int] = []
    meta = manifest(cfg, command_line())
    if trend_frame is not None:
        meta["trend_config_hashes"] = years_hashes(cfgs)["config_hashes"]  # the Trend sheet reads every year up to this one
    write_atomic(out_file, lambda p: sheets.append(write_workbook(p, result, cfg, meta, lang.value, trend_frame)))
    err.print(status_text("st_wrote_sheets", file=out_file, n=sheets[0], seconds=f"{time.perf_counter() - started:.1f}"))


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
    for target in (out_file, excel):
        if target is not None:
            check_writable(target)
    base_cfg = load(config_dir, year, set_)
    sc_cfg = load(config_dir, base_cfg.year, set_, scenario)
    sc = load_scenario(base_cfg.config_dir, scenario)
    chosen = pick_countries(base_cfg, reference, countries)
    sectors = sorted(base_cfg.sectors)
    check = policy_check(base_cfg, sc_cfg, sectors, chosen[1:], chosen[0])
    from speelveld.core.closing import state_cost

    cost = state_cost(check.table, check.base, check.scenario, base_cfg, chosen[0], sc_cfg)
    check_warnings(sc_cfg, strict, check.scenario, lang=lang.value)
    if excel is not None:
        from speelveld.report.excel import write_toets_workbook

        write_atomic(excel, lambda p: write_toets_workbook(p, sc, check.table, cost, base_cfg.year, chosen[0], manifest(sc_cfg, command_line()), lang.value))
        err.print(status_text("st_wrote", file=excel))
    if fmt != Fmt.table:
        meta = manifest(sc_cfg, command_line())
        flat = check.table.with_columns(pl.col(pl.List(pl.String)).list.join("; "))
        computed = {
            "meur_per_year": cost.meur_per_year, "low_meur_per_year": cost.low_meur_per_year, "high_meur_per_year": cost.high_meur_per_year,
            "sectors": cost.sectors, "left_out": cost.left_out, "ikc_claims_meur_per_year": cost.ikc_claims_meur_per_year,
            "ikc_budget_meur_per_year": cost.ikc_budget_meur_per_year, "ikc_pro_rata_pct": cost.ikc_pro_rata_pct,
            "ikc_paid_pro_rata": cost.paid_pro_rata,
            "meur_per_year_per_eur_per_mwh_closed": cost.per_gap_closed,
            "share_of_gaps_closed_pct": cost.share_closed_pct,
        }
        if fmt == Fmt.csv:
            emit_csv(flat.write_csv(), meta, out_file)
            return
        emit_text(json.dumps({"run": meta, "scenario": sc.name, "rows": check.table.to_dicts(), "state_cost_model": computed}, indent=2, sort_keys=True), out_file)
        return
    from speelveld.report.terminal import toets_parts

    for part in toets_parts(sc, check.table, cost, base_cfg.year, chosen[0], lang.value):
        out.print(part)


@app.command()
@user_errors
def sweep(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype.")],
    vary: Annotated[
        list[str] | None,
        typer.Option(
            "--vary", metavar="PATH=SPEC",
            help="PATH=SPEC, repeatable. SPEC is start:stop:step (stop included), a list a,b,c, "
            "uniform(low,high) or normal(mean,sd). PATH as for --set; 'sector.' means the chosen sector.",
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
    seed: Annotated[int, typer.Option("--seed", metavar="N", min=0, help="Seed of the random draws (same seed, same draws).")] = 1,
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

    from speelveld.core.sweep import (
        XLSX_ROWS,
        co_moving_links,
        correlate,
        left_out_lines,
        parse_corr,
        parse_link,
        reaches,
        resolve_path,
    )
    from speelveld.report.output import manifest_json, sidecar
    from speelveld.report.terminal import sweep_tables

    if out_file is not None:
        if out_file.suffix not in (".parquet", ".csv", ".xlsx"):
            raise UsageProblem(f"--out {out_file}: use a .parquet, .csv or .xlsx file")
        check_writable(out_file)
    cfg = load(config_dir, year, set_, scenario)
    sector = pick("sector", "--sector", sector, sorted(cfg.sectors))
    chosen = pick_countries(cfg, reference, countries)
    # --strict judges the sector's own comparison, as compare does (its estimates, its open gaps)
    check_warnings(cfg, strict, run_compare(cfg, [sector], chosen[1:], reference=chosen[0]) if strict else None, lang=lang.value)
    varies = [parse_vary(v, cfg, sector) for v in vary or []]
    if len({v.path for v in varies}) != len(varies):
        raise UsageProblem("--vary: the same parameter is varied twice")
    if bands is not None:
        from speelveld.core.sweep import band_varies

        varies += band_varies(cfg, sector, chosen[1:], chosen[0], bands.value, {v.path for v in varies})
        samples = samples or 10_000
    if not varies:
        raise UsageProblem("--vary: give at least one parameter to vary, or --bands")
    links = [parse_link(x, cfg, sector, varies) for x in link or []]
    if len({x.target for x in links}) != len(links):
        raise UsageProblem("--link: the same parameter is linked twice")
    set_paths = {resolve_path(s.split("=", 1)[0].strip(), cfg, sector, "--set") for s in set_ or [] if "=" in s}
    both = sorted(set_paths & ({v.path for v in varies} | {x.target for x in links}))
    if both:
        raise UsageProblem(f"--set: the same parameter is set and varied ({', '.join(both)}); drop the --set or the --vary")
    links += co_moving_links(cfg, varies, links, set_paths)
    chol = correlate(varies, [parse_corr(x, varies) for x in corr]) if corr else None
    n = scenario_count(varies, samples)
    L = lang.value
    if out_file is not None and out_file.suffix == ".xlsx" and n > XLSX_ROWS:
        reason = "rows: a million rows took minutes and GBs of memory"
        raise UsageProblem(f"--out {out_file}: {n:,} scenarios is more than a workbook takes well ({XLSX_ROWS:,} {reason}); use .parquet or .csv")
    random = any(not v.is_grid for v in varies) or bool(samples)
    meta = manifest(cfg, command_line()) | {
        "sector": sector, "reference": chosen[0], "countries": chosen[1:], "scenarios": n, "samples": samples,
        "seed": seed if random else None, "vary": list(vary or []), "link": [x.given for x in links],
        "corr": list(corr or []), "bands": bands.value if bands else None,
    }
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
            raise UsageProblem(str(exc)) from None
        metric = "break_even"
    started = time.perf_counter()
    with err.status(status_text("st_computing", n=f"{n:,}"), spinner="dots") as status:
        if out_file is None:
            results = query.collect().lazy()
        elif out_file.suffix == ".parquet":
            write_atomic(out_file, lambda p: query.sink_parquet(p, metadata=parquet_metadata(meta)))
            results = pl.scan_parquet(out_file)
        elif out_file.suffix == ".csv":
            write_atomic(out_file, lambda p: query.sink_csv(p))
            write_atomic(sidecar(out_file), lambda p: p.write_text(manifest_json(meta), encoding="utf-8"))
            results = pl.scan_csv(out_file)
        else:
            frame = query.collect()
            from speelveld.report.output import write_frame_xlsx

            status.update(f"writing {n:,} rows to {out_file.name}…")
            write_atomic(out_file, lambda p: write_frame_xlsx(frame, p, meta))
            results = frame.lazy()
        status.update("summarising…")
        reach = reaches(cfg, sector, chosen[1:], chosen[0], varies, links)
        dist, tornado = summarise(results, varies, chosen[1:] if business is None else chosen, reach if business is None else None, metric)
    elapsed = time.perf_counter() - started
    varied = {v.path for v in varies} | {x.target for x in links}
    for part in sweep_tables(sector, cfg.year, n, elapsed, out_file, dist, tornado, varies, links, chol is not None, chosen, left_out_lines(cfg, sector, chosen[1:], chosen[0], varied), L, metric, bands.value if bands else None):
        out.print(part)


def parse_years(spec: str | None, available: list[int], default: list[int] | None = None) -> list[int]:
    """--years 2024:2026 (inclusive), 2024,2026, or one year; default: every year available (or ``default``)."""
    if not spec:
        return available if default is None else default
    try:
        if ":" in spec:
            a, b = (int(x) for x in spec.split(":", 1))
            if a > b:
                raise UsageProblem(f"--years {spec}: the range runs backwards; write {b}:{a}")
            wanted = list(range(a, b + 1))
        else:
            wanted = [int(x) for x in spec.split(",") if x.strip()]
    except ValueError:
        raise UsageProblem(f"--years {spec}: give a range like 2024:2026 or a list like 2024,2026") from None
    missing = [y for y in wanted if y not in available]
    if missing or not wanted:
        raise UsageProblem(f"--years {spec}: no configs for {', '.join(map(str, missing)) or spec} (available: {', '.join(map(str, available))})")
    return wanted


@app.command()
@user_errors
def trend(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype, or 'all'.")] = "all",
    years: Annotated[str | None, typer.Option("--years", metavar="A:B", help="Price years, e.g. 2024:2026 or 2024,2026 (default: all).", show_default=False)] = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    fmt: FormatOpt = Fmt.table,
    out_file: OutOpt = None,
    excel: Annotated[Path | None, typer.Option("--excel", metavar="FILE.xlsx", help="Also write a workbook with the trend table and a line chart per sector.", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
):
    """Monitoring over the years: the electricity total and the gap per country and price year,
    with their bands, for one sector or all."""
    from speelveld.core.trend import policy_changes
    from speelveld.core.trend import trend as run_trend
    from speelveld.report.terminal import trend_tables

    fmt = output_format(fmt, out_file)
    for target in (out_file, excel):
        if target is not None:
            check_writable(target)
    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem(f"--config-dir: {config_dir} is not a directory")
    chosen_years = parse_years(years, available_years(config_dir, projections=True), available_years(config_dir))
    cfgs = [load_year(config_dir, y, []) for y in chosen_years]
    latest = cfgs[-1]
    sectors = sorted(latest.sectors) if sector == "all" else [pick("sector", "--sector", sector, sorted(latest.sectors))]
    # every country of any year read: a country missing in a later year is never dropped from the earlier ones
    from speelveld.config.sanity import missing_countries
    from speelveld.report.labels import warning_text

    every = {cc: None for c in cfgs for cc in sorted(c.countries)}
    chosen = pick_countries(dataclasses.replace(latest, countries={cc: None for cc in every}), reference, countries)
    for earlier, later in zip(cfgs, cfgs[1:], strict=False):
        for w in missing_countries(later, earlier):
            say("warning", warning_text(lang.value, w))
    frame = run_trend(cfgs, sectors, chosen[1:], reference=chosen[0])
    decided = policy_changes(cfgs, chosen)
    meta = manifest(latest, command_line()) | {"years": chosen_years} | years_hashes(cfgs)
    if excel is not None:
        from speelveld.report.excel import write_trend_workbook

        write_atomic(excel, lambda p: write_trend_workbook(p, frame, chosen[0], meta, lang.value))
        err.print(status_text("st_wrote", file=excel))
    if fmt == Fmt.table:
        for table in trend_tables(frame, chosen[0], lang.value, decided):
            out.print(table)
        return
    if fmt == Fmt.csv:
        emit_csv(frame.write_csv(), meta, out_file)
        return
    emit_text(json.dumps({"run": meta, "rows": frame.to_dicts(), "policy_changes": decided.to_dicts()}, indent=2, ensure_ascii=False) + "\n", out_file)


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
    excel: Annotated[Path | None, typer.Option("--excel", metavar="FILE.xlsx", help="Also write the workbook sheet Bestedingsopties with its charts.", show_default=False)] = None,
    detail_year: Annotated[int | None, typer.Option("--detail-year", metavar="YEAR", help="The year whose winners, losers, business case and state-aid conditions are listed (default 2029, else the last).", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
):
    """The spending options of the electricity-cost envelope side by side over the years: per
    option and year the cost to the state against the envelope, the gap per sector and neighbour
    before and after (headline chemie NL−DE), the gap closed per 100 M€, who gains and loses, the
    e-boiler's break-even CO2 price, and the EU state-aid conditions with their rules."""
    from speelveld.config.scenario import available_scenarios
    from speelveld.report.output import options_rows
    from speelveld.report.terminal import options_tables

    fmt = output_format(fmt, out_file)
    for target in (out_file, excel):
        if target is not None:
            check_writable(target)
    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem(f"--config-dir: {config_dir} is not a directory")
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
        raise UsageProblem("--options: no scenario with an option: block in " + str(config_dir / "scenarios"))
    from speelveld.app import options_over_years

    shown = detail_year if detail_year in chosen_years else (2029 if 2029 in chosen_years else chosen_years[-1])
    # the break-even CO2 price costs two more configs per option: the table shows it for one year only
    business = set(chosen_years) if fmt != Fmt.table or excel is not None else {shown}
    results, notices = options_over_years(config_dir, chosen_years, list(loaded), set_, reference, countries, business)
    for notice in notices:
        say("warning", notice)
    if not results:
        raise UsageProblem(f"--years: none of the options applies to {', '.join(map(str, chosen_years))}")
    base = load_year(config_dir, chosen_years[-1])
    titles = {n: sc.title_in(lang.value) for n, sc in loaded.items()}
    meta = manifest(base, command_line()) | {"years": chosen_years, "options": list(loaded)}
    if excel is not None:
        from speelveld.report.excel import write_options_workbook

        write_atomic(excel, lambda p: write_options_workbook(p, results, titles, meta, lang.value))
        err.print(status_text("st_wrote", file=excel))
    if fmt == Fmt.table:
        for part in options_tables(results, titles, lang.value, shown, reference.upper()):
            out.print(part)
        return
    rows = options_rows(results)
    if fmt == Fmt.csv:
        emit_csv(rows.write_csv(), meta, out_file)
        return
    else:
        text = json.dumps({"run": meta, "options": {n: {"title": titles[n], "basis": list(loaded[n].option.basis) if loaded[n].option else []} for n in loaded},
                           "rows": rows.to_dicts()}, indent=2, ensure_ascii=False) + "\n"
    emit_text(text, out_file)


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
    from speelveld.report.terminal import closing_tables

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
    if fmt == Fmt.table:
        caveats = {s: cfg.sectors[s].sector_volume_caveat.text(lang.value) for s in sorted(cfg.sectors) if cfg.sectors[s].sector_volume_caveat}
        for part in closing_tables(table, totals, money, cfg.year, chosen[0], lang.value, caveats):
            out.print(part)
        return
    meta = manifest(cfg, command_line())
    payload = {"run": meta, "rows": table.to_dicts(), "totals": totals.to_dicts(),
               "budgets": {"envelope_eur_per_year": money.envelope_eur_per_year, "ikc_eur_per_year": money.ikc_eur_per_year}}
    if fmt == Fmt.csv:
        emit_csv(table.write_csv(), meta, out_file)
        return
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    emit_text(text, out_file)


class Technology(str, Enum):
    e_boiler = "e-boiler"
    heat_pump = "heat-pump"


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
):
    """The business case for electrifying a sector's boiler heat, per country: a year of that heat
    from the gas boiler against an e-boiler or heat pump (energy, CO2, annualised capital), the
    yearly cost difference, the CO2 price at which electrifying breaks even, and the subsidy per
    tonne of CO2 avoided it needs, in the reference country against its neighbours."""
    from speelveld.config.load import Override
    from speelveld.core.business import BusinessCaseError, business_case, electrification, electrified_values
    from speelveld.report.terminal import business_case_tables

    fmt = output_format(fmt, out_file)
    for target in (out_file, excel):
        if target is not None:
            check_writable(target)
    cfg = load(config_dir, year, set_, scenario)
    sector = pick("sector", "--sector", sector, sorted(cfg.sectors))
    chosen = pick_countries(cfg, reference, countries)
    try:
        e = electrification(cfg, sector, technology.value)
        extra = [Override(path, value, "business case") for path, value in electrified_values(cfg, sector, e)]
        electrified = load_year(cfg.config_dir, cfg.year, [parse_override(s) for s in set_ or []] + extra, scenario=scenario)
        result = business_case(cfg, electrified, sector, technology.value, chosen[1:], chosen[0])
    except BusinessCaseError as exc:
        raise UsageProblem(str(exc)) from None
    meta = manifest(cfg, command_line())
    if excel is not None:
        from speelveld.report.excel import write_business_case_workbook

        write_atomic(excel, lambda p: write_business_case_workbook(p, result, meta, lang.value))
        err.print(status_text("st_wrote", file=excel))
    if fmt == Fmt.table:
        for part in business_case_tables(result, lang.value):
            out.print(part)
        return
    q = result.quantities
    payload = {
        "run": meta, "sector": sector, "technology": technology.value, "reference": chosen[0], "eua_eur_per_t": result.eua_eur_per_t,
        "quantities": {"heat_mwh": q.heat_mwh, "gas_saved_mwh": q.gas_saved_mwh, "electricity_mwh": q.electricity_mwh, "co2_avoided_t": q.co2_avoided_t, "capacity_kw": q.capacity_kw},
        "rows": result.table.to_dicts(),
    }
    if fmt == Fmt.csv:
        emit_csv(result.table.write_csv(), meta, out_file)
        return
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    emit_text(text, out_file)


@app.command("new-year")
@user_errors
def new_year(
    year: Annotated[int, typer.Argument(metavar="YEAR", help="The new price year, e.g. 2027.", show_default=False)],
    from_year: Annotated[int | None, typer.Option("--from", metavar="YEAR", help="The year to start from (default: the latest).", show_default=False)] = None,
    config_dir: ConfigDirOpt = None,
    lang: LangOpt = Lang.nl,
):
    """Create the configs of a new price year from the latest one. Rules are copied; every
    figure republished yearly (prices, tariffs, levy rates, EUA prices, budgets) is carried
    forward as an estimate with its old source, so that the list of stale values of
    `speelveld sources` shows what must be updated. Never overwrites an existing year."""
    from speelveld.config.newyear import create_new_year
    from speelveld.report.labels import t

    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem(f"--config-dir: {config_dir} is not a directory")
    done = create_new_year(config_dir, year, from_year)
    L = lang.value
    out.print(t(L, "ny_created", year=year, from_year=done.from_year, target=done.target, files=len(done.files)))
    out.print(t(L, "ny_carried", n=len(done.carried), year=year))
    for head in done.collapsed_periods:
        out.print(t(L, "ny_periods", path=head, year=year, from_year=done.from_year))
    if done.ending_rules:
        out.print(t(L, "ny_ending", year=year))
        for r in done.ending_rules:
            out.print(f"  {r.path} — {r.label}: " + t(L, "ny_until", to_year=r.to_year))
    for name, years in done.scenarios_not_covering:
        out.print(t(L, "ny_scenario", name=name, years=", ".join(map(str, years)), year=year))


@app.command()
@user_errors
def project(
    to_year: Annotated[int, typer.Option("--to", metavar="YEAR", help="The last projection year, e.g. 2030.")],
    paths: Annotated[Path | None, typer.Option("--paths", metavar="FILE", help="The paths file (default: paths.yaml in the config directory).", show_default=False)] = None,
    config_dir: ConfigDirOpt = None,
    lang: LangOpt = Lang.nl,
):
    """Build the projection years after the latest price year, up to --to: the base year rolled
    forward, with each parameter's value from the paths file (futures, announced tariffs, decided
    levies, budgets) and its band widened with the horizon. Written under projections/ in the
    config directory, replacing the previous projections at once; the same inputs give the same bytes."""
    from speelveld.config.projection import build_projection
    from speelveld.report.labels import t

    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem(f"--config-dir: {config_dir} is not a directory")
    done = build_projection(config_dir, to_year, paths)
    L = lang.value
    out.print(t(L, "pj_built", years=", ".join(map(str, done.years)), base=done.base_year, target=done.target, files=len(done.files)))
    out.print(t(L, "pj_counts", n=done.from_paths, carried=done.carried))


inputs_app = typer.Typer(
    help="The parameters of a price year as an Excel workbook to edit, and the edits read back into the YAML files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(inputs_app, name="inputs")


@inputs_app.command("export")
@user_errors
def inputs_export(
    out_file: Annotated[Path, typer.Option("--out", metavar="FILE.xlsx", help="The workbook to write.")],
    year: YearOpt = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the sheets and headers.")] = Lang.nl,
    config_dir: ConfigDirOpt = None,
):
    """Write every parameter of a price year to a workbook: one row per parameter (path, label,
    value, unit, low, high, quality, source, note, file:line), a sheet of sources, a sheet that
    explains the editing. Edit it in Excel or LibreOffice and read it back with `speelveld inputs import`."""
    from speelveld.report.inputs_xlsx import write_inputs_workbook

    if out_file.suffix.lower() != ".xlsx":
        raise UsageProblem(f"--out {out_file}: the workbook needs a .xlsx name")
    check_writable(out_file)
    cfg = load(config_dir, year, None)
    write_atomic(out_file, lambda p: write_inputs_workbook(p, cfg, lang.value))
    err.print(status_text("st_wrote_params", file=out_file, n=len(cfg.params), year=cfg.year))


@inputs_app.command("import")
@user_errors
def inputs_import(
    workbook: Annotated[Path, typer.Argument(metavar="FILE.xlsx", help="A workbook written by `speelveld inputs export`, edited.", show_default=False)],
    config_dir: ConfigDirOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check the edits and show the changes, but write nothing.")] = False,
    top: Annotated[int, typer.Option("--top", metavar="N", min=1, help="Lines shown per sector and country in the effect on the gaps.")] = 5,
    lang: LangOpt = Lang.nl,
):
    """Read an edited input workbook back into the YAML files: every edited cell is checked (a
    number, a unit that matches, a quality from the list, a source for every changed value), the
    year is validated with the edits, and only then are the files written, keeping the comments,
    key order and layout of everything not edited. Prints each change and its effect on the gaps."""
    from speelveld.config.inputs import read_workbook, write_import
    from speelveld.core.diff import diff as run_diff
    from speelveld.report.labels import t
    from speelveld.report.numbers import sig
    from speelveld.report.terminal import diff_tables

    if not workbook.is_file():
        raise UsageProblem(f"{workbook}: no such file")
    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem(f"--config-dir: {config_dir} is not a directory")
    result = read_workbook(workbook, config_dir)
    L = lang.value
    if not result.edits and not result.new_sources:
        out.print(t(L, "imp_none", year=result.before.year))
        return
    # write first, report after: the report to a closed pipe (`| head`) must not cost the edits
    written = [] if dry_run else write_import(result)
    if written:
        err.print(t(L, "imp_written", n=len(written), files=", ".join(result.before.relative_file(str(f)) for f in written)))
    for warning in result.warnings:
        say("warning", warning)
    for ns in result.new_sources:
        out.print(t(L, "imp_source", id=ns.id, file=result.before.relative_file(str(ns.file)), title=ns.fields.get("title", "")))
    for e in result.edits:
        p = e.param
        old = t(L, "tx_unknown") if p.value is None else sig(p.value)
        new = t(L, "tx_unknown") if e.value is None else sig(e.value)
        band = f" [{sig(e.low)}–{sig(e.high)}]" if e.low is not None and e.high is not None else ""
        quality = t(L, "q_" + e.quality.value)
        if p.quality != e.quality:
            quality = f"{t(L, 'q_' + p.quality.value)} → {quality}"
        out.print(f"  {p.path}: {old} → {new}{band} {p.unit} ({quality}, {e.source})  [{e.cell}]", markup=False)
    after = result.after
    countries = [c for c in sorted(after.countries) if c != "NL"] if "NL" in after.countries else []
    if countries:
        sectors = sorted(set(result.before.sectors) & set(after.sectors))
        a = run_compare(result.before, sectors, countries, reference="NL")
        b = run_compare(after, sectors, countries, reference="NL")
        changes = run_diff(a, b, t(L, "imp_before"), t(L, "imp_after"))
        moved = changes.gaps.filter((changes.gaps["change"].abs() > 1e-9) | (changes.gaps["co2_change"].abs() > 1e-9))
        if moved.height:
            changes.gaps = moved
            for table in diff_tables(changes, top, lang.value):
                out.print(table)
        else:
            out.print(t(L, "imp_no_gap_change"))
    if dry_run:
        out.print(t(L, "imp_dry", n=len(result.texts)))


class ExplainFmt(str, Enum):
    table = "table"
    json = "json"


@app.command()
@user_errors
def explain(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype (see `speelveld list`).")],
    country: Annotated[str, typer.Option("--country", metavar="CC", help="Country code, e.g. DE.")],
    year: YearOpt = None,
    scenario: ScenarioOpt = None,
    set_: SetOpt = None,
    line: Annotated[str | None, typer.Option("--line", metavar="PREFIX", help="Only the lines whose key starts with this, e.g. network or tax.kwkg.", show_default=False)] = None,
    fmt: Annotated[ExplainFmt, typer.Option("--format", help="table (terminal walk-through) or json.")] = ExplainFmt.table,
    out_file: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write the json to this file instead of stdout.", show_default=False)] = None,
    no_inputs: Annotated[bool, typer.Option("--no-inputs", help="Leave out the inputs and sources under each line.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Report language: nl (default) or en, for headings and steps; the names a config gives its levies and charges stay as written.")] = Lang.nl,
    config_dir: ConfigDirOpt = None,
    strict: StrictOpt = None,
    carrier: Annotated[Carrier, typer.Option("--carrier", help="electricity, or gas / all to include the natural gas lines (per MWh of gas).")] = None,
):
    """Explain every cost line of one sector in one country: the formula with the numbers filled
    in, each eligibility condition (passed or failed), the resulting €/yr and €/MWh, and the
    source and quality flag of every input. The lines add up to the total of `compare`."""
    from speelveld.core.explain import explain as run_explain
    from speelveld.report.explain import explanation_json, print_explanation

    if out_file is not None:
        check_writable(out_file)
    cfg = load(config_dir, year, set_, scenario)
    sector = pick("sector", "--sector", sector, sorted(cfg.sectors))
    country = pick("country", "--country", country.upper(), sorted(cfg.countries))
    check_warnings(cfg, strict, run_compare(cfg, [sector], [country], reference=country) if strict else None, lang=lang.value)
    result = run_explain(cfg, sector, country, gas=(carrier or Carrier.electricity) != Carrier.electricity)
    if line:
        keys = [ln.key for ln in result.lines]
        result.lines = [ln for ln in result.lines if ln.key.startswith(line)]
        result.line_filter = line
        if not result.lines:
            raise UsageProblem(f"--line: no line key starts with '{line}'; keys: {', '.join(keys)}")
    if fmt == ExplainFmt.json:
        text = explanation_json(result, manifest(cfg, command_line()))
        emit_text(text, out_file)
        return
    print_explanation(result, out, lang.value, show_inputs=not no_inputs)


@app.command()
@user_errors
def sources(
    year: YearOpt = None,
    stale: Annotated[bool, typer.Option("--stale", help="List the values that need attention: unknown, estimate, expired, or a yearly figure whose update is overdue.")] = False,
    country: Annotated[str | None, typer.Option("--country", metavar="CC", help="Only this country (or EU, sectors).", show_default=False)] = None,
    include_archetypes: Annotated[bool, typer.Option("--include-archetypes", help="With --stale: also list the sector archetypes' assumptions (estimates by design).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", help="With --stale: print each value's note under it.")] = False,
    fmt: FormatOpt = Fmt.table,
    scenario: ScenarioOpt = None,
    config_dir: ConfigDirOpt = None,
    lang: LangOpt = Lang.nl,
):
    """All sources a price year uses, grouped by country and component, with the number of values
    each supports and their quality flags. With --stale: the values that need attention."""
    import polars as pl

    from speelveld.core.provenance import source_table, stale_values
    from speelveld.report.terminal import sources_tables, stale_tables

    cfg = load(config_dir, year, None, scenario)
    if stale:
        # rank by how far each value can move the gaps: every sector against every country
        others = [c for c in sorted(cfg.countries) if c != "NL"]
        everything = run_compare(cfg, sorted(cfg.sectors), others, reference="NL") if "NL" in cfg.countries else None
        leverage = None
        if everything is not None:
            from speelveld.core.provenance import point_leverage

            pending = stale_values(cfg)
            leverage = point_leverage(cfg, sorted(cfg.sectors), others, "NL", pending["path"].to_list())
        table = stale_values(cfg, everything, leverage)
    else:
        table = source_table(cfg)
    if country:
        scopes = sorted(set(table["country"].to_list()) | set(cfg.countries) | {"EU", "sectors"})
        wanted = pick("country", "--country", country if country in ("EU", "sectors") else country.upper(), scopes)
        table = table.filter(pl.col("country") == wanted)
    hidden = 0
    if stale and not include_archetypes:
        archetype = (pl.col("country") == "sectors") & (pl.col("reason") == "estimate")
        hidden = table.filter(archetype).height
        table = table.filter(~archetype)
    if fmt == Fmt.csv:
        sys.stdout.write(table.write_csv())
    elif fmt == Fmt.json:
        sys.stdout.write(json.dumps({"run": manifest(cfg, command_line()), "rows": table.to_dicts()}, indent=2, ensure_ascii=False) + "\n")
    elif stale:
        from speelveld.report.labels import t as label

        for t in stale_tables(table, cfg.year, verbose, lang.value):
            out.print(t)
        items = table["path"].n_unique()
        out.print(label(lang.value, "stale_count", n=items, year=cfg.year) + (label(lang.value, "stale_hidden", n=hidden) if hidden else ""))
    else:
        for t in sources_tables(table, cfg.year, lang.value):
            out.print(t)


@app.command("diff")
@user_errors
def diff_(
    year: Annotated[int | None, typer.Option("--year", metavar="YEAR", help="The earlier price year (default: the one before --vs, or --vs itself with --vs-config-dir).", show_default=False)] = None,
    vs: Annotated[int | None, typer.Option("--vs", metavar="YEAR", help="The later price year (default: the latest).", show_default=False)] = None,
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype, or 'all'.")] = "all",
    reference: ReferenceOpt = "NL",
    countries: Annotated[str | None, typer.Option("--countries", metavar="CC,CC", help="Comma-separated countries (default: all in both runs).", show_default=False)] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=1, help="Lines shown per sector and country, largest change first.")] = 8,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, csv (one row per line effect) or json.")] = Fmt.table,
    config_dir: ConfigDirOpt = None,
    vs_config_dir: Annotated[Path | None, typer.Option("--vs-config-dir", metavar="DIR", help="Compare with this config directory instead of the same one (e.g. a colleague's edit).", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
):
    """How each gap changed between two price years (or two config directories), decomposed by
    cost line, largest changes first. The line effects add up to the change of the gap."""
    from speelveld.core.diff import diff as run_diff
    from speelveld.report.terminal import diff_tables

    dir_a = config_dir or default_config_dir()
    dir_b = vs_config_dir or dir_a
    for option, d in (("--config-dir", dir_a), ("--vs-config-dir", dir_b)):
        if not d.is_dir():
            raise UsageProblem(f"{option}: {d} is not a directory")
    year_a, year_b = diff_years(dir_a, dir_b, year, vs, vs_config_dir is not None)
    cfg_a = load_year(dir_a, year_a, [])
    cfg_b = load_year(dir_b, year_b, [])
    common = sorted(set(cfg_a.sectors) & set(cfg_b.sectors))
    sectors = common if sector == "all" else [pick("sector", "--sector", sector, common)]
    chosen = [c for c in pick_countries(cfg_a, reference, countries) if c in cfg_b.countries]
    if chosen[0] not in cfg_b.countries:
        raise UsageProblem(f"--reference: {chosen[0]} is not in the {year_b} configs")
    a = run_compare(cfg_a, sectors, chosen[1:], reference=chosen[0])
    b = run_compare(cfg_b, sectors, chosen[1:], reference=chosen[0])
    label_a = str(year_a) if vs_config_dir is None else f"{year_a} ({dir_a})"
    label_b = str(year_b) if vs_config_dir is None else f"{year_b} ({dir_b})"
    result = run_diff(a, b, label_a, label_b)
    def inputs_of(cfg: YearConfig) -> dict:
        return {k: v for k, v in manifest(cfg, "").items() if k not in ("tool", "version", "command")}

    # the manifest of a diff: the tool and command, and the inputs of each side
    meta = {"tool": "speelveld", "version": __version__, "command": command_line(), "a": inputs_of(cfg_a), "b": inputs_of(cfg_b)}
    if fmt == Fmt.csv:
        sys.stdout.write(result.lines.write_csv())
    elif fmt == Fmt.json:
        payload = {
            "run": meta,
            "a": {"label": label_a, "config_hash": cfg_a.resolved_hash()},
            "b": {"label": label_b, "config_hash": cfg_b.resolved_hash()},
            "reference": chosen[0],
            "command": command_line(),
            "gaps": result.gaps.to_dicts(),
            "lines": result.lines.to_dicts(),
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        for t in diff_tables(result, top, lang.value):
            out.print(t)


def _argv_lang() -> str | None:
    """--lang as given on the command line, for errors found before the command runs."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1].lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1].lower()
    return None


def help_language() -> str:
    """The language of --help: Dutch, unless --lang en or SPEELVELD_LANG=en says English."""
    import os

    return "en" if (_argv_lang() or os.environ.get("SPEELVELD_LANG", "nl").lower()) == "en" else "nl"


def command(lang: str = "nl"):
    """The click command of the app, its help in ``lang`` (the catalogue in speelveld/clihelp.py)."""
    import typer.core

    from speelveld.clihelp import FRAME_NL, HELP_NL

    cmd = typer.main.get_command(app)
    if lang != "nl":
        return cmd

    def walk(c) -> None:
        c.help = HELP_NL.get(c.help, c.help) if c.help else c.help
        for p in c.params:
            if getattr(p, "help", None):
                p.help = HELP_NL.get(p.help, FRAME_NL.get(p.help, p.help))
        try:  # the --help option is made (and kept) on first use: make it now, in Dutch
            from typer._click.core import Context

            option = c.get_help_option(Context(c))
            if option is not None:
                option.help = FRAME_NL.get(option.help, option.help)
        except (ImportError, AttributeError, TypeError):
            pass  # another typer: --help's own line stays English
        for sub in getattr(c, "commands", {}).values():
            walk(sub)

    walk(cmd)
    try:
        from typer._click.formatting import HelpFormatter

        if not getattr(HelpFormatter.write_usage, "dutch", False):
            usage = HelpFormatter.write_usage

            def write_usage(self, prog, args="", prefix=None):
                return usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

            write_usage.dutch = True
            HelpFormatter.write_usage = write_usage
    except ImportError:
        pass  # another typer: 'Usage:' stays English
    # typer's words around the help ('Options', '[default: nl]'): its module translates them
    # through gettext; in a Dutch run they come from the catalogue
    typer.core._ = lambda text: FRAME_NL.get(text, text)
    return cmd


def main() -> None:
    """Entry point: typer's own usage errors (a missing option, --year abc) become one
    `error:` line and exit status 2, like every other bad input. Help is Dutch by default."""
    cli = command(help_language())
    if len(sys.argv) <= 1 or {"--help", "--debug"} & set(sys.argv):
        cli(prog_name="speelveld")
        return
    try:
        code = cli(prog_name="speelveld", standalone_mode=False)
    except Exception as exc:  # click's UsageError, vendored by newer typer: recognised by its interface
        if not hasattr(exc, "format_message") or getattr(exc, "exit_code", None) != 2:
            raise
        _state["lang"] = "en" if _argv_lang() == "en" else "nl"
        say("error", " ".join(exc.format_message().split()))
        sys.exit(2)
    sys.exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
