"""Properties that must hold for any plant and any prices (hypothesis, on the fixture).

Each property draws its 40 examples at once and evaluates them as the rows of one frame on the
vectorised engine (the parameters drawn are columns, as in a sweep), instead of one config load
and one comparison per example. The first example of each is also run the way a user runs it
(`--set` on the config, then `compare`), and must give the same lines.
"""

import functools

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speelveld.config.load import Override, load_year
from speelveld.config.model import EUA_PRICES
from speelveld.core.compute import col, compare, evaluate, plan_sector
from speelveld.core.sweep import resolve_path
from tests.helpers import FIXTURE, line

EXAMPLES = 40
SETTINGS = settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

consumption = st.floats(min_value=1.0, max_value=5e6)
hours = st.floats(min_value=100.0, max_value=8760.0)
price = st.floats(min_value=0.0, max_value=500.0)


def examples(**fields):
    """EXAMPLES draws of the named fields at once (hypothesis shrinks the list on a failure)."""
    return st.lists(st.fixed_dictionaries(fields), min_size=EXAMPLES, max_size=EXAMPLES)


@functools.cache
def fixture_config():
    return load_year(FIXTURE, 2030, [])


def run_rows(rows: list[dict[str, float]], countries=("NL", "DE", "FR"), reference="NL") -> tuple[pl.DataFrame, dict]:
    """Every line, total and gap for each row of parameter values: one query for all rows."""
    cfg = fixture_config()
    # the frame's columns are named by the parameters' own paths (`sector.` is shorthand), as in a sweep
    paths = {given: resolve_path(given, cfg, "plant") for given in rows[0]}
    plan = plan_sector(cfg, "plant", list(countries), frozenset(paths.values()))
    frame = pl.DataFrame({path: [float(r[given]) for r in rows] for given, path in paths.items()})
    return evaluate(frame, [plan], reference).collect(), plan.lines


def values(result: pl.DataFrame, country: str, key: str) -> list[float]:
    return result[col("plant", country, key)].to_list()


def check_against_compare(rows, result, lines):
    """The first row, run as a user runs it, gives the same lines as the frame."""
    sets = [Override(path, value, "--set") for path, value in rows[0].items()]
    # the frame moves only the parameters it names: keep the other EUA prices where they are (a --set
    # of one EUA price otherwise moves the others with it)
    base = load_year(FIXTURE, 2030)
    sets += [Override(p, base.params[p].central, "--set") for p in EUA_PRICES if p in base.params and p not in rows[0] and any(k in EUA_PRICES for k in rows[0])]
    cfg = load_year(FIXTURE, 2030, sets)
    single = compare(cfg, ["plant"], ["DE", "FR"], reference="NL")
    for cc, country_lines in lines.items():
        for ln in country_lines:
            assert values(result, cc, ln.key)[0] == pytest.approx(line(single, cc, ln.key), rel=1e-9, abs=1e-6), (cc, ln.key)


@SETTINGS
@given(examples(q=consumption, h=hours, wholesale=price, gva=st.floats(min_value=1e5, max_value=1e10)))
def test_no_relief_raises_a_cost(draws):
    rows = [{"sector.consumption_mwh": d["q"], "sector.utilisation_hours": d["h"], "FR.commodity.baseload_eur_per_mwh": d["wholesale"],
             "sectors.plant.gross_value_added_eur": d["gva"]} for d in draws]
    result, lines = run_rows(rows)
    check_against_compare(rows, result, lines)
    for cc, country_lines in lines.items():
        for ln in country_lines:
            if ln.relief:
                assert all(v <= 1e-9 for v in values(result, cc, ln.key) if v is not None), (cc, ln.key)
        for net, gross in zip(values(result, cc, "total"), values(result, cc, "gross"), strict=True):
            assert net <= gross + 1e-6, cc


@SETTINGS
@given(examples(q=st.floats(min_value=20_000, max_value=1e6), k=st.floats(min_value=1.0, max_value=50.0), h=st.floats(min_value=7000, max_value=8760)))
def test_linear_lines_scale_linearly(draws):
    # With the hours fixed, per-MWh and per-kW charges are linear in consumption; thresholds
    # (1 GWh, 10 GWh) are below the range drawn here, so eligibility does not change.
    a, _ = run_rows([{"sector.consumption_mwh": d["q"], "sector.utilisation_hours": d["h"]} for d in draws])
    b, _ = run_rows([{"sector.consumption_mwh": d["q"] * d["k"], "sector.utilisation_hours": d["h"]} for d in draws])
    ks = [d["k"] for d in draws]
    for cc, key in [("NL", "commodity.wholesale"), ("DE", "network.capacity_eur_per_kw_year"), ("DE", "network.energy_eur_per_mwh"),
                    ("DE", "tax.stromsteuer"), ("DE", "carbon.compensation"), ("FR", "tax.accise")]:
        assert values(b, cc, key) == pytest.approx([k * v for k, v in zip(ks, values(a, cc, key), strict=True)], rel=1e-9), (cc, key)


@SETTINGS
@given(examples(p1=price, p2=price, q=consumption))
def test_higher_eua_price_never_lowers_compensation(draws):
    lows = [{"eu.eua_forward_price_eur_per_t": min(d["p1"], d["p2"]), "sector.consumption_mwh": d["q"]} for d in draws]
    highs = [{"eu.eua_forward_price_eur_per_t": max(d["p1"], d["p2"]), "sector.consumption_mwh": d["q"]} for d in draws]
    (a, lines), (b, _) = run_rows(lows), run_rows(highs)
    check_against_compare(lows, a, lines)
    for cc in ("NL", "DE"):
        # compensation is a negative line: more aid is more negative
        for lo, hi in zip(values(a, cc, "carbon.compensation"), values(b, cc, "carbon.compensation"), strict=True):
            assert -hi >= -lo - 1e-9, cc


@SETTINGS
@given(examples(q=consumption, h=hours))
def test_gap_of_a_country_to_itself_is_zero(draws):
    rows = [{"sector.consumption_mwh": d["q"], "sector.utilisation_hours": d["h"]} for d in draws]
    for ref in ("NL", "DE", "FR"):
        result, _ = run_rows(rows, countries=(ref,), reference=ref)
        assert values(result, ref, "gap_eur_per_year") == [0.0] * EXAMPLES
        assert values(result, ref, "gap_eur_per_mwh") == [0.0] * EXAMPLES


@SETTINGS
@given(examples(h=hours))
def test_more_hours_never_raise_the_stromnev_floor(draws):
    # The share to pay falls (20 -> 15 -> 10 %) as hours rise; it never rises.
    a, lines = run_rows([{"sector.utilisation_hours": d["h"]} for d in draws])
    b, _ = run_rows([{"sector.utilisation_hours": min(8760.0, d["h"] + 250)} for d in draws])

    def pay_shares(r):
        gross = [c + e for c, e in zip(values(r, "DE", "network.capacity_eur_per_kw_year"), values(r, "DE", "network.energy_eur_per_mwh"), strict=True)]
        return [(g + red) / g for g, red in zip(gross, values(r, "DE", "network.reduction.stromnev-19-2"), strict=True)]

    for later, earlier in zip(pay_shares(b), pay_shares(a), strict=True):
        assert later <= earlier + 1e-12
