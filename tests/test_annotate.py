"""`eislint annotate`: a copy of a .docx/.xlsx with comments, read back with python-docx/openpyxl."""

from __future__ import annotations

import pytest

from eislint.findings import Finding, Severity
from eislint.locations import Location, Paragraph, SheetCell, TableCell

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")


def _finding(rule, match, location, message=None):
    return Finding(
        rule=rule,
        category="vaagheid",
        severity=Severity.WARNING,
        message=message or f"'{match}' is vaag",
        path="x",
        start=0,
        end=0,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        match=match,
        location=location,
        suggestion="Maak het meetbaar.",
        citation="PIANOo",
    )


def _anchored(document) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd."""
    from docx.oxml.ns import qn

    out: dict[str, str] = {}
    active: set[str] = set()
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            active.add(el.get(qn("w:id")))
            out.setdefault(el.get(qn("w:id")), "")
        elif el.tag == qn("w:commentRangeEnd"):
            active.discard(el.get(qn("w:id")))
        elif el.tag == qn("w:t"):
            for a in active:
                out[a] += el.text or ""
    return out


class _Rule:
    docs = {"waarom": "Niet toetsbaar voor beoordelaars."}


def test_docx_comments_anchored_on_the_words(tmp_path):
    from eislint.annotate import annotate_docx

    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("E1. Het LMS is ")
    bold = p.add_run("gebruiksvriendelijk en snel")
    bold.bold = True
    p.add_run(". Het is gebruiksvriendelijk.")
    table = d.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "Het systeem ondersteunt indien mogelijk SSO."
    src = tmp_path / "in.docx"
    d.save(str(src))
    findings = [
        _finding("eisen.vage-term", "gebruiksvriendelijk", Paragraph(paragraaf=1)),
        _finding("eisen.ontsnappingsclausule", "indien mogelijk", TableCell(tabel=1, rij=2, kolom=2)),
        _finding("volledigheid.exit-ontbreekt", "", Location(), message="Geen exit geregeld."),
    ]
    result = annotate_docx(src, tmp_path / "out.docx", findings, {"eisen.vage-term": _Rule()}, "eislint")
    assert (result.placed, result.unplaced) == (2, 1)
    out = docx.Document(str(tmp_path / "out.docx"))
    comments = {c.comment_id: c for c in out.comments}
    anchored = _anchored(out)
    by_rule = {c.text.split()[1]: cid for cid, c in comments.items()}
    assert anchored[str(by_rule["eisen.vage-term"])] == "gebruiksvriendelijk"
    assert anchored[str(by_rule["eisen.ontsnappingsclausule"])] == "indien mogelijk"
    text = comments[by_rule["eisen.vage-term"]].text
    assert "eisen.vage-term" in text and "Waarom: Niet toetsbaar" in text and "Suggestie: Maak het meetbaar." in text
    assert comments[by_rule["eisen.vage-term"]].author == "eislint"
    runs = [(r.text, r.bold) for r in out.paragraphs[0].runs if r.text]
    assert ("gebruiksvriendelijk", True) in runs and (" en snel", True) in runs  # formatting kept
    assert out.paragraphs[0].text == "E1. Het LMS is gebruiksvriendelijk en snel. Het is gebruiksvriendelijk."
    assert d.paragraphs[0].text == docx.Document(str(src)).paragraphs[0].text


def test_xlsx_cell_comments(tmp_path):
    from eislint.annotate import annotate_xlsx

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PvE"
    ws["A14"] = "E1"
    ws["C14"] = "Het LMS is gebruiksvriendelijk."
    ws["C15"] = "Het LMS werkt met Microsoft Teams."
    src = tmp_path / "in.xlsx"
    wb.save(str(src))
    findings = [
        _finding("eisen.vage-term", "gebruiksvriendelijk", SheetCell(blad="PvE", rij=14, cel="C14")),
        _finding("eisen.merk-zonder-gelijkwaardig", "Microsoft Teams", SheetCell(blad="PvE", rij=15)),
    ]
    result = annotate_xlsx(src, tmp_path / "out.xlsx", findings, {}, "eislint")
    assert result.placed == 2
    out = openpyxl.load_workbook(str(tmp_path / "out.xlsx"))["PvE"]
    assert "eisen.vage-term" in out["C14"].comment.text and out["C14"].comment.author == "eislint"
    assert "eisen.merk-zonder-gelijkwaardig" in out["C15"].comment.text
    assert openpyxl.load_workbook(str(src))["PvE"]["C14"].comment is None  # the original untouched


def test_refuses_to_overwrite(tmp_path, run_cli):
    d = docx.Document()
    d.add_paragraph("E1. Het LMS is gebruiksvriendelijk.")
    d.save(str(tmp_path / "tender.docx"))
    before = (tmp_path / "tender.docx").read_bytes()
    code, _, err = run_cli("annotate", "tender.docx", "-o", "tender.docx", "--force")
    assert code == 2 and "origineel" in err
    code, _, err = run_cli("annotate", "tender.docx", "-o", "./sub/../tender.docx")
    assert code == 2
    (tmp_path / "review.docx").write_bytes(b"bestaat")
    code, _, err = run_cli("annotate", "tender.docx", "-o", "review.docx")
    assert code == 2 and "--force" in err and (tmp_path / "review.docx").read_bytes() == b"bestaat"
    code, _, err = run_cli("annotate", "tender.docx", "-o", "review.xlsx")
    assert code == 2 and "extensie" in err
    assert (tmp_path / "tender.docx").read_bytes() == before


def test_annotate_docx_end_to_end(tmp_path, run_cli):
    d = docx.Document()
    d.add_heading("Eisen", level=1)
    d.add_paragraph("E1. Het LMS is gebruiksvriendelijk.")
    d.add_paragraph("E2. Het LMS ondersteunt indien mogelijk SAML 2.0.")
    d.save(str(tmp_path / "tender.docx"))
    before = (tmp_path / "tender.docx").read_bytes()
    code, out, err = run_cli(
        "annotate", "tender.docx", "-o", "tender-review.docx", "--select", "eisen.vage-term,eisen.ontsnappingsclausule"
    )
    assert code == 0, err
    assert (tmp_path / "tender.docx").read_bytes() == before
    review = docx.Document(str(tmp_path / "tender-review.docx"))
    anchored = set(_anchored(review).values())
    assert {"gebruiksvriendelijk", "indien mogelijk"} <= anchored
    assert any("Waarom:" in c.text for c in review.comments)


def test_annotate_xlsx_end_to_end(tmp_path, run_cli):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PvE"
    ws.append(["Nr", "Omschrijving"])
    ws.append(["E1", "Het LMS is gebruiksvriendelijk."])
    wb.save(str(tmp_path / "pve.xlsx"))
    code, out, err = run_cli("annotate", "pve.xlsx", "-o", "pve-review.xlsx", "--select", "eisen.vage-term")
    assert code == 0, err
    sheet = openpyxl.load_workbook(str(tmp_path / "pve-review.xlsx"))["PvE"]
    assert sheet["B2"].comment is not None and "eisen.vage-term" in sheet["B2"].comment.text


def test_findings_with_a_known_place_go_there_not_on_the_title(tmp_path, run_cli):
    """A weighting table whose match spans rows, and an unused suppression typed as a paragraph,
    were put on the document's title."""
    from support.files import docx_bytes

    def build(d):
        d.add_heading("Programma van Eisen", 1)
        d.add_heading("Gunning", 2)
        table = d.add_table(rows=3, cols=2)
        for r, (a, b) in enumerate([("Criterium", "Weging"), ("Kwaliteit", "50%"), ("Prijs", "40%")]):
            table.cell(r, 0).text, table.cell(r, 1).text = a, b
        d.add_paragraph("<!-- eislint: negeer eisen.vage-term -- reden: gedefinieerd in bijlage 2 -->")
        d.add_paragraph("E1. Het LMS ondersteunt SCORM.")

    (tmp_path / "pve.docx").write_bytes(docx_bytes(build))
    code, out, _ = run_cli(
        "annotate", "pve.docx", "-o", "review.docx", "--select", "gunning.weging-telt-niet-op,meta,eisen.vage-term"
    )
    assert code == 0 and "zonder vindplaats" not in out, out
    document = docx.Document(str(tmp_path / "review.docx"))
    texts = {str(c.comment_id): c.text for c in document.comments}
    anchored = _anchored(document)
    by_rule = {
        next(r for r in ("weging-telt-niet-op", "ongebruikte-suppressie") if r in texts[i]): anchored[i]
        for i in anchored
        if any(r in texts[i] for r in ("weging-telt-niet-op", "ongebruikte-suppressie"))
    }
    assert by_rule["weging-telt-niet-op"] == "Criterium"  # the first cell of the table, not the title
    assert by_rule["ongebruikte-suppressie"].startswith("<!-- eislint: negeer eisen.vage-term")
