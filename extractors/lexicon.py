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

__all__ = ["is_common_word", "is_known_word"]


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


def is_known_word(word: str, lang: str) -> bool:
    """Whether ``lang``'s dictionary lists a word in any case ("Umsatz", "Siemens", "Linzer"),
    or a compound of listed words ("Kundenkonzentration": Kunden|Konzentration, also with a
    linking s: "Unternehmenssoftware"): a capitalised word it does not know ("Voestalpine",
    "Wirecard") is likely a name. A language without a dictionary knows every word."""
    forms = _forms(lang)
    if forms is None or word in forms or word.lower() in forms:
        return True
    for cut in range(3, len(word) - 3):  # both parts of three and four letters at least
        head, tail = word[:cut], word[cut:]
        if tail.capitalize() in forms and any(
            h in forms or h.lower() in forms or h.capitalize() in forms
            for h in (head, head[:-1] if head[-1:] == "s" else "")
            if h
        ):
            return True
    return False
