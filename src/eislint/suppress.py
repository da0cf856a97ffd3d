"""Inline suppressions with a required reason ("pas toe of leg uit").

    <!-- eislint: negeer eisen.vage-term -- reden: begrip is gedefinieerd in bijlage 2 -->
        applies to the next block;
    <!-- eislint: negeer-begin eisen -- reden: ... --> ... <!-- eislint: negeer-einde -->
        applies to everything in between;
    <!-- eislint: negeer-bestand vaagheid -- reden: ... -->
        applies to the whole file.
A suppression without a reason does not apply and is reported; so is one that matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eislint.document import Block, Document
from eislint.loader import Rule

_COMMENT = re.compile(r"<!--\s*eislint\s*:(?P<body>.*?)-->", re.S | re.I)
_VERBS = ("negeer", "negeer-begin", "negeer-einde", "negeer-bestand")


@dataclass(slots=True)
class Suppression:
    selectors: list[str]
    reason: str
    start: int  # offsets covered
    end: int
    comment: Block
    comment_start: int
    comment_end: int
    used: bool = False


@dataclass(slots=True)
class Problem:
    """A malformed or unused suppression, reported as a meta finding."""

    rule: str
    start: int
    end: int
    data: dict[str, str] = field(default_factory=dict)


def parse(doc: Document, known: set[str]) -> tuple[list[Suppression], list[Problem]]:
    suppressions: list[Suppression] = []
    problems: list[Problem] = []
    open_ranges: list[Suppression] = []
    content_blocks = [b for b in doc.blocks if b.kind != "comment"]
    for block in doc.blocks:
        if block.kind != "comment":
            continue
        for m in _COMMENT.finditer(doc.text, block.start, block.end):
            verb, selectors, reason = _comment_parts(m)
            where = (m.start(), m.end())
            if verb == "negeer-einde" and open_ranges:
                open_ranges.pop().end = m.start()
                continue
            problem = _problem(verb, selectors, reason, known)
            nxt = next((b for b in content_blocks if b.start >= block.end), None) if verb == "negeer" else None
            if problem is None and verb == "negeer" and nxt is None:
                problem = "er volgt geen tekst"
            if problem is not None:
                problems.append(Problem("meta.ongeldige-suppressie", *where, {"probleem": problem}))
                continue
            if nxt is not None:
                sup = Suppression(selectors, reason, nxt.start, nxt.end, block, *where)
            elif verb == "negeer-bestand":
                sup = Suppression(selectors, reason, 0, len(doc.text), block, *where)
            else:
                sup = Suppression(selectors, reason, m.end(), len(doc.text), block, *where)
                open_ranges.append(sup)
            suppressions.append(sup)
    for sup in open_ranges:
        problems.append(
            Problem(
                "meta.ongeldige-suppressie",
                sup.comment_start,
                sup.comment_end,
                {"probleem": "negeer-begin zonder negeer-einde; geldt tot het einde van het bestand"},
            )
        )
    return suppressions, problems


def _comment_parts(m: re.Match[str]) -> tuple[str, list[str], str]:
    """'negeer eisen.vage-term -- reden: ...': the verb, the selectors and the reason."""
    body = m.group("body").strip()
    head, tail = (re.split(r"\s*--\s*", body, maxsplit=1) + [""])[:2]
    head = head.strip()
    parts = re.split(r"[\s,]+", head)
    verb, selectors = parts[0].lower(), [p for p in parts[1:] if p]
    reason = re.sub(r"^(reden|reason)\s*:\s*", "", tail.strip(), flags=re.I).strip() if tail else ""
    return verb, selectors, reason


def _problem(verb: str, selectors: list[str], reason: str, known: set[str]) -> str | None:
    """What is wrong with a suppression comment (Dutch, for meta.ongeldige-suppressie), or None.
    A 'negeer-einde' reaching here closes no open range."""
    if verb not in _VERBS:
        return f"onbekend werkwoord '{verb}' (gebruik {', '.join(_VERBS)})"
    if verb == "negeer-einde":
        return "negeer-einde zonder negeer-begin"
    if not selectors:
        return "geen regel genoemd"
    unknown = [s for s in selectors if s not in known]
    if unknown:
        return f"onbekende regel '{unknown[0]}'"
    if not reason:
        return "reden ontbreekt (schrijf '-- reden: ...')"
    return None


def matches(rule: Rule, selectors: list[str]) -> bool:
    return any(s in (rule.id, rule.pack, rule.category, *rule.aliases) for s in selectors)


def unused(suppressions: list[Suppression], active: list[Rule]) -> list[Problem]:
    """Suppressions that silenced nothing, counting only those naming a rule that ran."""
    out = []
    for sup in suppressions:
        if sup.used or not any(matches(r, sup.selectors) for r in active):
            continue
        out.append(
            Problem(
                "meta.ongebruikte-suppressie", sup.comment_start, sup.comment_end, {"regels": ", ".join(sup.selectors)}
            )
        )
    return out
