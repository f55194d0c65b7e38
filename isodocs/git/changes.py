"""What a change (BASE to HEAD, or to the working tree) does to the document set.

Both sides are loaded as full repository models: BASE (and HEAD when given) from a snapshot of git's
tree, so the comparison uses exactly the rules the checker uses.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import git

from isodocs.analysis import Analysis, analyse
from isodocs.analysis.readiness import Readiness, readiness
from isodocs.analysis.states import clause_states, control_states
from isodocs.checks.rules import OFF, severity
from isodocs.errors import IsodocsError
from isodocs.git.history import open_repo, project_prefix
from isodocs.model.config import CONFIG_FILE
from isodocs.model.document import Document
from isodocs.model.findings import ERROR, Finding
from isodocs.model.repository import Repository
from isodocs.model.rules import APPROVAL_REMOVED
from isodocs.translation.messages import say


@dataclass
class DocumentChange:
    kind: str                     # added | removed | renamed | changed
    path: str
    old_path: str | None
    id: str
    title: str
    text: bool = False            # the body changed
    metadata: bool = False        # front matter other than the clause map changed
    clauses: bool = False         # the clause map changed
    old_version: str | None = None
    new_version: str | None = None
    approval_moved: bool = False
    status: str | None = None
    reviewers: list[str] = field(default_factory=list)
    owner_change: tuple[str | None, str | None] | None = None     # (before, after) when the owner changed
    approver_change: tuple[str | None, str | None] | None = None  # (before, after) when the approver changed
    agree: list[str] = field(default_factory=list)  # who must agree to a change of owner or approver

    @property
    def unapproved_change(self) -> bool:
        """Text or clauses changed in an approved document without a new version and approval."""
        return (self.kind in ("changed", "renamed") and (self.text or self.clauses) and self.status == "approved"
                and self.old_version == self.new_version)


WORKING_TREE = "working tree"  # the HEAD of a comparison with uncommitted edits


@dataclass
class ClauseChange:
    catalog: str
    id: str
    title: str | None
    before: str
    after: str
    title_ru: str | None = None


@dataclass
class Diff:
    base: str
    head: str
    documents: list[DocumentChange]
    clauses: list[ClauseChange]
    readiness_before: dict[str, Readiness]
    readiness_after: dict[str, Readiness]
    reviewers: list[str]
    findings: list[Finding] = field(default_factory=list)  # what the change must not do (approval-removed)

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == ERROR)


@contextmanager
def snapshot(repository: Repository, repo: git.Repo, prefix: str, revision: str) -> Iterator[Repository]:
    """The repository as it was at `revision`, loaded from a temporary copy of git's tree."""
    paths = [f"{prefix}{CONFIG_FILE}", f"{prefix}{repository.config.docs_dir}"]
    catalogs = f"{prefix}{repository.config.catalogs_dir}".rstrip("/")
    try:
        if repo.git.ls_tree(revision, "--", catalogs):  # the repository's own catalogs, when it had them then
            paths.append(catalogs)
    except git.GitCommandError:
        pass  # an unknown revision is reported by the archive below
    stream = io.BytesIO()
    try:
        repo.archive(stream, treeish=revision, format="tar", path=paths)
    except git.GitCommandError as error:
        raise IsodocsError(say("git.revision-unreadable", revision=revision,
                               error=error.stderr.strip().splitlines()[-1]),
                           hint=say("git.revision-unreadable-hint")) from None
    stream.seek(0)
    with tempfile.TemporaryDirectory(prefix="isodocs-diff-") as folder:
        with tarfile.open(fileobj=stream) as archive:
            archive.extractall(folder, filter="data")
        yield Repository.load(Path(folder) / prefix, cache=False)  # a temporary folder: nothing to keep


def compare(repository: Repository, base: str, head: str | None, today: date) -> Diff:
    repo = open_repo(repository.root)
    if repo is None:
        raise IsodocsError(say("git.not-a-repository", root=repository.root), hint=say("git.not-a-repository-hint"))
    for revision in (base, head):
        if revision is not None:
            try:
                repo.rev_parse(revision)
            except (git.BadName, ValueError, git.GitCommandError):
                raise IsodocsError(say("git.no-revision", revision=revision),
                                   hint=say("git.no-revision-hint")) from None
    prefix = project_prefix(repo, repository.root)
    renames = _renames(repo, repository, prefix, base, head)
    with snapshot(repository, repo, prefix, base) as before:
        if head is None:
            return _compare(before, repository, renames, base, WORKING_TREE, today)
        with snapshot(repository, repo, prefix, head) as after:
            return _compare(before, after, renames, base, head, today)


def _renames(repo: git.Repo, repository: Repository, prefix: str, base: str, head: str | None) -> dict[str, str]:
    """New path to old path for documents git sees as renamed."""
    strip = len(prefix)
    revisions = [base] + ([head] if head else [])
    output = repo.git.diff("-M", "--name-status", "--no-color", *revisions, "--", repository.config.docs_dir)
    renames = {}
    for line in output.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("R") and len(parts) == 3:
            renames[parts[2][strip:]] = parts[1][strip:]
    return renames


def _compare(before: Repository, after: Repository, renames: dict[str, str], base: str, head: str,
             today: date) -> Diff:
    old = {d.path: d for d in before.documents}
    new = {d.path: d for d in after.documents}
    changes: list[DocumentChange] = []
    for path, document in sorted(new.items()):
        previous = old.get(renames.get(path, path))
        if previous is None:
            changes.append(_change("added", document, None, after))
            continue
        change = _change("renamed" if previous.path != path else "changed", document, previous, after)
        if change.kind == "renamed" or change.text or change.metadata or change.clauses or change.agree:
            changes.append(change)
    gone = set(old) - {renames.get(path, path) for path in new}
    changes += [_change("removed", old[path], None, before) for path in sorted(gone)]
    findings = [APPROVAL_REMOVED.finding(path, old[path].line("status"),
                        say("approval-removed", id=old[path].id, path=path), old[path].id)
                for path in sorted(gone) if old[path].approved_status]
    findings = [replace(f, severity=level) for f in findings
                if (level := severity(f.rule, after.config)) != OFF]
    analysis_before, analysis_after = analyse(before, today), analyse(after, today)
    clauses = _clause_changes(analysis_before, analysis_after)
    reviewers = sorted({name for change in changes for name in (*change.reviewers, *change.agree)})
    return Diff(base, head, changes, clauses, readiness(analysis_before), readiness(analysis_after),
                reviewers, findings)


def _change(kind: str, document: Document, previous: Document | None, repository: Repository) -> DocumentChange:
    roles = repository.config.roles

    def labels(role_ids: list[str | None]) -> list[str]:
        """People as the code host knows them: "Name (@handle)", for the roles isodocs.yml defines."""
        return [f"{roles[r].name} ({roles[r].handle or r})" for r in dict.fromkeys(role_ids) if r in roles]

    change = DocumentChange(kind, document.path, previous.path if previous else None, document.id, document.title,
                            status=document.status, new_version=document.version,
                            reviewers=labels([document.owner, document.approver]))
    if previous is not None:
        change.old_version = previous.version
        change.text = previous.body_digest != document.body_digest
        change.clauses = previous.clauses != document.clauses or previous.applicability != document.applicability
        change.metadata = _metadata(previous) != _metadata(document)
        change.approval_moved = previous.approved != document.approved or previous.version != document.version
        agree: list[str | None] = []
        if previous.owner != document.owner:
            change.owner_change = (previous.owner, document.owner)
            agree += [previous.owner, document.owner, document.approver]
        if previous.approver != document.approver:
            change.approver_change = (previous.approver, document.approver)
            agree += [previous.approver, document.approver]
        change.agree = labels(agree)
    return change


def _metadata(document: Document) -> tuple[object, ...]:
    """Front matter other than the clause map, the owner and the approver (a change of either is its own)."""
    return (document.id, document.title, document.type, document.status, document.version, document.approved,
            document.last_reviewed, document.reviewed_by, document.review_interval, document.classification)


def _clause_changes(before: Analysis, after: Analysis) -> list[ClauseChange]:
    result = []
    for catalog_id, catalog in after.repository.catalogs.items():
        if catalog_id not in before.repository.catalogs:
            continue
        old = ({s.id: s.state for s in clause_states(before, catalog)}
               | {s.id: s.state for s in control_states(before, catalog)})
        new = ({s.id: s.state for s in clause_states(after, catalog)}
               | {s.id: s.state for s in control_states(after, catalog)})
        for clause_id in catalog.entries:
            if old.get(clause_id, "not required") != new.get(clause_id, "not required"):
                entry = catalog.entries[clause_id]
                result.append(ClauseChange(catalog_id, clause_id, entry.title, old.get(clause_id, "not required"),
                                           new.get(clause_id, "not required"), entry.title_ru))
    return result


__all__ = ["ClauseChange", "Diff", "DocumentChange", "compare"]
