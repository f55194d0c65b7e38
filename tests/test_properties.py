"""Property-based tests: no input crashes the reader or the editor, and an edit is exactly undone."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from isodocs.errors import IsodocsError
from isodocs.files.editing import Change, EditError, apply, parse_header
from isodocs.files.frontmatter import read, split
from isodocs.files.yamlload import YamlError, parse
from isodocs.git.blobfacts import facts_of

EXAMPLES = int(os.environ.get("ISODOCS_FUZZ_EXAMPLES", "2000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATH = Path("docs/fuzz.md")

YAMLISH = st.text(alphabet=st.sampled_from([*list("ab:-#&*!|>'\"[]{},.? \t\n\r\\%@`~0123456789"), "é", "\x00"]),
                  max_size=300)


@FUZZ
@given(st.binary(max_size=600))
def test_reading_any_bytes_gives_findings_never_an_exception(raw: bytes):
    document, findings = read("docs/fuzz.md", raw)
    assert document is None or document.id
    assert all(f.rule in ("frontmatter-invalid", "schema-invalid") and f.line >= 0 for f in findings)


@FUZZ
@given(YAMLISH)
def test_reading_yaml_like_headers_gives_findings_never_an_exception(header: str):
    _document, findings = read("docs/fuzz.md", f"---\n{header}\n---\n# Body\n".encode())
    assert all(f.rule in ("frontmatter-invalid", "schema-invalid") for f in findings)


@FUZZ
@given(YAMLISH)
def test_parsing_raises_only_yaml_errors(text: str):
    try:
        parse(text)
    except YamlError as error:
        assert error.line >= 1 and error.message


KEYS = ["id", "title", "type", "owner", "approver", "status", "version", "approved", "classification"]
PLAIN = st.from_regex(r"[A-Za-z][A-Za-z0-9 ._-]{0,20}[A-Za-z0-9]", fullmatch=True)


def quoted(value: str, style: str) -> str:
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, str, str]:
    """A file with comments, odd quoting, any key order, LF or CRLF, maybe a BOM, and any body."""
    keys = draw(st.permutations(KEYS))[: draw(st.integers(2, len(KEYS)))]
    lines = []
    for key in [*keys, "last_reviewed"][:]:
        if draw(st.booleans()):
            lines.append(f"# {draw(PLAIN)}")
        value = "2026-03-0" + str(draw(st.integers(1, 9))) if key == "last_reviewed" else draw(PLAIN)
        style = draw(st.sampled_from(["", "'", '"']))
        comment = f"   # {draw(PLAIN)}" if draw(st.booleans()) else ""
        lines.append(f"{key}: {quoted(value, style)}{comment}")
    position = draw(st.integers(0, len(lines) - 1))
    reviewed = lines.pop(next(i for i, line in enumerate(lines) if line.startswith("last_reviewed:")))
    lines.insert(position, reviewed)
    body = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"),
                        max_size=200))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(["---", *lines, "---", body])
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + text.encode(), reviewed.split(":", 1)[1].split("#")[0].strip().strip("'\""), body


@FUZZ
@given(documents(), st.dates().map(lambda d: d.isoformat()))
def test_an_edit_and_its_inverse_give_the_file_back_and_never_touch_the_body(document, when: str):
    raw, original, _body = document
    header, plain = parse_header(raw, PATH)
    edited = apply(raw, header, [Change("last_reviewed", when)], PATH)
    assert edited.endswith(raw[raw.rindex(b"---"):])  # the closing fence and the body, byte for byte
    changed = [(a, b) for a, b in zip(raw.splitlines(), edited.splitlines(), strict=False) if a != b]
    assert len(changed) == 1 and changed[0][0].lstrip(b"\xef\xbb\xbf").startswith(b"last_reviewed:")
    header, plain = parse_header(edited, PATH)
    assert plain["last_reviewed"] == when
    restored = apply(edited, header, [Change("last_reviewed", original)], PATH)
    assert restored == raw


@FUZZ
@given(st.binary(max_size=400))
def test_editing_any_bytes_raises_only_isodocs_errors(raw: bytes):
    try:
        header, _plain = parse_header(raw, PATH)
        apply(raw, header, [Change("last_reviewed", "2026-11-21", after=("status",))], PATH)
    except IsodocsError as error:
        assert isinstance(error, EditError) and str(error)


@FUZZ
@given(YAMLISH)
def test_editing_yaml_like_headers_raises_only_isodocs_errors(header: str):
    raw = f"---\nid: X\n{header}\n---\nbody\n".encode()
    try:
        data, _plain = parse_header(raw, PATH)
        result = apply(raw, data, [Change("last_reviewed", "2026-11-21", after=("id",))], PATH)
    except IsodocsError:
        return
    assert split(result.decode()).body == split(raw.decode()).body


@settings(FUZZ, max_examples=max(EXAMPLES // 4, 50))  # the editor's own test above already runs the full count
@given(documents(), st.dates().map(lambda d: d.isoformat()), st.text(alphabet="abc xyz", max_size=20))
def test_a_review_stamp_never_changes_what_history_sees_and_a_new_line_of_text_always_does(document, when: str,
                                                                                        words: str):
    raw, _, _ = document
    header, _ = parse_header(raw, PATH)
    stamped = apply(raw, header, [Change("last_reviewed", when)], PATH).decode("utf-8")
    assert facts_of(raw.decode("utf-8")) == facts_of(stamped)
    assert facts_of(f"{stamped}\n{words}.\n").content != facts_of(stamped).content
