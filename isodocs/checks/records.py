"""Rules about records: nonconformities past their due date."""

from __future__ import annotations

from collections.abc import Iterator

from isodocs.analysis import Analysis
from isodocs.analysis.nonconformities import closed
from isodocs.model.findings import Finding
from isodocs.model.rules import NONCONFORMITY_OVERDUE
from isodocs.translation import say, value

GRADES = ("major", "minor", "observation")


def check(context: Analysis) -> Iterator[Finding]:
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
