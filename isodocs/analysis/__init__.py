"""The derived model: what the documents add up to on a given day (clause and control states, readiness
and open items, risks, the audit programme, certification dates). The checks turn it into findings; the
exports, the handbook, `diff` and the commands read it directly.

`analyse(repository, today)` is the one entry point: one `Analysis` per repository and day, each part
worked out the first time it is asked for.
"""

from __future__ import annotations

from datetime import date

from isodocs.analysis.model import Analysis
from isodocs.model.repository import Repository


def analyse(repository: Repository, today: date) -> Analysis:
    """The analysis of `repository` on `today`, made once and kept on the repository model."""
    made = repository.analyses.get(today)
    if made is None:
        made = repository.analyses[today] = Analysis(repository, today)
    return made


__all__ = ["Analysis", "analyse"]
