"""Rule documentation rendered from the rule files: `eislint explain` and docs/rules.md."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from eislint.dutch.output import APPLICABILITY_WORDS, SCOPE_WORDS
from eislint.loader import Pack, Rule

_SEVERITY = {"error": "fout", "warning": "waarschuwing", "info": "advies"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")

# What a placeholder in a suggestion stands for, when no example fills it in.
_PLACEHOLDER_WORDS = {
    "match": "de gevonden woorden",
    "rewrite": "de eis zonder de gevonden woorden",
    "hoofdvorm": "de vorm die het document het vaakst gebruikt",
    "splitsing": "de afzonderlijke eisen, genummerd als E3a, E3b",
    "suggestie": "het advies dat bij de gevonden term hoort",
    "doel": "100% of het totaal aantal punten",
    "sjabloon": "het doel met doelwaarde, termijn en meetmethode",
    "systeem": "de oplossing",
    "Systeem": "De oplossing",
}
# what each applicability means for the user, as `eislint explain` says it
FIX_SAFETY = {
    "safe": "veilig, verandert de betekenis niet (eislint check --fix past haar toe)",
    "unsafe": "onveilig, kan de eis veranderen (alleen met eislint check --fix --unsafe-fixes)",
    "display-only": "alleen ter inzage (eislint check --diff --unsafe-fixes toont haar; nooit toegepast)",
}
FIX_SAFETY_WORD = {"safe": "Veilig", "unsafe": "Onveilig", "display-only": "Alleen ter inzage"}


def explain(rule: Rule) -> str:
    lines = [
        f"{rule.id}  ({rule.category}, {rule.level.dutch}, bereik: {SCOPE_WORDS.get(rule.scope, rule.scope)})",
        "",
        "Wat",
        _indent(rule.docs["wat"]),
        "",
        "Waarom",
        _indent(rule.docs["waarom"]),
        "",
        "Fout (deze tekst geeft een melding)",
        _indent(rule.docs["fout"]),
        "",
        "Goed (deze tekst niet)",
        _indent(rule.docs["goed"]),
        "",
        "Bron",
        _indent(rule.docs["bron"]),
    ]
    if rule.suggestion:
        if PLACEHOLDER.search(rule.suggestion):
            example = example_suggestion(rule)
            if example:
                lines += ["", "Herschrijfadvies (bij het foute voorbeeld hierboven)", _indent(example)]
            else:
                lines += ["", "Herschrijfadvies", _indent(describe_placeholders(rule.suggestion))]
        else:
            lines += ["", "Herschrijfadvies", _indent(rule.suggestion)]
    if rule.fix:
        lines += [
            "",
            f"Automatische correctie: {FIX_SAFETY[rule.fix['applicability']]}",
            _indent(rule.docs["fix_veiligheid"]),
        ]
    else:
        lines += ["", "Automatische correctie: geen"]
    if rule.aliases:
        lines += ["", "Oude namen: " + ", ".join(rule.aliases)]
    lines += [
        "",
        f"Uitzetten: ignore: [{rule.id}] in eislint.yaml, of per plek:",
        f"  <!-- eislint: negeer {rule.id} -- reden: ... -->",
    ]
    return "\n".join(lines)


def _applicability(rule: Rule) -> str:
    value = (rule.fix or {}).get("applicability", "")
    return APPLICABILITY_WORDS.get(value, value)


def describe_placeholders(template: str) -> str:
    """The template with each placeholder said in words: '[de gevonden woorden]'."""
    return PLACEHOLDER.sub(lambda m: f"[{_PLACEHOLDER_WORDS.get(m.group(1), 'de gevonden tekst')}]", template)


def example_suggestion(rule: Rule) -> str | None:
    """The advice the rule gives on its own `docs.fout` example: a template such as
    '{suggestie}' or '{rewrite}' means nothing to a reader until it is filled in.

    Runs with the built-in defaults, never with an eislint.yaml found near the current folder.
    """
    from eislint.engine import RunOptions, lint_paths
    from eislint.loader import all_rules

    select = [rule.id] if rule.pack != "meta" else [r.id for r in all_rules()]
    with tempfile.TemporaryDirectory(prefix="eislint-uitleg-") as tmp:
        config = Path(tmp) / "eislint.yaml"
        config.write_text("fail-on: error\n", encoding="utf-8")
        options = RunOptions(select=select, stdin_name="voorbeeld.md", config_path=config)
        report = lint_paths(["-"], options, stdin=rule.docs["fout"].encode("utf-8"))
    for finding in report.findings:
        if finding.rule == rule.id and finding.suggestion and not PLACEHOLDER.search(finding.suggestion):
            return finding.suggestion
    return None


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.strip().splitlines())


def markdown(packs: list[Pack]) -> str:
    """docs/rules.md: generated, never edited by hand (a test keeps it in sync)."""
    out = ["# Regels", "", "Gegenereerd met `eislint rules --format markdown`; niet met de hand bewerken.", ""]
    for pack in packs:
        out += [f"## Pakket `{pack.name}`", "", pack.description.strip(), ""]
        out += ["| regel | categorie | ernst | bereik |", "|---|---|---|---|"]
        out += [
            f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.category} | {_SEVERITY[r.level.label]} | {SCOPE_WORDS.get(r.scope, r.scope)} |"
            for r in pack.rules
        ]
        out.append("")
        for r in pack.rules:
            out += [
                f"### {r.id}",
                "",
                f"*{r.category} · {_SEVERITY[r.level.label]} · bereik {SCOPE_WORDS.get(r.scope, r.scope)}"
                f" · controle `{r.check}`*",
                "",
            ]
            out += [f"**Wat.** {r.docs['wat']}", "", f"**Waarom.** {r.docs['waarom']}", ""]
            out += [
                "**Fout:**",
                "",
                "```text",
                r.docs["fout"].rstrip(),
                "```",
                "",
                "**Goed:**",
                "",
                "```text",
                r.docs["goed"].rstrip(),
                "```",
                "",
                f"**Bron.** {r.docs['bron']}",
                "",
            ]
            if r.suggestion:
                out += [f"**Herschrijfadvies.** {describe_placeholders(r.suggestion)}", ""]
            if r.fix:
                out += [f"**Correctie ({_applicability(r)}).** {r.docs['fix_veiligheid']}", ""]
    return "\n".join(out)
