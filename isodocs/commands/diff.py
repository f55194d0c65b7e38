"""`isodocs diff BASE [HEAD]`: what a change does to the management system, for a pull request."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from isodocs.git.changes import WORKING_TREE, Diff, compare
from isodocs.model.repository import Repository
from isodocs.outputs.escape import markdown_cell, markdown_code, markdown_text
from isodocs.translation import Translator, given, text_in


def diff(base: str, head: str | None = None, fmt: str = "markdown", path: str = ".", today: date | None = None
         ) -> int:
    repository = Repository.load(Path(path))
    result = compare(repository, base, head, today or date.today())
    sys.stdout.write(as_json(result) if fmt == "json" else as_markdown(result, repository.config.language))
    return 1 if result.errors else 0


def as_json(result: Diff) -> str:
    return json.dumps({
        "base": result.base, "head": result.head,
        "documents": [{"change": c.kind, "path": c.path, "old_path": c.old_path, "id": c.id, "title": c.title,
                       "text": c.text, "metadata": c.metadata, "clauses": c.clauses, "old_version": c.old_version,
                       "new_version": c.new_version, "approval_moved": c.approval_moved,
                       "unapproved_change": c.unapproved_change, "reviewers": c.reviewers,
                       "owner_change": _pair(c.owner_change), "approver_change": _pair(c.approver_change),
                       "agree": c.agree}
                      for c in result.documents],
        "findings": [{"rule": f.rule, "severity": f.severity, "path": f.path, "line": f.line, "document": f.document,
                      "message": f.message} for f in result.findings],
        "summary": {"errors": result.errors},
        "clauses": [{"catalog": c.catalog, "id": c.id, "title": c.title, "before": c.before, "after": c.after}
                    for c in result.clauses],
        "readiness": {catalog: {"before": result.readiness_before[catalog].as_dict() if catalog in
                                result.readiness_before else None, "after": ready.as_dict()}
                      for catalog, ready in result.readiness_after.items()},
        "reviewers": result.reviewers,
    }, indent=2, ensure_ascii=False) + "\n"


def _pair(change: tuple[str | None, str | None] | None) -> dict[str, str | None] | None:
    return None if change is None else {"from": change[0], "to": change[1]}


def as_markdown(result: Diff, language: str = "en") -> str:
    say = Translator(language, "diff.")
    head = say("working-tree") if result.head == WORKING_TREE else f"`{result.head}`"
    lines = [say("title", base=result.base, head=head), ""]
    if result.findings:
        lines += [say("errors") if result.errors else say("warnings"), ""]
        lines += [f"- ❌ `{f.rule}`: {markdown_cell(text_in(f.message, language))}" for f in result.findings] + [""]
    if not result.documents:
        lines += [say("no-changes"), ""]
    else:
        lines += [say("documents-head"), "|---|---|---|---|"]
        for change in result.documents:
            what = ", ".join(say(name) for name, flag in (("text", change.text), ("clauses", change.clauses),
                                                          ("metadata", change.metadata)) if flag)
            for name, pair in (("owner", change.owner_change), ("approver", change.approver_change)):
                if pair is not None:
                    what += f"{', ' if what else ''}{say(name)}: {pair[0] or '—'} → {pair[1] or '—'}"
            if change.agree:
                what += say("agree", roles=", ".join(change.agree))
            if change.unapproved_change:
                what += say("unapproved")
            version = change.new_version or ""
            if change.old_version and change.old_version != change.new_version:
                version = f"{change.old_version} → {change.new_version}"
            where = (f"{markdown_code(change.old_path)} → {markdown_code(change.path)}" if change.old_path is not None
                     and change.kind == "renamed" else markdown_code(change.path))
            document = f"{markdown_cell(change.id)} {markdown_cell(change.title)} ({where})"
            lines.append(f"| {say('kind-' + change.kind)} | {document} | {markdown_cell(version)} | "
                         f"{markdown_cell(what)} |")
        lines.append("")
    if result.clauses:
        lines += [say("coverage"), "", say("coverage-head"), "|---|---|---|---|"]
        for clause in result.clauses:
            title = given(en=clause.title or "", ru=clause.title_ru).said_in(language)
            lines.append(f"| {clause.catalog} | {markdown_cell(clause.id)} {markdown_cell(title)} | "
                         f"{_state(clause.before, language)} | {_state(clause.after, language)} |")
        lines.append("")
    lines += [say("readiness"), "", say("readiness-head"), "|---|---:|---:|"]
    for catalog, after in result.readiness_after.items():
        before = result.readiness_before.get(catalog)
        lines.append(f"| {catalog} | {f'{before.percent:g}%' if before else '—'} | {after.percent:g}% |")
    lines.append("")
    if result.reviewers:
        lines += [say("reviewers"), ""] + [f"- {markdown_text(name)}" for name in result.reviewers] + [""]
    return "\n".join(lines)


def _state(state: str, language: str) -> str:
    return Translator(language, "site.state_").get(state.replace(" ", "-")) or state
