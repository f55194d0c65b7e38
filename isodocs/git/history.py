"""Document history from git, read in one pass over the log (never one git call per document).

`git log --raw` names, for every commit that touched a document, the blob the document had before and
after it. Whether the commit approved the document, changed its content or only its metadata follows from
the facts of those two blobs (isodocs.git.blobfacts), read only when asked for, many at a time.

The log follows the commit graph, not dates: commits come parents first (`--topo-order`), and a merge
shows what it changed against its first parent, so an edit merged from a side branch counts where it
lands. A document's approved text is its content at the commit that approved its current version (see
`History.approvals`); the text in force is changed since approval exactly when its content differs.
"""

from __future__ import annotations

import contextlib
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

from isodocs.errors import IsodocsError
from isodocs.files import markdown
from isodocs.files.atomic import write_bytes
from isodocs.git import gitpipe
from isodocs.git.blobfacts import WORKTREE, Blobs, Facts
from isodocs.translation import say

if TYPE_CHECKING:
    import git

RECORD = "\x1e"
UNIT = "\x1f"
NO_BLOB = "0" * 40
SUBMODULE = "160000"
FORMAT = 7  # of the history cache; raise whenever its layout or the meaning of blob facts changes


@dataclass(slots=True)
class Revision:
    hash: str
    when: int                   # the commit's time, seconds since the epoch
    author: str
    email: str                  # the author's e-mail address
    subject: str
    path: str                   # the document's path in this commit
    before: str | None          # its blob before the commit, in the first parent (None: it did not exist)
    after: str | None           # its blob after the commit (WORKTREE + path: the working file; None: deleted)
    parents: int = 1            # the commit's parents: more than one for a merge
    birth: bool = False         # the document came into being here (added, or moved in from outside the docs)
    seq: int = field(default=0, compare=False)  # the commit's place in the log, parents first
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
    def approver(self) -> str | None:
        """The approver role the document names after this commit."""
        return self.blobs.facts(self.after).approver

    @property
    def approval(self) -> bool:
        """Whether the version or the approval date moved."""
        before, after = self.blobs.facts(self.before), self.blobs.facts(self.after)
        return (before.version, before.approved) != (after.version, after.approved)

    @property
    def content(self) -> bool:
        """Whether the text or the clause map changed."""
        return self.blobs.facts(self.before).content != self.blobs.facts(self.after).content

    @property
    def deleted(self) -> bool:
        return self.after is None

    @property
    def merge(self) -> bool:
        return self.parents > 1

    @property
    def uncommitted(self) -> bool:
        return self.hash == UNCOMMITTED


UNCOMMITTED = "0" * 40
APPROVED, CHANGED, UNAPPROVED, UNVERIFIABLE, UNTRACKED = "approved", "changed", "unapproved", "unverifiable", \
    "untracked"


@dataclass(slots=True)
class Approval:
    """Where a document's text in force stands against its approval.

    state: APPROVED (the text in force is the approved text), CHANGED (it differs; `change` names the first
    revision that made it differ), UNAPPROVED (no commit in the document's current life approved it: it was
    deleted and added again, or never approved), UNVERIFIABLE (its history starts at a shallow clone's or
    a graft's boundary and no later commit approved it), UNTRACKED (never committed)."""

    state: str
    origin: Revision | None = None      # the revision that approved the current version
    change: Revision | None = None


SKIPPED = "skipped with --no-history"  # History.reason when the caller chose to skip history


@dataclass
class History:
    """Revisions per document path (current names, renames followed), oldest first."""

    revisions: dict[str, list[Revision]] = field(default_factory=dict)
    uncommitted: dict[str, Revision] = field(default_factory=dict)
    available: bool = True
    reason: str = ""
    shallow: bool = False
    boundary: frozenset[str] = frozenset()  # commits whose parents are missing: shallow clone, grafts
    head_blobs: dict[str, str] = field(default_factory=dict)  # each document's blob in HEAD
    merges: bool = False  # the log has merge commits (without them, each newest revision is HEAD's)
    blobs: Blobs = field(default_factory=Blobs, repr=False, compare=False)
    cache: HistoryCache | None = field(default=None, repr=False, compare=False)
    head: str = ""
    stale: bool = False  # the cache lacks commits read from the log in this run
    _approvals: dict[str, Approval] = field(default_factory=dict, repr=False, compare=False)

    def remember(self) -> None:
        """Keep what was read from git in this run (commits, facts of blobs) for the next run."""
        if self.cache is not None and (self.stale or self.blobs.learned):
            self.cache.save(self.head, self.revisions, self.head_blobs, self.merges, self.blobs)
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

    def approvals(self, paths: Iterable[str]) -> dict[str, Approval]:
        """Where each document's text in force stands against its approval.

        The approving revision is the earliest one in the document's current life (since it was last added
        at its path) that gave it its current version and approval date while its first parent had others:
        parents come before children in the log, so a merge that brought those values from a side branch
        comes after the side branch's own approval, and a revert that brings back an older version does not
        approve that version again. The document's first revision approves it (a document set imported as
        approved) only when the path had no earlier life and the revision is not a shallow clone's boundary.
        Each document is walked back over its current life, one step for all of them at a time, the blobs
        of each step read together."""
        paths = list(paths)
        results = self._approvals
        walks: dict[str, _Walk] = {}
        for path in paths:
            if path in results:
                continue
            revisions = self._with_uncommitted(path)
            current = self.uncommitted[path].after if path in self.uncommitted else self.head_blobs.get(path)
            if not revisions or current is None:
                results[path] = Approval(UNTRACKED)
                continue
            start = max((i for i, r in enumerate(revisions) if r.birth), default=0)
            walks[path] = _Walk(revisions, start, current, len(revisions) - 1)
        self.blobs.fetch(walk.current for walk in walks.values())
        while walks:
            self.blobs.fetch(name for walk in walks.values()
                             for name in (walk.revisions[walk.at].before, walk.revisions[walk.at].after))
            going = {}
            for path, walk in walks.items():
                result = walk.step(self.blobs, self.boundary)
                if result is None:
                    going[path] = walk
                else:
                    results[path] = result
            walks = going
        return {path: results[path] for path in paths}

    def approving(self, path: str) -> list[Revision]:
        """The revisions that approved a version of the document, oldest first, by the rule `approvals` applies
        to the version in force: a revision approves when it gives a version and approval date its first
        parent did not have and that no earlier revision of the same life approved (a revert to an approved
        version approves nothing); a merge approves only values nothing before it in that life had (else it
        brings them from a side branch, whose own revisions say); a life begun by re-adding the document, or
        cut by a shallow clone or graft, is not approved by its first revision."""
        found = []
        approved: set[tuple[str | None, str | None]] = set()
        had: set[tuple[str | None, str | None]] = set()
        revisions = self.classified(path)
        for index, revision in enumerate(revisions):
            if revision.birth:
                approved, had = set(), set()
            if revision.deleted:
                continue
            after = self.blobs.facts(revision.after)
            values = (after.version, after.approved)
            before = None if revision.birth else revision.before
            cut = revision.birth and (index > 0 or revision.hash in self.boundary)
            if after.approved is not None and self.blobs.facts(before)[:2] != values and not cut \
                    and values not in (had if revision.merge else approved):
                found.append(revision)
                approved.add(values)
            had.add(values)
        return found

    def _with_uncommitted(self, path: str) -> list[Revision]:
        revisions = self.of(path)
        return [*revisions, self.uncommitted[path]] if path in self.uncommitted else revisions


@dataclass(slots=True)
class _Walk:
    """One document's walk back from its newest revision to the start of its current life, finding the
    revision that approved its current version."""

    revisions: list[Revision]
    start: int             # where its current life begins
    current: str           # the blob (or working file) in force
    at: int                # the revision looked at next
    gave: list[int] = field(default_factory=list)  # revisions that gave the current values, newest first
    had: int = -1          # the earliest revision seen so far that left the current values, approving or not

    def step(self, blobs: Blobs, boundary: frozenset[str]) -> Approval | None:
        revision = self.revisions[self.at]
        values = blobs.facts(self.current)[:2]
        before = None if revision.birth else revision.before  # moved in from outside the docs: new here
        if not revision.deleted and blobs.facts(revision.after)[:2] == values:
            self.had = self.at
            cut = revision.birth and (self.at > 0 or revision.hash in boundary)
            if blobs.facts(before)[:2] != values and not cut:
                self.gave.append(self.at)  # a first commit approves, unless it starts a new life or history is cut
        if self.at > self.start:
            self.at -= 1
            return None
        # A merge that gave the values approves only when nothing before it in this life had them: otherwise
        # it brought them from a side branch, whose own revisions say whether they were approved.
        origin = next((i for i in reversed(self.gave) if not (self.revisions[i].merge and self.had < i)), -1)
        if origin >= 0:
            return self._judged(origin, blobs)
        return Approval(UNVERIFIABLE if revision.birth and revision.hash in boundary else UNAPPROVED)

    def _judged(self, origin: int, blobs: Blobs) -> Approval:
        approved = blobs.facts(self.revisions[origin].after).content
        if blobs.facts(self.current).content == approved:
            return Approval(APPROVED, self.revisions[origin])
        later = self.revisions[origin + 1:]
        blobs.fetch(r.after for r in later)
        change = None  # the first of the newest revisions that all differ from the approved text
        for revision in reversed(later):
            if blobs.facts(revision.after).content == approved:
                break
            change = revision
        return Approval(CHANGED, self.revisions[origin], change or (later[-1] if later else None))


def in_git(root: Path) -> bool:
    """Whether `root` is inside a git working tree (without starting git or importing gitpython)."""
    return any((folder / ".git").exists() for folder in (root.resolve(), *root.resolve().parents))


def begin(root: Path, docs_dir: str, cache: bool = True) -> Future[History]:
    """Read the history in a thread, with the facts the check asks for (every document's revisions back to
    its latest approval), while the caller goes on."""

    def reading() -> History:
        history = _load(root, docs_dir, cache)
        history.approvals(path for path in {*history.revisions, *history.uncommitted}
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
    edges = boundary(repo)
    history = History(shallow=bool(edges), boundary=edges, blobs=Blobs(repo))
    try:
        _read_git(history, repo, root, docs_dir, cache)
    except git.GitCommandError as error:
        said = re.sub(r"^\s*stderr: '|'\s*$", "", str(error.stderr)).strip().splitlines()
        raise IsodocsError(say("git.history-unreadable", root=repo.working_tree_dir,
                               error=said[0] if said else str(error)), hint=say("git.fsck-hint")) from None
    return history


def open_repo(root: Path) -> git.Repo | None:
    """The git repository `root` is in, or None. Its commands read the objects as committed: replacements
    (`git replace`, `git replace --graft`) could otherwise show any commit in place of an approval, or hide
    an edit behind a commit made to look like a first one."""
    import git

    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    repo.git.set_persistent_git_options(no_replace_objects=True)
    return repo


def work_tree(repo: git.Repo) -> Path:
    """The top folder of the checkout; a bare repository has no files to match the history to."""
    if repo.working_tree_dir is None:
        raise IsodocsError(say("git.bare", git_dir=repo.git_dir), hint=say("git.bare-hint"))
    return Path(repo.working_tree_dir)


def project_prefix(repo: git.Repo, root: Path) -> str:
    """Where the project at `root` sits in git's tree, as git writes paths: "" or "folder/"."""
    prefix = root.resolve().relative_to(work_tree(repo).resolve()).as_posix()
    return "" if prefix == "." else prefix + "/"


def _read_git(history: History, repo: git.Repo, root: Path, docs_dir: str, cache: bool) -> None:
    import git

    top = work_tree(repo).resolve()
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
        history.revisions, history.merges = stored.revisions, stored.merges
    if since == head:
        history.head_blobs = stored.head_blobs
    else:
        _apply_log(history, repo, scope, strip, since, head)
        history.head_blobs = _head_blobs(history, repo, scope, strip, head)
    uncommitted = working.proc.stdout.read().decode("utf-8", "replace")
    working.wait()
    now = int(time.time())
    for old_blob, _, _, new_path, _ in _entries(uncommitted):
        if new_path is not None:
            path = new_path[strip:]
            history.uncommitted[path] = Revision(UNCOMMITTED, now, "", "", "uncommitted", path, old_blob,
                                                 WORKTREE + new_path, blobs=history.blobs)
    history.stale = since != head


def _head_blobs(history: History, repo: git.Repo, scope: str, strip: int, head: str) -> dict[str, str]:
    """Each document's blob in HEAD. A history without merges is one line, so each document's newest
    revision left it as HEAD has it; with merges, a side branch's revision may come last, so git is asked."""
    if not history.merges:
        return {path: rows[-1].after for path, rows in history.revisions.items() if rows and rows[-1].after}
    found = {}
    for line in repo.git.ls_tree("-r", "-z", "--full-tree", head, "--", scope).split("\0"):
        meta, _, name = line.partition("\t")
        if name and " blob " in meta:
            found[name[strip:]] = meta.rsplit(" ", 1)[1]
    return found


def boundary(repo: git.Repo) -> frozenset[str]:
    """Commits whose parents the repository lacks or replaces: a shallow clone's boundary and grafts."""
    common = Path(repo.common_dir)
    found: set[str] = set()
    for name in ("shallow", "info/grafts"):
        try:
            lines = (common / name).read_text(encoding="ascii", errors="replace").splitlines()
        except OSError:
            continue
        found.update(line.split()[0] for line in lines if line.strip() and not line.startswith("#"))
    return frozenset(found)


def _apply_log(history: History, repo: git.Repo, scope: str, strip: int, since: str | None, head: str) -> None:
    """Add the commits after `since` (all of them when None), parents first, following renames; a merge
    shows what it changed against its first parent.

    When the project is the whole git repository, the log is not limited to the documents' folder: git
    then compares each commit with its parent once, where a path-limited log does it twice."""
    span = [f"{since}..{head}"] if since else [head]
    limit = [] if strip == 0 else ["--", scope]
    process = repo.git.log("--reverse", "--topo-order", "--diff-merges=first-parent", "-M", "--raw", "-z",
                           "--no-abbrev", "--no-color", "--no-show-signature",
                           f"--format={RECORD}%H{UNIT}%P{UNIT}%at{UNIT}%an{UNIT}%ae{UNIT}%s", *span, *limit,
                           as_process=True)
    inside = "" if scope == "." else scope + "/"
    revisions, blobs = history.revisions, history.blobs
    seq = max((r.seq for rows in revisions.values() for r in rows[-1:]), default=0)
    for chunk in _records(process):
        header, _, raw = chunk.partition("\0")
        sha, parents, stamp, author, email, subject = header.split(UNIT, 5)
        when, count = int(stamp), max(1, len(parents.split()))
        history.merges |= count > 1
        seq += 1
        for old_blob, new_blob, old_path, new_path, added in _entries(raw):
            # the document's path before the commit, when it was inside the documents' folder
            old = old_path[strip:] if old_path is not None and old_path.startswith(inside) else None
            if new_path is None or not new_path.startswith(inside):
                if old is not None:  # deleted, or moved out of the documents' folder
                    revisions.setdefault(old, []).append(
                        Revision(sha, when, author, email, subject, old, old_blob, None, count, False, seq, blobs))
                continue
            path = new_path[strip:]
            birth = added or old is None
            if old is not None and old_path != new_path:
                moved = revisions.pop(old, [])
                there = revisions.get(path)
                revisions[path] = sorted(there + moved, key=lambda r: r.seq) if there and not there[-1].deleted \
                    else moved
            elif added and count > 1 and revisions.get(path) and not revisions[path][-1].deleted:
                birth = False  # added on a side branch, which the merge brings in
            revisions.setdefault(path, []).append(
                Revision(sha, when, author, email, subject, path, old_blob, new_blob, count, birth, seq, blobs))


def _records(process: git.Git.AutoInterrupt) -> Iterator[str]:
    """The log's commit records, parsed as git writes them."""
    pieces: list[bytes] = []
    stdout = process.proc.stdout if process.proc is not None else None
    if stdout is None:
        raise IsodocsError(say("git.no-output"), hint=say("git.no-output-hint"))
    for piece in gitpipe.output(stdout):
        cut = piece.rfind(b"\x1e")
        if cut < 0:
            pieces.append(piece)
            continue
        pieces.append(piece[:cut])
        yield from b"".join(pieces).decode("utf-8", "replace").split(RECORD)[1:]
        pieces = [piece[cut:]]
    process.wait()
    yield from b"".join(pieces).decode("utf-8", "replace").split(RECORD)[1:]


def _entries(raw: str) -> list[tuple[str | None, str, str | None, str | None, bool]]:
    """(old blob, new blob, old path, new path, added) per file in `--raw -z` output; None where a side is
    absent."""
    fields = raw.split("\0")
    entries = []
    position = 0
    while position < len(fields):
        meta = fields[position].lstrip("\n")
        if not meta.startswith(":"):
            position += 1
            continue
        old_mode, new_mode, old_blob, new_blob, status = meta.split(" ", 4)
        old_path: str | None
        new_path: str | None
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
        entries.append((None if old_blob == NO_BLOB else old_blob, new_blob, old_path, new_path, status[0] == "A"))
    return entries


class HistoryCache:
    """The history up to a commit and the facts of the blobs read so far, kept in the user's cache folder;
    later commits are read on top of it."""

    def __init__(self, top: Path, scope: str, enabled: bool) -> None:
        from isodocs import __version__
        from isodocs.files.resources import cache_directory

        self.enabled = enabled
        digest = hashlib.sha256(f"{top}\0{scope}".encode()).hexdigest()[:24]
        self.path = cache_directory() / f"{digest}.history"
        self.stamp = (FORMAT, __version__, scope)
        self.revisions: dict[str, list[Revision]] = {}
        self.head_blobs: dict[str, str] = {}
        self.merges = False

    def base_for(self, repo: git.Repo, head: str, blobs: Blobs) -> str | None:
        """The cached commit to continue from, if it is HEAD or one of its ancestors."""
        import git

        if not self.enabled:
            return None
        try:
            stamp, cached_head, entries, head_blobs, merges, facts = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if stamp != self.stamp or not isinstance(cached_head, str):
            return None
        if cached_head != head:
            try:
                repo.git.merge_base("--is-ancestor", cached_head, head)
            except git.GitCommandError:
                return None
        blobs.known.update(zip(facts, map(Facts._make, facts.values()), strict=True))
        self.revisions = {path: [Revision(*(*row, blobs)) for row in rows] for path, rows in entries.items()}
        self.head_blobs, self.merges = head_blobs, merges
        return cached_head

    def save(self, head: str, revisions: dict[str, list[Revision]], head_blobs: dict[str, str], merges: bool,
             blobs: Blobs) -> None:
        if not self.enabled:
            return
        rows = {path: [(r.hash, r.when, r.author, r.email, r.subject, r.path, r.before, r.after, r.parents, r.birth,
                        r.seq) for r in items] for path, items in revisions.items()}
        facts = {name: tuple(row) for name, row in blobs.stored().items()}
        with contextlib.suppress(OSError):
            write_bytes(self.path, marshal.dumps((self.stamp, head, rows, head_blobs, merges, facts)),
                        durable=False)
        blobs.learned = 0
