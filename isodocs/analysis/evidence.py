"""Evidence of operation (opt-in): records that say a control or clause operated on a day, and whether an
applicable control whose Statement of Applicability decision sets `frequency:` has recent enough evidence.

Evidence lives in records, like management reviews and nonconformities: a document's `evidence:` lists entries
(date, by, what, the controls and clauses it shows operating, files in the repository or a link). An entry counts
once its record is approved and only when every file it names exists.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from isodocs.analysis.model import Analysis
from isodocs.model.dates import Interval
from isodocs.model.document import Decision, Document, Evidence
from isodocs.translation.messages import Message, say

NAMED = {"weekly": Interval(1, "week"), "monthly": Interval(1, "month"), "quarterly": Interval(3, "month"),
         "half-yearly": Interval(6, "month"), "yearly": Interval(1, "year")}


@dataclass(frozen=True)
class Recorded:
    """An entry of evidence and the record that holds it."""

    entry: Evidence
    record: Document


@dataclass(frozen=True)
class Operation:
    """What the evidence says about one control: the expected frequency, the latest entry that counts, and whether
    evidence is overdue (None when no frequency is set, so the control is not followed)."""

    frequency: Interval | None
    latest: Recorded | None
    due: date | None          # when new evidence is (or was) due; None without frequency or without evidence
    stale: bool | None
    waiting: tuple[Recorded, ...]   # entries in records not approved: they do not count yet


def frequency(decision: Decision | None) -> Interval | None:
    if decision is None or not decision.frequency:
        return None
    return NAMED.get(decision.frequency) or Interval.parse(decision.frequency)


def frequency_said(interval: Interval, text: str | None) -> Message:
    """The frequency as people say it ("monthly", "every 2 months"), in either language."""
    if text in NAMED:
        return say(f"frequency-{text}")
    return say("frequency-every", interval=str(interval))


def file_exists(context: Analysis, name: str) -> bool:
    root = os.path.realpath(context.repository.root)
    target = os.path.realpath(os.path.join(root, name))
    return os.path.commonpath([root, target]) == root and os.path.isfile(target)


def _counts(context: Analysis, entry: Evidence) -> bool:
    return entry.date is not None and entry.date <= context.today and \
        all(file_exists(context, name) for name in entry.files)


def recorded(context: Analysis) -> dict[tuple[str, str], tuple[list[Recorded], list[Recorded]]]:
    """Per (catalog, control or clause): the entries that count (newest first) and those waiting for approval."""
    def gather() -> dict[tuple[str, str], tuple[list[Recorded], list[Recorded]]]:
        found: dict[tuple[str, str], tuple[list[Recorded], list[Recorded]]] = {}
        for document in context.repository.documents:
            if document.retired:
                continue
            for entry in document.evidence:
                if not _counts(context, entry):
                    continue
                for catalog_id, ids in entry.controls.items():
                    for entry_id in ids:
                        counting, waiting = found.setdefault((catalog_id, entry_id), ([], []))
                        (counting if document.approved_status else waiting).append(Recorded(entry, document))
        for counting, waiting in found.values():
            counting.sort(key=lambda r: (r.entry.date, r.record.id), reverse=True)
            waiting.sort(key=lambda r: (r.entry.date, r.record.id), reverse=True)
        return found
    return context.once("evidence", gather)


def operation(context: Analysis, catalog_id: str, entry_id: str, decision: Decision | None = None) -> Operation:
    counting, waiting = recorded(context).get((catalog_id, entry_id), ([], []))
    latest = counting[0] if counting else None
    interval = frequency(decision)
    if interval is None:
        return Operation(None, latest, None, None, tuple(waiting))
    if latest is None or latest.entry.date is None:
        return Operation(interval, latest, None, True, tuple(waiting))
    due = interval.after(latest.entry.date)
    return Operation(interval, latest, due, due < context.today, tuple(waiting))


def followed_and_stale(context: Analysis, catalog_id: str, decision: Decision | None) -> bool:
    """Whether an applicable control follows evidence (`frequency:` set) and its evidence is missing or too old."""
    if decision is None or decision.applicable is not True or frequency(decision) is None:
        return False
    return bool(operation(context, catalog_id, decision.control, decision).stale)
