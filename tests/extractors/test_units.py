"""Unit mentions (extractors/units.py) and currency names before their number (money.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.money import find_amounts
from newsfacts.extractors.percent import find_percentages
from newsfacts.extractors.pipeline import extract_article
from newsfacts.extractors.records import Entity
from newsfacts.extractors.units import find_unit_mentions


def _units(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    pack = load_langpack(lang)
    taken = [*find_amounts(text, pack), *find_percentages(text, pack)]
    return [(u.text, u.unit, u.currency) for u in find_unit_mentions(text, pack, taken)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Der Dollar gab gegenüber dem Euro nach.", [("Dollar", "currency", "USD"), ("Euro", "currency", "EUR")]),
        ("en", "dollar : 143.80 yen , up 0 . 95", [("dollar", "currency", "USD")]),
        ("en", "Only a small percent attain the top ranks", [("percent", "percent", None)]),
        ("en", "The table shows the % of increase in the last month", [("%", "percent", None)]),
        ("pt", "Eu contei os dólares milhares de vezes.", [("dólares", "currency", "USD")]),
        ("fr", "un multimilliard - accord de dollar", [("dollar", "currency", "USD")]),
        # the quantity is taken by the amount or the percentage, not reported twice
        ("de", "Microsoft zahlte 20 Millionen Dollar und 5 Prozent.", []),
        # a word introducing the quantity right after it is not a mention of its own
        ("es", "un porcentaje del 25%", []),
        # a capitalised currency word before another capitalised word is part of a name
        (
            "en",
            "Shares of Dollar Tree rose while the Euro Stoxx 50 fell; the dollar gained.",
            [("dollar", "currency", "USD")],
        ),
        # ambiguous names are words when no number stands beside them: a book, not pounds
        ("fr", "Il a écrit un livre sur la crise.", []),
        ("en", "The company reported results.", []),
    ],
)
def test_unit_mentions(lang: str, text: str, expected: list) -> None:
    assert _units(text, lang) == expected


def test_unit_mentions_skip_named_entities() -> None:
    text = "Der Dollar fiel. Dollar General meldete Zahlen."
    company = Entity(text="Dollar General", start=17, end=31, label="ORG")
    found = find_unit_mentions(text, load_langpack("de"), [company])
    assert [(u.text, u.start) for u in found] == [("Dollar", 4)]


def test_unit_mentions_reach_the_article_record_and_never_a_fact() -> None:
    article = extract_article("Der Dollar fiel am Montag gegenüber dem Yen.", lang="de")
    assert [(u.text, u.currency) for u in article.units] == [("Dollar", "USD"), ("Yen", "JPY")]
    assert not article.amounts and not article.facts


@pytest.mark.parametrize(
    ("lang", "text", "value", "currency"),
    [
        ("en", "The price starts at dollar 22.5 million.", Decimal(22500000), "USD"),
        ("es", "Los precios del acuerdo comienzan en dólar 22500000.", Decimal(22500000), "USD"),
        ("pt", "Os preços do negócio começam em dólares 22,5 milhões.", Decimal(22500000), "USD"),
        ("de", "Dollar 100.000 flossen an die Partei.", Decimal(100000), "USD"),
    ],
)
def test_currency_name_before_a_large_number(lang: str, text: str, value: Decimal, currency: str) -> None:
    [amount] = find_amounts(text, load_langpack(lang))
    assert (amount.value, amount.currency) == (value, currency)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Euro 2024 war ein Erfolg."),
        ("en", "The dollar 10 years ago bought more."),
        ("fr", "Le livre 20 000 exemplaires vendus."),
        ("en", "the euro 300 times"),
    ],
)
def test_currency_name_before_a_year_or_count_is_no_amount(lang: str, text: str) -> None:
    assert find_amounts(text, load_langpack(lang)) == []
