"""Atomic file writes: a temporary file beside the target, flushed, then renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from isodocs.errors import OutputError
from isodocs.translation import say


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    write_chunks(path, [data], durable)


def write_chunks(path: Path, chunks: Iterable[bytes], durable: bool = True) -> None:
    """Write the file whole or not at all; OutputError (file and reason) when it cannot be written."""
    try:
        _write_chunks(path, chunks, durable)
    except OutputError:
        raise
    except OSError as error:
        raise OutputError(say("output.cannot-write", reason=error.strerror or str(error)), path,
                          hint=say("output.cannot-write-hint")) from None


def write_together(files: list[tuple[Path, bytes]]) -> None:
    """Several files written all or none: each is staged beside its target first (where a full disk or a
    folder that may not be written to fails), and only then is each renamed over its target."""
    staged: list[tuple[str, Path]] = []
    for path, data in files:
        try:
            staged.append((_stage(path, [data], durable=True), path))
        except OSError as error:
            for temporary, _ in staged:
                Path(temporary).unlink(missing_ok=True)
            raise OutputError(say("output.cannot-write", reason=error.strerror or str(error)), path,
                              hint=say("output.nothing-written-hint")) from None
    for index, (temporary, path) in enumerate(staged):
        try:
            os.replace(temporary, path)
        except OSError as error:   # a rename within a folder: practically never; say what is left undone
            for left, _ in staged[index:]:
                Path(left).unlink(missing_ok=True)
            raise OutputError(say("output.cannot-write", reason=error.strerror or str(error)), path,
                              hint=say("output.partly-written-hint", written=tuple(str(p) for _, p in staged[:index])
                                       or ("-",))) from None


def _write_chunks(path: Path, chunks: Iterable[bytes], durable: bool) -> None:
    temporary = _stage(path, chunks, durable)
    try:
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _stage(path: Path, chunks: Iterable[bytes], durable: bool) -> str:
    """A temporary file beside `path` holding the chunks (with the mode `path` has), its name returned."""
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary
