"""Deterministic tender text of a given size for the speed benchmarks, from corpora/ tenders.

The two Markdown versions of the Dijkwater Programma van Eisen (concept and clean, ~6,800 words)
are repeated until the text has the wanted number of words. Copy k (k > 0) is varied so that no
paragraph is a verbatim repeat (a parse cache would otherwise make a long text look cheap):
every integer is raised by k, headings say which part they belong to, and a line met before gets
a reference to an annex. Nothing is random: the same arguments give the same text.

    from tender_text import tender_text
    text = tender_text(50_000)
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    ROOT / "corpora" / "lms-gemeente-dijkwater" / "concept-pve.md",
    ROOT / "corpora" / "lms-gemeente-dijkwater" / "schoon-pve.md",
)
_INT = re.compile(r"(?<![\w.,])\d+(?![\w])")


def _vary(line: str, k: int, seen: set[str]) -> str:
    if k == 0 or not line.strip():
        return line
    line = _INT.sub(lambda m: str(int(m.group()) + k), line)
    if line.startswith("#"):
        line = line.replace("# ", "## ", 1) if line.startswith("# ") else line
        return f"{line} (deel {k + 1})"
    if line in seen and not line.startswith("|"):
        line = f"{line} Zie ook bijlage {k}."
    return line


def tender_text(words: int) -> str:
    """A Markdown tender of about `words` words (never fewer)."""
    sources = [p.read_text(encoding="utf-8").splitlines() for p in SOURCES]
    out: list[str] = []
    seen: set[str] = set()
    count, k = 0, 0
    while count < words:
        for lines in sources:
            for line in lines:
                varied = _vary(line, k, seen)
                seen.add(varied)
                out.append(varied)
                count += len(varied.split())
                if count >= words and not line.strip():
                    return "\n".join(out) + "\n"
        k += 1
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(tender_text(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000))
