"""PDF: the text layer per page, without running headers and footers, hyphenation undone.

A PDF has lines, not paragraphs: lines are joined into paragraphs where the layout suggests
(a short line ending a sentence, a list marker or a heading starts a new block), and then read
as plain text. Every line keeps its page and line number for the report. A PDF without a text
layer (a scan) cannot be checked: that is said, not passed over.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import Any

from eislint.document import REQUIREMENT_ID, Block, BlockKind, Document, Span
from eislint.locations import PdfLine
from eislint.readers.container import sniff, wrong_kind
from eislint.readers.errors import NoText, ReadError
from eislint.readers.pdf_tables import PdfTable, find_tables
from eislint.readers.text import _TXT_LIST, looks_like_heading, plain_blocks
from eislint.segment import column_roles

MAX_PDF_CHARS = 5_000_000  # about 1,500 pages of text
EDGE_LINES = 3  # running headers and footers are among the first and last lines of a page
_PAGE_NUMBER = re.compile(
    r"^(?:pagina|page|blz\.?|p\.)?\s*[-–]?\s*\d{1,4}\s*(?:(?:van|of|/)\s*\d{1,4})?\s*[-–]?$", re.I
)
_HYPHENATED = re.compile(r"[a-zà-ÿ]-$")


def _normal(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()


def read_pdf(path: str, data: bytes) -> Document:
    # pypdf logs what it repairs ("EOF marker not found"); users get one line per file from us
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    if sniff(data) != "pdf":
        raise wrong_kind(data, ".pdf", "PDF-bestand")
    pages = _pages(data)
    page_lines = [[line.rstrip() for line in text.replace("\r", "\n").split("\n")] for text in pages]
    empty = [i + 1 for i, lines in enumerate(page_lines) if not any(line.strip() for line in lines)]
    if len(empty) == len(page_lines):
        raise NoText("PDF zonder tekstlaag (een scan of alleen afbeeldingen; OCR nodig)")
    notices = []
    if empty:
        shown = ", ".join(str(p) for p in empty[:10]) + (" ..." if len(empty) > 10 else "")
        notices.append(f"pagina {shown} zonder tekstlaag (OCR nodig); niet gecontroleerd")
    text, anchors, rows = _layout(page_lines, _running_lines(page_lines))
    blocks, masked = plain_blocks(text)
    if rows:
        blocks = _with_rows(blocks, rows)
    doc = Document(path=path, text=text, blocks=blocks, format="pdf", notices=notices)
    doc.masked = masked
    doc.anchors = anchors
    return doc


def _pages(data: bytes) -> list[str]:
    """The text of every page; ReadError for an encrypted, damaged or inflated file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok: Any = reader.decrypt("")  # protected against editing only: opens without a password
            except Exception:
                ok = 0
            if not ok:
                raise ReadError("PDF is met een wachtwoord beveiligd; sla een onbeveiligde kopie op")
        pages = []
        total = 0
        for page in reader.pages:
            pages.append(_page_text(page))
            total += len(pages[-1]) - pages[-1].count(" ")
            if total > MAX_PDF_CHARS:  # pages sharing one huge content stream: a trick, not a tender
                raise ReadError(f"meer dan {MAX_PDF_CHARS // 1_000_000} miljoen tekens tekst; niet gelezen")
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise ReadError(f"beschadigd PDF-bestand ({type(exc).__name__})") from None
    except MemoryError:
        raise  # the machine's limit, not a damaged file (read_bytes says so)
    except Exception as exc:  # pypdf raises a wide range on damaged files
        raise ReadError(f"beschadigd PDF-bestand ({type(exc).__name__})") from None
    return pages


# A font's ToUnicode map can name a UTF-16 surrogate (D800-DFFF) on its own; pypdf passes it on,
# and no encoder (spaCy's, a report's) accepts it. One replacement character keeps every offset.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _page_text(page) -> str:
    """The page's text with each character at its horizontal place, so that table cells stand in
    columns; the plain extraction where layout mode fails on an odd page."""
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:
        text = page.extract_text() or ""
    return _SURROGATE.sub("\ufffd", text)


def _with_rows(blocks: list[Block], rows: list[Block]) -> list[Block]:
    """Replace the paragraphs the table rows were read as by the rows themselves."""
    inside = [(row.start, row.end) for row in rows]
    kept = [b for b in blocks if not any(s <= b.start < e or b.start <= s < b.end for s, e in inside)]
    return sorted(kept + rows, key=lambda b: b.start)


_BULLET = re.compile(r"^[\x7f•●▪■◦‣∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s*(?=\S)")


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Normalised lines that repeat at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line.strip()]
        edge = {_normal(line) for line in content[:EDGE_LINES] + content[-EDGE_LINES:]}
        counts.update(edge)
    threshold = 2 if len(pages) == 2 else max(3, len(pages) // 2)
    return {line for line, n in counts.items() if n >= threshold and line}


def _layout(pages: list[list[str]], running: set[str]) -> tuple[str, list[tuple[int, PdfLine]], list[Block]]:
    """The text to read, with a blank line wherever a new block starts, line anchors, and the
    rows of the tables found in the layout (one line each, cells separated by tabs)."""
    out: list[str] = []
    anchors: list[tuple[int, PdfLine]] = []
    rows: list[Block] = []
    length = 0
    previous = ""
    for page_no, lines in enumerate(pages, start=1):
        content_idx = [i for i, line in enumerate(lines) if line.strip()]
        # "regel" counts the lines with text, as a reader counts them: not the blank lines by
        # which layout mode shows vertical space
        number = {i: n for n, i in enumerate(content_idx, start=1)}
        skip = _running_on_page(lines, content_idx, running)
        tables = {t.first: t for t in find_tables(lines, skip)}
        covered = -1
        last = -1  # the previous line read on this page
        widths = sorted(len(re.sub(r"\s+", " ", lines[i]).strip()) for i in content_idx) or [1]
        # the width of a full line: a sentence that ends well before it ends its paragraph
        typical = widths[int(0.9 * (len(widths) - 1))]
        for i in content_idx:
            if i <= covered or i in skip:
                continue
            if i in tables:
                table = tables[i]
                covered = table.last
                length = _table_rows(table, page_no, number, out, length, anchors, rows)
                previous = "\t"  # whatever follows a table starts a block of its own
                continue
            line = re.sub(r"\s+", " ", lines[i]).strip()
            # bullet glyphs as PDF fonts give them (Symbol/Wingdings private-use points, DEL) are list marks
            line = _BULLET.sub("• ", line)
            gap = last >= 0 and any(not lines[k].strip() for k in range(last + 1, i))
            joiner = _joiner(previous, line, gap, typical)
            if joiner == "" and previous and _HYPHENATED.search(previous) and line[:1].islower():
                out[-1] = out[-1][:-1]  # "ver-" + "werking": one word again
                length -= 1
            out.append(joiner)
            length += len(joiner)
            anchors.append((length, PdfLine(pagina=page_no, regel=number[i])))
            out.append(line)
            length += len(line)
            previous = line
            last = i
    return "".join(out), anchors, rows


def _running_on_page(lines: list[str], content_idx: list[int], running: set[str]) -> set[int]:
    """The lines at the top or bottom of a page that are running headers, footers or page numbers."""
    edges = set(content_idx[:EDGE_LINES] + content_idx[-EDGE_LINES:])
    return {
        i for i in edges if _normal(lines[i]) in running or _PAGE_NUMBER.match(re.sub(r"\s+", " ", lines[i]).strip())
    }


def _table_rows(
    table: PdfTable,
    page_no: int,
    number: dict[int, int],
    out: list[str],
    length: int,
    anchors: list[tuple[int, PdfLine]],
    rows: list[Block],
) -> int:
    """Lay out the rows of a table, one line each with its cells separated by tabs, appending to
    `out`, `anchors` and `rows`; the new length of the text."""
    for n, (first, cells) in enumerate(table.rows):
        joiner = "\n\n" if out else ""
        out.append(joiner)
        length += len(joiner)
        anchors.append((length, PdfLine(pagina=page_no, regel=number[first])))
        start, spans = length, []
        for k, cell in enumerate(cells):
            if k:
                out.append("\t")
                length += 1
            spans.append(Span(length, length + len(cell)))
            out.append(cell)
            length += len(cell)
        kind: BlockKind = "table_header" if n == _header(table) else "table_row"
        rows.append(
            Block(
                kind,
                start,
                length,
                Span(spans[0].start, spans[-1].end),
                cells=tuple(spans),
                cell_columns=tuple(range(1, len(spans) + 1)),
            )
        )
    return length


def _joiner(previous: str, line: str, gap: bool, typical: float) -> str:
    """What goes between the previous line read and this one: a block break, a line break, a
    space, or nothing (a word hyphenated over two lines; the caller drops its hyphen)."""
    if previous == "\t" or gap:
        return "\n\n"  # after a table, or a vertical gap that layout mode shows as a blank line
    if not previous:
        return ""
    if previous.endswith("-") and re.match(r"(en|of|tot|t/m)\s", line):
        return " "  # "inkoop-" + "en aanbestedingsvoorwaarden": an elision, not a break
    if _HYPHENATED.search(previous) and line[:1].islower():
        return ""  # "ver-" + "werking": one word again
    if previous.endswith("-") and not previous.endswith(" -"):
        return ""
    if _starts_block(previous, line, typical):
        return "\n\n"
    return "\n"


def _header(table: PdfTable) -> int:
    """The row that names the columns: the first of the first three that column_roles reads, else
    the first row."""
    for n, (_, cells) in enumerate(table.rows[:3]):
        if len(column_roles([c for c in cells if c]) or {}) >= 2:
            return n
    return 0


def _starts_block(previous: str, line: str, typical: float) -> bool:
    if _TXT_LIST.match(line) or REQUIREMENT_ID.match(line):
        return True
    if looks_like_heading(previous):
        return True
    if looks_like_heading(line) and (
        previous.endswith((".", ":", ";", "!", "?")) or line[:1].isdigit() or line.isupper()
    ):
        return True
    return previous.endswith((".", ":", ";", "!", "?")) and len(previous) < 0.93 * typical and line[:1].isupper()
