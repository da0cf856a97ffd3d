"""Rule-based sentence splitting for tender Dutch.

Tender text is full of abbreviations (o.a., m.b.t., art.), requirement ids and numbered
items; a splitter that breaks on every period cuts requirements in half. This one breaks
after . ! ? only when the next word starts a sentence and the word before is no abbreviation.
"""

from __future__ import annotations

import re

from eislint.document import Span

ABBREVIATIONS = frozenset(
    """
    o.a. bijv. bv. b.v. m.b.t. i.v.m. d.w.z. c.q. e.d. t.b.v. t.a.v. m.u.v. i.p.v. z.s.m. a.s. e.a.
    art. artt. nr. nrs. blz. pag. p. incl. excl. ca. evt. resp. mr. dhr. mw. mevr. drs. ir. ing. prof.
    dr. jl. jan. feb. mrt. apr. jun. jul. aug. sep. sept. okt. nov. dec. st. vs. min. max. no. stb.
    stcrt. hfst. par. lid. tel. mln. mld. excl.btw. i.o.m. t.z.t. m.i.v. z.o.z. vgl. zgn. zg. afd.
    """.split()
)

_BOUNDARY = re.compile(r"([.!?]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-ZÀ-Ý0-9•])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"^\(?[A-Z]\.$")
_LIST_NUMBER = re.compile(r"^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]$")


def split(text: str, offset: int = 0) -> list[Span]:
    """Sentence spans (absolute, shifted by `offset`) in `text`, trimmed of white space."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(2)
        word = _WORD_BEFORE.search(text, 0, m.start(1) + len(m.group(1)))
        token = word.group(1).lower() if word else ""
        if m.group(1) == "." and _is_abbreviation(token, text[start : m.start(1)]):
            continue
        _add(spans, text, start, end, offset)
        start = m.end(3)
    _add(spans, text, start, len(text), offset)
    return spans


def _is_abbreviation(token: str, before: str) -> bool:
    if token in ABBREVIATIONS or _INITIAL.match(token.upper() if len(token) == 2 else token):
        return True
    # "3." or "a)" at the start of a sentence is a list number, not a sentence of its own
    if _LIST_NUMBER.match(token) and not before.strip()[: -len(token)].strip():
        return True
    # "2.76." never ends in practice, but "E1." opening an item does
    if re.fullmatch(r"[a-z]{1,4}-?\d+(?:\.\d+)*\.", token) and not before.strip()[: -len(token)].strip():
        return True
    return False


def _add(spans: list[Span], text: str, start: int, end: int, offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(offset + start, offset + end))
