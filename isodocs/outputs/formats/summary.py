"""The paragraph a person reads first: how many errors and warnings, readiness and what it lacks, the decisions the
template leaves open, and any filter that hid findings; in the repository's language."""

from __future__ import annotations

from collections.abc import Callable

from isodocs.checks import Report
from isodocs.translation.messages import phrase


def paragraph(report: Report, quote: Callable[[str], str] = str) -> str:
    language = report.language
    files = len({f.path for f in report.findings})
    parts = [phrase("summary-counts", language, errors=report.errors, warnings=report.warnings, files=files)]
    if report.readiness:
        ready = ", ".join(f"{quote(catalog)} {r.covered}/{r.required} ({r.percent:g}%)"
                          for catalog, r in report.readiness.items())
        items = sum(len(i) for i in report.open_items.values())
        parts.append(phrase("summary-readiness", language, readiness=ready, items=items))
    if report.decisions:
        parts.append(phrase("summary-decisions", language, count=report.open_decisions,
                            documents=len(report.decisions)))
    if report.shown:
        parts.append(phrase("summary-filtered", language, filters=report.shown))
    return " ".join(parts)


def decisions_line(report: Report, quote: Callable[[str], str] = str) -> str:
    """Every document with open decisions and how many, on one line."""
    listed = ", ".join(f"{quote(d.document)} ({d.count})" for d in report.decisions)
    return phrase("decisions-per-document", report.language, count=report.open_decisions, listed=listed)
