"""A controlled document: one Markdown file and the metadata in its front matter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from isodocs.files.freezing import NOT_CACHED
from isodocs.model.dates import Interval
from isodocs.translation import say

TYPES = ("policy", "procedure", "plan", "record", "register", "form", "manual", "guideline")
STATUSES = ("draft", "in-review", "approved", "retired")


@dataclass(frozen=True, slots=True)
class Decision:
    """One Statement of Applicability decision for an Annex A control."""

    control: str
    applicable: bool | None   # None: listed, but not decided yet
    justification: str | None
    implementation: str | None
    documents: tuple[str, ...]
    line: int
    reasons: tuple[str, ...] = ()   # why the control is selected: risk-treatment, legal, contractual, business
    frequency: str | None = None    # how often evidence of its operation is expected: monthly, quarterly, 2 months...


@dataclass(frozen=True, slots=True)
class Evidence:
    """One entry of evidence of operation: controls or clauses that operated on a day, who did it, what was done
    and where the proof is kept (files in the repository, or a link)."""

    date: date | None
    by: str | None
    what: str
    controls: dict[str, tuple[str, ...]]   # catalog id -> control or clause ids
    files: tuple[str, ...]
    link: str | None
    line: int


@dataclass(frozen=True, slots=True)
class Nonconformity:
    """A nonconformity record (clause 10.2) kept in a document's front matter."""

    raised: date | None
    due: date | None
    closed: date | None
    grade: str | None
    source: str | None
    clause: str | None
    line: int
    due_line: int
    root_cause: str | None = None
    action: str | None = None
    verification: str | None = None


@dataclass(frozen=True, slots=True)
class Risk:
    """One risk of a risk register, with its rating before and after treatment."""

    id: str
    asset: str
    threat: str
    likelihood: int
    impact: int
    owner: str
    treatment: str
    controls: dict[str, list[str]]
    residual_likelihood: int | None
    residual_impact: int | None
    review: date | None
    action: str | None
    due: date | None
    line: int
    lines: dict[str, int]
    done: date | None = None   # the day the treatment action was carried out

    @property
    def level(self) -> int:
        return self.likelihood * self.impact

    @property
    def residual_level(self) -> int | None:
        if self.residual_likelihood is None or self.residual_impact is None:
            return None
        return self.residual_likelihood * self.residual_impact


@dataclass(frozen=True, slots=True)
class Audit:
    """One audit of an internal audit programme."""

    planned: str           # YYYY-MM
    standard: str
    clauses: tuple[str, ...]
    auditor: str | None
    done: date | None
    line: int


@dataclass(slots=True)
class Document:
    path: str                      # relative to the repository root, forward slashes
    id: str
    title: str
    type: str
    status: str
    owner: str | None = None
    approver: str | None = None
    version: str | None = None
    approved: date | None = None
    last_reviewed: date | None = None
    reviewed_by: str | None = None
    review_interval: Interval | None = None
    classification: str | None = None
    clauses: dict[str, list[str]] = field(default_factory=dict)
    applicability: dict[str, dict[str, Decision]] = field(default_factory=dict)
    nonconformity: Nonconformity | None = None
    risks: tuple[Risk, ...] = ()
    audits: tuple[Audit, ...] = ()
    review_held: date | None = None   # the day of the management review this record documents
    evidence: tuple[Evidence, ...] = ()   # evidence of operation this record holds
    required_reading: bool = False    # every employee must read it (the dashboard lists it)
    source: str = field(default="", metadata=NOT_CACHED)  # the file's path; the body is read from it when needed
    body_digest: str = ""          # a digest of the body, to tell whether the text changed
    body_line: int = 1             # the file line on which the body starts
    links: tuple[tuple[int, str], ...] = ()   # (line offset in the body, target), read once
    marks: tuple[tuple[int, str], ...] = ()   # (line offset in the body, placeholder text), read once
    lines: dict[str, int] = field(default_factory=dict)        # front matter key -> file line
    clause_lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (catalog, clause) -> line

    @property
    def body(self) -> str:
        """The Markdown after the front matter, read from the file (bodies are not kept in memory)."""
        from isodocs.files.fences import decode, split

        if not self.source:
            return ""
        with open(self.source, "rb") as handle:
            return split(decode(handle.read())).body

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    @property
    def approved_status(self) -> bool:
        return self.status == "approved"

    @property
    def retired(self) -> bool:
        return self.status == "retired"

    @property
    def historical(self) -> str | None:
        """Why the document records the past (and so keeps the edition it was written under), or None."""
        if self.retired:
            return say("migrate.historical-retired")
        if self.nonconformity is not None and self.nonconformity.closed is not None:
            return say("migrate.historical-closed")
        if self.review_held is not None:
            return say("migrate.historical-review")
        return None
