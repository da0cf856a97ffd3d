"""volledigheid.verwijzing-zonder-inhoud: A demand to comply with requirements, a policy or guidelines that the tender does not name or
attach ('voldoet aan de vereisten voor logging die van toepassing zijn op onze systemen', 'past
binnen de architectuur van de gemeente'): a bidder cannot answer what it cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit

_REFERENCE = re.compile(
    r"\b(?P<match>(?:voldoe\w*\s+(?:\w+\s+){0,2}?aan|conform|volgens|overeenkomstig|in\s+lijn\s+met|(?:past|passen)\s+binnen"
    r"|aansl\w+\s+(?:op|bij))\s+(?:de|het|alle|onze)\s+(?:geldende\s+|toepasselijke\s+|huidige\s+|interne\s+|eigen\s+|relevante\s+"
    r"|gemeentelijke\s+|van\s+toepassing\s+zijnde\s+)?[\w-]*(?:eisen|vereisten|beleid|richtlijnen|normen|afspraken"
    r"|standaarden|kaders?|procedures?|regels|voorschriften|architectuur|werkwijzen?)\b"
    r"(?:\s+(?:van|die|binnen|voor|op)\b[^.;]{0,70})?)",
    re.I,
)


# the reference names what it means: an annex, a document, a version, a public norm or the law
_NAMED = re.compile(
    r"bijlage|\bzie\b|versie|\d|(?-i:\b(?:BIO2?|ISO|NEN|EN|WCAG|AVG|GIBIT|NORA|GEMMA|NCSC)\b)|Common\s+Ground|Baseline|\bwet\b|wet-\s+en"
    r"|wetgeving|wettelijk\w*|regelgeving|\(|\bdit\b|\bdeze\s+(?:aanbesteding|leidraad|bijlage|overeenkomst|eisen)|"
    r"hieronder|hierboven|hierna|(?:dit|het)\s+(?:programma\s+van\s+eisen|document|bestek)|\b(?:de|het)\s+(?-i:[A-Z][a-zà-ÿ])\w*",
    re.I,
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    for m in _REFERENCE.finditer(unit.text):
        reference = m.group("match")
        tail = re.split(r"[.;]", unit.text[m.end() : m.end() + 80])[0]
        if _NAMED.search(reference[len(reference.split()[0]) :]) or _NAMED.search(tail):
            continue
        start = unit.start + m.start("match")
        if not unit.in_demand(start, start + len(reference)):
            continue
        yield Hit(start, start + len(reference.rstrip(" ,")))
