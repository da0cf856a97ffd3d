"""Text that must stay on one line: `path:line:col:` parsers (editors, pre-commit, CI logs)
read one finding per line, so a message or path may never contain a line break."""

from __future__ import annotations

import re

# Everything str.splitlines() breaks on, plus other C0 controls that terminals act on.
_BREAKS = re.compile(r"\s*[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]\s*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with every line break (and the spaces around it) turned into one space."""
    return _CONTROL.sub(" ", _BREAKS.sub(" ", text))


def safe_path(path: str) -> str:
    """A path as it can be printed on one line: control characters escaped ('a\\nb.md')."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), path)


def finding_line(f) -> str:
    """The concise line of a finding: path:line:col: severity rule message [where]."""
    where = f" [{one_line(f.where)}]" if f.where else ""
    return f"{safe_path(f.path)}:{f.line}:{f.column}: {f.severity.dutch} {f.rule} {one_line(f.message)}{where}"
