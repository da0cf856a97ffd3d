"""`eislint check --fix / --diff / --unsafe-fixes`: apply the edits that rules attach to findings.

Only Markdown and plain-text files are changed, only with --fix, and only with fixes whose
applicability is `safe` (plus `unsafe` with --unsafe-fixes; `display-only` never). Every fix is
verified: the file is checked again with the fix applied, and a fix after which a finding
appears that was not there before (compared by rule and matched text; findings touching the
edit are compared by rule) is skipped. Files are written atomically (temporary file in the same
directory, fsync, os.replace) in their own encoding (BOM included) and line endings (CRLF
stays CRLF), with their permissions; on any error the original stays as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import os
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eislint.findings import Applicability, Edit, Finding
from eislint.readers import TEXT_SUFFIXES


@dataclass(slots=True)
class FileFix:
    path: Path
    display: str
    original: bytes
    fixed: bytes
    applied: list[Finding] = field(default_factory=list)
    # the fixes of each round, each round's edits in the text the round before it left
    rounds: list[list[Finding]] = field(default_factory=list)


@dataclass(slots=True)
class FixResult:
    files: list[FileFix] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return sum(len(f.applied) for f in self.files)

    def summary(self, written: bool) -> str:
        verb = "toegepast" if written else "toe te passen"
        from eislint.dutch.output import aantal

        text = f"{aantal(self.applied, 'verbetering')} {verb} in {aantal(sum(1 for f in self.files if f.applied), 'bestand')}"
        if self.skipped:
            reasons = Counter(reason for _, reason in self.skipped)
            text += (
                f"; {len(self.skipped)} overgeslagen (" + "; ".join(f"{n}× {r}" for r, n in reasons.most_common()) + ")"
            )
        return text


def wanted(finding: Finding, unsafe: bool) -> bool:
    if finding.fix is None:
        return False
    kind = finding.fix.applicability
    return kind is Applicability.SAFE or (unsafe and kind is Applicability.UNSAFE)


# ---------------------------------------------------------------- encoding and line ends


@dataclass(slots=True)
class _Source:
    bom: bytes
    codec: str
    raw: str  # decoded text with its own line ends
    newline: str

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def _source(data: bytes) -> _Source:
    from eislint.readers.text import decode

    _, encoding, _ = decode(data)  # raises ReadError like the reader does
    if encoding == "utf-8-sig":
        bom, codec, body = data[:3], "utf-8", data[3:]
    elif encoding == "utf-16":
        bom, body = data[:2], data[2:]
        codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    else:
        bom, codec, body = b"", encoding, data
    raw = body.decode(codec)
    newline = "\r\n" if "\r\n" in raw else ("\r" if "\r" in raw else "\n")
    return _Source(bom, codec, raw, newline)


def _offset_map(raw: str) -> list[int]:
    """For each offset in the LF-normalised text, the offset in `raw` (CRLF and CR count as one)."""
    out = []
    i = 0
    n = len(raw)
    while i < n:
        out.append(i)
        i += 2 if raw[i] == "\r" and i + 1 < n and raw[i + 1] == "\n" else 1
    out.append(n)
    return out


def _normalise(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- edits


def _tidy(text: str, edit: Edit) -> Edit:
    """A deletion between two spaces takes one space along ('ondersteunt indien mogelijk SSO')."""
    if (
        edit.replacement == ""
        and edit.end < len(text)
        and text[edit.end] == " "
        and (edit.start == 0 or text[edit.start - 1] in " \n")
    ):
        return Edit(edit.start, edit.end + 1, "")
    return edit


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int]]]:
    """Apply non-overlapping edits; returns the text and each edit's span in the new text."""
    out = []
    regions = []
    pos = 0
    shift = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.replacement)
        new_start = e.start + shift
        regions.append((new_start, new_start + len(e.replacement)))
        shift += len(e.replacement) - (e.end - e.start)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), regions


def _keys(findings: list[Finding], regions: list[tuple[int, int]]) -> Counter[tuple[str, str]]:
    from eislint.baseline import normalise

    keys: Counter[tuple[str, str]] = Counter()
    for f in findings:
        touches = any(f.start <= b and f.end >= a for a, b in regions)
        keys[(f.rule, "\0bewerkt" if touches else normalise(f.match))] += 1
    return keys


class _Checker:
    """Lints one file's text in isolation, with the options of the run."""

    def __init__(self, display: str, options) -> None:
        from eislint.config import find_config

        self.options = dataclasses.replace(
            options,
            stdin_name=display,
            config_path=options.config_path or find_config(Path(display).resolve()),
        )

    def findings(self, text: str) -> list[Finding]:
        from eislint.engine import lint_paths

        return lint_paths(["-"], self.options, stdin=text.encode("utf-8")).findings


def _select_edits(text: str, findings: list[Finding], masked, result: FixResult) -> list[tuple[Finding, Edit]]:
    chosen: list[tuple[Finding, Edit]] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        edits = f.fix.edits if f.fix else ()
        if len(edits) != 1:
            result.skipped.append((f, "meerdere bewerkingen in één verbetering"))
            continue
        e = _tidy(text, edits[0])
        if not (0 <= e.start <= e.end <= len(text)):
            result.skipped.append((f, "bewerking buiten de tekst"))
            continue
        if any(s.start < e.end and e.start < s.end for s in masked):
            result.skipped.append((f, "bewerking raakt opmaak of een opmerking"))
            continue
        if any(a < e.end and e.start < b or (a == b == e.start) for a, b in taken):
            result.skipped.append((f, "overlapt een andere verbetering"))
            continue
        taken.append((e.start, e.end))
        chosen.append((f, e))
    return chosen


MAX_ROUNDS = 10  # a fix may uncover another ('toont  toont' -> 'toont toont' -> 'toont')


def plan_file(
    path: Path, display: str, findings: list[Finding], options, result: FixResult, unsafe: bool = False
) -> FileFix | None:
    from eislint import readers

    try:
        data = path.read_bytes()
        source = _source(data)
        doc = readers.read_bytes(display, data, path.suffix)
    except (OSError, readers.ReadError, UnicodeDecodeError) as exc:
        result.errors.append(f"{display}: niet verbeterd: {exc}")
        return None
    if _normalise(source.raw) != doc.text:
        for f in findings:
            result.skipped.append((f, "tekst van het bestand wijkt af van de gelezen tekst"))
        return None
    checker = _Checker(display, options)
    text, raw, masked = doc.text, source.raw, doc.masked
    base: list[Finding] | None = None
    accepted: list[Finding] = []
    rounds: list[list[Finding]] = []
    skipped: list[tuple[Finding, str]] = []
    for _ in range(MAX_ROUNDS):
        # a finding left unfixed comes back in the next round's findings: its last reason counts
        round_result = FixResult()
        previous = text
        edits, done, text, base = _fix_round(text, findings, masked, checker, round_result, base)
        skipped = round_result.skipped
        if not done:
            break
        accepted += done
        rounds.append(done)
        # map the edits (offsets in the LF text) onto the raw text with its own line ends
        mapping = _offset_map(raw)
        raw, _ = _apply(
            raw, [Edit(mapping[e.start], mapping[e.end], e.replacement.replace("\n", source.newline)) for e in edits]
        )
        masked = readers.read_bytes(display, raw.encode("utf-8"), path.suffix).masked
        # only what this round's edits uncovered: a finding elsewhere in the file may be one the
        # run did not ask to fix (a baseline, --changed-only)
        _, regions = _apply(previous, edits)
        findings = [
            f
            for f in base or ()
            if f.fix is not None and wanted(f, unsafe) and any(f.start <= b and f.end >= a for a, b in regions)
        ]
        if not findings:
            break
    result.skipped += skipped
    if not accepted:
        return None
    try:
        fixed = source.encode(raw)
    except UnicodeEncodeError:
        for f in accepted:
            result.skipped.append((f, f"vervanging niet te schrijven in {source.codec}"))
        return None
    return FileFix(path=path, display=display, original=data, fixed=fixed, applied=accepted, rounds=rounds)


def _fix_round(
    text: str, findings: list[Finding], masked, checker: _Checker, result: FixResult, before: list[Finding] | None
) -> tuple[list[Edit], list[Finding], str, list[Finding] | None]:
    """One round of fixes on `text`: (edits, findings fixed, new text, findings of the new text)."""
    candidates = _select_edits(text, findings, masked, result)
    if not candidates:
        return [], [], text, before
    if before is None:
        before = checker.findings(text)

    def introduces(edits: list[Edit], base_text: str, base_findings: list[Finding]) -> tuple[bool, str, list[Finding]]:
        new_text, regions = _apply(base_text, edits)
        after = checker.findings(new_text)
        old_regions = [(e.start, e.end) for e in edits]
        fresh = _keys(after, regions) - _keys(base_findings, old_regions)
        return bool(fresh), new_text, after

    edits = [e for _, e in candidates]
    bad, new_text, after = introduces(edits, text, before)
    if not bad:
        return edits, [f for f, _ in candidates], new_text, after
    # one by one, each on top of the ones already accepted
    current, current_findings = text, before
    kept: list[Edit] = []
    accepted: list[Finding] = []
    shift = 0
    for f, e in candidates:
        moved = Edit(e.start + shift, e.end + shift, e.replacement)
        bad, candidate_text, after = introduces([moved], current, current_findings)
        if bad:
            result.skipped.append((f, "zou een nieuwe melding veroorzaken"))
            continue
        current, current_findings = candidate_text, after
        shift += len(e.replacement) - (e.end - e.start)
        kept.append(e)
        accepted.append(f)
    return kept, accepted, current, current_findings


def plan(report, options, unsafe: bool = False) -> FixResult:
    """What --fix would do; nothing is written."""
    result = FixResult()
    by_path: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.fix is None:
            continue
        if not wanted(f, unsafe):
            if f.fix.applicability is Applicability.UNSAFE:
                result.skipped.append((f, "onveilig (gebruik --unsafe-fixes)"))
            continue
        if f.path == "-":
            result.skipped.append((f, "tekst van stdin wordt niet verbeterd"))
            continue
        if Path(f.path).suffix.lower() not in TEXT_SUFFIXES:
            result.skipped.append((f, "alleen .md en .txt worden verbeterd"))
            continue
        by_path.setdefault(f.path, []).append(f)
    for display, findings in by_path.items():
        planned = plan_file(Path(display), display, findings, options, result, unsafe)
        if planned is not None:
            result.files.append(planned)
    return result


def atomic_write(path: Path, data: bytes) -> None:
    """Temporary file in the same directory, fsync, os.replace; permissions kept; the original
    is untouched on any error."""
    path = path.resolve()
    st = path.stat()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".eislint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        with contextlib.suppress(AttributeError, PermissionError, OSError):
            os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename durable where the platform allows
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write(result: FixResult) -> None:
    for file in result.files:
        try:
            atomic_write(file.path, file.fixed)
        except OSError as exc:
            result.errors.append(f"{file.display}: niet geschreven ({exc.strerror or exc}); origineel ongewijzigd")
            file.applied = []


def diff(result: FixResult) -> str:
    chunks = []
    for file in result.files:
        old = _source(file.original)
        new = _source(file.fixed)
        lines = difflib.unified_diff(
            _normalise(old.raw).splitlines(keepends=True),
            _normalise(new.raw).splitlines(keepends=True),
            fromfile=f"a/{file.display}",
            tofile=f"b/{file.display}",
        )
        text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
        chunks.append(text)
    return "".join(chunks)


__all__ = ["FixResult", "FileFix", "plan", "write", "diff", "atomic_write", "wanted"]
