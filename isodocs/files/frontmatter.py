"""Reading one Markdown file: split off the front matter, parse it strictly, build a Document.

MkDocs silently drops front matter that fails to parse; isodocs reads it itself, so every problem
becomes a finding with the file and line instead.
"""

from __future__ import annotations

import hashlib
from sys import intern
from typing import Any

from isodocs.files import markdown
from isodocs.files.fences import Split, SplitError, decode, split
from isodocs.files.schema import problems
from isodocs.files.yamlload import YamlError, YMap, parse
from isodocs.model.dates import Interval, parse_date
from isodocs.model.document import Audit, Decision, Document, Evidence, Nonconformity, Risk
from isodocs.model.findings import Finding
from isodocs.model.rules import FRONTMATTER_INVALID, SCHEMA_INVALID
from isodocs.translation.messages import say

# Keys that make a page a controlled document; a page with none of them (only `title`, say) is a
# plain page that isodocs leaves alone.
CONTROL_KEYS = frozenset({"id", "type", "owner", "approver", "version", "approved", "last_reviewed",
                          "reviewed_by", "review_interval", "classification", "clauses", "applicability",
                          "nonconformity", "risks", "audits", "management_review", "evidence"})


def read(rel_path: str, raw: bytes, source: str = "") -> tuple[Document | None, list[Finding]]:
    """A Document (or None for a plain page) and the findings met while reading it."""
    try:
        parts = split(decode(raw))
    except SplitError as error:
        return None, [FRONTMATTER_INVALID.finding(rel_path, error.line, error.message)]
    if parts.header is None:
        return None, []
    try:
        data = parse(parts.header, first_line=2)
    except YamlError as error:
        return None, [FRONTMATTER_INVALID.finding(rel_path, error.line, say("does-not-parse", problem=error.message))]
    if data is None:
        return None, []
    if not isinstance(data, YMap):
        return None, [FRONTMATTER_INVALID.finding(rel_path, 2, say("not-a-mapping"))]
    if not CONTROL_KEYS.intersection(data):
        return None, []
    found = [SCHEMA_INVALID.finding(rel_path, p.line, p.message, _text(data.get("id")))
             for p in problems("frontmatter", data, default_line=1)]
    if found:
        return None, found
    return _build(rel_path, data, parts, source)


def _shared(value: str | None) -> str | None:
    """Values repeated across documents (roles, versions, levels) kept once in memory."""
    return intern(value) if value is not None else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _build(rel_path: str, data: YMap, parts: Split, source: str) -> tuple[Document | None, list[Finding]]:
    lines = dict(data.lines)
    findings: list[Finding] = []

    def typed(key: str, convert: Any = parse_date, mapping: YMap = data) -> Any:
        """The value converted; a value the schema let through but that is impossible is a finding."""
        value = mapping.get(key)
        if value is None:
            return None
        try:
            return convert(value)
        except ValueError as error:
            findings.append(SCHEMA_INVALID.finding(rel_path, mapping.lines[key],
                                    say("not-a-date", key=key, value=value) if convert is parse_date else
                                    f"'{key}': {error}",
                                    data["id"]))
            return None

    document = Document(
        path=rel_path, id=data["id"], title=data["title"], type=intern(data["type"]), status=intern(data["status"]),
        owner=_shared(data.get("owner")), approver=_shared(data.get("approver")), version=_shared(data.get("version")),
        approved=typed("approved"), last_reviewed=typed("last_reviewed"),
        reviewed_by=_shared(data.get("reviewed_by")),
        review_interval=typed("review_interval", Interval.parse),
        classification=_shared(data.get("classification")),
        required_reading=data.get("required_reading") is True,
        source=source, body_digest=hashlib.blake2b(parts.body.encode(), digest_size=16).hexdigest(),
        body_line=parts.body_line, lines=lines,
        links=markdown.links(parts.body), marks=markdown.placeholders(parts.body),
    )
    clauses = data.get("clauses") or {}
    for catalog_id, ids in clauses.items():
        document.clauses[catalog_id] = [intern(clause_id) for clause_id in ids]
        for clause_id, line in zip(ids, ids.lines, strict=True):
            document.clause_lines.setdefault((catalog_id, clause_id), line)
    for catalog_id, controls in (data.get("applicability") or {}).items():
        document.applicability[catalog_id] = {
            control: Decision(control, entry["applicable"], entry.get("justification"), entry.get("implementation"),
                              tuple(entry.get("documents") or ()), controls.lines[control],
                              tuple(entry.get("reasons") or ()), entry.get("frequency"))
            for control, entry in controls.items()
        }
    record = data.get("nonconformity")
    if record is not None:
        document.nonconformity = Nonconformity(
            raised=typed("raised", mapping=record), due=typed("due", mapping=record),
            closed=typed("closed", mapping=record),
            grade=record.get("grade"), source=record.get("source"), clause=record.get("clause"),
            line=lines["nonconformity"], due_line=record.lines.get("due", lines["nonconformity"]),
            root_cause=record.get("root_cause"), action=record.get("action"), verification=record.get("verification"))
    risks = data.get("risks") or YMap()
    document.risks = tuple(_risk(risk_id, entry, risks.lines[risk_id], typed) for risk_id, entry in risks.items())
    audits = data.get("audits")
    if audits:
        document.audits = tuple(
            Audit(a["planned"], a["standard"], tuple(a["clauses"]), a.get("auditor"), typed("done", mapping=a), line)
            for a, line in zip(audits, audits.lines, strict=True))
    if data.get("management_review"):
        document.review_held = typed("held", mapping=data["management_review"])
    entries = data.get("evidence")
    if entries:
        document.evidence = tuple(
            Evidence(typed("date", mapping=e), e.get("by"), e["what"],
                     {c: tuple(intern(i) for i in ids) for c, ids in e["controls"].items()},
                     tuple(e.get("files") or ()), e.get("link"), line)
            for e, line in zip(entries, entries.lines, strict=True))
    return document, findings


def _risk(risk_id: str, entry: YMap, line: int, typed: Any) -> Risk:
    residual = entry.get("residual") or {}
    return Risk(
        id=risk_id, asset=entry["asset"], threat=entry["threat"], likelihood=int(entry["likelihood"]),
        impact=int(entry["impact"]), owner=intern(entry["owner"]), treatment=intern(entry["treatment"]),
        controls={c: [intern(i) for i in ids] for c, ids in (entry.get("controls") or {}).items()},
        residual_likelihood=int(residual["likelihood"]) if residual else None,
        residual_impact=int(residual["impact"]) if residual else None,
        review=typed("review", mapping=entry), action=entry.get("action"), due=typed("due", mapping=entry),
        line=line, lines=dict(entry.lines), done=typed("done", mapping=entry))
