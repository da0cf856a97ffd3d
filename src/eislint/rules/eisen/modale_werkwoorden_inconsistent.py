"""eisen.modale-werkwoorden-inconsistent: Requirements that mix moet / dient / zal / wordt verwacht: report once, at the first minority use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.dutch.vocabulary import MODAL_FORMS, words_regex

OPTIONS = {
    "min_totaal": Option(int, default=6, doc="pas vanaf zoveel eisen met een modaal werkwoord"),
}


_STYLES = (
    *((style, re.compile(words_regex(MODAL_FORMS[style]), re.I)) for style in ("moet", "dient", "zal")),
    ("wordt verwacht", re.compile(r"\bwordt\s+verwacht\b", re.I)),
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    uses: dict[str, list[tuple[int, int]]] = {}
    for req in doc.requirements:
        if req.kind not in ("eis", "knock-out", "te-ontwikkelen"):
            continue
        text = doc.clean(req.start, req.end)
        for style, pattern in _STYLES:
            m = pattern.search(text)
            if m:
                uses.setdefault(style, []).append((req.start + m.start(), req.start + m.end()))
                break
    total = sum(len(v) for v in uses.values())
    if len(uses) < 2 or total < options["min_totaal"]:
        return
    ranked = sorted(uses.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
    main, minority = ranked[0], ranked[1:]
    first = min((span for _, spans in minority for span in spans), key=lambda s: s[0])
    counts = ", ".join(f"'{style}' {len(spans)}x" for style, spans in ranked)
    yield Hit(first[0], first[1], data={"hoofdvorm": main[0], "telling": counts})
