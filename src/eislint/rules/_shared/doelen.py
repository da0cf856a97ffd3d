"""Functions that judge the tender's goals as a set: a goal that is only the purchase or the go-live
of the system, and goals with no distinction between strategic and operational.

A goal statement is a sentence of the doelstelling part (segment.py keeps the 'doelen' of an SLA or
of the document itself out of it), or anywhere a sentence that states the aim of the tender ("Het
doel van deze aanbesteding is ..."). Both functions judge the bundle and report once.

Helpers shared by more than one rule module."""

from __future__ import annotations

import re

from eislint.document import Document
from eislint.dutch.vocabulary import MONTH

# The roles whose goals are the tender's own (the aims of an SLA or a contract are not).
GOAL_ROLES = ("leidraad", "pve", "overig")


AIM_OF_TENDER = re.compile(
    r"\b(?:het\s+)?doel(?:stelling)?\s+van\s+(?:deze|de|dit)\s+(?:aanbesteding|opdracht|inkoop\w*|procedure|traject|project)\s+(?:is|zijn|bestaat)\b",
    re.I,
)


# A lead-in or a sentence about the document, not a goal.
NOT_A_GOAL = re.compile(
    r"^\W*(?:(?:in\s+)?(?:dit|deze)\s+(?:hoofdstuk|paragraaf|document|bijlage)|hieronder|hierna|onderstaand\w*"
    r"|(?:de|onze)\s+(?:\w+\s+)?(?:doelen|doelstellingen)\s+(?:zijn|luiden)(?:\s+als\s+volgt)?\s*:?\s*$)|:\s*$",
    re.I,
)


SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def goal_statements(bundle: list[Document]) -> list[tuple[Document, int, int, str]]:
    """(document, start, end, text) of every goal statement in the bundle, in reading order."""
    out = []
    for doc in bundle:
        if doc.role not in GOAL_ROLES:
            continue
        for block in doc.blocks:
            if block.kind not in ("paragraph", "list_item", "table_row"):
                continue
            section = doc.section_at(block.start)
            in_goals = section is not None and section.kind == "doelstelling"
            text = doc.clean(block.content.start, block.content.end)
            for m in SENTENCE.finditer(text):
                sentence = m.group(0).strip()
                if len(sentence.split()) < 4 or NOT_A_GOAL.search(sentence):
                    continue
                if in_goals or AIM_OF_TENDER.search(sentence):
                    start = block.content.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                    out.append((doc, start, start + len(sentence), sentence))
    return out


# What makes a goal measurable or timed (SMART): shared by the goal rules.
NUMBER_WORD = r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|helft|kwart|driekwart|derde|verdubbel\w*|halver\w*)"


MEASURE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|procent|punten|keer|x\b|medewerkers|gebruikers|deelnemers|uur|uren|minuten|cursussen|trainingen|e-learnings|certificaten|euro|€)"
    r"|€\s*\d|\b(?:score|cijfer|rapportcijfer|NPS|SUS)\b[^.]{0,20}\d|\b\d+(?:[.,]\d+)?\b"
    rf"(?!\s*{MONTH})(?<!\b(?:19|20)\d\d)"
    rf"|\b{NUMBER_WORD}\s+(?:procent|keer|van\s+de|op\s+de|medewerkers|kwart)\b|\b(?:verdubbel\w*|halver\w*)\b|\b(?:de\s+)?(?:helft|driekwart)\b|\bkwart\b|\b(?:alle|iedere|elke)\s+(?!keer\b)\w{{3,}}"
    rf"|\b{NUMBER_WORD}\s+(?:werkdag\w*|dag\w*|uur|uren|weken|maanden|minuten|seconden)\b",
    re.I,
)


TIME = re.compile(
    rf"\b(?:\d{{1,2}}\s+{MONTH}(?:\s+(?:19|20)\d\d)?"
    r"|\d{1,2}-\d{1,2}-(?:19|20)\d\d|Q[1-4]\s*(?:19|20)\d\d|(?:eerste|tweede|derde|vierde)\s+kwartaal|(?:eind|begin|medio|uiterlijk|voor|vóór|in|per)\s+(?:19|20)\d\d"
    rf"|binnen\s+(?:\d+|{NUMBER_WORD})\s+(?:werkdagen|werkdag|dagen|dag|weken|week|maanden|maand|jaar|jaren)|(?:na|binnen\s+\w+\s+na)\s+(?:de\s+)?(?:livegang|ingebruikname|implementatie|start)"
    r"|per\s+(?:jaar|kwartaal|maand)|jaarlijks|elk\s+(?:jaar|kwartaal)|ieder\s+(?:jaar|kwartaal)|in\s+(?:het\s+)?(?:eerste|tweede)\s+(?:contract)?jaar|(?:19|20)\d\d)\b",
    re.I,
)
