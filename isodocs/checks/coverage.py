"""Clause coverage: required clauses without an approved, current document, and clauses no catalog has."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from isodocs.analysis import Analysis
from isodocs.analysis.states import clause_states
from isodocs.errors import CatalogError
from isodocs.model import catalog as catalog_module
from isodocs.model.catalog import Catalog
from isodocs.model.findings import Finding
from isodocs.model.rules import CLAUSE_DRAFT_ONLY, CLAUSE_UNCOVERED, CLAUSE_UNKNOWN
from isodocs.translation import Message, given, say, value


def check(context: Analysis) -> Iterator[Finding]:
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
                listed = tuple(say("document-status", id=d.id, status=value(d.status)) for d in state.documents)
                yield CLAUSE_DRAFT_ONLY.finding(first.path,
                              first.clause_lines.get((catalog_id, state.id), first.line("clauses")),
                              say("clause-draft-only", **labels, names=listed), first.id)
    yield from _unknown(context)


def _unknown(context: Analysis) -> Iterator[Finding]:
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


def _known_edition(context: Analysis, catalog_id: str) -> bool:
    try:
        catalog_module.find(catalog_id, str(context.repository.root))
    except CatalogError:
        return False
    return True


def _guess(clause_id: str, catalog: Catalog) -> Message:
    guess = difflib.get_close_matches(clause_id, list(catalog.entries), n=1, cutoff=0.7)
    if guess:
        entry = catalog.entries[guess[0]]
        return say("guess", clause=guess[0], title=given(en=entry.title, ru=entry.title_in("ru")))
    return say("see-catalog", catalog=catalog.id)


def entry_labels(catalog: Catalog, entry_id: str) -> dict[str, Message]:
    """`label`: the standard, the clause and its title (in the catalog's titles of each language)."""
    entry = catalog.get(entry_id)
    title = entry.title if entry else None
    title_ru = entry.title_in("ru") if entry else None
    return {"label": given(en=f"{catalog.name} {entry_id}" + (f" ({title})" if title else ""),
                           ru=f"{catalog.name} {entry_id}" + (f" ({title_ru})" if title_ru else ""))}
