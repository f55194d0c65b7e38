"""The plugin's options in mkdocs.yml (`plugins: - isodocs: {...}`)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from isodocs.site.navigation import GROUP_SIZE, group_size


class GroupSize(c.Type[int]):
    """An entry count: 0, or 2 and more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        try:
            return group_size(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None


class IsodocsPluginConfig(Config):
    findings = c.Choice(("off", "errors", "all"), default="off")
    """Log the checker's findings as MkDocs warnings (`mkdocs build --strict` then fails on them)."""
    generated_dir = c.Type(str, default="overview")
    """Folder, inside the site, of the generated register, coverage, SoA, calendar and changes pages."""
    history = c.Type(bool, default=True)
    """Read revision history from git for the document pages and the changes page."""
    today = c.Optional(c.Type(str))
    """Pretend today is this date (YYYY-MM-DD), for reproducible builds."""
    progress_interval = c.Type((int, float), default=5)
    """Seconds between two progress lines (pages done of the total) on a terminal; a shorter build prints none."""
    navigation_group_size = GroupSize(default=GROUP_SIZE)
    """The most entries a section of the navigation written for a site without `nav:` holds: a larger one is split
    into groups of consecutive entries (0: never)."""
    prune_navigation = c.Type(bool, default=True)
    """With mkdocs-material's `navigation.prune`, hand each page's template the navigation already reduced to the
    page's branch: the same pages, in a build that grows linearly with the number of documents."""
