"""eisen.dubbele-spatie: the `dubbele_spatie` check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.rules._shared.typografie import visible

_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    raw = unit.document.text[unit.start : unit.end]
    for m in _SPACES.finditer(raw):
        start, end = unit.start + m.start(), unit.start + m.end()
        if visible(unit, start, end):
            yield Hit(start, end, replacement=" ")
