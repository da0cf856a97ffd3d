"""beveiliging.digid-zonder-digid: A DigiD assessment demanded for a service nobody logs in to with DigiD."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit, per_bundle

_DIGID_USE = re.compile(
    r"(inlog\w*|aanmeld\w*|authenticat\w*|log\w*\s+in)\b[^.]{0,60}?\b(met|via)\s+DigiD|DigiD[-\s]?(koppeling|aansluiting|login)"
    r"|\bDigiD\b[^.]{0,40}\b(inlog\w*|login)|\b(burgers?|inwoners?|cliënten|ondernemers)\b[^.]{0,80}\bDigiD",
    re.I,
)


_DIGID_AUDIT = re.compile(
    r"DigiD[-\s]?(assessment|audit|norm\w*|beveiligingsassessment)|ENSIA[^.]{0,40}DigiD",
    re.I,
)


# "geen DigiD-koppeling", "niet met DigiD", "zonder DigiD": a use that is ruled out
_DIGID_DENIED = re.compile(
    r"\b(?:geen|niet|zonder|nooit)\s+(?:\w+\s+){0,3}?(?:met\s+|via\s+)?DigiD|DigiD[^.;]{0,40}\b(?:niet\s+(?:nodig|van\s+toepassing|mogelijk)|is\s+niet)\b",
    re.I,
)


def _uses_digid(text: str) -> bool:
    """True when the text says somebody logs in with DigiD (and does not deny it in the same clause)."""
    for m in _DIGID_USE.finditer(text):
        left = max(text.rfind(c, 0, m.start()) for c in ".;:") + 1
        ends = [i for i in (text.find(c, m.end()) for c in ".;:") if i >= 0]
        clause = text[left : min(ends) if ends else len(text)]
        if not _DIGID_DENIED.search(clause):
            return True
    return False


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    texts = per_bundle(
        unit,
        "texts",
        lambda: [d.clean(0, len(d.text)) for d in (unit.bundle or [unit.document])],
    )
    if per_bundle(unit, "uses-digid", lambda: any(_uses_digid(t) for t in texts)):
        return
    for pu in unit.analysis.units:
        m = _DIGID_AUDIT.search(pu.text)
        if m:
            yield Hit(pu.start + m.start(), pu.start + m.end())
