"""Document history from git, read in one pass over the log (never one git call per document).

`git log --raw` names, for every commit that touched a document, the blob the document had before and
after it. Whether the commit approved the document, changed its content or only its metadata follows from
the facts of those two blobs (isodocs.blobfacts), read only when asked for, many at a time.
"""

from __future__ import annotations

import hashlib
import marshal
import posixpath
import re
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from isodocs import gitpipe, markdown
from isodocs.atomic import write_bytes
from isodocs.blobfacts import WORKTREE, Blobs, Facts
from isodocs.errors import IsodocsError

if TYPE_CHECKING:
    import git

RECORD = "\x1e"
UNIT = "\x1f"
NO_BLOB = "0" * 40
SUBMODULE = "160000"
FORMAT = 5  # of the history cache; raise whenever its layout or the meaning of blob facts changes


@dataclass(slots=True)
class Revision:
    hash: str
    when: int                   # the commit's time, seconds since the epoch
    author: str
    subject: str
    path: str                   # the document's path in this commit
    before: str | None          # its blob before the commit (None: it did not exist)
    after: str                  # its blob after the commit (WORKTREE + path: the working file)
    blobs: Blobs = field(default_factory=Blobs, repr=False, compare=False)

    @property
    def short(self) -> str:
        return self.hash[:8]

    @property
    def date(self) -> datetime:
        return datetime.fromtimestamp(self.when, tz=timezone.utc)

    @property
    def version(self) -> str | None:
        """The document's version after this commit."""
        return self.blobs.facts(self.after).version

    @property
    def approval(self) -> bool:
        """Whether the version or the approval date moved."""
        before, after = self.blobs.facts(self.before), self.blobs.facts(self.after)
        return (before.version, before.approved) != (after.version, after.approved)

    @property
    def content(self) -> bool:
        """Whether the text or the clause map changed."""
        return self.blobs.facts(self.before).content != self.blobs.facts(self.after).content


@dataclass
class History:
    """Revisions per document path (current names, renames followed), oldest first."""

    revisions: dict[str, list[Revision]] = field(default_factory=dict)
    uncommitted: dict[str, Revision] = field(default_factory=dict)
    available: bool = True
    reason: str = ""
    shallow: bool = False
    blobs: Blobs = field(default_factory=Blobs, repr=False, compare=False)
    cache: HistoryCache | None = field(default=None, repr=False, compare=False)
    head: str = ""
    stale: bool = False  # the cache lacks commits read from the log in this run
    _since_approval: dict[str, Revision | None] = field(default_factory=dict, repr=False, compare=False)

    def remember(self) -> None:
        """Keep what was read from git in this run (commits, facts of blobs) for the next run."""
        if self.cache is not None and (self.stale or self.blobs.learned):
            self.cache.save(self.head, self.revisions, self.blobs)
            self.stale = False

    def of(self, path: str) -> list[Revision]:
        return self.revisions.get(path, [])

    def classify(self, paths: Iterable[str]) -> None:
        """Read the facts of every version of these documents, all at once."""
        self.blobs.fetch(name for path in paths for r in self.of(path) for name in (r.before, r.after))

    def classified(self, path: str) -> list[Revision]:
        """The revisions of one document, with the facts of all its versions read at once."""
        self.classify([path])
        return self.of(path)

    def changes_since_approval(self, paths: Iterable[str]) -> dict[str, Revision | None]:
        """For each document, the first change of its content after its latest approval (uncommitted edits
        included), or None: each walked back from its newest revision to its latest approval, one step for
        all of them at a time, the blobs of each step read together."""
        paths = list(paths)
        results = self._since_approval
        pending: dict[str, tuple[list[Revision], Revision | None]] = {}
        for path in paths:
            if path not in results:
                revisions = self._with_uncommitted(path)
                if len(revisions) < 2:  # nothing came after the first revision
                    results[path] = None
                else:
                    pending[path] = (revisions, None)
        depth = 1
        while pending:
            self.blobs.fetch(name for revisions, _ in pending.values()
                             for name in (revisions[-depth].before, revisions[-depth].after))
            walking = {}
            for path, (revisions, first_change) in pending.items():
                revision = revisions[-depth]
                if revision.approval:
                    results[path] = first_change
                    continue
                if revision.content:
                    first_change = revision
                if depth == len(revisions):
                    results[path] = None  # never approved
                else:
                    walking[path] = (revisions, first_change)
            pending = walking
            depth += 1
        return {path: results[path] for path in paths}

    def _with_uncommitted(self, path: str) -> list[Revision]:
        revisions = self.of(path)
        return [*revisions, self.uncommitted[path]] if path in self.uncommitted else revisions


def in_git(root: Path) -> bool:
    """Whether `root` is inside a git working tree (without starting git or importing gitpython)."""
    return any((folder / ".git").exists() for folder in (root.resolve(), *root.resolve().parents))


def begin(root: Path, docs_dir: str, cache: bool = True) -> Future[History]:
    """Read the history in a thread, with the facts the check asks for (every document's revisions back to
    its latest approval), while the caller goes on."""

    def reading() -> History:
        history = _load(root, docs_dir, cache)
        history.changes_since_approval(path for path in {*history.revisions, *history.uncommitted}
                                       if path.endswith(markdown.SUFFIXES))
        history.remember()
        return history

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="isodocs-history")
    future = pool.submit(reading)
    pool.shutdown(wait=False)
    return future


def read(root: Path, docs_dir: str, cache: bool = True) -> History:
    """The history of the documents under `docs_dir`, the commits read kept for the next run."""
    history = _load(root, docs_dir, cache)
    history.remember()
    return history


def _load(root: Path, docs_dir: str, cache: bool) -> History:
    if not in_git(root):
        return History(available=False, reason="not a git repository")
    import git

    repo = open_repo(root)
    if repo is None:
        return History(available=False, reason="not a git repository")
    history = History(shallow=(Path(repo.git_dir) / "shallow").exists(), blobs=Blobs(repo))
    try:
        _read_git(history, repo, root, docs_dir, cache)
    except git.GitCommandError as error:
        said = re.sub(r"^\s*stderr: '|'\s*$", "", str(error.stderr)).strip().splitlines()
        raise IsodocsError(f"git cannot read the history of {repo.working_tree_dir}: "
                           f"{said[0] if said else error}", hint="run `git fsck`, or clone the repository again"
                           ) from None
    return history


def open_repo(root: Path) -> git.Repo | None:
    """The git repository `root` is in, or None."""
    import git

    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None


def project_prefix(repo: git.Repo, root: Path) -> str:
    """Where the project at `root` sits in git's tree, as git writes paths: "" or "folder/"."""
    prefix = root.resolve().relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
    return "" if prefix == "." else prefix + "/"


def _read_git(history: History, repo: git.Repo, root: Path, docs_dir: str, cache: bool) -> None:
    import git

    top = Path(repo.working_tree_dir).resolve()
    prefix = project_prefix(repo, root)
    scope = posixpath.normpath(prefix + docs_dir)
    try:
        head = history.head = git.SymbolicReference.dereference_recursive(repo, "HEAD")
    except ValueError:
        return
    strip = len(prefix)
    working = repo.git.diff("HEAD", "-M", "--raw", "-z", "--no-abbrev", "--no-color", "--", scope, as_process=True)
    stored = HistoryCache(top, scope, enabled=cache and not history.shallow)
    history.cache = stored
    since = stored.base_for(repo, head, history.blobs)
    if since is not None:
        history.revisions = stored.revisions
    if since != head:
        _apply_log(history, repo, scope, strip, since, head)
    uncommitted = working.proc.stdout.read().decode("utf-8", "replace")
    working.wait()
    now = int(time.time())
    for old_blob, _, _, new_path in _entries(uncommitted):
        if new_path is not None:
            path = new_path[strip:]
            history.uncommitted[path] = Revision("0" * 40, now, "", "uncommitted", path, old_blob,
                                                 WORKTREE + new_path, history.blobs)
    history.stale = since != head


def _apply_log(history: History, repo: git.Repo, scope: str, strip: int, since: str | None, head: str) -> None:
    """Add the commits after `since` (all of them when None), oldest first, following renames.

    When the project is the whole git repository, the log is not limited to the documents' folder: git
    then compares each commit with its parent once, where a path-limited log does it twice."""
    span = [f"{since}..{head}"] if since else [head]
    limit = [] if strip == 0 else ["--", scope]
    process = repo.git.log("--reverse", "-M", "--raw", "-z", "--no-abbrev", "--no-color", "--no-show-signature",
                           f"--format={RECORD}%H{UNIT}%at{UNIT}%an{UNIT}%s", *span, *limit, as_process=True)
    inside = "" if scope == "." else scope + "/"
    revisions, blobs = history.revisions, history.blobs
    for chunk in _records(process):
        header, _, raw = chunk.partition("\0")
        sha, stamp, author, subject = header.split(UNIT, 3)
        when = int(stamp)
        for old_blob, new_blob, old_path, new_path in _entries(raw):
            if new_path is None or not new_path.startswith(inside):
                if old_path is not None and old_path.startswith(inside):
                    revisions.pop(old_path[strip:], None)
                continue
            path = new_path[strip:]
            if old_path is not None and old_path != new_path:
                revisions[path] = revisions.pop(old_path[strip:], []) if old_path.startswith(inside) else []
            revisions.setdefault(path, []).append(
                Revision(sha, when, author, subject, path, old_blob, new_blob, blobs))


def _records(process: git.Git.AutoInterrupt) -> Iterator[str]:
    """The log's commit records, parsed as git writes them."""
    pieces: list[bytes] = []
    for piece in gitpipe.output(process.proc.stdout):
        cut = piece.rfind(b"\x1e")
        if cut < 0:
            pieces.append(piece)
            continue
        pieces.append(piece[:cut])
        yield from b"".join(pieces).decode("utf-8", "replace").split(RECORD)[1:]
        pieces = [piece[cut:]]
    process.wait()
    yield from b"".join(pieces).decode("utf-8", "replace").split(RECORD)[1:]


def _entries(raw: str) -> list[tuple[str | None, str, str | None, str | None]]:
    """(old blob, new blob, old path, new path) per file in `--raw -z` output; None where a side is absent."""
    fields = raw.split("\0")
    entries = []
    position = 0
    while position < len(fields):
        meta = fields[position].lstrip("\n")
        if not meta.startswith(":"):
            position += 1
            continue
        old_mode, new_mode, old_blob, new_blob, status = meta.split(" ", 4)
        if status[0] in "RC":
            old_path, new_path = fields[position + 1], fields[position + 2]
            position += 3
        else:
            old_path = new_path = fields[position + 1]
            position += 2
        if SUBMODULE in (old_mode[1:], new_mode):  # another repository's commit, not a file of this one
            continue
        if status[0] == "A":
            old_path = None
        elif status[0] == "D":
            new_path = None
        entries.append((None if old_blob == NO_BLOB else old_blob, new_blob, old_path, new_path))
    return entries


class HistoryCache:
    """The history up to a commit and the facts of the blobs read so far, kept in the user's cache folder;
    later commits are read on top of it."""

    def __init__(self, top: Path, scope: str, enabled: bool) -> None:
        from isodocs import __version__
        from isodocs.resources import cache_directory

        self.enabled = enabled
        digest = hashlib.sha256(f"{top}\0{scope}".encode()).hexdigest()[:24]
        self.path = cache_directory() / f"{digest}.history"
        self.stamp = (FORMAT, __version__, scope)
        self.revisions: dict[str, list[Revision]] = {}

    def base_for(self, repo: git.Repo, head: str, blobs: Blobs) -> str | None:
        """The cached commit to continue from, if it is HEAD or one of its ancestors."""
        import git

        if not self.enabled:
            return None
        try:
            stamp, cached_head, entries, facts = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if stamp != self.stamp:
            return None
        if cached_head != head:
            try:
                repo.git.merge_base("--is-ancestor", cached_head, head)
            except git.GitCommandError:
                return None
        blobs.known.update(zip(facts, map(Facts._make, facts.values())))
        self.revisions = {path: [Revision(*row, blobs) for row in rows] for path, rows in entries.items()}
        return cached_head

    def save(self, head: str, revisions: dict[str, list[Revision]], blobs: Blobs) -> None:
        if not self.enabled:
            return
        rows = {path: [(r.hash, r.when, r.author, r.subject, r.path, r.before, r.after)
                       for r in items] for path, items in revisions.items()}
        facts = {name: tuple(row) for name, row in blobs.stored().items()}
        try:
            write_bytes(self.path, marshal.dumps((self.stamp, head, rows, facts)), durable=False)
        except OSError:
            pass
        blobs.learned = 0
