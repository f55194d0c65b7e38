"""`isodocs export soa|register|risks|nonconformities --format csv|xlsx --output FILE`: spreadsheets for auditors."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from isodocs import exports
from isodocs.checks.context import Context
from isodocs.errors import UsageError
from isodocs.repository import Repository

TABLES = {"soa": exports.soa, "register": exports.register, "risks": exports.risks,
          "nonconformities": exports.nonconformities}


def export(what: str, fmt: str, output: str | None, path: str = ".", today: date | None = None) -> int:
    if fmt == "xlsx" and output is None:
        raise UsageError("an xlsx export needs --output FILE")
    repository = Repository.load(Path(path))
    table = TABLES[what](Context(repository, today or date.today()))
    data = exports.write(table, fmt, Path(output) if output else None)
    if output is None:
        sys.stdout.write(data.decode("utf-8-sig"))
    else:
        sys.stdout.write(f"{table.title}: {len(table.rows)} rows written to {output}\n")
    return 0
