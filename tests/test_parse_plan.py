"""Annotate on demand: the enabled rules decide which components run and on which blocks; a
block outside the plan is parsed when a rule reads it after all; findings never depend on it."""

from __future__ import annotations

from conftest import lint_text
from eislint.analysis import analyse
from eislint.loader import all_rules
from eislint.parseplan import ParsePlan, plan, reads
from eislint.segment import segment

TENDER = """# Programma van Eisen

## 1. Aanleiding

De gemeente gebruikt sinds 2017 een verouderd leerplatform dat niet meer wordt ondersteund.

## 2. Eisen

E1. Het LMS moet gebruiksvriendelijk zijn en koppelt met het HR-systeem.

E2. De Opdrachtnemer levert binnen 5 werkdagen een oplossing.
"""


def _rules(*ids):
    return [r for r in all_rules() if r.id in ids]


def test_default_rules_parse_requirements_only_and_never_run_the_entity_ruler():
    from eislint import nlp

    default = plan(all_rules())
    assert not default.everywhere and default.requirements
    assert "ents" not in default.annotations and {"pos", "dep"} <= default.annotations
    disabled = default.disabled(nlp.load(None))
    assert any("entit" in name for name in disabled)
    assert "parser" not in disabled


def test_a_lemma_rule_alone_needs_no_parser_nor_morphologizer():
    from eislint import nlp

    pipeline = nlp.load(None)
    only = plan(_rules("eisen.ui-element"))
    assert only.annotations == {"lemma"}
    disabled = only.disabled(pipeline)
    assert "parser" in disabled and "morphologizer" in disabled
    assert "trainable_lemmatizer" not in disabled and "tok2vec" not in disabled


def test_what_rules_read_is_found_from_their_check_type_and_module():
    by_id = {r.id: r for r in all_rules()}
    assert reads(by_id["eisen.samengesteld"]) == (True, True)  # declares pos, dep; reads the demand
    assert reads(by_id["eisen.vage-term"]) == (False, True)  # lexicon with in_demand
    assert reads(by_id["eisen.ui-element"]) == (True, False)  # a pattern rule
    assert reads(by_id["contract.verlenging-niet-jaarlijks"]) == (False, False)


def test_a_block_outside_the_plan_is_parsed_when_read():
    from eislint import nlp
    from eislint.readers import read_bytes

    pipeline = nlp.load(None)
    doc = segment(read_bytes("pve.md", TENDER.encode(), ".md"))
    nothing = ParsePlan(annotations=frozenset({"pos"}), everywhere=False)
    (analysis,) = analyse([doc], pipeline, plan=nothing)
    assert all(u.doc is None and u.lazy for u in analysis.units)
    start = doc.text.index("De gemeente")
    assert analysis.sentences(0, len(doc.text))  # sentences come from our splitter: nothing parsed
    assert all(u.doc is None for u in analysis.units)
    tokens = analysis.tokens(start, start + 11)
    assert [t.text for t in tokens] == ["De", "gemeente"] and tokens[0].pos_
    assert sum(u.doc is not None for u in analysis.units) == 1


def test_identical_blocks_keep_their_own_parse_from_the_cache():
    from eislint import nlp
    from eislint.readers import read_bytes

    pipeline = nlp.load(None)
    text = "## Eisen\n\nE1. Het systeem moet snel zijn.\n\nE2. Het systeem moet snel zijn.\n"
    for _ in range(2):  # the second time both come from the cache of this process
        doc = segment(read_bytes("pve.md", text.encode(), ".md"))
        (analysis,) = analyse([doc], pipeline)
        docs = [u.doc for u in analysis.units if "snel" in u.text]
        assert len(docs) == 2 and docs[0] is not docs[1]
        offsets = [analysis.token_offset(d[0]) for d in docs]
        assert offsets[0] != offsets[1]


def test_findings_do_not_depend_on_the_plan():
    rules = ["eisen.samengesteld", "eisen.geen-toetsbare-eis", "eisen.ui-element"]  # each loads the pipeline
    together = lint_text(TENDER, select=rules).findings
    alone = [f for r in rules for f in lint_text(TENDER, select=[r]).findings]
    key = lambda f: (f.rule, f.line, f.column, f.message)  # noqa: E731
    assert sorted(map(key, together)) == sorted(map(key, alone))


def test_the_section_index_answers_as_section_at():
    from conftest import ROOT
    from eislint.config import load_config
    from eislint.engine import Report as _Report
    from eislint.engine import RunOptions, collect, read_documents
    from eislint.sectionindex import SectionIndex

    report = _Report()
    files = collect(
        [str(ROOT / "corpora" / "lms-gemeente-dijkwater"), str(ROOT / "corpora" / "lms-waterschap-lingemond")], report
    )
    config = load_config(None, all_rules())
    for doc in (segment(d) for d in read_documents(files, config, RunOptions(), None, report)):
        index = SectionIndex(doc.sections)
        offsets = [*range(0, len(doc.text) + 2, 7), *(p for s in doc.sections for p in (s.start, s.end - 1, s.end))]
        assert all(index.at(o) is doc.section_at(o) for o in offsets)
