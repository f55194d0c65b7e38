"""What every check reads: the repository and the day the run pretends it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from isodocs.dates import Interval
from isodocs.document import Document
from isodocs.repository import Repository


@dataclass
class Context:
    repository: Repository
    today: date

    @property
    def config_path(self) -> str:
        return self.repository.config.path.name

    def interval(self, document: Document) -> Interval:
        return document.review_interval or self.repository.config.review_interval

    def next_review(self, document: Document) -> date | None:
        reviewed = document.last_reviewed
        return self.interval(document).after(reviewed) if reviewed else None

    def review_current(self, document: Document) -> bool:
        due = self.next_review(document)
        return due is not None and due >= self.today
