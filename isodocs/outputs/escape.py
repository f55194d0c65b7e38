"""Untrusted text (front matter, isodocs.yml, catalog titles, git) made inert for where it lands."""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import quote

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}!|])")  # marks Python-Markdown (with tables) and GFM unescape
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LINK_SCHEMES = ("http", "https", "mailto")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet program read a cell as a formula


def html_text(value: object) -> str:
    """For HTML text content (raw HTML blocks that Markdown leaves alone)."""
    return escape(str(value), quote=False)


def html_attribute(value: object) -> str:
    """For a double- or single-quoted HTML attribute value."""
    return escape(str(value), quote=True)


def markdown_text(value: object) -> str:
    """For inline Markdown: every mark that could start emphasis, a link, code, an attribute list or raw HTML is
    escaped, and line breaks become spaces, so the value renders as the text it is, on one line."""
    text = " ".join(str(value).replace("\r", "\n").split("\n"))
    return escape(MARKDOWN_SPECIALS.sub(r"\\\1", text), quote=False)


def markdown_cell(value: object) -> str:
    """For a cell of a Markdown table (a `|` is escaped with the rest); None is an empty cell."""
    return markdown_text(value) if value is not None else ""


def markdown_code(value: str) -> str:
    """A code span in a table cell: one line, no backtick to close it early, `|` escaped for the table."""
    return "`" + " ".join(value.replace("`", "'").split()).replace("|", "\\|") + "`"


def link_target(path: str) -> str:
    """A relative path written as a Markdown link target: spaces, brackets and quotes percent-encoded."""
    return quote(path, safe="/#.-_~%")


def linkable(target: str) -> bool:
    """Whether a link target may become a link: relative, or http, https or mailto (never javascript: or data:),
    judged as a browser reads it (entities decoded, blanks and control characters dropped)."""
    seen = re.sub(r"[\x00-\x20\x7f]", "", unescape(target))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", seen)
    return match is None or match.group(1).lower() in LINK_SCHEMES


def xml_text(value: object) -> str:
    """Text that XML 1.0 allows: characters it forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE,
    U+FFFF) become U+FFFD."""
    return XML_FORBIDDEN.sub("\ufffd", str(value))


def terminal_text(value: object) -> str:
    """Text safe to print on a terminal: control characters (ESC, BEL, CR, C1...) shown as escapes, not obeyed."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", str(value))


def spreadsheet_text(value: str) -> str:
    """A text cell of a CSV file that a spreadsheet program opens as text, never as a formula (OWASP's CSV
    injection advice: a leading apostrophe), and without characters XML forbids (for the xlsx form)."""
    text = xml_text(value)
    return "'" + text if text.startswith(FORMULA_START) else text
