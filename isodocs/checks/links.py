"""Links between documents that lead nowhere, or from a published page to one kept out of the site."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote

from isodocs.analysis import Analysis
from isodocs.files import markdown
from isodocs.model.document import Document
from isodocs.model.findings import Finding
from isodocs.model.rules import LINK_BROKEN, LINK_HIDDEN
from isodocs.translation.messages import say

EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


def check(context: Analysis) -> Iterator[Finding]:
    for document in context.repository.documents:
        if document.links:
            yield from _document_links(context, document)
    yield from _hidden_links(context)


def _hidden_links(context: Analysis) -> Iterator[Finding]:
    """Links from published pages (documents and plain pages alike) to files the site leaves out."""
    from isodocs.analysis.publishing import Publication, read_page

    repository = context.repository
    if repository.config.max_classification is None:
        return
    publication = context.once("publication", lambda: Publication.decide(repository))
    if not publication.hidden:
        return
    documents = {d.path: d for d in repository.documents}
    for path in sorted(repository.pages):
        if path in publication.hidden:
            continue
        document = documents.get(path)
        if document is not None:
            links, first_line = document.links, document.body_line
        else:
            page = read_page(repository, path)
            links, first_line = markdown.links(page.body), page.body_line
        for offset, target, hidden in publication.hidden_links(path, links):
            yield LINK_HIDDEN.finding(path, first_line + offset,
                          say("link-hidden", target=target, hidden=hidden, why=publication.hidden[hidden]),
                          document.id if document else None)


def _document_links(context: Analysis, document: Document) -> Iterator[Finding]:
    repository = context.repository
    folder = posixpath.dirname(document.path)
    for offset, target in document.links:
        if EXTERNAL.match(target):
            continue
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path:
            continue
        resolved = posixpath.normpath(posixpath.join(folder, path))
        if resolved in repository.pages:
            continue
        full = repository.root / resolved
        inside = not resolved.startswith("../") and resolved != ".."
        if inside and (full.is_file() or full.is_dir()):
            continue
        yield LINK_BROKEN.finding(document.path, document.body_line + offset,
                      say("link-broken", target=target, resolved=resolved), document.id)
