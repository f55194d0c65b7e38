"""What a site may publish: the one decision that the MkDocs plugin, `isodocs site build`, `isodocs site scan`
and the `link-hidden` rule all read.

With `publish.drafts: false`, documents not approved yet (status draft or in-review) are hidden like pages above
the limit. When `publish.max_classification` is set, the control fails closed:
- a Markdown page (every suffix MkDocs reads) is published only when isodocs has read it: a controlled document
  whose classification is within the limit, or a plain page (no isodocs keys), which counts as
  `defaults.classification`;
- a page isodocs could not read or validate (front matter that does not parse or fails the schema, an
  unreadable or oversized file, a link out of the repository) is not classifiable: the build stops;
- any other file under the docs folder (an image, a PDF, a spreadsheet) is published only when a published page
  links to it, or the generator's configuration names it (extra CSS or JavaScript, logo, favicon);
- git commits that touched a hidden file are shown on public pages only as redacted entries.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote

from isodocs.errors import IsodocsError
from isodocs.files import markdown
from isodocs.files.fences import Split, SplitError, decode, split
from isodocs.git.history import History
from isodocs.model.config import CLASSIFICATIONS
from isodocs.model.findings import Finding
from isodocs.model.repository import Repository
from isodocs.model.rules import FRONTMATTER_INVALID, SCHEMA_INVALID
from isodocs.outputs.escape import linkable
from isodocs.translation import say

EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")
UNCLASSIFIABLE = (FRONTMATTER_INVALID.id, SCHEMA_INVALID.id)
# an inline link or image, its target allowed one level of parentheses, as Python-Markdown reads it
LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(?:\s+[\"'(][^)]*)?\)")
NOT_IN_FORCE = ("draft", "in-review")   # left out with publish.drafts: false
REFERENCE_USE = re.compile(r"\[([^\]\n]*)\]\[([^\]\n]*)\]")


class PublishError(IsodocsError):
    """A page the site generator would publish cannot be classified."""


@dataclass
class Publication:
    repository: Repository
    limit: str | None
    hidden: dict[str, str] = field(default_factory=dict)   # repository path -> why it is kept out
    blocked: list[Finding] = field(default_factory=list)    # pages that cannot be classified
    allowed_assets: frozenset[str] = frozenset()            # docs-relative assets the generator config names

    @classmethod
    def decide(cls, repository: Repository, allowed_assets: Iterable[str] = ()) -> Publication:
        config = repository.config
        publication = cls(repository, config.max_classification, allowed_assets=frozenset(allowed_assets))
        # front matter that does not parse always stops a build (MkDocs would drop it and publish the page);
        # under a limit, so does any page isodocs cannot classify
        unclassifiable = UNCLASSIFIABLE if publication.limit is not None else (FRONTMATTER_INVALID.id,)
        blocked_paths: set[str] = set()
        for finding in repository.load_findings:
            if finding.rule in unclassifiable and finding.path not in blocked_paths:
                blocked_paths.add(finding.path)
                publication.blocked.append(finding)
        if not config.publish_drafts:
            for document in repository.documents:
                if document.status in NOT_IN_FORCE and document.path not in blocked_paths:
                    publication.hidden[document.path] = f"it is {document.status} and publish.drafts is false"
        if publication.limit is None:
            return publication
        ceiling = CLASSIFICATIONS.index(publication.limit)
        default = config.default_classification
        documents = {d.path: d for d in repository.documents}
        for path in sorted(repository.pages):
            if path in blocked_paths:
                publication.hidden[path] = "it cannot be classified"
                continue
            if path in publication.hidden:
                continue
            found = documents.get(path)
            level = found.classification if found is not None and found.classification else default
            if level not in CLASSIFICATIONS:  # the schema allows only the four; never guess at a near miss
                publication.blocked.append(SCHEMA_INVALID.finding(path, found.line("classification")
                                                   if found else 1, f"classification '{level}' is unknown"))
                publication.hidden[path] = "it cannot be classified"
            elif CLASSIFICATIONS.index(level) > ceiling:
                source = "" if found is not None and found.classification else " (the default)"
                publication.hidden[path] = f"its classification '{level}'{source} is above '{publication.limit}'"
        for path in publication._assets():
            if path not in publication._referenced and repository.docs_relative(path) not in allowed_assets:
                publication.hidden[path] = "no published page links to it"
        return publication

    def publishable(self, path: str) -> bool:
        """Whether a file (its path from the repository's root) may reach the site."""
        return path not in self.hidden

    def require(self) -> None:
        """Stop when any page the generator would publish cannot be classified."""
        if not self.blocked:
            return
        first = self.blocked[0]
        more = say("publish.more", count=len(self.blocked) - 1) if len(self.blocked) > 1 else ""
        why = say("publish.unclassified") if self.limit is not None else ""
        raise PublishError(say("publish.blocked", problem=first.message, why=why, more=more), first.path,
                           first.line or 1, hint=say("publish.blocked-hint"))

    def unknown_page(self, docs_path: str) -> PublishError:
        """The error for a page the generator found that isodocs did not read."""
        return PublishError(say("publish.unknown-page"), f"{self.repository.docs_prefix}{docs_path}", 1,
                            hint=say("publish.unknown-page-hint", suffixes=tuple(markdown.SUFFIXES)))

    def commits_of(self, history: History) -> set[str]:
        """Commits that touched a hidden file: public pages show them only as redacted entries."""
        return {r.hash for path in self.hidden for r in history.of(path)}

    def hidden_target(self, page: str, target: str) -> str | None:
        """The hidden file a link on `page` (a repository path) leads to, if it leads to one."""
        if not self.hidden or EXTERNAL.match(target):
            return None
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path:
            return None
        if path.startswith("/"):
            resolved = posixpath.normpath(self.repository.docs_prefix + path.lstrip("/"))
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        stem = resolved[:-5] if resolved.endswith(".html") else resolved.rstrip("/")
        candidates = [resolved, stem, *(stem + suffix for suffix in markdown.SUFFIXES),
                      *(f"{stem}/{name}" for name in ("index.md", "README.md"))]
        served = page.rsplit(".", 1)[0]
        if posixpath.basename(served) not in ("index", "README"):
            # with directory URLs, MkDocs serves `a/b.md` as `a/b/`, so `../c/` from it means `a/c`
            folder = posixpath.normpath(posixpath.join(served, path)).rstrip("/")
            candidates += [folder, *(folder + suffix for suffix in markdown.SUFFIXES)]
        return next((c for c in candidates if c in self.hidden), None)

    def redact_links(self, page: str, text: str, withheld: str) -> str:
        """The page's Markdown with every link to a hidden file, text and target, replaced by `withheld`, and every
        link whose scheme is not http, https or mailto (javascript:, data:) left as its text alone."""
        if "](" not in text and "]:" not in text:
            return text

        def inline(match: re.Match[str]) -> str:
            if self.hidden_target(page, match.group(2)):
                return withheld
            return match.group(0) if linkable(match.group(2)) else match.group(1)

        text = LINK.sub(inline, text)
        labels: dict[str, str | None] = {}   # label -> what replaces its uses (None: the link's own text)

        def definition(match: re.Match[str]) -> str:
            unsafe = not linkable(match.group(1))
            if not unsafe and self.hidden_target(page, match.group(1)) is None:
                return match.group(0)
            labels[match.group(0).split("]", 1)[0].strip().lstrip("[").lower()] = None if unsafe else withheld
            return ""

        text = markdown.REFERENCE_ANYWHERE.sub(definition, text)
        if labels:
            def use(match: re.Match[str]) -> str:
                label = (match.group(2) or match.group(1)).lower()
                if label not in labels:
                    return match.group(0)
                return labels[label] or match.group(1)

            text = REFERENCE_USE.sub(use, text)
            for label, replacement in labels.items():
                text = re.sub(r"\[(" + re.escape(label) + r")\](?![\[(:])", _labelled(replacement), text, flags=re.I)
        return text

    def hidden_links(self, page: str, links: Iterable[tuple[int, str]]) -> Iterable[tuple[int, str, str]]:
        """(line offset, target, hidden path) of each link of a published page that leads to a hidden file."""
        for offset, target in links:
            hidden = self.hidden_target(page, target)
            if hidden is not None:
                yield offset, target, hidden

    def _assets(self) -> list[str]:
        """Every file under the docs folder that is not a Markdown page (dot files and folders left out)."""
        root = str(self.repository.root).rstrip("/") + "/"
        found = []
        for folder, folders, files in os.walk(self.repository.docs_dir):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in files:
                if not name.startswith(".") and not name.endswith(markdown.SUFFIXES):
                    found.append(os.path.join(folder, name)[len(root):])
        return found

    @cached_property
    def _referenced(self) -> set[str]:
        """Files that a published page links to."""
        found: set[str] = set()
        documents = {d.path: d for d in self.repository.documents}
        for path in self.repository.pages:
            if path in self.hidden:
                continue
            document = documents.get(path)
            links = document.links if document is not None else markdown.links(read_page(self.repository, path).body)
            for _, target in links:
                if EXTERNAL.match(target):
                    continue
                clean = unquote(target.split("#", 1)[0].split("?", 1)[0])
                if clean.startswith("/"):
                    found.add(posixpath.normpath(self.repository.docs_prefix + clean.lstrip("/")))
                elif clean:
                    found.add(posixpath.normpath(posixpath.join(posixpath.dirname(path), clean)))
        return found


def read_page(repository: Repository, path: str) -> Split:
    """A page isodocs has read, split into front matter and body (the body empty when it cannot be read)."""
    try:
        return split(decode((repository.root / path).read_bytes()))
    except (OSError, SplitError):
        return Split(None, "", 1)


def _labelled(replacement: str | None) -> Callable[[re.Match[str]], str]:
    """What a use of a reference label becomes: its replacement, else the link's own text."""
    return lambda match: replacement or match.group(1)


def published_nav(nav: object, publication: Publication) -> object:
    """A generator's `nav:` without the entries that lead to hidden files (their titles go with them)."""
    if isinstance(nav, list):
        items = [published_nav(item, publication) for item in nav]
        return [item for item in items if item is not None]
    if isinstance(nav, dict):
        entries = {title: published_nav(value, publication) for title, value in nav.items()}
        kept = {title: value for title, value in entries.items() if value is not None and value != []}
        return kept or None
    if isinstance(nav, str):
        index = publication.repository.docs_prefix + "index.md"
        return None if publication.hidden_target(index, nav) else nav
    return nav
