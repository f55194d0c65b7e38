"""What is due, per owner: the dated duties the repository records, gathered for `isodocs tasks`.

Reviews of documents, risk reviews and treatment actions, open nonconformities, planned internal
audits, the management review and the certification body's audits. The dates are the ones the
checker works with (isodocs/analysis/), so the list and the check agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from isodocs.analysis import Analysis, evidence
from isodocs.analysis.certification import certification_events
from isodocs.analysis.programme import management_reviews, programme
from isodocs.analysis.risks import risks
from isodocs.translation.messages import Message, say

KINDS = ("review", "risk-review", "risk-action", "nonconformity", "audit", "management-review", "certification",
         "evidence")


@dataclass(frozen=True)
class Task:
    due: date
    kind: str                 # one of KINDS
    title: Message | str      # what to do, in a few words (a message, said in the repository's language)
    owner: str | None         # a role id from isodocs.yml; None when the repository names nobody
    document: str | None      # the document that records it
    path: str
    line: int
    key: str                  # what stays the same when the date moves: the calendar entry's identity

    def overdue(self, today: date) -> bool:
        return self.due < today


def tasks(analysis: Analysis) -> list[Task]:
    """Every dated duty, overdue or not, earliest first."""
    found: list[Task] = []
    documents = [d for d in analysis.repository.documents if not d.retired]
    for document in documents:
        due = analysis.next_review(document)
        if due is not None:
            found.append(Task(due, "review", say("task-review", id=document.id, title=document.title), document.owner,
                              document.id,
                              document.path, document.line("last_reviewed"), f"review/{document.id}"))
        record = document.nonconformity
        if record is not None and record.closed is None and record.due is not None:
            found.append(Task(record.due, "nonconformity",
                              say("task-nonconformity", id=document.id, title=document.title), document.owner,
                              document.id, document.path, record.due_line,
                              f"nonconformity/{document.id}"))
    for risk, document in risks(analysis):
        if risk.review is not None:
            found.append(Task(risk.review, "risk-review", say("task-risk-review", risk=risk.id, asset=risk.asset),
                              risk.owner,
                              document.id, document.path, risk.lines.get("review", risk.line),
                              f"risk-review/{document.id}/{risk.id}"))
        if risk.due is not None and risk.action and risk.done is None:
            found.append(Task(risk.due, "risk-action", say("task-risk-action", risk=risk.id, action=risk.action),
                              risk.owner,
                              document.id, document.path, risk.lines.get("due", risk.line),
                              f"risk-action/{document.id}/{risk.id}"))
    for audit, document in programme(analysis):
        if audit.done is None:
            month = date(int(audit.planned[:4]), int(audit.planned[5:7]), 1)
            title = say("task-audit", standard=audit.standard, clauses=", ".join(audit.clauses),
                        who=f" ({audit.auditor})" if audit.auditor else "")
            found.append(Task(month, "audit", title, document.owner, document.id,
                              document.path, audit.line, f"audit/{document.id}/{audit.standard}/{audit.planned}"))
    for catalog_id, decisions in analysis.decisions.items():
        for control, (decision, source) in decisions.items():
            found_evidence = evidence.operation(analysis, catalog_id, control, decision)
            if decision.applicable is not True or found_evidence.frequency is None:
                continue   # evidence of operation is followed only where the SoA sets `frequency:`
            said = evidence.frequency_said(found_evidence.frequency, decision.frequency)
            found.append(Task(found_evidence.due or analysis.today, "evidence",
                              say("task-evidence", control=control, frequency=said), source.owner, source.id,
                              source.path, decision.line, f"evidence/{catalog_id}/{control}"))
    config = analysis.repository.config
    held = management_reviews(analysis)
    if held:
        last, document = held[-1]
        found.append(Task(config.management_review.after(last), "management-review", say("task-management-review"),
                          document.owner, document.id, document.path, document.line("management_review"),
                          "management-review"))
    else:
        found.append(Task(analysis.today, "management-review", say("task-first-management-review"),
                          "top-management" if "top-management" in config.roles else None, None,
                          analysis.config_path, 1, "management-review"))
    for day, kind in certification_events(config):
        body = config.certification.body
        who = f" ({body})" if body and kind != "expires" else ""
        found.append(Task(day, "certification", say(f"task-{kind}", who=who), None, None, analysis.config_path,
                          config.line("certification"), f"certification/{kind}/{day.isoformat()}"))
    return sorted(found, key=lambda t: (t.due, t.kind, t.key))


def due_by(analysis: Analysis, until: date | None) -> list[Task]:
    """What is overdue, and what falls due up to `until` (everything dated, when None)."""
    return [t for t in tasks(analysis) if until is None or t.due <= until]
