"""beveiliging.nen7510-zonder-zorg: NEN 7510 (information security in healthcare) demanded where no health data is processed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    from eislint.context import has_health_data

    if unit.tender is not None:  # judged once per bundle by eislint.context
        if unit.tender.health_data:
            return
    elif any(has_health_data(d.clean(0, len(d.text))) for d in (unit.bundle or [unit.document])):
        return
    for pu in unit.analysis.units:
        m = re.search(r"NEN[-\s]?(?:EN[-\s]?)?7510(?:[-:]\d+)*", pu.text)
        if m:
            yield Hit(pu.start + m.start(), pu.start + m.end())
