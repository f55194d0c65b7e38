"""The generated pages of the handbook: register, coverage per standard, SoA, calendar, changes.

Everything here reads one `Handbook`: the repository model, the checker's report and the git
history, with the documents above the publishing limit already left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, partial
from html import escape, unescape

from isodocs.analysis import Analysis, analyse, evidence
from isodocs.analysis.certification import certification_events
from isodocs.analysis.publishing import Publication
from isodocs.analysis.risks import above_acceptance, risks
from isodocs.analysis.states import ControlState, clause_states, control_states
from isodocs.checks import Report
from isodocs.errors import CatalogError, IsodocsError
from isodocs.files.fences import decode, split
from isodocs.files.yamlload import parse
from isodocs.git.approvals import Proof, proofs
from isodocs.git.history import APPROVED, CHANGED, Approval, History, Revision
from isodocs.model import catalog as catalog_module
from isodocs.model.catalog import Entry
from isodocs.model.document import Decision, Document
from isodocs.model.repository import Repository
from isodocs.model.rules import CERTIFICATION_AUDIT_AT_RISK
from isodocs.outputs.escape import html_attribute, html_text, link_target, markdown_cell, markdown_text
from isodocs.site.dashboard import dashboard
from isodocs.site.labels import labels, value
from isodocs.site.navigation import GROUP_SIZE, Nav, heading, manual_nav, page_title_from_name, relative
from isodocs.translation import Translator

FOLDER = "overview"
RECENT = 30


@dataclass
class Handbook:
    repository: Repository
    report: Report
    history: History
    today: date
    publication: Publication
    folder: str = FOLDER                             # where the generated pages go, inside the docs
    redacted: set[str] = field(default_factory=set)  # commits that touched a hidden file: shown without details
    group_size: int = GROUP_SIZE                     # the most entries a section of the navigation holds (0: any)

    @classmethod
    def build(cls, repository: Repository, report: Report, history: History, today: date,
              folder: str = FOLDER, publication: Publication | None = None, group_size: int = GROUP_SIZE
              ) -> Handbook:
        publication = publication or Publication.decide(repository)
        hidden = publication.hidden
        history.classify(d.path for d in repository.documents if d.path not in hidden)
        return cls(repository, report, history, today, publication, folder.strip("/"),
                   publication.commits_of(history), group_size)

    @property
    def hidden(self) -> dict[str, str]:
        """Paths kept out of the site, with the reason."""
        return self.publication.hidden

    @property
    def text(self) -> Translator:
        return labels(self.repository.config.language)

    @property
    def documents(self) -> list[Document]:
        return [d for d in self.repository.documents if d.path not in self.hidden]

    @property
    def analysis(self) -> Analysis:
        """The repository's analysis on the handbook's day (the checker's own when it saw the same day)."""
        return analyse(self.repository, self.today)

    @cached_property
    def approvals(self) -> dict[str, tuple[Approval, Proof | None]]:
        """Each published approved document's approving revision and, with approvals.verify, git's proof."""
        if not self.history.available:
            return {}
        approved = [d for d in self.documents if d.approved_status]
        found = self.history.approvals(d.path for d in approved)
        origins: dict[str, tuple[Revision, str | None]] = {}
        for d in approved:
            origin = found[d.path].origin
            if found[d.path].state in (APPROVED, CHANGED) and origin is not None:
                origins[d.path] = (origin, d.approver)
        proven = proofs(self.repository.config, self.history, origins)
        return {path: (found[path], proven.get(path)) for path in origins}

    @cached_property
    def past_approvals(self) -> dict[tuple[str, str], tuple[str | None, Proof | None]]:
        """Every version each published document was approved in, keyed by its path and the approving commit:
        the approver role that version named and, with approvals.verify, git's proof that a member of that
        role made the commit (judged against the roles and keys isodocs.yml lists now)."""
        if not self.history.available:
            return {}
        origins = {(d.path, r.hash): (r, r.approver) for d in self.documents for r in self.history.approving(d.path)}
        proven = proofs(self.repository.config, self.history, origins)
        return {key: (role, proven.get(key)) for key, (_, role) in origins.items()}

    @cached_property
    def page_paths(self) -> dict[str, str]:
        """Docs-relative path of each generated page, keyed by kind (coverage pages by catalog id)."""
        folder = self.folder
        paths = {"dashboard": f"{folder}/index.md", "register": f"{folder}/register.md",
                 "calendar": f"{folder}/calendar.md", "changes": f"{folder}/changes.md", "risks": f"{folder}/risks.md",
                 "nonconformities": f"{folder}/nonconformities.md"}
        for catalog_id, catalog in self.repository.catalogs.items():
            paths[catalog_id] = f"{folder}/coverage-{catalog_id}.md"
            if catalog.controls:
                paths[f"soa-{catalog_id}"] = f"{folder}/soa-{catalog_id}.md"
        return paths

    def nav(self) -> Nav:
        """The navigation of a manual over the published pages and the generated ones (for a site without `nav:`)."""
        pages = [self.repository.docs_relative(p) for p in sorted(self.repository.pages)
                 if self.publication.publishable(p)]
        return manual_nav(pages + list(self.page_paths.values()), self.repository.config.language, self.folder,
                          self.group_size, self.nav_title)

    def nav_title(self, page: str) -> str:
        """A page's title as the navigation shows it (unescaped): a document's title; else the page's front matter
        `title`, else its first heading, else what MkDocs makes of its file name."""
        document = self._by_page.get(page)
        if document is not None:
            return document.title
        render = renderers(self).get(page)
        try:
            parts = split(render() if render else decode((self.repository.docs_dir / page).read_bytes()))
            data = parse(parts.header) if parts.header else None
        except (OSError, IsodocsError):
            return page_title_from_name(page)   # MkDocs drops front matter it cannot read, as the title does here
        named = data.get("title") if isinstance(data, dict) else None
        if isinstance(named, str) and named:
            return unescape(named) if render else named   # generated pages carry their titles escaped
        return heading(parts.body) or page_title_from_name(page)

    @cached_property
    def _by_page(self) -> dict[str, Document]:
        return {self.repository.docs_relative(d.path): d for d in self.documents}

    def value(self, text: str | None) -> str | None:
        return value(self.repository.config.language, text)

    def title_of(self, entry: Entry) -> str | None:
        """An entry's short title in the repository's language."""
        return entry.title_in(self.repository.config.language)

    def url(self, document: Document, from_page: str) -> str:
        """A relative link from a page (a docs-relative path) to a document."""
        return relative(self.repository.docs_relative(document.path), from_page)

    def shown(self, revision: Revision) -> tuple[str, str, str]:
        """A revision's subject, author and commit as table cells; withheld when the commit touched a hidden file."""
        if revision.hash in self.redacted:
            return cell(self.text["withheld_change"]), "", ""
        return cell(revision.subject), cell(revision.author), f"`{revision.short}`"

    def link(self, document: Document, from_page: str) -> str:
        return f"[{cell(document.id)}]({link_target(self.url(document, from_page))})"


cell = markdown_cell  # every value from front matter, isodocs.yml, catalogs or git, in a Markdown table or line


def anchor(clause: str) -> str:
    return "clause-" + clause.replace(".", "-").lower()


def render_all(handbook: Handbook) -> dict[str, str]:
    return {page: render() for page, render in renderers(handbook).items()}


def renderers(handbook: Handbook) -> dict[str, Callable[[], str]]:
    """How to write each generated page, keyed by its docs-relative path."""
    paths = handbook.page_paths
    pages: dict[str, Callable[[], str]] = {
        paths["dashboard"]: partial(dashboard, handbook, paths["dashboard"]),
        paths["register"]: partial(register, handbook, paths["register"]),
        paths["calendar"]: partial(calendar, handbook, paths["calendar"]),
        paths["changes"]: partial(changes, handbook, paths["changes"]),
        paths["risks"]: partial(risk_page, handbook, paths["risks"]),
        paths["nonconformities"]: partial(nonconformity_page, handbook, paths["nonconformities"])}
    for catalog_id in handbook.repository.catalogs:
        pages[paths[catalog_id]] = partial(coverage, handbook, catalog_id, paths[catalog_id])
        if f"soa-{catalog_id}" in paths:
            pages[paths[f"soa-{catalog_id}"]] = partial(soa, handbook, catalog_id, paths[f"soa-{catalog_id}"])
    return pages


def register(handbook: Handbook, page: str) -> str:
    t = handbook.text
    analysis = handbook.analysis
    config = handbook.repository.config
    head = ["id", "title", "type", "status", "version", "owner", "approved", "next_review", "classification",
            "open_decisions"]
    # `[[decide: ...]]` left per published document: a hidden document's count is not shown, nor counted
    decisions = {d.path: d.count for d in handbook.report.decisions if d.path not in handbook.hidden}
    total = sum(decisions.values())
    lines = [f"# {t['register']}", "", f"*{t['generated_note']}*", "",
             t["open_decisions_total"].format(count=total, documents=len(decisions)), "",
             f'<div class="isodocs-register" markdown data-count="{len(handbook.documents)}" '
             f'data-decisions="{total}">', "",
             "| " + " | ".join(t[h] for h in head) + " |", "|" + "---|" * len(head)]
    for document in sorted(handbook.documents, key=lambda d: d.id):
        owner = config.role_label(document.owner)
        say = handbook.value
        values = [handbook.link(document, page)] + [cell(v) for v in (
            document.title, say(document.type), say(document.status), document.version, owner, document.approved,
            analysis.next_review(document),
            say(document.classification or handbook.repository.config.default_classification),
            decisions.get(document.path))]
        lines.append("| " + " | ".join(values) + " |")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def coverage(handbook: Handbook, catalog_id: str, page: str) -> str:
    t = handbook.text
    catalog = handbook.repository.catalogs[catalog_id]
    ready = handbook.report.readiness[catalog_id]
    analysis = handbook.analysis
    index = analysis.index
    states = {s.id: s for s in clause_states(analysis, catalog)}
    controls = {s.id: s for s in control_states(analysis, catalog)}
    lines = [*page_title(f"{t['coverage']}: {catalog.name}"),
             f"# {t['coverage']}: {markdown_text(catalog.name)}", "", f"*{t['generated_note']}*", "",
             f'<div class="isodocs-readiness" data-catalog="{catalog_id}" data-required="{ready.required}" '
             f'data-covered="{ready.covered}" data-percent="{ready.percent:g}">',
             f"<strong>{t['readiness']}: {ready.percent:g}%</strong> — {ready.covered} {t['covered']} / "
             f"{ready.required} {t['required']}", "</div>", "", *edition_note(handbook, catalog_id),
             *kind_note(handbook, catalog_id),
             f"| {t['clause']} | {t['title']} | {t['state']} | {t['documents']} |", "|---|---|---|---|"]
    for entry in catalog.entries.values():
        named = [d for d in index.get((catalog_id, entry.id), []) if d.path not in handbook.hidden]
        state = states.get(entry.id) or controls.get(entry.id)
        label = t[f"state_{state.state}"] if state else ""
        source = state.source if isinstance(state, ControlState) else None
        if source is not None and source.path in handbook.hidden:
            label = t["withheld"]
        depth = entry.id.count(".") - (1 if entry.annex else 0)
        title = ("&nbsp;" * 4 * depth) + cell(handbook.title_of(entry) or "")
        if entry.extends:
            title += " " + cell(t["extends"].format(clauses=", ".join(entry.extends)))
        docs = ", ".join(handbook.link(d, page) for d in named)
        lines.append(f'| <span id="{html_attribute(anchor(entry.id))}"></span>{cell(entry.id)} | {title} | {label} | '
                     f'{docs} |')
    lines.append("")
    return "\n".join(lines)


def page_title(title: str) -> list[str]:
    """Front matter naming a generated page whose title carries a catalog's name (a repository's own catalog is
    untrusted text): themes print the title as HTML, so it is given escaped rather than taken from the heading."""
    return ["---", f"title: {json.dumps(html_text(title), ensure_ascii=False)}", "---", ""]


def kind_note(handbook: Handbook, catalog_id: str) -> list[str]:
    """What kind of catalog this is, for additions (which standard they add to) and guidance (nothing required)."""
    t = handbook.text
    catalog = handbook.repository.catalogs[catalog_id]
    if catalog.kind == "additions":
        bases = []
        for base_id in catalog.extends:
            try:
                bases.append(catalog_module.find(base_id, str(handbook.repository.root)).name)
            except CatalogError:
                bases.append(base_id)
        text = t["kind_additions"].format(bases=html_text(" / ".join(bases)))
        return [f'<p class="isodocs-kind" data-kind="additions">{text}</p>', ""]
    if catalog.kind == "guidance":
        return [f'<p class="isodocs-kind" data-kind="guidance">{t["kind_guidance"]}</p>', ""]
    return []


def edition_note(handbook: Handbook, catalog_id: str) -> list[str]:
    """The edition's status on its coverage page; for a superseded one, the transition deadline and successor."""
    t = handbook.text
    edition = handbook.repository.catalogs[catalog_id].edition
    name = html_text(handbook.repository.catalogs[catalog_id].name)
    if edition.superseded and edition.replaced_by and edition.transition_ends:
        try:
            successor = catalog_module.find(edition.replaced_by, str(handbook.repository.root)).name
        except CatalogError:
            successor = edition.replaced_by
        key = "transition_over" if handbook.today > edition.transition_ends else "transition"
        text = t[key].format(name=name, successor=html_text(successor), deadline=edition.transition_ends,
                             catalog=html_text(catalog_id), successor_id=html_text(edition.replaced_by))
        return [f'<div class="isodocs-transition" data-catalog="{html_attribute(catalog_id)}" '
                f'data-successor="{html_attribute(edition.replaced_by)}" data-deadline="{edition.transition_ends}">'
                f"<strong>{text}</strong></div>", ""]
    if edition.published:
        return [t["edition"].format(status=t[f"status_{edition.status}"], published=markdown_text(edition.published)),
                ""]
    return []


def soa(handbook: Handbook, catalog_id: str, page: str) -> str:
    t = handbook.text
    catalog = handbook.repository.catalogs[catalog_id]
    states = control_states(handbook.analysis, catalog)
    head = ["control", "title", "applicable", "reasons", "justification", "implementation", "documents", "evidence"]
    lines = [*page_title(f"{t['soa']}: {catalog.name}"),
             f"# {t['soa']}: {markdown_text(catalog.name)}", "", f"*{t['generated_note']}*", "",
             "| " + " | ".join(t[h] for h in head) + " |", "|" + "---|" * len(head)]
    for state in states:
        if state.source is not None and state.source.path in handbook.hidden:
            withheld = t["withheld"]
            lines.append(f"| {cell(state.id)} | {cell(handbook.title_of(catalog.entries[state.id]))} | {withheld} | "
                         f"{withheld} | {withheld} | {withheld} | | |")
            continue
        decision = state.decision
        if decision is None or decision.applicable is None:
            applicable = t["undecided"]
        else:
            applicable = t["yes"] if decision.applicable else t["no"]
        reasons = "; ".join(handbook.value(r) or r for r in decision.reasons) if decision else ""
        docs = ", ".join(handbook.link(d, page) for d in state.implementing if d.path not in handbook.hidden)
        lines.append(f"| {cell(state.id)} | {cell(handbook.title_of(catalog.entries[state.id]))} | {applicable} | "
                     f"{cell(reasons)} | {cell(decision.justification if decision else '')} | "
                     f"{cell(handbook.value(decision.implementation) if decision else '')} | {docs} | "
                     f"{soa_evidence(handbook, catalog_id, state.id, decision, page)} |")
    lines.append("")
    return "\n".join(lines)


def soa_evidence(handbook: Handbook, catalog_id: str, control: str, decision: Decision | None, page: str) -> str:
    """The latest evidence of operation that counts (date, what, by whom, its record), the expected frequency and
    whether new evidence is overdue; evidence kept in a document the site leaves out is not shown."""
    t = handbook.text
    language = handbook.repository.config.language
    found = evidence.operation(handbook.analysis, catalog_id, control, decision)
    parts = []
    latest = found.latest
    if latest is not None and latest.record.path in handbook.hidden:
        parts.append(t["withheld"])
    elif latest is not None:
        who = f" ({cell(latest.entry.by)})" if latest.entry.by else ""
        parts.append(f"{cell(latest.entry.date)}: {cell(latest.entry.what)}{who}, {handbook.link(latest.record, page)}")
    if found.frequency is not None and decision is not None and decision.applicable:
        said = evidence.frequency_said(found.frequency, decision.frequency).said_in(language)
        parts.append(cell(t["evidence_expected"].format(frequency=said)))
        if found.due is None:
            parts.append(f"**{cell(t['evidence_none'])}**")
        elif found.stale:
            parts.append(f"**{cell(t['evidence_overdue'].format(due=found.due))}**")
        else:
            parts.append(cell(t["evidence_next"].format(due=found.due)))
    return "; ".join(parts)


def calendar(handbook: Handbook, page: str) -> str:
    t = handbook.text
    analysis = handbook.analysis
    today = handbook.today
    reviews = [(analysis.next_review(d), d) for d in handbook.documents if d.approved_status]
    due = sorted(((when, d) for when, d in reviews if when is not None), key=lambda pair: (pair[0], pair[1].id))
    buckets = [("overdue", [p for p in due if p[0] < today]),
               ("due_30", [p for p in due if today <= p[0] <= today + timedelta(days=30)]),
               ("due_90", [p for p in due if today + timedelta(days=30) < p[0] <= today + timedelta(days=90)])]
    config = handbook.repository.config
    lines = [f"# {t['calendar']}", "", f"*{t['generated_note']}*", ""]
    for key, rows in buckets:
        lines += [f'## {t[key]}', "", f'<div class="isodocs-calendar" data-bucket="{key}" data-count="{len(rows)}">'
                  "</div>", ""]
        if not rows:
            lines += [t["none"], ""]
            continue
        lines += [f"| {t['next_review']} | {t['id']} | {t['title']} | {t['owner']} |", "|---|---|---|---|"]
        for when, document in rows:
            owner = config.role_label(document.owner)
            lines.append(f"| {when} | {handbook.link(document, page)} | {cell(document.title)} | {cell(owner)} |")
        lines.append("")
    lines += [f"## {t['by_owner']}", ""]
    owners: dict[str, list[tuple[date, Document]]] = {}
    for when, document in due:
        if when <= today + timedelta(days=90):
            owners.setdefault(document.owner or "", []).append((when, document))
    if not owners:
        lines += [t["none"], ""]
    for owner_id, rows in sorted(owners.items()):
        name = config.role_label(owner_id)
        lines += [f"### {cell(name)}", ""]
        lines += [f"- {when}: {handbook.link(d, page)} {cell(d.title)}" for when, d in rows]
        lines.append("")
    events = [(day, t[kind]) for day, kind in certification_events(handbook.repository.config)]
    lines += [f"## {t['certification']}", ""]
    for finding in handbook.report.findings:
        if finding.rule == CERTIFICATION_AUDIT_AT_RISK.id:
            lines += ['<div class="admonition warning isodocs-audit-at-risk">',
                      f'<p class="admonition-title">{html_text(finding.message)}</p>', "</div>", ""]
    lines += [f"- {when}: {what}" for when, what in sorted(events)] or [t["none"]]
    lines.append("")
    return "\n".join(lines)


def changes(handbook: Handbook, page: str) -> str:
    t = handbook.text
    by_path = {d.path: d for d in handbook.documents}
    rows = sorted(((r, by_path[path]) for path, revisions in handbook.history.revisions.items()
                   if path in by_path for r in revisions), key=lambda pair: pair[0].when, reverse=True)[:RECENT]
    lines = [f"# {t['changes']}", "", f"*{t['generated_note']}*", ""]
    if not rows:
        return "\n".join([*lines, t["no_history"], ""])
    lines += [f"| {t['date']} | {t['id']} | {t['change']} | {t['author']} | {t['commit']} |", "|---|---|---|---|---|"]
    for revision, document in rows:
        subject, author, commit = handbook.shown(revision)
        lines.append(f"| {revision.date:%Y-%m-%d} | {handbook.link(document, page)} | {subject} | {author} | "
                     f"{commit} |")
    lines.append("")
    return "\n".join(lines)


def heat_map(counts: dict[tuple[int, int], int], caption: str, t: Translator, acceptance: int | None = None) -> str:
    """A 5 x 5 grid, likelihood up and impact across, each cell holding its number of risks; with a risk acceptance
    level, the cells above it are outlined."""
    size, left, top = 44, 40, 28
    parts = [f'<svg class="isodocs-heatmap" role="img" aria-label="{escape(caption)}" width="{left + 5 * size + 10}" '
             f'height="{top + 5 * size + 40}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" '
             f'font-size="12" data-total="{sum(counts.values())}"'
             + (f' data-acceptance="{acceptance}"' if acceptance is not None else "") + ">",
             f'<text x="{left}" y="16" font-weight="bold">{escape(caption)}</text>']
    for likelihood in range(1, 6):
        y = top + (5 - likelihood) * size
        parts.append(f'<text x="{left - 14}" y="{y + size / 2 + 4}">{likelihood}</text>')
        for impact in range(1, 6):
            x = left + (impact - 1) * size
            level = likelihood * impact
            colour = "#2e7d32" if level <= 4 else "#f9a825" if level <= 9 else "#ef6c00" if level <= 15 else "#c62828"
            count = counts.get((likelihood, impact), 0)
            above = acceptance is not None and level > acceptance
            outline = ' stroke="#000" stroke-width="3" data-above="true"' if above else ""
            parts.append(f'<rect x="{x}" y="{y}" width="{size - 2}" height="{size - 2}" fill="{colour}" '
                         f'opacity="0.85" data-likelihood="{likelihood}" data-impact="{impact}" data-count="{count}"'
                         f'{outline}/>')
            if count:
                parts.append(f'<text x="{x + size / 2 - 5}" y="{y + size / 2 + 4}" fill="#fff" '
                             f'font-weight="bold">{count}</text>')
    for impact in range(1, 6):
        parts.append(f'<text x="{left + (impact - 1) * size + size / 2 - 4}" y="{top + 5 * size + 14}">{impact}</text>')
    parts.append(f'<text x="{left}" y="{top + 5 * size + 32}">{escape(t["impact_axis"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


# The ISO 31000:2018 process step each field of the risk register records (shown when the catalog is in scope).
RISK_PROCESS = (("asset", ("6.4.2",)), ("threat", ("6.4.2",)), ("level", ("6.4.3",)), ("treatment", ("6.4.4", "6.5.2")),
                ("controls", ("6.5.3",)), ("action", ("6.5.3",)), ("due", ("6.5.3",)), ("owner", ("6.6",)),
                ("residual", ("6.6",)), ("next_review", ("6.6",)), ("register_column", ("6.7",)))


def risk_process(handbook: Handbook) -> list[str]:
    """Which ISO 31000 process step each register field records, so an auditor sees the process in the register."""
    catalog = handbook.repository.catalogs.get("iso31000-2018")
    if catalog is None:
        return []
    t = handbook.text
    lines = [f"## {t['risk_process']}", "", t["risk_process_note"], "",
             f"| {t['field']} | {t['process_step']} |", "|---|---|"]
    for field_key, clause_ids in RISK_PROCESS:
        steps = "; ".join(f"{clause} {handbook.title_of(catalog.entries[clause]) or ''}".strip()
                          for clause in clause_ids)
        lines.append(f"| {cell(t[field_key])} | {cell(steps)} |")
    return [*lines, ""]


def risk_page(handbook: Handbook, page: str) -> str:
    t = handbook.text
    rows = [(r, d) for r, d in risks(handbook.analysis) if d.path not in handbook.hidden]
    inherent: dict[tuple[int, int], int] = {}
    residual: dict[tuple[int, int], int] = {}
    for risk, _ in rows:
        inherent[(risk.likelihood, risk.impact)] = inherent.get((risk.likelihood, risk.impact), 0) + 1
        if risk.residual_likelihood and risk.residual_impact:
            key = (risk.residual_likelihood, risk.residual_impact)
            residual[key] = residual.get(key, 0) + 1
    config = handbook.repository.config
    accepted = config.risk_acceptance
    note = t["acceptance"].format(level=accepted) if accepted is not None else t["acceptance_none"]
    lines = [f"# {t['risks']}", "", f"*{t['generated_note']}*", "",
             f'<p class="isodocs-acceptance">{note}</p>', "",
             f'<div class="isodocs-heatmaps" data-risks="{len(rows)}">',
             heat_map(inherent, t["inherent"], t, accepted), heat_map(residual, t["residual"], t, accepted), "</div>",
             "", *risk_process(handbook)]
    if not rows:
        return "\n".join([*lines, t["none"], ""])
    lines += [f"| {t['risk']} | {t['asset']} | {t['threat']} | {t['level']} | {t['owner']} | {t['treatment']} | "
              f"{t['residual']} | {t['next_review']} | {t['register_column']} |", "|---" * 9 + "|"]
    for risk, document in sorted(rows, key=lambda pair: -pair[0].level):
        owner = config.role_label(risk.owner)
        above = above_acceptance(config, risk)
        mark = f' <span class="isodocs-above" title="{t["above_acceptance"]}">▲ {t["above_acceptance"]}</span>' \
            if above else ""
        lines.append(f"| {cell(risk.id)} | {cell(risk.asset)} | {cell(risk.threat)} | "
                     f"{risk.likelihood} × {risk.impact} = {risk.level}{mark} | {cell(owner)} | "
                     f"{cell(handbook.value(risk.treatment))} | "
                     f"{cell(risk.residual_level)} | {cell(risk.review)} | {handbook.link(document, page)} |")
    plan = [(r, d) for r, d in rows if r.action]
    if plan:
        lines += ["", f"## {t['treatment_plan']}", "",
                  f"| {t['risk']} | {t['action']} | {t['due']} | {t['controls']} |",
                  "|---|---|---|---|"]
        for risk, _ in plan:
            controls = "; ".join(", ".join(ids) for ids in risk.controls.values())
            lines.append(f"| {cell(risk.id)} | {cell(risk.action)} | {cell(risk.due)} | {cell(controls)} |")
    lines.append("")
    return "\n".join(lines)


def nonconformity_page(handbook: Handbook, page: str) -> str:
    t = handbook.text
    records = [(d, d.nonconformity) for d in handbook.documents if d.nonconformity is not None]
    lines = [f"# {t['nonconformities']}", "", f"*{t['generated_note']}*", "",
             f'<div class="isodocs-nonconformities" data-count="{len(records)}"></div>', ""]
    if not records:
        return "\n".join([*lines, t["none"], ""])
    lines += [f"| {t['id']} | {t['title']} | {t['grade']} | {t['raised']} | {t['due']} | {t['closed']} | "
              f"{t['state']} |", "|---|---|---|---|---|---|---|"]
    for document, record in sorted(records, key=lambda pair: pair[1].raised or handbook.today, reverse=True):
        state = t["nc_closed"] if record.closed else \
            t["nc_overdue"] if record.due and record.due < handbook.today else t["nc_open"]
        lines.append(f"| {handbook.link(document, page)} | {cell(document.title)} | "
                     f"{cell(handbook.value(record.grade))} | "
                     f"{cell(record.raised)} | {cell(record.due)} | {cell(record.closed)} | {state} |")
    lines.append("")
    return "\n".join(lines)
