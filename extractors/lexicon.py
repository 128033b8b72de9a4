"""Which words are a language's common words: to tell a capitalised common word ("Business",
"Compared", "Overseas" at the start of a sentence or a heading) from a name a tagger missed.

The word lists are simplemma's (MIT; a PyPI dependency, read offline): one dictionary of word
forms per language, in which common words are written in lower case and proper nouns as
capitalised ("Microsoft", "Dublin"). A word is common when its lower-case form is listed and its
capitalised form is not: "Business" and "Announcing" are, "Shell" and "Amazon" (listed as names
too) are not. A language simplemma does not cover has no common words here (nothing is filtered).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

__all__ = ["is_common_word"]


@cache
def _forms(lang: str) -> Mapping[str, str] | None:
    """The language's word forms, loaded on first use (0.1-0.6 s, once per process)."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
    except ImportError:  # pragma: no cover - a core dependency; kept optional for slim installs
        return None
    try:
        return DefaultDictionaryFactory().get_dictionary(lang)
    except (ValueError, KeyError, OSError):  # a language without a dictionary
        return None


def is_common_word(word: str, lang: str) -> bool:
    """Whether a single capitalised word is a common word of ``lang`` rather than a name."""
    forms = _forms(lang)
    if forms is None or not word[:1].isupper():
        return False
    return word.lower() in forms and word not in forms
