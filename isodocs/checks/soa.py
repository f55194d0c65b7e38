"""The Statement of Applicability: a decision for every Annex A control, justified and implemented.

Decisions live in the front matter of a controlled document (usually `type: register`) under
`applicability:`; implementing documents are those that name the control under `clauses:` plus
any listed in a decision's `documents:`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from isodocs.catalog import Catalog
from isodocs.checks import evidence
from isodocs.checks.context import Context
from isodocs.document import Decision, Document
from isodocs.checks.coverage import entry_labels
from isodocs.findings import Finding
from isodocs.translation import Message, say, value
from isodocs.rules import (
    SCHEMA_INVALID, SOA_DRAFT_ONLY, SOA_MISSING_DECISION, SOA_UNIMPLEMENTED, SOA_UNJUSTIFIED_EXCLUSION)


@dataclass
class ControlState:
    catalog: str
    id: str
    title: str | None
    decision: Decision | None
    source: Document | None
    implementing: list[Document]
    state: str  # implemented | excluded | unimplemented | unjustified | undecided | unapproved | pending | unevidenced


def control_states(context: Context, catalog: Catalog) -> list[ControlState]:
    """Every Annex A control of a catalog with its decision and implementation (worked out once per run)."""
    return context.once(("controls", catalog.id), lambda: _control_states(context, catalog))


def _control_states(context: Context, catalog: Catalog) -> list[ControlState]:
    index = context.index
    decisions = context.decisions.get(catalog.id, {})
    ids = context.repository.by_id
    states = []
    for entry in catalog.controls:
        decision, source = decisions.get(entry.id, (None, None))
        implementing = list(index.get((catalog.id, entry.id), []))
        if decision is not None:
            for doc_id in decision.documents:
                implementing += [d for d in ids.get(doc_id, []) if d not in implementing and not d.retired]
        if decision is None or decision.applicable is None:
            state = "undecided"
        elif not decision.applicable and not (decision.justification or "").strip():
            state = "unjustified"
        elif decision.applicable and not implementing:
            state = "unimplemented"
        elif not in_force(context, source):
            state = "unapproved"   # a decision counts once the Statement of Applicability is approved and current
        elif not decision.applicable:
            state = "excluded"
        elif any(in_force(context, d) for d in implementing):
            # with `frequency:` set, a control counts only while its evidence of operation is recent enough
            state = "unevidenced" if evidence.followed_and_stale(context, catalog.id, decision) else "implemented"
        else:
            state = "pending"
        states.append(ControlState(catalog.id, entry.id, entry.title, decision, source, implementing, state))
    return states


def in_force(context: Context, document: Document | None) -> bool:
    """Approved and within its review interval: what an auditor accepts."""
    return document is not None and document.approved_status and context.review_current(document)


def check(context: Context) -> Iterator[Finding]:
    repository = context.repository
    for position, catalog_id in enumerate(repository.config.standards):
        catalog = repository.catalogs[catalog_id]
        if not catalog.controls:
            continue
        states = control_states(context, catalog)
        if all(s.source is None for s in states):
            yield SOA_MISSING_DECISION.finding(context.config_path, repository.config.line("standards", position),
                          say("soa-absent", name=catalog.name, count=len(states), catalog=catalog_id))
            continue
        yield from _duplicates(context, catalog_id)
        soa = next(s.source for s in states if s.source is not None)
        for state in states:
            labels = entry_labels(catalog, state.id)
            if state.state == "undecided" and state.decision is not None:
                yield SOA_MISSING_DECISION.finding(state.source.path, state.decision.line,
                              say("soa-undecided", **labels), state.source.id)
            elif state.state == "undecided":
                yield SOA_MISSING_DECISION.finding(soa.path, soa.line("applicability"),
                              say("soa-missing", **labels, clause=state.id), soa.id)
            elif state.state == "unjustified":
                yield SOA_UNJUSTIFIED_EXCLUSION.finding(state.source.path, state.decision.line,
                              say("soa-unjustified", **labels), state.source.id)
            elif state.state == "unimplemented":
                yield SOA_UNIMPLEMENTED.finding(state.source.path, state.decision.line,
                              say("soa-unimplemented", **labels), state.source.id)
            elif state.state == "pending":
                names = tuple(say("document-status", id=d.id, status=_standing(context, d)) for d in state.implementing)
                yield SOA_DRAFT_ONLY.finding(state.source.path, state.decision.line,
                              say("soa-draft-only", **labels, names=names), state.source.id)
        yield from _unapproved(context, catalog, states)
        yield from _unknown_documents(context, catalog_id)


def _standing(context: Context, document: Document) -> Message:
    return say("status-overdue") if document.approved_status else value(document.status)


def _unapproved(context: Context, catalog: Catalog, states: list[ControlState]) -> Iterator[Finding]:
    """One finding per Statement of Applicability whose decisions do not count yet, with how many."""
    waiting: dict[str, list[ControlState]] = {}
    for state in states:
        if state.state == "unapproved" and state.source is not None:
            waiting.setdefault(state.source.path, []).append(state)
    for held in waiting.values():
        source = held[0].source
        assert source is not None
        yield SOA_DRAFT_ONLY.finding(source.path, source.line("status"),
                      say("soa-unapproved", id=source.id, name=catalog.name, count=len(held),
                          standing=_standing(context, source)), source.id)


def _duplicates(context: Context, catalog_id: str) -> Iterator[Finding]:
    owners = context.decisions.get(catalog_id, {})
    for document in context.repository.documents:
        if document.retired:
            continue
        for control, decision in document.applicability.get(catalog_id, {}).items():
            owner = owners[control][1]
            if owner is not document:
                yield SCHEMA_INVALID.finding(document.path, decision.line,
                              say("soa-twice", control=control, other=owner.path), document.id)


def _unknown_documents(context: Context, catalog_id: str) -> Iterator[Finding]:
    ids = context.repository.by_id
    for control, (decision, source) in context.decisions.get(catalog_id, {}).items():
        for doc_id in decision.documents:
            if doc_id not in ids:
                yield SOA_UNIMPLEMENTED.finding(source.path, decision.line,
                              say("soa-unknown-document", control=control, document=doc_id), source.id)
