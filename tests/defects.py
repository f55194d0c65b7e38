"""One defect of each kind, written into a copy of the clean fixture repository."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import git
from conftest import FIXTURES, commit_all

SOA = "docs/records/statement-of-applicability.md"


def new_document(doc_id: str, *, omit: tuple[str, ...] = (), extra: str = "", body: str = "Text.\n",
                 last_reviewed: str = "2026-06-01") -> str:
    fields = {"id": doc_id, "title": f"Document {doc_id}", "type": "procedure", "owner": "ciso",
              "approver": "ceo", "status": "approved", "version": '"1.0"', "approved": "2026-06-01",
              "last_reviewed": last_reviewed}
    header = "".join(f"{key}: {value}\n" for key, value in fields.items() if key not in omit)
    return f"---\n{header}{extra}---\n# Document {doc_id}\n\n{body}"


OLD_EDITION = """id: acme-2019
name: Acme Security Baseline 2019
title: Our own security requirements
edition: {published: "2019-01-10", status: superseded, replaced_by: acme-2026, transition_ends: "2027-06-30"}
entries:
  - {id: "4", title: Scope}
"""

INCOMPLETE = """id: acme-2025
name: Acme Privacy Baseline 2025
title: Our own privacy requirements
edition: {published: "2025-03-01", status: current, incomplete: the annex of supplier controls}
entries:
  - {id: "4", title: Scope}
"""

ADDITIONS = """id: acme-defence-2026
name: Acme Defence Additions 2026
title: Our own additions to ISO 9001
kind: additions
extends: [iso9001-2015, iso9001-2026]
edition: {published: "2026-01-01", status: current}
entries:
  - {id: "1", title: Contract quality plans, extends: ["8.1"]}
"""


@dataclass
class Defect:
    rule: str
    edits: list[tuple[str, str | None, str]]       # (path, old text or None to create the file, new text)
    expected: list[tuple[str, str | None]]           # (path, text on the expected line; None: line 0)
    after_commit: bool = False                       # the edit is committed after the document set
    git: Callable[[Path, git.Repo], None] | None = None  # done to the repository after the commits
    alone: bool = False                              # hides other defects (no history): not combined with them


def shallow(root: Path, repo: git.Repo) -> None:
    """The repository as a depth-1 clone sees it: HEAD's parents are missing."""
    (Path(repo.git_dir) / "shallow").write_text(repo.head.commit.hexsha + "\n")


def not_in_git(root: Path, repo: git.Repo) -> None:
    shutil.rmtree(root / ".git")


def authored_by_a_stranger(root: Path, repo: git.Repo) -> None:
    path = root / "docs/procedures/internal-audit.md"
    path.write_text(path.read_text().replace('version: "1.0"', 'version: "1.1"', 1))
    repo.git.add(A=True)
    repo.index.commit("Approve internal audit 1.1", author=git.Actor("Pat Doe", "pat@elsewhere.example"),
                      committer=git.Actor("Pat Doe", "pat@elsewhere.example"))


DEFECTS = [
    Defect("clause-uncovered", [("docs/procedures/operations.md", '["8.1", "9.1"]', '["8.1"]')],
           [("isodocs.yml", "- iso27001-2022")]),
    Defect("clause-draft-only", [("docs/procedures/management-review.md", "status: approved", "status: draft")],
           [("docs/procedures/management-review.md", '["9.3.3"]')]),
    Defect("clause-unknown", [("docs/procedures/objectives.md", '["6.2"]', '["6.2", 5.10]')],
           [("docs/procedures/objectives.md", '["6.2", 5.10]')]),
    Defect("owner-missing", [("docs/procedures/operations.md", "owner: it-lead\n", "")],
           [("docs/procedures/operations.md", "id: PRO-IS-004")]),
    Defect("owner-unknown", [("docs/procedures/competence.md", "owner: ciso", "owner: cfo")],
           [("docs/procedures/competence.md", "owner: cfo")]),
    Defect("review-missing", [("docs/procedures/unreviewed.md", None,
                                   new_document("PRO-T-01", omit=("last_reviewed",)))],
           [("docs/procedures/unreviewed.md", "status: approved")]),
    Defect("review-overdue", [("docs/procedures/overdue.md", None,
                                   new_document("PRO-T-02", last_reviewed="2025-09-01"))],
           [("docs/procedures/overdue.md", "last_reviewed:")]),
    Defect("review-due-soon", [("docs/procedures/due-soon.md", None,
                                   new_document("PRO-T-03", last_reviewed="2025-12-01"))],
           [("docs/procedures/due-soon.md", "last_reviewed:")]),
    Defect("approval-missing", [("docs/procedures/unapproved.md", None, new_document("PRO-T-04", omit=("approver",)))],
           [("docs/procedures/unapproved.md", "status: approved")]),
    Defect("changed-since-approval",
           [("docs/policies/controls-manual.md", "reviewed every quarter.", "reviewed once a year.")],
           [("docs/policies/controls-manual.md", "version:")], after_commit=True),
    Defect("id-duplicate", [("docs/policies/security-policy-copy.md", None, new_document("POL-IS-001"))],
           [("docs/policies/security-policy-copy.md", "id: POL-IS-001")]),
    Defect("frontmatter-invalid", [("docs/procedures/broken.md", None, "---\nid: PRO-T-05\ntitle: Scope: all\n---\n")],
           [("docs/procedures/broken.md", "title: Scope: all")]),
    Defect("schema-invalid", [("docs/procedures/misspelt.md", None, new_document("PRO-T-06", extra="ownr: ciso\n"))],
           [("docs/procedures/misspelt.md", "ownr: ciso")]),
    Defect("link-broken", [("docs/procedures/linked.md", None,
                            new_document("PRO-T-07", body="See [the plan](../plans/missing.md).\n"))],
           [("docs/procedures/linked.md", "See [the plan]")]),
    Defect("link-hidden", [("isodocs.yml", "stage: certified\n",
                            "stage: certified\npublish: {max_classification: internal}\n"),
                           ("docs/plans/merger.md", None,
                            new_document("PLN-T-01", extra="classification: restricted\n")),
                           ("docs/procedures/links-merger.md", None,
                            new_document("PRO-T-09", body="Intro.\n\nSee [the merger](../plans/merger.md).\n"))],
           [("docs/procedures/links-merger.md", "See [the merger]")]),
    Defect("soa-missing-decision", [(SOA, "    A.8.34: {applicable: true, implementation: implemented, "
                                          'justification: "Risk treatment.", documents: [MAN-IS-001]}\n', "")],
           [(SOA, "applicability:")]),
    Defect("soa-unjustified-exclusion", [(SOA, "A.7.1: {applicable: false, justification: \"No premises of our own: "
                                               "staff work remotely and hosting is with a certified cloud provider "
                                               "(see A.5.23).\"}", "A.7.1: {applicable: false, justification: \"\"}")],
           [(SOA, "A.7.1:")]),
    Defect("soa-unimplemented", [(SOA, 'A.8.33: {applicable: true, implementation: implemented, justification: '
                                       '"Risk treatment.", documents: [MAN-IS-001]}',
                                  'A.8.33: {applicable: true, implementation: planned, '
                                  'justification: "Risk treatment."}')],
           [(SOA, "A.8.33:")]),
    Defect("soa-draft-only", [(SOA, 'A.5.6: {applicable: true, implementation: implemented, justification: '
                                    '"Risk treatment.", documents: [MAN-IS-001]}',
                               'A.5.6: {applicable: true, implementation: implemented, justification: '
                               '"Risk treatment.", documents: [PRO-T-10]}'),
                              ("docs/procedures/contacts.md", None,
                               new_document("PRO-T-10", omit=("approver", "approved", "last_reviewed"))
                               .replace("status: approved", "status: draft"))],
           [(SOA, "A.5.6:")]),
    Defect("stage-not-certified", [("isodocs.yml", "stage: certified\n", "stage: preparation\n")],
           [("isodocs.yml", "stage: preparation")], alone=True),   # preparation makes the other gaps warnings
    Defect("initial-audit-unprepared", [("isodocs.yml", "stage: certified\n", "stage: preparation\n"),
                                        ("isodocs.yml", "  issued: 2026-02-01\n",
                                         "  issued:\n  initial: 2026-12-15\n")],
           [("isodocs.yml", "initial: 2026-12-15")], alone=True),
    Defect("placeholder-left", [("docs/procedures/unfinished.md", None,
                                 new_document("PRO-T-08", body="Backups are kept for TBD days.\n"))],
           [("docs/procedures/unfinished.md", "TBD")]),
    Defect("evidence-stale", [(SOA, 'A.8.13: {applicable: true, implementation: implemented, justification: '
                                    '"Risk treatment.", documents: [MAN-IS-001]}',
                               'A.8.13: {applicable: true, implementation: implemented, justification: '
                               '"Risk treatment.", documents: [MAN-IS-001], frequency: quarterly}'),
                              ("docs/records/backup-evidence.md", None, new_document(
                                  "REC-T-20", omit=("status",), extra="status: draft\nevidence:\n  - date: 2026-11-01\n"
                                  "    what: Restore test\n    controls: {iso27001-2022: [A.8.13]}\n"))],
           [(SOA, "A.8.13:")]),   # evidence only in a draft record: none counts
    Defect("risk-review-overdue", [("docs/registers/risk-register.md", "review: 2027-03-01\n---",
                                    "review: 2026-10-01\n---")],
           [("docs/registers/risk-register.md", "review: 2026-10-01")]),
    Defect("risk-action-overdue", [("docs/registers/risk-register.md", "due: 2027-06-30", "due: 2026-10-15")],
           [("docs/registers/risk-register.md", "due: 2026-10-15")]),
    Defect("risk-above-acceptance", [("isodocs.yml", "defaults:\n", "defaults:\n  risk_acceptance: 5\n")],
           [("docs/registers/risk-register.md", "treatment: accept")]),   # level 6, accepted
    Defect("risk-control-inapplicable", [("docs/registers/risk-register.md", '["A.5.15", "A.8.5"]',
                                          '["A.5.15", "A.8.5", "A.7.1"]')],
           [("docs/registers/risk-register.md", '"A.7.1"]')]),
    Defect("audit-programme-gap", [("docs/plans/audit-programme.md", 'clauses: ["9", "10"]', 'clauses: ["9"]')],
           [("docs/plans/audit-programme.md", "audits:")]),
    Defect("management-review-overdue", [("docs/records/management-review-2026.md", "held: 2026-06-15",
                                          "held: 2025-06-15")],
           [("docs/records/management-review-2026.md", "management_review:")]),
    Defect("certification-audit-at-risk", [
        ("isodocs.yml", "surveillance: [2027-03-15", "surveillance: [2027-01-15"),
        ("docs/records/nc-2026-003.md", None, new_document(
            "NC-2026-003", extra="nonconformity:\n  raised: 2026-11-01\n  grade: major\n  due: 2026-12-31\n"))],
           [("isodocs.yml", "certification:")]),
    Defect("edition-superseded", [
        ("catalogs/acme-2019.yml", None, OLD_EDITION),
        ("isodocs.yml", "  - iso27001-2022\n", "  - iso27001-2022\n  - acme-2019\n"),
        ("docs/plans/audit-programme.md", "  - {planned: 2027-03, standard: iso27001-2022",
         '  - {planned: 2027-03, standard: acme-2019, clauses: ["4"], auditor: External auditor}\n'
         "  - {planned: 2027-03, standard: iso27001-2022")],
           [("isodocs.yml", "- acme-2019")]),
    Defect("catalog-incomplete", [
        ("catalogs/acme-2025.yml", None, INCOMPLETE),
        ("isodocs.yml", "  - iso27001-2022\n", "  - iso27001-2022\n  - acme-2025\n"),
        ("docs/plans/audit-programme.md", "  - {planned: 2028-03, standard: iso27001-2022",
         '  - {planned: 2028-03, standard: acme-2025, clauses: ["4"], auditor: External auditor}\n'
         "  - {planned: 2028-03, standard: iso27001-2022")],
           [("isodocs.yml", "- acme-2025")]),
    Defect("catalog-base-missing", [
        ("catalogs/acme-defence-2026.yml", None, ADDITIONS),
        ("isodocs.yml", "  - iso27001-2022\n", "  - iso27001-2022\n  - acme-defence-2026\n"),
        ("docs/plans/audit-programme.md", "  - {planned: 2028-03, standard: iso27001-2022",
         '  - {planned: 2028-03, standard: acme-defence-2026, clauses: ["1"], auditor: External auditor}\n'
         "  - {planned: 2028-03, standard: iso27001-2022")],
           [("isodocs.yml", "- acme-defence-2026")]),
    Defect("history-missing", [], [("isodocs.yml", None)], git=shallow, alone=True),
    Defect("history-skipped", [], [("isodocs.yml", None)], git=not_in_git, alone=True),
    Defect("approval-self", [("docs/procedures/document-control.md", "approver: ceo", "approver: ciso")],
           [("docs/procedures/document-control.md", "approver: ciso")]),
    Defect("approval-unverified", [("isodocs.yml", "defaults:", "approvals: {verify: author}\ndefaults:"),
                                   ("isodocs.yml", "name: Alex Morgan, email: alex@example.com",
                                    "name: Alex Morgan, email: alex@example.com, members: [{name: Sam Lee, "
                                    "email: sam@example.com}]")],
           [("docs/procedures/internal-audit.md", "approved:")], git=authored_by_a_stranger),
    Defect("nonconformity-overdue", [("docs/records/nc-2026-002.md", None, new_document(
        "NC-2026-002", extra="nonconformity:\n  raised: 2026-08-01\n  grade: major\n  due: 2026-10-01\n"))],
           [("docs/records/nc-2026-002.md", "due: 2026-10-01")]),
]


def apply(root: Path, defect: Defect) -> None:
    for path, old, new in defect.edits:
        target = root / path
        if old is None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(new)
            continue
        text = target.read_text()
        assert old in text, f"fixture drifted: {old!r} not in {path}"
        target.write_text(text.replace(old, new, 1))


def expected(root: Path, defect: Defect) -> set[tuple[str, str, int]]:
    found = set()
    for path, needle in defect.expected:
        if needle is None:  # about the repository as a whole
            found.add((defect.rule, path, 0))
            continue
        lines = (root / path).read_text().split("\n")
        line = next(i for i, text in enumerate(lines, 1) if needle.rstrip("\n") in text)
        found.add((defect.rule, path, line))
    return found


def build(tmp_path: Path, defects: list[Defect]) -> tuple[Path, set[tuple[str, str, int]]]:
    """The clean fixture with the defects, as a git repository; and the expected (rule, path, line)."""
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    for defect in defects:
        if not defect.after_commit:
            apply(root, defect)
    repo = git.Repo.init(root, initial_branch="main")
    commit_all(repo, "Initial document set")
    for defect in defects:
        if defect.after_commit:
            apply(root, defect)
    commit_all(repo, "Edit an approved document")
    found = set().union(*(expected(root, d) for d in defects))
    for defect in defects:
        if defect.git is not None:
            defect.git(root, repo)
    return root, found
