"""eislint: a linter for Dutch tender documents (aanbestedingsdocumenten).

Library use: `eislint.lint_paths(["pve.md"])` returns a Report with findings.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_paths"]


def lint_paths(paths, options=None, stdin=None):
    from eislint.engine import lint_paths as _lint_paths

    return _lint_paths(list(paths), options, stdin)
