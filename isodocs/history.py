"""Document history from git, read in one pass over the log (never one git call per document).

Each commit's change to a document is classified from its diff: an approval (the `version` or
`approved` line moved), a review stamp (only `last_reviewed` and other stamp fields moved), a
metadata edit, or a change of text or clause map (anything else).
"""

from __future__ import annotations

import hashlib
import marshal
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING

from isodocs.atomic import write_bytes

if TYPE_CHECKING:
    import git

RECORD = "\x1e"
UNIT = "\x1f"
# Read from the hunks of a diff: changed lines start with + or -.
APPROVAL_CHANGED = re.compile(r"^[+-](?:version|approved)\s*:", re.M)
VERSION_ADDED = re.compile(r"""^\+version\s*:\s*["']?([^"'\s#]+)""", re.M)
# A changed line that is neither blank, nor a front matter fence, nor one of these metadata keys
# (whose edits are not a change of the document's content).
CONTENT_CHANGED = re.compile(
    r"^[+-](?!(?:id|title|type|owner|approver|status|version|approved|last_reviewed|review_interval"
    r"|classification|description|tags|hide)\s*:)(?!---[ \t]*$)[^\n]*\S", re.M)


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


def in_git(root: Path) -> bool:
    """Whether `root` is inside a git working tree (without starting git or importing gitpython)."""
    return any((folder / ".git").exists() for folder in (root.resolve(), *root.resolve().parents))


def read(root: Path, docs_dir: str, cache: bool = True) -> History:
    if not in_git(root):
        return History(available=False, reason="not a git repository")
    import git

    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return History(available=False, reason="not a git repository")
    top = Path(repo.working_tree_dir).resolve()
    prefix = root.resolve().relative_to(top).as_posix()
    scope = f"{prefix}/{docs_dir}" if prefix != "." else docs_dir
    history = History(shallow=(Path(repo.git_dir) / "shallow").exists())
    try:
        head = repo.head.commit.hexsha
    except ValueError:
        return history
    strip = len(prefix) + 1 if prefix != "." else 0
    stored = HistoryCache(top, scope, enabled=cache and not history.shallow)
    since = stored.base_for(repo, head)
    if since is not None:
        history.revisions = stored.revisions
    if since != head:
        _apply_log(history, repo, scope, strip, since, head)
        stored.save(head, history.revisions)
    working = repo.git.diff("HEAD", "-M", "--unified=0", "--no-color", "--no-ext-diff", "--", scope)
    for _, new, hunks in _files(working):
        if new is not None:
            path = new[strip:]
            history.uncommitted[path] = _revision("0" * 40, datetime.now(timezone.utc), "", "uncommitted", path,
                                                  hunks, history.revisions.get(path, []))
    return history


def _apply_log(history: History, repo: git.Repo, scope: str, strip: int, since: str | None, head: str) -> None:
    """Add the commits after `since` (all of them when None), oldest first, following renames."""
    span = [f"{since}..{head}"] if since else [head]
    log = repo.git.log("--reverse", "-M", "-p", "--unified=0", "--no-color", "--no-ext-diff",
                       f"--format={RECORD}%H{UNIT}%at{UNIT}%an{UNIT}%s", *span, "--", scope)
    for chunk in log.split(RECORD)[1:]:
        header, _, patch = chunk.partition("\n")
        sha, stamp, author, subject = header.split(UNIT, 3)
        when = datetime.fromtimestamp(int(stamp), tz=timezone.utc)
        for old, new, hunks in _files(patch):
            if new is None:
                history.revisions.pop(old[strip:], None)
                continue
            path = new[strip:]
            if old is not None and old != new:
                history.revisions[path] = history.revisions.pop(old[strip:], [])
            revisions = history.revisions.setdefault(path, [])
            revisions.append(_revision(sha, when, author, subject, path, hunks, revisions))


class HistoryCache:
    """The history up to a commit, kept in the user's cache folder; later commits are read on top of it."""

    def __init__(self, top: Path, scope: str, enabled: bool) -> None:
        from isodocs import __version__
        from isodocs.cache import directory

        self.enabled = enabled
        digest = hashlib.sha256(f"{top}\0{scope}".encode()).hexdigest()[:24]
        self.path = directory() / f"{digest}.history"
        self.stamp = (1, __version__, scope)
        self.head: str | None = None
        self.revisions: dict[str, list[Revision]] = {}

    def base_for(self, repo: git.Repo, head: str) -> str | None:
        import git

        """The cached commit to continue from, if it is HEAD or one of its ancestors."""
        if not self.enabled:
            return None
        try:
            stamp, cached_head, entries = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if stamp != self.stamp:
            return None
        if cached_head != head:
            try:
                repo.git.merge_base("--is-ancestor", cached_head, head)
            except git.GitCommandError:
                return None
        self.revisions = {path: [Revision(sha, datetime.fromtimestamp(when, tz=timezone.utc), *rest)
                                 for sha, when, *rest in rows] for path, rows in entries.items()}
        return cached_head

    def save(self, head: str, revisions: dict[str, list[Revision]]) -> None:
        if not self.enabled:
            return
        rows = {path: [(r.hash, int(r.date.timestamp()), r.author, r.subject, r.approval, r.content, r.path,
                        r.version) for r in items] for path, items in revisions.items()}
        try:
            write_bytes(self.path, marshal.dumps((self.stamp, head, rows)), durable=False)
        except OSError:
            pass


def _revision(sha: str, when: datetime, author: str, subject: str, path: str, hunks: str,
              earlier: list[Revision]) -> Revision:
    versions = VERSION_ADDED.findall(hunks)
    version = versions[-1] if versions else (earlier[-1].version if earlier else None)
    return Revision(sha, when, author, subject, APPROVAL_CHANGED.search(hunks) is not None,
                    CONTENT_CHANGED.search(hunks) is not None, path, version)


def _files(patch: str) -> list[tuple[str | None, str | None, str]]:
    """(old path, new path, the hunks' text) per file in a unified diff."""
    files: list[tuple[str | None, str | None, str]] = []
    for chunk in patch.split("diff --git ")[1:]:
        header, marker, hunks = chunk.partition("\n@@")
        old = new = None
        for line in header.split("\n"):
            if line.startswith("rename from "):
                old = line[len("rename from "):]
            elif line.startswith("rename to "):
                new = line[len("rename to "):]
            elif line.startswith("--- "):
                old = None if line == "--- /dev/null" else line[6:]
            elif line.startswith("+++ "):
                new = None if line == "+++ /dev/null" else line[6:]
        if old is not None or new is not None:
            files.append((old, new, marker + hunks))
    return files
