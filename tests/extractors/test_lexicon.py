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


def test_known_words_are_read_from_a_sorted_cache_file(tmp_path, monkeypatch) -> None:
    """The first use writes simplemma's German forms, sorted, into the cache; a later process
    searches that file in place and answers as the dictionary does."""
    from newsfacts.extractors import lexicon

    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path))
    lexicon._known_forms.cache_clear()
    try:
        # "umsatz" in lower case is no German form: nouns are listed capitalised
        words = ["Umsatz", "umsatz", "Kundenvermögen", "Voestalpine", "Wirecard", "Aal", "Zypresse"]
        first = [lexicon.is_known_word(w, "de") for w in words]
        (cached,) = tmp_path.glob("simplemma-*-de.forms")
        lexicon._known_forms.cache_clear()
        assert isinstance(lexicon._known_forms("de"), lexicon._SortedForms)
        assert [lexicon.is_known_word(w, "de") for w in words] == first == [True, False, True, False, False, True, True]
        assert cached.stat().st_size > 1_000_000
    finally:
        lexicon._known_forms.cache_clear()


def test_an_unwritable_cache_keeps_the_dictionary_in_memory(tmp_path, monkeypatch) -> None:
    from newsfacts.extractors import lexicon

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(blocker / "cache"))
    lexicon._known_forms.cache_clear()
    try:
        assert lexicon.is_known_word("Umsatz", "de") and not lexicon.is_known_word("Voestalpine", "de")
    finally:
        lexicon._known_forms.cache_clear()
