"""`--changed-only REV`: which files and lines changed since a git revision.

Files: `git diff --name-only REV` plus untracked files that are not ignored. Lines (for text
formats): the new-side line ranges of `git diff -U0 REV` hunks; an untracked file counts as
changed everywhere.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from eislint.readers import TEXT_SUFFIXES

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


class GitError(Exception):
    """One Dutch line for the user; the CLI exits with 2."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise GitError("git is niet geïnstalleerd of niet te vinden (nodig voor --changed-only)") from None


class Changes:
    """What changed since `rev` in the repository around `cwd`."""

    def __init__(self, rev: str, cwd: Path | None = None) -> None:
        cwd = (cwd or Path.cwd()).resolve()
        top = _git(["rev-parse", "--show-toplevel"], cwd)
        if top.returncode != 0:
            raise GitError(f"--changed-only: {cwd} is geen git-repository")
        self.root = Path(top.stdout.decode().strip()).resolve()
        self.rev = rev
        verify = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], self.root)
        if verify.returncode != 0:
            raise GitError(f"--changed-only: onbekende git-revisie '{rev}'")
        diff = _git(["diff", "--name-only", "-z", "--no-renames", rev, "--"], self.root)
        if diff.returncode != 0:
            raise GitError(f"--changed-only: git diff {rev} mislukt: {diff.stderr.decode(errors='replace').strip()}")
        untracked = _git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z"], self.root)
        self.untracked = {(self.root / n).resolve() for n in untracked.stdout.decode().split("\0") if n}
        self.files = {(self.root / n).resolve() for n in diff.stdout.decode().split("\0") if n} | self.untracked
        self._lines: dict[Path, set[int] | None] = {}

    def changed(self, path: str | Path) -> bool:
        return Path(path).resolve() in self.files

    def lines(self, path: str | Path) -> set[int] | None:
        """New-side line numbers changed since rev; None means the whole file (untracked)."""
        resolved = Path(path).resolve()
        if resolved in self.untracked:
            return None
        if resolved not in self._lines:
            out = _git(["diff", "-U0", "--no-color", "--no-ext-diff", self.rev, "--", str(resolved)], self.root)
            lines: set[int] = set()
            for m in _HUNK.finditer(out.stdout.decode("utf-8", errors="replace")):
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                lines.update(range(start, start + count))
            self._lines[resolved] = lines
        return self._lines[resolved]


def filter_report(report, changes: Changes) -> int:
    """Keep findings in changed documents, and in text documents only on changed lines.
    A document-level finding (no matched text) is kept when its document changed. Returns how
    many findings were dropped."""
    kept = []
    for f in report.findings:
        if f.path == "-" or not changes.changed(f.path):
            continue
        if Path(f.path).suffix.lower() in TEXT_SUFFIXES and f.match:
            lines = changes.lines(f.path)
            if lines is not None and not any(n in lines for n in range(f.line, max(f.end_line, f.line) + 1)):
                continue
        kept.append(f)
    dropped = len(report.findings) - len(kept)
    report.findings[:] = kept
    report.documents[:] = [d for d in report.documents if d.path != "-" and changes.changed(d.path)]
    report.errors[:] = [e for e in report.errors if not Path(e.path).exists() or changes.changed(e.path)]
    return dropped
