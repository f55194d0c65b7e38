"""Clause coverage: which required clauses have an approved, current document, and readiness."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterator

from isodocs import catalog as catalog_module
from isodocs.catalog import Catalog
from isodocs.checks.context import Context
from isodocs.document import Document
from isodocs.errors import CatalogError
from isodocs.findings import Finding
from isodocs.translation import Message, given, say, value
from isodocs.rules import CLAUSE_DRAFT_ONLY, CLAUSE_UNCOVERED, CLAUSE_UNKNOWN


@dataclass
class ClauseState:
    """What the document set does for one required clause or Annex A control."""

    catalog: str
    id: str
    title: str | None
    documents: list[Document] = field(default_factory=list)
    state: str = "uncovered"   # covered | draft-only | stale | uncovered | excluded | undecided | ...


@dataclass
class Readiness:
    catalog: str
    required: int
    covered: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.covered / self.required, 1) if self.required else 100.0

    def as_dict(self) -> dict[str, object]:
        return {"required": self.required, "covered": self.covered, "percent": self.percent}


def required_clauses(context: Context, catalog: Catalog) -> list[str]:
    config = context.repository.config
    excluded = config.exclusions.get(catalog.id, {})
    ids = [entry.id for entry in catalog.requires_documents]
    ids += [clause for clause in config.required.get(catalog.id, []) if clause not in ids]
    return [clause for clause in ids if clause not in excluded]


def clause_states(context: Context, catalog: Catalog) -> list[ClauseState]:
    """What the document set does for each required clause of a catalog (worked out once per run)."""
    return context.once(("clauses", catalog.id), lambda: _clause_states(context, catalog))


def _clause_states(context: Context, catalog: Catalog) -> list[ClauseState]:
    index = context.index
    states = []
    for clause_id in required_clauses(context, catalog):
        entry = catalog.get(clause_id)
        state = ClauseState(catalog.id, clause_id, entry.title if entry else None,
                            index.get((catalog.id, clause_id), []))
        approved = [d for d in state.documents if d.approved_status]
        if any(context.review_current(d) for d in approved):
            state.state = "covered"
        elif approved:
            state.state = "stale"
        elif state.documents:
            state.state = "draft-only"
        states.append(state)
    return states


def check(context: Context) -> Iterator[Finding]:
    repository = context.repository
    config = repository.config
    for position, catalog_id in enumerate(config.standards):
        catalog = repository.catalogs[catalog_id]
        where = config.line("standards", position)
        for state in clause_states(context, catalog):
            labels = entry_labels(catalog, state.id)
            if state.state == "uncovered":
                yield CLAUSE_UNCOVERED.finding(context.config_path, where,
                              say("clause-uncovered", **labels, catalog=catalog_id, clause=state.id))
            elif state.state == "stale":
                names = ", ".join(d.id for d in state.documents if d.approved_status)
                yield CLAUSE_UNCOVERED.finding(context.config_path, where,
                              say("clause-stale", **labels, names=names))
            elif state.state == "draft-only":
                first = state.documents[0]
                names = tuple(say("document-status", id=d.id, status=value(d.status)) for d in state.documents)
                yield CLAUSE_DRAFT_ONLY.finding(first.path,
                              first.clause_lines.get((catalog_id, state.id), first.line("clauses")),
                              say("clause-draft-only", **labels, names=names), first.id)
    yield from _unknown(context)


def _unknown(context: Context) -> Iterator[Finding]:
    catalogs = context.repository.catalogs
    for document in context.repository.documents:
        for catalog_id, clause_ids in document.clauses.items():
            catalog = catalogs.get(catalog_id)
            if catalog is None and document.historical and _known_edition(context, catalog_id):
                continue  # a record of the past keeps the edition it was written under
            if catalog is None:
                yield CLAUSE_UNKNOWN.finding(document.path, document.lines.get("clauses", 1),
                              say("catalog-out-of-scope", catalog=catalog_id, known=", ".join(catalogs)), document.id)
                continue
            for clause_id in clause_ids:
                if clause_id not in catalog.entries:
                    yield CLAUSE_UNKNOWN.finding(document.path, document.clause_lines[(catalog_id, clause_id)],
                                  say("clause-unknown", name=catalog.name, clause=clause_id,
                                      guess=_guess(clause_id, catalog)), document.id)
        for catalog_id, decisions in document.applicability.items():
            catalog = catalogs.get(catalog_id)
            for control, decision in decisions.items():
                if catalog is None or catalog.control(control) is None:
                    name = catalog.name if catalog else catalog_id
                    yield CLAUSE_UNKNOWN.finding(document.path, decision.line,
                                  say("control-unknown", name=name, clause=control,
                                      guess=_guess(control, catalog) if catalog else ""), document.id)


def _known_edition(context: Context, catalog_id: str) -> bool:
    try:
        catalog_module.find(catalog_id, str(context.repository.root))
    except CatalogError:
        return False
    return True


def _guess(clause_id: str, catalog: Catalog) -> Message:
    guess = difflib.get_close_matches(clause_id, list(catalog.entries), n=1, cutoff=0.7)
    if guess:
        entry = catalog.entries[guess[0]]
        return say("guess", clause=guess[0], title=given(en=entry.title, ru=entry.title_ru))
    return say("see-catalog", catalog=catalog.id)


def entry_labels(catalog: Catalog, entry_id: str) -> dict[str, Message]:
    """`label`: the standard, the clause and its title (in the catalog's titles of each language)."""
    entry = catalog.get(entry_id)
    title = entry.title if entry else None
    title_ru = (entry.title_ru or entry.title) if entry else None
    return {"label": given(en=f"{catalog.name} {entry_id}" + (f" ({title})" if title else ""),
                           ru=f"{catalog.name} {entry_id}" + (f" ({title_ru})" if title_ru else ""))}
