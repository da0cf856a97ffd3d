"""Assemble a Document from the pieces an office reader finds, one block per line.

Office formats have no text of their own to point into: the reader lays out its paragraphs,
table rows and sheet rows as lines of a synthetic text, and each block carries the location a
user can find back (paragraph, table/row/column, sheet!cell, page/line).
"""

from __future__ import annotations

import re

from eislint.document import Block, BlockKind, Document, Span
from eislint.locations import Location
from eislint.readers.errors import ReadError

# A tender of 1,000 pages is about 3 million characters. More than this from a small file is a
# decompression trick (repeated rows, huge space counts), not a document: refuse, do not grow.
MAX_TEXT_CHARS = 10_000_000

# A paragraph or cell that is an eislint comment, typed as in Markdown: a suppression.
SUPPRESSION = re.compile(r"^\s*<!--\s*eislint\s*:.*-->\s*$", re.S | re.I)


class DocumentBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._lines = 1
        self.blocks: list[Block] = []
        self.masked: list[Span] = []

    def _write(self, text: str) -> tuple[int, int]:
        start = self._length
        self.refuse_beyond(len(text))
        self._parts.append(text)
        self._length += len(text)
        self._lines += text.count("\n")
        return start, self._length

    def refuse_beyond(self, chars: int) -> None:
        """The error writing `chars` more characters gives, raised before writing them: a row a
        sheet repeats 10,000 times need not be laid out 59 times to know it will not fit."""
        if self._length + chars > MAX_TEXT_CHARS:
            raise ReadError(f"meer dan {MAX_TEXT_CHARS // 1_000_000} miljoen tekens tekst na uitpakken; niet gelezen")

    def _newline(self) -> None:
        if self._length:
            self._write("\n")

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        marker: str = "",
        level: int = 0,
        indent: int = 0,
        location: Location | None = None,
    ) -> Block | None:
        """A paragraph, heading or list item; `marker` (a list number or bullet) precedes the content."""
        text = one_block(text)
        if not text.strip():
            return None
        if SUPPRESSION.match(text):
            return self.add_comment(text, location)
        self._newline()
        start = self._length
        if marker:
            self._write(marker + " ")
        c_start, c_end = self._write(text)
        block = Block(
            kind,
            start,
            c_end,
            Span(c_start, c_end),
            level=level,
            indent=indent,
            marker=marker,
            location=location or Location(),
        )
        self.blocks.append(block)
        return block

    def add_comment(self, text: str, location: Location | None = None) -> Block:
        """An eislint comment ("<!-- eislint: negeer ... -->"): read by suppress, never linted."""
        if not SUPPRESSION.match(text):
            text = f"<!-- {text.strip()} -->"
        self._newline()
        start, end = self._write(text.replace("\n", " "))
        block = Block("comment", start, end, Span(start, end), location=location or Location())
        self.blocks.append(block)
        self.masked.append(Span(start, end))
        return block

    def add_row(
        self,
        cells: list[str],
        *,
        header: bool = False,
        names: list[str] | None = None,
        columns: list[int] | None = None,
        location: Location | None = None,
        keep_empty: list[bool] | None = None,
    ) -> Block | None:
        """A table or sheet row: cells separated by tabs. Empty cells are left out, except where
        `keep_empty` says the cell's position matters (a column of the header)."""
        kept = [
            (i, one_block(c or ""))
            for i, c in enumerate(cells)
            if (c and c.strip()) or (keep_empty is not None and keep_empty[i])
        ]
        if not any(t for _, t in kept):
            return None
        self._newline()
        start = self._length
        spans, cell_names, cell_columns = [], [], []
        for n, (i, text) in enumerate(kept):
            if n:
                self._write("\t")
            spans.append(Span(*self._write(text)))
            if names is not None:
                cell_names.append(names[i])
            cell_columns.append(columns[i] if columns is not None else i + 1)
        block = Block(
            "table_header" if header else "table_row",
            start,
            self._length,
            Span(spans[0].start, spans[-1].end),
            cells=tuple(spans),
            location=location or Location(),
            cell_names=tuple(cell_names),
            cell_columns=tuple(cell_columns),
        )
        self.blocks.append(block)
        return block

    def pad_to_line(self, line: int) -> None:
        """Start the next block on 1-based `line`, so line numbers match the source (CSV)."""
        if line > self._lines + 1:  # the next block adds one line break of its own
            self._write("\n" * (line - self._lines - 1))

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, path: str, fmt: str, notices: list[str] | None = None) -> Document:
        doc = Document(path=path, text=self.text, blocks=self.blocks, format=fmt, notices=list(notices or []))
        doc.masked = self.masked
        return doc


def one_block(text: str) -> str:
    # Line breaks inside a paragraph or cell stay (they end list-like lines); tabs are cell
    # separators in the synthetic text, so inside a cell they become spaces.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\x0b", "\n")
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    while "\n\n" in text:
        text = text.replace("\n\n", "\n")
    return text
