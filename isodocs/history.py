"""Document history from git, read in one pass over the log (never one git call per document).

Each commit's change to a document is classified from its diff: an approval (the `version` or
`approved` line moved), a review stamp (only `last_reviewed` and other stamp fields moved), a
metadata edit, or a change of text or clause map (anything else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import git

RECORD = "\x1e"
UNIT = "\x1f"
APPROVAL_KEYS = re.compile(r"^(version|approved)\s*:")
VERSION = re.compile(r"""^version\s*:\s*["']?([^"'\s#]+)""")
# Front matter keys whose edits are not a change of the document's content.
METADATA_KEYS = re.compile(
    r"^(id|title|type|owner|approver|status|version|approved|last_reviewed|review_interval|classification"
    r"|description|tags|hide)\s*:")
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@")


@dataclass
class Revision:
    hash: str
    date: datetime
    author: str
    subject: str
    approval: bool = False      # version or approval date moved
    content: bool = False       # text or clause map changed
    path: str = ""              # the document's path in this commit
    version: str | None = None  # the document's version after this commit

    @property
    def short(self) -> str:
        return self.hash[:8]


@dataclass
class History:
    """Revisions per document path (current names, renames followed), oldest first."""

    revisions: dict[str, list[Revision]] = field(default_factory=dict)
    uncommitted: dict[str, Revision] = field(default_factory=dict)
    available: bool = True
    reason: str = ""
    shallow: bool = False

    def of(self, path: str) -> list[Revision]:
        return self.revisions.get(path, [])

    def changed_since_approval(self, path: str) -> Revision | None:
        """The first content change after the latest approval, including uncommitted edits."""
        revisions = list(self.of(path))
        if path in self.uncommitted:
            revisions.append(self.uncommitted[path])
        last_approval = max((i for i, r in enumerate(revisions) if r.approval), default=None)
        if last_approval is None:
            return None
        return next((r for r in revisions[last_approval + 1:] if r.content), None)


def read(root: Path, docs_dir: str) -> History:
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return History(available=False, reason="not a git repository")
    top = Path(repo.working_tree_dir).resolve()
    prefix = root.resolve().relative_to(top).as_posix()
    scope = f"{prefix}/{docs_dir}" if prefix != "." else docs_dir
    history = History(shallow=(Path(repo.git_dir) / "shallow").exists())
    try:
        repo.head.commit
    except ValueError:
        return history
    log = repo.git.log("--reverse", "-M", "-p", "--unified=0", "--no-color", "--no-ext-diff",
                       f"--format={RECORD}%H{UNIT}%at{UNIT}%an{UNIT}%s", "--", scope)
    strip = len(prefix) + 1 if prefix != "." else 0
    for chunk in log.split(RECORD)[1:]:
        header, _, patch = chunk.partition("\n")
        sha, stamp, author, subject = header.split(UNIT, 3)
        when = datetime.fromtimestamp(int(stamp), tz=timezone.utc)
        for old, new, removed, added in _files(patch):
            if new is None:
                history.revisions.pop(old[strip:], None)
                continue
            path = new[strip:]
            if old is not None and old != new:
                history.revisions[path] = history.revisions.pop(old[strip:], [])
            revisions = history.revisions.setdefault(path, [])
            revisions.append(_revision(sha, when, author, subject, path, removed, added, revisions))
    working = repo.git.diff("HEAD", "-M", "--unified=0", "--no-color", "--no-ext-diff", "--", scope)
    for old, new, removed, added in _files(working):
        if new is not None:
            path = new[strip:]
            history.uncommitted[path] = _revision("0" * 40, datetime.now(timezone.utc), "", "uncommitted", path,
                                                  removed, added, history.revisions.get(path, []))
    return history


def _revision(sha: str, when: datetime, author: str, subject: str, path: str, removed: list[str],
              added: list[str], earlier: list[Revision]) -> Revision:
    changed = removed + added
    versions = [m.group(1) for m in map(VERSION.match, added) if m]
    version = versions[-1] if versions else (earlier[-1].version if earlier else None)
    return Revision(sha, when, author, subject, any(APPROVAL_KEYS.match(line) for line in changed),
                    any(line.strip() not in ("", "---") and not METADATA_KEYS.match(line) for line in changed),
                    path, version)


def _files(patch: str) -> list[tuple[str | None, str | None, list[str], list[str]]]:
    """(old path, new path, removed lines, added lines) per file in a unified diff."""
    files: list[tuple[str | None, str | None, list[str], list[str]]] = []
    old = new = None
    removed: list[str] = []
    added: list[str] = []
    in_hunk = False

    def flush() -> None:
        if old is not None or new is not None:
            files.append((old, new, removed, added))

    for line in patch.split("\n"):
        if line.startswith("diff --git "):
            flush()
            old = new = None
            removed, added = [], []
            in_hunk = False
        elif not in_hunk and line.startswith("rename from "):
            old = line[len("rename from "):]
        elif not in_hunk and line.startswith("rename to "):
            new = line[len("rename to "):]
        elif not in_hunk and line.startswith("--- "):
            old = None if line == "--- /dev/null" else line[6:]
        elif not in_hunk and line.startswith("+++ "):
            new = None if line == "+++ /dev/null" else line[6:]
        elif HUNK.match(line):
            in_hunk = True
        elif in_hunk and line[:1] == "-":
            removed.append(line[1:])
        elif in_hunk and line[:1] == "+":
            added.append(line[1:])
    flush()
    return files
