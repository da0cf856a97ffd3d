"""eisen.dubbel-woord: the `dubbel_woord` check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.rules._shared.typografie import visible

# the same word twice on one line; 'dat dat', 'die die', 'wat wat' and 'wie wie' can be right
# ("Hij weet dat dat klopt"), and a repeated negation or answer is left to the writer
_DOUBLED = re.compile(
    r"(?<![\w-])(?!(?:dat|die|wat|wie|niet|geen|nee|ja)\b)([^\W\d_]{1,40})([ \t]+\1)(?![\w-])",
    re.I,
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    raw = unit.document.text[unit.start : unit.end]
    for m in _DOUBLED.finditer(raw):
        start, end = unit.start + m.start(2), unit.start + m.end(2)
        if visible(unit, unit.start + m.start(), end):
            yield Hit(start, end, data={"woord": m.group(1)}, replacement="")
