"""smart.doel-niet-smart: A goal statement without a measurable target, a time bound or a concrete subject.

A vague goal (a direction without a target, an evaluative word, an open subject, no verb) is a
warning; a target without a date is advice; a concrete goal without a number is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.dutch.output import opsomming
from eislint.rules._shared.doelen import MEASURE, TIME

_AIM = re.compile(
    r"^(?:(?:onze|de)\s+)?(?:(?:het|ons)\s+doel\s+(?:is|van\s+\w+(?:\s+\w+)?\s+is)\s+(?:om\s+|dat\s+)?|doelstelling\s+is\s+(?:om\s+|dat\s+)?"
    r"|(?:wij|we|de\s+gemeente|de\s+organisatie)\s+(?:willen|wil|streven\s+(?:er)?naar|beogen|beoogt)\s+(?:om\s+|dat\s+)?"
    r"|(?:dit|de\s+aanbesteding|het\s+nieuwe\s+\w+)\s+(?:moet|moeten)\s+leiden\s+tot\s+|het\s+doel\s+is\s+)",
    re.I,
)


# Outside a doelstelling section only explicit aims count; "wij willen" there is usually a wish.
_AIM_ANYWHERE = re.compile(
    r"\b(doel\s+(?!van\s+(?:dit|deze)\s+(?:document|sla|dap|dvo|bijlage|overeenkomst|hoofdstuk|paragraaf|leidraad|nota|notitie)\b)(?:van\s+[\w\s]{1,40}\s+)?is|doelstelling\s+is|streven\s+naar|streeft\s+naar|beogen|beoogt|moet\s+leiden\s+tot|heeft\s+als\s+doel)\b",
    re.I,
)


_VAGUE_VERB = re.compile(
    r"\b(verbeter\w*|optimali\w*|stimuler\w*|bevorder\w*|versterk\w*|vergro\w*|verhog\w*|verbred\w*|verbeter|professionaliser\w*|moderniser\w*|faciliter\w*|ondersteun\w*)\b",
    re.I,
)


_VERB_RESULT = (
    (re.compile(r"verbeter|optimali|professionaliser|moderniser", re.I), "verbetert"),
    (re.compile(r"verhog|vergro|versterk|stimuler|bevorder|verbred", re.I), "stijgt"),
    (re.compile(r"verlag|verminder|verkort|beperk", re.I), "daalt"),
)


# What makes a goal vague rather than merely unquantified: a direction without a target, an
# evaluative word, an open subject, or no verb at all ("Monitoring kwaliteit mogelijk").
# A direction without a target ("meer", "daalt", "efficiëntere") makes a goal vague when no
# measure is given; an evaluative word ("goed gebruikt", "optimaal", "modern") or an open
# subject ("andere applicaties die van belang zijn") makes it vague even next to a number.
_GOAL_DIRECTION = re.compile(
    r"\b(?<!niet\s)(?<!geen\s)(?:meer|minder|(?:bet|snell|hog|lag|grot|klein|sterk|kort|lang|bred|vak|hecht|actiev|zichtba)ere?"
    r"|efficiënter\w*|effectiever\w*|betrouwbaarder\w*|duurzamer\w*"
    r"|daalt|dalen|stijgt|stijgen|toeneemt|toenemen|afneemt|afnemen|(?:neemt|nemen)\s+(?:toe|af)|verkort\w*|verminder\w*"
    r"|verlaag\w*|eenvoudiger|makkelijker|facilitering|ondersteuning|verbetering|optimalisatie|professionalisering"
    r"|modernisering|stimulering)\b",
    re.I,
)


_GOAL_VAGUE = re.compile(
    r"\b(?:prima|optimaal|optimale|goed|goede|breed|brede|integraal|integrale|flexibel|flexibele|modern|moderne"
    r"|toekomstbestendig\w*|gebruiksvriendelijk\w*|zo\s*veel\s+mogelijk|zo\s+goed\s+mogelijk|echt\w*"
    r"|andere\s+\w+\s+die\s+van\s+belang|van\s+belang\s+zijn|relevante|diverse|verschillende|etc\.?|e\.d\.)\b",
    re.I,
)


_GOAL_META = re.compile(
    r"^\s*(?:in\s+(?:dit|deze)\s+(?:hoofdstuk|paragraaf|document|bijlage)|hieronder|hierna|de\s+(?:doelen|doelstellingen)\s+zijn"
    r"|onze\s+(?:doelen|doelstellingen)\s+zijn|de\s+doelstelling(?:en)?\s+(?:is|zijn)\s+(?:als\s+)?volgt)\b",
    re.I,
)


def _verbless(unit: Unit) -> bool:
    """No verb outside attributive use: "Facilitering integraal werken ...", "Monitoring kwaliteit mogelijk"."""
    tokens = unit.tokens()
    if not tokens or not tokens[0].doc.has_annotation("POS"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in tokens)


def _template(goal: str, timed: bool, measurable: bool) -> str:
    core = _AIM.sub("", goal.strip().rstrip(".")).strip()
    if core:
        core = core[0].upper() + core[1:]
    verb = _VAGUE_VERB.search(core)
    tail_time = "" if timed else " vóór [datum, bijv. 31 december 2027]"
    if verb and verb.end() >= len(core) - 1:
        subject = core[: verb.start()].strip()
        result = next(
            (word for pattern, word in _VERB_RESULT if pattern.search(verb.group(0))),
            "verandert",
        )
        subject = subject[0].upper() + subject[1:] if subject else "[Wat u meet]"
        return (
            f"{subject} {result} van [nulmeting] naar [doelwaarde met eenheid]{tail_time}, "
            "gemeten met [meetmethode, bijv. de jaarlijkse medewerkerspeiling]."
        )
    parts = []
    if not measurable:
        parts.append("[doelwaarde met eenheid, bijv. 80% van de medewerkers]")
    if not timed:
        parts.append("[datum of termijn, bijv. binnen 12 maanden na livegang]")
    return f"{core}: {', '.join(parts)}, gemeten met [meetmethode]."


_NOT_GOAL_PARTS = ("eisen", "wensen", "gunning", "prijs", "contract", "randvoorwaarden")


def _is_goal(unit: Unit, text: str) -> bool:
    """A statement of a goal: in a goal section or a goal requirement, or an aim stated anywhere
    else outside the parts that hold demands; not a label, a lead-in or a sentence about the document."""
    section = unit.section.kind if unit.section is not None else None
    if section in _NOT_GOAL_PARTS:
        return False
    in_goal_section = section == "doelstelling" or (unit.requirement is not None and unit.requirement.kind == "doel")
    if not in_goal_section and not _AIM_ANYWHERE.search(text):
        return False
    return not (len(text.split()) < 4 or text.endswith(":") or _GOAL_META.match(text))


def _unclear(text: str, measurable: bool) -> re.Match[str] | None:
    """The words that leave the result open: an evaluative word, or without a target a vague verb
    or a mere direction."""
    vague = _VAGUE_VERB.search(text)
    if vague and vague.group(0).lower().startswith("ondersteun"):
        vague = None  # "ondersteunt het proces van X" names a capability, not a direction
    evaluative = _GOAL_VAGUE.search(text)
    return evaluative or (None if measurable else (vague or _GOAL_DIRECTION.search(text)))


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    text = unit.text.strip()
    if not _is_goal(unit, text):
        return
    measurable = bool(MEASURE.search(TIME.sub(" ", text)))
    timed = bool(TIME.search(text))
    unclear = _unclear(text, measurable)
    missing = []
    # nouns, so the message reads 'het mist een doelwaarde ...', never 'het mist meetbaar'
    if not measurable:
        missing.append("een doelwaarde met eenheid (meetbaar)")
    if not timed:
        missing.append("een datum of termijn (tijdgebonden)")
    if unclear:
        missing.append(f"een concreet resultaat (wat verandert er precies door '{unclear.group(0)}'?)")
    if not missing:
        return
    if unclear or (not measurable and _verbless(unit)):
        level = "warning"
    elif measurable and not timed:
        level = "info"  # a target without a date
    else:
        return  # a concrete goal ("Inwoners zien hun dossier in", "vanaf 1 januari ...") without a number
    start = unit.start + (len(unit.text) - len(unit.text.lstrip()))
    yield Hit(
        start,
        start + len(text),
        data={
            "ontbreekt": opsomming(missing),
            "sjabloon": _template(text, timed, measurable),
        },
        level=level,
    )
