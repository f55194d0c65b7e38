"""A Russian repository, scaffolded through the template's Russian option, walked through every command and
the handbook build: no English word reaches a person outside identifiers, ids, file names and quoted text.

What may stay Latin is narrow: words inside code spans (`isodocs review DOC --by ROLE`, `status: retired`),
inside quotes (user text, as the messages quote it), tokens that are identifiers (they hold a digit, `-`, `_`,
`.`, `/`, `:` or `@`: ids, paths, rule and catalog ids, options), and the proper names in NAMES."""

from __future__ import annotations

import re
import shutil

import git
import pytest
from conftest import TODAY, commit_all, run
from pypdf import PdfReader
from scaffold import scaffold
from test_russian import Visible
from wordfiles import damaged_files

from isodocs.model import catalog

NAMES = {"isodocs", "ISO", "IEC", "git", "CODEOWNERS", "mkdocs",                     # the names of things
         "CI", "GitHub", "GitLab", "Pages", "Dependabot", "Markdown", "PDF", "Pango",
         "YAML", "AQAP", "Renovate", "JUnit", "SARIF", "OHSAS", "Word", "Office", "LibreOffice", "OpenDocument",
         "HTML", "RTF", "WeasyPrint", "README"}
CODE = re.compile(r"\\?`[^`\n]*?\\?`|<[^>\n]*>")  # code spans, and HTML tags of the Markdown reports
QUOTED = re.compile(r"'[^'\n]*'|«[^»\n]*»|\"[^\"\n]*\"|“[^”\n]*”")
IDENTIFIER = re.compile(r"[0-9_./:@=-]")


def english(text: str, people: frozenset[str] = frozenset()) -> list[str]:
    """The Latin words of `text` a person reads as English prose (`people`: names from git, user text)."""
    text = QUOTED.sub(" ", CODE.sub(" ", text))
    for name in people:
        text = text.replace(name, " ")
    words = []
    for token in re.split(r"[\s()\[\],;|*<>]+", text):
        token = token.strip(".:!?")
        if not token or IDENTIFIER.search(token):
            continue
        words += [w for w in re.findall(r"[A-Za-z]{2,}", token) if w not in NAMES]
    return words


def test_the_filter_finds_english_and_leaves_identifiers():
    assert english("POL-001 (draft) утверждён") == ["draft"]
    assert english("выполните `isodocs review DOC --by ROLE` для docs/policies/a.md, роль 'Sam Lee'") == []
    assert english("isodocs: error: no such file") == ["error", "no", "such", "file"]


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every command's output on one Russian repository, in the order a person would run them."""
    base = tmp_path_factory.mktemp("walk")
    said: dict[str, str] = {}

    def say(name: str, *args: str, code: int | None = 0) -> None:
        result = run(*args)
        assert code is None or result.code == code, (name, result.code, result.err)
        said[name] = result.out + result.err

    said["new"] = run("new", str(base / "x"), "--organization", "ООО Ромашка", "--no-input", "--language", "ru",
                      "--standard", "iso27001-2022").out
    root = scaffold(base / "romashka", "iso27001-2022", organization="ООО Ромашка",
                    extra=("--language", "ru", "--ci", "github"))
    readme = re.sub(r"```.*?```", " ", (root / "README.md").read_text(encoding="utf-8"), flags=re.S)
    said["README"] = re.sub(r"`[^`]*`", " ", readme)   # code spans, which Markdown lets run over a line break
    for name in ("isodocs.yml", "mkdocs.yml"):   # the comments a person reads beside the settings
        said[name] = "\n".join(line.split("#", 1)[1] for line in (root / name).read_text(encoding="utf-8")
                               .splitlines() if "#" in line)
    path = ("--path", str(root))
    today = ("--today", TODAY)
    say("check", "check", str(root), *today)
    say("check markdown", "check", str(root), "--format", "markdown", *today)
    say("tasks", "tasks", *path, *today)
    say("tasks markdown", "tasks", "--format", "markdown", *path)
    say("review", "review", "POL-001", "--by", "system-owner", *path, *today)
    say("review: unknown role", "review", "POL-001", "--by", "nobody", *path, *today, code=2)
    say("review: future date", "review", "POL-001", "--by", "system-owner", "--date", "2030-01-01", *path, *today,
        code=2)
    say("approve", "approve", "POL-001", "--by", "top-management", *path, *today)
    say("approve: not the approver", "approve", "MAN-001", "--by", "security-officer", *path, *today, code=2)
    say("add", "add", "procedure", "Резервное копирование", "--clause", "iso27001-2022:A.8.13", "--owner",
        "security-officer", *path)
    say("codeowners", "codeowners", *path)
    say("codeowners --check", "codeowners", "--check", *path)
    say("history", "history", "POL-001", *path)
    say("diff", "diff", "HEAD", *path, *today)
    commit_all(git.Repo(root), "Политика утверждена")
    say("check after approval", "check", str(root), *today, code=1)   # placeholders left in an approved policy
    say("audit checklist", "audit", "checklist", "iso27001-2022", "--format", "markdown", *path)
    for table in ("soa", "register", "risks", "nonconformities"):
        output = base / f"{table}.csv"
        say(f"export {table}", "export", table, "--format", "csv", "--output", str(output), *path, *today)
        said[f"export {table}"] += output.read_text(encoding="utf-8-sig").splitlines()[0]  # the column headings
    source = base / "backup.md"
    source.write_text("# Резервное копирование\n\nКопии делаются ежедневно.\n", encoding="utf-8")
    say("import", "import", str(source), *path)
    say("import: unknown type", "import", str(source), "--type", "memo", *path, code=2)
    share = base / "share"
    share.mkdir()
    damaged_files(share)   # a .docx, .odt, .xlsx and .pdf made by their libraries, then damaged
    say("import: damaged files", "import", str(share), *path, code=1)
    say("migrate: not in scope", "migrate", "iso9001-2015", "iso9001-2026", *path, code=2)
    say("standards", "standards", *path)
    say("standards show", "standards", "show", "iso27001-2022", *path)
    for catalog_id in catalog.available():   # each catalog's edition facts, amendments and entries' notes
        say(f"standards show {catalog_id}", "standards", "show", catalog_id, *path)
    say("rules", "rules", *path)
    site = base / "site"
    say("site build", "site", "build", str(root), "--site-dir", str(site), *today)
    say("site scan", "site", "scan", str(site), *path)
    parser = Visible()
    pages = sorted((site / "overview").glob("*/index.html"))
    for page in [*pages, site / "policies/management-system-policy/index.html"]:
        parser.feed(page.read_text(encoding="utf-8"))
    said["handbook"] = "\n".join(parser.texts)
    shutil.rmtree(site)
    copies = base / "pdf"
    say("pdf", "pdf", "POL-001", "--no-manual", "--output", str(copies), *path, *today)
    printed = "\n".join(page.extract_text() for page in PdfReader(copies / "POL-001.pdf").pages)
    said["pdf copy"] = " ".join(printed.replace("-\n", "-").split())   # a page's lines break names and role ids
    say("evidence add", "evidence", "add", "REC-EV-001", "--control", "iso27001-2022:A.8.13", "--what",
        "Проверка восстановления", "--by", "security-officer", *path, *today)
    say("evidence add: no such record", "evidence", "add", "REC-001", "--control", "iso27001-2022:A.8.13", "--what",
        "Проверка восстановления", *path, *today, code=2)
    said["people"] = git.Repo(root).git.log("--format=%an%n%cn")
    return said


COMMANDS = ["README", "isodocs.yml", "mkdocs.yml", "new", "check", "check markdown", "tasks", "tasks markdown",
            "review", "review: unknown role", "review: future date", "approve", "approve: not the approver", "add",
            "codeowners", "codeowners --check",
            "history", "diff", "check after approval", "audit checklist", "export soa", "export register",
            "export risks", "export nonconformities", "site build", "site scan", "handbook",
            "import", "standards", "rules", "pdf", "pdf copy", "evidence add", "evidence add: no such record",
            "import: unknown type", "import: damaged files", "migrate: not in scope", "standards show",
            *(f"standards show {catalog_id}" for catalog_id in catalog.available())]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_russian_repository_hears_no_english(walked: dict[str, str], command: str):
    assert walked[command].strip(), command
    designations = {loaded.name for loaded in catalog.every()}   # a standard's reference: "AQAP 2110 Ed. D v1"
    people = frozenset(walked["people"].splitlines()) | designations
    lines = [line for line in walked[command].splitlines() if english(line, people)]
    assert not lines, "\n".join(lines[:10])
