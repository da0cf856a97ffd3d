"""contract.raamovereenkomst-te-lang: A framework agreement whose term plus options exceeds four years without motivation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.rules._shared.tender import contract_term

OPTIONS = {
    "maximum_jaren": Option(int, default=4),
}


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    opts = {"minimum_jaren": 0, "raamovereenkomst_max": options["maximum_jaren"]}
    yield from (h for h in contract_term(unit, opts) if h.data["soort"] == "raamovereenkomst")
