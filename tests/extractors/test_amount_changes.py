"""Changes by an amount: "revenue decreased $1.9 million" is a ``change`` fact carrying the
amount, never a revenue or a figure of $1.9 million (extractors/facts.py, ``_amount_changes``).

The English sentences are FIRE dev sentences (../shared/data/facts/fire, CC-BY 4.0), quoted as
FIRE detokenises them; the others are written by us."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_figures import facts_of


def changes(text: str, lang: str, orgs: list[str] = ()) -> list[tuple[str | None, Decimal | None, str | None]]:
    return sorted(
        (
            (f.metric, f.amount_value, f.direction)
            for f in facts_of(text, lang, orgs)
            if f.kind == "change" and f.amount_value is not None
        ),
        key=str,
    )


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # FIRE 10: a verb before the amount, the item before the verb ("total" is left out, as in
        # figures); "cost of revenue" is no revenue; "a decrease in net income of less than $0.2 million"
        (
            "en",
            "As a result of the Restatement, for fiscal 2002 total revenue decreased $1.9 million, cost of "
            "revenue decreased $3.3 million, operating expenses increased by $1.6 million, resulting in a "
            "decrease in net income of less than $0.2 million.",
            [],
            [
                ("cost of revenue", Decimal(3_300_000), "down"),
                ("operating expenses", Decimal(1_600_000), "up"),
                ("revenue", Decimal(1_900_000), "down"),
                ("net income", Decimal(200_000), "down"),
            ],
        ),
        # FIRE 14: "a net decrease of $X in Y"
        (
            "en",
            "Offsetting these increases was a net decrease of $1.0 million in revenue from our Daiichi Sankyo "
            "tivantinib program.",
            [],
            [("revenue", Decimal(1_000_000), "down")],
        ),
        # FIRE 88: "a $X decrease in Y"
        (
            "en",
            "The overall increase in cost of revenue were partially offset by a $1.2 million decrease in PPM "
            "International costs.",
            [],
            [("PPM International costs", Decimal(1_200_000), "down")],
        ),
        # FIRE 263: "an increase in Y of $X"
        (
            "en",
            "This increase in total revenues was primarily due to an increase in commissions of $33.3 million.",
            [],
            [("commissions", Decimal(33_300_000), "up")],
        ),
        # written by us, one per pack
        (
            "de",
            "Der Umsatz von Siemens stieg um 500 Millionen Euro.",
            ["Siemens"],
            [("Umsatz", Decimal(500_000_000), "up")],
        ),
        (
            "fr",
            "Le chiffre d'affaires de Renault a progressé de 300 millions d'euros.",
            ["Renault"],
            [("chiffre d'affaires", Decimal(300_000_000), "up")],
        ),
        (
            "es",
            "Los ingresos de Telefónica aumentaron en 300 millones de euros.",
            ["Telefónica"],
            [("ingresos", Decimal(300_000_000), "up")],
        ),
        (
            "it",
            "I ricavi di Enel sono aumentati di 300 milioni di euro.",
            ["Enel"],
            [("ricavi", Decimal(300_000_000), "up")],
        ),
        (
            "pt",
            "A receita da Petrobras aumentou em 300 milhões de reais.",
            ["Petrobras"],
            [("receita", Decimal(300_000_000), "up")],
        ),
        (
            "nl",
            "De omzet van Philips steeg met 300 miljoen euro.",
            ["Philips"],
            [("omzet", Decimal(300_000_000), "up")],
        ),
    ],
)
def test_amount_changes(lang: str, text: str, orgs: list[str], expected: list) -> None:
    assert changes(text, lang, orgs) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "kind"),
    [
        # FIRE 329: gains and losses are levels, not changes
        (
            "en",
            "Underwriting results included foreign currency transaction losses of $123 million in 2012, gains "
            "of $140 million in 2011 and losses of $168 million in 2010.",
            [],
            "figure",
        ),
        # written by us: a level that rose, and a level reached
        ("en", "Sales of $5 million rose in Europe, Acme said.", ["Acme"], "revenue"),
        ("en", "Acme said revenue rose to $5 million.", ["Acme"], "revenue"),
        ("de", "Der Umsatz von Siemens stieg auf 5 Milliarden Euro.", ["Siemens"], "revenue"),
    ],
)
def test_levels_are_no_amount_changes(lang: str, text: str, orgs: list[str], kind: str) -> None:
    facts = facts_of(text, lang, orgs)
    assert changes(text, lang, orgs) == []
    assert any(f.kind == kind for f in facts)


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        # SmartData: a prize, not a rise ("gewinnt" is a rise cue of percentages only)
        ("de", "Tipper gewinnt 1,1 Millionen Euro beim Eurojackpot", []),
        # written by us: money raised, a loss, a cost cut by an object
        ("en", "Acme raised $50 million in a Series B round.", ["Acme"]),
        ("es", "El grupo Telefónica perdió 300 millones de euros.", ["Telefónica"]),
        ("en", "Acme paid down $5 million of debt.", ["Acme"]),
    ],
)
def test_prizes_losses_and_raised_money_are_no_changes(lang: str, text: str, orgs: list[str]) -> None:
    assert changes(text, lang, orgs) == []


def test_cost_of_revenue_makes_no_revenue_fact() -> None:
    # FIRE 238: the amount is a decline in costs, and "cost of revenue" names no revenue
    text = "D&C Licensing cost of revenue decreased, mainly due to a $411 million or 23% decline in traffic acquisition costs."
    assert not [f for f in facts_of(text, "en", ["D&C Licensing"]) if f.kind == "revenue"]
