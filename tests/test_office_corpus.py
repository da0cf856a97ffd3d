"""The sample tender in Word and Excel form gives the same evaluation as its Markdown form."""

from __future__ import annotations

import importlib.util

import pytest
import yaml

from conftest import ROOT

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

MARKDOWN = ROOT / "corpora" / "lms-gemeente-zeedorp"
OFFICE = ROOT / "corpora" / "lms-gemeente-zeedorp-office"


def _script():
    spec = importlib.util.spec_from_file_location("office_corpus", ROOT / "scripts" / "office_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["concept-pve", "schoon-pve"])
@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_office_gold_is_the_markdown_gold_moved(name, suffix):
    """The committed office gold is what the script derives from the current Markdown gold."""
    from eislint.readers import read_path

    script = _script()
    gold = yaml.safe_load((MARKDOWN / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    moved = script.move_gold(
        read_path(MARKDOWN / f"{name}.md"), gold, read_path(OFFICE / f"{name}{suffix}"), f"{name}{suffix}"
    )
    committed = yaml.safe_load((OFFICE / f"{name}-{suffix[1:]}.expected.yaml").read_text(encoding="utf-8"))
    assert committed == moved, "run scripts/office_corpus.py again for " + name


def test_same_figures_as_markdown():
    from eislint.evaluate import evaluate_corpus

    markdown, office = evaluate_corpus(MARKDOWN), evaluate_corpus(OFFICE)
    assert len(office.documents) == 2 * len(markdown.documents) == 4
    assert office.errors == [] and markdown.errors == []
    for rule in set(markdown.rules) | set(office.rules):
        md, of = markdown.rules[rule], office.rules[rule]
        assert (of.tp, of.fp, of.fn) == (2 * md.tp, 2 * md.fp, 2 * md.fn), rule
