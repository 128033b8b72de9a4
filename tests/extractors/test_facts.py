"""The fact linker on German sentences, with the entities given (the NER is tested elsewhere)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from extractors.facts import link_facts
from extractors.langpack import load_langpack
from extractors.money import find_amounts
from extractors.percent import find_percentages
from extractors.periods import find_periods
from extractors.records import Entity, Fact


def facts_of(text: str, orgs: list[str], published: date = date(2024, 8, 1)) -> list[Fact]:
    pack = load_langpack("de")
    entities = [Entity(text=m.group(), start=m.start(), end=m.end(), label="ORG")
                for org in orgs for m in re.finditer(re.escape(org), text)]
    entities.sort(key=lambda e: e.start)
    return link_facts(text, article_id="t", pack=pack, entities=entities, amounts=find_amounts(text, pack),
                      percentages=find_percentages(text, pack), periods=find_periods(text, pack, published=published))


def test_de_facts_buyer_pays_vendor_with_rate_and_period() -> None:
    [fact] = facts_of("Im ersten Quartal zahlte die BASF jeden Monat 2 Millionen Euro an die Siemens AG.",
                      ["BASF", "Siemens AG"])
    assert (fact.kind, fact.customer, fact.vendor) == ("payment", "BASF", "Siemens AG")
    assert (fact.amount_value, fact.amount_currency, fact.rate) == (2000000, "EUR", "P1M")
    assert (str(fact.period_start), str(fact.period_end)) == ("2024-01-01", "2024-03-31")


def test_de_facts_seller_with_customer_after_an() -> None:
    [fact] = facts_of("Die Telekom verkauft Netzkapazität für 300 Millionen Euro an Vodafone.",
                      ["Telekom", "Vodafone"])
    assert (fact.customer, fact.vendor, fact.amount_value) == ("Vodafone", "Telekom", 300000000)


def test_de_facts_plural_anaphor_takes_previous_companies() -> None:
    facts = facts_of("Zu den Kunden zählen Bosch und Daimler. Diese Kunden zahlten SAP jährlich 5 Mio. Euro.",
                     ["Bosch", "Daimler", "SAP"])
    payments = [(f.customer, f.vendor, f.rate) for f in facts if f.kind == "payment"]
    assert payments == [("Bosch", "SAP", "P1Y"), ("Daimler", "SAP", "P1Y")]


def test_de_facts_singular_anaphor_and_no_amount() -> None:
    facts = facts_of("Lufthansa hat neue Dienste entwickelt. Bisher zahlte das Unternehmen für die Miete von "
                     "Amadeus-Servern.", ["Lufthansa", "Amadeus"])
    assert [(f.customer, f.vendor, f.amount_value) for f in facts] == [("Lufthansa", "Amadeus", None)]


def test_de_facts_change_with_metric_direction_and_period() -> None:
    [fact] = facts_of("Der Umsatz von Zalando sank im zweiten Quartal um 3,5 Prozent.", ["Zalando"])
    assert (fact.kind, fact.company, fact.percent_value, fact.direction) == ("change", "Zalando", 3.5, "down")
    assert str(fact.period_start) == "2024-04-01"


def test_de_facts_count_with_qualifier() -> None:
    [fact] = facts_of("Laut Spotify nutzen inzwischen mehr als 24 Millionen Kunden den Dienst.", ["Spotify"])
    assert (fact.kind, fact.company, fact.count_value, fact.count_qualifier) == ("count", "Spotify", 24000000, "more_than")


@pytest.mark.parametrize(
    "text",
    ["Die Zahl der Kunden, die 10.000 oder mehr Abonnements kauften, hat sich verdoppelt.",
     "Um das Risiko zu mindern, sucht Microsoft nach Kunden wie Walmart und dem Unternehmen Intuit, die KI kaufen.",
     "Der Umsatz lag bei 3 Mrd. Euro."],
)
def test_de_facts_no_payment_without_clear_parties(text: str) -> None:
    facts = facts_of(text, ["Microsoft", "Walmart", "Intuit"])
    assert [f for f in facts if f.kind == "payment"] == []


def test_de_facts_same_fact_twice_is_one() -> None:
    text = ("Die BASF zahlte 2 Millionen Euro an die Siemens AG. Wie berichtet, zahlte die BASF "
            "2 Millionen Euro an die Siemens AG.")
    facts = facts_of(text, ["BASF", "Siemens AG"])
    assert len([f for f in facts if f.kind == "payment"]) == 1


def test_de_facts_ids_are_stable_and_distinct() -> None:
    text = "Zu den Kunden zählen Bosch und Daimler. Diese Kunden zahlten SAP jährlich 5 Mio. Euro."
    first, second = facts_of(text, ["Bosch", "Daimler", "SAP"]), facts_of(text, ["Bosch", "Daimler", "SAP"])
    assert [f.fact_id for f in first] == [f.fact_id for f in second]
    assert len({f.fact_id for f in first}) == len(first)
