"""Which files can be imported, and the checks every file passes before a converter opens it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from isodocs.importing import ImportFailure, Source

MAX_BYTES = 50 * 1024 * 1024            # a file this large or larger is refused
MAX_UNPACKED = 200 * 1024 * 1024         # what a .docx or .odt may expand to (a zip bomb stops here)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files, and password-protected new ones
SUPPORTED = (".docx", ".odt", ".html", ".htm", ".md", ".markdown")
REFUSED = {
    ".doc": "is an old binary Word file (.doc)",
    ".docm": "is a macro-enabled Word file (.docm); macros are not imported",
    ".dotm": "is a macro-enabled Word template (.dotm); macros are not imported",
    ".dot": "is an old binary Word template (.dot)",
    ".dotx": "is a Word template (.dotx), not a document",
    ".rtf": "is a Rich Text file (.rtf)",
    ".pdf": "is a PDF; its structure (headings, lists, tables) cannot be recovered reliably",
    ".ott": "is an OpenDocument template (.ott), not a document",
}
HINTS = {
    ".doc": "open it in Word or LibreOffice and save it as .docx",
    ".docm": "save it as .docx (Word document without macros) and import that",
    ".dotm": "save it as .docx and import that",
    ".dot": "save it as .docx and import that",
    ".dotx": "create a document from it and save that as .docx",
    ".rtf": "save it as .docx or .odt",
    ".pdf": "import the .docx or .odt it was made from",
    ".ott": "create a document from it and save that as .odt",
}


def files(paths: list[Path]) -> Iterator[tuple[Path, str | None]]:
    """Each file to consider, with None when it should be imported or the reason it is passed over."""
    for path in paths:
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue  # .git, editor folders and dot files are not documents
                if found.name.startswith("~$"):
                    yield found, "is an Office lock file of an open document"
                elif found.suffix.lower() in SUPPORTED or found.suffix.lower() in REFUSED:
                    yield found, None
                else:
                    yield found, f"is not a format isodocs imports ({', '.join(SUPPORTED)})"
        else:
            yield path, None


def read(path: Path) -> Source:
    """The file's content as a Source; ImportFailure says in one line why it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        raise ImportFailure(REFUSED[suffix], path, hint=HINTS[suffix])
    if suffix not in SUPPORTED:
        raise ImportFailure(f"is not a format isodocs imports ({', '.join(SUPPORTED)})", path,
                            hint="save it as .docx, .odt, .html or .md")
    if path.is_symlink():
        raise ImportFailure("is a symbolic link; not followed", path, hint="import the file it points to")
    size = path.stat().st_size
    if size >= MAX_BYTES:
        raise ImportFailure(f"is {size / 1024 / 1024:.1f} MB; files of 50 MB or more are not imported", path,
                            hint="move large images or attachments out of it, or split it")
    if size == 0:
        raise ImportFailure("is empty", path, hint="check that it was saved completely")
    reader: Callable[[Path], Source]
    if suffix == ".docx":
        _container(path, "a Word", "word/document.xml")
        from isodocs.importing.word import read as reader
    elif suffix == ".odt":
        _container(path, "an OpenDocument", "content.xml")
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
    return ImportFailure(f"cannot be converted ({type(error).__name__}: {str(error)[:120]})", path,
                         hint="open it in its editor, save it again and import that")


def _container(path: Path, kind: str, part: str) -> None:
    """A .docx or .odt must be an unencrypted zip holding its main part, of a sane unpacked size;
    `kind` is "a Word" or "an OpenDocument"."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if head == OLE_MAGIC:
        raise ImportFailure(f"is password-protected (encrypted), or an old binary file renamed to {path.suffix}",
                            path, hint="remove the password (or save it again as .docx/.odt) and import again")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if part not in names:
                raise ImportFailure(f"is not {kind} document (no {part} inside)", path,
                                    hint=f"open it in its editor and save it as {path.suffix}")
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise ImportFailure("unpacks to more than 200 MB; not imported", path,
                                    hint="move large images or attachments out of it")
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
                raise ImportFailure("is password-protected (encrypted)", path,
                                    hint="save it again without a password and import again")
            broken = archive.testzip()
            if broken is not None:
                raise ImportFailure(f"is damaged ({broken} inside fails its checksum)", path,
                                    hint="open it in its editor, save it again and import that")
    except zipfile.BadZipFile:
        raise ImportFailure(f"is damaged or not {kind} file (not a valid zip container)", path,
                            hint="open it in its editor, save it again and import that") from None
