"""HTML to PDF through WeasyPrint (over the system's Pango): in-process, CSS paged media with margin boxes,
`target-counter()` for the table of contents, named pages for the watermark, and no network: the fetcher serves
only the files a copy may embed and data URLs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from isodocs.errors import IsodocsError
from isodocs.pdf.copies import Printed
from isodocs.translation import say


class EngineError(IsodocsError):
    """The PDF engine cannot run here."""


class Engine:
    """One run's renderer: the fonts found once serve every copy (it halves the time of a short copy)."""

    def __init__(self) -> None:
        try:
            from weasyprint.text.fonts import FontConfiguration
        except (ImportError, OSError) as error:
            raise EngineError(say("pdf.engine-missing", reason=str(error).splitlines()[0]),
                              hint=say("pdf.engine-missing-hint")) from None
        self.fonts = FontConfiguration()

    def render(self, printed: Printed, target: Path, base: Path) -> bytes:
        """The PDF of one copy."""
        return _render(printed, target, base, self.fonts)


def _render(printed: Printed, target: Path, base: Path, fonts: Any) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class Published(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme == "data" or (parsed.scheme == "file" and unquote(parsed.path) in printed.allowed):
                return super().fetch(url, headers)
            refused.append(url)
            raise ValueError("not a published file of this copy")   # WeasyPrint leaves the resource out

    refused: list[str] = []
    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)   # what it would log is said below, without paths
    document = HTML(string=printed.html, base_url=str(base), url_fetcher=Published(allowed_protocols=("file", "data")))
    pdf = document.write_pdf(font_config=fonts)
    if pdf is None:
        raise EngineError(say("pdf.engine-wrote-nothing"), target)
    if refused:
        printed.notes.append(say("pdf.resources-left-out", count=len(refused), name=printed.name))
    return bytes(pdf)
