"""What the commands share: the app, its consoles and state, the option definitions, loading, warnings
and output helpers. The commands live in one module per group (compare, data, cycle, policy)."""

from __future__ import annotations

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
from speelveld.app import open_year, warnings_for
from speelveld.config.yamlload import ConfigError
from speelveld.errors import SweepError, UsageProblem
from speelveld.said import said, said_of

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
summarise = _lazy("speelveld.core.sweep_results", "summarise")
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
    csv_nl = "csv-nl"  # for a Dutch Excel: ';' between fields and a decimal comma
    json = "json"


CSV = (Fmt.csv, Fmt.csv_nl)


def csv_text(frame, fmt: Fmt) -> str:
    """A frame as CSV: the standard (',' and a decimal point, for programs), or with csv-nl what a
    Dutch Excel opens in columns (';' and a decimal comma in the number columns only: a NACE code,
    a year or a path is text and stays as written)."""
    if fmt == Fmt.csv_nl:
        return frame.write_csv(separator=";", decimal_comma=True)
    return frame.write_csv()


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
            for problem in getattr(exc, "problems", [said_of(exc)]):
                say("error", problem)
            raise typer.Exit(2) from None
        except OSError as exc:
            if _state["debug"]:
                raise
            say("error", said_of(exc))
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


def check_warnings(cfg: YearConfig, strict: str | None, result=None, lang: str = "nl", varies=()) -> None:
    """Print the run's warnings in the report's language, each with its kind (the kinds named by
    --strict are errors)."""
    from speelveld.report.labels import warning_text

    for w in warnings_for(cfg, strict, result, lang, varies):
        err.print(f"warning: {warning_text(lang, w)} [{w.kind}]", markup=False)


# --format and --out of the commands that print a table or write it as csv/json
FormatOpt = Annotated[Fmt, typer.Option("--format", help="table, csv, csv-nl (for a Dutch Excel: ';' and a decimal comma) or json.")]
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


def emit(fmt: Fmt, rows, meta: dict, out_file: Path | None, tables, payload: dict | None = None) -> None:
    """The one output path of a command that gives a table: ``tables()`` (the rich parts) for the
    terminal; ``rows`` (a polars DataFrame) as CSV, with the manifest beside a file; or JSON:
    ``payload`` when the command has more to say than its rows, else {"run": meta, "rows": …}.
    Every command writes its formats here, so --format and --out behave the same everywhere."""
    if fmt == Fmt.table:
        for part in tables():
            out.print(part)
        return
    if fmt in CSV:
        emit_csv(csv_text(rows, fmt), meta, out_file)
        return
    body = payload if payload is not None else {"run": meta, "rows": rows.to_dicts()}
    emit_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", out_file)


def check_targets(*paths: Path | None) -> None:
    """Every file the command will write can be written, checked before any work is done."""
    for path in paths:
        if path is not None:
            check_writable(path)


def write_file(path: Path, write) -> None:
    """Write ``path`` atomically with ``write(tmp_path)`` and say so on stderr."""
    write_atomic(path, write)
    err.print(status_text("st_wrote", file=path))


def emit_text(text: str, out_file: Path | None) -> None:
    """A text result to stdout, or atomically to ``--out``."""
    if out_file is None:
        sys.stdout.write(text)
    else:
        write_file(out_file, lambda p: p.write_text(text, encoding="utf-8"))


def output_format(fmt: Fmt, out_file: Path | None) -> Fmt:
    """--out takes its format from its extension when --format is not given (a table cannot
    go to a file); a contradicting pair is an error rather than a file in the wrong format."""
    if out_file is None:
        return fmt
    by_suffix = {".csv": Fmt.csv, ".json": Fmt.json}.get(out_file.suffix.lower())
    if fmt == Fmt.csv_nl and by_suffix == Fmt.csv:
        return fmt
    if fmt == Fmt.table:
        if by_suffix is None:
            raise UsageProblem(f'--out {out_file}: ' + said("give_format_csv_json"))
        return by_suffix
    if by_suffix is not None and by_suffix != fmt:
        raise UsageProblem(f'--out {out_file}: ' + said("name_says_but_format", by_name=by_suffix.value, by_format=fmt.value))
    return fmt




def parse_years(spec: str | None, available: list[int], default: list[int] | None = None) -> list[int]:
    """--years 2024:2026 (inclusive), 2024,2026, or one year; default: every year available (or ``default``)."""
    if not spec:
        return available if default is None else default
    try:
        if ":" in spec:
            a, b = (int(x) for x in spec.split(":", 1))
            if a > b:
                raise UsageProblem(f'--years {spec}: ' + said("range_runs_backwards_write", range=f'{b}:{a}'))
            wanted = list(range(a, b + 1))
        else:
            wanted = [int(x) for x in spec.split(",") if x.strip()]
    except ValueError:
        raise UsageProblem(f'--years {spec}: ' + said("give_range_like_2024")) from None
    missing = [y for y in wanted if y not in available]
    if missing or not wanted:
        raise UsageProblem(f'--years {spec}: ' + said("no_configs_for", year=', '.join(map(str, missing)) or spec, years=', '.join(map(str, available))))
    return wanted


class Technology(str, Enum):
    e_boiler = "e-boiler"
    heat_pump = "heat-pump"
