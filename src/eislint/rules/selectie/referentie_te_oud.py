"""selectie.referentie-te-oud: References for services or supplies from longer ago than the law allows (three years)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.dutch.vocabulary import NUMBER_WORDS

OPTIONS = {
    "maximum_jaren": Option(int, default=3),
}


_PERIOD = re.compile(
    r"(?P<match>(?:afgelopen|laatste|voorgaande|recente)\s+(?P<n>\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:kalender)?ja(?:ar|ren)\b)"
    r"|(?P<match2>(?:niet\s+ouder\s+(?:zijn\s+|is\s+)?dan|niet\s+langer\s+(?:geleden\s+)?dan|maximaal|ten\s+hoogste)\s+(?P<n2>\d{1,2}|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:kalender)?ja(?:ar|ren)\b(?:\s+oud)?)",
    re.I,
)


_REFERENCE = re.compile(
    r"referentie|opdracht(en)?\s+uitgevoerd|ervaring|uitgevoerde\s+(opdrachten|projecten|diensten|leveringen)",
    re.I,
)


_WORKS = re.compile(r"\bwerken\b|bouw|aanleg|infrastructu", re.I)


_TERM = re.compile(r"looptijd|contractduur|overeenkomst\s+(?:heeft|duurt|loopt)|verleng", re.I)


def _part(text: str, offset: int) -> str:
    """The part of a sentence between semicolons around `offset`."""
    left = text.rfind(";", 0, offset) + 1
    right = text.find(";", offset)
    return text[left : right if right >= 0 else len(text)]


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        if not _REFERENCE.search(text) or _WORKS.search(text):
            continue
        for m in _PERIOD.finditer(text):
            # "looptijd van maximaal vier jaar; referenties niet ouder dan drie jaar": the period
            # must belong to the part of the sentence about references
            part = _part(text, m.start())
            if not _REFERENCE.search(part) or _TERM.search(part):
                continue
            raw = (m.group("n") or m.group("n2")).lower()
            years = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
            if years > options["maximum_jaren"]:
                g = "match" if m.group("match") else "match2"
                yield Hit(
                    span.start + m.start(g),
                    span.start + m.end(g),
                    data={"jaren": str(years)},
                )
