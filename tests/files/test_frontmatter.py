from __future__ import annotations

import pytest

from isodocs.files import yamlload
from isodocs.files.frontmatter import read, split


@pytest.fixture(autouse=True, params=["libyaml", "ruamel"])
def composer(request, monkeypatch):
    """Both composers must read every document the same way."""
    monkeypatch.setattr(yamlload, "COMPOSER", request.param)
    return request.param

HEADER = """---
id: POL-001
title: Policy
type: policy
owner: ciso
status: draft
clauses:
  iso27001-2022: [5.10, "A.5.1"]
---
# Body
"""


def test_a_document_is_read_with_lines_and_string_clauses(tmp_path):
    source = tmp_path / "p.md"
    source.write_text(HEADER)
    document, findings = read("docs/p.md", HEADER.encode(), str(source))
    assert findings == []
    assert document is not None
    assert document.clauses == {"iso27001-2022": ["5.10", "A.5.1"]}
    assert document.lines["owner"] == 5
    assert document.clause_lines[("iso27001-2022", "5.10")] == 8
    assert document.body == "# Body\n"
    assert document.body_line == 10


def test_crlf_and_byte_order_mark_are_read_like_plain_utf8():
    raw = ("\ufeff" + HEADER).replace("\n", "\r\n").encode()
    document, findings = read("docs/p.md", raw)
    assert findings == [] and document is not None
    assert document.lines["owner"] == 5


def test_a_page_without_front_matter_is_not_a_document():
    assert read("docs/index.md", b"# Welcome\n") == (None, [])
    assert read("docs/index.md", b"---\ntitle: Welcome\n---\n# Welcome\n") == (None, [])


@pytest.mark.parametrize("raw, line, words", [
    (b"---\nid: X\ntitle: [unclosed\n---\n", 4, "does not parse"),
    (b"---\nid: X\ntitle: t\n", 1, "never closed"),
    (b"---\nid: X\n\xff\xfe\n---\n", 3, "not UTF-8"),
    (b"---\nid: X\nid: Y\n---\n", 3, "duplicate key 'id'"),
    (b"---\nid: X\n\towner: a\n---\n", 3, "tab"),
    (b"---\n- a\n- b\n---\n", 2, "must be a mapping"),
])
def test_unreadable_front_matter_is_a_finding_with_its_line(raw: bytes, line: int, words: str):
    document, findings = read("docs/x.md", raw)
    assert document is None
    assert [(f.rule, f.line) for f in findings] == [("frontmatter-invalid", line)]
    assert words in findings[0].message


@pytest.mark.parametrize("text, line, words", [
    ("ownr: ciso", 6, "unknown key 'ownr': did you mean 'owner'?"),
    ("status: final", 5, "'status' is 'final'; expected one of: draft, in-review, approved, retired"),
    ("approved: 2026-02-30", 6, "not a real date"),
    ("approved: 03/02/2026", 6, "expected a date written YYYY-MM-DD"),
    ("review_interval: yearly", 6, "expected an interval such as '12 months'"),
    ("owner: [a, b]", 6, "'owner' must be text, not a list"),
    ("clauses: {iso27001-2022: 5.2}", 6, "'clauses.iso27001-2022' must be a list"),
])
def test_schema_problems_name_the_line_of_the_key(text: str, line: int, words: str):
    status = "" if text.startswith("status:") else "status: draft\n"
    raw = f"---\nid: X\ntitle: T\ntype: policy\n{status}{text}\n---\n".encode()
    line = line if status else 5
    _document, findings = read("docs/x.md", raw)
    assert [(f.rule, f.line) for f in findings] == [("schema-invalid", line)], findings
    assert words in findings[0].message


def test_split_keeps_body_byte_for_byte():
    parts = split("---\na: 1\n---\n\n  text with --- inside\n---\n")
    assert parts.header == "a: 1\n"
    assert parts.body == "\n  text with --- inside\n---\n"
    assert parts.body_line == 4
