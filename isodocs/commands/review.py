"""`isodocs review DOC --by ROLE [--date D] [--today D]`: stamp a review that changed nothing, and who made it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from isodocs.editing import Change, edit
from isodocs.errors import UsageError
from isodocs.repository import Repository
from isodocs.translation import Translator, t


def known_role(repository: Repository, role: str) -> str:
    if role not in repository.config.roles:
        say = Translator(repository.config.language, "cli.")
        raise UsageError(say("unknown-role", role=role),
                         hint=say("roles", roles=", ".join(sorted(repository.config.roles)) or say("no-roles")),
                         language=say.language)
    return role


def not_future(when: date | None, today: date | None, what: str, language: str = "en") -> date:
    """The day of a review or approval (today when not given), refused when it lies after today."""
    today = today or date.today()
    when = when or today
    if when > today:
        say = Translator(language, "cli.")
        raise UsageError(say("future-date", date=when, today=today, what=say(f"what-{what}")),
                         hint=say("future-date-hint"), language=language)
    return when


def review(reference: str, by: str, when: date | None = None, path: str = ".", today: date | None = None) -> int:
    repository = Repository.load(Path(path))
    document = repository.find(reference)
    known_role(repository, by)
    language = repository.config.language
    when = not_future(when, today, "review", language)
    edit(repository.root / document.path,
         [Change("last_reviewed", when.isoformat(), after=("approved", "version", "status")),
          Change("reviewed_by", by, after=("last_reviewed", "approved", "version", "status"))])
    sys.stdout.write(t("cli.reviewed", language, id=document.id, by=by, date=when, path=document.path) + "\n")
    return 0
