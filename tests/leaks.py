"""The leak corpus: each case writes one way a restricted document could reach the site into a scaffolded
27001 repository (limit `internal`). Every case carries the secret marker in what must stay out; a case either
builds without the marker anywhere in the site folder, or stops the build naming the file and line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import git
from conftest import commit_all

SECRET = "ZEBRA7731"
SOA = "docs/records/statement-of-applicability.md"
RISKS = "docs/registers/risk-register.md"


def restricted(doc_id: str, title: str, body: str = "", extra: str = "", classification: str = "restricted",
               status: str = "draft") -> str:
    return (f"---\nid: {doc_id}\ntitle: '{title}'\ntype: plan\nowner: system-owner\nstatus: {status}\n"
            f'version: "0.1"\nclassification: {classification}\n{extra}---\n# {title}\n\n'
            f"{body or f'The {SECRET} acquisition closes in March; the price is 41 million.'}\n")


def edit(root: Path, path: str, old: str, new: str, count: int = 1) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def commit(root: Path, message: str) -> None:
    commit_all(git.Repo(root), message)


@dataclass
class Case:
    name: str
    make: Callable[[Path], None]
    blocked: str | None = None      # "path:line" the build must stop on; None: it builds without the secret


def _schema_error(root: Path) -> None:
    write(root, f"docs/plans/{SECRET.lower()}.md", restricted("PLN-X-1", "Merger", status="Draft"))


def _capital(root: Path) -> None:
    write(root, "docs/plans/merger.md", restricted("PLN-X-2", f"Merger {SECRET}", classification="Confidential"))


def _bad_yaml(root: Path) -> None:
    write(root, "docs/plans/merger.md", restricted("PLN-X-3", "Merger", extra="owner: [unclosed\n"))


def _mkd(root: Path) -> None:
    write(root, "docs/plans/salaries.mkd", restricted("PLN-X-4", f"Salary bands {SECRET}"))


def _plain_above_default(root: Path) -> None:
    edit(root, "isodocs.yml", "  due_soon: 30 days\n", "  due_soon: 30 days\n  classification: confidential\n")
    for page in (root / "docs").rglob("*.md"):  # the documents keep their own, explicit classification
        text = page.read_text(encoding="utf-8")
        if "classification:" not in text and text.startswith("---"):
            page.write_text(text.replace("\n---\n", "\nclassification: internal\n---\n", 1), encoding="utf-8")
    write(root, "docs/notes.mdown", f"# Board notes\n\nThe {SECRET} deal is on.\n")


def _soa(root: Path) -> None:
    edit(root, SOA, "classification: internal", "classification: confidential")
    edit(root, SOA, "A.5.1:  # Policies for information security\n      applicable:\n      justification:\n",
         f"A.5.1:    {{applicable: false, justification: 'Covered by the {SECRET} group policy'}}\n")


def _commit_subject(root: Path) -> None:
    write(root, "docs/plans/merger.md", restricted("PLN-X-5", "Merger"))
    edit(root, "docs/policies/backup.md", "# ", "# ", 1)
    (root / "docs/policies/backup.md").write_text((root / "docs/policies/backup.md").read_text() + "\nMore.\n")
    commit(root, f"Add the {SECRET} merger plan and tidy the backup policy")


def _link(root: Path) -> None:
    write(root, f"docs/plans/{SECRET.lower()}-plan.md", restricted("PLN-X-6", "Merger"))
    page = root / "docs/policies/backup.md"
    page.write_text(page.read_text(encoding="utf-8") +
                    f"\nSee [the {SECRET} plan](../plans/{SECRET.lower()}-plan.md), [ref][m] and "
                    f"[its page](../../plans/{SECRET.lower()}-plan/).\n\n"
                    f"[m]: ../plans/{SECRET.lower()}-plan.md\n", encoding="utf-8")


def _risks(root: Path) -> None:
    edit(root, RISKS, "classification: internal", "classification: restricted")
    edit(root, RISKS, "risks: {}", "risks:\n  R-001: {asset: Payroll, threat: '" + SECRET + " insider', likelihood: "
         "'3', impact: '4', owner: security-officer, treatment: reduce, controls: {iso27001-2022: [A.5.15]}}")


def _nonconformity(root: Path) -> None:
    write(root, "docs/records/nc-7.md", restricted(
        "NC-7", f"Audit finding {SECRET}",
        extra="nonconformity: {raised: 2026-10-01, due: 2026-12-01, grade: major}\n"))


def _nav(root: Path) -> None:
    write(root, "docs/plans/merger.md", restricted("PLN-X-7", "Merger"))
    edit(root, "mkdocs.yml", "docs_dir: docs\n",
         f"docs_dir: docs\nnav:\n  - index.md\n  - '{SECRET} plan': plans/merger.md\n"
         "  - Policies: policies/backup.md\n")


def _asset(root: Path) -> None:
    write(root, f"docs/hr/{SECRET.lower()}-salaries.csv", f"name,salary\n{SECRET},100\n")


def _mdtxt(root: Path) -> None:
    """MkDocs copies a suffix it does not render as a static file, front matter and all."""
    write(root, "docs/plans/board.mdtxt", restricted("PLN-X-9", f"Board minutes {SECRET}"))


def _implementing_document(root: Path) -> None:
    write(root, "docs/plans/vault.md",
          restricted(f"PLN-{SECRET}", "Vault", extra="clauses: {iso27001-2022: [A.5.2]}\n"))
    edit(root, SOA, "A.5.1:  # Policies for information security\n      applicable:\n      justification:\n",
         f"A.5.1:    {{applicable: true, justification: Policy, documents: [PLN-{SECRET}]}}\n")


def _evidence_record(root: Path) -> None:
    """A restricted record holds the latest evidence of a control whose SoA decision is published."""
    write(root, "docs/records/vault-evidence.md", restricted(
        f"REC-{SECRET}", "Vault evidence", status="approved",
        extra=f"evidence:\n  - {{date: 2026-10-01, by: '{SECRET} team', what: 'Restore of the {SECRET} vault', "
              f"controls: {{iso27001-2022: [A.5.1, '4.1']}}, link: 'https://tickets.example/{SECRET}'}}\n"))
    edit(root, SOA, "A.5.1:  # Policies for information security\n      applicable:\n      justification:\n",
         "A.5.1:    {applicable: true, justification: Policy, documents: [POL-001], frequency: yearly}\n")


def _title_in_public_page(root: Path) -> None:
    """Negative control: a published page that names the secret must show it (the search works)."""
    page = root / "docs/policies/backup.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nCodename {SECRET}.\n", encoding="utf-8")


CASES = [
    Case("schema-error", _schema_error, f"docs/plans/{SECRET.lower()}.md:6"),
    Case("capitalised-classification", _capital, "docs/plans/merger.md:8"),
    Case("yaml-error", _bad_yaml, "docs/plans/merger.md:"),
    Case("mkd-suffix", _mkd),
    Case("plain-page-above-default", _plain_above_default),
    Case("confidential-soa", _soa),
    Case("commit-subject", _commit_subject),
    Case("link-to-hidden", _link),
    Case("risk-register-hidden", _risks),
    Case("nonconformity-hidden", _nonconformity),
    Case("nav-entry", _nav),
    Case("unlinked-attachment", _asset),
    Case("mdtxt-suffix", _mdtxt),
    Case("hidden-implementing-document", _implementing_document),
    Case("hidden-evidence-record", _evidence_record),
]
CONTROL = Case("control-public-text", _title_in_public_page)


def traces(site: Path, marker: str = SECRET) -> list[str]:
    """Every file of a built site that carries the marker (any case; HTML entities and gzip opened)."""
    import gzip
    from html import unescape

    found = []
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        raw = file.read_bytes()
        if file.suffix == ".gz":
            raw = gzip.decompress(raw)
        text = unescape(raw.decode("utf-8", "replace"))
        if re.search(re.escape(marker), text, re.I):
            found.append(file.relative_to(site).as_posix())
    return found
