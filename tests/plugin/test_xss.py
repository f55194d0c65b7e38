"""Hostile values from front matter, isodocs.yml, the organization's name and git, built for real through the
plugin and through `isodocs site build` on Zensical: every built page parsed, no script, handler or
javascript: link of theirs survives, and each shows as the text it is."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import git
import pytest
from conftest import TODAY, run
from leaks import edit, write
from scaffold import scaffold
from test_site import ENV, MKDOCS

ORGANIZATION = '<script>alert("org")</script> & Co'
HOSTILE_ID = 'X"><img src=x onerror=alert("id")>'
TITLE = '<script>alert("title")</script>'
ROLE = '<img src=x onerror=alert("role")>'
SUBJECT = '<script>alert("commit")</script> [y](javascript:alert("subject"))'
AUTHOR = 'Eve & "Co" onload=alert(3) &lt;b&gt; *not bold*'  # git refuses < and > in names
PAGE = f"""---
id: '{HOSTILE_ID}'
title: '{TITLE}'
type: policy
owner: system-owner
status: draft
version: "0.1"
classification: internal
clauses:
  iso27001-2022: ["5.1"]
---
# Hostile *policy*

[click](javascript:alert("body")) [two](JaVa&#115;cript:alert("entity")) [three][r] [fine](https://example.com)

[r]: data:text/html,alert("data")
"""


class Page(HTMLParser):
    """What a browser would run or follow on a page: scripts, event handlers, link targets; and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.targets: list[str] = []
        self.documents: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.stack and self.stack[-1] == "title":
            self.text.append(self.get_starttag_text() or "")   # a browser reads <title> as text
            return
        self.stack.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction") and value:
                self.targets.append(value)
            if name == "data-document":
                self.documents.append(value or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        else:
            self.text.append(data)


def parsed(file: Path) -> Page:
    page = Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("xss") / "acme", "iso27001-2022", organization=ORGANIZATION)
    edit(root, "isodocs.yml", "name: 'Management System Manager'", f"name: '{ROLE}'")
    edit(root, "docs/records/statement-of-applicability.md",
         "A.5.1:  # Policies for information security\n      applicable:\n      justification:\n",
         "A.5.1:    {applicable: false, justification: '<script>alert(\"soa\")</script> [x](javascript:alert(1)) "
         "{: onclick=\"alert(2)\"}'}\n")
    write(root, "docs/policies/hostile.md", PAGE)
    repo = git.Repo(root)
    repo.git.add(A=True)
    repo.index.commit(SUBJECT, author=git.Actor(AUTHOR, "evil@example.com"),
                      committer=git.Actor(AUTHOR, "evil@example.com"))
    return root


def build(root: Path, how: str, tmp_path: Path) -> Path:
    copy = tmp_path / "acme"
    shutil.copytree(root, copy, symlinks=True)
    if how == "plugin":
        result = subprocess.run([str(MKDOCS), "build"], cwd=copy, capture_output=True, text=True, env=ENV)
        assert result.returncode == 0, result.stderr
        return copy / "site"
    result = run("site", "build", str(copy), "--generator", how, "--site-dir", str(copy / "public"), "--today", TODAY)
    assert result.code == 0, result.err
    return copy / "public"


@pytest.mark.parametrize("how", ["plugin", "zensical"])
def test_no_hostile_value_runs_on_any_page(hostile: Path, tmp_path: Path, how: str):
    site = build(hostile, how, tmp_path)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for file in pages:
        page = parsed(file)
        assert not [s for s in page.scripts if "alert(" in s], file
        assert page.handlers == [], file
        assert not [t for t in page.targets if t.strip().lower().startswith(("javascript:", "data:"))], file
        for value in page.documents:
            assert value in (HOSTILE_ID,) or value.startswith(("POL-", "PRO-", "REG-", "PLN-", "MAN-", "FRM-",
                                                               "REC-")), (file, value)
    document = parsed(site / "policies/hostile/index.html")
    assert document.documents == [HOSTILE_ID]          # the attribute holds the id, quotes and all
    text = "".join(document.text)
    assert "click two three" in " ".join(text.split())   # the unsafe links kept as their text
    assert "https://example.com" in document.targets
    assert ROLE in text and SUBJECT.split(" [")[0] in text and AUTHOR in text
    assert TITLE in text                                # the title shows as text (nav, page title)
    soa = "".join(parsed(site / "overview/soa-iso27001-2022/index.html").text)
    assert '<script>alert("soa")</script>' in soa and '{: onclick="alert(2)"}' in soa
    home = "".join(parsed(site / "index.html").text)
    assert ORGANIZATION in home                         # site name and the documents' text


def test_the_organization_is_yaml_escaped_in_the_generator_config(hostile: Path):
    import yaml
    config = yaml.load((hostile / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == f"{ORGANIZATION} management system"
