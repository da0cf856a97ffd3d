"""`eislint baseline` and `check --baseline`: keyed by rule + path + fingerprint, counted."""

from __future__ import annotations

import json

from eislint.baseline import filter_new, fingerprint, load, write
from eislint.findings import Finding, Severity

DOC = "# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n\nE2. Het LMS is gebaseerd op Microsoft Teams.\n"
SELECT = ("--select", "eisen.vage-term,eisen.merk-zonder-gelijkwaardig")


def test_baseline_roundtrip_and_line_shifts(tmp_path, run_cli):
    doc = tmp_path / "pve.md"
    doc.write_text(DOC, encoding="utf-8")
    code, out, _ = run_cli("baseline", "pve.md", "-o", "eislint-baseline.json", *SELECT)
    assert code == 0 and "2 meldingen" in out
    data = json.loads((tmp_path / "eislint-baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "eislint-baseline/1"
    entry = next(e for e in data["findings"] if e["rule"] == "eisen.vage-term")
    assert entry == {
        "rule": "eisen.vage-term",
        "path": "pve.md",
        "match": "gebruiksvriendelijk",
        "requirement": "E1",
        "fingerprint": entry["fingerprint"],
        "context_hash": entry["context_hash"],
    }
    assert "line" not in entry

    code, out, _ = run_cli("check", "pve.md", "--baseline", "eislint-baseline.json", "--format", "concise", *SELECT)
    assert code == 0 and out.startswith("0 meldingen")
    # lines inserted above: still known
    doc.write_text(DOC.replace("## Eisen\n", "## Eisen\n\nEen inleiding.\n\nNog een alinea.\n\n"), encoding="utf-8")
    code, out, _ = run_cli("check", "pve.md", "--baseline", "eislint-baseline.json", "--format", "concise", *SELECT)
    assert code == 0 and out.startswith("0 meldingen")
    # the flagged text changed: the finding is new
    doc.write_text(DOC.replace("Microsoft Teams", "Zoom"), encoding="utf-8")
    code, out, _ = run_cli(
        "check", "pve.md", "--baseline", "eislint-baseline.json", "--format", "concise", "--fail-on", "warning", *SELECT
    )
    assert code == 1 and "'Zoom'" in out and "gebruiksvriendelijk" not in out


def _f(match="snel", requirement="E1", path="pve.md", line=5):
    return Finding(
        rule="eisen.vage-term",
        category="vaagheid",
        severity=Severity.WARNING,
        message="m",
        path=path,
        start=0,
        end=4,
        line=line,
        column=1,
        end_line=line,
        end_column=5,
        match=match,
        requirement=requirement,
    )


def test_counts_two_found_one_known(tmp_path):
    write([_f(line=3)], tmp_path / "b.json")
    kept, covered = filter_new([_f(line=7), _f(line=9)], load(tmp_path / "b.json"))
    assert covered == 1 and len(kept) == 1


def test_fingerprint_ignores_lines_and_whitespace_but_not_words():
    assert fingerprint(_f(line=1)) == fingerprint(_f(line=40))
    assert fingerprint(_f(match="Snel ")) == fingerprint(_f(match="snel"))
    assert fingerprint(_f(match="traag")) != fingerprint(_f())
    assert fingerprint(_f(requirement="E2")) != fingerprint(_f())


def test_bad_baseline_is_one_line_exit_2(tmp_path, run_cli):
    (tmp_path / "pve.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "kapot.json").write_text("{", encoding="utf-8")
    code, _, err = run_cli("check", "pve.md", "--baseline", "kapot.json")
    assert code == 2 and err.count("\n") == 1 and "geen geldig baselinebestand" in err
    code, _, err = run_cli("check", "pve.md", "--baseline", "weg.json")
    assert code == 2 and "bestaat niet" in err
