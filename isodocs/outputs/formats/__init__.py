"""Check report renderers, one module per format; each has `render(report) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from isodocs.checks import Report
from isodocs.outputs.formats import codequality, github, json_format, junit, markdown, sarif, text

RENDERERS: dict[str, Callable[..., str]] = {
    "text": text.render,
    "json": json_format.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "github": github.render,
    "markdown": markdown.render,
    "codequality": codequality.render,
}

__all__ = ["RENDERERS", "Report"]
