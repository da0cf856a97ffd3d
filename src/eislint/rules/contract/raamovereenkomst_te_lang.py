"""contract.raamovereenkomst-te-lang: A framework agreement whose term plus options exceeds four years without motivation.

The terms come from the shared contract-term parse (eislint.structures.contract).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.structures.contract import contract_terms, format_years

OPTIONS = {
    "maximum_jaren": Option(int, default=4),
}


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    for term in contract_terms(unit):
        total = term.years + term.extension
        if term.framework and total > options["maximum_jaren"] and not term.motivated:
            yield Hit(
                term.start,
                term.end,
                data={"soort": "raamovereenkomst", "totaal": format_years(total)},
                level="error",
            )
