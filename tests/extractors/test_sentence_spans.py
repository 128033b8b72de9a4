"""Sentence splitting: where a dot ends a sentence and where it does not."""

from __future__ import annotations

import pytest

from newsfacts.extractors.sentences import sentence_spans


def _sentences(text: str, abbreviations: tuple[str, ...] = ()) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, abbreviations=abbreviations)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written by us: a number with a decimal point before the dot ends its sentence
        (
            "Citigroup rose by 19.5%.  Crude oil prices were up 3%.",
            ["Citigroup rose by 19.5%.", "Crude oil prices were up 3%."],
        ),
        ("Sales reached $4.5bn. Profit fell.", ["Sales reached $4.5bn.", "Profit fell."]),
        # dotted initials and listed abbreviations do not end one
        ("The U.S. Treasury said so.", ["The U.S. Treasury said so."]),
        ("Der Umsatz lag bei 3 Mio. Euro.", ["Der Umsatz lag bei 3 Mio. Euro."]),
        # a German ordinal neither
        ("Am 3. März zahlte Siemens.", ["Am 3. März zahlte Siemens."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert _sentences(text, ("mio.",)) == expected
