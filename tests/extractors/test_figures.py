"""The ``figure`` fact kind: an amount named by what it measures, in English and German
(the other packs: test_figures_langs.py). Entities are given, so the NER does not decide."""

from __future__ import annotations

from decimal import Decimal

import pytest
from linking import facts_of  # noqa: F401 - test_amount_changes imports it from here

from newsfacts.extractors.records import Fact  # noqa: F401 - the type of the helper's result

# a figure named by what it measures is a ``revenue`` (revenue, profit, loss), a ``spending``
# (investment, costs) or a plain ``figure`` fact, by the pack's metric lexicons
FIGURE_KINDS = ("figure", "revenue", "spending")


def figures(text: str, lang: str, orgs: list[str] = ()) -> list[tuple[str | None, str | None, Decimal | None]]:
    return [
        (f.company, f.metric, f.amount_value) for f in facts_of(text, lang, orgs) if f.kind in FIGURE_KINDS and f.metric
    ]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # FIRE dev sentences (../shared/data/facts/fire), the item before or after the amount
        (
            "en",
            (
                "In 2012, we recorded asset impairment charges of $5.8 million related to previously "
                "purchased lease buyouts."
            ),
            [],
            [(None, "asset impairment charges", 5800000)],
        ),
        (
            "en",
            ("The sale of Argentine operations was a taxable transaction that resulted in a $6.4 million tax benefit."),
            [],
            [(None, "tax benefit", 6400000)],
        ),
        (
            "en",
            "The lease term can be further extended and currently has a monthly lease rate of $2,975.",
            [],
            [(None, "monthly lease rate", 2975)],
        ),
        # a series: every amount takes the item
        (
            "en",
            (
                "Our working capital was $203.4 million and $205.5 million at January 29, 2011 and "
                "January 30, 2010, respectively."
            ),
            [],
            [(None, "working capital", 203400000), (None, "working capital", 205500000)],
        ),
        (
            "en",
            ("Average total loan balances decreased 0.7% from $459.1 million in 2011 to $455.9 million in 2012."),
            [],
            [(None, "loan balances", 459100000), (None, "loan balances", 455900000)],
        ),
        (
            "en",
            "Cash on hand decreased $8.3 million from $42.8 million in 2011 to $34.5 million in 2012.",
            [],
            [(None, "Cash on hand", 42800000), (None, "Cash on hand", 34500000)],
        ),
        # the company is the subject; a company inside the item is cut off
        ("en", "Microsoft said net income was $5.2 billion.", ["Microsoft"], [("Microsoft", "net income", 5200000000)]),
        (
            "en",
            "Prudential's bid of $26.5 billion in stock was reduced.",
            ["Prudential"],
            [("Prudential", "bid", 26500000000)],
        ),
        # written by us, in the style of German business news
        (
            "de",
            "Die Deutsche Bank meldete einen Nettogewinn von 1,2 Milliarden Euro.",
            ["Deutsche Bank"],
            [("Deutsche Bank", "Nettogewinn", 1200000000)],
        ),
        ("de", "Der bereinigte Verlust betrug 300 Millionen Euro.", [], [(None, "bereinigte Verlust", 300000000)]),
        (
            "de",
            "Der Umsatz lag im dritten Quartal bei 5,2 Milliarden Euro, nach 4,8 Milliarden Euro im Vorjahr.",
            [],
            [(None, "Umsatz", 5200000000), (None, "Umsatz", 4800000000)],
        ),
        # SmartData: "von … auf" after a verb that is no item word ("erhöhte sich", "legte … zu")
        (
            "de",
            "Der Umsatz erhöhte sich von 6,8 auf 8,8 Milliarden Euro, was auch auf den Zusammenschluss zurückgeht.",
            [],
            [(None, "Umsatz", 6800000000), (None, "Umsatz", 8800000000)],
        ),
        (
            "de",
            "Der Gewinn aus dem fortgeführten Geschäft legte von 430 auf 437 Millionen Dollar zu, wie Ebay mitteilte.",
            ["Ebay"],
            [("Ebay", "fortgeführten Geschäft", 430000000), ("Ebay", "fortgeführten Geschäft", 437000000)],
        ),
    ],
)
def test_figures(lang: str, text: str, orgs: list[str], expected: list) -> None:
    assert sorted(figures(text, lang, orgs), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        # a change is no figure (FIRE annotates these as value changes)
        ("en", "The $3.3 million decrease is due to the $45.1 million decrease in total debt.", []),
        ("en", "There was an increase of $625,000 in payments made to partners.", []),
        # a generic word names nothing
        ("en", "Southern Union stockholders received a total of approximately $3.01 billion in cash.", []),
        # a payment stays a payment
        ("en", "Walmart paid $2 million to Microsoft for Azure.", ["Walmart", "Microsoft"]),
        ("de", "Siemens kauft das Startup für 50 Millionen Euro.", ["Siemens"]),
        ("de", "Der Anstieg von 5 Millionen Euro überraschte.", []),
        # a verb is no item
        ("en", "The portfolio consists of $192.8 million invested in money market funds.", []),
    ],
)
def test_no_figure(lang: str, text: str, orgs: list[str]) -> None:
    assert figures(text, lang, orgs) == []


def test_figure_confidence_is_lower_without_a_company() -> None:
    [with_company] = [f for f in facts_of("Microsoft said net income was $5.2 billion.", "en", ["Microsoft"])]
    [without] = [f for f in facts_of("Net income was $5.2 billion.", "en")]
    assert with_company.confidence > without.confidence >= 0.5
