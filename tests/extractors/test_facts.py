"""The fact linker on German sentences, with the entities given (the NER is tested elsewhere)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import linking
import pytest

from newsfacts.extractors.facts import link_facts
from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.money import find_amounts
from newsfacts.extractors.percent import find_percentages
from newsfacts.extractors.periods import find_periods
from newsfacts.extractors.records import Entity, Fact


def facts_of(text: str, orgs: list[str], published: date = date(2024, 8, 1)) -> list[Fact]:
    """Facts of a German text with the given companies as the tagger's entities."""
    return linking.facts_of(text, "de", orgs, published=published)


def test_de_facts_buyer_pays_vendor_with_rate_and_period() -> None:
    [fact] = facts_of(
        "Im ersten Quartal zahlte die BASF jeden Monat 2 Millionen Euro an die Siemens AG.", ["BASF", "Siemens AG"]
    )
    assert (fact.kind, fact.customer, fact.vendor) == ("payment", "BASF", "Siemens AG")
    assert (fact.amount_value, fact.amount_currency, fact.rate) == (2000000, "EUR", "P1M")
    assert (str(fact.period_start), str(fact.period_end)) == ("2024-01-01", "2024-03-31")


def test_de_facts_seller_with_customer_after_an() -> None:
    [fact] = facts_of("Die Telekom verkauft Netzkapazität für 300 Millionen Euro an Vodafone.", ["Telekom", "Vodafone"])
    assert (fact.customer, fact.vendor, fact.amount_value) == ("Vodafone", "Telekom", 300000000)


def test_de_facts_plural_anaphor_takes_previous_companies() -> None:
    facts = facts_of(
        "Zu den Kunden zählen Bosch und Daimler. Diese Kunden zahlten SAP jährlich 5 Mio. Euro.",
        ["Bosch", "Daimler", "SAP"],
    )
    payments = [(f.customer, f.vendor, f.rate) for f in facts if f.kind == "payment"]
    assert payments == [("Bosch", "SAP", "P1Y"), ("Daimler", "SAP", "P1Y")]


def test_de_facts_singular_anaphor_and_no_amount() -> None:
    facts = facts_of(
        "Lufthansa hat neue Dienste entwickelt. Bisher zahlte das Unternehmen für die Miete von Amadeus-Servern.",
        ["Lufthansa", "Amadeus"],
    )
    assert [(f.customer, f.vendor, f.amount_value) for f in facts] == [("Lufthansa", "Amadeus", None)]


def test_de_facts_change_with_metric_direction_and_period() -> None:
    [fact] = facts_of("Der Umsatz von Zalando sank im zweiten Quartal um 3,5 Prozent.", ["Zalando"])
    assert (fact.kind, fact.company, fact.percent_value, fact.direction) == ("change", "Zalando", 3.5, "down")
    assert str(fact.period_start) == "2024-04-01"


def test_de_facts_count_with_qualifier() -> None:
    [fact] = facts_of("Laut Spotify nutzen inzwischen mehr als 24 Millionen Kunden den Dienst.", ["Spotify"])
    assert (fact.kind, fact.company, fact.count_value, fact.count_qualifier) == (
        "count",
        "Spotify",
        24000000,
        "more_than",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Die Zahl der Kunden, die 10.000 oder mehr Abonnements kauften, hat sich verdoppelt.",
        "Um das Risiko zu mindern, sucht Microsoft nach Kunden wie Walmart und dem Unternehmen Intuit, die KI kaufen.",
        "Der Umsatz lag bei 3 Mrd. Euro.",
    ],
)
def test_de_facts_no_payment_without_clear_parties(text: str) -> None:
    facts = facts_of(text, ["Microsoft", "Walmart", "Intuit"])
    assert [f for f in facts if f.kind == "payment"] == []


def test_de_facts_same_fact_twice_is_one() -> None:
    text = (
        "Die BASF zahlte 2 Millionen Euro an die Siemens AG. Wie berichtet, zahlte die BASF "
        "2 Millionen Euro an die Siemens AG."
    )
    facts = facts_of(text, ["BASF", "Siemens AG"])
    assert len([f for f in facts if f.kind == "payment"]) == 1


def test_de_facts_ids_are_stable_and_distinct() -> None:
    text = "Zu den Kunden zählen Bosch und Daimler. Diese Kunden zahlten SAP jährlich 5 Mio. Euro."
    first, second = facts_of(text, ["Bosch", "Daimler", "SAP"]), facts_of(text, ["Bosch", "Daimler", "SAP"])
    assert [f.fact_id for f in first] == [f.fact_id for f in second]
    assert len({f.fact_id for f in first}) == len(first)


def facts_in(lang: str, text: str, orgs: list[str]) -> list[Fact]:
    """Facts of one text in any language, with the given companies as the tagger's entities."""
    return linking.facts_of(text, lang, orgs)


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        ("de", "Youzu kauft Bigpoint für 80 Millionen Euro.", ["Youzu", "Bigpoint"], ("Youzu", "Bigpoint", 80000000)),
        ("de", "Rite Aid wird von Walgreens übernommen.", ["Rite Aid", "Walgreens"], ("Walgreens", "Rite Aid", None)),
        (
            "de",
            "Die Übernahme von Covestro durch Adnoc kostet 14,7 Milliarden Euro.",
            ["Covestro", "Adnoc"],
            ("Adnoc", "Covestro", 14700000000),
        ),
        (
            "de",
            "Bayer hat Monsanto für 63 Milliarden Dollar übernommen.",
            ["Bayer", "Monsanto"],
            ("Bayer", "Monsanto", 63000000000),
        ),
        (
            "en",
            "SoftBank bought COMDEX from The Interface Group for $800 million.",
            ["SoftBank", "COMDEX", "The Interface Group"],
            ("SoftBank", "COMDEX", 800000000),
        ),
        (
            "en",
            "In 2006, Myogen was acquired by Gilead Sciences.",
            ["Myogen", "Gilead Sciences"],
            ("Gilead Sciences", "Myogen", None),
        ),
        (
            "fr",
            "Le rachat d'Orangina par Suntory a été finalisé.",
            ["Orangina", "Suntory"],
            ("Suntory", "Orangina", None),
        ),
        ("es", "La cadena Dia fue adquirida por LetterOne.", ["Dia", "LetterOne"], ("LetterOne", "Dia", None)),
        (
            "it",
            "L'acquisizione di Pirelli da parte di ChemChina è costata 7,1 miliardi di euro.",
            ["Pirelli", "ChemChina"],
            ("ChemChina", "Pirelli", 7100000000),
        ),
        (
            "nl",
            "Ahold neemt Delhaize over voor 10 miljard euro.",
            ["Ahold", "Delhaize"],
            ("Ahold", "Delhaize", 10000000000),
        ),
        (
            "pt",
            "A Galp adquiriu a espanhola Gestinver por 50 milhões de euros.",
            ["Galp", "Gestinver"],
            ("Galp", "Gestinver", 50000000),
        ),
    ],
)
def test_facts_acquisition_roles(lang: str, text: str, orgs: list[str], expected: tuple[str, str, int | None]) -> None:
    [fact] = [f for f in facts_in(lang, text, orgs) if f.kind == "acquisition"]
    assert (fact.buyer, fact.target, fact.amount_value) == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        (
            "en",
            "Walmart paid Microsoft $45 million for cloud services.",
            ["Walmart", "Microsoft"],
            ("Walmart", "Microsoft", 45000000),
        ),
        (
            "fr",
            "Carrefour a payé 200 millions d'euros à Google pour des services cloud.",
            ["Carrefour", "Google"],
            ("Carrefour", "Google", 200000000),
        ),
        (
            "es",
            "Renfe pagará 1.500 millones de euros a Talgo por 30 trenes.",
            ["Renfe", "Talgo"],
            ("Renfe", "Talgo", 1500000000),
        ),
        (
            "it",
            "Tim ha pagato 2,4 miliardi di euro a Vodafone per la rete.",
            ["Tim", "Vodafone"],
            ("Tim", "Vodafone", 2400000000),
        ),
        (
            "nl",
            "KLM heeft bij Airbus 50 toestellen besteld voor 5 miljard euro.",
            ["KLM", "Airbus"],
            ("KLM", "Airbus", 5000000000),
        ),
        (
            "pt",
            "A Sonae pagou 30 milhões de euros à Microsoft por serviços na nuvem.",
            ["Sonae", "Microsoft"],
            ("Sonae", "Microsoft", 30000000),
        ),
    ],
)
def test_facts_payment_roles_in_every_language(
    lang: str, text: str, orgs: list[str], expected: tuple[str, str, int]
) -> None:
    [fact] = [f for f in facts_in(lang, text, orgs) if f.kind == "payment"]
    assert (fact.customer, fact.vendor, fact.amount_value) == expected


def test_facts_vendor_preposition_belongs_to_the_verbs_clause() -> None:
    # the seed's "Dutzende Milliarden Dollar ausgegeben, um die Technologie von OpenAI … zu finanzieren"
    facts = facts_of(
        "Microsoft wächst. Das Unternehmen hat zuvor Dutzende Milliarden Dollar ausgegeben, um die "
        "Technologie von OpenAI zu finanzieren.",
        ["Microsoft", "OpenAI"],
    )
    assert [f for f in facts if f.kind == "payment"] == []
    assert [(f.kind, f.company) for f in facts] == [("spending", "Microsoft")]


def test_facts_company_listed_with_others_is_not_a_takeover_target() -> None:
    facts = facts_of(
        "Für rund 2,5 Milliarden Euro haben Audi, BMW und Daimler den Dienst gekauft.", ["Audi", "BMW", "Daimler"]
    )
    assert [f for f in facts if f.kind == "acquisition"] == []


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        ("nl", "De overname van Randstad door Adecco gaat niet door.", ["Randstad", "Adecco"]),
        ("pt", "A Sonae foi comprada pela Jerónimo Martins?", ["Sonae", "Jerónimo Martins"]),
    ],
)
def test_facts_denied_or_asked_takeover_has_low_confidence(lang: str, text: str, orgs: list[str]) -> None:
    facts = facts_in(lang, text, orgs)
    assert facts and all(f.confidence < 0.5 for f in facts)


def test_facts_untagged_capitalised_name_is_proposed_at_lower_confidence() -> None:
    tagged = facts_in("fr", "Capgemini a acquis Altran pour 3,6 milliards d'euros.", ["Capgemini", "Altran"])
    proposed = facts_in("fr", "Capgemini a acquis Altran pour 3,6 milliards d'euros.", ["Capgemini"])
    assert [(f.buyer, f.target) for f in proposed] == [("Capgemini", "Altran")]
    assert proposed[0].confidence < tagged[0].confidence


def test_de_facts_no_names_proposed_where_every_noun_is_capitalised() -> None:
    assert facts_of("Der Konzern kauft Aktien für 3 Mrd. Euro.", []) == []


def test_facts_two_takeovers_without_price_stay_two() -> None:
    facts = facts_in(
        "en",
        "Wells Fargo acquired Merlin Securities. NuStar Energy acquired Kaneb.",
        ["Wells Fargo", "Merlin Securities", "NuStar Energy", "Kaneb"],
    )
    assert [(f.buyer, f.target) for f in facts] == [("Wells Fargo", "Merlin Securities"), ("NuStar Energy", "Kaneb")]


def test_facts_takeover_in_title_and_body_is_one_fact_with_body_evidence() -> None:
    text = "Youzu kauft Bigpoint\n\nDer Spielekonzern Youzu kauft Bigpoint für 80 Millionen Euro."
    pack = load_langpack("de")
    entities = [
        Entity(text=m.group(), start=m.start(), end=m.end(), label="ORG") for m in re.finditer("Youzu|Bigpoint", text)
    ]
    facts = link_facts(
        text,
        article_id="t",
        pack=pack,
        entities=entities,
        amounts=find_amounts(text, pack),
        percentages=[],
        periods=[],
        title_span=(0, 20),
    )
    assert [(f.buyer, f.target, f.amount_value, f.evidence_start > 20) for f in facts] == [
        ("Youzu", "Bigpoint", 80000000, True)
    ]


def _de_link(text: str, entities: list[Entity]) -> list[Fact]:
    pack = load_langpack("de")
    return link_facts(
        text,
        article_id="t",
        pack=pack,
        entities=entities,
        amounts=find_amounts(text, pack),
        percentages=find_percentages(text, pack),
        periods=find_periods(text, pack, published=None),
    )


def test_de_facts_mislabelled_name_behind_a_party_preposition_is_a_candidate() -> None:
    text = "Hapag-Lloyd bestellt bei Hanwha zwölf Containerschiffe für 1,4 Milliarden Dollar."
    entities = [
        Entity(text=n, start=text.index(n), end=text.index(n) + len(n), label=label)
        for n, label in (("Hapag-Lloyd", "ORG"), ("Hanwha", "PER"))
    ]
    [fact] = _de_link(text, entities)
    assert (fact.kind, fact.customer, fact.vendor) == ("payment", "Hapag-Lloyd", "Hanwha")
    assert 0.5 <= fact.confidence < 0.85  # a name only proposed costs confidence


def test_de_facts_bare_mislabelled_name_takes_no_role() -> None:
    text = "Das Systemhaus übernimmt den Mitbewerber Coeit aus Billerbeck."
    entities = [
        Entity(text=n, start=text.index(n), end=text.index(n) + len(n), label=label)
        for n, label in (("Coeit", "ORG"), ("Billerbeck", "LOC"))
    ]
    assert all(f.buyer != "Billerbeck" and f.target != "Billerbeck" for f in _de_link(text, entities))


def test_harmonize_cuts_a_span_run_into_an_amount() -> None:
    from newsfacts.extractors.entities import harmonize_entities
    from newsfacts.extractors.facts import org_cues

    text = "Bayer hat den US-Saatguthersteller Monsanto für 63 Milliarden Dollar übernommen."
    start = text.index("Monsanto")
    slip = Entity(text=text[start : start + 33], start=start, end=start + 33, label="MISC")
    result = harmonize_entities(text, [slip], org_cues=org_cues(load_langpack("de")))
    assert [(e.text, e.label) for e in result] == [("Monsanto", "ORG")]


@pytest.mark.parametrize(
    ("lang", "text", "org", "count"),
    [
        ("en", "Pfizer will cut a total of 10 000 jobs by next year.", "Pfizer", 10000),
        ("de", "Bei Schlecker verloren 25 000 Beschäftigte ihren Arbeitsplatz.", "Schlecker", 25000),
        ("fr", "Renault va supprimer 4\u202f600 emplois en France.", "Renault", 4600),
    ],
)
def test_counts_written_in_space_groups(lang: str, text: str, org: str, count: int) -> None:
    """A count grouped by spaces (any space: a plain, a no-break or a narrow one) is one number,
    in every language, whatever its pack's own separators."""
    counts = [(f.company, f.count_value) for f in facts_in(lang, text, [org]) if f.kind == "count"]
    assert counts == [(org, count)]


def test_count_after_a_year_is_not_glued_to_it() -> None:
    """ "In 2015 300 employees": two numbers, not 2,015,300 employees nor 15,300."""
    counts = [
        f.count_value for f in facts_in("en", "In 2015 300 employees left Pfizer.", ["Pfizer"]) if f.kind == "count"
    ]
    assert 2015300 not in counts and 15300 not in counts


def test_old_value_after_a_colon_is_no_revenue() -> None:
    """ "(Vorjahr: bereinigt 853,4 Millionen Euro)": the colon belongs to the comparison cue, so
    the prior year's figure is no revenue of its own (SmartData-like, our own sentence)."""
    text = "- Umsatz 2015 ist auf 931,3 Millionen Euro (Vorjahr: bereinigt 853,4 Millionen Euro) gestiegen"
    revenues = [
        f.amount_value for f in linking.facts_of(text, "de", ["Siltronic"], title="Siltronic") if f.kind == "revenue"
    ]
    assert revenues == [931300000]


@pytest.mark.parametrize(
    ("lang", "text", "count"),
    [
        ("en", "Intel said it will reduce its workforce by 15,000.", 15000),
        ("en", "Intel will cut its workforce by 15 percent.", None),
        ("de", "Intel will das Personal bis 2026 um 3000 reduzieren.", 3000),
        ("de", "Intel will die Belegschaft um zehn Prozent verkleinern.", None),
    ],
)
def test_count_of_a_workforce_cut_by_a_number(lang: str, text: str, count: int | None) -> None:
    """ "reduce its workforce by 15,000", "das Personal um 3000 reduzieren": a count (the pack's
    ``count_frames``); by a percentage it is a change, never a count."""
    counts = [f.count_value for f in facts_in(lang, text, ["Intel"]) if f.kind == "count"]
    assert counts == ([count] if count else [])


def test_count_company_is_never_a_place() -> None:
    """A name the tagger called a place is no count's company ("flying via New York … carrying
    about 500 people"), even where it is the only name before the count."""
    text = "The A380 is flying from Frankfurt to Chicago via New York; the airplane will be carrying about 500 people."
    places = ["New York", "Frankfurt", "Chicago"]
    facts = linking.facts_of(text, "en", places, label="LOC")
    assert [f.company for f in facts if f.kind == "count" and f.company in places] == []


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "price"),
    [
        (
            "de",
            "Der Mischkonzern Johnson Controls übernimmt für etwa 14 Milliarden Tyco International.",
            ["Johnson Controls", "Tyco International"],
            14_000_000_000,
        ),
        (
            "en",
            "Anglo American has negotiated a price of 5.1 billion to buy 40% of diamond giant De Beers from the Oppenheimer family.",
            ["Anglo American", "De Beers"],
            5_100_000_000,
        ),
        ("de", "Siemens übernimmt für 2 Millionen Aktien die Müller AG.", ["Siemens", "Müller AG"], None),
        ("en", "Pfizer bought Wyeth for 5 m.", ["Pfizer", "Wyeth"], None),
    ],
)
def test_acquisition_price_without_its_currency(lang: str, text: str, orgs: list[str], price: int | None) -> None:
    """A price the story gives without its currency ("für etwa 14 Milliarden") is the
    takeover's amount (currency unknown, confidence as without a price); a bare number that
    counts shares, or a one-letter scale, is none."""
    [fact] = [f for f in facts_in(lang, text, orgs) if f.kind == "acquisition"]
    assert fact.amount_value == price and fact.amount_currency is None
    assert fact.confidence >= 0.75


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        (
            "de",
            "Nach einer Zusammenstellung des Düsseldorfer WSI-Tarifarchivs der gewerkschaftsnahen "
            "Hans-Böckler-Stiftung werden neue Tarife für knapp 12 Millionen Beschäftigte ausgehandelt.",
            ["Hans-Böckler-Stiftung"],
            [],
        ),
        ("en", "A survey by Gartner found that 2,000 stores closed.", ["Gartner"], []),
        (
            "de",
            "Laut einer Studie von McKinsey steigerte Siemens den Umsatz um 5 Prozent.",
            ["McKinsey", "Siemens"],
            [("change", "Siemens")],
        ),
    ],
)
def test_the_source_of_figures_is_not_their_subject(lang: str, text: str, orgs: list[str], expected: list) -> None:
    """A company named as a study's or a survey's author (pack keys ``source_nouns`` and
    ``source_links``) is where the figures come from; only the first company after the source
    noun is that author."""
    assert [(f.kind, f.company) for f in facts_in(lang, text, orgs)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        (
            "de",
            "Nach der Übernahme der Energiesparte des französischen Konzerns Alstom durch General Electric sinkt die Zahl.",
            ["Alstom", "General Electric"],
            ("General Electric", "Energiesparte", "Alstom"),
        ),
        (
            "de",
            "Siemens übernimmt die Medizintechniksparte von Philips für 2 Milliarden Euro.",
            ["Siemens", "Philips"],
            ("Siemens", "Medizintechniksparte", "Philips"),
        ),
        (
            "en",
            "Whirlpool agreed to buy GE's appliance business for $3.3 billion.",
            ["Whirlpool", "GE"],
            ("Whirlpool", "appliance business", "GE"),
        ),
        ("de", "Siemens übernimmt Osram.", ["Siemens", "Osram"], ("Siemens", "Osram", None)),
    ],
)
def test_a_bought_division_is_the_target_and_its_company_the_seller(
    lang: str, text: str, orgs: list[str], expected: tuple
) -> None:
    [fact] = [f for f in facts_in(lang, text, orgs) if f.kind == "acquisition"]
    assert (fact.buyer, fact.target, fact.seller) == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        ("en", "Daimler raised its stake in Tesla to 9.1%.", ["Daimler", "Tesla"], [("Daimler", "Tesla", 9.1)]),
        (
            "de",
            "Daimler erhöhte seine Beteiligung an Tesla auf 9,1 Prozent.",
            ["Daimler", "Tesla"],
            [("Daimler", "Tesla", 9.1)],
        ),
        ("en", "The government owns 61% of General Motors.", ["General Motors"], []),
    ],
)
def test_share_holder_and_whole(lang: str, text: str, orgs: list[str], expected: list) -> None:
    """The company after "stake in"/"Beteiligung an" is the whole and the holder stands before
    the noun; a company is never a share of itself."""
    shares = [(f.company, f.of, float(f.percent_value)) for f in facts_in(lang, text, orgs) if f.kind == "share"]
    assert shares == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aer Lingus employs 3,900 staff and carries 7m people a year.", [("people", 7000000), ("staff", 3900)]),
        ("Ryanair has 27.6m passengers.", [("passengers", 27600000)]),
        ("Ryanair has 5 passengers.", [("passengers", 5)]),
    ],
)
def test_counts_with_a_multiplier_glued_to_the_number(text: str, expected: list) -> None:
    """ "7m people", "27.6m passengers": a short multiplier may be glued to a count's number."""
    counts = [
        (f.metric, int(f.count_value))
        for f in facts_in("en", text, [text.split()[0] if text[0] != "A" else "Aer Lingus"])
        if f.kind == "count"
    ]
    assert sorted(counts) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "org", "metric"),
    [
        ("New Zealand Post will bring in postal codes at a cost of $80 million.", "New Zealand Post", "cost"),
        ("Siemens booked a restructuring charge of $200 million.", "Siemens", "restructuring charge"),
    ],
)
def test_en_costs_and_charges_are_spending(text: str, org: str, metric: str) -> None:
    [fact] = facts_in("en", text, [org])
    assert (fact.kind, fact.company, fact.metric) == ("spending", org, metric)


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        (
            "de",
            "Der Spezialmaschinenbauer KraussMaffei wird chinesisch. "
            "ChemChina kauft das Münchener Unternehmen für 925 Millionen Euro.",
            ["KraussMaffei", "ChemChina", "Münchener Unternehmen"],
            ("ChemChina", "KraussMaffei"),
        ),
        (
            "de",
            "Siemens wächst. Die Deutsche Bank kauft die Postbank für 6 Milliarden Euro.",
            ["Siemens", "Deutsche Bank", "Postbank"],
            ("Deutsche Bank", "Postbank"),
        ),
    ],
)
def test_a_tagged_description_stands_for_the_company_named_before(
    lang: str, text: str, orgs: list[str], expected: tuple
) -> None:
    """A span the tagger called a company that is an adjective and a generic noun ("das Münchener
    Unternehmen") is the company named before its sentence; a name with an adjective ("Die
    Deutsche Bank") stays a name."""
    [fact] = [f for f in facts_in(lang, text, orgs) if f.kind == "acquisition"]
    assert (fact.buyer, fact.target) == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        (
            "de",
            "Twitter streicht acht Prozent der Arbeitsplätze.",
            ["Twitter"],
            [("Twitter", "Arbeitsplätze", 8, "down")],
        ),
        (
            "de",
            "AIG wolle nun 20 Prozent der Positionen im oberen Management streichen.",
            ["AIG"],
            [("AIG", "Positionen", 20, "down")],
        ),
        (
            "en",
            "Sunoco plans to cut 750 jobs, or about 20 percent of the salaried workforce.",
            ["Sunoco"],
            [("Sunoco", "workforce", 20, "down")],
        ),
        ("en", "Ford will fire 12% of its executive officers.", ["Ford"], [("Ford", "officers", 12, "down")]),
        ("de", "Rund 40 Prozent der Mitarbeiter arbeiten in Deutschland.", ["Siemens"], []),
        ("en", "About 40 percent of the employees at Siemens work in Germany.", ["Siemens"], []),
    ],
)
def test_a_percentage_of_the_workforce_that_moved_is_a_change(
    lang: str, text: str, orgs: list[str], expected: list
) -> None:
    """A percentage of a count or workforce noun with a direction word in its clause (or the
    clause before it) is a change of that noun; without one it is no fact."""
    changes = [
        (f.company, f.metric, int(f.percent_value), f.direction)
        for f in facts_in(lang, text, orgs)
        if f.kind == "change"
    ]
    assert changes == expected


@pytest.mark.parametrize(
    "text",
    [
        "Web.com said total revenues for the quarter were $12.1 million, down from $12.3 million in the first quarter.",
        "Web.com said total revenues for the quarter were $12.1 million, up from $11.8 million a year earlier.",
        "Web.com said total revenues were $12.1 million, which compared very favourably with $11.8 million.",
    ],
)
def test_the_figure_a_revenue_is_compared_with_is_no_revenue(text: str) -> None:
    """ "down from X", "up from X", "compared (very favourably) with X": X is the old value."""
    revenues = [int(f.amount_value) for f in facts_in("en", text, ["Web.com"]) if f.kind == "revenue"]
    assert revenues == [12100000]


def test_an_amounts_own_item_beats_a_revenue_noun_elsewhere() -> None:
    """Written by us: "a loss of $254 million and a decline in sales": the amount is the loss."""
    text = "Acme Motors reported a second quarter loss of $254 million and a 34% decline in sales."
    figures = [(f.kind, f.metric) for f in facts_in("en", text, ["Acme Motors"]) if f.amount_value]
    assert figures == [("revenue", "loss")]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        ("en", "Ryanair's revenue rose to €1.34bn ($1.66 billion).", ["Ryanair"], [1340000000]),
        ("en", "Ryanair's revenue rose to €1.34bn (about US$1.66 billion).", ["Ryanair"], [1340000000]),
        (
            "de",
            "Der Umsatz der Swatch Group stieg auf 8,5 Milliarden Franken (umgerechnet 7,8 Milliarden Euro).",
            ["Swatch Group"],
            [8500000000],
        ),
        # written by us: two conversions in one bracket
        ("en", "Ryanair's revenue fell to £7 million (US$11.2 million, €7.9 million).", ["Ryanair"], [7000000]),
    ],
)
def test_an_amount_restated_in_brackets_in_another_currency_is_no_second_figure(
    lang: str, text: str, orgs: list[str], expected: list
) -> None:
    """ "€1.34bn ($1.66 billion)" is one figure converted: one revenue fact, in the first currency."""
    assert [int(f.amount_value) for f in facts_in(lang, text, orgs) if f.kind == "revenue"] == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        ("en", "Ryanair has hedged 75% of its fuel needs for the year.", ["Ryanair"], []),
        ("en", "The IMF expects the deficit to top 7.3% of economic output.", ["IMF"], []),
        ("en", "Ryanair holds 29.8% of Aer Lingus.", ["Ryanair", "Aer Lingus"], [("Ryanair", "Aer Lingus")]),
        ("en", "Seagate will have 40% of the market.", ["Seagate"], []),
        ("en", "Seagate will have a 40% share of the market.", ["Seagate"], [("Seagate", None)]),
        ("en", "Essar owns 60% of the project.", ["Essar"], [("Essar", None)]),
        ("de", "Die Telekom gab 40 Prozent der Gewinne aus.", ["Telekom"], []),
        ("de", "Die Telekom hält einen Anteil von 40 Prozent.", ["Telekom"], [("Telekom", None)]),
    ],
)
def test_a_proportion_of_no_company_is_a_share_only_with_a_share_cue(
    lang: str, text: str, orgs: list[str], expected: list
) -> None:
    """A percentage "of" a whole that is no company is a proportion ("75% of its fuel", "7.3% of
    GDP"); it is a company's share with a company after it, a share noun or an owning verb."""
    shares = [(f.company, f.of) for f in facts_in(lang, text, orgs) if f.kind == "share"]
    assert shares == expected


@pytest.mark.parametrize(
    ("text", "orgs", "expected"),
    [
        (
            "Halliburton was paid $10.7 billion by the Pentagon.",
            ["Halliburton", "Pentagon"],
            [("payment", "Pentagon", "Halliburton")],
        ),
        ("Halliburton reported being paid $10.7 billion for government work.", ["Halliburton"], []),
        ("Microsoft paid $5 million to Oracle.", ["Microsoft", "Oracle"], [("payment", "Microsoft", "Oracle")]),
        # "bought" in the passive: the subject is what was bought (bought_passive)
        (
            "That ticket is worth $250,000 and was bought at Crown Beer & Wine in Montgomery County, Maryland.",
            ["Crown Beer & Wine", "Maryland"],
            [],
        ),
        ("Acme bought supplies for $2 million.", ["Acme"], [("spending", None, None)]),
    ],
)
def test_paid_in_the_passive_is_received(text: str, orgs: list[str], expected: list) -> None:
    """The subject of "was paid" is paid (the vendor); without an agent the customer is unknown
    and the subject spent nothing: no fact rather than a wrong spending."""
    assert [(f.kind, f.customer, f.vendor) for f in facts_in("en", text, orgs)] == expected


def test_a_number_is_never_a_company() -> None:
    """A tagger's ORG without a letter ("2008" of a "2008-09 financial crisis" heading) is no
    company of any fact."""
    facts = facts_in("en", "2008-09 financial crisis. The economy has shed over six million jobs.", ["2008"])
    assert all(f.company != "2008" for f in facts)


@pytest.mark.parametrize(
    ("text", "amount", "percent", "direction"),
    [
        ("Hewlett-Packard closed up $1.05 (+3.38%) to $32.16/share.", 1.05, 3.38, "up"),
        ("Hewlett-Packard shares closed down $2.10 at $30.50.", 2.1, None, "down"),
    ],
)
def test_stock_closing_moves_are_changes(text: str, amount: float, percent: float | None, direction: str) -> None:
    """ "closed up $1.05 (+3.38%)": one change by an amount and a percentage, not a price."""
    [fact] = [f for f in facts_in("en", text, ["Hewlett-Packard"]) if f.kind == "change"]
    assert (float(fact.amount_value), fact.percent_value and float(fact.percent_value), fact.direction) == (
        amount,
        percent,
        direction,
    )


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: a count in a clause about a whole economy is no company's (economy_cues)
        ("en", "Eurostat said 15.8 million people are now unemployed in the eurozone.", ["Eurostat"], []),
        ("en", "Since December, the economy has shed over six million jobs.", ["White House"], []),
        ("en", "Ford will cut 10,000 jobs in North America.", ["Ford"], [("Ford", 10000)]),
        ("de", "Laut Bundesagentur stieg die Zahl der Arbeitslosen auf 2,9 Millionen Menschen.", ["Bundesagentur"], []),
        ("de", "Die Commerzbank will 1.200 Stellen streichen.", ["Commerzbank"], [("Commerzbank", 1200)]),
    ],
)
def test_counts_of_a_whole_economy_are_no_company_facts(lang: str, text: str, orgs: list[str], expected: list) -> None:
    counts = [(f.company, int(f.count_value or 0)) for f in facts_in(lang, text, orgs) if f.kind == "count"]
    assert counts == expected


@pytest.mark.parametrize(
    ("text", "orgs", "company"),
    [
        # written by us: a language's name is a nationality adjective, never a company
        ("Conduit is to create 600 new jobs in the Welsh capital Cardiff.", ["Conduit", "Welsh"], "Conduit"),
        ("Ryanair, the Irish low fares airline, reported a 19% increase in profits.", ["Ryanair", "Irish"], "Ryanair"),
    ],
)
def test_a_nationality_adjective_is_no_company(text: str, orgs: list[str], company: str) -> None:
    assert {f.company for f in facts_in("en", text, orgs) if f.company} == {company}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Essar Group", "Essar", True),
        ("Siemens", "Siemens AG", True),
        ("Deutsche Bank", "Deutsche Postbank", False),
        ("Bayer", "Monsanto", False),
    ],
)
def test_one_family_of_names(a: str, b: str, same: bool) -> None:
    """A takeover's buyer and target are never one name's family ("Essar Group" buying "Essar")."""
    from newsfacts.extractors.facts.acquisitions import _one_family

    assert _one_family(a, b) is same


def test_a_description_stands_for_the_topic_named_just_before() -> None:
    """ "The company" is the article's topic when the text named it in the last sentences, not
    the company named last (a customer it lost); written by us."""
    text = (
        "Web.com reported its results on Monday. Web.com said revenue rose. The quarter included the loss "
        "of subscribers from Verizon. The company reported that net subscribers totaled approximately 148,000."
    )
    counts = [(f.company, f.count_value) for f in facts_in("en", text, ["Web.com", "Verizon"]) if f.kind == "count"]
    assert counts == [("Web.com", 148000)]


@pytest.mark.parametrize(
    ("text", "count", "noun"),
    [
        ("DaimlerChrysler also plans to cut two Chrysler plants.", 2, "plants"),
        ("NRDC plans to open up to 15 Lord & Taylor stores in Canada.", 15, "stores"),
    ],
)
def test_a_name_between_a_count_and_its_noun(text: str, count: int, noun: str) -> None:
    [fact] = [f for f in facts_in("en", text, [text.split()[0]]) if f.kind == "count"]
    assert (fact.count_value, fact.metric) == (count, noun)


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        # written by us: a public body reports a market's figures, it is no company of them
        ("de", "Das ist laut Bundesnetzagentur ein Rückgang um 27 Prozent.", ["Bundesnetzagentur"]),
        ("en", "The Labor Department said the unemployment rate rose 9.4 percent.", ["Labor Department"]),
    ],
)
def test_a_public_body_is_no_company_of_a_figure(lang: str, text: str, orgs: list[str]) -> None:
    assert [f for f in facts_in(lang, text, orgs) if f.kind in ("change", "revenue", "count", "share")] == []


def test_an_amount_is_no_count() -> None:
    """ "AU$5.32 billion to shareholders": the number is an amount's, no count of shareholders."""
    text = "Rio Tinto will return a record profit of over AU$5.32 billion to shareholders."
    assert [f for f in facts_in("en", text, ["Rio Tinto"]) if f.kind == "count"] == []


def test_a_market_index_with_an_article_is_no_company() -> None:
    text = "The Standard & Poor's 500 index jumped by 7.07% on Monday."
    assert [f for f in facts_in("en", text, ["The Standard & Poor"]) if f.kind == "change"] == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # written by us: "people" is a company's count only with a count verb (weak_count_nouns)
        ("Powerball paid out the jackpot to eight people in Nebraska.", False),
        ("The Yellow Page Group employs 600 people.", True),
    ],
)
def test_people_are_counted_only_with_a_count_verb(text: str, counted: bool) -> None:
    counts = [f for f in facts_in("en", text, [text.split(" paid")[0].split(" employs")[0]]) if f.kind == "count"]
    assert bool(counts) is counted


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "payer", "paid", "amount"),
    [
        # written by us: funding is a payment from the giver to the company funded
        ("de", "Der Bund fördert Intel mit zehn Milliarden Euro.", ["Bund", "Intel"], "Bund", "Intel", 10**10),
        (
            "de",
            "Die KfW gewährt Uniper einen Kredit über zwei Milliarden Euro.",
            ["KfW", "Uniper"],
            "KfW",
            "Uniper",
            2 * 10**9,
        ),
        (
            "de",
            "Intel erhält vom Bund Subventionen von zehn Milliarden Euro.",
            ["Intel", "Bund"],
            "Bund",
            "Intel",
            10**10,
        ),
        ("en", "BMW gave Rover an interest-free loan of £427 million.", ["BMW", "Rover"], "BMW", "Rover", 427 * 10**6),
        ("en", "Rover received a loan from BMW for £427 million.", ["Rover", "BMW"], "BMW", "Rover", 427 * 10**6),
    ],
)
def test_funding_is_a_payment(lang: str, text: str, orgs: list[str], payer: str, paid: str, amount: int) -> None:
    payments = [(f.customer, f.vendor, f.amount_value) for f in facts_in(lang, text, orgs) if f.kind == "payment"]
    assert payments == [(payer, paid, amount)]


@pytest.mark.parametrize(
    ("text", "orgs", "absent"),
    [
        # written by us: a title, an event, a law or a measure the tagger called ORG is no party
        ("Employment Minister Smith said jobs rose 2.1%.", ["Employment Minister"], "Employment Minister"),
        ("Hurricane Katrina cost Allstate $3 billion.", ["Hurricane Katrina", "Allstate"], "Hurricane Katrina"),
        ("The Academy Awards earned $1,200 million in revenue.", ["Academy Awards"], "Academy Awards"),
        ("GDP fell 8.5% this year.", ["GDP"], "GDP"),
        ("It comes with 5 GB of storage for 10 devices.", ["GB"], "GB"),
        ("Since the recession began, Pennsylvanians have lost 100,000 jobs.", ["Pennsylvanians"], "Pennsylvanians"),
        # a public body named "X of Y", or an international one, is never a figure's company
        ("The Australian Bureau of Statistics said sales rose 5.1%.", ["Australian Bureau of Statistics"], "Bureau"),
        ("The IMF said the economy will shrink by 8.5%.", ["IMF"], "IMF"),
    ],
)
def test_names_that_are_no_company_take_no_role(text: str, orgs: list[str], absent: str) -> None:
    roles = [n for f in facts_in("en", text, orgs) for n in (f.company, f.customer, f.vendor, f.buyer, f.target)]
    assert not any(n and absent in n for n in roles)


def test_a_title_inside_a_name_leaves_its_company() -> None:
    """ "Lindex Chairman Conny Karlsson": the title follows the company, which keeps its facts."""
    facts = facts_in("en", "Lindex Chairman Conny Karlsson said Lindex operates 350 stores.", ["Lindex"])
    assert [(f.kind, f.company) for f in facts] == [("count", "Lindex")]


@pytest.mark.parametrize(
    "text",
    [
        # written by us: a deal that was stopped, rejected or fell through is no fact to report
        "Virgin Media agreed to buy ITV last year, but the deal was stopped.",
        "Hostopia agreed to buy Web.com, but shareholders rejected it.",
        "The rescinded acquisition of Hostopia by Web.com cost $2 million.",
        "Virgin Media denied that it will buy ITV.",
        "Hostopia has no plans to buy Web.com.",
    ],
)
def test_deals_that_did_not_happen_are_doubtful(text: str) -> None:
    facts = [f for f in facts_in("en", text, ["Virgin Media", "ITV", "Hostopia", "Web.com"])]
    deals = [f for f in facts if f.kind in ("payment", "acquisition")]
    assert deals and all(f.confidence < 0.5 for f in deals)


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: what a company counts beyond staff and stores
        ("en", "Marriott operates 7,000 hotels worldwide.", ["Marriott"], [("Marriott", 7000)]),
        ("de", "Die Sana betreibt 50 Kliniken.", ["Sana"], [("Sana", 50)]),
        # "ein Händler" is an article and a noun, no count of one
        ("de", "Die EZB senkte den Zins, sagte ein Händler.", ["EZB"], []),
    ],
)
def test_counts_of_more_nouns(lang: str, text: str, orgs: list[str], expected: list) -> None:
    counts = [(f.company, f.count_value) for f in facts_in(lang, text, orgs) if f.kind == "count"]
    assert counts == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # written by us: a percentage set against a comparison right after it is a change
        ("de", "Der Umsatz von Acme lag 4 Prozent über dem Vorjahr.", ("Acme", Decimal("4"), "up")),
        ("de", "Der Umsatz von Acme lag 4 Prozent unter dem Vorjahr.", ("Acme", Decimal("4"), "down")),
        ("en", "Acme sales were 5% below last year.", ("Acme", Decimal("5"), "down")),
        ("en", "Acme sales were 15 percent higher than a year earlier.", ("Acme", Decimal("15"), "up")),
        # more verbs of a market move
        ("en", "Acme has shed 7.28%.", ("Acme", Decimal("7.28"), "down")),
        ("en", "Acme shares slipped 2% on Friday.", ("Acme", Decimal("2"), "down")),
    ],
)
def test_changes_against_a_comparison_and_market_verbs(lang: str, text: str, expected: tuple) -> None:
    changes = [(f.company, f.percent_value, f.direction) for f in facts_in(lang, text, ["Acme"]) if f.kind == "change"]
    assert changes == [expected]


def test_a_percentage_over_a_route_is_no_change() -> None:
    """ "über die Börse" is the way a stake was sold, no comparison."""
    assert [f.kind for f in facts_in("de", "Acme verkaufte 5 Prozent über die Börse.", ["Acme"])] != ["change"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written by us: a revenue or spending metric after an amount and "in"
        ("Acme reported $776 million in profit.", [("revenue", "profit", Decimal("776000000"))]),
        ("Acme booked $40 million in restructuring costs.", [("spending", "restructuring costs", Decimal("40000000"))]),
        # after a verb of reporting, or a link "with", the metric follows the amount bare
        ("Acme posted $1.2 billion pre-tax profit.", [("revenue", "pre-tax profit", Decimal("1200000000"))]),
        (
            "Acme's operating income was reported as $85 million.",
            [("revenue", "operating income", Decimal("85000000"))],
        ),
        # any other item after "in" is none: a place, a time
        ("Acme said $5 million in Germany was lost.", []),
    ],
)
def test_a_metric_after_an_amount_and_in(text: str, expected: list) -> None:
    facts = [(f.kind, f.metric, f.amount_value) for f in facts_in("en", text, ["Acme"]) if f.kind != "figure"]
    assert facts == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: amounts in brackets after each company of a list, a metric named before
        (
            "en",
            "Acme's record profit is larger than that of Easyjet ($74m) and British Airways ($240m).",
            ["Acme", "Easyjet", "British Airways"],
            {("Easyjet", "profit", Decimal("74000000")), ("British Airways", "profit", Decimal("240000000"))},
        ),
        (
            "de",
            "Beim Umsatz lagen Siemens (5 Milliarden Euro) und Bosch (3 Milliarden Euro) vorn.",
            ["Siemens", "Bosch"],
            {("Siemens", "Umsatz", Decimal("5000000000")), ("Bosch", "Umsatz", Decimal("3000000000"))},
        ),
        # no metric named: a bracketed amount says nothing of its own
        ("en", "Acme ($5 billion) was sold.", ["Acme"], set()),
    ],
)
def test_bracketed_amounts_in_a_list_of_companies(lang: str, text: str, orgs: list[str], expected: set) -> None:
    facts = {(f.company, f.metric, f.amount_value) for f in facts_in(lang, text, orgs) if f.kind == "revenue"}
    assert facts == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: list items that leave the verb out take their own name, tagged or not
        (
            "en",
            "Bank stocks rose: Acme stocks increased by 26%, JP Morgan Chase by 25%, and Citigroup by 19.5%.",
            ["Acme"],
            {("Acme", Decimal("26")), ("JP Morgan Chase", Decimal("25")), ("Citigroup", Decimal("19.5"))},
        ),
        (
            "de",
            "Siemens legte um 3 Prozent zu, Bosch um 2 Prozent.",
            ["Siemens", "Bosch"],
            {("Siemens", Decimal("3")), ("Bosch", Decimal("2"))},
        ),
    ],
)
def test_changes_of_a_list_without_verbs(lang: str, text: str, orgs: list[str], expected: set) -> None:
    changes = {(f.company, f.percent_value) for f in facts_in(lang, text, orgs) if f.kind == "change"}
    assert changes == expected


def test_a_brand_in_camel_case_is_proposed_as_a_company() -> None:
    """ "easyJet" opens in lower case: the tagger misses it, its camel case says it is a name."""
    text = "Ryanair flies from Dublin. easyJet employs 3,600 staff."
    counts = [(f.company, f.count_value) for f in facts_in("en", text, ["Ryanair"]) if f.kind == "count"]
    assert counts == [("easyJet", Decimal("3600"))]


@pytest.mark.parametrize(
    ("text", "orgs", "expected"),
    [
        # written by us: "Menschen" is a company's count only with a verb of work in its clause
        ("Schlecker beschäftigte 25.000 Menschen.", ["Schlecker"], [("Schlecker", Decimal("25000"))]),
        ("Zum Fest von Schlecker kamen 25.000 Menschen.", ["Schlecker"], []),
        # a prosecutor named with its city is a public body, no company
        (
            "Die Staatsanwaltschaft Stuttgart ermittelt; 25.000 Menschen verloren ihren Arbeitsplatz.",
            ["Staatsanwaltschaft Stuttgart"],
            [],
        ),
    ],
)
def test_de_counts_of_people(text: str, orgs: list[str], expected: list) -> None:
    counts = [(f.company, f.count_value) for f in facts_in("de", text, orgs) if f.kind == "count"]
    assert counts == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: money received from a company is its payment to the receiver
        ("en", "Tesla received $465 million from the Energy Department.", ["Tesla", "Energy Department"],
         [("Energy Department", "Tesla", Decimal("465000000"))]),
        ("de", "Opel erhält 1,5 Milliarden Euro vom Bund.", ["Opel", "Bund"], [("Bund", "Opel", Decimal("1500000000"))]),
        # no payer after "from": none
        ("en", "Acme received $5 million to build a plant.", ["Acme"], []),
    ],
)  # fmt: skip
def test_money_received_from_a_company(lang: str, text: str, orgs: list[str], expected: list) -> None:
    payments = [(f.customer, f.vendor, f.amount_value) for f in facts_in(lang, text, orgs) if f.kind == "payment"]
    assert payments == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "counts"),
    [
        # written by us: what a company orders is no count it has; whom it hires is
        ("en", "Lufthansa ordered 20 planes from Boeing worth $5 billion.", ["Lufthansa", "Boeing"], []),
        (
            "de",
            "Lufthansa bestellt 20 Flugzeuge im Wert von 2 Milliarden Euro bei Airbus.",
            ["Lufthansa", "Airbus"],
            [],
        ),
        ("en", "Acme hired 500 workers.", ["Acme"], [("Acme", Decimal("500"))]),
    ],
)
def test_ordered_goods_are_no_count(lang: str, text: str, orgs: list[str], counts: list) -> None:
    facts = facts_in(lang, text, orgs)
    assert [(f.company, f.count_value) for f in facts if f.kind == "count"] == counts


def test_a_list_of_topic_tags_gives_no_fact() -> None:
    """A page's tags run together ("… Deutsche Messe AG Übernahme … Deutsche Bahn AG …") state
    nothing; a headline in capitals does ("UMSATZ 2015 MIT 2.402 MIO EUR")."""
    tags = (
        "Weitere Themen\nChina Distribution Auszeichnung Studie Fachmesse Kooperation Erweiterung "
        "E-Commerce Multichannel Forschung Neubau Deutsche Messe AG Übernahme Logistikstrategien "
        "Deutsche Bahn AG Logistikzentrum\n"
    )
    assert facts_in("de", tags, ["Deutsche Messe AG", "Deutsche Bahn AG"]) == []
    sentence = "Deutsche Messe AG übernimmt die Deutsche Bahn AG."
    assert [f.kind for f in facts_in("de", sentence, ["Deutsche Messe AG", "Deutsche Bahn AG"])] == ["acquisition"]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: a count in a clause about an incident is no company's size (incident_cues)
        ("en", "The explosion at the Acme Chemicals plant killed eleven workers.", ["Acme Chemicals"], []),
        ("en", "Acme Chemicals evacuated 153 employees from the platform.", ["Acme Chemicals"], []),
        ("en", "Acme Chemicals employs 4,000 workers.", ["Acme Chemicals"], [("Acme Chemicals", 4000)]),
        ("de", "Bei der Explosion im Werk der Chemiewerke AG wurden elf Mitarbeiter verletzt.", ["Chemiewerke AG"], []),
        ("de", "Die Chemiewerke AG beschäftigt 4.000 Mitarbeiter.", ["Chemiewerke AG"], [("Chemiewerke AG", 4000)]),
        # a strike counts the strikers, not the company's staff; a count verb right before keeps it
        (
            "de",
            "Bei der Chemiewerke AG legten 250 Mitarbeiter der Frühschicht die Arbeit nieder.",
            ["Chemiewerke AG"],
            [],
        ),
        ("de", "Rund 2000 Chemiewerke-Beschäftigte wollen in den Warnstreik gehen.", ["Chemiewerke AG"], []),
        ("en", "At Acme Chemicals, 14,000 employees staged a two-hour strike.", ["Acme Chemicals"], []),
        (
            "en",
            "Acme Chemicals, the company that laid off 500 workers after a strike, will attend talks.",
            ["Acme Chemicals"],
            [("Acme Chemicals", 500)],
        ),
    ],
)
def test_counts_in_an_incident_are_no_company_facts(lang: str, text: str, orgs: list[str], expected: list) -> None:
    counts = [(f.company, int(f.count_value or 0)) for f in facts_in(lang, text, orgs) if f.kind == "count"]
    assert counts == expected


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # written by us: members, visitors, passengers… count anyone; a company's only with a count verb
        ("The EU will then have 28 members.", False),
        ("The museum of Acme Airport counted 5,000 visitors.", True),
        ("Acme Airport welcomed 5,000 visitors.", False),
        ("Acme Books sold 30,000 copies of the novel.", True),
    ],
)
def test_weak_count_nouns_need_a_count_verb(text: str, counted: bool) -> None:
    orgs = [w for w in ("EU", "Acme Airport", "Acme Air", "Acme Books") if w in text][:1]
    assert bool([f for f in facts_in("en", text, orgs) if f.kind == "count"]) is counted


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # written by us: vehicles, devices, sites and roles count a company's only with a verb
        ("Die Liste der ersten 150 Fahrzeuge von Autowerke AG ist veröffentlicht.", False),
        ("Autowerke AG hat im Jahr 300.000 Fahrzeuge ausgeliefert.", True),
        ("Die Flotte der Autowerke AG umfasst 17.500 Fahrzeuge.", True),
        ("Der Unfall der Autowerke AG: zwei Fahrzeuge wurden in zwei Kliniken gebracht.", False),
        ("Bei der Autowerke AG soll die Produktion auf eine Million Autos steigen.", True),
    ],
)
def test_de_weak_count_nouns_need_a_count_verb(text: str, counted: bool) -> None:
    assert bool([f for f in facts_in("de", text, ["Autowerke AG"]) if f.kind == "count"]) is counted


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # written by us: German nouns are capitalised, and a compound's first part has 3+ letters
        ("Die Autowerke AG gewann 300.000 Großkunden.", "Großkunden"),
        ("Die Autowerke AG streicht 500 Vollzeitstellen.", "Vollzeitstellen"),
        ("Lesezeit bei Autowerke AG: 31 Sekunden", None),
        ("Bei der Autowerke AG sind 12.000 angestellte Lehrer.", None),
    ],
)
def test_de_count_nouns_are_capitalised_nouns(text: str, metric: str | None) -> None:
    found = [f.metric for f in facts_in("de", text, ["Autowerke AG"]) if f.kind in ("count", "change")]
    assert found == ([metric] if metric else [])


def test_a_model_number_after_a_hyphen_is_no_count() -> None:
    """ "a Boeing 737-800 aircraft": 800 is the model's, not a number of aircraft."""
    text = "Delta said the Boeing 737-800 aircraft was taken to a remote area."
    assert [f for f in facts_in("en", text, ["Delta"]) if f.kind == "count"] == []


@pytest.mark.parametrize(
    ("label", "paid"),
    [
        # written by us: two parties that are only guessed, and that the tagger called persons,
        # make no payment; the same sentence between tagged companies does
        ("PER", False),
        ("ORG", True),
    ],
)
def test_two_guessed_persons_make_no_payment(label: str, paid: bool) -> None:
    text = "Jane Roe paid John Doe $5 million for the land."
    from newsfacts.extractors.confidence import DEFAULT_MIN_CONFIDENCE

    facts = linking.facts_of(text, "en", ["Jane Roe", "John Doe"], label=label)
    assert bool([f for f in facts if f.kind == "payment" and f.confidence >= DEFAULT_MIN_CONFIDENCE]) is paid


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "shares"),
    [
        # written by us: a proportion of a poll's people or of an economy is no company's share
        ("en", "In a poll by Acme Research, 45 percent of respondents backed the plan.", ["Acme Research"], 0),
        ("en", "Debt payments at Acme Bank consume 60 percent of GDP.", ["Acme Bank"], 0),
        ("en", "Acme Music accounts for 70% of all digital music sales.", ["Acme Music"], 1),
        ("de", "Laut Acme Research sind 45 Prozent der Befragten dafür.", ["Acme Research"], 0),
    ],
)
def test_a_proportion_of_respondents_is_no_share(lang: str, text: str, orgs: list[str], shares: int) -> None:
    assert len([f for f in facts_in(lang, text, orgs) if f.kind == "share"]) == shares


def test_a_person_spends_no_company_money() -> None:
    """A spender the tagger called a person is no company's spending; written by us."""
    text = "Jane Roe spent $4 million on the campaign."
    assert [f for f in linking.facts_of(text, "en", ["Jane Roe"], label="PER") if f.kind == "spending"] == []
    assert [f.company for f in linking.facts_of(text, "en", ["Jane Roe"]) if f.kind == "spending"] == ["Jane Roe"]


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        # written by us: a figure per share is no revenue, profit or loss of the company (per_share)
        ("en", "Acme Bank said its losses were equal to 26 cents per share.", "Acme Bank"),
        ("en", "Acme Bank posted a net profit of $1.20 a share.", "Acme Bank"),
        ("de", "Die Acme Bank erzielte einen Gewinn von 1,20 Euro je Aktie.", "Acme Bank"),
    ],
)
def test_a_figure_per_share_is_no_revenue(lang: str, text: str, org: str) -> None:
    assert [f for f in facts_in(lang, text, [org]) if f.kind == "revenue"] == []
    whole = text.replace("26 cents per share", "$26 million").replace("$1.20 a share", "$1.2 billion")
    whole = whole.replace("1,20 Euro je Aktie", "1,2 Milliarden Euro")
    assert [f.company for f in facts_in(lang, whole, [org]) if f.kind == "revenue"] == [org]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "changes"),
    [
        # written by us: a change in a clause about an economy is no company's (macro_cues)
        ("en", "Acme Research said India's economy has grown by 9.2 percent.", ["Acme Research"], 0),
        ("en", "At Acme Bank, inflation edged up 0.2% in May.", ["Acme Bank"], 0),
        ("en", "Acme Bank said its sales rose 9.2 percent.", ["Acme Bank"], 1),
        ("de", "Laut Acme Research stieg das Bruttoinlandsprodukt um 0,3 Prozent.", ["Acme Research"], 0),
        # a market index named before the percentage neither; after it, it only places a share
        ("de", "Bei Acme Energie hieß es: Der Leitindex fiel um 8 Prozent.", ["Acme Energie"], 0),
        ("de", "Die Aktie von Acme Energie stieg um 3 Prozent und war bester Wert im Dax.", ["Acme Energie"], 1),
        ("en", "At Acme Energy, the Dow Jones fell 2% on Monday.", ["Acme Energy"], 0),
        # a commodity's price is no company's either
        (
            "de",
            "Bei Acme Energie hieß es: Der Ölpreis stieg um ein Prozent auf 40,54 Dollar je Barrel.",
            ["Acme Energie"],
            0,
        ),
        ("en", "At Acme Energy, oil prices rose 3% on Monday.", ["Acme Energy"], 0),
        # a central bank, and a statistics office by its abbreviation, are public bodies
        ("en", "The Reserve Bank of India raised its lending by 0.25 percent.", ["Reserve Bank of India"], 0),
        (
            "en",
            "The Central Statistics Office (CSO) reported figures. CSO said sales rose 3%.",
            ["Central Statistics Office", "CSO"],
            0,
        ),
    ],
)
def test_changes_of_an_economy_are_no_company_facts(lang: str, text: str, orgs: list[str], changes: int) -> None:
    assert len([f for f in facts_in(lang, text, orgs) if f.kind == "change"]) == changes


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: one holder's stakes in a list; the whole of the first holds nothing
        (
            "de",
            "Etihad Airways ist zu 29 Prozent an Air Berlin und zu 49 Prozent an Alitalia beteiligt.",
            ["Etihad Airways", "Air Berlin", "Alitalia"],
            [("Etihad Airways", "Air Berlin", 29), ("Etihad Airways", "Alitalia", 49)],
        ),
        (
            "en",
            "Etihad holds 29% of Air Berlin and 49% of Alitalia.",
            ["Etihad", "Air Berlin", "Alitalia"],
            [("Etihad", "Air Berlin", 29), ("Etihad", "Alitalia", 49)],
        ),
    ],
)
def test_one_holders_stakes_in_a_list(lang: str, text: str, orgs: list[str], expected: list) -> None:
    shares = [(f.company, f.of, int(f.percent_value or 0)) for f in facts_in(lang, text, orgs) if f.kind == "share"]
    assert sorted(shares) == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        # written by us: a trade union is no company (not_companies)
        ("de", "Verdi rief an sieben Standorten zum Streik auf.", ["Verdi"]),
        ("en", "The Transport Workers Union said 5,000 workers were cut.", ["Transport Workers Union"]),
        ("en", "Unite said 5,000 jobs were cut.", ["Unite"]),
    ],
)
def test_a_trade_union_is_no_company(lang: str, text: str, orgs: list[str]) -> None:
    assert [f for f in facts_in(lang, text, orgs) if f.kind == "count"] == []


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        # written by us: an event, a law or an office-holder is no company (not_companies)
        ("en", "The order, worth $15 billion, was a boost to the Paris Air Show.", ["Paris Air Show"]),
        ("de", "Die Hannover Ausstellung zahlte 5 Millionen Euro.", ["Hannover Ausstellung"]),
        ("de", "Bundesminister Müller zahlte 5 Millionen Euro.", ["Bundesminister Müller"]),
        ("en", "The FBI paid certain investors $50 billion.", ["FBI"]),
    ],
)
def test_an_event_or_title_is_no_company(lang: str, text: str, orgs: list[str]) -> None:
    assert [f for f in facts_in(lang, text, orgs) if f.kind in ("payment", "spending", "revenue")] == []


@pytest.mark.parametrize(
    ("text", "orgs", "expected"),
    [
        # written by us: a second bare name is the one paid only in the verb's clause, and never
        # when a conjunction joins it to the first
        ("Hostopia will pay Web.com $5 million.", ["Hostopia", "Web.com"], [("Hostopia", "Web.com")]),
        (
            "Air Canada has ordered US$6 billion in airliners, while Air India signed a deal.",
            ["Air Canada", "Air India"],
            [],
        ),
        ("Air Canada and Air India have placed orders worth $190 million.", ["Air Canada", "Air India"], []),
        # a possessive owner is only named; one company under two names pays no one
        (
            "Dubai World's investment arm Istithmar World paid Cunard $100 million.",
            ["Dubai World", "Istithmar World", "Cunard"],
            [("Istithmar World", "Cunard")],
        ),
        ("James Hardie Industries will pay James Hardie $5 million.", ["James Hardie Industries", "James Hardie"], []),
    ],
)
def test_a_second_name_is_paid_only_as_the_verbs_object(text: str, orgs: list[str], expected: list) -> None:
    payments = [(f.customer, f.vendor) for f in facts_in("en", text, orgs) if f.kind == "payment"]
    assert payments == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: two names joined by a conjunction are a list, not buyer and target
        ("en", "He bought cable networks Alpha TV and Beta TV.", ["Alpha TV", "Beta TV"], []),
        ("de", "Er kaufte die Sender Alpha TV und Beta TV.", ["Alpha TV", "Beta TV"], []),
        ("de", "Im März übernahm Toyota Daihatsu.", ["Toyota", "Daihatsu"], [("Toyota", "Daihatsu")]),
        # a buyer's parent named with a possessive only owns it
        (
            "en",
            "The acquisition of 1UP by Hearst Corporation's UGO Entertainment closed.",
            ["1UP", "Hearst Corporation", "UGO Entertainment"],
            [("UGO Entertainment", "1UP")],
        ),
        # "its rival" before a name is the object itself, not a unit it owns (object_preps)
        (
            "en",
            "Southwest Airlines will buy its rival AirTran Airways.",
            ["Southwest Airlines", "AirTran Airways"],
            [("Southwest Airlines", "AirTran Airways")],
        ),
        # a stake bought, up to its company (stake_phrases)
        (
            "en",
            "Wal-Mart bought a 6.1% share of the Seiyu company in 2002.",
            ["Wal-Mart", "Seiyu"],
            [("Wal-Mart", "Seiyu")],
        ),
        ("en", "Setanta Sports bought control of NASN.", ["Setanta Sports", "NASN"], [("Setanta Sports", "NASN")]),
        (
            "de",
            "Die Allianz übernimmt 30 Prozent der Commerzbank.",
            ["Allianz", "Commerzbank"],
            [("Allianz", "Commerzbank")],
        ),
        ("en", "Wal-Mart bought shoes worth 6% of Seiyu sales.", ["Wal-Mart", "Seiyu"], []),
        # a pronoun right before the verb is its subject, not the name before it; after a verb of
        # saying and "that" it is the sentence's subject (subject_pronouns, reported_clause)
        (
            "en",
            "It broadcasts the Scottish Premier League and this week it bought control of NASN.",
            ["Scottish Premier League", "NASN"],
            [],
        ),
        (
            "en",
            "Southwest Airlines announced Monday that it would buy AirTran Airways for $1.4 billion.",
            ["Southwest Airlines", "AirTran Airways"],
            [("Southwest Airlines", "AirTran Airways")],
        ),
        # "it" after a clause that opened with the name: the name is its subject
        (
            "en",
            "Last year, Verizon gained ownership of Huffington Post, TechCrunch, and Engadget as it "
            "purchased their owner America Online for $4.4 billion.",
            ["Verizon", "Huffington Post", "TechCrunch", "Engadget", "America Online"],
            [("Verizon", "America Online")],
        ),
        # "the purchase of X" is the noun, not the verb "purchase" with X behind a preposition
        (
            "en",
            "CNOOC has submitted to regulators the details of its proposed $18.5 billion purchase of Unocal.",
            ["CNOOC", "Unocal"],
            [("CNOOC", "Unocal")],
        ),
        # an acronym is a name, whatever word it spells ("BAA", not "baa"): proposed untagged
        (
            "en",
            "Ferrovial, who bought BAA and their seven UK airports in 2006 for $14 billion, complained.",
            ["Ferrovial"],
            [("Ferrovial", "BAA")],
        ),
        # a name listed with the target is a second target, never the buyer
        ("en", "However, the purchase of Rohm and Haas will expand its presence.", ["Rohm", "Haas"], []),
        # "purchasing" a company is taking it over, not paying it
        (
            "en",
            "The Bank of Scotland entered the Irish market by purchasing the ESB chain of retail units for €120m.",
            ["The Bank of Scotland", "ESB"],
            [("The Bank of Scotland", "ESB")],
        ),
    ],
)
def test_listed_and_possessed_takeover_parties(lang: str, text: str, orgs: list[str], expected: list) -> None:
    takeovers = [(f.buyer, f.target) for f in facts_in(lang, text, orgs) if f.kind == "acquisition"]
    assert takeovers == expected


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: goods counted before their maker are no takeover of the maker
        ("en", "Aer Lingus has purchased 12 new long-haul Airbus aircraft.", ["Aer Lingus", "Airbus"], []),
        ("en", "Aeroflot negotiated the purchase of 22 new Boeing 787 jets.", ["Aeroflot", "Boeing"], []),
        ("en", "Kmart will buy Sears for $11 billion.", ["Kmart", "Sears"], [("Kmart", "Sears")]),
        # a stake, a price without currency or an owner's preposition before the name count no goods
        (
            "de",
            "Johnson Controls übernimmt für etwa 14 Milliarden Tyco International.",
            ["Johnson Controls", "Tyco International"],
            [("Johnson Controls", "Tyco International")],
        ),
        (
            "de",
            "Genting verkündete die Übernahme der drei Werften von Nordic Yards.",
            ["Genting", "Nordic Yards"],
            [("Genting", "Nordic Yards")],
        ),
        # a name and its abbreviation in brackets are one company
        (
            "en",
            "National Express will take over the franchise from Great North Eastern Railway (GNER).",
            ["National Express", "Great North Eastern Railway", "GNER"],
            [],
        ),
    ],
)
def test_goods_and_aliases_are_no_takeover(lang: str, text: str, orgs: list[str], expected: list) -> None:
    found = [(f.buyer, f.target) for f in facts_in(lang, text, orgs) if f.kind == "acquisition"]
    assert found == expected


def test_a_place_a_company_is_based_in_is_left_out_of_its_name() -> None:
    text = "California-based Autodesk will acquire Toronto-based Alias for $182 million."
    found = [(f.buyer, f.target) for f in facts_in("en", text, ["California-based Autodesk", "Toronto-based Alias"])]
    assert found == [("Autodesk", "Alias")]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # written by us: a deal only tried, or a negated one, is doubtful (negation_cues)
        ("Acme Foods tried to sell the recipes to Pepsi for $1.5 million.", ["Acme Foods", "Pepsi"]),
        ("Acme Foods couldn't buy Pepsi for $1.5 million.", ["Acme Foods", "Pepsi"]),
    ],
)
def test_a_deal_only_tried_is_doubtful(text: str, orgs: list[str]) -> None:
    from newsfacts.extractors.confidence import DEFAULT_MIN_CONFIDENCE

    facts = [f for f in facts_in("en", text, orgs) if f.kind in ("payment", "acquisition")]
    assert facts and all(f.confidence < DEFAULT_MIN_CONFIDENCE for f in facts)
    done = text.replace("tried to sell", "sold").replace("couldn't buy", "bought")
    assert any(f.confidence >= DEFAULT_MIN_CONFIDENCE for f in facts_in("en", done, orgs))


def test_a_name_and_its_abbreviation_make_no_payment() -> None:
    """ "X (IAEA) bought equipment": X spends, it does not pay its own abbreviation."""
    text = "The International Atomic Energy Agency (IAEA) bought equipment for $1 million."
    orgs = ["International Atomic Energy Agency", "IAEA"]
    assert [f.kind for f in facts_in("en", text, orgs) if f.kind in ("payment", "spending")] == ["spending"]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "company"),
    [
        # written by us: a preposition right after the count noun names its company (count_owner_preps)
        (
            "en",
            "Acme Corp said around 30 employees of Ziff Davis lost their jobs.",
            ["Acme Corp", "Ziff Davis"],
            "Ziff Davis",
        ),
        ("de", "Laut Acme fallen 1.200 Stellen bei der Commerzbank weg.", ["Acme", "Commerzbank"], "Commerzbank"),
        ("en", "Acme Corp cut 500 jobs at its Birmingham plant.", ["Acme Corp", "Birmingham"], "Acme Corp"),
    ],
)
def test_a_count_nouns_owner_after_it(lang: str, text: str, orgs: list[str], company: str) -> None:
    assert [f.company for f in facts_in(lang, text, orgs) if f.kind == "count"] == [company]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: shares in the phrasings of real business news
        (
            "de",
            "Großaktionär von Volkswagen ist die Porsche SE mit 31,4 Prozent.",
            ["Volkswagen", "Porsche SE"],
            ("Porsche SE", None, 31.4),
        ),
        (
            "de",
            "Die Beteiligung von Daimler an Renault beträgt 3,1 Prozent.",
            ["Daimler", "Renault"],
            ("Daimler", "Renault", 3.1),
        ),
        ("de", "Mit einem Anteil von 40 Prozent ist Samsung Marktführer.", ["Samsung"], ("Samsung", None, 40)),
        ("de", "Uniper gehört zu 99 Prozent dem Versorger Fortum.", ["Uniper", "Fortum"], ("Fortum", "Uniper", 99)),
        ("en", "Opel is 84% owned by General Motors.", ["Opel", "General Motors"], ("General Motors", "Opel", 84)),
        (
            "en",
            "BlackRock is the largest single shareholder with 5.2 percent.",
            ["BlackRock"],
            ("BlackRock", None, 5.2),
        ),
        ("en", "Lidl controls 11 percent of the German grocery market.", ["Lidl"], ("Lidl", None, 11)),
    ],
)
def test_shares_of_business_news(lang: str, text: str, orgs: list[str], expected: tuple) -> None:
    shares = [(f.company, f.of, float(f.percent_value or 0)) for f in facts_in(lang, text, orgs) if f.kind == "share"]
    assert shares == [expected]


def test_a_share_of_a_whole_behind_a_preposition_is_not_its_holder() -> None:
    """ "20 Prozent der Anteile an der Lufthansa": Lufthansa is the whole, the holder is unnamed."""
    text = "Der Bund besitzt 20 Prozent der Anteile an der Lufthansa."
    assert [f for f in facts_in("de", text, ["Lufthansa"]) if f.kind == "share"] == []


def test_a_name_ending_like_a_noun_suffix_stays_a_company() -> None:
    """German "-ung" closes nouns ("Entwicklung": no company even when tagged ORG), but only
    after a stem of five letters: "Samsung" stays a name; written by us."""
    assert [f.company for f in facts_in("de", "Samsung steigerte den Umsatz um 5 Prozent.", ["Samsung"])] == ["Samsung"]
    assert [f for f in facts_in("de", "Die Entwicklung steigerte den Umsatz um 5 Prozent.", ["Entwicklung"])] == []


@pytest.mark.parametrize(
    ("text", "payer", "payee"),
    [
        # written by us: the object of an active "fined" pays; the subject of a passive one pays
        ("The European Commission fined Google $2.7 billion.", "Google", "European Commission"),
        ("Google was fined $2.7 billion, the European Commission said.", "Google", "European Commission"),
        ("The European Commission imposed a $2.7 billion fine on Google.", "Google", "European Commission"),
    ],
)
def test_who_pays_a_fine(text: str, payer: str, payee: str) -> None:
    found = [
        (f.customer, f.vendor) for f in facts_in("en", text, ["European Commission", "Google"]) if f.kind == "payment"
    ]
    assert found == [(payer, payee)]


@pytest.mark.parametrize(
    ("lang", "text", "org", "kind", "value"),
    [
        # written by us: orders a company books are its figure, no purchase of its own
        ("en", "Siemens Energy booked orders worth $12 billion.", "Siemens Energy", "revenue", 12_000_000_000),
        (
            "de",
            "Siemens Energy verbuchte Aufträge im Volumen von 12 Milliarden Euro.",
            "Siemens Energy",
            "revenue",
            12_000_000_000,
        ),
        # a count noun in the dative plural ("von 5.500 Arbeitsplätzen")
        ("de", "Continental plant den Abbau von 5.500 Arbeitsplätzen.", "Continental", "count", 5500),
    ],
)
def test_orders_booked_and_dative_counts(lang: str, text: str, org: str, kind: str, value: int) -> None:
    facts = facts_in(lang, text, [org])
    assert [(f.kind, f.company, int(f.amount_value or f.count_value or 0)) for f in facts if f.kind != "figure"] == [
        (kind, org, value)
    ]


def test_a_dividend_per_share_is_no_spending() -> None:
    text = "Die Commerzbank zahlt ihren Aktionären eine Dividende von 35 Cent je Aktie."
    assert [f.kind for f in facts_in("de", text, ["Commerzbank"])] == ["figure"]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "expected"),
    [
        # written by us: what a thing cost a company is its spending (cost_verbs)
        (
            "en",
            "Delays have cost Airbus more than 6 billion dollars.",
            ["Airbus"],
            [("spending", "Airbus", 6_000_000_000)],
        ),
        (
            "de",
            "Der Streik kostete den Konzern Lufthansa 100 Millionen Euro.",
            ["Lufthansa"],
            [("spending", "Lufthansa", 100_000_000)],
        ),
        # a figure after its item and a comma ("the largest profit, at $54 million")
        (
            "en",
            "Southwest Airlines had the largest profit, at $54 million.",
            ["Southwest Airlines"],
            [("revenue", "Southwest Airlines", 54_000_000)],
        ),
    ],
)
def test_costs_and_figures_after_a_comma(lang: str, text: str, orgs: list[str], expected: list) -> None:
    found = [(f.kind, f.company, int(f.amount_value or 0)) for f in facts_in(lang, text, orgs) if f.kind != "figure"]
    assert found == expected


def test_a_cost_to_a_guessed_name_is_no_spending() -> None:
    text = "The suspension has cost Australian farmers $1.5 billion."
    assert [f for f in facts_in("en", text, []) if f.kind == "spending"] == []


@pytest.mark.parametrize(
    ("lang", "text", "org", "expected"),
    [
        # written by us: a customer base gained or lost is a change by the number (base_count_nouns)
        ("en", "Sky gained 51,000 customers in the quarter.", "Sky", ("change", 51000, "up")),
        ("en", "Virgin Media lost 47,000 customers from January to March.", "Virgin Media", ("change", 47000, "down")),
        ("de", "Vodafone verlor im Quartal 120.000 Kunden.", "Vodafone", ("change", 120000, "down")),
        # a base the company has, and jobs it cuts, stay counts
        ("en", "Sky has 10 million customers.", "Sky", ("count", 10000000, None)),
        ("en", "Sky cut 2,000 jobs.", "Sky", ("count", 2000, None)),
    ],
)
def test_a_customer_base_gained_or_lost_is_a_change(lang: str, text: str, org: str, expected: tuple) -> None:
    [fact] = [f for f in facts_in(lang, text, [org]) if f.kind in ("change", "count")]
    assert (fact.kind, int(fact.amount_value or fact.count_value or 0), fact.direction) == expected
    assert fact.company == org and fact.amount_currency is None


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        # written by us: a holiday, a programme, a product acronym, a parliament's house, a stock
        # exchange's index move and a whole industry are no company's figures
        ("en", "Over the Christmas period group sales were up 9%.", ["Christmas"]),
        ("en", "The First Job Contract cut youth unemployment by 23%.", ["First Job Contract"]),
        ("en", "CD sales fell by 12.7%.", ["CD"]),
        ("en", "The House of Commons cut the tax rate by 0.5%.", ["House of Commons"]),
        ("en", "The Toronto Stock Exchange dropped 4.3%.", ["Toronto Stock Exchange"]),
        ("en", "India's stock index Sensex dropped 2%.", ["Sensex"]),
        ("en", "Acme Bank said the construction industry suffered a 24% fall in output.", ["Acme Bank"]),
        ("de", "Laut Acme Research wuchs die gesamte Branche um 4 Prozent.", ["Acme Research"]),
    ],
)
def test_no_company_of_these_figures(lang: str, text: str, orgs: list[str]) -> None:
    assert [f for f in facts_in(lang, text, orgs) if f.kind in ("change", "revenue")] == []


def test_a_line_in_capitals_is_no_proposed_name() -> None:
    text = "PLEASE LEAVE THIS TEMPLATE The index dropped 9%."
    assert [f for f in facts_in("en", text, []) if f.kind == "change"] == []


@pytest.mark.parametrize(
    ("text", "orgs", "counted"),
    [
        # written by us: a number right after a maker's name is its model's, no count
        ("He flew the Boeing 747 aircraft for Air Lanka.", ["Boeing", "Air Lanka"], []),
        ("Sony cut prices on Playstation 3 units.", ["Sony", "Playstation"], []),
        # a number with a scale after a name is a count ("give AT&T 70 million users")
        ("The merger would give AT&T 70 million users.", ["AT&T"], [70_000_000]),
    ],
)
def test_a_model_number_after_a_name_is_no_count(text: str, orgs: list[str], counted: list) -> None:
    assert [int(f.count_value or 0) for f in facts_in("en", text, orgs) if f.kind == "count"] == counted


def test_a_source_and_its_abbreviation_spend_nothing() -> None:
    """ "a report by X (SIPRI), military spending was $1.35 trillion": the report's author is
    no party of the figure, under its full name or its abbreviation; written by us."""
    text = (
        "According to a report by the Stockholm Peace Institute (SIPRI), world military spending "
        "was $1.35 trillion in 2004."
    )
    facts = facts_in("en", text, ["Stockholm Peace Institute", "SIPRI"])
    assert [f for f in facts if f.kind in ("spending", "payment")] == []


def test_a_united_nations_agency_is_a_public_body() -> None:
    text = "UNCTAD said the cost of rebuilding is estimated at about 1.8 billion dollars."
    assert [f for f in facts_in("en", text, ["UNCTAD"]) if f.kind == "spending"] == []


def test_a_country_before_the_target_is_no_target() -> None:
    """ "acquired Poland's Star Foods": the target is Star Foods, not Poland; written by us."""
    text = "PepsiCo has acquired Poland's Star Foods for an undisclosed sum."
    found = [
        (f.buyer, f.target)
        for f in facts_in("en", text, ["PepsiCo", "Poland's", "Star Foods"])
        if f.kind == "acquisition"
    ]
    assert found == [("PepsiCo", "Star Foods")]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # written by us: a price per share is no price of the deal
        ("BoA would buy Merrill at $29 a share.", None),
        ("BoA will buy Merrill for $44 billion, or $29 a share.", 44_000_000_000),
    ],
)
def test_a_price_per_share_is_no_deal_price(text: str, amount: int | None) -> None:
    [deal] = [f for f in facts_in("en", text, ["BoA", "Merrill"]) if f.kind == "acquisition"]
    assert (int(deal.amount_value) if deal.amount_value is not None else None) == amount


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # written by us: what a passive participle tells of is the name nearest before it
        ("Verizon would also own Flickr, acquired by Yahoo in 2005.", "Flickr"),
        ("Verizon would own Tumblr, which was purchased by Yahoo in 2013.", "Tumblr"),
        ("Rover was bought by BMW in 1994.", "Rover"),
    ],
)
def test_the_target_of_a_passive_is_the_name_nearest_before_it(text: str, target: str) -> None:
    orgs = ["Verizon", "Flickr", "Tumblr", "Yahoo", "Rover", "BMW"]
    found = [(f.buyer, f.target) for f in facts_in("en", text, orgs) if f.kind == "acquisition"]
    assert [t for _, t in found] == [target]


def test_de_a_name_unknown_to_the_dictionary_named_twice_is_a_company() -> None:
    """Written by us: the tagger knows no "Voestalpine"; a capitalised word German's dictionary
    does not know, named twice and inside a sentence, is a company candidate as sure as a
    tagged one (propose_unknown_words), so descriptions ("Der Konzern") resolve to it."""
    from newsfacts.extractors.pipeline import extract_article

    text = (
        "Die Voestalpine hat am Mittwoch ihre Zahlen vorgelegt. Der Konzern steigerte den Umsatz "
        "um vier Prozent auf 2,1 Milliarden Euro. Voestalpine hält 25 Prozent an der Linzer Stahl AG."
    )
    facts = {(f.kind, f.company) for f in extract_article(text, lang="de").facts}
    assert {("revenue", "Voestalpine"), ("change", "Voestalpine"), ("share", "Voestalpine")} <= facts


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("Umsatz", True),
        ("Kundenkonzentration", True),  # a compound of known words
        ("Unternehmenssoftware", True),  # with a linking s
        ("Voestalpine", False),
        ("Wirecard", False),
    ],
)
def test_de_known_words_and_compounds(word: str, known: bool) -> None:
    from newsfacts.extractors.lexicon import is_known_word

    assert is_known_word(word, "de") is known


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "company"),
    [
        # written by us: a name in a relative clause closed before the figure is not its subject
        (
            "en",
            "SAS, who own Scandinavian Airlines, fell 2.25 kronor, or 1.9%.",
            ["SAS", "Scandinavian Airlines"],
            "SAS",
        ),
        (
            "de",
            "Die Acme AG, die zur Beta Holding gehört, steigerte den Umsatz um 5 Prozent.",
            ["Acme AG", "Beta Holding"],
            "Acme AG",
        ),
        ("en", "Acme Corp said sales at Beta Inc rose 5%.", ["Acme Corp", "Beta Inc"], "Beta Inc"),
    ],
)
def test_a_name_in_a_relative_clause_is_no_subject(lang: str, text: str, orgs: list[str], company: str) -> None:
    changes = [f.company for f in facts_in(lang, text, orgs) if f.kind == "change"]
    assert changes == [company]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # written by us: the object of a verb of result is a result (result_verbs)
        ("en", "Acme Motors lost $1.6 billion in 2005.", [("loss", 1_600_000_000)]),
        ("en", "Acme Motors earned $1.2 billion last year.", [("profit", 1_200_000_000)]),
        ("de", "Acme Motors verdiente im Quartal 1,6 Milliarden Euro.", [("Gewinn", 1_600_000_000)]),
        # a price, an item of its own, worth, or a whole industry: none
        ("en", "Acme Motors shares lost $2 on Monday.", []),
        ("en", "Acme Motors lost $2 billion in market value.", []),
        ("en", "Acme Motors earned $50 million worth of publicity.", []),
        ("en", "At Acme Motors, an industry that lost $9.4bn is in crisis.", []),
    ],
)
def test_the_object_of_a_verb_of_result_is_a_result(lang: str, text: str, expected: list) -> None:
    results = [
        (f.metric, int(f.amount_value or 0)) for f in facts_in(lang, text, ["Acme Motors"]) if f.kind == "revenue"
    ]
    assert results == expected


@pytest.mark.parametrize(
    ("lang", "text", "amount"),
    [
        # written by us: building a plant for an amount is spending it (spend_verbs)
        ("de", "Acme Licht baut für eine Milliarde Euro in Asien eine eigene Chipfabrik.", 1_000_000_000),
        ("en", "Acme Licht builds a new plant for $20 billion in Ohio.", 20_000_000_000),
        ("de", "Acme Licht baut 500 Stellen ab.", None),
    ],
)
def test_building_for_an_amount_is_spending(lang: str, text: str, amount: int | None) -> None:
    spent = [int(f.amount_value or 0) for f in facts_in(lang, text, ["Acme Licht"]) if f.kind == "spending"]
    assert spent == ([amount] if amount else [])


def test_the_storys_company_named_as_a_subject_is_no_context_vendor() -> None:
    """Written by us: the story is about Libyan Airlines (named three times); in "Air
    Independence and Libyan Airlines have placed orders" it is a buyer, not the one paid."""
    text = (
        "Libyan Airlines grows. Libyan Airlines flies to Rome. Libyan Airlines hires pilots. "
        "Air Independence and Libyan Airlines have placed orders for aircraft worth $190 million."
    )
    payments = [
        (f.customer, f.vendor)
        for f in facts_in("en", text, ["Libyan Airlines", "Air Independence"])
        if f.kind == "payment"
    ]
    assert payments == []
