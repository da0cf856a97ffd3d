"""Named functions for `check: python` rules. Each yields Hits for one unit."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Option, Unit

FUNCTIONS: dict[str, Any] = {}


def register(name: str, **options: Option) -> Callable:
    def wrap(func: Callable) -> Callable:
        func.options = options  # type: ignore[attr-defined]
        FUNCTIONS[name] = func
        return func

    return wrap


_ACRONYM = re.compile(r"(?<![\w/.-])([A-Z][A-Z&]{1,6})(?:'?s)?(?![\w/-])")
_ROMAN = re.compile(r"^[IVXLC]+$")


@register(
    "afkortingen",
    bekend=Option(list, default=[], doc="afkortingen die geen uitleg nodig hebben"),
)
def undefined_abbreviations(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Abbreviations used without being written out anywhere in the document.

    Defined means: "voluit (AFK)", "AFK (voluit)", "AFK: ..." / "AFK - ..." at the start of a
    block (a begrippenlijst), or the first cell of a table row.
    """
    doc = unit.document
    known = {k.upper() for k in options["bekend"]}
    text = doc.text
    defined: set[str] = set(re.findall(r"\(\s*([A-Z][A-Z&]{1,6})(?:'?s)?\s*\)", text))
    defined |= set(re.findall(r"\b([A-Z][A-Z&]{1,6})\s*\(\s*[a-zà-ý]", text, re.I)) & set(re.findall(r"\b[A-Z][A-Z&]{1,6}\b", text))
    for block in doc.blocks:
        head = doc.clean(block.content.start, min(block.content.end, block.content.start + 12)).strip()
        m = re.match(r"([A-Z][A-Z&]{1,6})\s*[:=–-]", head)
        if m:
            defined.add(m.group(1))
        if block.cells:
            first = doc.clean(block.cells[0].start, block.cells[0].end).strip()
            if re.fullmatch(r"[A-Z][A-Z&]{1,6}", first):
                defined.add(first)
    seen: set[str] = set()
    for pu in unit.analysis.units:
        letters = [c for c in pu.text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.5:
            continue  # a line in capitals is emphasis, not a row of abbreviations
        for m in _ACRONYM.finditer(pu.text):
            word = m.group(1)
            if word in seen or word in defined or word in known or _ROMAN.match(word):
                continue
            seen.add(word)
            start = pu.start + m.start(1)
            yield Hit(start, start + len(word), data={"afkorting": word})
