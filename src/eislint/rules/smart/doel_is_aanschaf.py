"""smart.doel-is-aanschaf: Goals that are only the purchase, the selection or the go-live of the system, with no goal
of the organisation next to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit, per_bundle
from eislint.rules._shared.doelen import goal_statements

# Acquiring, choosing or bringing the system into use ...
_ACQUIRE = re.compile(
    r"\b(?:aanschaf(?:fen)?|aan\s+te\s+schaffen|verwerv\w*|te\s+verwerven|inkoop|inkopen|in\s+te\s+kopen|aanbesteden|aan\s+te\s+besteden"
    r"|selecter\w*|te\s+selecteren|selectie\s+van|contracter\w*|te\s+contracteren|(?:te\s+)?kiezen|keuze\s+(?:voor|van)"
    r"|(?:te\s+)?vinden|(?:af)?sluiten\s+van|(?:te\s+)?(?:af)?sluiten|gunn(?:en|ing)\s+(?:van|aan)|gegund|implementer\w*|te\s+implementeren"
    r"|implementatie\s+van|invoer(?:en|ing)\s+van|in\s+te\s+voeren|in\s+gebruik\s+(?:te\s+)?(?:nemen|name|genomen)|ingebruikname"
    r"|live\s+(?:te\s+)?(?:gaan|gaat|zijn|is|staan|staat)|livegang|go-live|vervang(?:en|ing)|vervangt|te\s+vervangen"
    r"|in\s+productie)\b",
    re.I,
)


# ... the system, a supplier or a contract ...
_SYSTEM = re.compile(
    r"\b(?:LMS|LXP|leerplatform\w*|leeromgeving\w*|leermanagementsysteem|leer\w*systeem|[\w-]*systeem|platform|oplossing"
    r"|applicatie|software|pakket|(?:SaaS[-\s]?)?dienst|SaaS\w*|tool|leverancier|partner|opdrachtnemer|dienstverlener"
    r"|(?:raam)?overeenkomst|contract)\b",
    re.I,
)


# ... and nothing about what the organisation achieves with it.
_BEYOND = re.compile(
    r"\b(?:zodat|opdat|teneinde|waarmee|waardoor|waarbij\s+\w+\s+(?:kunnen|kan|zullen)|met\s+als\s+(?:doel|resultaat)"
    r"|om\s+(?:\w+\s+){1,10}?te\s+\w+|ten\s+behoeve\s+van|ter\s+(?:ondersteuning|verbetering|bevordering)\s+van"
    r"|bij(?:draagt|dragen|drage)\s+aan|leidt\s+tot|leiden\s+tot|resulteert|verbeter\w*|verhog\w*|verlag\w*|verminder\w*"
    r"|vergro\w*|stijg\w*|daal\w*|medewerkers\s+(?:\w+\s+){0,3}?(?:kunnen|volgen|vinden|hebben|leren|ontwikkelen))\b"
    r"|\d+\s*(?:%|procent)",
    re.I,
)


def _acquisition_only(text: str) -> bool:
    return bool(_ACQUIRE.search(text) and _SYSTEM.search(text) and not _BEYOND.search(text))


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    goals = per_bundle(unit, "goal-statements", lambda: goal_statements(bundle))
    if not goals or not all(_acquisition_only(text) for _, _, _, text in goals):
        return
    first = goals[0]
    if first[0] is not doc:
        return  # reported once, in the document that states the (first) goal
    yield Hit(first[1], first[2])
