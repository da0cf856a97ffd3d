"""Each check type on its own: prepare() and run() on units built from a small text, without the
engine's selection, filtering or stamping."""

from __future__ import annotations

import pytest

from eislint import readers
from eislint.analysis import analyse
from eislint.checks import CHECK_TYPES, Context
from eislint.checks.base import Bundle
from eislint.context import infer as infer_tender
from eislint.engine import build_units
from eislint.loader import validate_options
from eislint.segment import segment
from eislint.tender_context import TenderContext


def _units(text: str, scope: str, nlp=None):
    doc = segment(readers.read_bytes("proef.md", text.encode("utf-8")))
    (analysis,) = analyse([doc], nlp)
    bundle = Bundle([doc])
    units = build_units(doc, analysis, scope)
    for unit in units:
        unit.bundle = bundle
        unit.tender = infer_tender(bundle, TenderContext())
    return units


def _hits(check: str, options: dict, text: str, scope: str = "requirement", nlp=None, annotations=("sents",)):
    check_type = CHECK_TYPES[check]
    ctx = Context(nlp=nlp, tender=TenderContext(), annotations=set(annotations))
    prepared = check_type.prepare(validate_options(check, options), ctx)
    out = []
    for unit in _units(text, scope, nlp):
        out += [(unit.document.text[h.start : h.end], h) for h in check_type.run(prepared, unit, ctx)]
    return out


REQUIREMENTS = "## Eisen\n\nE1. Het LMS is snel.\n\nE2. Het LMS reageert binnen 2 seconden.\n"


def test_lexicon_matches_terms_with_their_fields():
    hits = _hits("lexicon", {"terms": [{"term": "snel", "suggestie": "Noem een tijd."}]}, REQUIREMENTS)
    assert [(m, h.data.get("suggestie")) for m, h in hits] == [("snel", "Noem een tijd.")]


def test_lexicon_unless_and_exceptions():
    assert not _hits("lexicon", {"terms": ["snel"], "unless": ["LMS"]}, REQUIREMENTS)
    assert not _hits("lexicon", {"terms": ["snel"], "exceptions": [r"is snel"]}, REQUIREMENTS)
    assert len(_hits("lexicon", {"terms": ["snel"], "exceptions": [r"zo snel mogelijk"]}, REQUIREMENTS)) == 1


def test_lexicon_needs_lemmas_only_when_it_compares_lemmas():
    lexicon = CHECK_TYPES["lexicon"]
    assert lexicon.annotations_for({"attr": "lemma"}) == {"lemma"}
    assert lexicon.annotations_for({"attr": "lower"}) == set()


def test_regex_match_group_and_replacement():
    hits = _hits("regex", {"patterns": [r"binnen (?P<match>\d+) seconden"], "replacement": "twee"}, REQUIREMENTS)
    assert [(m, h.replacement) for m, h in hits] == [("2", "twee")]


def test_regex_may_match_is_a_cheap_prefilter():
    regex = CHECK_TYPES["regex"]
    prepared = regex.prepare(validate_options("regex", {"patterns": [r"\bsnel\b"]}), None)
    assert regex.may_match(prepared, "Het LMS is snel.")


def test_metric_words_against_a_maximum():
    hits = _hits("metric", {"measure": "words", "max": 5}, REQUIREMENTS)
    assert [h.data["waarde"] for _, h in hits] == ["6"]  # "E1. Het LMS reageert binnen 2 seconden." is 6 words


def test_metric_award_weights_that_do_not_add_up():
    text = "## Gunning\n\n- Kwaliteit: 60%\n- Prijs: 30%\n"
    hits = _hits("metric", {"measure": "award_weights", "equals": "doel"}, text, scope="section")
    assert [(h.data["waarde"], h.data["doel"], h.data["onderdelen"]) for _, h in hits] == [("90", "100", "60 + 30")]
    assert not _hits("metric", {"measure": "award_weights", "equals": "doel"}, text.replace("30%", "40%"), "section")


def test_required_reports_a_missing_section_once():
    text = "# PvE\n\n## Eisen\n\nE1. Het LMS is snel.\n"
    hits = _hits("required", {"sections": ["gunning"]}, text, scope="document")
    assert len(hits) == 1 and "ontbreekt" in hits[0][1].data
    assert not _hits("required", {"sections": ["eisen"]}, text, scope="document")


def test_required_only_if_limits_where_it_applies():
    text = "# PvE\n\n## Eisen\n\nE1. Het LMS is snel.\n"
    assert not _hits("required", {"patterns": ["exitplan"], "only_if": ["persoonsgegevens"]}, text, "document")
    assert _hits("required", {"patterns": ["exitplan"], "only_if": ["LMS"]}, text, "document")


def test_python_runs_the_module_named_by_the_rule_id():
    options = CHECK_TYPES["python"].bind({"options": {}}, "eisen.dubbele-spatie")
    hits = _hits("python", options, "## Eisen\n\nE1. Het LMS is  snel.\n")
    assert [(m, h.replacement) for m, h in hits] == [("  ", " ")]


def test_python_refuses_an_id_without_module_and_unknown_options():
    python = CHECK_TYPES["python"]
    assert python.validate({"rule": "eisen.bestaat-niet", "options": {}})[0][0] == "check"
    errors = python.validate({"rule": "smart.doelen-niet-gescheiden", "options": {"maximum": 3}})
    assert errors == [("options", "onbekende optie 'maximum' voor regel 'smart.doelen-niet-gescheiden'")]
    assert python.validate({"rule": "smart.doelen-niet-gescheiden", "options": {"minimum": "drie"}})


def test_meta_yields_nothing_itself_and_belongs_to_the_meta_pack():
    meta = CHECK_TYPES["meta"]
    assert meta.packs == ("meta",)
    assert not _hits("meta", {}, REQUIREMENTS)


@pytest.fixture(scope="module")
def nlp():
    from eislint.nlp import load

    return load(None)


def test_pattern_matches_on_the_parse(nlp):
    from eislint.nlp import pipeline_annotations

    options = {"patterns": [[{"LOWER": "het"}, {"LOWER": "lms"}, {"LEMMA": "zijn"}]]}
    assert CHECK_TYPES["pattern"].annotations_for(validate_options("pattern", options)) == {"lemma"}
    hits = _hits("pattern", options, REQUIREMENTS, nlp=nlp, annotations=pipeline_annotations(nlp))
    assert [m for m, _ in hits] == ["Het LMS is"]
