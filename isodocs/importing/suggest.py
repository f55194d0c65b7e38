"""Which catalog clauses and controls an imported document most likely addresses.

The score is plain weighted word overlap, so that a person can see why a clause was proposed. Words
are cut to a stem (a common English or Russian ending removed, then the first six letters kept). Each
word of a clause's title counts by how rare it is among all titles (idf), times where the document
uses it: 3 in its title, 2 in a heading, 1 in its text, 0 when absent. A clause's score is that sum
over the best possible sum (all its words in the title), from 0 to 1, for its English or its
Russian title, whichever scores higher (documents are not always written in the repository's
language; the title shown is the repository's); clauses at or above THRESHOLD
are proposed, best first, at most LIMIT of them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from isodocs.model.catalog import Catalog

THRESHOLD = 0.7
LIMIT = 6
STEM = 6
WEIGHTS = {"title": 3.0, "heading": 2.0, "text": 1.0}
STOP = frozenset("""a an and are as at be by for from in into is it its of on or the to with within without we
us our you your do if no so up
this that these those their other than all any not only use used using
и в во на по с со к ко о об от до из за для или не ни а но как что это его ее их при под над без между через
также том той тех""".split())
ENDINGS_EN = ("ations", "ation", "ments", "ment", "ities", "ity", "ings", "ing", "ions", "ion", "ies", "ed", "es",
              "s", "al")
ENDINGS_RU = ("ованием", "ование", "ования", "ениями", "ениям", "ениях", "ением", "ения", "ение", "ении", "остью",
              "ости", "ость", "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий", "ый", "ая",
              "яя", "ое", "ее", "ые", "ие", "ых", "их", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ы", "и",
              "а", "я", "о", "е", "у", "ю", "ь")


@dataclass(frozen=True)
class Suggestion:
    catalog: str
    clause: str
    title: str
    score: float


def stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return (word[:-3] + "y")[:STEM]
    endings = ENDINGS_RU if re.search("[а-я]", word) else ENDINGS_EN
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:STEM]


def words(text: str) -> set[str]:
    found = re.findall(r"[a-zа-я]+", text.lower().replace("ё", "е"))
    return {stem(word) for word in found if len(word) >= 2 and word not in STOP} - GENERIC


# Words that name a kind of document say nothing about its subject ("Backup policy" is about backup).
GENERIC = frozenset(stem(word) for word in """policy policies procedure procedures plan plans programme
register manual guideline политика политики процедура процедуры порядок план программа реестр
руководство""".split())
# Sections every document has: their headings weigh no more than the text.
BOILERPLATE = frozenset({
    "purpose", "scope", "responsibilities", "responsibility", "procedure", "records", "definitions", "references",
    "introduction", "terms and definitions", "назначение", "цель", "область применения", "ответственность",
    "процедура", "записи", "термины и определения", "ссылки", "введение", "нормативные ссылки"})


_TITLES: dict[tuple[Path, str], tuple[tuple[str, str, tuple[frozenset[str], ...]], ...]] = {}


def _titles(catalog: Catalog, language: str) -> tuple[tuple[str, str, tuple[frozenset[str], ...]], ...]:
    """(clause id, title shown, the words of its English and its Russian title)."""
    key = (catalog.path, language)  # a repository's own catalog may share its id with another repository's
    if key in _TITLES:
        return _TITLES[key]
    entries = []
    for entry in catalog.entries.values():
        if not entry.title:
            continue
        title = catalog.title_of(entry, language)
        forms = {frozenset(words(text)) for text in (title, entry.title, entry.title_ru or "")} - {frozenset()}
        entries.append((entry.id, title, tuple(sorted(forms, key=sorted))))
    _TITLES[key] = tuple(entries)
    return _TITLES[key]


def suggest(catalogs: list[Catalog], language: str, title: str, headings: list[str], text: str,
            limit: int = LIMIT, threshold: float = THRESHOLD) -> list[Suggestion]:
    weight: dict[str, float] = {}
    proper = [h for h in headings if _plain(h) not in BOILERPLATE]
    for place, part in (("text", text), ("heading", " ".join(proper)), ("title", title)):
        for word in words(part):
            weight[word] = WEIGHTS[place]
    entries = [(catalog, entry, name, forms) for catalog in catalogs
               for entry, name, forms in _titles(catalog, language) if forms]
    frequency: dict[str, int] = {}
    for *_, forms in entries:
        for token in set().union(*forms):
            frequency[token] = frequency.get(token, 0) + 1
    total = len(entries)
    rarity = {token: math.log((1 + total) / count) for token, count in frequency.items()}
    scored = []
    for catalog, entry, name, forms in entries:
        score = max(_score(tokens, weight, rarity) for tokens in forms)
        if score >= threshold:
            scored.append(Suggestion(catalog.id, entry, name, round(score, 2)))
    scored.sort(key=lambda s: (-s.score, s.catalog, s.clause))
    return scored[:limit]


def _score(tokens: frozenset[str], weight: dict[str, float], rarity: dict[str, float]) -> float:
    best = sum(rarity[t] for t in tokens) * WEIGHTS["title"]
    return sum(rarity[t] * weight.get(t, 0.0) for t in tokens) / best if best > 0 else 0.0


def _plain(heading: str) -> str:
    return " ".join(re.findall(r"[a-zа-яё]+", heading.lower()))
