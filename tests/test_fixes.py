"""`check --fix / --diff / --unsafe-fixes`: atomic, encoding- and line-end-preserving, verified."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import ROOT

DOCS = """docs:
  wat: "{wat}"
  waarom: "Testregel."
  fout: "{fout}"
  goed: "{goed}"
  bron: "Test."
  fix_veiligheid: "Veilig: alleen typografie."
"""

RULES = {
    "dubbele-spatie.yaml": """id: typo.dubbele-spatie
check: regex
category: leesbaarheid
level: warning
scope: paragraph
message: "Dubbele spatie."
patterns: ['(?<=\\S)(?P<match> {2,})(?=\\S)']
replacement: " "
fix: {applicability: safe, title: "één spatie"}
"""
    + DOCS.format(wat="Twee spaties achter elkaar.", fout="Het  LMS.", goed="Het LMS."),
    "email.yaml": """id: typo.email
check: regex
category: leesbaarheid
level: info
scope: paragraph
message: "Schrijf 'e-mail'."
patterns: ['\\b(?P<match>email)\\b']
ignorecase: false
replacement: "e-mail"
fix: {applicability: safe}
"""
    + DOCS.format(wat="Spelling e-mail.", fout="Per email.", goed="Per e-mail."),
    "streepje.yaml": """id: typo.streepje
check: regex
category: leesbaarheid
level: info
scope: paragraph
message: "Gebruik geen 'e-mail' in een kop."
patterns: ['\\b(?P<match>e-mail)\\s+(?=adres)']
ignorecase: false
"""
    + DOCS.format(
        wat="Voorbeeld van een regel die een verbetering in de weg zit.",
        fout="Het e-mail adres.",
        goed="Het e-mailadres.",
    ),
    "onveilig.yaml": """id: typo.onveilig
check: regex
category: vaagheid
level: warning
scope: paragraph
message: "Schrap 'liefst'."
patterns: ['(?P<match>liefst )']
replacement: ""
fix: {applicability: unsafe}
"""
    + DOCS.format(wat="Onveilige verbetering.", fout="Het LMS liefst snel.", goed="Het LMS snel."),
    "toon.yaml": """id: typo.toon
check: regex
category: leesbaarheid
level: info
scope: paragraph
message: "Alleen tonen."
patterns: ['(?P<match>ongeveer)']
replacement: "circa"
fix: {applicability: display-only}
"""
    + DOCS.format(wat="Alleen te tonen verbetering.", fout="ongeveer 5", goed="circa 5"),
}


@pytest.fixture
def rules_dir(tmp_path) -> Path:
    pack = tmp_path / "regels" / "typo"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: typo\nbeschrijving: Typografische testregels.\n", encoding="utf-8")
    for name, text in RULES.items():
        (pack / name).write_text(text, encoding="utf-8")
    return tmp_path / "regels"


TEXT = "# PvE\n\n## Eisen\n\nE1. Het  LMS stuurt een email naar de gebruiker.\n\nE2. Het LMS is liefst snel, ongeveer 5 seconden.\n"


def _write(path: Path, text: str, encoding="utf-8", newline="\n") -> None:
    data = text.replace("\n", newline).encode(encoding)
    path.write_bytes(data)


def test_fix_applies_safe_fixes_only(tmp_path, run_cli, rules_dir):
    doc = tmp_path / "pve.md"
    _write(doc, TEXT)
    code, out, err = run_cli("check", "pve.md", "--rules-dir", str(rules_dir), "--fix", "--format", "concise")
    text = doc.read_text(encoding="utf-8")
    assert "E1. Het LMS stuurt een e-mail naar de gebruiker." in text
    assert "liefst" in text and "ongeveer" in text  # unsafe and display-only untouched
    assert "2 verbeteringen toegepast in 1 bestand" in err
    assert "onveilig (gebruik --unsafe-fixes)" in err
    assert "typo.email" not in out and "typo.onveilig" in out  # the report is of the fixed file


def test_unsafe_fixes_but_never_display_only(tmp_path, run_cli, rules_dir):
    doc = tmp_path / "pve.md"
    _write(doc, TEXT)
    run_cli("check", "pve.md", "--rules-dir", str(rules_dir), "--fix", "--unsafe-fixes")
    text = doc.read_text(encoding="utf-8")
    assert "E2. Het LMS is snel, ongeveer 5 seconden." in text


def test_no_fix_without_flag_and_diff_writes_nothing(tmp_path, run_cli, rules_dir):
    doc = tmp_path / "pve.md"
    _write(doc, TEXT)
    before = doc.read_bytes()
    mtime = doc.stat().st_mtime_ns
    code, _, _ = run_cli("check", "pve.md", "--rules-dir", str(rules_dir))
    assert doc.read_bytes() == before
    code, out, err = run_cli("check", "pve.md", "--rules-dir", str(rules_dir), "--diff", "--fail-on", "warning")
    assert code == 1  # exit code as usual: there are warnings
    assert doc.read_bytes() == before and doc.stat().st_mtime_ns == mtime
    assert out.startswith("--- a/pve.md\n+++ b/pve.md\n")
    assert (
        "-E1. Het  LMS stuurt een email naar de gebruiker.\n+E1. Het LMS stuurt een e-mail naar de gebruiker.\n" in out
    )
    assert "toe te passen" in err


def test_crlf_bom_and_cp1252_preserved(tmp_path, run_cli, rules_dir):
    crlf = tmp_path / "crlf.md"
    _write(crlf, TEXT, newline="\r\n")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    oud = tmp_path / "oud.txt"
    oud.write_bytes(TEXT.replace("gebruiker", "gebruiker (café)").encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(TEXT.encode("utf-16"))
    run_cli("check", "crlf.md", "bom.txt", "oud.txt", "utf16.txt", "--rules-dir", str(rules_dir), "--fix")
    expected = TEXT.replace("Het  LMS", "Het LMS").replace("email", "e-mail")
    assert crlf.read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")
    assert oud.read_bytes() == expected.replace("gebruiker", "gebruiker (café)").encode("cp1252")
    assert utf16.read_bytes() == expected.encode("utf-16")


def test_permissions_kept_and_no_temp_files(tmp_path, run_cli, rules_dir):
    doc = tmp_path / "pve.md"
    _write(doc, TEXT)
    os.chmod(doc, 0o640)
    run_cli("check", "pve.md", "--rules-dir", str(rules_dir), "--fix")
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pve.md", "regels"]


def test_original_kept_on_error(tmp_path, run_cli, rules_dir, monkeypatch):
    doc = tmp_path / "pve.md"
    _write(doc, TEXT)
    before = doc.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("eislint.fixes.os.replace", broken_replace)
    code, _, err = run_cli("check", "pve.md", "--rules-dir", str(rules_dir), "--fix")
    assert doc.read_bytes() == before
    assert "niet geschreven" in err and "origineel ongewijzigd" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pve.md", "regels"]


def test_fix_that_introduces_a_finding_is_skipped(tmp_path, run_cli, rules_dir):
    doc = tmp_path / "pve.md"
    _write(doc, "# PvE\n\n## Eisen\n\nE1. Noteer het email adres. Stuur een email.\n")
    code, _, err = run_cli("check", "pve.md", "--rules-dir", str(rules_dir), "--fix")
    text = doc.read_text(encoding="utf-8")
    # 'email adres' -> 'e-mail adres' would raise typo.streepje; the other 'email' is fine
    assert "Noteer het email adres. Stuur een e-mail." in text
    assert "zou een nieuwe melding veroorzaken" in err


def test_markup_and_non_text_formats_untouched(tmp_path, rules_dir):
    from eislint import fixes
    from eislint.engine import RunOptions, lint_paths
    from eislint.findings import Applicability, Edit, Finding, Fix, Severity

    doc = tmp_path / "pve.md"
    _write(doc, "## Eisen\n\nE1. Het **LMS**  is snel.\n")
    options = RunOptions(rules_dir=rules_dir)
    report = lint_paths([str(doc)], options)
    fake = Finding(
        rule="typo.email",
        category="leesbaarheid",
        severity=Severity.INFO,
        message="x",
        path=str(tmp_path / "pve.docx"),
        start=0,
        end=1,
        line=1,
        column=1,
        end_line=1,
        end_column=2,
        match="x",
        fix=Fix("x", (Edit(0, 1, "y"),), Applicability.SAFE),
    )
    report.findings.append(fake)
    result = fixes.plan(report, options)
    assert (fake, "alleen .md en .txt worden verbeterd") in result.skipped
    # the analysis text blanks '**', so the match '**  ' would eat markup: skipped, file untouched
    assert any(reason == "bewerking raakt opmaak of een opmerking" for _, reason in result.skipped)
    fixes.write(result)
    assert doc.read_text(encoding="utf-8") == "## Eisen\n\nE1. Het **LMS**  is snel.\n"


def test_offset_map_crlf():
    from eislint.fixes import _offset_map

    assert _offset_map("a\r\nb\rc\n") == [0, 1, 3, 4, 5, 6, 7]


def test_bundled_rules_fixes(tmp_path, run_cli):
    """The shipped unsafe fix of eisen.ontsnappingsclausule only with --unsafe-fixes."""
    doc = tmp_path / "pve.md"
    _write(doc, "# PvE\n\n## Eisen\n\nE4. Het LMS ondersteunt indien mogelijk SAML 2.0.\n", newline="\r\n")
    run_cli("check", "pve.md", "--select", "eisen.ontsnappingsclausule", "--fix")
    assert b"indien mogelijk" in doc.read_bytes()
    run_cli("check", "pve.md", "--select", "eisen.ontsnappingsclausule", "--fix", "--unsafe-fixes")
    assert doc.read_bytes() == b"# PvE\r\n\r\n## Eisen\r\n\r\nE4. Het LMS ondersteunt SAML 2.0.\r\n"


def test_usage_errors(tmp_path, run_cli):
    (tmp_path / "pve.md").write_text("E1. Het LMS is snel.\n", encoding="utf-8")
    assert run_cli("check", "pve.md", "--fix", "--diff")[0] == 2
    assert run_cli("check", "pve.md", "--unsafe-fixes")[0] == 2
    assert ROOT.is_dir()


# ---------------------------------------------------------------- the shipped safe fixes


def test_fix_without_unsafe_fixes_applies_the_safe_ones(tmp_path, run_cli):
    """No shipped rule had a safe fix, so --fix alone never changed anything."""
    text = (
        "# PvE\n\n## Eisen\n\nE1. Het LMS toont de de voortgang  van elke medewerker.\n\n"
        "E2. Het LMS ondersteunt indien mogelijk SAML 2.0.\n\nE3. De leverancier weet dat dat klopt.\n"
    )
    path = tmp_path / "pve.md"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    code, _, err = run_cli("check", "pve.md", "--fix", "--select", "eisen")
    fixed = path.read_bytes().decode("utf-8")
    assert "E1. Het LMS toont de voortgang van elke medewerker.\r\n" in fixed, fixed
    assert "indien mogelijk" in fixed  # unsafe: needs --unsafe-fixes
    assert "dat dat klopt" in fixed  # a repetition that can be right is no typing error
    assert fixed.count("\r\n") == text.count("\n")
    assert "2 verbeteringen toegepast" in err


def test_or_equivalent_goes_after_a_hyphenated_word(tmp_path, run_cli):
    """The unsafe fix turned 'type II-verklaring' into 'type II of gelijkwaardig-verklaring'."""
    path = tmp_path / "pve.md"
    path.write_text(
        "E1. De leverancier levert een ISAE 3402 type II-verklaring en een ISO 27001-certificaat.\n", encoding="utf-8"
    )
    run_cli("check", "pve.md", "--fix", "--unsafe-fixes", "--select", "eisen.norm-zonder-gelijkwaardig")
    assert path.read_text(encoding="utf-8") == (
        "E1. De leverancier levert een ISAE 3402 type II-verklaring of "
        "gelijkwaardig en een ISO 27001-certificaat of gelijkwaardig.\n"
    )


def test_every_fix_documents_its_safety_and_explain_shows_it(run_cli):
    from eislint.loader import all_rules
    from eislint.ruledocs import FIX_SAFETY_WORD

    rules = all_rules()
    safe = {r.id for r in rules if r.fix and r.fix["applicability"] == "safe"}
    assert {"eisen.dubbele-spatie", "eisen.dubbel-woord"} <= safe
    assert "eisen.en-of" not in safe  # choosing 'en' or 'of' changes the demand
    for rule in rules:
        code, out, _ = run_cli("explain", rule.id)
        assert code == 0 and "Automatische correctie: " in out
        if rule.fix:
            word = FIX_SAFETY_WORD[rule.fix["applicability"]]
            assert rule.docs["fix_veiligheid"].startswith(word), rule.id
            assert rule.docs["fix_veiligheid"].split(":")[0] in out
        else:
            assert "Automatische correctie: geen" in out
    _, out, _ = run_cli("explain", "eisen.dubbele-spatie")
    assert "veilig, verandert de betekenis niet (eislint check --fix past haar toe)" in out


def test_a_fix_that_uncovers_another_is_applied_in_the_same_run(tmp_path, run_cli):
    """'toont  toont': the double space and the doubled word overlap; once the space is fixed the
    doubled word is, in the same run, and a second run has nothing left to do."""
    path = tmp_path / "pve.md"
    path.write_text("## Eisen\n\n- E1. Het systeem toont  toont de status.\n", encoding="utf-8")
    select = ("--select", "eisen.dubbele-spatie,eisen.dubbel-woord")
    code, _, err = run_cli("check", "pve.md", *select, "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8") == "## Eisen\n\n- E1. Het systeem toont de status.\n"
    assert "2 verbeteringen toegepast" in err and "overgeslagen" not in err
    code, _, err = run_cli("check", "pve.md", *select, "--fix", "--unsafe-fixes")
    assert code == 0 and "0 verbeteringen" in err
    assert path.read_text(encoding="utf-8") == "## Eisen\n\n- E1. Het systeem toont de status.\n"


def test_later_rounds_fix_only_what_earlier_fixes_uncovered(tmp_path, run_cli):
    """A finding the run was not asked to fix (here: known in the baseline) stays, also when a
    second round of fixes runs on the file."""
    path = tmp_path / "pve.md"
    path.write_text("## Eisen\n\nE1. De leverancier levert  de rapportage.\n", encoding="utf-8")
    run_cli("baseline", "pve.md", "-o", "base.json")
    text = "## Eisen\n\nE1. De leverancier levert  de rapportage.\n\nE2. De leverancier toont  toont de rapportage.\n"
    path.write_text(text, encoding="utf-8")
    run_cli("check", "pve.md", "--baseline", "base.json", "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8") == text.replace("toont  toont", "toont")
