"""Rule documentation rendered from the rule files: `eislint explain` and docs/rules.md."""

from __future__ import annotations

from eislint.loader import Pack, Rule

_SEVERITY = {"error": "fout", "warning": "waarschuwing", "info": "advies"}
# what each applicability means for the user, as `eislint explain` says it
FIX_SAFETY = {
    "safe": "veilig, verandert de betekenis niet (eislint check --fix past haar toe)",
    "unsafe": "onveilig, kan de eis veranderen (alleen met eislint check --fix --unsafe-fixes)",
    "display-only": "alleen ter inzage (eislint check --diff --unsafe-fixes toont haar; nooit toegepast)",
}
FIX_SAFETY_WORD = {"safe": "Veilig", "unsafe": "Onveilig", "display-only": "Alleen ter inzage"}


def explain(rule: Rule) -> str:
    lines = [
        f"{rule.id}  ({rule.category}, {rule.level.dutch}, bereik: {rule.scope})",
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
        lines += ["", "Herschrijfadvies", _indent(rule.suggestion)]
    if rule.fix:
        lines += ["", f"Automatische correctie: {FIX_SAFETY[rule.fix['applicability']]}",
                  _indent(rule.docs["fix_veiligheid"])]
    else:
        lines += ["", "Automatische correctie: geen"]
    if rule.aliases:
        lines += ["", "Oude namen: " + ", ".join(rule.aliases)]
    lines += ["", f"Uitzetten: ignore: [{rule.id}] in eislint.yaml, of per plek:",
              f"  <!-- eislint: negeer {rule.id} -- reden: ... -->"]
    return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.strip().splitlines())


def markdown(packs: list[Pack]) -> str:
    """docs/rules.md: generated, never edited by hand (a test keeps it in sync)."""
    out = ["# Regels", "", "Gegenereerd met `eislint rules --format markdown`; niet met de hand bewerken.", ""]
    for pack in packs:
        out += [f"## Pakket `{pack.name}`", "", pack.description.strip(), ""]
        out += ["| regel | categorie | ernst | bereik |", "|---|---|---|---|"]
        out += [f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.category} | {_SEVERITY[r.level.label]} | {r.scope} |"
                for r in pack.rules]
        out.append("")
        for r in pack.rules:
            out += [f"### {r.id}", "", f"*{r.category} · {_SEVERITY[r.level.label]} · bereik {r.scope} · check `{r.check}`*", ""]
            out += [f"**Wat.** {r.docs['wat']}", "", f"**Waarom.** {r.docs['waarom']}", ""]
            out += ["**Fout:**", "", "```text", r.docs["fout"].rstrip(), "```", "", "**Goed:**", "", "```text",
                    r.docs["goed"].rstrip(), "```", "", f"**Bron.** {r.docs['bron']}", ""]
            if r.suggestion:
                out += [f"**Herschrijfadvies.** {r.suggestion}", ""]
            if r.fix:
                out += [f"**Correctie ({r.fix['applicability']}).** {r.docs['fix_veiligheid']}", ""]
    return "\n".join(out)
