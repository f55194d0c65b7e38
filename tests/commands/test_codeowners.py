"""`isodocs codeowners`: one line per document from its owner's and approver's handles."""

from __future__ import annotations

from pathlib import Path

from conftest import run
from hypothesis import given, strategies as st


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


def test_a_russian_repository_s_codeowners_block_is_marked_in_russian_and_stays_current(tmp_path: Path):
    """The template writes the markers `isodocs codeowners` writes; a block with another language's markers (a
    repository made before, or that changed its language) is found and kept as it is, never added twice."""
    from scaffold import scaffold

    from isodocs.commands.codeowners import markers
    root = scaffold(tmp_path / "new", "iso9001-2015", extra=("--language", "ru"))
    path = root / "CODEOWNERS"
    begin, end = markers("ru")
    assert f"\n{begin}\n{end}\n" in path.read_text(encoding="utf-8")
    assert "isodocs: начало" in begin
    result = run("codeowners", "--check", "--path", str(root))
    assert result.code == 0 and "актуален" in result.out
    config = root / "isodocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("handle:", "handle: '@romashka/qms'", 1),
                      encoding="utf-8")
    assert run("codeowners", "--check", "--path", str(root)).code == 1
    assert run("codeowners", "--path", str(root)).code == 0
    text = path.read_text(encoding="utf-8")
    assert text.count(begin) == 1 and "/isodocs.yml @romashka/qms\n" in text.split(begin)[1].split(end)[0]

    english = text.replace(begin, markers("en")[0]).replace(end, markers("en")[1])
    path.write_text(english, encoding="utf-8")
    assert run("codeowners", "--check", "--path", str(root)).code == 0
    assert run("codeowners", "--path", str(root)).code == 0 and path.read_text(encoding="utf-8") == english


LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).filter(lambda s: "isodocs" not in s)


@given(before=st.lists(LINE, max_size=4), after=st.lists(LINE, max_size=4), old=st.lists(LINE, max_size=3),
       new=st.lists(LINE, max_size=3), marked=st.sampled_from(["en", "ru", None]),
       language=st.sampled_from(["en", "ru"]))
def test_rendering_keeps_the_user_s_lines_and_one_block_whatever_its_language(
        before: list[str], after: list[str], old: list[str], new: list[str], marked: str | None, language: str):
    from isodocs.commands.codeowners import markers, render
    user = "".join(f"{line}\n" for line in before)
    existing = user
    if marked:
        begin, end = markers(marked)
        existing += "\n".join([begin, *old, end]) + "\n" + "".join(f"{line}\n" for line in after)
    once = render(existing, new, language)
    begin, end = markers(marked or language)
    assert once.startswith(user) and once.count(begin) == 1 and once.count(end) == 1
    assert once.split(begin)[1].split(end)[0] == "".join(f"\n{line}" for line in new) + "\n"
    if marked:
        assert once.endswith("".join(f"{line}\n" for line in after).lstrip("\n"))
    assert render(once, new, language) == once
