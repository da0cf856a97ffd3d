"""Every rule: docs.fout fires and docs.goed does not; per-rule fixtures; meta-tests on the packs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, lint_text
from eislint.loader import CATEGORIES, all_rules, load_packs

RULES = all_rules()
FIXTURES = ROOT / "tests" / "fixtures" / "rules"


def _select(rule) -> list[str]:
    # meta rules report on suppressions of other rules, which must run for that
    return [rule.id] if rule.pack != "meta" else [r.id for r in RULES]


def _hits(rule, text: str, config: Path | None = None):
    report = lint_text(text, select=_select(rule), config=config)
    assert not report.errors, report.errors
    return [f for f in report.findings if f.rule == rule.id]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_docs_fout_fires(rule):
    assert _hits(rule, rule.docs["fout"]), f"{rule.id}: docs.fout geeft geen melding"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_docs_goed_is_silent(rule):
    hits = _hits(rule, rule.docs["goed"])
    assert not hits, f"{rule.id}: docs.goed geeft een melding: {[h.match for h in hits]}"


@cache
def _fixture(path: Path) -> dict:
    """A rule's fixture file, parsed once per process (collection and three tests read it)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _cases():
    for path in sorted(FIXTURES.rglob("*.yaml")):
        data = _fixture(path)
        for name, case in data["cases"].items():
            yield pytest.param(data["rule"], case, path, id=f"{data['rule']}::{name}")


@pytest.mark.parametrize("rule_id, case, path", list(_cases()))
def test_fixture_case(rule_id, case, path, tmp_path):
    rule = next(r for r in RULES if r.id == rule_id)
    config = None
    if "config" in case:
        config = tmp_path / "eislint.yaml"
        config.write_text(yaml.safe_dump(case["config"], allow_unicode=True), encoding="utf-8")
    hits = _hits(rule, case["text"], config)
    got = [{"line": h.line, "column": h.column, "match": h.match, "severity": h.severity.label} for h in hits]
    expected = [{k: e[k] for k in ("line", "column", "match", "severity") if k in e} for e in case["expect"]]
    got_cmp = [{k: g[k] for k in e} for g, e in zip(got, expected)]
    assert len(got) == len(expected) and got_cmp == expected, f"{path.name}: verwacht {expected}, kreeg {got}"


# ---------------------------------------------------------------- meta-tests


def test_rule_ids_are_unique_and_match_files():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id == f"{rule.pack}.{Path(rule.path).stem}"


def test_aliases_are_never_reused():
    ids = {r.id for r in RULES}
    aliases = [a for r in RULES for a in r.aliases]
    assert len(aliases) == len(set(aliases))
    assert not ids & set(aliases)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_docs_citation_and_fixture(rule):
    for key in ("wat", "waarom", "fout", "goed", "bron"):
        assert rule.docs.get(key, "").strip(), f"{rule.id} mist docs.{key}"
    assert rule.category in CATEGORIES
    fixture = FIXTURES / rule.pack / f"{Path(rule.path).stem}.yaml"
    assert fixture.is_file(), f"{rule.id} heeft geen fixture {fixture.relative_to(ROOT)}"
    data = _fixture(fixture)
    assert data["rule"] == rule.id
    firing = [c for c in data["cases"].values() if c["expect"]]
    silent = [c for c in data["cases"].values() if not c["expect"]]
    assert firing and silent, f"{rule.id}: fixture heeft zowel meldende als stille gevallen nodig"


def test_every_fixture_names_an_existing_rule():
    ids = {r.id for r in RULES}
    for path in FIXTURES.rglob("*.yaml"):
        assert _fixture(path)["rule"] in ids, path


def test_packs_have_rules_and_descriptions():
    for pack in load_packs():
        assert pack.rules and pack.description


def test_rule_reference_doc_is_generated_from_the_rules():
    from eislint.ruledocs import markdown

    doc = ROOT / "docs" / "rules.md"
    assert doc.read_text(encoding="utf-8") == markdown(load_packs()), (
        "docs/rules.md is niet bijgewerkt: eislint rules --format markdown > docs/rules.md"
    )
