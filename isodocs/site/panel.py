"""What the handbook adds to each controlled document: banner, metadata panel, revision history."""

from __future__ import annotations

from isodocs.git.approvals import Proof
from isodocs.git.history import CHANGED, Revision
from isodocs.model.document import Document
from isodocs.outputs.escape import html_attribute, html_text, link_target
from isodocs.site.navigation import relative
from isodocs.site.pages import Handbook, anchor, cell


def decorate(handbook: Handbook, document: Document, page: str, markdown: str) -> str:
    """The page's Markdown with banner and panel under its first heading, and its history at the end."""
    head, body = "", markdown
    if markdown.startswith("# "):
        first, _, body = markdown.partition("\n")
        head = first + "\n\n"
    return head + banner(handbook, document) + panel(handbook, document, page) + body + history(handbook, document)


def banner(handbook: Handbook, document: Document) -> str:
    t = handbook.text
    if document.status == "approved":
        due = handbook.analysis.next_review(document)
        if due is None or due >= handbook.today:
            return ""
        return (f'<div class="admonition warning isodocs-banner isodocs-overdue-banner" data-status="overdue" '
                f'data-due="{due}">\n<p class="admonition-title">{html_text(t["overdue_banner"].format(due=due))}</p>'
                "\n</div>\n\n")
    kind = "danger" if document.status == "retired" else "warning"
    return (f'<div class="admonition {kind} isodocs-banner" data-status="{document.status}">\n'
            f'<p class="admonition-title">{html_text(t[document.status + "_banner"])}</p>\n</div>\n\n')


def panel(handbook: Handbook, document: Document, page: str) -> str:
    t = handbook.text
    config = handbook.repository.config
    analysis = handbook.analysis
    paths = handbook.page_paths

    due = analysis.next_review(document)
    mark = ""
    if document.approved_status and due is not None:
        if due < handbook.today:
            mark = f' <span class="isodocs-overdue">{t["overdue_mark"]}</span>'
        elif due <= config.due_soon.after(handbook.today):
            mark = f' <span class="isodocs-due-soon">{t["due_soon_mark"]}</span>'
    clauses = []
    for catalog_id, ids in document.clauses.items():
        if catalog_id not in paths:
            continue
        target = relative(paths[catalog_id], page)
        name = handbook.repository.catalogs[catalog_id].name
        clauses.append(f"{cell(name)}: " + ", ".join(f"[{cell(c)}]({link_target(target + '#' + anchor(c))})"
                                                     for c in ids))
    rows = [("id", cell(document.id)), ("version", cell(document.version)),
            ("status", badge(handbook, document)),
            ("owner", cell(config.role_label(document.owner) or "")),
            ("approver", cell(config.role_label(document.approver) or "")),
            ("approved", cell(document.approved)), ("approved_in", approval(handbook, document)),
            ("last_reviewed", cell(document.last_reviewed)),
            ("reviewed_by", cell(config.role_label(document.reviewed_by) or "")),
            ("next_review", (cell(due) + mark) if due else ""),
            ("classification", cell(handbook.value(document.classification or config.default_classification))),
            ("clauses", "<br>".join(clauses))]
    left = next((d.count for d in handbook.report.decisions if d.path == document.path), 0)
    if left:   # `[[decide: ...]]` marks the organization still has to fill in
        register = link_target(relative(paths["register"], page))
        rows.append(("open_decisions",
                     f'<span class="isodocs-decisions" data-count="{left}">[{left}]({register})</span>'))
    body = "\n".join(f"| {t[key]} | {value} |" for key, value in rows)
    return (f'<div class="isodocs-panel" markdown data-document="{html_attribute(document.id)}">\n\n'
            f"| | |\n|---|---|\n{body}\n\n</div>\n\n")


def badge(handbook: Handbook, document: Document) -> str:
    """The status as a coloured word (the schema allows only its four values, the class names one of them)."""
    return (f'<span class="isodocs-status isodocs-status--{html_attribute(document.status)}">'
            f"{cell(handbook.value(document.status))}</span>")


def approval(handbook: Handbook, document: Document) -> str:
    """The commit that approved the version in force, marked verified when git proves the approver made it."""
    found = handbook.approvals.get(document.path)
    if found is None:
        return ""
    t = handbook.text
    state, proof = found
    assert state.origin is not None
    shown = "" if state.origin.uncommitted else f"`{cell(state.origin.short)}`"
    if proof is not None:
        kind = "verified" if proof.verified else "unverified"
        shown += f' <span class="isodocs-{kind}" data-commit="{html_attribute(proof.commit)}">{cell(t[kind])}</span>'
    if state.state == CHANGED:
        shown += f' <span class="isodocs-changed">{cell(t["changed_since"])}</span>'
    return shown.strip()


def history(handbook: Handbook, document: Document) -> str:
    t = handbook.text
    revisions = handbook.history.of(document.path)
    lines = ["", "", f"## {t['history']}", ""]
    if not revisions:
        return "\n".join([*lines, t["no_history"], ""])
    lines += [f"| {t['date']} | {t['version']} | {t['change']} | {t['author']} | {t['commit']} | {t['approved_by']} |",
              "|---|---|---|---|---|---|"]
    for revision in reversed(revisions):
        subject, author, commit = handbook.shown(revision)
        lines.append(f"| {revision.date:%Y-%m-%d} | {cell(revision.version or '')} | {subject} | {author} | {commit} "
                     f"| {approved_by(handbook, document, revision)} |")
    return "\n".join([*lines, ""])


def approved_by(handbook: Handbook, document: Document, revision: Revision) -> str:
    """Who approved the version a revision approved: the role that version named and, with approvals.verify,
    whom git proves made the commit (withheld, like the author, when the commit touched a hidden file), or
    "not verified"; empty for a revision that approved nothing."""
    found = handbook.past_approvals.get((document.path, revision.hash))
    if found is None:
        return ""
    role, proof = found
    config = handbook.repository.config
    shown = cell(config.role_label(role) or "")
    if config.verify == "off":
        return shown
    t = handbook.text
    if proof is None:  # no approver named, or a role isodocs.yml no longer lists: nothing proves it
        proof = Proof(revision.hash, False)
    kind = "verified" if proof.verified else "unverified"
    if revision.hash in handbook.redacted:
        return f'{shown} <span class="isodocs-{kind}">{cell(t[kind])}</span>'.strip()
    person = f" ({cell(proof.by)})" if proof.verified and proof.by else ""
    return (f'{shown} <span class="isodocs-{kind}" data-commit="{html_attribute(proof.commit)}">'
            f"{cell(t[kind])}{person}</span>").strip()
