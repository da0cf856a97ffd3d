"""eisen.geen-toetsbare-eis: A requirement that only names a subject ('Termijnbewaking.', 'Historie klachten en
oplossingen'): no verb, so nothing is demanded that a bidder can answer or an assessor test.
Not for items that complete a lead-in ('De oplossing biedt: - rapportages'), table rows whose
other cells say what is meant, the norms of a service-level row ('2 werkdagen'), or a
labelled line ('SGC 1 Zaakafhandeling').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint import dutch
from eislint.checks.base import Hit, Option, Unit

OPTIONS = {
    "max_woorden": Option(int, default=5, doc="alleen korte fragmenten"),
}


_CODE_LABEL = re.compile(r"^\s*(?-i:[A-Z]{2,}[-\s]?\d+)\b")


_PREDICATE_WORD = re.compile(
    rf"\b(?:{'|'.join(dutch.MODALS)}|is|zijn|wordt|worden|heeft|hebben|biedt|bieden|kan|mogelijk\s+(?:om|dat)|te\s+\w+en)\b",
    re.I,
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    req = unit.requirement
    if req is None or req.lead is not None or req.explanation or req.norm:
        return
    text = unit.text.strip()
    words = text.rstrip(".").split()
    if not words or len(words) > options["max_woorden"] or text.endswith(":") or _CODE_LABEL.match(text):
        return
    if _PREDICATE_WORD.search(text):
        return
    if _other_cells_explain(unit, req):
        return
    tokens = unit.tokens()
    if not tokens or not tokens[0].doc.has_annotation("POS") or _has_verb(tokens):
        return
    start = unit.start + (len(unit.text) - len(unit.text.lstrip()))
    yield Hit(start, start + len(text))


def _other_cells_explain(unit: Unit, req: Any) -> bool:
    """A table row whose other cells say more (four words or more): the row is the demand."""
    block = req.block
    if block.kind != "table_row":
        return False
    others = [
        unit.document.clean(c.start, c.end).strip()
        for c in block.cells
        if not (c.start <= req.start < max(c.end, c.start + 1))
    ]
    return any(len(o.split()) >= 4 for o in others)


def _has_verb(tokens: Any) -> bool:
    """A verb or auxiliary that is a predicate, not a participle used as an adjective."""
    for tok in tokens:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound", "nmod"):
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.lower_.endswith("e") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            continue  # "verwachte doorlooptijd": a participle used as an adjective
        if "/" in tok.text.strip("/") and not all(part.endswith("t") for part in tok.lower_.split("/") if part):
            continue  # "klachten/meldingen": one token for two words; a tagger's guess, not a finite verb
        return True
    return False
