"""The certification cycle: risks, the internal audit programme, management reviews, audit dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator

from isodocs import catalog as catalog_module, transitions
from isodocs.catalog import Catalog
from isodocs.checks.context import Context
from isodocs.checks.records import closed
from isodocs.config import Config
from isodocs.dates import Interval
from isodocs.document import Audit, Document, Risk
from isodocs.findings import Finding
from isodocs.translation import given, say
from isodocs.transitions import Transition
from isodocs.rules import (
    AUDIT_PROGRAMME_GAP, CERTIFICATION_AUDIT_AT_RISK, CLAUSE_DRAFT_ONLY, CLAUSE_UNCOVERED, CLAUSE_UNKNOWN,
    INITIAL_AUDIT_UNPREPARED, MANAGEMENT_REVIEW_OVERDUE, OWNER_UNKNOWN, RISK_ABOVE_ACCEPTANCE, RISK_ACTION_OVERDUE,
    RISK_CONTROL_INAPPLICABLE, REVIEW_OVERDUE, RISK_REVIEW_OVERDUE, STAGE_NOT_CERTIFIED)

AUDIT_WARNING_DAYS = 90


def risks(context: Context) -> list[tuple[Risk, Document]]:
    return [(risk, document) for document in context.repository.documents if not document.retired
            for risk in document.risks]


def above_acceptance(config: Config, risk: Risk) -> bool | None:
    """Whether the risk's level before treatment is above `defaults.risk_acceptance` (None when none is set)."""
    if config.risk_acceptance is None:
        return None
    return risk.level > config.risk_acceptance


def check_risks(context: Context) -> Iterator[Finding]:
    roles = context.repository.config.roles
    catalogs = context.repository.catalogs
    for risk, document in risks(context):
        where = {"risk": risk.id, "asset": risk.asset}
        if risk.owner not in roles:
            yield OWNER_UNKNOWN.finding(document.path, risk.lines.get("owner", risk.line),
                          say("risk-owner", **where, owner=risk.owner), document.id)
        if risk.review is not None and risk.review < context.today:
            yield RISK_REVIEW_OVERDUE.finding(document.path, risk.lines.get("review", risk.line),
                          say("risk-review-overdue", **where, due=risk.review), document.id)
        if above_acceptance(context.repository.config, risk) and \
                (risk.treatment == "accept" or not (risk.controls or risk.action)):
            yield RISK_ABOVE_ACCEPTANCE.finding(document.path, risk.lines.get("treatment", risk.line),
                          say("risk-above-acceptance", **where, level=risk.level,
                              accepted=context.repository.config.risk_acceptance), document.id)
        if risk.due is not None and risk.done is None and risk.due < context.today:
            yield RISK_ACTION_OVERDUE.finding(document.path, risk.lines.get("due", risk.line),
                          say("risk-action-overdue", **where, due=risk.due, action=risk.action or "",
                              days=(context.today - risk.due).days), document.id)
        for catalog_id, controls in risk.controls.items():
            catalog = catalogs.get(catalog_id)
            decisions = context.decisions.get(catalog_id, {})
            for control in controls:
                entry = catalog.control(control) if catalog else None
                if entry is None:
                    name = catalog.name if catalog else catalog_id
                    yield CLAUSE_UNKNOWN.finding(document.path, risk.lines.get("controls", risk.line),
                                  say("risk-control-unknown", **where, control=control, name=name), document.id)
                    continue
                decision = decisions.get(control)
                if decision is None or decision[0].applicable is not True:
                    state = say("state-excluded" if decision and decision[0].applicable is False else "state-undecided")
                    yield RISK_CONTROL_INAPPLICABLE.finding(document.path, risk.lines.get("controls", risk.line),
                                  say("risk-control-inapplicable", **where, control=control, title=given(en=entry.title, ru=entry.title_ru),
                                      state=state), document.id)


def management_reviews(context: Context) -> list[tuple[date, Document]]:
    """Management reviews held, from approved records only (a draft record is not evidence yet)."""
    return sorted(((d.review_held, d) for d in context.repository.documents
                   if d.review_held is not None and d.approved_status), key=lambda pair: pair[0])


def check_management_review(context: Context) -> Iterator[Finding]:
    config = context.repository.config
    held = management_reviews(context)
    interval = config.management_review
    if not held:
        yield MANAGEMENT_REVIEW_OVERDUE.finding(context.config_path, config.line("standards"),
                      say("no-management-review"))
        return
    last, document = held[-1]
    due = interval.after(last)
    if due < context.today:
        yield MANAGEMENT_REVIEW_OVERDUE.finding(document.path, document.line("management_review"),
                      say("management-review-overdue", held=last, due=due, interval=str(interval)), document.id)


@dataclass
class ProgrammeCoverage:
    catalog: Catalog
    start: date | None
    end: date | None
    missing: list[str]
    audits: list[tuple[Audit, Document]]


def programme(context: Context) -> list[tuple[Audit, Document]]:
    return sorted(((a, d) for d in context.repository.documents if not d.retired for a in d.audits),
                  key=lambda pair: pair[0].planned)


def programme_coverage(context: Context, catalog: Catalog) -> ProgrammeCoverage:
    transition = _predecessor_map(context, catalog)
    earlier = transition.source.id if transition else None
    audits = [(a, d) for a, d in programme(context)
              if a.standard == catalog.id or (a.standard == earlier and a.done is not None and d.approved_status)]
    config = context.repository.config
    start = config.certification.issued or (_month(audits[0][0].planned) if audits else None)
    end = config.audit_cycle.after(start) if start else None
    covered: set[str] = set()
    inherited: set[str] = set()   # ids of this edition audited under the one it replaced, one by one
    for audit, _ in audits:
        month = _month(audit.planned)
        if start is not None and end is not None and not (start.replace(day=1) <= month < end):
            continue
        if audit.standard == catalog.id:
            covered.update(audit.clauses)
        elif transition is not None:
            audited = [e for e in transition.source.entries if _ancestors(transition.source, e) & set(audit.clauses)]
            inherited.update(i for i in transition.map_ids(audited) if i in catalog.entries)
    missing = []
    for entry in catalog.entries.values():
        if entry.annex:
            continue
        if not _ancestors(catalog, entry.id) & covered and entry.id not in inherited:
            missing.append(entry.id)
    return ProgrammeCoverage(catalog, start, end, missing, audits)


def _ancestors(catalog: Catalog, entry_id: str) -> set[str]:
    """The entry and every entry above it."""
    found = {entry_id}
    parent = catalog.entries[entry_id].parent
    while parent is not None:
        found.add(parent)
        parent = catalog.entries[parent].parent
    return found


def _predecessor_map(context: Context, catalog: Catalog) -> Transition | None:
    """The transition map from the edition this one replaced, when there is one: audits done under the old
    edition in this cycle count for the clauses that carried over (never for the new ones)."""
    earlier = catalog.edition.replaces
    if not earlier:
        return None
    root = context.repository.root
    path = transitions.path_for(earlier, catalog.id, root / context.repository.config.catalogs_dir)
    if path is None:
        return None
    return context.once(("transition", earlier, catalog.id), lambda: transitions.read(
        path, {earlier: catalog_module.find(earlier, str(root)), catalog.id: catalog}))


def check_programme(context: Context) -> Iterator[Finding]:
    config = context.repository.config
    for position, catalog_id in enumerate(config.standards):
        catalog = context.repository.catalogs[catalog_id]
        if catalog.kind == "guidance" and not context.repository.config.required.get(catalog_id):
            continue  # not certifiable: audited only where the repository requires some of it
        coverage = programme_coverage(context, catalog)
        if not coverage.audits:
            yield AUDIT_PROGRAMME_GAP.finding(context.config_path, config.line("standards", position),
                          say("no-audits", name=catalog.name))
            continue
        if coverage.missing:
            _, document = coverage.audits[0]
            shown = ", ".join(coverage.missing[:8]) + (" ..." if len(coverage.missing) > 8 else "")
            yield AUDIT_PROGRAMME_GAP.finding(document.path, document.line("audits"),
                          say("audit-gap", count=len(coverage.missing), name=catalog.name, start=coverage.start,
                              end=coverage.end, shown=shown), document.id)


RECERTIFY_BEFORE_EXPIRY = timedelta(days=90)


def certification_events(config: Config) -> list[tuple[date, str]]:
    """The certificate's audits and expiry: as isodocs.yml gives them, or from the issue date (a surveillance
    audit each year, the recertification audit in good time before the certificate expires after three)."""
    cert = config.certification
    expires = cert.expires or (Interval(3, "year").after(cert.issued) if cert.issued else None)
    surveillance = cert.surveillance or ([Interval(n, "year").after(cert.issued) for n in (1, 2)]
                                         if cert.issued else [])
    recertification = cert.recertification or (expires - RECERTIFY_BEFORE_EXPIRY if expires else None)
    events = [(day, "surveillance") for day in surveillance]
    if recertification:
        events.append((recertification, "recertification"))
    if expires:
        events.append((expires, "expires"))
    return sorted(events)


def upcoming_audits(context: Context) -> list[tuple[date, str]]:
    return [event for event in certification_events(context.repository.config)
            if event[0] >= context.today and event[1] != "expires"]


def check_audit_readiness(context: Context, findings: list[Finding]) -> Iterator[Finding]:
    """A warning when a certification audit is near and the repository shows what an auditor would find."""
    upcoming = upcoming_audits(context)
    if not upcoming:
        return
    when, kind = upcoming[0]
    if when > context.today + timedelta(days=AUDIT_WARNING_DAYS):
        return
    majors = [d.id for d in context.repository.documents if d.nonconformity and not closed(d)
              and d.nonconformity.grade == "major" and not d.retired]
    overdue = sum(1 for f in findings if f.rule == REVIEW_OVERDUE.id)
    uncovered = sum(1 for f in findings if f.rule in (CLAUSE_UNCOVERED.id, CLAUSE_DRAFT_ONLY.id))
    problems = []
    if majors:
        problems.append(say("problem-majors", count=len(majors), ids=", ".join(majors)))
    if overdue:
        problems.append(say("problem-overdue", count=overdue))
    if uncovered:
        problems.append(say("problem-uncovered", count=uncovered))
    if problems:
        config = context.repository.config
        yield CERTIFICATION_AUDIT_AT_RISK.finding(context.config_path, config.line("certification"),
                      say("audit-at-risk", kind=say(f"audit-{kind}"), date=when, days=(when - context.today).days,
                          problems=tuple(problems)))


def _month(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), 1)


def check_stage(context: Context) -> Iterator[Finding]:
    """Once the certificate is issued the repository should say so: in `preparation`, gaps stay warnings."""
    config = context.repository.config
    issued = config.certification.issued
    if config.stage == "preparation" and issued is not None and issued <= context.today:
        yield STAGE_NOT_CERTIFIED.finding(context.config_path, config.line("stage"),
                      say("stage-not-certified", issued=issued))


def unaudited(context: Context, catalog: Catalog) -> list[str]:
    """Clauses 4 to 10 and applicable Annex A controls that no internal audit done (in an approved programme) has
    covered: what a full internal audit before the initial certification audit must leave empty."""
    covered: set[str] = set()
    for audit, document in programme(context):
        if audit.standard == catalog.id and audit.done is not None and document.approved_status:
            covered.update(audit.clauses)
    decisions = context.decisions.get(catalog.id, {})
    missing = []
    for entry in catalog.entries.values():
        if entry.annex and (entry.id not in decisions or decisions[entry.id][0].applicable is not True):
            continue
        if not _ancestors(catalog, entry.id) & covered:
            missing.append(entry.id)
    return missing


def check_initial_audit(context: Context) -> Iterator[Finding]:
    """Before the initial certification audit: one full internal audit and a management review, done."""
    config = context.repository.config
    initial = config.certification.initial
    if config.stage != "preparation" or initial is None or context.today < initial - timedelta(days=AUDIT_WARNING_DAYS):
        return
    problems = []
    for catalog_id in config.standards:
        catalog = context.repository.catalogs[catalog_id]
        missing = unaudited(context, catalog)
        if missing:
            shown = ", ".join(missing[:8]) + (" ..." if len(missing) > 8 else "")
            problems.append(say("initial-unaudited", name=catalog.name, count=len(missing), shown=shown))
    if not management_reviews(context):
        problems.append(say("initial-no-review"))
    if problems:
        yield INITIAL_AUDIT_UNPREPARED.finding(context.config_path, config.line("certification", "initial"),
                      say("initial-audit-unprepared", date=initial, days=(initial - context.today).days,
                          problems=tuple(problems)))
