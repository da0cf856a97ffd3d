"""Readiness per part of the tender and what to fix first."""

from __future__ import annotations

from conftest import lint_text
from eislint.readiness import part_of, readiness

TENDER = """# Aanbesteding leerplatform

## 1. Aanleiding
De gemeente gebruikt nu een verouderd systeem voor 900 medewerkers; medewerkers klagen over de zoekfunctie.
In de toekomst willen wij één plek voor al het leeraanbod.

## 2. Eisen
E1. Het LMS is gebruiksvriendelijk.
E2. Het LMS ondersteunt SCORM 1.2.
E3. Het LMS exporteert rapportages naar CSV.

## 3. Gunning
Prijs weegt 30% en kwaliteit 70%. De beoordeling gebeurt met de gewogen factorenmethode op een schaal van 0 tot 10.

## 4. Selectie
De Inschrijver levert referenties uit de afgelopen vijf jaar.
"""


def _parts(report):
    (item,) = readiness(report)
    return {p.key: p for p in item.parts}, item


def test_parts_present_missing_and_incomplete():
    parts, item = _parts(lint_text(TENDER))
    assert parts["aanleiding"].status == "aanwezig"
    assert [title for _, title in parts["aanleiding"].found] == ["1. Aanleiding"]
    assert parts["eisen"].status == "aanwezig" and "3 eisen" in parts["eisen"].note
    assert parts["gunning"].status == "aanwezig"
    assert parts["randvoorwaarden"].status == "aanwezig"
    # no chapter and the rule that looks for the part fired
    assert parts["implementatie"].status == "ontbreekt"
    assert [f.rule for f in parts["implementatie"].problems] == ["volledigheid.implementatie-ontbreekt"]
    assert parts["doelstelling"].status == "ontbreekt"
    assert parts["kwaliteit"].status == "ontbreekt"
    assert item.ready_count == sum(p.status == "aanwezig" for p in parts.values())


def test_findings_are_counted_in_their_part():
    parts, _ = _parts(lint_text(TENDER))
    assert parts["randvoorwaarden"].counts["error"] == 1  # references older than three years
    assert parts["eisen"].counts["warning"] >= 1  # 'gebruiksvriendelijk'


def test_incomplete_when_an_element_rule_fires():
    text = TENDER + "\n## 5. Implementatie\nDe implementatie gebeurt conform GIBIT.\n"
    parts, _ = _parts(lint_text(text))
    assert parts["implementatie"].status == "onvolledig"
    assert "volledigheid.implementatie-onvolledig" in [f.rule for f in parts["implementatie"].problems]


def test_first_to_fix_puts_errors_first_one_item_per_rule():
    _, item = _parts(lint_text(TENDER))
    top = item.top
    assert top[0].severity.label == "error" and top[0].rule == "selectie.referentie-te-oud"
    assert len({t.rule for t in top}) == len(top)
    severities = [int(t.severity) for t in top]
    assert severities == sorted(severities, reverse=True)


def test_part_of_uses_rule_category_and_section():
    report = lint_text(TENDER)
    by_rule = {f.rule: part_of(f) for f in report.findings}
    assert by_rule["selectie.referentie-te-oud"].key == "randvoorwaarden"
    assert by_rule["eisen.vage-term"].key == "eisen"
    assert by_rule["volledigheid.implementatie-ontbreekt"].key == "implementatie"


def test_json_report_carries_readiness(run_cli, tmp_path):
    import json

    (tmp_path / "pve.md").write_text(TENDER, encoding="utf-8")
    code, out, _ = run_cli("check", "pve.md", "--format", "json")
    data = json.loads(out)
    (item,) = data["readiness"]
    statuses = {p["part"]: p["status"] for p in item["parts"]}
    assert statuses["implementatie"] == "ontbreekt" and statuses["aanleiding"] == "aanwezig"
    assert item["first_to_fix"][0]["rule"] == "selectie.referentie-te-oud"
    assert data["findings"][0]["section_kind"] is not None
    assert data["documents"][0]["headings"]["aanleiding"] == ["1. Aanleiding"]


def test_readiness_names_a_problem_once_for_the_bundle(tmp_path):
    """Two documents of a bundle with the same incomplete part give one note, not the same twice."""
    from eislint.engine import RunOptions, lint_paths

    impl = "\n## 5. Implementatie\nHet implementatieplan wordt opgesteld conform GIBIT.\n"
    (tmp_path / "tender").mkdir()
    (tmp_path / "tender" / "leidraad.md").write_text(TENDER + impl, encoding="utf-8")
    (tmp_path / "tender" / "bijlage.md").write_text("# Bijlage planning\n" + impl, encoding="utf-8")
    parts, _ = _parts(lint_paths([str(tmp_path / "tender")], RunOptions()))
    impl_part = parts["implementatie"]
    assert len({f.path for f in impl_part.problems}) == 2
    notes = impl_part.notes()
    assert len(notes) == len(set(notes)) and any("conform GIBIT" in n for n in notes)
