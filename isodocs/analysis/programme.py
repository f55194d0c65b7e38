"""The internal audit programme and management reviews: what has been audited in the cycle, and what not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from isodocs.analysis.model import Analysis
from isodocs.model import catalog as catalog_module, transitions
from isodocs.model.catalog import Catalog
from isodocs.model.document import Audit, Document
from isodocs.model.transitions import Transition


def management_reviews(analysis: Analysis) -> list[tuple[date, Document]]:
    """Management reviews held, from approved records only (a draft record is not evidence yet)."""
    return sorted(((d.review_held, d) for d in analysis.repository.documents
                   if d.review_held is not None and d.approved_status), key=lambda pair: pair[0])


@dataclass
class ProgrammeCoverage:
    catalog: Catalog
    start: date | None
    end: date | None
    missing: list[str]
    audits: list[tuple[Audit, Document]]


def programme(analysis: Analysis) -> list[tuple[Audit, Document]]:
    return sorted(((a, d) for d in analysis.repository.documents if not d.retired for a in d.audits),
                  key=lambda pair: pair[0].planned)


def programme_coverage(analysis: Analysis, catalog: Catalog) -> ProgrammeCoverage:
    transition = _predecessor_map(analysis, catalog)
    earlier = transition.source.id if transition else None
    audits = [(a, d) for a, d in programme(analysis)
              if a.standard == catalog.id or (a.standard == earlier and a.done is not None and d.approved_status)]
    config = analysis.repository.config
    start = config.certification.issued or (_month(audits[0][0].planned) if audits else None)
    end = config.audit_cycle.after(start) if start else None
    covered: set[str] = set()
    inherited: set[str] = set()   # ids of this edition audited under the one it replaced, one by one
    for audit, _ in audits:
        planned = _month(audit.planned)
        if start is not None and end is not None and not (start.replace(day=1) <= planned < end):
            continue
        if audit.standard == catalog.id:
            covered.update(audit.clauses)
        elif transition is not None:
            audited = [e for e in transition.source.entries if _ancestors(transition.source, e) & set(audit.clauses)]
            inherited.update(i for i in transition.map_ids(audited) if i in catalog.entries)
    missing = []
    for entry in catalog.entries.values():
        if entry.annex:
            continue
        if not _ancestors(catalog, entry.id) & covered and entry.id not in inherited:
            missing.append(entry.id)
    return ProgrammeCoverage(catalog, start, end, missing, audits)


def unaudited(analysis: Analysis, catalog: Catalog) -> list[str]:
    """Clauses 4 to 10 and applicable Annex A controls that no internal audit done (in an approved programme) has
    covered: what a full internal audit before the initial certification audit must leave empty."""
    covered: set[str] = set()
    for audit, document in programme(analysis):
        if audit.standard == catalog.id and audit.done is not None and document.approved_status:
            covered.update(audit.clauses)
    decisions = analysis.decisions.get(catalog.id, {})
    missing = []
    for entry in catalog.entries.values():
        if entry.annex and (entry.id not in decisions or decisions[entry.id][0].applicable is not True):
            continue
        if not _ancestors(catalog, entry.id) & covered:
            missing.append(entry.id)
    return missing


def _ancestors(catalog: Catalog, entry_id: str) -> set[str]:
    """The entry and every entry above it."""
    found = {entry_id}
    parent = catalog.entries[entry_id].parent
    while parent is not None:
        found.add(parent)
        parent = catalog.entries[parent].parent
    return found


def _predecessor_map(analysis: Analysis, catalog: Catalog) -> Transition | None:
    """The transition map from the edition this one replaced, when there is one: audits done under the old
    edition in this cycle count for the clauses that carried over (never for the new ones)."""
    earlier = catalog.edition.replaces
    if not earlier:
        return None
    root = analysis.repository.root
    path = transitions.path_for(earlier, catalog.id, root / analysis.repository.config.catalogs_dir)
    if path is None:
        return None
    return analysis.once(("transition", earlier, catalog.id), lambda: transitions.read(
        path, {earlier: catalog_module.find(earlier, str(root)), catalog.id: catalog}))


def _month(text: str) -> date:
    """The first day of the month an audit is planned for (`YYYY-MM`)."""
    return date(int(text[:4]), int(text[5:7]), 1)
