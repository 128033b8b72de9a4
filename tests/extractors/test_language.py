"""Our langdetect set-up gives langdetect's own answers, only faster.

``language._factory`` fills its n-gram table lazily and ``_detector_class`` rewrites the
detector's inner loops (n-gram extraction, probability updates); both claim the very same
probabilities as a stock, seeded ``DetectorFactory``. Checked here on real held-out sentences
of seven languages (``fixtures/ner``), whole and cut into short pieces.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.extractors.language import _detector_class, _factory, detect_language

__all__: list[str] = []

NER_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ner"


def _texts() -> list[str]:
    texts = []
    for path in sorted(NER_FIXTURES.glob("*_heldout_sample.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[:12]:
            text = json.loads(line)["text"]
            texts += [text, text[:40], text.upper()]
    return [*texts, "Привет мир, как дела? Это тест.", "東京の天気は晴れです。", "ÉCOLE Über ÄRGER ﬁne ǅ x", "AB CD e"]


@pytest.fixture(scope="module")
def stock():  # type: ignore[no-untyped-def]
    from langdetect import DetectorFactory, detector_factory

    factory = DetectorFactory()
    factory.load_profile(detector_factory.PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


def test_same_ngrams_and_probabilities_as_stock_langdetect(stock) -> None:  # type: ignore[no-untyped-def]
    from langdetect.lang_detect_exception import LangDetectException

    texts = _texts()
    assert len(texts) > 100
    ours = _factory()
    for text in texts:
        theirs, mine = stock.create(), _detector_class()(ours)
        theirs.append(text)
        mine.append(text)
        assert mine._extract_ngrams() == theirs._extract_ngrams(), text
        try:
            expected = [(p.lang, p.prob) for p in theirs.get_probabilities()]
        except LangDetectException:
            expected = None
        try:
            got = [(p.lang, p.prob) for p in mine.get_probabilities()]
        except LangDetectException:
            got = None
        assert got == expected, text


def test_detects_the_languages_of_the_samples() -> None:
    for path in sorted(NER_FIXTURES.glob("*_heldout_sample.jsonl")):
        lang = path.name.split("_")[0]
        text = " ".join(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:10])
        assert detect_language(text).lang == lang, path.name
