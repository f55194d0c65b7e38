"""Which files can be imported, and the checks every file passes before a converter opens it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from isodocs.importing import ImportFailure, Source
from isodocs.translation import Message, say

MAX_BYTES = 50 * 1024 * 1024            # a file this large or larger is refused
MAX_UNPACKED = 200 * 1024 * 1024         # what a .docx or .odt may expand to (a zip bomb stops here)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files, and password-protected new ones
SUPPORTED = (".docx", ".odt", ".html", ".htm", ".md", ".markdown")
REFUSED = (".doc", ".docm", ".dotm", ".dot", ".dotx", ".rtf", ".pdf", ".ott")  # why: import.refused.SUFFIX (-hint)


def files(paths: list[Path]) -> Iterator[tuple[Path, Message | None]]:
    """Each file to consider, with None when it should be imported or the reason it is passed over."""
    for path in paths:
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue  # .git, editor folders and dot files are not documents
                if found.name.startswith("~$"):
                    yield found, say("import.lock-file")
                elif found.suffix.lower() in SUPPORTED or found.suffix.lower() in REFUSED:
                    yield found, None
                else:
                    yield found, say("import.not-a-format", formats=SUPPORTED)
        else:
            yield path, None


def read(path: Path) -> Source:
    """The file's content as a Source; ImportFailure says in one line why it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        raise ImportFailure(say(f"import.refused{suffix}"), path, hint=say(f"import.refused{suffix}-hint"))
    if suffix not in SUPPORTED:
        raise ImportFailure(say("import.not-a-format", formats=SUPPORTED), path, hint=say("import.not-a-format-hint"))
    if path.is_symlink():
        raise ImportFailure(say("import.symlink"), path, hint=say("import.symlink-hint"))
    size = path.stat().st_size
    if size >= MAX_BYTES:
        raise ImportFailure(say("import.too-large", megabytes=f"{size / 1024 / 1024:.1f}"), path,
                            hint=say("import.too-large-hint"))
    if size == 0:
        raise ImportFailure(say("import.empty"), path, hint=say("import.empty-hint"))
    reader: Callable[[Path], Source]
    if suffix == ".docx":
        _container(path, say("import.kind-word"), "word/document.xml")
        from isodocs.importing.word import read as reader
    elif suffix == ".odt":
        _container(path, say("import.kind-opendocument"), "content.xml")
        from isodocs.importing.opendocument import read as reader
    elif suffix in (".html", ".htm"):
        from isodocs.importing.html import read as reader
    else:
        from isodocs.importing.markdown import read as reader
    try:
        return reader(path)
    except ImportFailure:
        raise
    except Exception as error:  # a converter's own error on a damaged file: one line, the others go on
        raise unreadable(path, error) from None


def unreadable(path: Path, error: Exception) -> ImportFailure:
    """A converter's own exception on a damaged file, its words (a library's, in English) quoted."""
    return ImportFailure(say("import.unconvertible", error=f"{type(error).__name__}: {str(error)[:120]}"), path,
                         hint=say("import.save-again-hint"))


def _container(path: Path, kind: Message, part: str) -> None:
    """A .docx or .odt must be an unencrypted zip holding its main part, of a sane unpacked size;
    `kind` says "a Word" or "an OpenDocument"."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if head == OLE_MAGIC:
        raise ImportFailure(say("import.encrypted-or-old", suffix=path.suffix), path,
                            hint=say("import.encrypted-or-old-hint"))
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if part not in names:
                raise ImportFailure(say("import.not-that-document", kind=kind, part=part), path,
                                    hint=say("import.save-as-hint", suffix=path.suffix))
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise ImportFailure(say("import.unpacks-large"), path, hint=say("import.unpacks-large-hint"))
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
                raise ImportFailure(say("import.encrypted"), path, hint=say("import.encrypted-hint"))
            broken = archive.testzip()
            if broken is not None:
                raise ImportFailure(say("import.checksum", part=broken), path, hint=say("import.save-again-hint"))
    except zipfile.BadZipFile:
        raise ImportFailure(say("import.not-a-zip", kind=kind), path, hint=say("import.save-again-hint")) from None
