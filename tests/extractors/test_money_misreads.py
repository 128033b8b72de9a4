"""Money and percent misreads found in real text (old newspapers, OCR, feeds, web pages).

Each case was a wrong number before it was fixed: the engines now give the right amount, an
amount with a null value, or nothing. "Never a wrong number" (issue 4) is what they check.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.money import find_amounts
from newsfacts.extractors.percent import find_percentages

D = Decimal


def amounts(lang: str, text: str) -> list[tuple[str, Decimal | None, Decimal | None, Decimal | None, str | None]]:
    return [(a.text, a.value, a.min, a.max, a.currency) for a in find_amounts(text, load_langpack(lang))]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "M." after an amount is Monsieur or an initial, not a million.
        ("fr", "Il a payé 2.000 francs M. Albert en a reçu autant.", [("2.000 francs", D(2000), None, None, None)]),
        ("fr", "Il doit 500 euros M. Dupont le sait.", [("500 euros", D(500), None, None, "EUR")]),
        ("en", "He owed £500 M. Poirot said.", [("£500", D(500), None, None, "GBP")]),
        ("en", "They paid $5M. The deal closed.", [("$5M", D(5_000_000), None, None, "USD")]),
        ("en", "Revenue was $5 m. a year ago.", [("$5 m", D(5_000_000), None, None, "USD")]),
        # A subunit scales both ends of a range, and each figure of a change.
        (
            "fr",
            "Le prix varie de 12 à 25 centimes le kilo.",
            [("de 12 à 25 centimes", None, D("0.12"), D("0.25"), None)],
        ),
        (
            "fr",
            "Le prix est passé de 12 à 25 centimes.",
            [("12", D("0.12"), None, None, None), ("25 centimes", D("0.25"), None, None, None)],
        ),
        ("en", "It costs between 10 and 20 cents each.", [("between 10 and 20 cents", None, D("0.1"), D("0.2"), None)]),
        ("es", "Cuesta entre 10 y 20 céntimos.", [("entre 10 y 20 céntimos", None, D("0.1"), D("0.2"), None)]),
        # "^" in an amount is OCR noise, not a power.
        ("fr", "Le total était 340^83$ hier.", [("340^83$", None, None, None, "USD")]),
        ("fr", "Il paie 2^00 francs.", [("2^00 francs", None, None, None, None)]),
        # The Portuguese escudo sign between digits is no dollar before the second number.
        ("pt", "Custa 2$50 e 250$00.", []),
        # A thousands group in the other convention leaves the range unread, both ends.
        ("fr", "Il faut 8 à 10,000 francs.", [("8 à 10,000 francs", None, None, None, None)]),
        ("fr", "Il faut de 4,000 à 5.000 francs.", [("de 4,000 à 5.000 francs", None, None, D(5000), None)]),
        ("nl", "Het kost 46.000,000 franken.", [("46.000,000 franken", None, None, None, None)]),
        # A scale word that ends the second number in words is shared.
        ("fr", "Il faut onze à douze mille francs.", [("onze à douze mille francs", None, D(11000), D(12000), None)]),
        (
            "de",
            "Es kostet zwölf bis fünfzehntausend Euro.",
            [("zwölf bis fünfzehntausend Euro", None, D(12000), D(15000), "EUR")],
        ),
        (
            "fr",
            "Il faut deux cents à trois mille euros.",
            [("deux cents à trois mille euros", None, D(200), D(3000), "EUR")],
        ),
        ("fr", "Il faut cinq à mille euros.", [("cinq à mille euros", None, D(5), D(1000), "EUR")]),
        # A year is no lower bound.
        (
            "fr",
            "depuis le 1er janvier 1906 à 11.503.000 francs",
            [("11.503.000 francs", D(11_503_000), None, None, None)],
        ),
        # The tail of a number written apart is no number of its own.
        ("nl", "Het kost negen en negentig gulden.", [("negentig gulden", None, None, None, "NLG")]),
        ("nl", "Het kost vier honderd gulden.", [("honderd gulden", None, None, None, "NLG")]),
        # Two units in a row are two numbers, not their sum; German teens still read.
        ("en", "He paid one five dollar fee.", [("one five dollar", None, None, None, "USD")]),
        ("es", "Pagó uno cinco dólares.", [("uno cinco dólares", None, None, None, "USD")]),
        ("de", "Er zahlte dreizehn Euro.", [("dreizehn Euro", D(13), None, None, "EUR")]),
        ("fr", "Il paie quatre-vingt-dix-sept euros.", [("quatre-vingt-dix-sept euros", D(97), None, None, "EUR")]),
        # Hundredths after the currency are two digits standing alone.
        ("fr", "Il paie 100 francs 93,343 habitants.", [("100 francs", D(100), None, None, None)]),
        ("fr", "Il paie 5 francs 8° la pièce.", [("5 francs", D(5), None, None, None)]),
        ("fr", "Il paie 2 centimes 3/4 la pièce.", [("2 centimes", D("0.02"), None, None, None)]),
        # "cents" is a number word before a noun, in a range too.
        ("fr", "une compagnie a gagné entre cent et deux cents mètres", []),
        ("fr", "Le prix va de 1 à 2 livres.", [("de 1 à 2 livres", None, D(1), D(2), "GBP")]),
        # A code before a number that is no amount ("rund CHF 2 5 Mrd" is a typo).
        ("de", "Kundenvermögen in Höhe von rund CHF 2 5 Mrd", []),
        # In a table the symbol between two numbers is the second's; hundredths have two digits.
        ("en", "01-Feb-02 P 27,886 $ 27,361", [("$ 27,361", D(27361), None, None, "USD")]),
        ("en", "It costs 50p.", [("50p", D("0.5"), None, None, "GBP")]),
        # Clock times.
        ("en", "The meeting is at 1:30 p.m. today.", []),
        ("en", "We meet at 3 p.m. on Friday.", []),
        ("sv", "Det kostar 1:50 kr.", []),
        # Names that look like amounts.
        ("en", "50 Cent released an album.", []),
        ("de", "Der Preis stieg um 50 Cent.", [("50 Cent", D("0.5"), None, None, None)]),
        ("en", "He upgraded to PHP 7 last year.", []),
        ("en", "It costs USD 7.50.", [("USD 7.50", D("7.5"), None, None, "USD")]),
        ("en", "The Audi RS5 sold well.", []),
        ("en", "It costs Rs 500.", [("Rs 500", D(500), None, None, "INR")]),
        # A capitalised currency name inside a name, where names of currencies take no capital.
        ("en", "The Six Million Dollar Man returned.", []),
        ("pl", "Wygrał wyścig Formuły 3 Euro Series.", []),
        ("en", "It cost 5 Dollars. Then it fell.", [("5 Dollars", D(5), None, None, "USD")]),
        ("de", "Die Firma machte 3 Millionen Euro Umsatz.", [("3 Millionen Euro", D(3_000_000), None, None, "EUR")]),
        # English-style grouping after a symbol written first, in a comma-decimal language.
        ("fr", "Le salaire moyen est de $29,696 cette année.", [("$29,696", None, None, None, "USD")]),
        ("fr", "Les prix commencent à 12,345 $.", [("12,345 $", D("12.345"), None, None, "USD")]),
        ("de", "Der Preis: 1,879 Euro je Liter.", [("1,879 Euro", D("1.879"), None, None, "EUR")]),
        # A whole number and a fraction before a multiplier.
        (
            "en",
            "He paid one and a half million dollars.",
            [("one and a half million dollars", D(1_500_000), None, None, "USD")],
        ),
        ("pl", "Zapłacił dwa i pół miliona złotych.", [("dwa i pół miliona złotych", D(2_500_000), None, None, "PLN")]),
        (
            "de",
            "Er zahlte anderthalb Millionen Euro.",
            [("anderthalb Millionen Euro", D(1_500_000), None, None, "EUR")],
        ),
        (
            "de",
            "Er zahlte zweieinhalb Milliarden Euro.",
            [("zweieinhalb Milliarden Euro", D(2_500_000_000), None, None, "EUR")],
        ),
        ("de", "Er zahlte 1½ Milliarden Dollar.", [("1½ Milliarden Dollar", D(1_500_000_000), None, None, "USD")]),
        ("nl", "Hij betaalde anderhalf miljoen euro.", [("anderhalf miljoen euro", D(1_500_000), None, None, "EUR")]),
        # A half after the multiplier, and before it ("medio millón" was a vague "at least a million").
        (
            "es",
            "Pagó un millón y medio de dólares.",
            [("un millón y medio de dólares", D(1_500_000), None, None, "USD")],
        ),
        ("es", "Pagó medio millón de dólares.", [("medio millón de dólares", D(500_000), None, None, "USD")]),
        (
            "fr",
            "Il a payé un million et demi d'euros.",
            [("un million et demi d'euros", D(1_500_000), None, None, "EUR")],
        ),
        (
            "it",
            "Ha pagato un milione e mezzo di euro.",
            [("un milione e mezzo di euro", D(1_500_000), None, None, "EUR")],
        ),
        ("pt", "Pagou meio milhão de reais.", [("meio milhão de reais", D(500_000), None, None, "BRL")]),
        # "Cent" with a capital where cents are written in lower case.
        ("pl", "Gościnnie pojawia się raper 50 Cent.", []),
        ("nl", "Op het podium stond 50 Cent.", []),
        # Index names and obsolete codes are no currencies; the euro's forerunners still are.
        ("en", "The BEL20 rose 1.2%.", []),
        ("en", "He bought 2 AMD chips.", []),
        ("de", "Das Schiff hat 60 Millionen BRZ.", []),
        ("en", "It cost DEM 500 million.", [("DEM 500 million", D(500_000_000), None, None, "DEM")]),
        # A currency name opening a compound names no amount.
        ("de", "Obendrein könnte ein Euro-Mitgliedstaat austreten.", []),
        ("de", "Drei Euro-Länder haben zugestimmt.", []),
        ("de", "Er bezahlte mit einem 100-Dollar-Schein.", [("100-Dollar", D(100), None, None, "USD")]),
        (
            "de",
            "Griechenland soll die erste 5,5 Milliarden Euro-Finanzspritze erhalten.",
            [("5,5 Milliarden Euro", D(5_500_000_000), None, None, "EUR")],
        ),
        ("en", "The fund invested in one euro area country.", []),
        # A dash "range" that falls is two figures side by side.
        ("de", "Er kostet 150 - 20 Euro.", [("20 Euro", D(20), None, None, "EUR")]),
        (
            "de",
            "Der Preis fiel von 30 auf 20 Euro.",
            [("30", D(30), None, None, "EUR"), ("20 Euro", D(20), None, None, "EUR")],
        ),
        # From-to frames in Dutch, Polish and Swedish.
        (
            "nl",
            "De omzet steeg van 3 miljoen naar 4 miljoen euro.",
            [("3 miljoen", D(3_000_000), None, None, "EUR"), ("4 miljoen euro", D(4_000_000), None, None, "EUR")],
        ),
        (
            "pl",
            "Przychody wzrosły z 5 do 6 mln zł.",
            [("5", D(5_000_000), None, None, "PLN"), ("6 mln zł", D(6_000_000), None, None, "PLN")],
        ),
        # Pounds and livres that weigh; with a multiplier they are money.
        ("en", "The police seized 300 pounds of cocaine.", []),
        ("en", "He weighed 300 pounds at the time.", []),
        ("en", "The club paid 20 pounds for it.", [("20 pounds", D(20), None, None, "GBP")]),
        ("en", "It raised 2 million pounds of investment.", [("2 million pounds", D(2_000_000), None, None, "GBP")]),
        ("fr", "Il a acheté 500 livres de farine.", []),
        ("fr", "Il a payé 500 livres sterling.", [("500 livres sterling", D(500), None, None, "GBP")]),
        # "a few hundred" is vague, never exactly 100 without the flag.
        ("de", "Er zahlte ein paar hundert Euro.", [("ein paar hundert Euro", D(100), None, None, "EUR")]),
    ],
)
def test_no_wrong_number(lang: str, text: str, expected: list[tuple[object, ...]]) -> None:
    assert amounts(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text"), [("de", "Er zahlte ein paar hundert Euro."), ("sv", "Han betalade några hundra kronor.")]
)
def test_a_few_hundred_is_vague(lang: str, text: str) -> None:
    (amount,) = find_amounts(text, load_langpack(lang))
    assert amount.vague


def test_page_count_is_no_points() -> None:
    pack = load_langpack("en")
    assert find_percentages("See 358 pp. of the report.", pack) == []
    (points,) = find_percentages("Sales rose 2 pp. in May.", pack)
    assert (points.kind, points.value) == ("points", D(2))
    (basis,) = find_percentages("Rates rose 350 basis points.", pack)
    assert (basis.kind, basis.value) == ("points", D("3.5"))
    # A gap between two returns may well exceed 100 points (SmartData).
    german = "Seit Anfang 2003 liegt der PPVX (+402%) rund 289 Prozentpunkte vor dem Erdölaktien-Index."
    gap = [p for p in find_percentages(german, load_langpack("de")) if p.kind == "points"]
    assert [(p.text, p.value) for p in gap] == [("rund 289 Prozentpunkte", D(289))]


@pytest.mark.parametrize(
    ("lang", "text", "kind", "direction"),
    [
        # A link after a change word makes the percentage the size of the change.
        ("pt", "As vendas vão aumentar em 5% no próximo ano.", "change", "up"),
        ("pt", "As vendas caíram em 3%.", "change", "down"),
        ("es", "Las ventas registraron una caída del 5% en marzo.", "change", "down"),
        ("es", "Las ventas aumentaron en 5%.", "change", "up"),
        ("it", "Un calo del 5% delle vendite.", "change", "down"),
        ("fr", "Une baisse de 5% des ventes.", "change", "down"),
        # The same links without a change word: a level or a share.
        ("pt", "A taxa está em 5%.", "level", None),
        ("es", "La tasa está en 5%.", "level", None),
        ("fr", "Il détient 5% des parts.", "share", None),
        ("it", "Detiene il 5% delle azioni.", "share", None),
        # "al" after a change verb is the new level.
        ("es", "El paro bajó al 12% en marzo.", "level", None),
        # A change verb right before the number, a sign word, a verb particle that is no share.
        ("pt", "As compras aumentaram 45,5% de janeiro a maio.", "change", "up"),
        ("de", "Der Dax ist gestern mit minus 1,8 Prozent aus dem Handel gegangen.", "change", "down"),
        ("de", "Die Hotels hoben ihre Preise um 30 Prozent an.", "change", "up"),
        ("de", "Lufthansa ist zu 49 Prozent an Alitalia beteiligt.", "share", None),
        ("de", "Trotz eines 8 Prozent höheren Umsatzes rutschte sie tiefer in die roten Zahlen.", "change", "up"),
        # A change word alone before the number yields to a share.
        ("pl", "Powędrował on do Oceany, która zyskała 37 procent głosów.", "share", None),
        ("pl", "Wtedy Islom Karimov uzyskał wynik 90,39% głosów.", "share", None),
        # "as taxas mais baixas" are the lowest, not a fall.
        ("pt", "Com as taxas mais baixas surgia a Mealhada (31,7%).", "level", None),
        # The old level of a from-to.
        ("en", "The tax rate decreased from 42% in 2011 to 29 in 2012.", "level", None),
    ],
)
def test_percent_kind_after_change_word(lang: str, text: str, kind: str, direction: str | None) -> None:
    (found,) = find_percentages(text, load_langpack(lang))
    assert (found.kind, found.direction) == (kind, direction)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nl", "De rente steeg van 3% naar 4%.", [("3%", D(3), "level"), ("4%", D(4), "level")]),
        ("pl", "Stopa wzrosła z 5% do 6%.", [("5%", D(5), "level"), ("6%", D(6), "level")]),
        (
            "sv",
            "Räntan höjdes från 3 procent till 4 procent.",
            [("3 procent", D(3), "level"), ("4 procent", D(4), "level")],
        ),
        ("sv", "Räntan ligger på från 3 till 5 procent.", [("från 3 till 5 procent", None, "level")]),
        # Decimals in the other convention are unknown, never a percentage in the thousands.
        ("de", "Der Zins beträgt 3.125%.", [("3.125%", None, "level")]),
        ("de", "Die Preise stiegen um 1.200 Prozent.", [("um 1.200 Prozent", D(1200), "change")]),
        # A vote count before a percentage is no range start.
        ("en", "Carole James 12,560 - 48.65%", [("48.65%", D("48.65"), "level")]),
    ],
)
def test_percent_figures(lang: str, text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(p.text, p.value, p.kind) for p in find_percentages(text, load_langpack(lang))] == expected
