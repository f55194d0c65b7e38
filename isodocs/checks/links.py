"""Links between documents that lead nowhere."""

from __future__ import annotations

import posixpath
import re
from typing import Iterator
from urllib.parse import unquote

from isodocs.checks.context import Context
from isodocs.document import Document
from isodocs.findings import Finding
from isodocs.messages import say

EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


def check(context: Context) -> Iterator[Finding]:
    for document in context.repository.documents:
        if document.links:
            yield from _document_links(context, document)


def _document_links(context: Context, document: Document) -> Iterator[Finding]:
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
        yield Finding("link-broken", document.path, document.body_line + offset,
                      say("link-broken", target=target, resolved=resolved), document.id)
