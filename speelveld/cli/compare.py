"""`compare` and `explain`: what a plant pays, line by line, and how each line is computed."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from speelveld.app import pick, pick_countries
from speelveld.cli.common import (
    CSV,
    Carrier,
    ConfigDirOpt,
    CountriesOpt,
    Fmt,
    Lang,
    LangOpt,
    ReferenceOpt,
    ScenarioOpt,
    SetOpt,
    StrictOpt,
    YearOpt,
    app,
    check_targets,
    check_warnings,
    check_writable,
    command_line,
    emit_csv,
    emit_text,
    load,
    manifest,
    out,
    output_format,
    policy_check,
    policy_table,
    print_comparison,
    run_compare,
    to_csv,
    to_json,
    user_errors,
    write_file,
    write_workbook,
)
from speelveld.errors import UsageProblem
from speelveld.said import said

ProfileOpt = Annotated[Path | None, typer.Option("--profile", metavar="FILE.csv", help="A plant's own hourly load (columns datetime, mw; one row per hour of the price year): its energy, full-load hours, off-peak share and load-weighted price per country replace the archetype's. Read here, never written anywhere.", show_default=False)]


@app.command()
@user_errors
def compare(
    sector: Annotated[str, typer.Option("--sector", metavar="NAME", help="Sector archetype (see `speelveld list`), or 'all'.")],
    year: YearOpt = None,
    reference: ReferenceOpt = "NL",
    countries: CountriesOpt = None,
    set_: SetOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="table (terminal report), csv, csv-nl (for a Dutch Excel: ';' and a decimal comma) or json (to stdout or --out).")] = Fmt.table,
    out_file: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write csv/json to this file instead of stdout.", show_default=False)] = None,
    lang: LangOpt = Lang.nl,
    config_dir: ConfigDirOpt = None,
    scenario: ScenarioOpt = None,
    excel: Annotated[Path | None, typer.Option("--excel", metavar="FILE.xlsx", help="Also write the Excel workbook (same layout as `speelveld report`) to this .xlsx file.", show_default=False)] = None,
    strict: StrictOpt = None,
    carrier: Annotated[Carrier, typer.Option("--carrier", help="electricity (the headline toets), gas, or all: electricity, gas and direct CO2 side by side with the gap in the whole energy bill.")] = None,
    profile: ProfileOpt = None,
):
    """Compare what a sector's plant pays in each country, line by line, and the gap to the reference.

    With --scenario the tables show the scenario, followed by the gap before and after it. With
    --profile the plant is the one of the profile (a price year with hourly prices: 2024, 2025)."""
    fmt = output_format(fmt, out_file)
    check_targets(out_file, excel)
    cfg = load(config_dir, year, set_, scenario)
    shape = None
    if profile is not None:
        if sector == "all":
            raise UsageProblem('--profile: ' + said("profile_plant_s_give"))
        name = pick("sector", "--sector", sector, sorted(cfg.sectors))
        extra, shape = profile_overrides(cfg, name, profile)
        cfg = load(config_dir, cfg.year, [*(set_ or []), *extra], scenario)
    sectors = sorted(cfg.sectors) if sector == "all" else [pick("sector", "--sector", sector, sorted(cfg.sectors))]
    chosen = pick_countries(cfg, reference, countries)
    carrier = carrier or Carrier.electricity
    result = run_compare(cfg, sectors, chosen[1:], reference=chosen[0], gas=carrier != Carrier.electricity)
    check_warnings(cfg, strict, result, lang=lang.value)
    if excel is not None:
        write_file(excel, lambda p: write_workbook(p, result, cfg, manifest(cfg, command_line()), lang.value))
    if fmt == Fmt.table:
        if shape is not None:
            from speelveld.report.labels import country_name, num, t

            L = lang.value
            out.print(t(L, "pf_summary", file=profile.name, mwh=num(shape["mwh"], 0, L), peak=num(shape["peak_mw"], 1, L), hours=num(shape["hours"], 0, L),
                        offpeak=num(shape["offpeak_pct"], 1, L)))
            out.print(t(L, "pf_prices", items="; ".join(f"{country_name(L, cc, short=True)} {num(w, 2, L)} ({'+' if shape['premium'][cc] >= 0 else ''}{num(shape['premium'][cc], 2, L)})"
                                                          for cc, w in shape["weighted"].items())))
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
    if fmt in CSV:
        emit_csv(to_csv(result, dutch=fmt == Fmt.csv_nl), meta, out_file)
        return
    emit_text(to_json(result, meta), out_file)


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
    profile: ProfileOpt = None,
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
    if profile is not None:
        # the profile's figures enter as overrides, each shown under the line it sets ('--set' in the inputs)
        cfg = load(config_dir, cfg.year, [*(set_ or []), *profile_overrides(cfg, sector, profile)[0]], scenario)
    country = pick("country", "--country", country.upper(), sorted(cfg.countries))
    check_warnings(cfg, strict, run_compare(cfg, [sector], [country], reference=country) if strict else None, lang=lang.value)
    result = run_explain(cfg, sector, country, gas=(carrier or Carrier.electricity) != Carrier.electricity)
    if line:
        keys = [ln.key for ln in result.lines]
        result.lines = [ln for ln in result.lines if ln.key.startswith(line)]
        result.line_filter = line
        if not result.lines:
            raise UsageProblem('--line: ' + said("line_key_starts_keys", line=line, keys=', '.join(keys)))
    if fmt == ExplainFmt.json:
        text = explanation_json(result, manifest(cfg, command_line()), lang.value)
        emit_text(text, out_file)
        return
    print_explanation(result, out, lang.value, show_inputs=not no_inputs)


def profile_overrides(cfg, sector: str, path: Path) -> tuple[list[str], dict]:
    """The --set overrides a profile makes of the plant: energy, full-load hours (or capacity),
    off-peak share and each country's profile premium over its baseload price."""
    from speelveld.config.hourly import year_prices
    from speelveld.config.profile import load_profile, profile_figures

    prices = year_prices(cfg.year)
    shape = load_profile(path, cfg.year)
    countries = [cc for cc in sorted(cfg.countries) if cc in prices.columns]
    baseload = {cc: cfg.params[f"{cc}.commodity.baseload_eur_per_mwh"].central for cc in countries}
    figures = profile_figures(shape, prices, countries, baseload)
    base = f"sectors.{sector}"
    sets = [f"{base}.consumption_mwh={figures['mwh']:.6f}", f"{base}.offpeak_share_pct={figures['offpeak_pct']:.6f}"]
    if cfg.sectors[sector].contracted_capacity_kw is not None:
        sets.append(f"{base}.contracted_capacity_kw={figures['peak_mw'] * 1000:.6f}")
    else:
        sets.append(f"{base}.utilisation_hours={figures['hours']:.6f}")
    sets += [f"{cc}.commodity.profile_premium_eur_per_mwh={p:.6f}" for cc, p in figures["premium"].items()]
    return sets, figures
