"""EU state-aid conditions a spending option must meet, checked per year and per instrument.

An option is a list of parts, each an instrument of the reference country's config (a support
measure, the compensation scheme, a network reduction, a levy's reduced rate) with the framework it
rests on. The frameworks' rules are data (``configs/stateaid.yaml``, read by
``config/stateaid.py``); this module only applies them. Only what the configs can show is checked;
a condition on the beneficiary's conduct (an energy audit, investing half the aid) is reported as a
condition to be met, never as passed. A part that rests on no compatible framework fails with the
reason; an option passes only when every part was checked and none failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speelveld.config.model import in_force
from speelveld.config.resolved import YearConfig
from speelveld.core.context import nace_matches, own_name

PASS, FAIL, CONDITION, NOT_APPLICABLE = "pass", "fail", "condition", "n/a"


@dataclass(frozen=True)
class Check:
    basis: str  # a framework of stateaid.yaml
    rule: str  # key of the rule's words in report/labels.py
    status: str  # pass | fail | condition | n/a
    fields: dict = field(default_factory=dict)  # the figures the words name
    part: str = ""  # the instrument checked


def verdict(checks: list[Check]) -> str:
    """pass (every part checked, none failed), fail, or n/a (no part applies this year)."""
    if not checks or all(c.status == NOT_APPLICABLE for c in checks):
        return NOT_APPLICABLE
    return FAIL if any(c.status == FAIL for c in checks) else PASS


def checks_for(base: YearConfig, option: YearConfig, info, frameworks, reference: str = "NL") -> list[Check]:
    """Every check of every part of an option in the option's year."""
    out: list[Check] = []
    for part in (info.parts if info is not None else []):
        fw = frameworks[part.basis]
        checker = _CHECKERS.get(part.basis, _no_rules)
        found = checker(base, option, part.instrument, fw, reference)
        if fw.valid is not None and not fw.valid.covers(option.year) and any(c.status != NOT_APPLICABLE for c in found):
            found.append(Check(part.basis, "sa_framework_period", FAIL, {"year": option.year, "end": fw.valid.to_year}))
        for cond in fw.conditions:
            if any(c.status != NOT_APPLICABLE for c in found):
                found.append(Check(part.basis, "sa_condition", CONDITION, {"text": cond.text}))
        out += [Check(c.basis, c.rule, c.status, c.fields, part.instrument) for c in found]
    return out


def _value(fw, name: str, year: int) -> float | None:
    rule = fw.rule(name, year)
    return None if rule is None else rule.value


def _no_rules(base, cfg, instrument, fw, reference) -> list[Check]:
    return []


def _none(base, cfg, instrument, fw, reference) -> list[Check]:
    """A selective relief with no compatible framework: State aid (Decision 2019/56) that no
    guideline covers, and network charges must stay cost-reflective (Reg. 2019/943 art. 18)."""
    return [Check("geen", "sa_none", FAIL, {"instrument": _label(cfg, instrument)})]


def _general(base, cfg, instrument, fw, reference) -> list[Check]:
    return [Check("algemeen", "sa_general", PASS, {"instrument": _label(cfg, instrument)})]


def _tariff(base, cfg, instrument, fw, reference) -> list[Check]:
    return [Check("nettarief", "sa_tariff", PASS, {"instrument": _label(cfg, instrument)})]


def _ets(base, cfg: YearConfig, instrument, fw, reference: str) -> list[Check]:
    comp = cfg.countries[reference].carbon.indirect_cost_compensation
    if comp is None or not in_force(comp, cfg.year):
        return [Check("ets-richtsnoeren", "sa_ets_none", NOT_APPLICABLE)]
    out = []
    for group in comp.eligible:
        intensity = cfg.param_of(group, "aid_intensity_pct").central
        new = [c for c in group.nace if nace_matches([c], list(fw.nace_new))]
        known = [c for c in group.nace if nace_matches([c], list(fw.nace_existing)) or c in new]
        unknown = [c for c in group.nace if c not in known]
        existing_max = _value(fw, "max_aid_intensity_existing_pct", cfg.year)
        ceiling = _value(fw, "max_aid_intensity_pct", cfg.year) if new or existing_max is None else existing_max
        status = PASS if intensity is not None and ceiling is not None and intensity <= ceiling + 1e-9 else FAIL
        out.append(Check("ets-richtsnoeren", "sa_ets_intensity", status, {"group": own_name(group), "pct": intensity, "max": ceiling}))
        if new and existing_max is None:
            out.append(Check("ets-richtsnoeren", "sa_ets_new_early", FAIL, {"codes": ", ".join(new), "year": cfg.year}))
        if unknown:
            out.append(Check("ets-richtsnoeren", "sa_ets_unknown_codes", CONDITION, {"codes": ", ".join(unknown)}))
    factor = cfg.param_of(comp, "co2_factor_t_per_mwh").central
    ceiling = _value(fw, "max_co2_factor_nl_t_per_mwh", cfg.year)
    if reference == "NL" and factor is not None and ceiling is not None:
        out.append(Check("ets-richtsnoeren", "sa_ets_factor", PASS if factor <= ceiling + 1e-9 else FAIL, {"factor": factor, "max": ceiling}))
    return out


def _cisaf(base: YearConfig, cfg: YearConfig, instrument: str, fw, reference: str) -> list[Check]:
    country = cfg.countries[reference]
    m = next((s for s in country.support if f"{reference}.support.{s.id}" == instrument), None)
    if m is None or not in_force(m, cfg.year):
        return [Check("cisaf", "sa_cisaf_none", NOT_APPLICABLE)]
    year, label = cfg.year, own_name(m)
    max_share, floor = _value(fw, "max_volume_share_pct", year), _value(fw, "min_price_after_aid_eur_per_mwh", year)
    max_cut, max_years = _value(fw, "max_aid_share_of_price_pct", year), _value(fw, "max_years", year)
    out = []
    share = cfg.param_of(m, "volume_share_pct").central
    out.append(Check("cisaf", "sa_cisaf_share", PASS if share is not None and share <= max_share + 1e-9 else FAIL, {"measure": label, "pct": share, "max": max_share}))
    baseload = cfg.param_of(country.commodity, "baseload_eur_per_mwh").central
    if m.target_price_eur_per_mwh is not None:
        target = cfg.param_of(m, "target_price_eur_per_mwh").central
        cut = cfg.param_of(m, "max_aid_share_pct").central
        out.append(Check("cisaf", "sa_cisaf_floor", PASS if target is not None and target >= floor - 1e-9 else FAIL, {"measure": label, "price": target, "max": floor}))
        out.append(Check("cisaf", "sa_cisaf_half", PASS if cut is not None and cut <= max_cut + 1e-9 else FAIL, {"measure": label, "pct": cut, "max": max_cut}))
    else:
        budget, mwh = cfg.param_of(m, "budget_eur_per_year").central, cfg.param_of(m, "eligible_consumption_mwh").central
        per_mwh = None if budget is None or not mwh else budget / mwh
        after = None if per_mwh is None or baseload is None else baseload - per_mwh
        out.append(Check("cisaf", "sa_cisaf_floor_budget", PASS if after is not None and after >= floor - 1e-9 else FAIL,
                         {"measure": label, "price": after, "relief": per_mwh, "max": floor}))
        pct = None if per_mwh is None or not baseload else per_mwh / baseload * 100
        out.append(Check("cisaf", "sa_cisaf_half", PASS if pct is not None and pct <= max_cut + 1e-9 else FAIL, {"measure": label, "pct": pct, "max": max_cut}))
    # the duration runs from the scheme's own first year, which the measure must state
    start = m.valid.from_year if m.valid is not None else None
    if start is None:
        out.append(Check("cisaf", "sa_cisaf_no_start", FAIL, {"measure": label}))
    else:
        n = year - start + 1
        out.append(Check("cisaf", "sa_cisaf_duration", PASS if n <= max_years + 1e-9 else FAIL, {"measure": label, "n": n, "start": start, "max": max_years}))
    # a plant takes this relief or the ETS compensation, whichever pays more: never both on the same MWh
    out.append(Check("cisaf", "sa_cisaf_cumulation", PASS if m.excludes_compensation else FAIL, {"measure": label}))
    return out


def _reduced_rates(base: YearConfig, cfg: YearConfig, instrument: str, reference: str):
    """The option's reduced rates of a levy under ``instrument`` that the base does not have."""
    old = {lv.id: lv for lv in base.countries[reference].taxes.levies}
    for lv in cfg.countries[reference].taxes.levies:
        if not (instrument == f"{reference}.taxes.levies.{lv.id}" or instrument.startswith(f"{reference}.taxes.levies.{lv.id}.")):
            continue
        for rr in lv.reduced_rates:
            before = old.get(lv.id)
            if before is not None and any(r.id == rr.id and r == rr for r in before.reduced_rates):
                continue  # not the option's
            if in_force(rr, cfg.year):
                yield lv, rr


def _ceeag(base: YearConfig, cfg: YearConfig, instrument: str, fw, reference: str) -> list[Check]:
    """A reduced levy: the user pays at least the own contribution AND the levy stays above its floor."""
    out = []
    min_share, min_levy = _value(fw, "min_own_contribution_pct", cfg.year), _value(fw, "min_levy_eur_per_mwh", cfg.year)
    for lv, rr in _reduced_rates(base, cfg, instrument, reference):
        full = cfg.param_of(lv, "rate_eur_per_mwh").central if lv.rate_eur_per_mwh is not None else None
        share = cfg.param_of(rr, "share_of_rate_pct").central if rr.share_of_rate_pct is not None else None
        rate = cfg.param_of(rr, "rate_eur_per_mwh").central if rr.rate_eur_per_mwh is not None else None
        if share is None and rate is not None and full:
            share = rate / full * 100
        if rate is None and share is not None and full is not None:
            rate = full * share / 100
        ok = share is not None and share >= min_share - 1e-9 and rate is not None and rate >= min_levy - 1e-9
        out.append(Check("ceeag", "sa_ceeag_contribution", PASS if ok else FAIL,
                         {"levy": own_name(lv), "share": share, "rate": rate, "max": min_share, "floor": min_levy}))
    return out or [Check("ceeag", "sa_ceeag_none", NOT_APPLICABLE)]


def _etd(base: YearConfig, cfg: YearConfig, instrument: str, fw, reference: str) -> list[Check]:
    out = []
    minimum = _value(fw, "min_rate_business_eur_per_mwh", cfg.year)
    for lv, rr in _reduced_rates(base, cfg, instrument, reference):
        rate = cfg.param_of(rr, "rate_eur_per_mwh").central if rr.rate_eur_per_mwh is not None else None
        out.append(Check("etd-gber", "sa_etd_minimum", PASS if rate is not None and rate >= minimum - 1e-9 else FAIL, {"levy": own_name(lv), "rate": rate, "max": minimum}))
    return out or [Check("etd-gber", "sa_etd_none", NOT_APPLICABLE)]


def _label(cfg: YearConfig, instrument: str) -> object:
    """An instrument's label from the config, in both languages where it has label_en (its path where it has no label)."""
    parts = instrument.split(".")
    node = cfg.countries.get(parts[0])
    for key in parts[1:]:
        if node is None:
            break
        if isinstance(node, list):
            node = next((x for x in node if getattr(x, "id", None) == key), None)
        else:
            node = getattr(node, key, None)
    return own_name(node) if getattr(node, "label", None) else instrument


_CHECKERS = {"ets-richtsnoeren": _ets, "cisaf": _cisaf, "ceeag": _ceeag, "etd-gber": _etd, "geen": _none, "algemeen": _general, "nettarief": _tariff}
