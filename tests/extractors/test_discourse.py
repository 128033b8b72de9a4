"""The fact layer's discourse: a company named once and then described, metric-first sentences,
counts, and what is no company (news agencies, market indices, countries).

Sentences written here in the shapes of real business news; they check behaviour, not accuracy
(accuracy is measured on real articles: ``bench/eval_docs.py``). Entities are given, so the NER
does not decide.
"""

from __future__ import annotations

from decimal import Decimal

import linking
import pytest

from newsfacts.extractors.facts.discourse import is_market_index, is_news_outlet, is_territory, news_agencies
from newsfacts.extractors.records import Fact


def facts_of(text: str, lang: str, orgs: list[str], *, title: str | None = None) -> list[Fact]:
    """Facts of a text whose companies are ``orgs`` (whole words), with an optional title line."""
    return linking.facts_of(text, lang, orgs, title=title, whole_words=True)


def test_described_company_takes_the_topic_in_a_metric_first_sentence() -> None:
    facts = facts_of(
        "Die Voestalpine hat ihre Zahlen vorgelegt. Der Umsatz stieg im dritten Quartal um "
        "vier Prozent auf 2,1 Milliarden Euro.",
        "de",
        ["Voestalpine"],
        title="Voestalpine wächst kräftig",
    )
    change = next(f for f in facts if f.kind == "change")
    revenue = next(f for f in facts if f.kind == "revenue")
    assert (change.company, change.percent_value, change.direction) == ("Voestalpine", Decimal("4"), "up")
    assert (revenue.company, revenue.amount_value, revenue.amount_currency) == (
        "Voestalpine",
        Decimal("2100000000"),
        "EUR",
    )
    assert change.party_source == "context"


def test_description_refers_to_the_company_last_named() -> None:
    facts = facts_of("Siemens legt Zahlen vor. Der Münchner Konzern beschäftigt 4.500 Mitarbeiter.", "de", ["Siemens"])
    count = next(f for f in facts if f.kind == "count")
    assert (count.company, count.count_value, count.metric) == ("Siemens", Decimal("4500"), "Mitarbeiter")
    assert count.party_source == "description"


def test_company_compound_names_the_company_not_a_product() -> None:
    facts = facts_of("Die Porsche-Aktie fiel um 3 Prozent.", "de", ["Porsche"])
    assert [(f.kind, f.company, f.direction) for f in facts] == [("change", "Porsche", "down")]


def test_german_count_nouns_close_compounds_and_spaced_numbers_are_whole() -> None:
    facts = facts_of("Mit 50 Großkunden wächst Hermes.", "de", ["Hermes"])
    assert [(f.count_value, f.metric) for f in facts if f.kind == "count"] == [(Decimal("50"), "Großkunden")]
    facts = facts_of("Pfizer will cut a total of 10 000 jobs by next year.", "en", ["Pfizer"])
    assert all(f.count_value != 0 for f in facts if f.kind == "count")


def test_old_value_of_a_from_to_frame_is_no_revenue() -> None:
    facts = facts_of("Das Betriebsergebnis von Lufthansa sank von 300 auf 210 Millionen Euro.", "de", ["Lufthansa"])
    revenue = [f.amount_value for f in facts if f.kind == "revenue"]
    assert revenue == [Decimal("210000000")]


def test_direction_from_the_clause_when_the_percentage_has_none() -> None:
    facts = facts_of("Die Gornergrat Bahn konnte den Umsatz um 5,9 Prozent verbessern.", "de", ["Gornergrat Bahn"])
    assert [(f.kind, f.direction) for f in facts if f.kind == "change"] == [("change", "up")]


def test_one_move_by_an_amount_and_a_percentage_is_one_change() -> None:
    facts = facts_of("Shares in Bombardier fell 14 cents, or 2.2%, to CA$6.21.", "en", ["Bombardier"])
    changes = [f for f in facts if f.kind == "change"]
    assert len(changes) == 1
    assert (changes[0].percent_value, changes[0].amount_value, changes[0].direction) == (
        Decimal("2.2"),
        Decimal("0.14"),
        "down",
    )


def test_news_agencies_are_never_the_topic() -> None:
    facts = facts_of("Frankfurt (Reuters) - Der Umsatz stieg um 3 Prozent.", "de", ["Reuters"])
    assert facts == []
    assert "reuters" in news_agencies()


def test_market_moves_are_no_company_facts() -> None:
    facts = facts_of(
        "BASF legt zu. Der Dax stieg um 1,8 Prozent auf 11.134 Punkte.", "de", ["BASF"], title="BASF im Plus"
    )
    assert [f for f in facts if f.kind == "change" and "1.8" in str(f.percent_value)] == []
    assert is_market_index("CAC 40") and is_market_index("Nasdaq") and not is_market_index("Siemens")


def test_countries_are_no_companies() -> None:
    facts = facts_of("France will lose 4,300 jobs.", "en", ["France"])
    assert [f.company for f in facts] == []
    assert is_territory("Frankreich", "de") and is_territory("the United States", "en")
    assert not is_territory("Airbus", "en")


def test_a_takeover_without_price_yields_to_the_priced_one_under_a_longer_name() -> None:
    facts = facts_of(
        "Bigpoint ist zu 100 Prozent von Youzu Interactive übernommen worden.",
        "de",
        ["Bigpoint", "Youzu Interactive", "Youzu"],
        title="Youzu kauft Bigpoint für 80 Millionen Euro",
    )
    takeovers = [(f.buyer, f.target, f.amount_value) for f in facts if f.kind == "acquisition"]
    assert takeovers == [("Youzu", "Bigpoint", Decimal("80000000"))]


@pytest.mark.parametrize(
    ("lang", "text", "orgs", "price"),
    [
        (
            "en",
            "Oracle agreed to buy Cerner.\nThe deal is valued at $28.3 billion, the companies said on Monday.",
            ["Oracle", "Cerner"],
            Decimal("28300000000"),
        ),
        (
            "en",
            "Dow Chemical is to buy Rohm and Haas. Dow is paying $78 per share, which makes the agreement"
            " worth around $15.3 billion.",
            ["Dow Chemical", "Rohm and Haas"],
            Decimal("15300000000"),
        ),
        (
            "de",
            "Wirecard übernimmt den Zahlungsdienstleister Moip. Der Kaufpreis liegt bei 23,5 Millionen Euro.",
            ["Wirecard", "Moip"],
            Decimal("23500000"),
        ),
        (
            "de",
            "Wirecard übernimmt Moip. Für die Übernahme zahlt Wirecard 23,5 Millionen Euro.",
            ["Wirecard", "Moip"],
            Decimal("23500000"),
        ),
        # another company in the price sentence: whose deal it prices is not told
        (
            "en",
            "Oracle agreed to buy Cerner. Goldman Sachs advised on the deal, worth $28.3 billion.",
            ["Oracle", "Cerner", "Goldman Sachs"],
            None,
        ),
        # too far from the takeover to be its price
        (
            "en",
            "Oracle agreed to buy Cerner. Shares rose. Analysts were pleased. Cerner had a good year."
            " The deal is worth $28.3 billion.",
            ["Oracle", "Cerner"],
            None,
        ),
    ],
)
def test_a_takeover_takes_its_price_from_a_later_sentence(
    lang: str, text: str, orgs: list[str], price: Decimal | None
) -> None:
    facts = facts_of(text, lang, orgs)
    [deal] = [f for f in facts if f.kind == "acquisition"]
    assert deal.amount_value == price
    if price is not None:
        # the price is the takeover's, no spending, and the evidence shows both sentences
        assert [f.kind for f in facts if f.amount_value == price] == ["acquisition"]
        assert text[deal.evidence_start : deal.evidence_end] == deal.evidence
        assert "buy" in deal.evidence or "übernimmt" in deal.evidence
        assert str(price)[:2] in deal.evidence.replace(",", "").replace(".", "")


def test_the_story_company_is_an_unnamed_vendor_only_in_a_story_of_its_customers() -> None:
    lead = "Microsoft sells cloud services. Microsoft grew. Microsoft hired staff. "
    buying = "Walmart bought the services for $20 million a month."
    customers = "Microsoft has many customers. Its customers include banks. Customers pay monthly. "
    # no customers told of: the article's company is no vendor, the buyer spends
    [plain] = [f for f in facts_of(lead + buying, "en", ["Microsoft", "Walmart"]) if f.amount_value]
    assert (plain.kind, plain.company, plain.vendor) == ("spending", "Walmart", None)
    [told] = [f for f in facts_of(lead + customers + buying, "en", ["Microsoft", "Walmart"]) if f.amount_value]
    assert (told.kind, told.customer, told.vendor, told.party_source) == ("payment", "Walmart", "Microsoft", "sentence")


def test_a_list_shares_its_preposition() -> None:
    # "between Airbus and Boeing": neither buys the order
    text = "The order is worth $15 billion, a boost to a show dominated by a dispute between Airbus and Boeing."
    assert [f for f in facts_of(text, "en", ["Airbus", "Boeing"]) if f.kind in ("payment", "spending")] == []
    # "from Deutsche Bank and Credit Suisse": both lend
    text = (
        "Calpine has obtained secured debtor-in-possession financing from Deutsche Bank and Credit Suisse"
        " totaling $2 billion."
    )
    payments = facts_of(text, "en", ["Calpine", "Deutsche Bank", "Credit Suisse"])
    assert {(f.customer, f.vendor) for f in payments if f.kind == "payment"} == {
        ("Deutsche Bank", "Calpine"),
        ("Credit Suisse", "Calpine"),
    }


def test_a_restated_amount_holds_no_company() -> None:
    from datetime import date

    from newsfacts.extractors.pipeline import extract_article

    text = "DAE was set up by the government of Dubai, with funds of US$15 billion (approx. NZ$19 billion)."
    facts = extract_article(text, lang="en", id="x", published=date(2024, 1, 1), min_confidence=0).facts
    assert all("NZ" not in (f.customer, f.vendor, f.company) for f in facts)


def test_table_rows_give_no_facts() -> None:
    text = (
        "The fines were listed. |- |Imperial Tobacco || £112,332,495 || Manufacturer |- |Gallaher Group ||"
        " £50,379,754 || Manufacturer |- |Morrisons || £1 || Retailer"
    )
    assert facts_of(text, "en", ["Imperial Tobacco", "Gallaher Group", "Morrisons"]) == []


def test_a_seller_sells_its_own() -> None:
    text = "Yahoo announced plans to sell its HotJobs employment search service to Monster Worldwide for $225m."
    facts = facts_of(text, "en", ["Yahoo", "HotJobs", "Monster Worldwide"])
    assert [(f.kind, f.buyer, f.target, f.seller, f.amount_value) for f in facts] == [
        ("acquisition", "Monster Worldwide", "HotJobs", "Yahoo", Decimal("225000000"))
    ]


def test_a_payment_without_amount_needs_its_parties_tagged() -> None:
    from newsfacts.extractors.facts import link_facts
    from newsfacts.extractors.langpack import load_langpack
    from newsfacts.extractors.records import Entity

    text = "Orient Thai opened a cargo airline with a pair of Boeing 747s bought from Japan Airlines."
    tagged = [
        Entity(text=n, start=text.index(n), end=text.index(n) + len(n), label="ORG")
        for n in ("Orient Thai", "Japan Airlines")
    ]

    def payments(entities: list[Entity]) -> list[tuple[str | None, str | None]]:
        facts = link_facts(
            text, article_id="x", pack=load_langpack("en"), entities=entities, amounts=[], percentages=[], periods=[]
        )
        return [(f.customer, f.vendor) for f in facts if f.kind == "payment" and f.confidence >= 0.5]

    assert payments(tagged) == [("Orient Thai", "Japan Airlines")]
    # the vendor only guessed from its capitals: a verb alone states no payment
    assert payments(tagged[:1]) == []


@pytest.mark.parametrize(
    ("name", "territory"),
    [("Texas", True), ("New Jersey", True), ("Alberta", True), ("Niedersachsen", True), ("Karnataka", True)]
    + [("New York State", True)]
    + [("Texas Instruments", False), ("Zurich", False), ("Bayern", False), ("Victoria", False)],
)
def test_states_and_provinces_are_territories(name: str, territory: bool) -> None:
    assert is_territory(name, "en") is territory


@pytest.mark.parametrize(("name", "territory"), [("Deutschlands", True), ("Chinas", True), ("Siemens", False)])
def test_a_german_genitive_of_a_country_is_a_territory(name: str, territory: bool) -> None:
    assert is_territory(name, "de") is territory


def test_the_police_takes_over_no_company() -> None:
    text = "Die türkische Polizei hat den Sitz der Zeitung Zaman gewaltsam übernommen."
    assert [f for f in facts_of(text, "de", ["türkische Polizei", "Zaman"]) if f.kind == "acquisition"] == []


def test_a_state_before_a_company_is_no_party() -> None:
    text = "Amazon announced they are to acquire Texas based grocery chain Whole Foods Market for $13.7 billion."
    deals = [(f.buyer, f.target) for f in facts_of(text, "en", ["Amazon", "Texas", "Whole Foods Market"])]
    assert ("Amazon", "Texas") not in deals


@pytest.mark.parametrize(
    ("text", "orgs", "target"),
    [
        (
            "Microsoft launched a bid to buy Internet search giant Yahoo! for $44 billion.",
            ["Microsoft", "Internet", "Yahoo!"],
            "Yahoo!",
        ),
        (
            "Google agreed to acquire Internet advertising agency DoubleClick.",
            ["Google", "Internet", "DoubleClick"],
            "DoubleClick",
        ),
        # a function word between the names: the first is the object
        (
            "US Airways made an offer to buy Delta once the Atlanta airline emerges.",
            ["US Airways", "Delta", "Atlanta"],
            "Delta",
        ),
    ],
)
def test_a_name_that_describes_the_next_is_no_target(text: str, orgs: list[str], target: str) -> None:
    [deal] = [f for f in facts_of(text, "en", orgs) if f.kind == "acquisition"]
    assert deal.target == target


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        (
            "en",
            "Ethio Telecom signed the deal. The government will invest $40 million in the venture.",
            ["Ethio Telecom"],
        ),
        (
            "en",
            "Republicans say the bill combines roughly $550 billion in domestic spending with tax cuts.",
            ["Republicans"],
        ),
        ("de", "Die Bundesregierung investiert 40 Millionen Euro in das Netz der Telekom.", ["Telekom"]),
        ("en", "The state's budget plan cuts $143 million of tax revenue from the MTA.", ["MTA"]),
    ],
)
def test_public_money_is_no_company_spending(lang: str, text: str, orgs: list[str]) -> None:
    assert [f for f in facts_of(text, lang, orgs) if f.kind in ("spending", "revenue")] == []


def test_a_budget_airline_is_no_public_money() -> None:
    text = (
        "Low-cost carriers fared better, with Southwest Airlines having the largest profit, at $54 million,"
        " while the profit margins were the highest of the budget carriers at 20%."
    )
    [profit] = [f for f in facts_of(text, "en", ["Southwest Airlines"]) if f.kind == "revenue"]
    assert (profit.company, profit.amount_value) == ("Southwest Airlines", Decimal("54000000"))


def test_a_time_zone_after_a_clock_time_is_no_company() -> None:
    text = "The index recovered, and as of 19:30 UTC was up 17.68 points, or 0.21%."
    assert facts_of(text, "en", ["UTC"]) == []
    # the same letters without a time before them stay a name
    text = "CDT was acquired by Sumitomo in 2007 for $285 million."
    assert [(f.buyer, f.target) for f in facts_of(text, "en", ["CDT", "Sumitomo"])] == [("Sumitomo", "CDT")]


@pytest.mark.parametrize(
    "text",
    [
        "Obama rose to 50 percent support in a September poll, up from 46 percent.",
        "Property values fell by 1.9% in the past month, Nationwide said.",
        "GreenFuel claims its reactor cuts emissions by 46%.",
        "The union called for a 10% pay rise from Deutsche Bahn.",
    ],
)
def test_polls_and_market_indicators_are_no_company_change(text: str) -> None:
    orgs = ["Nationwide", "GreenFuel", "Obama", "Deutsche Bahn"]
    assert [f for f in facts_of(text, "en", orgs) if f.kind == "change"] == []


def test_a_wage_demand_is_no_company_change() -> None:
    text = "Der VSME legte ein Angebot von 1,2 Prozent Entgeltsteigerung vor, die Gewerkschaft verlangt 5 Prozent."
    assert [f for f in facts_of(text, "de", ["VSME"]) if f.kind == "change"] == []


def test_a_company_glued_to_the_count_noun_owns_the_count() -> None:
    text = "Nach der Liste sollen 24 der 475 Tengelmann-Filialen vor der Übernahme durch Edeka schließen."
    counts = [(f.company, f.count_value) for f in facts_of(text, "de", ["Tengelmann", "Edeka"]) if f.kind == "count"]
    assert counts == [("Tengelmann", Decimal("475"))]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("An NBC employee won US$266 million from the California Lottery.", ["NBC", "California Lottery"]),
        ("The Illinois State Police used $20 bills to pay a phony fine.", ["Illinois State Police"]),
    ],
)
def test_lotteries_and_police_pay_no_one(text: str, orgs: list[str]) -> None:
    assert [f for f in facts_of(text, "en", orgs) if f.kind in ("payment", "spending")] == []


def test_a_takeover_bid_for_a_company_targets_it() -> None:
    text = "Ryanair claimed its own takeover bid for Aer Lingus had been a major EC casualty."
    deals = [
        (f.buyer, f.target) for f in facts_of(text, "en", ["Ryanair", "Aer Lingus", "EC"]) if f.kind == "acquisition"
    ]
    assert deals == [("Ryanair", "Aer Lingus")]


def test_a_dateline_place_is_no_party() -> None:
    text = "Albuquerque, New Mexico — Online video is booming; this year a studio bought the network Maker Studios."
    deals = [
        (f.buyer, f.target) for f in facts_of(text, "en", ["Albuquerque", "Maker Studios"]) if f.kind == "acquisition"
    ]
    assert ("Albuquerque", "Maker Studios") not in deals


@pytest.mark.parametrize(
    ("text", "lang", "orgs", "expected"),
    [
        (
            "Rover has a long history. Rover was formed in 1968. In 1988 the company was privatized and was "
            "bought by British Aerospace. In 1994 British Aerospace sold the business to BMW.",
            "en",
            ["Rover", "British Aerospace", "BMW"],
            [("British Aerospace", "Rover", None), ("BMW", "Rover", "British Aerospace")],
        ),
        (
            "Kaufhof ist ein Warenhauskonzern. Kaufhof hat 100 Filialen. 2008 wurde das Unternehmen von Metro "
            "übernommen.",
            "de",
            ["Kaufhof", "Metro"],
            [("Metro", "Kaufhof", None)],
        ),
    ],
)
def test_a_description_is_the_target_the_story_is_about(
    text: str, lang: str, orgs: list[str], expected: list[tuple[str, str, str | None]]
) -> None:
    deals = [f for f in facts_of(text, lang, orgs) if f.kind == "acquisition"]
    assert [(f.buyer, f.target, f.seller) for f in deals] == expected
    assert all(f.confidence < 0.85 for f in deals)  # resolved, not read


def test_a_description_of_another_company_is_no_target() -> None:
    # the story is about Vodafone; "the company" bought here is nobody we can name
    text = "Vodafone raised prices. Vodafone has 20 million customers. Later BT bought the company's rival."
    deals = [f for f in facts_of(text, "en", ["Vodafone", "BT"]) if f.kind == "acquisition"]
    assert deals == []


def test_a_common_word_opening_its_sentence_is_no_company() -> None:
    # "Records" is capitalised only where it opens a sentence; "Apple" is named inside one too
    text = "Apple sold the site. Records show that Halcyon paid $600,000 to Apple."
    payments = [
        (f.customer, f.vendor) for f in facts_of(text, "en", ["Records", "Halcyon", "Apple"]) if f.kind == "payment"
    ]
    assert payments == [("Halcyon", "Apple")]


@pytest.mark.parametrize(
    ("text", "lang", "orgs", "expected"),
    [
        (
            "Comcast - ein Kabelnetzbetreiber, der 2009 bereits NBC Universal übernommen hat - legt 3,8 Milliarden "
            "US-Dollar auf den Tisch und übernimmt Dreamworks Animation.",
            "de",
            ["Comcast", "NBC Universal", "Dreamworks Animation"],
            [("Comcast", "NBC Universal", None), ("Comcast", "Dreamworks Animation", Decimal("3800000000"))],
        ),
        (
            "Der Kaufhof, den Metro 2008 übernommen hat, wächst.",
            "de",
            ["Kaufhof", "Metro"],
            [("Metro", "Kaufhof", None)],
        ),
        ("Kaufhof, die Metro 2008 übernommen hat, wächst.", "de", ["Kaufhof", "Metro"], []),  # "die": either way
        (
            "The tablet runs a system developed by QNX, which RIM bought earlier in 2010.",
            "en",
            ["QNX", "RIM"],
            [("RIM", "QNX", None)],
        ),
    ],
)
def test_a_relative_clause_names_who_bought_whom(
    text: str, lang: str, orgs: list[str], expected: list[tuple[str, str, Decimal | None]]
) -> None:
    deals = [(f.buyer, f.target, f.amount_value) for f in facts_of(text, lang, orgs) if f.kind == "acquisition"]
    assert deals == expected


def test_laid_off_staff_left_jobless_are_a_count_of_the_described_company() -> None:
    # "jobless" makes a count the economy's only as "the jobless" or "jobless claims"; a name
    # behind a preposition ("behind Best Buy") is no subject when a description follows it
    text = (
        "Retailer Circuit City will file for bankruptcy. Second in its field, behind Best Buy, the company "
        "would close 155 stores, leaving an estimated 8000 employees jobless."
    )
    counts = [
        (f.company, f.count_value) for f in facts_of(text, "en", ["Circuit City", "Best Buy"]) if f.kind == "count"
    ]
    assert ("Circuit City", Decimal("8000")) in counts
    assert all(company != "Best Buy" for company, _ in counts)


def test_the_place_a_company_is_based_in_is_no_party() -> None:
    text = "The acquisition of Oakland, California-based Ask Jeeves by IAC would give it a known brand."
    deals = [
        (f.buyer, f.target) for f in facts_of(text, "en", ["Oakland", "Ask Jeeves", "IAC"]) if f.kind == "acquisition"
    ]
    assert deals == [("IAC", "Ask Jeeves")]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # central bank rates and a country's exports are no company's
        (
            "Acme sells cars. The Fed kept its target rate of 5.25%, and the federal funds rate fell to 6%.",
            ["Acme", "Fed"],
        ),
        ("Acme sells cars. Data released yesterday indicates that exports rose by 12.1% in December.", ["Acme"]),
    ],
)
def test_surveys_rates_and_exports_are_no_company_change(text: str, orgs: list[str]) -> None:
    assert [f for f in facts_of(text, "en", orgs) if f.kind == "change"] == []


def test_a_name_before_a_source_noun_is_the_source() -> None:
    text = "Analysts expected growth of 0.3%, a Dow Jones Newswires survey reported."
    assert [f.company for f in facts_of(text, "en", ["Dow Jones Newswires"])] == []


def test_a_market_index_with_its_origin_is_an_index() -> None:
    assert is_market_index("British FTSE") and is_market_index("Japanese Nikkei")
    assert not is_market_index("Dow Chemical") and not is_market_index("US Airways")


def test_the_currency_code_of_the_amounts_is_no_company() -> None:
    text = "Commission increased to ISK 7,600 million from ISK 3,700 million, up 140% since 2003."
    assert all(f.company != "ISK" for f in facts_of(text, "en", ["ISK"]))


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("The Daily Telegraph", True),
        ("Financial Times", True),
        ("Irish Times", True),
        ("Handelsblatt", True),
        ("Frankfurter Allgemeine Zeitung", True),
        ("The New York Times Company", False),  # a company noun closes it
        ("Deutsche Post", False),
        ("New Zealand Post", False),
        ("BBC", False),  # a broadcaster's funding is news of its own
    ],
)
def test_news_outlets(name: str, outlet: bool) -> None:
    assert is_news_outlet(name) is outlet


def test_a_newspaper_reporting_figures_is_not_their_company() -> None:
    text = "Acme makes cars. According to The Daily Telegraph, sales rose 5% last year."
    changes = [f.company for f in facts_of(text, "en", ["Acme", "The Daily Telegraph"]) if f.kind == "change"]
    assert changes == ["Acme"]


def test_paying_for_a_stake_is_a_takeover() -> None:
    text = "Ford will pay €57 million (US$78 million) for a 72.4 percent stake in the plant Automobile Craiova."
    deals = [
        (f.buyer, f.target, f.amount_value, f.percent_value)
        for f in facts_of(text, "en", ["Ford", "Automobile Craiova"])
        if f.kind in ("acquisition", "spending")
    ]
    assert deals == [("Ford", "Automobile Craiova", Decimal("57000000"), Decimal("72.4"))]


def test_a_description_takes_the_topic_over_a_company_named_behind_a_preposition() -> None:
    # "the company" is the story's company, not the adviser named last (after "from"), once
    # the story's company was named more than three sentences back
    facts = facts_of(
        "Sony announced a restructuring plan on Thursday. Nearly 4,000 of the job losses will be "
        "in Japan. The plan was drawn up over the summer. It had advice from Goldman Sachs. "
        "Apart from the job losses, eleven of the company's 65 manufacturing plants will be closed.",
        "en",
        ["Sony", "Goldman Sachs"],
    )
    plants = [f for f in facts if f.kind == "count" and f.count_value == 65]
    assert [f.company for f in plants] == ["Sony"]


def test_a_description_stands_for_the_company_named_as_subject_just_before() -> None:
    facts = facts_of(
        "Sony announced a restructuring plan on Thursday. Nearly 4,000 of the job losses will be "
        "in Japan. The plan was drawn up over the summer. Panasonic also said it would cut jobs. "
        "The company laid off 2,500 workers last year.",
        "en",
        ["Sony", "Panasonic"],
    )
    assert [f.company for f in facts if f.kind == "count" and f.count_value == 2500] == ["Panasonic"]


def test_a_description_after_a_verb_of_saying_is_the_subject() -> None:
    # the union claims; the figure is the firm's
    facts = facts_of(
        "Embraer plans to cut jobs. In December, the Metalworkers Union, claimed the firm planned to cut 4,000 jobs.",
        "en",
        ["Embraer", "Metalworkers Union"],
    )
    assert [(f.kind, f.company) for f in facts if f.count_value == 4000] == [("count", "Embraer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passengers, cars and units are anyone's: a company's count only with a count verb
        ("The plane left Baghdad with 65 passengers on Tuesday, Iraqi Airways said.", []),
        ("Where HP has over 4,000 employees across seven business units, the media reacted.", [4000]),
        ("At 8:45pm, approximately 500 cars were parked at the Target store.", []),
        ("Ryanair carried 27 million passengers last year.", [27000000]),
        ("TradeMe has about 1.2 million members.", [1200000]),
        ("The A380 had 520 people onboard when the jet hit it.", []),
        ("Toyota said it would recall 1.1 million cars in the US.", [1100000]),
    ],
)
def test_weak_count_nouns_need_a_count_verb(text: str, expected: list[int]) -> None:
    facts = facts_of(text, "en", ["Iraqi Airways", "HP", "Target", "Ryanair", "Toyota", "TradeMe", "A380"])
    assert [f.count_value for f in facts if f.kind == "count"] == expected


def test_a_name_given_as_an_example_is_no_subject() -> None:
    facts = facts_of(
        "Granville Technology Group, who own brands such as TIME Computers and Tiny are to axe around 1,500 jobs.",
        "en",
        ["Granville Technology Group", "TIME Computers", "Tiny"],
    )
    assert [(f.kind, f.company) for f in facts] == [("count", "Granville Technology Group")]


def test_a_relative_clause_about_the_economy_holds_no_count() -> None:
    facts = facts_of(
        "The news suggests that the US economy may be improving, as the job loss rate, which "
        "peaked at 741,000 jobs this January, has started to ease, the White House said.",
        "en",
        ["White House"],
    )
    assert [f for f in facts if f.kind == "count"] == []


def test_fines_and_awarded_contracts_are_payments() -> None:
    cases = [
        (
            "de",
            "Die EU-Kommission hat eine Geldbuße von zwei Millionen Euro gegen Siemens verhängt.",
            ["EU-Kommission", "Siemens"],
            ("Siemens", "EU-Kommission", Decimal("2000000")),
        ),
        ("en", "BP was fined $50 million by the EPA.", ["BP", "EPA"], ("BP", "EPA", Decimal("50000000"))),
        ("nl", "ING kreeg een boete van 775 miljoen euro.", ["ING"], ("ING", None, Decimal("775000000"))),
        (
            "de",
            "Airbus erhält einen Auftrag über 2 Milliarden Euro von Lufthansa.",
            ["Airbus", "Lufthansa"],
            ("Lufthansa", "Airbus", Decimal("2000000000")),
        ),
        (
            "en",
            "KBR has been awarded a half billion dollar repair contract for U.S. Navy facilities.",
            ["KBR", "U.S. Navy"],
            ("U.S. Navy", "KBR", Decimal("500000000")),
        ),
    ]
    for lang, text, orgs, expected in cases:
        payments = [(f.customer, f.vendor, f.amount_value) for f in facts_of(text, lang, orgs) if f.kind == "payment"]
        assert payments == [expected], text


def test_stakes_are_takeovers_with_their_percentage() -> None:
    cases = [
        ("de", "Volkswagen steigt bei Rivian ein.", ["Volkswagen", "Rivian"], ("Volkswagen", "Rivian", None)),
        (
            "de",
            "Die Allianz übernimmt die Mehrheit an Euler Hermes.",
            ["Allianz", "Euler Hermes"],
            ("Allianz", "Euler Hermes", None),
        ),
        (
            "de",
            "Daimler stockt seine Beteiligung an Renault auf 60 Prozent auf.",
            ["Daimler", "Renault"],
            ("Daimler", "Renault", Decimal("60")),
        ),
        ("en", "Toyota took a 5% stake in Mazda.", ["Toyota", "Mazda"], ("Toyota", "Mazda", Decimal("5"))),
    ]
    for lang, text, orgs, expected in cases:
        facts = facts_of(text, lang, orgs)
        assert [(f.buyer, f.target, f.percent_value) for f in facts if f.kind == "acquisition"] == [expected], text
        assert [f for f in facts if f.kind == "share"] == [], text


def test_investing_is_spending() -> None:
    facts = facts_of("BMW investiert 400 Millionen Euro in sein Werk in Leipzig.", "de", ["BMW"])
    assert [(f.kind, f.company, f.amount_value) for f in facts] == [("spending", "BMW", Decimal("400000000"))]


def test_a_legal_form_alone_is_no_company() -> None:
    # the tagger split "Bank of America  Corporation" at its double space
    facts = facts_of(
        "The Bank of America  Corporation has announced that it lost US$2.24 billion in the third quarter.",
        "en",
        ["Bank of America", "Corporation"],
    )
    assert [(f.kind, f.company) for f in facts] == [("revenue", "Bank of America")]


def test_capitalised_common_nouns_are_no_companies() -> None:
    facts = facts_of("Das Konjunkturumfeld drückte den Umsatz um 5 Prozent.", "de", ["Konjunkturumfeld"])
    assert [f.company for f in facts] == []
    facts = facts_of("Die Aktie gab 15 Prozent nach.", "de", ["Voestalpine"], title="Voestalpine verliert an der Börse")
    assert [(f.kind, f.company, f.percent_value) for f in facts] == [("change", "Voestalpine", Decimal("15"))]


def test_a_stock_of_an_index_is_its_company() -> None:
    # "des MDax-Wertes" names a member of the index, not the index; the plural verb is a rise
    facts = facts_of(
        "Wincor Nixdorf steht vor einer Übernahme. Die Papiere des MDax-Wertes gewannen um mehr als "
        "16 Prozent an Wert.",
        "de",
        ["Wincor Nixdorf"],
    )
    assert [(f.kind, f.company, f.direction) for f in facts] == [("change", "Wincor Nixdorf", "up")]
    facts = facts_of("Nokia warned on profits. Its shares lost 12% of their value.", "en", ["Nokia"])
    assert [(f.kind, f.company, f.direction) for f in facts] == [("change", "Nokia", "down")]


def test_market_shares_are_shares() -> None:
    facts = facts_of("Der Marktanteil von Aldi liegt bei zwölf Prozent.", "de", ["Aldi"])
    assert [(f.kind, f.company, f.percent_value) for f in facts] == [("share", "Aldi", Decimal("12"))]


def test_holders_listed_with_their_shares() -> None:
    facts = facts_of(
        "An dem Konsortium sind Siemens (30 Prozent), Bosch (12 Prozent) und Daimler beteiligt.",
        "de",
        ["Siemens", "Bosch", "Daimler"],
    )
    assert [(f.kind, f.company, f.percent_value) for f in facts] == [
        ("share", "Siemens", Decimal("30")),
        ("share", "Bosch", Decimal("12")),
    ]


def test_a_compared_figure_is_no_revenue() -> None:
    facts = facts_of(
        "Air Canada reported an operating income of $85 million, compared with an $83 million loss in 2009.",
        "en",
        ["Air Canada"],
    )
    assert [(f.kind, f.amount_value) for f in facts if f.kind == "revenue"] == [("revenue", Decimal("85000000"))]


def test_a_seller_behind_a_preposition_is_no_object() -> None:
    text = "EnBW hatte im Oktober 74,2 Prozent der VNG-Aktien vom Oldenburger Energieversorger EWE übernommen."
    facts = facts_of(text, "de", ["EnBW", "VNG", "EWE"])
    assert [(f.buyer, f.target, f.percent_value) for f in facts if f.kind == "acquisition"] == [
        ("EnBW", "VNG", Decimal("74.2"))
    ]


def test_count_frames_with_the_number_apart() -> None:
    facts = facts_of("Die Zahl der Mitarbeiter bei Fanuc stieg auf inzwischen circa 300.", "de", ["Fanuc"])
    assert [(f.kind, f.company, f.count_value) for f in facts] == [("count", "Fanuc", Decimal("300"))]


@pytest.mark.parametrize(
    ("name", "lang", "city"),
    [
        # CLDR's time-zone cities, in English and in the language's own spelling
        ("Dublin", "en", True),
        ("Chicago", "en", True),
        ("Wien", "de", True),
        ("New York City", "en", True),
        # cities that are as often a company's short name are left out
        ("Zurich", "en", False),
        ("Macquarie", "en", False),
        ("Ryanair", "en", False),
    ],
)
def test_cities_are_no_company(name: str, lang: str, city: bool) -> None:
    assert is_territory(name, lang) is city
