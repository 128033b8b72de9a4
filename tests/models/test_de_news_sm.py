"""The shipped German model on real held-out sentences (never trained on; see the model card)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.models import EntitySpan, SpacyBackend, get_backend

__all__: list[str] = []

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "ner" / "de_heldout_sample.jsonl"
CASES = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
CORE = {"PER", "ORG", "LOC"}


@pytest.fixture(scope="session")
def de_news_sm() -> SpacyBackend:
    backend = get_backend("de_news_sm")  # lru_cached: loaded once per test session
    assert isinstance(backend, SpacyBackend)
    return backend


def test_de_news_sm_is_the_default(de_news_sm: SpacyBackend) -> None:
    assert get_backend() is de_news_sm


def test_de_news_sm_labels_and_pipeline(de_news_sm: SpacyBackend) -> None:
    assert de_news_sm.nlp.pipe_names == ["tok2vec", "ner"]
    assert sorted(de_news_sm.nlp.get_pipe("ner").labels) == [
        "LOC",
        "MISC",
        "ORG",
        "PER",
    ]


def test_de_news_sm_finds_most_heldout_entities(de_news_sm: SpacyBackend) -> None:
    gold = [{(e["start"], e["end"], e["label"]) for e in c["entities"] if e["label"] in CORE} for c in CASES]
    predicted = de_news_sm.entities_batch([c["text"] for c in CASES])
    found = sum(len(g & {(s.start, s.end, s.label) for s in p}) for g, p in zip(gold, predicted, strict=True))
    total = sum(len(g) for g in gold)
    assert total == 38
    # A floor, never lowered (raise it when a retrained model does better): the shipped model finds 27.
    assert found >= 23, f"found {found} of {total} gold PER/ORG/LOC"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_de_news_sm_offsets_index_the_text(de_news_sm: SpacyBackend, case: dict[str, object]) -> None:
    text = str(case["text"])
    for span in de_news_sm.entities(text):
        assert span.text == text[span.start : span.end]
        assert span.label in CORE | {"MISC"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12345 678",
        "   \n\n  Siemens und Bosch zahlen in München.  ",
        "🙂 Die Deutsche Bank zahlte 🙂 an Apple. مرحبا",
        "Microsoft zahlt\tOpenAI\r\nmonatlich 20 Mio. US-Dollar.",
    ],
)
def test_de_news_sm_offsets_survive_odd_text(de_news_sm: SpacyBackend, text: str) -> None:
    spans = de_news_sm.entities(text)
    assert all(isinstance(s, EntitySpan) and s.text == text[s.start : s.end] for s in spans)
    assert all(s.text == s.text.strip() and s.text for s in spans)
    assert de_news_sm.entities_batch([text]) == [spans]
