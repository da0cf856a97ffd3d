"""`eislint suggest` for writers: findings and rewritten requirements for one text."""

from __future__ import annotations

import json


def test_suggest_issue_example_gives_the_functional_requirement(run_cli):
    text = ("Het LMS dient content tussen twee academies uit te wisselen door bij het aanmaken van content de "
            "optie te krijgen om deze zichtbaar te maken op meerdere academies. Deze optie moet alleen zichtbaar "
            "zijn voor beheerders.")
    code, out, _ = run_cli("suggest", text, "--format", "json")
    assert code == 0
    data = json.loads(out)
    rules = {f["rule"] for f in data["findings"]}
    assert {"eisen.methode-clausule", "eisen.ui-element", "eisen.samengesteld"} <= rules
    assert "Het LMS dient content tussen twee academies uit te wisselen." in data["rewrites"]


def test_suggest_from_stdin_text_output(run_cli):
    code, out, _ = run_cli("suggest", "--ignore", "eisen.afkorting-onbekend",
                           input="E4. Het LMS ondersteunt indien mogelijk SAML 2.0 en/of OpenID Connect.\n")
    assert code == 0
    assert "ontsnappingsclausule" in out and "en-of" in out
    assert "Herschreven:" in out and "E4. Het LMS ondersteunt SAML 2.0 en/of OpenID Connect." in out


def test_suggest_clean_requirement(run_cli):
    code, out, _ = run_cli("suggest", "E1. Een medewerker vindt een cursus binnen 30 seconden.")
    assert code == 0 and "Geen opmerkingen" in out


def test_suggest_split_compound(run_cli):
    code, out, _ = run_cli("suggest", "E6. Het LMS moet SCORM 1.2 ondersteunen en moet rapportages naar CSV exporteren.",
                           "--format", "json")
    data = json.loads(out)
    assert ("E6a. Het LMS moet SCORM 1.2 ondersteunen. E6b. Het LMS moet rapportages naar CSV exporteren."
            in data["rewrites"])
