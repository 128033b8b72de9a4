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

import itertools
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


class _NgramTable(dict[str, "list[float] | None"]):
    """langdetect's ``word_lang_prob_map`` (n-gram -> one probability per profile): every
    n-gram of the profiles is a key from the start (``in`` stays a plain dict lookup, which the
    detector asks for each n-gram of a text), its row is computed on first use exactly as
    ``DetectorFactory.add_profile`` computes it."""

    def __init__(self, profiles: Sequence[Mapping[str, Any]], size: int) -> None:
        freqs = [p["freq"] for p in profiles]
        super().__init__(dict.fromkeys(itertools.chain.from_iterable(freqs)))
        # per n-gram length: each profile's counts and its number of n-grams of that length
        self._counts = {
            n: [(freq, p["n_words"][n - 1]) for freq, p in zip(freqs, profiles, strict=True)] for n in (1, 2, 3)
        }
        self._padding = [0.0] * (size - len(profiles))  # add_profile's rows have a slot per folder entry

    def __getitem__(self, word: str) -> list[float]:
        row = super().__getitem__(word)
        if row is None:
            row = self[word] = self._row(word)
        return row

    def _row(self, word: str) -> list[float]:
        counts = self._counts.get(len(word))
        if counts is None:  # longer n-grams are keys of a profile but weigh nothing
            return [0.0] * (len(self._counts[1]) + len(self._padding))
        return [1.0 * freq[word] / n if word in freq else 0.0 for freq, n in counts] + self._padding


@lru_cache(maxsize=1)
def _detector_class() -> Any:
    """langdetect's ``Detector`` with its two inner loops over the languages written as list
    comprehensions: the same operations on the same floats in the same order, so the same
    probabilities, in a third of the time."""
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    class _Normalized(dict[str, str]):
        """langdetect's ``NGram.normalize`` per character, computed once per character."""

        def __missing__(self, ch: str) -> str:
            value = self[ch] = NGram.normalize(ch)
            return value  # type: ignore[no-any-return]

    normalized = _Normalized()

    class _Detector(Detector):  # type: ignore[misc]
        def _extract_ngrams(self) -> list[str]:
            # ``NGram.add_char`` and ``NGram.get`` inlined, with each character's normal form
            # looked up: the same n-grams in the same order, in a third of the time.
            table = self.word_lang_prob_map
            result: list[str] = []
            append = result.append
            grams, capital = " ", False
            for ch in self.text:
                ch = normalized[ch]
                last = grams[-1]
                if last == " ":
                    grams, capital = " ", False
                    if ch == " ":
                        continue
                elif len(grams) >= 3:
                    grams = grams[1:]
                grams += ch
                if not ch.isupper():
                    capital = False
                elif last.isupper():
                    capital = True
                if capital:
                    continue
                if ch != " " and ch in table:
                    append(ch)
                if len(grams) > 1:
                    if grams[-2:] in table:
                        append(grams[-2:])
                    if len(grams) > 2 and grams in table:
                        append(grams)
            return result

        def _update_lang_prob(self, prob: list[float], word: str | None, alpha: float) -> bool:
            if word is None or word not in self.word_lang_prob_map:
                return False
            weight = alpha / self.BASE_FREQ
            prob[:] = [p * (weight + q) for p, q in zip(prob, self.word_lang_prob_map[word], strict=False)]
            return True

        def _normalize_prob(self, prob: list[float]) -> float:
            sump = sum(prob)
            prob[:] = [p / sump for p in prob]
            return max(0.0, *prob)

    return _Detector


@lru_cache(maxsize=1)
def _factory() -> Any:
    """A seeded langdetect ``DetectorFactory`` over its shipped profiles, built once per process.

    The profiles are read in ``os.listdir`` order, as langdetect reads them: the order of the
    languages is that of its probabilities, and its sums (hence the scores) follow it.
    """
    from langdetect import DetectorFactory, detector_factory

    with _INIT_LOCK:  # one build at a time (langdetect's own loading is not thread-safe)
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

    detector = _detector_class()(_factory())
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
