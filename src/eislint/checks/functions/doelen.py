"""Functions that judge the tender's goals as a set: a goal that is only the purchase or the go-live
of the system, and goals with no distinction between strategic and operational.

A goal statement is a sentence of the doelstelling part (segment.py keeps the 'doelen' of an SLA or
of the document itself out of it), or anywhere a sentence that states the aim of the tender ("Het
doel van deze aanbesteding is ..."). Both functions judge the bundle and report once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Option, Unit, per_bundle
from eislint.checks.functions import register
from eislint.checks.functions.tender import _MEASURE, _TIME
from eislint.document import Document

# The roles whose goals are the tender's own (the aims of an SLA or a contract are not).
_GOAL_ROLES = ("leidraad", "pve", "overig")
_AIM_OF_TENDER = re.compile(
    r"\b(?:het\s+)?doel(?:stelling)?\s+van\s+(?:deze|de|dit)\s+(?:aanbesteding|opdracht|inkoop\w*|procedure|traject|project)\s+(?:is|zijn|bestaat)\b",
    re.I)
# A lead-in or a sentence about the document, not a goal.
_NOT_A_GOAL = re.compile(
    r"^\W*(?:(?:in\s+)?(?:dit|deze)\s+(?:hoofdstuk|paragraaf|document|bijlage)|hieronder|hierna|onderstaand\w*"
    r"|(?:de|onze)\s+(?:\w+\s+)?(?:doelen|doelstellingen)\s+(?:zijn|luiden)(?:\s+als\s+volgt)?\s*:?\s*$)|:\s*$",
    re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def goal_statements(bundle: list[Document]) -> list[tuple[Document, int, int, str]]:
    """(document, start, end, text) of every goal statement in the bundle, in reading order."""
    out = []
    for doc in bundle:
        if doc.role not in _GOAL_ROLES:
            continue
        for block in doc.blocks:
            if block.kind not in ("paragraph", "list_item", "table_row"):
                continue
            section = doc.section_at(block.start)
            in_goals = section is not None and section.kind == "doelstelling"
            text = doc.clean(block.content.start, block.content.end)
            for m in _SENTENCE.finditer(text):
                sentence = m.group(0).strip()
                if len(sentence.split()) < 4 or _NOT_A_GOAL.search(sentence):
                    continue
                if in_goals or _AIM_OF_TENDER.search(sentence):
                    start = block.content.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                    out.append((doc, start, start + len(sentence), sentence))
    return out


# ---------------------------------------------------------------- the purchase is not the goal

# Acquiring, choosing or bringing the system into use ...
_ACQUIRE = re.compile(
    r"\b(?:aanschaf(?:fen)?|aan\s+te\s+schaffen|verwerv\w*|te\s+verwerven|inkoop|inkopen|in\s+te\s+kopen|aanbesteden|aan\s+te\s+besteden"
    r"|selecter\w*|te\s+selecteren|selectie\s+van|contracter\w*|te\s+contracteren|(?:te\s+)?kiezen|keuze\s+(?:voor|van)"
    r"|(?:te\s+)?vinden|(?:af)?sluiten\s+van|(?:te\s+)?(?:af)?sluiten|gunn(?:en|ing)\s+(?:van|aan)|gegund|implementer\w*|te\s+implementeren"
    r"|implementatie\s+van|invoer(?:en|ing)\s+van|in\s+te\s+voeren|in\s+gebruik\s+(?:te\s+)?(?:nemen|name|genomen)|ingebruikname"
    r"|live\s+(?:te\s+)?(?:gaan|gaat|zijn|is|staan|staat)|livegang|go-live|vervang(?:en|ing)|vervangt|te\s+vervangen"
    r"|in\s+productie)\b",
    re.I)
# ... the system, a supplier or a contract ...
_SYSTEM = re.compile(
    r"\b(?:LMS|LXP|leerplatform\w*|leeromgeving\w*|leermanagementsysteem|leer\w*systeem|[\w-]*systeem|platform|oplossing"
    r"|applicatie|software|pakket|(?:SaaS[-\s]?)?dienst|SaaS\w*|tool|leverancier|partner|opdrachtnemer|dienstverlener"
    r"|(?:raam)?overeenkomst|contract)\b",
    re.I)
# ... and nothing about what the organisation achieves with it.
_BEYOND = re.compile(
    r"\b(?:zodat|opdat|teneinde|waarmee|waardoor|waarbij\s+\w+\s+(?:kunnen|kan|zullen)|met\s+als\s+(?:doel|resultaat)"
    r"|om\s+(?:\w+\s+){1,10}?te\s+\w+|ten\s+behoeve\s+van|ter\s+(?:ondersteuning|verbetering|bevordering)\s+van"
    r"|bij(?:draagt|dragen|drage)\s+aan|leidt\s+tot|leiden\s+tot|resulteert|verbeter\w*|verhog\w*|verlag\w*|verminder\w*"
    r"|vergro\w*|stijg\w*|daal\w*|medewerkers\s+(?:\w+\s+){0,3}?(?:kunnen|volgen|vinden|hebben|leren|ontwikkelen))\b"
    r"|\d+\s*(?:%|procent)",
    re.I)


def _acquisition_only(text: str) -> bool:
    return bool(_ACQUIRE.search(text) and _SYSTEM.search(text) and not _BEYOND.search(text))


@register("doel_is_aanschaf")
def goal_is_purchase(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Goals that are only the purchase, the selection or the go-live of the system, with no goal
    of the organisation next to them."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    goals = per_bundle(unit, "goal-statements", lambda: goal_statements(bundle))
    if not goals or not all(_acquisition_only(text) for _, _, _, text in goals):
        return
    first = goals[0]
    if first[0] is not doc:
        return  # reported once, in the document that states the (first) goal
    yield Hit(first[1], first[2])


# ---------------------------------------------------------------- strategic and operational goals

_LEVELS = re.compile(
    r"strateg\w*|operatione\w*|tactisch\w*|hoofddoel\w*|subdoel\w*|deeldoel\w*|(?:lange|korte|middellange)[-\s]+termijn\w*"
    r"|langetermijn\w*|kortetermijn\w*|organisatiedoel\w*|beleidsdoel\w*|projectdoel\w*|(?:afgeleide|concrete)\s+doel\w*"
    r"|doelenboom|(?:missie|visie)\s+(?:en|&)\s+(?:doelen|ambitie)",
    re.I)


@register("doelen_niet_gescheiden", minimum=Option(int, default=3, doc="vanaf zoveel doelen geeft de regel een melding"))
def goals_not_separated(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A doelstelling part with several goals, concrete ones and long-term aims mixed, that does not
    tell strategic from operational goals."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    parts = [(d, s) for d in bundle if d.role in _GOAL_ROLES for s in d.sections
             if s.kind == "doelstelling" and s.heading is not None and (s.parent is None or s.parent.kind != "doelstelling")]
    if not parts or parts[0][0] is not doc:
        return
    goals = [g for g in per_bundle(unit, "goal-statements", lambda: goal_statements(bundle)) if any(g[0] is d and s.start <= g[1] < s.end for d, s in parts)]
    if len(goals) < options["minimum"]:
        return
    if any(_LEVELS.search(d.clean(s.start, s.end)) for d, s in parts):
        return
    # mixed: concrete goals (a number or a date) next to long-term aims without either; a list of
    # only concrete or only vague goals mixes nothing (vague goals: smart.doel-niet-smart)
    concrete = [bool(_MEASURE.search(text) or _TIME.search(text)) for _, _, _, text in goals]
    if all(concrete) or not any(concrete):
        return
    head = parts[0][1].heading
    yield Hit(head.content.start, head.content.end, data={"aantal": str(len(goals))})
