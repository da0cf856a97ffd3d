"""Tables in the text of a PDF page, found from the layout of its lines.

pypdf's layout mode places each character at its horizontal position, so the cells of a table
row stand apart by runs of spaces, at the same columns on every row. A table here is a run of
lines whose pieces all sit inside one set of columns, with at least two lines of two or more
cells. Rows are read as Word draws them (text at the top of the cell): a line with text in the
first column starts a row, a line without it continues the cells of the row above, as does a
first-column line that starts in lower case (a wrapped cell). A blank line, a line that crosses
a column boundary or a numbered heading ends the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eislint.readers.text import looks_like_heading

_PIECE = re.compile(r"\S+(?: {1,2}\S+)*")  # three or more spaces separate cells
_TOLERANCE = 2  # characters a cell may start left of its column (centred or padded text)


@dataclass
class PdfTable:
    first: int  # index of the first and last line of the page that the table covers
    last: int
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (first line, cell texts)


def pieces(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _PIECE.finditer(line)]


def _place(parts: list[tuple[int, int, str]], columns: list[int]) -> list[tuple[int, str]] | None:
    """The column of each piece, or None when a piece does not fit the columns."""
    placed: list[tuple[int, str]] = []
    for start, end, text in parts:
        if start < columns[0] - _TOLERANCE:
            return None
        k = max(i for i, c in enumerate(columns) if c - _TOLERANCE <= start)
        if k + 1 < len(columns) and end > columns[k + 1]:
            return None  # runs across the next column: prose, not a cell
        if placed and placed[-1][0] == k:
            return None
        placed.append((k, text))
    return placed


def _join(cell: str, more: str) -> str:
    if not cell:
        return more
    if re.search(r"[a-zà-ÿ]-$", cell) and more[:1].islower():
        return cell[:-1] + more  # hyphenation undone
    return f"{cell} {more}"


def find_tables(lines: list[str], skip: set[int]) -> list[PdfTable]:
    """The tables among a page's layout lines; `skip` holds running headers and footers."""
    tables: list[PdfTable] = []
    parts = [pieces(line) if i not in skip else [] for i, line in enumerate(lines)]
    i = 0
    while i < len(lines):
        if len(parts[i]) < 2 or looks_like_heading(lines[i]):
            i += 1
            continue
        table, multi = _table_from(lines, parts, i)
        if multi >= 2 and len(table.rows) >= 2:
            tables.append(table)
            i = table.last + 1
        else:
            i += 1
    return tables


def _table_from(lines: list[str], parts: list[list[tuple[int, int, str]]], i: int) -> tuple[PdfTable, int]:
    """The table whose columns line `i` sets, and how many of its lines fill two cells or more."""
    columns = [start for start, _, _ in parts[i]]
    table = PdfTable(first=i, last=i)
    cells: list[str] = []
    multi = 0
    j = i
    while j < len(lines) and parts[j]:
        placed = _place(parts[j], columns)
        if placed is None or (len(placed) == 1 and looks_like_heading(lines[j])):
            break
        new_row = placed[0][0] == 0 and (not cells or (len(placed) >= 2 and not placed[0][1][:1].islower()))
        if len(placed) == 1 and j > i and not _continues(parts, j, columns):
            break
        if new_row:
            cells = [""] * len(columns)
            table.rows.append((j, cells))
        for k, text in placed:
            cells[k] = _join(cells[k], text)
        multi += len(placed) >= 2
        table.last = j
        j += 1
    return table, multi


def _continues(parts: list[list[tuple[int, int, str]]], j: int, columns: list[int]) -> bool:
    """A one-piece line inside a table: a wrapped cell, unless it is the first line of prose
    after the table (first column, capital letter, and no table line follows)."""
    start, _, text = parts[j][0]
    if start > columns[0] + _TOLERANCE or text[:1].islower():
        return True
    nxt = parts[j + 1] if j + 1 < len(parts) else []
    return len(nxt) >= 2 and _place(nxt, columns) is not None
