"""`--changed-only REV` and `--bundle`: what a change caused, judged on the whole tender.

Files: `git diff --name-only REV` plus untracked files that are not ignored. Lines (for text
formats): the new-side line ranges of `git diff -U0 REV` hunks; an untracked file counts as
changed everywhere.

A tender is judged as a whole (a part may be in another file), so a changed file is checked with
the bundle it belongs to, and the same bundles are checked as they were at REV (`git archive`
into a temporary folder, with the same configuration). A finding that is new against that run
is something the change caused, wherever it lands: deleting the exit clause from one file makes
'exit ontbreekt' appear on another.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tarfile
import tempfile
from collections import Counter
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


def repository_root(cwd: Path, option: str = "--changed-only") -> Path:
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise GitError(f"{option}: {cwd} is geen git-repository")
    return Path(top.stdout.decode().strip()).resolve()


def has_commit(rev: str, root: Path) -> bool:
    return _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], root).returncode == 0


class Changes:
    """What changed since `rev` in the repository around `cwd`."""

    def __init__(self, rev: str, cwd: Path | None = None) -> None:
        cwd = (cwd or Path.cwd()).resolve()
        self.root = repository_root(cwd)
        self.rev = rev
        if not has_commit(rev, self.root):
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


def keep_named_and_new(report, named: set[Path], before) -> None:
    """--bundle: the findings in the named files, and the ones the change caused elsewhere in
    their bundles (new against the base revision)."""
    new = set(map(id, new_findings(report.findings, *before))) if before is not None else set()

    def is_named(path: str) -> bool:
        resolved = Path(path).resolve()
        return path != "-" and (resolved in named or any(parent in named for parent in resolved.parents))

    report.findings[:] = [f for f in report.findings if id(f) in new or is_named(f.path)]
    paths = {f.path for f in report.findings}
    report.documents[:] = [d for d in report.documents if d.path in paths or is_named(d.path)]


def filter_report(report, changes: Changes, before: tuple[Counter, Path] | None = None) -> int:
    """Keep findings in changed documents, and in text documents only on changed lines; a
    document-level finding (no matched text) is kept when its document changed. With `before`
    (the keys of the same check at REV, see `findings_before`), every finding that is new against
    it is kept too, wherever it is. Returns how many findings were dropped."""
    new = set(map(id, new_findings(report.findings, *before))) if before is not None else set()
    kept = []
    for f in report.findings:
        if id(f) in new:
            kept.append(f)
            continue
        if f.path == "-" or not changes.changed(f.path):
            continue
        if Path(f.path).suffix.lower() in TEXT_SUFFIXES and f.match:
            lines = changes.lines(f.path)
            if lines is not None and not any(n in lines for n in range(f.line, max(f.end_line, f.line) + 1)):
                continue
        kept.append(f)
    dropped = len(report.findings) - len(kept)
    report.findings[:] = kept
    paths = {f.path for f in kept}
    report.documents[:] = [
        d for d in report.documents if d.path != "-" and (changes.changed(d.path) or d.path in paths)
    ]
    report.errors[:] = [e for e in report.errors if not Path(e.path).exists() or changes.changed(e.path)]
    return dropped


# ---------------------------------------------------------------- bundles and the state at REV


def bundle_root(file: Path, top: Path) -> Path:
    """The folder that is the tender a file belongs to, as `eislint check FOLDER` would take it:
    upwards from the file's folder while the parent holds documents of its own, never above
    `top` (the current directory), and `top` itself only for a file directly in it."""
    from eislint.engine import _has_documents

    top = top.resolve()
    folder = file.resolve().parent
    try:
        folder.relative_to(top)
    except ValueError:  # outside the working directory: its own folder
        return folder
    while folder != top and folder.parent != top and _has_documents(folder.parent):
        folder = folder.parent
    return folder


def expand_to_bundles(paths: list[str], top: Path | None = None) -> tuple[list[str], set[Path]]:
    """Named files become the folders of their bundles (each once); folders stay. Returns the
    paths to check and the resolved files that were named."""
    top = (top or Path.cwd()).resolve()
    out: list[str] = []
    named: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not path.is_file():
            if raw != "-" and path.is_dir():
                named.add(path.resolve())  # a named folder: all its files count as named
            out.append(raw)
            continue
        named.add(path.resolve())
        root = bundle_root(path, top)
        try:
            shown = os.path.relpath(root, top) if root != top else "."
        except ValueError:
            shown = str(root)
        out.append(shown)
    covered: list[str] = []
    for p in dict.fromkeys(out):  # a folder inside another named folder is already in that bundle
        if p != "-" and any(_inside(Path(p), Path(q)) for q in dict.fromkeys(out) if q != p and q != "-"):
            continue
        covered.append(p)
    return covered, named


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return folder.is_dir() and path.resolve() != folder.resolve()
    except ValueError:
        return False


def _key_path(path: str, root: Path, base: Path | None = None) -> str:
    resolved = Path(path).resolve() if base is None else Path(path)
    try:
        return resolved.relative_to(base if base is not None else root).as_posix()
    except ValueError:
        return resolved.as_posix()


def findings_before(rev: str | None, paths: list[str], options, root: Path) -> Counter:
    """The findings (rule, path in the repository, fingerprint) of checking `paths` as they were
    at `rev`, with the configuration of now. No commit (a first commit): nothing was there."""
    from eislint.baseline import fingerprint
    from eislint.engine import lint_paths

    keys: Counter = Counter()
    if rev is None or not has_commit(rev, root):
        return keys
    rels = _repository_paths(paths, root)
    names = _listed(rev, rels, root)
    if not names:
        return keys
    with tempfile.TemporaryDirectory(prefix="eislint-rev-") as tmp:
        base = Path(tmp)
        present = sorted({r for r in rels if r == "." or any(n == r or n.startswith(r + "/") for n in names)})
        _extract(rev, present, root, base)
        import dataclasses

        for config, old_paths in _config_groups(present, options, root, base).items():
            # the base revision is checked in a new temporary folder each run: its result would
            # never be found again (its parses are, by their text)
            report = lint_paths(old_paths, dataclasses.replace(options, config_path=config, cache_results=False))
            for f in report.findings:
                keys[(f.rule, _key_path(f.path, root, base), fingerprint(f))] += 1
    return keys


def _repository_paths(paths: list[str], root: Path) -> list[str]:
    """The checked paths relative to the repository root; those outside it are left out."""
    rels = []
    for folder in (Path(p).resolve() for p in paths if p != "-"):
        try:
            rels.append(folder.relative_to(root).as_posix() or ".")
        except ValueError:
            continue
    return rels


def _listed(rev: str, rels: list[str], root: Path) -> list[str]:
    """The files under `rels` at `rev`."""
    listed = _git(["ls-tree", "-r", "-z", "--name-only", rev, "--", *rels], root) if rels else None
    return [n for n in (listed.stdout.decode().split("\0") if listed and listed.returncode == 0 else []) if n]


def _extract(rev: str, present: list[str], root: Path, base: Path) -> None:
    """Unpack `present` as they were at `rev` into `base`."""
    archive = _git(["archive", "--format=tar", rev, "--", *present], root)
    if archive.returncode != 0:
        raise GitError(f"git archive {rev} mislukt: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+
            tar.extractall(base, filter="data")
        else:  # git archive writes plain relative paths; links are not needed to check documents
            tar.extractall(
                base,
                members=[
                    m
                    for m in tar.getmembers()
                    if (m.isfile() or m.isdir()) and not m.name.startswith("/") and ".." not in Path(m.name).parts
                ],
            )


def _config_groups(present: list[str], options, root: Path, base: Path) -> dict[Path, list[str]]:
    """The old paths by the configuration of now that applies to them (an empty one where none does)."""
    from eislint.config import find_config

    empty = base / ".eislint-leeg.yaml"
    empty.write_text("", encoding="utf-8")
    groups: dict[Path, list[str]] = {}
    for rel in present:
        old = base / rel
        if not old.exists():
            continue
        config = options.config_path or find_config(root / rel if rel != "." else root) or empty
        groups.setdefault(Path(config), []).append(str(old))
    return groups


def new_findings(findings: list, before: Counter, root: Path) -> list:
    """The findings not covered by `before`, counted (two equal findings against one: one new)."""
    from eislint.baseline import fingerprint

    remaining = Counter(before)
    out = []
    for f in findings:
        if f.path == "-":
            continue
        key = (f.rule, _key_path(f.path, root), fingerprint(f))
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(f)
    return out
