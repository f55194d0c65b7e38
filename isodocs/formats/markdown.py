"""Markdown for a pull-request comment or a CI job summary, in the repository's language."""

from __future__ import annotations

from isodocs.checks import Report
from isodocs.messages import phrase, text_in


def cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def render(report: Report) -> str:
    language = report.language
    lines = [phrase("markdown-title-fail" if report.errors else "markdown-title-pass", language), "",
             phrase("markdown-counts", language, errors=report.errors, warnings=report.warnings), "",
             phrase("markdown-readiness-head", language), "|---|---:|---:|---:|"]
    for catalog, ready in report.readiness.items():
        lines.append(f"| {catalog} | {ready.required} | {ready.covered} | {ready.percent:g}% |")
    lines.append("")
    if report.findings:
        lines += [phrase("markdown-findings-head", language), "|---|---|---|---|"]
        for finding in report.findings:
            where = f"`{finding.path}:{finding.line}`" if finding.line else f"`{finding.path}`"
            lines.append(f"| {phrase(finding.severity, language)} | `{finding.rule}` | {cell(where)} | "
                         f"{cell(text_in(finding.message, language))} |")
        lines.append("")
    for note in report.notes:
        lines.append(f"> {text_in(note, language)}")
    return "\n".join(lines).rstrip("\n") + "\n"
