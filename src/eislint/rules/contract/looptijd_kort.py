"""contract.looptijd-kort: An initial contract term shorter than `minimum_jaren` (advice for SaaS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.rules._shared.tender import contract_term

OPTIONS = {
    "minimum_jaren": Option(int, default=3),
}


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    opts = {"minimum_jaren": options["minimum_jaren"], "raamovereenkomst_max": 10**6}
    yield from (h for h in contract_term(unit, opts) if h.data["soort"] == "kort")
