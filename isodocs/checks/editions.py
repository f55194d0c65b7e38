"""Editions: a standard in scope that a newer edition supersedes (judged against its transition deadline), a
catalog in scope that knowingly lacks entries, and a catalog of additions whose base standard is not in scope."""

from __future__ import annotations

from collections.abc import Iterator

from isodocs.analysis import Analysis
from isodocs.errors import CatalogError
from isodocs.model import catalog as catalog_module
from isodocs.model.findings import ERROR, WARNING, Finding
from isodocs.model.rules import CATALOG_BASE_MISSING, CATALOG_INCOMPLETE, EDITION_SUPERSEDED
from isodocs.translation.messages import say


def check(context: Analysis) -> Iterator[Finding]:
    repository = context.repository
    config = repository.config
    for position, catalog_id in enumerate(config.standards):
        loaded = repository.catalogs[catalog_id]
        edition = loaded.edition
        if loaded.kind == "additions" and not set(loaded.extends) & set(config.standards):
            yield CATALOG_BASE_MISSING.finding(context.config_path, config.line("standards", position),
                          say("catalog-base-missing", name=loaded.name, bases=" / ".join(loaded.extends),
                              first=loaded.extends[-1]), severity=ERROR)
        if edition.incomplete:
            yield CATALOG_INCOMPLETE.finding(context.config_path, config.line("standards", position),
                          say("catalog-incomplete", name=loaded.name, missing=edition.incomplete), severity=WARNING)
        if not edition.superseded or edition.transition_ends is None or edition.replaced_by is None:
            continue
        try:
            successor = catalog_module.find(edition.replaced_by, str(repository.root)).name
        except CatalogError:
            successor = edition.replaced_by
        details = dict(name=loaded.name, successor=successor, deadline=edition.transition_ends, catalog=catalog_id,
                       successor_id=edition.replaced_by)
        where = config.line("standards", position)
        if context.today > edition.transition_ends:
            yield EDITION_SUPERSEDED.finding(context.config_path, where, say("edition-expired", **details),
                          severity=ERROR)
        else:
            days = (edition.transition_ends - context.today).days
            yield EDITION_SUPERSEDED.finding(context.config_path, where,
                          say("edition-superseded", **details, days=days), severity=WARNING)
