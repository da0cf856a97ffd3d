"""Typing errors whose fix cannot change what a requirement says: doubled spaces, a doubled word.

They read the source text of the unit (line breaks kept: the analysis text has them as spaces,
and a line break is layout, not a typing error) and skip anything touching markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Unit
from eislint.checks.functions import register

_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
# the same word twice on one line; 'dat dat', 'die die', 'wat wat' and 'wie wie' can be right
# ("Hij weet dat dat klopt"), and a repeated negation or answer is left to the writer
_DOUBLED = re.compile(r"(?<![\w-])(?!(?:dat|die|wat|wie|niet|geen|nee|ja)\b)([^\W\d_]{1,40})([ \t]+\1)(?![\w-])",
                      re.I)


def _visible(unit: Unit, start: int, end: int) -> bool:
    """True when [start, end) and its neighbours are text, not markup (masked in the analysis)."""
    a, b = start - 1 - unit.start, end + 1 - unit.start
    clean = unit.text[max(a, 0):b]
    raw = unit.document.text[max(start - 1, unit.start):end + 1]
    return clean == raw


@register("dubbele_spatie")
def doubled_spaces(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    raw = unit.document.text[unit.start:unit.end]
    for m in _SPACES.finditer(raw):
        start, end = unit.start + m.start(), unit.start + m.end()
        if _visible(unit, start, end):
            yield Hit(start, end, replacement=" ")


@register("dubbel_woord")
def doubled_word(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    raw = unit.document.text[unit.start:unit.end]
    for m in _DOUBLED.finditer(raw):
        start, end = unit.start + m.start(2), unit.start + m.end(2)
        if _visible(unit, unit.start + m.start(), end):
            yield Hit(start, end, data={"woord": m.group(1)}, replacement="")
