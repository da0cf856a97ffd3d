"""contract.looptijd-kort: An initial contract term shorter than `minimum_jaren` (advice for SaaS).

The terms come from the shared contract-term parse (eislint.structures.contract).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.structures.contract import contract_terms, format_years

OPTIONS = {
    "minimum_jaren": Option(int, default=3),
}


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    for term in contract_terms(unit):
        if 0 < term.years < options["minimum_jaren"]:
            yield Hit(term.start, term.end, data={"soort": "kort", "jaren": format_years(term.years)})
