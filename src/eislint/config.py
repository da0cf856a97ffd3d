"""Layered configuration: eislint.yaml or [tool.eislint], nearest to the checked file wins.

Inheritance only through `extends:`. Unknown keys are errors naming the key (and line).
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eislint.didyoumean import unknown
from eislint.findings import Severity
from eislint.loader import CATEGORIES, Rule, validate_options
from eislint.tender_context import TENDER_FIELD_TYPES, TENDER_FIELDS, TenderContext  # noqa: F401 (TENDER_FIELDS, TenderContext re-exported)
from eislint.yamlio import ConfigError, YamlDoc, load_yaml

CONFIG_NAMES = ("eislint.yaml", ".eislint.yaml", "eislint.yml")
_TOP = {
    "extends",
    "select",
    "ignore",
    "extend-select",
    "rules",
    "per-path-ignores",
    "nlp",
    "tender",
    "fail-on",
    "format",
    "max-bestandsgrootte",
}
_RULE_KEYS = {"level", "enabled"}
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(slots=True)
class RuleSettings:
    level: Severity | None = None
    enabled: bool | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Config:
    path: str | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    nlp_model: str | None = None
    tender: TenderContext = field(default_factory=TenderContext)
    fail_on: str = "error"
    format: str | None = None
    max_file_mb: float = 50.0
    root: Path = field(default_factory=Path.cwd)

    # ------------------------------------------------------------ selection

    def enabled_rules(self, rules: list[Rule], path: str | None = None) -> list[Rule]:
        """Rules in force for `path`: selection, per-rule settings, per-path ignores."""
        ignore = list(self.ignore)
        if path is not None:
            rel = _relative(path, self.root)
            for pattern, selectors in self.per_path_ignores.items():
                if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                    ignore.extend(selectors)
        out = []
        for rule in rules:
            settings = self.rules.get(rule.id)
            if settings is not None and settings.enabled is False:
                continue
            explicitly_on = settings is not None and settings.enabled is True
            if not explicitly_on and not selected(rule, self.select, self.extend_select, ignore):
                continue
            if settings is not None and (settings.level or settings.options):
                rule = rule.with_overrides(settings.level, settings.options)
            out.append(rule)
        return out


def _specificity(rule: Rule, selector: str) -> int:
    if selector == rule.id or selector in rule.aliases:
        return 3
    if selector in (rule.pack, rule.category):
        return 2
    if selector.upper() == "ALL":
        return 1
    return 0


def selected(rule: Rule, select: list[str] | None, extend: list[str], ignore: list[str]) -> bool:
    """Most specific selector wins (rule id > pack or category > ALL); on a tie, ignore wins."""
    positive = max((_specificity(rule, s) for s in (select if select is not None else ["ALL"]) + extend), default=0)
    negative = max((_specificity(rule, s) for s in ignore), default=0)
    return positive > 0 and positive > negative


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


# ---------------------------------------------------------------- discovery and loading


def find_config(start: Path) -> Path | None:
    """The nearest eislint.yaml or pyproject.toml with [tool.eislint], from `start` upwards."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    """A pyproject.toml with [tool.eislint]; one that does not parse but names the table counts
    too, so that its error is reported instead of silently checking with the defaults."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = tomllib.loads(text).get("tool", {})
        return isinstance(tool, dict) and "eislint" in tool
    except (tomllib.TOMLDecodeError, RecursionError):
        return re.search(r"(?m)^\s*(?:\[\s*tool\s*\.\s*eislint\b|tool\s*\.\s*eislint\s*[.=])", text) is not None


def load_config(path: Path | None, rules: list[Rule], _chain: tuple[str, ...] = ()) -> Config:
    if path is None:
        return Config()
    raw, doc = _read(path)
    key = str(path.resolve())
    if key in _chain:
        raise ConfigError(path, "'extends' verwijst in een kring naar zichzelf")
    base = Config()
    if "extends" in raw:
        parent = raw["extends"]
        if not isinstance(parent, str):
            raise _err(path, doc, "'extends' moet een pad zijn", "extends")
        parent_path = (path.parent / parent).resolve()
        if not parent_path.is_file():
            raise _err(path, doc, f"'extends' verwijst naar '{parent}', dat niet bestaat", "extends")
        base = load_config(parent_path, rules, _chain + (key,))
    config = _apply(base, raw, path, doc, rules)
    config.path = str(path)
    config.root = path.parent.resolve()
    return config


def _read(path: Path) -> tuple[dict[str, Any], YamlDoc | TomlDoc | None]:
    if path.name == "pyproject.toml":
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text).get("tool", {}).get("eislint", {})
        except tomllib.TOMLDecodeError as exc:
            where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            line = int(where.group(1)) if where else None
            column = f", kolom {where.group(2)}" if where else ""
            raise ConfigError(
                path,
                f"ongeldige TOML{' (regel ' + str(line) + column + ')' if line else ''}: {_toml_problem(exc)}",
                line,
            ) from None
        except RecursionError:
            raise ConfigError(path, "te diep genest; niet gelezen") from None
        except UnicodeDecodeError:
            raise ConfigError(path, "bestand is geen geldige UTF-8") from None
        except OSError as exc:
            raise ConfigError(path, f"kan bestand niet lezen ({exc.strerror or exc})") from None
        doc = TomlDoc(str(path), text)
        if not isinstance(data, dict):
            raise doc.error("[tool.eislint] moet een tabel zijn")
        _check_depth(data, doc)
        return data, doc
    ydoc = load_yaml(path)
    if ydoc.data is None:
        return {}, ydoc
    if not isinstance(ydoc.data, dict):
        raise ydoc.error("configuratie moet een mapping zijn")
    return ydoc.data, ydoc


def _err(path: Path, doc: YamlDoc | TomlDoc | None, message: str, *keys: Any) -> ConfigError:
    if doc is not None:
        return doc.error(message, *keys)
    return ConfigError(path, message)


_TOML_PROBLEMS = {  # tomllib's English, for the few problems people make by hand
    "Expected '=' after a key": "na een sleutel hoort '='",
    "Invalid value": "ongeldige waarde",
    "Cannot overwrite a value": "sleutel komt twee keer voor",
    "Cannot declare": "tabel komt twee keer voor",
    "Unclosed": "niet afgesloten",
    "Illegal character": "ongeldig teken",
    "Invalid statement": "ongeldige regel",
}


def _toml_problem(exc: Exception) -> str:
    text = str(exc)
    return next((dutch for english, dutch in _TOML_PROBLEMS.items() if text.startswith(english)), "syntaxfout")


def _toml_key(text: str) -> tuple[str, ...]:
    """'rules."eisen.lange-eis"' -> ('rules', 'eisen.lange-eis')."""
    return tuple(
        m.group(1) or m.group(2) or m.group(3).strip()
        for m in re.finditer(r'"([^"]*)"|\'([^\']*)\'|([^.\s"\']+)', text)
    )


@dataclass(slots=True)
class TomlDoc:
    """[tool.eislint] of a pyproject.toml; tomllib keeps no positions, so the line of a key is
    looked up in the text (table headers and `key =` lines), for errors users can act on."""

    path: str
    text: str

    def line(self, *keys: Any) -> int | None:
        keys = tuple(str(k) for k in keys if not isinstance(k, int))
        table: tuple[str, ...] = ()
        found: dict[tuple[str, ...], int] = {}
        for n, raw in enumerate(self.text.splitlines(), start=1):
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith(("'", '"')) else raw.strip()
            header = re.match(r"^\[\[?\s*(.+?)\s*\]\]?$", line)
            if header:
                table = _toml_key(header.group(1))
                found.setdefault(table, n)
                continue
            key = re.match(r"""^((?:"[^"]*"|'[^']*'|[^=\s"']+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[^=\s."']+))*)\s*=""", line)
            if key:
                full = table + _toml_key(key.group(1))
                for i in range(1, len(full) + 1):
                    found.setdefault(full[:i], n)
        base = ("tool", "eislint")
        for i in range(len(keys), -1, -1):
            if base + keys[:i] in found:
                return found[base + keys[:i]]
        return None

    def error(self, message: str, *keys: Any) -> ConfigError:
        return ConfigError(self.path, message + " (in [tool.eislint])", self.line(*keys))


def _check_depth(value: Any, doc: TomlDoc, depth: int = 0) -> None:
    if depth > 64:
        raise doc.error("te diep genest (meer dan 64 niveaus); niet gelezen")
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        _check_depth(child, doc, depth + 1)


def _selectors(
    path: Path, doc: YamlDoc | TomlDoc | None, key: str, value: Any, rules: list[Rule], *where: Any
) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(path, doc, f"'{key}' moet een lijst van regel-id's, pakketten of categorieën zijn", *where)
    known = known_selectors(rules)
    for v in value:
        if v not in known and v.upper() != "ALL":
            raise _err(path, doc, unknown("regel, pakket of categorie", v, known, key, show=False), *where)
    return list(value)


def known_selectors(rules: list[Rule]) -> set[str]:
    known = set(CATEGORIES)
    for rule in rules:
        known.update((rule.id, rule.pack, *rule.aliases))
    return known


def _apply(base: Config, raw: dict[str, Any], path: Path, doc: YamlDoc | TomlDoc | None, rules: list[Rule]) -> Config:
    # an emptied section ("rules:" with everything commented out) is an empty mapping
    raw = {k: ({} if v is None and k in ("rules", "per-path-ignores", "tender", "nlp") else v) for k, v in raw.items()}
    for key in raw:
        if key not in _TOP:
            raise _err(path, doc, unknown("sleutel", key, _TOP), key)
    config = Config(
        select=base.select,
        extend_select=list(base.extend_select),
        ignore=list(base.ignore),
        rules=dict(base.rules),
        per_path_ignores=dict(base.per_path_ignores),
        nlp_model=base.nlp_model,
        tender=TenderContext(**{f: getattr(base.tender, f) for f in TENDER_FIELD_TYPES}),
        fail_on=base.fail_on,
        format=base.format,
        max_file_mb=base.max_file_mb,
    )
    if "select" in raw:
        config.select = _selectors(path, doc, "select", raw["select"], rules, "select")
    if "extend-select" in raw:
        config.extend_select = _selectors(path, doc, "extend-select", raw["extend-select"], rules, "extend-select")
    if "ignore" in raw:
        config.ignore = _selectors(path, doc, "ignore", raw["ignore"], rules, "ignore")
    _apply_output(config, raw, path, doc)
    if "nlp" in raw:
        config.nlp_model = _nlp_model(raw["nlp"], path, doc)
    if "tender" in raw:
        _apply_tender(config, raw["tender"], path, doc)
    if "per-path-ignores" in raw:
        _apply_per_path_ignores(config, raw["per-path-ignores"], path, doc, rules)
    if "rules" in raw:
        _apply_rules(config, raw["rules"], path, doc, rules)
    return config


def _apply_output(config: Config, raw: dict[str, Any], path: Path, doc: YamlDoc | TomlDoc | None) -> None:
    """fail-on, format and max-bestandsgrootte."""
    if "fail-on" in raw:
        if raw["fail-on"] not in FAIL_ON:
            raise _err(path, doc, unknown("waarde", raw["fail-on"], FAIL_ON, "fail-on"), "fail-on")
        config.fail_on = raw["fail-on"]
    if "format" in raw:
        from eislint.formatters import FORMATTERS

        if raw["format"] not in FORMATTERS:
            raise _err(path, doc, unknown("uitvoerformaat", raw["format"], FORMATTERS, "format"), "format")
        config.format = raw["format"]
    if "max-bestandsgrootte" in raw:
        value = raw["max-bestandsgrootte"]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            raise _err(path, doc, "'max-bestandsgrootte' is een positief aantal MB", "max-bestandsgrootte")
        config.max_file_mb = float(value)


def _nlp_model(nlp: Any, path: Path, doc: YamlDoc | TomlDoc | None) -> str | None:
    """The `nlp.model` setting; a path is relative to the config file."""
    if not isinstance(nlp, dict):
        raise _err(path, doc, "'nlp' moet een mapping zijn", "nlp")
    for key in nlp:
        if key != "model":
            raise _err(path, doc, unknown("sleutel", key, ("model",), "nlp"), "nlp", key)
    model = nlp.get("model")
    if model is not None and not isinstance(model, str):
        raise _err(path, doc, "'nlp.model' moet tekst zijn", "nlp", "model")
    if model and model not in ("default", "blank") and ("/" in model or model.startswith(".")):
        model = str((path.parent / model).resolve())
    return model


def _apply_tender(config: Config, tender: Any, path: Path, doc: YamlDoc | TomlDoc | None) -> None:
    if not isinstance(tender, dict):
        raise _err(path, doc, "'tender' moet een mapping zijn", "tender")
    for key, value in tender.items():
        if key not in TENDER_FIELD_TYPES:
            raise _err(path, doc, unknown("sleutel", key, TENDER_FIELD_TYPES, "tender"), "tender", key)
        types = TENDER_FIELD_TYPES[key]
        if value is not None and (not isinstance(value, types) or (isinstance(value, bool) and bool not in types)):
            raise _err(path, doc, f"'tender.{key}' heeft het verkeerde type", "tender", key)
        setattr(config.tender, key, value)


def _apply_per_path_ignores(
    config: Config, ppi: Any, path: Path, doc: YamlDoc | TomlDoc | None, rules: list[Rule]
) -> None:
    if not isinstance(ppi, dict):
        raise _err(path, doc, "'per-path-ignores' moet een mapping van patroon naar selectors zijn", "per-path-ignores")
    for pattern, selectors in ppi.items():
        if not isinstance(pattern, str) or not pattern.strip():
            raise _err(
                path,
                doc,
                f"patroon '{pattern}' in 'per-path-ignores' moet een pad of glob zijn",
                "per-path-ignores",
                pattern,
            )
        config.per_path_ignores[str(pattern)] = _selectors(
            path, doc, f"per-path-ignores.{pattern}", selectors, rules, "per-path-ignores", pattern
        )


def _apply_rules(config: Config, raw: Any, path: Path, doc: YamlDoc | TomlDoc | None, rules: list[Rule]) -> None:
    if not isinstance(raw, dict):
        raise _err(path, doc, "'rules' moet een mapping van regel-id naar instellingen zijn", "rules")
    by_id = {}
    for rule in rules:
        by_id[rule.id] = rule
        for alias in rule.aliases:
            by_id[alias] = rule
    for rule_id, value in raw.items():
        found = by_id.get(rule_id)
        if found is None:
            raise _err(path, doc, unknown("regel", rule_id, by_id, "rules", show=False), "rules", rule_id)
        rule = found
        settings = RuleSettings(**vars(config.rules[rule.id])) if rule.id in config.rules else RuleSettings()
        settings.options = dict(settings.options)
        if value in (False, "off", "uit"):
            settings.enabled = False
        elif value in (True, "on", "aan"):
            settings.enabled = True
        elif isinstance(value, dict):
            options = {}
            for key, v in value.items():
                if key == "level":
                    if v not in ("error", "warning", "info"):
                        raise _err(
                            path,
                            doc,
                            unknown("waarde", v, ("error", "warning", "info"), f"rules.{rule_id}.level"),
                            "rules",
                            rule_id,
                            key,
                        )
                    settings.level = Severity.parse(v)
                elif key == "enabled":
                    if not isinstance(v, bool):
                        raise _err(path, doc, "'enabled' is true of false", "rules", rule_id, key)
                    settings.enabled = v
                else:
                    options[key] = v
            if options:
                _check_rule_options(rule, options, path, doc, rule_id)
                settings.options.update(options)
        else:
            raise _err(path, doc, f"instelling voor '{rule_id}' is aan/uit of een mapping", "rules", rule_id)
        config.rules[rule.id] = settings


def _check_rule_options(
    rule: Rule, options: dict[str, Any], path: Path, doc: YamlDoc | TomlDoc | None, rule_id: str
) -> None:
    from eislint.checks import CHECK_TYPES

    allowed = CHECK_TYPES[rule.check].public_options()
    for key in options:
        if key not in allowed:
            raise _err(
                path,
                doc,
                unknown("optie", key, {"level", "enabled", *allowed}, f"rules.{rule_id}"),
                "rules",
                rule_id,
                key,
            )
    try:
        merged = {k: v for k, v in {**rule.options, **options}.items() if v is not None}
        validate_options(rule.check, merged, where=str(path))
    except ConfigError as exc:
        raise _err(path, doc, f"regel '{rule_id}': {exc.message}", "rules", rule_id) from None
