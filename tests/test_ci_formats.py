"""CI output formats: SARIF (validated against the official 2.1.0 schema), GitHub workflow
commands, GitLab Code Quality, JUnit XML."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT
from eislint.engine import Report
from eislint.findings import Finding, InputError, Severity
from eislint.formatters import FORMATTERS

SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
FLAWED = (
    "# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n\nE2. Het LMS is gebaseerd op Microsoft Teams.\n\n"
    "E3. Het LMS ondersteunt indien mogelijk SAML 2.0.\n"
)
SELECT = [
    "eisen.vage-term",
    "eisen.merk-zonder-gelijkwaardig",
    "eisen.ontsnappingsclausule",
    "eisen.afkorting-onbekend",
]


def _lint(tmp_path: Path, text: str = FLAWED, name: str = "pve.md", select=SELECT) -> Report:
    from eislint.engine import RunOptions, lint_paths

    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    return lint_paths([str(doc)], RunOptions(select=select))


def _render(name: str, report: Report) -> str:
    out = io.StringIO()
    FORMATTERS[name](report, out, False)
    return out.getvalue()


def _finding(
    rule="eisen.vage-term",
    severity=Severity.WARNING,
    line=3,
    match="snel",
    message="'snel' is vaag",
    path="pve.md",
    requirement="E1",
) -> Finding:
    return Finding(
        rule=rule,
        category="vaagheid",
        severity=severity,
        message=message,
        path=path,
        start=10,
        end=14,
        line=line,
        column=5,
        end_line=line,
        end_column=9,
        match=match,
        requirement=requirement,
    )


def test_registry_and_cli_choices():
    from eislint.cli import check

    assert {"sarif", "github", "gitlab", "junit"} <= set(FORMATTERS)
    choices = next(p for p in check.params if p.name == "fmt").type.choices
    assert list(choices) == list(FORMATTERS)


# ---------------------------------------------------------------- SARIF


def test_schema_file_is_the_official_one():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert "oasis-tcs/sarif-spec" in schema["$id"]
    assert SCHEMA.stat().st_size == 112785


def test_sarif_validates_against_official_schema(tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(tmp_path)
    report = _lint(tmp_path)
    report.errors.append(__import__("eislint.findings", fromlist=["InputError"]).InputError("kapot.md", "leeg bestand"))
    data = json.loads(_render("sarif", report))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    # No cls.check_schema(schema): the official file itself does not pass the 2020-12 meta-schema
    # (region's 'anyOf' sits inside 'properties'; the pattern '^(?i)...' for `language` is no
    # valid Python regex). Neither affects validating a log that has no `language` key.
    errors = sorted(cls(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    run = data["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    vage = rules["eisen.vage-term"]
    assert vage["defaultConfiguration"]["level"] == "warning"
    from eislint.loader import all_rules

    wat = next(r for r in all_rules() if r.id == "eisen.vage-term").docs["wat"]
    assert vage["fullDescription"]["text"] == wat
    assert "Waarom:" in vage["help"]["text"] and "Bron:" in vage["help"]["text"]
    assert rules["eisen.afkorting-onbekend"]["defaultConfiguration"]["level"] == "note"
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"eisen.vage-term", "eisen.merk-zonder-gelijkwaardig"}
    vage_result = next(r for r in results if r["ruleId"] == "eisen.vage-term")
    loc = vage_result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "pve.md"  # relative to the current directory
    assert loc["region"] == {
        "startLine": 5,
        "startColumn": 16,
        "endLine": 5,
        "endColumn": 35,
        "snippet": {"text": "gebruiksvriendelijk"},
    }
    assert run["tool"]["driver"]["rules"][vage_result["ruleIndex"]]["id"] == "eisen.vage-term"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_line_shifts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def fingerprints(text):
        data = json.loads(_render("sarif", _lint(tmp_path, text)))
        return {(r["ruleId"], r["partialFingerprints"]["eislint/v1"]) for r in data["runs"][0]["results"]}

    before = fingerprints(FLAWED)
    shifted = fingerprints(FLAWED.replace("## Eisen\n", "## Eisen\n\nInleidende tekst.\n\nNog een alinea.\n"))
    assert before == shifted and len(before) >= 3
    changed = fingerprints(FLAWED.replace("gebruiksvriendelijk", "intuïtief"))
    assert changed != before


def test_sarif_cli_to_file(tmp_path, run_cli):
    (tmp_path / "pve.md").write_text(FLAWED, encoding="utf-8")
    code, out, _ = run_cli("check", "pve.md", "--format", "sarif", "-o", "r.sarif", "--select", "eisen.vage-term")
    assert code == 0 and out == ""
    data = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0" and len(data["runs"][0]["results"]) == 1


# ---------------------------------------------------------------- GitHub


def test_github_escaping():
    from eislint.formatters.github import command, escape_data, escape_property

    assert escape_data("100%\r\nklaar") == "100%25%0D%0Aklaar"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command(_finding(path="map, met: tekens/pve.md", message="50% korting\nop 'snel'"))
    assert line.startswith(
        "::warning file=map%2C met%3A tekens/pve.md,line=3,col=5,endLine=3,endColumn=9,"
        "title=eislint eisen.vage-term::50%25 korting%0Aop 'snel'"
    )


def test_github_at_most_ten_per_level_then_summary():
    report = Report()
    report.findings = (
        [_finding(line=i, severity=Severity.ERROR) for i in range(1, 13)]
        + [_finding(line=i) for i in range(1, 4)]
        + [_finding(line=i, severity=Severity.INFO) for i in range(1, 13)]
    )
    lines = _render("github", report).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 3
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(notices) == 10  # 9 findings + the summary, GitHub's limit of 10
    summary = notices[-1]
    assert "::notice title=eislint::" in summary and "5 van de 27 meldingen" in summary
    assert "::group::eislint: alle meldingen" in lines and "::endgroup::" in lines
    assert sum(1 for line in lines if line.startswith("pve.md:")) == 27  # the full list in the log


def test_github_no_summary_when_all_fit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = _render("github", _lint(tmp_path))
    assert (
        "::error file=pve.md,line=7,col=29,endLine=7,endColumn=44,title=eislint eisen.merk-zonder-gelijkwaardig::"
        in text
    )
    assert "niet als annotatie getoond" not in text


# ---------------------------------------------------------------- GitLab


def test_gitlab_code_quality(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    issues = json.loads(_render("gitlab", _lint(tmp_path)))
    assert isinstance(issues, list) and issues
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "pve.md" and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    merk = next(i for i in issues if i["check_name"] == "eisen.merk-zonder-gelijkwaardig")
    assert merk["severity"] == "major" and merk["location"]["lines"]["begin"] == 7


def test_gitlab_duplicate_findings_get_distinct_fingerprints():
    report = Report()
    report.findings = [_finding(), _finding()]
    issues = json.loads(_render("gitlab", report))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


# ---------------------------------------------------------------- JUnit


def test_junit_suite_per_file_case_per_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schoon.md").write_text(
        "# PvE\n\n## Eisen\n\nE1. Een medewerker vindt een cursus binnen 30 seconden.\n", encoding="utf-8"
    )
    from eislint.engine import RunOptions, lint_paths

    (tmp_path / "pve.md").write_text(FLAWED, encoding="utf-8")
    report = lint_paths(["pve.md", "schoon.md", "weg.md"], RunOptions(select=SELECT))
    root = ET.fromstring(_render("junit", report))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"pve.md", "schoon.md", "weg.md"}
    pve = suites["pve.md"]
    cases = {c.get("name"): c for c in pve.iter("testcase")}
    assert set(SELECT) <= set(cases)
    failure = cases["eisen.vage-term"].find("failure")
    assert failure is not None and "pve.md:5:16" in failure.text and failure.get("type") == "warning"
    assert cases["eisen.merk-zonder-gelijkwaardig"].find("failure").get("type") == "error"
    assert int(pve.get("failures")) == sum(1 for c in cases.values() if c.find("failure") is not None)
    assert all(c.find("failure") is None for c in suites["schoon.md"].iter("testcase"))
    assert int(suites["schoon.md"].get("tests")) == len(SELECT)
    assert suites["weg.md"].find("testcase/error") is not None
    assert root.get("errors") == "1"


# ---------------------------------------------------------------- the whole rule set on corpora/

CONCISE_LINE = re.compile(
    r"^[^\n]+:\d+:\d+: (error|warning|info|fout|waarschuwing|advies) [a-z][a-z0-9-]*\.[a-z0-9-]+ \S.*$"
)


@pytest.fixture(scope="module")
def corpus_report(corpora_all):
    """corpora/ with every rule enabled, paths relative to the repository root (conftest lints it
    once per worker)."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        yield corpora_all.report
    finally:
        os.chdir(old)


def _render_in_root(name: str, report: Report) -> str:
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return _render(name, report)
    finally:
        os.chdir(old)


def test_corpus_report_covers_every_rule(corpus_report):
    from eislint.loader import all_rules

    assert {r.id for r in corpus_report.rules} == {r.id for r in all_rules()}
    assert len(corpus_report.findings) > 200 and len(corpus_report.documents) > 10


def test_sarif_of_the_full_rule_set_validates(corpus_report):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(_render_in_root("sarif", corpus_report))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(data))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    tags = [r["properties"]["tags"] for r in data["runs"][0]["tool"]["driver"]["rules"]]
    assert all(len(t) == len(set(t)) for t in tags)
    assert ["gunning"] in tags  # pack and category named alike: one tag


def test_gitlab_fingerprints_unique_across_files(corpus_report):
    from eislint.baseline import fingerprint

    issues = json.loads(_render_in_root("gitlab", corpus_report))
    assert len(issues) == len(corpus_report.findings)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # the case that needs the path: the same finding (rule, text, requirement) in two files
    by_print: dict[str, set[str]] = {}
    for f in corpus_report.findings:
        by_print.setdefault(fingerprint(f), set()).add(f.path)
    assert any(len(paths) > 1 for paths in by_print.values())


def test_gitlab_fingerprint_stable_across_line_shifts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = {i["fingerprint"] for i in json.loads(_render("gitlab", _lint(tmp_path)))}
    shifted = _lint(tmp_path, FLAWED.replace("## Eisen\n", "## Eisen\n\nInleiding.\n"))
    assert {i["fingerprint"] for i in json.loads(_render("gitlab", shifted))} == before


def test_junit_validates_against_the_jenkins_xunit_schema(corpus_report):
    etree = pytest.importorskip("lxml.etree")
    schema = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "data" / "junit-10.xsd")))
    report = corpus_report
    report_with_error = Report(
        findings=report.findings,
        documents=report.documents,
        rules=report.rules,
        config=report.config,
        errors=[InputError("kapot.docx", "beschadigd <bestand> & meer")],
    )
    doc = etree.fromstring(_render_in_root("junit", report_with_error).encode("utf-8"))
    assert schema.validate(doc), schema.error_log
    suites = doc.findall("testsuite")
    assert int(doc.get("tests")) == sum(int(s.get("tests")) for s in suites)
    assert int(doc.get("failures")) == sum(int(s.get("failures")) for s in suites)
    for suite in suites:
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))


def test_concise_one_line_per_finding_on_the_corpus(corpus_report):
    lines = _render_in_root("concise", corpus_report).split("\n")
    assert lines[-1] == ""
    findings, summary = lines[:-2], lines[-2]
    assert len(findings) == len(corpus_report.findings)
    bad = [line for line in findings if not CONCISE_LINE.match(line)]
    assert not bad, bad[:3]
    assert re.match(r"^\d+ meldingen \(", summary)


def test_concise_match_across_a_line_break_stays_on_one_line(tmp_path, run_cli):
    (tmp_path / "pve.md").write_text(
        "# PvE\n\n## Eisen\n\nE1. Het LMS ondersteunt indien\nmogelijk SAML 2.0.\n", encoding="utf-8"
    )
    for extra in ((), ("--quiet",)):
        code, out, _ = run_cli(
            "check", "pve.md", "--select", "eisen.ontsnappingsclausule", "--format", "concise", *extra
        )
        lines = out.splitlines()
        hits = [line for line in lines if "ontsnappingsclausule" in line]
        assert len(hits) == 1 and CONCISE_LINE.match(hits[0]), out
        assert "'indien mogelijk'" in hits[0]
        assert len(lines) == (1 if extra else 2), out


def test_concise_escapes_control_characters_in_a_path():
    from eislint.formatters.lines import finding_line

    line = finding_line(_finding(path="map\nmet regeleinde.md", message="twee\r\nregels\u2028en meer"))
    assert "\n" not in line and "\r" not in line and "\u2028" not in line
    assert re.match(r"map\\nmet regeleinde\.md:3:5: \w+ eisen\.vage-term twee regels en meer$", line), line
