"""Edge cases found in an adversarial review of the readers: content controls, tracked
deletions, nested and offset tables, list numbering, CSV quoting, decompression tricks."""

from __future__ import annotations

import pytest
from support.files import make_ods, make_odt, replace_in_zip, w_p, w_row, w_table, word_body, xlsx_bytes

from eislint.readers import ReadError, read_bytes
from eislint.segment import segment

pytest.importorskip("docx")

E_LIST = (
    '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="E%1."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num>'
)
HEADER = w_row("Nr", "Omschrijving")


def _reqs(name: str, data: bytes):
    doc = segment(read_bytes(name, data))
    return [(r.id, doc.text[r.start : r.end]) for r in doc.requirements], doc


def test_rows_and_cells_inside_content_controls_are_read():
    body = w_table(
        HEADER,
        "<w:sdt><w:sdtContent>" + w_row("E1", "Het LMS is snel.") + "</w:sdtContent></w:sdt>",
        w_row("E2", "<w:sdt><w:sdtContent><w:tc>" + w_p("Het LMS is veilig.") + "</w:tc></w:sdtContent></w:sdt>"),
    )
    reqs, _ = _reqs("t.docx", word_body(body))
    assert reqs == [("E1", "Het LMS is snel."), ("E2", "Het LMS is veilig.")]


def test_a_deleted_numbered_paragraph_takes_no_number():
    deleted = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr><w:rPr><w:del w:id="1" '
        'w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr><w:del w:id="2" w:author="A" '
        'w:date="2026-01-01T00:00:00Z"><w:r><w:delText>Weg.</w:delText></w:r></w:del></w:p>'
    )
    reqs, doc = _reqs(
        "t.docx",
        word_body(
            w_p("Eisen", ppr='<w:pStyle w:val="Heading1"/>')
            + w_p("Het LMS is snel.", 7)
            + deleted
            + w_p("Het LMS is veilig.", 7),
            E_LIST,
        ),
    )
    assert [r[0] for r in reqs] == ["E1", "E2"]
    assert any("bijgehouden wijzigingen" in n for n in doc.notices)


def test_nested_table_read_once_and_grid_offsets_keep_columns():
    inner = w_table(w_row("midden", "<w:tc>" + w_table(w_row("diep")) + "<w:p/></w:tc>"))
    body = w_table(
        HEADER,
        w_row("E1", f"<w:tc>{w_p('buiten')}{inner}<w:p/></w:tc>"),
        w_row("Het LMS is veilig.", trpr='<w:trPr><w:gridBefore w:val="1"/></w:trPr>'),
    )
    doc = segment(read_bytes("t.docx", word_body(body)))
    assert doc.text.count("diep") == 1
    offset = doc.text.index("veilig")
    assert doc.location_at(offset)["kolom"] == 2 and doc.requirement_at(offset) is not None


def test_vanish_off_is_visible_and_level_override_redefines_the_number():
    numbering = E_LIST + (
        '<w:num w:numId="8"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="W%1."/></w:lvl></w:lvlOverride></w:num>'
    )
    body = (
        w_p("Zichtbaar.", run='<w:rPr><w:vanish w:val="0"/></w:rPr>')
        + w_p("Het LMS is snel.", 7)
        + w_p("Het LMS biedt een app.", 8)
    )
    reqs, doc = _reqs("t.docx", word_body(body, numbering))
    assert "Zichtbaar." in doc.text
    assert [r[0] for r in reqs] == ["E1", "W1"]


def test_word_table_header_below_a_title_row():
    body = w_table(
        w_row("Programma van Eisen - functioneel"), w_row("Nr.", "Eisomschrijving"), w_row("F1", "Het LMS is snel.")
    )
    reqs, _ = _reqs("t.docx", word_body(body))
    assert reqs == [("F1", "Het LMS is snel.")]


def test_odt_numbering_continues_and_cells_leave_notes_out():
    styles = (
        '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" '
        'style:num-prefix="E" style:num-suffix="."/></text:list-style>'
    )
    item = "<text:list-item><text:p>{}</text:p></text:list-item>"
    body = (
        '<text:h text:outline-level="1">Eisen</text:h><text:list xml:id="l1" text:style-name="L1">'
        + item.format("Het LMS is snel.")
        + item.format("Het LMS is veilig.")
        + "</text:list><text:p>Tussen.</text:p>"
        + '<text:list text:continue-numbering="true" text:style-name="L1">'
        + item.format("Het LMS is stabiel.")
        + "</text:list><table:table><table:table-row><table:table-cell><text:p>Nr</text:p></table:table-cell>"
        "<table:table-cell><text:p>Eis</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell>"
        "<text:p>T1</text:p></table:table-cell><table:table-cell><text:p>Het LMS logt.<text:note><text:note-body>"
        "<text:p>Voetnoot.</text:p></text:note-body></text:note></text:p></table:table-cell></table:table-row></table:table>"
    )
    reqs, doc = _reqs("t.odt", make_odt(body, styles))
    assert [r[0] for r in reqs] == ["E1", "E2", "E3", "T1"]
    assert "Voetnoot" not in doc.text


def test_csv_doubled_quotes_and_excel_sep_line():
    data = b'sep=;\nNr;Omschrijving;Weging\nE1;"Het LMS toont ""A"" op; B.";10,5\n'
    doc = segment(read_bytes("eisen.csv", data))
    req = doc.requirements[0]
    assert (req.id, doc.text[req.start : req.end], req.weight) == ("E1", 'Het LMS toont "A" op; B.', "10,5")
    assert doc.location_at(req.start)["cel"] == "B2" and doc.line_col(req.start)[0] == 3


def test_xlsx_header_with_a_long_answer_column_and_moscow_letters():
    data = xlsx_bytes(
        {
            "PvE": [
                ["Ref.", "Categorie", "MoSCoW", "Omschrijving", "Voldoet inschrijver aan de eis (ja/nee)"],
                ["1.1", "Wet- en regelgeving", "M", "Het LMS voldoet aan de AVG.", None],
                ["1.2", "Rapportage", "S", "Het LMS exporteert naar CSV.", None],
            ]
        }
    )
    doc = segment(read_bytes("pve.xlsx", data))
    assert [(r.id, r.kind) for r in doc.requirements] == [("1.1", "eis"), ("1.2", "wens")]


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "rijen.ods",
            make_ods(
                '<table:table table:name="B"><table:table-row table:number-rows-repeated="10000">'
                '<table:table-cell table:number-columns-repeated="10000"><text:p>Het LMS is snel.</text:p>'
                "</table:table-cell></table:table-row></table:table>"
            ),
        ),
    ],
)
def test_repetition_tricks_are_refused_without_growing(name, data):
    with pytest.raises(ReadError, match="miljoen tekens"):
        read_bytes(name, data)


def test_huge_space_count_and_start_value_stay_small():
    doc = read_bytes("t.odt", make_odt('<text:p>Het LMS<text:s text:c="400000000"/>is snel.</text:p>'))
    assert len(doc.text) < 200
    numbering = E_LIST.replace(
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/>',
        '<w:start w:val="1000000000"/><w:numFmt w:val="lowerLetter"/>',
    )
    doc = read_bytes("t.docx", word_body(w_p("Het LMS is snel.", 7), numbering))
    assert len(doc.text) < 200


def test_a_dtd_in_a_utf16_part_is_refused():
    base = word_body(w_p("Het LMS is snel."))
    hostile = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]><w:document {""}/>').encode(
        "utf-16"
    )
    with pytest.raises(ReadError, match="DTD"):
        read_bytes("t.docx", replace_in_zip(base, "word/document.xml", hostile))


def test_lvl_restart_zero_numbers_on_through_the_chapters():
    numbering = (
        '<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="E%2."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num>'
    )

    def item(text, ilvl):
        return (
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="9"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{text}</w:t></w:r></w:p>"
        )

    body = (
        w_p("Eisen", ppr='<w:pStyle w:val="Heading1"/>')
        + item("Blok een", 0)
        + item("Het LMS is snel.", 1)
        + item("Blok twee", 0)
        + item("Het LMS is veilig.", 1)
    )
    reqs, _ = _reqs("t.docx", word_body(body, numbering))
    assert [r[0] for r in reqs if r[0] and r[0].startswith("E")] == ["E1", "E2"]
