"""Findings, severities, fixes and exit codes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from eislint.locations import Location


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        value = {"fout": "error", "waarschuwing": "warning", "advies": "info"}.get(value.lower(), value)
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(value) from None

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def dutch(self) -> str:
        return {"INFO": "advies", "WARNING": "waarschuwing", "ERROR": "fout"}[self.name]


class Applicability(enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


class ExitStatus(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    match: str
    section: str | None = None
    requirement: str | None = None
    citation: str | None = None
    suggestion: str | None = None
    fix: Fix | None = None
    confidence: str = "high"
    location: Location = field(default_factory=Location)
    context: str = ""
    context_start: int = 0
    rewrite: str | None = None  # the requirement (sentence) as the rule would rewrite it
    section_kind: str | None = None  # aanleiding, eisen, gunning, ... (readiness per part)

    @property
    def where(self) -> str:
        """Where a user finds it back in the source format ('' for text formats)."""
        return self.location.describe()

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.rule, self.end)

    def to_dict(self) -> dict[str, Any]:
        fix = None
        if self.fix is not None:
            fix = {
                "title": self.fix.title,
                "applicability": self.fix.applicability.value,
                "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits],
            }
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "section": self.section,
            "requirement": self.requirement,
            "citation": self.citation,
            "suggestion": self.suggestion,
            "fix": fix,
            "confidence": self.confidence,
            "location": self.location.as_dict(),
            "where": self.where or None,
            "rewrite": self.rewrite,
            "section_kind": self.section_kind,
        }


@dataclass(slots=True)
class InputError:
    """A file that could not be read: one Dutch line, exit code 2, the others still checked."""

    path: str
    message: str
    internal: bool = False  # our own failure, not the file's: never kept in the result cache

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
