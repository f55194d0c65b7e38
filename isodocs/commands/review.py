"""`isodocs review DOC --by ROLE [--date D] [--today D]`: stamp a review that changed nothing, and who made it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from isodocs.files.editing import Change, edit
from isodocs.model.dates import not_future
from isodocs.model.repository import Repository
from isodocs.translation import t


def review(reference: str, by: str, when: date | None = None, path: str = ".", today: date | None = None) -> int:
    repository = Repository.load(Path(path))
    document = repository.find(reference)
    repository.config.known_role(by)
    language = repository.config.language
    when = not_future(when, today, "review", language)
    edit(repository.root / document.path,
         [Change("last_reviewed", when.isoformat(), after=("approved", "version", "status")),
          Change("reviewed_by", by, after=("last_reviewed", "approved", "version", "status"))])
    sys.stdout.write(t("cli.reviewed", language, id=document.id, by=by, date=when, path=document.path) + "\n")
    return 0
