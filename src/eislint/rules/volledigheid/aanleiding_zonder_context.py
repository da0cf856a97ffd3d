"""volledigheid.aanleiding-zonder-context: An aanleiding that names no external developments and/or no vision on learning or HR policy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.rules._shared.onderdelen import (
    AANLEIDING_TITLE,
    headed_texts,
    section_text,
    top_sections,
)

# External developments that make learning necessary (the e-book's "externe factoren").
_EXTERNAL = re.compile(
    r"wet-?\s*en\s+regelgeving|\bwet(?:geving)?\b|\bwetten\b|regelgeving|\bwettelijk\w*|\b(?!aanbestedings)\w+wet\b|\bcao\b|arbeidsmarkt\w*|krapte"
    r"|vergrijzing|uitstroom|personeelstekort\w*|demografi\w*|technologi\w*|digitalisering|\bAI\b|kunstmatige\s+intelligentie"
    r"|maatschappelijk\w*|economisch\w*|bezuiniging\w*|ontwikkelingen\s+(?:in|op|rond|binnen)\b|externe\s+\w+|veranderende"
    r"|(?:steeds|snel)\s+(?:\w+\s+)?verander\w*|nieuwe\s+(?:taken|wetten|eisen|regels)|decentralisatie\w*|inwoners\s+verwachten",
    re.I,
)


# The organisation's own vision on learning and how it fits its HR policy (the "interne factoren").
_VISION = re.compile(
    r"\bvisie\b|\bvisie\s+op|\bbeleid\w*|\w+beleid\b|\bHR[-\s]?(?:strategie|agenda|visie)|strategisch\s+personeelsplan\w*|\bSPP\b"
    r"|opleidingsplan\w*|opleidingsbeleid|ontwikkelplan\w*|leerbeleid|\bstrategie\w*|\bkoers\w*|organisatiedoel\w*|missie"
    r"|leren\s+(?:en|&)\s+ontwikkelen|\bL\s*&\s*O\b|\bL&D\b|leercultuur|lerende\s+organisatie|duurzame\s+inzetbaarheid"
    r"|goed\s+werkgeverschap|werkgeverschap|ambitie\w*|meerjaren\w*|coalitieakkoord|bestuursakkoord|organisatieontwikkeling",
    re.I,
)


_CONTEXT_TITLE = re.compile(r"\bvisie\b|\bbeleid\w*|\bstrategi\w*|ontwikkelingen|\bcontext\b|\bkoers\b", re.I)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    for section in top_sections(doc, AANLEIDING_TITLE):
        # the goals and a heading of their own ("Visie op leren", "Ontwikkelingen") count as well
        evidence = (
            [section_text(doc, section)]
            + headed_texts(bundle, _CONTEXT_TITLE)
            + [
                section_text(d, s)
                for d in bundle
                for s in d.sections
                if s.kind == "doelstelling" and s.heading is not None
            ]
        )
        text = "\n".join(evidence)
        missing = []
        if not _EXTERNAL.search(text):
            missing.append("externe ontwikkelingen (wet- en regelgeving, arbeidsmarkt, technologie)")
        if not _VISION.search(text):
            missing.append("de visie op leren en ontwikkelen en hoe die past in het HR-beleid of opleidingsplan")
        if missing:
            head = section.heading
            assert head is not None  # top_sections returns headed sections only
            yield Hit(
                head.content.start,
                head.content.end,
                data={"ontbreekt": " en ".join(missing)},
            )
