"""Functions that judge what a part of the tender holds: the aanleiding and the implementatie part.

Both fire only when the part itself exists (a heading of that kind); a missing part is the
business of the `volledigheid.*-ontbreekt` rules. Evidence is looked for generously (precision
first): any wording of the element in the part, or under a heading of its own elsewhere in the
tender, silences the rule.

Helpers shared by more than one rule module."""

from __future__ import annotations

import re

from eislint.document import Document, Section


def top_sections(doc: Document, title: re.Pattern[str]) -> list[Section]:
    """Sections whose heading matches `title` and whose ancestors do not (the part itself, once)."""
    found = []
    for section in doc.sections:
        if section.heading is None or not title.search(section.title):
            continue
        node, nested = section.parent, False
        while node is not None:
            if node.heading is not None and title.search(node.title):
                nested = True
                break
            node = node.parent
        if not nested:
            found.append(section)
    return found


def section_text(doc: Document, section: Section) -> str:
    return doc.clean(section.start, section.end)


def headed_texts(bundle: list[Document], title: re.Pattern[str]) -> list[str]:
    """The text of every section in the bundle whose own heading matches `title`."""
    return [section_text(d, s) for d in bundle for s in d.sections if s.heading is not None and title.search(s.title)]


# "Achtergrond" alone is an aanleiding; "Achtergrond van de organisatie" is an organisation profile
AANLEIDING_TITLE = re.compile(r"\baanleiding|^\W*(?:[\dIVX]+(?:\.\d+)*\.?\s+)?achtergrond\s*$", re.I)


# the part itself ("7. Implementatie", "Invoering en uitrol"), not a heading that mentions it
# ("Aanleiding: invoering van de Woo", "Exit en transitie", "Subcriterium 1: Plan van aanpak implementatie")
IMPL_TITLE = re.compile(
    r"^\W*(?:(?:hoofdstuk|paragraaf|bijlage)\s+)?(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:het\s+)?"
    r"(?:implementatie\w*|invoering\w*|ingebruikname|uitrol\w*)\b",
    re.I,
)


IMPL_SENTENCE = re.compile(r"implementatie\w*|invoering\w*|ingebruikname|plan\s+van\s+aanpak", re.I)
