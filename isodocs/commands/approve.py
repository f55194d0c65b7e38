"""`isodocs approve DOC --by ROLE [--major]`: raise the version and record the approval."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Mapping

from isodocs.commands.review import known_role
from isodocs.editing import Change, edit
from isodocs.repository import Repository


def next_version(current: str | None, major: bool, first_approval: bool) -> str:
    parts = [int(p) for p in re.findall(r"\d+", current or "0")] or [0]
    if major or (first_approval and parts[0] == 0):
        return f"{parts[0] + 1}.0"
    return f"{parts[0]}.{(parts[1] if len(parts) > 1 else 0) + 1}"


def approve(reference: str, by: str, major: bool = False, when: date | None = None, path: str = ".") -> int:
    repository = Repository.load(Path(path))
    document = repository.find(reference)
    known_role(repository, by)
    when = when or date.today()
    version = ""

    def changes(header: Mapping[str, object]) -> list[Change]:
        nonlocal version
        current = header.get("version")
        version = next_version(str(current) if current is not None else None, major,
                               first_approval=header.get("status") != "approved")
        return [Change("status", "approved"),
                Change("version", version, after=("status",), quote=True),
                Change("approver", by, after=("owner", "status")),
                Change("approved", when.isoformat(), after=("version", "status")),
                Change("last_reviewed", when.isoformat(), after=("approved", "version", "status"))]

    edit(repository.root / document.path, changes)
    sys.stdout.write(f"{document.id}: version {version} approved by {by} on {when}\n")
    left = len(document.marks)
    if left:
        sys.stderr.write(f"warning: {document.path} still has {left} placeholder(s); `isodocs check` will fail on "
                         "them until they are replaced\n")
    return 0
