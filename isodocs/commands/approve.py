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

from isodocs.errors import UsageError
from isodocs.files.editing import Change, edit
from isodocs.model.dates import not_future
from isodocs.model.repository import Repository
from isodocs.translation import Translator


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
    say = Translator(config.language, "cli.")
    if document.approver and by != document.approver and not change_approver:
        raise UsageError(say("approver-other", id=document.id, approver=config.role_label(document.approver), by=by),
                         document.path, document.line("approver"),
                         hint=say("approver-other-hint", person=config.role_label(document.approver), by=by),
                         language=say.language)
    if by == document.owner and not config.allow_self_approval:
        raise UsageError(say("self-approval", by=by, id=document.id), document.path, document.line("owner"),
                         hint=say("self-approval-hint"), language=say.language)
    when = not_future(when, today, "approval", say.language)
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
    sys.stdout.write(say("approved", id=document.id, version=version, by=by, date=when) + "\n")
    left = len(document.marks)
    if left:
        sys.stderr.write(f"{say('warning')}: {say('placeholders-left', path=document.path, count=left)}\n")
    return 0
