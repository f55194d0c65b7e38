"""What the document set does for each required clause and each Annex A control.

Statement of Applicability decisions live in the front matter of a controlled document (usually
`type: register`) under `applicability:`; implementing documents are those that name the control under
`clauses:` plus any listed in a decision's `documents:`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from isodocs.analysis.evidence import followed_and_stale
from isodocs.analysis.model import Analysis
from isodocs.model.catalog import Catalog
from isodocs.model.document import Decision, Document


@dataclass
class ClauseState:
    """What the document set does for one required clause or Annex A control."""

    catalog: str
    id: str
    title: str | None
    documents: list[Document] = field(default_factory=list)
    state: str = "uncovered"   # covered | draft-only | stale | uncovered | excluded | undecided | ...


@dataclass
class ControlState:
    catalog: str
    id: str
    title: str | None
    decision: Decision | None
    source: Document | None
    implementing: list[Document]
    state: str  # implemented | excluded | unimplemented | unjustified | undecided | unapproved | pending | unevidenced


def required_clauses(analysis: Analysis, catalog: Catalog) -> list[str]:
    config = analysis.repository.config
    excluded = config.exclusions.get(catalog.id, {})
    ids = [entry.id for entry in catalog.requires_documents]
    ids += [clause for clause in config.required.get(catalog.id, []) if clause not in ids]
    return [clause for clause in ids if clause not in excluded]


def clause_states(analysis: Analysis, catalog: Catalog) -> list[ClauseState]:
    """What the document set does for each required clause of a catalog (worked out once per analysis)."""
    return analysis.once(("clauses", catalog.id), lambda: _clause_states(analysis, catalog))


def _clause_states(analysis: Analysis, catalog: Catalog) -> list[ClauseState]:
    index = analysis.index
    states = []
    for clause_id in required_clauses(analysis, catalog):
        entry = catalog.get(clause_id)
        state = ClauseState(catalog.id, clause_id, entry.title if entry else None,
                            index.get((catalog.id, clause_id), []))
        approved = [d for d in state.documents if d.approved_status]
        if any(analysis.review_current(d) for d in approved):
            state.state = "covered"
        elif approved:
            state.state = "stale"
        elif state.documents:
            state.state = "draft-only"
        states.append(state)
    return states


def control_states(analysis: Analysis, catalog: Catalog) -> list[ControlState]:
    """Every Annex A control of a catalog with its decision and implementation (worked out once per analysis)."""
    return analysis.once(("controls", catalog.id), lambda: _control_states(analysis, catalog))


def _control_states(analysis: Analysis, catalog: Catalog) -> list[ControlState]:
    index = analysis.index
    decisions = analysis.decisions.get(catalog.id, {})
    ids = analysis.repository.by_id
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
        elif not in_force(analysis, source):
            state = "unapproved"   # a decision counts once the Statement of Applicability is approved and current
        elif not decision.applicable:
            state = "excluded"
        elif any(in_force(analysis, d) for d in implementing):
            # with `frequency:` set, a control counts only while its evidence of operation is recent enough
            state = "unevidenced" if followed_and_stale(analysis, catalog.id, decision) else "implemented"
        else:
            state = "pending"
        states.append(ControlState(catalog.id, entry.id, entry.title, decision, source, implementing, state))
    return states


def in_force(analysis: Analysis, document: Document | None) -> bool:
    """Approved and within its review interval: what an auditor accepts."""
    return document is not None and document.approved_status and analysis.review_current(document)
