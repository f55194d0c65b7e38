"""Refuse bad answers before the template writes anything (cookiecutter then removes the folder).

Cookiecutter renders this file with Jinja before running it; the only Jinja here sits inside the
raw string below, so the file is also plain, importable Python: `isodocs new` imports `problems`
to check the answers itself before it calls cookiecutter. Keep this file free of other imports
from isodocs: plain cookiecutter and cruft run it where isodocs may not be installed.
"""

from __future__ import annotations

import json
import re
import sys

STANDARDS = ("iso27001_2022", "iso9001_2026", "iso9001_2015", "iso14001_2026", "iso14001_2015", "iso45001_2018",
             "iso42001_2023", "iso27701_2025", "iso22301_2019", "iso50001_2018", "aqap2110_2016", "iso31000_2018")
# Additions to another standard, and the editions of that standard one of which must be chosen with them.
ADDITIONS = {"aqap2110_2016": ("iso9001_2015", "iso9001_2026")}
LANGUAGES = ("en", "ru")
CI_PROVIDERS = ("github", "gitlab", "none")
SLUG = re.compile(r"^\w[\w.-]*$")
MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
INTERVAL = re.compile(r"^[1-9][0-9]* *(day|days|week|weeks|month|months|year|years)$")
# These land in YAML, a requirements file and shell commands, so they are held to plain characters.
VERSION = re.compile(r"^[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.post[0-9]+)?(\.dev[0-9]+)?$")
HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[\w.~%+-]+)*/?$", re.ASCII)
FILE_URL = re.compile(r"^file:///[\w.~%+/-]+$", re.ASCII)   # a mirror on a shared disk, or a test's
GIT_URL = re.compile(r"^git\+(https|ssh)://([A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+(:[0-9]+)?(/[\w.~%+-]+)+"
                     r"@[\w./+-]+$", re.ASCII)
# Written in pieces so that Jinja, which renders this file, does not take them for its own tags.
TEMPLATE_MARKS = ("{" + "{", "{" + "%", "{" + "#")
FREE_TEXT = ("organization", "top_management", "system_owner", "security_officer", "reviewers")


def is_on(value: object) -> bool:
    return str(value).strip().lower() in ("true", "yes", "y", "1")


# Plain cookiecutter and cruft run this hook without isodocs, so what it says to a person keeps its languages here
# rather than in isodocs/translation/.
SAID = {
    "no-organization": ("the organization name is empty: give the organization's legal or usual name",
                        "не указано название организации: укажите полное или обычное название организации"),
    "slug": ("'{slug}' is not a plain folder name: use letters, digits, '-', '_' or '.', with no '/'",
             "«{slug}» не годится как имя папки: используйте буквы, цифры, «-», «_» или «.», без «/»"),
    "no-standard": ("no standard chosen: answer yes to at least one of {standards}",
                    "не выбран ни один стандарт: ответьте «yes» хотя бы для одного из {standards}"),
    "addition": ("{addition} adds to ISO 9001 and cannot stand alone: answer yes to {bases} as well",
                 "{addition} дополняет ISO 9001 и не применяется отдельно: ответьте «yes» и для {bases}"),
    "or": (" or ", " или "),
    "language": ("language '{value}' is not one of {choices}", "язык «{value}» не входит в число {choices}"),
    "ci": ("CI provider '{value}' is not one of {choices}", "платформа CI «{value}» не входит в число {choices}"),
    "interval": ("review interval '{value}' should read like '12 months' or '90 days'",
                 "интервал пересмотра «{value}» записывается как «12 months» или «90 days»"),
    "month": ("first audit month '{value}' should read like 2027-03 (YYYY-MM)",
              "месяц первого аудита «{value}» записывается как 2027-03 (ГГГГ-ММ)"),
    "version": ("isodocs version '{value}' is not a release number like 1.2.0",
                "версия isodocs «{value}» не является номером выпуска вида 1.2.0"),
    "repository": ("isodocs repository '{value}' should be an https:// URL of a git repository, like "
                   "https://github.com/isodocs/isodocs",
                   "репозиторий isodocs «{value}» должен быть адресом https:// git-репозитория, например "
                   "https://github.com/isodocs/isodocs"),
    "source": ("isodocs source '{value}' should be 'git', 'index', the https:// URL of a package index, or a pinned "
               "git URL like git+https://example.org/isodocs.git@v1.2.0",
               "источник isodocs «{value}» должен быть «git», «index», адресом https:// индекса пакетов или "
               "git-адресом с закреплённой версией, например git+https://example.org/isodocs.git@v1.2.0"),
    "free-text": ("the answer for {name} contains template syntax or control characters: write plain text",
                  "ответ для «{name}» содержит синтаксис шаблона или управляющие символы: напишите обычный текст"),
    "error": ("error: {problem}", "ошибка: {problem}"),
}


def said(key: str, language: str, **values: object) -> str:
    english, russian = SAID[key]
    return (russian if language == "ru" else english).format(**values)


def listed(values: tuple[str, ...], language: str) -> str:
    return ", ".join(f"«{value}»" if language == "ru" else value for value in values)


def problems(answers: dict) -> list[str]:
    """Every answer that cannot make a good repository, each with how to fix it, in the answers' language."""
    language = str(answers.get("language", "en"))
    found = []

    def say(key: str, **values: object) -> None:
        found.append(said(key, language, **values))

    if not str(answers.get("organization", "")).strip():
        say("no-organization")
    slug = str(answers.get("project_slug", "repository"))
    if not SLUG.match(slug) or slug in (".", ".."):
        say("slug", slug=slug)
    if not any(is_on(answers.get(name)) for name in STANDARDS):
        say("no-standard", standards=", ".join(STANDARDS))
    for addition, bases in ADDITIONS.items():
        if is_on(answers.get(addition)) and not any(is_on(answers.get(base)) for base in bases):
            say("addition", addition=addition, bases=said("or", language).join(bases))
    if answers.get("language", "en") not in LANGUAGES:
        say("language", value=answers.get("language"), choices=listed(LANGUAGES, language))
    if answers.get("ci_provider", "none") not in CI_PROVIDERS:
        say("ci", value=answers.get("ci_provider"), choices=listed(CI_PROVIDERS, language))
    if not INTERVAL.match(str(answers.get("review_interval", "12 months")).strip()):
        say("interval", value=answers.get("review_interval"))
    if not MONTH.match(str(answers.get("audit_start", "2027-03")).strip()):
        say("month", value=answers.get("audit_start"))
    if not VERSION.match(str(answers.get("isodocs_version", "0")).strip()):
        say("version", value=answers.get("isodocs_version"))
    repository = str(answers.get("isodocs_repository", "https://example.org/isodocs")).strip()
    if not HTTPS_URL.match(repository) and not FILE_URL.match(repository):
        say("repository", value=answers.get("isodocs_repository"))
    source = str(answers.get("isodocs_source", "git")).strip()
    if source not in ("git", "index") and not HTTPS_URL.match(source) and not GIT_URL.match(source):
        say("source", value=source)
    for name in FREE_TEXT:
        value = str(answers.get(name, ""))
        if any(mark in value for mark in TEMPLATE_MARKS) or any(ord(c) < 32 for c in value):
            say("free-text", name=name)
    return found


def main(answers: dict) -> int:
    found = problems(answers)
    for problem in found:
        sys.stderr.write(said("error", str(answers.get("language", "en")), problem=problem) + "\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(json.loads(r"""{{ cookiecutter | jsonify(indent=None) }}""")))
