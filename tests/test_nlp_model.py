"""The shipped Dutch pipeline: loads offline, annotates, tokenises tender Dutch, and keeps its scores."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eislint.nlp_model import PIPELINE_PATH, SCORES_PATH

UD = Path(os.environ.get("EISLINT_UD_DIR", Path(__file__).resolve().parents[2] / "shared" / "ud-dutch"))


@pytest.fixture(scope="module")
def nlp():
    from eislint import nlp as nlp_module

    return nlp_module.load(None)


def test_default_pipeline_is_the_shipped_model(nlp):
    from eislint import nlp as nlp_module

    assert (PIPELINE_PATH / "config.cfg").is_file()
    assert nlp_module.annotations(nlp) >= {"lemma", "pos", "morph", "dep", "sents", "ents"}
    size = sum(p.stat().st_size for p in PIPELINE_PATH.rglob("*") if p.is_file())
    assert size <= 20 * 1024 * 1024


def test_annotates_a_tender_sentence(nlp):
    doc = nlp("De storingen worden door de Opdrachtnemer binnen vier uur opgelost. Het LMS moet SCORM ondersteunen.")
    sents = list(doc.sents)
    assert len(sents) == 2
    by_text = {t.text: t for t in doc}
    assert by_text["opgelost"].pos_ == "VERB" and by_text["storingen"].pos_ == "NOUN"
    assert by_text["worden"].dep_ == "aux:pass"
    assert by_text["Opdrachtnemer"].dep_ == "obl:agent"
    assert by_text["storingen"].lemma_ == "storing"
    assert "Number=Plur" in str(by_text["storingen"].morph)


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Zie art. 2.76 lid 5.", ["Zie", "art.", "2.76", "lid", "5", "."]),
        ("Prijs € 250.000,- incl. btw.", ["Prijs", "€", "250.000,-", "incl.", "btw", "."]),
        ("Eisen KO-3, E1.2 en W-12.", ["Eisen", "KO-3", ",", "E1.2", "en", "W-12", "."]),
        ("Op 01-04-2026 of in Q3 2026.", ["Op", "01-04-2026", "of", "in", "Q3", "2026", "."]),
        ("Dit geldt m.u.v. 99,9% en 30/70.", ["Dit", "geldt", "m.u.v.", "99,9%", "en", "30/70", "."]),
    ],
)
def test_tender_tokenisation(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize(
    "text, label, span",
    [
        ("Het budget is € 250.000,- per jaar.", "MONEY", "€ 250.000,-"),
        ("De beschikbaarheid is 99,9% per maand.", "PERCENT", "99,9%"),
        ("Oplevering binnen 12 maanden na gunning.", "DURATION", "binnen 12 maanden"),
        ("De start is op 1 januari 2027.", "DATE", "1 januari 2027"),
        ("De leverancier voldoet aan ISO 27001 of gelijkwaardig.", "NORM", "ISO 27001"),
        ("Het portaal voldoet aan EN 301 549.", "NORM", "EN 301 549"),
    ],
)
def test_entities(nlp, text, label, span):
    assert (span, label) in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.skipif(not UD.is_dir(), reason="UD Dutch data (../shared/ud-dutch) not present")
def test_scores_do_not_drop_on_ud_test(tmp_path):
    """Re-evaluate the shipped model on the UD 2.16 test files; no score may fall below scores.json."""
    import importlib.util

    import spacy
    from spacy.scorer import Scorer
    from spacy.tokens import DocBin
    from spacy.training import Example

    spec = importlib.util.spec_from_file_location(
        "train_nlp", Path(__file__).resolve().parents[1] / "scripts" / "train_nlp.py"
    )
    train_nlp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_nlp)
    text = "".join(train_nlp.normalise_conllu((UD / rel).read_text(encoding="utf-8")) for rel in train_nlp.TEST_FILES)
    conllu = tmp_path / "raw.conllu"
    conllu.write_text(text, encoding="utf-8")
    spacy_file = train_nlp.convert(conllu, tmp_path, "test")
    nlp = spacy.load(PIPELINE_PATH)
    gold = list(DocBin().from_disk(spacy_file).get_docs(nlp.vocab))
    examples = [Example(nlp(g.text), g) for g in gold]
    scores = Scorer(nlp).score(examples)
    shipped = json.loads(SCORES_PATH.read_text(encoding="utf-8"))["test_combined"]
    got = {
        "pos": scores["pos_acc"],
        "morph": scores["morph_acc"],
        "lemma": scores["lemma_acc"],
        "uas": scores["dep_uas"],
        "las": scores["dep_las"],
        "sents_f": scores["sents_f"],
    }
    for key, value in got.items():
        assert value >= shipped[key] - 0.005, f"{key}: {value:.4f} < {shipped[key]:.4f}"


TENDER_GOLD = Path(__file__).resolve().parent / "data" / "tender_sentences.txt"


def _tender_gold(sep: str) -> tuple[str, set[tuple[int, int]]]:
    """The invented tender text of tests/data/tender_sentences.txt (one sentence per line, blank line =
    paragraph) as one string: sentences joined by `sep`, paragraphs by a blank line; gold = char spans."""
    paras = [
        [line.strip() for line in p.splitlines() if line.strip()]
        for p in TENDER_GOLD.read_text(encoding="utf-8").split("\n\n")
    ]
    text, spans = "", set()
    for i, para in enumerate(p for p in paras if p):
        if i:
            text += "\n\n"
        for j, sent in enumerate(para):
            if j:
                text += sep
            spans.add((len(text), len(text) + len(sent)))
            text += sent
    return text, spans


def _sents_f(nlp, text: str, gold: set[tuple[int, int]]) -> float:
    pred = set()
    for s in nlp(text).sents:
        start = s.start_char + len(s.text) - len(s.text.lstrip())
        end = s.end_char - (len(s.text) - len(s.text.rstrip()))
        if end > start:
            pred.add((start, end))
    tp = len(gold & pred)
    return 0.0 if not tp else 2 * tp / (len(gold) + len(pred))


# Measured on the shipped model (43 gold sentences): parser alone 0.818 (sentences joined by a space) /
# 0.739 (one sentence per line); eislint.nlp.load() with its rule-based boundaries 0.965 / 0.966
# (2026-12-04, model 0.2.0; the first model gave 0.831 / 0.645 and 0.930 / 0.966). The remaining
# errors are an unpunctuated heading run into the next sentence and "Criterium W-12 ...".
@pytest.mark.parametrize("sep, parser_min, eislint_min", [(" ", 0.81, 0.95), ("\n", 0.73, 0.95)])
def test_sentence_boundaries_on_tender_text(nlp, sep, parser_min, eislint_min):
    import spacy

    text, gold = _tender_gold(sep)
    assert len(gold) >= 40
    shipped = spacy.load(PIPELINE_PATH)
    assert _sents_f(shipped, text, gold) >= parser_min
    assert _sents_f(nlp, text, gold) >= eislint_min


def test_shipped_tokenizer_is_the_dutch_default():
    """eislint.nlp loads the shipped pipeline without its tokenizer (half the load time) and
    relies on the default Dutch tokenizer being the same; a retrained model must keep it so."""
    import spacy

    if not (PIPELINE_PATH / "tokenizer").exists():
        pytest.skip("pipeline has no tokenizer on disk")
    shipped = spacy.load(PIPELINE_PATH)
    assert spacy.blank("nl").tokenizer.to_bytes(exclude=["vocab"]) == shipped.tokenizer.to_bytes(exclude=["vocab"])
