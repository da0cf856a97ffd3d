"""Contract terms: the initial term a sentence states and the extension options beside it,
parsed once per unit and shared by the rules that judge them (contract.looptijd-kort,
contract.raamovereenkomst-te-lang) and the helpers contract.verlenging-niet-jaarlijks uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eislint.checks.base import Unit
from eislint.dutch.numbers import getal
from eislint.dutch.vocabulary import NUMBER_WORDS

NUM = r"\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|tien|twaalf"


UNIT = r"jaar|maanden"


DURATION = re.compile(
    rf"(?P<match>(?:(?:initiële|oorspronkelijke|eerste)\s+)?(?:loop|contract)(?:tijd|duur|periode)[^.;]{{0,40}}?(?P<n>{NUM})\s+(?P<u>{UNIT}))"
    rf"|(?P<match2>(?:raam)?(?:overeenkomst|contract)\s+(?:wordt\s+|is\s+)?(?:aangegaan|gesloten|afgesloten)\s+voor\s+"
    rf"(?:(?:de\s+duur|een\s+(?:\w+\s+)?(?:periode|duur|termijn))\s+van\s+)?(?P<n2>{NUM})\s+(?P<u2>{UNIT}))"
    # "wordt voor de duur van twee jaar aangegaan", "heeft een duur van 24 maanden", "loopt twee jaar"
    rf"|(?P<match3>(?:raam)?(?:overeenkomst|contract)\s+(?:(?:wordt|is)\s+voor|(?:heeft|kent)\s+een|loopt|geldt)\s+"
    rf"(?:(?:de\s+duur|een\s+(?:\w+\s+)?(?:periode|termijn)|(?:\w+\s+)?(?:duur|termijn|periode))\s+van\s+|gedurende\s+|voor\s+)?(?P<n3>{NUM})\s+(?P<u3>{UNIT})"
    rf"(?:\s+(?:aangegaan|gesloten|afgesloten))?)",
    re.I,
)


def duration_match(m: re.Match[str]) -> tuple[str, float]:
    """The group that matched and the duration in years."""
    for g, n, u in (
        ("match", "n", "u"),
        ("match2", "n2", "u2"),
        ("match3", "n3", "u3"),
    ):
        if m.group(g):
            return g, to_years(m.group(n), m.group(u))
    return "match", 0.0


# Extension options: "2 keer met 1 jaar", "twee keer een optie tot verlenging van één jaar", "tweemaal met 2 jaar",
# "2 x 1 jaar", "3 verlengingsopties van 1 jaar", "verlengd met maximaal 2 jaar", "verlenging van 12 maanden".
EXTENSION = re.compile(
    rf"\b(?P<k>{NUM})\s*(?:x\b|×|keer\b|maal\b)\s*(?:\w+\s+){{0,6}}?(?P<m>{NUM})\s+(?P<mu>{UNIT})"
    rf"|\b(?P<k2>{NUM})\s+(?:verlengings)?opties?\s+(?:tot\s+verlenging\s+)?(?:van|met)\s+(?:(?:telkens|elk|steeds|maximaal)\s+)?"
    rf"(?P<m2>{NUM})\s+(?P<mu2>{UNIT})"
    rf"|verleng\w*[^.;]{{0,50}}?(?:met|tot|van)\s+(?:(?:in\s+totaal|maximaal|telkens|nog)\s+)*(?P<m3>{NUM})\s+(?:keer\s+)?(?:een\s+)?(?P<mu3>{UNIT})",
    re.I,
)


INCLUDING_OPTIONS = re.compile(
    r"inclusief\s+(?:\w+\s+){0,2}(?:verlengings)?opties|inclusief\s+(?:de\s+)?verlenging",
    re.I,
)


def number_value(raw: str | None) -> int:
    if raw is None:
        return 0
    return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw.lower(), 0)


def to_years(raw: str | None, unit: str | None) -> float:
    n = number_value(raw)
    return n / 12 if unit and unit.lower() == "maanden" else n


def format_years(years: float) -> str:
    return getal(years)


@dataclass(frozen=True, slots=True)
class ContractTerm:
    """An initial contract term stated in a sentence ("De looptijd bedraagt 2 jaar")."""

    start: int  # the statement of the term, in document offsets
    end: int
    years: float  # the initial term
    extension: float  # years of extension options in the same sentence (0 when none, or when included)
    framework: bool  # the document is about a raamovereenkomst
    motivated: bool  # the sentence gives a reason ("vanwege", "omdat", "uitzonderingsgeval")


def contract_terms(unit: Unit) -> list[ContractTerm]:
    """The contract terms in the unit's sentences, parsed once per unit (Unit.shared)."""
    return unit.shared("contract-terms", _parse_terms)


def _parse_terms(unit: Unit) -> list[ContractTerm]:
    terms = []
    # once per document, not per sentence: a search of the whole text for every sentence was n²
    framework = unit.analysis.shared(
        "raamovereenkomst", lambda: bool(re.search(r"raamovereenkomst", unit.document.text, re.I))
    )
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        m = DURATION.search(text)
        if m is None:
            continue
        g, years = duration_match(m)
        start, end = span.start + m.start(g), span.start + m.end(g)
        while start < end and unit.text[start - unit.start].isspace():
            start += 1
        motivated = bool(re.search(r"motiv|uitzonderings?geval|rechtvaardig|vanwege|omdat", text, re.I))
        terms.append(ContractTerm(start, end, years, _extension(text, m.end(g)), framework, motivated))
    return terms


def _extension(text: str, after: int) -> float:
    """Years of extension options stated in the sentence, preferably after the term itself."""
    ext = EXTENSION.search(text, after) or EXTENSION.search(text)
    if ext is None or INCLUDING_OPTIONS.search(text):
        return 0.0
    if ext.group("k"):
        return number_value(ext.group("k")) * to_years(ext.group("m"), ext.group("mu"))
    if ext.group("k2"):
        return number_value(ext.group("k2")) * to_years(ext.group("m2"), ext.group("mu2"))
    return to_years(ext.group("m3"), ext.group("mu3"))
