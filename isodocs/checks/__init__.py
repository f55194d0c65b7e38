"""The checker: every rule over the repository model, with severities and readiness."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from isodocs.checks import approvals, coverage, cycle, documents, editions, links, records, soa
from isodocs.checks.context import Context
from isodocs.checks.coverage import Readiness
from isodocs.checks.rules import OFF, RULES, severity, validate
from isodocs.findings import ERROR, WARNING, Finding
from isodocs.messages import say
from isodocs.history import History
from isodocs.repository import Repository


@dataclass
class Report:
    findings: list[Finding]
    readiness: dict[str, Readiness]
    notes: list[str] = field(default_factory=list)
    language: str = "en"
    context: Context | None = field(default=None, repr=False, compare=False)  # what the checks worked out

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
    context = Context(repository, today)
    if history is None:
        history = repository.history
    raw: list[Finding] = list(repository.load_findings)
    raw += documents.check(context)
    raw += coverage.check(context)
    raw += editions.check(context)
    raw += soa.check(context)
    raw += links.check(context)
    raw += records.check(context)
    raw += cycle.check_risks(context)
    raw += cycle.check_programme(context)
    raw += cycle.check_management_review(context)
    raw += approvals.check(context, history)
    notes: list[str] = []
    if history.available and history.shallow:
        notes.append(say("shallow"))
    raw += cycle.check_audit_readiness(context, raw)
    return Report(_with_severity(raw, repository), readiness(context), notes,
                  repository.config.language, context)


def readiness(context: Context) -> dict[str, Readiness]:
    result = {}
    for catalog_id in context.repository.config.standards:
        catalog = context.repository.catalogs[catalog_id]
        clauses = coverage.clause_states(context, catalog)
        controls = soa.control_states(context, catalog)
        done = sum(1 for s in clauses if s.state == "covered")
        done += sum(1 for s in controls if s.state in ("implemented", "excluded"))
        result[catalog_id] = Readiness(catalog_id, len(clauses) + len(controls), done)
    return result


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


__all__ = ["Report", "run", "RULES"]
