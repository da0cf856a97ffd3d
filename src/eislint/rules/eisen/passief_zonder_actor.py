"""eisen.passief-zonder-actor: An obligation in the main clause in the passive ('moet ... worden vastgelegd') without an
agent ('door ...'): who must act? A capability ('moet kunnen worden bewerkt'), a subordinate
clause ('..., die worden bewaard'), a stative 'is vastgelegd' and the motivation are not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint import dutch
from eislint.checks.base import Hit, Unit

_MAIN_PASSIVE = re.compile(
    rf"\b(?P<modal>{'|'.join(dutch.OBLIGATION_MODALS)})\b(?P<mid>(?:(?!\b(?:kan|kunnen|mag|mogen)\b)[^,;:.])*?)"
    r"\b(?P<aux>(?:te\s+)?(?:worden|wordt))\b(?P<tail>[^,;:.]*)",
    re.I,
)


# "Er wordt jaarlijks een uitwijktest uitgevoerd": an impersonal passive names no one at all
_IMPERSONAL = re.compile(r"^\s*(?P<modal>er)\s+(?P<aux>wordt|worden)\b(?P<mid>)(?P<tail>[^,;:.]*)", re.I)


_NOTHING = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:niets|niks|geen|nooit)\b", re.I)


_PRODUCT_SUBJECT = re.compile(
    r"^\s*(?:de|het)\s+(?:\w+\s+)?(?:oplossing|applicatie|systeem|tool|software|dienst|platform|pakket|portaal|lms)\b",
    re.I,
)


_PARTICIPLE = re.compile(r"\b(?:\w*ge\w{2,}(?:d|t|en)|(?:ver|be|ont|her|er)\w{2,}(?:d|t|en))\b", re.I)


_AGENT = re.compile(
    r"\bdoor\s+(?!middel\b|tussenkomst\b)(?:de|het|een|ons|onze|hen|haar|hem|\w+)\b",
    re.I,
)


def _main_clause(before: str) -> bool:
    """The modal after `before` is in the main clause: no subordinator opens a clause that is still
    open ('Als X, moet ...' is main again after the comma)."""
    last = None
    for m in dutch.SUBORDINATOR.finditer(before):
        last = m
    return last is None or "," in before[last.end() :]


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    demand = unit.demand()
    spans = demand.demand_spans() if demand is not None else [unit]
    for span in spans:
        text = unit.document.clean(span.start, span.end)
        for m in [*_MAIN_PASSIVE.finditer(text), *_IMPERSONAL.finditer(text)]:
            if not _main_clause(text[: m.start()]) or _PRODUCT_SUBJECT.match(text[: m.start()]):
                continue  # "De oplossing dient te worden gehost": the supplier acts on its own product
            clause = m.group(0)
            if _AGENT.search(clause) or not (_PARTICIPLE.search(m.group("tail")) or _PARTICIPLE.search(m.group("mid"))):
                continue
            if m.group("modal").lower() == "er" and _NOTHING.match(m.group("tail")):
                continue  # "er wordt niets geïnstalleerd": what does not happen needs no one to do it
            start = span.start + m.start()
            yield Hit(start, span.start + m.end("aux"), data={"werkwoord": m.group("aux")})
            break
