"""The yearly cycle: `report`, `trend`, `new-year`, `project`, `inputs export|import` and `diff`."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from speelveld import __version__
from speelveld.app import diff_years, pick, pick_countries
from speelveld.cli.common import (
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
    load_year,
    manifest,
    out,
    output_format,
    parse_years,
    run_compare,
    say,
    status_text,
    user_errors,
    write_atomic,
    write_file,
    write_workbook,
    years_hashes,
)
from speelveld.errors import UsageProblem
from speelveld.said import said

if TYPE_CHECKING:
    from speelveld.config.resolved import YearConfig


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
        raise UsageProblem(f'--out {out_file}: ' + said("workbook_needs_xlsx_name"))
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
    from speelveld.report.numbers import num

    err.print(status_text("st_wrote_sheets", file=out_file, n=sheets[0], seconds=num(time.perf_counter() - started, 1, lang.value)))


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
    from speelveld.report.command_tables import trend_tables

    fmt = output_format(fmt, out_file)
    check_targets(out_file, excel)
    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem('--config-dir: ' + said("not_directory", folder=config_dir))
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

        write_file(excel, lambda p: write_trend_workbook(p, frame, chosen[0], meta, lang.value))
    emit(fmt, frame, meta, out_file, lambda: trend_tables(frame, chosen[0], lang.value, decided),
         {"run": meta, "rows": frame.to_dicts(), "policy_changes": decided.to_dicts()})


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
        raise UsageProblem('--config-dir: ' + said("not_directory", folder=config_dir))
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
        raise UsageProblem('--config-dir: ' + said("not_directory", folder=config_dir))
    done = build_projection(config_dir, to_year, paths)
    L = lang.value
    out.print(t(L, "pj_built", years=", ".join(map(str, done.years)), base=done.base_year, target=done.target, files=len(done.files)))
    out.print(t(L, "pj_counts", n=done.from_paths, carried=done.carried))
    beyond = [y for y in done.years if y > done.paths_end]
    if beyond:
        err.print(f"warning: {t(L, 'pj_beyond', end=done.paths_end, years=', '.join(map(str, beyond)))}", markup=False)


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
        raise UsageProblem(f'--out {out_file}: ' + said("workbook_needs_xlsx_name"))
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
    from speelveld.report.command_tables import diff_tables
    from speelveld.report.labels import t
    from speelveld.report.numbers import sig

    if not workbook.is_file():
        raise UsageProblem(f'{workbook}: ' + said("such_file"))
    config_dir = config_dir or default_config_dir()
    if not config_dir.is_dir():
        raise UsageProblem('--config-dir: ' + said("not_directory", folder=config_dir))
    result = read_workbook(workbook, config_dir)
    L = lang.value
    if not result.edits and not result.new_sources:
        for warning in result.warnings:  # a deleted row changes nothing, and the user should still know
            say("warning", warning)
        out.print(t(L, "imp_none", year=result.before.year))
        return
    # write first, report after: the report to a closed pipe (`| head`) must not cost the edits
    written = [] if dry_run else write_import(result)
    if written:
        err.print(t(L, "imp_written_one" if len(written) == 1 else "imp_written", n=len(written), files=", ".join(result.before.relative_file(str(f)) for f in written)))
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
            from speelveld.core.compute import policy_words

            for table in diff_tables(changes, top, lang.value, policy_words(result.before, after)):
                out.print(table)
        else:
            out.print(t(L, "imp_no_gap_change"))
    if dry_run:
        out.print(t(L, "imp_dry", n=len(result.texts)))


@app.command("diff")
@user_errors
def diff_(
    year: Annotated[int | None, typer.Option("--year", metavar="YEAR", help="The earlier price year (default: the one before --vs, or --vs itself with --vs-config-dir).", show_default=False)] = None,
    vs: Annotated[int | None, typer.Option("--vs", metavar="YEAR", help="The later price year (default: the latest).", show_default=False)] = None,
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype, or 'all'.")] = "all",
    reference: ReferenceOpt = "NL",
    countries: Annotated[str | None, typer.Option("--countries", metavar="CC,CC", help="Comma-separated countries (default: all in both runs).", show_default=False)] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=1, help="Lines shown per sector and country, largest change first.")] = 8,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, csv (one row per line effect), csv-nl (the same for a Dutch Excel) or json.")] = Fmt.table,
    config_dir: ConfigDirOpt = None,
    vs_config_dir: Annotated[Path | None, typer.Option("--vs-config-dir", metavar="DIR", help="Compare with this config directory instead of the same one (e.g. a colleague's edit).", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
):
    """How each gap changed between two price years (or two config directories), decomposed by
    cost line, largest changes first. The line effects add up to the change of the gap."""
    from speelveld.core.diff import diff as run_diff
    from speelveld.report.command_tables import diff_tables

    dir_a = config_dir or default_config_dir()
    dir_b = vs_config_dir or dir_a
    for option, d in (("--config-dir", dir_a), ("--vs-config-dir", dir_b)):
        if not d.is_dir():
            raise UsageProblem(f'{option}: ' + said("not_directory", folder=d))
    year_a, year_b = diff_years(dir_a, dir_b, year, vs, vs_config_dir is not None)
    cfg_a = load_year(dir_a, year_a, [])
    cfg_b = load_year(dir_b, year_b, [])
    common = sorted(set(cfg_a.sectors) & set(cfg_b.sectors))
    sectors = common if sector == "all" else [pick("sector", "--sector", sector, common)]
    chosen = [c for c in pick_countries(cfg_a, reference, countries) if c in cfg_b.countries]
    if chosen[0] not in cfg_b.countries:
        raise UsageProblem('--reference: ' + said("not_configs", country=chosen[0], year=year_b))
    a = run_compare(cfg_a, sectors, chosen[1:], reference=chosen[0])
    b = run_compare(cfg_b, sectors, chosen[1:], reference=chosen[0])
    label_a = str(year_a) if vs_config_dir is None else f"{year_a} ({dir_a})"
    label_b = str(year_b) if vs_config_dir is None else f"{year_b} ({dir_b})"
    result = run_diff(a, b, label_a, label_b)
    def inputs_of(cfg: YearConfig) -> dict:
        return {k: v for k, v in manifest(cfg, "").items() if k not in ("tool", "version", "command")}

    # the manifest of a diff: the tool and command, and the inputs of each side
    meta = {"tool": "speelveld", "version": __version__, "command": command_line(), "a": inputs_of(cfg_a), "b": inputs_of(cfg_b)}
    payload = {
        "run": meta,
        "a": {"label": label_a, "config_hash": cfg_a.resolved_hash()},
        "b": {"label": label_b, "config_hash": cfg_b.resolved_hash()},
        "reference": chosen[0],
        "command": command_line(),
        "gaps": result.gaps.to_dicts(),
        "lines": result.lines.to_dicts(),
    }
    from speelveld.core.compute import policy_words

    emit(fmt, result.lines, meta, None, lambda: diff_tables(result, top, lang.value, policy_words(cfg_a, cfg_b)), payload)
