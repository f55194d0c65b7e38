"""Text for people: findings grouped by file, readiness, a summary line; colour only on a terminal."""

from __future__ import annotations

from itertools import groupby

from isodocs.checks import Report

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "bold": "\033[1m", "reset": "\033[0m"}


def render(report: Report, colour: bool = False) -> str:
    def paint(kind: str, value: str) -> str:
        return f"{COLOURS[kind]}{value}{COLOURS['reset']}" if colour else value

    lines: list[str] = []
    for path, findings in groupby(report.findings, key=lambda f: f.path):
        lines.append(paint("bold", path))
        for finding in findings:
            where = f"{finding.line}" if finding.line else "-"
            lines.append(f"  {where:>5}  {paint(finding.severity, finding.severity)}  "
                         f"{finding.message}  [{finding.rule}]")
        lines.append("")
    for note in report.notes:
        lines.append(f"note: {note}")
    for catalog_id, ready in report.readiness.items():
        lines.append(f"readiness {catalog_id}: {ready.covered}/{ready.required} ({ready.percent:g}%)")
    summary = f"{report.errors} error{'s' * (report.errors != 1)}, {report.warnings} warning{'s' * (report.warnings != 1)}"
    lines.append(paint("error" if report.errors else "bold", summary))
    return "\n".join(lines) + "\n"
