"""Properties of the money, percent and period engines on arbitrary text, for every pack.

- they never raise;
- every mention indexes the input (``text[start:end] == mention.text``), sorted, non-overlapping;
- a value is never produced from a span with no digit and no number word;
- a unit mention (a bare currency or percent word) never overlaps an amount or a percentage.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.extractors.langpack import LangPack, available_languages, load_langpack
from newsfacts.extractors.money import find_amounts
from newsfacts.extractors.percent import find_percentages
from newsfacts.extractors.periods import find_periods
from newsfacts.extractors.units import find_unit_mentions

LANGS = available_languages()


def _numeric_regex(pack: LangPack) -> re.Pattern[str]:
    words = [
        *pack.numbers.words,
        *pack.numbers.scales,
        *pack.numbers.multipliers,
        *pack.numbers.vague_quantifiers,
        *pack.numbers.vague_magnitudes,
        *pack.money.vague_compound_magnitudes,
        *pack.money.code_multipliers,
    ]
    return re.compile(r"\d|" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


_NUMERIC = {lang: _numeric_regex(load_langpack(lang)) for lang in LANGS}

# Text made of the words the engines react to, glued by noise, finds far more edge cases than
# uniform unicode text.
_TOKENS = st.sampled_from(
    [
        "20",
        "2,5",
        "1.000",
        "1.000,50",
        "12 500",
        "2.5",
        "1,000,000",
        "10.000",
        "2023",
        "Q3",
        "3.",
        "Millionen",
        "Mio.",
        "Mrd.",
        "Milliardenhöhe",
        "Dutzende",
        "zwei",
        "siebenunddreißig",
        "und",
        "Euro",
        "US-Dollar",
        "$",
        "€",
        "USD",
        "EUR",
        "%",
        "Prozent",
        "Prozentpunkte",
        "um",
        "fast",
        "mehr als",
        "bis",
        "zwischen",
        "von",
        "pro Monat",
        "jeden Monat",
        "jährlich",
        "an monatlichen",
        "im",
        "seit",
        "März",
        "Juniquartal",
        "ersten",
        "Quartal",
        "Halbjahr",
        "letztes",
        "Jahr",
        "Geschäftsjahr",
        "in den letzten",
        "drei",
        "Monaten",
        "am",
        "Dienstag",
        "stieg",
        "fiel",
        "des",
        "$1bn",
        "$10-20 million",
        "USD34.6m",
        "1,000.50",
        "1 000 000",
        "1'000",
        "two billion",
        "bn",
        "m",
        "twenty-two",
        "and",
        "percent",
        "percentage points",
        "by",
        "about",
        "a year",
        "per cent of",
        "millions de",
        "milliards",
        "pour cent",
        "vingt",
        "et",
        "quatre-vingt",
        "€4,25",
        "$ c",
        "MEUR",
        "millones",
        "por ciento",
        "y",
        "veintiocho",
        "milioni",
        "di",
        "per cento",
        "milhões",
        "e",
        "miljoen",
        "procent",
        "miljoner",
        "kronor",
        "kr",
        "öre",
        "cents",
        "pence",
        "entre",
        "between",
        " ",
        "  ",
        "\n",
        ".",
        ",",
        "-",
        "(",
        ")",
        "/",
        "https://x.de/?q=30%25",
        "日本語",
        "שלום",
        "é",
        # Letters that re.IGNORECASE matches as other letters: the long s of old print, the Turkish
        # dotted and dotless i, the Kelvin sign (a KeyError on "im Auguſt" was found in real text).
        "Auguſt",
        "Donnerſtag",
        "ſieben",
        "İm",
        "Mıo.",
        "\u212a",
        "Mai",
        "1.8.",
        "22.8.95",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_TOKENS, st.text(max_size=3)), max_size=40).map(" ".join),
    st.lists(_TOKENS, max_size=40).map("".join),
)
_DATE = st.one_of(st.none(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31)))


def _check_offsets(text: str, mentions: list) -> None:
    end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= end, "mentions overlap or are out of order"
        end = m.end


def _check_values(mentions: list, fields: tuple[str, ...], lang: str) -> None:
    for m in mentions:
        if any(getattr(m, f) is not None for f in fields):
            assert _NUMERIC[lang].search(m.text), f"value from a span with no number: {m.text!r}"


_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("lang", LANGS)
@_SETTINGS
@given(text=_TEXT)
def test_money_engine_properties(lang: str, text: str) -> None:
    found = find_amounts(text, load_langpack(lang))
    _check_offsets(text, found)
    _check_values(found, ("value", "min", "max"), lang)


@pytest.mark.parametrize("lang", LANGS)
@_SETTINGS
@given(text=_TEXT)
def test_percent_engine_properties(lang: str, text: str) -> None:
    found = find_percentages(text, load_langpack(lang))
    _check_offsets(text, found)
    _check_values(found, ("value", "min", "max"), lang)


@pytest.mark.parametrize("lang", LANGS)
@_SETTINGS
@given(text=_TEXT, published=_DATE)
def test_period_engine_properties(lang: str, text: str, published: dt.date | None) -> None:
    found = find_periods(text, load_langpack(lang), published=published)
    _check_offsets(text, found)
    for p in found:
        if p.start_date and p.end_date:
            assert p.start_date <= p.end_date


@pytest.mark.parametrize("lang", LANGS)
@_SETTINGS
@given(text=_TEXT)
def test_unit_mention_properties(lang: str, text: str) -> None:
    pack = load_langpack(lang)
    taken = [*find_amounts(text, pack), *find_percentages(text, pack)]
    found = find_unit_mentions(text, pack, taken)
    _check_offsets(text, found)
    for u in found:
        assert not any(t.start < u.end and u.start < t.end for t in taken), (u, taken)
        assert (u.currency is None) or u.unit == "currency"


@pytest.mark.parametrize("lang", LANGS)
def test_letters_that_fold_to_others_never_raise(lang: str) -> None:
    """Every word of the pack written with the long s or the dotless i ("im Auguſt", a KeyError
    once): re.IGNORECASE matches them, so their lookups must fold them too."""
    pack = load_langpack(lang)
    words = [
        *pack.periods.months,
        *pack.periods.weekdays,
        *pack.numbers.words,
        *pack.numbers.multipliers,
        *pack.money.currency_names,
    ][:400]
    odd = {w.replace("s", "ſ").replace("i", "ı") for w in words if "s" in w or "i" in w}
    assert odd
    for word in sorted(odd):
        for text in (f"{word} 2015", f"5 {word}", f"am {word}, 5 {word} Euro", f"{word} 5 %"):
            for mention in (
                *find_amounts(text, pack),
                *find_percentages(text, pack),
                *find_periods(text, pack, published=dt.date(2016, 1, 1)),
            ):
                assert text[mention.start : mention.end] == mention.text
