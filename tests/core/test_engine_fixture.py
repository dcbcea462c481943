"""Hand-computed expectations for the fixture (fixtures/basic, price year 2030, sector `plant`).

The plant: 100,000 MWh/yr at 8,000 h -> capacity 100,000 × 1,000 / 8,000 = 12,500 kW;
EHV; NACE 20.14; GVA 50 M€; 20 % electrolysis; 10,000 t direct emissions, 8,000 t free allocation.
"""

import math

import pytest

from tests.helpers import line, run, total

APPROX = {"rel": 1e-9, "abs": 1e-6}


@pytest.fixture(scope="module")
def base():
    return run()


def test_commodity(base):
    assert line(base, "NL", "commodity.wholesale") == pytest.approx(80 * 100_000, **APPROX)
    # ARENH: 25 % of 100,000 MWh at 42 instead of 60 €/MWh = 25,000 × (42 − 60) = −450,000
    assert line(base, "FR", "commodity.access.arenh") == pytest.approx(-450_000, **APPROX)


def test_network_charges(base):
    assert line(base, "NL", "network.fixed_eur_per_year") == pytest.approx(10_000, **APPROX)
    assert line(base, "NL", "network.capacity_eur_per_kw_year") == pytest.approx(40 * 12_500, **APPROX)  # 500,000
    assert line(base, "NL", "network.energy_eur_per_mwh") == pytest.approx(2 * 100_000, **APPROX)
    # DE at 8,000 h uses the >= 2,500 h sheet: 50 €/kW × 12,500 kW = 625,000; 5 €/MWh × 100,000 = 500,000
    assert line(base, "DE", "network.capacity_eur_per_kw_year") == pytest.approx(625_000, **APPROX)
    assert line(base, "DE", "network.energy_eur_per_mwh") == pytest.approx(500_000, **APPROX)


def test_volumecorrectie_outside_validity_window(base):
    keys = base.lines.filter(base.lines["country"] == "NL")["key"].to_list()
    assert "network.reduction.volumecorrectie" not in keys  # valid to 2023, price year 2030


def test_stromnev_19_2_at_8000_hours(base):
    # gross 1,125,000; at >= 8,000 h the floor is 10 %, so the reduction is 90 %: −1,012,500
    assert line(base, "DE", "network.reduction.stromnev-19-2") == pytest.approx(-1_012_500, **APPROX)


def test_stromnev_exactly_7000_hours_pays_20_pct():
    r = run("sector.utilisation_hours=7000")
    capacity = 100_000 * 1000 / 7000  # 14,285.71 kW
    gross = 50 * capacity + 5 * 100_000  # 714,285.71 + 500,000 = 1,214,285.71
    assert line(r, "DE", "network.reduction.stromnev-19-2") == pytest.approx(-0.80 * gross, **APPROX)


def test_stromnev_below_7000_hours_no_reduction():
    r = run("sector.utilisation_hours=6999")
    assert line(r, "DE", "network.reduction.stromnev-19-2") == 0


def test_stromnev_exactly_10_gwh_is_not_more_than():
    # > 10 GWh is required; exactly 10,000 MWh does not qualify
    r = run("sector.consumption_mwh=10000")
    assert line(r, "DE", "network.reduction.stromnev-19-2") == 0
    r = run("sector.consumption_mwh=10001")
    assert line(r, "DE", "network.reduction.stromnev-19-2") < 0


def test_energiebelasting_bands_and_business_rate(base):
    # 10,000 MWh × 30 + 90,000 MWh × 1 (business rate of the top band) = 390,000
    assert line(base, "NL", "tax.energiebelasting") == pytest.approx(390_000, **APPROX)
    # 20 % electrolysis exempt: taxable 80,000 -> 300,000 + 70,000 = 370,000; exemption −20,000
    assert line(base, "NL", "tax.energiebelasting.exemption") == pytest.approx(-20_000, **APPROX)


def test_energiebelasting_consumption_exactly_on_band_edge():
    r = run("sector.consumption_mwh=10000", "sectors.plant.process_shares_pct.electrolysis=0")
    # exactly 10,000 MWh: all in the first band, nothing in the second: 10,000 × 30 = 300,000
    assert line(r, "NL", "tax.energiebelasting") == pytest.approx(300_000, **APPROX)
    r = run("sector.consumption_mwh=10001", "sectors.plant.process_shares_pct.electrolysis=0")
    assert line(r, "NL", "tax.energiebelasting") == pytest.approx(300_001, **APPROX)


def test_levy_reduced_above_threshold_share(base):
    # KWKG 0.4 ct/kWh = 4 €/MWh; gross 400,000. EnFG Liste 1: first 1,000 MWh full (4,000),
    # the other 99,000 MWh at 15 %: 0.15 × 4 × 99,000 = 59,400 -> 63,400; reduction −336,600
    assert line(base, "DE", "tax.kwkg") == pytest.approx(400_000, **APPROX)
    assert line(base, "DE", "tax.kwkg.reduced.enfg-liste-1") == pytest.approx(-336_600, **APPROX)


def test_cheapest_reduced_rate_wins(base):
    # Aufschlag A' 15 €/MWh: gross 1,500,000. B': 15,000 + 0.5 × 99,000 = 64,500;
    # C' (NACE 20): 15,000 + 0.25 × 99,000 = 39,750 -> C' wins: −1,460,250, B' line 0
    assert line(base, "DE", "tax.aufschlag.reduced.c") == pytest.approx(-1_460_250, **APPROX)
    assert line(base, "DE", "tax.aufschlag.reduced.b") == 0


def test_joint_cap_on_gva():
    # GVA 5 M€ -> cap 0.5 % = 25,000 € on KWKG after reduction (63,400): cap line −38,400
    r = run("sectors.plant.gross_value_added_eur=5000000")
    assert line(r, "DE", "tax.cap.enfg-super-cap") == pytest.approx(-38_400, **APPROX)


def test_abatement_by_category_and_cta(base):
    # FR gross network 5,000 + 20 × 12,500 + 3 × 100,000 = 555,000; profil stable 81 %: −449,550
    assert line(base, "FR", "network.reduction.abattement") == pytest.approx(-449_550, **APPROX)
    # CTA 10 % of the fixed and capacity parts after the abatement: 0.1 × 255,000 × 0.19 = 4,845
    assert line(base, "FR", "tax.cta") == pytest.approx(4_845, **APPROX)


def test_abatement_cap():
    r = run("FR.network.reductions.abattement.categories.profil-stable.abatement_pct=95")
    # 95 % capped at 90 %: −0.9 × 555,000 = −499,500
    assert line(r, "FR", "network.reduction.abattement") == pytest.approx(-499_500, **APPROX)


def test_rate_periods_day_weighted(base):
    # 31 days at 20.5 and 334 days at 22.5: (20.5 × 31 + 22.5 × 334) / 365 = 22.330137 €/MWh
    avg = (20.5 * 31 + 22.5 * 334) / 365
    assert line(base, "FR", "tax.accise") == pytest.approx(avg * 100_000, **APPROX)


def test_rate_by_electro_intensity(base):
    # intensity = 100,000 × 22.5 / 50 M€ = 4.5 % -> tier >= 3.375 % at 5 €/MWh on taxable 80,000 MWh
    avg = (20.5 * 31 + 22.5 * 334) / 365
    full_taxable = avg * 80_000
    assert line(base, "FR", "tax.accise.reduced.l312-71") == pytest.approx(5 * 80_000 - full_taxable, **APPROX)


def test_co2_levy_and_ets(base):
    # ETS: 80 €/t × (10,000 − 8,000) = 160,000; CO2-heffing (100 − 80) × (10,000 − 1.0 × 8,000) = 40,000
    assert line(base, "NL", "carbon.ets_direct") == pytest.approx(160_000, **APPROX)
    assert line(base, "NL", "carbon.co2_levy") == pytest.approx(40_000, **APPROX)


def test_indirect_cost_compensation(base):
    # fallback benchmark for 2030: 80 % × (1 − 1.09 %)^(2030 − 2022 + 1) of consumption
    factor = 0.80 * (1 - 0.0109) ** 9
    nl = 0.75 * 0.45 * 100 * (100_000 * factor - 1000)  # self-retention 1,000 MWh
    de = 0.75 * 0.72 * 100 * (100_000 * factor)
    assert line(base, "NL", "carbon.compensation") == pytest.approx(-nl, **APPROX)
    assert line(base, "DE", "carbon.compensation") == pytest.approx(-de, **APPROX)


def test_compensation_budget_scaling():
    factor = 0.80 * (1 - 0.0109) ** 9
    r = run("NL.carbon.indirect_cost_compensation.budget_scaling_pct=50")
    assert line(r, "NL", "carbon.compensation") == pytest.approx(-0.5 * 0.75 * 0.45 * 100 * (100_000 * factor - 1000), **APPROX)


def test_not_eligible_sector_gets_no_compensation():
    r = run("sectors.plant.nace=['10.51']")
    assert line(r, "NL", "carbon.compensation") == 0
    assert line(r, "DE", "tax.kwkg.reduced.enfg-liste-1") == 0


def test_totals_and_gaps(base):
    nl_total = total(base, "NL")
    de_total = total(base, "DE")
    # the headline total is the electricity price: every line but the direct CO2 costs
    nl = base.lines.filter(base.lines["country"] == "NL")
    assert nl_total == pytest.approx(nl.filter(nl["subtotal"] == "electricity")["eur_per_year"].sum(), **APPROX)
    # direct CO2 beside it: ETS 160,000 + CO2-heffing 40,000 = 200,000 €/yr = 2 €/MWh
    assert total(base, "NL", "direct_co2_eur_per_mwh") == pytest.approx(2.0, **APPROX)
    assert set(nl.filter(nl["subtotal"] == "direct_co2")["key"]) == {"carbon.ets_direct", "carbon.co2_levy"}
    gap = total(base, "DE", "gap_eur_per_year")
    assert gap == pytest.approx(nl_total - de_total, **APPROX)
    assert total(base, "DE", "gap_eur_per_mwh") == pytest.approx((nl_total - de_total) / 100_000, **APPROX)
    assert total(base, "DE", "ref_dearer_pct") == pytest.approx((nl_total - de_total) / de_total * 100, **APPROX)
    assert total(base, "DE", "other_cheaper_pct") == pytest.approx((nl_total - de_total) / nl_total * 100, **APPROX)
    # sector-wide: gap €/MWh × 1,000,000 MWh / 1e6 = M€/yr
    assert total(base, "DE", "sector_gap_meur_per_year") == pytest.approx((nl_total - de_total) / 100_000, **APPROX)
    # NL gross electricity: every electricity line but the reliefs = 8,000,000 + 710,000 + 390,000
    assert total(base, "NL", "gross_eur_per_year") == pytest.approx(9_100_000, **APPROX)


def test_unknown_value_stays_unknown():
    r = run("DE.commodity.baseload_eur_per_mwh={value: null, quality: unknown, note: test}")
    assert line(r, "DE", "commodity.wholesale") is None
    row = r.lines.filter((r.lines["country"] == "DE") & (r.lines["key"] == "commodity.wholesale")).row(0, named=True)
    assert row["quality"] == "unknown"
    assert total(r, "DE", "unknown_lines") == 1
    assert not math.isnan(total(r, "DE"))


def test_estimate_flag_propagates_to_line():
    r = run("NL.commodity.baseload_eur_per_mwh=90")  # an override is flagged estimate
    row = r.lines.filter((r.lines["country"] == "NL") & (r.lines["key"] == "commodity.wholesale")).row(0, named=True)
    assert row["quality"] == "estimate"
    assert row["eur_per_mwh"] == pytest.approx(90)
