"""Web pages (.html, .htm): the page's own encoding honoured, scripts and forms dropped, images beside
the page (or inline as data) stored with the document."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from isodocs.importing import ImportFailure, Source
from isodocs.importing.images import take
from isodocs.translation import say

DROPPED = ("script", "style", "noscript", "iframe", "object", "embed", "form", "template", "svg", "canvas",
           "head", "nav", "button", "input", "select", "textarea", "link", "meta")


def read(path: Path) -> Source:
    data = path.read_bytes()
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailure(say("import.html-binary"), path, hint=say("import.html-binary-hint"))
    soup = BeautifulSoup(data, "html.parser")
    source = Source()
    if soup.title and soup.title.get_text(strip=True):
        source.title = soup.title.get_text(" ", strip=True)
    dropped = sorted({tag.name for tag in soup.find_all(DROPPED) if tag.name not in ("head", "meta", "link", "style")})
    for tag in soup.find_all(DROPPED):
        tag.decompose()
    if dropped:
        source.notes.append(say("import.note-html-dropped", tags=tuple(f"<{name}>" for name in dropped)))
    for image in soup.find_all("img"):
        name, problem = take(source, path.parent, str(image.get("src") or ""))
        if name:
            image["src"] = name
        else:
            source.notes.append(say("import.note-image", problem=problem))
            image.replace_with(f"[image: {image.get('alt') or 'not carried over'}]")
    body = soup.body or soup
    source.html = body.decode_contents()
    return source
