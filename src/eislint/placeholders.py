"""Which `{placeholders}` a rule's message, suggestion and fix title can use.

A placeholder the rule cannot fill used to become empty text without a word; the loader now
refuses it with the file and line. What a rule can fill: `match`, `rewrite`, `kritisch` and
`systeem`/`Systeem` (the engine; the name of what is bought), plus what its check puts in a hit's data: the named groups of a regex rule's patterns,
the fields of a lexicon term, `ontbreekt` for `required`, and for `metric` and `python` the keys
their code writes into `data` (read from the source of the modules, so new code needs no table).
"""

from __future__ import annotations

import ast
import inspect
import re
import string
from functools import cache
from typing import Any

ENGINE = frozenset({"match", "rewrite", "kritisch", "systeem", "Systeem"})
_FIXED = {
    "lexicon": frozenset({"term", "suggestie", "toelichting"}),
    "required": frozenset({"ontbreekt"}),
    "pattern": frozenset(),
    "meta": frozenset({"probleem", "regels"}),
}


def fields(template: str) -> list[str]:
    """The placeholder names in a template; ValueError for a template str.format cannot read."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) or spec or conversion:
            raise ValueError(
                f"'{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}' is geen "
                "plaatshouder van de vorm {naam}"
            )
        names.append(name)
    return names


@cache
def _module_keys(module_name: str) -> frozenset[str]:
    """String keys a module writes into dicts: {'k': ...}, d['k'] = ..., dict(k=...)."""
    import importlib

    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    keys: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys.update(k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str))
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                keys.add(node.slice.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
            keys.update(k.arg for k in node.keywords if k.arg)
    return frozenset(keys)


def _rule_keys(module_name: str) -> frozenset[str]:
    """A rule module's keys plus those of the eislint modules it imports helpers from."""
    import importlib

    keys = set(_module_keys(module_name))
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("eislint.rules._shared"):
            keys |= _module_keys(node.module)
    return frozenset(keys)


def available(check: str, options: dict[str, Any]) -> frozenset[str]:
    """Every placeholder a rule of this check type with these options can fill."""
    if check == "regex":
        groups: set[str] = set()
        for pattern in options.get("patterns") or []:
            try:
                groups.update(re.compile(pattern).groupindex)
            except (re.error, TypeError):
                pass
        return ENGINE | groups
    if check == "metric":
        from eislint.checks import metric

        keys = {"waarde", "max", "min"} | _module_keys(metric.__name__)
        measure = metric.MEASURES.get(options.get("measure") or "")
        if measure is not None:
            keys |= _module_keys(measure.__module__)
        return ENGINE | keys
    if check == "python":
        from eislint.rules import module_for

        found = module_for(options.get("rule") or "")
        return ENGINE | (_rule_keys(found.module.__name__) if found is not None else frozenset())
    return ENGINE | _FIXED.get(check, frozenset())
