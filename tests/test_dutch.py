"""Dutch that reads well wherever a person reads it: rule messages, advice, explain, CLI help and
errors, summaries. No English words, no raw placeholders, numbers and plurals the Dutch way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest

from conftest import ROOT, lint_text
from eislint import cli_nl
from eislint.dutch.output import aantal, bedrag, getal, meervoud, opsomming
from eislint.loader import all_rules
from eislint.ruledocs import explain

RULES = all_rules()

# Words that are English and never Dutch (so 'is', 'in', 'of', 'was', 'die' are not here).
ENGLISH = {
    "the",
    "and",
    "with",
    "should",
    "must",
    "shall",
    "requirement",
    "requirements",
    "section",
    "sentence",
    "paragraph",
    "warning",
    "error",
    "errors",
    "usage",
    "options",
    "missing",
    "invalid",
    "value",
    "not",
    "does",
    "exist",
    "help",
    "show",
    "this",
    "message",
    "try",
    "command",
    "commands",
    "arguments",
    "file",
    "directory",
    "unsafe",
    "safe",
    "display-only",
    "true",
    "false",
    "none",
    "null",
    "unknown",
    "such",
    "choose",
    "from",
    "default",
    "aborted",
    "found",
    "please",
    "your",
    "which",
    "only",
    "info",
    "high",
    "medium",
    "low",
    "failed",
    "cannot",
    "could",
    "expected",
    "got",
    "for",
    "to",
    "at",
    "by",
    "or",
    "if",
    "be",
    "are",
}
PLACEHOLDER = re.compile(r"\{\w*\}|\[\w+\]\s*$")
QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|‘[^’\n]*’|“[^”\n]*”|`[^`\n]*`|<!--.*?-->|https?://\S+")
RULE_ID = re.compile(r"\b[a-z_-]+\.[a-z0-9_-]+\b")
# config keys (contract_value), options (--help), lists of option values ([rich|concise|json])
IDENTIFIER = re.compile(r"\b\w+_\w+\b|(?<![\w-])--?[\w-]+|\[[\w-]+(?:\|[\w-]+)+\]")


def english_words(text: str) -> list[str]:
    """English words outside quotes, rule ids and URLs (quoted titles and examples are the source's own)."""
    text = QUOTED.sub(" ", RULE_ID.sub(" ", IDENTIFIER.sub(" ", text)))
    return [w for w in re.findall(r"[^\W\d_][\w-]*", text) if w.lower() in ENGLISH]


def test_the_english_detector_detects():
    assert english_words("Error: Missing argument 'PATHS'.") == ["Error", "Missing"]
    assert english_words("Dit doel is niet SMART: het mist een doelwaarde.") == []
    assert english_words("bron: INCOSE, 'Guide to Writing Requirements'") == []


# ---------------------------------------------------------------- rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_explain_has_no_placeholder_or_english(rule):
    text = explain(rule)
    assert not re.search(r"\{\w*\}", text), f"{rule.id}: rauwe placeholder in explain"
    body = text.split("\nFout (deze tekst geeft een melding)")[0] + text.split("\nBron")[-1]  # examples are tender text
    assert not english_words(body), f"{rule.id}: Engels in explain: {english_words(body)}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_messages_and_advice_are_dutch_without_placeholders(rule):
    select = [rule.id] if rule.pack != "meta" else [r.id for r in RULES]
    report = lint_text(rule.docs["fout"], select=select)
    findings = [f for f in report.findings if f.rule == rule.id]
    assert findings
    for f in findings:
        for text in (f.message, f.suggestion or "", f.citation or ""):
            assert not re.search(r"\{\w*\}", text), f"{rule.id}: placeholder in {text!r}"
            assert not english_words(text), f"{rule.id}: Engels in {text!r}: {english_words(text)}"
        assert "  " not in f.message and not f.message.endswith((" .", ": .")), (
            f"{rule.id}: lege invulling in {f.message!r}"
        )


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_no_internal_remarks_in_user_text(rule):
    texts = [rule.message, rule.suggestion or "", *rule.docs.values()]
    for text in texts:
        assert not re.search(r"geverifieerd|door ons|\bTODO\b|\[guess\]|unverified", text, re.I), f"{rule.id}: {text!r}"


# ---------------------------------------------------------------- Click and the CLI


def _click_msgids() -> tuple[set[str], set[tuple[str, str]]]:
    """Every message the installed Click marks for translation."""
    singles, plurals = set(), set()
    root = Path(click.__file__).parent
    for name in cli_nl.CLICK_MODULES:
        path = root / f"{name}.py"
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            if node.func.id == "_" and args and args[0] is not None:
                singles.add(args[0])
            elif node.func.id == "ngettext" and len(args) >= 2 and None not in args[:2]:
                plurals.add((args[0], args[1]))
    return singles, plurals


def test_every_click_message_has_a_dutch_translation():
    singles, plurals = _click_msgids()
    assert len(singles) > 40, "Click's messages were not found; is the extraction still right?"
    assert not singles - set(cli_nl.MESSAGES), f"zonder vertaling: {sorted(singles - set(cli_nl.MESSAGES))}"
    assert not plurals - set(cli_nl.PLURALS), f"zonder vertaling: {sorted(plurals - set(cli_nl.PLURALS))}"
    for english, dutch in cli_nl.MESSAGES.items():  # the same fields, or format() fails at run time
        assert set(re.findall(r"\{\w+", english)) == set(re.findall(r"\{\w+", dutch)), english


def _commands():
    from eislint.cli import main

    return sorted(main.commands)


DUTCH_METAVARS = {
    "OPTIES",
    "OPDRACHT",
    "ARGUMENTEN",
    "PADEN",
    "BESTAND",
    "MAP",
    "PAD",
    "REGEL",
    "PAKKET",
    "NAAM",
    "TEKST",
    "GETAL",
    "REV",
    "CI",
    "KOMMAGETAL",
    "JA/NEE",
    "EUR",
    "PDF",
    "HTML",
    "LMS",
    "SLA",
    "SAML",
    "OIDC",
}


@pytest.mark.parametrize("command", [None, *_commands()])
def test_help_is_dutch(run_cli, command):
    args = ["--help"] if command is None else [command, "--help"]
    code, out, _ = run_cli(*args)
    assert code == 0
    assert out.startswith("Gebruik: ")  # the test runner calls the program 'main'
    assert "[OPTIES]" in out.splitlines()[0]
    assert "Opties:" in out
    assert not english_words(out.replace("stdin", "").replace("stdout", "")), english_words(out)
    for token in re.findall(r"\b[A-Z][A-Z/]{2,}\b", out.split("\n\n")[0]):  # the usage line's metavars
        assert token in DUTCH_METAVARS, f"Engelse metavar {token} in {out.splitlines()[0]}"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--nope"],
        ["check"],
        ["check", "x.md", "--format", "nope"],
        ["check", "x.md", "--fail-on", "soms"],
        ["explain"],
        ["explain", "bestaat.niet"],
        ["annotate", "bestaat-niet.docx", "-o", "uit.docx"],
        ["chek"],
        ["check", "bestaat-niet.md"],
        ["suggest", "a", "b"],
        ["init", "--force", "a", "b"],
    ],
)
def test_cli_errors_are_dutch(run_cli, args):
    code, out, err = run_cli(*args)
    assert code == 2
    text = out + err
    assert text.strip()
    assert not english_words(text), f"{args}: {english_words(text)} in {text!r}"


def test_usage_error_reads_dutch(tmp_path):
    import subprocess
    import sys

    program = Path(sys.executable).parent / "eislint"
    proc = subprocess.run([str(program), "check", "--nope"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2
    # one line, like every other error: what is wrong, a did-you-mean, and where help is
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("eislint: fout: Onbekende optie '--nope'.")
    assert "eislint check --help" in proc.stderr


# ---------------------------------------------------------------- numbers, plurals, summaries


def test_dutch_numbers():
    assert getal(4.1666) == "4,2"
    assert getal(1500000) == "1.500.000"
    assert getal(1234.5, 2) == "1.234,50"
    assert bedrag(360000) == "€ 360.000"
    assert bedrag(12.5) == "€ 12,50"


def test_singular_and_plural():
    assert aantal(1, "document") == "1 document"
    assert aantal(2, "document") == "2 documenten"
    assert aantal(0, "melding") == "0 meldingen"
    assert aantal(1, "melding") == "1 melding"
    assert meervoud("bekende melding", 3) == "bekende meldingen"
    assert opsomming(["a", "b", "c"]) == "a, b en c"


def test_summary_of_one_document_is_singular(run_cli, tmp_path):
    (tmp_path / "pve.md").write_text("# PvE\n## Eisen\nE1. Het systeem is gebruiksvriendelijk.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "pve.md", "--format", "concise")
    assert "in 1 document\n" in out and "documenten" not in out
    assert "1 melding (0 fouten, 1 waarschuwing en 0 adviezen)" in out


def test_turnover_ratio_has_a_decimal_comma():
    text = (
        "# Aanbesteding\n## Aanleiding\nDe geraamde waarde van de opdracht is € 360.000.\n## Geschiktheid\n"
        "De Inschrijver heeft een gemiddelde jaaromzet van ten minste € 1.500.000.\n"
    )
    report = lint_text(text, select=["selectie.omzeteis"])
    (finding,) = report.findings
    assert "4,2 keer de geraamde waarde van € 360.000" in finding.message


def test_smart_message_names_what_is_missing_as_nouns():
    report = lint_text(
        "# Plan\n## Doelstelling\nWij willen de tevredenheid over het leeraanbod verbeteren.\n",
        select=["smart.doel-niet-smart"],
    )
    (finding,) = report.findings
    assert "het mist een doelwaarde met eenheid (meetbaar), een datum of termijn (tijdgebonden) en" in finding.message
    assert "mist meetbaar" not in finding.message


# ---------------------------------------------------------------- advice fits the tender


LMS_WORDS = re.compile(r"\bLMS\b|cursus|leerpad|leermateriaal|leerinhoud|leerhistorie|leeromgeving|e-learning", re.I)


def test_advice_in_a_non_lms_tender_has_no_lms_examples():
    from eislint.engine import RunOptions, lint_paths

    report = lint_paths([str(ROOT / "corpora" / "zaaksysteem-gemeente-veenoord")], RunOptions())
    assert report.findings
    for f in report.findings:
        assert not LMS_WORDS.search(f.suggestion or ""), f"{f.rule}: {f.suggestion}"


def test_advice_in_an_lms_tender_names_the_lms(tmp_path):
    text = (
        "# PvE leerplatform\n## Aanleiding\nWij zoeken een LMS. Het LMS vervangt de huidige leeromgeving.\n"
        "## Eisen\nE1. Het LMS heeft een koppeling met AFAS.\n"
    )
    report = lint_text(text, select=["volledigheid.koppeling-zonder-doel"])
    assert report.findings and "'Het LMS ontvangt dagelijks" in report.findings[0].suggestion
    other = lint_text(
        text.replace("LMS", "zaaksysteem").replace("leerplatform", "zaken").replace("leeromgeving", "applicatie"),
        select=["volledigheid.koppeling-zonder-doel"],
    )
    assert other.findings and "'De oplossing ontvangt dagelijks" in other.findings[0].suggestion
