"""What a file really is, and whether its zip container is safe to open.

Office files are zip archives of XML. Before any library opens one, the archive is checked
against limits on unpacked size, compression ratio and member count (zip bombs), and its XML
for entity declarations (billion laughs); a file is recognised by its bytes, not its name, so
a PDF renamed to .docx gets a message that says so.
"""

from __future__ import annotations

import io
import re
import zipfile

from eislint.readers.errors import ReadError

MAX_UNPACKED = 512 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 20_000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str:
    """'zip', 'ole', 'pdf', 'text' or 'binary'."""
    head = data[:8]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head == _OLE:
        return "ole"
    if b"%PDF-" in data[:1024]:  # readers accept junk before the header
        return "pdf"
    if b"\x00" not in data[:4096]:
        return "text"
    return "binary"


def wrong_kind(data: bytes, expected: str, label: str) -> ReadError:
    """The error for a file whose bytes are not the format its name promises."""
    kind = sniff(data)
    if kind == "ole":
        if "EncryptedPackage".encode("utf-16-le") in data:
            return ReadError(f"{label} is versleuteld of met een wachtwoord beveiligd; sla een onbeveiligde kopie op")
        return ReadError(f"oud binair Office-formaat (.doc/.xls), geen {label}; sla op als {expected}")
    if kind == "pdf":
        return ReadError(f"is een PDF, geen {label}; geef het bestand de extensie .pdf")
    if kind == "text":
        return ReadError(f"is platte tekst, geen {label}; geef het bestand de extensie .txt of .csv")
    if kind == "zip":
        return ReadError(f"is een zip-archief maar geen {label}")
    return ReadError(f"is geen {label} (onbekend binair formaat)")


def open_zip(data: bytes, label: str, expected: str, required: str | None) -> zipfile.ZipFile:
    """The checked archive; `required` is the member that makes it a `label` (word/document.xml),
    None for a plain zip (a tender bundle uploaded to `eislint serve`)."""
    if sniff(data) != "zip":
        raise wrong_kind(data, expected, label)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ReadError(f"beschadigd of afgebroken bestand (zip-container onleesbaar); geen geldig {label}") from None
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"verdacht archief: {len(infos)} onderdelen (grens {MAX_MEMBERS}); niet gelezen")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError(f"{label} is versleuteld (zip met wachtwoord); sla een onbeveiligde kopie op")
        total += info.file_size
        if info.file_size > 64 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(
                f"verdacht archief: onderdeel '{info.filename}' pakt {info.file_size // max(info.compress_size, 1)}x"
                f" uit (zip-bom); niet gelezen"
            )
    if total > MAX_UNPACKED:
        raise ReadError(
            f"verdacht archief: {total / 1_048_576:.0f} MB uitgepakt (grens {MAX_UNPACKED // 1_048_576} MB); niet gelezen"
        )
    names = {i.filename for i in infos}
    if required is not None and required not in names:
        raise ReadError(f"is een zip-archief maar geen {label} ('{required}' ontbreekt)")
    for info in infos:
        if not info.is_dir():
            _check_prolog(archive, info.filename, full=info.filename.endswith((".xml", ".rels")))
    return archive


_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_ROOT = re.compile(rb"<[A-Za-z_]")


def _check_prolog(archive: zipfile.ZipFile, name: str, full: bool) -> None:
    """Refuse XML that declares a DTD or entities before its root element, in any encoding and
    under any name (a part may be XML whatever its extension says)."""
    try:
        with archive.open(name) as member:
            head = member.read(1024 * 1024 if full else 4096)
            text = _as_utf8(head)
            if text is None:
                return  # not XML: an image or other binary part
            if not full:
                head = head + member.read(1024 * 1024 - len(head))
                text = _as_utf8(head) or b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise ReadError(f"beschadigd of afgebroken bestand (onderdeel '{name}' onleesbaar)") from None
    prolog = _COMMENT.sub(b"", text)
    root = _ROOT.search(prolog)
    prolog = prolog[: root.start()] if root else prolog
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog or (root is None and len(head) >= 1024 * 1024):
        raise ReadError(
            f"onderdeel '{name}' bevat een DTD of XML-entiteiten (mogelijk een 'billion laughs'-aanval); niet gelezen"
        )


def _as_utf8(head: bytes) -> bytes | None:
    """The start of an XML part as UTF-8 bytes, or None when it is no XML."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        encoding = (
            "utf-16"
            if head.startswith((b"\xff\xfe", b"\xfe\xff"))
            else ("utf-16-le" if head[:1] == b"<" else "utf-16-be")
        )
        head = head[: len(head) // 2 * 2].decode(encoding, errors="ignore").encode("utf-8")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head if stripped.startswith(b"<") else None
