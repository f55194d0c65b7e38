"""Links between documents that lead nowhere."""

from __future__ import annotations

import posixpath
import re
from typing import Iterator
from urllib.parse import unquote

from isodocs.checks.context import Context
from isodocs.document import Document
from isodocs.findings import Finding

INLINE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
REFERENCE_ANYWHERE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.M)
CODE_SPAN = re.compile(r"`[^`]*`")
FENCE = re.compile(r"^\s*(```|~~~)")
EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


def check(context: Context) -> Iterator[Finding]:
    repository = context.repository
    for document in repository.documents:
        if "](" not in document.body and "]:" not in document.body:
            continue
        yield from _document_links(context, document)


def _targets(body: str) -> Iterator[tuple[int, str]]:
    """(line offset in the body, target) of every link outside code."""
    if "`" not in body and "~~~" not in body:
        for match in INLINE.finditer(body):
            yield body.count("\n", 0, match.start()), match.group(1)
        if "]:" in body:
            for match in REFERENCE_ANYWHERE.finditer(body):
                yield body.count("\n", 0, match.start()), match.group(1)
        return
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        text = CODE_SPAN.sub("", line)
        for target in INLINE.findall(text) + REFERENCE.findall(text):
            yield offset, target


def _document_links(context: Context, document: Document) -> Iterator[Finding]:
    repository = context.repository
    folder = posixpath.dirname(document.path)
    for offset, target in _targets(document.body):
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
                      f"link to '{target}' leads nowhere ({resolved} does not exist); correct the path",
                      document.id)
