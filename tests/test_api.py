"""eislint.api, the entry point for notebooks: findings of a bundle as records or a DataFrame."""

from __future__ import annotations

import pytest

from conftest import ROOT

HUNZEDAL = ROOT / "corpora" / "leerplatform-waterschap-hunzedal"


def test_lint_bundle_gives_the_engines_findings_as_flat_records():
    from eislint import api, lint_paths

    result = api.lint_bundle(HUNZEDAL)
    engine = lint_paths([str(HUNZEDAL)])
    records = result.records(bundle="hunzedal")
    assert records and [(r["rule"], r["line"], r["column"], r["message"]) for r in records] == [
        (f.rule, f.line, f.column, f.message) for f in engine.findings
    ]
    assert all(r["document"] == "concept-pve.md" and r["bundle"] == "hunzedal" for r in records)
    assert all(set(r) == {"bundle", *api.FINDING_COLUMNS} for r in records)
    assert all(value is None or isinstance(value, (str, int)) for r in records for value in r.values())
    only = api.lint_bundle(HUNZEDAL, select=["contract"])
    assert only.findings and {f.category for f in only.findings} == {"contract"}
    with pytest.raises(TypeError):
        api.lint_bundle(HUNZEDAL, api.run_options(), select=["contract"])


def test_lint_text_and_unreadable_files():
    from eislint import api

    text = api.lint_text("# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n", select=["eisen.vage-term"])
    assert [(r["match"], r["line"]) for r in text.records()] == [("gebruiksvriendelijk", 5)]
    missing = api.lint_bundle("bestaat/niet")
    assert missing.errors == ["bestaat/niet: bestand of map bestaat niet"] and missing.records() == []


def test_findings_as_a_dataframe():
    pytest.importorskip("pandas")
    from eislint import api

    result = api.lint_bundle(HUNZEDAL)
    frame = result.to_frame(bundle="hunzedal")
    assert list(frame.columns) == ["bundle", *api.FINDING_COLUMNS] and len(frame) == len(result.findings)
    assert str(frame["line"].dtype) == "Int64"
    both = api.findings_frame([result, api.lint_bundle(HUNZEDAL, select=["contract"])])
    assert len(both) == len(result.findings) + len(api.lint_bundle(HUNZEDAL, select=["contract"]).findings)
    empty = api.findings_frame([])
    assert list(empty.columns) == list(api.FINDING_COLUMNS) and len(empty) == 0
