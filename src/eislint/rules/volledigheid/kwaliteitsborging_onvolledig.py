"""volledigheid.kwaliteitsborging-onvolledig: A tender with a quality part (a heading, an SLA or DAP) that does not arrange reporting on the
service or periodic consultation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit, per_bundle
from eislint.dutch.output import opsomming
from eislint.rules._shared.elementen import report_here, whole_tender


def _texts(unit: Unit) -> list[str]:
    bundle = unit.bundle or [unit.document]
    return per_bundle(unit, "clean-texts", lambda: [d.clean(0, len(d.text)) for d in bundle])


_QA_PRESENT = re.compile(
    r"\b(?:kwaliteitsborging|kwaliteitsbeheersing|service\s*level|SLA|dienstverleningsniveau|kwaliteitseisen)\b",
    re.I,
)


_QA_ELEMENTS = (
    (
        "rapportage over de dienstverlening",
        re.compile(
            r"rapport\w*\s+(?:\w+\s+){0,4}?(?:over|van|op)\s+(?:de\s+)?(?:dienstverlening|servicenorm\w*|service\s*levels?|SLA|prestaties|beschikbaarheid|kpi\w*|afspraken)"
            r"|(?:service|sla|maand|kwartaal|management|prestatie)rapportage\w*|(?:service|sla|maand|kwartaal)rapport\w*"
            r"|rapporteert|rapporteren|verantwoord\w*\s+(?:\w+\s+){0,3}?over|\bKPI'?s?\b|prestatie-?indicator\w*",
            re.I,
        ),
    ),
    (
        "periodiek overleg en evaluatie",
        re.compile(
            r"overleg\w*|evaluatie(?:gesprek|moment|overleg)\w*|(?:periodiek|jaarlijks\w*|halfjaarlijks\w*)\s+(?:\w+\s+){0,2}?evalu\w*"
            r"|\bevalueren\b|contractmanag\w*|service\s*review|(?:voortgangs|regie|contract|kwartaal|service)gesprek\w*|bijeenkomst\w*",
            re.I,
        ),
    ),
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    if not whole_tender(unit):
        return
    texts = _texts(unit)
    headed = [(d, s) for d in bundle for s in d.sections if s.heading is not None and s.kind == "kwaliteit"]
    present = headed or any(d.role in ("sla", "dap") for d in bundle) or any(_QA_PRESENT.search(t) for t in texts)
    if not present:
        return  # no quality part at all: volledigheid.kwaliteit-ontbreekt
    missing = [name for name, pattern in _QA_ELEMENTS if not any(pattern.search(t) for t in texts)]
    if not missing:
        return
    if headed:
        d, s = headed[0]
        if d is doc and s.heading is not None:
            yield Hit(
                s.heading.content.start,
                s.heading.content.end,
                data={"ontbreekt": opsomming(missing)},
            )
        return
    hit = report_here(unit)
    if hit is not None:
        hit.data = {"ontbreekt": opsomming(missing)}
        yield hit
