"""speelveld: the Dutch speelveldtoets for industrial electricity (and gas) costs.

A small public API for notebooks, beside the command line; everything is imported when first
used, so ``import speelveld`` stays light::

    import speelveld as sv

    cfg = sv.load_year(sv.default_config_dir(), 2026)
    result = sv.compare(cfg, ["chemie"], ["DE", "BE", "FR"])
    result.totals.select("country", "total_eur_per_mwh", "gap_low_eur_per_mwh", "gap_high_eur_per_mwh")
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "load_year": "speelveld.config.load",
    "default_config_dir": "speelveld.config.load",
    "available_years": "speelveld.config.load",
    "Override": "speelveld.config.load",
    "compare": "speelveld.core.compute",
    "explain": "speelveld.core.explain",
    "policy_check": "speelveld.core.policy",
    "trend": "speelveld.core.trend",
    "gap_closing": "speelveld.core.closing",
    "business_case": "speelveld.core.business",
    "open_year": "speelveld.app",
    "pick_countries": "speelveld.app",
    "sweep": "speelveld.app",
    "summarise": "speelveld.app",
    "long": "speelveld.app",
    "options": "speelveld.app",
    "scenarios": "speelveld.app",
}

__all__ = ["__version__", *_API]


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'speelveld' has no attribute '{name}'")
