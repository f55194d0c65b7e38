"""`isodocs pdf`: controlled copies of the published documents, one PDF each, and the manual in one PDF.

What a copy may hold is the site's publishing decision (isodocs/publishing.py), applied the same way: a page that
cannot be classified stops the run, a hidden document gets no copy and leaves no trace in the others."""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

from isodocs import checks
from isodocs.analysis.publishing import Publication
from isodocs.errors import UsageError
from isodocs.files.atomic import write_bytes
from isodocs.model.repository import Repository
from isodocs.translation import Translator


def pdf(documents: list[str], output: str, manual: bool, path: str = ".", today: date | None = None) -> int:
    from isodocs.pdf.copies import file_name, manual as manual_copy, manual_order, single
    from isodocs.pdf.engine import Engine
    from isodocs.site.pages import Handbook

    repository = Repository.load(Path(path), history=True)
    publication = Publication.decide(repository)
    publication.require()
    said = Translator(repository.config.language, "pdf.")
    today = today or date.today()
    chosen = [repository.find(reference) for reference in documents]
    for document in chosen:
        if not publication.publishable(document.path):
            raise UsageError(said("not-published", id=document.id, why=publication.hidden[document.path]),
                             document.path, 1, hint=said["not-published-hint"], language=said.language)
    history = repository.history
    handbook = Handbook.build(repository, checks.run(repository, today, history), history, today,
                              publication=publication)
    published = manual_order(handbook, handbook.documents)
    target = Path(os.path.abspath(output))
    if target.is_relative_to(repository.docs_dir.resolve()):
        raise UsageError(said("output-in-docs", output=output), hint=said["output-in-docs-hint"],
                         language=said.language)
    taken: set[str] = set()
    copies = [single(handbook, d, file_name(d, taken), today) for d in (chosen or published)]
    if manual and not documents:
        copies.append(manual_copy(handbook, published, today))
    started = time.monotonic()
    engine = Engine()
    for printed in copies:
        write_bytes(target / printed.name, engine.render(printed, target / printed.name, repository.docs_dir))
        for note in printed.notes:
            sys.stderr.write(said("note", note=said.message(note)) + "\n")
    kept_out = len([p for p in publication.hidden if p in {d.path for d in repository.documents}])
    sys.stderr.write(said("written", count=len(copies), target=target, seconds=f"{time.monotonic() - started:.1f}",
                          kept=kept_out) + "\n")
    return 0
