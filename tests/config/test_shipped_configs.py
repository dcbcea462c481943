"""The shipped configs: every year loads, is complete, every value is sourced and flagged, and a
handful of values stay pinned to their published figures so that an accidental edit is caught."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from speelveld.config.load import available_years, default_config_dir, load_year
from speelveld.config.model import Quality
from speelveld.core.compute import compare

CONFIGS = default_config_dir()
YEARS = [2024, 2025, 2026]
COUNTRIES = ["NL", "DE", "BE", "FR"]
SECTORS = ["chemie", "staal", "kunstmest", "raffinage", "glas", "papier", "voeding", "non-ferro", "keramiek", "holglas"]


@pytest.fixture(scope="module", params=YEARS)
def cfg(request):
    return load_year(CONFIGS, request.param)


def test_shipped_years_and_sectors():
    assert available_years(CONFIGS) == YEARS
    assert sorted(load_year(CONFIGS, 2026).sectors) == sorted(SECTORS)


def test_every_value_has_source_and_flag(cfg):
    for p in cfg.params.values():
        assert p.source_id, p.path
        assert p.source.title, p.path
        assert p.quality in set(Quality), p.path
        if p.quality in (Quality.estimate, Quality.derived):
            assert p.note, f"{p.path}: an {p.quality.value} value needs its derivation"
        if p.quality == Quality.unknown:
            assert p.value is None, p.path
        else:
            assert p.value is not None, p.path
    for cc, country in cfg.countries.items():
        for sid, src in country.sources.items():
            assert src.url or src.publisher, f"{cc} source {sid} names neither URL nor publisher"
            assert src.date, f"{cc} source {sid} has no date"


def test_every_country_has_every_family(cfg):
    result = compare(cfg, SECTORS, [c for c in COUNTRIES if c != "NL"])
    for sector in SECTORS:
        for cc in COUNTRIES:
            families = set(result.lines.filter((result.lines["sector"] == sector) & (result.lines["country"] == cc))["family"])
            assert {"commodity", "network", "taxes"} <= families, (cfg.year, sector, cc, families)
    assert result.totals.height == len(SECTORS) * len(COUNTRIES)
    # every known line is a finite number; unknown lines are null and counted
    for row in result.totals.iter_rows(named=True):
        assert row["total_eur_per_mwh"] is not None and abs(row["total_eur_per_mwh"]) < 1000


def value(cfg, path):
    return cfg.params[path].value


def test_pinned_nl_energiebelasting_2024():
    cfg = load_year(CONFIGS, 2024)
    # PZEM 2024: > 10 million kWh business 0.00188 €/kWh = 1.88 €/MWh; non-business 0.00254
    assert value(cfg, "NL.taxes.levies.energiebelasting.bands.3.business_rate_eur_per_mwh") == pytest.approx(1.88)
    assert value(cfg, "NL.taxes.levies.energiebelasting.bands.3.rate_eur_per_mwh") == pytest.approx(2.54)
    assert value(cfg, "NL.taxes.levies.energiebelasting.bands.2.rate_eur_per_mwh") == pytest.approx(39.43)
    assert cfg.params["NL.taxes.levies.energiebelasting.bands.3.business_rate_eur_per_mwh"].quality == Quality.published


@pytest.mark.parametrize("year", YEARS)
def test_pinned_stromnev_floors(year):
    cfg = load_year(CONFIGS, year)
    base = "DE.network.reductions.stromnev-19-2"
    floors = [(value(cfg, f"{base}.pay_at_least_by_hours.{i}.min_hours"), value(cfg, f"{base}.pay_at_least_by_hours.{i}.pay_at_least_pct")) for i in range(3)]
    assert floors == [(7000, 20), (7500, 15), (8000, 10)]
    assert value(cfg, f"{base}.when.consumption_mwh.above") == 10000


@pytest.mark.parametrize("year", YEARS)
def test_pinned_be_excise_bands(year):
    cfg = load_year(CONFIGS, year)
    rates = [value(cfg, f"BE.taxes.levies.bijzondere-accijns.bands.{i}.rate_eur_per_mwh") for i in range(6)]
    assert rates == [14.21, 12.09, 11.39, 10.69, 2.73, 0.50]
    edges = [b.to_mwh for b in cfg.countries["BE"].taxes.levies[0].bands]
    assert edges == [20, 50, 1000, 25000, 100000, None]


def test_pinned_de_2026_transmission_sheet():
    cfg = load_year(CONFIGS, 2026)
    hi = "DE.network.levels.EHV.variants.from-2500h.charges"
    assert value(cfg, f"{hi}.leistungspreis.capacity_eur_per_kw_year") == 53.06
    assert value(cfg, f"{hi}.arbeitspreis.energy_eur_per_mwh") == pytest.approx(6.9)  # 0.69 ct/kWh
    assert value(cfg, "DE.taxes.levies.kwkg.rate_eur_per_mwh") == pytest.approx(4.46)
    assert value(cfg, "DE.taxes.levies.offshore.rate_eur_per_mwh") == pytest.approx(9.41)


@pytest.mark.parametrize("year", YEARS)
def test_pinned_turpe_abatement_and_cta(year):
    cfg = load_year(CONFIGS, year)
    base = "FR.network.reductions.abattement-turpe"
    assert [value(cfg, f"{base}.categories.{c}.abatement_pct") for c in ("profil-stable", "anti-cyclique", "grand-consommateur")] == [81, 74, 76]
    assert value(cfg, f"{base}.cap_pct") == 90
    cta = cfg.params["FR.taxes.levies.cta.percent_of_network.pct"]
    if year < 2026:
        assert cta.value == 10.11
    else:  # 10.11 % in January, an unknown lower rate from 1 Feb 2026: a bounded estimate
        assert (cta.low, cta.value, cta.high) == (5.43, 7.19, 10.11) and cta.quality == Quality.estimate


def test_pinned_carbon():
    # the cabinet's letter of 2026 abolishes the CO2-heffing: zero from 2026, the statutory tariff a scenario
    assert value(load_year(CONFIGS, 2026), "NL.carbon.co2_levy.rate_eur_per_t") == 0
    assert value(load_year(CONFIGS, 2026, scenario="co2-heffing-wettelijk"), "NL.carbon.co2_levy.rate_eur_per_t") == 78.67
    assert value(load_year(CONFIGS, 2025), "NL.carbon.co2_levy.rate_eur_per_t") == 87.90
    assert value(load_year(CONFIGS, 2024), "NL.carbon.indirect_cost_compensation.co2_factor_t_per_mwh") == 0.45
    assert value(load_year(CONFIGS, 2024), "eu.eua_forward_price_eur_per_t") == 89.28
    # each year's IKC costs are paid from the next year's round: 2024 costs from the 2025 round
    assert value(load_year(CONFIGS, 2024), "NL.carbon.indirect_cost_compensation.budget_eur_per_year") == 167.4e6
    budget = load_year(CONFIGS, 2026).params["NL.carbon.indirect_cost_compensation.budget_eur_per_year"]
    assert (budget.value, budget.low, budget.high) == (None, 200e6, 500e6)
    # the 2026–2030 Annex III maxima
    c2026 = load_year(CONFIGS, 2026)
    assert [value(c2026, f"{cc}.carbon.indirect_cost_compensation.co2_factor_t_per_mwh") for cc in ("NL", "DE", "BE", "FR")] == [0.44, 0.73, 0.37, 0.43]


@pytest.mark.parametrize("year", YEARS)
def test_refined_petroleum_is_on_every_annex_i_list_and_bricks_on_none(year):
    cfg = load_year(CONFIGS, year)
    for cc, country in cfg.countries.items():
        groups = country.carbon.indirect_cost_compensation.eligible
        codes = {code for g in groups for code in g.nace}
        assert "19.20" in codes and "20.16" not in codes and "23.32" not in codes, (year, cc)


def test_volumecorrectie_never_applies_from_2024(cfg):
    result = compare(cfg, ["chemie"], ["DE"])
    assert result.lines.filter(result.lines["key"].str.contains("volumecorrectie")).height == 0


def test_be_energienorm_is_pending_not_applied(cfg):
    result = compare(cfg, ["chemie"], ["BE"])
    assert result.lines.filter(result.lines["key"].str.contains("energienorm")).height == 0
    assert cfg.countries["BE"].network.reductions[0].pending is True


def test_data_status_doc_is_current():
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("data_status", root / "scripts" / "data_status.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (root / "docs" / "data-status.md").read_text(encoding="utf-8")
    assert committed == module.render(default_config_dir()), "docs/data-status.md is stale: run python scripts/data_status.py"


CONTRACT = {
    "total_eur_per_mwh", "total_low_eur_per_mwh", "total_high_eur_per_mwh", "gap_eur_per_mwh", "gap_low_eur_per_mwh",
    "gap_high_eur_per_mwh", "complete", "gap_bound", "electricity_eur_per_mwh", "direct_co2_eur_per_mwh",
}


def test_json_contract_for_every_sector_and_year(cfg):
    """`compare --format json`: every totals row carries the band contract, and it is consistent."""
    import json

    from speelveld.report.output import to_json

    result = compare(cfg, SECTORS, [c for c in COUNTRIES if c != "NL"])
    data = json.loads(to_json(result, {"test": True}))
    assert len(data["totals"]) == len(SECTORS) * len(COUNTRIES)
    for row in data["totals"]:
        where = (cfg.year, row["sector"], row["country"])
        assert CONTRACT <= set(row), where
        assert row["gap_bound"] in ("exact", "lower", "upper", "none"), where
        assert row["electricity_eur_per_mwh"] == row["total_eur_per_mwh"], where
        low, high = row["gap_low_eur_per_mwh"], row["gap_high_eur_per_mwh"]
        expected = {(True, True): "exact", (True, False): "lower", (False, True): "upper", (False, False): "none"}[(low is not None, high is not None)]
        if row["country"] != "NL":
            assert row["gap_bound"] == expected and row["complete"] == (expected == "exact"), where
        # the central value lies inside its band wherever the band has an end
        for name in ("total", "gap"):
            c, lo, hi = row[f"{name}_eur_per_mwh"], row[f"{name}_low_eur_per_mwh"], row[f"{name}_high_eur_per_mwh"]
            assert lo is None or lo <= c + 1e-9, (where, name)
            assert hi is None or c <= hi + 1e-9, (where, name)
        # completeness considers both sides: a complete gap needs a complete NL total and country total
        nl = next(r for r in data["totals"] if r["sector"] == row["sector"] and r["country"] == "NL")
        if row["complete"]:
            assert nl["complete"] and row["total_low_eur_per_mwh"] is not None and row["total_high_eur_per_mwh"] is not None, where


@pytest.mark.parametrize("year", YEARS)
def test_pinned_turpe_htb_grid(year):
    # RTE's transcription of the CRE grids, month-weighted over the calendar year (see FR.yaml notes):
    # HTB2 longue utilisation b1 2024: 11.28 × 10/12 + 11.16 × 2/12 = 11.26 €/kW/yr; gestion + comptage
    # (10,032.24 + 3,302.04) × 10/12 + (10,532.52 + 3,466.68) × 2/12 = 13,445.10 €/yr
    cfg = load_year(CONFIGS, year)
    ehv = "FR.network.levels.EHV.variants.all.charges"
    expected = {2024: (13445.10, 11.26), 2025: (15233.18, 11.75), 2026: (15558.91, 11.43)}[year]
    assert (value(cfg, f"{ehv}.gestion-comptage.fixed_eur_per_year"), value(cfg, f"{ehv}.soutirage-puissance.capacity_eur_per_kw_year")) == expected
    energy = cfg.params[f"{ehv}.soutirage-energie.energy_eur_per_mwh"]
    assert energy.low <= energy.value <= energy.high and energy.quality == Quality.estimate
    # D.122-14 (0.51) until 2025; the 2026–2030 Annex III maximum (0.43) from 2026
    assert value(cfg, "FR.carbon.indirect_cost_compensation.co2_factor_t_per_mwh") == (0.51 if year < 2026 else 0.43)


def test_every_nl_total_has_a_network_line(cfg):
    """The NL network cost is the centre of the debate: no NL total may leave it out. Every NL
    network line is a value or a bounded unknown, and every gap is then complete (both sides bounded)."""
    result = compare(cfg, SECTORS, [c for c in COUNTRIES if c != "NL"])
    nl = result.lines.filter((result.lines["country"] == "NL") & (result.lines["family"] == "network"))
    for sector in SECTORS:
        rows = nl.filter(nl["sector"] == sector)
        assert rows.height >= 1, (cfg.year, sector)
        assert rows["low_eur_per_mwh"].null_count() == 0 and rows["high_eur_per_mwh"].null_count() == 0, (cfg.year, sector)
        assert rows["high_eur_per_mwh"].sum() > 0, (cfg.year, sector)
    assert set(result.totals.filter(result.totals["country"] != "NL")["gap_bound"].to_list()) == {"exact"}


@pytest.mark.parametrize("year,ehv,hv", [(2024, (40, 136), (69, 171)), (2025, (37, 125), (69, 172)), (2026, (32, 113), (61, 155))])
def test_pinned_nl_tennet_band(year, ehv, hv):
    # 2024 from Aurora's 300 M€ gap over 20–35 TWh, 8.6–21.4 €/MWh × 8 MWh/kW = 69–171 €/kW/yr (HS);
    # EHS 5–17 €/MWh = 40–136; 2025: EHS × 0.92 = 37–125, HS × 1.004 = 69–172; 2026 × 0.88–0.90:
    # EHS 37 × 0.88 = 32.6 → 32, 125 × 0.90 = 112.5 → 113; HS 69.3 × 0.88 = 61.0, 171.7 × 0.90 = 154.5 → 155
    cfg = load_year(CONFIGS, year)
    for level, band in (("EHV", ehv), ("HV", hv)):
        p = cfg.params[f"NL.network.levels.{level}.variants.all.charges.transport.capacity_eur_per_kw_year"]
        assert p.value is None and p.quality == Quality.unknown and (p.low, p.high) == band, (year, level)


def test_no_word_is_broken_across_lines_in_the_shipped_texts():
    # a folded text (>-) joins its lines with a space: "NL-" at a line's end and "netkorting" on
    # the next printed "NL- netkorting" (the trial's finding); a hyphenated word stays on one line
    from pathlib import Path

    from speelveld.config.load import default_config_dir

    broken = []
    for path in sorted(Path(default_config_dir()).rglob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped and not stripped.startswith("#") and re.search(r"[A-Za-z0-9_.]-$", stripped) and not stripped.endswith((">-", "|-")):
                broken.append(f"{path.name}:{number}")
    assert not broken, broken
