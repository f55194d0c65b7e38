"""Where a file's front matter ends and its body begins, read the same way by the loader, the editor and
history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from isodocs.errors import IsodocsError
from isodocs.translation.messages import say

CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.M)


@dataclass
class Split:
    header: str | None   # the YAML between the fences, None when the file has no front matter
    body: str
    body_line: int       # file line where the body starts


class SplitError(IsodocsError):
    """The file cannot be split into front matter and body; `line` is the file's."""

    def __init__(self, message: str, line: int, path: Path | str | None = None) -> None:
        super().__init__(message, path, line)
        self.line: int = line


def split(text: str) -> Split:
    """Separate `---` fenced front matter from the body. Line numbers are the file's."""
    if not text.startswith("---"):
        return Split(None, text, 1)
    first_end = text.find("\n")
    if first_end == -1 or text[3:first_end].strip():
        return Split(None, text, 1)
    start = first_end + 1
    closing = CLOSING_FENCE.search(text, start)
    if closing is None:
        raise SplitError(say("unclosed"), 1)
    fence_line = text.count("\n", 0, closing.start()) + 1
    return Split(text[start:closing.start()], text[closing.end() + 1:], fence_line + 1)


def decode(raw: bytes) -> str:
    """UTF-8 text with a byte-order mark dropped and CRLF made LF; SplitError names the line."""
    if b"\x00" in raw:
        raise SplitError(say("binary"), 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SplitError(say("not-utf8", line=line), line) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
