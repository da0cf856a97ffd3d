"""Typed locations: the one Dutch rendering of each kind of place and its JSON object."""

from __future__ import annotations

import pytest

from eislint.document import Block, Document, Span
from eislint.locations import Location, Paragraph, PdfLine, SheetCell, TableCell


@pytest.mark.parametrize(
    ("place", "where", "as_dict"),
    [
        (Location(), "", {}),
        (Location(kolom=2), "", {"kolom": 2}),  # a cell of a Markdown table: line:column says it
        (Paragraph(paragraaf=12), "paragraaf 12", {"paragraaf": 12}),
        (TableCell(tabel=2), "tabel 2", {"tabel": 2}),
        (TableCell(tabel=2, rij=5, kolom=3), "tabel 2, rij 5, kolom 3", {"tabel": 2, "rij": 5, "kolom": 3}),
        (TableCell(rij=1, kolom=1), "", {"rij": 1, "kolom": 1}),  # a table in a Word content control
        (SheetCell(blad="PvE"), "blad PvE", {"blad": "PvE"}),
        (SheetCell(blad="PvE", rij=14), "blad PvE, rij 14", {"blad": "PvE", "rij": 14}),
        (
            SheetCell(blad="PvE", rij=14, kolom=3, cel="C14"),
            "PvE!C14",
            {"blad": "PvE", "rij": 14, "kolom": 3, "cel": "C14"},
        ),
        (SheetCell(rij=3, kolom=2, cel="B3"), "cel B3", {"rij": 3, "kolom": 2, "cel": "B3"}),  # CSV
        (SheetCell(rij=3), "", {"rij": 3}),
        (PdfLine(pagina=3, regel=7), "pagina 3, regel 7", {"pagina": 3, "regel": 7}),
        (PdfLine(pagina=1, regel=4, kolom=2), "pagina 1, regel 4", {"kolom": 2, "pagina": 1, "regel": 4}),
    ],
)
def test_each_kind_renders_in_dutch_and_as_json(place, where, as_dict):
    assert place.describe() == where
    assert place.as_dict() == as_dict
    assert list(place.as_dict()) == list(as_dict)  # key order is part of the JSON output


def test_place_at_adds_the_cell_and_the_pdf_line():
    text = "a\tb\nc"
    row = Block(
        "table_row",
        0,
        3,
        Span(0, 3),
        cells=(Span(0, 1), Span(2, 3)),
        location=SheetCell(blad="PvE", rij=2),
        cell_names=("A2", "C2"),
        cell_columns=(1, 3),
    )
    doc = Document(path="x.xlsx", text=text, blocks=[row], format="xlsx")
    assert doc.place_at(2) == SheetCell(blad="PvE", rij=2, kolom=3, cel="C2")
    assert doc.location_at(2) == {"blad": "PvE", "rij": 2, "kolom": 3, "cel": "C2"}
    assert doc.place_at(4) == Location()
    doc.anchors = [(0, PdfLine(pagina=1, regel=1)), (4, PdfLine(pagina=2, regel=1))]
    assert doc.place_at(4) == PdfLine(pagina=2, regel=1)
