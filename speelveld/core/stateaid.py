"""EU state-aid conditions a spending option must meet, each with its rule, checked per year.

Only what the configs can show is checked; a condition on the beneficiary's conduct (an energy
audit, investing half the aid in decarbonisation) is reported as a condition to be met, never as
passed. The sector lists are the archetype-relevant entries only: a code the model does not know
is reported as to be verified, not as failing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speelveld.config.model import in_force
from speelveld.config.resolved import YearConfig
from speelveld.core.context import nace_matches

PASS, FAIL, CONDITION, NOT_APPLICABLE = "pass", "fail", "condition", "n/a"

# 2020/C 317/04 as amended by C/2025/9298 (OJ C/2026/196): Annex I, the archetype-relevant codes.
ANNEX_I_TABLE_1 = ("24.10", "24.42", "24.43", "24.44", "17.11", "17.12", "20.13", "19.20", "20.16.10")  # eligible 2021–2030
ANNEX_I_TABLE_2 = ("20.14", "20.15", "23.11", "23.31")  # added by the amendment, from 2025 costs
ETS_CITE = "2020/C 317/04, zoals gewijzigd bij C/2026/196: punt 27 (steunintensiteit), bijlage I (sectoren), bijlage III (CO2-factoren)"
CISAF_CITE = "CISAF (C/2025/3602), sectie 4.5 (tijdelijke verlaging van de elektriciteitsprijs voor energie-intensieve gebruikers)"
CISAF_INVEST_CITE = "CISAF (C/2025/3602), sectie 4.5.4, punt 121"
CEEAG_CITE = "CEEAG (2022/C 80/01), sectie 4.11 (verlagingen van heffingen voor energie-intensieve gebruikers)"


@dataclass(frozen=True)
class Check:
    basis: str  # ets-richtsnoeren | cisaf | ceeag | geen
    rule: str  # key of the rule's words in report/labels.py
    citation: str
    status: str  # pass | fail | condition | n/a
    fields: dict = field(default_factory=dict)  # the figures the words name


def checks_for(base: YearConfig, option: YearConfig, info, reference: str = "NL") -> list[Check]:
    basis = list(info.basis) if info is not None else []
    out: list[Check] = []
    if "ets-richtsnoeren" in basis:
        out += _ets(option, reference)
    if "cisaf" in basis:
        out += _cisaf(base, option, reference)
    if "ceeag" in basis:
        out += _ceeag(base, option, reference)
    if "geen" in basis:
        out.append(Check("geen", "sa_none", "", NOT_APPLICABLE))
    return out


def _ets(cfg: YearConfig, reference: str) -> list[Check]:
    comp = cfg.countries[reference].carbon.indirect_cost_compensation
    if comp is None or not in_force(comp, cfg.year):
        return [Check("ets-richtsnoeren", "sa_ets_none", ETS_CITE, NOT_APPLICABLE)]
    out = []
    if cfg.year > 2030:
        out.append(Check("ets-richtsnoeren", "sa_ets_period", ETS_CITE, FAIL, {"year": cfg.year}))
    for group in comp.eligible:
        intensity = cfg.param_of(group, "aid_intensity_pct").central
        new = [c for c in group.nace if nace_matches([c], list(ANNEX_I_TABLE_2))]
        known = [c for c in group.nace if nace_matches([c], list(ANNEX_I_TABLE_1)) or c in new]
        unknown = [c for c in group.nace if c not in known]
        ceiling = 75.0 if new or cfg.year < 2025 else 80.0
        status = PASS if intensity is not None and intensity <= ceiling + 1e-9 else FAIL
        out.append(Check("ets-richtsnoeren", "sa_ets_intensity", ETS_CITE, status, {"group": group.label, "pct": intensity, "max": ceiling}))
        if new and cfg.year < 2025:
            out.append(Check("ets-richtsnoeren", "sa_ets_new_early", ETS_CITE, FAIL, {"codes": ", ".join(new), "year": cfg.year}))
        if unknown:
            out.append(Check("ets-richtsnoeren", "sa_ets_unknown_codes", ETS_CITE, CONDITION, {"codes": ", ".join(unknown)}))
    factor = cfg.param_of(comp, "co2_factor_t_per_mwh").central
    ceiling = 0.45 if cfg.year <= 2025 else 0.44  # the Netherlands' Annex III maximum, 2021–2025 and 2026–2030
    if reference == "NL" and factor is not None:
        out.append(Check("ets-richtsnoeren", "sa_ets_factor", ETS_CITE, PASS if factor <= ceiling + 1e-9 else FAIL, {"factor": factor, "max": ceiling}))
    out.append(Check("ets-richtsnoeren", "sa_ets_conditions", "2020/C 317/04, sectie 5 (energie-audit en verduurzamingsvoorwaarden)", CONDITION))
    return out


def _cisaf(base: YearConfig, cfg: YearConfig, reference: str) -> list[Check]:
    country = cfg.countries[reference]
    before = {s.id for s in base.countries[reference].support if in_force(s, base.year)}
    measures = [s for s in country.support if in_force(s, cfg.year) and s.id not in before]
    if not measures:
        return [Check("cisaf", "sa_cisaf_none", CISAF_CITE, NOT_APPLICABLE)]
    out = []
    for m in measures:
        share = cfg.param_of(m, "volume_share_pct").central
        out.append(Check("cisaf", "sa_cisaf_share", CISAF_CITE, PASS if share is not None and share <= 50 + 1e-9 else FAIL, {"measure": m.label, "pct": share}))
        baseload = cfg.param_of(country.commodity, "baseload_eur_per_mwh").central
        if m.target_price_eur_per_mwh is not None:
            target = cfg.param_of(m, "target_price_eur_per_mwh").central
            cut = cfg.param_of(m, "max_aid_share_pct").central
            out.append(Check("cisaf", "sa_cisaf_floor", CISAF_CITE, PASS if target is not None and target >= 50 - 1e-9 else FAIL, {"measure": m.label, "price": target}))
            out.append(Check("cisaf", "sa_cisaf_half", CISAF_CITE, PASS if cut is not None and cut <= 50 + 1e-9 else FAIL, {"measure": m.label, "pct": cut}))
        else:
            budget, mwh = cfg.param_of(m, "budget_eur_per_year").central, cfg.param_of(m, "eligible_consumption_mwh").central
            per_mwh = None if budget is None or not mwh else budget / mwh
            after = None if per_mwh is None or baseload is None else baseload - per_mwh
            out.append(Check("cisaf", "sa_cisaf_floor_budget", CISAF_CITE, PASS if after is not None and after >= 50 - 1e-9 else FAIL,
                             {"measure": m.label, "price": after, "relief": per_mwh}))
            out.append(Check("cisaf", "sa_cisaf_half", CISAF_CITE, PASS if per_mwh is not None and baseload and per_mwh <= baseload / 2 + 1e-9 else FAIL,
                             {"measure": m.label, "pct": None if per_mwh is None or not baseload else per_mwh / baseload * 100}))
        start = m.valid.from_year if m.valid is not None and m.valid.from_year is not None else cfg.year
        years_in = cfg.year - start + 1
        out.append(Check("cisaf", "sa_cisaf_duration", CISAF_CITE, PASS if years_in <= 3 and cfg.year <= 2030 else FAIL, {"measure": m.label, "n": years_in, "start": start}))
        out.append(Check("cisaf", "sa_cisaf_cumulation", CISAF_CITE, PASS if m.excludes_compensation else CONDITION, {"measure": m.label}))
        out.append(Check("cisaf", "sa_cisaf_invest", CISAF_INVEST_CITE, CONDITION, {"measure": m.label}))
    return out


def _ceeag(base: YearConfig, cfg: YearConfig, reference: str) -> list[Check]:
    """A reduced levy rate the option introduces: the user pays at least 15 % of the levy, or the
    reduced rate is at least 0.5 €/MWh."""
    out = []
    old = {lv.id: lv for lv in base.countries[reference].taxes.levies}
    for lv in cfg.countries[reference].taxes.levies:
        for rr in lv.reduced_rates:
            before = old.get(lv.id)
            if before is not None and any(r.id == rr.id and r == rr for r in before.reduced_rates):
                continue  # not the option's
            share = cfg.param_of(rr, "share_of_rate_pct").central if rr.share_of_rate_pct is not None else None
            rate = cfg.param_of(rr, "rate_eur_per_mwh").central if rr.rate_eur_per_mwh is not None else None
            ok = (share is not None and share >= 15 - 1e-9) or (rate is not None and rate >= 0.5 - 1e-9)
            out.append(Check("ceeag", "sa_ceeag_contribution", CEEAG_CITE, PASS if ok else FAIL, {"levy": lv.label, "share": share, "rate": rate}))
    return out or [Check("ceeag", "sa_ceeag_none", CEEAG_CITE, NOT_APPLICABLE)]
