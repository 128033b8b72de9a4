"""extractors/lexicon.py: simplemma's word forms tell a capitalised common word from a name."""

from __future__ import annotations

import pytest
from linking import facts_of

from newsfacts.extractors.lexicon import is_common_word


@pytest.mark.parametrize("word", ["Business", "Compared", "Overseas", "Announcing", "Between", "Crude", "Economy"])
def test_capitalised_common_words_are_common(word: str) -> None:
    assert is_common_word(word, "en")


@pytest.mark.parametrize("word", ["Microsoft", "Shell", "Amazon", "Ryanair", "Eurostat", "business", "GDP-linked"])
def test_names_and_lower_case_words_are_not(word: str) -> None:
    """Listed as a name too ("Shell"), unknown ("Ryanair"), or not capitalised: not a common word
    in the sense of a capitalised word that is no name."""
    assert not is_common_word(word, "en")


def test_a_language_without_a_dictionary_has_no_common_words() -> None:
    assert not is_common_word("Business", "xx")


@pytest.mark.parametrize(
    "text",
    [
        "Compared to the first quarter, baggage fees soared 33% to $769 million.",
        "Overseas stock exchanges also rallied by 2.8%.",
        "Announcing the news to an audience of 10,000 employees, the chief was upbeat.",
    ],
)
def test_an_english_common_word_opening_a_sentence_is_no_company(text: str) -> None:
    """With no company tagged, the capitalised first word is not proposed as one."""
    assert [f for f in facts_of(text, "en", []) if f.company or f.customer or f.buyer] == []


def test_a_name_the_tagger_missed_is_still_proposed() -> None:
    [fact] = [f for f in facts_of("Ryanair reported a 19% increase in profits.", "en", []) if f.kind == "change"]
    assert fact.company == "Ryanair"
