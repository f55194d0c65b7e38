"""SARIF 2.1.0 for GitHub code scanning: stable rule ids, repository-relative paths."""

from __future__ import annotations

import json

from isodocs import __version__
from isodocs.checks import Report
from isodocs.checks.rules import RULES
from isodocs.files.resources import project_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(report: Report) -> str:
    rule_ids = list(RULES)
    results = []
    for finding in report.findings:
        location: dict[str, object] = {"artifactLocation": {"uri": finding.path}}
        if finding.line:
            location["region"] = {"startLine": finding.line}
        results.append({
            "ruleId": finding.rule,
            "ruleIndex": rule_ids.index(finding.rule),
            "level": "error" if finding.severity == "error" else "warning",
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {"isodocs/v1": f"{finding.rule}:{finding.path}:{finding.document or ''}:"
                                                  f"{finding.message}"},
        })
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "isodocs",
                "version": __version__,
                "informationUri": project_url(),
                "rules": [{
                    "id": rule.id,
                    "name": "".join(part.capitalize() for part in rule.id.split("-")),
                    "shortDescription": {"text": rule.meaning()},
                    "help": {"text": rule.fix()},
                    "defaultConfiguration": {"level": rule.severity},
                } for rule in RULES.values()],
            }},
            "results": results,
            "properties": {"readiness": {c: r.as_dict() for c, r in report.readiness.items()}},
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
