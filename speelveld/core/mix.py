"""The best mix of the envelope's lawful options (`speelveld opties --mix`), as a linear programme.

Each lawful option (every state-aid part checked and passed) is an instrument with a level x
between 0 and its legal limit (its lever's maximum over its value as configured; 1 without a
lever). At level x it gives each sector's reference-country plant x times its relief and costs x
times its cost: relief and cost in proportion to the level, and the instruments' effects added (an
approximation: two budget-limited or mutually exclusive instruments do not add exactly; the mix is
evaluated again as the options are where that matters). The programme closes the most
volume-weighted disadvantage against the chosen neighbours within the headroom:

    maximise   Σ_s,n  w_s · c_s,n
    subject to c_s,n ≤ max(gap_s,n, 0)            (closing counts down to parity)
               c_s,n ≤ Σ_i r_i,s · x_i            (what the instruments give sector s)
               Σ_i cost_i · x_i ≤ headroom
               0 ≤ x_i ≤ limit_i,  c_s,n ≥ 0

with w_s the sector's volume (MWh). Solved with HiGHS (scipy.optimize.linprog); the budget
constraint's dual is the marginal value of the next euro: how much more disadvantage 100 M€ more
would close.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Instrument:
    name: str
    relief: dict[str, float]  # sector -> €/MWh at level 1 (the option as configured)
    cost_meur: float  # M€/yr at level 1
    limit: float = 1.0  # the largest level the law allows


@dataclass
class Mix:
    levels: dict[str, float]
    cost_meur: float
    closed_meur: float  # volume-weighted disadvantage closed, M€/yr (€/MWh × MWh)
    open_meur: float  # the disadvantage there was to close, M€/yr
    marginal_eur_per_mwh_per_100meur: float | None  # volume-weighted €/MWh closed by the next 100 M€
    relief: dict[str, float] = field(default_factory=dict)  # sector -> €/MWh the mix gives
    status: str = "optimal"


def best_mix(instruments: list[Instrument], gaps: dict[tuple[str, str], float], volumes: dict[str, float], headroom_meur: float) -> Mix:
    """The levels that close the most volume-weighted disadvantage (``gaps``: (sector, neighbour) ->
    gap before, €/MWh; ``volumes``: sector -> MWh) within ``headroom_meur``."""
    import numpy as np
    from scipy.optimize import linprog

    pairs = [(s, n) for (s, n), g in sorted(gaps.items()) if s in volumes and volumes[s] and g is not None and g > 0]
    k, m = len(instruments), len(pairs)
    if k == 0 or m == 0:
        return Mix({i.name: 0.0 for i in instruments}, 0.0, 0.0, sum(volumes.get(s, 0) * max(g or 0, 0) for (s, _), g in gaps.items()) / 1e6, None)
    # variables: x_1..x_k, c_1..c_m; objective in M€ of disadvantage closed (minimise its negative)
    weights = np.array([volumes[s] / 1e6 for s, _ in pairs])
    obj = np.concatenate([np.zeros(k), -weights])
    rows, rhs = [], []
    for j, (s, _) in enumerate(pairs):  # c_j − Σ_i r_i,s x_i ≤ 0
        row = np.zeros(k + m)
        row[:k] = [-max(i.relief.get(s, 0.0), 0.0) for i in instruments]
        row[k + j] = 1.0
        rows.append(row)
        rhs.append(0.0)
    budget = np.concatenate([[max(i.cost_meur, 0.0) for i in instruments], np.zeros(m)])
    rows.append(budget)
    rhs.append(max(headroom_meur, 0.0))
    bounds = [(0.0, i.limit) for i in instruments] + [(0.0, gaps[p]) for p in pairs]
    res = linprog(obj, A_ub=np.array(rows), b_ub=np.array(rhs), bounds=bounds, method="highs")
    if res.status != 0:
        return Mix({i.name: 0.0 for i in instruments}, 0.0, 0.0, float(weights @ np.array([gaps[p] for p in pairs])), None, status=res.message)
    x = res.x[:k]
    closed = float(-res.fun)
    dual = -float(res.ineqlin.marginals[-1])  # M€ of disadvantage closed per M€ of headroom
    total_weight = float(weights.sum())  # MWh (in millions) over the pairs counted
    marginal = dual * 100 / total_weight if total_weight else None
    relief = {s: sum(i.relief.get(s, 0.0) * xi for i, xi in zip(instruments, x, strict=True)) for s in volumes}
    return Mix({i.name: float(xi) for i, xi in zip(instruments, x, strict=True)}, float(budget[:k] @ x), closed,
               float(weights @ np.array([gaps[p] for p in pairs])), marginal, relief)


def chance_closed(relief: float, low: float | None, high: float | None, central: float) -> float | None:
    """The chance that a gap stays closed under a relief, reading the gap's band as a uniform
    spread of its outcome (the band is what the inputs' ranges allow, not a distribution: a stated
    assumption)."""
    if low is None or high is None:
        return None
    if high - low < 1e-9:
        return 1.0 if central <= relief + 1e-9 else 0.0
    return min(max((relief - low) / (high - low), 0.0), 1.0)
