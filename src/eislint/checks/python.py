"""python: a named function in eislint.checks.functions, for what data cannot express."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import CheckType, Context, Hit, Option, Unit


class Python(CheckType):
    name = "python"
    options = {
        "function": Option(str, required=True, doc="naam van de functie in eislint.checks.functions"),
        "options": Option(dict, default={}, doc="opties voor de functie"),
    }

    def validate(self, options: dict[str, Any]) -> list[tuple[str, str]]:
        from eislint.checks.functions import FUNCTIONS

        name = options.get("function")
        if name not in FUNCTIONS:
            return [("function", f"onbekende functie '{name}' (bekend: {', '.join(sorted(FUNCTIONS))})")]
        func = FUNCTIONS[name]
        errors = []
        for key, value in (options.get("options") or {}).items():
            if key not in func.options:
                errors.append(("options", f"onbekende optie '{key}' voor functie '{name}'"))
            else:
                msg = func.options[key].validate(key, value)
                if msg:
                    errors.append(("options", msg))
        return errors

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        from eislint.checks.functions import FUNCTIONS

        func = FUNCTIONS[options["function"]]
        merged = {k: o.default for k, o in func.options.items()}
        merged.update(options.get("options") or {})
        return func, merged

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        func, opts = p
        yield from func(unit, ctx, opts)


class Meta(CheckType):
    """Findings about eislint's own annotations (suppressions); produced by the suppress stage."""

    name = "meta"
    options = {}

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        return iter(())
