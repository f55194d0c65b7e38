"""`isodocs evidence add RECORD --control CAT:ID --what TEXT [--by WHO] [--date D] [--file PATH] [--link URL]`:
record evidence that controls or clauses operated, as a new entry under `evidence:` in a record."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from isodocs.errors import UsageError
from isodocs.files.drafts import parse_clauses
from isodocs.files.editing import append_item
from isodocs.model.dates import not_future
from isodocs.model.repository import Repository
from isodocs.translation import Translator, say as message, value


def add(record: str, controls: list[str], what: str, by: str | None, when: date | None, files: list[str],
        link: str | None, path: str = ".", today: date | None = None) -> int:
    repository = Repository.load(Path(path), cache=False)
    document = repository.find(record)
    if not what.strip():
        raise UsageError(message("cli.what-empty"), hint=message("cli.what-empty-hint"))
    say = Translator(repository.config.language, "cli.")
    day = not_future(when, today, "evidence", say.language)
    named = parse_clauses(repository, controls)
    root = os.path.realpath(repository.root)
    for name in files:
        target = os.path.realpath(os.path.join(root, name))
        if os.path.commonpath([root, target]) != root or not os.path.isfile(target):
            raise UsageError(message("cli.no-evidence-file", name=name), hint=message("cli.no-evidence-file-hint"))
    item = [("date", day.isoformat())]
    if by:
        item.append(("by", _text(by)))
    item += [("what", _text(what)),
             ("controls", "{" + ", ".join(f"{c}: [{', '.join(_text(i) for i in ids)}]" for c, ids in named.items())
              + "}")]
    if files:
        item.append(("files", "[" + ", ".join(_text(Path(name).as_posix()) for name in files) + "]"))
    if link:
        item.append(("link", _text(link)))
    _, line = append_item(repository.root / document.path, "evidence", item)
    shown = ", ".join(f"{c} {', '.join(ids)}" for c, ids in named.items())
    sys.stdout.write(say("evidence-recorded", where=f"{document.path}:{line}", shown=shown, date=day, id=document.id)
                     + "\n")
    if document.approved_status:
        sys.stdout.write(say("evidence-approved", id=document.id, role=document.approver or "ROLE") + "\n")
    else:
        sys.stdout.write(say("evidence-waits", id=document.id, status=value(document.status)) + "\n")
    return 0


def _text(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`: double-quoted, escaped as JSON escapes (YAML accepts it)."""
    return json.dumps(value, ensure_ascii=False)
