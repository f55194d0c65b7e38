"""`isodocs review DOC --by ROLE [--date D] [--today D]`: stamp a review that changed nothing, and who made it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from isodocs.editing import Change, edit
from isodocs.errors import UsageError
from isodocs.repository import Repository


def known_role(repository: Repository, role: str) -> str:
    if role not in repository.config.roles:
        raise UsageError(f"'{role}' is not a role in isodocs.yml",
                         hint=f"roles: {', '.join(sorted(repository.config.roles)) or 'none defined'}")
    return role


def not_future(when: date | None, today: date | None, what: str) -> date:
    """The day of a review or approval (today when not given), refused when it lies after today."""
    today = today or date.today()
    when = when or today
    if when > today:
        raise UsageError(f"--date {when} is in the future (today is {today}); {what} cannot be recorded ahead",
                         hint="give the day it happened (pass --today DATE to set what today is)")
    return when


def review(reference: str, by: str, when: date | None = None, path: str = ".", today: date | None = None) -> int:
    repository = Repository.load(Path(path))
    document = repository.find(reference)
    known_role(repository, by)
    when = not_future(when, today, "a review")
    edit(repository.root / document.path,
         [Change("last_reviewed", when.isoformat(), after=("approved", "version", "status")),
          Change("reviewed_by", by, after=("last_reviewed", "approved", "version", "status"))])
    sys.stdout.write(f"{document.id}: review by {by} on {when} recorded in {document.path}\n")
    return 0
