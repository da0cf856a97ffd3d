"""Bad input: each damaged, protected, hostile or empty file gets one Dutch line naming it,
exit code 2, no traceback, and the other files of the bundle are still checked. Every case is
generated here."""

from __future__ import annotations

import io
import zipfile

import pytest
from support.files import docx_bytes, encrypt_pdf, make_ods, make_pdf, replace_in_zip, xlsx_bytes

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _good_docx(d):
    d.add_heading("Eisen", 1)
    d.add_paragraph("E1. Het LMS is gebruiksvriendelijk.")


def _bomb(base: bytes) -> bytes:
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/image1.bin", b"\0" * (30 * 1024 * 1024))
    return out.getvalue()


def _cases() -> dict[str, tuple[bytes, str]]:
    docx = docx_bytes(_good_docx)
    xlsx = xlsx_bytes({"PvE": [["Nr", "Omschrijving"], ["E1", "Het LMS is snel."]]})
    pdf = make_pdf([["E1 Het LMS is snel."]])
    return {
        "afgebroken.docx": (docx[: len(docx) // 2], "beschadigd"),
        "kapot.xlsx": (b"PK\x03\x04" + b"\x13\x37" * 300, "beschadigd"),
        "versleuteld.docx": (OLE + "EncryptedPackage".encode("utf-16-le"), "wachtwoord"),
        "versleuteld.xlsx": (OLE + "EncryptedPackage".encode("utf-16-le"), "wachtwoord"),
        "oud.docx": (OLE, "oud binair Office-formaat"),
        "versleuteld.pdf": (encrypt_pdf(pdf), "wachtwoord"),
        "entiteiten.docx": (
            replace_in_zip(docx, "word/document.xml", LAUGHS + b"<w:document>&lol3;</w:document>"),
            "billion laughs",
        ),
        "entiteiten.xlsx": (
            replace_in_zip(xlsx, "xl/worksheets/sheet1.xml", LAUGHS + b"<worksheet>&lol3;</worksheet>"),
            "billion laughs",
        ),
        "entiteiten.ods": (
            replace_in_zip(make_ods("<table:table/>"), "content.xml", LAUGHS + b"<x>&lol3;</x>"),
            "billion laughs",
        ),
        "bom.docx": (_bomb(docx), "zip-bom"),
        "eigenlijk-pdf.docx": (pdf, "is een PDF"),
        "eigenlijk-tekst.docx": (b"E1. Het LMS is snel.\n", "platte tekst"),
        "leeg.docx": (docx_bytes(lambda d: None), "leeg"),
        "leeg.xlsx": (xlsx_bytes({"Blad1": []}), "leeg"),
        "leeg.md": (b"", "leeg"),
        "codering.csv": (b"Nr;Omschrijving\nE1;Het LMS \x81\x8d snel\n", "codering"),
        "afgebroken.pdf": (pdf[:40], "beschadigd"),
        "geen-zip.ods": (b"\x00\x01binary", "geen OpenDocument-rekenblad"),
    }


def test_every_bad_file_one_line_exit_2_others_checked(tmp_path, run_cli):
    bundle = tmp_path / "aanbesteding"
    bundle.mkdir()
    cases = _cases()
    for name, (data, _) in cases.items():
        (bundle / name).write_bytes(data)
    (bundle / "goed.docx").write_bytes(docx_bytes(_good_docx))
    (bundle / "~$goed.docx").write_bytes(b"lock")
    (bundle / ".~lock.pve.xlsx#").write_bytes(b"lock")
    (bundle / "logo.png").write_bytes(b"\x89PNG")
    before = {p.name: p.read_bytes() for p in bundle.iterdir()}

    code, out, err = run_cli("check", "aanbesteding", "--select", "eisen.vage-term", "--format", "concise")

    assert code == 2
    assert "goed.docx" in out and "gebruiksvriendelijk" in out  # the good file is still checked
    assert "Traceback" not in err and "Traceback" not in out
    lines = err.splitlines()
    for name, (_, message) in cases.items():
        mine = [line for line in lines if f"{name}:" in line and "fout" in line]
        assert len(mine) == 1, (name, lines)
        assert message in mine[0], (name, mine[0])
    assert any("~$goed.docx" in line and "overgeslagen" in line for line in lines)
    assert any("logo.png" in line and "niet ondersteund" in line for line in lines)
    assert {p.name: p.read_bytes() for p in bundle.iterdir()} == before  # nothing written


def test_file_over_the_size_limit(tmp_path, run_cli):
    (tmp_path / "eislint.yaml").write_text("max-bestandsgrootte: 0.01\n", encoding="utf-8")
    (tmp_path / "groot.md").write_text("## Eisen\n\n" + "E1. Het LMS is snel.\n\n" * 1000, encoding="utf-8")
    (tmp_path / "klein.md").write_text("## Eisen\n\nE1. Het LMS is snel.\n", encoding="utf-8")
    code, out, err = run_cli("check", "groot.md", "klein.md", "--select", "eisen.vage-term", "--format", "concise")
    assert code == 2 and "klein.md" in out
    assert [line for line in err.splitlines() if "groot.md" in line][0].count("te groot") == 1


def test_debug_shows_the_traceback_of_an_unexpected_reader_error(tmp_path, monkeypatch):
    from eislint import readers

    def broken(path, data):
        raise KeyError("onverwacht")

    monkeypatch.setitem(readers.READERS, ".docx", broken)
    with pytest.raises(readers.ReadError, match="KeyError"):
        readers.read_bytes("x.docx", b"iets")
    with pytest.raises(KeyError):
        readers.read_bytes("x.docx", b"iets", debug=True)


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_files_without_text_are_a_notice_not_a_failure(tmp_path, run_cli):
    """A scanned PDF or a drawing is a legitimate part of a bundle: 'niet gecontroleerd: geen
    tekst', and the run does not fail on it (it exited 2). A broken file still does."""
    bundle = tmp_path / "aanbesteding"
    bundle.mkdir()
    (bundle / "scan.pdf").write_bytes(make_pdf([[], []]))
    image = tmp_path / "tekening.png"
    image.write_bytes(_png())
    (bundle / "tekening.docx").write_bytes(docx_bytes(lambda d: d.add_picture(str(image))))
    (bundle / "goed.docx").write_bytes(docx_bytes(_good_docx))
    code, out, err = run_cli("check", "aanbesteding", "--select", "eisen.vage-term", "--format", "concise")
    assert code == 0, err
    assert "goed.docx" in out and "gebruiksvriendelijk" in out
    for name in ("scan.pdf", "tekening.docx"):
        mine = [line for line in err.splitlines() if name in line]
        assert len(mine) == 1 and "let op" in mine[0] and "niet gecontroleerd: geen tekst" in mine[0], err
    (bundle / "kapot.pdf").write_bytes(make_pdf([["E1 Het LMS is snel."]])[:40])
    code, _, err = run_cli("check", "aanbesteding", "--select", "eisen.vage-term", "--format", "concise")
    assert code == 2 and "kapot.pdf" in err
    (bundle / "kapot.pdf").unlink()
    code, out, _ = run_cli("check", "aanbesteding", "--select", "eisen.vage-term", "--format", "sarif")
    notes = [
        n["message"]["text"]
        for n in __import__("json").loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    ]
    assert any("scan.pdf" in n and "geen tekst" in n for n in notes)
