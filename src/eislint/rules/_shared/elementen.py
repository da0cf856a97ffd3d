"""Functions that judge whether the tender as a whole asks for an element the e-book advises: a
timeline for selection and implementation, the total cost of ownership in the price sheet, the
quality criteria of the award, the contents of quality assurance, and fixed scenarios for a
demonstration that is scored.

Each judges the bundle (an element may be in any of its documents) and reports once; the ones that
expect an element of a whole tender do nothing on an annex checked alone (tender_scope).
Evidence is looked for generously: precision first.

Helpers shared by more than one rule module."""

from __future__ import annotations

import re

from eislint.checks.base import Hit, Unit, per_bundle
from eislint.tender_scope import is_whole_tender


def unit_lines(unit: Unit) -> list[str]:
    """The sentences of the bundle, block by block (a table row is one line)."""
    bundle = unit.bundle or [unit.document]
    return per_bundle(
        unit,
        "sentence-lines",
        lambda: [
            x
            for d in bundle
            for b in d.blocks
            if b.kind != "comment"
            for x in re.split(r"(?<=[.;!?])\s+", d.clean(b.content.start, b.content.end))
            if x.strip()
        ],
    )


def whole_tender(unit: Unit) -> bool:
    bundle = unit.bundle or [unit.document]
    return per_bundle(unit, "whole-tender", lambda: is_whole_tender(bundle))


def report_here(unit: Unit) -> Hit | None:
    """The first heading of the document with the most requirements (where tender-level findings
    stand), when that document is this unit's; else None."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    if (
        doc
        is not per_bundle(
            unit,
            "most-requirements",
            lambda: max(bundle, key=lambda d: len(d.requirements)),
        )
        or not doc.blocks
    ):
        return None
    anchor = next((b for b in doc.blocks if b.kind == "heading"), doc.blocks[0])
    return Hit(anchor.content.start, anchor.content.end)
