"""Tender Dutch for the tokenizer and the entity ruler, kept in one place.

Used when training the shipped pipeline (so it learns on the same tokens) and when loading any
pipeline. spaCy is imported inside the functions: importing this module stays cheap.
"""

from __future__ import annotations

from eislint.dutch.vocabulary import MONTHS

# Abbreviations the default Dutch tokenizer splits ("incl" + "."); each must stay one token so the
# sentence splitter and the parser do not see a sentence end.
ABBREVIATIONS = (
    "incl.",
    "excl.",
    "m.u.v.",
    "i.o.m.",
    "t.z.t.",
    "z.o.z.",
    "vgl.",
    "zgn.",
    "afd.",
    "mln.",
    "mld.",
    "jl.",
    "Incl.",
    "Excl.",
    "Vgl.",
    "Zgn.",
    "Afd.",
)

_NUM = r"^\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:,-)?$|^\d+(?:,\d+)?$"
_UNITS_TIME = [
    "seconde",
    "seconden",
    "minuut",
    "minuten",
    "uur",
    "uren",
    "dag",
    "dagen",
    "werkdag",
    "werkdagen",
    "week",
    "weken",
    "maand",
    "maanden",
    "jaar",
    "jaren",
    "kwartaal",
    "kwartalen",
]

ENTITY_PATTERNS: list[dict] = [
    # money: "€ 250.000,-", "€250.000", "EUR 1,5 mln", "1.000 euro"
    {
        "label": "MONEY",
        "pattern": [
            {"TEXT": {"IN": ["€", "EUR"]}},
            {"TEXT": {"REGEX": _NUM}},
            {"LOWER": {"IN": ["mln", "mln.", "miljoen", "duizend"]}, "OP": "?"},
        ],
    },
    {"label": "MONEY", "pattern": [{"TEXT": {"REGEX": r"^€\d[\d.,]*-?$"}}]},
    {
        "label": "MONEY",
        "pattern": [
            {"TEXT": {"REGEX": _NUM}},
            {"LOWER": {"IN": ["mln", "mln.", "miljoen"]}, "OP": "?"},
            {"LOWER": {"IN": ["euro", "eur"]}},
        ],
    },
    # percentages and ratios: "99,9%", "30 procent", "30/70"
    {"label": "PERCENT", "pattern": [{"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)?%$"}}]},
    {"label": "PERCENT", "pattern": [{"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)?$"}}, {"LOWER": {"IN": ["%", "procent"]}}]},
    {"label": "PERCENT", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}$"}}]},
    # durations: "binnen 12 maanden", "3 jaar", "vier uur"
    {
        "label": "DURATION",
        "pattern": [
            {"LOWER": {"IN": ["binnen", "na", "uiterlijk", "maximaal"]}, "OP": "?"},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": _UNITS_TIME}},
        ],
    },
    # dates: "1 januari 2027", "01-04-2026", "Q3 2026", "eind 2027"
    {
        "label": "DATE",
        "pattern": [
            {"TEXT": {"REGEX": r"^\d{1,2}$"}},
            {"LOWER": {"IN": list(MONTHS)}},
            {"TEXT": {"REGEX": r"^(19|20)\d\d$"}, "OP": "?"},
        ],
    },
    {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}-\d{1,2}-(19|20)\d\d$"}}]},
    {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^Q[1-4]$"}}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}]},
    {
        "label": "DATE",
        "pattern": [{"LOWER": {"IN": ["eind", "begin", "medio"]}}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}],
    },
    # norms and frameworks: "ISO 27001", "ISO/IEC 27001:2022", "NEN 7510", "NEN-EN-ISO 9001", "EN 301 549",
    # "WCAG 2.1", "ISAE 3402", "SOC 2", "BIO", "BIO2"
    {
        "label": "NORM",
        "pattern": [
            {"TEXT": {"REGEX": r"^(ISO|ISO/IEC|NEN|NEN-EN|NEN-EN-ISO|NEN-ISO|IEC|ISAE)$"}},
            {"TEXT": {"REGEX": r"^\d{3,5}(?:[-:]\d+)*$"}},
        ],
    },
    {"label": "NORM", "pattern": [{"TEXT": {"REGEX": r"^(ISO|NEN|ISAE)-?\d{3,5}(?:[-:]\d+)*$"}}]},
    {"label": "NORM", "pattern": [{"TEXT": "EN"}, {"TEXT": {"REGEX": r"^\d{3}$"}}, {"TEXT": {"REGEX": r"^\d{3}$"}}]},
    {"label": "NORM", "pattern": [{"TEXT": "WCAG"}, {"TEXT": {"REGEX": r"^\d\.\d$"}, "OP": "?"}]},
    {"label": "NORM", "pattern": [{"TEXT": "SOC"}, {"TEXT": {"IN": ["1", "2"]}}]},
    {"label": "NORM", "pattern": [{"TEXT": {"IN": ["BIO", "BIO2"]}}]},
]


def customize_tokenizer(nlp) -> None:
    """Keep tender abbreviations one token each (idempotent)."""
    from spacy.attrs import ORTH

    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def add_entity_ruler(nlp) -> None:
    """Money, percentages, durations, dates and norms as entities (UD has no named entities)."""
    if "eislint_entities" in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("entity_ruler", name="eislint_entities", config={"overwrite_ents": True})
    ruler.add_patterns(ENTITY_PATTERNS)
