"""Where a user finds a place back in the source file: one small type per kind of place.

Readers give every block one of these; `Document.place_at` adds the cell and the PDF page and
line of an offset. Each type renders itself in exactly one place: `describe()` is the Dutch text
reports show ("tabel 2, rij 5, kolom 3", "PvE!C14", "pagina 3, regel 7"), `as_dict()` the JSON
`location` object, with the keys in the order reports have always had them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


def _present(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """The base of every place, and a text line: line and column of a finding say it all there.
    A cell of a Markdown table adds its column."""

    kolom: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return _present(kolom=self.kolom)

    def describe(self) -> str:
        """The place in Dutch for reports; '' where line:column is the place (text formats)."""
        return ""

    def in_cell(self, column: int, name: str | None) -> Location:
        """The place of one cell of this row: its 1-based source column (and its name, where the
        format names cells)."""
        return replace(self, kolom=column)

    def on_line(self, line: PdfLine) -> Location:
        """This place on a PDF page and line (the PDF reader anchors offsets to those)."""
        return PdfLine(pagina=line.pagina, regel=line.regel, kolom=self.kolom)


TextLine = Location


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph(Location):
    """A paragraph of a Word or OpenDocument text, counted as the document counts them."""

    paragraaf: int = 0

    def as_dict(self) -> dict[str, Any]:
        return _present(paragraaf=self.paragraaf, kolom=self.kolom)

    def describe(self) -> str:
        return f"paragraaf {self.paragraaf}"


@dataclass(frozen=True, slots=True, kw_only=True)
class TableCell(Location):
    """A table of a Word or OpenDocument text: table, row and column, each counted from 1 (a table
    in a Word content control has no number)."""

    tabel: int | None = None
    rij: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return _present(tabel=self.tabel, rij=self.rij, kolom=self.kolom)

    def describe(self) -> str:
        if self.tabel is None:
            return ""
        parts = [f"tabel {self.tabel}"]
        if self.rij is not None:
            parts.append(f"rij {self.rij}")
        if self.kolom is not None:
            parts.append(f"kolom {self.kolom}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetCell(Location):
    """A sheet of a workbook (Excel, OpenDocument) or a CSV file (no sheet): row, column and the
    cell's name as the spreadsheet shows it ("C14")."""

    blad: str | None = None
    rij: int | None = None
    cel: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return _present(blad=self.blad, rij=self.rij, kolom=self.kolom, cel=self.cel)

    def describe(self) -> str:
        if self.blad is not None:
            if self.cel:
                return f"{self.blad}!{self.cel}"
            return f"blad {self.blad}, rij {self.rij}" if self.rij is not None else f"blad {self.blad}"
        return f"cel {self.cel}" if self.cel is not None else ""  # a CSV file, opened in a spreadsheet

    def in_cell(self, column: int, name: str | None) -> Location:
        return replace(self, kolom=column, cel=name if name is not None else self.cel)


@dataclass(frozen=True, slots=True, kw_only=True)
class PdfLine(Location):
    """A page of a PDF and a line on it, counting the lines with text as a reader counts them."""

    pagina: int = 0
    regel: int = 0

    def as_dict(self) -> dict[str, Any]:
        # the column of a table cell came first when these were dictionaries; JSON keeps that order
        return _present(kolom=self.kolom, pagina=self.pagina, regel=self.regel)

    def describe(self) -> str:
        return f"pagina {self.pagina}, regel {self.regel}"
