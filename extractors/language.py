"""Language detection: per article and per paragraph, deterministic, honest about short text.

langdetect is random unless seeded, so the seed is set before its first use. Text with too few
letters to judge gives ``LanguageGuess("und", 0.0)`` instead of a confident wrong answer. The
detector is a swappable callable (``Detector``), as in dateparser.

langdetect's own start-up spreads its 55 language profiles into one table of 88,000 n-grams
with 55 probabilities each, in Python, before the first detection: a third of a second of every
``extract``. ``_factory`` reads the same profiles but fills a table row only when a text asks
for that n-gram (``_NgramTable``); the rows, and so every detection, are those of langdetect.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Detector", "LanguageGuess", "MIN_LETTERS", "detect_language", "langdetect_detector"]

MIN_LETTERS = 20  # below this many letters, no detector is reliable


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code ("und" when unknown) and the detector's probability for it."""

    lang: str
    score: float


Detector = Callable[[str], LanguageGuess]


_INIT_LOCK = threading.Lock()


class _NgramTable(dict[str, list[float]]):
    """langdetect's ``word_lang_prob_map`` (n-gram -> one probability per profile), each row
    computed on first use exactly as ``DetectorFactory.add_profile`` computes it."""

    def __init__(self, profiles: Sequence[Mapping[str, Any]], size: int) -> None:
        super().__init__()
        self._profiles = [(p["freq"], p["n_words"]) for p in profiles]
        self._size = size  # add_profile's row length: every entry of the profile folder
        self._known = frozenset().union(*(freq for freq, _ in self._profiles))

    def __contains__(self, word: object) -> bool:
        return word in self._known

    def __missing__(self, word: str) -> list[float]:
        if word not in self._known:
            raise KeyError(word)
        row = [0.0] * self._size
        length = len(word)
        if 1 <= length <= 3:
            for index, (freq, n_words) in enumerate(self._profiles):
                if word in freq:
                    row[index] = 1.0 * freq[word] / n_words[length - 1]
        self[word] = row
        return row


@lru_cache(maxsize=1)
def _factory() -> Any:
    """A seeded langdetect ``DetectorFactory`` over its shipped profiles, built once per process.

    The profiles are read in ``os.listdir`` order, as langdetect reads them: the order of the
    languages is that of its probabilities, and its sums (hence the scores) follow it.
    """
    from langdetect import DetectorFactory, detector_factory

    with _INIT_LOCK:  # two threads must not build it twice (langdetect's own loading is not thread-safe)
        folder = detector_factory.PROFILES_DIRECTORY
        names = os.listdir(folder)
        profiles = []
        for name in names:
            path = os.path.join(folder, name)
            if not name.startswith(".") and os.path.isfile(path):
                with open(path, encoding="utf-8") as handle:
                    profiles.append(json.load(handle))
        factory = DetectorFactory()
        factory.langlist = [p["name"] for p in profiles]
        factory.word_lang_prob_map = _NgramTable(profiles, len(names))
        factory.seed = 0  # langdetect samples randomly; the seed makes it deterministic
    return factory


def langdetect_detector(text: str) -> LanguageGuess:
    """Detect with langdetect; its region variants (zh-cn) are cut to the ISO 639-1 code."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    try:
        detector.append(text)
        best = detector.get_probabilities()[0]
    except LangDetectException:
        return LanguageGuess("und", 0.0)
    return LanguageGuess(best.lang.split("-")[0], round(float(best.prob), 4))


def detect_language(text: str, *, detector: Detector = langdetect_detector) -> LanguageGuess:
    """Guess the language of ``text``.

    Args:
        text: the text to judge (boilerplate already removed).
        detector: the detection function; langdetect by default.

    Returns:
        The guess; ``("und", 0.0)`` for empty, digits-only or very short text.
    """
    letters = len(re.findall(r"[^\W\d_]", text))
    if letters < MIN_LETTERS:
        return LanguageGuess("und", 0.0)
    return detector(text)
