"""volledigheid.implementatie-en-beheer: An implementatie part whose tender does not train every role, plan the communication, or
cover data management, user feedback and reporting (anywhere in the bundle).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.rules._shared.onderdelen import (
    IMPL_SENTENCE,
    IMPL_TITLE,
    section_text,
    top_sections,
)

_TRAINING = re.compile(
    r"\btrain\w*|opleid\w*|opgeleid\w*|\bcursus\w*|scholing|\bgeschoold|instructie\w*|workshop\w*|e-learning\w*",
    re.I,
)


_ROLE_GROUPS = (
    (
        "beheerders",
        re.compile(
            r"beheerder\w*|\w+beheer\b|key[-\s]?users?|super[-\s]?users?|administrators?|\bbeheer\b",
            re.I,
        ),
    ),
    (
        "medewerkers, leidinggevenden en trainers",
        re.compile(
            r"medewerkers|eindgebruikers|\bgebruikers\b|cursisten|deelnemers|leidinggevenden|managers?|teamleiders|trainers|docenten"
            r"|opleiders|auteurs|alle\s+rollen|per\s+rol|alle\s+gebruikers|train[-\s]de[-\s]trainer",
            re.I,
        ),
    ),
)


_UPKEEP = (
    (
        "een communicatieplan voor de uitrol en daarna (updates, trainingen)",
        re.compile(
            r"communicatie(?:plan|strategie|aanpak|campagne|middelen)\w*|interne\s+communicatie"
            r"|communicatie\s+(?:naar|met|richting|voor|aan|over)\s+(?:de\s+|alle\s+)?(?:medewerkers|gebruikers|eindgebruikers|organisatie|updates)"
            r"|(?:activatie|lancerings|uitrol)campagne|marketing\w*|ambassadeur\w*|nieuwsbrie\w*",
            re.I,
        ),
    ),
    (
        "gegevensbeheer (back-ups, beveiliging van de gegevens)",
        re.compile(
            r"back-?up\w*|gegevensbeheer|databeheer|gegevensbeveiliging|informatiebeveiliging|beveiliging\s+van\s+(?:de\s+)?(?:gegevens|data)"
            r"|\bBIO2?\b|27001|datakwaliteit|gegevenskwaliteit|datamigratie|migratie\s+van\s+(?:de\s+)?(?:gegevens|data|leerhistorie)"
            r"|bewaartermijn\w*|archiver\w*|verwerkersovereenkomst",
            re.I,
        ),
    ),
    (
        "feedback van gebruikers in het systeem",
        re.compile(
            r"feedback\w*|terugkoppeling\w*|evaluatie\w*\s+(?:door|van|onder)\s+(?:de\s+)?(?:deelnemers|cursisten|medewerkers|gebruikers)"
            r"|enquête\w*|vragenlijst\w*|tevredenheid\w*|reviews?\b|suggesties|waardering\w*|beoordel\w*\s+(?:van\s+)?(?:de\s+)?(?:training|cursus|opleiding|leeraanbod)\w*",
            re.I,
        ),
    ),
    (
        "rapportage over voortgang en resultaten",
        re.compile(
            r"rapport\w*|dashboard\w*|voortgang\w*|managementinformatie|stuurinformatie|overzicht\w*\s+van\s+(?:de\s+)?(?:resultaten|certificat\w*|deelname)"
            r"|inzicht\s+in\s+(?:de\s+)?(?:voortgang|resultaten|deelname|certificat\w*)"
            r"|\b(?:ziet|zien|inzien|toont|tonen)\b[^.]{0,60}\b(?:trainingen|opleidingen|resultaten|certificat\w*|deelname|verlopen|gevolgd)",
            re.I,
        ),
    ),
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    sections = top_sections(doc, IMPL_TITLE)
    if not sections:
        return
    bundle = unit.bundle or [doc]
    # the upkeep is often asked for in the PvE or the SLA rather than in the implementation chapter
    everywhere = "\n".join(d.clean(0, len(d.text)) for d in bundle)
    missing = []
    # training at all is volledigheid.implementatie-onvolledig's business; here: for whom, in the
    # implementation part or a sentence about the implementation (not "feedback na elke training")
    part = [section_text(doc, s) for s in sections] + [
        x for x in re.split(r"(?<=[.;:])\s+|\n", everywhere) if IMPL_SENTENCE.search(x)
    ]
    trained = [m for t in part for m in re.split(r"(?<=[.;:])\s+|\n", t) if _TRAINING.search(m)]
    if trained:
        groups = [name for name, pattern in _ROLE_GROUPS if not any(pattern.search(t) for t in trained)]
        if groups:
            missing.append(f"training voor alle rollen (niet genoemd: {' en '.join(groups)})")
    for name, pattern in _UPKEEP:
        if not pattern.search(everywhere):
            missing.append(name)
    if missing:
        head = sections[0].heading
        assert head is not None  # top_sections returns headed sections only
        yield Hit(head.content.start, head.content.end, data={"ontbreekt": "; ".join(missing)})
