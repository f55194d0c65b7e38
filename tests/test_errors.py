"""One exception root: every exception isodocs defines derives from IsodocsError, and bad input through the
real command line ends in a message and exit code 2, never a traceback."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

import isodocs
from isodocs.errors import DateError, IsodocsError
from isodocs.files.fences import SplitError, decode, split
from isodocs.files.yamlload import YamlError, parse
from isodocs.model.dates import Interval, parse_date

ISODOCS = Path(sys.executable).parent / "isodocs"


def defined_exceptions() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for module_info in pkgutil.walk_packages(isodocs.__path__, "isodocs."):
        if module_info.name.endswith(".__main__"):
            continue   # runs the command line when imported
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
    return found


def test_every_exception_isodocs_defines_derives_from_the_root():
    found = defined_exceptions()
    assert {"isodocs.errors.IsodocsError", "isodocs.files.yamlload.YamlError", "isodocs.files.fences.SplitError",
            "isodocs.errors.DateError"} <= set(found)
    assert sorted(name for name, cls in found.items() if not issubclass(cls, IsodocsError)) == []


def test_parse_errors_carry_their_line():
    with pytest.raises(YamlError) as yaml_error:
        parse("a: 1\nb: [\n", first_line=4)
    assert yaml_error.value.line == 6 and isinstance(yaml_error.value, IsodocsError)
    with pytest.raises(SplitError) as split_error:
        split("---\nid: X\n")
    assert split_error.value.line == 1
    with pytest.raises(SplitError) as decode_error:
        decode(b"---\nid: X\ntitle: \xff\n---\n")
    assert decode_error.value.line == 3


@pytest.mark.parametrize("text", ["2026-02-30", "yesterday", "2026-13-01"])
def test_an_impossible_date_raises_a_date_error(text: str):
    with pytest.raises(DateError, match="is not a real date"):
        parse_date(text)


@pytest.mark.parametrize("text", ["12 moons", "0 days", "months"])
def test_an_unreadable_interval_raises_a_date_error(text: str):
    with pytest.raises(DateError, match="is not an interval"):
        Interval.parse(text)


def _config(root: Path, old: str, new: str) -> None:
    path = root / "isodocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _broken_front_matter(root: Path) -> None:
    path = root / "docs/policies/information-security-policy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("owner: ", "owner: [", 1), encoding="utf-8")


# (case, change to a copy of the clean fixture, arguments, exit code, part of the message on standard error)
CASES = [
    ("impossible date in isodocs.yml", lambda r: _config(r, "issued: 2026-02-01", "issued: 2026-02-30"),
     ["check"], 2, "isodocs.yml:17: '2026-02-30' is not a real date"),
    ("unreadable interval in isodocs.yml",
     lambda r: _config(r, "review_interval: 12 months", "review_interval: 1 moon"),
     ["tasks"], 2, "isodocs.yml:12: 'defaults.review_interval' is '1 moon'"),
    ("isodocs.yml that does not parse", lambda r: _config(r, "language: en", "language: [en"),
     ["codeowners", "--check"], 2, "isodocs.yml:"),
    ("front matter that does not parse, edited", _broken_front_matter,
     ["review", "docs/policies/information-security-policy.md", "--by", "ciso"], 2, "information-security-policy.md"),
    ("check report written over a folder", None, ["check", "--format", "json", "--output", "docs"], 2, "docs"),
    ("export written over a folder", None, ["export", "soa", "--format", "csv", "--output", "docs"], 2, "docs"),
    ("checklist written over a folder", None,
     ["audit", "checklist", "iso27001-2022", "--format", "xlsx", "--output", "docs"], 2, "docs"),
    ("calendar written over a folder", None, ["tasks", "--format", "ics", "--output", "docs"], 2, "docs"),
    ("no such document", None, ["history", "docs/nope.md"], 2, "no document 'docs/nope.md'"),
    ("unknown role", None, ["approve", "docs/policies/information-security-policy.md", "--by", "nobody"], 2,
     "'nobody' is not a role"),
    ("unknown document type", None, ["add", "widget", "A title", "--owner", "ciso"], 2, "unknown document type"),
    ("unknown clause", None, ["add", "policy", "A title", "--clause", "iso27001-2022:99", "--owner", "ciso"], 2,
     "has no clause '99'"),
    ("unknown catalog", None, ["standards", "show", "iso99999-2099"], 2, "unknown catalog"),
    ("nothing to import", None, ["import", "missing.docx"], 2, "no such file"),
    ("no built site", None, ["site", "scan", "no-site"], 2, "no built site"),
    ("edition not in scope", None, ["migrate", "iso9001-2015", "iso9001-2026"], 2, "not among the standards"),
    ("no git history to compare", None, ["diff", "main"], 2, "git"),
    ("no repository", lambda r: (r / "isodocs.yml").unlink(), ["check"], 2, "no isodocs.yml"),
    ("impossible --today", None, ["check", "--today", "2026-02-30"], 2, "is not a date"),
    ("unreadable --within", None, ["tasks", "--within", "3 moons"], 2, "is not an interval"),
]


def run_case(case, tmp_path: Path, language: str = "en") -> subprocess.CompletedProcess[str]:
    """The case's call on a copy of the clean fixture changed as the case says (and speaking `language`)."""
    _, change, args, code, _ = case
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    if change is not None:
        change(root)
    if language != "en":
        path = root / "isodocs.yml"
        text = path.read_text(encoding="utf-8")
        assert "language: en" in text or "language: [en" in text
        path.write_text(text.replace("language: en", f"language: {language}").replace(
            "language: [en", f"language: [{language}"), encoding="utf-8")
    result = subprocess.run([str(ISODOCS), *args], cwd=root, capture_output=True, text=True)
    assert "Traceback" not in result.stderr
    assert result.returncode == code, result.stderr
    return result


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_through_the_command_line_is_one_line_and_exit_2(case, tmp_path: Path):
    message = case[4]
    result = run_case(case, tmp_path)
    lines = result.stderr.strip().splitlines()
    if lines[-1].startswith("isodocs: error: ") and not lines[0].startswith("usage:"):
        assert len(lines) == 1, result.stderr          # an IsodocsError: one line
    else:
        assert lines[0].startswith("usage: isodocs")    # argparse's own: the usage, then one line
    assert message in lines[-1]


# Said in the locale's language (English in the tests) whatever the repository was: there is none left to ask.
ENGLISH_ONLY = {"no repository"}


@pytest.mark.parametrize("case", [c for c in CASES if c[0] not in ENGLISH_ONLY], ids=lambda c: c[0])
def test_bad_input_in_a_russian_repository_is_one_russian_line_and_exit_2(case, tmp_path: Path):
    from english import english
    lines = run_case(case, tmp_path, "ru").stderr.strip().splitlines()
    line = lines[-1]
    if lines[0].startswith("использование: isodocs"):   # argparse's own: the usage, then one line
        assert line.startswith(f"isodocs {case[2][0]}: ошибка: "), line
    else:
        assert len(lines) == 1 and line.startswith("isodocs: ошибка: "), lines
    roles = frozenset({"ceo", "ciso", "it-lead"})   # ids from isodocs.yml, as the hint lists them
    folder = {" docs:", " docs "}   # `docs`: the folder a case writes over
    assert not english(line, roles | folder, code=frozenset({case[2][0]})), line


def test_every_isodocs_error_crosses_a_process_boundary_whole():
    """A worker process hands back its error pickled: the kind, message key and parameters, file, line, hint and
    language survive, whatever the kind's constructor takes."""
    import pickle

    from isodocs.translation import say
    for name, kind in defined_exceptions().items():
        if not issubclass(kind, IsodocsError):
            continue
        error = kind.__new__(kind)
        IsodocsError.__init__(error, say("date.not-real", text="2026-02-30"), Path("docs/a.md"), 7,
                              say("output.cannot-write-hint"), "ru")
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is kind, name
        assert vars(back) == vars(error) and back.message.key == "date.not-real", name
        assert str(back) == ("docs/a.md:7: '2026-02-30' — несуществующая дата (ГГГГ-ММ-ДД) (подсказка: укажите "
                             "файл в папке, куда у вас есть право записи)"), name


def test_with_no_repository_to_ask_the_error_follows_the_locale(tmp_path: Path):
    from english import english

    said = {}
    for language in ("en_US.UTF-8", "ru_RU.UTF-8"):
        result = subprocess.run([str(ISODOCS), "check", str(tmp_path)], capture_output=True, text=True,
                                env={**os.environ, "LANG": language})
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
        said[language] = result.stderr
    assert said["ru_RU.UTF-8"].startswith("isodocs: ошибка: нет isodocs.yml") and not english(said["ru_RU.UTF-8"])
    assert said["en_US.UTF-8"].startswith("isodocs: error: no isodocs.yml")
