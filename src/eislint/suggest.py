"""`eislint suggest`: findings and rewritten requirements for one requirement text."""

from __future__ import annotations

import json
import re
from typing import TextIO

from eislint.engine import Report

# What `suggest` judges: the requirement itself. Rules about the whole tender (a missing part, an
# abbreviation defined elsewhere) say nothing about one requirement pasted in on its own.
REQUIREMENT_SCOPES = frozenset({"requirement", "sentence", "paragraph"})


def combined(report: Report, text: str) -> str | None:
    """The text with every derivable edit applied (non-overlapping, last first)."""
    from eislint.engine import rewrite

    edits = {(e.start, e.end, e.replacement) for f in report.findings if f.fix for e in f.fix.edits}
    if not edits:
        return None
    chosen: list[tuple[int, int, str]] = []
    for edit in sorted(edits, key=lambda e: e[0] - e[1]):  # the widest edit wins an overlap
        if all(edit[1] <= c[0] or edit[0] >= c[1] for c in chosen):
            chosen.append(edit)
    out = text.replace("\r\n", "\n")
    for start, end, replacement in sorted(chosen, reverse=True):
        out = out[:start] + replacement + out[end:]
    return rewrite(out, 0, 0, "")


def rewrites(report: Report, text: str, check=None) -> list[str]:
    """The combined rewrite first, then what single rules derived (e.g. a split), without repeats.

    A rewrite is offered only when it is a whole requirement (no dangling conjunction, no empty
    part) and, checked again with `check` (text -> Report), has fewer findings than the original
    and none the original did not have."""
    from eislint.document import REQUIREMENT_ID

    def key(s: str) -> str:
        s = s.strip()
        m = REQUIREMENT_ID.match(s)
        return s[m.end() :] if m else s

    before = {(f.rule, f.match.strip().lower()) for f in report.findings}
    out: list[str] = []
    for candidate in [combined(report, text), *(f.rewrite for f in report.findings)]:
        if not candidate or key(candidate) == key(text) or key(candidate) in {key(o) for o in out}:
            continue
        if not _whole(candidate):
            continue
        if check is not None:
            # a split is judged part by part: each part is a requirement of its own
            after = {
                (f.rule, f.match.strip().lower())
                for part in _parts(candidate)
                for f in check(_SPLIT_MARK.sub("", part, count=1)).findings
            }
            if not after < before and after:
                continue  # the rules would flag it again, or something new
        out.append(candidate)
    return out


_DANGLING = re.compile(r"(?:\b(?:en|of|maar|om|dat|die|met|van|voor|de|het|een)|[,;:(])\s*[.!?]?\s*$", re.I)


_SPLIT_MARK = re.compile(r"^[A-Z]{1,4}-?(?:\d+(?:\.\d+)*)?[a-z]\.\s+")
_SPLIT_ID = re.compile(r"(?:^|\s)(?=\b[A-Z]{1,4}-?(?:\d+(?:\.\d+)*)?[a-z]\.\s)")


def _parts(candidate: str) -> list[str]:
    """'E6a. X. E6b. Y.' -> ['E6a. X.', 'E6b. Y.']; anything else is one part."""
    return [p.strip() for p in _SPLIT_ID.split(candidate) if p.strip()] or [candidate]


def _whole(candidate: str) -> bool:
    """Every part of the rewrite is a sentence of some substance that does not break off."""
    return all(len(re.findall(r"\w+", p)) >= 4 and not _DANGLING.search(p.strip()) for p in _parts(candidate))


def render_text(report: Report, text: str, out: TextIO, check=None) -> None:
    if not report.findings:
        out.write("Geen opmerkingen: deze eis is toetsbaar geformuleerd volgens de actieve regels.\n")
        return
    for f in report.findings:
        out.write(f"- {f.severity.dutch}: {f.message} ({f.rule})\n")
        if f.suggestion:
            out.write(f"  → {f.suggestion}\n")
    options = rewrites(report, text, check)
    if options:
        out.write("\nHerschreven:\n")
        for option in options:
            out.write(f"  {option}\n")
    for notice in dict.fromkeys(report.notices):
        out.write(f"(let op: {notice})\n")


def render_json(report: Report, text: str, out: TextIO, check=None) -> None:
    data = {
        "schema": "eislint-suggest/1",
        "text": text,
        "findings": [f.to_dict() for f in report.findings],
        "rewrites": rewrites(report, text, check),
    }
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
