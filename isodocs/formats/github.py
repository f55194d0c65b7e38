"""GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding."""

from __future__ import annotations

from isodocs.checks import Report


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for finding in report.findings:
        properties = [f"file={escape_property(finding.path)}"]
        if finding.line:
            properties.append(f"line={finding.line}")
        properties.append(f"title={escape_property(finding.rule)}")
        lines.append(f"::{finding.severity} {','.join(properties)}::{escape_data(finding.message)}")
    for catalog, ready in report.readiness.items():
        lines.append(f"::notice title=readiness {escape_property(catalog)}::"
                     f"{ready.covered}/{ready.required} ({ready.percent:g}%)")
    return "\n".join(lines) + ("\n" if lines else "")
