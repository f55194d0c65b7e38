"""What a person reads as English: the filter the Russian walk and the command line's tests hold Russian output to.

What may stay Latin is narrow: words inside code spans (`isodocs review DOC --by ROLE`, `status: retired`),
inside quotes (user text, as the messages quote it), tokens that are identifiers (they hold a digit, `-`, `_`,
`.`, `/`, `:` or `@`: ids, paths, rule and catalog ids, options), the proper names in NAMES, and the words a
caller names as code (the command line's command names and the values of its choices, `{text,json}`)."""

from __future__ import annotations

import argparse
import re

NAMES = {"isodocs", "ISO", "IEC", "git", "CODEOWNERS", "mkdocs",                     # the names of things
         "CI", "GitHub", "GitLab", "Pages", "Dependabot", "Markdown", "PDF", "Pango",
         "YAML", "AQAP", "Renovate", "JUnit", "SARIF", "OHSAS", "Word", "Office", "LibreOffice", "OpenDocument",
         "HTML", "RTF", "WeasyPrint", "README", "iCalendar"}
CODE = re.compile(r"\\?`[^`\n]*?\\?`|<[^>\n]*>")  # code spans, and HTML tags of the Markdown reports
QUOTED = re.compile(r"'[^'\n]*'|«[^»\n]*»|\"[^\"\n]*\"|“[^”\n]*”")
IDENTIFIER = re.compile(r"[0-9_./:@=-]")


def english(text: str, people: frozenset[str] = frozenset(), code: frozenset[str] = frozenset()) -> list[str]:
    """The Latin words of `text` a person reads as English prose (`people`: names from git, user text; `code`:
    words that are typed as they are, such as command names)."""
    text = QUOTED.sub(" ", CODE.sub(" ", text))
    for name in people:
        text = text.replace(name, " ")
    words = []
    for token in re.split(r"[\s()\[\],;|*<>]+", text):
        token = token.strip(".:!?")
        if not token or IDENTIFIER.search(token) or token.strip("{}") in code:
            continue
        words += [w for w in re.findall(r"[A-Za-z]{2,}", token) if w not in NAMES]
    return words


def commands(parser: argparse.ArgumentParser, above: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand the parser has, read from it, so a new command is covered without a test
    change."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(*above, name), *commands(sub, (*above, name))]
    return found


def typed_as_is(parser: argparse.ArgumentParser) -> frozenset[str]:
    """The words a person types as they are: command names and the values of choices."""
    words = {word for path in commands(parser) for word in path}
    parsers = [parser]
    while parsers:
        for action in parsers.pop()._actions:
            words.update(str(choice) for choice in action.choices or ())
            if isinstance(action, argparse._SubParsersAction):
                parsers += action.choices.values()
    return frozenset(words)
