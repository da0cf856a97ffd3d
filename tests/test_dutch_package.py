"""eislint.dutch: the one place for Dutch words and numbers, read and written."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from eislint import dutch
from eislint.dutch import numbers, output, statements, vocabulary

SRC = Path(dutch.__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.500.000", 1_500_000),
        ("99,5", 99.5),
        ("2,5", 2.5),
        ("drie", 3),
        (" Twaalf ", 12),
        ("één", 1),
        ("12.000", 12_000),
        ("1.000,50", 1000.5),
        ("2.5", 2.5),
        ("40", 40),
        ("1 500", 1500),
    ],
)
def test_parse_number(raw, value):
    assert numbers.parse_number(raw) == value


def test_parse_number_refuses_what_is_no_number():
    with pytest.raises(ValueError):
        numbers.parse_number("veel")


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1_500_000, None, "1.500.000"),
        (4.25, None, "4,2"),
        (4.0, None, "4"),
        (12.5, 2, "12,50"),
        (0.5, None, "0,5"),
        (131_072, None, "131.072"),
    ],
)
def test_getal(value, decimals, text):
    assert numbers.getal(value, decimals) == text


def test_bedrag():
    assert numbers.bedrag(1_500_000) == "€ 1.500.000"
    assert numbers.bedrag(12.5) == "€ 12,50"


def test_words_regex_matches_whole_words_only():
    pattern = re.compile(vocabulary.words_regex(vocabulary.MODALS), re.I)
    assert pattern.search("De leverancier Moet leveren").group(1) == "Moet"
    assert pattern.search("de moetjes") is None
    assert vocabulary.words_regex(("a", "b"), group=False) == r"\b(?:a|b)\b"


def test_modal_forms_cover_every_modal():
    forms = {w for pair in vocabulary.MODAL_FORMS.values() for w in pair}
    assert forms == set(vocabulary.MODALS)
    assert set(vocabulary.OBLIGATION_MODALS) | set(vocabulary.CAPABILITY_MODALS) == set(vocabulary.MODALS)


def test_number_words_are_consistent():
    assert vocabulary.NUMBER_WORDS["twaalf"] == 12 and vocabulary.NUMBER_WORDS["een"] == 1
    pattern = re.compile(rf"^(?:{vocabulary.NUMBER_WORD_PATTERN})$")
    assert all(pattern.match(word) for word in vocabulary.NUMBER_WORDS)


def test_statements():
    assert statements.is_statement("De oplossing biedt een overzicht van de voortgang.")
    assert statements.is_statement("Als beheerder wil ik rollen toekennen.")
    assert not statements.is_statement("Dit hoofdstuk beschrijft de aanleiding.")
    assert statements.BUYER_SUBJECT.match("De gemeente stelt de planning vast.")


def test_output_words():
    assert output.aantal(1, "document") == "1 document"
    assert output.aantal(1200, "eis") == "1.200 eisen"
    assert output.meervoud("bekende melding", 2) == "bekende meldingen"
    assert output.opsomming(["a", "b", "c"]) == "a, b en c"
    assert output.ernst_telling({"error": 3, "warning": 1}) == "3 fouten, 1 waarschuwing en 0 adviezen"


def test_the_package_exports_its_submodules_names():
    for name in dutch.__all__:
        assert getattr(dutch, name) is not None


def _literal_sets(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and node.keys:
            yield {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            yield {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}


def test_no_module_outside_dutch_keeps_its_own_word_lists():
    """Number words and modal verbs are listed once, in eislint.dutch.vocabulary: a copy elsewhere
    drifts (the team counted five copies of the modals and three of the number words)."""
    numbers_words = {"twee", "drie", "vier", "vijf"}
    modals = {"moet", "moeten", "kan", "kunnen"}
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.parent.name == "dutch":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for words in _literal_sets(tree):
            if numbers_words <= words or modals <= words:
                offenders.append(str(path.relative_to(SRC)))
        source = path.read_text(encoding="utf-8")
        if re.search(r"moet\|moeten\|dient\|dienen\|zal\|zullen\|kan\|kunnen", source):
            offenders.append(f"{path.relative_to(SRC)} (modal regex)")
    assert not offenders, offenders
