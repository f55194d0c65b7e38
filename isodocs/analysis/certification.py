"""The certificate's audits and expiry, from isodocs.yml or worked out from the issue date."""

from __future__ import annotations

from datetime import date, timedelta

from isodocs.analysis.model import Analysis
from isodocs.model.config import Config
from isodocs.model.dates import Interval

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


def upcoming_audits(analysis: Analysis) -> list[tuple[date, str]]:
    return [event for event in certification_events(analysis.repository.config)
            if event[0] >= analysis.today and event[1] != "expires"]
