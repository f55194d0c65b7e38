"""The rule registry: every rule isodocs reports, declared once.

A rule is its stable id, default severity, whether the preparation stage softens it to a warning and
the keys of the messages it says; what it means and how to fix it are `rule.ID.meaning` and `rule.ID.fix`
in every language's table (isodocs/translation/). Checks
report through the rule objects below (`OWNER_MISSING.finding(...)`), never through a bare id, and
`RULES[id]` finds a rule by the id users write under `rules:` in isodocs.yml.

A new rule: declare it here with `_declare(Rule(...))`, add its meaning, fix and messages to every
language's table,
report it from a check, and trigger it in a test (tests/test_rule_registry.py holds all of this).
"""

from __future__ import annotations

from dataclasses import dataclass

from isodocs.model.findings import ERROR, OFF, WARNING, Finding
from isodocs.translation import t


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    gap: bool = False  # a coverage or SoA gap: a warning while the stage is `preparation`
    escalates: bool = False  # the check raises it to an error itself (unless isodocs.yml sets its severity)
    command: str = "check"   # the command that reports it: check, diff (on a change) or migrate
    messages: tuple[str, ...] = ()  # the keys of the messages its findings say

    def meaning(self, language: str = "en") -> str:
        """What the rule checks, in the language (`rule.ID.meaning` in isodocs/translation/)."""
        return t(f"rule.{self.id}.meaning", language)

    def fix(self, language: str = "en") -> str:
        """How to put a finding of the rule right, in the language (`rule.ID.fix`)."""
        return t(f"rule.{self.id}.fix", language)

    def finding(self, path: str, line: int, message: str, document: str | None = None,
                severity: str = ERROR) -> Finding:
        return Finding(self.id, path, line, message, document, severity)


RULES: dict[str, Rule] = {}


def _declare(rule: Rule) -> Rule:
    if rule.id in RULES:
        raise ValueError(f"rule '{rule.id}' is declared twice")
    RULES[rule.id] = rule
    return rule


CLAUSE_UNCOVERED = _declare(Rule(
    "clause-uncovered", ERROR,
    gap=True,
    messages=("clause-uncovered", "clause-stale")))
CLAUSE_DRAFT_ONLY = _declare(Rule(
    "clause-draft-only", ERROR, gap=True,
    messages=("clause-draft-only",)))
CLAUSE_UNKNOWN = _declare(Rule(
    "clause-unknown", ERROR,
    messages=("catalog-out-of-scope", "clause-unknown", "control-unknown", "risk-control-unknown",
              "evidence-out-of-scope", "evidence-unknown")))
OWNER_MISSING = _declare(Rule(
    "owner-missing", ERROR,
    messages=("owner-missing",)))
OWNER_UNKNOWN = _declare(Rule(
    "owner-unknown", ERROR,
    messages=("owner-unknown", "risk-owner")))
REVIEW_MISSING = _declare(Rule(
    "review-missing", ERROR,
    messages=("review-missing",)))
REVIEW_OVERDUE = _declare(Rule(
    "review-overdue", ERROR,
    messages=("review-overdue",)))
REVIEW_DUE_SOON = _declare(Rule(
    "review-due-soon", WARNING,
    messages=("review-due-soon",)))
APPROVAL_MISSING = _declare(Rule(
    "approval-missing", ERROR,
    messages=("approval-missing",)))
CHANGED_SINCE_APPROVAL = _declare(Rule(
    "changed-since-approval", ERROR,
    messages=("changed-since-approval", "unapproved-life")))
HISTORY_MISSING = _declare(Rule(
    "history-missing", ERROR,
    messages=("history-missing",)))
HISTORY_SKIPPED = _declare(Rule(
    "history-skipped", WARNING,
    messages=("history-skipped",)))
APPROVAL_SELF = _declare(Rule(
    "approval-self", ERROR,
    messages=("approval-self",)))
APPROVAL_UNVERIFIED = _declare(Rule(
    "approval-unverified", ERROR,
    messages=("approval-unverified-author", "approval-unverified-signature")))
APPROVAL_REMOVED = _declare(Rule(
    "approval-removed", ERROR,
    command="diff",
    messages=("approval-removed",)))
ID_DUPLICATE = _declare(Rule(
    "id-duplicate", ERROR,
    messages=("id-duplicate",)))
FRONTMATTER_INVALID = _declare(Rule(
    "frontmatter-invalid", ERROR,
    messages=("does-not-parse", "not-a-mapping", "unclosed", "not-utf8", "binary",
              "link-out", "link-loop", "unreadable-folder", "unreadable-file", "too-large")))
SCHEMA_INVALID = _declare(Rule(
    "schema-invalid", ERROR,
    messages=("future-date", "unknown-key", "missing-key", "not-a-date", "soa-twice", "evidence-future")))
LINK_BROKEN = _declare(Rule(
    "link-broken", ERROR,
    messages=("link-broken", "evidence-file-missing")))
LINK_HIDDEN = _declare(Rule(
    "link-hidden", ERROR,
    messages=("link-hidden",)))
SOA_MISSING_DECISION = _declare(Rule(
    "soa-missing-decision", ERROR, gap=True,
    messages=("soa-absent", "soa-undecided", "soa-missing")))
SOA_UNJUSTIFIED_EXCLUSION = _declare(Rule(
    "soa-unjustified-exclusion", ERROR, gap=True,
    messages=("soa-unjustified",)))
SOA_UNIMPLEMENTED = _declare(Rule(
    "soa-unimplemented", ERROR,
    gap=True,
    messages=("soa-unimplemented", "soa-unknown-document")))
SOA_DRAFT_ONLY = _declare(Rule(
    "soa-draft-only", ERROR, gap=True,
    messages=("soa-draft-only", "soa-unapproved")))
EVIDENCE_STALE = _declare(Rule(
    "evidence-stale", ERROR, gap=True,
    messages=("evidence-stale", "evidence-none")))
PLACEHOLDER_LEFT = _declare(Rule(
    "placeholder-left", ERROR,
    messages=("placeholder-left",)))
RISK_REVIEW_OVERDUE = _declare(Rule(
    "risk-review-overdue", ERROR,
    messages=("risk-review-overdue",)))
RISK_ACTION_OVERDUE = _declare(Rule(
    "risk-action-overdue", ERROR,
    messages=("risk-action-overdue",)))
RISK_ABOVE_ACCEPTANCE = _declare(Rule(
    "risk-above-acceptance", ERROR,
    messages=("risk-above-acceptance",)))
RISK_CONTROL_INAPPLICABLE = _declare(Rule(
    "risk-control-inapplicable", ERROR,
    messages=("risk-control-inapplicable",)))
AUDIT_PROGRAMME_GAP = _declare(Rule(
    "audit-programme-gap", ERROR, gap=True,
    messages=("no-audits", "audit-gap")))
MANAGEMENT_REVIEW_OVERDUE = _declare(Rule(
    "management-review-overdue", ERROR,
    gap=True,
    messages=("no-management-review", "management-review-overdue")))
CERTIFICATION_AUDIT_AT_RISK = _declare(Rule(
    "certification-audit-at-risk", WARNING,
    messages=("audit-at-risk",)))
INITIAL_AUDIT_UNPREPARED = _declare(Rule(
    "initial-audit-unprepared", WARNING,
    messages=("initial-audit-unprepared",)))
STAGE_NOT_CERTIFIED = _declare(Rule(
    "stage-not-certified", WARNING,
    messages=("stage-not-certified",)))
EDITION_SUPERSEDED = _declare(Rule(
    "edition-superseded", WARNING,
    escalates=True,
    messages=("edition-superseded", "edition-expired")))
CATALOG_BASE_MISSING = _declare(Rule(
    "catalog-base-missing", ERROR,
    messages=("catalog-base-missing",)))
CATALOG_INCOMPLETE = _declare(Rule(
    "catalog-incomplete", WARNING,
    messages=("catalog-incomplete",)))
MIGRATION_DECISION = _declare(Rule(
    "migration-decision", WARNING, command="migrate",
    messages=("migration-new", "migration-split", "migration-removed", "migration-both", "migration-merged-exclusion")))
NONCONFORMITY_OVERDUE = _declare(Rule(
    "nonconformity-overdue", ERROR,
    messages=("nonconformity-overdue", "nonconformity-closed-draft")))


__all__ = ["ERROR", "OFF", "RULES", "WARNING", "Rule"]
