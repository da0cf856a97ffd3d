"""An uploaded file or zip, checked and laid out in a temporary folder for the engine.

A zip goes through the same checks as the Office containers (readers/container.py: member
count, unpacked size, compression ratio, DTDs), then only documents eislint reads are written,
under names stripped of folders that could escape ('../', absolute paths) and of hidden parts
(__MACOSX, .DS_Store, Office lock files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from eislint import readers
from eislint.readers.container import open_zip
from eislint.readers.errors import ReadError

DOCUMENT_SUFFIXES = tuple(sorted(readers.READERS))
_UNSAFE_CHARS = re.compile(r"[^\w.\- ()+,&']+", re.UNICODE)


class UploadError(Exception):
    """One Dutch line for the person who uploaded the file."""


@dataclass(slots=True)
class Unpacked:
    paths: list[Path]  # what to check: one file, or the bundle folder
    documents: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    root: Path | None = None  # the bundle folder for a zip


def safe_name(name: str) -> str:
    """A file name without folders or characters a file system could trip over."""
    base = PurePosixPath(name.replace("\\", "/")).name
    base = _UNSAFE_CHARS.sub("_", base).strip(" .")
    return base[:120] or "document"


def lay_out(name: str, data: bytes, folder: Path, max_unpacked: int) -> Unpacked:
    """Write the upload into `folder`: a document as itself, a zip as a bundle folder."""
    filename = safe_name(name)
    suffix = Path(filename).suffix.lower()
    if suffix == ".zip":
        return _unzip(filename, data, folder, max_unpacked)
    if suffix not in readers.READERS:
        raise UploadError(
            f"{filename}: eislint leest dit bestandstype niet ('{suffix or '(geen)'}'). "
            "Kies een Word-, Excel-, PDF- of OpenDocument-bestand, of een zip met de hele aanbesteding."
        )
    target = folder / filename
    target.write_bytes(data)
    return Unpacked(paths=[target], documents=[target])


def _unzip(filename: str, data: bytes, folder: Path, max_unpacked: int) -> Unpacked:
    try:
        archive = open_zip(data, "zip-bestand", ".zip", None)
    except ReadError as exc:
        raise UploadError(f"{filename}: {exc}") from None
    root = folder / Path(filename).stem
    root.mkdir()
    result = Unpacked(paths=[root], root=root)
    total = 0
    used: set[str] = set()
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            if not parts or info.filename.startswith("/") or ".." in parts or re.match(r"^[A-Za-z]:", info.filename):
                result.skipped.append(f"{info.filename}: onveilige naam, overgeslagen")
                continue
            if any(p.startswith(".") or p == "__MACOSX" for p in parts) or parts[-1].startswith("~$"):
                continue  # hidden files, Finder metadata and Office lock files are no documents
            suffix = PurePosixPath(parts[-1]).suffix.lower()
            if suffix not in readers.READERS:
                result.skipped.append(f"{info.filename}: bestandstype '{suffix or '(geen)'}' niet ondersteund")
                continue
            total += info.file_size
            if total > max_unpacked:
                raise UploadError(f"{filename}: uitgepakt groter dan {max_unpacked // 1_048_576} MB; niet gelezen")
            # one flat folder: the whole zip is one tender, whatever its sub folders
            name = safe_name(parts[-1])
            stem, ext = Path(name).stem, Path(name).suffix
            n = 1
            while name in used:
                n += 1
                name = f"{stem} ({n}){ext}"
            used.add(name)
            target = root / name
            with archive.open(info) as source, open(target, "wb") as out:
                remaining = max_unpacked
                while chunk := source.read(1 << 20):
                    remaining -= len(chunk)
                    if remaining < 0:
                        raise UploadError(f"{filename}: onderdeel '{info.filename}' is te groot; niet gelezen")
                    out.write(chunk)
            result.documents.append(target)
    if not result.documents:
        raise UploadError(
            f"{filename}: de zip bevat geen documenten die eislint leest "
            "(Word, Excel, PDF, OpenDocument, CSV, Markdown of tekst)"
        )
    return result
