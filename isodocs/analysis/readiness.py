"""What keeps readiness below 100%: every required clause and Annex A control with its state, readiness
counted from those states and the open items being the rest, so the figure and the list agree by construction."""

from __future__ import annotations

from dataclasses import dataclass

from isodocs.analysis import evidence
from isodocs.analysis.model import Analysis
from isodocs.analysis.states import clause_states, control_states
from isodocs.model.catalog import Catalog
from isodocs.model.document import Document
from isodocs.model.repository import Repository
from isodocs.translation.messages import Message, say

DONE = frozenset({"covered", "implemented", "excluded"})
DECIDE = "[[decide:"


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


@dataclass(frozen=True)
class OpenItem:
    """A required clause or Annex A control that does not count yet, and what would make it count."""

    catalog: str
    id: str
    title: str | None
    kind: str            # clause | control
    state: str
    documents: tuple[tuple[str, str, str | None], ...]   # (id, status, version) of the documents involved
    close: Message

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "kind": self.kind, "state": self.state,
                "documents": [{"id": i, "status": s, "version": v} for i, s, v in self.documents],
                "close": str(self.close)}


@dataclass(frozen=True)
class Entry:
    id: str
    title: str | None
    kind: str
    state: str
    documents: tuple[tuple[str, str, str | None], ...]


def entries(analysis: Analysis, catalog: Catalog) -> list[Entry]:
    """Every entry readiness counts for a catalog: its required clauses, then its Annex A controls."""
    result = [Entry(s.id, s.title, "clause", s.state, _described(s.documents))
              for s in clause_states(analysis, catalog)]
    for s in control_states(analysis, catalog):
        involved = list(s.implementing)
        if s.source is not None and s.state in ("undecided", "unjustified", "unapproved") and s.source not in involved:
            involved.insert(0, s.source)
        result.append(Entry(s.id, s.title, "control", s.state, _described(involved)))
    return result


def _described(documents: list[Document]) -> tuple[tuple[str, str, str | None], ...]:
    return tuple((d.id, d.status, d.version) for d in documents)


def catalog_readiness(analysis: Analysis, catalog: Catalog) -> Readiness:
    counted = entries(analysis, catalog)
    return Readiness(catalog.id, len(counted), sum(1 for e in counted if e.state in DONE))


def catalog_open_items(analysis: Analysis, catalog: Catalog) -> list[OpenItem]:
    return [OpenItem(catalog.id, e.id, e.title, e.kind, e.state, e.documents, _close(catalog, e, analysis))
            for e in entries(analysis, catalog) if e.state not in DONE]


def readiness(analysis: Analysis) -> dict[str, Readiness]:
    """Readiness per catalog in scope."""
    catalogs = analysis.repository.catalogs
    return {c: catalog_readiness(analysis, catalogs[c]) for c in analysis.repository.config.standards}


def open_items(analysis: Analysis) -> dict[str, list[OpenItem]]:
    """Per catalog in scope: what readiness lacks."""
    catalogs = analysis.repository.catalogs
    return {c: catalog_open_items(analysis, catalogs[c]) for c in analysis.repository.config.standards}


def _close(catalog: Catalog, entry: Entry, analysis: Analysis) -> Message:
    names = ", ".join(i for i, _, _ in entry.documents)
    extra: dict[str, object] = {}
    if entry.state == "unevidenced":
        decision = analysis.decisions[catalog.id][entry.id][0]
        interval = evidence.frequency(decision)
        assert interval is not None
        extra["frequency"] = evidence.frequency_said(interval, decision.frequency)
    return say(f"close-{entry.state}", catalog=catalog.id, clause=entry.id, names=names, **extra)


@dataclass(frozen=True)
class OpenDecisions:
    """A document with `[[decide: ...]]` placeholders left: decisions the template leaves to the organization."""

    document: str
    path: str
    count: int


def open_decisions(repository: Repository) -> list[OpenDecisions]:
    found = []
    for document in repository.documents:
        count = sum(1 for _, text in document.marks if text.startswith(DECIDE))
        if count and not document.retired:
            found.append(OpenDecisions(document.id, document.path, count))
    return sorted(found, key=lambda d: d.path)
