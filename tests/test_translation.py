"""One translation mechanism: every text in every language with the same parameters, CLDR plural forms,
messages said again in the repository's language, and no second mechanism anywhere in the package."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel import Locale
from hypothesis import given as for_all, settings, strategies as st

from isodocs.files.freezing import freeze_said, thaw_said
from isodocs.translation import LANGUAGES, Message, Translator, given, plural, say, t

PACKAGE = Path(__file__).parent.parent / "isodocs"


def _fields(template: str) -> dict[str, int]:
    """Each parameter of a template, with the number of plural forms it lists (0: a plain parameter)."""
    found: dict[str, int] = {}
    for _, name, _, _ in string.Formatter().parse(template):
        if name:
            base, *forms = name.split("|")
            found[base] = max(found.get(base, 0), len(forms))
    return found


def test_every_text_is_in_every_language_with_the_same_parameters():
    english = LANGUAGES["en"]
    for language, table in LANGUAGES.items():
        assert set(table) == set(english), f"{language}: {sorted(set(table) ^ set(english))}"
        forms = len(plural.categories(language))
        for key, template in table.items():
            mine, theirs = _fields(template), _fields(english[key])
            assert set(mine) == set(theirs), (language, key)
            for name, count in mine.items():
                assert count in (0, forms), f"{language} {key}: {{{name}|...}} needs {forms} forms"


CLDR = {language: Locale(language).plural_form for language in LANGUAGES}


@settings(deadline=None)
@for_all(st.integers(min_value=0, max_value=10**7))
def test_plural_categories_are_cldr_s(n: int):
    for language in LANGUAGES:
        assert plural.category(language, n) == CLDR[language](n)
        assert plural.category(language, n) in plural.categories(language)


@pytest.mark.parametrize(("n", "word"), [(0, "ошибок"), (1, "ошибка"), (2, "ошибки"), (5, "ошибок"), (11, "ошибок"),
                                         (21, "ошибка"), (22, "ошибки"), (112, "ошибок"), (1001, "ошибка")])
def test_a_counted_word_takes_its_russian_form(n: int, word: str):
    assert t("count-errors", "ru", count=n) == f"{n} {word}"
    assert t("count-errors", "en", count=n) == f"{n} error" + "s" * (n != 1)


def test_a_message_is_english_and_said_again_with_its_parameters_in_the_language():
    title = given(en="Information security policy", ru="Политика информационной безопасности")
    problems = (say("problem-overdue", count=2), say("problem-uncovered", count=1))
    message = say("audit-at-risk", kind=say("audit-surveillance"), date="2027-02-01", days=30, problems=problems)
    assert str(message).startswith("the surveillance audit on 2027-02-01 is 30 days away with 2 documents")
    russian = message.said_in("ru")
    assert "инспекционный" in russian and "; " in russian and not re.search("[a-z]{4,}", russian)
    assert say("guess", clause="5.2", title=title).said_in("ru") == \
        "; возможно, имелся в виду '5.2' (Политика информационной безопасности)?"
    assert given(en="Scope").said_in("ru") == "Scope"   # no Russian title: the catalog's own


def test_a_message_survives_the_cache_with_everything_it_says_again():
    message = say("initial-audit-unprepared", date="2027-01-10", days=40,
                  problems=(say("initial-no-review"), say("problem-majors", count=1, ids="NC-1")))
    labelled = say("soa-missing", label=given(en="ISO A.5.1 (Policies)", ru="ISO A.5.1 (Политики)"), clause="A.5.1")
    for original in (message, labelled):
        thawed = thaw_said(freeze_said(original))
        assert isinstance(thawed, Message) and thawed == original
        assert thawed.said_in("ru") == original.said_in("ru") != str(original)


def test_a_translator_is_t_bound_to_a_language_and_a_prefix():
    site = Translator("ru", "site.")
    assert site["register"] == "Реестр документов" == t("site.register", "ru")
    assert Translator("de")("report-errors") == "Errors"   # a language isodocs does not have: English


def test_no_module_keeps_texts_of_its_own_per_language():
    """Texts per language live in isodocs/translation/ only; `title_ru` in catalogs is data, not translation."""
    second = re.compile(r"""["']ru["']\s*:|language\s*==\s*["']ru["']\s+else\s+["']|_RU\s*=\s*{""")
    for path in PACKAGE.rglob("*.py"):
        if "translation" in path.parts:
            continue
        assert not second.search(path.read_text(encoding="utf-8")), path.relative_to(PACKAGE)
