"""`isodocs review DOC --by ROLE [--date D]`: stamp a review that changed nothing."""

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


def review(reference: str, by: str, when: date | None = None, path: str = ".") -> int:
    repository = Repository.load(Path(path))
    document = repository.find(reference)
    known_role(repository, by)
    when = when or date.today()
    edit(repository.root / document.path,
         [Change("last_reviewed", when.isoformat(), after=("approved", "version", "status"))])
    sys.stdout.write(f"{document.id}: review by {by} on {when} recorded in {document.path}\n")
    return 0
