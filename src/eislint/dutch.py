"""Dutch vocabulary shared by the segmenter, the demand analysis and the rules.

One place for the words every stage needs (modal verbs, conjunctions, number words), so the
lists cannot drift apart between modules.
"""

from __future__ import annotations

import re

# Obligation: the buyer demands something.
OBLIGATION_MODALS = ("moet", "moeten", "dient", "dienen", "zal", "zullen")
# Capability or permission: what the solution or a user can do.
CAPABILITY_MODALS = ("kan", "kunnen", "mag", "mogen")
MODALS = OBLIGATION_MODALS + CAPABILITY_MODALS

OBLIGATION_MODAL = re.compile(rf"\b(?:{'|'.join(OBLIGATION_MODALS)})\b", re.I)
ANY_MODAL = re.compile(rf"\b(?:{'|'.join(MODALS)}|wordt\s+verwacht|(?:is|zijn)\s+verplicht)\b", re.I)

# Conjunctions that open a subordinate clause: a modal after one of them belongs to that clause.
SUBORDINATORS = (
    "die", "dat", "welke", "wat", "waarmee", "waarin", "waarop", "waarvan", "waarvoor", "waardoor", "waarbij", "waaruit",
    "zodat", "zodra", "als", "indien", "wanneer", "mits", "tenzij", "om", "omdat", "doordat", "nadat", "voordat",
    "terwijl", "opdat", "teneinde", "hoe", "of", "waar",
)
SUBORDINATOR = re.compile(rf"\b(?:{'|'.join(SUBORDINATORS)})\b", re.I)

# A clause that gives the reason or the intended effect, not the demand itself.
PURPOSE = re.compile(r"(?:,\s*)?\b(?:zodat|opdat|teneinde|omdat|aangezien|doordat|want)\b", re.I)
# Nouns and adjectives after which "om ... te" states what is demanded, not why.
OM_IS_DEMAND = re.compile(
    r"\b(?:mogelijkheid|mogelijkheden|mogelijk|staat|functionaliteit|functie|functies|optie|opties|gelegenheid|ruimte"
    r"|nodig|bedoeld|verplicht|bereid|eenvoudig|makkelijk|gemakkelijk|instaat|toegestaan|geschikt|voorziening|faciliteit"
    r"|manier|wijze|tool|module|knop|interface|ingericht)\s*,?\s*$",
    re.I,
)

NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "twintig": 20,
    "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100, "duizend": 1000,
}


def parse_number(raw: str) -> float:
    """A Dutch number as written in tenders: '1.500.000', '99,5', '2,5', 'drie'."""
    text = raw.strip().lower()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    text = text.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def format_number(value: float, decimals: int | None = None) -> str:
    """Dutch notation: thousands with a period, decimals with a comma (1.500.000; 4,2)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
