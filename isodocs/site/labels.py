"""Labels of the generated pages and panels, per repository language: the `site.` texts of isodocs/translation/."""

from __future__ import annotations

from isodocs.translation import LANGUAGES, Translator

LABELS: dict[str, dict[str, str]] = {
    language: {key.removeprefix("site."): text for key, text in table.items() if key.startswith("site.")}
    for language, table in LANGUAGES.items()}


def labels(language: str) -> Translator:
    return Translator(language, "site.")


def value(language: str, text: str | None) -> str | None:
    """A front matter value (type, status, classification, treatment, grade) said in the language."""
    if text is None:
        return None
    return Translator(language, "value.").get(text, text)
