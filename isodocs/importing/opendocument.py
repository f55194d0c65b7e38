"""OpenDocument text (.odt) through odfpy: its element tree walked into the same plain HTML that Word
files become (headings, lists, tables, emphasis, links, footnotes, images)."""

from __future__ import annotations

import contextlib
import io
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from xml.parsers import expat

from odf.opendocument import load

from isodocs.importing import ImportFailure, Source
from isodocs.importing.images import extension, keep
from isodocs.translation import say

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
XLINK = "http://www.w3.org/1999/xlink"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
SKIPPED = {(TEXT, "tracked-changes"), (TEXT, "sequence-decls"), (TEXT, "soft-page-break"),
           (TEXT, "bookmark"), (TEXT, "bookmark-start"), (TEXT, "bookmark-end"), (TEXT, "change-start"),
           (TEXT, "change-end"), (TEXT, "change"), (OFFICE, "forms"), (TEXT, "variable-decls"),
           (TEXT, "user-field-decls"), (TABLE, "table-columns"), (TABLE, "table-column")}


@dataclass
class Look:
    parent: str | None
    bold: bool | None
    italic: bool | None
    display: str


class Walker:
    def __init__(self, document: Any, source: Source) -> None:
        self.document = document
        self.source = source
        self.looks: dict[str, Look] = {}
        self.lists: dict[str, dict[int, str]] = {}
        self.footnotes: list[str] = []
        self._list_style: str | None = None  # the enclosing list's style
        for container in (document.styles, document.automaticstyles):
            for node in container.childNodes:
                self._style(node)

    def _style(self, node: Any) -> None:
        name = node.attributes.get((STYLE, "name"))
        if node.qname == (STYLE, "style") and name:
            bold = italic = None
            for child in node.childNodes:
                if child.qname == (STYLE, "text-properties"):
                    weight = child.attributes.get((FO, "font-weight"))
                    slant = child.attributes.get((FO, "font-style"))
                    bold = None if weight is None else weight in ("bold", "600", "700", "800", "900")
                    italic = None if slant is None else slant in ("italic", "oblique")
            self.looks[name] = Look(node.attributes.get((STYLE, "parent-style-name")), bold, italic,
                                    node.attributes.get((STYLE, "display-name"), name))
        elif node.qname == (TEXT, "list-style") and name:
            levels = {}
            for child in node.childNodes:
                level = int(child.attributes.get((TEXT, "level"), "1"))
                levels[level] = "ol" if child.qname == (TEXT, "list-level-style-number") else "ul"
            self.lists[name] = levels

    def _look(self, name: str | None, attribute: str) -> bool:
        seen = set()
        while name and name not in seen:
            seen.add(name)
            look = self.looks.get(name)
            if look is None:
                return False
            value = getattr(look, attribute)
            if value is not None:
                return bool(value)
            name = look.parent
        return False

    def _named(self, name: str | None) -> str:
        """The style's display name and its parents', lower case, for Title and Heading styles."""
        names, seen = [], set()
        while name and name not in seen:
            seen.add(name)
            look = self.looks.get(name)
            names.append((look.display if look else name).lower())
            name = look.parent if look else None
        return " ".join(names)

    def blocks(self, node: Any, depth: int = 1) -> str:
        return "".join(self.block(child, depth) for child in node.childNodes)

    def block(self, node: Any, depth: int) -> str:
        if node.nodeType == node.TEXT_NODE:
            return escape(node.data)
        qname = node.qname
        if qname in SKIPPED:
            return ""
        if qname == (TEXT, "h"):
            level = min(int(node.attributes.get((TEXT, "outline-level"), "1") or 1), 6)
            return f"<h{level}>{self.inline(node)}</h{level}>"
        if qname == (TEXT, "p"):
            style = self._named(node.attributes.get((TEXT, "style-name")))
            inner = self.inline(node)
            if "title" in style.split() and "sub" not in style:
                return f"<h1>{inner}</h1>"
            return f"<p>{inner}</p>" if inner.strip() else ""
        if qname == (TEXT, "list"):
            return self._list(node, depth)
        if qname == (TABLE, "table"):
            return self._table(node)
        if qname in ((TEXT, "section"), (TABLE, "table-header-rows"), (TABLE, "table-rows")):
            return self.blocks(node, depth)
        if qname in ((TEXT, "table-of-content"), (TEXT, "alphabetical-index"), (TEXT, "illustration-index")):
            self._note(say("import.note-index"))
            return ""
        if qname == (OFFICE, "annotation"):
            self._note(say("import.note-odf-comments"))
            return ""
        return self.blocks(node, depth)

    def _list(self, node: Any, depth: int) -> str:
        style = node.attributes.get((TEXT, "style-name")) or self._list_style  # nested lists inherit it
        tag = self.lists.get(style or "", {}).get(depth, "ul")
        previous, self._list_style = self._list_style, style
        items = []
        for child in node.childNodes:
            if child.nodeType != child.TEXT_NODE and child.qname in ((TEXT, "list-item"), (TEXT, "list-header")):
                items.append(f"<li>{self.blocks(child, depth + 1)}</li>")
        self._list_style = previous
        return f"<{tag}>{''.join(items)}</{tag}>"

    def _table(self, node: Any) -> str:
        rows = []
        for row in _descendants(node, (TABLE, "table-row"), stop=(TABLE, "table")):
            cells = []
            for cell in row.childNodes:
                if cell.nodeType == cell.TEXT_NODE or cell.qname != (TABLE, "table-cell"):
                    continue
                repeat = min(int(cell.attributes.get((TABLE, "number-columns-repeated"), "1") or 1), 50)
                content = self.blocks(cell)
                cells += [f"<td>{content}</td>"] * (repeat if content.strip() else min(repeat, 1))
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return f"<table>{''.join(rows)}</table>"

    def inline(self, node: Any) -> str:
        out = []
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                out.append(escape(child.data))
                continue
            qname = child.qname
            if qname == (TEXT, "span"):
                inner = self.inline(child)
                style = child.attributes.get((TEXT, "style-name"))
                if inner.strip() and self._look(style, "italic"):
                    inner = f"<em>{inner}</em>"
                if inner.strip() and self._look(style, "bold"):
                    inner = f"<strong>{inner}</strong>"
                out.append(inner)
            elif qname == (TEXT, "s"):
                out.append(" " * min(int(child.attributes.get((TEXT, "c"), "1") or 1), 8))
            elif qname == (TEXT, "tab"):
                out.append(" ")
            elif qname == (TEXT, "line-break"):
                out.append("<br>")
            elif qname == (TEXT, "a"):
                href = child.attributes.get((XLINK, "href"), "")
                out.append(f'<a href="{escape(href)}">{self.inline(child)}</a>')
            elif qname == (TEXT, "note"):
                body = next((c for c in child.childNodes if c.nodeType != c.TEXT_NODE
                             and c.qname == (TEXT, "note-body")), None)
                self.footnotes.append(self.blocks(body) if body is not None else "")
                number = len(self.footnotes)
                out.append(f'<sup><a href="#footnote-{number}" id="footnote-ref-{number}">[{number}]</a></sup>')
            elif qname == (DRAW, "frame"):
                out.append(self._frame(child))
            elif qname == (OFFICE, "annotation"):
                self._note(say("import.note-odf-comments"))
            elif qname in SKIPPED:
                continue
            else:
                out.append(self.inline(child))
        return "".join(out)

    def _frame(self, frame: Any) -> str:
        for child in frame.childNodes:
            if child.nodeType == child.TEXT_NODE:
                continue
            if child.qname == (DRAW, "image"):
                href = child.attributes.get((XLINK, "href"), "")
                stored = self.document.Pictures.get(href)
                if stored is None:
                    self._note(say("import.note-linked-image", href=href))
                    return ""
                data = stored[1]
                name = keep(self.source, data, extension(stored[2] or None, data))
                title = next((c for c in frame.childNodes if c.nodeType != c.TEXT_NODE
                              and c.qname in ((DRAW, "title"), (DRAW, "desc"))), None)
                alt = escape(str(title)) if title is not None else ""
                return f'<img src="{escape(name)}" alt="{alt}">'
            if child.qname == (DRAW, "object") or child.qname == (DRAW, "object-ole"):
                self._note(say("import.note-odf-object", name=child.attributes.get((XLINK, "href"), "")))
                return ""
            if child.qname == (DRAW, "text-box"):
                return self.blocks(child)
        return ""

    def _note(self, note: str) -> None:
        if note not in self.source.notes:
            self.source.notes.append(note)


def _descendants(node: Any, qname: tuple[str, str], stop: tuple[str, str]) -> list[Any]:
    found = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            continue
        if child.qname == qname:
            found.append(child)
        elif child.qname != stop:
            found += _descendants(child, qname, stop)
    return found


PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")  # the parts odfpy reads


def read(path: Path) -> Source:
    _parts_parse(path)
    with contextlib.redirect_stdout(io.StringIO()):  # odfpy prints a part it fails on; none is left by now
        document = load(str(path))
    source = Source()
    walker = Walker(document, source)
    body = document.text
    if any(c.nodeType != c.TEXT_NODE and c.qname == (TEXT, "tracked-changes") for c in body.childNodes):
        regions = len(_descendants(body, (TEXT, "changed-region"), stop=("", "")))
        source.notes.append(say("import.note-odf-changes", count=regions))
    html = walker.blocks(body)
    if walker.footnotes:
        html += "<ol>" + "".join(f'<li id="footnote-{n}">{text}</li>'
                                 for n, text in enumerate(walker.footnotes, 1)) + "</ol>"
    source.html = html
    for node in document.meta.childNodes:
        if node.nodeType != node.TEXT_NODE and node.qname[1] == "title" and str(node).strip():
            source.title = str(node).strip()
    return source


def _parts_parse(path: Path) -> None:
    """odfpy skips an XML part that does not parse, silently: a damaged file would import half empty."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for part in PARTS:
            if part in names:
                try:
                    expat.ParserCreate().Parse(archive.read(part), True)
                except expat.ExpatError as error:
                    raise ImportFailure(say("import.broken-part", part=part, error=str(error)), path,
                                        hint=say("import.save-again-hint")) from None
