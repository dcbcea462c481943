"""Errors that end a run with a one-line message (exit status 2), importable without the engine."""

from __future__ import annotations


class UsageProblem(Exception):
    """A bad option or combination of options; the message names the option."""


class SweepError(ValueError):
    """A bad --vary specification; the message is one line naming the option."""
