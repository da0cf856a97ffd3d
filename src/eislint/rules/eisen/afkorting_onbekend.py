"""eisen.afkorting-onbekend: Abbreviations written out nowhere in the tender (any document of the bundle).

Defined means: "voluit (AFK)", "AFK (voluit)", "AFK: ..." / "AFK - ..." at the start of a
block (a begrippenlijst), or the first cell of a table row; headings count. Abbreviations
every public-sector or ICT reader knows (dutch.COMMON_ABBREVIATIONS) need no definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint import dutch
from eislint.checks.base import Hit, Option, Unit

OPTIONS = {
    "bekend": Option(list, default=[], doc="afkortingen die geen uitleg nodig hebben"),
}


def _defined_abbreviations(doc) -> set[str]:
    """The abbreviations one document writes out, computed once per document."""
    if "abbreviations" in doc.derived:
        return doc.derived["abbreviations"]
    text = doc.text
    defined = set(re.findall(r"\(\s*([A-Z][A-Z&]{1,6})(?:'?s)?\s*\)", text))
    defined |= set(re.findall(r"\b([A-Z][A-Z&]{1,6})\s*\(\s*[a-zà-ý]", text, re.I)) & set(
        re.findall(r"\b[A-Z][A-Z&]{1,6}\b", text)
    )
    for block in doc.blocks:
        head = doc.clean(block.content.start, min(block.content.end, block.content.start + 12)).strip()
        m = re.match(r"([A-Z][A-Z&]{1,6})\s*[:=–-]", head)
        if m:
            defined.add(m.group(1))
        if block.cells:
            first = doc.clean(block.cells[0].start, block.cells[0].end).strip()
            if re.fullmatch(r"[A-Z][A-Z&]{1,6}", first):
                defined.add(first)
    doc.derived["abbreviations"] = defined
    return defined


# "OTAP-werkwijze", "BOB-model": an abbreviation before a hyphenated lower-case word is one too;
# "KO-3", "E-1" (ids) and "ISO/IEC" are not.
_ACRONYM = re.compile(r"(?<![\w/.-])([A-Z][A-Z&]{1,6})(?:'?s)?(?![\w/]|-(?![a-zà-ý]))")


_ROMAN = re.compile(r"^[IVXLC]+$")


_FUNCTION_WORDS = {
    "de",
    "het",
    "een",
    "dit",
    "deze",
    "die",
    "dat",
    "van",
    "in",
    "op",
    "voor",
    "met",
    "door",
    "bij",
    "als",
    "en",
    "of",
    "aan",
    "naar",
    "zie",
    "elk",
    "elke",
    "ieder",
    "iedere",
    "alle",
    "ons",
    "onze",
}


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    known = {k.upper() for k in options["bekend"]} | dutch.COMMON_ABBREVIATIONS
    defined: set[str] = set()
    for member in unit.bundle or [doc]:
        defined |= _defined_abbreviations(member)
    seen: set[str] = set()
    for pu in unit.analysis.units:
        letters = [c for c in pu.text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.5:
            continue  # a line in capitals is emphasis, not a row of abbreviations
        for m in _ACRONYM.finditer(pu.text):
            word = m.group(1)
            if word in seen or word in defined or word in known or _ROMAN.match(word):
                continue
            before = pu.text[: m.start(1)].split()[-1:] or [""]
            if before[0][:1].isupper() and before[0].lower() not in _FUNCTION_WORDS and not before[0].endswith("."):
                continue  # "Azure AD", "Microsoft SQL": part of a product name, not an abbreviation
            seen.add(word)
            start = pu.start + m.start(1)
            yield Hit(start, start + len(word), data={"afkorting": word})
