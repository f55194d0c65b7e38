"""The MkDocs plugin: load the repository model once, then decorate and add pages from it."""

from __future__ import annotations

import logging
import os
import posixpath
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from isodocs import checks
from isodocs.analysis.publishing import Publication, PublishError, published_nav
from isodocs.errors import ConfigError, IsodocsError
from isodocs.git import history
from isodocs.model.config import language_at
from isodocs.model.document import Document
from isodocs.model.findings import ERROR
from isodocs.model.repository import Repository
from isodocs.outputs.escape import html_text
from isodocs.plugin.config import IsodocsPluginConfig
from isodocs.site.dashboard import with_dashboard
from isodocs.site.pages import Handbook, render_all
from isodocs.site.panel import decorate
from isodocs.site.progress import Progress
from isodocs.site.pruning import PrunedNavigation, prunes
from isodocs.translation import say

log = logging.getLogger("mkdocs.plugins.isodocs")
ASSETS = Path(__file__).resolve().parent.parent / "site" / "assets"
NEEDED_EXTENSIONS = ("tables", "md_in_html", "attr_list")


class IsodocsPlugin(BasePlugin[IsodocsPluginConfig]):
    handbook: Handbook
    documents: dict[str, Document]
    progress: Progress
    page_navigation: PrunedNavigation | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        language = language_at(root)   # errors are said in it, even when the repository does not load
        try:
            repository = Repository.load(root, history=self.config.history)
            today = date.fromisoformat(self.config.today) if self.config.today else date.today()
        except IsodocsError as error:
            raise refusal(error, language) from None
        except ValueError:
            raise refusal(ConfigError(say("site.plugin-today", value=self.config.today), config.config_file_path),
                          language) from None
        if Path(config.docs_dir).resolve() != repository.docs_dir.resolve():
            raise refusal(ConfigError(say("site.docs-dir-differs", docs=config.docs_dir,
                                          config=repository.config.docs_dir), config.config_file_path), language)
        publication = Publication.decide(repository, named_assets(config))
        try:
            publication.require()
        except PublishError as error:
            raise refusal(error, language) from None
        if config.nav is not None:
            config.nav = published_nav(config.nav, publication) or []
        try:
            revisions = repository.history if self.config.history else history.History()
        except IsodocsError as error:
            raise refusal(error, language) from None
        report = checks.run(repository, today, revisions)
        self._log_findings(report)
        self.handbook = Handbook.build(repository, report, revisions, today, self.config.generated_dir, publication,
                                      self.config.navigation_group_size)
        revisions.remember()
        if config.nav is None:
            config.nav = self.handbook.nav()
        self.documents = {repository.docs_relative(d.path): d for d in self.handbook.documents}
        for extension in NEEDED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.site_name = html_text(config.site_name)   # themes print it, and page titles, unescaped
        config.extra_css.append(f"{self.handbook.folder}/isodocs.css")
        config.extra_javascript.append(f"{self.handbook.folder}/isodocs.js")
        return config

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """`mkdocs serve` rebuilds when isodocs.yml changes too (roles, limits and standards shape every page)."""
        server.watch(str(self.handbook.repository.config.path))
        return server

    def _log_findings(self, report: checks.Report) -> None:
        if self.config.findings == "off":
            return
        for finding in report.findings:
            if self.config.findings == "all" or finding.severity == ERROR:
                log.warning(f"{finding.path}:{finding.line}: {finding.message} [{finding.rule}]")

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        repository = self.handbook.repository
        publication = self.handbook.publication
        docs = os.path.normpath(config.docs_dir) + os.sep
        for file in list(files):
            if file.generated_by is not None or not (file.abs_src_path or "").startswith(docs):
                continue  # the theme's own files
            path = repository.docs_prefix + file.src_uri
            if publication.limit is not None and file.is_documentation_page() and path not in repository.pages:
                raise refusal(publication.unknown_page(file.src_uri), repository.config.language)
            if not publication.publishable(path):
                files.remove(file)
        for page, content in render_all(self.handbook).items():
            files.append(File.generated(config, page, content=content))
        for asset in ASSETS.iterdir():
            files.append(File.generated(config, f"{self.handbook.folder}/{asset.name}", abs_src_path=str(asset)))
        # on a terminal as information (hidden by --quiet); elsewhere, such as a CI log, only with --verbose
        emit = log.info if sys.stderr.isatty() else log.debug
        self.progress = Progress(len(files.documentation_pages()), emit, interval=self.config.progress_interval,
                                 language=self.handbook.repository.config.language)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        theme = config.theme
        self.page_navigation = (PrunedNavigation(nav) if self.config.prune_navigation
                                and prunes(theme.name, list(theme.get("features") or [])) else None)
        return nav

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        if self.page_navigation is not None:
            context["nav"] = self.page_navigation  # type: ignore[typeddict-item]
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.progress.advance()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.progress.finish()

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.generated_by is not None:
            return markdown
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = html_text(page.meta["title"])
        path = self.handbook.repository.docs_prefix + page.file.src_uri
        markdown = self.handbook.publication.redact_links(path, markdown, self.handbook.text["withheld_link"])
        document = self.documents.get(page.file.src_uri)
        if document is None:
            return with_dashboard(self.handbook, page.file.src_uri, markdown)
        if document.approved_status:
            page.meta.pop("status", None)  # mkdocs-material marks pages with a status in the navigation
        return decorate(self.handbook, document, page.file.src_uri, markdown)


def refusal(error: IsodocsError, language: str) -> PluginError:
    """The error MkDocs prints and stops on, said in the repository's language."""
    return PluginError(f"isodocs: {error.unless_known(language)}")


def named_assets(config: MkDocsConfig) -> list[str]:
    """Files of the docs folder that the configuration itself names: they are published unlinked."""
    named = [str(getattr(item, "path", item)) for item in (*config.extra_css, *config.extra_javascript)]
    named += [str(config.theme[key]) for key in ("logo", "favicon") if config.theme.get(key)]
    return [posixpath.normpath(item) for item in named if "://" not in item]
