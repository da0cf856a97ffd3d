"""Dutch for the text people read: singular and plural, lists, severities, kinds and scopes.

One place for it, so every report writes '1 document', '3 fouten en 1 waarschuwing' the same
way (numbers and amounts: eislint.dutch.numbers). Machine formats (JSON, SARIF, ...) keep their
own English keys and plain numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from eislint.dutch.numbers import bedrag, getal

__all__ = [
    "APPLICABILITY_WORDS",
    "KIND_WORDS",
    "SCOPE_WORDS",
    "SEVERITY_PLURALS",
    "SEVERITY_WORDS",
    "aantal",
    "bedrag",
    "ernst",
    "ernst_telling",
    "getal",
    "meervoud",
    "opsomming",
]

# Nouns the reports count. Singular -> plural; `aantal()` picks one.
_PLURALS = {
    "document": "documenten",
    "taalanalyse": "taalanalyses",
    "opgeslagen uitkomst": "opgeslagen uitkomsten",
    "melding": "meldingen",
    "bundel": "bundels",
    "worker": "workers",
    "fout": "fouten",
    "waarschuwing": "waarschuwingen",
    "advies": "adviezen",
    "eis": "eisen",
    "wens": "wensen",
    "doel": "doelen",
    "knock-outeis": "knock-outeisen",
    "te ontwikkelen eis": "te ontwikkelen eisen",
    "geschiktheidseis": "geschiktheidseisen",
    "contractbepaling": "contractbepalingen",
    "regel": "regels",
    "opmerking": "opmerkingen",
    "bestand": "bestanden",
    "verbetering": "verbeteringen",
    "keer": "keer",
    "onderdeel": "onderdelen",
    "hoofdstuk": "hoofdstukken",
    "plek": "plekken",
}

# Requirement kinds (document.REQUIREMENT_KINDS) as a reader names them.
KIND_WORDS = {
    "eis": "eis",
    "knock-out": "knock-outeis",
    "wens": "wens",
    "doel": "doel",
    "te-ontwikkelen": "te ontwikkelen eis",
    "selectie": "geschiktheidseis",
    "bepaling": "contractbepaling",
}

SEVERITY_WORDS = {"error": "fout", "warning": "waarschuwing", "info": "advies"}
SEVERITY_PLURALS = {"error": "fouten", "warning": "waarschuwingen", "info": "adviezen"}

# Scope of a rule, as `eislint explain` and docs/rules.md name it.
SCOPE_WORDS = {
    "document": "document",
    "section": "hoofdstuk",
    "requirement": "eis",
    "paragraph": "alinea",
    "sentence": "zin",
}
# How safe an automatic correction is.
APPLICABILITY_WORDS = {"safe": "veilig", "unsafe": "onveilig", "display-only": "alleen ter inzage"}


def meervoud(word: str, count: int) -> str:
    """`word` in the form that goes with `count` ('1 document', '2 documenten')."""
    if count == 1:
        return word
    if word in _PLURALS:
        return _PLURALS[word]
    head, _, last = word.rpartition(" ")  # 'bekende melding' -> 'bekende meldingen'
    return f"{head} {_PLURALS.get(last, last)}" if head else word


def aantal(count: int, word: str) -> str:
    """'1 document', '0 meldingen', '1.200 eisen'."""
    return f"{getal(count)} {meervoud(word, count)}"


def opsomming(items: Iterable[str], en: str = "en") -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {en} {items[-1]}"


def ernst(label: str, count: int = 1) -> str:
    """The Dutch word for a severity label ('warning' -> 'waarschuwing', plural for count != 1)."""
    return (SEVERITY_WORDS if count == 1 else SEVERITY_PLURALS)[label]


def ernst_telling(by_severity: dict[str, int]) -> str:
    """'3 fouten, 1 waarschuwing en 0 adviezen'."""
    return opsomming(
        [f"{getal(by_severity.get(k, 0))} {ernst(k, by_severity.get(k, 0))}" for k in ("error", "warning", "info")]
    )
