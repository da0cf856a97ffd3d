"""Output formats, one module each, registered by name; `--format` choices come from here."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from eislint.engine import Report

Formatter = Callable[["Report", TextIO, bool], None]


def _lazy(module: str) -> Formatter:
    """The formatter in eislint.formatters.<module>, imported when it is first used (rich,
    Jinja2 and the JSON schema stay unloaded for the formats that do not need them)."""

    def render(report: Report, out: TextIO, color: bool) -> None:
        importlib.import_module(f"eislint.formatters.{module}").render(report, out, color)

    return render


FORMATTERS: dict[str, Formatter] = {
    name: _lazy(name) for name in ("rich", "concise", "json", "html", "sarif", "github", "gitlab", "junit")
}
