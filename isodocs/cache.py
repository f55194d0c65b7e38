"""A cache of parsed documents, so that a second run on an unchanged repository does not parse again.

An entry is used only when the file's identity (size, modification and change times, inode) is what it
was when the entry was written; the whole cache is dropped when the isodocs version, the front matter
schema or the YAML composer differ. Files modified within the last two seconds of a write are not
cached at all, so a change within the file system's time resolution cannot hide. The cache lives in
the user's cache folder, never in the repository, so nobody can plant one: it is read with `marshal`
and holds only plain values.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from isodocs import __version__, yamlload
from isodocs.atomic import write_bytes, write_chunks
from isodocs.dates import Interval
from isodocs.document import Audit, Decision, Document, Evidence, Nonconformity, Risk
from isodocs.findings import Finding
from isodocs.translation import Message
from isodocs.resources import cache_directory, schema_path

FORMAT = 14  # raise whenever the layout of an entry changes
RACY_NS = 2_000_000_000
BATCH = 2_000

if TYPE_CHECKING:
    from isodocs.catalog import Catalog
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
            thawed = thaw(entry[1], self.root)
        except (TypeError, ValueError):
            self.changed = True
            return None
        self.keys[rel_path] = key
        return thawed

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
                yield _record(marshal.dumps({path: (self.keys[path], freeze(*results[path]))
                                             for path in paths[start:start + BATCH]}))

        try:
            write_chunks(self.path, chunks(), durable=False)
        except OSError:
            pass  # a cache that cannot be written only costs time


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


def freeze(document: Document | None, findings: list[Finding]) -> tuple[Any, ...]:
    found = tuple((f.rule, f.path, f.line, _message(f.message), f.document) for f in findings)
    if document is None:
        return (None, found)
    d = document
    record = d.nonconformity
    return ((d.path, d.id, d.title, d.type, d.status, d.owner, d.approver, d.version, _day(d.approved),
             _day(d.last_reviewed), (d.review_interval.count, d.review_interval.unit) if d.review_interval else None,
             d.classification, d.clauses,
             {c: {k: (v.applicable, v.justification, v.implementation, v.documents, v.line, v.reasons, v.frequency)
                  for k, v in m.items()}
              for c, m in d.applicability.items()},
             (_day(record.raised), _day(record.due), _day(record.closed), record.grade, record.source, record.clause,
              record.line, record.due_line, record.root_cause, record.action, record.verification)
             if record else None,
             d.body_digest, d.body_line, d.lines, tuple((c, i, line) for (c, i), line in d.clause_lines.items()),
             d.links, d.marks,
             tuple((r.id, r.asset, r.threat, r.likelihood, r.impact, r.owner, r.treatment, r.controls,
                    r.residual_likelihood, r.residual_impact, _day(r.review), r.action, _day(r.due), r.line, r.lines,
                    _day(r.done))
                   for r in d.risks),
             tuple((a.planned, a.standard, a.clauses, a.auditor, _day(a.done), a.line) for a in d.audits),
             _day(d.review_held), d.required_reading,
             tuple((_day(e.date), e.by, e.what, e.controls, e.files, e.link, e.line) for e in d.evidence)), found)


def thaw(frozen: tuple[Any, ...], root: str) -> tuple[Document | None, list[Finding]]:
    fields, found = frozen
    findings = [Finding(rule, path, line, _unmessage(message), document)
                for rule, path, line, message, document in found]
    if fields is None:
        return None, findings
    (path, doc_id, title, kind, status, owner, approver, version, approved, reviewed, interval, classification,
     clauses, applicability, record, digest, body_line, lines, clause_lines, links, marks, risks, audits,
     held, required_reading, evidence) = fields
    document = Document(
        path=path, id=doc_id, title=title, type=kind, status=status, owner=owner, approver=approver,
        version=version, approved=_date(approved), last_reviewed=_date(reviewed),
        review_interval=Interval(*interval) if interval else None, classification=classification,
        clauses=clauses, source=os.path.join(root, path), body_digest=digest, body_line=body_line, lines=lines,
        links=links, marks=marks, review_held=_date(held), required_reading=required_reading,
        risks=tuple(Risk(*r[:10], _date(r[10]), r[11], _date(r[12]), r[13], r[14], _date(r[15])) for r in risks),
        audits=tuple(Audit(*a[:4], _date(a[4]), a[5]) for a in audits),
        evidence=tuple(Evidence(_date(e[0]), *e[1:]) for e in evidence),
        clause_lines={(c, i): line for c, i, line in clause_lines},
        applicability={c: {k: Decision(k, *v) for k, v in m.items()} for c, m in applicability.items()},
        nonconformity=Nonconformity(_date(record[0]), _date(record[1]), _date(record[2]), *record[3:])
        if record else None)
    return document, findings


def _message(message: str) -> Any:
    """A message as marshal keeps it: its key and plain parameters, so it can be said in Russian later."""
    if isinstance(message, Message) and all(_plain(v) for v in message.params.values()):
        return (message.key, {k: _param(v) for k, v in message.params.items()})
    return str(message)


def _plain(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(isinstance(v, Message) for v in value)
    return isinstance(value, (str, int, Message))


def _param(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_message(v) for v in value]  # a list: a tuple is a message
    return _message(value) if isinstance(value, Message) else value


def _unmessage(value: Any) -> str:
    if isinstance(value, tuple):
        key, params = value
        return Message(key, **{k: _unmessage(v) for k, v in params.items()})
    if isinstance(value, list):
        return tuple(_unmessage(v) for v in value)  # type: ignore[return-value]
    return value


def _day(value: date | None) -> int | None:
    return value.toordinal() if value else None


def _date(value: int | None) -> date | None:
    return date.fromordinal(value) if value else None


class CatalogCache:
    """A catalog as it was last read, used while the catalog file's identity is unchanged."""

    def __init__(self, path: Path) -> None:
        self.source = path
        self.path = cache_directory() / f"catalog-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]}.cache"
        try:
            self.key = (FORMAT, __version__, identity(path.stat()))
        except OSError:
            self.key = None

    def get(self) -> Catalog | None:
        from isodocs.catalog import Adoption, Amendment, Catalog, Edition, Entry

        try:
            key, (catalog_id, name, title, entries, amendments, edition, kind, extends) = marshal.loads(
                self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if key != self.key:
            return None
        published, status, replaces, replaced_by, ends, en, ru, adoptions, sources, gaps, incomplete = edition
        return Catalog(catalog_id, name, title, self.source, {e[0]: Entry(*e) for e in entries},
                       [Amendment(*a) for a in amendments],
                       Edition(published, status, replaces, replaced_by, _date(ends), en, ru,
                               tuple(Adoption(*a) for a in adoptions), sources, gaps, incomplete),
                       True, kind, extends)

    def put(self, catalog: Catalog) -> None:
        if self.key is None or self.key[2][1] >= time.time_ns() - RACY_NS:
            return
        entries = tuple((e.id, e.title, e.parent, e.documented_information, e.control, e.amendment, e.note, e.title_ru,
                         e.extends, e.source) for e in catalog.entries.values())
        amendments = tuple((a.id, a.title, a.entries) for a in catalog.amendments)
        e = catalog.edition
        edition = (e.published, e.status, e.replaces, e.replaced_by, _day(e.transition_ends), e.titles_en,
                   e.titles_ru, tuple((a.id, a.country, a.adopts, a.note) for a in e.adoptions), e.sources, e.gaps,
                   e.incomplete)
        try:
            write_bytes(self.path, marshal.dumps((self.key, (catalog.id, catalog.name, catalog.title, entries,
                                                             amendments, edition, catalog.kind,
                                                             catalog.extends))), durable=False)
        except OSError:
            pass
