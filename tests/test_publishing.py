"""The publishing decision as a property: over any set of pages, a default and a limit, a page is published
exactly when isodocs read it and its classification (its own, or the default for a plain page) is within the
limit; a page it could not read is never published and stops the build."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from conftest import FIXTURES
from hypothesis import given, settings, strategies as st

from isodocs.analysis.publishing import Publication, PublishError
from isodocs.model.config import CLASSIFICATIONS
from isodocs.model.repository import Repository

KINDS = st.sampled_from(["document", "unclassified", "plain", "bare", "schema-error", "near-miss"])
PAGES = st.lists(st.tuples(KINDS, st.sampled_from(CLASSIFICATIONS), st.sampled_from([".md", ".mkd", ".mdtext"])),
                 min_size=1, max_size=6)


def page(kind: str, level: str, number: int) -> str:
    if kind == "plain":
        return f"---\ntitle: Notes {number}\n---\n# Notes\n"
    if kind == "bare":
        return "# Just text\n"
    classification = {"document": f"classification: {level}\n", "unclassified": "",
                      "schema-error": f"classification: {level}\nstatus: Draft\n",
                      "near-miss": f"classification: {level.capitalize()}\n"}[kind]
    status = "" if kind == "schema-error" else "status: draft\n"
    return f"---\nid: DOC-{number}\ntitle: Document {number}\ntype: policy\n{status}{classification}---\n# D\n"


@settings(max_examples=60, deadline=None)
@given(PAGES, st.sampled_from(CLASSIFICATIONS), st.sampled_from(CLASSIFICATIONS))
def test_a_page_is_published_exactly_when_isodocs_classified_it_within_the_limit(pages, default: str, limit: str):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        shutil.copytree(FIXTURES / "clean", root)
        shutil.rmtree(root / "docs")
        (root / "docs").mkdir()
        config = root / "isodocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  due_soon: 30 days\n", f"  due_soon: 30 days\n  classification: {default}\n") +
            f"publish: {{max_classification: {limit}}}\n", encoding="utf-8")
        expected: dict[str, bool | None] = {}   # None: cannot be classified
        for number, (kind, level, suffix) in enumerate(pages):
            path = f"docs/page-{number}{suffix}"
            (root / path).write_text(page(kind, level, number), encoding="utf-8")
            if kind in ("schema-error", "near-miss"):   # `Public` is a near miss of `public`: never a guess
                expected[path] = None
            else:
                own = level if kind == "document" else default
                expected[path] = CLASSIFICATIONS.index(own) <= CLASSIFICATIONS.index(limit)
        publication = Publication.decide(Repository.load(root, cache=False))
        assert {path: publication.publishable(path) for path in expected} == \
               {path: bool(published) for path, published in expected.items()}
        blocked = {finding.path for finding in publication.blocked}
        assert blocked == {path for path, published in expected.items() if published is None}
        if blocked:
            try:
                publication.require()
            except PublishError as error:
                assert any(f"{path}:" in str(error) for path in blocked)
            else:
                raise AssertionError("a page that cannot be classified did not stop the build")
