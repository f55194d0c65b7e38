"""Finish a generated repository: drop what the answers made unnecessary, then make the first commit.

Runs in the new repository's folder. Like pre_gen_project.py it is plain Python with Jinja only in
the raw string at the bottom, imports nothing from isodocs, and writes nothing that depends on the
time or chance, because cruft re-runs it on every update.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PR_TEMPLATE = Path(".github/pull_request_template.md")
MR_TEMPLATE = Path(".gitlab/merge_request_templates/Default.md")
AUTHOR = ("isodocs", "isodocs@localhost")
RUN_SPECIFIC = ("_output_dir", "_repo_dir", "_template", "_checkout", "_commit")


def remove_unused_documents(root: Path) -> None:
    """A starter document that addresses none of the chosen standards renders empty."""
    for path in sorted(root.rglob("*.md"), reverse=True):
        if ".git" not in path.parts and not path.read_text(encoding="utf-8").strip():
            path.unlink()
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if ".git" not in folder.parts and not any(folder.iterdir()):
            folder.rmdir()


def keep_ci(root: Path, provider: str) -> None:
    if provider != "github":
        shutil.rmtree(root / ".github" / "workflows", ignore_errors=True)
        (root / ".github" / "dependabot.yml").unlink(missing_ok=True)
    if provider != "gitlab":
        (root / ".gitlab-ci.yml").unlink(missing_ok=True)
    if provider == "gitlab":
        (root / MR_TEMPLATE).parent.mkdir(parents=True, exist_ok=True)
        (root / PR_TEMPLATE).replace(root / MR_TEMPLATE)
        shutil.rmtree(root / ".github", ignore_errors=True)


# The hooks run without isodocs (plain cookiecutter and cruft), so the one text they write for a person keeps
# its languages here rather than in isodocs/translation/.
FIRST_COMMIT = {"en": "Management system documents for {organization}, scaffolded by isodocs",
                "ru": "Документы системы менеджмента {organization}, созданные isodocs"}


def initial_commit(root: Path, organization: str, language: str = "en") -> None:
    """One commit with every file, through gitpython when it is installed, else the git command."""
    message = FIRST_COMMIT.get(language, FIRST_COMMIT["en"]).format(organization=organization)
    try:
        import git
    except ImportError:
        git = None
    if git is not None:
        repo = git.Repo.init(root, initial_branch="main")
        repo.git.add(A=True)
        reader = repo.config_reader()
        name = reader.get_value("user", "name", AUTHOR[0])
        email = reader.get_value("user", "email", AUTHOR[1])
        actor = git.Actor(name, email)
        repo.index.commit(message, author=actor, committer=actor)
        return
    environment = dict(os.environ)
    for key, value in (("NAME", AUTHOR[0]), ("EMAIL", AUTHOR[1])):
        environment.setdefault(f"GIT_AUTHOR_{key}", value)
        environment.setdefault(f"GIT_COMMITTER_{key}", value)
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", message]):
        subprocess.run(command, cwd=root, check=True, env=environment)


def cruft_state(context: dict) -> dict:
    """What cruft would record had it made the repository: the isodocs repository's template at the
    release tag of the version that made it, and every answer. Paths of this run are left out."""
    tag = f"v{context.get('isodocs_version', '')}"
    url = context.get("isodocs_repository", "")
    answers = {key: value for key, value in context.items() if key not in RUN_SPECIFIC}
    answers.update({"_template": url, "_commit": tag})
    return {"template": url, "commit": tag, "checkout": tag, "context": {"cookiecutter": answers},
            "directory": "template"}


def finish(root: Path, context: dict) -> None:
    remove_unused_documents(root)
    keep_ci(root, context.get("ci_provider", "none"))
    # cruft drives cookiecutter with `_commit` set, diffs what it generates and keeps its own .cruft.json,
    # so it gets neither that file nor a .git from here.
    if "_commit" not in context:
        text = json.dumps(cruft_state(context), ensure_ascii=False, indent=2, separators=(",", ": ")) + "\n"
        (root / ".cruft.json").write_text(text, encoding="utf-8")
        if not (root / ".git").exists():
            initial_commit(root, context["organization"], context.get("language", "en"))


if __name__ == "__main__":
    finish(Path.cwd(), json.loads(r"""{{ cookiecutter | jsonify(indent=None) }}"""))
    sys.exit(0)
