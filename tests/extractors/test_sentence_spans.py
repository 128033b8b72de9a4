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
        # a wiki section heading inside a line is a sentence of its own
        (
            "More than 340 units will close.  ==Related news==  *Mining industry to receive aid",
            ["More than 340 units will close.", "==Related news==", "*Mining industry to receive aid"],
        ),
        ("It was paid. == Interview: == A worker spoke.", ["It was paid.", "== Interview: ==", "A worker spoke."]),
        # an equals sign alone is no heading
        ("The ratio x = 2 held == as before.", ["The ratio x = 2 held == as before."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert _sentences(text, ("mio.",)) == expected
