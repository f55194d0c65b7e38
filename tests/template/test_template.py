"""The template through plain cookiecutter and cruft gives what `isodocs new` gives; hooks on their own."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest
import yaml
from conftest import commit_all, run
from hypothesis import given, settings, strategies as st
from scaffold import ROMASHKA, scaffold, tree

from isodocs.commands.new import template_hook

ROOT = Path(__file__).resolve().parents[2]
COOKIECUTTER = Path(sys.executable).parent / "cookiecutter"
ANSWERS = {"organization": ROMASHKA, "iso27001_2022": "yes", "iso9001_2015": "yes"}


@pytest.mark.parametrize("language, ci", [("en", "github"), ("ru", "gitlab")])
def test_plain_cookiecutter_gives_the_same_tree_as_isodocs_new(tmp_path: Path, language: str, ci: str):
    out = tmp_path / "plain"
    subprocess.run([str(COOKIECUTTER), str(ROOT), "--directory", "template", "--no-input", "--default-config",
                    "-o", str(out), *(f"{k}={v}" for k, v in ANSWERS.items()), "project_slug=romashka",
                    f"language={language}", f"ci_provider={ci}"], check=True, capture_output=True)
    plain = out / "romashka"
    ours = scaffold(tmp_path / "ours" / "romashka", "iso27001-2022", "iso9001-2015",
                    extra=("--language", language, "--ci", ci))
    assert tree(plain) == tree(ours)
    assert len(list(git.Repo(plain).iter_commits())) == 1


@pytest.fixture
def template_repo(tmp_path: Path) -> Path:
    """The template as cruft sees it: a git repository holding template/ (with its hooks/)."""
    source = tmp_path / "template-source"
    source.mkdir()
    shutil.copytree(ROOT / "template", source / "template", symlinks=True)
    commit_all(git.Repo.init(source, initial_branch="main"), "Template")
    return source


def test_cruft_create_gives_the_same_files_and_update_brings_template_changes(tmp_path: Path, template_repo: Path):
    from cruft import create, update

    created = Path(create(str(template_repo), output_dir=tmp_path / "cruft", directory="template", no_input=True,
                          extra_context={**ANSWERS, "project_slug": "romashka"}))
    ours = scaffold(tmp_path / "ours" / "romashka", "iso27001-2022", "iso9001-2015")
    assert tree(created, ignore=(".git", ".cruft.json")) == tree(ours, ignore=(".git", ".cruft.json"))

    project = git.Repo.init(created, initial_branch="main")
    commit_all(project, "Scaffolded with cruft")
    readme = template_repo / "template" / "{{cookiecutter.project_slug}}" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\n## Contact\n\nAsk the management system owner.\n",
                      encoding="utf-8")
    commit_all(git.Repo(template_repo), "Template: contact section")
    assert update(created, skip_apply_ask=True, allow_untracked_files=True)
    assert "## Contact" in (created / "README.md").read_text(encoding="utf-8")
    assert (tree(created, ignore=(".git", ".cruft.json", "README.md"))
            == tree(ours, ignore=(".git", ".cruft.json", "README.md")))


def test_cruft_update_brings_a_template_release_to_a_repository_made_by_isodocs_new(tmp_path: Path):
    """The isodocs repository (here a copy in tmp, tagged like a release) is what .cruft.json names."""
    from cruft import update

    from isodocs import __version__
    source = tmp_path / "isodocs-repository"
    source.mkdir()
    shutil.copytree(ROOT / "template", source / "template", symlinks=True)
    source_repo = git.Repo.init(source, initial_branch="main")
    commit_all(source_repo, "Release")
    source_repo.create_tag(f"v{__version__}")
    url = source.as_uri()
    project = scaffold(tmp_path / "romashka", "iso9001-2015", extra=("--isodocs-repository", url, "--ci", "gitlab"))
    state = json.loads((project / ".cruft.json").read_text(encoding="utf-8"))
    assert (state["template"], state["checkout"], state["directory"]) == (url, f"v{__version__}", "template")
    assert state["context"]["cookiecutter"]["organization"] == ROMASHKA
    assert not git.Repo(project).is_dirty(untracked_files=True)   # .cruft.json is in the first commit

    readme = source / "template" / "{{cookiecutter.project_slug}}" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\n## Contact\n\nAsk the management system owner.\n",
                      encoding="utf-8")
    (source / "template" / "{{cookiecutter.project_slug}}" / "SECURITY.md").write_text(
        "Report to {{ cookiecutter.organization }}.\n", encoding="utf-8")
    released = commit_all(source_repo, "Template: contact section and SECURITY.md")
    before = tree(project, ignore=(".git", ".cruft.json", "README.md"))
    assert update(project, skip_apply_ask=True)
    assert "## Contact" in (project / "README.md").read_text(encoding="utf-8")
    assert (project / "SECURITY.md").read_text(encoding="utf-8") == f"Report to {ROMASHKA}.\n"
    assert tree(project, ignore=(".git", ".cruft.json", "README.md", "SECURITY.md")) == before
    assert json.loads((project / ".cruft.json").read_text(encoding="utf-8"))["commit"] == released.hexsha


def test_pre_generation_hook_names_every_bad_answer():
    problems = template_hook("pre_gen_project").problems({
        "organization": " ", "project_slug": "../x", "iso27001_2022": False, "language": "fr",
        "ci_provider": "jenkins", "review_interval": "often", "reviewers": "{% raw %}"})
    text = "\n".join(problems)
    for words in ("organization name is empty", "plain folder name", "no standard chosen", "language 'fr'",
                  "CI provider 'jenkins'", "review interval 'often'", "reviewers contains template syntax"):
        assert words in text
    assert template_hook("pre_gen_project").problems({"organization": ROMASHKA, "iso9001_2015": "yes"}) == []


def test_pre_generation_hook_speaks_the_answers_language():
    from english import english

    bad = {"organization": " ", "project_slug": "../x", "iso27001_2022": False, "aqap2110_2016": "yes",
           "ci_provider": "jenkins", "review_interval": "often", "audit_start": "soon", "isodocs_version": "x",
           "isodocs_repository": "ftp://x", "isodocs_source": "svn", "reviewers": "{% raw %}"}
    hook = template_hook("pre_gen_project")
    english_problems = hook.problems(bad)
    russian_problems = hook.problems({**bad, "language": "ru"})
    assert len(russian_problems) == len(english_problems) == 10
    assert [word for problem in russian_problems for word in english(problem)] == []
    assert all(english(problem) for problem in english_problems)


@settings(max_examples=200, deadline=None)
@given(chosen=st.sets(st.sampled_from(template_hook("pre_gen_project").STANDARDS), min_size=1))
def test_pre_generation_hook_refuses_aqap_exactly_when_no_9001_edition_is_chosen(chosen: set[str]):
    standards = template_hook("pre_gen_project").STANDARDS
    answers = {"organization": ROMASHKA, **{name: name in chosen for name in standards}}
    refused = [p for p in template_hook("pre_gen_project").problems(answers) if "aqap2110_2016" in p]
    assert bool(refused) == ("aqap2110_2016" in chosen and not {"iso9001_2015", "iso9001_2026"} & chosen)
    assert len(refused) <= 1


def test_post_generation_hook_drops_empty_documents_and_other_ci(tmp_path: Path):
    root = tmp_path / "project"
    (root / "docs" / "unused").mkdir(parents=True)
    (root / "docs" / "unused" / "empty.md").write_text("\n")
    (root / "docs" / "kept.md").write_text("# Kept\n")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "isodocs.yml").write_text("on: push\n")
    (root / ".github" / "pull_request_template.md").write_text("checklist\n")
    (root / ".gitlab-ci.yml").write_text("stages: []\n")
    template_hook("post_gen_project").finish(root, {
        "organization": ROMASHKA, "ci_provider": "gitlab", "isodocs_version": "1.2.0",
        "isodocs_repository": "https://example.org/isodocs", "_output_dir": "/tmp/x", "_template": "/tmp/t"})
    files = tree(root)
    state = json.loads(files.pop(".cruft.json"))
    assert files == {"docs/kept.md": b"# Kept\n", ".gitlab-ci.yml": b"stages: []\n",
                     ".gitlab/merge_request_templates/Default.md": b"checklist\n"}
    assert state == {"template": "https://example.org/isodocs", "commit": "v1.2.0", "checkout": "v1.2.0",
                     "directory": "template", "context": {"cookiecutter": {
                         "organization": ROMASHKA, "ci_provider": "gitlab", "isodocs_version": "1.2.0",
                         "isodocs_repository": "https://example.org/isodocs",
                         "_template": "https://example.org/isodocs", "_commit": "v1.2.0"}}}
    assert git.Repo(root).head.commit.message.startswith("Management system documents for ООО")


def test_the_hooks_are_plain_files_beside_cookiecutter_json():
    """No links: an sdist, a zip download or a checkout without symlinks must carry the hooks too."""
    hooks = ROOT / "template" / "hooks"
    assert sorted(p.name for p in hooks.iterdir() if p.suffix == ".py") == ["post_gen_project.py", "pre_gen_project.py"]
    assert [p for p in (ROOT / "template").rglob("*") if p.is_symlink()] == []


def test_the_top_level_hooks_folder_is_the_same_hooks():
    """The repository's layout keeps hooks/ at the top: it is a link to the one copy in template/hooks."""
    assert (ROOT / "hooks").is_symlink()
    assert (ROOT / "hooks").resolve() == (ROOT / "template" / "hooks").resolve()


def test_pre_commit_hooks_manifest():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {hook["id"]: hook["entry"] for hook in hooks} == {"isodocs-check": "isodocs check",
                                                              "isodocs-codeowners": "isodocs codeowners --check"}
    assert all(hook["language"] == "python" and hook["pass_filenames"] is False for hook in hooks)


def test_template_defaults_name_this_release_and_this_repository():
    """Plain cookiecutter and cruft users get the same pins as `isodocs new`: the template's defaults are
    this version and the Source URL from pyproject.toml."""
    from isodocs import __version__
    from isodocs.files.resources import project_url
    context = json.loads((ROOT / "template" / "cookiecutter.json").read_text())
    assert context["isodocs_version"] == __version__
    assert context["isodocs_repository"] == project_url()
    assert context["isodocs_source"] == "git" and context["code_scanning"] is context["deploy_handbook"] is False


@pytest.mark.parametrize("source, lines", [
    ("git", ["isodocs @ git+https://github.com/isodocs/isodocs@v{v}"]),
    ("index", ["isodocs=={v}"]),
    ("https://pypi.example.com/simple", ["--index-url https://pypi.example.com/simple", "isodocs=={v}"]),
    ("git+https://git.example.com/tools/isodocs.git@v9.9.9", ["isodocs @ git+https://git.example.com/tools/isodocs.git@v9.9.9"]),
])
def test_the_requirements_file_pins_the_version_from_the_chosen_source(tmp_path: Path, source: str, lines: list[str]):
    from isodocs import __version__
    root = scaffold(tmp_path / "r", "iso9001-2015", extra=("--isodocs-source", source, "--ci", "github"))
    text = (root / "requirements-isodocs.txt").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if not line.startswith("#")] == [
        line.format(v=__version__) for line in lines]
    precommit = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]
    assert (precommit["repo"], precommit["rev"]) == ("https://github.com/isodocs/isodocs", f"v{__version__}")
    assert [hook["id"] for hook in precommit["hooks"]] == ["isodocs-check", "isodocs-codeowners"]
    assert all(hook["files"].startswith("^(docs/") for hook in precommit["hooks"])
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "pip install -r requirements-isodocs.txt" in readme and "pip install isodocs" not in readme
    workflow = (root / ".github" / "workflows" / "isodocs.yml").read_text(encoding="utf-8")
    assert workflow.count("python -m pip install -r requirements-isodocs.txt") >= 3
    assert "pip install isodocs" not in workflow


@pytest.mark.parametrize("source", ["pip; curl evil", "http://plain.example.com/simple", "git+https://x.example/y",
                                    "https://x.example/$(id)"])
def test_an_unsafe_isodocs_source_is_refused(tmp_path: Path, source: str):
    result = run("new", str(tmp_path / "r"), "--organization", "Acme", "--no-input", "--isodocs-source", source)
    assert result.code == 2 and "isodocs source" in result.err and not (tmp_path / "r").exists()


def test_cookiecutter_json_answers_match_the_hooks():
    context = json.loads((ROOT / "template" / "cookiecutter.json").read_text())
    hook = template_hook("pre_gen_project")
    assert all(name in context for name in hook.STANDARDS)
    assert context["language"] == list(hook.LANGUAGES) and context["ci_provider"] == list(hook.CI_PROVIDERS)


def test_cookiecutter_renders_every_file_of_the_repository():
    """Cookiecutter copies a file it takes for binary without rendering it (binaryornot guesses from the
    first kilobyte, where Russian text can tip the balance): every file of the repository must read as text."""
    from binaryornot.check import is_binary
    project = ROOT / "template" / "{{cookiecutter.project_slug}}"
    assert [p for p in project.rglob("*") if p.is_file() and is_binary(str(p))] == []


def test_the_pre_commit_hooks_pass_on_a_new_repository_and_watch_its_documents(tmp_path: Path):
    """What pre-commit runs for the scaffold's config: each hook's entry from this repository's manifest,
    when a changed file matches the scaffold's own `files` pattern."""
    import shlex
    root = scaffold(tmp_path / "r", "iso9001-2015", extra=("--ci", "none"))
    manifest = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    for hook in config["repos"][0]["hooks"]:
        pattern = re.compile(hook["files"])
        assert pattern.search("docs/policies/quality-policy.md") and pattern.search("isodocs.yml")
        assert not pattern.search("README.md") and not pattern.search("site/index.md")
        command, *args = shlex.split(manifest[hook["id"]]["entry"])
        assert command == "isodocs"
        result = run(*args, *(["--path", str(root)] if args[0] == "codeowners" else [str(root)]))
        assert result.code == 0, result.out + result.err


def test_a_russian_repository_names_its_pre_commit_hooks_in_russian(tmp_path: Path):
    """pre-commit prints a hook's `name`, which the manifest gives in English; the configuration's hook is laid over
    the manifest's, so it may set any key the manifest has, as the Russian scaffold does with `name`."""
    manifest = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    root = scaffold(tmp_path / "r", "iso9001-2015", extra=("--ci", "none", "--language", "ru"))
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert [hook["id"] for hook in hooks] == list(manifest)
    for hook in hooks:
        assert set(hook) <= set(manifest[hook["id"]]), hook
        assert hook["name"].startswith("isodocs: ") and re.search("[а-я]", hook["name"]), hook


@pytest.mark.parametrize(("provider", "workflow"), [("github", ".github/workflows/isodocs.yml"),
                                                    ("gitlab", ".gitlab-ci.yml")])
def test_a_russian_repository_s_ci_names_its_issue_and_says_its_messages_in_russian(tmp_path: Path, provider: str,
                                                                                    workflow: str):
    from ruamel.yaml import YAML
    ru = (scaffold(tmp_path / "ru", "iso27001-2022", extra=("--language", "ru", "--ci", provider)) / workflow)
    en = (scaffold(tmp_path / "en", "iso27001-2022", organization="Acme", extra=("--ci", provider)) / workflow)
    russian, english = ru.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
    YAML(typ="safe").load(russian)
    assert 'title="isodocs: что предстоит"' in russian and "what is due\"" not in russian
    assert 'title="isodocs: what is due"' in english
    said = "ISODOCS_GITLAB_TOKEN не задан" if provider == "gitlab" else "Больше ничего не предстоит"
    assert said in russian
    assert "could not" not in russian and "could not" in english
