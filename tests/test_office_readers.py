"""Word, Excel, CSV, OpenDocument and PDF: text, structure, requirements and locations.

Every file is generated here (python-docx, openpyxl, a hand-written PDF, ODF zips); nothing is
downloaded and no binary fixture is needed.
"""

from __future__ import annotations

import pytest
from support.files import docx_bytes, encrypt_pdf, make_ods, make_odt, make_pdf, xlsx_bytes

from eislint.readers import ReadError, read_bytes
from eislint.segment import segment

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402


def _read(name: str, data: bytes):
    return segment(read_bytes(name, data))


def _blocks(doc):
    return [(b.kind, doc.text[b.content.start : b.content.end], b.location.as_dict()) for b in doc.blocks]


def _req(doc):
    return [(r.id, r.kind, doc.text[r.start : r.end], r.weight, r.explanation) for r in doc.requirements]


# ---------------------------------------------------------------- Word


def _id_numbering(document, lvl_text: str = "E%1.", num_id: int = 90) -> int:
    """Add a list numbered 'E1.', 'E2.' (as tender templates number requirements)."""
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{lvl_text}"/></w:lvl>'
            f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def _numbered(paragraph, num_id: int, ilvl: int = 0):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def test_docx_headings_numbering_lists_and_paragraph_locations():
    def build(d):
        d.add_paragraph("Programma van Eisen LMS", style="Title")
        d.add_heading("1 Aanleiding", 1)
        d.add_paragraph("De gemeente gebruikt nu een verouderd LMS.")
        d.add_paragraph("")  # empty paragraphs still count: Word numbers them too
        d.add_heading("2 Programma van Eisen", 1)
        num = _id_numbering(d)
        _numbered(d.add_paragraph("Het LMS ondersteunt SCORM 1.2."), num)
        _numbered(d.add_paragraph("Het LMS is gebruiksvriendelijk."), num)
        _numbered(d.add_paragraph("met een zoekfunctie"), num, ilvl=1)
        d.add_paragraph("Het LMS toont voortgang.", style="List Bullet")
        bold = d.add_paragraph()
        bold.add_run("3.1 Gunningscriteria").bold = True  # a heading by numbering and look, not by style

    doc = _read("pve.docx", docx_bytes(build))
    blocks = _blocks(doc)
    assert ("heading", "1 Aanleiding", {"paragraaf": 2}) in blocks
    assert ("paragraph", "E1. Het LMS ondersteunt SCORM 1.2.", {"paragraaf": 6}) in blocks
    assert ("heading", "3.1 Gunningscriteria", {"paragraaf": 10}) in blocks
    kinds = {text: (kind, b.marker) for (kind, text, _), b in zip(blocks, doc.blocks)}
    assert kinds["met een zoekfunctie"] == ("list_item", "a)")
    assert kinds["Het LMS toont voortgang."] == ("list_item", "•")
    assert [(r[0], r[2]) for r in _req(doc)][:2] == [
        ("E1", "Het LMS ondersteunt SCORM 1.2."),
        ("E2", "Het LMS is gebruiksvriendelijk."),
    ]
    assert [s.kind for s in doc.sections if s.heading is not None][-2:] == ["eisen", "gunning"]


def test_docx_tables_merged_cells_once_with_table_row_column():
    def build(d):
        d.add_heading("Programma van Eisen", 1)
        table = d.add_table(rows=4, cols=4)
        for r, row in enumerate(
            [
                ("Nr", "Type", "Omschrijving", "Toelichting"),
                ("E1", "Eis", "Het LMS is snel.", "zie bijlage"),
                ("W1", "Wens", "Het LMS biedt een app.", ""),
                ("Samen", "", "", ""),
            ]
        ):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        table.cell(3, 0).merge(table.cell(3, 3))  # one cell over the whole row
        table.cell(3, 0).text = "Opmerking over alle eisen moet kloppen"

    doc = _read("pve.docx", docx_bytes(build))
    rows = [b for b in doc.blocks if b.kind in ("table_row", "table_header")]
    assert rows[0].kind == "table_header" and rows[0].location.as_dict() == {"tabel": 1, "rij": 1}
    merged = rows[3]
    assert [doc.text[c.start : c.end] for c in merged.cells if c.end > c.start] == [
        "Opmerking over alle eisen moet kloppen"
    ]
    assert _req(doc)[:2] == [
        ("E1", "eis", "Het LMS is snel.", None, "zie bijlage"),
        ("W1", "wens", "Het LMS biedt een app.", None, None),
    ]
    offset = doc.text.index("snel")
    assert doc.location_at(offset) == {"tabel": 1, "rij": 2, "kolom": 3}


def test_docx_tracked_changes_read_as_accepted_and_toc_skipped():
    def build(d):
        d.add_heading("Eisen", 1)
        p = d.add_paragraph("Het LMS ")
        p._p.append(
            parse_xml(
                f'<w:ins {nsdecls("w")} w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">'
                '<w:r><w:t xml:space="preserve">ondersteunt </w:t></w:r></w:ins>'
            )
        )
        p._p.append(
            parse_xml(
                f'<w:del {nsdecls("w")} w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z">'
                "<w:r><w:delText>verbiedt </w:delText></w:r></w:del>"
            )
        )
        p.add_run("SCORM.")
        p.add_run(" verborgen tekst").font.hidden = True
        body = d.element.body
        body.insert(
            0,
            parse_xml(
                f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
                "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>1 Eisen ........ 3</w:t></w:r></w:p>"
                "</w:sdtContent></w:sdt>"
            ),
        )

    doc = _read("pve.docx", docx_bytes(build))
    assert "Het LMS ondersteunt SCORM." in doc.text
    assert "verbiedt" not in doc.text and "......" not in doc.text and "verborgen" not in doc.text
    assert any("bijgehouden wijzigingen" in n for n in doc.notices)


def test_docx_word_comment_is_a_suppression(tmp_path, run_cli):
    def build(d):
        d.add_heading("Eisen", 1)
        p = d.add_paragraph("E1. Het LMS is intuïtief.")
        d.add_comment(p.runs, text="eislint: negeer eisen.vage-term -- reden: gedefinieerd in bijlage 3", author="X")
        d.add_paragraph("E2. Het LMS is gebruiksvriendelijk.")

    (tmp_path / "pve.docx").write_bytes(docx_bytes(build))
    code, out, _ = run_cli("check", "pve.docx", "--select", "eisen.vage-term", "--format", "concise")
    assert "gebruiksvriendelijk" in out and "intuïtief" not in out, out


# ---------------------------------------------------------------- Excel, CSV, ODS


def test_xlsx_pve_header_anywhere_group_rows_and_cells():
    data = xlsx_bytes(
        {
            "Toelichting": [["Dit werkblad licht het PvE toe."]],
            "PvE": [
                ["Programma van Eisen LMS"],
                [],
                ["Nr.", "MoSCoW", "Omschrijving", "Toelichting", "Weging"],
                ["Beveiliging"],
                ["E1", "Must", "Het LMS is snel.", None, None],
                ["W1", "Should", "Het LMS biedt een app.", "iOS en Android", 10],
                [None, None, "Het LMS toont voortgang.", None, None],
            ],
        }
    )
    doc = _read("pve.xlsx", data)
    reqs = _req(doc)
    assert reqs == [
        ("E1", "eis", "Het LMS is snel.", None, None),
        ("W1", "wens", "Het LMS biedt een app.", "10", "iOS en Android"),
        (None, "eis", "Het LMS toont voortgang.", None, None),
    ]
    assert doc.location_at(doc.text.index("snel")) == {"blad": "PvE", "rij": 5, "kolom": 3, "cel": "C5"}
    assert ("heading", "Beveiliging", {"blad": "PvE", "rij": 4, "cel": "A4"}) in _blocks(doc)
    assert doc.location_at(doc.text.index("Dit werkblad"))["cel"] == "A1"


def test_xlsx_values_as_shown():
    import datetime as dt

    from eislint.readers.sheets import cell_text

    assert cell_text(0.25, "0%") == "25%"
    assert cell_text(12.5) == "12,5" and cell_text(3.0) == "3" and cell_text(True) == "ja"
    assert cell_text(dt.datetime(2027, 1, 1)) == "01-01-2027"


@pytest.mark.parametrize(
    "content, encoding, second",
    [
        (
            'Nr;Eis/Wens;Omschrijving\nE1;Eis;Het LMS is snel.\nE2;Wens;"Het LMS; één app"\n',
            "cp1252",
            "Het LMS; één app",
        ),
        ('Nr,Type,Omschrijving\nE1,Eis,Het LMS is snel.\nE2,Wens,"Het LMS, de app"\n', "utf-8-sig", "Het LMS, de app"),
        ("Nr\tType\tOmschrijving\nE1\tEis\tHet LMS is snel.\nE2\tWens\tHet LMS; de app\n", "utf-16", "Het LMS; de app"),
    ],
)
def test_csv_delimiter_and_encoding_sniffed(content, encoding, second):
    doc = _read("eisen.csv", content.encode(encoding))
    assert [(r[0], r[1], r[2]) for r in _req(doc)] == [("E1", "eis", "Het LMS is snel."), ("E2", "wens", second)]
    offset = doc.text.index("snel")
    assert doc.line_col(offset)[0] == 2  # the line in the file, for CI annotations
    assert doc.location_at(offset)["cel"] == "C2"


def test_ods_repeated_rows_and_cells():
    row = "<table:table-row>{}</table:table-row>"
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>"
    body = (
        '<table:table table:name="PvE">'
        + row.format(cell.format("Nr") + cell.format("Omschrijving"))
        + '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
        + row.format('<table:table-cell table:number-columns-repeated="2"/>' + cell.format("X"))
        + row.format(cell.format("E1") + cell.format("Het LMS is snel."))
        + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        + "</table:table>"
    )
    doc = _read("pve.ods", make_ods(body))
    assert _req(doc)[0][:3] == ("E1", "eis", "Het LMS is snel.")
    assert doc.location_at(doc.text.index("snel"))["cel"] == "B6"
    assert doc.location_at(doc.text.index("X"))["cel"] == "C5"


def test_odt_headings_lists_numbering_tables():
    styles = (
        '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" '
        'style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>'
        "</text:list-style>"
    )
    body = (
        '<text:h text:outline-level="1">Programma van Eisen</text:h>'
        '<text:list text:style-name="L1"><text:list-item><text:p>Het LMS is<text:s/>snel.</text:p>'
        "<text:list><text:list-item><text:p>ook op mobiel</text:p></text:list-item></text:list></text:list-item>"
        "<text:list-item><text:p>Het LMS biedt een app.</text:p></text:list-item></text:list>"
        "<text:p>Tekst<text:note><text:note-body><text:p>voetnoot</text:p></text:note-body></text:note> verder.</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>Nr</text:p></table:table-cell>"
        "<table:table-cell><text:p>Eis</text:p></table:table-cell></table:table-row><table:table-row>"
        "<table:table-cell><text:p>E9</text:p></table:table-cell><table:table-cell><text:p>Het LMS is veilig.</text:p>"
        "</table:table-cell></table:table-row></table:table>"
    )
    doc = _read("pve.odt", make_odt(body, styles))
    markers = [(b.marker, doc.text[b.content.start : b.content.end]) for b in doc.blocks if b.kind == "list_item"]
    assert markers == [("1.", "Het LMS is snel."), ("a)", "ook op mobiel"), ("2.", "Het LMS biedt een app.")]
    assert "voetnoot" not in doc.text and "Tekst verder." in doc.text
    assert ("E9", "Het LMS is veilig.") in [(r[0], r[2]) for r in _req(doc)]
    assert doc.location_at(doc.text.index("veilig")) == {"tabel": 1, "rij": 2, "kolom": 2}


# ---------------------------------------------------------------- PDF


def _pages():
    header = "Gemeente Zeedorp - Programma van Eisen"
    return [
        [
            header,
            "1 Aanleiding",
            "De gemeente gebruikt nu een verouderd systeem voor de ver-",
            "werking van cursussen.",
            "2 Programma van Eisen",
            "E1 Het LMS is gebruiksvriende-",
            "lijk voor iedereen.",
            "Pagina 1 van 3",
        ],
        [header, "E2 De ICT-", "leverancier levert Microsoft Teams.", "Pagina 2 van 3"],
        [header, "E3 Het LMS is 99,9% beschikbaar.", "Pagina 3 van 3"],
    ]


def test_pdf_running_headers_hyphenation_pages_and_lines():
    doc = _read("pve.pdf", make_pdf(_pages()))
    assert "Gemeente Zeedorp - Programma" not in doc.text and "Pagina" not in doc.text
    assert "verwerking van cursussen" in doc.text and "gebruiksvriendelijk voor iedereen" in doc.text
    assert "ICT-leverancier" in doc.text  # a hyphen after a capital is part of the word
    assert [r[0] for r in _req(doc)] == ["E1", "E2", "E3"]
    assert doc.location_at(doc.text.index("Microsoft")) == {"pagina": 2, "regel": 3}
    assert doc.location_at(doc.text.index("99,9%")) == {"pagina": 3, "regel": 2}


def _row(*cells: tuple[float, str]) -> tuple[tuple[float, str], ...]:
    return cells


def test_pdf_tables_are_read_as_rows_with_cells():
    # A requirements table as Word prints it to PDF: cells at fixed columns, a wrapped cell going
    # on below its first line, prose right under the table at the same margin.
    page = [
        "3 Eisen",
        "De eisen staan in de tabel hieronder en gelden voor de hele looptijd van de overeenkomst.",
        _row((0, "Nr"), (40, "Eis"), (440, "Prioriteit")),
        _row((0, "E1"), (40, "Het systeem ondersteunt eenmalige aanmelding via SAML 2.0 of een"), (440, "Eis")),
        _row((40, "gelijkwaardige standaard.")),
        _row((0, "E2"), (40, "Het systeem exporteert rapportages naar CSV."), (440, "Wens")),
        "Na de tabel volgt gewone tekst over de hele breedte van de pagina, die geen deel van de tabel is.",
    ]
    doc = _read("pve.pdf", make_pdf([page]))
    kinds = [(k, t) for k, t, _ in _blocks(doc)]
    assert ("table_header", "Nr\tEis\tPrioriteit") in kinds
    assert (
        "table_row",
        "E1\tHet systeem ondersteunt eenmalige aanmelding via SAML 2.0 of een gelijkwaardige standaard.\tEis",
    ) in kinds
    assert kinds[-1][0] == "paragraph" and kinds[-1][1].startswith("Na de tabel volgt")
    reqs = {r.id: r for r in doc.requirements}
    assert set(reqs) == {"E1", "E2"}
    assert (reqs["E1"].kind, reqs["E2"].kind) == ("eis", "wens")  # from the Prioriteit column
    # a row is reported at its first line, with its column
    assert doc.location_at(doc.text.index("gelijkwaardige standaard")) == {"pagina": 1, "regel": 4, "kolom": 2}


def test_pdf_service_level_table_and_norm_sentences():
    page = [
        "4 Incidenten",
        _row((0, "Prioriteit"), (180, "Omschrijving"), (360, "Oplostijd")),
        _row((0, "P1"), (180, "Het platform is voor"), (360, "4 uur")),
        _row((180, "alle gebruikers onbereikbaar")),
        _row((0, "P2"), (180, "Een functie werkt niet"), (360, "1 werkdag")),
        _row((0, "Telefonische ondersteuning"), (180, "Buiten kantoortijd"), (360, "2 uur")),
        _row((0, "voor beheerders")),
        "",
        "Gepland onderhoud duurt in totaal ten hoogste acht uur per kalendermaand.",
        "",
        "",
        "De gemeente beoordeelt een release binnen vijf werkdagen.",
    ]
    doc = _read("sla.pdf", make_pdf([["Service level agreement"] + page]))
    rows = [t for k, t, _ in _blocks(doc) if k == "table_row"]
    assert rows == [
        "P1\tHet platform is voor alle gebruikers onbereikbaar\t4 uur",
        "P2\tEen functie werkt niet\t1 werkdag",
        "Telefonische ondersteuning voor beheerders\tBuiten kantoortijd\t2 uur",
    ]
    texts = [doc.text[r.start : r.end] for r in doc.requirements]
    # a norm the supplier is held to is a requirement whatever its subject; the buyer's own duty is not
    assert "Gepland onderhoud duurt in totaal ten hoogste acht uur per kalendermaand." in texts
    assert not any(t.startswith("De gemeente beoordeelt") for t in texts)


def test_pdf_aligned_prose_is_no_table():
    page = [
        "1 Inleiding",
        _row((0, "Datum:"), (120, "4 december 2026")),
        "De gemeente zoekt een leerplatform voor haar medewerkers en haar vrijwilligers.",
        _row((0, "Kenmerk:"), (120, "2026-LMS-01")),
    ]
    doc = _read("leidraad.pdf", make_pdf([page]))
    assert not any(b.kind.startswith("table") for b in doc.blocks)
    assert "Datum: 4 december 2026" in doc.text


def test_pdf_protection():
    plain = make_pdf(_pages())
    assert "E1" in _read("pve.pdf", encrypt_pdf(plain, owner_only=True)).text  # opens without a password
    with pytest.raises(ReadError, match="wachtwoord"):
        read_bytes("pve.pdf", encrypt_pdf(plain))


def test_pdf_without_text_layer():
    from eislint.readers import NoText

    with pytest.raises(NoText, match="zonder tekstlaag .*OCR nodig"):
        read_bytes("scan.pdf", make_pdf([[], []]))
    doc = read_bytes("half.pdf", make_pdf([["E1 Het LMS is snel."], []]))
    assert any("pagina 2 zonder tekstlaag" in n for n in doc.notices)
