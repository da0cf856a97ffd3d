"""`eislint annotate`: a copy of a Word or Excel file with a comment at each finding.

The input is never written: the copy goes to a temporary file next to the output and is moved
into place when complete. Coordination with the readers is only through the data every finding
carries: `location` (`Paragraph` or `TableCell` for Word, `SheetCell` for Excel; see
eislint.locations), `match`, and `start`/`end` in the extracted text.

Word: a comment per finding, anchored on exactly the matched words (runs are split at the match
boundaries, formatting kept). Excel: a cell comment per cell, holding every finding in that cell.
A finding whose words are not found in one paragraph (a match over several table rows) goes to
the paragraph or cell its location names; only a finding without a known place (or words no
longer found) is anchored at the start of the document or sheet, and counted.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from eislint.findings import Finding
from eislint.locations import Location, Paragraph, SheetCell, TableCell


class AnnotateError(Exception):
    """One Dutch line for the user (exit code 2)."""


@dataclass(slots=True)
class AnnotateResult:
    placed: int = 0
    unplaced: int = 0


SUFFIXES = (".docx", ".xlsx")


def comment_text(f: Finding, rule=None) -> str:
    lines = [f"eislint {f.rule} ({f.severity.dutch}): {f.message}"]
    if rule is not None and rule.docs.get("waarom"):
        lines.append(f"Waarom: {rule.docs['waarom']}")
    if f.suggestion:
        lines.append(f"Suggestie: {f.suggestion}")
    if f.citation:
        lines.append(f"Bron: {f.citation}")
    return "\n".join(lines)


def _pattern(match: str) -> re.Pattern[str] | None:
    words = match.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _occurrence(f: Finding, extracted) -> int:
    """Which occurrence of the matched words within its paragraph or cell this finding is."""
    if extracted is None or not f.match:
        return 0
    block = extracted.block_at(f.start)
    if block is None:
        return 0
    start = block.content.start
    for cell in block.cells:
        if cell.start <= f.start <= cell.end:
            start = cell.start
            break
    pattern = _pattern(f.match)
    return len(pattern.findall(extracted.text[start : f.start])) if pattern else 0


# ---------------------------------------------------------------- Word


def _split_run(run, at: int):
    """Split `run` after `at` characters; returns the second half (same formatting)."""
    from docx.text.run import Run

    text = run.text
    new_r = copy.deepcopy(run._r)
    run._r.addnext(new_r)
    second = Run(new_r, run._parent)
    run.text = text[:at]
    second.text = text[at:]
    return second


def anchor_runs(paragraph, start: int, end: int) -> list:
    """The runs covering exactly characters [start, end) of the paragraph's runs, splitting
    runs at the boundaries."""
    for boundary in (start, end):
        pos = 0
        for run in paragraph.runs:
            length = len(run.text)
            if pos < boundary < pos + length:
                _split_run(run, boundary - pos)
                break
            pos += length
    out = []
    pos = 0
    for run in paragraph.runs:
        length = len(run.text)
        if start <= pos and pos + length <= end and length:
            out.append(run)
        pos += length
    return out


def _candidates_docx(document, location: Location) -> list:
    """Paragraphs to look in, most likely first."""
    paragraphs = document.paragraphs
    out = []
    if isinstance(location, TableCell) and location.tabel is not None:
        tables = document.tables
        t = location.tabel - 1
        if 0 <= t < len(tables):
            rows = tables[t].rows
            r = (location.rij or 0) - 1
            if 0 <= r < len(rows):
                cells = rows[r].cells
                k = (location.kolom or 0) - 1
                if 0 <= k < len(cells):
                    out.extend(cells[k].paragraphs)
                for cell in cells:
                    out.extend(p for p in cell.paragraphs if p not in out)
            for row in rows:
                for cell in row.cells:
                    out.extend(p for p in cell.paragraphs if p not in out)
    elif isinstance(location, Paragraph):
        n = location.paragraaf - 1
        order = sorted(range(len(paragraphs)), key=lambda i: (abs(i - n), i))
        out.extend(paragraphs[i] for i in order)
    else:
        out.extend(paragraphs)
    return out


def _runs_at(document, location: Location) -> list:
    """The runs of the paragraph or table cell a location names (a weighting table, a suppression
    comment): a finding whose place is known goes there, not on the title."""
    paragraphs = []
    if isinstance(location, TableCell) and location.tabel is not None:
        tables = document.tables
        t, r, k = (n - 1 for n in (location.tabel, location.rij or 1, location.kolom or 1))
        if 0 <= t < len(tables) and 0 <= r < len(tables[t].rows):
            cells = tables[t].rows[r].cells
            cell = cells[k] if 0 <= k < len(cells) else cells[0]
            paragraphs = list(cell.paragraphs) + [p for c in cells for p in c.paragraphs]
    elif isinstance(location, Paragraph):
        n = location.paragraaf - 1
        if 0 <= n < len(document.paragraphs):
            paragraphs = [document.paragraphs[n]]
    for paragraph in paragraphs:
        runs = [run for run in paragraph.runs if run.text]
        if runs:
            return runs
    return []


def _matched_runs(document, f: Finding, extracted) -> list | None:
    """The runs that hold exactly the finding's words, in the paragraphs its location suggests."""
    pattern = _pattern(f.match)
    if pattern is None:
        return None
    wanted = _occurrence(f, extracted)
    for paragraph in _candidates_docx(document, f.location):
        text = "".join(r.text for r in paragraph.runs)
        hits = list(pattern.finditer(text))
        if not hits:
            continue
        hit = hits[wanted] if wanted < len(hits) else hits[0]
        runs = anchor_runs(paragraph, hit.start(), hit.end())
        if runs:
            return runs
    return None


def annotate_docx(
    source: Path, target: Path, findings: list[Finding], rules: dict, author: str, extracted=None
) -> AnnotateResult:
    import docx

    document = docx.Document(str(source))
    result = AnnotateResult()
    initials = "".join(w[0] for w in author.split() if w)[:3].upper() or "EL"
    unplaced: list[Finding] = []
    for f in findings:
        runs = _matched_runs(document, f, extracted)
        if not runs:  # words not found in one paragraph (a match over several rows): the known place
            runs = _runs_at(document, f.location)
        if runs:
            document.add_comment(runs, text=comment_text(f, rules.get(f.rule)), author=author, initials=initials)
            result.placed += 1
        else:
            unplaced.append(f)
    if unplaced:
        first = next((p for p in document.paragraphs if p.runs and p.text.strip()), None)
        if first is None:
            first = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
            if not first.runs:
                first.add_run("")
        for f in unplaced:
            document.add_comment(first.runs, text=comment_text(f, rules.get(f.rule)), author=author, initials=initials)
            result.unplaced += 1
    document.save(str(target))
    return result


# ---------------------------------------------------------------- Excel


def annotate_xlsx(
    source: Path, target: Path, findings: list[Finding], rules: dict, author: str, extracted=None
) -> AnnotateResult:
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    workbook = load_workbook(str(source))
    result = AnnotateResult()
    texts: dict[tuple[str, str], list[str]] = {}
    for f in findings:
        loc = f.location if isinstance(f.location, SheetCell) else SheetCell()
        sheet = loc.blad
        ws = workbook[sheet] if sheet in workbook.sheetnames else None
        ref = loc.cel if ws is not None else None
        if ws is not None and not ref and loc.rij is not None:
            row = loc.rij
            pattern = _pattern(f.match)
            found = None
            for cell in ws[row] if row >= 1 else ():
                if cell.value is not None and (pattern is None or pattern.search(str(cell.value))):
                    found = cell.coordinate
                    break
            ref = found or f"A{row}"
        if ws is None or not ref:
            ws = ws or workbook.worksheets[0]
            ref = "A1"
            result.unplaced += 1
        else:
            result.placed += 1
        texts.setdefault((ws.title, ref), []).append(comment_text(f, rules.get(f.rule)))
    for (title, ref), parts in texts.items():
        cell = workbook[title][ref]
        body = "\n\n".join(parts)
        if cell.comment is not None and cell.comment.text:
            body = cell.comment.text.rstrip() + "\n\n" + body
        comment = Comment(body, author)
        comment.width = 420
        comment.height = min(600, 80 + 16 * body.count("\n") + len(body) // 3)
        cell.comment = comment
    workbook.save(str(target))
    return result


# ---------------------------------------------------------------- entry point


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    with contextlib.suppress(OSError):
        return b.exists() and os.path.samefile(a, b)
    return False


def annotate_file(
    source: Path, output: Path, force: bool = False, author: str = "eislint", options=None
) -> AnnotateResult:
    from eislint import readers
    from eislint.engine import lint_paths

    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        raise AnnotateError(f"{source}: annoteren kan alleen in .docx en .xlsx (niet '{suffix or '(geen)'}')")
    if output.suffix.lower() != suffix:
        raise AnnotateError(f"{output}: de kopie moet dezelfde extensie hebben als het origineel ({suffix})")
    if _same_file(source, output):
        raise AnnotateError(f"{output}: dat is het origineel; eislint schrijft altijd een kopie (kies een andere -o)")
    if output.exists() and not force:
        raise AnnotateError(f"{output} bestaat al (gebruik --force om te overschrijven)")
    if not readers.supported(source):
        raise AnnotateError(f"{source}: deze installatie kan {suffix}-bestanden niet lezen")
    report = lint_paths([str(source)], options)
    if report.errors:
        raise AnnotateError(str(report.errors[0]))
    try:
        extracted = readers.read_path(source)
    except readers.ReadError:
        extracted = None
    rules = {r.id: r for r in report.rules}
    writer = annotate_docx if suffix == ".docx" else annotate_xlsx
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".eislint-tmp")
    os.close(fd)
    try:
        result = writer(source, Path(tmp), report.findings, rules, author, extracted)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the copy gets the usual permissions
        os.replace(tmp, output)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return result
