"""The Dutch language, in one package: what eislint reads and what it writes.

- `vocabulary`: modal verbs, conjunctions, number words, common abbreviations;
- `numbers`: reading Dutch numbers ('1.500.000', '99,5', 'drie') and writing them ('4,2', '€ 12,50');
- `statements`: what makes a sentence a requirement, and whose (buyer or supplier);
- `output`: plurals, lists and the Dutch words for severities, kinds and scopes in reports.

`from eislint import dutch` gives all of them; import from a submodule where only one is needed.
"""

from __future__ import annotations

from eislint.dutch.numbers import bedrag, getal, kort_getal, parse_number
from eislint.dutch.output import (
    APPLICABILITY_WORDS,
    KIND_WORDS,
    SCOPE_WORDS,
    SEVERITY_PLURALS,
    SEVERITY_WORDS,
    aantal,
    ernst,
    ernst_telling,
    meervoud,
    opsomming,
)
from eislint.dutch.statements import BUYER_SUBJECT, SERVICE_NORM, SUPPLIER_SUBJECT, is_statement
from eislint.dutch.vocabulary import (
    ANY_MODAL,
    CAPABILITY_MODALS,
    COMMON_ABBREVIATIONS,
    MODAL_FORMS,
    MODALS,
    NUMBER_WORD_PATTERN,
    NUMBER_WORDS,
    OBLIGATION_MODAL,
    OBLIGATION_MODALS,
    OM_IS_DEMAND,
    PASSIVE_AUXILIARIES,
    PURPOSE,
    SUBORDINATOR,
    SUBORDINATORS,
    words_regex,
)

__all__ = [
    "ANY_MODAL",
    "APPLICABILITY_WORDS",
    "BUYER_SUBJECT",
    "CAPABILITY_MODALS",
    "COMMON_ABBREVIATIONS",
    "KIND_WORDS",
    "MODALS",
    "MODAL_FORMS",
    "NUMBER_WORDS",
    "NUMBER_WORD_PATTERN",
    "OBLIGATION_MODAL",
    "OBLIGATION_MODALS",
    "OM_IS_DEMAND",
    "PASSIVE_AUXILIARIES",
    "PURPOSE",
    "SCOPE_WORDS",
    "SERVICE_NORM",
    "SEVERITY_PLURALS",
    "SEVERITY_WORDS",
    "SUBORDINATOR",
    "SUBORDINATORS",
    "SUPPLIER_SUBJECT",
    "aantal",
    "bedrag",
    "ernst",
    "ernst_telling",
    "getal",
    "kort_getal",
    "is_statement",
    "meervoud",
    "opsomming",
    "parse_number",
    "words_regex",
]
