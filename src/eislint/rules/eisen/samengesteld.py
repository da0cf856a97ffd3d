"""eisen.samengesteld: More than one independently verifiable demand in one requirement (see eislint.demand)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint import dutch
from eislint.checks.base import Hit, Option, Unit

OPTIONS = {
    "min_eisen": Option(int, default=2, doc="vanaf hoeveel zelfstandige eisen een melding volgt"),
}


def _with_stem(first: str, piece: str) -> str:
    """'om Y te bieden' after 'Het LMS biedt de mogelijkheid om X te tonen' becomes a full sentence."""
    word = piece.split()[0].lower()
    if word in ("en", "maar", "alsook"):
        piece = piece.split(None, 1)[1] if len(piece.split()) > 1 else piece
        word = piece.split()[0].lower()
    m = re.search(rf"\b{re.escape(word)}\b", first, re.I) if word in ("om", "het", "te") else None
    if m is None:
        m = dutch.ANY_MODAL.search(first) if dutch.ANY_MODAL.match(piece) else None
    if m is not None and m.start() > 0:
        return f"{first[: m.start()].strip()} {piece}"
    return piece


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    demand = unit.demand()
    if demand is None or len(demand.demands) < options["min_eisen"]:
        return
    doc = unit.document
    pieces = [" ".join(doc.clean(s.start, s.end).split()).strip(" ,;") for s in demand.demands]
    first = pieces[0]
    out = []
    for i, piece in enumerate(pieces):
        if i and piece[:1].islower():
            piece = _with_stem(first, piece)
        piece = re.sub(
            r"^(?:en|maar|terwijl|alsook|daarnaast|bovendien|tevens)\s+",
            "",
            piece,
            flags=re.I,
        )
        piece = re.sub(
            r"[,;]?\s+(?:en|maar|terwijl|alsook|tevens|bovendien|daarnaast)$",
            "",
            piece,
            flags=re.I,
        )
        if not piece.endswith((".", "!", "?")):
            piece = piece.rstrip(" .,;:") + "."
        out.append(piece[0].upper() + piece[1:])
    req_id = unit.requirement.id if unit.requirement is not None and unit.requirement.id else "E"
    listing = " ".join(f"{req_id}{chr(ord('a') + i)}. {p}" for i, p in enumerate(out))
    yield Hit(unit.start, unit.end, data={"aantal": str(len(pieces)), "splitsing": listing})
