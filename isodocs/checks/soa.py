"""The Statement of Applicability: a decision for every Annex A control, justified and implemented."""

from __future__ import annotations

from collections.abc import Iterator

from isodocs.analysis import Analysis
from isodocs.analysis.states import ControlState, control_states
from isodocs.checks.coverage import entry_labels
from isodocs.model.catalog import Catalog
from isodocs.model.document import Document
from isodocs.model.findings import Finding
from isodocs.model.rules import (
    SCHEMA_INVALID,
    SOA_DRAFT_ONLY,
    SOA_MISSING_DECISION,
    SOA_UNIMPLEMENTED,
    SOA_UNJUSTIFIED_EXCLUSION,
)
from isodocs.translation import Message, say, value


def check(context: Analysis) -> Iterator[Finding]:
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
            decision, source = state.decision, state.source  # a decision always comes with its document
            if decision is None or source is None:
                if state.state == "undecided":
                    yield SOA_MISSING_DECISION.finding(soa.path, soa.line("applicability"),
                                                       say("soa-missing", **labels, clause=state.id), soa.id)
            elif state.state == "undecided":
                yield SOA_MISSING_DECISION.finding(source.path, decision.line, say("soa-undecided", **labels),
                                                   source.id)
            elif state.state == "unjustified":
                yield SOA_UNJUSTIFIED_EXCLUSION.finding(source.path, decision.line, say("soa-unjustified", **labels),
                                                        source.id)
            elif state.state == "unimplemented":
                yield SOA_UNIMPLEMENTED.finding(source.path, decision.line, say("soa-unimplemented", **labels),
                                                source.id)
            elif state.state == "pending":
                names = tuple(say("document-status", id=d.id, status=_standing(context, d)) for d in state.implementing)
                yield SOA_DRAFT_ONLY.finding(source.path, decision.line, say("soa-draft-only", **labels, names=names),
                                             source.id)
        yield from _unapproved(context, catalog, states)
        yield from _unknown_documents(context, catalog_id)


def _standing(context: Analysis, document: Document) -> Message:
    return say("status-overdue") if document.approved_status else value(document.status)


def _unapproved(context: Analysis, catalog: Catalog, states: list[ControlState]) -> Iterator[Finding]:
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


def _duplicates(context: Analysis, catalog_id: str) -> Iterator[Finding]:
    owners = context.decisions.get(catalog_id, {})
    for document in context.repository.documents:
        if document.retired:
            continue
        for control, decision in document.applicability.get(catalog_id, {}).items():
            owner = owners[control][1]
            if owner is not document:
                yield SCHEMA_INVALID.finding(document.path, decision.line,
                              say("soa-twice", control=control, other=owner.path), document.id)


def _unknown_documents(context: Analysis, catalog_id: str) -> Iterator[Finding]:
    ids = context.repository.by_id
    for control, (decision, source) in context.decisions.get(catalog_id, {}).items():
        for doc_id in decision.documents:
            if doc_id not in ids:
                yield SOA_UNIMPLEMENTED.finding(source.path, decision.line,
                              say("soa-unknown-document", control=control, document=doc_id), source.id)
