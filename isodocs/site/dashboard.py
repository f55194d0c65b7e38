"""The handbook's dashboard: how ready the system is, what is overdue, the next audits, what was approved lately
and what every employee must read, each figure linking to the page that lists it.

Figures come from the checker's findings (so they equal `isodocs check`) and from published documents only: a
finding or a document the site leaves out counts nowhere here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from isodocs.analysis.certification import upcoming_audits
from isodocs.analysis.programme import programme
from isodocs.model.rules import NONCONFORMITY_OVERDUE, REVIEW_DUE_SOON, REVIEW_OVERDUE
from isodocs.outputs.escape import html_attribute, link_target, markdown_cell as cell, markdown_text
from isodocs.site.navigation import relative

if TYPE_CHECKING:
    from isodocs.site.pages import Handbook

RECENT = 5
MARKER = "<!-- isodocs:dashboard -->"   # a line of docs/index.md that the dashboard replaces


def dashboard(handbook: Handbook, page: str, heading: bool = True) -> str:
    """The dashboard's Markdown for `page` (docs-relative), with its own heading or without it."""
    t = handbook.text
    paths = handbook.page_paths
    lines = [f"# {t['dashboard']}", ""] if heading else []
    lines += [f"*{t['dashboard_note']}*", "", f"## {t['readiness']}", "",
              f"| {t['coverage']} | | % | {t['covered']} / {t['required']} |", "|---|---|---:|---:|"]
    for catalog_id, ready in handbook.report.readiness.items():
        name = cell(handbook.repository.catalogs[catalog_id].name)
        target = link_target(relative(paths[catalog_id], page))
        lines.append(f'| [{name}]({target}) | <div class="isodocs-bar" role="img" aria-label="{ready.percent:g}%">'
                     f'<span style="width: {min(max(ready.percent, 0), 100):g}%"></span></div> | '
                     f'<span class="isodocs-ready" data-catalog="{html_attribute(catalog_id)}" '
                     f'data-percent="{ready.percent:g}">{ready.percent:g}</span> | '
                     f'{ready.covered} / {ready.required} |')
    lines += ["", f"## {t['figures']}", "", '<div class="isodocs-figures" markdown>', ""]
    published = {d.path for d in handbook.documents}
    ours = [f for f in handbook.report.findings if f.path in published]
    counted = (("reviews_overdue", (REVIEW_OVERDUE.id,), "calendar", True),
               ("reviews_due_soon", (REVIEW_DUE_SOON.id,), "calendar", False),
               ("actions_overdue", (NONCONFORMITY_OVERDUE.id,), "nonconformities", True))
    open_records = [d for d in handbook.documents if d.nonconformity is not None and d.nonconformity.closed is None
                    and not d.retired]
    figures = [(key, sum(1 for f in ours if f.rule in rules), target, alert) for key, rules, target, alert in counted]
    figures.insert(2, ("nc_open_count", len(open_records), "nonconformities", True))
    decisions = sum(d.count for d in handbook.report.decisions if d.path in published)
    figures.append(("open_decisions", decisions, "register", False))   # `[[decide: ...]]` left in published pages
    for key, count, target, alert in figures:
        kind = " isodocs-figure--alert" if alert and count else ""
        href = link_target(relative(paths[target], page))
        lines += [f'<div class="isodocs-figure{kind}" markdown data-figure="{key}" data-count="{count}">',
                  f"[**{count}** {markdown_text(t[key])}]({href})", "</div>"]
    lines += ["</div>", ""]
    lines += audits(handbook, page)
    recent = sorted((d for d in handbook.documents if d.approved_status and d.approved is not None),
                    key=lambda d: (d.approved, d.id), reverse=True)[:RECENT]
    lines += [f"## {t['recent_approvals']}", ""]
    if recent:
        lines += [f"| {t['approved']} | {t['id']} | {t['title']} | {t['version']} |", "|---|---|---|---|"]
        lines += [f"| {d.approved} | {handbook.link(d, page)} | {cell(d.title)} | {cell(d.version)} |" for d in recent]
    else:
        lines.append(t["none"])
    reading = sorted((d for d in handbook.documents if d.required_reading and not d.retired), key=lambda d: d.id)
    lines += ["", f"## {t['required_reading']}", "",
              f'<div class="isodocs-required-reading" markdown data-count="{len(reading)}">', ""]
    lines += [f"- {handbook.link(d, page)} {cell(d.title)}" for d in reading] or [t["none"]]
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def audits(handbook: Handbook, page: str) -> list[str]:
    """The next certification audit (from isodocs.yml) and the next internal audit not yet done (from a
    published audit programme)."""
    t = handbook.text
    calendar = link_target(relative(handbook.page_paths["calendar"], page))
    upcoming = upcoming_audits(handbook.analysis)
    certification = (f"[{upcoming[0][0]}: {t[upcoming[0][1]]}]({calendar})"
                     if upcoming else t["not_planned"])
    month = f"{handbook.today:%Y-%m}"
    planned = sorted(((a, d) for a, d in programme(handbook.analysis)
                      if d.path not in handbook.hidden and a.done is None and a.planned >= month),
                     key=lambda pair: (pair[0].planned, pair[1].id))
    if planned:
        audit, document = planned[0]
        standard = handbook.repository.catalogs[audit.standard].name \
            if audit.standard in handbook.repository.catalogs else audit.standard
        internal = (f"{cell(audit.planned)}: [{cell(t['internal_audit'].format(standard=standard))}]"
                    f"({link_target(handbook.url(document, page))})")
    else:
        internal = t["not_planned"]
    return [f"| {t['next_certification']} | {t['next_internal']} |", "|---|---|",
            f"| {certification} | {internal} |", ""]



def with_dashboard(handbook: Handbook, page: str, markdown: str) -> str:
    """A plain page (the home page) with its marker line replaced by the dashboard, without its heading."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, dashboard(handbook, page, heading=False), 1)
