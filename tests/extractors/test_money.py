"""Money engine: golden cases from fixtures/golden/<lang>/money.jsonl plus behaviour tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from golden_cases import golden_params

from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.money import find_amounts


@pytest.fixture(scope="module")
def pack_de():
    return load_langpack("de")


@pytest.mark.parametrize("case", golden_params("money"))
def test_money_golden(case: dict[str, Any]) -> None:
    got = [a.model_dump(mode="json") for a in find_amounts(case["text"], load_langpack(case["lang"]))]
    assert got == case["expected"]
    for amount in got:
        assert case["text"][amount["start"] : amount["end"]] == amount["text"]


@pytest.mark.parametrize(
    ("text", "value", "currency", "extra"),
    [
        ("fast 20 Millionen US-Dollar pro Monat", Decimal(20_000_000), "USD", {"qualifier": "approx", "rate": "P1M"}),
        ("jeden Monat Millionen von Dollar", Decimal(1_000_000), "USD", {"vague": True, "rate": "P1M"}),
        ("Milliardenhöhe", Decimal(10**9), None, {"vague": True}),
        ("Dutzende Milliarden Dollar", Decimal(10**10), "USD", {"vague": True}),
        ("1,2 Mrd. Euro", Decimal(1_200_000_000), "EUR", {}),
        ("3,5 Mio. €", Decimal(3_500_000), "EUR", {}),
        ("€ 500", Decimal(500), "EUR", {}),
        ("USD 34,6 Mio.", Decimal(34_600_000), "USD", {}),
        ("99$", Decimal(99), "USD", {}),
        ("16,4 Millionen kanadischen Dollar", Decimal(16_400_000), "CAD", {}),
        ("achtundsiebzig Millionen Dollar", Decimal(78_000_000), "USD", {}),
        ("zwei Euro fünfzig", Decimal("2.5"), "EUR", {}),
        ("300 000 GBP", Decimal(300_000), "GBP", {}),
        ("weniger als 5 Euro", Decimal(5), "EUR", {"qualifier": "less_than"}),
        ("1000 Rupien", Decimal(1000), "INR", {}),
        ("500 Kronen", Decimal(500), None, {}),
    ],
)
def test_money_reads_value_and_currency(text, value, currency, extra, pack_de) -> None:
    (amount,) = find_amounts(text, pack_de)
    assert (amount.value, amount.currency, amount.text) == (value, currency, text)
    for key, expected in extra.items():
        assert getattr(amount, key) == expected


def test_money_vague_compound_takes_preceding_rate(pack_de) -> None:
    text = "generiert Microsoft jedes Jahr Einnahmen in Milliardenhöhe (wenn auch"
    (amount,) = find_amounts(text, pack_de)
    assert amount.text == "jedes Jahr Einnahmen in Milliardenhöhe"
    assert (amount.value, amount.currency, amount.vague, amount.rate) == (Decimal(10**9), None, True, "P1Y")


def test_money_range_sets_min_max_and_null_value(pack_de) -> None:
    (amount,) = find_amounts("20 bis 25 Mio. Euro", pack_de)
    assert (amount.value, amount.min, amount.max) == (None, Decimal(20_000_000), Decimal(25_000_000))


@pytest.mark.parametrize(
    "text",
    [
        "10.000 oder mehr Copilot-Abonnements",
        "mehr als 24 Millionen Kunden",
        "im Jahr 2023",
        "",
        "12345",
        "Dollar",
        "TOP 5 der Liste",
        "мы заплатили",
        "שילמנו 5 דולר",
        "G42 und GPT-4",
    ],
)
def test_money_counts_and_noise_are_not_amounts(text: str, pack_de) -> None:
    assert find_amounts(text, pack_de) == []


@pytest.mark.parametrize("text", ["1,000,000 Euro", "1,000.50 Euro"])
def test_money_foreign_number_format_gives_null_not_wrong_value(text: str, pack_de) -> None:
    (amount,) = find_amounts(text, pack_de)
    assert amount.value is None and amount.currency == "EUR"


@pytest.mark.parametrize(("text", "value"), [("2.5 Mio. Euro", 2_500_000), ("CHF 493.3 Millionen", 493_300_000)])
def test_money_english_decimal_point_with_one_reading(text: str, value: int, pack_de) -> None:
    """A "." before one or two digits can be no German thousands group: translated press
    releases write "CHF 493.3 Millionen", and that has one reading only."""
    (amount,) = find_amounts(text, pack_de)
    assert amount.value == value


def test_money_mixed_script_offsets(pack_de) -> None:
    text = "日本語 Text: 5 Euro und Ελληνικά 3 Mio. $"
    found = find_amounts(text, pack_de)
    assert [a.text for a in found] == ["5 Euro", "3 Mio. $"]
    assert all(text[a.start : a.end] == a.text for a in found)


@pytest.mark.parametrize(
    ("lang", "text", "value", "currency", "extra"),
    [
        ("en", "$1bn", Decimal(10**9), "USD", {}),
        ("en", "USD34.6m", Decimal(34_600_000), "USD", {}),
        ("en", "$1,000.50", Decimal("1000.5"), "USD", {}),
        ("en", "two billion dollars", Decimal(2 * 10**9), "USD", {}),
        ("en", "nearly $5m a month", Decimal(5_000_000), "USD", {"qualifier": "approx", "rate": "P1M"}),
        ("en", "billions of euros", Decimal(10**9), "EUR", {"vague": True}),
        ("en", "50 cents", Decimal("0.5"), None, {}),
        ("en", "30 MUSD", Decimal(30_000_000), "USD", {}),
        ("en", "Rs 33.80 crore", Decimal(338_000_000), "INR", {}),
        ("en", "1'000 CHF", Decimal(1000), "CHF", {}),
        ("fr", "1 000 000 euros", Decimal(1_000_000), "EUR", {}),
        ("fr", "2,5 milliards d'euros par an", Decimal(2_500_000_000), "EUR", {"rate": "P1Y"}),
        (
            "es",
            "unos 300 millones de dólares al año",
            Decimal(300_000_000),
            "USD",
            {"qualifier": "approx", "rate": "P1Y"},
        ),
        ("it", "circa 2 miliardi di euro", Decimal(2 * 10**9), "EUR", {"qualifier": "approx"}),
        ("pt", "R$ 1,5 bilhão", Decimal(1_500_000_000), "BRL", {}),
        ("nl", "ruim 3 miljoen euro per jaar", Decimal(3_000_000), "EUR", {"qualifier": "more_than", "rate": "P1Y"}),
        ("sv", "70 miljoner kronor", Decimal(70_000_000), "SEK", {}),
    ],
)
def test_money_reads_every_pack(lang, text, value, currency, extra) -> None:
    (amount,) = find_amounts(text, load_langpack(lang))
    assert (amount.value, amount.currency, amount.text) == (value, currency, text)
    for key, expected in extra.items():
        assert getattr(amount, key) == expected


@pytest.mark.parametrize(
    ("lang", "text", "low", "high"),
    [
        ("en", "$10-20 million", 10_000_000, 20_000_000),
        ("en", "between 20 and 25 million euros", 20_000_000, 25_000_000),
    ],
)
def test_money_ranges_share_scale_and_currency(lang, text, low, high) -> None:
    (amount,) = find_amounts(text, load_langpack(lang))
    assert (amount.value, amount.min, amount.max) == (None, Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "rose from $9.17 million to $9.88 million"),  # two amounts, not a range
        ("en", "five and ten dollars"),  # never 15
        ("es", "enero. 1.1990 a 1.015 francos"),
    ],
)
def test_money_never_invents_a_range_or_a_sum(lang, text) -> None:
    for amount in find_amounts(text, load_langpack(lang)):
        assert amount.min is None and amount.value != Decimal(15)


@pytest.mark.parametrize(
    ("lang", "text", "mention", "value", "currency"),
    [
        # Hundredths as two digits after the currency (rt-specs en-0170, es-0116, pt-0117).
        ("en", "if they had just 15 USD 50 more, they", "15 USD 50", Decimal("15.5"), "USD"),
        ("es", "Por 15 dolares 50 puedes almorzar y cenar", "15 dolares 50", Decimal("15.5"), "USD"),
        ("de", "Die Karte kostet 12 Euro 30 weniger.", "12 Euro 30", Decimal("12.3"), "EUR"),
        # ... but not a count or a span of time after the currency.
        ("en", "bought for 300 USD 20 years ago", "300 USD", Decimal(300), "USD"),
        ("en", "paid 300 USD 20 times", "300 USD", Decimal(300), "USD"),
        ("de", "Er zahlte 300 Euro 20 mal.", "300 Euro", Decimal(300), "EUR"),
        ("de", "Er gab 300 Euro 20 Kindern.", "300 Euro", Decimal(300), "EUR"),
        ("fr", "payé 300 euros 20 pour cent de plus", "300 euros", Decimal(300), "EUR"),
        # A symbol and a name of the same amount (rt-specs en-0125); the name narrows "$".
        ("en", "1 $ 10 dollars bill", "$ 10 dollars", Decimal(10), "USD"),
        ("en", "a $10 Hong Kong dollars fee", "$10 Hong Kong dollars", Decimal(10), "HKD"),
        ("en", "C$ 10 dollars", "C$ 10 dollars", Decimal(10), "CAD"),
        # A subunit before a long number (en-0110), written lower-case only.
        ("en", "Do you think sen 100,000 is expensive", "sen 100,000", Decimal(1000), None),
        # Coins worth other than a hundredth, and the penni (nl-0015, nl-0021).
        ("nl", "Een stuiver is weinig.", "Een stuiver", Decimal("0.05"), None),
        ("nl", "drie kwartjes", "drie kwartjes", Decimal("0.75"), None),
        ("nl", "verdeeld in 100 penni (Finse naam)", "100 penni", Decimal(1), "FIM"),
        ("nl", "1 euro is 5,94573 markka waard", "5,94573 markka", Decimal("5.94573"), "FIM"),
        # The Lao att, only as written and at the end of a clause (sv-0035).
        ("sv", "vi har 100 Att", "100 Att", Decimal(1), "LAK"),
    ],
)
def test_money_spec_forms(lang, text, mention, value, currency) -> None:
    found = find_amounts(text, load_langpack(lang))
    assert [(a.text, a.value, a.currency) for a in found][-1] == (mention, value, currency)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Prime Minister Hun Sen 100,000 supporters"),
        ("en", "see p 20,000 of the report"),
        ("sv", "vi har 100 att välja mellan"),
        ("sv", "Topp 100 Att göra i Stockholm"),
        ("sv", "vi har 100 att"),
    ],
)
def test_money_subunit_words_that_are_no_money(lang, text) -> None:
    assert find_amounts(text, load_langpack(lang)) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # written by us: a from-to frame after a change verb names the old and the new figure
        (
            "fr",
            "Le chiffre d'affaires est passé de 300 millions à 350 millions d'euros.",
            [("300 millions", 300_000_000, "EUR"), ("350 millions d'euros", 350_000_000, "EUR")],
        ),
        (
            "es",
            "La deuda pasó de 300 a 350 millones de euros.",
            [("300", 300_000_000, "EUR"), ("350 millones de euros", 350_000_000, "EUR")],
        ),
        (
            "it",
            "Il margine è passato quest'anno da 800 a 950 milioni di euro.",
            [("800", 800_000_000, "EUR"), ("950 milioni di euro", 950_000_000, "EUR")],
        ),
        (
            "pt",
            "A receita passou de R$ 50 a R$ 500 milhões.",
            [("R$ 50", 50_000_000, "BRL"), ("R$ 500 milhões", 500_000_000, "BRL")],
        ),
    ],
)
def test_money_from_to_after_a_change_verb_is_two_amounts(lang, text, expected) -> None:
    found = find_amounts(text, load_langpack(lang))
    assert [(a.text, a.value, a.currency, a.min) for a in found] == [(t, Decimal(v), c, None) for t, v, c in expected]
    assert all(text[a.start : a.end] == a.text for a in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Il vise de 300 à 350 millions d'euros."),  # no change verb: a range
        ("fr", "Le budget a augmenté de 300 à 350 millions d'euros."),  # "by 300 to 350" or "from": kept a range
        ("es", "Invertirá entre 300 y 350 millones de euros, tras pasar a otra fase."),
    ],
)
def test_money_from_to_without_its_verb_stays_a_range(lang, text) -> None:
    (amount,) = find_amounts(text, load_langpack(lang))
    assert (amount.value, amount.min, amount.max) == (None, Decimal(300_000_000), Decimal(350_000_000))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # SmartData (German news): "von … auf" is always old and new, whatever the verb, and
        # wherever it stands ("von 32 auf 30 Euro gesenkt")
        (
            "de",
            "Der Umsatz erhöhte sich von 6,8 auf 8,8 Milliarden Euro, was auch",
            [("6,8", 6_800_000_000, "EUR"), ("8,8 Milliarden Euro", 8_800_000_000, "EUR")],
        ),
        ("de", "die Deutsche-Wohnen-Übernahme von 32 auf 30 Euro gesenkt", [("32", 32, "EUR"), ("30 Euro", 30, "EUR")]),
        # SmartData: the first number keeps its own size where the shared scale would make it a
        # thousand times the second (977,000, not 977 billion)
        (
            "de",
            "Der Verlust vergrösserte sich von 977'000 auf 2,8 Millionen Franken.",
            [("977'000", 977_000, "CHF"), ("2,8 Millionen Franken", 2_800_000, "CHF")],
        ),
        # written by us: English "from … to" with the currency once, as with a currency on each
        (
            "en",
            "Revenue rose from 300 million to 350 million euros.",
            [("300 million", 300_000_000, "EUR"), ("350 million euros", 350_000_000, "EUR")],
        ),
        (
            "en",
            "Net income grew 7%, from $9.2 million to $9.9 million.",
            [("$9.2 million", 9_200_000, "USD"), ("$9.9 million", 9_900_000, "USD")],
        ),
    ],
)
def test_money_from_to_frames_that_need_no_verb(lang, text, expected) -> None:
    found = find_amounts(text, load_langpack(lang))
    assert [(a.text, a.value, a.currency, a.min) for a in found] == [(t, Decimal(v), c, None) for t, v, c in expected]


def test_money_range_scale_is_shared_only_when_it_fits() -> None:
    pack = load_langpack("en")
    (near,) = find_amounts("between 20 and 25 million dollars", pack)
    (far,) = find_amounts("between 977,000 and 2.8 million dollars", pack)
    assert (near.min, near.max) == (Decimal(20_000_000), Decimal(25_000_000))
    assert (far.min, far.max) == (Decimal(977_000), Decimal(2_800_000))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # written by us: crypto-currencies as non-ISO codes (docs/CONTRACT.md)
        ("en", "He paid 2 bitcoins and 1.5 ETH.", [("2 bitcoins", 2, "BTC"), ("1.5 ETH", 1.5, "ETH")]),
        ("de", "Er zahlte 2 Bitcoin.", [("2 Bitcoin", 2, "BTC")]),
        ("fr", "Il a payé 0,5 BTC.", [("0,5 BTC", 0.5, "BTC")]),
        ("en", "Diethyl ether is a solvent.", []),
    ],
)
def test_crypto_currencies(lang: str, text: str, expected: list) -> None:
    found = find_amounts(text, load_langpack(lang))
    assert [(a.text, float(a.value), a.currency) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written by us: currencies no longer issued, written out in German (issue 17)
        ("Das Haus kostete 1968 rund 80.000 Mark.", [("rund 80.000 Mark", "DEM")]),
        ("Damals 3.000 D-Mark und 20 Schilling.", [("3.000 D-Mark", "DEM"), ("20 Schilling", "ATS")]),
        ("Mark Zuckerberg lachte.", []),
    ],
)
def test_de_obsolete_currencies_written_out(text: str, expected: list) -> None:
    found = find_amounts(text, load_langpack("de"))
    assert [(a.text, a.currency) for a in found] == expected


@pytest.mark.parametrize(
    ("lang", "text", "currency"),
    [
        # written by us: the noun of a CLDR currency name, alone, where it names one currency only
        ("en", "The fine was 5 million naira.", "NGN"),
        ("en", "Fuel surcharges rose to 850 baht per leg.", "THB"),
        ("de", "Das kostet 500 Forint.", "HUF"),
        ("fr", "Le contrat vaut 5 millions de rands.", "ZAR"),
    ],
)
def test_a_currency_noun_alone(lang: str, text: str, currency: str) -> None:
    [amount] = find_amounts(text, load_langpack(lang))
    assert amount.currency == currency


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a noun that is also a word, a place or names several currencies reads no currency
        ("en", "It has 2 real options and 5 Gold medals."),
        ("de", "Er lebte 5 Jahre in Ecuador."),
        ("es", "Hay 5 millones de estadounidenses."),
    ],
)
def test_no_currency_from_words_places_or_adjectives(lang: str, text: str) -> None:
    assert [a.currency for a in find_amounts(text, load_langpack(lang)) if a.currency] == []
