"""Security: hostile answers stay inert, YAML builds no objects, nothing follows links out of the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, TODAY, run
from scaffold import scaffold, tree

ROOT = Path(__file__).resolve().parent.parent
COOKIECUTTER = Path(sys.executable).parent / "cookiecutter"
SHELLISH = "Acme $(touch /tmp/isodocs-shell) `touch /tmp/isodocs-tick`; rm -rf / & \"Co\" 'Ltd' | tee"


def test_shell_metacharacters_in_answers_come_out_as_plain_text(tmp_path: Path):
    root = scaffold(tmp_path / "acme", "iso9001-2015", organization=SHELLISH,
                    extra=("--top-management", "CEO; reboot", "--ci", "github"))
    assert not Path("/tmp/isodocs-shell").exists() and not Path("/tmp/isodocs-tick").exists()
    from isodocs.model.repository import Repository
    config = Repository.load(root).config
    assert config.organization == SHELLISH and config.roles["top-management"].name == "CEO; reboot"
    files = tree(root)
    assert SHELLISH not in files[".github/workflows/isodocs.yml"].decode()
    from html import unescape

    import markdown
    rendered = markdown.markdown(files["docs/procedures/internal-audit.md"].decode(), extensions=["tables"])
    assert SHELLISH in unescape(re.sub(r"<[^>]+>", "", rendered))   # the documents' text says it, as text


@pytest.mark.parametrize("answer", ["{{ cookiecutter.organization }}", "{% raw %}x", "{# note #}"])
def test_template_syntax_in_any_answer_is_refused(tmp_path: Path, answer: str):
    result = run("new", str(tmp_path / "x"), "--organization", "Acme", "--system-owner", answer, "--no-input")
    assert result.code == 2 and "template syntax" in result.err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("slug", ["../../escaped", "/tmp/absolute", "a/b"])
def test_plain_cookiecutter_refuses_a_slug_that_leaves_the_output_folder(tmp_path: Path, slug: str):
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run([str(COOKIECUTTER), str(ROOT), "--directory", "template", "--no-input",
                             "--default-config", "-o", str(out), "organization=Acme", f"project_slug={slug}"],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "plain folder name" in result.stderr
    assert not [p for p in out.rglob("*") if p.is_file()]  # at most an empty folder for "a/b"
    assert not (tmp_path / "escaped").exists() and not Path("/tmp/absolute").exists()


def test_yaml_tags_in_isodocs_yml_build_nothing(tmp_path: Path):
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    config = root / "isodocs.yml"
    config.write_text(config.read_text().replace(
        "organization: Example Ltd", 'organization: !!python/object/apply:os.system ["touch /tmp/isodocs-yaml"]'))
    result = run("check", str(root), "--today", TODAY)
    assert result.code == 2 and "'organization' must be text, not a list" in result.err
    assert not Path("/tmp/isodocs-yaml").exists()


def test_isodocs_yml_and_docs_folder_outside_the_repository_are_not_followed(tmp_path: Path):
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.move(root / "isodocs.yml", outside / "isodocs.yml")
    os.symlink(outside / "isodocs.yml", root / "isodocs.yml")
    result = run("check", str(root))
    assert result.code == 2 and "link to a file outside the repository" in result.err
    (root / "isodocs.yml").unlink()
    shutil.move(outside / "isodocs.yml", root / "isodocs.yml")
    shutil.move(root / "docs", outside / "docs")
    os.symlink(outside / "docs", root / "docs")
    result = run("check", str(root))
    assert result.code == 2 and "lies outside the repository" in result.err


def test_editing_commands_do_not_follow_links_out_of_the_repository(tmp_path: Path):
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text("---\nid: SECRET-1\ntitle: Secret\ntype: policy\nstatus: draft\n---\n")
    os.symlink(secret, root / "docs/policies/secret.md")
    result = run("review", "docs/policies/secret.md", "--by", "ciso", "--path", str(root))
    assert result.code == 2
    os.symlink(outside, root / "docs/forms")
    result = run("add", "form", "Visitor log", "--owner", "ciso", "--path", str(root))
    assert result.code == 2 and "leads outside the repository" in result.err
    assert [p.name for p in outside.iterdir()] == ["secret.md"]
    assert secret.read_text().startswith("---\nid: SECRET-1")


def test_history_and_diff_keep_hostile_commit_subjects_inert(tmp_path: Path):
    import git
    from conftest import commit_all, make_repo

    root = make_repo(tmp_path)
    policy = root / "docs/policies/information-security-policy.md"
    policy.write_text(policy.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    commit_all(git.Repo(root), "Tidy \x1b]0;owned\x07 the \x1b[2J policy")
    shown = run("history", "POL-IS-001", "--path", str(root))
    assert shown.code == 0 and "\x1b" not in shown.out and "\x07" not in shown.out
    assert "Tidy \\x1b]0;owned\\x07 the \\x1b[2J policy" in shown.out
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "title: Information security policy", "title: '<img src=x onerror=alert(1)> | *x*'"), encoding="utf-8")
    summary = run("diff", "HEAD", "--path", str(root), "--today", TODAY)
    assert summary.code == 0, summary.err
    import markdown
    html = markdown.markdown(summary.out, extensions=["tables"])
    assert "<img" not in html and "<em>" not in html and "&lt;img src=x onerror=alert(1)&gt; | *x*" in html
