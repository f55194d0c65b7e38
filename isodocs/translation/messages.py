"""What the checker says: the translation mechanism under its older names (isodocs/translation/)."""

from __future__ import annotations

from typing import Any

from isodocs.translation import LANGUAGES, Message, given, say, t, text_in

EN = LANGUAGES["en"]
RU = LANGUAGES["ru"]


def phrase(key: str, language: str, /, **params: Any) -> str:
    return t(key, language, **params)


__all__ = ["EN", "LANGUAGES", "RU", "Message", "given", "phrase", "say", "text_in"]
