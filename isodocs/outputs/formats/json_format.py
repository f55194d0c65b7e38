"""JSON: one object with `findings`, `readiness`, `open_items` (per catalog: each required clause or control that
readiness does not count yet, its state, the documents involved and what would close it) and `summary`."""

from __future__ import annotations

import json

from isodocs.checks import Report


def as_dict(report: Report) -> dict[str, object]:
    return {
        "findings": [
            {"rule": f.rule, "severity": f.severity, "path": f.path, "line": f.line, "document": f.document,
             "message": f.message}
            for f in report.findings
        ],
        "readiness": {catalog: ready.as_dict() for catalog, ready in report.readiness.items()},
        "open_items": {catalog: [item.as_dict() for item in items] for catalog, items in report.open_items.items()},
        "open_decisions": {"total": report.open_decisions,
                           "documents": [{"id": d.document, "path": d.path, "count": d.count}
                                         for d in report.decisions]},
        "summary": {"errors": report.errors, "warnings": report.warnings},
        "notes": report.notes,
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
