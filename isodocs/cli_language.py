"""The language the command line speaks: chosen from argv and the environment before anything is parsed, and
lent to argparse for its own texts ("usage:", "the following arguments are required: ...").

argparse says its texts through the names `_` and `ngettext` it imports from gettext, and says most of them
while parsing, before isodocs knows the repository. gettext's own route to argparse (a compiled catalog found
through the process's locale) would keep those texts outside the translation tables and follow the locale
rather than the repository, so `speaking(language)` instead lends argparse a `gettext.NullTranslations` whose
texts come from the tables (`cli.argparse.*`) for as long as the parser is built and run, and puts argparse's
own names back afterwards. A text argparse says that the tables do not know stays as argparse says it, and so
does the one text Python 3.10 writes without gettext (the "argument --x:" before a value's error).
"""

from __future__ import annotations

import argparse
import gettext
import locale
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from isodocs.translation import DEFAULT, LANGUAGES, t

# argparse's texts for a person, each with its key and the %-placeholders argparse fills in afterwards: the
# table's `{name}` stands for one of them, and the English table says each exactly as argparse does.
ARGPARSE: dict[str, tuple[str, dict[str, str]]] = {
    "usage: ": ("usage", {}),
    "positional arguments": ("positional", {}),
    "options": ("options", {}),
    "subcommands": ("subcommands", {}),
    "%(heading)s:": ("heading", {"heading": "%(heading)s"}),
    " (default: %(default)s)": ("default", {"default": "%(default)s"}),
    "show this help message and exit": ("help", {}),
    "show program's version number and exit": ("version", {}),
    "%(prog)s: error: %(message)s\n": ("error", {"prog": "%(prog)s", "message": "%(message)s"}),
    "%(prog)s: warning: %(message)s\n": ("warning", {"prog": "%(prog)s", "message": "%(message)s"}),
    "argument %(argument_name)s: %(message)s": ("argument", {"argument": "%(argument_name)s",
                                                             "message": "%(message)s"}),
    "the following arguments are required: %s": ("required", {"names": "%s"}),
    "one of the arguments %s is required": ("one-required", {"names": "%s"}),
    "not allowed with argument %s": ("not-allowed-with", {"other": "%s"}),
    "unrecognized arguments: %s": ("unrecognized", {"names": "%s"}),
    "ambiguous option: %(option)s could match %(matches)s": ("ambiguous", {"option": "%(option)s",
                                                                           "matches": "%(matches)s"}),
    "unexpected option string: %s": ("unexpected-option", {"option": "%s"}),
    "expected one argument": ("expected-one", {}),
    "expected at most one argument": ("expected-at-most-one", {}),
    "expected at least one argument": ("expected-at-least-one", {}),
    "ignored explicit argument %r": ("ignored-value", {"value": "%r"}),
    "invalid %(type)s value: %(value)r": ("invalid-value", {"type": "%(type)s", "value": "%(value)r"}),
    "invalid choice: %(value)r (choose from %(choices)s)": ("invalid-choice", {"value": "%(value)r",
                                                                               "choices": "%(choices)s"}),
    "unknown parser %(parser_name)r (choices: %(choices)s)": ("unknown-command", {"command": "%(parser_name)r",
                                                                                  "choices": "%(choices)s"}),
    "can't open '%(filename)s': %(error)s": ("cannot-open", {"file": "%(filename)s", "error": "%(error)s"}),
    "argument '%(argument_name)s' is deprecated": ("deprecated-argument", {"argument": "%(argument_name)s"}),
    "option '%(option)s' is deprecated": ("deprecated-option", {"option": "%(option)s"}),
    "command '%(parser_name)s' is deprecated": ("deprecated-command", {"command": "%(parser_name)s"}),
}
# ngettext's texts: `{count|...}` takes argparse's number, `{number}` is the placeholder argparse fills with it.
ARGPARSE_COUNTED: dict[tuple[str, str], tuple[str, dict[str, str]]] = {
    ("expected %s argument", "expected %s arguments"): ("expected-n", {"number": "%s"}),
}
# What argparse says only to the programmer who built a parser wrongly (a ValueError or TypeError, never a usage
# error): left in English; the test that reads argparse's source holds this list and ARGPARSE to all it says.
PROGRAMMERS_ONLY = frozenset({
    "'required' is an invalid argument for positionals", "%r is not callable", ".__call__() not defined",
    'argument "-" with mode %r', "cannot have multiple subparser arguments", "cannot merge actions - two groups are "
    "named %r", "dest= is required for options like %r", "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional", "conflicting subparser: %s", "conflicting subparser alias: %s",
    "conflicting option string: %s",
})


class ArgparseTexts(gettext.NullTranslations):
    """argparse's texts in one language, through gettext's interface."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def gettext(self, message: str) -> str:
        if message not in ARGPARSE:   # also None, which Python 3.10 to 3.12 pass for a subparsers' description
            return message
        key, placeholders = ARGPARSE[message]
        return t(f"cli.argparse.{key}", self.language, **placeholders)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if (msgid1, msgid2) not in ARGPARSE_COUNTED:
            return msgid1 if n == 1 else msgid2
        key, placeholders = ARGPARSE_COUNTED[msgid1, msgid2]
        return t(f"cli.argparse.{key}", self.language, count=n, **placeholders)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """argparse says its texts in `language` while the block builds and runs a parser."""
    texts = ArgparseTexts(language)
    lent = {"_": texts.gettext, "ngettext": texts.ngettext}
    own = {name: getattr(argparse, name) for name in lent}
    for name, function in lent.items():
        setattr(argparse, name, function)
    try:
        yield
    finally:
        for name, function in own.items():
            setattr(argparse, name, function)


# Where the repository is named on the command line: `--path` for most commands, the positional path of these.
POSITIONAL_REPOSITORY = (("check",), ("site", "build"))
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")   # gettext's order


def language_for(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak before parsing `argv`: the repository's (`--path`, the positional path of check and
    site build, else the current folder), for `new` its `--language`, else the locale's, else English. Never
    fails: what is wrong with the command line or the repository is for the command to report."""
    words = [word for word in argv if not word.startswith("-")]
    if words[:1] == ["new"]:
        chosen = _option(argv, "--language")
        if chosen in LANGUAGES:
            return chosen
    return _repository_language(argv, words) or locale_language(environ)


def locale_language(environ: Mapping[str, str]) -> str:
    """The first of isodocs' languages the locale names, read as gettext.find reads it: the first variable of
    LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set, a colon-separated list of locales in which C stops the
    search."""
    value = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    for entry in value.split(":"):
        normal = locale.normalize(entry)   # as gettext: `russian` is ru_RU, POSIX is C, C.UTF-8 is en_US
        if normal == "C":
            break
        code = normal.split("@")[0].split(".")[0].split("_")[0]
        if code in LANGUAGES:
            return code
    return DEFAULT


def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of the last `name VALUE` or `name=VALUE` in argv, as argparse would keep it."""
    found = None
    for i, word in enumerate(argv):
        if word == name and i + 1 < len(argv):
            found = argv[i + 1]
        elif word.startswith(name + "="):
            found = word[len(name) + 1:]
    return found


def _repository_language(argv: Sequence[str], words: list[str]) -> str | None:
    path = _option(argv, "--path")
    if path is not None:
        places = [path]
    else:
        # Which words are option values is the parser's to know: a word that names a folder is tried, in order.
        command = next((c for c in POSITIONAL_REPOSITORY if tuple(words[:len(c)]) == c), ())
        places = [word for word in words[len(command):] if command and _is_folder(word)] or ["."]
    for place in places:
        language = _language_at(place)
        if language is not None:
            return language
    return None


def _is_folder(word: str) -> bool:
    try:
        return Path(word).is_dir()
    except (OSError, ValueError):
        return False


def _language_at(place: str) -> str | None:
    """The language of the repository at or above `place` (a broken isodocs.yml asked for its `language:` line);
    None when there is none."""
    from isodocs.model.config import repository_language
    try:
        return repository_language(place)
    except Exception:  # any fault in isodocs.yml: the command says what it is; choosing a language must not
        return None
