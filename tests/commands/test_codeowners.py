"""`isodocs codeowners`: one line per document from its owner's and approver's handles."""

from __future__ import annotations

from pathlib import Path

from conftest import run


def test_codeowners_writes_checks_and_keeps_the_users_lines(clean: Path):
    (clean / "CODEOWNERS").write_text("# Our own rule\n* @example/everyone\n")
    assert run("codeowners", "--check", "--path", str(clean)).code == 1
    assert run("codeowners", "--path", str(clean)).code == 0
    text = (clean / "CODEOWNERS").read_text()
    assert text.startswith("# Our own rule\n* @example/everyone\n")
    assert "/docs/policies/controls-manual.md @example/security @alex\n" in text
    assert "/docs/procedures/operations.md @kim @alex\n" in text
    assert run("codeowners", "--check", "--path", str(clean)).code == 0
    path = clean / "docs/procedures/operations.md"
    path.write_text(path.read_text().replace("owner: it-lead", "owner: ciso"))
    result = run("codeowners", "--check", "--path", str(clean))
    assert result.code == 1 and "out of date" in result.out
    run("codeowners", "--path", str(clean))
    assert "/docs/procedures/operations.md @example/security @alex\n" in (clean / "CODEOWNERS").read_text()
    assert (clean / "CODEOWNERS").read_text().count("# isodocs: begin") == 1


def test_a_scaffolded_repository_has_up_to_date_codeowners(tmp_path: Path):
    from scaffold import scaffold
    root = scaffold(tmp_path / "new", "iso9001-2015")
    assert run("codeowners", "--check", "--path", str(root)).code == 0
