"""A Russian repository's own files, as a person reads them: scaffolded for each CI provider, every file outside the
documents is walked for its comments, the names the code hosts and pre-commit show (workflows, jobs, steps, stages,
hooks), what the CI runs print or post, and its Markdown, and none may hold an English word outside identifiers,
commands, URLs, quotes and the proper names of tests/test_russian_walk.py (whose filter this walk uses).

The documents under docs/ are left to tests/test_russian.py, which holds their text to Russian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from english import english
from scaffold import scaffold

ORGANIZATION = "ООО Ромашка"
# The scaffolds walked: each provider, with its options off and on (they add jobs, steps and README paragraphs).
VARIANTS = {"github": ("--ci", "github"),
            "github, all options": ("--ci", "github", "--code-scanning", "--deploy-handbook"),
            "gitlab": ("--ci", "gitlab"),
            "gitlab, all options": ("--ci", "gitlab", "--deploy-handbook"),
            "no CI": ("--ci", "none")}
CI_FILES = {".github/workflows/isodocs.yml", ".gitlab-ci.yml"}
# GitLab's top-level keywords: every other top-level key of .gitlab-ci.yml is a job, named as the pipeline shows it.
GITLAB_KEYWORDS = {"workflow", "stages", "variables", "default", "include", "image", "services", "cache",
                   "before_script", "after_script", "spec"}
# What the runs print or post: an echo's strings (not the `key=value` lines a step writes for GitHub), the comment
# that closes the issue and the title.
ECHO = re.compile(r"\becho\s+(.*)")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
POSTED = re.compile(r'(?:--comment |\btitle=)"((?:[^"\\]|\\.)*)"')
OUTPUT = re.compile(r"^[\w-]+=")
VARIABLE = re.compile(r"\$\{?\w+\}?")                      # `$status`: a shell variable in a message
COMMAND = re.compile(r"::\w+( [^:]*)?::")                    # `::warning title=isodocs::`: a GitHub workflow command


def comments(text: str) -> list[str]:
    """The comments of a YAML file or a shell script: from a `#` that starts a line or follows a blank, outside
    quotes."""
    found = []
    for line in text.splitlines():
        quote = ""
        for index, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#" and (index == 0 or line[index - 1].isspace()):
                found.append(line[index + 1:])
                break
    return found


def scripts(data: object) -> list[str]:
    """Every shell line a workflow runs (`run:`) or a pipeline's job runs (`script:`, `before_script:`)."""
    lines: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "run" and isinstance(value, str):
                lines += value.splitlines()
            elif key in ("script", "before_script") and isinstance(value, list):
                lines += [line for item in value for line in str(item).splitlines()]
            else:
                lines += scripts(value)
    elif isinstance(data, list):
        for item in data:
            lines += scripts(item)
    return lines


def names(data: object) -> list[str]:
    """Every `name:` a person reads: the workflow's, its jobs' and steps', the pre-commit hooks'; not those that
    are ids (an action's inputs, a deployment environment, the MkDocs theme)."""
    found: list[str] = []
    if isinstance(data, dict):
        found += [str(data["name"])] if isinstance(data.get("name"), str) else []
        for key, value in data.items():
            found += [] if key in ("with", "environment", "theme") else names(value)
    elif isinstance(data, list):
        for item in data:
            found += names(item)
    return found


def said(lines: list[str]) -> list[str]:
    echoed = [match.group(1) for match in map(ECHO.search, lines) if match]
    texts = [text for line in echoed for text in STRING.findall(line)]
    texts += [text for line in lines for text in POSTED.findall(line)]
    return [COMMAND.sub(" ", VARIABLE.sub(" ", text)) for text in texts if not OUTPUT.match(text)]


def readable(root: Path, path: Path) -> dict[str, list[str]]:
    """What a person reads in one scaffolded file, by kind."""
    relative = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = re.sub(r"```.*?```", " ", text, flags=re.S)
        return {"text": [re.sub(r"`[^`]*`", " ", text, flags=re.S)]}   # code spans may run over a line break
    if path.suffix in (".yml", ".yaml"):
        data = yaml.safe_load(text)
        parts = {"comments": comments(text), "names": names(data)}
        if relative == ".gitlab-ci.yml":
            # `pages` is the one job whose name is an id: GitLab Pages publishes what the job of that name leaves.
            parts["names"] += [str(job) for job in data if job not in GITLAB_KEYWORDS | {"pages"}] + data["stages"]
        if relative == "mkdocs.yml":
            parts["names"] += [data["site_name"], *data["extra"]["status"].values()]
        if relative in CI_FILES:
            parts["messages"] = said(scripts(data))
        return parts
    if path.name in ("CODEOWNERS", ".gitignore", "requirements-isodocs.txt"):
        return {"comments": comments(text)}
    if relative == ".cruft.json":
        return {}   # the answers the repository was made with, for cruft to read
    raise AssertionError(f"{relative}: a scaffolded file this test does not know how to read")


def walk(root: Path) -> dict[str, dict[str, list[str]]]:
    return {path.relative_to(root).as_posix(): readable(root, path) for path in sorted(root.rglob("*"))
            if path.is_file() and not {".git", "docs"} & set(path.relative_to(root).parts)}


def walked(tmp_path: Path, language: str, variant: str) -> dict[str, dict[str, list[str]]]:
    root = scaffold(tmp_path / language / "romashka", "iso27001-2022", "iso9001-2015", organization=ORGANIZATION,
                    extra=("--language", language, *VARIANTS[variant]))
    return walk(root)


def heard(parts: dict[str, list[str]]) -> list[str]:
    """The lines of one file's readable parts that hold English."""
    return [f"({kind}) {line.strip()}" for kind, texts in parts.items() for text in texts for line in text.splitlines()
            if english(line, frozenset({ORGANIZATION}))]


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_russian_repository_s_own_files_hold_no_english(tmp_path: Path, variant: str):
    files = walked(tmp_path, "ru", variant)
    ci = CI_FILES & set(files)
    assert len(ci) == (0 if variant == "no CI" else 1)
    for path in ci:   # the walk reads each kind of text there is
        assert all(files[path][kind] for kind in ("comments", "names", "messages")), files[path]
    found = [f"{path} {line}" for path, parts in files.items() for line in heard(parts)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("variant", ["github, all options", "gitlab, all options"])
def test_the_same_walk_hears_english_in_an_english_repository(tmp_path: Path, variant: str):
    """The walk reads the places that carry English when the repository is English: every kind of text in the CI
    file, and the comments of every other file that has any."""
    files = walked(tmp_path, "en", variant)
    for path, parts in files.items():
        for kind, texts in parts.items():
            if texts:
                assert any(english(text) for text in texts), (path, kind, texts)
