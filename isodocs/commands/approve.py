"""`isodocs approve DOC --by ROLE [--major] [--change-approver]`: raise the version and record the approval.

Segregation of duties: only the document's approver role approves it (another role only with
--change-approver, which `isodocs diff` then shows for both to agree), and never its owner unless
isodocs.yml allows self-approval."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from isodocs.dates import not_future
from isodocs.editing import Change, edit
from isodocs.errors import UsageError
from isodocs.repository import Repository


def next_version(current: str | None, major: bool, first_approval: bool) -> str:
    parts = [int(p) for p in re.findall(r"\d+", current or "0")] or [0]
    if major or (first_approval and parts[0] == 0):
        return f"{parts[0] + 1}.0"
    return f"{parts[0]}.{(parts[1] if len(parts) > 1 else 0) + 1}"


def approve(reference: str, by: str, major: bool = False, when: date | None = None, path: str = ".",
            today: date | None = None, change_approver: bool = False) -> int:
    repository = Repository.load(Path(path))
    document = repository.find(reference)
    repository.config.known_role(by)
    config = repository.config
    if document.approver and by != document.approver and not change_approver:
        raise UsageError(f"{document.id} is approved by {config.role_label(document.approver)}, not {by}; nothing "
                         "was changed", document.path, document.line("approver"),
                         hint=f"ask {config.role_label(document.approver)} to approve it, or pass --change-approver to "
                              f"make {by} its approver (isodocs diff then shows the change for review)")
    if by == document.owner and not config.allow_self_approval:
        raise UsageError(f"{by} owns {document.id} and cannot approve it too (segregation of duties); nothing was "
                         "changed", document.path, document.line("owner"),
                         hint="have the approver role approve it, or allow self-approval with "
                              "`approvals: {allow_self_approval: true}` in isodocs.yml")
    when = not_future(when, today, "an approval")
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
                Change("last_reviewed", when.isoformat(), after=("approved", "version", "status")),
                Change("reviewed_by", by, after=("last_reviewed", "approved", "version", "status"))]

    edit(repository.root / document.path, changes)
    sys.stdout.write(f"{document.id}: version {version} approved by {by} on {when}\n")
    left = len(document.marks)
    if left:
        sys.stderr.write(f"warning: {document.path} still has {left} placeholder(s); `isodocs check` will fail on "
                         "them until they are replaced\n")
    return 0
