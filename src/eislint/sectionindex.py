"""`Document.section_at` in O(log n): the innermost section at an offset, from an index built once.

`Document.section_at` walks every section; called for every sentence unit and every finding it
made a long tender quadratic (a 500,000-word text has thousands of sections). The index gives the
same answer: between two consecutive section boundaries the set of sections that contain an
offset does not change, and the winner is the one `section_at` picks (the highest level; of equal
levels the last in the list). Build it once the sections are final (after segment).
"""

from __future__ import annotations

import bisect
from typing import Any

from eislint.document import Document, Section


class SectionIndex:
    def __init__(self, sections: list[Section]) -> None:
        events: dict[int, tuple[list[int], list[int]]] = {}
        for i, s in enumerate(sections):
            if s.start < s.end:
                events.setdefault(s.start, ([], []))[0].append(i)
                events.setdefault(s.end, ([], []))[1].append(i)
        self._points = sorted(events)
        self._owner: list[Section | None] = []
        active: set[int] = set()
        for point in self._points:
            starts, ends = events[point]
            active.difference_update(ends)
            active.update(starts)
            best = max(active, key=lambda i: (sections[i].level, i)) if active else None
            self._owner.append(sections[best] if best is not None else None)

    def at(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self._points, offset) - 1
        return self._owner[i] if i >= 0 else None


def section_index(document: Document, memo: dict[int, Any] | None = None) -> SectionIndex:
    """The index of `document`'s sections (kept in `memo` by document when given)."""
    if memo is None:
        return SectionIndex(document.sections)
    key = id(document)
    if key not in memo:
        memo[key] = (document, SectionIndex(document.sections))  # the document keeps its id alive
    return memo[key][1]
