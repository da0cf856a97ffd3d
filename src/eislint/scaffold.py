"""`eislint new-rule PACK NAME --type lexicon|regex|python`: the files of a new rule, ready to run.

A rule is its YAML file and its fixture; a python rule adds its module, named by the rule id
(eislint.rules). Every scaffold loads and runs as written: its `docs.fout` fires, its
`docs.goed` does not, and its fixture has one firing and one silent case. The author then
replaces the example term, pattern or code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

TYPES = ("lexicon", "regex", "python")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")

_HEADER = """id: {rule_id}
check: {check}
category: vaagheid
level: warning
scope: requirement
message: "{message}"
"""
_DOCS = """docs:
  wat: "TODO: wat de regel meldt."
  waarom: "TODO: waarom dat een probleem is."
  fout: "E1. Het LMS is voorbeeldig."
  goed: "E1. Het LMS reageert binnen 2 seconden."
  bron: "TODO: de bron (wet, gids, norm)."
"""
_OPTIONS = {
    "lexicon": 'attr: lower\nterms:\n  - {term: voorbeeldig, suggestie: "TODO: hoe het beter kan."}\n',
    "regex": "patterns:\n  - '\\b(?P<match>voorbeeldig)\\b'\n",
    "python": "",
}
_MESSAGES = {
    "lexicon": "'{match}' is een voorbeeld; TODO: de melding.",
    "regex": "'{match}' is een voorbeeld; TODO: de melding.",
    "python": "'{match}' is een voorbeeld; TODO: de melding.",
}
_PACK = """name: {pack}
beschrijving: >-
  TODO: waar de regels van dit pakket over gaan.
version: "0.1"
"""
_FIXTURE = """rule: {rule_id}
cases:
  fires:
    text: "E1. Het LMS is voorbeeldig.\\n"
    expect: [{{line: 1, column: 16, match: "voorbeeldig", severity: warning}}]
  silent:
    text: "E1. Het LMS reageert binnen 2 seconden.\\n"
    expect: []
"""
_MODULE = '''"""{rule_id}: TODO: what this rule finds and how (developer documentation).

`check` gets one unit of the rule's scope (here: a requirement) and yields a Hit per finding;
`OPTIONS` declares what the rule file may set under `options:`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit

OPTIONS = {{
    "woorden": Option(list, default=["voorbeeldig"], doc="woorden die een melding geven"),
}}


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    for word in options["woorden"]:
        for m in re.finditer(rf"\\b{{re.escape(word)}}\\b", unit.text, re.I):
            yield Hit(unit.start + m.start(), unit.start + m.end())
'''


@dataclass(frozen=True, slots=True)
class Scaffold:
    rule_id: str
    written: tuple[Path, ...]


def new_rule(root: Path, pack: str, name: str, kind: str) -> Scaffold:
    """Write the files of rule `<pack>.<name>` under the checkout `root`; ValueError (Dutch) when
    the name is invalid or a file exists already (nothing is overwritten)."""
    if kind not in TYPES:
        raise ValueError(f"onbekend type '{kind}' (kies uit {', '.join(TYPES)})")
    for label, value in (("pakket", pack), ("regel", name)):
        if not _NAME.match(value):
            raise ValueError(f"{label} '{value}' moet kebab-case zijn (kleine letters, cijfers en '-')")
    rule_id = f"{pack}.{name}"
    files: dict[Path, str] = {}
    pack_dir = root / "rules" / pack
    if not (pack_dir / "pack.yaml").exists():
        files[pack_dir / "pack.yaml"] = _PACK.format(pack=pack)
    body = _HEADER.format(rule_id=rule_id, check=kind, message=_MESSAGES[kind]) + _OPTIONS[kind] + _DOCS
    files[pack_dir / f"{name}.yaml"] = body
    files[root / "tests" / "fixtures" / "rules" / pack / f"{name}.yaml"] = _FIXTURE.format(rule_id=rule_id)
    if kind == "python":
        package = root / "src" / "eislint" / "rules" / pack.replace("-", "_")
        if not (package / "__init__.py").exists():
            files[package / "__init__.py"] = ""
        files[package / f"{name.replace('-', '_')}.py"] = _MODULE.format(rule_id=rule_id)
    existing = [p for p in files if p.exists()]
    if existing:
        raise ValueError(f"{existing[0]} bestaat al; er is niets geschreven")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Scaffold(rule_id, tuple(files))
