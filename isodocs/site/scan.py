"""Scanning a built site for what identifies a hidden document: defence in depth, independent of how the site
was built.

Exact traces (an id, a file's path or page address) are looked for in the text of every file; fuzzy ones (a
title, a commit subject, a line of the body) in a normal form of it (HTML tags and entities, Markdown marks,
punctuation, case and spacing folded), and only when the published sources do not carry the same words
themselves, so that text shared with a public page is not taken for a leak.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from isodocs.publishing import Publication, read_page
from isodocs.repository import Repository

TAG = re.compile(r"<[^>]*>")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
WORD = re.compile(r"[^\w]+")
MIN_WORDS = 4          # a line of the body shorter than this says too little to tell it from other text
MIN_TITLE = 10         # characters of a title, after folding


@dataclass(frozen=True)
class Trace:
    kind: str          # id | file | address | title | commit subject | text
    text: str          # what is looked for, as the user wrote it
    path: str          # the hidden file it identifies
    pattern: re.Pattern[str] | None = None   # exact traces: searched in the raw text
    folded: str = ""   # fuzzy traces: searched in the folded text, between spaces


def fold(text: str) -> str:
    """Words only, lower case, single spaces, padded: how fuzzy traces and site text are compared."""
    return " " + " ".join(WORD.sub(" ", text).lower().split()) + " "


def traces(repository: Repository, publication: Publication) -> tuple[list[Trace], list[Trace]]:
    """Everything that identifies each hidden file; and, apart, the exact traces that published pages carry in
    their own text (a procedure naming a confidential SoA's id): the author wrote those there, so the scan notes
    them instead of counting them as leaks."""
    if not publication.hidden:
        return [], []
    public, sources = _public_words(repository, publication)
    documents = {d.path: d for d in repository.documents}
    found: list[Trace] = []

    def fuzzy(kind: str, text: str, path: str, minimum_words: int = MIN_WORDS) -> None:
        folded = fold(text)
        if len(folded.split()) >= minimum_words and folded not in public:
            found.append(Trace(kind, text.strip(), path, folded=folded))

    for path in sorted(publication.hidden):
        page = repository.docs_relative(path)
        found.append(Trace("file", page, path, _exact(page)))
        stem, dot, suffix = page.rpartition(".")
        if dot and path in repository.pages:
            found.append(Trace("address", f"{stem}/", path, _exact(stem, r"(?:/|\.html\b)")))
        document = documents.get(path)
        if document is not None:
            found.append(Trace("id", document.id, path, _exact(document.id)))
            if len(fold(document.title).strip()) >= MIN_TITLE:
                fuzzy("title", document.title, path, minimum_words=1)
        if path in repository.pages:
            body = LINK_TARGET.sub("]", read_page(repository, path).body)
            for line in body.splitlines():
                fuzzy("text", line, path)
    for subject, path in _hidden_subjects(repository, publication):
        fuzzy("commit subject", subject, path, minimum_words=3)
    unique = list({(t.kind, t.text, t.path): t for t in found}.values())
    named = [t for t in unique if t.pattern is not None and t.pattern.search(sources)]
    return [t for t in unique if t not in named], named


def hits(site: Path, wanted: list[Trace]) -> Iterator[tuple[str, Trace]]:
    """(file of the site, trace) for every trace found, file by file."""
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        raw = _text(file)
        folded = fold(TAG.sub(" ", raw))
        for trace in wanted:
            if trace.pattern is not None:
                if trace.pattern.search(raw):
                    yield file.relative_to(site).as_posix(), trace
            elif trace.folded in folded:
                yield file.relative_to(site).as_posix(), trace


def _text(file: Path) -> str:
    """A site file's text with entities and JSON escapes undone (binary files read as Latin-1: names stay)."""
    data = file.read_bytes()
    if file.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            pass
    text = data.decode("utf-8", "replace")
    if file.suffix == ".json":
        try:
            text = "\n".join(_strings(json.loads(text)))
        except ValueError:
            pass
    return unescape(unescape(text))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _exact(text: str, after: str = "") -> re.Pattern[str]:
    return re.compile(r"(?<![\w.-])" + re.escape(text) + (after or r"(?![\w-])"))


def _public_words(repository: Repository, publication: Publication) -> tuple[str, str]:
    """The folded text of everything the site may publish, and of the labels and catalog titles isodocs adds;
    and the published pages' own text as written."""
    from isodocs.site.labels import LABELS

    parts = [repository.config.organization]
    sources = []
    for path in repository.pages:
        if publication.publishable(path):
            sources.append(read_page(repository, path).body)
            parts.append(LINK_TARGET.sub("]", (repository.root / path).read_text(encoding="utf-8", errors="replace")))
    for labels in LABELS.values():
        parts += labels.values()
    for catalog in repository.catalogs.values():
        parts.append(catalog.name)
        parts += [entry.title or "" for entry in catalog.entries.values()]
    return "\n".join(fold(part) for part in parts), "\n".join(sources)


def _hidden_subjects(repository: Repository, publication: Publication) -> Iterator[tuple[str, str]]:
    """Subjects of commits that touched only hidden files (a commit that also touched a published file shows as
    a redacted entry on its page; its subject is looked for too, since it must not show)."""
    history = repository.history
    seen: set[str] = set()
    for path in sorted(publication.hidden):
        for revision in history.of(path):
            if revision.hash not in seen and revision.subject != "uncommitted":
                seen.add(revision.hash)
                yield revision.subject, path

