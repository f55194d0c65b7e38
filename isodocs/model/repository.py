"""The repository model: isodocs.yml, the catalogs in scope and every document, loaded once.

The checker, the git features, the exporters and the MkDocs plugin all read this one object.
"""

from __future__ import annotations

import difflib
import gc
import os
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from isodocs.errors import ConfigError, UsageError
from isodocs.files import markdown
from isodocs.files.cache import DocumentCache, identity
from isodocs.files.frontmatter import read
from isodocs.git import history as history_module
from isodocs.git.history import History
from isodocs.model import catalog, config as config_module, crosswalks
from isodocs.model.catalog import Catalog
from isodocs.model.config import Config
from isodocs.model.crosswalks import Crosswalk
from isodocs.model.document import Document
from isodocs.model.findings import Finding
from isodocs.model.rules import FRONTMATTER_INVALID
from isodocs.translation import t
from isodocs.translation.messages import say

if TYPE_CHECKING:
    from datetime import date

    from isodocs.analysis import Analysis

MAX_FILE_BYTES = 5 * 1024 * 1024


_FROZEN_ONCE: list[bool] = []   # set once this process has frozen a model


def _settle_collector() -> None:
    """A process that loads once (a command) freezes its model, so that later collections need not walk it. One
    that loads again (mkdocs serve, tests, a library user) unfreezes and collects once, then leaves the collector
    to its usual work: what the caller left in reference cycles (gitpython's repositories, with git's processes
    and pipes) would otherwise stay frozen for good."""
    if not _FROZEN_ONCE:
        _FROZEN_ONCE.append(True)
        gc.freeze()
    elif gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


@dataclass
class Repository:
    root: Path
    config: Config
    catalogs: dict[str, Catalog]
    documents: list[Document] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)            # every Markdown file, controlled or not
    load_findings: list[Finding] = field(default_factory=list)
    cache: bool = True                                        # whether the user's cache folder is used
    reading: Future[History] | None = field(default=None, repr=False)
    crosswalks: list[Crosswalk] = field(default_factory=list)
    analyses: dict[date, Analysis] = field(default_factory=dict, repr=False, compare=False)  # isodocs.analysis.analyse

    @classmethod
    def load(cls, path: Path | str = ".", cache: bool = True, history: bool = False) -> Repository:
        """The model of the project at `path`; with `history`, its git history, and the changes since each
        document's approval, are read in a thread while the documents load (git works on another core)."""
        root = config_module.find_root(Path(path))
        config = config_module.load(root)
        own = catalog.local(root / config.catalogs_dir, root)
        catalogs = _catalogs(config, own)
        repository = cls(root, config, catalogs, cache=cache,
                         crosswalks=crosswalks.load(root / config.catalogs_dir / "crosswalks", own))
        if history:
            repository.reading = history_module.begin(root, config.docs_dir, cache)
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of small objects that all live on: collecting them is wasted time
        try:
            repository._read_documents(DocumentCache(root, enabled=cache))
        finally:
            _settle_collector()
            if collecting:
                gc.enable()
        return repository

    @cached_property
    def history(self) -> History:
        """The documents' history from git (unavailable outside a git repository)."""
        if self.reading is None:
            return history_module.read(self.root, self.config.docs_dir, self.cache)
        return self.reading.result()

    @property
    def docs_dir(self) -> Path:
        return self.root / self.config.docs_dir

    @property
    def docs_prefix(self) -> str:
        return self.config.docs_dir.strip("/") + "/"

    def docs_relative(self, path: str) -> str:
        """A document's path inside the documents' folder, as MkDocs names its pages."""
        return path[len(self.docs_prefix):]

    @cached_property
    def by_id(self) -> dict[str, list[Document]]:
        """Documents per id (a list, since duplicates are a finding, not an error)."""
        index: dict[str, list[Document]] = {}
        for document in self.documents:
            index.setdefault(document.id, []).append(document)
        return index

    def find(self, reference: str) -> Document:
        """The document named by an id, or by a path (relative to the current folder or the root)."""
        if reference in self.by_id:
            return self.by_id[reference][0]
        for candidate in (Path(reference).resolve(), (self.root / reference).resolve()):
            try:
                rel_path = candidate.relative_to(self.root.resolve()).as_posix()
            except ValueError:
                continue
            for document in self.documents:
                if document.path == rel_path:
                    return document
            for finding in self.load_findings:
                if finding.path == rel_path:
                    raise UsageError(say("cli.unusable-document", problem=finding.message), finding.path,
                                     finding.line, hint=say("cli.unusable-document-hint"))
        guess = difflib.get_close_matches(reference, list(self.by_id), n=1)
        language = self.config.language
        raise UsageError(t("cli.no-document", language, reference=reference, root=self.root),
                         hint=t("cli.did-you-mean", language, guess=guess[0]) if guess else t("cli.give-document",
                                                                                                 language),
                         language=language)

    def _read_documents(self, cache: DocumentCache) -> None:
        docs = self.docs_dir
        if not docs.resolve().is_relative_to(self.root.resolve()):
            raise ConfigError(say("config.docs-outside", folder=self.config.docs_dir), self.config.path,
                              self.config.line("docs_dir"))
        if not docs.is_dir():
            raise ConfigError(say("config.docs-missing", folder=self.config.docs_dir), self.config.path,
                              self.config.line("docs_dir"), hint=say("config.docs-missing-hint"))
        for rel_path, absolute, stat in _markdown_files(self.root, docs, self.load_findings):
            self.pages.add(rel_path)
            key = identity(stat)
            cached = cache.get(rel_path, key)
            if cached is None:
                raw = _read_bytes(absolute, rel_path, self.load_findings)
                if raw is None:
                    continue
                cached = read(rel_path, raw, absolute)
                cache.put(rel_path, key)
            document, findings = cached
            self.load_findings.extend(findings)
            if document is not None:
                self.documents.append(document)
        if cache.changed or cache.entries:
            cache.save(self._results())

    def _results(self) -> dict[str, tuple[Document | None, list[Finding]]]:
        """What reading gave for each Markdown file, as the cache stores it."""
        results: dict[str, tuple[Document | None, list[Finding]]] = {path: (None, []) for path in self.pages}
        for document in self.documents:
            results[document.path] = (document, results[document.path][1])
        for finding in self.load_findings:
            if finding.path in results:
                results[finding.path][1].append(finding)
        return results


def _catalogs(config: Config, own: dict[str, Catalog]) -> dict[str, Catalog]:
    loaded: dict[str, Catalog] = {}
    for index, catalog_id in enumerate(config.standards):
        if catalog_id in own:
            loaded[catalog_id] = own[catalog_id]
            continue
        if catalog_id not in catalog.available():
            raise ConfigError(say("config.unknown-catalog", catalog=catalog_id), config.path,
                              config.line("standards", index),
                              hint=say("catalog.known", known=(*catalog.available(), *own)))
        loaded[catalog_id] = catalog.load(catalog_id)
    for key in ("required", "exclusions"):
        for catalog_id in getattr(config, key):
            if catalog_id not in loaded:
                raise ConfigError(say("config.names-catalog", key=key, catalog=catalog_id), config.path,
                                  config.line(key, catalog_id))
    return loaded


def _markdown_files(root: Path, docs: Path, findings: list[Finding]) -> list[tuple[str, str, os.stat_result]]:
    """Markdown files under docs/, sorted; links are followed only while they stay inside the root."""
    found: list[tuple[str, str, os.stat_result]] = []
    real_root = os.path.realpath(root)
    prefix = len(str(root).rstrip("/")) + 1
    visited: set[str] = set()

    def problem(path: str, message: str) -> None:
        findings.append(FRONTMATTER_INVALID.finding(path[prefix:], 0, message))

    def walk(folder: str) -> None:
        real = os.path.realpath(folder)
        if real in visited:
            return
        visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            problem(folder, say("unreadable-folder", reason=error.strerror))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not os.path.exists(target) or os.path.commonpath([target, real_root]) != real_root:
                    if entry.name.endswith(markdown.SUFFIXES) or os.path.isdir(target):
                        problem(entry.path, say("link-out"))
                    continue
                if os.path.isdir(target) and os.path.commonpath([target, real]) == target:
                    problem(entry.path, say("link-loop"))
                    continue
            if entry.is_dir():
                walk(entry.path)
            elif entry.name.endswith(markdown.SUFFIXES):
                try:
                    found.append((entry.path[prefix:], entry.path, entry.stat()))
                except OSError as error:
                    problem(entry.path, say("unreadable-file", reason=error.strerror))

    walk(str(docs))
    return found


def _read_bytes(path: str, rel_path: str, findings: list[Finding]) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        findings.append(FRONTMATTER_INVALID.finding(rel_path, 0, say("unreadable-file", reason=error.strerror)))
        return None
    if len(raw) > MAX_FILE_BYTES:
        size = MAX_FILE_BYTES // (1024 * 1024)
        findings.append(FRONTMATTER_INVALID.finding(rel_path, 0, say("too-large", size=size)))
        return None
    return raw
