"""What isodocs reads in a document's body: its links and its placeholders, outside code."""

from __future__ import annotations

import re
from collections.abc import Iterator

# the files isodocs reads as pages: every suffix MkDocs treats as Markdown (mkdocs.utils.markdown_extensions)
SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
INLINE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
# a reference definition `[label]: target`; `[^1]: text` is a footnote, not a link
REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
REFERENCE_ANYWHERE = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.M)
CODE_SPAN = re.compile(r"`[^`]*`")
FENCE = re.compile(r"^\s*(```|~~~)")
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|\[\[[^\]]+\]\]")
MARKERS = ("TODO", "TBD", "FIXME", "XXX", "[[")


def links(body: str) -> tuple[tuple[int, str], ...]:
    """(line offset in the body, target) of every link outside code."""
    if "](" not in body and "]:" not in body:
        return ()
    return tuple(_links(body))


def _links(body: str) -> Iterator[tuple[int, str]]:
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


def placeholders(body: str, pattern: re.Pattern[str] = PLACEHOLDERS, markers: tuple[str, ...] = MARKERS
                 ) -> tuple[tuple[int, str], ...]:
    """(line offset in the body, text) of every placeholder outside fenced code, spaces folded."""
    if not any(marker in body for marker in markers) or not pattern.search(body):
        return ()
    fenced = fenced_ranges(body)
    return tuple((body.count("\n", 0, match.start()), " ".join(match.group(0).split()))
                 for match in pattern.finditer(body)
                 if not any(start <= match.start() < end for start, end in fenced))


def fenced_ranges(body: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks, where placeholder-like text is an example, not a gap."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    offset = 0
    for line in body.split("\n"):
        if FENCE.match(line):
            if start is None:
                start = offset
            else:
                ranges.append((start, offset + len(line)))
                start = None
        offset += len(line) + 1
    return ranges
