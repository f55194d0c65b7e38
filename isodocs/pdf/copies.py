"""The HTML of controlled copies: per document a title block, the body and the revision history, and the manual
(a cover, a table of contents with page numbers, every published document in the handbook's order).

Only what the publishing decision publishes goes in: links to hidden files are withheld as on the site, links to
other pages become links inside the manual (or plain text in a single copy), and an image is embedded only when it
is a publishable file of the docs folder; `allowed` lists those files for the engine, which fetches nothing else.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote

import markdown as python_markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from isodocs.analysis.publishing import EXTERNAL
from isodocs.model.document import Document
from isodocs.outputs.escape import html_attribute, html_text, linkable
from isodocs.site.navigation import manual_nav
from isodocs.site.pages import Handbook
from isodocs.site.panel import history
from isodocs.translation import say

STYLE = Path(__file__).resolve().parent / "print.css"
# the scaffold's markdown_extensions and what the site stage adds (md_in_html), plus fenced code and definitions
EXTENSIONS = ("admonition", "attr_list", "tables", "footnotes", "toc", "md_in_html", "fenced_code", "def_list")
WATERMARKED = ("draft", "in-review", "retired")
UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
RAW_HREF = re.compile(r"""(<a\b[^>]*?\s)href\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)""", re.IGNORECASE)


@dataclass
class Printed:
    """One PDF's HTML, and the files of the docs folder it may embed (absolute paths)."""
    name: str
    title: str
    html: str
    allowed: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)   # images left out, said on stderr


def file_name(document: Document, taken: set[str]) -> str:
    """The copy's file name from the document's id (characters a file system may refuse replaced), unique."""
    stem = UNSAFE_NAME.sub("_", document.id).strip("._-") or "document"
    name, number = f"{stem}.pdf", 2
    while name.lower() in taken:
        name, number = f"{stem}-{number}.pdf", number + 1
    taken.add(name.lower())
    return name


def manual_order(handbook: Handbook, documents: list[Document]) -> list[Document]:
    """The documents in the order of the handbook's navigation (manual, policies, procedures, ... )."""
    repository = handbook.repository
    by_page = {repository.docs_relative(d.path): d for d in documents}
    ordered: list[Document] = []

    def walk(nav: object) -> None:
        if isinstance(nav, str) and nav in by_page:
            ordered.append(by_page[nav])
        elif isinstance(nav, list):
            for item in nav:
                walk(item)
        elif isinstance(nav, dict):
            for value in nav.values():
                walk(value)

    walk(manual_nav(sorted(by_page), repository.config.language, handbook.folder))
    return ordered


def single(handbook: Handbook, document: Document, name: str, today: date) -> Printed:
    printed = Printed(name, document.title, "")
    section = _section(handbook, document, "doc-1", {document.path: "doc-1"}, printed)
    printed.html = _page(handbook, document.title, section, today, document)
    return printed


def manual(handbook: Handbook, documents: list[Document], today: date) -> Printed:
    t = handbook.text
    config = handbook.repository.config
    title = t["pdf_manual"]
    printed = Printed("manual.pdf", title, "")
    anchors = {d.path: f"doc-{number}" for number, d in enumerate(documents, 1)}
    entries = "\n".join(f'<li><a href="#{anchors[d.path]}">{html_text(d.id)} \u2002 {html_text(d.title)}</a></li>'
                        for d in documents)
    cover = (f'<section class="cover"><p class="organization-name">{html_text(config.organization)}</p>'
             f"<h1>{html_text(title)}</h1>"
             f"<p>{html_text(t['pdf_generated'].format(date=today.isoformat(), count=len(documents)))}</p>"
             f"<p>{html_text(t['pdf_uncontrolled'])}</p></section>\n"
             f'<nav class="toc"><h1>{html_text(t["pdf_contents"])}</h1><ol>\n{entries}\n</ol></nav>\n')
    sections = "\n".join(_section(handbook, d, anchors[d.path], anchors, printed) for d in documents)
    printed.html = _page(handbook, title, cover + sections, today, None)
    return printed


def labels_css(handbook: Handbook) -> str:
    """The words of the page frame (the second style sheet): footer, page numbers, watermarks per status."""
    t = handbook.text
    version = css_string(t["version"] + " ")
    sheet = [
        "@page {",
        f"  @top-left {{ content: string(docid) \"  \\2014  \" {version} string(docversion); }}",
        f"  @bottom-left {{ content: {css_string(t['pdf_uncontrolled'])}; }}",
        (f"  @bottom-right {{ content: {css_string(t['pdf_page'] + ' ')} counter(page) "
         f"{css_string(' ' + t['pdf_of'] + ' ')} counter(pages); }}"),
        "}",
    ]
    for status in WATERMARKED:
        sheet += [(f"@page mark-{status} {{ background: url({css_string(watermark(t['pdf_mark_' + status]))}) "
                   "no-repeat center / 100% auto; }"),
                  f".mark-{status} {{ page: mark-{status}; }}"]
    return "\n".join(sheet) + "\n"


def watermark(word: str) -> str:
    """A grey word across the page, as an SVG data URL (real text: a reader finds it)."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">'
           '<text x="105" y="160" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold" '
           f'font-size="{min(30, 300 // max(len(word), 1))}" fill="#000" fill-opacity="0.09" '
           f'transform="rotate(-50 105 150)">{html_text(word)}</text></svg>')
    return "data:image/svg+xml;charset=utf-8," + quote(svg)


def css_string(text: str) -> str:
    """A double-quoted CSS string: backslash, quote and line ends escaped (hex escapes end with a space)."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\\n\r\f' or ord(c) < 0x20 else c for c in text) + '"'


def _page(handbook: Handbook, title: str, body: str, today: date, document: Document | None) -> str:
    config = handbook.repository.config
    meta = [f'<meta name="author" content="{html_attribute(config.organization)}">',
            '<meta name="generator" content="isodocs">',
            f'<meta name="dcterms.created" content="{today.isoformat()}">']
    if document is not None:
        meta.append(f'<meta name="keywords" content="{html_attribute(document.id)}">')
    return (f'<!DOCTYPE html>\n<html lang="{html_attribute(config.language)}"><head><meta charset="utf-8">'
            f"<title>{html_text(title)}</title>{''.join(meta)}"
            f"<style>{STYLE.read_text(encoding='utf-8')}\n{labels_css(handbook)}</style></head>"
            f"<body>\n{body}\n</body></html>\n")


def _section(handbook: Handbook, document: Document, anchor: str, anchors: dict[str, str], printed: Printed) -> str:
    mark = f" mark-{document.status}" if document.status in WATERMARKED else ""
    return (f'<section class="document{mark}" data-status="{html_attribute(document.status)}">\n'
            f"{_title_block(handbook, document, anchor)}\n{_body(handbook, document, anchors, printed)}\n</section>")


def _title_block(handbook: Handbook, document: Document, anchor: str) -> str:
    t = handbook.text
    config = handbook.repository.config
    due = handbook.analysis.next_review(document)
    rows = [("id", document.id, "doc-id"), ("title", document.title, ""), ("version", document.version, "doc-version"),
            ("status", handbook.value(document.status), ""), ("owner", config.role_label(document.owner), ""),
            ("approver", config.role_label(document.approver), ""), ("approved", document.approved, ""),
            ("next_review", due, ""),
            ("classification", handbook.value(document.classification or config.default_classification), "")]
    cells = "\n".join(f'<tr><th>{html_text(t[key])}</th><td class="{kind}">{html_text(value or "")}</td></tr>'
                      for key, value, kind in rows)
    return (f'<header class="titleblock"><p class="organization">{html_text(config.organization)}</p>'
            f'<h1 id="{anchor}">{html_text(document.title)}</h1>\n'
            f'<table class="control"><tbody>\n{cells}\n</tbody></table></header>')


def _body(handbook: Handbook, document: Document, anchors: dict[str, str], printed: Printed) -> str:
    """The document's text (its first heading, which the title block shows, left out) and its revision history,
    rendered by Python-Markdown with the site's extensions."""
    text = handbook.publication.redact_links(document.path, document.body, handbook.text["withheld_link"])
    if text.startswith("# "):
        text = text.partition("\n")[2]
    converter = python_markdown.Markdown(extensions=[*EXTENSIONS, _Targets(handbook, document, anchors, printed)])
    return str(converter.convert(text + history(handbook, document)))


class _Targets(Extension):
    def __init__(self, handbook: Handbook, document: Document, anchors: dict[str, str], printed: Printed) -> None:
        super().__init__()
        self.rewrite = _Rewrite(handbook, document, anchors, printed)

    def extendMarkdown(self, md: python_markdown.Markdown) -> None:
        md.treeprocessors.register(_TargetsProcessor(md, self.rewrite), "isodocs-targets", 1)
        md.postprocessors.register(_RawLinks(md, self.rewrite), "isodocs-raw-links", 5)


class _RawLinks(Postprocessor):
    """Links written as raw HTML, which Python-Markdown passes through untouched (after its raw HTML is back):
    a link to another page of the copy leads there, any other page or file, and a script or data URL, is not a
    link, so that no target (the name of a hidden file) reaches the PDF's link annotations."""

    def __init__(self, md: python_markdown.Markdown, rewrite: _Rewrite) -> None:
        super().__init__(md)
        self.rewrite = rewrite

    def run(self, text: str) -> str:
        def one(match: re.Match[str]) -> str:
            target = unescape(match.group(2).strip("\"'"))
            if target.startswith("#") or (EXTERNAL.match(target) and linkable(target)):
                return match.group(0)
            anchor = None if EXTERNAL.match(target) else self.rewrite.anchors.get(self.rewrite.resolve(target))
            return match.group(1) + (f'href="#{anchor}"' if anchor else 'data-isodocs="not-in-this-copy"')

        return RAW_HREF.sub(one, text)


class _TargetsProcessor(Treeprocessor):
    def __init__(self, md: python_markdown.Markdown, rewrite: _Rewrite) -> None:
        super().__init__(md)
        self.rewrite = rewrite

    def run(self, root: etree.Element) -> None:
        for element in root.iter():   # headings and footnotes of every document of the manual: ids of its own
            if element.get("id"):
                element.set("id", f"{self.rewrite.prefix}-{element.get('id')}")
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "a":
                    self.rewrite.link(parent, index, element)
                elif element.tag == "img":
                    self.rewrite.image(parent, index, element)


@dataclass
class _Rewrite:
    handbook: Handbook
    document: Document
    anchors: dict[str, str]
    printed: Printed

    @property
    def prefix(self) -> str:
        return self.anchors[self.document.path]

    def resolve(self, target: str) -> str:
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if path.startswith("/"):
            return posixpath.normpath(self.handbook.repository.docs_prefix + path.lstrip("/"))
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.document.path), path))

    def link(self, parent: etree.Element, index: int, element: etree.Element) -> None:
        href = element.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            element.set("href", f"#{self.prefix}-{href[1:]}")
            return
        if not href or EXTERNAL.match(href):
            return
        anchor = self.anchors.get(self.resolve(href))
        if anchor is not None:
            element.set("href", f"#{anchor}")
        else:   # another page, or an attachment: not in this PDF, so its text alone
            _unwrap(parent, index, element)

    def image(self, parent: etree.Element, index: int, element: etree.Element) -> None:
        source = element.get("src") or ""
        path = self.resolve(source) if source and not EXTERNAL.match(source) else None
        repository = self.handbook.repository
        file = (repository.root / path).resolve() if path else None
        if path and file and file.is_file() and self.handbook.publication.publishable(path) \
                and file.is_relative_to(repository.docs_dir.resolve()):
            element.set("src", file.as_uri())
            self.printed.allowed.add(str(file))
            return
        self.printed.notes.append(say("pdf.image-left-out", path=self.document.path, source=source))
        alt = etree.Element("span", {"class": "image-left-out"})
        alt.text = f"[{element.get('alt') or source}]"
        alt.tail = element.tail
        parent[index] = alt


def _unwrap(parent: etree.Element, index: int, element: etree.Element) -> None:
    span = etree.Element("span")
    span.text, span.tail = element.text, element.tail
    span.extend(list(element))
    parent[index] = span
