"""Rules about records: nonconformities past their due date."""

from __future__ import annotations

from typing import Iterator

from isodocs.checks.context import Context
from isodocs.findings import Finding
from isodocs.messages import say


GRADES_RU = {"major": "значительное ", "minor": "незначительное ", "observation": ""}


def check(context: Context) -> Iterator[Finding]:
    for document in context.repository.documents:
        record = document.nonconformity
        if record is None or record.closed is not None or document.retired or record.due is None:
            continue
        if record.due < context.today:
            grade = f"{record.grade} " if record.grade else ""
            grade_ru = GRADES_RU.get(record.grade or "", "")
            yield Finding("nonconformity-overdue", document.path, record.due_line,
                          say("nonconformity-overdue", grade=grade, grade_ru=grade_ru, id=document.id, due=record.due,
                              days=(context.today - record.due).days), document.id)
