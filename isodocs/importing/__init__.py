"""Existing documents (Word, OpenDocument, HTML, Markdown) turned into isodocs documents.

Each reader returns a `Source`: HTML (or, for Markdown, the Markdown itself), the images it holds and
notes on what it could not carry over. `convert` makes clean Markdown of it, `control_table` reads the
document-control table and `suggest` proposes clauses; `isodocs.commands.import_` writes the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from isodocs.errors import IsodocsError


class ImportFailure(IsodocsError):
    """One file cannot be imported; the others go on."""


@dataclass
class Source:
    html: str | None = None          # Word, OpenDocument and HTML files arrive as HTML
    markdown: str | None = None      # Markdown files stay Markdown
    title: str | None = None         # from the file's properties, when it names one
    images: dict[str, bytes] = field(default_factory=dict)  # file name -> content, referred to by that name
    notes: list[str] = field(default_factory=list)           # content not carried over, for a person
