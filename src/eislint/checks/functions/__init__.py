"""Named functions for `check: python` rules, registered by name. Each yields Hits for one unit.

One module per subject: `eisen` (the requirement itself), `proportionaliteit` (demands against
the tender context), `tender` (the tender as a whole: goals, award, contract), `onderdelen`
(what a part of the tender holds: the aanleiding, the implementatie part), `doelen` (the goals as a
set), `elementen` (elements the whole tender asks for: timeline, total cost, quality criteria,
quality assurance, demo scenarios), `typografie` (typing errors with a fix that cannot change the
meaning).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eislint.checks.base import Option

FUNCTIONS: dict[str, Any] = {}


def register(name: str, **options: Option) -> Callable:
    def wrap(func: Callable) -> Callable:
        func.options = options  # type: ignore[attr-defined]
        FUNCTIONS[name] = func
        return func

    return wrap


from eislint.checks.functions import doelen, eisen, elementen, onderdelen, proportionaliteit, tender, typografie  # noqa: E402,F401  (registers)
