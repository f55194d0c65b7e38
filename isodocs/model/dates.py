"""Dates and review intervals (`12 months`, `6 weeks`, `90 days`, `1 year`)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from isodocs.errors import DateError, UsageError
from isodocs.translation import Translator, say

_INTERVAL = re.compile(r"^\s*([1-9][0-9]*)\s*(day|week|month|year)s?\s*$")


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date:
    """A YYYY-MM-DD date; DateError says why an impossible one (2026-02-30) is wrong."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateError(say("date.not-real", text=text)) from None


@dataclass(frozen=True, slots=True)
class Interval:
    count: int
    unit: str  # day | week | month | year

    @classmethod
    @lru_cache(maxsize=256)
    def parse(cls, text: str) -> Interval:
        match = _INTERVAL.match(text)
        if not match:
            raise DateError(say("date.not-interval", text=text))
        return cls(int(match.group(1)), match.group(2))

    def after(self, start: date) -> date:
        if self.unit == "day":
            return start + timedelta(days=self.count)
        if self.unit == "week":
            return start + timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "year" else 1)
        month_index = start.month - 1 + months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))

    def before(self, end: date) -> date:
        if self.unit in ("day", "week"):
            return end - (self.after(end) - end)
        return Interval(-self.count * (12 if self.unit == "year" else 1), "month").after(end)

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'' if self.count == 1 else 's'}"


def not_future(when: date | None, today: date | None, what: str, language: str = "en") -> date:
    """The day a command records (`what`: review, approval, evidence, document; today when not given), refused
    when it lies after today; the refusal said in the repository's language."""
    today = today or date.today()
    when = when or today
    if when > today:
        say = Translator(language, "cli.")
        raise UsageError(say("future-date", date=when, today=today, what=say(f"what-{what}")),
                         hint=say("future-date-hint"), language=language)
    return when
