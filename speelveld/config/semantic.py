"""The checks a schema cannot make: identity, duplicate ids, sources defined, bands and periods, units, ranges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel

from speelveld.config.calendar import succession_problems
from speelveld.config.checks import hours_in_year
from speelveld.config.errors import _origin_of, loc_text
from speelveld.config.resolved import Param
from speelveld.config.yamlload import LineMap
from speelveld.hints import did_you_mean
from speelveld.said import said


def _identity_checks(key, model, year: int, path: Path, lines: LineMap) -> list[str]:
    problems = []
    if key[0] == "countries" and model.country != key[1]:
        problems.append(f"{path}:{lines.line_of(('country',))}: country: " + said("does_not_match_file", given=model.country, file=f'{key[1]}.yaml'))
    if key[0] == "sectors" and model.sector != key[1]:
        problems.append(f"{path}:{lines.line_of(('sector',))}: sector: " + said("does_not_match_file", given=model.sector, file=f'{key[1]}.yaml'))
    if key[0] in ("countries", "eu") and model.year != year:
        problems.append(f"{path}:{lines.line_of(('year',))}: year: " + said("file_under", year=model.year, folder=year))
    return problems


class _Where:
    """``file:line`` of a location in one document, or the override that set it."""

    def __init__(self, files, lines, origins):
        self.files, self.lines, self.origins = files, lines, origins

    def __call__(self, key, loc: tuple) -> str:
        label = _origin_of(self.origins.get(key, {}), loc)
        return label or f"{self.files[key]}:{self.lines[key].line_of(loc)}"


def _duplicate_ids(model: BaseModel, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(location of the second item, id) for every list of items with ids that repeats an id:
    lines, reductions and support are keyed by id, so a repeated id would merge two of them."""
    found = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            found.extend(_duplicate_ids(value, loc + (name,)))
        elif isinstance(value, list):
            seen: set = set()
            for k, item in enumerate(value):
                if not isinstance(item, BaseModel):
                    continue
                here = loc + (name, k)
                item_id = getattr(item, "id", None)
                if isinstance(item_id, str):
                    if item_id in seen:
                        found.append((here + ("id",), item_id))
                    seen.add(item_id)
                found.extend(_duplicate_ids(item, here))
        elif isinstance(value, dict):
            for k, item in value.items():
                if isinstance(item, BaseModel):
                    found.extend(_duplicate_ids(item, loc + (name, k)))
    return found


def _semantic_checks(models, params: dict[str, Param], files, lines, year: int, origins) -> list[str]:
    """Checks that need more than one field or file: a sector must consume something within a
    year, its voltage level must exist everywhere, rate periods cover the year, references exist."""
    problems = []
    where = _Where(files, lines, origins)
    hours = hours_in_year(year)
    countries = {k: m for k, m in models.items() if k[0] == "countries"}
    for key, model in models.items():
        for loc, item_id in _duplicate_ids(model):
            coll = loc_text(model, loc[:-2])
            problems.append(f'{where(key, loc)}: {coll}: ' + said("id_used_twice", id=item_id))
        if key[0] == "sectors":
            base = f"sectors.{key[1]}"
            q = params.get(f"{base}.consumption_mwh")
            if q is not None and q.value is not None and q.value <= 0:
                problems.append(f"{where(key, ('consumption_mwh',))}: consumption_mwh: " + said("must_more_than_0", unit='MWh'))
                q = None
            h = params.get(f"{base}.utilisation_hours")
            if h is not None and h.value is not None and not 0 < h.value <= hours:
                problems.append(
                    f"{where(key, ('utilisation_hours',))}: utilisation_hours: " + said("h_not_within_h", hours=f'{h.value:g}', all=f'{hours:,}', year=year, most=f'{hours:,}')
                )
            kw = params.get(f"{base}.contracted_capacity_kw")
            if kw is not None and kw.value is not None:
                if kw.value <= 0:
                    problems.append(f"{where(key, ('contracted_capacity_kw',))}: contracted_capacity_kw: " + said("must_more_than_0", unit='kW'))
                elif q is not None and q.value is not None and q.value * 1000 / kw.value > hours:
                    problems.append(
                        f"{where(key, ('contracted_capacity_kw',))}: contracted_capacity_kw: " + said("mwh_kw_h_full", mwh=f'{q.value:g}', kw=f'{kw.value:g}', hours=f'{q.value * 1000 / kw.value:,.0f}', all=f'{hours:,}', year=year)
                    )
            shares = [params.get(f"{base}.process_shares_pct.{k}") for k in model.process_shares_pct]
            total = sum(s.value for s in shares if s is not None and s.value is not None)
            if total > 100:
                problems.append(f"{where(key, ('process_shares_pct',))}: process_shares_pct: " + said("shares_add_up_100", total=f'{total:g}'))
            for ckey, country in sorted(countries.items()):
                if model.voltage_level not in country.network.levels:
                    offered = ", ".join(sorted(country.network.levels)) or said("none")
                    problems.append(
                        f"{where(key, ('voltage_level',))}: voltage_level: " + said("not_offered_network_levels", level=model.voltage_level, country=ckey[1], where=f"{files[ckey]}:{lines[ckey].line_of(('network', 'levels'))}", offered=offered)
                    )
        if key[0] == "countries":
            problems.extend(succession_problems(model, year, lambda loc, key=key: where(key, loc), set(params)))
            levy_ids = [lv.id for lv in model.taxes.levies]
            for i, cap in enumerate(model.taxes.joint_caps):
                for name in cap.levies:
                    if name not in levy_ids:
                        extra = did_you_mean(name, levy_ids)
                        problems.append(
                            f"{where(key, ('taxes', 'joint_caps', i, 'levies'))}: taxes.joint_caps.{cap.id}.levies: " + said("unknown_levy", levy=name, hint=extra)
                        )
            for i, levy in enumerate(model.taxes.levies):
                if levy.rate_periods is None or (levy.valid is not None and not levy.valid.covers(year)):
                    continue
                # The annual rate is the day-weighted average over the price year: the periods
                # must cover it exactly (the model already rules out overlaps and gaps).
                loc = ("taxes", "levies", i, "rate_periods")
                first = min(levy.rate_periods, key=lambda p: p.start)
                last = max(levy.rate_periods, key=lambda p: p.end)
                if first.start != dt.date(year, 1, 1):
                    problems.append(
                        f'{where(key, loc)}: taxes.levies.{i}.rate_periods: ' + said("first_period_starts_not", date=first.start, year=year)
                    )
                if last.end != dt.date(year, 12, 31):
                    problems.append(
                        f'{where(key, loc)}: taxes.levies.{i}.rate_periods: ' + said("last_period_ends_not", date=last.end, year=year)
                    )
    return problems
