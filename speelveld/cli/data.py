"""The data behind the numbers: `list`, `validate` and `sources`."""

from __future__ import annotations

from typing import Annotated

import typer

from speelveld.app import pick, resolve_year
from speelveld.cli.common import (
    ConfigDirOpt,
    Fmt,
    FormatOpt,
    Lang,
    LangOpt,
    ScenarioOpt,
    StrictOpt,
    YearOpt,
    app,
    available_years,
    check_warnings,
    command_line,
    default_config_dir,
    emit,
    load,
    load_scenario,
    load_year,
    manifest,
    out,
    run_compare,
    user_errors,
)
from speelveld.config.yamlload import ConfigError
from speelveld.errors import UsageProblem
from speelveld.said import said


@app.command("list")
@user_errors
def list_(config_dir: ConfigDirOpt = None, year: YearOpt = None, lang: LangOpt = Lang.nl):
    """Show the price years, countries, sectors and scenarios available."""
    from speelveld.config.scenario import available_scenarios
    from speelveld.report.command_tables import list_tables

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
        raise UsageProblem('--config-dir: ' + said("not_directory", folder=config_dir))
    years = [resolve_year(config_dir, year)] if year else available_years(config_dir)
    if not years:
        raise UsageProblem('--config-dir: ' + said("price_year_folders_2026", folder=config_dir))
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
    from speelveld.config.scenario import available_scenarios, instrument_problems

    for name in available_scenarios(config_dir):
        try:
            sc = load_scenario(config_dir, name)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        for y in [y for y in years if sc.applies_to(y)]:
            try:
                loaded = load_year(config_dir, y, [], scenario=name)
            except ConfigError as exc:
                problems.extend(p for p in exc.problems if p not in problems)
                continue
            # an option's instruments and lever must be in the config it changes
            problems.extend(p for p in instrument_problems(sc, loaded.params) if p not in problems)
    if problems:
        raise ConfigError(problems)


CALENDAR_COLUMNS = {"country": "String", "rule": "String", "label": "String", "from_year": "Int64", "to_year": "Int64", "follows": "String",
                    "successor": "String", "successor_label": "String", "successor_from": "Int64", "source_id": "String", "note": "String",
                    "file": "String", "line": "Int64"}


@app.command()
@user_errors
def sources(
    year: YearOpt = None,
    stale: Annotated[bool, typer.Option("--stale", help="List the values that need attention: unknown, estimate, expired, or a yearly figure whose update is overdue.")] = False,
    country: Annotated[str | None, typer.Option("--country", metavar="CC", help="Only this country (or EU, sectors).", show_default=False)] = None,
    include_archetypes: Annotated[bool, typer.Option("--include-archetypes", help="With --stale: also list the sector archetypes' assumptions (estimates by design).")] = False,
    expiring: Annotated[bool, typer.Option("--expiring", help="List the calendar of rules: per country each rule with a validity window, when it ends and what follows it (a successor, values from paths.yaml, or a sourced end).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", help="With --stale or --expiring: print each value's or rule's note under it.")] = False,
    fmt: FormatOpt = Fmt.table,
    scenario: ScenarioOpt = None,
    config_dir: ConfigDirOpt = None,
    lang: LangOpt = Lang.nl,
):
    """All sources a price year uses, grouped by country and component, with the number of values
    each supports and their quality flags. With --stale: the values that need attention. With
    --expiring: the calendar of rules, when each ends and what follows it."""
    import polars as pl

    from speelveld.core.provenance import source_table, stale_values
    from speelveld.report.command_tables import sources_tables, stale_tables

    cfg = load(config_dir, year, None, scenario)
    if expiring:
        from speelveld.config.calendar import calendar_rows
        from speelveld.report.calendar import calendar_tables

        rows = calendar_rows(cfg)
        if country:
            wanted = pick("country", "--country", country.upper(), sorted(cfg.countries))
            rows = [r for r in rows if r["country"] == wanted]
        frame = pl.DataFrame(rows, schema={k: getattr(pl, v) for k, v in CALENDAR_COLUMNS.items()})
        meta = manifest(cfg, command_line())
        emit(fmt, frame, meta, None, lambda: calendar_tables(rows, cfg.year, verbose, lang.value), {"run": meta, "rows": rows})
        return
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
    from speelveld.report.labels import t as label

    def tables() -> list:
        if not stale:
            return sources_tables(table, cfg.year, lang.value)
        count = label(lang.value, "stale_count", n=table["path"].n_unique(), year=cfg.year) + (label(lang.value, "stale_hidden", n=hidden) if hidden else "")
        return [*stale_tables(table, cfg.year, verbose, lang.value), count]

    emit(fmt, table, manifest(cfg, command_line()), None, tables)
