"""The caches' serialization: every cached type survives freeze, marshal and thaw unchanged, and a class whose
fields change gets a new layout (so old caches are dropped)."""

from __future__ import annotations

import dataclasses
import marshal
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings, strategies as st

from isodocs.files import cache
from isodocs.files.freezing import cached_fields, describe, freeze, layout, thaw
from isodocs.model.catalog import Adoption, Amendment, Catalog, Edition, Entry
from isodocs.model.dates import Interval
from isodocs.model.document import Audit, Decision, Document, Evidence, Nonconformity, Risk
from isodocs.model.findings import Finding
from isodocs.translation.messages import Message

text = st.text(max_size=12)
st.register_type_strategy(Path, st.builds(Path, st.text(st.characters(blacklist_characters="\x00"), max_size=12)))
messages = st.one_of(
    text,
    st.builds(lambda i, o: Message("id-duplicate", id=i, other=o), text, text),
    st.builds(lambda n, c, g: Message("clause-unknown", name=n, clause=c, guess=Message("see-catalog", catalog=g)),
              text, text, text),
    st.builds(lambda d: Message("risk-review-overdue", risk="R-1", asset="laptops", due=d), st.dates()),
)
findings = st.builds(Finding, rule=text, path=text, line=st.integers(0, 10**6), message=messages,
                     document=st.none() | text, severity=st.sampled_from(["error", "warning"]))
documents = st.builds(Document, source=st.just(""))   # `source` is recomputed on load, never cached


def round_trip(value: Any, kind: Any) -> Any:
    return thaw(marshal.loads(marshal.dumps(freeze(value, kind))), kind)


def same_message(a: str, b: str) -> bool:
    """The same text; a message with plain parameters comes back a message (to be said in Russian), any other
    as its English text, as before the cache."""
    if isinstance(a, Message) and all(isinstance(v, (str, int, Message)) for v in a.params.values()):
        return isinstance(b, Message) and str(a) == str(b) and (a.key, a.params) == (b.key, b.params)
    return str(a) == str(b) and not isinstance(b, Message)


@settings(max_examples=60, deadline=None)
@given(st.from_type(Decision), st.from_type(Nonconformity), st.from_type(Risk), st.from_type(Audit),
       st.from_type(Evidence), st.from_type(Interval))
def test_the_parts_of_a_document_round_trip(decision, record, risk, audit, evidence, interval):
    for value in (decision, record, risk, audit, evidence, interval):
        assert round_trip(value, type(value)) == value


@settings(max_examples=60, deadline=None)
@given(documents)
def test_a_document_round_trips(document: Document):
    assert round_trip(document, Document) == document


@settings(max_examples=60, deadline=None)
@given(st.lists(findings, max_size=4))
def test_findings_round_trip_with_their_messages(found: list[Finding]):
    back = round_trip(found, list[Finding])
    assert back == found
    assert all(same_message(a.message, b.message) for a, b in zip(found, back, strict=True))


@settings(max_examples=40, deadline=None)
@given(st.none() | documents, st.lists(findings, max_size=3))
def test_a_cache_entry_round_trips(document: Document | None, found: list[Finding]):
    assert round_trip((document, found), cache.ENTRY) == (document, found)


@settings(max_examples=40, deadline=None)
@given(st.from_type(Entry), st.from_type(Amendment), st.from_type(Adoption), st.from_type(Edition),
       st.from_type(Catalog))
def test_catalogs_round_trip(entry, amendment, adoption, edition, catalog):
    for value in (entry, amendment, adoption, edition, catalog):
        assert round_trip(value, type(value)) == value


def test_a_message_is_said_again_in_russian_after_the_round_trip():
    finding = Finding("id-duplicate", "docs/a.md", 3, Message("id-duplicate", id="POL-1", other="docs/b.md"), "POL-1")
    back = round_trip(finding, Finding)
    assert back.message.said_in("ru") == finding.message.said_in("ru") != str(finding.message)


def test_the_source_of_a_document_is_not_stored():
    document = Document("docs/a.md", "POL-1", "A", "policy", "draft", source="/home/someone/repo/docs/a.md")
    assert "/home/someone" not in repr(freeze(document, Document))
    assert thaw(freeze(document, Document), Document).source == ""


def test_swapping_two_fields_changes_the_layout_and_the_value_read_back():
    fields = [(f.name, f.type, f) for f in dataclasses.fields(Nonconformity)]
    names = [name for name, _, _ in fields]
    i, j = names.index("root_cause"), names.index("action")
    fields[i], fields[j] = fields[j], fields[i]
    swapped = dataclasses.make_dataclass("Nonconformity", [(n, t, dataclasses.field(default=f.default))
                                                           if f.default is not dataclasses.MISSING else (n, t)
                                                           for n, t, f in fields], frozen=True)
    swapped.__module__ = Nonconformity.__module__
    assert describe(swapped) != describe(Nonconformity)
    assert layout(swapped) != layout(Nonconformity)
    record = Nonconformity(date(2026, 1, 5), None, None, "minor", "internal audit", "7.5", 3, 4,
                           root_cause="no checklist", action="write one")
    read_back = thaw(freeze(record, Nonconformity), swapped)
    assert (read_back.root_cause, read_back.action) == ("write one", "no checklist")


def test_the_cache_format_follows_the_layout_of_what_it_stores():
    assert layout(cache.ENTRY) == cache.FORMAT
    stored = [f.name for f in cached_fields(Document)]
    assert "reviewed_by" in stored and "source" not in stored
