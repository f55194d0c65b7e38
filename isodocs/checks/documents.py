"""Rules about each document on its own: owners, reviews, approvals, ids, dates, placeholders."""

from __future__ import annotations

import re
from typing import Iterator

from isodocs.checks.context import Context
from isodocs.document import Document
from isodocs.findings import Finding

DEFAULT_PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|\[\[[^\]]+\]\]")
FENCE = re.compile(r"^\s*(```|~~~)")


def check(context: Context) -> Iterator[Finding]:
    roles = context.repository.config.roles
    placeholders = _placeholder_pattern(context.repository.config.placeholders)
    markers = ("TODO", "TBD", "FIXME", "XXX", "[[", *context.repository.config.placeholders)
    for document in context.repository.documents:
        yield from _dates(context, document)
        if document.retired:
            continue
        yield from _people(document, roles)
        if document.approved_status:
            yield from _approval(document)
            yield from _review(context, document)
            yield from _placeholders(document, placeholders, markers)
    yield from _duplicates(context)


def finding(rule: str, document: Document, key: str, message: str) -> Finding:
    return Finding(rule, document.path, document.line(key), message, document.id)


def _people(document: Document, roles: dict) -> Iterator[Finding]:
    if not document.owner:
        yield Finding("owner-missing", document.path, 2, f"{document.id} has no owner; add `owner:` with a role id",
                      document.id)
    for key in ("owner", "approver"):
        role = getattr(document, key)
        if role and role not in roles:
            known = ", ".join(sorted(roles)) or "none defined"
            yield finding("owner-unknown", document, key,
                          f"{key} '{role}' is not a role in isodocs.yml (roles: {known})")


def _approval(document: Document) -> Iterator[Finding]:
    missing = [key for key in ("approver", "approved", "version") if getattr(document, key) in (None, "")]
    if missing:
        yield finding("approval-missing", document, "status",
                      f"{document.id} is approved but has no {', '.join(missing)}; "
                      "record the approval with `isodocs approve`")


def _review(context: Context, document: Document) -> Iterator[Finding]:
    if document.last_reviewed is None:
        if "last_reviewed" not in document.lines:
            yield finding("review-missing", document, "status",
                          f"{document.id} is approved but has no `last_reviewed` date; an approval is a review "
                          "too, so stamp it: `isodocs review DOC --by ROLE`")
        return
    due = context.next_review(document)
    key = "last_reviewed"
    if due < context.today:
        yield finding("review-overdue", document, key,
                      f"{document.id} was due for review on {due} ({(context.today - due).days} days ago); "
                      f"review it and run `isodocs review {document.path} --by {document.owner or 'ROLE'}`")
    elif due <= context.repository.config.due_soon.after(context.today):
        yield finding("review-due-soon", document, key,
                      f"{document.id} is due for review on {due}, in {(due - context.today).days} days")


def _dates(context: Context, document: Document) -> Iterator[Finding]:
    for key in ("approved", "last_reviewed"):
        value = getattr(document, key)
        if value is not None and value > context.today:
            yield finding("schema-invalid", document, key,
                          f"'{key}' is {value}, a date in the future (today is {context.today})")


def _placeholder_pattern(extra: list[str]) -> re.Pattern[str]:
    if not extra:
        return DEFAULT_PLACEHOLDERS
    return re.compile(DEFAULT_PLACEHOLDERS.pattern + "|" + "|".join(re.escape(marker) for marker in extra))


def _placeholders(document: Document, pattern: re.Pattern[str], markers: tuple[str, ...]) -> Iterator[Finding]:
    body = document.body
    if not any(marker in body for marker in markers) or not pattern.search(body):
        return
    fenced = _fenced_ranges(body)
    for match in pattern.finditer(body):
        if any(start <= match.start() < end for start, end in fenced):
            continue
        shown = " ".join(match.group(0).split())
        yield Finding("placeholder-left", document.path, document.body_line + body.count("\n", 0, match.start()),
                      f"placeholder '{shown}' left in approved document {document.id}; "
                      "write the organization's own content", document.id)


def _fenced_ranges(body: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks, where placeholder-like text is an example, not a gap."""
    ranges, start, offset = [], None, 0
    for line in body.split("\n"):
        if FENCE.match(line):
            if start is None:
                start = offset
            else:
                ranges.append((start, offset + len(line)))
                start = None
        offset += len(line) + 1
    return ranges


def _duplicates(context: Context) -> Iterator[Finding]:
    for doc_id, documents in context.repository.by_id.items():
        if len(documents) > 1:
            first = documents[0]
            for other in documents[1:]:
                yield finding("id-duplicate", other, "id",
                              f"id {doc_id} is also used by {first.path}; give this document its own id")
