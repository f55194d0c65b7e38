"""The certification cycle: risks, the internal audit programme, management reviews, audit dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from isodocs.analysis import Analysis
from isodocs.analysis.certification import upcoming_audits
from isodocs.analysis.nonconformities import closed
from isodocs.analysis.programme import management_reviews, programme_coverage, unaudited
from isodocs.analysis.risks import above_acceptance, risks
from isodocs.model.findings import Finding
from isodocs.model.rules import (
    AUDIT_PROGRAMME_GAP,
    CERTIFICATION_AUDIT_AT_RISK,
    CLAUSE_DRAFT_ONLY,
    CLAUSE_UNCOVERED,
    CLAUSE_UNKNOWN,
    INITIAL_AUDIT_UNPREPARED,
    MANAGEMENT_REVIEW_OVERDUE,
    OWNER_UNKNOWN,
    REVIEW_OVERDUE,
    RISK_ABOVE_ACCEPTANCE,
    RISK_ACTION_OVERDUE,
    RISK_CONTROL_INAPPLICABLE,
    RISK_REVIEW_OVERDUE,
    STAGE_NOT_CERTIFIED,
)
from isodocs.translation import given, say

AUDIT_WARNING_DAYS = 90


def check_risks(context: Analysis) -> Iterator[Finding]:
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
                                  say("risk-control-inapplicable", **where, control=control,
                                      title=given(en=entry.title, ru=entry.title_ru), state=state), document.id)


def check_management_review(context: Analysis) -> Iterator[Finding]:
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


def check_programme(context: Analysis) -> Iterator[Finding]:
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


def check_audit_readiness(context: Analysis, findings: list[Finding]) -> Iterator[Finding]:
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


def check_stage(context: Analysis) -> Iterator[Finding]:
    """Once the certificate is issued the repository should say so: in `preparation`, gaps stay warnings."""
    config = context.repository.config
    issued = config.certification.issued
    if config.stage == "preparation" and issued is not None and issued <= context.today:
        yield STAGE_NOT_CERTIFIED.finding(context.config_path, config.line("stage"),
                      say("stage-not-certified", issued=issued))


def check_initial_audit(context: Analysis) -> Iterator[Finding]:
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
