"""beveiliging.gestapelde-zekerheid: Several certificates and audit reports demanded for the same service; reported once.

Certificates offered as alternatives ('ISO 27001 of een ISAE 3402-verklaring') count as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit
from eislint.document import Span

OPTIONS = {
    "minimum": Option(int, default=3, doc="vanaf zoveel verschillende bewijsstukken"),
}


_CERTS = (
    ("ISO 27001", re.compile(r"ISO(?:/IEC)?[\s-]?27001", re.I)),
    # "ISO/IEC 27001, 27017 en 27018": the cloud extensions are often named by number only
    ("ISO 27017", re.compile(r"(?:ISO(?:/IEC)?[\s-]?|\b)27017\b", re.I)),
    ("ISO 27018", re.compile(r"(?:ISO(?:/IEC)?[\s-]?|\b)27018\b", re.I)),
    ("ISO 9001", re.compile(r"ISO[\s-]?9001", re.I)),
    ("ISAE 3402", re.compile(r"ISAE[\s-]?3402", re.I)),
    ("ISAE 3000", re.compile(r"ISAE[\s-]?3000", re.I)),
    ("SOC 2", re.compile(r"\bSOC[\s-]?2\b", re.I)),
    ("NEN 7510", re.compile(r"NEN[\s-]?7510", re.I)),
    (
        "eigen audit",
        re.compile(
            r"(eigen|zelf\s+uit\s+te\s+voeren|door\s+de\s+(gemeente|opdrachtgever)\s+uit\s+te\s+voeren)\s+audit|auditrecht",
            re.I,
        ),
    ),
)


_OR_EQUIVALENT = re.compile(
    r"\bof\s+(?:een\s+|een\s+ander\s+)?gelijkwaardig\w*(?:\s+(?:certificaat|norm|verklaring|rapport|bewijs))?",
    re.I,
)


_OR = re.compile(r"\b(?:of|ofwel|dan\s+wel|c\.q\.)\b", re.I)


_AND = re.compile(r"\b(?:en|alsmede|evenals|plus|naast|daarnaast|ook)\b|;", re.I)


def _evidence_groups(text: str) -> list[tuple[list[str], int, int]]:
    """The certificates in one sentence as groups of alternatives: 'ISO 27001, ISAE 3402 of SOC 2'
    is one demand (any of them), 'ISO 27001 en ISO 9001' two. Each group: names, start, end."""
    found = []
    for name, pattern in _CERTS:
        m = pattern.search(text)
        if m:
            found.append((m.start(), m.end(), name))
    found.sort()
    seps = []
    for (_, a_end, _), (b_start, _, _) in zip(found, found[1:]):
        between = _OR_EQUIVALENT.sub(" ", text[a_end:b_start])
        if _AND.search(between) or len(between) > 80:
            seps.append("and")
        elif _OR.search(between):
            seps.append("or")
        else:
            seps.append("comma")
    # a comma takes the meaning of the conjunction that closes the list: "A, B of C" / "A, B en C"
    for i in range(len(seps) - 1, -1, -1):
        if seps[i] == "comma":
            seps[i] = seps[i + 1] if i + 1 < len(seps) else "and"
    groups: list[tuple[list[str], int, int]] = []
    for i, (start, end, name) in enumerate(found):
        if i and seps[i - 1] == "or":
            names, g_start, _ = groups[-1]
            groups[-1] = (names + [name], g_start, end)
        else:
            groups.append(([name], start, end))
    return groups


def _first_name_match(text: str) -> str:
    """The text of the first certificate name at the start of `text`."""
    for _, pattern in _CERTS:
        m = pattern.match(text)
        if m:
            return m.group(0)
    return text


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    single: dict[str, tuple[int, int]] = {}
    alternatives: dict[frozenset[str], tuple[int, int]] = {}
    for pu in unit.analysis.units:
        spans: list[Span | None] = list(pu.sents) if pu.sents else [None]
        for sent in spans:
            a, b = (sent.start - pu.start, sent.end - pu.start) if sent is not None else (0, len(pu.text))
            for names, start, end in _evidence_groups(pu.text[a:b]):
                where = (
                    pu.start + a + start,
                    pu.start + a + start + len(_first_name_match(pu.text[a + start : a + end])),
                )
                if len(names) == 1:
                    single.setdefault(names[0], where)
                else:
                    alternatives.setdefault(frozenset(names), where)
    demanded = dict(single)
    for alternative, where in alternatives.items():
        if not alternative & single.keys():
            demanded[" of ".join(sorted(alternative))] = where
    if len(demanded) >= options["minimum"]:
        first = min(demanded.values())
        yield Hit(
            first[0],
            first[1],
            data={"stapel": ", ".join(demanded), "aantal": str(len(demanded))},
        )
