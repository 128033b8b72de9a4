"""Language detection: per article and per paragraph, deterministic, honest about short text.

langdetect is random unless seeded, so the seed is set before its first use. Text with too few
letters to judge gives ``LanguageGuess("und", 0.0)`` instead of a confident wrong answer. The
detector is a swappable callable (``Detector``), as in dateparser.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Detector", "LanguageGuess", "MIN_LETTERS", "detect_language", "langdetect_detector"]

MIN_LETTERS = 20  # below this many letters, no detector is reliable


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code ("und" when unknown) and the detector's probability for it."""

    lang: str
    score: float


Detector = Callable[[str], LanguageGuess]


_INIT_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _factory_ready() -> bool:
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0  # langdetect samples randomly; the seed makes it deterministic
    with _INIT_LOCK:  # its lazy profile loading is not thread-safe (seen: German detected as "af")
        detector_factory.init_factory()
    return True


def langdetect_detector(text: str) -> LanguageGuess:
    """Detect with langdetect; its region variants (zh-cn) are cut to the ISO 639-1 code."""
    _factory_ready()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = detect_langs(text)[0]
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
