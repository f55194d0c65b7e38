"""Markdown for a pull-request comment or a CI job summary."""

from __future__ import annotations

from isodocs.checks import Report


def cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def render(report: Report) -> str:
    verdict = "❌ fails" if report.errors else "✅ passes"
    lines = [f"## isodocs check {verdict}", "",
             f"**{report.errors}** errors, **{report.warnings}** warnings.", "",
             "| Standard | Required | Covered | Readiness |", "|---|---:|---:|---:|"]
    for catalog, ready in report.readiness.items():
        lines.append(f"| {catalog} | {ready.required} | {ready.covered} | {ready.percent:g}% |")
    lines.append("")
    if report.findings:
        lines += ["| Severity | Rule | Where | Message |", "|---|---|---|---|"]
        for finding in report.findings:
            where = f"`{finding.path}:{finding.line}`" if finding.line else f"`{finding.path}`"
            lines.append(f"| {finding.severity} | `{finding.rule}` | {cell(where)} | {cell(finding.message)} |")
        lines.append("")
    for note in report.notes:
        lines.append(f"> {note}")
    return "\n".join(lines).rstrip("\n") + "\n"
