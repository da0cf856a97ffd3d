"""Output formats, one module each, registered by name; `--format` choices come from here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from eislint.engine import Report

Formatter = Callable[["Report", TextIO, bool], None]


def _concise(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.concise import render

    render(report, out, color)


def _json(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.json import render

    render(report, out, color)


def _rich(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.rich import render

    render(report, out, color)


def _sarif(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.sarif import render

    render(report, out, color)


def _github(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.github import render

    render(report, out, color)


def _gitlab(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.gitlab import render

    render(report, out, color)


def _junit(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.junit import render

    render(report, out, color)


def _html(report: Report, out: TextIO, color: bool) -> None:
    from eislint.formatters.html import render

    render(report, out, color)


FORMATTERS: dict[str, Formatter] = {
    "rich": _rich,
    "concise": _concise,
    "json": _json,
    "html": _html,
    "sarif": _sarif,
    "github": _github,
    "gitlab": _gitlab,
    "junit": _junit,
}
