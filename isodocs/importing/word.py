"""Word (.docx) through mammoth, which maps Word's styles to plain semantic HTML (headings, lists,
tables, emphasis, links, footnotes) and hands each image over for us to store."""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

import mammoth

from isodocs.importing import Source
from isodocs.importing.images import extension
from isodocs.translation import say

STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Заголовок'] => h1:fresh
"""
EMBEDDED = {".xlsx": "spreadsheet", ".xls": "spreadsheet", ".xlsm": "spreadsheet", ".docx": "word",
            ".pptx": "presentation", ".bin": "ole", ".vsdx": "visio", ".pdf": "pdf"}  # import.embedded-KIND


def read(path: Path) -> Source:
    source = Source()
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml")
        if "docProps/core.xml" in names:
            match = re.search(rb"<dc:title>([^<]+)</dc:title>", archive.read("docProps/core.xml"))
            if match:
                source.title = unescape(match.group(1).decode("utf-8", "replace")).strip() or None
        comments = archive.read("word/comments.xml").count(b"<w:comment ") if "word/comments.xml" in names else 0
    insertions, deletions = body.count(b"<w:ins "), body.count(b"<w:del ")
    if insertions or deletions:
        source.notes.append(say("import.note-word-changes", insertions=insertions, deletions=deletions))
    if comments:
        source.notes.append(say("import.note-comments", count=comments))
    for name in names:
        if name.startswith("word/embeddings/"):
            kind = EMBEDDED.get(Path(name).suffix.lower(), "object")
            source.notes.append(say("import.note-embedded", kind=say(f"import.embedded-{kind}"), name=Path(name).name))
        elif name.startswith("word/charts/") and name.endswith(".xml") and "/_rels/" not in name:
            source.notes.append(say("import.note-chart", name=Path(name).name))
    if b"<w:altChunk" in body:
        source.notes.append(say("import.note-altchunk"))

    def store(image: mammoth.documents.Image) -> dict[str, str]:
        with image.open() as stream:
            data = stream.read()
        name = f"image-{len(source.images) + 1}{extension(image.content_type, data)}"
        source.images[name] = data
        return {"src": name, "alt": image.alt_text or ""}

    with path.open("rb") as stream:
        result = mammoth.convert_to_html(stream, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(store))
    source.html = result.value
    for message in result.messages:
        text = say("import.note-word-message", message=message.message)
        if message.type in ("warning", "error") and text not in source.notes:
            source.notes.append(text)
    return source
