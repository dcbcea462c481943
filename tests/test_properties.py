"""Properties that must hold for any plant and any prices (hypothesis, on the fixture)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speelveld.config.load import Override, load_year
from speelveld.core.compute import compare
from tests.helpers import FIXTURE, line, total

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

consumption = st.floats(min_value=1.0, max_value=5e6)
hours = st.floats(min_value=100.0, max_value=8760.0)
price = st.floats(min_value=0.0, max_value=500.0)


def run(**sets):
    cfg = load_year(FIXTURE, 2030, [Override(path, value, "--set") for path, value in sets.items()])
    return compare(cfg, ["plant"], ["DE", "FR"], reference="NL")


@SETTINGS
@given(q=consumption, h=hours, wholesale=price, gva=st.floats(min_value=1e5, max_value=1e10))
def test_no_relief_raises_a_cost(q, h, wholesale, gva):
    r = run(**{"sector.consumption_mwh": q, "sector.utilisation_hours": h, "FR.commodity.baseload_eur_per_mwh": wholesale,
               "sectors.plant.gross_value_added_eur": gva})
    relief = r.lines.filter(r.lines["relief"])
    assert (relief["eur_per_year"] <= 1e-9).all(), relief.filter(relief["eur_per_year"] > 1e-9)
    for cc in ("NL", "DE", "FR"):
        assert total(r, cc) <= total(r, cc, "gross_eur_per_year") + 1e-6


@SETTINGS
@given(q=st.floats(min_value=20_000, max_value=1e6), k=st.floats(min_value=1.0, max_value=50.0), h=st.floats(min_value=7000, max_value=8760))
def test_linear_lines_scale_linearly(q, k, h):
    # With the hours fixed, per-MWh and per-kW charges are linear in consumption; thresholds
    # (1 GWh, 10 GWh) are below the range drawn here, so eligibility does not change.
    a = run(**{"sector.consumption_mwh": q, "sector.utilisation_hours": h})
    b = run(**{"sector.consumption_mwh": q * k, "sector.utilisation_hours": h})
    for cc, key in [("NL", "commodity.wholesale"), ("DE", "network.capacity_eur_per_kw_year"), ("DE", "network.energy_eur_per_mwh"),
                    ("DE", "tax.stromsteuer"), ("DE", "carbon.compensation"), ("FR", "tax.accise")]:
        assert line(b, cc, key) == pytest.approx(k * line(a, cc, key), rel=1e-9)


@SETTINGS
@given(p1=price, p2=price, q=consumption)
def test_higher_eua_price_never_lowers_compensation(p1, p2, q):
    lo, hi = sorted((p1, p2))
    a = run(**{"eu.eua_forward_price_eur_per_t": lo, "sector.consumption_mwh": q})
    b = run(**{"eu.eua_forward_price_eur_per_t": hi, "sector.consumption_mwh": q})
    for cc in ("NL", "DE"):
        # compensation is a negative line: more aid is more negative
        assert -line(b, cc, "carbon.compensation") >= -line(a, cc, "carbon.compensation") - 1e-9


@SETTINGS
@given(q=consumption, h=hours)
def test_gap_of_a_country_to_itself_is_zero(q, h):
    cfg = load_year(FIXTURE, 2030, [Override("sector.consumption_mwh", q, "--set"), Override("sector.utilisation_hours", h, "--set")])
    for ref in ("NL", "DE", "FR"):
        r = compare(cfg, ["plant"], [ref], reference=ref)
        assert total(r, ref, "gap_eur_per_year") == 0
        assert total(r, ref, "gap_eur_per_mwh") == 0


@SETTINGS
@given(h=hours)
def test_more_hours_never_raise_the_stromnev_floor(h):
    # The share to pay falls (20 -> 15 -> 10 %) as hours rise; it never rises.
    a = run(**{"sector.utilisation_hours": h})
    b = run(**{"sector.utilisation_hours": min(8760.0, h + 250)})
    def pay_share(r):
        gross = line(r, "DE", "network.capacity_eur_per_kw_year") + line(r, "DE", "network.energy_eur_per_mwh")
        return (gross + line(r, "DE", "network.reduction.stromnev-19-2")) / gross
    assert pay_share(b) <= pay_share(a) + 1e-12
