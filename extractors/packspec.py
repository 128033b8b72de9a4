"""The language pack format: one pydantic model per table, every key typed and described.

A pack is ``langpacks/_base.toml`` merged with ``langpacks/<lang>.toml`` over CLDR data
(``extractors/langpack.py``). These models are the format: the loader validates the merged pack
against them when it loads it, so a misspelt or mistyped key fails at once, naming its file and
key (``de.toml: [facts] buy_verb: unknown key (did you mean buy_verbs?)``), not at the first
article. The committed JSON Schema ``schemas/langpack.schema.json`` is rendered from them
(``python -m newsfacts.extractors.packspec``; a test fails when it drifts), for editors and for
whoever writes a new pack.

Conventions for values (each key's ``description`` says which it is):

- **Words** (a list of strings): literal words or phrases. The engine escapes them and builds the
  alternation itself; a space matches any run of whitespace. Engines fold case unless the key's
  description says the words are matched *as written*. No wildcards, except in **cue words**
  (``percent.up``/``down``, JSON Schema ``"x-wildcards": true``): a ``*`` at either end stands for
  any letters, ``stieg*`` any ending, ``*rückgang`` any compound ending in it.
- **Regex** (JSON Schema ``"format": "regex"``): a Python ``re`` pattern, checked when the pack
  loads. ``"x-case": "sensitive"`` (type ``Regex``): matched as written, so write both cases
  where both occur (``[Uu]nternehmen``); ``"x-case": "ignore"`` (type ``FoldedRegex``): the
  engine matches ignoring case, so write it in lower case. A pattern writes its own word
  boundaries (``\\b``); its wildcards are character classes (``\\w``, ``[^\\W\\d]``, ``\\S+``),
  never ``.``, and its repetitions are bounded (``{0,80}``), so no pattern runs across sentences.

A new key is one field here: ``name: type = Field(default, description="...")`` in its table's
model (a regex key typed ``Regex`` or ``FoldedRegex``); rerun this module to refresh the schema.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from newsfacts.extractors.records import Qualifier, Rate

__all__ = [
    "SCHEMA_FILE",
    "CueWords",
    "FactsData",
    "FoldedRegex",
    "MetaData",
    "MoneyData",
    "NumberData",
    "PackFile",
    "PackSpec",
    "PercentData",
    "PeriodData",
    "RateData",
    "Regex",
    "TextData",
    "close_key",
    "render_schema",
    "table_of",
]

SCHEMA_FILE = Path(__file__).parent / "schemas" / "langpack.schema.json"

Words = tuple[str, ...]
PeriodUnit = Literal["year", "half", "quarter", "month", "week", "weekend", "day"]
Direction = Literal["up", "down"]


def _compiles(flags: int) -> Any:
    """A validator that fails a pattern ``re`` cannot compile (``re`` caches what it compiles)."""

    def check(pattern: str) -> str:
        try:
            re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return pattern

    return AfterValidator(check)


Regex = Annotated[str, _compiles(0), Field(json_schema_extra={"format": "regex", "x-case": "sensitive"})]
"""A Python regex matched as written (case-sensitive)."""
FoldedRegex = Annotated[str, _compiles(re.IGNORECASE), Field(json_schema_extra={"format": "regex", "x-case": "ignore"})]
"""A Python regex the engine matches ignoring case."""
CueWords = Annotated[Words, Field(json_schema_extra={"x-wildcards": True})]
"""Words with ``*`` at either end as a wildcard for letters."""


def _field(default: Any, description: str) -> Any:
    return Field(default, description=description)


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MetaData(_Table):
    """``[meta]``: which language a file is for (read by the loader, not kept in the pack)."""

    lang: str | None = _field(None, "ISO 639-1 code; the file name's stem when left out.")
    locale: str | None = _field(None, "CLDR locale whose data lies under the files; ``lang`` when left out.")


class TextData(_Table):
    """Sentence splitting: abbreviations whose "." does not end a sentence."""

    abbreviations: Words = _field((), 'Words whose final "." ends no sentence ("Mr.", "z. B.").')


class NumberData(_Table):
    """How numbers are written: separators, number words, multipliers, vague quantities."""

    decimal_separator: str = Field(description="Decimal separator (from CLDR unless a file sets it).")
    group_separators: Words = Field(description="Thousands separators (CLDR's, unless a file sets them).")
    extra_group_separators: Words = _field((), "Group separators used in news besides CLDR's (a space, an apostrophe).")
    secondary_group_size: int | None = _field(
        None, 'Indian grouping ("12,34,567.89"): groups of this size above the first group of three.'
    )
    extra_decimal_separators: Words = _field(
        (),
        "Read as a decimal separator only where it cannot be a group separator: not followed by exactly"
        ' three digits, not after a grouped integer ("£ 8.10 miljoner" in Swedish).',
    )
    words: dict[str, int] = _field({}, 'Number words and their values ("zwei" = 2, "twelve" = 12).')
    scales: dict[str, int] = _field({}, 'Number words that multiply the number before them ("hundred" = 100).')
    joiners: Words = _field((), 'Between the parts of a number in words: "and" in "one hundred and five".')
    word_separators: Words = _field(
        (),
        'Between the parts of a number written in words ("forty-five", "one hundred"); German writes'
        " them as one word and leaves this empty.",
    )
    decimal_words: Words = _field(
        (), 'Words for the decimal point between numbers in words ("dois vírgula cinco" = 2.5).'
    )
    multipliers: dict[str, Decimal] = _field({}, 'After a number, glued or apart: "5 Mio.", "$1bn", "2,5 Milliarden".')
    vague_quantifiers: dict[str, Decimal] = _field(
        {}, 'Vague counts and the scale they count in: "Hunderte" = 100, "tens of" = 10, "several" = 1.'
    )
    vague_magnitudes: dict[str, Decimal] = _field({}, 'A vague amount on its own: "millions", "Milliarden".')
    range_words: Words = _field((), 'Between the two numbers of a range: "-", "–", "bis".')
    range_frames: tuple[tuple[str, str], ...] = _field(
        (), 'Words around the two numbers of a range: ["between", "and"], ["zwischen", "und"].'
    )
    from_to_verbs: Words = _field(
        (),
        'Verbs after which a framed range is a change from one figure to another: "passé de 300 à 350'
        ' millions", "è passato da 800 a 950" (old and new; numbers.from_to_split).',
    )
    from_to_frames: tuple[tuple[str, str], ...] = _field(
        (), 'The frames of ``range_frames`` that read "from ... to" ("de ... à"), unlike "entre ... et".'
    )
    from_to_needs_verb: bool = _field(
        True,
        'Whether ``from_to_frames`` are from-to only after ``from_to_verbs``: German "von 6,8 auf 8,8'
        ' Milliarden Euro" is old and new with any verb or none.',
    )
    fractions: dict[str, Decimal] = _field(
        {}, 'Fractions read only before a multiplier ("half a million", "pół miliona", "anderthalb Milliarden").'
    )
    fraction_linkers: Words = _field((), 'Between a fraction and its multiplier: "a" in "half a million".')
    fraction_joiners: Words = _field(
        (), 'Between a whole number and a fraction: "one and a half million", "dwa i pół miliona".'
    )
    denominators: dict[str, int] = _field(
        {}, 'Fractions in words after a numerator in words ("un quinto" = 1/5, "ciento treinta y dos quintos").'
    )
    compound_denominators: dict[str, int] = _field(
        {},
        'Denominators that multiply the cardinal before them, glued or apart: "veintiunavo" = 1/21,'
        ' "tres dosmilésimos" = 3/2000. A split that is not unique gives no value.',
    )


class RateData(_Table):
    """``[money.rates]``: phrases that make an amount recur (ISO 8601 durations as keys)."""

    before: dict[Rate, Words] = _field({}, 'Rate phrases before the amount: "jährlich 5 Mio. Euro", "every year".')
    after: dict[Rate, Words] = _field({}, 'Rate phrases after the amount: "5 Mio. Euro pro Jahr", "$5m a year".')
    adjectives: dict[Rate, Words] = _field(
        {}, 'Rate adjectives before the noun the amount is of: "annual", "monatliche".'
    )
    adjective_linkers: Words = _field((), 'Between an amount and a rate adjective: "in" ("$5m in annual fees").')
    after_blockers: Words = _field(
        (), 'After a rate phrase, make it no rate: "$5m a year earlier" is last year\'s figure.'
    )


class MoneyData(_Table):
    """Currency lexicon (CLDR plus news forms) and vague money expressions."""

    currency_names: dict[str, str] = _field(
        {}, 'Currency names and their ISO 4217 codes ("Euro" = "EUR"); CLDR\'s are added.'
    )
    currency_symbols: dict[str, str] = _field({}, 'Currency symbols and their codes ("€" = "EUR"); CLDR\'s are added.')
    currency_codes: Words = _field(
        (), "ISO 4217 codes read as currencies, matched as written (CLDR's list by default)."
    )
    currency_codes_exclude: Words = _field(
        (), 'Codes that are also common upper-case words or acronyms ("TOP 5", "AMD"): never a currency.'
    )
    currency_codes_obsolete: Words = _field(
        (), "Codes of currencies gone long ago, left out like ``currency_codes_exclude``, kept apart for the reason."
    )
    use_cldr: bool = _field(True, "Take the locale's CLDR currency names and symbols as the bulk of the lexicon.")
    bare_name_word: Literal["first", "last", ""] = _field(
        "",
        "Which word of a CLDR currency name is its noun, read alone where it names one currency only:"
        ' "last" ("Nigerian naira"), "first" ("rand sud-africain"), "" none.',
    )
    bare_names_exclude: Words = _field(
        (),
        'Last words of CLDR currency names that are words of their own ("value", "gold", "real"): never'
        ' read alone as the currency ("5 million naira" is, where "naira" names one currency only).',
    )
    crypto_codes: Words = _field(
        (), 'Codes of crypto-currencies, read like ISO 4217 codes though no part of it: "BTC", "ETH".'
    )
    crypto_names: dict[str, str] = _field(
        {}, 'Names of crypto-currencies in every language, under the pack\'s own names: "bitcoin" = "BTC".'
    )
    subunits: Words = _field((), 'Names of a hundredth of a currency: "Cent", "pence", "öre".')
    subunit_currencies: dict[str, str] = _field(
        {},
        'A subunit as the unit of an amount ("50 cents", "100 öre"): its currency code ("" where the word'
        " names none); the value is given in the main unit (0.5).",
    )
    subunit_values: dict[str, Decimal] = _field({}, 'A subunit worth other than a hundredth: Dutch "stuiver" = 0.05.')
    code_multipliers: dict[str, Decimal] = _field(
        {}, 'Multiplier letters glued before an ISO code ("30 MUSD", "120 MEUR").'
    )
    unit_multipliers: dict[str, Decimal] = _field(
        {},
        'Currency names or symbols that carry their multiplier ("70 mkr", "45 M€"); the currency comes'
        " from ``currency_names`` or ``currency_symbols``.",
    )
    currency_linkers: Words = _field((), 'Between a vague magnitude and the currency: "of" ("millions of dollars").')
    subunit_linkers: Words = _field(
        (), 'Between an amount and its hundredths besides the number joiners: "3 euros com 99 centavos".'
    )
    digit_only_names: Words = _field(
        (), 'Names that are also common words: read after digits or a multiplier only ("1 livre", not "un livre").'
    )
    clause_final_names: Words = _field(
        (),
        "Names that are also a word opening a clause: matched as written and only where no word follows"
        ' (Swedish "att").',
    )
    lowercase_only: Words = _field((), 'Names read only in lower case: "50 Cent" with a capital is the rapper.')
    capitalised_names: bool = _field(
        False,
        'Currency names take a capital in running text (German "Euro"); elsewhere a capitalised name'
        ' before another capitalised word is part of a name ("the Six Million Dollar Man").',
    )
    weight_names: Words = _field((), 'Currency names that are also units of weight ("pounds", "livres").')
    weight_after: Words = _field((), 'After a weight name, make it a weight: "300 pounds of cocaine".')
    weight_before: Words = _field((), 'Before the number, make a weight name a weight: "weighs 300 pounds".')
    cents_blockers: Words = _field(
        (), 'After "15 dólares 50", make the 50 a count, not hundredths: "20 times", "20 horas".'
    )
    currency_blockers: Words = _field(
        (), 'After a currency name, make it an adjective or a place: Polish "złote medale", "euro area".'
    )
    multiplier_linkers: Words = _field((), 'Between a multiplier and the currency: "de" ("75 millions de dollars").')
    adjective_stem: str = _field(
        "", 'Stem of inflected currency adjectives ("isch" in "Kanadischer Dollar"); "" for none.'
    )
    adjective_endings: Words = _field(
        (), 'Endings after ``adjective_stem``: "er", "en", "e" give "kanadischen Dollar".'
    )
    vague_compound_heads: Words = _field((), 'Heads of vague compound amounts: "betrag" in "Millionenbetrag".')
    vague_compound_magnitudes: dict[str, Decimal] = _field(
        {}, 'First parts of vague compound amounts and their magnitude: "Millionen" = 1000000 ("Millionenbetrag").'
    )
    rates: RateData = _field(RateData(), "``[money.rates]``: phrases that make an amount recur.")

    @field_validator("currency_names", "currency_symbols", "subunit_currencies", "crypto_names")
    @classmethod
    def _iso_codes(cls, value: dict[str, str]) -> dict[str, str]:
        for name, code in value.items():
            if code and not (len(code) == 3 and code.isascii() and code.isupper()):
                raise ValueError(f"{name!r} maps to {code!r}, not an ISO 4217 code or ''")
        return value


PercentUnit = Literal["percent", "points", "basis_points"]


class PercentData(_Table):
    """Percent units and the cue words that give a percentage its kind and direction."""

    units: dict[str, PercentUnit] = _field(
        {}, 'Units after a number: "%", "Prozentpunkte" (points); "basis_points" are hundredths of a point.'
    )
    sign_words: dict[str, Direction] = _field(
        {}, 'Sign words before the number, like "+" and "-": "minus fem procent".'
    )
    prefix_units: dict[str, PercentUnit] = _field({}, 'Units written before the number: "percent of 10".')
    page_units: Words = _field((), 'Point units that also count pages ("358 pp."): above 100 they are pages.')
    bare_words: Words = _field(
        (), 'Words for "a percentage" with no number ("Prozentsatz"): reported as unit mentions.'
    )
    change_prefixes: Words = _field((), 'Between a change cue and its number: "by", "um" ("rose by 5%").')
    share_after: Words = _field((), 'After a percentage, make it a share: "of", "stake" ("5% of the shares").')
    value_after: Words = _field(
        (),
        "Nouns of worth after a share link (and a possessive) that keep a percentage a change: "
        '"16 Prozent an Wert", "5% of its value".',
    )
    share_before: Words = _field((), 'Before a percentage, make it a share: "a stake of", "holds".')
    level_before: Words = _field((), 'Before a percentage, make it a level: "to", "at" ("fell to 5%").')
    change_links: Words = _field(
        (), 'Links that mean "by" or "of" right after a change word: "aumentou em 5%", "une baisse de 5 %".'
    )
    level_after: Words = _field((), 'Nouns right after a percentage that make it a level: "level", "Marke".')
    change_after_up: Words = _field(
        (), 'Right after a percentage, a comparison that makes it a rise: "über dem", "above", "higher than".'
    )
    change_after_down: Words = _field(
        (), 'Right after a percentage, a comparison that makes it a fall: "unter dem", "below", "lower than".'
    )
    share_verbs: Words = _field(
        (), 'Verbs that make a percentage a share: "ausmacht", "entfällt" ("5 % des Umsatzes entfallen auf").'
    )
    up: CueWords = _field((), 'Cue words of a rise ("stieg*", "*wachstum"); a "*" at either end is a wildcard.')
    down: CueWords = _field((), 'Cue words of a fall ("sank", "*rückgang"); a "*" at either end is a wildcard.')


Preposition = Literal["in", "since", "from", "until", "end"]


class PeriodData(_Table):
    """Calendar vocabulary: months, weekdays, quarters, relative expressions."""

    months: dict[str, int] = _field({}, "Month names and numbers (CLDR's, abbreviations with their dot).")
    extra_months: dict[str, int] = _field({}, 'Month forms CLDR lacks: inflected ("marcu"), abbreviated ("Sept").')
    day_months: dict[str, int] = _field(
        {}, 'Short month names read only beside a day number ("Feb 24 2016", "24 Feb 2016"): CLDR\'s, dot dropped.'
    )
    weekdays: dict[str, int] = _field({}, "Weekday names, Monday = 0 (CLDR's).")
    international_months: dict[str, int] = _field(
        {},
        "Month names read in every language's text, with a day and a year only, as written (\"January 24,"
        ' 2016": pages in German or French print English datelines). Set in ``_base.toml``.',
    )
    ordinals: dict[str, int] = _field({}, 'Ordinals before a quarter or half: "first" = 1, "last" = -1.')
    quarter_words: Words = _field((), 'Words for a quarter: "Quartal", "quarter".')
    fiscal_quarter_words: Words = _field((), 'Words for a fiscal quarter: "Geschäftsquartal", "fiscal quarter".')
    half_words: Words = _field((), 'Words for a half-year: "Halbjahr", "half".')
    year_words: Words = _field((), 'Words for a year: "Jahr", "year".')
    fiscal_year_words: Words = _field((), 'Words for a fiscal year: "Geschäftsjahr", "fiscal year".')
    month_quarter_suffixes: Words = _field(
        (), 'After a month name, the quarter that ends in it: "Märzquartal", "June quarter" (" quarter").'
    )
    prepositions: dict[str, Preposition] = _field(
        {}, 'Before a period, what it means: "seit" = since, "bis" = until, "Ende" = end (its last day).'
    )
    year_prepositions: dict[str, Preposition] = _field({}, "Like ``prepositions``, before a bare year.")
    role_words: dict[str, Preposition] = _field(
        {},
        'Words before a date that give it a role but are no part of it: "starting" = "from" ("starting'
        ' on July 1", "Beginning December 22": open from that day, which may lie ahead; "since" looks'
        " back only).",
    )
    year_range_frames: tuple[tuple[str, str], ...] = _field((), 'Words around the two years of a span: ["von", "bis"].')
    articles: Words = _field((), 'Articles between a preposition and a period: "des", "del", "the".')
    weekday_prepositions: Words = _field((), 'Before a weekday: "am", "on", "last".')
    decades: FoldedRegex = _field(
        "",
        'A decade written with its digits, "1990s", "the \'90s", "1990er Jahre", "90er-Jahre": a regex'
        " whose first run of digits is the decade (four digits, or two for the latest such decade"
        " that began on or before publication).",
    )
    ahead_prepositions: Words = _field(
        (),
        'Prepositions that point ahead before a weekday or a month named without its year: "für Mittwoch"'
        ' (a strike called for Wednesday), "ab Mai" (a series that runs from May) are the next ones.',
    )
    centuries: FoldedRegex = _field(
        "",
        'A century by its ordinal, "the 20th century", "im 20. Jahrhundert": a regex whose first run of'
        " digits is the ordinal (the 20th century is 1900-1999, as news counts it).",
    )
    weekday_suffixes: Words = _field(
        (), 'Parts of a day written onto a weekday: "früh", "abend" ("Sonntagfrüh", "Montagabend").'
    )
    relative_modifiers: dict[str, int] = _field({}, 'Before a unit, its offset from now: "last" = -1, "next" = 1.')
    relative_prepositions: Words = _field((), 'Before a relative period: "in", "during the".')
    relative_units: dict[str, PeriodUnit] = _field({}, 'Units after a relative modifier: "Jahr" = year.')
    relative_words: dict[str, tuple[PeriodUnit, int]] = _field(
        {}, 'Whole relative expressions: "a year ago" = ["year", -1], "Vorjahr".'
    )
    span_frames: Words = _field((), 'Before a span of units: "in the" ("in the past three years").')
    span_modifiers: dict[str, int] = _field({}, 'Direction of a span: "past" = -1, "next" = 1.')
    span_units: dict[str, PeriodUnit] = _field({}, 'Plural units of a span: "years" = year.')
    min_year: int = _field(1900, "Years before this are never read as years.")
    max_year: int = _field(2099, 'Years after this are never read as years (a bare "3000" is no date).')
    bare_years: bool = _field(
        False,
        'Read a bare four-digit year as that year ("Der Umsatz 2015", "(2014: 5 Mio. Euro)"), unless a '
        "count noun, a unit or an amount word follows or a qualifier or ``number_prefixes`` word precedes it.",
    )
    seasons: dict[str, tuple[int, int]] = _field(
        {}, 'Seasons as their first and last month: "Sommer" = [6, 8], "winter" = [12, 2] (into the next year).'
    )
    month_range_words: Words = _field(
        (), 'Between two months of one span besides ``year_range_frames``: "bis", "to", "through", "-".'
    )
    bare_weekdays: bool = _field(
        False, 'A capitalised weekday name without a preposition is that day ("the company said Friday").'
    )
    number_prefixes: Words = _field((), 'Before a four-digit number that is no year: "Nr.", "No.", "Tel.".')
    ago_frames: Words = _field(
        (), 'A period counted back from publication: "vor {count} {unit}", "{count} {unit} ago" (calendar units).'
    )
    end_words: dict[str, PeriodUnit] = _field(
        {},
        'The last day of a unit, named without its year: "Jahresende", "Ende des Quartals", "year-end",'
        ' "the end of the year" (the current one for a deadline or in a clause about the future, else'
        " the latest before publication).",
    )
    ahead_frames: Words = _field(
        (),
        'A period counted on from publication, in a clause about the future only: "in {count} {unit}" '
        '(units of ``ago_units``). "Sales doubled in two years" is a duration, no period.',
    )
    ahead_needs_future: bool = _field(
        True, 'Whether ``ahead_frames`` need a clause about the future (false where they say it: "dans", "tra").'
    )
    anchored_days: dict[str, int] = _field(
        {},
        'Days counted from the day the story named last, by direction: {"{count} days earlier" = -1,'
        ' "the next day" = 1}; {count} is a number (digits or words). "On December 11, 2007 … Two days'
        ' earlier" is December 9. With no single day named before, no period (unknown, not a guess).',
    )
    ago_units: dict[str, PeriodUnit] = _field({}, 'The units of ``ago_frames``: "Jahren" = year, "days" = day.')
    one_words: Words = _field((), 'Words for "one" in ``ago_frames`` and ``first_words`` frames: "einem", "a".')
    until_now: Words = _field((), 'Up to publication, with no start: "to date", "bis heute", "bis zum heutigen Tag".')
    to_date: dict[str, PeriodUnit] = _field(
        {},
        'From the start of the unit holding publication up to publication: "seit Jahresbeginn" = year, '
        '"year to date" = year, "earlier this month" = month.',
    )
    first_words: Words = _field(
        (), 'The first months of a year: "in den ersten {N} Monaten", "the first nine months" ("ersten", "first").'
    )
    month_units: Words = _field((), 'Plural month words after ``first_words``: "Monaten", "months".')
    prior_year_words: Words = _field(
        (),
        'The same period one year before the period the story names last: "im Vorjahreszeitraum", '
        '"the year-earlier period".',
    )
    tail_links: Words = _field(
        (), 'Between a period and its year: "the first quarter of 2014", "het eerste kwartaal van 2014".'
    )
    fiscal_prefixes: Words = _field((), 'Before a quarter, make it fiscal: "fiscal third quarter".')
    unit_blockers: Words = _field(
        (), 'After a half or quarter word, make it no part of a calendar year: "half century".'
    )
    numeric_dates: bool = _field(True, 'Read numeric day-month dates without a four-digit year ("am 1.8.", "22.8.95").')
    capitalised_months: Words = _field(
        (), 'Month names read only as written or in capitals: English "march" and "may" are a walk and a verb.'
    )
    day_suffixes: Words = _field((), 'Ordinal endings of a day of the month: "1er mai", "3rd May", "1º de maio".')
    day_links: Words = _field((), 'Between day, month and year: "de" in "5 de mayo de 2015".')
    month_first_dates: bool = _field(False, 'The month may come before the day: "May 5, 2015".')
    day_range_frames: tuple[tuple[str, str], ...] = _field(
        (), 'Frames of a span of days in one month: ["vom", "bis"] ("vom 14. bis 18. März"); a dash always works.'
    )
    day_list_frames: tuple[tuple[str, str], ...] = _field(
        (),
        "Frames that join two days of one month as one span only when the days follow each other:"
        ' ["am", "und"] ("am 15. und 16. April" is 15-16 April; "am 4. und 6. Juni" names two days).',
    )
    anaphoric: Words = _field(
        (), 'Modifiers that count from a year the story named before them: "left the following year".'
    )
    future_cues: Words = _field(
        (), "Words of a sentence about the future: a weekday or a date without a year is then the next one."
    )
    not_periods: Words = _field((), 'Names that hold a period word and are no period: "Welt am Sonntag".')

    @field_validator("months", "extra_months", "day_months")
    @classmethod
    def _month_numbers(cls, value: dict[str, int]) -> dict[str, int]:
        bad = {k: v for k, v in value.items() if not 1 <= v <= 12}
        if bad:
            raise ValueError(f"month numbers must be 1..12, got {bad}")
        return value


class FactsData(_Table):
    """``[facts]``: the fact linker's cues (``extractors/facts/``; the linker validates with this model). A pack without the table
    gives mentions only; a pack with it must give the required keys."""

    # payments: who pays whom
    buy_verbs: Regex = Field(description='Verbs of buying or paying; the subject is the customer: "kauft", "paid".')
    sell_verbs: Regex = Field(description='Verbs of selling; the subject is the vendor: "verkauft", "sold".')
    vendor_preps: list[str] = Field(description='Before the vendor after a buy verb: "von", "bei", "from".')
    customer_preps: list[str] = Field(description='Before the customer after a sell verb: "an", "to".')
    product_preps: list[str] = Field(description='Before what is bought: "für", "for".')
    other_preps: list[str] = Field(description="Prepositions that give a company no role.")
    antecedent_preps: list[str] = _field(
        [], 'Companies a plural anaphor may refer back to stand bare or after these: "wie", "such as".'
    )
    amountless_vendor_preps: list[str] = _field([], "A payment without an amount needs a vendor after one of these.")
    plural_anaphors: FoldedRegex = Field(description='Phrases for several companies named before: "diese Kunden".')
    singular_anaphors: FoldedRegex = Field(description='Phrases for one company named before: "das Unternehmen".')
    revenue_nouns: FoldedRegex = Field(description='Nouns of revenue: "Umsatz", "revenue".')
    revenue_not: FoldedRegex = _field(
        "", 'Phrases with a revenue noun that name no revenue ("cost of revenue", "sales tax"); "" for none.'
    )
    metric_nouns: FoldedRegex = Field(description='Nouns of a metric a percentage is of: "Gewinn", "shares".')
    count_nouns: list[str] = Field(description='Nouns a number counts (no money): "Kunden", "employees".')
    restatement: Regex = Field(description='Opens a sentence that restates an amount: "Das entspricht", "That is".')
    org_cues: list[Regex] = _field(
        [], 'Phrases that call a name a company ("das Unternehmen G42"), with a group "name" (and "prefix").'
    )
    # acquisitions: who buys which company
    acquire_verbs: Regex = _field("", 'Active verbs of a takeover; the buyer is the subject: "übernimmt".')
    acquire_passive: Regex = _field(
        "", 'Passive takeover verbs; the buyer follows an agent preposition: "acquired by".'
    )
    acquire_nouns: Regex = _field("", 'Nouns of a takeover: "Übernahme", "acquisition".')
    customer_nouns: Regex = _field(
        "",
        'Nouns of customers ("Kunde", "customers"): an article that names them three times or more tells'
        " of a company's customers, and only there is the article's company the vendor a buying sentence"
        ' leaves unnamed ("TikTok kaufte die Modelldienste für 20 Millionen Dollar"). Empty: never.',
    )
    deal_nouns: Regex = _field(
        "",
        'Nouns that refer back to a takeover told before ("the deal", "die Transaktion", "der Kaufpreis"):'
        " a sentence with one, within three sentences of the takeover, naming no other company, gives"
        ' its price ("The deal is valued at $28.3 billion").',
    )
    divest_verbs: Regex = _field("", 'Verbs of selling a company; the seller is the subject: "verkauft".')
    agent_preps: list[str] = _field([], 'The buyer after a passive verb or a noun: "durch", "by".')
    target_preps: list[str] = _field([], 'The company after an acquisition noun: "von", "of".')
    seller_preps: list[str] = _field([], 'The seller after an active verb: "from", "vom".')
    object_preps: list[str] = _field([], 'May stand before a direct object: Spanish "a" ("compró a X").')
    own_words: list[str] = _field(
        [],
        'Possessives before a company that the pack lists among its prepositions ("its"): after a verb of'
        ' selling they mark what the seller sells ("sell its HotJobs service to Monster").',
    )
    price_cues: FoldedRegex = _field("", 'Before an amount that is a price: "für", "valued at".')
    conjunctions: list[str] = _field([], 'Between the companies of a list: "und", "and".')
    negation_cues: FoldedRegex = _field("", 'Make a takeover or payment doubtful: "nicht", "not".')
    # figures: an amount named by what it measures
    figure_item_word: Regex = _field(
        "",
        'One word of an item phrase ("net income"); matched ignoring case after a change noun; "" states no figures.',
    )
    figure_stops: list[str] = _field([], "Words that end an item phrase (articles, pronouns, verbs).")
    figure_links: Regex = _field("", 'Between the item and its amount: "was", "totaled", "betrug".')
    figure_comma_links: list[str] = _field(
        [], 'Between the item, a comma and its amount: "at" ("the largest profit, at $54 million").'
    )
    figure_determiners: list[str] = _field([], 'Before an amount whose item follows it: "a", "an".')
    figure_after_links: list[str] = _field([], 'Between an amount and its item: "of" ("$100 million of bonds").')
    metric_after_links: list[str] = _field(
        [],
        'Between an amount and a revenue or spending metric right after it: "in" ("$776 million in profit",'
        ' "$40 million in costs"); any other item after such a link is none ("$5 million in Germany").',
    )
    figure_series: FoldedRegex = _field("", 'The gap between two amounts of one series: ", ", " and ", " to ".')
    figure_item_joiners: list[str] = _field([], 'Inside an item, between two item words: "on" ("cash on hand").')
    # changes by an amount
    change_links: list[str] = _field([], 'After a change noun, before the amount: "of" ("a decrease of $1.0 million").')
    change_verb_links: list[str] = _field(
        [], 'After a change verb, before the amount: "en" ("aumentaron en 300 millones").'
    )
    change_item_preps: list[str] = _field(
        [], 'Before the item of a change noun: "in" ("a $1.2 million decrease in costs").'
    )
    change_nouns: dict[Direction, list[str]] = _field(
        {}, 'Nouns of a change by direction ("increase", "decline"; not "gain"/"loss", which are levels).'
    )
    base_count_nouns: list[str] = _field(
        [],
        'Count nouns of a customer base ("customers", "subscribers", "Kunden"): a number of them a verb'
        " of gaining or losing introduces (``base_change_verbs``) is a change of the base, not a count"
        ' ("Sky gained 51,000 customers"; "employs 600 people" stays a count).',
    )
    base_change_verbs: dict[Direction, list[str]] = _field(
        {}, 'Verbs of gaining or losing a customer base, by direction: "gained", "added", "lost", "verlor".'
    )
    change_verbs: dict[Direction, list[str]] = _field(
        {}, 'Verbs of a metric moving, by direction ("rose", "stieg"; not "gained", "raised").'
    )
    # discourse: which company a sentence without a name means (extractors/facts/discourse.py)
    paid_passive: FoldedRegex = _field(
        "",
        'A pay verb in the passive ("was paid", "being paid"): its subject is paid, so it is the vendor, and '
        'the company after an agent preposition ("by") the customer; without one there is no fact.',
    )
    bought_passive: FoldedRegex = _field(
        "",
        'A buy verb in the passive ("was bought", "were purchased"): its subject is what was bought, never a'
        " customer, so no payment or spending is read from it (a takeover in the passive is read by the"
        " acquisition rules).",
    )
    share_words: Words = _field(
        (), 'Words for shares of stock: after a bare number they make it a count, not a price ("2 Millionen Aktien").'
    )
    division_nouns: Words = _field(
        (),
        'Ends of nouns for a part of a company that is bought ("Energiesparte", "Mobilfunkgeschäft", "unit"): '
        '"die Energiesparte des Konzerns Alstom" makes the division the target and Alstom the seller.',
    )
    division_links: Words = _field((), 'Between a division noun and its company: "des", "der", "von", "of".')
    source_links: Words = _field((), 'Between a source noun and its company: "des", "der", "von", "by", "from".')
    source_nouns: Words = _field(
        (),
        "Words for a third party's figures: a company right after them (\"Nach einer Zusammenstellung der "
        'Hans-Böckler-Stiftung", "a survey by Gartner") is where a figure comes from, never its subject.',
    )
    descriptions: FoldedRegex = _field(
        "", 'Descriptions that refer back to a company: "der Konzern", "the firm", "le groupe".'
    )
    company_heads: list[str] = _field(
        [], 'Head words after a hyphen that make a compound name its company: "Konzern" ("Porsche-Konzern").'
    )
    revenue_metrics: FoldedRegex = _field(
        "", 'What makes a figure a `revenue` fact (revenue, profit, loss, orders): "Umsatz|Gewinn|Verlust".'
    )
    spending_metrics: FoldedRegex = _field(
        "", 'What makes a figure a `spending` fact (investment, costs): "Investition|Kosten".'
    )
    from_to: list[tuple[str, str]] = _field(
        [], 'From-to frames whose first figure is the old value: [["von", "auf"]], [["from", "to"]].'
    )
    result_verbs: dict[str, list[str]] = _field(
        {},
        'Verbs whose object is a result, by the metric they name: {loss = ["lost", "loses"], profit ='
        ' ["earned"]}. "Ford lost $1.6 billion in 2005" is a revenue fact (metric "loss") of the'
        " subject; only amounts of a million and more, at most two words after the verb.",
    )
    direction_words: dict[Direction, list[str]] = _field(
        {}, 'Words anywhere in a change\'s clause that give its direction when the percentage has none: "steigerte".'
    )
    count_compounds: bool = _field(
        False, 'A count noun may close a compound written as one word ("Großkunden", "Vollzeitstellen").'
    )
    adjective_articles: list[str] = _field(
        [],
        'Articles after which one capitalised word before a lower-case one is an adjective: "the" ("the Colombian brewery").',
    )
    level_preps: list[str] = _field(
        [],
        'Prepositions before a level that a metric heading the clause names: "auf", "to" ("sank auf 210 Millionen Euro").',
    )
    fine_nouns: FoldedRegex = _field("", 'Nouns of a fine: "Geldbuße", "fine", "penalty"; the fined company pays.')
    contract_nouns: FoldedRegex = _field("", 'Nouns of a contract or order a company receives: "Auftrag", "contract".')
    award_verbs: FoldedRegex = _field("", 'Verbs of receiving a contract; the subject won it: "erhält", "awarded".')
    receive_preps: list[str] = _field([], 'Before the company that pays after a ``receive_verbs`` verb: "from", "von".')
    receive_verbs: FoldedRegex = _field(
        "",
        'Verbs of receiving money: with an amount right after and a company after "from"/"von" ("X'
        ' received $5 million from Y", "X erhält 5 Millionen Euro von Y"), that company pays the subject.',
    )
    grant_verbs: FoldedRegex = _field(
        "",
        'Verbs of giving money to a company, with an amount in the sentence: "fördert X mit", "gewährt X einen'
        ' Kredit", "lent X". The subject pays; the company after the verb (bare, or after a vendor'
        " preposition) is paid.",
    )
    against_preps: list[str] = _field([], 'Before the fined company: "gegen", "against".')
    award_customer_preps: list[str] = _field(
        [], 'Before the customer of an awarded contract, besides vendor and agent prepositions: "for".'
    )
    common_noun_heads: list[str] = _field(
        [],
        'Endings of one-word capitalised common nouns that are no company even when tagged ORG: "umfeld", "geschäft".',
    )
    comparison_cues: FoldedRegex = _field(
        "", 'Before a figure the story compares against (a prior year\'s): "Vorjahr:", "compared with".'
    )
    count_frames: list[str] = _field(
        [], 'Count frames with {noun} and {count} placeholders: "die Zahl der {noun} stieg auf {count}".'
    )
    count_owner_preps: list[str] = _field(
        [],
        'Words right after a count noun that name its company next ("30 employees of Ziff Davis",'
        ' "1.200 Stellen bei der Commerzbank"), with their article where one stands between: "of",'
        ' "at the", "bei der". That company beats any subject of the sentence.',
    )
    weak_count_nouns: list[str] = _field(
        [],
        'Count nouns that count anyone ("people"): a count of them is a company\'s only with one of the'
        ' ``count_verbs`` in its clause ("employs 600 people"), never alone ("the airplane will carry'
        ' 500 people" is about a flight, "eight people won" about a lottery).',
    )
    count_verbs: FoldedRegex = _field(
        "", 'Verbs that make a weak count noun a company\'s: "employ", "hire", "lay off", "carried".'
    )
    have_verbs: list[str] = _field(
        [],
        "Verbs of having that make a weak count noun a company's when they stand right before the number"
        ' ("Ryanair has 27.6m passengers"), but never outweigh an incident ("the plane had 65 passengers'
        ' aboard") as ``count_verbs`` do.',
    )
    public_bodies: FoldedRegex = _field(
        "",
        'The end of a public body\'s name, matched at the end of a name: "amt", "agentur", "ministerium",'
        ' "Department", "Commission". A public body reports a market\'s figures and fines companies; it is'
        " never the company of a revenue, change, count or share.",
    )
    not_companies: Regex = _field(
        "",
        "What makes a name no company whatever the tagger said, searched in the name (case-sensitive): a"
        ' title ("Finance Minister", "Chief Executive of …"), an event or a law ("Hurricane Katrina",'
        ' "Academy Awards", "Save Italy Decree"), a measure ("GDP", "EBITDA"). Such a name takes no'
        " role in a fact.",
    )
    economy_cues: FoldedRegex = _field(
        "",
        'Words that put a count in a clause about a whole economy, not a company: "unemployed", "the'
        ' economy has shed", "eurozone", "Arbeitslose". Such a count is no fact.',
    )
    public_money_cues: FoldedRegex = _field(
        "",
        'Words that put spending in a sentence about public money: "the government", "stimulus",'
        ' "taxpayers", "budget", "Steuergelder", "Haushalt". Such spending is a figure of no company'
        " (a name nearby is seldom the one that spends).",
    )
    macro_cues: FoldedRegex = _field(
        "",
        'Words that put a percentage in a clause about an economy, not a company: "inflation", "GDP",'
        ' "the economy grew", "repo rate", "Bruttoinlandsprodukt". Such a change is no company\'s.',
    )
    index_cues: FoldedRegex = _field(
        "",
        "A market index named before a percentage in its clause: the change is the index's, no"
        ' company\'s ("Der Leitindex fiel um 8 Prozent", "the Dow fell 2%"). After the percentage'
        ' ("stieg um 3 Prozent und war bester Wert im Dax") the index only places the share.',
    )
    incident_cues: FoldedRegex = _field(
        "",
        'Words that put a count in a clause about an incident, not a company\'s size: "killed",'
        ' "injured", "evacuated", "arrested", "aboard", "getötet". "The explosion killed eleven workers"'
        ' and "the plane left with 65 passengers" are no company\'s count.',
    )
    description_adjectives: Regex = _field(
        "",
        "Capitalised adjectives before a description head, as written (a lower-case adjective always"
        ' counts): German place adjectives "[A-ZÄÖÜ][a-zäöüß]+er" ("das Münchener Unternehmen"), so that'
        ' "Volkswagen Konzern" stays a name.',
    )
    description_heads: list[str] = _field(
        [],
        'Generic company nouns that end a tagged "name" which is a description: "Unternehmen",'
        ' "company" ("das Münchener Unternehmen" stands for the company named before it).',
    )
    workforce_nouns: list[str] = _field(
        [],
        'Nouns of a whole workforce, besides the count nouns: "Belegschaft", "workforce". A percentage'
        ' of one of these or of a count noun ("acht Prozent der Arbeitsplätze", "20 percent of the'
        ' salaried workforce") in a clause with a direction word is a change of that noun.',
    )
    cost_verbs: FoldedRegex = _field(
        "",
        'Verbs of costing whose object spends: "cost", "kostete" ("Delays have cost Airbus more than 6'
        " billion dollars\": Airbus's spending). The company must follow the verb within a few"
        " characters (an article may stand between).",
    )
    passive_auxiliaries: list[str] = _field(
        [],
        'Auxiliaries of the passive, in the two words before a fine cue: "was", "were", "wurde". "Google'
        ' was fined $2.7 billion" is paid by its subject; "The Commission fined Google" by the object.',
    )
    owned_by: FoldedRegex = _field(
        "",
        'A verb of belonging whose holder follows the percentage, searched in its clause: "owned by",'
        ' "held by", "gehört", "gehören". "Opel is 84% owned by GM": GM holds 84% of Opel.',
    )
    name_prefix: Regex = _field(
        "",
        "Matched at the start of a party's name (case-sensitive) and left out of the fact: what the"
        ' tagger glued before the name, "Toronto-based TMX", "California-based Autodesk".',
    )
    per_share: FoldedRegex = _field(
        "",
        'Matched right after an amount: a figure per share ("26 cents per share", "1,20 Euro je'
        ' Aktie"). Earnings or a dividend per share is no revenue, profit or loss of the company.',
    )
    not_wholes: FoldedRegex = _field(
        "",
        "Matched right after a percentage: what it is a proportion of when that makes it no company's"
        ' share: the people of a poll ("45 percent of respondents", "of voters"), an economy ("60'
        ' percent of GDP"), "der Befragten".',
    )
    share_nouns: FoldedRegex = _field(
        "", 'Nouns of a part held or a market share; a level percentage after one is a share: "Marktanteil".'
    )
    spend_verbs: FoldedRegex = _field(
        "", 'Verbs of investing or spending; the subject spends: "investiert", "invested".'
    )
    stake_phrases: FoldedRegex = _field(
        "",
        "All that stands between a buy verb and its target when a stake of it is bought, up to the"
        ' name: "bought 6.1% of", "acquired control of", "a majority stake of the",'
        ' "übernimmt 30 Prozent der". The name after it is the target.',
    )
    subject_pronouns: list[str] = _field(
        [],
        'Personal pronouns that are a verb\'s subject right before it ("it bought", "er kaufte"): the'
        " names before them are not, so a takeover verb after one takes its buyer from the context.",
    )
    subject_adverbs: list[str] = _field(
        [], 'Auxiliaries and adverbs that may stand between a subject pronoun and its verb: "has", "also".'
    )
    reported_clause: FoldedRegex = _field(
        "",
        'A verb of saying and the word that opens its reported clause ("announced Monday that",'
        ' "teilte mit, dass"): a subject pronoun right after it is the sentence\'s subject.',
    )
    relative_pronouns: list[str] = _field(
        [],
        'Words that open a relative clause after a comma ("who", "which", "die"): a name inside one'
        " that closes before a figure is not the figure's subject (\"SAS, who own Scandinavian"
        ' Airlines, fell 1.9%").',
    )
    relative_subject_pronouns: list[str] = _field(
        [],
        'Relative pronouns that can only be their clause\'s subject (German "der", "welcher"): in'
        ' a clause with one company before its verb and none after ("Comcast, der 2009 NBC'
        ' Universal übernommen hat") the company before the comma buys the one inside.',
    )
    relative_object_pronouns: list[str] = _field(
        [],
        "Relative pronouns that are their clause's object when a company stands between them and"
        ' the verb (English "which", "that"; German "den"): "QNX, which RIM bought" (RIM buys'
        ' QNX). A pronoun in neither list (German "die", "das") leaves such a clause unread.',
    )
    stake_preps: list[str] = _field(
        [], 'Before the company a stake is bought in, when a takeover verb has no bare object: "bei", "an", "in".'
    )
    # names the tagger missed
    propose_names: bool = _field(
        False, "Propose capitalised runs next to a fact cue as companies (languages that capitalise names only)."
    )
    proposed_not_common: bool = _field(
        False,
        "Never propose a single word that simplemma lists as a common word and not as a name"
        ' ("Business", "Compared", "Overseas": extractors/lexicon.py). Only for languages whose'
        " simplemma dictionary keeps names capitalised (English); the French, Spanish, Italian,"
        ' Portuguese and Dutch ones list names in lower case ("suez", "ferrovial").',
    )
    propose_unknown_words: bool = _field(
        False,
        "Propose as company candidates the capitalised words the language's simplemma dictionary"
        ' does not know, named twice or more in the article ("Die Voestalpine … Voestalpine hält"):'
        " for German, whose nouns are all capitalised, so that no run of capitals can be proposed;"
        " its dictionary lists nouns and names capitalised, compounds included.",
    )
    name_connectors: list[str] = _field([], 'Lower-case words inside a name: "de" ("Banco de Portugal").')
    name_stopwords: list[str] = _field([], 'Capitalised words that are no name: "The", "Le", "However".')


class PackSpec(_Table):
    """A loaded pack: the merge of CLDR data, ``_base.toml`` and the language's file.

    ``facts`` is checked against ``FactsData`` here and kept as written (a dict), which is what
    ``extractors/facts/`` reads.
    """

    lang: str = Field(description="ISO 639-1 code of the pack.")
    locale: str = Field(description="CLDR locale the pack's CLDR data comes from.")
    universal: bool = Field(
        default=False,
        description="True for the universal layer alone (a language without a pack file: CLDR and "
        "``_universal.toml`` over ``_base.toml``): amounts, percentages and dates, no facts.",
    )
    text: TextData = _field(TextData(), "``[text]``: sentence splitting.")
    numbers: NumberData = Field(description="``[numbers]``: how numbers are written.")
    qualifiers: dict[Qualifier, Words] = _field(
        {}, '``[qualifiers]``: words before an amount and what they make of it ("rund" = approx).'
    )
    money: MoneyData = _field(MoneyData(), "``[money]``: currencies and vague amounts.")
    percent: PercentData = _field(PercentData(), "``[percent]``: percent units and cues.")
    periods: PeriodData = _field(PeriodData(), "``[periods]``: calendar vocabulary.")
    facts: dict[str, Any] = _field({}, "``[facts]``: the fact linker's cues (see ``FactsData``).")

    @field_validator("facts")
    @classmethod
    def _typed_facts(cls, value: dict[str, Any]) -> dict[str, Any]:
        if value:
            FactsData.model_validate(value)  # its errors come out under "facts"
        return value


class PackFile(_Table):
    """One pack file as written (the JSON Schema's root): a ``[meta]`` table and the tables of
    ``PackSpec``. Any key may be left to ``_base.toml`` or CLDR, except those ``[facts]`` needs."""

    # Only the schema needs it: built on first use, not at every start.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    meta: MetaData = _field(MetaData(), "``[meta]``: the file's language and CLDR locale.")
    text: TextData = _field(TextData(), "``[text]``: sentence splitting.")
    numbers: NumberData | None = _field(None, "``[numbers]``: how numbers are written.")
    qualifiers: dict[Qualifier, Words] = _field(
        {}, '``[qualifiers]``: words before an amount and what they make of it ("rund" = approx).'
    )
    money: MoneyData = _field(MoneyData(), "``[money]``: currencies and vague amounts.")
    percent: PercentData = _field(PercentData(), "``[percent]``: percent units and cues.")
    periods: PeriodData = _field(PeriodData(), "``[periods]``: calendar vocabulary.")
    facts: FactsData | None = _field(None, "``[facts]``: the fact linker's cues; no table, no facts.")


# Tables inside a table (TOML ``[money.rates]``); every top-level key of a pack is a table.
_TABLES: dict[str, type[BaseModel]] = {
    "text": TextData,
    "numbers": NumberData,
    "money": MoneyData,
    "money.rates": RateData,
    "percent": PercentData,
    "periods": PeriodData,
    "facts": FactsData,
    "meta": MetaData,
}


def table_of(loc: list[str]) -> tuple[str, type[BaseModel] | None]:
    """The TOML table a dotted error location lies in, and its model: ``["money", "rates",
    "after"]`` -> ``("money.rates", RateData)``; ``["qualifiers", "x"]`` -> ``("qualifiers", None)``;
    ``["fact"]`` -> ``("", PackSpec)``."""
    if len(loc) < 2:  # a top-level key: one of the tables
        return "", PackSpec
    table = loc[0]
    for part in loc[1:-1]:
        if f"{table}.{part}" not in _TABLES:
            break
        table = f"{table}.{part}"
    return table, _TABLES.get(table)


def close_key(key: str, model: type[BaseModel] | None) -> str | None:
    """The key of ``model`` that ``key`` is most likely a misspelling of, if any."""
    import difflib  # only on the error path

    if model is None:
        return None
    match = difflib.get_close_matches(key, list(model.model_fields), n=1, cutoff=0.6)
    return match[0] if match else None


def render_schema() -> str:
    """The JSON Schema of a pack file, as committed in ``schemas/langpack.schema.json``."""
    schema = PackFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsfacts language pack (extractors/langpacks/<lang>.toml)"
    for name, definition in schema.get("$defs", {}).items():
        if name != "FactsData":  # laid over _base.toml and CLDR: a file may give any subset
            definition.pop("required", None)
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_FILE.write_text(render_schema(), encoding="utf-8")
    print(SCHEMA_FILE, file=sys.stderr)
