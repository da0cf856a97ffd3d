"""volledigheid.planning-ontbreekt: A whole tender without a timeline for the selection (dates of the procedure) and/or the
implementation (when the system must be in use).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.dutch.vocabulary import MONTH as _MONTH
from eislint.rules._shared.elementen import report_here, unit_lines, whole_tender

_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?|\d{{1,2}}[-/]\d{{1,2}}[-/](?:19|20)?\d\d|week\s+\d{{1,2}}|Q[1-4]\s*(?:19|20)\d\d|{_MONTH}\s+(?:19|20)\d\d)"


_PROCEDURE = re.compile(
    r"publicatie|aankondiging|nota\s+van\s+inlichtingen|vragen\w*|inschrijving\w*|inschrijf\w*|indienen|indiening|sluiting\w*"
    r"|gunning\w*|voornemen|presentatie\w*|demonstratie\w*|gebruikerstest\w*|selectie\w*|ondertekening|alcatel\w*|opschort\w*",
    re.I,
)


_SELECTION_TIMELINE = re.compile(
    r"sluitingsdatum|uiterste\s+(?:datum|termijn)|inschrijftermijn|termijn\s+(?:voor|van)\s+(?:de\s+)?inschrijving"
    r"|planning\s+(?:van\s+)?(?:de\s+)?(?:aanbesteding|procedure|selectie)|(?:procedure|aanbestedings)(?:planning|kalender|tijdschema)"
    r"|tijdschema|tijdpad|tijdlijn|(?:voorlopige\s+)?planning\s+(?:is|ziet)",
    re.I,
)


_IMPLEMENTATION_TIMELINE = re.compile(
    r"implementatie(?:periode|termijn|planning|datum|fase\w*)|implementatie\s+(?:start|begint|duurt|is\s+afgerond|moet\s+(?:uiterlijk|vóór|voor))"
    r"|start\s+(?:van\s+de\s+)?implementatie|(?:in\s+gebruik|live|operationeel|in\s+productie)\b[^.]{0,60}?(?:uiterlijk|vóór|voor|per|op|vanaf|in)\s+(?:\d|"
    + _MONTH
    + r"|Q[1-4]|het\s+(?:eerste|tweede|derde|vierde)\s+kwartaal)"
    r"|(?:uiterlijk|vóór|per|op|vanaf)\s+"
    + _DATE
    + r"[^.]{0,60}?(?:in\s+gebruik|live|operationeel|in\s+productie|geïmplementeerd|ingevoerd)"
    r"|livegang|go-live|ingebruikname\s+(?:op|per|vóór|voor|in|uiterlijk)|(?:implementatie|invoering|uitrol)\w*\s+(?:\w+\s+){0,6}?binnen\s+(?:\d+|twee|drie|vier|zes|acht|twaalf)\s+(?:weken|maanden)",
    re.I,
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    bundle = unit.bundle or [unit.document]
    hit = report_here(unit)
    if hit is None or not whole_tender(unit) or sum(len(d.requirements) for d in bundle) < 3:
        return
    lines = unit_lines(unit)
    dated_procedure = any(_PROCEDURE.search(x) and re.search(_DATE, x, re.I) for x in lines)
    missing = []
    if not dated_procedure and not any(_SELECTION_TIMELINE.search(x) for x in lines):
        missing.append("de selectie (data van de procedure tot en met de gunning)")
    if not any(_IMPLEMENTATION_TIMELINE.search(x) for x in lines):
        missing.append("de implementatie (wanneer het systeem in gebruik moet zijn)")
    if missing:
        hit.data = {"ontbreekt": " en ".join(missing)}
        yield hit
