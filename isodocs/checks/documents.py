"""Rules about each document on its own: owners, reviews, approvals, ids, dates, placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from isodocs.analysis import Analysis
from isodocs.files import markdown
from isodocs.model.document import Document
from isodocs.model.findings import Finding
from isodocs.model.rules import (
    APPROVAL_MISSING,
    ID_DUPLICATE,
    OWNER_MISSING,
    OWNER_UNKNOWN,
    PLACEHOLDER_LEFT,
    REVIEW_DUE_SOON,
    REVIEW_MISSING,
    REVIEW_OVERDUE,
    SCHEMA_INVALID,
    Rule,
)
from isodocs.translation.messages import say


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


def finding(rule: Rule, document: Document, key: str, message: str) -> Finding:
    return rule.finding(document.path, document.line(key), message, document.id)


def _people(document: Document, roles: Mapping[str, object]) -> Iterator[Finding]:
    if not document.owner:
        yield OWNER_MISSING.finding(document.path, 2, say("owner-missing", id=document.id), document.id)
    for key in ("owner", "approver", "reviewed_by"):
        role = getattr(document, key)
        if role and role not in roles:
            known = ", ".join(sorted(roles)) or "none defined"
            yield finding(OWNER_UNKNOWN, document, key, say("owner-unknown", key=key, role=role, known=known))


def _approval(document: Document) -> Iterator[Finding]:
    missing = [key for key in ("approver", "approved", "version") if getattr(document, key) in (None, "")]
    if missing:
        yield finding(APPROVAL_MISSING, document, "status",
                      say("approval-missing", id=document.id, missing=", ".join(missing)))


def _review(context: Analysis, document: Document) -> Iterator[Finding]:
    if document.last_reviewed is None:
        if "last_reviewed" not in document.lines:
            yield finding(REVIEW_MISSING, document, "status", say("review-missing", id=document.id))
        return
    due = context.review_due(document, document.last_reviewed)
    key = "last_reviewed"
    if due < context.today:
        yield finding(REVIEW_OVERDUE, document, key,
                      say("review-overdue", id=document.id, due=due, days=(context.today - due).days,
                          path=document.path, owner=document.owner or "ROLE"))
    elif due <= context.repository.config.due_soon.after(context.today):
        yield finding(REVIEW_DUE_SOON, document, key,
                      say("review-due-soon", id=document.id, due=due, days=(due - context.today).days))


def _dates(context: Analysis, document: Document) -> Iterator[Finding]:
    for key in ("approved", "last_reviewed"):
        value = getattr(document, key)
        if value is not None and value > context.today:
            yield finding(SCHEMA_INVALID, document, key,
                          say("future-date", key=key, value=value, today=context.today))


def _placeholders(document: Document, extra: list[str]) -> Iterator[Finding]:
    """The placeholders found when the document was read, plus any extra markers from isodocs.yml."""
    marks = document.marks
    if extra:
        pattern = re.compile(markdown.PLACEHOLDERS.pattern + "|" + "|".join(re.escape(m) for m in extra))
        marks = markdown.placeholders(document.body, pattern, markdown.MARKERS + tuple(extra))
    for offset, shown in marks:
        yield PLACEHOLDER_LEFT.finding(document.path, document.body_line + offset,
                      say("placeholder-left", shown=shown, id=document.id), document.id)


def _duplicates(context: Analysis) -> Iterator[Finding]:
    for doc_id, documents in context.repository.by_id.items():
        if len(documents) > 1:
            first = documents[0]
            for other in documents[1:]:
                yield finding(ID_DUPLICATE, other, "id", say("id-duplicate", id=doc_id, other=first.path))
