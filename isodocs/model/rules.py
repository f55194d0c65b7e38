"""The rule registry: every rule isodocs reports, declared once.

A rule is its stable id, default severity, whether the preparation stage softens it to a warning,
what it means, how to fix it and the keys of the messages it says (in isodocs/translation/). Checks
report through the rule objects below (`OWNER_MISSING.finding(...)`), never through a bare id, and
`RULES[id]` finds a rule by the id users write under `rules:` in isodocs.yml.

A new rule: declare it here with `_declare(Rule(...))`, add its messages to every language's table,
report it from a check, and trigger it in a test (tests/test_rule_registry.py holds all of this).
"""

from __future__ import annotations

from dataclasses import dataclass

from isodocs.model.findings import ERROR, OFF, WARNING, Finding


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    fix: str
    gap: bool = False  # a coverage or SoA gap: a warning while the stage is `preparation`
    escalates: bool = False  # the check raises it to an error itself (unless isodocs.yml sets its severity)
    command: str = "check"   # the command that reports it: check, diff (on a change) or migrate
    messages: tuple[str, ...] = ()  # the keys of the messages its findings say

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
    "A clause that requires documented information has no approved document whose review is current.",
    "Name the clause under `clauses:` in an approved document, or approve and review the one that does.",
    gap=True,
    messages=("clause-uncovered", "clause-stale")))
CLAUSE_DRAFT_ONLY = _declare(Rule(
    "clause-draft-only", ERROR,
    "A required clause is addressed only by documents that are still draft or in review.",
    "Approve one of the documents that name it (`isodocs approve DOC --by ROLE`).", gap=True,
    messages=("clause-draft-only",)))
CLAUSE_UNKNOWN = _declare(Rule(
    "clause-unknown", ERROR,
    "A document names a clause or control that its catalog does not have, or a catalog not in scope.",
    "Correct the number (ids are strings such as \"5.10\" or \"A.5.1\"); see `isodocs standards show ID`.",
    messages=("catalog-out-of-scope", "clause-unknown", "control-unknown", "risk-control-unknown",
              "evidence-out-of-scope", "evidence-unknown")))
OWNER_MISSING = _declare(Rule(
    "owner-missing", ERROR,
    "A controlled document has no owner.",
    "Add `owner:` with a role id from isodocs.yml.",
    messages=("owner-missing",)))
OWNER_UNKNOWN = _declare(Rule(
    "owner-unknown", ERROR,
    "A document's owner or approver is not a role defined in isodocs.yml.",
    "Use a role id listed under `roles:` in isodocs.yml, or add the role there.",
    messages=("owner-unknown", "risk-owner")))
REVIEW_MISSING = _declare(Rule(
    "review-missing", ERROR,
    "An approved document has no `last_reviewed` date, so its next review cannot be planned.",
    "Record the review: `isodocs review DOC --by ROLE` or set `last_reviewed:`.",
    messages=("review-missing",)))
REVIEW_OVERDUE = _declare(Rule(
    "review-overdue", ERROR,
    "A document's next review date (last review plus its review interval) has passed.",
    "Review the document and stamp it: `isodocs review DOC --by ROLE`.",
    messages=("review-overdue",)))
REVIEW_DUE_SOON = _declare(Rule(
    "review-due-soon", WARNING,
    "A document's next review falls within the `due_soon` window of isodocs.yml.",
    "Plan the review with its owner before the due date.",
    messages=("review-due-soon",)))
APPROVAL_MISSING = _declare(Rule(
    "approval-missing", ERROR,
    "A document marked approved lacks its approver, approval date or version.",
    "Set `approver:`, `approved:` and `version:`, or use `isodocs approve DOC --by ROLE`.",
    messages=("approval-missing",)))
CHANGED_SINCE_APPROVAL = _declare(Rule(
    "changed-since-approval", ERROR,
    "An approved document's text or clause map changed in git after the commit that approved it, "
    "without a new version and approval.",
    "Approve the change (`isodocs approve DOC --by ROLE`), or revert the edit.",
    messages=("changed-since-approval", "unapproved-life")))
HISTORY_MISSING = _declare(Rule(
    "history-missing", ERROR,
    "Approved documents cannot be verified because the git history that approved them is missing: a shallow "
    "clone, grafts, or an approving commit outside the history available.",
    "Fetch the full history: GitHub Actions `actions/checkout` with `fetch-depth: 0`; GitLab CI "
    "`GIT_DEPTH: 0`; a local clone `git fetch --unshallow`.",
    messages=("history-missing",)))
HISTORY_SKIPPED = _declare(Rule(
    "history-skipped", WARNING,
    "Approvals were not verified against git history: `check --no-history` was given, or the repository is "
    "not in git.",
    "Run `isodocs check` in the git repository, without --no-history, before relying on the approvals.",
    messages=("history-skipped",)))
APPROVAL_SELF = _declare(Rule(
    "approval-self", ERROR,
    "An approved document's owner is also its approver (segregation of duties).",
    "Set `approver:` to another role and approve again, or allow it with "
    "`approvals: {allow_self_approval: true}` in isodocs.yml.",
    messages=("approval-self",)))
APPROVAL_UNVERIFIED = _declare(Rule(
    "approval-unverified", ERROR,
    "With `approvals.verify` set, the commit that approved a document's current version was not authored "
    "(author) or signed (signature) by a member of its approver role.",
    "Have a member of the approver role make (or sign) the approving commit, or list them under the role's "
    "`members:` in isodocs.yml.",
    messages=("approval-unverified-author", "approval-unverified-signature")))
APPROVAL_REMOVED = _declare(Rule(
    "approval-removed", ERROR,
    "`isodocs diff`: an approved document is deleted without being retired first.",
    "Set `status: retired` and keep the document; ISO expects obsolete documents to be retired and kept.",
    command="diff",
    messages=("approval-removed",)))
ID_DUPLICATE = _declare(Rule(
    "id-duplicate", ERROR,
    "Two or more documents carry the same id.",
    "Give each document its own id; `isodocs add` picks a free one.",
    messages=("id-duplicate",)))
FRONTMATTER_INVALID = _declare(Rule(
    "frontmatter-invalid", ERROR,
    "A file's front matter cannot be read: YAML that does not parse, an unclosed header, bytes that "
    "are not UTF-8, a file that cannot be read.",
    "Fix the YAML at the line given; indent with spaces, quote values that contain ': ', and inside `{...}` "
    "quote values that contain a comma (or write the mapping in block style, one `key: value` a line).",
    messages=("does-not-parse", "not-a-mapping", "unclosed", "not-utf8", "binary",
              "link-out", "link-loop", "unreadable-folder", "unreadable-file", "too-large")))
SCHEMA_INVALID = _declare(Rule(
    "schema-invalid", ERROR,
    "Front matter parses but does not fit the document schema: a missing or unknown key, a value of "
    "the wrong type, an impossible or future date.",
    "Correct the key or value at the line given; the schema is documented under Reference.",
    messages=("future-date", "unknown-key", "missing-key", "not-a-date", "soa-twice", "evidence-future")))
LINK_BROKEN = _declare(Rule(
    "link-broken", ERROR,
    "A link from a document points to a file that does not exist in the repository.",
    "Correct the relative path, or restore the target.",
    messages=("link-broken", "evidence-file-missing")))
LINK_HIDDEN = _declare(Rule(
    "link-hidden", ERROR,
    "A page that the site publishes links to a file that `publish.max_classification` keeps out of the site: "
    "the link would show the hidden file's name, and lead nowhere.",
    "Remove the link, or lower the target's classification if it may be published.",
    messages=("link-hidden",)))
SOA_MISSING_DECISION = _declare(Rule(
    "soa-missing-decision", ERROR,
    "An Annex A control has no decision in the Statement of Applicability (decisions count once the SoA is "
    "approved and current: see soa-draft-only).",
    "Add the control under `applicability:` in the SoA with `applicable: true` or `false`.", gap=True,
    messages=("soa-absent", "soa-undecided", "soa-missing")))
SOA_UNJUSTIFIED_EXCLUSION = _declare(Rule(
    "soa-unjustified-exclusion", ERROR,
    "An Annex A control is excluded in the Statement of Applicability without a justification.",
    "Write why the control does not apply under `justification:`.", gap=True,
    messages=("soa-unjustified",)))
SOA_UNIMPLEMENTED = _declare(Rule(
    "soa-unimplemented", ERROR,
    "An applicable Annex A control has no document that implements it.",
    "Name the control under `clauses:` in the implementing document, or list it under `documents:`.",
    gap=True,
    messages=("soa-unimplemented", "soa-unknown-document")))
SOA_DRAFT_ONLY = _declare(Rule(
    "soa-draft-only", ERROR,
    "An Annex A control does not count yet because it rests on documents not in force: its decision is in a "
    "Statement of Applicability that is not approved (or overdue for review), or the applicable control is "
    "implemented only by drafts or documents overdue for review. Only approved, current documents count.",
    "Approve the Statement of Applicability, and approve (or review) one implementing document.", gap=True,
    messages=("soa-draft-only", "soa-unapproved")))
EVIDENCE_STALE = _declare(Rule(
    "evidence-stale", ERROR,
    "An applicable Annex A control whose Statement of Applicability decision sets `frequency:` has no evidence of "
    "operation in an approved record, or its latest evidence is older than that frequency allows. Opt-in: "
    "controls without `frequency:` are not followed.",
    "Record the evidence under `evidence:` in a record (date, by, what, controls, files or link) and approve the "
    "record; or change `frequency:` in the SoA if the control is meant to operate less often.", gap=True,
    messages=("evidence-stale", "evidence-none")))
PLACEHOLDER_LEFT = _declare(Rule(
    "placeholder-left", ERROR,
    "An approved document still contains placeholder text (TODO, TBD, FIXME, [[...]]).",
    "Replace the placeholder with the organization's own content before approval.",
    messages=("placeholder-left",)))
RISK_REVIEW_OVERDUE = _declare(Rule(
    "risk-review-overdue", ERROR,
    "A risk in the risk register has passed its review date.",
    "Reassess the risk with its owner and set a new `review:` date.",
    messages=("risk-review-overdue",)))
RISK_ACTION_OVERDUE = _declare(Rule(
    "risk-action-overdue", ERROR,
    "A risk treatment action (`action:` with `due:` in the risk register) is past its due date and not recorded "
    "as done.",
    "Carry the action out and record the day under `done:`, or agree a new `due:` date with the risk owner.",
    messages=("risk-action-overdue",)))
RISK_ABOVE_ACCEPTANCE = _declare(Rule(
    "risk-above-acceptance", ERROR,
    "A risk's level (likelihood x impact) is above `defaults.risk_acceptance` in isodocs.yml, yet it is accepted "
    "(`treatment: accept`) or has neither controls nor a treatment action.",
    "Treat the risk (controls and an action with a due date), or have top management accept it explicitly and "
    "record why; risks at or below the acceptance level may be accepted.",
    messages=("risk-above-acceptance",)))
RISK_CONTROL_INAPPLICABLE = _declare(Rule(
    "risk-control-inapplicable", ERROR,
    "A risk is treated with an Annex A control that the Statement of Applicability excludes or has not decided.",
    "Mark the control applicable in the SoA, or treat the risk with another control.",
    messages=("risk-control-inapplicable",)))
AUDIT_PROGRAMME_GAP = _declare(Rule(
    "audit-programme-gap", ERROR,
    "The internal audit programme leaves clauses of a standard unaudited over the audit cycle.",
    "Plan audits under `audits:` that together cover every clause within `defaults.audit_cycle`.", gap=True,
    messages=("no-audits", "audit-gap")))
MANAGEMENT_REVIEW_OVERDUE = _declare(Rule(
    "management-review-overdue", ERROR,
    "No management review is recorded in an approved record, or the last one is older than "
    "`defaults.management_review`. A review recorded in a draft record does not count.",
    "Hold the management review, record it with `management_review: {held: DATE}` and approve the record.",
    gap=True,
    messages=("no-management-review", "management-review-overdue")))
CERTIFICATION_AUDIT_AT_RISK = _declare(Rule(
    "certification-audit-at-risk", WARNING,
    "A surveillance or recertification audit is less than 90 days away while major nonconformities are open, "
    "reviews are overdue or clauses lack an approved document.",
    "Close the major nonconformities, review the overdue documents and approve the missing ones first.",
    messages=("audit-at-risk",)))
INITIAL_AUDIT_UNPREPARED = _declare(Rule(
    "initial-audit-unprepared", WARNING,
    "The initial certification audit (`certification.initial`) is less than 90 days away, or past, and no full "
    "internal audit is done (every clause 4 to 10 and every applicable Annex A control, in an approved "
    "programme) or no management review is recorded in an approved record.",
    "Do the full internal audit and record it with `done:` in the approved programme, and hold the management "
    "review, before the certification body arrives.",
    messages=("initial-audit-unprepared",)))
STAGE_NOT_CERTIFIED = _declare(Rule(
    "stage-not-certified", WARNING,
    "The certificate's issue date (`certification.issued`) has passed while `stage:` is still `preparation`, "
    "so coverage and SoA gaps are still only warnings.",
    "Set `stage: certified` in isodocs.yml: gaps become errors, as a certified system needs.",
    messages=("stage-not-certified",)))
EDITION_SUPERSEDED = _declare(Rule(
    "edition-superseded", WARNING,
    "A standard in isodocs.yml is an edition that a newer one supersedes: a warning during the transition "
    "period, an error once the transition deadline (in the catalog's edition facts) has passed.",
    "Move to the new edition: `isodocs migrate OLD NEW` previews the rewrite, `--write` applies it.",
    escalates=True,
    messages=("edition-superseded", "edition-expired")))
CATALOG_BASE_MISSING = _declare(Rule(
    "catalog-base-missing", ERROR,
    "A catalog of additions (such as AQAP 2110, which adds to ISO 9001) is in scope without any edition of "
    "the standard it adds to, so its requirements have no base to stand on.",
    "Add the base standard under `standards:` (for AQAP 2110: iso9001-2015 or iso9001-2026), or drop the "
    "additions.",
    messages=("catalog-base-missing",)))
CATALOG_INCOMPLETE = _declare(Rule(
    "catalog-incomplete", WARNING,
    "A catalog in scope knowingly lacks entries (`incomplete:` in its edition facts), so its coverage, its "
    "Statement of Applicability and its readiness cannot be complete.",
    "Decide the missing entries from your copy of the standard (a catalog of your own in catalogs/ can carry "
    "them); once they are handled, turn the rule off under `rules:`.",
    messages=("catalog-incomplete",)))
MIGRATION_DECISION = _declare(Rule(
    "migration-decision", WARNING,
    "`isodocs migrate` left a decision to a person: a clause split in two, a new clause no document addresses, "
    "two exclusions that fell on one clause.",
    "Edit the clause maps as the message says, then run `isodocs check`.", command="migrate",
    messages=("migration-new", "migration-split", "migration-removed", "migration-both", "migration-merged-exclusion")))
NONCONFORMITY_OVERDUE = _declare(Rule(
    "nonconformity-overdue", ERROR,
    "A nonconformity is still open after its due date; a closure counts only once its record is approved.",
    "Close it (`closed:` with the date and the verification) and approve the record, or agree a new due date.",
    messages=("nonconformity-overdue", "nonconformity-closed-draft")))


__all__ = ["ERROR", "OFF", "RULES", "WARNING", "Rule"]
