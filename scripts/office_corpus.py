"""Make the Word (.docx) and Excel (.xlsx) forms of a Markdown corpus document, with its gold.

    python scripts/office_corpus.py corpora/lms-gemeente-zeedorp/concept-pve.md corpora/lms-gemeente-zeedorp-office

Word: headings as Heading styles, lists as list styles, tables as Word tables, eislint
suppressions as Word comments on the next paragraph. Excel: one sheet per top-level section
(the document title names the first), headings as group rows, prose and list items in one
cell, tables as rows under their header row, suppressions as a cell of their own. The gold
(`<name>-docx.expected.yaml`, `<name>-xlsx.expected.yaml`) is the Markdown gold with each line
moved to where its block lands in the text eislint reads from the office file, so `eislint eval`
compares like with like. The blocks are paired in order; the script stops if they do not pair.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from eislint.document import Document
from eislint.readers import read_path

_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _text(doc: Document, start: int, end: int) -> str:
    return " ".join(doc.clean(start, end).split())


def _blocks(doc: Document):
    """(kind, level, marker, text or cells) for each block of the Markdown document."""
    for block in doc.blocks:
        if block.kind == "comment":
            yield block, "comment", doc.text[block.start:block.end].strip()
        elif block.kind in ("table_header", "table_row"):
            yield block, block.kind, [_text(doc, c.start, c.end) for c in block.cells]
        else:
            yield block, block.kind, _text(doc, block.content.start, block.content.end)


def write_docx(doc: Document, target: Path) -> None:
    import docx

    out = docx.Document()
    pending: list[str] = []
    table = None
    for block, kind, content in _blocks(doc):
        if kind not in ("table_header", "table_row"):
            table = None
        if kind == "comment":
            pending.append(re.sub(r"^<!--\s*|\s*-->$", "", content))
            continue
        if kind in ("table_header", "table_row"):
            if table is None or kind == "table_header":
                table = out.add_table(rows=0, cols=len(content))
                table.style = "Table Grid"
            cells = table.add_row().cells
            for cell, text in zip(cells, content):
                cell.text = text
            paragraph = cells[0].paragraphs[0]
        elif kind == "heading":
            paragraph = out.add_heading(content, level=min(block.level, 9))
        elif kind == "list_item":
            style = "List Number" if block.marker[:-1].isdigit() else "List Bullet"
            paragraph = out.add_paragraph(content, style=style)
        else:
            paragraph = out.add_paragraph(content)
        for comment in pending:
            out.add_comment(paragraph.runs, text=comment, author="eislint-corpus", initials="EC")
        pending = []
    out.core_properties.author = "eislint"
    out.save(str(target))


def write_xlsx(doc: Document, target: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = None
    names: set[str] = set()
    for block, kind, content in _blocks(doc):
        if kind == "heading" and (block.level <= 2 or sheet is None):
            name = _SHEET_NAME.sub("", content)[:31].strip() or "Blad"
            while name in names:
                name = name[:28] + f" {len(names)}"
            names.add(name)
            sheet = workbook.create_sheet(name)
            continue
        if sheet is None:
            sheet = workbook.create_sheet("Blad1")
        if kind in ("table_header", "table_row"):
            sheet.append(content)
        elif kind == "list_item":
            sheet.append([f"{block.marker} {content}"])
        else:
            sheet.append([content])
    workbook.save(str(target))


def move_gold(source: Document, gold: dict, office: Document, name: str) -> dict:
    # blocks pair one to one: a sheet's title is the heading the sheet was made from
    src_blocks, dst_blocks = source.blocks, office.blocks
    if len(src_blocks) != len(dst_blocks):
        sys.exit(f"{name}: {len(src_blocks)} blokken in Markdown, {len(dst_blocks)} in {office.format}; niet te koppelen")
    moved = []
    for entry in gold.get("findings") or []:
        line = int(entry["line"])
        offset = source._line_starts[line - 1]
        index = next(i for i, b in enumerate(src_blocks) if b.start <= offset <= max(b.end, b.start))
        new = dict(entry)
        new["line"] = office.line_col(dst_blocks[index].start)[0]
        if src_blocks[index].kind in ("table_header", "table_row") and "match" in new:
            new["match"] = " ".join(str(new["match"]).replace("|", " ").split())  # cells, not pipes
        moved.append(new)
    # the office folder holds the same tender in several formats, not one bundle
    out = {"bundle": False, "document": name, "findings": moved}
    if "rules" in gold:
        out["rules"] = gold["rules"]
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    source_path, target_dir = Path(argv[0]), Path(argv[1])
    target_dir.mkdir(parents=True, exist_ok=True)
    source = read_path(source_path)
    gold = yaml.safe_load(source_path.with_name(source_path.stem + ".expected.yaml").read_text(encoding="utf-8"))
    for suffix, writer in ((".docx", write_docx), (".xlsx", write_xlsx)):
        target = target_dir / (source_path.stem + suffix)
        writer(source, target)
        office = read_path(target)
        moved = move_gold(source, gold, office, target.name)
        header = (f"# Generated by scripts/office_corpus.py from {source_path.as_posix()} and its gold:\n"
                  "# the same expected findings, on the lines of the text eislint reads from this file.\n")
        gold_path = target_dir / f"{source_path.stem}-{suffix[1:]}.expected.yaml"
        gold_path.write_text(header + yaml.safe_dump(moved, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print(f"{target} ({len(office.blocks)} blokken), {gold_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
