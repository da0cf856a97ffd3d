"""Whether a bundle is a whole tender or only a part of one (an annex checked on its own).

Rules that expect an element of the tender as a whole (a timeline, a kansendossier, the buyer's
own IT landscape) would be wrong on a single SLA, price sheet or Programma van Eisen checked
alone: the element is in the leidraad the user did not pass. They declare `whole_tender` and run
only on a bundle that holds the tender's own description: a leidraad or beschrijvend document, or
documents whose headings cover most parts of a tender (a PvE written as the whole tender).
"""

from __future__ import annotations

from eislint.document import Document

# The parts of a tender besides the requirements (segment.py's section kinds).
TENDER_PARTS = frozenset(
    {"aanleiding", "doelstelling", "randvoorwaarden", "gunning", "implementatie", "kwaliteit", "contract", "prijs"}
)
# An SLA has quality and contract headings, a price sheet prijs and gunning: five parts is a tender.
MIN_PARTS = 5


def parts_present(bundle: list[Document]) -> set[str]:
    """The tender parts that have a heading of their own somewhere in the bundle."""
    return {s.kind for d in bundle for s in d.sections if s.heading is not None} & TENDER_PARTS


def is_whole_tender(bundle: list[Document]) -> bool:
    if any(d.role == "leidraad" for d in bundle):
        return True
    return len(parts_present(bundle)) >= MIN_PARTS
