"""The same synthetic document set written for the peers the handbook is measured against.

- Sphinx with sphinx-needs (Markdown through MyST): each document a page whose metadata is a `req` need (id,
  status, owner, approver, version, clauses as tags), the same body, and a register page with a `needtable` of
  every document, beside a toctree of all pages;
- strictdoc: each document an `.sdoc` file with one requirement (UID, status, title, the body as its statement).

Neither is a project dependency: install them into their own virtual environments and name those with
`--sphinx VENV` and `--strictdoc VENV` (bench/site_scale.py), e.g.

    python3 -m venv /tmp/peers/sphinx && /tmp/peers/sphinx/bin/pip install sphinx-needs myst-parser
    python3 -m venv /tmp/peers/strictdoc && /tmp/peers/strictdoc/bin/pip install strictdoc
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

SPHINX_CONF = """\
project = "Bench Ltd management system"
extensions = ["myst_parser", "sphinx_needs"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
needs_id_regex = "^[A-Z0-9_-]{5,}"
suppress_warnings = ["myst.xref_missing", "myst.header"]
"""


def documents(root: Path) -> list[tuple[str, dict, str]]:
    """(path inside docs, front matter, body) of every Markdown file of a synthetic repository."""
    found = []
    docs = root / "docs"
    for folder, _, names in os.walk(docs):
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            path = Path(folder) / name
            text = path.read_text(encoding="utf-8")
            header, body = {}, text
            if text.startswith("---\n"):
                end = text.index("\n---\n", 4)
                header = yaml.safe_load(text[4:end]) or {}
                body = text[end + 5:]
            found.append((path.relative_to(docs).as_posix(), header, body))
    return sorted(found)


def sphinx_project(root: Path, out: Path) -> Path:
    """A Sphinx source folder (conf.py, index.md, register.md and one page a document) made from `root`."""
    out.mkdir(parents=True)
    (out / "conf.py").write_text(SPHINX_CONF, encoding="utf-8")
    pages = []
    for path, header, body in documents(root):
        if path == "index.md":
            continue
        title, _, rest = body.partition("\n") if body.startswith("# ") else (f"# {header.get('title', path)}", "", body)
        need = ""
        if header.get("id"):
            tags = ";".join(f"{catalog}-{clause}" for catalog, ids in (header.get("clauses") or {}).items()
                            for clause in ids)
            need = (f"\n:::{{req}} {header.get('title', '')}\n:id: {header['id']}\n:status: {header.get('status')}\n"
                    f":tags: {re.sub(r'[^A-Za-z0-9;._-]', '_', tags)}\n\nOwner {header.get('owner')}, approver "
                    f"{header.get('approver')}, version {header.get('version')}, approved {header.get('approved')}, "
                    f"last reviewed {header.get('last_reviewed')}, classification {header.get('classification')}.\n"
                    ":::\n")
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{title}\n{need}{rest}", encoding="utf-8")
        pages.append(path[:-3])
    (out / "register.md").write_text("# Document register\n\n```{needtable}\n:columns: id;title;status;tags\n"
                                     ":style: table\n```\n", encoding="utf-8")
    _toctrees(out, "", pages, "Bench Ltd management system", ["register"])
    return out


def _toctrees(out: Path, folder: str, pages: list[str], title: str, first: list[str]) -> None:
    """An index page a folder whose toctree names its pages and its subfolders' index pages, so that the theme's
    sidebar (collapsed to the current branch, like navigation.prune) shows a page's own branch only."""
    prefix = f"{folder}/" if folder else ""
    inside = [p[len(prefix):] for p in pages if p.startswith(prefix)]
    here = sorted(p for p in inside if "/" not in p)
    below = sorted({p.split("/", 1)[0] for p in inside if "/" in p})
    for sub in below:
        _toctrees(out, prefix + sub, pages, sub.capitalize(), [])
    entries = "\n".join([*first, *here, *(f"{sub}/index" for sub in below)])
    (out / prefix / "index.md").write_text(f"# {title}\n\n```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n",
                                           encoding="utf-8")


def strictdoc_project(root: Path, out: Path) -> Path:
    """A strictdoc input folder, one `.sdoc` document a synthetic document."""
    out.mkdir(parents=True)
    for path, header, body in documents(root):
        if not header.get("id"):
            continue
        text = re.sub(r"^#.*\n", "", body, flags=re.M).strip().replace("<<<", "< < <").replace(">>>", "> > >")
        text = text or "(no text)"
        title = str(header.get("title", path)).replace("\n", " ")
        target = out / (path[:-3] + ".sdoc")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"[DOCUMENT]\nTITLE: {title}\n\n[REQUIREMENT]\nUID: {header['id']}\n"
                          f"STATUS: {header.get('status')}\nTITLE: {title}\nSTATEMENT: >>>\n{text}\n<<<\n",
                          encoding="utf-8")
    return out
