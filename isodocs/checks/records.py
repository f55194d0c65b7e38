"""Rules about records: nonconformities past their due date."""

from __future__ import annotations

from typing import Iterator

from isodocs.checks.context import Context
from isodocs.document import Document
from isodocs.findings import Finding
from isodocs.translation import say, value
from isodocs.rules import NONCONFORMITY_OVERDUE


GRADES = ("major", "minor", "observation")


def closed(document: Document) -> bool:
    """A nonconformity counts as closed once `closed:` is recorded in an approved record."""
    record = document.nonconformity
    return record is not None and record.closed is not None and document.approved_status


def check(context: Context) -> Iterator[Finding]:
    for document in context.repository.documents:
        record = document.nonconformity
        if record is None or closed(document) or document.retired or record.due is None:
            continue
        if record.due < context.today:
            grade = say(f"grade-{record.grade}") if record.grade in GRADES else ""
            key = "nonconformity-closed-draft" if record.closed is not None else "nonconformity-overdue"
            yield NONCONFORMITY_OVERDUE.finding(document.path, record.due_line,
                          say(key, grade=grade, id=document.id, due=record.due,
                              days=(context.today - record.due).days, status=value(document.status)), document.id)
