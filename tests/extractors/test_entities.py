"""Document-level entity consistency and the pack's company cues."""

from __future__ import annotations

import re

import pytest

from newsfacts.extractors.entities import harmonize_entities, has_legal_form
from newsfacts.extractors.facts import org_cues
from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.records import Entity


def ent(text: str, name: str, label: str, nth: int = 0) -> Entity:
    start = [m.start() for m in re.finditer(re.escape(name), text)][nth]
    return Entity(text=name, start=start, end=start + len(name), label=label)  # type: ignore[arg-type]


def test_entities_majority_label_and_propagation() -> None:
    text = "Siemens wächst. Siemens zahlt. Der Chef von Siemens lacht."
    out = harmonize_entities(text, [ent(text, "Siemens", "ORG"), ent(text, "Siemens", "ORG", 1)])
    assert [(e.text, e.label, e.start) for e in out] == [
        ("Siemens", "ORG", 0),
        ("Siemens", "ORG", 16),
        ("Siemens", "ORG", 44),
    ]
    for e in out:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ein Kunde ist das in Abu Dhabi ansässige Unternehmen G42, das expandiert.", "G42"),
        ("Microsoft sucht Kunden wie Walmart und Intuit.", "Walmart"),
        ("Größter Abnehmer ist das Finanzsoftwareunternehmen Intuit.", "Intuit"),
        ("Walmart, ein langjähriger Kunde der Cloud-Dienste, nutzt die Technik.", "Walmart"),
    ],
)
def test_de_entities_company_cues(text: str, name: str) -> None:
    cues = org_cues(load_langpack("de"))
    tagged = [ent(text, "Walmart", "LOC")] if "Walmart" in text else []
    out = harmonize_entities(text, tagged, org_cues=cues)
    assert (name, "ORG") in [(e.text, e.label) for e in out]


@pytest.mark.parametrize(
    "text",
    ["Die Regierung will Unternehmen Geld geben.", "Viele Kunden Finanzberatung zu bieten ist schwer."],
)
def test_de_entities_capitalised_nouns_after_cue_stay_untagged(text: str) -> None:
    assert harmonize_entities(text, [], org_cues=org_cues(load_langpack("de"))) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bayer hat den US-Saatguthersteller Monsanto für 63 Milliarden Dollar übernommen.", "Monsanto"),
        ("Die Übernahme von Covestro durch den Ölkonzern Adnoc kostet Milliarden.", "Adnoc"),
    ],
)
def test_de_entities_compound_company_cue_names_an_organisation(text: str, name: str) -> None:
    from newsfacts.extractors.facts import org_cues
    from newsfacts.extractors.langpack import load_langpack

    entities = harmonize_entities(text, [], org_cues=org_cues(load_langpack("de")))
    assert [(e.text, e.label) for e in entities] == [(name, "ORG")]


@pytest.mark.parametrize(
    ("name", "label"),
    [("Plough Corp", "PER"), ("Bayer Pharmaceuticals Corp.", "MISC"), ("Hitachi Zosen Corporation", "LOC")],
)
def test_a_name_with_a_legal_form_is_an_organisation(name: str, label: str) -> None:
    text = f"Yesterday {name} reported its results."
    out = harmonize_entities(text, [ent(text, name, label)])
    assert [(e.text, e.label) for e in out] == [(name, "ORG")]


@pytest.mark.parametrize("name", ["Siemens AG", "BASF SE", "Apple Inc.", "Ahold Delhaize NV", "Vodafone Group plc"])
def test_legal_forms_are_read_as_written(name: str) -> None:
    assert has_legal_form(name)


@pytest.mark.parametrize("name", ["Daimler", "Berlin", "Mr Smith", "the ag", "Frankfurt am Main"])
def test_names_without_a_legal_form(name: str) -> None:
    assert not has_legal_form(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares of GlaxoSmithKline rose 32 cents to close at $47.82.", "GlaxoSmithKline"),
        ("TomTom shares fell 5% on Monday.", "TomTom"),
        ("Ryanair's profits rose by a fifth.", "Ryanair"),
        ("Segway's chief executive resigned.", "Segway"),
        ("In the final quarter, Air Canada (TSX:AC.B) earnings rose.", "Air Canada"),
        ("Pfizer CEO Jeffery Kindler has announced the cuts.", "Pfizer"),
        ("Royal Dutch Shell chief executive Peter Voser said so.", "Royal Dutch Shell"),
        ("Stockmann, the Finnish department store chain, bought Lindex.", "Stockmann"),
        ("Conduit, a subsidiary of a US directory firm, will hire staff.", "Conduit"),
        # a company noun before a name the tagger called a place: "electronics retailer Circuit City"
        ("United States electronics retailer Circuit City announced that it would file.", "Circuit City"),
        ("The airline Aer Arann said so.", "Aer Arann"),
    ],
)
def test_en_what_has_shares_traded_is_a_company(text: str, name: str) -> None:
    out = harmonize_entities(
        text, [ent(text, name, "LOC" if " " in name else "MISC")], org_cues=org_cues(load_langpack("en"))
    )
    assert (name, "ORG") in [(e.text, e.label) for e in out]


@pytest.mark.parametrize(
    "text",
    [
        "The CEO John Smith resigned.",
        "Former chairman Paul Smith spoke.",
        "US President Barack Obama spoke.",
        "In London, the company said so.",
        "Yesterday, the company said so.",
    ],
)
def test_en_an_officer_title_after_a_function_word_names_no_company(text: str) -> None:
    out = harmonize_entities(text, [], org_cues=org_cues(load_langpack("en")))
    assert [e for e in out if e.label == "ORG"] == []


def test_a_name_is_tagged_without_its_legal_form_too() -> None:
    """ "Schering-Plough Corp." … "Schering-Plough shares rose": the short form is the company."""
    text = "Bayer passed it to Schering-Plough Corp. on Friday. Schering-Plough shares rose 8 cents."
    start = text.index("Schering-Plough Corp.")
    entities = [Entity(text="Schering-Plough Corp.", start=start, end=start + 21, label="ORG")]
    found = [(e.text, e.start, e.label) for e in harmonize_entities(text, entities)]
    assert ("Schering-Plough", text.rindex("Schering-Plough"), "ORG") in found


def test_a_tie_with_org_makes_a_long_name_a_company() -> None:
    """Written by us: a name of two words tagged once PER and once ORG is a company, and a
    "person" that opens a company's name in the article is that company."""
    text = "Ziff Davis said. Ziff Davis Media grew. Ziff Davis Media cut jobs."
    tagged = [
        ent(text, "Ziff Davis", "PER"),
        ent(text, "Ziff Davis Media", "PER"),
        ent(text, "Ziff Davis Media", "ORG", 1),
    ]
    assert {(e.text, e.label) for e in harmonize_entities(text, tagged)} == {
        ("Ziff Davis", "ORG"),
        ("Ziff Davis Media", "ORG"),
    }


def test_a_person_tagged_only_as_one_stays_one() -> None:
    text = "Jane Roe said. Jane Roe left. Acme Media grew."
    tagged = [ent(text, "Jane Roe", "PER"), ent(text, "Jane Roe", "ORG", 1), ent(text, "Acme Media", "ORG")]
    labels = {(e.text, e.label) for e in harmonize_entities(text, tagged)}
    assert ("Acme Media", "ORG") in labels
    assert ("Jane Roe", "ORG") in labels  # a two-word name tagged ORG as often as PER
    single = [ent(text, "Jane Roe", "PER"), ent(text, "Jane Roe", "PER", 1), ent(text, "Acme Media", "ORG")]
    assert {e.label for e in harmonize_entities(text, single) if e.text == "Jane Roe"} == {"PER"}
