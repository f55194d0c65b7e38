"""Editing commands change only their fields: comments, order, quoting, line ends and body stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import TODAY, run

HEADER = """---
# Owned by security; ask Sam before changing.
title: 'Access control: who gets what'   # shown in the handbook
id: POL-IS-009
type: policy
owner: ciso     # role
approver: ceo
status: draft
version: '0.3'
classification: internal
clauses:
  iso27001-2022:
    - "A.5.15"   # access control
    - "A.5.18"
---
# Access control

Body text   with  odd spacing, a trailing space 
and [[decide: review period]].
"""


@pytest.fixture
def document(clean: Path) -> Path:
    path = clean / "docs/policies/access.md"
    path.write_bytes(HEADER.encode())
    return path


def changed_lines(before: bytes, after: bytes) -> tuple[list[bytes], list[bytes]]:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    return [line for line in old if line not in new], [line for line in new if line not in old]


def test_approve_changes_only_its_fields(document: Path, clean: Path):
    before = document.read_bytes()
    result = run("approve", "POL-IS-009", "--by", "ceo", "--date", "2026-11-20", "--path", str(clean))
    assert result.code == 0, result.err
    assert "placeholder" in result.err
    after = document.read_bytes()
    removed, added = changed_lines(before, after)
    assert removed == [b"status: draft\n", b"version: '0.3'\n"]
    assert added == [b"status: approved\n", b"version: '1.0'\n", b"approved: 2026-11-20\n",
                     b"last_reviewed: 2026-11-20\n", b"reviewed_by: ceo\n"]
    assert after.endswith(HEADER.split("---\n", 2)[2].encode())
    assert after.startswith(b"---\n# Owned by security")


def test_a_second_approval_raises_the_minor_or_major_version(document: Path, clean: Path):
    run("approve", "POL-IS-009", "--by", "ceo", "--date", "2026-11-20", "--path", str(clean))
    run("approve", "POL-IS-009", "--by", "ceo", "--date", "2026-11-21", "--path", str(clean))
    assert "version: '1.1'\n" in document.read_text()
    run("approve", "POL-IS-009", "--by", "ceo", "--major", "--path", str(clean))
    assert "version: '2.0'\n" in document.read_text()


def test_review_and_its_inverse_give_the_file_back_byte_for_byte(clean: Path):
    path = clean / "docs/policies/controls-manual.md"
    unstamped = path.read_bytes()
    run("review", "MAN-IS-001", "--by", "ciso", "--date", "2026-06-01", "--path", str(clean))
    original = path.read_bytes()
    assert original == unstamped.replace(b"last_reviewed: 2026-06-01\n",
                                         b"last_reviewed: 2026-06-01\nreviewed_by: ciso\n")
    run("review", "MAN-IS-001", "--by", "ciso", "--date", "2026-11-21", "--path", str(clean))
    assert path.read_bytes() == original.replace(b"last_reviewed: 2026-06-01", b"last_reviewed: 2026-11-21")
    run("review", "MAN-IS-001", "--by", "ciso", "--date", "2026-06-01", "--path", str(clean))
    assert path.read_bytes() == original


def test_crlf_and_byte_order_mark_survive_an_edit(clean: Path):
    path = clean / "docs/policies/controls-manual.md"
    original = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    assert run("review", "MAN-IS-001", "--by", "ciso", "--date", "2026-11-21", "--path", str(clean)).code == 0
    assert path.read_bytes() == original.replace(b"last_reviewed: 2026-06-01\r\n",
                                                 b"last_reviewed: 2026-11-21\r\nreviewed_by: ciso\r\n")


def test_a_review_stamp_keeps_the_document_passing(clean: Path):
    run("review", "docs/procedures/objectives.md", "--by", "ceo", "--date", TODAY, "--path", str(clean))
    report = json.loads(run("check", str(clean), "--format", "json", "--today", TODAY).out)
    assert report["findings"] == []


def test_front_matter_that_does_not_parse_is_refused_and_left_alone(clean: Path):
    path = clean / "docs/policies/broken.md"
    path.write_text("---\nid: POL-X\ntitle: a: b\n---\n")
    before = path.read_bytes()
    result = run("review", str(path), "--by", "ceo", "--path", str(clean))
    assert result.code == 2
    assert "docs/policies/broken.md:3: cannot use this document: front matter does not parse" in result.err
    assert path.read_bytes() == before


def test_unknown_role_or_document_is_refused(clean: Path):
    assert "is not a role" in run("review", "POL-IS-001", "--by", "cfo", "--path", str(clean)).err
    assert "did you mean POL-IS-001" in run("approve", "POL-IS-01", "--by", "ceo", "--path", str(clean)).err


def test_add_creates_a_draft_with_a_free_id_that_the_checker_accepts(clean: Path):
    result = run("add", "policy", "Mobile devices & remote work", "--clause", "iso27001-2022:A.6.7",
                 "--owner", "ciso", "--path", str(clean))
    assert result.code == 0, result.err
    created = clean / "docs/policies/mobile-devices-remote-work.md"
    text = created.read_text()
    assert "id: POL-001\n" in text and "title: 'Mobile devices & remote work'" in text and "status: draft" in text
    assert run("add", "policy", "Second", "--owner", "ciso", "--path", str(clean)).out.startswith("POL-002")
    report = json.loads(run("check", str(clean), "--format", "json", "--today", TODAY).out)
    assert report["findings"] == []
    refused = run("add", "policy", "X", "--clause", "iso27001-2022:A.9.9", "--owner", "ciso", "--path", str(clean))
    assert refused.code == 2 and "has no clause 'A.9.9'" in refused.err
