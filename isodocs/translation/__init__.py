"""One way to say anything a person reads, in the repository's language.

Every text lives under a key in one table per language (`en.py`, `ru.py`), with the same `{parameters}`
in each; a counted word lists its plural forms in the language's CLDR order, `{count|file|files}`.
`t(key, language, **params)` says a text; `say(key, **params)` makes a `Message`: the English text
(what JSON, SARIF and the other machine formats carry) that remembers its key and parameters, so a
report can say it again in the repository's language. Parameters that are themselves messages, tuples
of messages (joined with ", ", or `{name:; }` with "; ") or `given(en=..., ru=...)` (data that exists
per language, such as a clause's title) are said in the same language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

from isodocs.translation import en, plural, ru

LANGUAGES: dict[str, dict[str, str]] = {"en": en.TEXTS, "ru": ru.TEXTS}
DEFAULT = "en"
GIVEN = "@given"  # the key of a text given per language, not translated by a table


class _Formatter(string.Formatter):
    """str.format with `{n|form|form...}` for counted words, and tuples joined (`{names}`, `{names:; }`)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if "|" in field_name:
            name, *forms = field_name.split("|")
            return plural.form(self.language, int(kwargs[name]), forms), name
        return super().get_field(field_name, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if isinstance(value, tuple):  # a list: `{names}` joins with ", ", `{names:; }` with what follows the colon
            return (format_spec or ", ").join(str(v) for v in value)
        return super().format_field(value, format_spec)


_FORMATTERS = {language: _Formatter(language) for language in LANGUAGES}


def language_of(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT


def template(key: str, language: str) -> str:
    return LANGUAGES[language_of(language)][key]


def t(key: str, language: str, /, **params: Any) -> str:
    """The text under `key` in the language, its parameters (and any messages among them) said in it too."""
    language = language_of(language)
    return _FORMATTERS[language].vformat(template(key, language), (), _said(params, language))


def _said(params: Mapping[str, Any], language: str) -> dict[str, Any]:
    return {name: _value(value, language) for name, value in params.items()}


def _value(value: Any, language: str) -> Any:
    if isinstance(value, Message):
        return value.said_in(language)
    if isinstance(value, tuple):
        return tuple(_value(v, language) for v in value)
    return value


class Message(str):
    """English text that can be said again in another language."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Message:
        text = super().__new__(cls, _render(key, DEFAULT, params))
        text.key = key
        text.params = params
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.params))

    def said_in(self, language: str) -> str:
        language = language_of(language)
        if language == DEFAULT:
            return str(self)
        return _render(self.key, language, self.params)


def _render(key: str, language: str, params: dict[str, Any]) -> str:
    if key == GIVEN:
        return str(params.get(language) or params[DEFAULT])
    return t(key, language, **params)


def _rebuild(key: str, params: dict[str, Any]) -> Message:
    return Message(key, **params)


def say(key: str, /, **params: Any) -> Message:
    return Message(key, **params)


def given(**texts: str | None) -> Message:
    """A text that exists per language (a clause's title in the catalog), English first: given(en=..., ru=...)."""
    return Message(GIVEN, **{language: text or "" for language, text in texts.items() if text or language == DEFAULT})


def value(text: str) -> Message:
    """A front matter value (status, type, classification, ...) that each language names in its own words."""
    key = f"value.{text}"
    return say(key) if key in LANGUAGES[DEFAULT] else given(en=text)


def text_in(value: str, language: str) -> str:
    """A finding's message in the language, when it knows how to say it."""
    return value.said_in(language) if isinstance(value, Message) else value


class Translator:
    """`t` bound to one language: `Translator("ru")("report-errors")`, and `translator["key"]` for a bare text."""

    def __init__(self, language: str, prefix: str = "") -> None:
        self.language = language_of(language)
        self.prefix = prefix

    def __call__(self, key: str, /, **params: Any) -> str:
        return t(self.prefix + key, self.language, **params)

    def __getitem__(self, key: str) -> str:
        return template(self.prefix + key, self.language)

    def get(self, key: str, default: str | None = None) -> str | None:
        return LANGUAGES[self.language].get(self.prefix + key, default)

    def message(self, value: str) -> str:
        return text_in(value, self.language)


__all__ = ["LANGUAGES", "Message", "Translator", "given", "say", "t", "text_in", "value"]
