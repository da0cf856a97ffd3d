"""Build the tender-bundle corpora (Word, Excel, PDF) from annotated sources, with their gold.

    .venv/bin/python scripts/bundle_corpus.py                 # every bundle
    .venv/bin/python scripts/bundle_corpus.py <bundle> ...    # some bundles

Sources live in scripts/corpus_bundles/<bundle>/<target file>.src (outside corpora/, because a
folder under corpora/ is one bundle and eislint reads every file in it). Each source becomes
corpora/<bundle>/<target file> and its gold corpora/<bundle>/<stem>-<ext>.expected.yaml.

Source format, one paragraph (or table/sheet row) per line:
    % comment                      not written (the author's notes, e.g. tricky negatives)
    @categories all | a, b, ...    categories judged exhaustively in this document
    @title Text                    document title (Word Title style; PDF title)
    @header Text                   running header of every PDF page
    @sheet Name                    Excel: start a sheet
    @pagebreak                     Word/PDF: new page
    # / ## / ### Text              headings (Excel: a group row in column A)
    - Text / "  - Text"            bullet, level 1 / 2
    1. Text                        automatically numbered list item (Word)
    | a | b |                      table row; the first row of a run is the header
    anything else                  a paragraph (Excel: one cell in column A)
Annotations, nestable: [[vaagheid: reason; samengesteld: reason|annotated text]] labels the
annotated text; `{R}` marks the start of one requirement counted by hand (see corpora/README.md).

The gold is an expert's labelling written into the source before eislint was run on the
documents; this script only computes where each labelled text lands in the text eislint
reads from the generated file (eislint.readers.read_path), so `line` points at it, and stops
when a label cannot be found there. reportlab (PDF) is a development-only tool here.
"""

from __future__ import annotations

import datetime
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from eislint.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "corpus_bundles"
TARGET = ROOT / "corpora"

CATEGORIES = ("overspecificatie", "vaagheid", "samengesteld", "smart", "beveiliging", "gelijkwaardigheid",
              "gibit-saas", "selectie", "gunning", "contract", "volledigheid", "toegankelijkheid",
              "standaarden", "leesbaarheid")


@dataclass
class Label:
    categories: list[tuple[str, str]]  # (category, reason)
    text: str
    source_line: int


@dataclass
class Block:
    kind: str  # title heading para bullet number table sheet pagebreak
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    path: Path
    categories: list[str] = field(default_factory=list)
    header: str = ""
    blocks: list[Block] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    requirements: int = 0


def strip_annotations(line: str, number: int, labels: list[Label]) -> str:
    """The line without markup; labels are appended in the order their text starts."""
    out: list[str] = []
    stack: list[tuple[int, int, list[tuple[str, str]]]] = []  # (index in labels, start in out)
    i = 0
    while i < len(line):
        if line.startswith("[[", i):
            bar = line.index("|", i)
            header = line[i + 2:bar]
            cats = []
            for part in header.split(";"):
                name, _, reason = part.partition(":")
                name = name.strip()
                if name not in CATEGORIES:
                    sys.exit(f"regel {number}: onbekende categorie '{name}'")
                cats.append((name, reason.strip()))
            labels.append(Label(cats, "", number))
            stack.append((len(labels) - 1, len("".join(out)), cats))
            i = bar + 1
        elif line.startswith("]]", i) and not line.startswith("]]]", i):  # "[[...|[datum]]]": text ends in "]"
            index, start, _ = stack.pop()
            labels[index].text = " ".join("".join(out)[start:].split())
            i += 2
        else:
            out.append(line[i])
            i += 1
    if stack:
        sys.exit(f"regel {number}: annotatie niet gesloten")
    return "".join(out)


def parse(path: Path) -> Source:
    src = Source(path)
    table: Block | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("%") or not raw.strip():
            table = None
            continue
        src.requirements += raw.count("{R}")
        line = strip_annotations(raw.replace("{R}", ""), number, src.labels).rstrip()
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            value = value.strip()
            if key == "categories":
                src.categories = list(CATEGORIES) if value == "all" else [c.strip() for c in value.split(",")]
                unknown = [c for c in src.categories if c not in CATEGORIES]
                if unknown:
                    sys.exit(f"{path}:{number}: onbekende categorie {unknown}")
            elif key == "header":
                src.header = value
            elif key in ("title", "sheet"):
                src.blocks.append(Block(key, value))
            elif key == "pagebreak":
                src.blocks.append(Block("pagebreak"))
            else:
                sys.exit(f"{path}:{number}: onbekende aanwijzing @{key}")
            table = None
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if table is None:
                table = Block("table")
                src.blocks.append(table)
            table.rows.append(cells)
            continue
        table = None
        if m := re.match(r"^(#{1,3})\s+(.*)$", stripped):
            src.blocks.append(Block("heading", m.group(2), level=len(m.group(1))))
        elif m := re.match(r"^( *)-\s+(.*)$", line):
            src.blocks.append(Block("bullet", m.group(2), level=1 + len(m.group(1)) // 2))
        elif m := re.match(r"^\d+\.\s+(.*)$", stripped):
            src.blocks.append(Block("number", m.group(1)))
        else:
            src.blocks.append(Block("para", stripped))
    return src


def write_docx(src: Source, target: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    out = docx.Document()
    for block in src.blocks:
        if block.kind == "title":
            out.add_heading(block.text, level=0)
        elif block.kind == "heading":
            out.add_heading(block.text, level=block.level)
        elif block.kind == "bullet":
            out.add_paragraph(block.text, style="List Bullet" if block.level == 1 else "List Bullet 2")
        elif block.kind == "number":
            out.add_paragraph(block.text, style="List Number")
        elif block.kind == "para":
            out.add_paragraph(block.text)
        elif block.kind == "pagebreak":
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            width = max(len(r) for r in block.rows)
            table = out.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for n, row in enumerate(block.rows):
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = text
                    if n == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        else:
            sys.exit(f"{src.path}: {block.kind} hoort niet in Word")
    out.core_properties.author = "Afdeling Inkoop"
    out.save(str(target))


def write_xlsx(src: Source, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    sheet = None
    for block in src.blocks:
        if block.kind == "sheet":
            sheet = book.create_sheet(block.text)
            continue
        if sheet is None:
            sys.exit(f"{src.path}: begin een werkmap met @sheet")
        if block.kind == "table":
            for n, row in enumerate(block.rows):
                sheet.append([c if c else None for c in row])
                for cell in sheet[sheet.max_row]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    if n == 0:
                        cell.font = Font(bold=True)
        elif block.kind in ("heading", "title"):
            sheet.append([block.text])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12 if block.kind == "title" else 11)
        elif block.kind == "bullet":
            sheet.append([("- " if block.level == 1 else "  - ") + block.text])
        else:
            sheet.append([block.text])
    for ws in book.worksheets:
        for letter, width in zip("ABCDEF", (10, 70, 12, 45, 25, 25)):
            ws.column_dimensions[letter].width = width
    book.save(str(target))


def write_pdf(src: Source, target: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story = []
    numbers = 0
    for block in src.blocks:
        text = escape(block.text)
        if block.kind == "title":
            story.append(Paragraph(text, styles["Title"]))
        elif block.kind == "heading":
            story.append(Paragraph(text, styles[f"Heading{block.level}"]))
        elif block.kind == "para":
            story.append(Paragraph(text, body))
        elif block.kind == "bullet":
            story.append(Paragraph(text, body, bulletText="•" if block.level == 1 else "-"))
        elif block.kind == "number":
            numbers += 1
            story.append(Paragraph(text, body, bulletText=f"{numbers}."))
        elif block.kind == "pagebreak":
            story.append(PageBreak())
        elif block.kind == "table":
            rows = [[Paragraph(escape(c), body) for c in row] for row in block.rows]
            table = Table(rows, repeatRows=1, hAlign="LEFT")
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                       ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [table, Spacer(1, 0.3 * cm)]
        else:
            sys.exit(f"{src.path}: {block.kind} hoort niet in PDF")
        if block.kind != "number":
            numbers = 0 if block.kind != "bullet" else numbers

    def page(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if src.header:
            canvas.drawString(2 * cm, A4[1] - 1.2 * cm, src.header)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"pagina {doc.page}")
        canvas.restoreState()

    pdf = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm, title=src.header or target.stem,
                            author="Afdeling Inkoop", invariant=1)
    pdf.build(story, onFirstPage=page, onLaterPages=page)


WRITERS = {".docx": write_docx, ".xlsx": write_xlsx, ".pdf": write_pdf}
FIXED_TIME = datetime.datetime(2026, 1, 5, 9, 0, 0)


def make_reproducible(target: Path) -> None:
    """Same source, same bytes: fixed timestamps inside the zip of a Word or Excel file."""
    if target.suffix not in (".docx", ".xlsx"):
        return
    with zipfile.ZipFile(target) as src:
        members = [(info, src.read(info.filename)) for info in src.infolist()]
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            out.writestr(zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6]), data,
                         compress_type=zipfile.ZIP_DEFLATED)


def locate(src: Source, target: Path) -> list[dict]:
    """Each label at the line where its text starts in eislint's text of the file."""
    doc = read_path(target)
    findings = []
    cursor = 0
    for label in src.labels:
        if not label.text:
            sys.exit(f"{src.path}:{label.source_line}: lege annotatie")
        pattern = r"\s+".join(re.escape(w) for w in label.text.split())
        found = re.compile(pattern).search(doc.text, cursor)
        if found is None:
            sys.exit(f"{src.path}:{label.source_line}: '{label.text}' niet gevonden in {target.name} na positie {cursor}")
        cursor = found.start()
        if doc.clean(found.start(), found.end()).split() != doc.text[found.start():found.end()].split():
            sys.exit(f"{src.path}:{label.source_line}: '{label.text}' valt in gemaskeerde tekst")
        line = doc.line_col(found.start())[0]
        for category, reason in label.categories:
            entry = {"category": category, "line": line, "match": label.text}
            if reason:
                entry["reason"] = reason
            findings.append(entry)
    return findings


def build(bundle: str) -> None:
    out_dir = TARGET / bundle
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted((SOURCES / bundle).glob("*.src")):
        src = parse(path)
        target = out_dir / path.name[: -len(".src")]
        WRITERS[target.suffix](src, target)
        make_reproducible(target)
        findings = locate(src, target)
        gold = {"document": target.name, "categories": src.categories, "requirements": src.requirements,
                "findings": findings}
        gold_path = out_dir / f"{target.stem}-{target.suffix[1:]}.expected.yaml"
        header = (f"# Generated by scripts/bundle_corpus.py from scripts/corpus_bundles/{bundle}/{path.name}.\n"
                  "# Labels by hand (an adviser, before running eislint); lines computed from the text eislint reads.\n")
        gold_path.write_text(header + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=110),
                             encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(findings)} verwacht, {src.requirements} eisen")


def main(argv: list[str]) -> int:
    bundles = argv or sorted(p.name for p in SOURCES.iterdir() if p.is_dir())
    for bundle in bundles:
        build(bundle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
