"""A cache of parsed documents, so that a second run on an unchanged repository does not parse again.

An entry is used only when the file's identity (size, modification and change times, inode) is what it
was when the entry was written; the whole cache is dropped when the isodocs version, the front matter
schema, the YAML composer or the fields of a cached class differ. Files modified within the last two
seconds of a write are not cached at all, so a change within the file system's time resolution cannot
hide. The cache lives in the user's cache folder, never in the repository, so nobody can plant one: it
is read with `marshal` and holds only plain values, made from the data classes' own fields
(isodocs/freezing.py); the format follows those fields, so changing a class drops every cache written
before.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

from isodocs import __version__
from isodocs.files import yamlload
from isodocs.files.atomic import write_bytes, write_chunks
from isodocs.files.freezing import freeze, layout, thaw
from isodocs.files.resources import cache_directory, schema_path
from isodocs.model.document import Document
from isodocs.model.findings import Finding

ENTRY = tuple[Document | None, list[Finding]]   # what one file gives: its document (if any) and its findings
FORMAT = layout(ENTRY)   # follows the fields of every class an entry holds
RACY_NS = 2_000_000_000
BATCH = 2_000
T = TypeVar("T")
Identity = tuple[int, int, int, int]


def identity(stat: os.stat_result) -> Identity:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns)


class DocumentCache:
    """Parsed documents by path. Entries are handed out once and not kept: when anything changed, the
    cache is written again from the documents themselves, so memory holds one copy of the model."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.enabled = enabled
        self.root = str(root)
        self.path = cache_directory() / (hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24] + ".cache")
        self.stamp = (FORMAT, __version__, hashlib.sha256(schema_path("frontmatter").read_bytes()).hexdigest(),
                      yamlload.COMPOSER)
        self.entries: dict[str, tuple[Identity, Any]] = {}
        self.keys: dict[str, Identity] = {}   # what the next cache holds: path -> identity
        self.changed = False
        if enabled:
            self._load()

    def _load(self) -> None:
        """The file is a series of records, each a length and a marshal dump: the stamp, then batches."""
        entries: dict[str, tuple[Identity, Any]] = {}
        try:
            data = memoryview(self.path.read_bytes())
            records = _records(data)
            if marshal.loads(next(records)) != self.stamp:
                return
            for record in records:
                entries.update(marshal.loads(record))
        except (OSError, ValueError, EOFError, TypeError, StopIteration):
            return
        self.entries = entries

    def get(self, rel_path: str, key: Identity) -> tuple[Document | None, list[Finding]] | None:
        entry = self.entries.pop(rel_path, None)
        if entry is None or entry[0] != key:
            self.changed = True
            return None
        try:
            document, findings = thaw(entry[1], ENTRY)
        except (TypeError, ValueError, IndexError):
            self.changed = True
            return None
        if document is not None:
            document.source = os.path.join(self.root, document.path)
        self.keys[rel_path] = key
        return document, findings

    def put(self, rel_path: str, key: Identity) -> None:
        """Remember a freshly read file, unless it changed too recently for its identity to be trusted."""
        self.changed = True
        if self.enabled and key[1] < time.time_ns() - RACY_NS:
            self.keys[rel_path] = key

    def save(self, results: dict[str, tuple[Document | None, list[Finding]]]) -> None:
        """Write the cache again when a file was added, changed or removed since it was read."""
        if not self.enabled or not (self.changed or self.entries):
            return
        paths = [path for path in self.keys if path in results]

        def chunks() -> Iterator[bytes]:
            yield _record(marshal.dumps(self.stamp))
            for start in range(0, len(paths), BATCH):
                yield _record(marshal.dumps({path: (self.keys[path], freeze(results[path], ENTRY))
                                             for path in paths[start:start + BATCH]}))

        with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
            write_chunks(self.path, chunks(), durable=False)


def _record(data: bytes) -> bytes:
    return len(data).to_bytes(8, "little") + data


def _records(data: memoryview) -> Iterator[memoryview]:
    offset = 0
    while offset < len(data):
        size = int.from_bytes(data[offset:offset + 8], "little")
        if offset + 8 + size > len(data):
            raise ValueError("truncated cache")
        yield data[offset + 8:offset + 8 + size]
        offset += 8 + size


class FileCache(Generic[T]):
    """A value read from one file (a catalog), used while the file's identity is unchanged."""

    def __init__(self, path: Path, kind: type[T]) -> None:
        self.source = path
        self.kind = kind
        self.path = cache_directory() / f"file-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]}.cache"
        try:
            self.key: tuple[str, str, Identity] | None = (layout(kind), __version__, identity(path.stat()))
        except OSError:
            self.key = None

    def get(self) -> T | None:
        try:
            key, frozen = marshal.loads(self.path.read_bytes())
            if key != self.key:
                return None
            found: T = thaw(frozen, self.kind)
        except (OSError, ValueError, EOFError, TypeError):
            return None
        return found

    def put(self, value: T) -> None:
        if self.key is None or self.key[2][1] >= time.time_ns() - RACY_NS:
            return
        with contextlib.suppress(OSError):
            write_bytes(self.path, marshal.dumps((self.key, freeze(value, self.kind))), durable=False)
