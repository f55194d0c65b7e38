"""The staging folder of `isodocs site build`: only the publishable pages, already decorated, the generated pages
and the attachments published pages link to, with a generator configuration that points at them. A site
generator run on it never sees a hidden file, whether or not it runs MkDocs plugins."""

from __future__ import annotations

import json
import os
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from isodocs.errors import ConfigError
from isodocs.files.fences import decode, split
from isodocs.files.yamlload import parse
from isodocs.outputs.escape import html_text
from isodocs.site.dashboard import with_dashboard
from isodocs.site.pages import Handbook, render_all
from isodocs.site.panel import decorate
from isodocs.translation import say

ASSETS = Path(__file__).resolve().parent / "assets"
NEEDED_EXTENSIONS = ("tables", "md_in_html", "attr_list")
MKDOCS_KEYS = ("title", "description", "hide", "tags", "template", "icon", "search", "status", "subtitle")


def generator_config(root: Path) -> tuple[Path, dict[str, Any]]:
    """The generator's configuration (mkdocs.yml, or properdocs.yml), read keeping comments and tags."""
    for name in ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml"):
        path = root / name
        if path.is_file():
            break
    else:
        raise ConfigError(say("site.no-mkdocs", root=root), hint=say("site.no-mkdocs-hint"))
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise ConfigError(say("config.unreadable", error=str(error).splitlines()[0]), path,
                          line + 1 if line is not None else None) from None
    if not isinstance(data, dict):
        raise ConfigError(say("site.mkdocs-not-a-mapping"), path, 1)
    return path, data


def named_assets(config: dict[str, Any]) -> list[str]:
    """Files of the docs folder that the generator configuration names: published though no page links them."""
    named = [item if isinstance(item, str) else str(item.get("path", "")) if isinstance(item, dict) else ""
             for item in (*(config.get("extra_css") or []), *(config.get("extra_javascript") or []))]
    theme = config.get("theme") or {}
    if isinstance(theme, dict):
        named += [str(theme[key]) for key in ("logo", "favicon") if theme.get(key)]
    return [os.path.normpath(item) for item in named if item and "://" not in item]


def stage(handbook: Handbook, config_path: Path, config: dict[str, Any], folder: Path) -> Path:
    """Write the staging folder; the path of the generator configuration written into it."""
    repository = handbook.repository
    publication = handbook.publication
    docs = folder / "docs"
    withheld = handbook.text["withheld_link"]
    documents = {d.path: d for d in handbook.documents}
    for path in sorted(repository.pages):
        if not publication.publishable(path):
            continue
        page = repository.docs_relative(path)
        parts = split(decode((repository.root / path).read_bytes()))
        body = publication.redact_links(path, parts.body, withheld)
        document = documents.get(path)
        header: str | None
        if document is not None:
            header = _mkdocs_meta(parts.header, document.title, document.approved_status)
            body = decorate(handbook, document, page, body)
        else:
            header = _plain_meta(parts.header)
            body = with_dashboard(handbook, page, body)
        text = (f"---\n{header.rstrip()}\n---\n" if header and header.strip() else "") + body
        _write(docs / page, text)
    for folder_name, _, names in os.walk(repository.docs_dir):
        for name in names:
            absolute = os.path.join(folder_name, name)
            path = Path(absolute).relative_to(repository.root).as_posix()
            if path not in repository.pages and not name.startswith(".") and publication.publishable(path) \
                    and not any(part.startswith(".") for part in Path(path).parts):
                target = docs / repository.docs_relative(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(absolute, target)
    for page, content in render_all(handbook).items():
        _write(docs / page, content)
    for asset in ASSETS.iterdir():
        _write(docs / handbook.folder / asset.name, asset.read_text(encoding="utf-8"))
    return _write_config(handbook, config_path, config, folder)


def _mkdocs_meta(header: str | None, title: str, approved: bool) -> str:
    """A controlled document's front matter cut to what the generator reads (its title and MkDocs' own keys),
    as JSON, which every YAML reader reads."""
    data = parse(header) if header else None
    meta: dict[str, object] = {"title": html_text(title)}
    if data is not None:
        for key in MKDOCS_KEYS[1:]:
            if key in data and not (key == "status" and approved):
                meta[key] = _plain(data[key])
    return json.dumps(meta, ensure_ascii=False)


def _plain_meta(header: str | None) -> str | None:
    """A plain page's front matter with its title escaped for HTML, as JSON."""
    data = parse(header) if header and header.strip() else None
    if not isinstance(data, dict):
        return None
    meta = {str(key): _plain(value) for key, value in data.items()}
    if isinstance(meta.get("title"), str):
        meta["title"] = html_text(meta["title"])
    return json.dumps(meta, ensure_ascii=False)


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def _write_config(handbook: Handbook, config_path: Path, config: dict[str, Any], folder: Path) -> Path:
    """The generator's configuration beside the staged pages: docs in `docs`, the site in `site`, no isodocs
    plugin (its work is done), the nav without hidden entries, local paths made absolute."""
    from isodocs.analysis.publishing import published_nav

    config["site_name"] = html_text(config.get("site_name") or "")   # themes print it unescaped
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    plugins = config.get("plugins")
    if plugins:
        if isinstance(plugins, list):
            config["plugins"] = [p for p in plugins if p != "isodocs" and not (isinstance(p, dict) and "isodocs" in p)]
        elif isinstance(plugins, dict):
            plugins.pop("isodocs", None)
    extensions = config.setdefault("markdown_extensions", [])
    present = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    extensions.extend(e for e in NEEDED_EXTENSIONS if e not in present)
    for key, asset in (("extra_css", "isodocs.css"), ("extra_javascript", "isodocs.js")):
        config.setdefault(key, []).append(f"{handbook.folder}/{asset}")
    if config.get("nav") is not None:
        config["nav"] = published_nav(config["nav"], handbook.publication) or []
    else:
        config["nav"] = handbook.nav()
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((config_path.parent / theme["custom_dir"]).resolve())
    if config.get("hooks"):
        config["hooks"] = [str((config_path.parent / hook).resolve()) for hook in config["hooks"]]
    out = StringIO()
    YAML(typ="rt").dump(config, out)
    path = folder / "mkdocs.yml"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

