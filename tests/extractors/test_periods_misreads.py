"""Periods misread in real text (SmartData, feeds, FIRE, WikiANN, old newspapers), now right.

Each case gave a wrong date before its fix: a lost year ("the first quarter of 2014" read as the
latest first quarter), a fiscal quarter mapped to the calendar, a decimal read as a date, a
weekday in a sentence about the future resolved to the past, and so on.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.periods import find_periods

D = dt.date


def periods(lang: str, published: str, text: str) -> list[tuple[str, dt.date | None, dt.date | None, bool]]:
    pub = D.fromisoformat(published)
    return [
        (p.text, p.start_date, p.end_date, p.fiscal) for p in find_periods(text, load_langpack(lang), published=pub)
    ]


@pytest.mark.parametrize(
    ("lang", "published", "text", "expected"),
    [
        # The year after a link or an article, and a modifier after the year word.
        (
            "en",
            "2016-02-01",
            "Revenue rose in the first quarter of 2014.",
            [("in the first quarter of 2014", D(2014, 1, 1), D(2014, 3, 31), False)],
        ),
        (
            "en",
            "2015-06-30",
            "Revenue rose in the first quarter of last year.",
            [("in the first quarter of last year", D(2014, 1, 1), D(2014, 3, 31), False)],
        ),
        (
            "en",
            "2015-06-30",
            "Prices rose in March of 2014.",
            [("in March of 2014", D(2014, 3, 1), D(2014, 3, 31), False)],
        ),
        (
            "nl",
            "2016-02-01",
            "De omzet steeg in het eerste kwartaal van 2014.",
            [("in het eerste kwartaal van 2014", D(2014, 1, 1), D(2014, 3, 31), False)],
        ),
        (
            "pt",
            "2016-02-01",
            "As vendas subiram no primeiro trimestre do ano passado.",
            [("no primeiro trimestre do ano passado", D(2015, 1, 1), D(2015, 3, 31), False)],
        ),
        (
            "es",
            "2016-02-01",
            "Las ventas subieron en el primer trimestre del año pasado.",
            [("en el primer trimestre del año pasado", D(2015, 1, 1), D(2015, 3, 31), False)],
        ),
        (
            "it",
            "2016-02-01",
            "Le vendite sono salite nel primo trimestre dello scorso anno.",
            [("nel primo trimestre dello scorso anno", D(2015, 1, 1), D(2015, 3, 31), False)],
        ),
        (
            "de",
            "2016-05-10",
            "Im März des vergangenen Jahres stiegen die Preise.",
            [("Im März des vergangenen Jahres", D(2015, 3, 1), D(2015, 3, 31), False)],
        ),
        # Numeric dates followed by a comma or a dot keep their year.
        (
            "de",
            "2016-02-11",
            "Am Mittwoch, 10.02.2016, gegen 12.00 Uhr, befanden sich zwei Beamte dort.",
            [
                ("Am Mittwoch", D(2016, 2, 10), D(2016, 2, 10), False),
                ("10.02.2016", D(2016, 2, 10), D(2016, 2, 10), False),
            ],
        ),
        (
            "es",
            "2016-02-11",
            "Robert Jarni 1.12.2013.-7.4.2014.",
            [("1.12.2013", D(2013, 12, 1), D(2013, 12, 1), False), ("7.4.2014", D(2014, 4, 7), D(2014, 4, 7), False)],
        ),
        # Fiscal quarters keep null dates.
        (
            "en",
            "2016-02-01",
            "Revenue for the third quarter of fiscal 2015 rose.",
            [("for the third quarter of fiscal 2015", None, None, True)],
        ),
        ("en", "2016-02-01", "Fiscal third quarter revenue rose.", [("Fiscal third quarter", None, None, True)]),
        ("en", "2016-02-01", "Revenue in Q3 FY2015 rose.", [("in Q3 FY2015", None, None, True)]),
        (
            "de",
            "2016-02-01",
            "Im dritten Quartal des Geschäftsjahres 2015/16 stieg der Umsatz.",
            [("Im dritten Quartal des Geschäftsjahres 2015/16", None, None, True)],
        ),
        # English writes no numeric day-month dates; versions are no dates anywhere.
        ("en", "2016-02-01", "The ratio was 1.8. Margins improved.", []),
        ("en", "2016-02-01", "The new iOS 9.2.1 fixes bugs.", []),
        ("de", "2016-02-01", "Die neue Version 9.2.1 behebt Fehler.", []),
        # Two-digit years no further than ten years ahead of publication.
        (
            "de",
            "2015-11-24",
            "Am 22.8.95 gab es einen Fehlalarm.",
            [("Am 22.8.95", D(1995, 8, 22), D(1995, 8, 22), False)],
        ),
        (
            "de",
            "2015-11-24",
            "Am 22.8.15 gab es einen Fehlalarm.",
            [("Am 22.8.15", D(2015, 8, 22), D(2015, 8, 22), False)],
        ),
        # English month names only with their capital.
        (
            "en",
            "2016-05-10",
            "The protest march last year drew crowds.",
            [("last year", D(2015, 1, 1), D(2015, 12, 31), False)],
        ),
        ("en", "2016-05-10", "We may this year see growth.", [("this year", D(2016, 1, 1), D(2016, 12, 31), False)]),
        (
            "en",
            "2016-05-10",
            "Sales rose in the March quarter.",
            [("in the March quarter", D(2016, 1, 1), D(2016, 3, 31), False)],
        ),
        # A day of the month in every pack's way of writing it.
        (
            "fr",
            "2016-05-10",
            "Le 5 mai 2015, les ventes ont augmenté.",
            [("Le 5 mai 2015", D(2015, 5, 5), D(2015, 5, 5), False)],
        ),
        (
            "es",
            "2016-05-10",
            "El 5 de mayo de 2015 subieron las ventas.",
            [("El 5 de mayo de 2015", D(2015, 5, 5), D(2015, 5, 5), False)],
        ),
        ("nl", "2016-05-10", "Op 5 mei 2015 steeg de omzet.", [("Op 5 mei 2015", D(2015, 5, 5), D(2015, 5, 5), False)]),
        ("en", "2016-05-10", "On May 5, 2015, sales rose.", [("On May 5, 2015", D(2015, 5, 5), D(2015, 5, 5), False)]),
        ("en", "2016-05-10", "On 5 May 2015 sales rose.", [("On 5 May 2015", D(2015, 5, 5), D(2015, 5, 5), False)]),
        # Centuries and decades are no halves or quarters of a year.
        ("en", "2016-05-10", "Incomes have stagnated over the past half century.", []),
        ("en", "2016-05-10", "Over the past quarter-century the city grew.", []),
        ("en", "2016-05-10", "In the second half of the 19th century the city grew.", []),
        # A year before a currency code is an amount.
        ("de", "2016-05-10", "Bis 2000 USD kostet es.", []),
        # Hydrogen, a car model and newspapers are no periods.
        (
            "de",
            "2016-05-10",
            "Der H2-Antrieb kommt im H2 2016.",
            [("im H2 2016", D(2016, 7, 1), D(2016, 12, 31), False)],
        ),
        # the model is no quarter; the season is a period since seasons were added
        (
            "de",
            "2016-05-10",
            "Der neue Audi Q3 kommt im Frühjahr.",
            [("im Frühjahr", D(2016, 3, 1), D(2016, 5, 31), False)],
        ),
        ("de", "2016-05-10", "Wie die Welt am Sonntag berichtet, steigt der Preis.", []),
        ("en", "2016-05-10", "The Mail on Sunday reported it.", []),
        # "the following year" after a year the story names.
        (
            "en",
            "2016-05-10",
            "She joined in 2010 and left the following year.",
            [
                ("in 2010", D(2010, 1, 1), D(2010, 12, 31), False),
                ("following year", D(2011, 1, 1), D(2011, 12, 31), False),
            ],
        ),
        (
            "en",
            "2016-05-10",
            "In 2010 sales fell. The following year they rose.",
            [
                ("In 2010", D(2010, 1, 1), D(2010, 12, 31), False),
                ("following year", D(2011, 1, 1), D(2011, 12, 31), False),
            ],
        ),
        (
            "en",
            "2016-05-10",
            "Sales were higher than the previous year.",
            [("the previous year", D(2015, 1, 1), D(2015, 12, 31), False)],
        ),
        # "a year earlier", "im Vorjahr", "im Jahr zuvor" count from the year named before too
        (
            "en",
            "2007-12-14",
            "Revenue rose in 2006. A year earlier it fell.",
            [
                ("in 2006", D(2006, 1, 1), D(2006, 12, 31), False),
                ("A year earlier", D(2005, 1, 1), D(2005, 12, 31), False),
            ],
        ),
        (
            "de",
            "2016-03-10",
            "Der Umsatz stieg 2015 um 5 Prozent. Im Vorjahr waren es 3 Milliarden Euro.",
            [("2015", D(2015, 1, 1), D(2015, 12, 31), False), ("Im Vorjahr", D(2014, 1, 1), D(2014, 12, 31), False)],
        ),
        (
            "de",
            "2016-03-10",
            "Der Umsatz lag 2015 bei 3 Mrd. Euro, im Jahr zuvor bei 2 Mrd. Euro.",
            [("2015", D(2015, 1, 1), D(2015, 12, 31), False), ("im Jahr zuvor", D(2014, 1, 1), D(2014, 12, 31), False)],
        ),
        # days counted from the day the story named last (anchored_days); none without one
        (
            "en",
            "2007-12-14",
            "On December 11, 2007 the bank failed. Two days earlier, it had warned.",
            [
                ("On December 11, 2007", D(2007, 12, 11), D(2007, 12, 11), False),
                ("Two days earlier", D(2007, 12, 9), D(2007, 12, 9), False),
            ],
        ),
        ("en", "2007-12-14", "Two days earlier the bank failed.", []),
        (
            "de",
            "2007-12-14",
            "Am 11. Dezember 2007 scheiterte die Bank. Tags darauf wurde sie verkauft.",
            [
                ("Am 11. Dezember 2007", D(2007, 12, 11), D(2007, 12, 11), False),
                ("Tags darauf", D(2007, 12, 12), D(2007, 12, 12), False),
            ],
        ),
        # without a year before, from publication
        (
            "de",
            "2016-03-10",
            "Im Vorjahr waren es 3 Milliarden Euro.",
            [("Im Vorjahr", D(2015, 1, 1), D(2015, 12, 31), False)],
        ),
        # A weekday and a date: the year in which they agree; the future looks forward.
        (
            "de",
            "2016-04-18",
            "Die Sperrung gilt am Samstag, 18. Juni, von 8.30 bis 8.45 Uhr.",
            [
                ("am Samstag", D(2016, 6, 18), D(2016, 6, 18), False),
                ("18. Juni", D(2016, 6, 18), D(2016, 6, 18), False),
            ],
        ),
        (
            "de",
            "2016-04-05",
            "Die EU-Kommission will am Mittwoch eine Reform vorstellen.",
            [("am Mittwoch", D(2016, 4, 6), D(2016, 4, 6), False)],
        ),
        (
            "de",
            "2016-04-05",
            "Die Kommission stellte am Mittwoch eine Reform vor.",
            [("am Mittwoch", D(2016, 3, 30), D(2016, 3, 30), False)],
        ),
        (
            "en",
            "2016-02-01",
            "The vote will take place on Tuesday.",
            [("on Tuesday", D(2016, 2, 2), D(2016, 2, 2), False)],
        ),
        ("de", "2016-04-05", "Am 1.8. beginnt die Saison.", [("Am 1.8.", D(2016, 8, 1), D(2016, 8, 1), False)]),
        # A day with a relative year, a modifier or a two-digit year after a link.
        (
            "pt",
            "2016-02-01",
            "Foi descoberto em 22 de Março de este ano.",
            [("22 de Março de este ano", D(2016, 3, 22), D(2016, 3, 22), False)],
        ),
        (
            "en",
            "2016-02-01",
            "It was found on 22 March last year.",
            [("on 22 March last year", D(2015, 3, 22), D(2015, 3, 22), False)],
        ),
        (
            "de",
            "2016-02-01",
            "Es wurde am 22. März dieses Jahres entdeckt.",
            [("am 22. März dieses Jahres", D(2016, 3, 22), D(2016, 3, 22), False)],
        ),
        (
            "fr",
            "2016-02-01",
            "Il viendra le 6 août prochain.",
            [("le 6 août prochain", D(2016, 8, 6), D(2016, 8, 6), False)],
        ),
        (
            "pt",
            "2016-02-01",
            "Nasceu em 30 de julho de 93.",
            [("30 de julho de 93", D(1993, 7, 30), D(1993, 7, 30), False)],
        ),
        ("en", "2016-05-10", "On 5 May 15 people died.", [("On 5 May", D(2016, 5, 5), D(2016, 5, 5), False)]),
        # "since" a day is open-ended and never the future, whatever the verb.
        (
            "de",
            "2016-04-07",
            "Der Mann wird seit dem 25. Februar vermisst.",
            [("25. Februar", D(2016, 2, 25), None, False)],
        ),
        (
            "en",
            "2016-02-01",
            "It has been listed since February 5, 1999.",
            [("since February 5, 1999", D(1999, 2, 5), None, False)],
        ),
        (
            "es",
            "2016-02-01",
            "Cotiza desde el 5 de febrero de 1999.",
            [("desde el 5 de febrero de 1999", D(1999, 2, 5), None, False)],
        ),
        # English numeric dates only with a four-digit year.
        ("en", "2016-02-01", "Tyler Simpson DF 28.08.1985", [("28.08.1985", D(1985, 8, 28), D(1985, 8, 28), False)]),
        # A weekday before a date with its year is that day.
        (
            "en",
            "2024-02-01",
            "It will report results on Thursday, May 11, 2023 after market close.",
            [
                ("on Thursday", D(2023, 5, 11), D(2023, 5, 11), False),
                ("May 11, 2023", D(2023, 5, 11), D(2023, 5, 11), False),
            ],
        ),
        # The future verb of another clause, or after the mention, does not count.
        (
            "en",
            "2016-02-01",
            "Drugmaker Sanofi SA said on Tuesday it will buy Amunix.",
            [("on Tuesday", D(2016, 1, 26), D(2016, 1, 26), False)],
        ),
        (
            "de",
            "2016-02-01",
            "Diese Zeit werden Pendler nicht vergessen: Tausende Autos standen am Dienstag im Stau.",
            [("am Dienstag", D(2016, 1, 26), D(2016, 1, 26), False)],
        ),
        # A span of days in one month, with a frame or a dash; "4 and 6 June" is two days.
        (
            "de",
            "2016-02-01",
            "Die Messe findet vom 14. bis 18. März statt.",
            [("vom 14. bis 18. März", D(2016, 3, 14), D(2016, 3, 18), False)],
        ),
        (
            "en",
            "2016-02-01",
            "It ran from 11 to 19 December 1997.",
            [("from 11 to 19 December 1997", D(1997, 12, 11), D(1997, 12, 19), False)],
        ),
        (
            "fr",
            "2016-02-01",
            "Le salon a lieu du 3 au 5 mai 2016.",
            [("du 3 au 5 mai 2016", D(2016, 5, 3), D(2016, 5, 5), False)],
        ),
        ("en", "2016-02-01", "He played on 4 and 6 June 2000.", [("6 June 2000", D(2000, 6, 6), D(2000, 6, 6), False)]),
        # The end of a span of dated days is a whole day, not an open start.
        (
            "de",
            "2016-02-01",
            "Die Messe lief vom 27.03.2016 bis 29.03.2016.",
            [
                ("vom 27.03.2016", D(2016, 3, 27), D(2016, 3, 27), False),
                ("29.03.2016", D(2016, 3, 29), D(2016, 3, 29), False),
            ],
        ),
        # "seit" before a weekday: the last one, open-ended.
        ("de", "2016-02-01", "Seit Dienstag wird gestreikt.", [("Seit Dienstag", D(2016, 1, 26), None, False)]),
        # Two digits after "de" that start a span of hours are no year; nor is "next to" a modifier.
        # (A day without a year five weeks ahead is the coming one, not the one eleven months
        # back: periods._nearest_occurrence, since the third session of 2026-12-07.)
        (
            "es",
            "2016-02-01",
            "El 8 de marzo de 17 a 20 horas habrá un taller.",
            [("El 8 de marzo", D(2016, 3, 8), D(2016, 3, 8), False)],
        ),
        (
            "en",
            "2016-02-01",
            "The meeting on 22 March next to the station was cancelled.",
            [("on 22 March", D(2016, 3, 22), D(2016, 3, 22), False)],
        ),
    ],
)
def test_no_wrong_period(lang: str, published: str, text: str, expected: list[tuple[object, ...]]) -> None:
    assert periods(lang, published, text) == expected
