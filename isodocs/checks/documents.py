"""Rules about each document on its own: owners, reviews, approvals, ids, dates, placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from isodocs import markdown
from isodocs.analysis import Analysis
from isodocs.document import Document
from isodocs.findings import Finding
from isodocs.messages import say


def check(context: Analysis) -> Iterator[Finding]:
    roles = context.repository.config.roles
    extra = context.repository.config.placeholders
    for document in context.repository.documents:
        yield from _dates(context, document)
        if document.retired:
            continue
        yield from _people(document, roles)
        if document.approved_status:
            yield from _approval(document)
            yield from _review(context, document)
            yield from _placeholders(document, extra)
    yield from _duplicates(context)


def finding(rule: str, document: Document, key: str, message: str) -> Finding:
    return Finding(rule, document.path, document.line(key), message, document.id)


def _people(document: Document, roles: Mapping[str, object]) -> Iterator[Finding]:
    if not document.owner:
        yield Finding("owner-missing", document.path, 2, say("owner-missing", id=document.id), document.id)
    for key in ("owner", "approver", "reviewed_by"):
        role = getattr(document, key)
        if role and role not in roles:
            known = ", ".join(sorted(roles)) or "none defined"
            yield finding("owner-unknown", document, key, say("owner-unknown", key=key, role=role, known=known))


def _approval(document: Document) -> Iterator[Finding]:
    missing = [key for key in ("approver", "approved", "version") if getattr(document, key) in (None, "")]
    if missing:
        yield finding("approval-missing", document, "status",
                      say("approval-missing", id=document.id, missing=", ".join(missing)))


def _review(context: Analysis, document: Document) -> Iterator[Finding]:
    if document.last_reviewed is None:
        if "last_reviewed" not in document.lines:
            yield finding("review-missing", document, "status", say("review-missing", id=document.id))
        return
    due = context.review_due(document, document.last_reviewed)
    key = "last_reviewed"
    if due < context.today:
        yield finding("review-overdue", document, key,
                      say("review-overdue", id=document.id, due=due, days=(context.today - due).days,
                          path=document.path, owner=document.owner or "ROLE"))
    elif due <= context.repository.config.due_soon.after(context.today):
        yield finding("review-due-soon", document, key,
                      say("review-due-soon", id=document.id, due=due, days=(due - context.today).days))


def _dates(context: Analysis, document: Document) -> Iterator[Finding]:
    for key in ("approved", "last_reviewed"):
        value = getattr(document, key)
        if value is not None and value > context.today:
            yield finding("schema-invalid", document, key,
                          say("future-date", key=key, value=value, today=context.today))


def _placeholders(document: Document, extra: list[str]) -> Iterator[Finding]:
    """The placeholders found when the document was read, plus any extra markers from isodocs.yml."""
    marks = document.marks
    if extra:
        pattern = re.compile(markdown.PLACEHOLDERS.pattern + "|" + "|".join(re.escape(m) for m in extra))
        marks = markdown.placeholders(document.body, pattern, markdown.MARKERS + tuple(extra))
    for offset, shown in marks:
        yield Finding("placeholder-left", document.path, document.body_line + offset,
                      say("placeholder-left", shown=shown, id=document.id), document.id)


def _duplicates(context: Analysis) -> Iterator[Finding]:
    for doc_id, documents in context.repository.by_id.items():
        if len(documents) > 1:
            first = documents[0]
            for other in documents[1:]:
                yield finding("id-duplicate", other, "id", say("id-duplicate", id=doc_id, other=first.path))
