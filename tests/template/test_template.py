"""The template through plain cookiecutter and cruft gives what `isodocs new` gives; hooks on their own."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest
import yaml
from conftest import commit_all
from scaffold import ROMASHKA, scaffold, tree

from isodocs.commands.new import template_hook

ROOT = Path(__file__).resolve().parents[2]
COOKIECUTTER = Path(sys.executable).parent / "cookiecutter"
ANSWERS = {"organization": ROMASHKA, "iso27001_2022": "yes", "iso9001_2015": "yes"}


def test_plain_cookiecutter_gives_the_same_tree_as_isodocs_new(tmp_path: Path):
    out = tmp_path / "plain"
    subprocess.run([str(COOKIECUTTER), str(ROOT), "--directory", "template", "--no-input", "--default-config",
                    "-o", str(out), *(f"{k}={v}" for k, v in ANSWERS.items()), "project_slug=romashka"],
                   check=True, capture_output=True)
    plain = out / "romashka"
    ours = scaffold(tmp_path / "ours" / "romashka", "iso27001-2022", "iso9001-2015")
    assert tree(plain) == tree(ours)
    assert len(list(git.Repo(plain).iter_commits())) == 1


@pytest.fixture
def template_repo(tmp_path: Path) -> Path:
    """The template as cruft sees it: a git repository holding template/ and hooks/."""
    source = tmp_path / "template-source"
    source.mkdir()
    for name in ("template", "hooks"):
        shutil.copytree(ROOT / name, source / name, symlinks=True)
    commit_all(git.Repo.init(source, initial_branch="main"), "Template")
    return source


def test_cruft_create_gives_the_same_files_and_update_brings_template_changes(tmp_path: Path, template_repo: Path):
    from cruft import create, update

    created = Path(create(str(template_repo), output_dir=tmp_path / "cruft", directory="template", no_input=True,
                          extra_context={**ANSWERS, "project_slug": "romashka"}))
    ours = scaffold(tmp_path / "ours" / "romashka", "iso27001-2022", "iso9001-2015")
    assert tree(created, ignore=(".git", ".cruft.json")) == tree(ours)

    project = git.Repo.init(created, initial_branch="main")
    commit_all(project, "Scaffolded with cruft")
    readme = template_repo / "template" / "{{cookiecutter.project_slug}}" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\n## Contact\n\nAsk the management system owner.\n",
                      encoding="utf-8")
    commit_all(git.Repo(template_repo), "Template: contact section")
    assert update(created, skip_apply_ask=True, allow_untracked_files=True)
    assert "## Contact" in (created / "README.md").read_text(encoding="utf-8")
    assert tree(created, ignore=(".git", ".cruft.json", "README.md")) == tree(ours, ignore=(".git", "README.md"))


def test_pre_generation_hook_names_every_bad_answer():
    problems = template_hook("pre_gen_project").problems({
        "organization": " ", "project_slug": "../x", "iso27001_2022": False, "language": "fr",
        "ci_provider": "jenkins", "review_interval": "often", "reviewers": "{% raw %}"})
    text = "\n".join(problems)
    for words in ("organization name is empty", "plain folder name", "no standard chosen", "language 'fr'",
                  "CI provider 'jenkins'", "review interval 'often'", "reviewers contains template syntax"):
        assert words in text
    assert template_hook("pre_gen_project").problems({"organization": ROMASHKA, "iso9001_2015": "yes"}) == []


def test_post_generation_hook_drops_empty_documents_and_other_ci(tmp_path: Path):
    root = tmp_path / "project"
    (root / "docs" / "unused").mkdir(parents=True)
    (root / "docs" / "unused" / "empty.md").write_text("\n")
    (root / "docs" / "kept.md").write_text("# Kept\n")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "isodocs.yml").write_text("on: push\n")
    (root / ".github" / "pull_request_template.md").write_text("checklist\n")
    (root / ".gitlab-ci.yml").write_text("stages: []\n")
    template_hook("post_gen_project").finish(root, {"organization": ROMASHKA, "ci_provider": "gitlab"})
    assert tree(root) == {"docs/kept.md": b"# Kept\n", ".gitlab-ci.yml": b"stages: []\n",
                          ".gitlab/merge_request_templates/Default.md": b"checklist\n"}
    assert git.Repo(root).head.commit.message.startswith("Management system documents for ООО")


def test_hooks_directory_is_the_template_hooks():
    assert (ROOT / "template" / "hooks").resolve() == (ROOT / "hooks").resolve()


def test_pre_commit_hooks_manifest():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [hook["id"] for hook in hooks] == ["isodocs-check"]
    assert all(hook["entry"].startswith("isodocs ") and hook["language"] == "python" for hook in hooks)


def test_cookiecutter_json_answers_match_the_hooks():
    context = json.loads((ROOT / "template" / "cookiecutter.json").read_text())
    hook = template_hook("pre_gen_project")
    assert all(name in context for name in hook.STANDARDS)
    assert context["language"] == list(hook.LANGUAGES) and context["ci_provider"] == list(hook.CI_PROVIDERS)
