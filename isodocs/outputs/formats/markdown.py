"""Markdown for a pull-request comment or a CI job summary, in the repository's language."""

from __future__ import annotations

from isodocs.checks import Report
from isodocs.model.findings import ERROR, Finding
from isodocs.outputs.escape import markdown_cell, markdown_code, markdown_text
from isodocs.outputs.formats.summary import decisions_line, paragraph
from isodocs.translation import Translator, t, value
from isodocs.translation.messages import phrase, text_in


def render(report: Report) -> str:
    language = report.language
    lines = [phrase("markdown-title-fail" if report.errors else "markdown-title-pass", language), "",
             paragraph(report, markdown_text), "",
             phrase("markdown-counts", language, errors=report.errors, warnings=report.warnings), ""]
    errors = [f for f in report.findings if f.severity == ERROR]
    warnings = [f for f in report.findings if f.severity != ERROR]
    if errors:
        lines += findings_table(report, errors)
    lines += [phrase("markdown-readiness-head", language), "|---|---:|---:|---:|"]
    for catalog, ready in report.readiness.items():
        lines.append(f"| {catalog} | {ready.required} | {ready.covered} | {ready.percent:g}% |")
    lines.append("")
    lines += open_items(report)
    if warnings:
        lines += findings_table(report, warnings)
    if report.decisions:
        lines += [decisions_line(report, markdown_text), ""]
    for note in report.notes:
        lines.append(f"> {text_in(note, language)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def findings_table(report: Report, findings: list[Finding]) -> list[str]:
    language = report.language
    lines = [phrase("markdown-findings-head", language), "|---|---|---|---|"]
    for finding in findings:
        where = markdown_code(f"{finding.path}:{finding.line}" if finding.line else finding.path)
        lines.append(f"| {phrase(finding.severity, language)} | `{finding.rule}` | {where} | "
                     f"{markdown_cell(text_in(finding.message, language))} |")
    return [*lines, ""]


def open_items(report: Report) -> list[str]:
    """Per catalog, folded: each required clause or control readiness does not count yet, and how to close it."""
    language = report.language
    lines: list[str] = []
    for catalog, items in report.open_items.items():
        if not items:
            continue
        summary = phrase("markdown-open-summary", language, catalog=markdown_cell(catalog), count=len(items))
        lines += ["<details>", f"<summary>{summary}</summary>", "", phrase("markdown-open-head", language),
                  "|---|---|---|---|"]
        for item in items:
            documents = ", ".join(t("document-status", language, id=i, status=value(status))
                                  for i, status, _ in item.documents)
            state = Translator(language, "site.state_").get(item.state) or item.state
            lines.append(f"| {markdown_cell(item.id)} | {markdown_cell(state)} ({markdown_code(item.state)}) | "
                         f"{markdown_cell(documents)} | {markdown_cell(text_in(item.close, language))} |")
        lines += ["", "</details>", ""]
    return lines
