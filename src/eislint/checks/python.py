"""python: a rule whose check is code, the module named by its rule id (see eislint.rules)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import CheckType, Context, Hit, Option, Unit


class Python(CheckType):
    name = "python"
    options = {
        # filled in by the loader from the rule id; a rule file cannot name other code
        "rule": Option(str, required=True, internal=True, doc="regel-id; de module eislint.rules.<pakket>.<regel>"),
        "options": Option(dict, default={}, doc="opties voor de module van de regel"),
    }

    def bind(self, options: dict[str, Any], rule_id: str) -> dict[str, Any]:
        return {**options, "rule": rule_id}  # the code of a python rule is the module named by its id

    def validate(self, options: dict[str, Any]) -> list[tuple[Any, str]]:
        from eislint.rules import module_for, module_name

        rule_id = options.get("rule") or ""
        found = module_for(rule_id)
        if found is None:
            return [("check", f"geen module {module_name(rule_id)} met een functie check() voor deze python-regel")]
        errors = []
        for key, value in (options.get("options") or {}).items():
            if key not in found.options:
                errors.append(("options", f"onbekende optie '{key}' voor regel '{rule_id}'"))
            else:
                msg = found.options[key].validate(key, value)
                if msg:
                    errors.append(("options", msg))
        return errors

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        from eislint.rules import module_for

        found = module_for(options["rule"])
        assert found is not None  # validated at load time
        merged = {k: o.default for k, o in found.options.items()}
        merged.update(options.get("options") or {})
        return found.check, merged

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        check, opts = p
        yield from check(unit, opts)


class Meta(CheckType):
    """Findings about eislint's own annotations (suppressions); produced by the suppress stage."""

    name = "meta"
    options = {}
    packs = ("meta",)

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        return iter(())
