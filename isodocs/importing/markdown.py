"""Markdown files (.md): kept as written; a front matter's title is taken, images beside the file are
stored with the document."""

from __future__ import annotations

import re
from pathlib import Path

from isodocs.files.fences import SplitError, decode, split
from isodocs.files.yamlload import YamlError, YMap, parse
from isodocs.importing import ImportFailure, Source
from isodocs.importing.images import IMAGE_TOKEN, take
from isodocs.translation import say

IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(\s+\"[^\"]*\")?\s*\)")


def read(path: Path) -> Source:
    try:
        parts = split(decode(path.read_bytes()))
    except SplitError as error:
        raise ImportFailure(error.message, path, error.line, hint=say("import.utf8-hint")) from None
    source = Source()
    if parts.header is not None:
        try:
            header = parse(parts.header, first_line=2)
        except YamlError as error:
            raise ImportFailure(say("import.front-matter-unparsed", problem=error.message), path, error.line,
                                hint=say("import.front-matter-unparsed-hint")) from None
        if isinstance(header, YMap):
            if isinstance(header.get("title"), str):
                source.title = header["title"]
            others = [str(key) for key in header if key != "title"]
            if others:
                source.notes.append(say("import.note-front-matter", keys=tuple(others)))

    def image(match: re.Match[str]) -> str:
        name, problem = take(source, path.parent, match.group(2))
        if name is None:
            source.notes.append(say("import.note-image", problem=problem))
            return match.group(0)
        return f"![{match.group(1)}]({IMAGE_TOKEN}{name}{match.group(3) or ''})"

    source.markdown = IMAGE.sub(image, parts.body)
    return source
