"""volledigheid.implementatie-onvolledig: An implementatie part that does not ask for goals, training, phasing or adoption."""

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

_ELEMENTS = (
    (
        "doelen of resultaten van de implementatie",
        re.compile(
            r"\bdoel(?:en|stelling\w*)?\b|\bresultaat\w*|\bresultaten\b|\bbeoogd\w*|succescriteri\w*|succesfactor\w*|\bKPI'?s?\b"
            r"|prestatie-?indicator\w*|\bopleverings?criteri\w*"
            r"|(?:in\s+gebruik|live\w*|in\s+productie|operationeel)\b[^.]{0,60}?(?:uiterlijk|vóór|voor|per|op)\s+\d"
            r"|(?:uiterlijk|vóór|per|op)\s+\d{1,2}\s+\w+\s+(?:19|20)\d\d[^.]{0,60}?(?:in\s+gebruik|live\w*|in\s+productie|operationeel)"
            # a deadline for the whole implementation is a result too: "afgerond op 1 juni 2027", "binnen 4 maanden"
            r"|(?:afgerond|gereed|voltooid|opgeleverd)\b[^.]{0,40}?(?:uiterlijk|vóór|voor|per|op)\s+\d"
            r"|implement\w*[^.]{0,60}?\bbinnen\s+(?:\d+|twee|drie|vier|zes|acht|twaalf)\s+(?:weken|maanden|werkdagen)",
            re.I,
        ),
    ),
    (
        "training (opleiding, train-de-trainer)",
        re.compile(
            r"\btrain\w*|\bgetraind\w*|opleid\w*|opgeleid\w*|geïnstrueerd|\bcursus\w*|scholing|instructie\w*|kennisoverdracht|overdracht\s+van\s+kennis"
            r"|workshop\w*|\bgeschoold|\bschol(?:en|ing)\b|e-learning\w*|kennissessie\w*|\binwerk\w*",
            re.I,
        ),
    ),
    (
        "fasering (planning, mijlpalen)",
        re.compile(
            r"\bfase\w*|fasering|gefaseerd\w*|planning\w*|mijlpa\w*|tijdpad|tijdlijn|tijdschema|stappenplan|\bpilot\w*"
            r"|\beerst\b[^.]{0,80}\b(?:daarna|vervolgens)\b|\bper\s+(?:afdeling|locatie|team|school|vestiging)\b"
            r"|in\s+(?:\w+\s+)?stappen\b|(?:eerste|tweede|derde)\s+(?:fase|stap|golf|tranche)|uitrol(?:schema|plan)|releaseplan|\bsprints?\b"
            # a plan the supplier must deliver sets out the steps
            r"|\b(?:implementatie|migratie|invoerings|uitrol)plan\b|plan\s+van\s+aanpak",
            re.I,
        ),
    ),
    (
        "adoptie (gebruikersacceptatie, verandermanagement)",
        re.compile(
            # an acceptance test is no adoption, nor is communication between the project leaders
            r"adoptie\w*|gebruikersacceptatie(?!test)|acceptatie\s+(?:door|bij|onder)\s+(?:de\s+)?(?:eind)?(?:gebruikers|medewerkers)"
            r"|verander(?:management|aanpak|strategie)|change[-\s]?management|draagvlak|ambassadeur\w*|\bchampions?\b"
            r"|communicatie(?:plan|strategie|aanpak)\w*|interne\s+communicatie"
            r"|\bcommunicatie\b(?!\s+(?:tussen|verloopt|met\s+de\s+(?:opdrachtgever|opdrachtnemer|leverancier|projectleid\w*)))"
            r"|communicatie\s+(?:naar|met|richting|voor|aan)\s+(?:de\s+|alle\s+)?(?:medewerkers|gebruikers|eindgebruikers|organisatie|inwoners)"
            r"|gebruik\w*\s+(?:te\s+)?(?:stimuleren|bevorderen|vergroten)|(?:stimuleren|bevorderen|vergroten)\s+van\s+het\s+gebruik"
            r"|\bhypercare\b|\bnazorg\b|aantal\s+actieve\s+gebruikers|\bactivati\w*|\binbedding\b|\bborging\s+in\s+de\s+organisatie"
            # support for the users in the first weeks or months after go-live
            r"|ondersteun\w*\s+(?:[\w-]+\s+){0,6}?(?:na|vanaf|rond)\s+(?:de\s+)?(?:livegang|ingebruikname|go-live|overgang)",
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
    evidence = [section_text(doc, s) for s in sections]
    # the implementation may also be asked for elsewhere ("Plan van aanpak implementatie en adoptie: 40%")
    for d in bundle:
        text, raw = (
            d.clean(0, len(d.text)),
            d.text,
        )  # same length; raw keeps the line breaks
        for m in IMPL_SENTENCE.finditer(text):
            left = max(raw.rfind(".", 0, m.start()), raw.rfind("\n", 0, m.start())) + 1
            right = min(
                (i for i in (raw.find(".", m.end()), raw.find("\n", m.end())) if i >= 0),
                default=len(raw),
            )
            evidence.append(text[left:right])
    joined = "\n".join(evidence)
    missing = [name for name, pattern in _ELEMENTS if not pattern.search(joined)]
    if not missing:
        return
    head = sections[0].heading
    assert head is not None  # top_sections returns headed sections only
    yield Hit(
        head.content.start,
        head.content.end,
        data={"ontbreekt": ", ".join(missing), "aantal": str(len(missing))},
    )
