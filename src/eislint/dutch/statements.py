"""What makes a statement a requirement: an obligation, a capability of what is bought, a user
story, a service norm, or the supplier doing something; and who the subject is (buyer or supplier)."""

from __future__ import annotations

import re

from eislint.dutch.vocabulary import NUMBER_WORDS

_STATEMENT_MODAL = re.compile(
    r"\b(moet|moeten|dient|dienen|zal|zullen|wordt\s+verwacht|is\s+verplicht|beschikt\s+over|biedt|ondersteunt)\b",
    re.I,
)
# What makes a statement a requirement in a requirement-bearing part of a PvE, SLA or DAP: an
# obligation ("moet", "dient", "garandeert", "draagt zorg voor", "voldoet aan", "levert"), a
# capability of what is bought ("De oplossing biedt/kan/ondersteunt ...", "Het is mogelijk om"),
# or a user story ("Als beheerder wil ik ...").
_OBLIGATION_WORD = re.compile(
    r"\b(moet|moeten|dient|dienen|zal|zullen|wordt\s+verwacht|(?:is|zijn)\s+verplicht|beschikt|beschikken\s+over"
    r"|garandeert|garanderen|draagt|dragen|zorgt|zorgen|levert|leveren|voldoet|voldoen|verplicht\s+zich"
    r"|verplichten\s+zich|(?:is|zijn)\s+(?:het\s+)?mogelijk|(?:is|zijn)\s+in\s+staat)\b",
    re.I,
)
SUPPLIER_SUBJECT = re.compile(
    r"^\s*(?:(?:de|het)\s+)?(?:(?:aangeboden|te\s+leveren|nieuwe)\s+)?(?:oplossing|applicatie|systeem|tool|software|dienst(?:verlening)?"
    r"|leverancier|opdrachtnemer|inschrijver|gegadigde|aanbieder|dienstverlener|verwerker|platform|pakket|product|portaal"
    r"|omgeving|module|\w+systeem|\w+applicatie"
    r"|\w+oplossing|\w+platform|lms|saas-dienst)\b\s+(?!\w+\s*:|mag\b|mogen\b)\w+",
    re.I,
)
# A service level stated as a bound ("duurt ten hoogste acht uur", "binnen 4 uur", "minimaal 99,5%"):
# in an SLA or DAP that is a norm the supplier is held to, whatever the sentence's subject.
SERVICE_NORM = re.compile(
    rf"\b(?:ten\s+hoogste|ten\s+minste|maximaal|minimaal|uiterlijk|binnen|niet\s+meer\s+dan|niet\s+minder\s+dan)\s+"
    rf"(?:\d+(?:[.,]\d+)?|{'|'.join(NUMBER_WORDS)})\s*(?:%|procent|seconden?|minuten|minuut|uur|uren|werkdag(?:en)?"
    rf"|kalenderdag(?:en)?|dag(?:en)?|weken|week|maand(?:en)?|kwartaal|jaar)\b",
    re.I,
)
# The buyer's side as the subject: its own obligations are no requirement on the supplier.
BUYER_SUBJECT = re.compile(
    r"^\s*(?:(?:de|het)\s+)?(?:opdrachtgever|aanbestedende\s+dienst|gemeente|provincie|waterschap|omgevingsdienst"
    r"|veiligheidsregio|ministerie|organisatie|medewerkers|gebruikers)\b",
    re.I,
)
_USER_STORY = re.compile(r"^\s*als\s+[^,.]{2,80}?\s+wil\s+ik\b", re.I)


# The supplier as the subject after a fronted part: "Bij beëindiging werkt Opdrachtnemer mee",
# "Haalt Opdrachtnemer de norm niet, dan ...". The word before it is then the finite verb, not a
# preposition, article, conjunction or subordinator ("de servicedesk van Opdrachtnemer").
_SUPPLIER_NOUN = re.compile(
    r"\b(?P<before>\w+)\s+(?:de\s+)?(?:opdrachtnemer|leverancier|inschrijver|gegadigde|dienstverlener)\b(?=\s+\w)", re.I
)
_NOT_A_VERB = frozenset(
    """
    van aan door met voor bij op tot naar om in uit over onder tegen tussen zonder via per na binnen buiten namens
    de het een en of maar dan dat die dit deze als wanneer indien nadat voordat omdat zodat waarmee waarin waarbij
    waarvoor waardoor welke wie wat elke iedere alle geen zijn haar hun is zijn wordt worden
""".split()
)


def _supplier_inverted(text: str) -> bool:
    if BUYER_SUBJECT.match(text):
        return False  # "De gemeente stelt Opdrachtnemer in de gelegenheid": the supplier is the object
    head = re.split(r"[.;:]", text, maxsplit=1)[0]
    for m in _SUPPLIER_NOUN.finditer(head):
        before = m.group("before").lower()
        if before not in _NOT_A_VERB and not before.isdigit() and m.start() < 100:
            return True
    return False


def is_statement(text: str) -> bool:
    """An obligation, a capability of what is bought, a user story, or what the supplier does."""
    return bool(
        _STATEMENT_MODAL.search(text)
        or _OBLIGATION_WORD.search(text)
        or SUPPLIER_SUBJECT.match(text)
        or _USER_STORY.match(text)
        or _supplier_inverted(text)
    )
