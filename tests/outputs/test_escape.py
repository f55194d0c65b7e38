"""Escaping by context, as properties: whatever the text, each helper's output, read by the real consumer
(Python-Markdown with the handbook's extensions, an XML parser, a browser's reading of a link), gives the text
back as text and nothing else."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

import markdown
from hypothesis import example, given, settings, strategies as st

from isodocs.outputs.escape import html_attribute, linkable, markdown_cell, markdown_text, terminal_text, xml_text

EXTENSIONS = ["tables", "md_in_html", "attr_list", "admonition"]
PRINTABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\r\n"), max_size=60)


def rendered(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


@settings(max_examples=300, deadline=None)
@given(PRINTABLE)
@example("<script>alert(1)</script>")
@example("[x](javascript:alert(1)) {: onclick=alert(2)} *a* _b_ `c` ![i](x.png) \\* &amp; &lt;")
@example("a | b")
def test_markdown_text_in_a_table_cell_renders_as_exactly_its_text(value: str):
    html = rendered(f"| h |\n|---|\n| {markdown_cell(value)} |\n")
    cells = re.findall(r"<td>(.*?)</td>", html, re.S)
    assert len(cells) == 1                               # a | never opens a second cell
    assert "<" not in cells[0]                           # no element: no link, emphasis, code or raw HTML
    assert unescape(cells[0]).strip() == value.replace("\r", " ").replace("\n", " ").strip()


@settings(max_examples=200, deadline=None)
@given(PRINTABLE)
def test_markdown_text_in_a_line_makes_no_element(value: str):
    html = rendered(f"Owner: {markdown_text(value)}")
    assert re.fullmatch(r"<p>[^<]*</p>", html), html


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_an_attribute_value_never_ends_early(value: str):
    from html.parser import HTMLParser

    seen: list[list[tuple[str, str | None]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            seen.append(attrs)

    Parser().feed(f'<div data-document="{html_attribute(value)}">')
    assert seen == [[("data-document", value)]]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_xml_text_always_parses_and_keeps_what_xml_allows(value: str):
    root = ET.fromstring(f"<a>{html_attribute(xml_text(value))}</a>")
    kept = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "\ufffd", value)
    assert (root.text or "") == kept.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_terminal_text_has_no_control_character(value: str):
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", terminal_text(value))


@given(st.sampled_from(["javascript", "JavaScript", "vbscript", "data", "file"]),
       st.sampled_from(["", "\t", "\n", " ", "&#9;"]), st.text(max_size=10))
def test_only_relative_http_https_and_mailto_targets_are_linkable(scheme: str, blank: str, rest: str):
    assert not linkable(f"{blank}{scheme[:2]}{blank}{scheme[2:]}:{rest}")
    assert not linkable(f"{scheme[:4]}&#{ord(scheme[4]) if len(scheme) > 4 else 58};{scheme[5:]}:x")
    for fine in ("../policies/a.md", "a.md#x", "#top", "https://example.com/a", "http://a", "mailto:x@y.z"):
        assert linkable(fine)
