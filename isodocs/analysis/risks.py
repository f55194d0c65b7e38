"""The risk register: every risk recorded in a document in force, and how it stands against acceptance."""

from __future__ import annotations

from isodocs.analysis.model import Analysis
from isodocs.model.config import Config
from isodocs.model.document import Document, Risk


def risks(analysis: Analysis) -> list[tuple[Risk, Document]]:
    return [(risk, document) for document in analysis.repository.documents if not document.retired
            for risk in document.risks]


def above_acceptance(config: Config, risk: Risk) -> bool | None:
    """Whether the risk's level before treatment is above `defaults.risk_acceptance` (None when none is set)."""
    if config.risk_acceptance is None:
        return None
    return risk.level > config.risk_acceptance
