"""Build office files for tests: PDF by hand (no PDF writer among our dependencies), ODF as a
zip of content.xml, Word and Excel with python-docx and openpyxl. Nothing is downloaded."""

from __future__ import annotations

import io
import zipfile


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str | tuple[tuple[float, str], ...]]], font_size: int = 10) -> bytes:
    """A PDF with one text line per entry, top to bottom, WinAnsi-encoded Courier. An entry that
    is a tuple of (x, text) pairs places each text at x points right of the margin: table cells."""
    objects: list[bytes] = []
    page_ids = []
    n_pages = len(pages)
    # 1: catalog, 2: pages, 3: font, then per page: page object and content stream
    for p, _lines in enumerate(pages):
        page_id = 4 + 2 * p
        page_ids.append(page_id)
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    # Courier with its widths declared, so that pypdf's layout mode places text where it is drawn
    widths = " ".join(["600"] * 224)
    objects.append(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding"
        f" /FirstChar 32 /LastChar 255 /Widths [{widths}] >>".encode()
    )
    for p, lines in enumerate(pages):
        ops = []
        for n, line in enumerate(lines):
            y = 800 - n * (font_size + 4)
            for x, text in ((0, line),) if isinstance(line, str) else line:
                ops.append(f"BT /F1 {font_size} Tf {50 + x} {y} Td ({_pdf_string(text)}) Tj ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            f" /Contents {page_ids[p] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def encrypt_pdf(data: bytes, password: str = "geheim", owner_only: bool = False) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="" if owner_only else password, owner_password=password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def make_odf(mimetype: str, body: str, styles: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        z.writestr(
            "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body>{body}</office:body></office:document-content>",
        )
    return out.getvalue()


def make_odt(body: str, styles: str = "") -> bytes:
    return make_odf("application/vnd.oasis.opendocument.text", f"<office:text>{body}</office:text>", styles)


def make_ods(body: str) -> bytes:
    return make_odf(
        "application/vnd.oasis.opendocument.spreadsheet", f"<office:spreadsheet>{body}</office:spreadsheet>"
    )


def replace_in_zip(data: bytes, name: str, content: bytes) -> bytes:
    """The same package with one member replaced (to plant bad XML in a real .docx/.xlsx)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


def docx_bytes(build) -> bytes:
    """python-docx Document after `build(document)`, as bytes."""
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows_by_sheet: dict[str, list[list]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in rows_by_sheet.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def word_body(body: str, numbering: str | None = None) -> bytes:
    """A .docx whose body (and numbering part) is the given WordprocessingML."""
    base = docx_bytes(lambda d: d.add_paragraph("x", style="List Number"))  # has a numbering part
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}<w:sectPr/></w:body></w:document>'
    data = replace_in_zip(base, "word/document.xml", doc.encode())
    if numbering is not None:
        data = replace_in_zip(
            data,
            "word/numbering.xml",
            (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W_NS}>{numbering}</w:numbering>'
            ).encode(),
        )
    return data


def w_p(text: str, num: int | None = None, ppr: str = "", run: str = "") -> str:
    numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>' if num is not None else ""
    return f'<w:p><w:pPr>{numpr}{ppr}</w:pPr><w:r>{run}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def w_table(*rows: str) -> str:
    return "<w:tbl>" + "".join(rows) + "</w:tbl>"


def w_row(*cells: str, trpr: str = "") -> str:
    return (
        f"<w:tr>{trpr}" + "".join(f"<w:tc>{w_p(c)}</w:tc>" if not c.startswith("<") else c for c in cells) + "</w:tr>"
    )
