"""Evidence of operation (opt-in): an applicable control whose Statement of Applicability decision sets
`frequency:` needs recent enough evidence, and every entry of evidence must be able to count."""

from __future__ import annotations

from collections.abc import Iterator

from isodocs.analysis import Analysis
from isodocs.analysis.evidence import file_exists, followed_and_stale, frequency_said, operation
from isodocs.checks.coverage import entry_labels
from isodocs.model.findings import Finding
from isodocs.model.rules import CLAUSE_UNKNOWN, EVIDENCE_STALE, LINK_BROKEN, SCHEMA_INVALID
from isodocs.translation import Message, say


def check(context: Analysis) -> Iterator[Finding]:
    yield from _entries(context)
    for catalog_id, decisions in context.decisions.items():
        catalog = context.repository.catalogs.get(catalog_id)
        if catalog is None:
            continue
        for control, (decision, source) in decisions.items():
            if not followed_and_stale(context, catalog_id, decision):
                continue
            found = operation(context, catalog_id, control, decision)
            assert found.frequency is not None
            said = frequency_said(found.frequency, decision.frequency)
            labels = entry_labels(catalog, control)
            line = decision.line
            if found.latest is None or found.due is None:
                waiting: str | Message = ""
                if found.waiting:
                    names = ", ".join(sorted({f"{r.record.id} ({r.record.status})" for r in found.waiting}))
                    waiting = say("evidence-waiting", count=len(found.waiting), names=names)
                yield EVIDENCE_STALE.finding(source.path, line,
                              say("evidence-none", **labels, frequency=said, waiting=waiting), source.id)
            else:
                latest = found.latest
                yield EVIDENCE_STALE.finding(source.path, line,
                              say("evidence-stale", **labels, frequency=said, date=str(latest.entry.date),
                                  what=latest.entry.what, record=latest.record.id, due=str(found.due),
                                  days=(context.today - found.due).days), source.id)


def _entries(context: Analysis) -> Iterator[Finding]:
    """Entries that cannot count: a file that is not there, a day in the future, an id no catalog in scope has."""
    catalogs = context.repository.catalogs
    for document in context.repository.documents:
        if document.retired:
            continue
        for entry in document.evidence:
            if entry.date is not None and entry.date > context.today:
                yield SCHEMA_INVALID.finding(document.path, entry.line,
                              say("evidence-future", value=str(entry.date), today=str(context.today)), document.id)
            for name in entry.files:
                if not file_exists(context, name):
                    yield LINK_BROKEN.finding(document.path, entry.line,
                                  say("evidence-file-missing", file=name), document.id)
            for catalog_id, ids in entry.controls.items():
                catalog = catalogs.get(catalog_id)
                if catalog is None:
                    yield CLAUSE_UNKNOWN.finding(document.path, entry.line,
                                  say("evidence-out-of-scope", catalog=catalog_id), document.id)
                    continue
                for entry_id in ids:
                    if catalog.get(entry_id) is None:
                        yield CLAUSE_UNKNOWN.finding(document.path, entry.line,
                                      say("evidence-unknown", clause=entry_id, name=catalog.name), document.id)
