"""GitLab Code Quality: the Code Climate JSON subset GitLab reads, one issue per finding.

The fingerprint leaves the line out, so a finding that only moved keeps its identity between the
merge request's branch and its target (GitLab compares the two reports by fingerprint).
"""

from __future__ import annotations

import hashlib
import json

from isodocs.checks import Report
from isodocs.model.findings import ERROR

SEVERITY = {ERROR: "major"}   # anything else (warnings) is minor


def render(report: Report) -> str:
    issues = []
    seen: dict[str, int] = {}
    for finding in report.findings:
        identity = "\0".join((finding.rule, finding.path, finding.document or "", finding.message))
        occurrence = seen.get(identity, 0)
        seen[identity] = occurrence + 1
        fingerprint = hashlib.sha256(f"{identity}\0{occurrence}".encode()).hexdigest()
        issues.append({
            "type": "issue",
            "check_name": finding.rule,
            "description": finding.message,
            "categories": ["Compliance"],
            "fingerprint": fingerprint,
            "severity": SEVERITY.get(finding.severity, "minor"),
            "location": {"path": finding.path, "lines": {"begin": max(finding.line, 1)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
