"""GitHub Actions workflow commands: `::error`/`::warning` annotations, at most what GitHub shows.

GitHub shows 10 annotations of each kind per step and drops the rest silently, so the first 10 errors
and 10 warnings become annotations and one notice says how many more there are and where to read them.
"""

from __future__ import annotations

from isodocs.checks import Report
from isodocs.model.findings import ERROR, WARNING

SHOWN = 10   # annotations of one kind that GitHub shows for a step


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    shown = {ERROR: 0, WARNING: 0}
    for finding in report.findings:
        if shown.get(finding.severity, 0) >= SHOWN:
            continue
        shown[finding.severity] = shown.get(finding.severity, 0) + 1
        properties = [f"file={escape_property(finding.path)}"]
        if finding.line:
            properties.append(f"line={finding.line}")
        properties.append(f"title={escape_property(finding.rule)}")
        lines.append(f"::{finding.severity} {','.join(properties)}::{escape_data(finding.message)}")
    hidden_errors, hidden_warnings = report.errors - shown[ERROR], report.warnings - shown[WARNING]
    notices = []
    if hidden_errors or hidden_warnings:
        title = escape_property(f"isodocs: {hidden_errors + hidden_warnings} more findings")
        notices.append(f"::notice title={title}::"
                       f"{hidden_errors} more errors and {hidden_warnings} more warnings than GitHub shows as "
                       f"annotations (10 of each per step): every finding is in the job summary and in the "
                       f"text report in this step's log")
    for catalog, ready in report.readiness.items():
        notices.append(f"::notice title=readiness {escape_property(catalog)}::"
                       f"{ready.covered}/{ready.required} ({ready.percent:g}%)")
    lines += notices[:SHOWN]
    return "\n".join(lines) + ("\n" if lines else "")
