"""One 'did you mean' for every name a user can misspell: a field, a path, a sector, a source id."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(given: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option most like ``given``, or None when none is close enough."""
    hits = difflib.get_close_matches(given, list(options), n=1, cutoff=cutoff)
    return hits[0] if hits else None


def did_you_mean(given: str, options: Iterable[str], cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' for the closest option, or '' when none is close."""
    from speelveld.said import said

    hit = closest(given, options, cutoff)
    return said("did_you_mean", name=hit) if hit else ""
