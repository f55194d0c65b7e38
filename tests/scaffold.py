"""Helpers for tests that scaffold repositories: run the template, read trees, approve everything."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run

ROMASHKA = "ООО «Ромашка» & Co"
UNDECIDED = "\n      applicable:\n      justification:\n"   # a control in the starter Statement of Applicability
DECIDED = ("\n      applicable: true\n      reasons: [risk-treatment]\n      implementation: implemented\n"
           "      justification: Selected to treat assessed risks\n")


def scaffold(target: Path, *standards: str, organization: str = ROMASHKA, extra: tuple[str, ...] = ()) -> Path:
    args = ["new", str(target), "--organization", organization, "--no-input", *extra]
    for standard in standards:
        args += ["--standard", standard]
    result = run(*args)
    assert result.code == 0, result.err
    return target


def tree(root: Path, ignore: tuple[str, ...] = (".git",)) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file() and not set(path.relative_to(root).parts) & set(ignore)}


def approve_everything(root: Path, today: str, review_title: str = "Management review",
                       justification: str = "Selected to treat assessed risks") -> None:
    """What an organization does before certification: decide, fill in, approve, review, and hold a
    management review."""
    (root / "docs" / "records").mkdir(exist_ok=True)
    (root / "docs" / "records" / "management-review.md").write_text(
        f"---\nid: REC-MR-1\ntitle: {review_title}\ntype: record\nowner: system-owner\n"
        f"approver: top-management\nstatus: draft\n"
        f'version: "0.1"\nmanagement_review: {{held: {today}}}\n---\n# {review_title}\n', encoding="utf-8")
    for path in (root / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "\nstatus: draft\n" not in text:
            continue
        text = text.replace("\nstatus: draft\n", "\nstatus: approved\n", 1)
        text = text.replace('\nversion: "0.1"\n', f'\nversion: "1.0"\napproved: {today}\nlast_reviewed: {today}\n', 1)
        text = re.sub(r"\[\[decide: [^\]]*\]\]", "as the organization decided", text)
        text = text.replace(UNDECIDED, DECIDED.replace(
            "Selected to treat assessed risks", justification))
        path.write_text(text, encoding="utf-8")
