"""`isodocs export soa|register|risks|nonconformities --format csv|xlsx --output FILE`: spreadsheets for auditors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from isodocs.analysis import analyse
from isodocs.errors import UsageError
from isodocs.model.repository import Repository
from isodocs.outputs import exports
from isodocs.translation import say

TABLES = {"soa": exports.soa, "register": exports.register, "risks": exports.risks,
          "nonconformities": exports.nonconformities}


def export(what: str, fmt: str, output: str | None, path: str = ".", today: date | None = None) -> int:
    if fmt == "xlsx" and output is None:
        raise UsageError(say("cli.xlsx-needs-output"))
    repository = Repository.load(Path(path))
    table = TABLES[what](analyse(repository, today or date.today()))
    exports.deliver(table, fmt, output, repository.config.language)
    return 0
