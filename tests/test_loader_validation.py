"""What the loader refuses in a rule file, in process: one ConfigError naming the file, the line
and the problem (the CLI turns it into one Dutch line with exit 2, tests/test_cli.py)."""

from __future__ import annotations

import pytest

from eislint.loader import load_pack
from eislint.yamlio import ConfigError

BASE = {
    "id": "proef.regel",
    "check": "regex",
    "category": "vaagheid",
    "level": "warning",
    "scope": "requirement",
    "message": "'{match}' is vaag.",
}
DOCS = """docs:
  wat: "Proef."
  waarom: "Proef."
  fout: "E1. Het LMS is snel."
  goed: "E1. Het LMS reageert binnen 2 seconden."
  bron: "Proef."
"""


def _write(tmp_path, body: str, pack: str = "proef", name: str = "regel"):
    folder = tmp_path / pack
    folder.mkdir(exist_ok=True)
    (folder / "pack.yaml").write_text(f"name: {pack}\n", encoding="utf-8")
    (folder / f"{name}.yaml").write_text(body, encoding="utf-8")
    return folder


def _rule(extra: str = "patterns: ['\\bsnel\\b']", docs: str = DOCS, **changes) -> str:
    fields = {**BASE, **changes}
    head = "".join(
        f"{k}: {v!r}\n" if isinstance(v, str) and k == "message" else f"{k}: {v}\n"
        for k, v in fields.items()
        if v is not None
    )
    return head + extra + "\n" + docs


def _error(tmp_path, body: str, **kw) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_pack(_write(tmp_path, body, **kw))
    assert info.value.path.endswith(".yaml")
    return info.value


def test_the_base_rule_loads(tmp_path):
    (rule,) = load_pack(_write(tmp_path, _rule())).rules
    assert rule.id == "proef.regel" and rule.options["patterns"] == ["\\bsnel\\b"]


@pytest.mark.parametrize(
    ("changes", "extra", "line", "words"),
    [
        ({"check": "woordenlijst"}, "patterns: ['snel']", 2, "onbekend check-type 'woordenlijst'"),
        ({"check": "meta"}, "", 2, "alleen voor het pakket 'meta'"),
        ({"id": "proef.andere"}, "patterns: ['snel']", 1, "hoort 'proef.regel' te zijn"),
        ({"id": "Proef_regel"}, "patterns: ['snel']", 1, "moet de vorm '<pakket>.<regel-in-kebab-case>' hebben"),
        ({"category": "stijl"}, "patterns: ['snel']", 3, "'category' is 'stijl'"),
        ({"scope": "woord"}, "patterns: ['snel']", 5, "'scope' is 'woord'"),
        ({"level": "hoog"}, "patterns: ['snel']", 4, "'level' is 'hoog'"),
        ({}, "patterns: ['snel']\nkleur: rood", 8, "onbekende sleutel 'kleur'"),
        ({}, "patterns: ['(snel']", 7, "ongeldige reguliere expressie"),
        ({}, "", None, "verplichte optie 'patterns' ontbreekt"),
        ({"check": "lexicon"}, "terms: snel", 7, "'terms' moet een lijst zijn"),
        ({"check": "lexicon"}, "terms: [snel]\nattr: woord", 8, "'attr' moet een van lower, text, lemma zijn"),
        ({"check": "metric", "message": "Te lang: {waarde}."}, "measure: lengte", 7, "'measure' moet een van"),
        (
            {"check": "required", "message": "Ontbreekt: {ontbreekt}."},
            "sections: [gunnig]",
            7,
            "onbekende soort onderdeel 'gunnig'",
        ),
        (
            {"check": "required", "message": "Ontbreekt."},
            "anchor: trigger\nsections: [gunning]",
            7,
            "vraagt om 'only_if'",
        ),
        (
            {"check": "required", "message": "Ontbreekt."},
            "sections: [gunning]\nonly_if: [x]\nonly_if_tender: [waarde]",
            9,
            "tendercontextveld 'waarde'",
        ),
        ({"check": "pattern"}, "patterns: [[]]", 7, "moet een niet-lege lijst van token-dicts zijn"),
        ({"check": "python"}, "function: smart_doel", 7, "onbekende sleutel 'function'"),
        ({"check": "python"}, "", 2, "geen module eislint.rules.proef.regel met een functie check()"),
        ({}, "patterns: ['snel']\nrequires: [syntax]", 8, "'requires' is een lijst uit"),
        ({}, "patterns: ['snel']\nwhen: {sections: [eisen, gunnig]}", 8, "soort onderdeel 'gunnig'"),
        ({}, "patterns: ['snel']\ntender: {business_critical: misschien}", 8, "'tender' is een mapping met"),
        ({}, "patterns: ['snel']\nfix: {applicability: safe}", None, "moet 'docs.fix_veiligheid' uitleggen"),
        ({}, "patterns: ['snel']\naliases: [oud]", 8, "'aliases' is een lijst van regel-id's"),
        ({}, "patterns: ['snel']\nlevel_by_priority: {must: hoog}", 8, "'level_by_priority' is een mapping"),
        ({}, "patterns: ['snel']\nstatus: concept", 8, "'status' is stable of preview"),
        ({"message": "'{mtach}' is vaag."}, "patterns: ['snel']", 6, "Bedoelt u 'match'?"),
    ],
)
def test_what_the_loader_refuses(tmp_path, changes, extra, line, words):
    error = _error(tmp_path, _rule(extra, **changes))
    assert words in error.message, error.message
    if line is not None:
        assert error.line == line, (error.line, error.message)


def test_a_missing_common_key(tmp_path):
    error = _error(tmp_path, _rule(docs=""))
    assert "verplichte sleutel 'docs' ontbreekt" in error.message


def test_docs_must_have_every_part(tmp_path):
    error = _error(tmp_path, _rule(docs=DOCS.replace('  bron: "Proef."\n', "")))
    assert "'docs.bron' ontbreekt of is leeg" in error.message


def test_a_python_rule_with_an_unknown_option(tmp_path):
    body = _rule("options: {maximum: 3}", check="python", id="smart.doelen-niet-gescheiden", message="'{match}'.")
    error = _error(tmp_path, body, pack="smart", name="doelen-niet-gescheiden")
    assert "onbekende optie 'maximum' voor regel 'smart.doelen-niet-gescheiden'" in error.message


def test_a_duplicate_id_across_files(tmp_path):
    folder = _write(tmp_path, _rule())
    (folder / "andere.yaml").write_text(_rule(id="proef.andere", aliases="[proef.regel]"), encoding="utf-8")
    with pytest.raises(ConfigError, match="regel-id 'proef.regel' bestaat al"):
        load_pack(folder)


def test_a_pack_without_pack_yaml(tmp_path):
    (tmp_path / "leeg").mkdir()
    with pytest.raises(ConfigError, match="pakket mist pack.yaml"):
        load_pack(tmp_path / "leeg")
