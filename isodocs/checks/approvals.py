"""Approvals against git: changed since approval, history missing or skipped, self-approval, and (opt-in)
whether the approving commit was authored or signed by the approver role."""

from __future__ import annotations

from collections.abc import Iterator

from isodocs.analysis import Analysis
from isodocs.git.approvals import proofs
from isodocs.git.history import APPROVED, CHANGED, SKIPPED, UNAPPROVED, UNVERIFIABLE, History
from isodocs.model.findings import Finding
from isodocs.model.rules import (
    APPROVAL_SELF,
    APPROVAL_UNVERIFIED,
    CHANGED_SINCE_APPROVAL,
    HISTORY_MISSING,
    HISTORY_SKIPPED,
)
from isodocs.translation.messages import say

SHOWN = 10  # documents named in one history-missing finding


def check(context: Analysis, history: History) -> Iterator[Finding]:
    repository = context.repository
    config = repository.config
    approved = [document for document in repository.documents if document.approved_status]
    for document in approved:
        if document.owner and document.owner == document.approver and not config.allow_self_approval:
            yield APPROVAL_SELF.finding(document.path, document.line("approver"),
                          say("approval-self", id=document.id, role=document.owner), document.id)
    if not history.available:
        if approved or history.reason == SKIPPED:
            yield HISTORY_SKIPPED.finding(context.config_path, 0,
                          say("history-skipped", count=len(approved),
                              reason=say("skipped-option" if history.reason == SKIPPED else "skipped-not-git")))
        return
    approvals = history.approvals(document.path for document in approved)
    unverifiable = []
    origins = {}
    for document in approved:
        approval = approvals[document.path]
        if approval.state == UNVERIFIABLE:
            unverifiable.append(document)
        elif approval.state == UNAPPROVED:
            birth = next((r for r in reversed(history.of(document.path)) if r.birth), None)
            yield CHANGED_SINCE_APPROVAL.finding(document.path, document.line("version"),
                          say("unapproved-life", id=document.id,
                              commit=birth.short if birth else "?", version=document.version), document.id)
        elif approval.state == CHANGED:
            change = approval.change
            when = say("changed-uncommitted") if change is None or change.uncommitted else \
                say("changed-in-commit", commit=change.short, date=f"{change.date:%Y-%m-%d}", subject=change.subject)
            yield CHANGED_SINCE_APPROVAL.finding(document.path, document.line("version"),
                          say("changed-since-approval", id=document.id, when=when, version=document.version),
                          document.id)
        if approval.state in (APPROVED, CHANGED) and approval.origin is not None:
            origins[document.path] = (approval.origin, document.approver)
    if unverifiable:
        ids = ", ".join(d.id for d in unverifiable[:SHOWN]) + (" ..." if len(unverifiable) > SHOWN else "")
        edge = min(history.boundary)[:8] if history.boundary else "?"
        yield HISTORY_MISSING.finding(context.config_path, 0,
                      say("history-missing", count=len(unverifiable), ids=ids, commit=edge))
    by_path = {document.path: document for document in approved}
    for path, proof in proofs(config, history, origins).items():
        if proof.verified:
            continue
        revision, role_id = origins[path]
        document = by_path[path]
        yield APPROVAL_UNVERIFIED.finding(path, document.line("approved"),
                      say("approval-unverified-" + config.verify, id=document.id, version=document.version,
                          commit=revision.short if not revision.uncommitted else "uncommitted",
                          author=f"{revision.author} <{revision.email}>", role=role_id or "?",
                          person=config.role_label(role_id) or "?"), document.id)

