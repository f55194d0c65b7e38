"""CLDR plural categories of whole numbers, per language (https://cldr.unicode.org, plurals.xml).

A template names the forms of a counted word in its language's order: `{days|day|days}` in English
(one, other), `{days|день|дня|дней}` in Russian (one, few, many).
"""

from __future__ import annotations

from collections.abc import Callable


def _english(n: int) -> str:
    return "one" if n == 1 else "other"


def _russian(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


RULES: dict[str, tuple[tuple[str, ...], Callable[[int], str]]] = {
    "en": (("one", "other"), _english),
    "ru": (("one", "few", "many"), _russian),
}


def categories(language: str) -> tuple[str, ...]:
    """The forms a template of the language gives for a counted word, in order."""
    return RULES[language][0]


def category(language: str, n: int) -> str:
    return RULES[language][1](abs(n))


def form(language: str, n: int, forms: list[str]) -> str:
    """The form of a counted word for `n` among the forms given in the language's order."""
    names, rule = RULES[language]
    return forms[names.index(rule(abs(n)))]
