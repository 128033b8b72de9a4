"""Percent engine: golden cases from fixtures/golden/<lang>/percent.jsonl plus behaviour tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from golden_cases import golden_params

from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.percent import find_percentages


@pytest.fixture(scope="module")
def pack_de():
    return load_langpack("de")


@pytest.mark.parametrize("case", golden_params("percent"))
def test_percent_golden(case: dict[str, Any]) -> None:
    got = [p.model_dump(mode="json") for p in find_percentages(case["text"], load_langpack(case["lang"]))]
    assert got == case["expected"]


@pytest.mark.parametrize(
    ("text", "mention", "value", "kind", "direction", "qualifier"),
    [
        ("was fast 25 % des Gesamtumsatzes ausmachte", "fast 25 %", Decimal(25), "share", None, "approx"),
        ("Die Umsätze sind um 29 % gestiegen.", "um 29 %", Decimal(29), "change", "up", None),
        (
            "Der Kurs fiel danach einmal um mehr als 2,5 %.",
            "um mehr als 2,5 %",
            Decimal("2.5"),
            "change",
            "down",
            "more_than",
        ),
        ("Der Leitzins liegt bei 3,5 Prozent.", "3,5 Prozent", Decimal("3.5"), "level", None, None),
        ("Der Anteil sank um 2 Prozentpunkte.", "um 2 Prozentpunkte", Decimal(2), "points", "down", None),
        ("Die Aktie verlor 4 %.", "4 %", Decimal(4), "change", "down", None),
        # a noun of worth after the link keeps it a change (value_after)
        ("Die Aktie verlor 16 Prozent an Wert.", "16 Prozent", Decimal(16), "change", "down", None),
        ("Ein Rückgang von 7 Prozent.", "7 Prozent", Decimal(7), "change", "down", None),
        ("siebenunddreißig Prozent", "siebenunddreißig Prozent", Decimal(37), "level", None, None),
        ("Das Unternehmen machte 12 % seines Umsatzes im Ausland aus.", "12 %", Decimal(12), "share", None, None),
    ],
)
def test_percent_kind_direction_qualifier(text, mention, value, kind, direction, qualifier, pack_de) -> None:
    (found,) = find_percentages(text, pack_de)
    assert (found.text, found.value, found.kind, found.direction, found.qualifier) == (
        mention,
        value,
        kind,
        direction,
        qualifier,
    )
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text", ["", "12345", "Prozentsatz der Einnahmen", "https://x.de/?q=30%25%2020%", "Ελληνικά 5", "إنه 100"]
)
def test_percent_nothing_to_find(text: str, pack_de) -> None:
    assert find_percentages(text, pack_de) == []


@pytest.mark.parametrize(
    ("lang", "text", "mention", "value", "kind", "direction"),
    [
        ("en", "Sales rose by 3 percentage points.", "by 3 percentage points", Decimal(3), "points", "up"),
        ("en", "an increase of 12% in spending", "12%", Decimal(12), "change", "up"),
        ("en", "Mobil had a 30% stake in fuels.", "30%", Decimal(30), "share", None),
        ("en", "per cent of twenty-two", "per cent of twenty-two", Decimal(22), "level", None),
        ("fr", "le chiffre d'affaires a progressé de 12 %", "de 12 %", Decimal(12), "change", "up"),
        ("es", "las ventas cayeron un 5%", "un 5%", Decimal(5), "change", "down"),
        ("it", "in calo dell'8 per cento", "8 per cento", Decimal(8), "change", "down"),
    ],
)
def test_percent_every_pack(lang, text, mention, value, kind, direction) -> None:
    (found,) = find_percentages(text, load_langpack(lang))
    assert (found.text, found.value, found.kind, found.direction) == (mention, value, kind, direction)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("es", "un quinto por ciento", Decimal("0.2")),
        ("es", "tres cuartos por ciento", Decimal("0.75")),
        ("es", "veintidós milésimos por ciento", Decimal("0.022")),
        ("es", "tres dosmilésimos por ciento", Decimal("0.0015")),
        ("es", "ciento treinta y dos cincoavos por ciento", Decimal("26.4")),
        ("es", "ciento treinta con dos quintos por ciento", Decimal("130.4")),
        ("pt", "vinte e dois trinta avos por cento", Decimal(22) / 30),
        ("pt", "três dois milésimos por cento", Decimal("0.0015")),
        ("pt", "cento e trinta quintos por cento", Decimal(26)),
        # Not a well-formed numerator ("tres dos"), or more than one split: null, never a guess.
        ("es", "tres dos quintos por ciento", None),
        ("es", "dos mil quinientos millonésimos por ciento", None),
        ("pt", "cento e trinta avos por cento", None),
    ],
)
def test_percent_fraction_words(lang: str, text: str, value: Decimal | None) -> None:
    (found,) = find_percentages(text, load_langpack(lang))
    assert (found.text, found.value) == (text, value)


@pytest.mark.parametrize(
    ("lang", "text"), [("es", "el quinto por ciento"), ("es", "los cuartos de final"), ("pt", "o quarto por cento")]
)
def test_percent_denominator_alone_is_no_number(lang: str, text: str) -> None:
    assert find_percentages(text, load_langpack(lang)) == []


@pytest.mark.parametrize(
    ("text", "value", "direction", "qualifier"),
    [
        ("Il faut ensuite soustraire cinq pour cent.", 5, "down", None),
        ("Le titre a cédé moins 3 % hier.", 3, "down", None),
        # "moins de" and "au moins" stay qualifiers, not signs
        ("moins de 5 % des salariés", 5, None, "less_than"),
        ("au moins 5 % des salariés", 5, None, "at_least"),
    ],
)
def test_percent_french_sign_words(text: str, value: int, direction: str | None, qualifier: str | None) -> None:
    [p] = find_percentages(text, load_langpack("fr"))
    assert (p.value, p.direction, p.qualifier) == (value, direction, qualifier)


@pytest.mark.parametrize(
    ("lang", "text", "mention", "direction"),
    [
        # A spaced sign alone with its number in a line or a table cell is a sign (pt-0021).
        ("pt", " - 89101231,5127%", "- 89101231,5127%", "down"),
        ("pt", " - 89101231,5127 por cento", "- 89101231,5127 por cento", "down"),
        ("de", "Dax\t- 0,5 %\n", "- 0,5 %", "down"),
        ("de", "| Siemens | + 1,2 % |", "+ 1,2 %", "up"),
        # ... or alone in its brackets (de-sd-0080's shape: "59,5 Millionen Dollar (- 43 Prozent)")
        ("de", "ein Gewinn von 59,5 Millionen Dollar (- 43 Prozent)", "- 43 Prozent", "down"),
        ("en", "net income of $12 million ( + 5% )", "+ 5%", "up"),
        # ... not a list bullet or a dash between clauses.
        ("de", "- 5 % Rabatt auf alles", "5 %", None),
        ("en", "Shares rose - 5% in a day", "5%", "up"),
    ],
)
def test_percent_spaced_sign_only_alone_in_a_cell_or_brackets(lang, text, mention, direction) -> None:
    (found,) = find_percentages(text, load_langpack(lang))
    assert (found.text, found.direction) == (mention, direction)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # written by us: the old and the new level, not a range of change
        ("fr", "La marge est passée de 10 % à 12 %.", [("10 %", 10, "level"), ("12 %", 12, "level")]),
        ("es", "El paro pasó de 10 a 12%.", [("10", 10, "level"), ("12%", 12, "level")]),
        (
            "it",
            "Il tasso è sceso da 3 a 2 punti percentuali.",
            [("3", 3, "points"), ("2 punti percentuali", 2, "points")],
        ),
    ],
)
def test_percent_from_to_after_a_change_verb_is_two_levels(lang, text, expected) -> None:
    found = find_percentages(text, load_langpack(lang))
    assert [(p.text, p.value, p.kind, p.direction) for p in found] == [(t, Decimal(v), k, None) for t, v, k in expected]


def test_percent_range_of_change_stays_a_range() -> None:
    (found,) = find_percentages("Les ventes devraient progresser de 10 à 12 %.", load_langpack("fr"))
    assert (found.min, found.max, found.kind, found.direction) == (Decimal(10), Decimal(12), "change", "up")


def test_percent_von_auf_is_two_levels_not_a_change() -> None:
    # SmartData: the key rate moved between two levels; "senkten" does not make 0,05 % a fall
    text = "Die Währungshüter senkten den Leitzins von 0,05 Prozent auf null Prozent."
    found = find_percentages(text, load_langpack("de"))
    assert [(p.text, p.value, p.kind, p.direction) for p in found] == [
        ("0,05 Prozent", Decimal("0.05"), "level", None),
        ("null Prozent", Decimal(0), "level", None),
    ]


@pytest.mark.parametrize(
    ("text", "mention", "value", "direction"),
    [
        # written by us: full-width signs and decimal point, and "per hundred", in the universal layer
        ("－1２２％", "－1２２％", 122, "down"),
        ("アルコール量32．5％の白酒", "32．5％", 32.5, None),
        ("得点は52.5/100だった", "52.5/100", 52.5, None),
    ],
)
def test_universal_full_width_and_per_hundred(text: str, mention: str, value: float, direction: str | None) -> None:
    [found] = find_percentages(text, load_langpack("ja"))
    assert (found.text, float(found.value), found.direction) == (mention, value, direction)


@pytest.mark.parametrize(
    ("lang", "text", "mentions"),
    [
        # written by us: CLDR writes the percent sign first in Turkish and Basque
        ("tr", "Enflasyon %100 arttı, faiz ise % 25 oldu.", [("%100", 100), ("% 25", 25)]),
        ("eu", "Langabezia % 12 igo da.", [("% 12", 12)]),
        # and after the number everywhere else
        ("ar", "ارتفع بنسبة 26%", [("26%", 26)]),
    ],
)
def test_a_percent_sign_before_its_number_where_cldr_writes_it_so(lang: str, text: str, mentions: list) -> None:
    assert [(p.text, int(p.value or 0)) for p in find_percentages(text, load_langpack(lang))] == mentions


def test_a_direction_word_inside_a_name_gives_no_direction() -> None:
    """Written by us: "Lower Saxony" is a place, not a fall; "lower" as a word still is one."""
    pack = load_langpack("en")
    text = "Shareholders include Porsche SE (53.3%) and Lower Saxony (20%)."
    assert [(p.kind, p.direction) for p in find_percentages(text, pack)] == [("level", None), ("level", None)]
    assert [p.direction for p in find_percentages("Sales were 3% lower.", pack)] == ["down"]
