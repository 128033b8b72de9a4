"""Which words are a language's common words: to tell a capitalised common word ("Business",
"Compared", "Overseas" at the start of a sentence or a heading) from a name a tagger missed.

The word lists are simplemma's (MIT; a PyPI dependency, read offline): one dictionary of word
forms per language, in which common words are written in lower case and proper nouns as
capitalised ("Microsoft", "Dublin"). A word is common when its lower-case form is listed and its
capitalised form is not: "Business" and "Announcing" are, "Shell" and "Amazon" (listed as names
too) are not. A language simplemma does not cover has no common words here (nothing is filtered).
"""

from __future__ import annotations

import mmap
import os
import tempfile
from collections.abc import Container, Mapping
from functools import cache
from pathlib import Path

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
    """Whether a single capitalised word is a common word of ``lang`` rather than a name. A word
    in capitals of three letters or more is an acronym, whatever it spells ("BAA", "SAP")."""
    forms = _forms(lang)
    if forms is None or not word[:1].isupper() or (len(word) >= 3 and word.isupper()):
        return False
    return word.lower() in forms and word not in forms


class _SortedForms(Container[str]):
    """A language's word forms as a sorted file of lines, searched in place (``mmap`` and
    bisection): membership without loading a million forms into memory, so the first German
    article of a process does not pay simplemma's second of unpickling."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as f:
            self._data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

    def _line_at(self, pos: int) -> tuple[int, bytes]:
        start = self._data.rfind(b"\n", 0, pos) + 1
        end = self._data.find(b"\n", start)
        return start, self._data[start : end if end >= 0 else len(self._data)]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        key = word.encode("utf-8")
        lo, hi = 0, len(self._data)
        while lo < hi:
            mid = (lo + hi) // 2
            start, line = self._line_at(mid)
            if line == key:
                return True
            if line < key:
                lo = start + len(line) + 1
            else:
                hi = start
        return False


def _cache_dir() -> Path:
    """Where derived data is kept between runs: ``NEWSFACTS_CACHE_DIR``, else the user's cache."""
    configured = os.environ.get("NEWSFACTS_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfacts"


@cache
def _known_forms(lang: str) -> Container[str] | None:
    """The language's word forms for membership tests: a sorted file in the cache, written from
    simplemma's dictionary on first use (atomically; a cache that cannot be written leaves the
    dictionary in memory). Keyed by simplemma's version, so an upgrade rebuilds it."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover - a core dependency
        return None
    path = _cache_dir() / f"simplemma-{getattr(simplemma, '__version__', 'x')}-{lang}.forms"
    if path.is_file():
        return _SortedForms(path)
    forms = _forms(lang)
    if forms is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = sorted({w.encode("utf-8") for w in forms if w and "\n" not in w})
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            tmp.write(b"\n".join(lines))
        os.replace(tmp.name, path)
    except OSError:
        return forms
    return forms


def is_known_word(word: str, lang: str) -> bool:
    """Whether ``lang``'s dictionary lists a word in any case ("Umsatz", "Siemens", "Linzer"),
    or a compound of listed words ("Kundenkonzentration": Kunden|Konzentration, also with a
    linking s: "Unternehmenssoftware"): a capitalised word it does not know ("Voestalpine",
    "Wirecard") is likely a name. A language without a dictionary knows every word."""
    forms = _known_forms(lang)
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
