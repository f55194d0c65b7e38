"""The command line speaks the user's language: its help, its values' names and argparse's own texts and usage
errors, with the language chosen before parsing (the repository's, `new --language`, the locale, English).

Each case runs the installed `isodocs` in a Russian repository made by `isodocs new --language ru` (with an English
locale, so the repository decides), outside any repository with a Russian locale, and in an English repository with
a Russian locale (which stays English)."""

from __future__ import annotations

import argparse
import ast
import gettext
import os
import string
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from english import commands, english, typed_as_is
from hypothesis import given as for_all, settings, strategies as st
from scaffold import scaffold

from isodocs.cli_language import (
    ARGPARSE,
    ARGPARSE_COUNTED,
    LOCALE_VARIABLES,
    PROGRAMMERS_ONLY,
    ArgparseTexts,
    language_for,
    locale_language,
)
from isodocs.main import build_parser, main
from isodocs.translation import LANGUAGES, t

ISODOCS = Path(sys.executable).parent / "isodocs"
CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


PARSER = build_parser()
CODE = typed_as_is(PARSER)
HELP = [["--help"], *([*path, "--help"] for path in commands(PARSER))]
USAGE_ERRORS = {
    "missing argument": ["review"],
    "missing option": ["review", "POL-001"],
    "option without its value": ["review", "POL-001", "--by"],
    "unknown option": ["check", "--bogus"],
    "invalid choice": ["check", "--severity", "fatal"],
    "bad date": ["check", "--today", "2026-02-30"],
    "bad interval": ["tasks", "--within", "3 moons"],
    "unknown command": ["frobnicate"],
    "missing table": ["export"],
    "missing subcommand": ["evidence"],
    "options that exclude each other": ["site", "build", "-q", "-v"],
    "no command": [],
}
PLACES = ("russian repository", "russian locale outside", "english repository")


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, str]]]:
    """Where each run happens and the locale it has."""
    base = tmp_path_factory.mktemp("cli")
    russian = scaffold(base / "russian", "iso27001-2022", extra=("--language", "ru"))
    english_repository = scaffold(base / "english", "iso27001-2022", extra=("--language", "en"))
    outside = base / "outside"
    outside.mkdir()
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    clean["COLUMNS"] = "250"   # argparse wraps no help line, so a quoted name is not cut in two
    return {"russian repository": (russian, {**clean, "LANG": "C.UTF-8"}),
            "russian locale outside": (outside, {**clean, "LANG": "ru_RU.UTF-8"}),
            "english repository": (english_repository, {**clean, "LANG": "ru_RU.UTF-8"})}


def isodocs(where: tuple[Path, dict[str, str]], args: list[str]) -> subprocess.CompletedProcess[str]:
    folder, environment = where
    return subprocess.run([str(ISODOCS), *args], cwd=folder, env=environment, capture_output=True, text=True)


def assert_said_in(place: str, said: str) -> None:
    if place == "english repository":
        assert not CYRILLIC & set(said.lower()), said
        return
    lines = [line for line in said.splitlines() if english(line, code=CODE)]
    assert not lines, "\n".join(lines[:10])


def test_every_command_is_enumerated():
    assert {("check",), ("evidence", "add"), ("site", "scan"), ("standards", "show")} <= set(commands(PARSER))
    assert len(HELP) > 20


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("args", HELP, ids=" ".join)
def test_help_is_in_the_users_language(places, place: str, args: list[str]):
    result = isodocs(places[place], args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: " if place == "english repository" else "использование: ")
    assert_said_in(place, result.stdout + result.stderr)


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("case", USAGE_ERRORS)
def test_usage_errors_are_in_the_users_language(places, place: str, case: str):
    result = isodocs(places[place], USAGE_ERRORS[case])
    assert "Traceback" not in result.stderr
    assert result.returncode == 2 and not result.stdout, result.stderr
    lines = result.stderr.strip().splitlines()
    error = "error" if place == "english repository" else "ошибка"
    assert lines[-1].startswith("isodocs") and f": {error}: " in lines[-1], result.stderr
    if case == "no command":   # isodocs' own usage error: one line
        assert len(lines) == 1, result.stderr
    else:                      # argparse's: the usage, then one line
        assert lines[0].startswith("usage: " if place == "english repository" else "использование: ")
    assert_said_in(place, result.stderr)


def test_a_russian_repository_named_on_the_command_line_decides(places):
    russian, _ = places["russian repository"]
    _, english_locale = places["russian repository"]
    outside = places["russian locale outside"][0]
    for args in (["check", str(russian), "--severity", "fatal"], ["tasks", "--path", str(russian), "--bogus"],
                 ["review", f"--path={russian}"]):
        result = isodocs((outside, english_locale), args)
        assert result.returncode == 2 and "ошибка" in result.stderr, (args, result.stderr)


def test_the_english_text_of_argparse_is_argparse_s_own():
    """An English command line reads exactly as argparse writes it."""
    for message, (key, placeholders) in ARGPARSE.items():
        assert t(f"cli.argparse.{key}", "en", **placeholders) == message
        assert ArgparseTexts("en").gettext(message) == message
    for one, many in ARGPARSE_COUNTED:
        assert ArgparseTexts("en").ngettext(one, many, 1) == one
        assert ArgparseTexts("en").ngettext(one, many, 3) == many


def said_by_argparse() -> set[str | tuple[str, str]]:
    """Every text the running Python's argparse passes to gettext, read from its source."""
    found: set[str | tuple[str, str]] = set()
    for node in ast.walk(ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if node.func.id == "_" and texts:
                found.add(texts[0])
            elif len(texts) == 2:
                found.add((texts[0], texts[1]))
    return found


def test_every_text_argparse_says_to_a_person_has_a_translation():
    said = said_by_argparse()
    assert "usage: " in said and len(said) > 25
    missing = {text for text in said
               if text not in ARGPARSE and text not in ARGPARSE_COUNTED and
               (text[0] if isinstance(text, tuple) else text) not in PROGRAMMERS_ONLY}
    assert missing == set()


VALUES = {"prog": "isodocs", "message": "m", "argument_name": "--x", "option": "--x", "matches": "--xa, --xb",
          "type": "int", "value": "v", "choices": "a, b", "parser_name": "p", "filename": "f", "error": "e",
          "default": "d", "heading": "h"}


def filled(text: str) -> str:
    """A text as argparse fills it in: named placeholders from a mapping, a bare one from a tuple."""
    return text % VALUES if "%(" in text else text % ("s",) if "%" in text else text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_argparse_fills_in_every_translated_text(language: str):
    """argparse formats each text with % afterwards: a translation keeps its placeholders and no stray %."""
    texts = ArgparseTexts(language)
    for message in ARGPARSE:
        said = filled(texts.gettext(message))
        assert "%" not in said and (language == "ru" or said == filled(message))
    for n in (1, 2, 5, 21):
        said = texts.ngettext("expected %s argument", "expected %s arguments", n) % n
        assert said.split()[1] == str(n)


def test_argparse_gets_its_own_texts_back(capsys):
    original = argparse._, argparse.ngettext
    with pytest.raises(SystemExit):
        main(["check", "--bogus"])
    assert (argparse._, argparse.ngettext) == original
    assert "error" in capsys.readouterr().err


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "isodocs.yml").write_text(text, encoding="utf-8")
    return folder


def test_the_language_comes_from_the_repository_then_new_then_the_locale(places, tmp_path: Path, monkeypatch):
    russian = places["russian repository"][0]
    english_repository = places["english repository"][0]
    monkeypatch.chdir(tmp_path)
    ru, en = {"LANG": "ru_RU.UTF-8"}, {"LANG": "en_US.UTF-8"}
    assert language_for(["check", str(russian)], en) == "ru"
    assert language_for(["check", "--format", "json", "--output", "x", str(russian / "docs")], en) == "ru"
    assert language_for(["site", "build", "--site-dir", str(tmp_path), str(russian)], en) == "ru"
    assert language_for(["tasks", "--path", str(russian)], en) == "ru"
    assert language_for(["tasks", f"--path={english_repository}"], ru) == "en"
    assert language_for(["tasks", "--path", str(tmp_path / "nowhere")], ru) == "ru"   # no repository: the locale
    assert language_for(["import", str(russian / "docs")], en) == "en"   # not where import's repository is
    assert language_for(["new", "--language", "ru"], en) == "ru"
    assert language_for(["new", "--language=en"], ru) == "en"
    assert language_for(["new", "--language", "de"], ru) == "ru"
    monkeypatch.chdir(russian / "docs")
    assert language_for(["tasks"], en) == "ru"   # the current folder, inside the repository


def test_a_broken_isodocs_yml_is_asked_for_its_language_line_and_leaves_the_error_to_the_command(tmp_path: Path):
    broken = write(tmp_path / "broken", "language: ru\norganization: [unclosed\n")
    assert language_for(["check", str(broken)], {}) == "ru"
    unnamed = write(tmp_path / "unnamed", "organization: [unclosed\n")
    assert language_for(["check", str(unnamed)], {"LANG": "ru_RU.UTF-8"}) == "ru"   # no line: the locale's
    assert language_for(["check", str(unnamed)], {}) == "en"
    result = subprocess.run([str(ISODOCS), "check", str(broken)], capture_output=True, text=True,
                            env={**os.environ, "LANG": "C"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()   # the command's own one-line error, in whatever language it tells it
    assert len(lines) == 1 and lines[0].startswith("isodocs: ") and "isodocs.yml:" in lines[0], result.stderr


@pytest.mark.parametrize(("environment", "language"), [
    ({}, "en"),
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "ru"}, "ru"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "en"),
    ({"LANGUAGE": "ru:en", "LC_ALL": "en_US.UTF-8"}, "ru"),
    ({"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LANGUAGE": "C:ru"}, "en"),
    ({"LANGUAGE": "", "LANG": "ru_RU.KOI8-R@euro"}, "ru"),
])
def test_the_locale_is_read_as_gettext_reads_it(tmp_path: Path, monkeypatch, environment, language: str):
    monkeypatch.chdir(tmp_path)
    assert language_for(["check", "--bogus"], environment) == language


LOCALES = st.one_of(st.sampled_from(["ru_RU.UTF-8", "ru", "RU", "russian", "ru@latin", "ru_UA", "en_US.UTF-8",
                                     "english", "de_DE", "uk_UA", "C", "POSIX", "C.UTF-8", ""]),
                    st.text(alphabet=string.ascii_letters + "_.@", max_size=10))


@pytest.fixture(scope="module")
def localedir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog folder as gettext looks for one, with a message file for each of isodocs' languages."""
    folder = tmp_path_factory.mktemp("locale")
    for language in LANGUAGES:
        (folder / language / "LC_MESSAGES").mkdir(parents=True)
        (folder / language / "LC_MESSAGES" / "isodocs.mo").write_bytes(b"")
    return folder


@settings(deadline=None, max_examples=300)
@for_all(st.dictionaries(st.sampled_from(LOCALE_VARIABLES), st.lists(LOCALES, max_size=3).map(":".join)))
def test_the_locale_picks_the_language_gettext_would_pick(localedir: Path, environment: dict[str, str]):
    with mock.patch.dict(os.environ, environment):
        for name in set(LOCALE_VARIABLES) - set(environment):
            os.environ.pop(name, None)
        found = gettext.find("isodocs", str(localedir))
    assert locale_language(environment) == (Path(found).parts[-3] if found else "en")


@settings(deadline=None, max_examples=200)
@for_all(st.lists(st.one_of(st.sampled_from(["check", "new", "site", "build", "--path", "--language", "ru", "-",
                                             "--path=", "=", ".", "..", "/", "\x00", "--language="]),
                            st.text(max_size=12)), max_size=6))
def test_the_pre_scan_never_fails(argv: list[str]):
    assert language_for(argv, {}) in ("en", "ru")
