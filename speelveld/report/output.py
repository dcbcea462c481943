"""Machine-readable outputs (CSV, JSON) and the atomic file write every writer uses."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from speelveld import __version__
from speelveld.config.resolved import YearConfig
from speelveld.core.compute import Comparison
from speelveld.fileio import check_writable, write_atomic  # noqa: F401 (re-exported: the CLI writes through them)


def published_path(path: Path | str) -> str:
    """A path as a published file may name it: relative to the working directory where it lies
    below it, the shipped configs as 'configs', else with the home directory as '~' (a workbook
    sent to parliament does not carry a civil servant's home directory)."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        pass
    from speelveld.config.discovery import PACKAGE_CONFIGS, REPO_CONFIGS

    if p.resolve() in (REPO_CONFIGS.resolve(), PACKAGE_CONFIGS.resolve()):
        return "configs (speelveld's own)"
    home = str(Path.home())
    text = str(p)
    return "~" + text[len(home):] if home not in ("", "/") and text.startswith(home + "/") else text


def manifest(cfg: YearConfig, command: str) -> dict:
    """What it takes to reproduce a result: tool version, inputs and the command."""
    return {
        "tool": "speelveld",
        "version": __version__,
        "year": cfg.year,
        "config_dir": published_path(cfg.config_dir),
        "config_hash": cfg.resolved_hash(),
        "command": command,
        "scenario": cfg.scenario,
        "overrides": list(cfg.overrides),
    }


def sidecar(path: Path) -> Path:
    """Where a CSV file's manifest goes: beside it, as ``<name>.json`` (the CSV itself stays plain,
    header first, for any reader)."""
    return path.with_name(path.name + ".json")


def manifest_json(meta: dict) -> str:
    return json.dumps(meta, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


# The columns of a `compare` CSV. Line rows fill the first eleven; each (sector, country) then
# has one `total` row that also carries the totals contract (bands, completeness, bound type).
CSV_COLUMNS = [
    "sector", "country", "family", "key", "label", "relief", "eur_per_year", "eur_per_mwh", "low_eur_per_mwh", "high_eur_per_mwh", "quality",
    "total_low_eur_per_mwh", "total_high_eur_per_mwh", "electricity_eur_per_mwh", "direct_co2_eur_per_mwh",
    "gap_eur_per_mwh", "gap_low_eur_per_mwh", "gap_high_eur_per_mwh", "complete", "gap_bound",
]


GAS_CSV_COLUMNS = ["gas_eur_per_mwh", "gas_low_eur_per_mwh", "gas_high_eur_per_mwh", "gas_gap_eur_per_mwh", "gas_gap_low_eur_per_mwh",
                   "gas_gap_high_eur_per_mwh", "gas_gap_bound", "energy_gap_meur_per_year", "energy_gap_low_meur_per_year", "energy_gap_high_meur_per_year"]


def _columns(result: Comparison) -> list[str]:
    """The CSV columns: the gas subtotal's only when gas was computed."""
    return CSV_COLUMNS + (GAS_CSV_COLUMNS if "gas_eur_per_mwh" in result.totals.columns else [])


# What the electricity total adds up: every line but direct CO2 (beside it) and gas (its own subtotal).
_BESIDE_THE_TOTAL = ("direct_co2", "gas_commodity", "gas_network", "gas_taxes")


def _rows(result: Comparison) -> list[dict]:
    from speelveld.config.model import QUALITY_RANK, Quality

    rows = []
    columns = _columns(result)
    weakest: dict[tuple[str, str], str] = {}
    for r in result.lines.iter_rows(named=True):
        rows.append({k: r.get(k) for k in columns})
        if r["family"] not in _BESIDE_THE_TOTAL and r["quality"]:
            at = (r["sector"], r["country"])
            if at not in weakest or QUALITY_RANK[Quality(r["quality"])] > QUALITY_RANK[Quality(weakest[at])]:
                weakest[at] = r["quality"]
    for r in result.totals.iter_rows(named=True):
        row = {k: r.get(k) for k in columns}
        row.update(
            family="total", key="total", label="total (electricity)", relief=False,
            eur_per_year=r["total_eur_per_year"], eur_per_mwh=r["total_eur_per_mwh"],
            low_eur_per_mwh=r["total_low_eur_per_mwh"], high_eur_per_mwh=r["total_high_eur_per_mwh"],
            quality=weakest.get((r["sector"], r["country"])),  # the weakest of its lines; `complete` says whether the gap has an open side
        )
        rows.append(row)
    return rows


def to_csv(result: Comparison, dutch: bool = False) -> str:
    """The comparison as CSV; ``dutch``: ';' between fields and a decimal comma in the numbers
    (what a Dutch Excel opens in columns), text left as written."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_columns(result), lineterminator="\n", delimiter=";" if dutch else ",")
    writer.writeheader()
    for row in _rows(result):
        writer.writerow({k: ("" if v is None else (repr(v).replace(".", ",") if dutch else repr(v)) if isinstance(v, float) else v) for k, v in row.items()})
    return buf.getvalue()


def to_json(result: Comparison, meta: dict) -> str:
    payload = {
        "run": meta,
        "reference": result.reference,
        "conventions": {
            "total_eur_per_mwh": "the electricity price (commodity, network, taxes and levies, their reliefs, ETS indirect-cost compensation, support); the headline",
            "direct_co2_eur_per_mwh": "direct CO2 costs beside it (EU ETS net of free allocation, national CO2 levy)",
            "low/high": "the band: lowest and highest value with every uncertain input anywhere in its range; null = open on that side",
            "gap_bound": "exact: the gap lies in [gap_low, gap_high]; lower: it is at least gap_low; upper: at most gap_high; none: undetermined",
            "complete": "the gap (for the reference: its own total) has no open side",
            "gas_eur_per_mwh": "with --carrier gas or all: natural gas per MWh of all gas used (fuel and feedstock); gas lines' eur_per_mwh is per MWh of gas",
            "energy_gap_meur_per_year": "with --carrier gas or all: the gap in the plant's electricity and gas bill together, M€/yr",
        },
        "lines": result.lines.drop("inputs").to_dicts(),
        "totals": result.totals.to_dicts(),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_frame_xlsx(frame, path: Path, meta: dict) -> None:
    """A plain table of results on one sheet plus the run manifest, for sweeps."""
    from speelveld.report.excel import new_workbook, save_workbook

    wb = new_workbook()
    ws = wb.active
    ws.title = "sweep"
    ws.append(frame.columns)
    for row in frame.iter_rows():
        ws.append(list(row))
    ws.freeze_panes = "A2"
    run = wb.create_sheet("run")
    for k, v in meta.items():
        run.append([k, str(v)])
    save_workbook(wb, path)


def parquet_metadata(meta: dict) -> dict[str, str]:
    return {"speelveld.run": json.dumps(meta, sort_keys=True, ensure_ascii=False)}


def options_rows(results: list):
    """The options over the years as one long table (as the IAMC format of scenario time series):
    option, year, projection, variable, sector, country, value, low, high, unit."""
    import polars as pl

    rows = []

    def add(r, variable, value, low=None, high=None, unit="", sector=None, country=None):
        rows.append({"option": r.option, "year": r.year, "projection": r.projection, "variable": variable, "sector": sector,
                     "country": country, "value": value, "low": low, "high": high, "unit": unit})

    for r in results:
        add(r, "state_cost", r.state_cost_meur, r.state_cost_low_meur, r.state_cost_high_meur, "M€/yr" + (" (lower bound: modelled sectors only)" if r.cost_partial else ""))
        if r.stated_cost_meur is not None:
            add(r, "state_cost_stated", r.stated_cost_meur, unit="M€/yr")
        add(r, "envelope", r.envelope_meur, r.envelope_low_meur, r.envelope_high_meur, "M€/yr")
        add(r, "envelope_committed", *r.committed_meur, f"M€/yr ({r.reading})")
        add(r, "headroom", *r.headroom_meur, f"M€/yr ({r.reading})")
        add(r, "state_aid_verdict", {"pass": 1.0, "fail": 0.0}.get(r.verdict), unit=r.verdict)
        for cc, v in r.money_useful_pct.items():
            add(r, "money_share_reducing_disadvantage", v, unit="%", country=cc)
        for (sector, cc), (before, after) in sorted(r.shown.items()):
            add(r, "gap_before_banded", *before, "€/MWh", sector, cc)
            add(r, "gap_after_banded", *after, "€/MWh", sector, cc)
        if r.sectors is not None:
            for x in r.sectors.iter_rows(named=True):
                add(r, "relief", x["relief"], x["relief_low"], x["relief_high"], "€/MWh", x["sector"], "NL")
                add(r, "money", x["money"], x["money_low"], x["money_high"], "M€/yr", x["sector"], "NL")
        if r.mix is not None:
            for name, level in r.mix.levels.items():
                add(r, f"mix_level:{name}", level, unit="× the option as configured")
            add(r, "mix_marginal_per_100meur", r.mix.marginal_eur_per_mwh_per_100meur, unit="€/MWh per 100 M€/yr")
            for (sector, cc), p in sorted(r.chance_closed.items()):
                add(r, "mix_chance_gap_closed", None if p is None else p * 100, unit="%", sector=sector, country=cc)
        add(r, "headline_gap_before", *r.headline_before, "€/MWh", "chemie", "DE")
        add(r, "headline_gap_after", *r.headline_after, "€/MWh", "chemie", "DE")
        for cc, v in r.closed_per_100meur.items():
            add(r, "gap_closed_per_100meur", v, unit="€/MWh per 100 M€/yr", country=cc)
            add(r, "share_of_gap_closed", r.share_closed_pct.get(cc), unit="%", country=cc)
        add(r, "e_boiler_break_even_before", r.break_even_before, unit="€/t", sector="chemie", country="NL")
        add(r, "e_boiler_break_even_after", r.break_even_after, unit="€/t", sector="chemie", country="NL")
        for g in r.gaps.iter_rows(named=True):
            add(r, "gap_before", g["gap_before_eur_per_mwh"], unit="€/MWh", sector=g["sector"], country=g["country"])
            add(r, "gap_after", g["gap_after_eur_per_mwh"], unit="€/MWh", sector=g["sector"], country=g["country"])
        for c in r.checks:
            add(r, f"state_aid:{c.basis}:{c.rule}:{c.part}", {"pass": 1.0, "fail": 0.0}.get(c.status), unit=c.status)
    schema = {"option": pl.String, "year": pl.Int64, "projection": pl.Boolean, "variable": pl.String, "sector": pl.String,
              "country": pl.String, "value": pl.Float64, "low": pl.Float64, "high": pl.Float64, "unit": pl.String}
    return pl.DataFrame(rows, schema=schema)
