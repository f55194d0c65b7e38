"""Findings: what a rule reports, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
OFF = "off"


@dataclass(frozen=True)
class Finding:
    rule: str
    path: str          # relative to the repository root, with forward slashes
    line: int          # 1-based; 0 when the finding is about the repository as a whole
    message: str
    document: str | None = None
    severity: str = ERROR

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.rule)
