"""Functions about the requirement itself: abbreviations, compound demands, passives, modal verbs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Option, Unit
from eislint.checks.functions import register


# "OTAP-werkwijze", "BOB-model": an abbreviation before a hyphenated lower-case word is one too;
# "KO-3", "E-1" (ids) and "ISO/IEC" are not.
_ACRONYM = re.compile(r"(?<![\w/.-])([A-Z][A-Z&]{1,6})(?:'?s)?(?![\w/]|-(?![a-zà-ý]))")
_ROMAN = re.compile(r"^[IVXLC]+$")
_FUNCTION_WORDS = {"de", "het", "een", "dit", "deze", "die", "dat", "van", "in", "op", "voor", "met", "door", "bij",
                   "als", "en", "of", "aan", "naar", "zie", "elk", "elke", "ieder", "iedere", "alle", "ons", "onze"}


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
            before = pu.text[:m.start(1)].split()[-1:] or [""]
            if before[0][:1].isupper() and before[0].lower() not in _FUNCTION_WORDS and not before[0].endswith("."):
                continue  # "Azure AD", "Microsoft SQL": part of a product name, not an abbreviation
            seen.add(word)
            start = pu.start + m.start(1)
            yield Hit(start, start + len(word), data={"afkorting": word})


# ---------------------------------------------------------------- compound requirements

_MODAL_VERB = r"(?:moet|moeten|dient|dienen|zal|zullen|kan|kunnen|mag|mogen|wordt\s+verwacht|is\s+verplicht)"
_MODAL_RE = re.compile(rf"\b{_MODAL_VERB}\b", re.I)
# "... moet X en moet Y", "... dient X, en kan Y": a second modal after a coordinator
_COORD_MODAL = re.compile(rf"(?P<cut>[,;]?\s+(?:en|maar|terwijl|alsook|daarnaast|bovendien|tevens)\s+(?:(?:het|de|deze|dit)\s+\w+\s+)?(?P<modal>{_MODAL_VERB})\b)", re.I)
_RELATIVE = re.compile(r"\b(die|dat|waarmee|waarin|waarop|waardoor|zodat|zodra|als|indien|wanneer|om)\b[^.;]*$", re.I)


@register(
    "samengesteld",
    min_eisen=Option(int, default=2, doc="vanaf hoeveel zelfstandige eisen een melding volgt"),
)
def compound_requirement(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """More than one independently verifiable demand in one requirement.

    Counted: sentences that carry their own modal verb, and a second modal verb joined with
    'en' in one sentence ("moet X en moet Y"). A modal in a subordinate clause ("rapportages
    die de leidinggevende kan exporteren") is part of the same demand and does not count.
    """
    parts: list[tuple[int, int]] = []  # spans of separate demands, document offsets
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        first = _MODAL_RE.search(text)
        if first is None:
            if parts:  # a sentence without a demand belongs to the previous one (a toelichting)
                parts[-1] = (parts[-1][0], span.end)
            continue
        cut_from = span.start
        for m in _COORD_MODAL.finditer(text, first.end()):
            before = text[first.end():m.start()]
            if _RELATIVE.search(before):
                continue  # the modal belongs to a subordinate clause
            parts.append((cut_from, span.start + m.start("cut")))
            cut_from = span.start + m.start("modal")
        parts.append((cut_from, span.end))
    if len(parts) < options["min_eisen"]:
        return
    subject = _subject(unit.slice(parts[0][0], parts[0][1]))
    pieces = []
    for i, (a, b) in enumerate(parts):
        piece = " ".join(unit.slice(a, b).split()).strip(" ,;")
        if _MODAL_RE.match(piece) and subject:
            piece = f"{subject} {piece}"
        if not piece.endswith((".", "!", "?")):
            piece += "."
        pieces.append(piece[0].upper() + piece[1:])
    req_id = unit.requirement.id if unit.requirement is not None and unit.requirement.id else "E"
    listing = " ".join(f"{req_id}{chr(ord('a') + i)}. {p}" for i, p in enumerate(pieces))
    yield Hit(unit.start, unit.end, data={"aantal": str(len(parts)), "splitsing": listing})


def _subject(text: str) -> str:
    m = _MODAL_RE.search(text)
    return " ".join(text[:m.start()].split()) if m else ""


# ---------------------------------------------------------------- passive without actor


@register("passief_zonder_actor")
def passive_without_actor(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A passive verb (aux:pass) whose clause names no actor (no 'door ...' agent)."""
    for token in unit.tokens():
        if token.dep_ != "aux:pass":
            continue
        head = token.head
        children = list(head.children)
        if any(c.dep_ in ("obl:agent",) or (c.dep_.startswith("obl") and any(
                g.lower_ == "door" for g in c.children)) for c in children):
            continue
        if any(c.lower_ == "door" for c in head.subtree):
            continue
        if head.i < token.i:
            continue  # "te leveren documentatie"-like adjectival use
        first, last = min(token.i, head.i), max(token.i, head.i)
        start = unit.analysis.token_offset(token.doc[first])
        end = unit.analysis.token_offset(token.doc[last]) + len(token.doc[last])
        if start < unit.start or end > unit.end:
            continue
        yield Hit(start, end, data={"werkwoord": head.lemma_ or head.text})


# ---------------------------------------------------------------- modal verb style

_STYLES = (
    ("moet", re.compile(r"\b(moet|moeten)\b", re.I)),
    ("dient", re.compile(r"\b(dient|dienen)\b", re.I)),
    ("zal", re.compile(r"\b(zal|zullen)\b", re.I)),
    ("wordt verwacht", re.compile(r"\bwordt\s+verwacht\b", re.I)),
)


@register(
    "modale_stijl",
    min_totaal=Option(int, default=6, doc="pas vanaf zoveel eisen met een modaal werkwoord"),
)
def inconsistent_modals(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Requirements that mix moet / dient / zal / wordt verwacht: report once, at the first minority use."""
    doc = unit.document
    uses: dict[str, list[tuple[int, int]]] = {}
    for req in doc.requirements:
        if req.kind not in ("eis", "knock-out", "te-ontwikkelen"):
            continue
        text = doc.clean(req.start, req.end)
        for style, pattern in _STYLES:
            m = pattern.search(text)
            if m:
                uses.setdefault(style, []).append((req.start + m.start(), req.start + m.end()))
                break
    total = sum(len(v) for v in uses.values())
    if len(uses) < 2 or total < options["min_totaal"]:
        return
    ranked = sorted(uses.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
    main, minority = ranked[0], ranked[1:]
    first = min((span for _, spans in minority for span in spans), key=lambda s: s[0])
    counts = ", ".join(f"'{style}' {len(spans)}x" for style, spans in ranked)
    yield Hit(first[0], first[1], data={"hoofdvorm": main[0], "telling": counts})
