"""gunning.demo-zonder-scenario: A demonstration that is scored or weighted (in a sentence, a list item or a criteria table)
while the tender nowhere fixes its scenarios, script or scale.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit, per_bundle
from eislint.rules._shared.elementen import unit_lines

_DEMO = re.compile(
    r"\b(?P<match>demonstratie|demo|presentatie)(?:scenario\S*|script\S*)?\b(?![-\s]?(?:omgeving|account|versie|licentie|video))",
    re.I,
)


_SCORED = re.compile(
    r"\b(?:beoordeel\w*|beoordeling|scoort|score\w*|punten|gewaardeerd|weegt|weging|gewicht|wegingsfactor)\b|\d\s*%",
    re.I,
)


_FIXED = re.compile(
    r"scenario\w*|script\w*|draaiboek\w*|casus\w*|vooraf\s+(?:vastgesteld\w*|bekend\w*|beschreven|opgesteld\w*|toegestuurd)"
    r"|vastgestelde\s+(?:opdrachten|taken|onderdelen)|schaal|gebruikerstest",
    re.I,
)


_NOT_SCORED = re.compile(
    r"telt\s+niet\s+mee|niet\s+(?:mee\s+)?(?:in|voor|bij)\s+de\s+(?:beoordeling|score)|wordt\s+niet\s+(?:beoordeeld|gescoord|gewaardeerd)"
    r"|levert\s+geen\s+punten|geen\s+punten\s+op",
    re.I,
)


_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    if doc.model_text:
        return
    # scenarios announced anywhere for the demonstration ("De scenario's staan in bijlage 4")
    announced = per_bundle(
        unit,
        "demo-scenarios",
        lambda: any(_DEMO.search(x) and (_FIXED.search(x) or re.search(r"bijlage", x, re.I)) for x in unit_lines(unit)),
    )
    if announced:
        return
    hits: list[tuple[bool, Hit]] = []
    for block in doc.blocks:
        if block.kind not in ("paragraph", "list_item", "table_row"):
            continue
        section = doc.section_at(block.start)
        if section is None or section.kind not in (
            "gunning",
            "kwaliteit",
            "implementatie",
        ):
            continue
        text = doc.clean(block.content.start, block.content.end)
        # a row of a criteria table is one statement: "Demonstratie | 30%"
        pieces = (
            [(0, text)] if block.kind == "table_row" else [(m.start(), m.group(0)) for m in _SENTENCE.finditer(text)]
        )
        for offset, piece in pieces:
            m = _DEMO.search(piece)
            if m is None or not _SCORED.search(piece) or _NOT_SCORED.search(piece):
                continue
            start = block.content.start + offset + m.start("match")
            hits.append((block.kind == "table_row", Hit(start, start + len(m.group("match")))))
            break
    # one finding per document: where the demonstration is described rather than its table row
    if hits:
        yield min(hits, key=lambda h: h[0])[1]
