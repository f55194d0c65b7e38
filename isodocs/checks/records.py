"""Rules about records: nonconformities past their due date."""

from __future__ import annotations

from typing import Iterator

from isodocs.checks.context import Context
from isodocs.findings import Finding


def check(context: Context) -> Iterator[Finding]:
    for document in context.repository.documents:
        record = document.nonconformity
        if record is None or record.closed is not None or document.retired or record.due is None:
            continue
        if record.due < context.today:
            grade = f"{record.grade} " if record.grade else ""
            yield Finding("nonconformity-overdue", document.path, record.due_line,
                          f"{grade}nonconformity {document.id} was due on {record.due} and is still open "
                          f"({(context.today - record.due).days} days late); close it with `closed:` or agree a "
                          "new due date", document.id)
