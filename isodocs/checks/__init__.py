"""The checker: every rule over the repository's analysis, with severities; the one entry point for the rest of
isodocs (`run`, `Report`, `filtered`, `validate_filter`), which never reaches into the modules beside it."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from isodocs.analysis import Analysis, analyse
from isodocs.analysis.readiness import OpenDecisions, OpenItem, Readiness, open_decisions, open_items, readiness
from isodocs.checks import approvals, coverage, cycle, documents, editions, evidence, links, records, soa
from isodocs.checks.rules import OFF, RULES, severity, validate
from isodocs.errors import UsageError
from isodocs.git.history import History
from isodocs.model.findings import ERROR, WARNING, Finding
from isodocs.model.repository import Repository
from isodocs.translation.messages import say


@dataclass
class Report:
    findings: list[Finding]
    readiness: dict[str, Readiness]
    notes: list[str] = field(default_factory=list)
    language: str = "en"
    analysis: Analysis | None = field(default=None, repr=False, compare=False)  # what the checks worked out
    open_items: dict[str, list[OpenItem]] = field(default_factory=dict)  # per catalog: what readiness lacks
    decisions: list[OpenDecisions] = field(default_factory=list)  # `[[decide: ...]]` left, per document
    shown: str = ""   # the filters that left findings out (`--severity`, `--rule`), for the report to say

    @property
    def open_decisions(self) -> int:
        return sum(d.count for d in self.decisions)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0


def run(repository: Repository, today: date, history: History | None = None) -> Report:
    validate(repository.config)
    context = analyse(repository, today)
    if history is None:
        history = repository.history
    raw: list[Finding] = list(repository.load_findings)
    raw += documents.check(context)
    raw += coverage.check(context)
    raw += editions.check(context)
    raw += soa.check(context)
    raw += evidence.check(context)
    raw += links.check(context)
    raw += records.check(context)
    raw += cycle.check_risks(context)
    raw += cycle.check_programme(context)
    raw += cycle.check_management_review(context)
    raw += cycle.check_stage(context)
    raw += cycle.check_initial_audit(context)
    raw += approvals.check(context, history)
    notes: list[str] = []
    if history.available and history.shallow:
        notes.append(say("shallow"))
    raw += cycle.check_audit_readiness(context, raw)
    return Report(_with_severity(raw, repository), readiness(context), notes,
                  repository.config.language, context, open_items(context), open_decisions(repository))


def validate_filter(rules: Sequence[str]) -> None:
    for rule_id in rules:
        if rule_id not in RULES:
            guess = difflib.get_close_matches(rule_id, list(RULES), n=1)
            raise UsageError(say("cli.unknown-rule", rule=rule_id),
                             hint=say("did-you-mean", guess=guess[0]) if guess else say("cli.see-rules"))


def filtered(report: Report, severity: str | None, rules: Sequence[str]) -> Report:
    """The report with only the findings of `severity` or higher and of the `rules` given (all when empty)."""
    if severity is None and not rules:
        return report
    kept = [f for f in report.findings
            if (severity != ERROR or f.severity == ERROR) and (not rules or f.rule in rules)]
    shown = " ".join([f"--severity {severity}"] * (severity is not None) + [f"--rule {r}" for r in rules])
    return replace(report, findings=kept, shown=shown)


def _with_severity(findings: list[Finding], repository: Repository) -> list[Finding]:
    result = []
    for finding in findings:
        level = severity(finding.rule, repository.config)
        if level == WARNING and finding.severity == ERROR and RULES[finding.rule].escalates \
                and finding.rule not in repository.config.rules:
            level = ERROR
        if level != OFF:
            result.append(replace(finding, severity=level))
    return sorted(result, key=Finding.sort_key)


__all__ = ["RULES", "Report", "filtered", "run", "validate_filter"]
