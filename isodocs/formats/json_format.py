"""JSON: one object with `findings`, `readiness` and `summary` (the contract's shape)."""

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
        "summary": {"errors": report.errors, "warnings": report.warnings},
        "notes": report.notes,
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
