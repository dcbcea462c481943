"""Bands: hand-computed ranges on the fixture, one-sided gaps, bounded unknowns, properties.

The fixture plant (fixtures/basic, 2030): 100,000 MWh, 8,000 h (12,500 kW), EHV. Without any
range its electricity totals are NL 66.673606, DE 33.514270, FR 60.602950 €/MWh (the central
values of test_engine_fixture), so the gap NL − DE is 33.159336 €/MWh.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speelveld.config.load import Override, load_year
from speelveld.core.compute import compare
from speelveld.core.policy import policy_check
from speelveld.report.notes import gap_note
from tests.helpers import FIXTURE, run

NL_TOTAL, DE_TOTAL, FR_TOTAL = 66.67360630341956, 33.51427008547129, 60.60295
GAP_DE = NL_TOTAL - DE_TOTAL  # 33.159336
APPROX = {"rel": 1e-9, "abs": 1e-9}
NL_CAP = "NL.network.levels.EHV.variants.all.charges.kw-contract.capacity_eur_per_kw_year"


def row(result, country, sector="plant"):
    return result.totals.filter((result.totals["country"] == country) & (result.totals["sector"] == sector)).row(0, named=True)


def line_row(result, country, key):
    return result.lines.filter((result.lines["country"] == country) & (result.lines["key"] == key)).row(0, named=True)


def ranged(path: str, value, low, high, quality="estimate") -> str:
    value = "null" if value is None else value
    return f"{path}={{value: {value}, low: {low}, high: {high}, quality: {quality}, note: test range}}"


def test_no_ranges_means_point_bands():
    r = run()
    de = row(r, "DE")
    assert de["gap_eur_per_mwh"] == pytest.approx(GAP_DE, **APPROX)
    assert de["gap_low_eur_per_mwh"] == de["gap_high_eur_per_mwh"] == de["gap_eur_per_mwh"]
    assert de["gap_bound"] == "exact" and de["complete"]


def test_band_of_totals_and_gap_by_hand():
    r = run(ranged("NL.commodity.baseload_eur_per_mwh", 80, 70, 95), ranged("DE.commodity.baseload_eur_per_mwh", 70, 65, 72))
    nl, de = row(r, "NL"), row(r, "DE")
    # NL wholesale 80 within 70–95: the total moves by −10 / +15 €/MWh
    assert (nl["total_low_eur_per_mwh"], nl["total_high_eur_per_mwh"]) == (pytest.approx(NL_TOTAL - 10), pytest.approx(NL_TOTAL + 15))
    # DE wholesale 70 within 65–72: −5 / +2
    assert (de["total_low_eur_per_mwh"], de["total_high_eur_per_mwh"]) == (pytest.approx(DE_TOTAL - 5), pytest.approx(DE_TOTAL + 2))
    # gap = NL − DE: the two wholesale prices move together, both low or both high (bands.py):
    # both low 33.159336 − 10 + 5 = 28.159336; both high 33.159336 + 15 − 2 = 46.159336 (moved
    # independently the band would be −12 / +20)
    assert de["gap_low_eur_per_mwh"] == pytest.approx(GAP_DE - 5, **APPROX)
    assert de["gap_high_eur_per_mwh"] == pytest.approx(GAP_DE + 13, **APPROX)
    assert de["gap_eur_per_mwh"] == pytest.approx(GAP_DE, **APPROX) and de["gap_bound"] == "exact" and de["complete"]
    # FR does not depend on DE's price: its gap moves with NL only
    fr = row(r, "FR")
    assert (fr["gap_low_eur_per_mwh"], fr["gap_high_eur_per_mwh"]) == (pytest.approx(NL_TOTAL - 10 - FR_TOTAL), pytest.approx(NL_TOTAL + 15 - FR_TOTAL))


def test_shared_input_moves_both_sides_together():
    # The EUA forward price drives both compensations. NL: 0.75 × 0.45 t/MWh × P × (E − 1,000 MWh);
    # DE: 0.75 × 0.72 × P × E, with E = 100,000 × 80 % × (1 − 1.09 %)^9. The gap grows with P by
    # (0.54 E − 0.3375 (E − 1,000)) ÷ 100,000 per €/t; P within 80–120 moves it by ±20 times that.
    r = run(ranged("eu.eua_forward_price_eur_per_t", 100, 80, 120))
    e = 100_000 * 0.80 * (1 - 0.0109) ** 9
    slope = (0.54 * e - 0.3375 * (e - 1000)) / 100_000
    de, nl = row(r, "DE"), row(r, "NL")
    assert de["gap_low_eur_per_mwh"] == pytest.approx(GAP_DE - 20 * slope, **APPROX)
    assert de["gap_high_eur_per_mwh"] == pytest.approx(GAP_DE + 20 * slope, **APPROX)
    # subtracting the two totals' bands would double count the shared price: the joint band is narrower
    naive = (nl["total_high_eur_per_mwh"] - de["total_low_eur_per_mwh"]) - (nl["total_low_eur_per_mwh"] - de["total_high_eur_per_mwh"])
    assert de["gap_high_eur_per_mwh"] - de["gap_low_eur_per_mwh"] < naive - 1


def test_reference_missing_a_cost_gives_a_lower_bound():
    r = run(f"{NL_CAP}={{value: null, quality: unknown, note: test}}")
    nl, de = row(r, "NL"), row(r, "DE")
    # the capacity charge (40 €/kW/yr × 12,500 kW = 5 €/MWh) is left out: NL's total is at least 61.673606
    assert nl["total_eur_per_mwh"] == pytest.approx(NL_TOTAL - 5, **APPROX)
    assert nl["total_low_eur_per_mwh"] == pytest.approx(NL_TOTAL - 5, **APPROX) and nl["total_high_eur_per_mwh"] is None
    assert not nl["complete"] and nl["missing_lines"] == ["network.capacity_eur_per_kw_year"]
    assert de["gap_bound"] == "lower" and not de["complete"]
    assert de["gap_low_eur_per_mwh"] == pytest.approx(GAP_DE - 5, **APPROX) and de["gap_high_eur_per_mwh"] is None
    assert gap_note(r, "plant", de, "nl") == "DE: NL mist netkosten: het verschil is een ondergrens (≥ 28,16 €/MWh)."
    assert gap_note(r, "plant", de, "en") == "DE: NL lacks network costs: the gap is a lower bound (≥ 28.16 €/MWh)."


def test_other_side_missing_a_cost_gives_an_upper_bound():
    r = run("DE.taxes.levies.stromsteuer.rate_eur_per_mwh={value: null, quality: unknown, note: test}")
    de = row(r, "DE")
    # DE's Stromsteuer (0.5 €/MWh) is left out: DE is at least 33.014270, so the gap is at most 33.659336
    assert de["gap_bound"] == "upper"
    assert de["gap_high_eur_per_mwh"] == pytest.approx(GAP_DE + 0.5, **APPROX) and de["gap_low_eur_per_mwh"] is None
    assert "DE mist Stromsteuer" in gap_note(r, "plant", de, "nl")
    assert row(r, "FR")["gap_bound"] == "exact"  # FR's gap does not involve DE


def test_both_sides_missing_gives_no_bound():
    r = run(f"{NL_CAP}={{value: null, quality: unknown, note: t}}", "DE.taxes.levies.stromsteuer.rate_eur_per_mwh={value: null, quality: unknown, note: t}")
    de = row(r, "DE")
    assert de["gap_bound"] == "none" and de["gap_low_eur_per_mwh"] is None and de["gap_high_eur_per_mwh"] is None
    assert gap_note(r, "plant", de, "nl") == "DE: NL mist netkosten; DE mist Stromsteuer: het verschil is onbepaald (geen grens aan beide kanten)."


def test_reference_missing_a_relief_gives_an_upper_bound():
    # NL's CO2 factor for the compensation unknown: the compensation (a relief) can be any size,
    # so NL's total is at most its known part and the gap NL − DE at most its central value.
    r = run("NL.carbon.indirect_cost_compensation.co2_factor_t_per_mwh={value: null, quality: unknown, note: t}")
    nl, de = row(r, "NL"), row(r, "DE")
    assert nl["total_high_eur_per_mwh"] == pytest.approx(nl["total_eur_per_mwh"], **APPROX) and nl["total_low_eur_per_mwh"] is None
    assert de["gap_bound"] == "upper"
    assert "NL mist ETS-compensatie" in gap_note(r, "plant", de, "nl")


def test_bounded_unknown_counts_at_its_middle_and_keeps_the_gap_complete():
    r = run(ranged(NL_CAP, None, 30, 50, quality="unknown"))
    nl, de = row(r, "NL"), row(r, "DE")
    # central: the middle, 40 €/kW/yr, as in the base fixture; band: 30 or 50 × 12,500 kW = 3.75–6.25 €/MWh
    assert nl["total_eur_per_mwh"] == pytest.approx(NL_TOTAL, **APPROX)
    cap = line_row(r, "NL", "network.capacity_eur_per_kw_year")
    assert cap["quality"] == "unknown" and (cap["low_eur_per_mwh"], cap["high_eur_per_mwh"]) == (pytest.approx(3.75), pytest.approx(6.25))
    assert de["gap_bound"] == "exact" and de["complete"]
    assert (de["gap_low_eur_per_mwh"], de["gap_high_eur_per_mwh"]) == (pytest.approx(GAP_DE - 1.25), pytest.approx(GAP_DE + 1.25))
    assert nl["unknown_lines"] == 1 and nl["missing_lines"] == []


def test_unknown_percentage_is_bounded_by_nature():
    # FR's ARENH share unknown: between 0 and 100 %. The saving min(42 − 60, 0) = −18 €/MWh on that
    # share is left out of the central total (+4.5 against the fixture's 25 %), and bounds it: −18–0.
    r = run("FR.commodity.special_access.arenh.volume_share_pct={value: null, quality: unknown, note: t}")
    fr = row(r, "FR")
    arenh = line_row(r, "FR", "commodity.access.arenh")
    assert arenh["eur_per_mwh"] is None and (arenh["low_eur_per_mwh"], arenh["high_eur_per_mwh"]) == (pytest.approx(-18), pytest.approx(0, abs=1e-9))
    assert fr["total_eur_per_mwh"] == pytest.approx(FR_TOTAL + 4.5, **APPROX)
    assert fr["total_low_eur_per_mwh"] == pytest.approx(FR_TOTAL + 4.5 - 18, **APPROX)
    assert fr["gap_bound"] == "exact"


def test_levy_with_an_unknown_dispensation_factor_stays_bounded():
    # CO2-heffing: (100 − 80) €/t × max(10,000 − f × 8,000, 0) t; f unknown (≥ 0): between 0
    # (f ≥ 1.25) and 20 × 10,000 = 200,000 €/yr = 2 €/MWh (f = 0). A direct CO2 cost, not electricity.
    r = run("NL.carbon.co2_levy.dispensation_factor={value: null, quality: unknown, note: t}")
    levy = line_row(r, "NL", "carbon.co2_levy")
    assert levy["subtotal"] == "direct_co2" and (levy["low_eur_per_mwh"], levy["high_eur_per_mwh"]) == (pytest.approx(0, abs=1e-9), pytest.approx(2.0))
    nl = row(r, "NL")
    # ETS 1.6 €/MWh plus the levy's 0–2
    assert (nl["direct_co2_low_eur_per_mwh"], nl["direct_co2_high_eur_per_mwh"]) == (pytest.approx(1.6), pytest.approx(3.6))
    assert nl["complete"]  # the electricity total does not depend on it


def test_policy_change_open_on_an_unknown_is_reported_not_zero():
    # The volumecorrectie (90 % off NL's network charges) switched on, while NL's capacity tariff is
    # unknown: the known charges alone (10,000 + 2 × 100,000 = 210,000 €/yr) give −0.9 × 2.1 = −1.89
    # €/MWh; the unknown one can only add to the cut, so the change is at most −1.89, never "0".
    unknown = Override.parse(f"{NL_CAP}={{value: null, quality: unknown, note: t}}")
    base = load_year(FIXTURE, 2030, [unknown])
    after = load_year(FIXTURE, 2030, [unknown, Override.parse("NL.network.reductions.volumecorrectie.valid={to_year: 2040}")])
    check = policy_check(base, after, ["plant"], ["DE", "FR"])
    de = check.table.filter(check.table["country"] == "DE").row(0, named=True)
    assert de["gap_change_bound"] == "upper" and de["gap_change_eur_per_mwh"] is None
    assert de["gap_change_high_eur_per_mwh"] == pytest.approx(-1.89, **APPROX)
    assert de["gap_change_open_on"] == [NL_CAP]
    # with a range instead, the change has a band: capacity 30–50 €/kW/yr adds 3.75–6.25 €/MWh to the base
    ranged_cap = Override.parse(ranged(NL_CAP, None, 30, 50, quality="unknown"))
    base = load_year(FIXTURE, 2030, [ranged_cap])
    after = load_year(FIXTURE, 2030, [ranged_cap, Override.parse("NL.network.reductions.volumecorrectie.valid={to_year: 2040}")])
    de = policy_check(base, after, ["plant"], ["DE"]).table.filter(lambda_country("DE")).row(0, named=True)
    assert de["gap_change_bound"] == "exact"
    assert de["gap_change_low_eur_per_mwh"] == pytest.approx(-0.9 * (2.1 + 6.25), **APPROX)
    assert de["gap_change_high_eur_per_mwh"] == pytest.approx(-0.9 * (2.1 + 3.75), **APPROX)


def lambda_country(cc):
    import polars as pl

    return pl.col("country") == cc


# ------------------------------------------------------------------ properties

INPUTS = [
    ("NL.commodity.baseload_eur_per_mwh", 80.0),
    ("DE.commodity.baseload_eur_per_mwh", 70.0),
    ("eu.eua_forward_price_eur_per_t", 100.0),
    (NL_CAP, 40.0),
    ("DE.taxes.levies.aufschlag.rate_eur_per_mwh", 15.0),
    ("FR.taxes.levies.accise.reduced_rates.l312-71.intensity_tiers.1.rate_eur_per_mwh", 5.0),
]


def _spreads():
    return st.lists(st.tuples(st.floats(0, 0.5), st.floats(0, 0.5)), min_size=len(INPUTS), max_size=len(INPUTS))


def _run_with(spreads, widen=None):
    sets = []
    for i, ((path, value), (down, up)) in enumerate(zip(INPUTS, spreads, strict=True)):
        if i == widen:
            down, up = down + 0.2, up + 0.2
        if down or up:
            sets.append(ranged(path, value, round(value * (1 - down), 6), round(value * (1 + up), 6)))
    return run(*sets)


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_spreads(), st.integers(0, len(INPUTS) - 1))
def test_central_inside_band_and_widening_never_narrows(spreads, widen):
    before = _run_with(spreads)
    after = _run_with(spreads, widen)
    for r_b, r_a in zip(before.totals.iter_rows(named=True), after.totals.iter_rows(named=True), strict=True):
        for name in ("total", "gap"):
            c, lo, hi = r_b[f"{name}_eur_per_mwh"], r_b[f"{name}_low_eur_per_mwh"], r_b[f"{name}_high_eur_per_mwh"]
            assert lo - 1e-9 <= c <= hi + 1e-9, (name, r_b)
            assert r_a[f"{name}_low_eur_per_mwh"] <= lo + 1e-9 and r_a[f"{name}_high_eur_per_mwh"] >= hi - 1e-9, (name, r_a, r_b)
    for lb, la in zip(before.lines.iter_rows(named=True), after.lines.iter_rows(named=True), strict=True):
        assert la["low_eur_per_mwh"] <= lb["low_eur_per_mwh"] + 1e-9 and la["high_eur_per_mwh"] >= lb["high_eur_per_mwh"] - 1e-9


def test_band_endpoints_are_attained():
    # the band is not an over-estimate: its ends are the totals at the extreme inputs, computed directly
    r = run(ranged("NL.commodity.baseload_eur_per_mwh", 80, 70, 95), ranged(NL_CAP, 40, 30, 50))
    low = run("NL.commodity.baseload_eur_per_mwh=70", f"{NL_CAP}=30")
    high = run("NL.commodity.baseload_eur_per_mwh=95", f"{NL_CAP}=50")
    assert row(r, "NL")["total_low_eur_per_mwh"] == pytest.approx(row(low, "NL")["total_eur_per_mwh"], **APPROX)
    assert row(r, "NL")["total_high_eur_per_mwh"] == pytest.approx(row(high, "NL")["total_eur_per_mwh"], **APPROX)
    assert not math.isnan(row(r, "DE")["gap_low_eur_per_mwh"])


def test_compare_without_uncertainty_matches_point_evaluation():
    cfg = load_year(FIXTURE, 2030)
    r = compare(cfg, ["plant"], ["DE", "FR"])
    assert r.bands is not None and r.bands.inputs == []


def test_a_kink_near_the_base_point_does_not_hide_the_other_inputs():
    # f = max(0, x1 + x2 − b): x1, x2 in 0–1 (central 0.5), b in 0.5–2.5 (central 1.5), the shape of
    # the IKC budget's pro-rata cut (claims x1 + x2 against a budget b). At the base point
    # 0.5 + 0.5 − 1.5 < 0: neither x1 nor x2 moves f there, only a low b does (to 0.5). Probed at
    # the base point alone the highest corner is b = 0.5 with x1, x2 at 0.5: f = 0.5; the true
    # highest value is 1 + 1 − 0.5 = 1.5, which the corner's own probes find
    import polars as pl

    from speelveld.core.bands import Uncertain, compute_bands

    inputs = [Uncertain("x1", "x1", 0.0, 1.0, 0.5, 0.5, False, True), Uncertain("x2", "x2", 0.0, 1.0, 0.5, 0.5, False, True),
              Uncertain("b", "b", 0.5, 2.5, 1.5, 1.5, False, True)]

    def evaluate(frame):
        x2 = pl.col("x2") if "x2" in frame.columns else pl.lit(0.5)
        return frame.with_columns(f=pl.max_horizontal(pl.lit(0.0), pl.col("x1") + x2 - pl.col("b")))

    bands = compute_bands(evaluate, inputs, ["f"])
    assert bands.band("f") == (0.0, 1.5)
    # with x2 fixed at its central value, the same rule gives 1 + 0.5 − 0.5 = 1.0
    assert compute_bands(evaluate, inputs[::2], ["f"]).band("f") == (0.0, pytest.approx(1.0))


def test_compare_and_explain_give_one_band_per_line():
    # the IKC budget's cut was 0–8.26 €/MWh in compare and 0–6.78 in explain (each probed the kink
    # with another set of inputs); now both give the box's extreme
    from speelveld.config.load import default_config_dir
    from speelveld.core.explain import explain

    cfg = load_year(default_config_dir(), 2026)
    compared = compare(cfg, "all", ["DE", "BE", "FR"])
    for country in ("NL", "FR"):
        lines = compared.lines.filter((compared.lines["country"] == country) & (compared.lines["sector"] == "chemie"))
        for ln in explain(cfg, "chemie", country).lines:
            c = lines.filter(lines["key"] == ln.key).row(0, named=True)
            assert (ln.low_eur_per_mwh, ln.high_eur_per_mwh) == (pytest.approx(c["low_eur_per_mwh"], abs=1e-9), pytest.approx(c["high_eur_per_mwh"], abs=1e-9)), ln.key


def test_central_values_without_bands_equal_those_with_them():
    from speelveld.config.load import default_config_dir

    cfg = load_year(default_config_dir(), 2029)
    banded, central = compare(cfg, "all", ["DE", "BE", "FR"]), compare(cfg, "all", ["DE", "BE", "FR"], bands=False)
    columns = ["sector", "country", "total_eur_per_mwh", "gap_eur_per_mwh", "direct_co2_eur_per_mwh"]
    got, want = central.totals.select(columns).rows(), banded.totals.select(columns).rows()
    assert [r[:2] for r in got] == [r[:2] for r in want]
    assert [x for r in got for x in r[2:]] == pytest.approx([x for r in want for x in r[2:]], rel=1e-12, abs=1e-9)
    assert (central.totals["gap_low_eur_per_mwh"] == central.totals["gap_eur_per_mwh"]).all()
