"""volledigheid.aanleiding-zonder-situatie: An aanleiding that describes no current and/or no desired situation."""

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

_NOW_TITLE = re.compile(
    r"huidige\s+situatie|uitgangssituatie|stand\s+van\s+zaken|knelpunten|probleemstelling|nulsituatie|huidige\s+\w+",
    re.I,
)


_WANT_TITLE = re.compile(
    r"gewenste\s+situatie|toekomstige\s+situatie|nieuwe\s+situatie|ambitie|visie|toekomstbeeld|wat\s+(?:willen|wil)\s+",
    re.I,
)


_VERB_NOW = (
    r"(?:gebruik|werk|heb|heeft|hebben|draai|word|staa|staat|zoek|vind|beschik|bestaa|maak|maken|registre|houd|houden|"
    r"loop|lopen|verlop|gaa|gaat|gebeur|ontbre|kost|kosten|besteed|zijn|is)\w*"
)


_NOW = re.compile(
    r"huidige?\b|\bhuidig\w*|momenteel|op\s+dit\s+moment|op\s+dit\s+ogenblik|\bthans\b|tot\s+nu\s+toe|tot\s+op\s+heden"
    r"|vandaag\s+de\s+dag|tegenwoordig|\bsinds\s+(?:(?:19|20)\d\d|jaren|enkele\s+jaren|\w+\s+jaar)|\bal\s+(?:\w+\s+)?jaren\b"
    r"|\bbestaande?\b|verouderd\w*|knelpunt\w*|nog\s+steeds|\bnog\s+(?:op\s+papier|handmatig|in\s+Excel|met\s+de\s+hand)"
    rf"|\bnu\s+(?:nog\s+|al\s+)?{_VERB_NOW}|\b{_VERB_NOW}\s+(?:\w+\s+){{0,5}}?nu\b"
    r"|\b(?:wij|we)\s+(?:gebruiken|werken\s+met|hebben|beschikken)|(?:maakt|maken)\s+(?:[\w-]+\s+){0,9}?gebruik\s+van"
    # how the work is done now, in the present tense of the aanleiding itself
    r"|\b(?:wordt|worden)\s+(?:nu\s+)?gewerkt\s+met|\bwerk(?:t|en)\s+(?:nu\s+)?met\b|\bregistre(?:ert|ren)\b|\bbeheert\b"
    r"|\bin\s+(?:19|20)\d\d\b[^.]{0,80}?(?:in\s+gebruik\s+genomen|aangeschaft|ingevoerd|geïmplementeerd)"
    r"|\bklag\w*|\bklacht\w*|ontevreden|\bproblemen\b|\b(?:stopt|stoppen)\s+(?:\w+\s+){0,3}?met\b|\bloopt\s+(?:[\w-]+\s+){0,5}?af\b|\beindigt\b"
    r"|\bgebruikt\s+(?:de\s+\w+\s+|zij\s+|het\s+\w+\s+)?(?:een|het|de|sinds)\b",
    re.I,
)


_WANT = re.compile(
    r"gewenste\s+situatie|\btoekomstige?\b|in\s+de\s+toekomst|\bstraks\b|\bvoortaan\b|\bwil(?:len)?\b(?!\s+zeggen)"
    r"|\bge?wenst\w*|\bwens\b|ambitie\w*|\bstreven\b|\bstreeft\b|\bbeoog\w*"
    r"|\bnieuwe?\s+(?:[\w-]+\s+){0,2}?(?:moet|moeten|zal|zullen|gaat|gaan|biedt|bieden|maakt|maken|ondersteunt|zorgt|geeft|helpt|kunnen|kan)\b"
    r"|nieuwe\s+situatie|\bna\s+(?:de\s+)?aanbesteding\b"
    r"|\bzoek(?:t|en)\s+(?:naar\s+)?(?:een|het)\s+(?:[\w-]+\s+){1,4}?(?:dat|die|waarmee|waarin|waarbij|om|zodat)\b"
    r"|\bna\s+(?:de\s+)?(?:invoering|implementatie|overstap|livegang|ingebruikname|vervanging)"
    r"|\bzodat\b|\bmoet\s+(?:\w+\s+){0,3}?(?:mogelijk|makkelijker|eenvoudiger|beter|sneller)\b",
    re.I,
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    for section in top_sections(doc, AANLEIDING_TITLE):
        text = section_text(doc, section)
        # a heading "Huidige situatie" / "Toekomstbeeld" with text under it is the description itself
        now = bool(_NOW.search(text)) or any(t.strip() for t in headed_texts(bundle, _NOW_TITLE))
        # the tender's goals describe where it wants to be: a doelstelling part with content counts
        goals = any(
            s.kind == "doelstelling" and s.heading is not None and d.clean(s.heading.end, s.end).strip()
            for d in bundle
            for s in d.sections
        )
        want = bool(_WANT.search(text)) or goals or any(t.strip() for t in headed_texts(bundle, _WANT_TITLE))
        missing = []
        if not now:
            missing.append("de huidige situatie (hoe gaat het nu, wat loopt er niet goed)")
        if not want:
            missing.append("de gewenste situatie (hoe moet het straks gaan, met welk resultaat)")
        if missing:
            head = section.heading
            assert head is not None  # top_sections returns headed sections only
            yield Hit(
                head.content.start,
                head.content.end,
                data={"ontbreekt": " en ".join(missing)},
            )
