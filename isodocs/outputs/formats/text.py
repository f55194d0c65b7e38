"""Text for people: a summary paragraph, then the errors and then the warnings (each grouped by file), the open
decisions, readiness and a summary line; colour only on a terminal."""

from __future__ import annotations

from itertools import groupby

from isodocs.checks import Report
from isodocs.model.findings import ERROR, WARNING
from isodocs.outputs.escape import terminal_text
from isodocs.outputs.formats.summary import decisions_line, paragraph
from isodocs.translation.messages import phrase, text_in

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "bold": "\033[1m", "reset": "\033[0m"}


def render(report: Report, colour: bool = False) -> str:
    language = report.language

    def paint(kind: str, value: str) -> str:
        return f"{COLOURS[kind]}{value}{COLOURS['reset']}" if colour else value

    lines: list[str] = [terminal_text(paragraph(report)), ""]
    for severity, heading in ((ERROR, "report-errors"), (WARNING, "report-warnings")):
        findings = [f for f in report.findings if f.severity == severity]
        if not findings:
            continue
        lines += [paint(severity, f"{phrase(heading, language)} ({len(findings)})"), ""]
        for path, in_file in groupby(findings, key=lambda f: f.path):
            lines.append(paint("bold", terminal_text(path)))
            for finding in in_file:
                where = f"{finding.line}" if finding.line else "-"
                lines.append(f"  {where:>5}  {paint(finding.severity, phrase(finding.severity, language))}  "
                             f"{terminal_text(text_in(finding.message, language))}  [{finding.rule}]")
            lines.append("")
    if report.decisions:
        lines += [terminal_text(decisions_line(report)), ""]
    for note in report.notes:
        lines.append(phrase("note", language, note=terminal_text(text_in(note, language))))
    for catalog_id, ready in report.readiness.items():
        lines.append(phrase("readiness", language, catalog=catalog_id, covered=ready.covered, required=ready.required,
                            percent=f"{ready.percent:g}"))
    summary = phrase("summary", language, errors=report.errors, warnings=report.warnings)
    lines.append(paint("error" if report.errors else "bold", summary))
    return "\n".join(lines) + "\n"
