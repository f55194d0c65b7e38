"""Nonconformity records: when one counts as closed."""

from __future__ import annotations

from isodocs.model.document import Document


def closed(document: Document) -> bool:
    """A nonconformity counts as closed once `closed:` is recorded in an approved record."""
    record = document.nonconformity
    return record is not None and record.closed is not None and document.approved_status
