"""The analysis of one repository on one day: the indexes every derived state is built from, and a memo so
that each state is worked out once however many readers ask for it."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TypeVar, cast

from isodocs.model import crosswalks
from isodocs.model.dates import Interval
from isodocs.model.document import Decision, Document
from isodocs.model.repository import Repository

T = TypeVar("T")


@dataclass
class Analysis:
    repository: Repository
    today: date
    # next review per (last review, interval)
    _due: dict[tuple[date, Interval | None], date] = field(default_factory=dict, repr=False)
    _once: dict[Hashable, object] = field(default_factory=dict, repr=False)  # each key's value is its compute's T

    @cached_property
    def index(self) -> dict[tuple[str, str], list[Document]]:
        """The documents in force that name each (catalog, clause), from one pass over the documents; a clause
        a crosswalk maps to counts as named too."""
        found: dict[tuple[str, str], list[Document]] = {}
        walks = crosswalks.targets(self.repository.crosswalks)
        for document in self.repository.documents:
            if document.retired:
                continue
            for catalog_id, clause_ids in document.clauses.items():
                for clause_id in clause_ids:
                    found.setdefault((catalog_id, clause_id), []).append(document)
            if walks:
                direct = {(c, i) for c, ids in document.clauses.items() for i in ids}
                mapped = {t for key in direct for t in walks.get(key, ())} - direct
                for target in sorted(mapped):
                    found.setdefault(target, []).append(document)
        return found

    @cached_property
    def decisions(self) -> dict[str, dict[str, tuple[Decision, Document]]]:
        """Statement of Applicability decisions per catalog and control, from one pass over the documents."""
        found: dict[str, dict[str, tuple[Decision, Document]]] = {}
        for document in self.repository.documents:
            if document.applicability and not document.retired:
                for catalog_id, decisions in document.applicability.items():
                    per_catalog = found.setdefault(catalog_id, {})
                    for control, decision in decisions.items():
                        per_catalog.setdefault(control, (decision, document))
        return found

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` the first time `key` is asked for in this run; the same result every time after."""
        if key not in self._once:
            self._once[key] = compute()
        return cast(T, self._once[key])

    @property
    def config_path(self) -> str:
        return self.repository.config.path.name

    def interval(self, document: Document) -> Interval:
        return document.review_interval or self.repository.config.review_interval

    def next_review(self, document: Document) -> date | None:
        reviewed = document.last_reviewed
        return None if reviewed is None else self.review_due(document, reviewed)

    def review_due(self, document: Document, reviewed: date) -> date:
        """The next review of a document last reviewed on `reviewed`."""
        key = (reviewed, document.review_interval)
        due = self._due.get(key)
        if due is None:
            due = self._due[key] = self.interval(document).after(reviewed)
        return due

    def review_current(self, document: Document) -> bool:
        due = self.next_review(document)
        return due is not None and due >= self.today
