"""`eislint suggest` for writers: findings and rewritten requirements for one text."""

from __future__ import annotations

import json


def test_suggest_issue_example_gives_the_functional_requirement(run_cli):
    text = (
        "Het LMS dient content tussen twee academies uit te wisselen door bij het aanmaken van content de "
        "optie te krijgen om deze zichtbaar te maken op meerdere academies. Deze optie moet alleen zichtbaar "
        "zijn voor beheerders."
    )
    code, out, _ = run_cli("suggest", text, "--format", "json")
    assert code == 0
    data = json.loads(out)
    rules = {f["rule"] for f in data["findings"]}
    assert {"eisen.methode-clausule", "eisen.ui-element", "eisen.samengesteld"} <= rules
    assert "Het LMS dient content tussen twee academies uit te wisselen." in data["rewrites"]


def test_suggest_from_stdin_text_output(run_cli):
    code, out, _ = run_cli(
        "suggest",
        "--ignore",
        "eisen.afkorting-onbekend",
        input="E4. Het LMS ondersteunt indien mogelijk SAML 2.0 en/of OpenID Connect.\n",
    )
    assert code == 0
    assert "ontsnappingsclausule" in out and "en-of" in out
    assert "Herschreven:" in out and "E4. Het LMS ondersteunt SAML 2.0 en/of OpenID Connect." in out


def test_suggest_clean_requirement(run_cli):
    code, out, _ = run_cli("suggest", "E1. Een medewerker vindt een cursus binnen 30 seconden.")
    assert code == 0 and "Geen opmerkingen" in out


def test_suggest_split_compound(run_cli):
    code, out, _ = run_cli(
        "suggest",
        "E6. Het LMS moet SCORM 1.2 ondersteunen en moet rapportages naar CSV exporteren.",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert (
        "E6a. Het LMS moet SCORM 1.2 ondersteunen. E6b. Het LMS moet rapportages naar CSV exporteren."
        in data["rewrites"]
    )


def test_suggest_reports_only_what_concerns_the_requirement(run_cli):
    code, out, _ = run_cli("suggest", "E1. Het OTAP-beheer van het LMS ondersteunt SCORM 1.2.", "--format", "json")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert not any(r.startswith(("volledigheid.", "gunning.", "contract.")) for r in rules)
    assert "eisen.afkorting-onbekend" not in rules


def test_no_rewrite_that_the_rules_flag_again(run_cli):
    """Dropping 'indien mogelijk' leaves 'snel': the rewrite is offered because it has fewer findings
    and nothing new; a candidate the rules would flag with something new is never offered."""
    from eislint.engine import RunOptions, lint_paths
    from eislint.suggest import rewrites

    def check(text):
        return lint_paths(["-"], RunOptions(stdin_name="eis.txt"), stdin=text.encode("utf-8"))

    text = "E2. Het LMS toont indien mogelijk snel de voortgang."
    offered = rewrites(check(text), text, check)
    assert offered == ["E2. Het LMS toont snel de voortgang."]
    for candidate in offered:
        after = {(f.rule, f.match) for f in check(candidate).findings}
        before = {(f.rule, f.match) for f in check(text).findings}
        assert after < before or not after


def test_no_dangling_rewrite():
    from eislint.suggest import _whole

    assert _whole("E6a. Het LMS ondersteunt SCORM 1.2. E6b. Het LMS exporteert rapportages naar CSV.")
    assert not _whole("E6a. Het LMS ondersteunt SCORM 1.2 en.")
    assert not _whole("E6a. Het LMS ondersteunt SCORM 1.2. E6b. Kan.")


def test_a_rewrite_with_a_new_problem_is_dropped():
    from eislint.engine import RunOptions, lint_paths
    from eislint.suggest import rewrites

    def check(text):
        return lint_paths(["-"], RunOptions(stdin_name="eis.txt"), stdin=text.encode("utf-8"))

    report = check("E2. Het LMS toont indien mogelijk de voortgang.")
    for finding in report.findings:  # pretend a rule derived a rewrite with a vague word in it
        finding.rewrite = "E2. Het LMS toont snel de voortgang."
    assert "E2. Het LMS toont snel de voortgang." not in rewrites(
        report, "E2. Het LMS toont indien mogelijk de voortgang.", check
    )
