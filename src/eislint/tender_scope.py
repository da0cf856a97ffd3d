"""Whether a bundle is a whole tender or only a part of one (an annex checked on its own).

Rules that expect an element of the tender as a whole (a timeline, a kansendossier, the buyer's
own IT landscape) would be wrong on a single SLA, price sheet or Programma van Eisen checked
alone: the element is in the leidraad the user did not pass. They declare `whole_tender` and run
only on a bundle that holds the tender's own description: a leidraad or beschrijvend document, or
documents whose headings cover most parts of a tender (a PvE written as the whole tender).

The rules on the seven parts and the expected elements (gunning, prijsblad, exit, ...) are
milder: they declare `skip_lone_annex` and stay silent only on a bundle that is nothing but
annexes, documents that say so ("Bijlage A Programma van Eisen", an SLA, a requirements sheet).
A document that does not say what it is may be the whole tender and is judged as one.
"""

from __future__ import annotations

import re
from pathlib import PurePath

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


# "Bijlage A Programma van Eisen", "bijlage-3-prijzenblad.xlsx", "Annex 2", "Appendix B"
_ANNEX_NAME = re.compile(r"^\W*(?:bijlage|annex|appendix)\b", re.I)
_SHEETS = frozenset({"xlsx", "xlsm", "csv", "ods"})


def is_annex(doc: Document) -> bool:
    """A document that says it is an annex of a tender: by its role (an SLA, DAP, model agreement,
    price sheet, form, ...), by its name or title ("Bijlage A Programma van Eisen"), or by being a
    spreadsheet (a requirements list is never the tender's own description)."""
    from eislint.roles import ANNEX_ROLES, _title

    if doc.role in ANNEX_ROLES or doc.format in _SHEETS:
        return True
    stem = re.sub(r"[-_.]+", " ", PurePath(doc.path).stem)
    return bool(_ANNEX_NAME.search(stem) or _ANNEX_NAME.search(_title(doc)))


# the key of is_lone_annex's answer in a Bundle's memo: the engine and the rules share one answer
LONE_ANNEX = "lone-annex"


def is_lone_annex(bundle: list[Document]) -> bool:
    """Only annexes, checked without the tender they belong to: whether the tender as a whole has
    a part (gunning, a price sheet, an exit arrangement) cannot be judged from them. A document that
    does not say it is an annex (a PvE written as the whole tender, a snippet) is judged whole."""
    return bool(bundle) and not is_whole_tender(bundle) and all(is_annex(d) for d in bundle)
