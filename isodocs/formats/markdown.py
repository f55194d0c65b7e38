"""Markdown for a pull-request comment or a CI job summary, in the repository's language."""

from __future__ import annotations

from isodocs.checks import Report
from isodocs.escape import markdown_cell
from isodocs.messages import phrase, text_in


cell = markdown_cell


def code(value: str) -> str:
    """A code span in a table cell: one line, no backtick to close it early, `|` escaped for the table."""
    return "`" + " ".join(value.replace("`", "'").split()).replace("|", "\\|") + "`"


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
            where = code(f"{finding.path}:{finding.line}" if finding.line else finding.path)
            lines.append(f"| {phrase(finding.severity, language)} | `{finding.rule}` | {where} | "
                         f"{cell(text_in(finding.message, language))} |")
        lines.append("")
    for note in report.notes:
        lines.append(f"> {text_in(note, language)}")
    return "\n".join(lines).rstrip("\n") + "\n"
