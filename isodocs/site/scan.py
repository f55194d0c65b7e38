"""Scanning a built site for what identifies a hidden document: defence in depth, independent of how the site
was built.

Exact traces (an id, a file's path or page address) are looked for in the text of every file; fuzzy ones (a
title, a commit subject, a line of the body) in a normal form of it (HTML tags and entities, Markdown marks,
punctuation, case and spacing folded), and only when the published sources do not carry the same words
themselves, so that text shared with a public page is not taken for a leak.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from isodocs.analysis.publishing import Publication, read_page
from isodocs.model.repository import Repository

TAG = re.compile(r"<[^>]*>")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:.*$", re.M)
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


class Phrases:
    """Fuzzy traces indexed by their longest word: a line is compared only with the traces whose key word it
    holds (a built site repeats its navigation on every page, so lines are compared once each)."""

    def __init__(self, wanted: Iterable[Trace]) -> None:
        self.by_word: dict[str, list[Trace]] = {}
        for trace in wanted:
            self.by_word.setdefault(max(trace.folded.split(), key=len), []).append(trace)

    def in_line(self, folded: str) -> Iterator[Trace]:
        for word in self.by_word.keys() & set(folded.split()):
            for trace in self.by_word[word]:
                if trace.folded in folded:
                    yield trace


def traces(repository: Repository, publication: Publication) -> tuple[list[Trace], list[Trace]]:
    """Everything that identifies each hidden file; and, apart, the exact traces that published pages carry in
    their own text (a procedure naming a confidential SoA's id): the author wrote those there, so the scan notes
    them instead of counting them as leaks."""
    if not publication.hidden:
        return [], []
    public, sources = _public_lines(repository, publication)
    documents = {d.path: d for d in repository.documents}
    found: list[Trace] = []

    def fuzzy(kind: str, text: str, path: str, minimum_words: int = MIN_WORDS) -> None:
        folded = fold(text)
        if len(folded.split()) >= minimum_words:
            found.append(Trace(kind, text.strip(), path, folded=folded))

    for path in sorted(publication.hidden):
        page = repository.docs_relative(path)
        found.append(Trace("file", page, path, _exact(page)))
        stem, dot, _suffix = page.rpartition(".")
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
    phrases = Phrases(t for t in unique if t.pattern is None)
    shared = {id(t) for line in public for t in phrases.in_line(line)}
    named = [t for t in unique if t.pattern is not None and t.text in sources and t.pattern.search(sources)]
    return [t for t in unique if t not in named and id(t) not in shared], named


def hits(site: Path, wanted: list[Trace]) -> Iterator[tuple[str, Trace]]:
    """(file of the site, trace) for every trace found, in the order of the files."""
    where: dict[str, list[str]] = {}   # each distinct line of the site -> the files that hold it
    for file in sorted(site.rglob("*")):
        if file.is_file():
            name = file.relative_to(site).as_posix()
            for line in dict.fromkeys(_text(file).splitlines()):
                where.setdefault(line, []).append(name)
    found: dict[str, list[Trace]] = {}
    exact = [(t, t.pattern) for t in wanted if t.pattern is not None]
    whole = "\n".join(where)
    for trace, pattern in exact:
        if trace.text.rstrip("/") in whole:
            for line, files in where.items():
                if trace.text.rstrip("/") in line and pattern.search(line):
                    for name in files:
                        found.setdefault(name, []).append(trace)
    phrases = Phrases(t for t in wanted if t.pattern is None)
    for line, files in where.items():
        for trace in phrases.in_line(fold(TAG.sub(" ", line))):
            for name in files:
                found.setdefault(name, []).append(trace)
    for name in sorted(found):
        yield from ((name, trace) for trace in dict.fromkeys(found[name]))


def _text(file: Path) -> str:
    """A site file's text with entities and JSON escapes undone (binary files read as Latin-1: names stay)."""
    data = file.read_bytes()
    if file.suffix == ".gz":
        with contextlib.suppress(OSError, EOFError):
            data = gzip.decompress(data)
    text = data.decode("utf-8", "replace")
    if file.suffix == ".json":
        with contextlib.suppress(ValueError):
            text = "\n".join(_strings(json.loads(text)))
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


def _public_lines(repository: Repository, publication: Publication) -> tuple[list[str], str]:
    """The folded lines of everything the site may publish, and of the labels and catalog titles isodocs adds;
    and the published pages' own text as written."""
    from isodocs.site.labels import LABELS

    parts = [repository.config.organization]
    sources = []
    for path in repository.pages:
        if publication.publishable(path):
            page = read_page(repository, path)
            # what the build shows of the page's own text: not its front matter, not its link targets
            sources.append(REFERENCE.sub("", LINK_TARGET.sub("]", page.body)))
            parts += LINK_TARGET.sub("]", f"{page.header or ''}\n{page.body}").splitlines()
    for labels in LABELS.values():
        parts += labels.values()
    for catalog in repository.catalogs.values():
        parts.append(catalog.name)
        parts += [entry.title or "" for entry in catalog.entries.values()]
    return [fold(part) for part in parts], "\n".join(sources)


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

