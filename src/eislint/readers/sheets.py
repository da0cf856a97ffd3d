"""Spreadsheets: Excel (.xlsx/.xlsm) and CSV, every sheet, every non-empty row.

A Programma van Eisen in a sheet is a table under a header row ("Nr | Eis/Wens | Omschrijving |
Toelichting | Weging"): the header is recognised by segment's column names wherever it is on
the sheet, and each row below becomes a requirement. A row with one short cell ("Beveiliging")
groups the rows under it, as a heading. Macros are never run; formulas give their last value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from dataclasses import replace
from typing import Any

from eislint.document import REQUIREMENT_ID, Document
from eislint.dutch.numbers import getal
from eislint.dutch.vocabulary import MODALS, PASSIVE_AUXILIARIES, words_regex
from eislint.locations import SheetCell
from eislint.readers.builder import DocumentBuilder
from eislint.readers.container import open_zip
from eislint.readers.errors import ReadError
from eislint.readers.text import decode
from eislint.segment import column_roles

_MODAL = re.compile(words_regex((*MODALS, *PASSIVE_AUXILIARIES, "is", "zijn")), re.I)
# a column name: a few words, no figure, no sentence
_LABEL = re.compile(r"^(?!.*\w{4,}[.!?]$)(?!\W*[\d€%,.\s-]+\W*$)\S+(?:\s+\S+){0,3}$")
_LIST = re.compile(r"^([-*•–]|\d{1,2}[.)])\s+")


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_text(value: Any, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y") if value.time() == dt.time() else value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, (int, float)):
        if "%" in (number_format or ""):
            return _decimal(value * 100) + "%"
        return _decimal(value)
    return str(value).strip()


def _decimal(value: float) -> str:
    """A number as a Dutch spreadsheet shows it: decimal comma, no exponent, no trailing zeros."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


class SheetLayout:
    """Turns the rows of one sheet into blocks: title rows, the header, requirement rows."""

    def __init__(self, builder: DocumentBuilder, title: str | None, location: SheetCell) -> None:
        self.builder = builder
        self.location = location
        self.roles: dict[str, int] | None = None
        self.text_column: int | None = None
        self._header_columns: list[int] = []
        if title is not None:
            builder.add("heading", title, level=1, location=location)

    def row(self, number: int, cells: list[tuple[int, str]]) -> None:
        """`cells`: (1-based column, text) of the non-empty cells of row `number`."""
        if not cells:
            return
        location = replace(self.location, rij=number)
        previous = self.builder.blocks[-1].kind if self.builder.blocks else None
        roles = column_roles([text for _, text in cells]) if len(cells) >= 2 else None
        # A header: column names where a table starts, or a row that names at least two requirement
        # columns ("Nr | Eis | Voldoet inschrijver aan de eis (ja/nee)": the answer column may be long)
        named = roles is not None and len(roles) >= 2 and all(len(text.split()) <= 10 for _, text in cells)
        if named or len(cells) >= 2 and all(_LABEL.match(text) for _, text in cells):
            if named or previous not in ("table_row", "table_header"):
                self.roles = roles
                self.text_column = cells[roles["text"]][0] if roles is not None else None
                self._add_row(number, cells, location, header=True)
                return
        if len(cells) == 1 and self._one_cell(number, cells[0], location):
            return
        self._add_row(number, cells, location)

    def _one_cell(self, number: int, cell: tuple[int, str], location: SheetCell) -> bool:
        """A row with one cell: a group title, or prose outside a requirements table. False: a
        row of the table that happens to fill only its text column."""
        column, text = cell
        location = replace(location, cel=_name(column, number))
        if self._is_group_title(cell):
            self.builder.add("heading", text, level=2, location=location)
            return True
        if self.roles is None or column != self.text_column:
            # prose in one cell, outside a requirements table: a paragraph or list item
            marker = _LIST.match(text)
            if marker and not REQUIREMENT_ID.match(text):
                self.builder.add("list_item", text[marker.end() :], marker=marker.group(1), location=location)
            else:
                self.builder.add("paragraph", text, location=location)
            return True
        return False

    def _is_group_title(self, cell: tuple[int, str]) -> bool:
        column, text = cell
        words = text.split()
        short = len(words) <= 6 and "\n" not in text and not text.rstrip().endswith((".", ":", ";", "?"))
        if not short or _MODAL.search(text) or not (text[:1].isupper() or text[:1].isdigit()):
            return False
        return self.roles is None or column != self.text_column or len(words) <= 3

    def _add_row(self, number: int, cells: list[tuple[int, str]], location: SheetCell, header: bool = False) -> None:
        if self.roles is not None and not header:
            # The header's columns decide which cell is which: keep a cell per header column so
            # segment's column indexes hold even when a row leaves a cell empty.
            header_columns = self._header_columns
            by_column = dict(cells)
            columns = header_columns + sorted(c for c in by_column if c not in header_columns)
            self.builder.add_row(
                [by_column.get(c, "") for c in columns],
                columns=columns,
                names=[_name(c, number) for c in columns],
                location=location,
                keep_empty=[c in header_columns for c in columns],
            )
            return
        if header:
            self._header_columns = [c for c, _ in cells]
        self.builder.add_row(
            [t for _, t in cells],
            header=header,
            columns=[c for c, _ in cells],
            names=[_name(c, number) for c, _ in cells],
            location=location,
        )


def _name(column: int, row: int) -> str:
    return f"{column_letter(column)}{row}"


# ---------------------------------------------------------------- Excel


def read_xlsx(path: str, data: bytes) -> Document:
    with warnings.catch_warnings():  # "extension is not supported" and the like: not the user's problem
        warnings.simplefilter("ignore")
        return _read_xlsx(path, data)


def _read_xlsx(path: str, data: bytes) -> Document:
    from openpyxl import load_workbook

    open_zip(data, "Excel-werkmap", ".xlsx", "xl/workbook.xml")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_vba=False, keep_links=False)
    except Exception as exc:  # openpyxl raises anything from KeyError to its own InvalidFileException
        raise ReadError(f"beschadigde Excel-werkmap ({type(exc).__name__})") from None
    builder = DocumentBuilder()
    notices = []
    try:
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                notices.append(f"verborgen blad '{sheet.title}' ook gecontroleerd")
            layout = SheetLayout(builder, sheet.title, SheetCell(blad=sheet.title))
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # some writers store a wrong used range
            for row in sheet.iter_rows():
                cells = []
                number = None
                for cell in row:
                    value = getattr(cell, "value", None)
                    if value is None:
                        continue
                    text = cell_text(value, getattr(cell, "number_format", "General"))
                    if text:
                        cells.append((cell.column, text))
                        number = cell.row
                if cells and number is not None:
                    layout.row(number, cells)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"beschadigde Excel-werkmap ({type(exc).__name__})") from None
    finally:
        workbook.close()
    return builder.build(path, "xlsx", notices)


# ---------------------------------------------------------------- CSV


def read_csv(path: str, data: bytes) -> Document:
    text, encoding, notices = decode(data)
    lines = text.split("\n")
    first_line = 1
    declared = re.fullmatch(r"sep=(.)", lines[0].strip()) if lines else None
    if declared:  # Excel's "sep=;" line names the delimiter and is no row
        text = "\n".join(lines[1:])
        first_line = 2
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        first = sample.split("\n", 1)[0]
        delimiter = max(";,\t|", key=first.count)
        if not first.count(delimiter):
            delimiter = ";"

        class dialect(csv.excel):  # type: ignore[no-redef]
            pass

        dialect.delimiter = delimiter
    if declared:
        dialect.delimiter = declared.group(1)
    else:
        header = next((line for line in text.split("\n") if line.strip()), "")
        if dialect.delimiter not in header:
            dialect.delimiter = "\x00"  # one column: the commas are in the sentences
    dialect.doublequote = True  # "" inside quotes is a quote, as Excel writes it (RFC 4180)
    builder = DocumentBuilder()
    # No title block: the text's lines stay the file's lines, for CI annotations; segment
    # classifies a CSV file by its name instead.
    layout = SheetLayout(builder, None, SheetCell())
    try:
        reader = csv.reader(io.StringIO(text), dialect)
        offset = first_line - 1
        for number, row in enumerate(reader, start=1):  # Excel hides the sep= line: rows count from 1
            cells = [(i, v.strip()) for i, v in enumerate(row, start=1) if v and v.strip()]
            if cells:
                builder.pad_to_line(first_line)
                layout.row(number, cells)
            first_line = reader.line_num + 1 + offset
    except csv.Error as exc:
        line = reader.line_num + (1 if declared else 0)  # the sep= line is no row of the reader
        if "field larger than field limit" in str(exc):
            limit = getal(csv.field_size_limit())
            raise ReadError(
                f"cel van meer dan {limit} tekens rond regel {line}; geen CSV-tabel, niet gelezen"
            ) from None
        raise ReadError(f"ongeldig CSV-bestand rond regel {line}") from None
    doc = builder.build(path, "csv", notices)
    doc.encoding = encoding
    return doc
