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


def _write_chunks(path: Path, chunks: Iterable[bytes], durable: bool) -> None:
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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
