"""Check types: the code behind rule files, one module per type, registered by name."""

from __future__ import annotations

from eislint.checks.base import CheckType, Context, Hit, Option, Unit
from eislint.checks.lexicon import Lexicon
from eislint.checks.metric import Metric
from eislint.checks.pattern import Pattern
from eislint.checks.python import Meta, Python
from eislint.checks.regex import Regex
from eislint.checks.required import Required

CHECK_TYPES: dict[str, CheckType] = {
    c.name: c for c in (Lexicon(), Pattern(), Regex(), Metric(), Required(), Python(), Meta())
}

__all__ = ["CHECK_TYPES", "CheckType", "Context", "Hit", "Option", "Unit"]
