"""Rules about records: nonconformities past their due date."""

from __future__ import annotations

from collections.abc import Iterator

from isodocs.analysis import Analysis
from isodocs.analysis.nonconformities import closed
from isodocs.findings import Finding
from isodocs.messages import say

GRADES_RU = {"major": "значительное ", "minor": "незначительное ", "observation": ""}


def check(context: Analysis) -> Iterator[Finding]:
    for document in context.repository.documents:
        record = document.nonconformity
        if record is None or closed(document) or document.retired or record.due is None:
            continue
        if record.due < context.today:
            grade = f"{record.grade} " if record.grade else ""
            grade_ru = GRADES_RU.get(record.grade or "", "")
            key = "nonconformity-closed-draft" if record.closed is not None else "nonconformity-overdue"
            yield Finding("nonconformity-overdue", document.path, record.due_line,
                          say(key, grade=grade, grade_ru=grade_ru, id=document.id, due=record.due,
                              days=(context.today - record.due).days, status=document.status), document.id)
