"""Load rule packs (rules/<pack>/pack.yaml + one YAML file per rule), strictly validated.

Loading never executes code from a rule file: YAML is read with the safe loader and a
`python` rule runs the module that ships for its id (eislint.rules.<pack>.<rule>).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eislint.checks import CHECK_TYPES, CheckType
from eislint.didyoumean import hint, unknown
from eislint.document import REQUIREMENT_KINDS, SECTION_KINDS
from eislint.findings import Applicability, Severity
from eislint.roles import ROLES
from eislint.yamlio import ConfigError, YamlDoc, load_yaml

CATEGORIES = (
    "overspecificatie",
    "vaagheid",
    "samengesteld",
    "smart",
    "beveiliging",
    "gelijkwaardigheid",
    "gibit-saas",
    "selectie",
    "gunning",
    "contract",
    "volledigheid",
    "toegankelijkheid",
    "standaarden",
    "leesbaarheid",
    "samenhang",
    "meta",
)
SCOPES = ("document", "section", "requirement", "paragraph", "sentence")
ANNOTATION_NAMES = ("lemma", "pos", "morph", "dep", "sents", "ents")
_ID = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$")
_COMMON = {
    "id",
    "check",
    "category",
    "level",
    "scope",
    "message",
    "docs",
    "suggestion",
    "fix",
    "requires",
    "when",
    "aliases",
    "status",
    "tender",
    "level_by_priority",
}
_TENDER_KEYS = {"business_critical": bool, "personal_data": bool, "domain": str}
_DOCS = {"wat", "waarom", "fout", "goed", "bron", "fix_veiligheid", "opmerking"}
_WHEN = {
    "sections",
    "requirements",
    "not_sections",
    "not_requirements",
    "roles",
    "not_roles",
    "priorities",
    "not_priorities",
}
_PACK = {"name", "description", "beschrijving", "version"}
_WHEN_VALUES = {
    "sections": SECTION_KINDS,
    "requirements": REQUIREMENT_KINDS,
    "roles": ROLES,
    "priorities": ("must", "should", "could", "wont"),
}
_WHEN_LABELS = {
    "sections": "soort onderdeel",
    "requirements": "soort eis",
    "roles": "documentrol",
    "priorities": "prioriteit",
}


@dataclass(slots=True)
class Rule:
    id: str
    pack: str
    check: str
    category: str
    level: Severity
    scope: str
    message: str
    docs: dict[str, str]
    options: dict[str, Any]
    path: str
    suggestion: str | None = None
    fix: dict[str, Any] | None = None
    requires: frozenset[str] = frozenset()
    when: dict[str, list[str]] = field(default_factory=dict)
    tender: dict[str, Any] = field(default_factory=dict)
    # another level for requirements of a given MoSCoW priority ({could: warning})
    level_by_priority: dict[str, Severity] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    status: str = "stable"

    @property
    def citation(self) -> str:
        return self.docs.get("bron", "")

    @property
    def fix_applicability(self) -> Applicability | None:
        return Applicability(self.fix["applicability"]) if self.fix else None

    def with_overrides(self, level: Severity | None, options: dict[str, Any]) -> Rule:
        from dataclasses import replace

        return replace(self, level=level or self.level, options={**self.options, **options})


@dataclass(slots=True)
class Pack:
    name: str
    description: str
    path: str
    rules: list[Rule]


def rules_dir() -> Path:
    """Rules ship inside the wheel as eislint/_rules; in a checkout they live in rules/."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


def load_packs(directory: Path | None = None) -> list[Pack]:
    directory = directory or rules_dir()
    return list(_load_packs_cached(str(directory)))


@lru_cache(maxsize=4)
def _load_packs_cached(directory: str) -> tuple[Pack, ...]:
    root = Path(directory)
    if not root.is_dir():
        raise ConfigError(directory, "map met regels bestaat niet")
    packs = []
    seen: dict[str, str] = {}
    for pack_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        packs.append(load_pack(pack_dir, seen))
    return tuple(packs)


def load_pack(pack_dir: Path, seen: dict[str, str] | None = None) -> Pack:
    seen = {} if seen is None else seen
    meta_path = pack_dir / "pack.yaml"
    if not meta_path.is_file():
        raise ConfigError(pack_dir, "pakket mist pack.yaml")
    meta = load_yaml(meta_path)
    if not isinstance(meta.data, dict):
        raise meta.error("pack.yaml moet een mapping zijn")
    for key in meta.data:
        if key not in _PACK:
            raise meta.error(f"onbekende sleutel '{key}'", key)
    name = meta.data.get("name", pack_dir.name)
    if name != pack_dir.name:
        raise meta.error(f"naam '{name}' komt niet overeen met de map '{pack_dir.name}'", "name")
    rules = []
    for rule_path in sorted(pack_dir.glob("*.yaml")):
        if rule_path.name == "pack.yaml":
            continue
        rule = load_rule(rule_path, name)
        for ident in (rule.id, *rule.aliases):
            if ident in seen:
                raise ConfigError(rule_path, f"regel-id '{ident}' bestaat al in {seen[ident]}")
            seen[ident] = str(rule_path)
        rules.append(rule)
    description = meta.data.get("beschrijving") or meta.data.get("description") or ""
    return Pack(name=name, description=description, path=str(pack_dir), rules=rules)


def load_rule(path: Path, pack: str) -> Rule:
    """A rule file, validated key by key: the common keys here, the check type's options from the
    table its type declares (`CheckType.options`, plus its `validate`). The first problem is an
    error with the file and line."""
    doc = load_yaml(path)
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error("een regelbestand moet een mapping zijn")
    for key in ("id", "check", "category", "level", "scope", "message", "docs"):
        if key not in data:
            raise doc.error(f"verplichte sleutel '{key}' ontbreekt")
    rule_id = _rule_id(doc, f"{pack}.{path.stem}")
    check_type = _check_type(doc, pack)
    _enum(doc, "category", CATEGORIES)
    _enum(doc, "scope", SCOPES)
    _enum(doc, "level", ("error", "warning", "info"))
    if not isinstance(data["message"], str) or not data["message"].strip():
        raise doc.error("'message' moet een niet-lege tekst zijn", "message")
    docs = _docs(doc)
    settable = check_type.public_options()
    given = check_type.bind({k: v for k, v in data.items() if k in settable}, rule_id)
    options = validate_options(check_type.name, given, doc)
    requires = _requires(doc) | check_type.annotations_for(options)
    when = _when(doc)
    tender = _tender(doc)
    fix = _fix(doc, docs)
    suggestion = data.get("suggestion")
    if suggestion is not None and not isinstance(suggestion, str):
        raise doc.error("'suggestion' moet tekst zijn", "suggestion")
    _check_templates(
        doc,
        check_type.name,
        options,
        (("message",), data["message"]),
        (("suggestion",), suggestion),
        (("fix", "title"), (fix or {}).get("title")),
    )
    aliases = _aliases(doc)
    by_priority = _level_by_priority(doc)
    status = _status(doc)
    return Rule(
        id=rule_id,
        pack=pack,
        check=check_type.name,
        category=data["category"],
        level=Severity.parse(data["level"]),
        scope=data["scope"],
        message=data["message"].strip(),
        docs=docs,
        options=options,
        path=str(path),
        suggestion=suggestion.strip() if suggestion else None,
        fix=fix,
        requires=frozenset(requires),
        when=when,
        tender=tender,
        level_by_priority=by_priority,
        aliases=aliases,
        status=status,
    )


def _rule_id(doc: YamlDoc, expected: str) -> str:
    rule_id = doc.data["id"]
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise doc.error(f"id '{rule_id}' moet de vorm '<pakket>.<regel-in-kebab-case>' hebben", "id")
    if rule_id != expected:
        raise doc.error(f"id '{rule_id}' hoort '{expected}' te zijn (pakket.bestandsnaam)", "id")
    return rule_id


def _check_type(doc: YamlDoc, pack: str) -> CheckType:
    """The rule's check type; every other key must be a common key or one of its options."""
    check = doc.data["check"]
    if check not in CHECK_TYPES:
        raise doc.error(f"onbekend check-type '{check}' (kies uit {', '.join(CHECK_TYPES)})", "check")
    check_type = CHECK_TYPES[check]
    if check_type.packs is not None and pack not in check_type.packs:
        raise doc.error(f"check-type '{check}' is alleen voor het pakket '{', '.join(check_type.packs)}'", "check")
    settable = check_type.public_options()
    for key in doc.data:
        if key not in _COMMON and key not in settable:
            allowed = ", ".join(sorted(settable)) or "geen"
            raise doc.error(f"onbekende sleutel '{key}' (opties voor check '{check}': {allowed})", key)
    return check_type


def _requires(doc: YamlDoc) -> set[str]:
    requires = doc.data.get("requires", [])
    if not isinstance(requires, list) or any(r not in ANNOTATION_NAMES for r in requires):
        raise doc.error(f"'requires' is een lijst uit {', '.join(ANNOTATION_NAMES)}", "requires")
    return set(requires)


def _when(doc: YamlDoc) -> dict[str, list[str]]:
    when = doc.data.get("when", {})
    if not isinstance(when, dict) or any(k not in _WHEN for k in when):
        bad = next((k for k in when if k not in _WHEN), "when") if isinstance(when, dict) else "when"
        raise doc.error(f"onbekende sleutel '{bad}' in 'when' (kies uit {', '.join(sorted(_WHEN))})", "when", bad)
    for key, values in when.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise doc.error(f"'when.{key}' moet een lijst van teksten zijn", "when", key)
        kinds = _WHEN_VALUES[key.removeprefix("not_")]
        label = _WHEN_LABELS[key.removeprefix("not_")]
        for i, value in enumerate(values):
            if value not in kinds:  # a misspelt kind would make the rule never fire, silently
                raise doc.error(unknown(label, value, kinds, f"when.{key}"), "when", key, i)
    return when


def _tender(doc: YamlDoc) -> dict[str, Any]:
    tender = doc.data.get("tender", {})
    if not isinstance(tender, dict) or any(
        k not in _TENDER_KEYS or not isinstance(v, _TENDER_KEYS[k]) for k, v in tender.items()
    ):
        raise doc.error(f"'tender' is een mapping met {', '.join(_TENDER_KEYS)} (met de juiste waarde)", "tender")
    return tender


def _fix(doc: YamlDoc, docs: dict[str, str]) -> dict[str, Any] | None:
    fix = doc.data.get("fix")
    if fix is None:
        return None
    if not isinstance(fix, dict) or set(fix) - {"applicability", "title"} or "applicability" not in fix:
        raise doc.error("'fix' is een mapping met 'applicability' (en optioneel 'title')", "fix")
    if fix["applicability"] not in {a.value for a in Applicability}:
        raise doc.error("'fix.applicability' is safe, unsafe of display-only", "fix", "applicability")
    if "fix_veiligheid" not in docs:
        raise doc.error("een regel met een fix moet 'docs.fix_veiligheid' uitleggen", "docs")
    return fix


def _aliases(doc: YamlDoc) -> tuple[str, ...]:
    aliases = doc.data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and _ID.match(a) for a in aliases):
        raise doc.error("'aliases' is een lijst van regel-id's", "aliases")
    return tuple(aliases)


def _level_by_priority(doc: YamlDoc) -> dict[str, Severity]:
    by_priority = doc.data.get("level_by_priority", {})
    if not isinstance(by_priority, dict) or any(
        k not in _WHEN_VALUES["priorities"] or v not in ("error", "warning", "info") for k, v in by_priority.items()
    ):
        raise doc.error(
            "'level_by_priority' is een mapping van must/should/could/wont naar error/warning/info", "level_by_priority"
        )
    return {k: Severity.parse(v) for k, v in by_priority.items()}


def _status(doc: YamlDoc) -> str:
    status = doc.data.get("status", "stable")
    if status not in ("stable", "preview"):
        raise doc.error("'status' is stable of preview", "status")
    return status


def validate_options(check: str, given: dict[str, Any], doc: YamlDoc | None = None, where: str = "") -> dict[str, Any]:
    """Check-type options merged with defaults; errors name the option (and line)."""
    check_type = CHECK_TYPES[check]

    def fail(message: str, key: Any) -> ConfigError:
        if doc is not None:
            return doc.error(message, *(key if isinstance(key, tuple) else (key,)))
        return ConfigError(where or check, message)

    for name, opt in check_type.options.items():
        if name in given:
            msg = opt.validate(name, given[name])
            if msg:
                raise fail(msg, name)
        elif opt.required:
            raise fail(f"verplichte optie '{name}' ontbreekt voor check '{check}'", name)
    merged = {name: given.get(name, opt.default) for name, opt in check_type.options.items()}
    for key, message in check_type.validate(merged):
        raise fail(message, key)
    return merged


def _check_templates(doc: YamlDoc, check: str, options: dict[str, Any], *templates: tuple[tuple, Any]) -> None:
    """Every {placeholder} must be one the rule can fill: a misspelt one rendered as empty text."""
    from eislint.placeholders import available, fields

    known = available(check, options)
    for keys, template in templates:
        if not isinstance(template, str):
            continue
        where = ".".join(keys)
        try:
            names = fields(template)
        except ValueError as exc:
            raise doc.error(f"'{where}': {exc}", *keys) from None
        for name in names:
            if name not in known:
                raise doc.error(
                    f"'{where}': plaatshouder {{{name}}} kan deze regel niet invullen.{hint(name, known)}"
                    f" (beschikbaar: {', '.join(sorted(known))})",
                    *keys,
                )


def _enum(doc: YamlDoc, key: str, allowed: tuple[str, ...]) -> None:
    if doc.data[key] not in allowed:
        raise doc.error(f"'{key}' is '{doc.data[key]}', kies uit: {', '.join(allowed)}", key)


def _docs(doc: YamlDoc) -> dict[str, str]:
    docs = doc.data["docs"]
    if not isinstance(docs, dict):
        raise doc.error("'docs' moet een mapping zijn", "docs")
    for key in docs:
        if key not in _DOCS:
            raise doc.error(f"onbekende sleutel '{key}' in docs (kies uit {', '.join(sorted(_DOCS))})", "docs", key)
    for key in ("wat", "waarom", "fout", "goed", "bron"):
        if not isinstance(docs.get(key), str) or not docs[key].strip():
            raise doc.error(f"'docs.{key}' ontbreekt of is leeg", "docs", key)
    return {k: v.strip() for k, v in docs.items()}


def all_rules(directory: Path | None = None) -> list[Rule]:
    return [r for pack in load_packs(directory) for r in pack.rules]
