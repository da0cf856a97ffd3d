"""`eislint suggest`: findings and rewritten requirements for one requirement text."""

from __future__ import annotations

import json
from typing import TextIO

from eislint.engine import Report


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


def rewrites(report: Report, text: str) -> list[str]:
    """The combined rewrite first, then what single rules derived (e.g. a split), without repeats."""
    from eislint.document import REQUIREMENT_ID

    def key(s: str) -> str:
        s = s.strip()
        m = REQUIREMENT_ID.match(s)
        return s[m.end():] if m else s

    out: list[str] = []
    for candidate in [combined(report, text), *(f.rewrite for f in report.findings)]:
        if candidate and key(candidate) != key(text) and key(candidate) not in {key(o) for o in out}:
            out.append(candidate)
    return out


def render_text(report: Report, text: str, out: TextIO) -> None:
    if not report.findings:
        out.write("Geen opmerkingen: deze eis is toetsbaar geformuleerd volgens de actieve regels.\n")
        return
    for f in report.findings:
        out.write(f"- {f.severity.dutch}: {f.message} ({f.rule})\n")
        if f.suggestion:
            out.write(f"  → {f.suggestion}\n")
    options = rewrites(report, text)
    if options:
        out.write("\nHerschreven:\n")
        for option in options:
            out.write(f"  {option}\n")
    for notice in dict.fromkeys(report.notices):
        out.write(f"(let op: {notice})\n")


def render_json(report: Report, text: str, out: TextIO) -> None:
    data = {
        "schema": "eislint-suggest/1",
        "text": text,
        "findings": [f.to_dict() for f in report.findings],
        "rewrites": rewrites(report, text),
    }
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
