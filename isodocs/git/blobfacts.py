"""What history needs to know of one version of a document: its version, its approval date, its approver
role, and a digest of its content (text and clause map) that leaves out metadata, front matter comments and blank lines.

Two versions of a document then tell whether a commit approved it (version or approval date moved), changed
its content, or only touched metadata such as a review stamp or an owner.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from isodocs.errors import IsodocsError
from isodocs.files.fences import Split, SplitError, split
from isodocs.git import gitpipe
from isodocs.translation import say

if TYPE_CHECKING:
    import git

# Front matter keys whose edits are not a change of the document's content.
METADATA = ("id", "title", "type", "owner", "approver", "status", "version", "approved", "last_reviewed", "created",
            "reviewed_by", "review_interval", "classification", "description", "tags", "hide")
# A metadata key with the lines that continue it: indented lines, list items, comments, blank lines.
METADATA_ENTRY = re.compile(rf"^(?:{'|'.join(METADATA)})[ \t]*:.*\n(?:[ \t-].*\n|#.*\n|\n)*", re.M)
COMMENT_OR_BLANK = re.compile(r"^[ \t]*(?:#.*)?\n", re.M)
BLANK = re.compile(r"^[ \t]*\n", re.M)
APPROVAL = re.compile(r"^(version|approved|approver)[ \t]*:(.*)$", re.M)
WORKTREE = "worktree:"  # prefix of the name under which a working file's facts are asked for


class Facts(NamedTuple):
    version: str | None
    approved: str | None
    content: bytes
    approver: str | None = None  # the role that approved this version, as its front matter names it


ABSENT = Facts(None, None, b"")


def facts_of(text: str) -> Facts:
    text = text.removeprefix("\ufeff")
    if "\r" in text:  # a Windows checkout's working file against the blob git keeps
        text = text.replace("\r\n", "\n")
    try:
        parts = split(text)
    except SplitError:  # never closed: all of it is text
        parts = Split(None, text, 1)
    header, body = parts.header or "", parts.body
    found: dict[str, str | None] = {}
    for key, rest in APPROVAL.findall(header):
        found[key] = _value(rest)
    content = COMMENT_OR_BLANK.sub("", METADATA_ENTRY.sub("", header)) + "\0" + BLANK.sub("", body)
    digest = hashlib.blake2b(content.encode(), digest_size=16).digest()
    return Facts(found.get("version"), found.get("approved"), digest, found.get("approver"))


def _value(rest: str) -> str | None:
    value = rest.split(" #", 1)[0].strip().strip("\"'")
    return value or None


class Blobs:
    """Facts of blobs by their git object name, read on demand, as many at a time as asked for, from one
    `git cat-file --batch`; facts of working files (named WORKTREE + path) read from disk."""

    def __init__(self, repo: git.Repo | None = None) -> None:
        self.repo = repo
        self.known: dict[str, Facts] = {}
        self.learned = 0  # facts read from git and not yet kept in the history cache

    def facts(self, name: str | None) -> Facts:
        if name is None:
            return ABSENT
        if name not in self.known:
            self.fetch([name])
        return self.known[name]

    def fetch(self, names: Iterable[str | None]) -> None:
        wanted = list(dict.fromkeys(n for n in names if n is not None and n not in self.known))
        for name in [n for n in wanted if n.startswith(WORKTREE)]:
            self.known[name] = self._working(name[len(WORKTREE):])
        blobs = [n for n in wanted if not n.startswith(WORKTREE)]
        if blobs:
            self._read(blobs)
            self.learned += len(blobs)

    def stored(self) -> dict[str, Facts]:
        """The facts worth keeping between runs: those of blobs (working files change)."""
        return {name: facts for name, facts in self.known.items() if not name.startswith(WORKTREE)}

    def _working(self, path: str) -> Facts:
        assert self.repo is not None and self.repo.working_tree_dir is not None
        try:
            return facts_of((Path(self.repo.working_tree_dir) / path).read_bytes().decode("utf-8", "replace"))
        except OSError:  # the loader reports a file it cannot read
            return ABSENT

    def _read(self, blobs: list[str]) -> None:
        assert self.repo is not None
        process = self.repo.git.cat_file("--batch", as_process=True, istream=subprocess.PIPE)
        writer = gitpipe.feed(process.proc.stdin, "".join(f"{blob}\n" for blob in blobs).encode())
        names = iter(blobs)
        data, pieces, available, needed = b"", [], 0, 0
        for piece in gitpipe.output(process.proc.stdout):
            pieces.append(piece)
            available += len(piece)
            if available < needed:  # the blob being read is not all there yet
                continue
            data = b"".join([data, *pieces])
            pieces.clear()
            position = needed = 0
            while (end := data.find(b"\n", position)) >= 0:
                header = data[position:end].split()
                if len(header) != 3:
                    raise IsodocsError(say("git.blob-unreadable", blob=header[0].decode(),
                                           root=self.repo.working_tree_dir), hint=say("git.fsck-hint"))
                size = int(header[2])
                if end + 2 + size > len(data):
                    needed = end + 2 + size - position
                    break
                self.known[next(names)] = facts_of(data[end + 1:end + 1 + size].decode("utf-8", "replace"))
                position = end + 2 + size
            data = data[position:]
            available = len(data)
        writer.join()
        process.wait()
