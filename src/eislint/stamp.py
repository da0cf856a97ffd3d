"""Stamping a hit into a Finding: the rule's id, severity, message, suggestion, fix and citation,
the hit's place (line, column, section, requirement, location) and its context.

The check types yield bare `Hit`s (offsets and data); this is the one place that turns them into
what the formatters show.
"""

from __future__ import annotations

import re
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.findings import Applicability, Edit, Finding, Fix, Severity
from eislint.loader import Rule
from eislint.sectionindex import SectionIndex

# A rewritten sentence is shown to a reader; one longer than this is no sentence to show.
MAX_REWRITE_CHARS = 2_000


class _Template(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(template: str | None, values: dict[str, Any]) -> str:
    if not template:
        return ""
    try:
        return template.format_map(_Template(values)).strip()
    except (ValueError, IndexError, AttributeError):
        return template


def rewrite(text: str, start: int, end: int, replacement: str) -> str:
    """`text` with [start, end) replaced; spaces and the first capital tidied."""
    out = text[:start] + replacement + text[end:]
    out = re.sub(r"[ \t]{2,}", " ", out)
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    out = re.sub(r"[,;:]+([.!?])", r"\1", out)
    out = re.sub(r"\(\s*\)", "", out).strip()
    if out and text[:1].isupper():
        out = out[0].upper() + out[1:]
    return out


def system_name(domain: str | None) -> str:
    """How advice names the system bought: 'het LMS', 'het zaaksysteem', else 'de oplossing'."""
    value = (domain or "").strip().lower()
    if value in ("lms", "lxp"):
        return f"het {value.upper()}"
    if re.fullmatch(r"[a-z-]*systeem", value):
        return f"het {value}"
    return "de oplossing"


def make_finding(rule: Rule, hit: Hit, unit: Unit) -> Finding:
    doc = unit.document
    match = doc.text[hit.start : hit.end]
    context_start, context_end = _context_span(hit, unit)
    context = doc.clean(context_start, context_end)
    values = _values(match, hit, unit)
    values["rewrite"] = _rewritten(hit, unit, context_start, context_end)
    line, col = doc.line_col(hit.start)
    end_line, end_col = doc.line_col(max(hit.end, hit.start))
    requirement = unit.requirement or doc.requirement_at(hit.start)
    if unit.analysis is not None:  # doc.section_at without walking every section for every finding
        section = unit.analysis.shared("section-index", lambda: SectionIndex(doc.sections)).at(hit.start)
    else:
        section = doc.section_at(hit.start)
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=Severity.parse(hit.level) if hit.level else _level(rule, requirement),
        message=render(rule.message, values),
        path=doc.path,
        start=hit.start,
        end=hit.end,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        match=match,
        section=section.path or None if section is not None else None,
        section_kind=section.kind if section is not None else None,
        requirement=requirement.id if requirement is not None else None,
        citation=rule.citation,
        suggestion=render(rule.suggestion, values) or values.get("suggestie") or None,
        fix=_fix(rule, hit, match, values),
        location=doc.place_at(hit.start),
        context=context if len(context) < 800 else "",
        context_start=context_start,
        rewrite=values["rewrite"] or hit.data.get("splitsing") or None,
    )


def _context_span(hit: Hit, unit: Unit) -> tuple[int, int]:
    """What a reader sees around the hit: its requirement, or for a section or document rule the
    paragraph it stands in."""
    start = unit.requirement.start if unit.requirement is not None else unit.start
    end = unit.requirement.end if unit.requirement is not None else unit.end
    if unit.scope in ("section", "document"):
        block = unit.document.block_at(hit.start)
        if block is not None:
            start, end = block.content.start, block.content.end
    return start, end


def _values(match: str, hit: Hit, unit: Unit) -> dict[str, Any]:
    """What the message, suggestion and fix title may fill in (see placeholders.py)."""
    values = {"match": match.strip(), **hit.data}
    if unit.tender is not None:
        values.setdefault(
            "kritisch", unit.tender.explain("business_critical", "bedrijfskritisch", "niet bedrijfskritisch")
        )
    # examples in advice name the tender's own system ('het LMS'), never another domain's
    values.setdefault("systeem", system_name(unit.tender.context.domain if unit.tender is not None else None))
    values.setdefault("Systeem", values["systeem"][:1].upper() + values["systeem"][1:])
    return values


def _rewritten(hit: Hit, unit: Unit, context_start: int, context_end: int) -> str:
    """The sentence of the hit with the replacement in it; '' when there is none to show."""
    if hit.replacement is None or not (context_start <= hit.start and hit.end <= context_end):
        return ""
    # the rewritten sentence, not the whole requirement: later sentences often lean on the
    # part that is rewritten ("Deze optie ...")
    sent = next(
        (s for s in unit.analysis.sentences(context_start, context_end) if s.start <= hit.start and hit.end <= s.end),
        None,
    )
    a, b = (sent.start, sent.end) if sent is not None else (context_start, context_end)
    if b - a > MAX_REWRITE_CHARS:  # a 'sentence' of a 32,767-character cell, per finding: gigabytes
        return ""
    return rewrite(unit.document.clean(a, b), hit.start - a, hit.end - a, hit.replacement)


def _fix(rule: Rule, hit: Hit, match: str, values: dict[str, Any]) -> Fix | None:
    if rule.fix is None or hit.replacement is None:
        return None
    return Fix(
        title=render(rule.fix.get("title", ""), values) or f"vervang '{match}'",
        edits=(Edit(hit.start, hit.end, hit.replacement),),
        applicability=Applicability(rule.fix["applicability"]),
    )


def _level(rule: Rule, requirement: Any) -> Severity:
    priority = requirement.priority if requirement is not None else None
    return rule.level_by_priority.get(priority, rule.level) if priority else rule.level
