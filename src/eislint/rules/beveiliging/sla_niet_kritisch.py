"""beveiliging.sla-niet-kritisch: Availability, support and recovery demands that fit a business-critical service only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.dutch.numbers import parse_number

OPTIONS = {
    "beschikbaarheid": Option((int, float), default=99.9, doc="vanaf dit percentage is beschikbaarheid zwaar"),
    "hersteltijd_minuten": Option(int, default=60, doc="herstel- of oplostijden korter dan dit zijn zwaar"),
}


_AVAILABILITY = re.compile(r"(?P<match>(?P<pct>\d{2,3}(?:[.,]\d{1,3})?)\s*(?:%|procent\b))", re.I)


_AVAIL_WORD = re.compile(r"beschikba|uptime|availability|SLA", re.I)


_SUPPORT_247 = re.compile(
    r"(?P<match>24\s*[/x×]\s*7|7\s*[/x×]\s*24|24\s+uur\s+per\s+dag[^.]{0,30}(?:7|zeven)\s+dagen|dag\s+en\s+nacht)",
    re.I,
)


_SUPPORT_WORD = re.compile(
    r"support|ondersteuning|service\s*desk|servicedesk|helpdesk|bereikbaar|storingsdienst",
    re.I,
)


_FAST_FIX = re.compile(
    r"(?P<match>(?:binnen|uiterlijk\s+na|maximaal|max\.?|<)\s*(?:(?P<n>\d{1,3})\s*(?P<unit>minuten|minuut|min\b\.?|kwartier)"
    r"|(?P<words>een\s+kwartier|een\s+half\s*uur|een\s+halfuur|een\s+halve\s+uur|een\s+minuut)))",
    re.I,
)


_WORD_MINUTES = {"kwartier": 15, "half": 30, "halfuur": 30, "halve": 30, "minuut": 1}


_RECOVERY_WORD = re.compile(
    r"herstel|opgelost|oplostijd|hersteltijd|RTO|RPO|verhelp|verholpen|storing|incident",
    re.I,
)


# A clause ends at a semicolon or a comma: "het LMS is 24/7 beschikbaar, ondersteuning op werkdagen"
# is no demand for 24/7 support. Boundaries inside the match itself ("24 uur per dag, 7 dagen") do not count.
# A line break ends a clause too: a table in a PDF comes as one cell per line.
_CLAUSE_END = re.compile(r"[;,:\n]|\s(?:maar|terwijl|waarbij)\s", re.I)


def _clause(text: str, start: int, end: int) -> str:
    """The part of `text` around [start, end) up to the nearest clause boundaries outside it."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    return text[left:right]


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        raw = unit.document.text[span.start : span.end]  # same offsets, line breaks kept
        if _AVAIL_WORD.search(text):
            for m in _AVAILABILITY.finditer(text):
                if parse_number(m.group("pct")) >= options["beschikbaarheid"] and parse_number(m.group("pct")) <= 100:
                    yield Hit(
                        span.start + m.start("match"),
                        span.start + m.end("match"),
                        data={"soort": "beschikbaarheid", "waarde": m.group("match")},
                    )
        if _SUPPORT_WORD.search(text):
            for m in _SUPPORT_247.finditer(text):
                if not _SUPPORT_WORD.search(_clause(raw, m.start(), m.end())):
                    continue
                yield Hit(
                    span.start + m.start("match"),
                    span.start + m.end("match"),
                    data={"soort": "ondersteuning", "waarde": m.group("match")},
                )
        if _RECOVERY_WORD.search(text):
            for m in _FAST_FIX.finditer(text):
                if not _RECOVERY_WORD.search(_clause(raw, m.start(), m.end())):
                    continue
                if m.group("words"):
                    minutes = next(v for k, v in _WORD_MINUTES.items() if k in m.group("words").lower())
                else:
                    minutes = 15 if m.group("unit").lower().startswith("kwartier") else int(m.group("n"))
                if minutes < options["hersteltijd_minuten"]:
                    yield Hit(
                        span.start + m.start("match"),
                        span.start + m.end("match"),
                        data={"soort": "hersteltijd", "waarde": m.group("match")},
                    )
