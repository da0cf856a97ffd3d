"""Python rules: one module per rule, named by its rule id, in a package per pack.

The rule `<pack>.<name>` with `check: python` is the module `eislint.rules.<pack>.<name>` (hyphens
become underscores): `rules/gunning/criteria-zonder-weging.yaml` is run by
`eislint/rules/gunning/criteria_zonder_weging.py`. The module's docstring is its developer
documentation. It defines

    OPTIONS = {"name": Option(...)}            # optional: the rule's `options:` and their defaults
    def check(unit, options) -> Iterator[Hit]  # the hits for one unit of the rule's scope

Nothing registers itself: `module_for(rule_id)` imports the module the id names, and `registry()`
discovers every rule module by walking the packages (for listings and validation). Helpers that
more than one rule module uses live in `eislint.rules._shared`.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

from eislint.checks.base import Option


@dataclass(frozen=True, slots=True)
class PythonRule:
    """A rule module: its id, its `check` function and its option schema."""

    rule_id: str
    module: ModuleType
    check: Any
    options: dict[str, Option] = field(default_factory=dict)


def module_name(rule_id: str) -> str:
    """'gunning.criteria-zonder-weging' -> 'eislint.rules.gunning.criteria_zonder_weging'."""
    pack, _, name = rule_id.partition(".")
    return f"{__name__}.{pack.replace('-', '_')}.{name.replace('-', '_')}"


def rule_id(module: str) -> str:
    """The inverse of `module_name`."""
    pack, name = module.removeprefix(f"{__name__}.").split(".")
    return f"{pack.replace('_', '-')}.{name.replace('_', '-')}"


@cache
def module_for(rule_id: str) -> PythonRule | None:
    """The rule module for a rule id; None when there is none."""
    name = module_name(rule_id)
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and name.startswith(exc.name):  # the module itself is missing, not one it imports
            return None
        raise
    check = getattr(module, "check", None)
    if not callable(check):
        return None
    return PythonRule(rule_id, module, check, dict(getattr(module, "OPTIONS", {})))


@cache
def _discovered() -> tuple[str, ...]:
    ids = []
    for pack in pkgutil.iter_modules(__path__):
        if not pack.ispkg or pack.name.startswith("_"):
            continue
        package = importlib.import_module(f"{__name__}.{pack.name}")
        for mod in pkgutil.iter_modules(package.__path__):
            if not mod.ispkg and not mod.name.startswith("_"):
                ids.append(rule_id(f"{__name__}.{pack.name}.{mod.name}"))
    return tuple(sorted(ids))


def registry() -> dict[str, PythonRule]:
    """Every rule module shipped, keyed by rule id (discovered, not listed)."""
    out = {}
    for ident in _discovered():
        found = module_for(ident)
        if found is not None:
            out[ident] = found
    return out
