"""`isodocs audit checklist STANDARD --format markdown|xlsx`: a checklist per clause for an internal audit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from isodocs.analysis import analyse
from isodocs.errors import UsageError
from isodocs.model.repository import Repository
from isodocs.outputs import exports
from isodocs.translation import say


def checklist(standard: str, fmt: str, output: str | None, path: str = ".", today: date | None = None) -> int:
    if fmt == "xlsx" and output is None:
        raise UsageError(say("cli.xlsx-needs-output"))
    repository = Repository.load(Path(path))
    catalog = repository.catalogs.get(standard)
    if catalog is None:
        raise UsageError(say("cli.not-in-scope", catalog=standard),
                         hint=say("cli.in-scope", standards=tuple(repository.catalogs)))
    table = exports.checklist(analyse(repository, today or date.today()), catalog)
    exports.deliver(table, fmt, output, repository.config.language)
    return 0
