"""Readers turn a file into a Document; a registry picks one by extension.

Readers never modify the input and never execute anything in it. Every failure becomes a
ReadError with one Dutch line; the caller adds the path and goes on with the other files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eislint.document import Document
from eislint.readers.errors import ReadError

Reader = Callable[[str, bytes], Document]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _markdown(path: str, data: bytes) -> Document:
    from eislint.readers.text import read_markdown

    return read_markdown(path, data)


def _text(path: str, data: bytes) -> Document:
    from eislint.readers.text import read_text

    return read_text(path, data)


READERS: dict[str, Reader] = {
    ".md": _markdown,
    ".markdown": _markdown,
    ".txt": _text,
    ".text": _text,
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def is_temporary(path: Path) -> bool:
    """Office lock and temporary files (~$x.docx, .~lock.x#) are never tender documents."""
    return path.name.startswith(("~$", ".~lock."))


def read_bytes(path: str, data: bytes, suffix: str | None = None) -> Document:
    suffix = (suffix if suffix is not None else Path(path).suffix).lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ReadError(f"bestandstype '{suffix or '(geen)'}' wordt niet ondersteund")
    if not data.strip():
        raise ReadError("leeg bestand")
    doc = reader(path, data)
    if not doc.text.strip():
        raise ReadError("leeg bestand")
    if not any(b.kind not in ("comment",) for b in doc.blocks):
        raise ReadError("bevat geen tekst om te controleren")
    return doc


def read_path(path: Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    display = display or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(
                f"bestand is te groot ({size / 1_048_576:.1f} MB; grens {max_bytes / 1_048_576:.0f} MB,"
                " in te stellen met 'max-bestandsgrootte')"
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError("is een map, geen bestand") from None
    except FileNotFoundError:
        raise ReadError("bestand bestaat niet") from None
    except PermissionError:
        raise ReadError("geen leesrechten") from None
    except OSError as exc:
        raise ReadError(f"kan bestand niet lezen ({exc.strerror or exc})") from None
    return read_bytes(display, data, path.suffix)


__all__ = ["READERS", "ReadError", "read_bytes", "read_path", "supported", "is_temporary"]
