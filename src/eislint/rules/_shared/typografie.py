"""Typing errors whose fix cannot change what a requirement says: doubled spaces, a doubled word.

They read the source text of the unit (line breaks kept: the analysis text has them as spaces,
and a line break is layout, not a typing error) and skip anything touching markup.

Helpers shared by more than one rule module."""

from __future__ import annotations

from eislint.checks.base import Unit


def visible(unit: Unit, start: int, end: int) -> bool:
    """True when [start, end) and its neighbours are text, not markup (masked in the analysis)."""
    a, b = start - 1 - unit.start, end + 1 - unit.start
    clean = unit.text[max(a, 0) : b]
    raw = unit.document.text[max(start - 1, unit.start) : end + 1]
    return clean == raw
