"""`isodocs history DOC`: a document's revisions from git, with the version it had at each."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from isodocs.errors import IsodocsError
from isodocs.model.repository import Repository
from isodocs.outputs.escape import terminal_text
from isodocs.translation import Translator, say as message


def show(reference: str, path: str = ".", fmt: str = "text") -> int:
    repository = Repository.load(Path(path))
    document = repository.find(reference)
    revisions = repository.history
    if not revisions.available:
        raise IsodocsError(message("git.not-a-repository", root=repository.root),
                           hint=message("git.not-a-repository-hint"))
    rows = revisions.classified(document.path)
    approving = {r.hash for r in revisions.approving(document.path)}
    revisions.remember()
    if fmt == "json":
        json.dump([{"commit": r.hash, "date": r.date.isoformat(), "author": r.author, "subject": r.subject,
                    "version": r.version, "approval": r.approval, "content": r.content, "path": r.path,
                    "merge": r.merge, "deleted": r.deleted,
                    "approved_by": r.approver if r.hash in approving else None}
                   for r in rows], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    say = terminal_text
    words = Translator(repository.config.language, "cli.history-")
    sys.stdout.write(say(f"{document.id} {document.title} ({document.path})") + "\n")
    for position, revision in reversed(list(enumerate(rows))):
        kind = words("deleted" if revision.deleted else "created" if position == 0 or revision.birth else
                     "approval" if revision.approval else "change" if revision.content else "metadata")
        if revision.merge:
            kind = words("merge", kind=kind)
        by = words("approved-by", role=say(revision.approver or "?")) if revision.hash in approving else ""
        sys.stdout.write(f"{revision.date:%Y-%m-%d}  {revision.short}  v{revision.version or '-':<6} {kind:<9} "
                         f"{say(revision.author)}: {say(revision.subject)}{by}\n")
    if revisions.shallow:
        sys.stdout.write(words("shallow") + "\n")
    return 0
