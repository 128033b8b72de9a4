"""Language packs: the per-language data that the shared engines compile into regexes.

A pack is ``langpacks/_base.toml`` merged with ``langpacks/<lang>.toml``, both laid over data
derived from CLDR through babel (separators, currency names and symbols, month and weekday
names), so that a pack file only holds what CLDR lacks. Engines never branch on the language:
everything language-specific is a value here (the Recognizers-Text split of engine and data).
"""

from __future__ import annotations

import functools
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, field_validator

from newsfacts.extractors.errors import LangPackError, UnsupportedLanguage
from newsfacts.extractors.records import Qualifier, Rate

__all__ = [
    "LANGPACK_DIR",
    "LangPack",
    "MoneyData",
    "NumberData",
    "PercentData",
    "PeriodData",
    "RateData",
    "TextData",
    "available_languages",
    "load_langpack",
]

LANGPACK_DIR = Path(__file__).parent / "langpacks"
BASE_FILE = "_base.toml"
T = TypeVar("T")
Words = tuple[str, ...]
PeriodUnit = Literal["year", "half", "quarter", "month", "week", "day"]
_COUNTS = (1, 2, 5, Decimal("1.5"))


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextData(_Data):
    """Sentence splitting: abbreviations whose "." does not end a sentence."""

    abbreviations: Words = ()


class NumberData(_Data):
    """How numbers are written: separators, number words, multipliers, vague quantities."""

    decimal_separator: str
    group_separators: Words
    extra_group_separators: Words = ()
    # Indian grouping ("12,34,567.89"): groups of this size above the first group of three.
    secondary_group_size: int | None = None
    # Read as a decimal separator only where it cannot be a group separator: not followed by
    # exactly three digits, not after a grouped integer ("£ 8.10 miljoner" in Swedish).
    extra_decimal_separators: Words = ()
    words: dict[str, int] = {}
    scales: dict[str, int] = {}
    joiners: Words = ()
    # Between the parts of a number written in words ("forty-five", "one hundred"); German
    # writes them as one word and leaves this empty.
    word_separators: Words = ()
    # Words for the decimal point between numbers in words ("dois vírgula cinco" = 2.5).
    decimal_words: Words = ()
    multipliers: dict[str, Decimal] = {}
    vague_quantifiers: dict[str, Decimal] = {}
    vague_magnitudes: dict[str, Decimal] = {}
    range_words: Words = ()
    range_frames: tuple[tuple[str, str], ...] = ()
    # Verbs after which a framed range is a change from one figure to another: "passé de 300 à
    # 350 millions", "è passato da 800 a 950" (two figures, old and new; see numbers.from_to_split).
    from_to_verbs: Words = ()
    # The frames of ``range_frames`` that read "from ... to" ("de ... à"), unlike "entre ... et".
    from_to_frames: tuple[tuple[str, str], ...] = ()
    # Whether those frames are from-to only after ``from_to_verbs``: German "von 6,8 auf 8,8
    # Milliarden Euro" is old and new with any verb or none ("von 32 auf 30 Euro gesenkt").
    from_to_needs_verb: bool = True
    # Fractions read only before a multiplier ("half a million", "pół miliona", "anderthalb
    # Milliarden"); the linkers may stand between ("half a million").
    fractions: dict[str, Decimal] = {}
    fraction_linkers: Words = ()
    # Between a whole number and such a fraction: "one and a half million", "dwa i pół miliona".
    fraction_joiners: Words = ()
    # Fractions written in words, after a numerator in words ("un quinto" = 1/5, "ciento treinta
    # y dos quintos" = 132/5). ``compound_denominators`` multiply the cardinal before them,
    # glued or apart: "veintiunavo" = 1/21, "vinte e dois trinta avos" = 22/30, "tres
    # dosmilésimos" = 3/2000. A split that is not unique gives no value.
    denominators: dict[str, int] = {}
    compound_denominators: dict[str, int] = {}


class RateData(_Data):
    """Phrases that make an amount recur (ISO 8601 durations as keys)."""

    before: dict[Rate, Words] = {}
    after: dict[Rate, Words] = {}
    adjectives: dict[Rate, Words] = {}
    adjective_linkers: Words = ()
    after_blockers: Words = ()


class MoneyData(_Data):
    """Currency lexicon (CLDR plus news forms) and vague money expressions."""

    currency_names: dict[str, str] = {}
    currency_symbols: dict[str, str] = {}
    currency_codes: Words = ()
    currency_codes_exclude: Words = ()
    # Left out of the codes like ``currency_codes_exclude``, kept apart for the reason.
    currency_codes_obsolete: Words = ()
    use_cldr: bool = True
    subunits: Words = ()
    # A subunit as the unit of an amount ("50 cents", "470 pence", "100 öre"): the value is
    # given in the main unit (0.5), the code is the currency ("" where the word names none).
    subunit_currencies: dict[str, str] = {}
    # A subunit worth other than a hundredth of the main unit: Dutch "stuiver" = 0.05.
    subunit_values: dict[str, Decimal] = {}
    # Multiplier letters glued before an ISO code ("30 MUSD", "120 MEUR").
    code_multipliers: dict[str, Decimal] = {}
    # Currency names or symbols that carry their multiplier ("70 mkr" = 70 miljoner kronor,
    # "45 M€"); the name's currency comes from ``currency_names`` or ``currency_symbols``.
    unit_multipliers: dict[str, Decimal] = {}
    currency_linkers: Words = ()
    # Between an amount and its hundredths besides the number joiners: "3 euros com 99
    # centavos", "15 dólares con 50".
    subunit_linkers: Words = ()
    # Currency or subunit names that are also common words: read after digits or with a
    # multiplier only ("1 livre", "un million de livres"; not "un livre", a book).
    digit_only_names: Words = ()
    # Subunit or currency names that are also a word that opens a clause: matched only as
    # written and only where no word follows. Swedish "att" ("to", "that") is never the last
    # word of a clause nor capitalised inside one; the Lao att ("vi har 100 Att") is.
    clause_final_names: Words = ()
    # Currency or subunit names read only as written in lower case: English "50 Cent" with a
    # capital is the rapper, "50 cents" is money.
    lowercase_only: Words = ()
    # Currency names take a capital in running text (German "Euro", "Dollar"). Elsewhere a
    # capitalised name before another capitalised word is part of a name: "the Six Million
    # Dollar Man", "Formuły 3 Euro Series" are no amounts.
    capitalised_names: bool = False
    # Currency names that are also units of weight ("pounds", "livres"): with no multiplier, a
    # weight word after the name or a weighing verb before the number makes them a weight
    # ("300 pounds of cocaine", "weighs 300 pounds", "500 livres de farine"), no amount.
    weight_names: Words = ()
    weight_after: Words = ()
    weight_before: Words = ()
    # Words after "15 dólares 50" that make the 50 a count, not hundredths: "300 Euro 20 mal",
    # "20 times", "20 horas" (multipliers, units and spans of time are blockers already).
    cents_blockers: Words = ()
    # Words after a currency name that make it an adjective, not a unit: Polish "złote" is
    # also "golden" ("2 złote medale" are two gold medals, not 2 PLN).
    currency_blockers: Words = ()
    # Between a multiplier and the currency: "75 millions de dollars", "2 milioni di euro".
    multiplier_linkers: Words = ()
    adjective_stem: str = ""
    adjective_endings: Words = ()
    vague_compound_heads: Words = ()
    vague_compound_magnitudes: dict[str, Decimal] = {}
    rates: RateData = RateData()

    @field_validator("currency_names", "currency_symbols", "subunit_currencies")
    @classmethod
    def _iso_codes(cls, value: dict[str, str]) -> dict[str, str]:
        for name, code in value.items():
            if code and not (len(code) == 3 and code.isascii() and code.isupper()):
                raise ValueError(f"{name!r} maps to {code!r}, not an ISO 4217 code or ''")
        return value


class PercentData(_Data):
    """Percent units and the cue words that give a percentage its kind and direction."""

    # "basis_points" units are hundredths of a percentage point: read as points, value / 100.
    units: dict[str, Literal["percent", "points", "basis_points"]] = {}
    # Sign words before the number, like "+" and "-": "minus fem procent".
    sign_words: dict[str, Literal["up", "down"]] = {}
    # Units written before the number: "percent of 10", "per cent of twenty-two".
    prefix_units: dict[str, Literal["percent", "points", "basis_points"]] = {}
    # Point units that also count pages ("358 pp."): above 100 they are pages, not points.
    page_units: Words = ()
    # Words for "a percentage" that are no unit of a number but, standing alone, say that the
    # text speaks of percentages ("a percentage", "Prozentsatz"): reported as unit mentions.
    bare_words: Words = ()
    change_prefixes: Words = ()
    share_after: Words = ()
    share_before: Words = ()
    level_before: Words = ()
    # Links that mean "by" or "of" right after a change word: Portuguese "aumentou em 5%",
    # Spanish "una caída del 5%", French "une baisse de 5 % des ventes" are changes, though
    # "está em 5%" is a level and "5 % des ventes" alone a share.
    change_links: Words = ()
    # Nouns right after a percentage that make it a level whatever the sentence's cues say:
    # "from the current 60% level", "auf die Marke von"
    level_after: Words = ()
    share_verbs: Words = ()
    up: Words = ()
    down: Words = ()


class PeriodData(_Data):
    """Calendar vocabulary: months, weekdays, quarters, relative expressions."""

    months: dict[str, int] = {}
    extra_months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    quarter_words: Words = ()
    fiscal_quarter_words: Words = ()
    half_words: Words = ()
    year_words: Words = ()
    fiscal_year_words: Words = ()
    month_quarter_suffixes: Words = ()
    prepositions: dict[str, Literal["in", "since", "until"]] = {}
    year_prepositions: dict[str, Literal["in", "since", "until"]] = {}
    year_range_frames: tuple[tuple[str, str], ...] = ()
    articles: Words = ()
    weekday_prepositions: Words = ()
    relative_modifiers: dict[str, int] = {}
    relative_prepositions: Words = ()
    relative_units: dict[str, PeriodUnit] = {}
    relative_words: dict[str, tuple[PeriodUnit, int]] = {}
    span_frames: Words = ()
    span_modifiers: dict[str, int] = {}
    span_units: dict[str, PeriodUnit] = {}
    min_year: int = 1900
    max_year: int = 2099
    # Between a period and its year: "the first quarter of 2014", "in March of last year",
    # "het eerste kwartaal van 2014" (articles such as "des", "del", "do" are in ``articles``).
    tail_links: Words = ()
    # Before a quarter, a fiscal one: "fiscal third quarter" (null dates, fiscal set).
    fiscal_prefixes: Words = ()
    # After a half or quarter word, what makes it no part of a calendar year: "half century",
    # "quarter-century", "the second half of the 19th century".
    unit_blockers: Words = ()
    # Numeric day-month dates without a four-digit year ("am 1.8.", "22.8.95"); English writes
    # none, and "1.8." there is a decimal at a sentence end ("28.08.1985" is read in any pack).
    numeric_dates: bool = True
    # Month names read only as written or in capitals: English "march" and "may" are a walk
    # and a verb ("the protest march last year", "we may this year see growth").
    capitalised_months: Words = ()
    # A day of the month: its ordinal endings ("1er mai", "3rd May", "1º de maio"), the links
    # between day, month and year ("5 de mayo de 2015"), and whether the month may come first
    # ("May 5, 2015").
    day_suffixes: Words = ()
    day_links: Words = ()
    month_first_dates: bool = False
    # Frames of a span of days in one month: "vom 14. bis 18. März", "du 3 au 5 mai" (a dash
    # always works: "14-18 March").
    day_range_frames: tuple[tuple[str, str], ...] = ()
    # Modifiers and relative words that count from a year the story names before them rather
    # than from publication: "She joined in 2010 and left the following year" (2011).
    anaphoric: Words = ()
    # Words of a sentence about the future: a weekday or a date without a year is then the next
    # one ("Die Kommission will am Mittwoch ...", "The vote will take place on Tuesday").
    future_cues: Words = ()
    # Names that hold a period word and are no period: "Welt am Sonntag", "the Mail on Sunday".
    not_periods: Words = ()

    @field_validator("months", "extra_months")
    @classmethod
    def _month_numbers(cls, value: dict[str, int]) -> dict[str, int]:
        bad = {k: v for k, v in value.items() if not 1 <= v <= 12}
        if bad:
            raise ValueError(f"month numbers must be 1..12, got {bad}")
        return value


class LangPack(_Data):
    """One language's data, validated. Engines compile it once and keep the result on it."""

    lang: str
    locale: str
    text: TextData = TextData()
    numbers: NumberData
    qualifiers: dict[Qualifier, Words] = {}
    money: MoneyData = MoneyData()
    percent: PercentData = PercentData()
    periods: PeriodData = PeriodData()
    facts: dict[str, Any] = {}
    _compiled: dict[str, Any] = PrivateAttr(default_factory=dict)

    def compiled(self, key: str, build: Callable[[LangPack], T]) -> T:
        """Build an engine's regexes for this pack once and reuse them (a per-pack cache)."""
        try:
            return self._compiled[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._compiled[key] = build(self)
            return value


def available_languages() -> list[str]:
    """The language codes that have a pack file, sorted."""
    return sorted(p.stem for p in LANGPACK_DIR.glob("*.toml") if not p.stem.startswith("_"))


@functools.lru_cache(maxsize=None)
def load_langpack(lang: str) -> LangPack:
    """Load, merge and validate the pack for ``lang`` (``de``, ``de-CH`` -> ``de``).

    Raises:
        UnsupportedLanguage: no pack file for the language.
        LangPackError: a pack file is unreadable or holds an invalid value.
    """
    code = lang.strip().lower().replace("_", "-")
    supported = available_languages()
    if code not in supported:
        code = code.split("-")[0]
    if code not in supported:
        raise UnsupportedLanguage(lang, supported)
    base, own = _read_toml(LANGPACK_DIR / BASE_FILE), _read_toml(LANGPACK_DIR / f"{code}.toml")
    meta = own.pop("meta", {})
    data = _merge(_merge(_cldr_data(meta.get("locale", code), base, own), base), own)
    data.update(lang=meta.get("lang", code), locale=meta.get("locale", code))
    return _validate(data, own, code)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LangPackError(path.name, "<file>", str(exc)) from exc


def _merge(low: dict[str, Any], high: dict[str, Any]) -> dict[str, Any]:
    """Tables merge key by key; any other value in ``high`` replaces the one in ``low``."""
    out = dict(low)
    for key, value in high.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _validate(data: dict[str, Any], own: dict[str, Any], code: str) -> LangPack:
    try:
        return LangPack.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(part) for part in err["loc"]]
        path = [part for part in loc if part != "[key]"]  # a bad dict key: blame where it is
        file = f"{code}.toml" if _has_path(own, path) else BASE_FILE
        raise LangPackError(file, ".".join(loc), err["msg"]) from None


def _has_path(data: dict[str, Any], loc: list[str]) -> bool:
    node: Any = data
    for part in loc:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _cldr_data(locale: str, base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """What CLDR knows about ``locale``: the layer under both pack files."""
    from babel import Locale, UnknownLocaleError, numbers

    try:
        loc = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise LangPackError(f"{locale}.toml", "meta.locale", str(exc)) from None
    money = _merge(base.get("money", {}), own.get("money", {}))
    data: dict[str, Any] = {
        "numbers": {
            "decimal_separator": numbers.get_decimal_symbol(loc),
            "group_separators": [numbers.get_group_symbol(loc)],
        },
        "periods": {
            "months": _cldr_months(loc),
            "weekdays": {name: n for n, name in loc.days["format"]["wide"].items()},
        },
    }
    if money.get("use_cldr", True):
        data["money"] = _cldr_money(loc, money)
    return data


def _cldr_months(loc: Any) -> dict[str, int]:
    months = {name: n for n, name in loc.months["format"]["wide"].items()}
    months.update({name: n for n, name in loc.months["stand-alone"]["wide"].items()})
    # Abbreviations only with their dot ("Okt."), so that short words are never months.
    months.update({a: n for n, a in loc.months["format"]["abbreviated"].items() if a.endswith(".")})
    return months


def _cldr_money(loc: Any, money: dict[str, Any]) -> dict[str, Any]:
    from babel import numbers

    excluded = {*money.get("currency_codes_exclude", []), *money.get("currency_codes_obsolete", [])}
    codes = sorted(c for c in numbers.list_currencies() if c not in excluded)
    names: dict[str, str] = {}
    for code, name in loc.currencies.items():
        if (code in excluded and code.startswith("X")) or "(" in name:
            continue
        # One count per CLDR plural category in the languages we target (one, few, many,
        # other): "złoty", "złote", "złotych", "złotego".
        for form in {name, *(numbers.get_currency_name(code, count=n, locale=loc) for n in _COUNTS)}:
            for variant in _inflections(form, money):
                names.setdefault(variant, code)
    return {"currency_names": names, "currency_symbols": _cldr_symbols(loc, codes),
            "currency_codes": codes}


def _inflections(name: str, money: dict[str, Any]) -> list[str]:
    """``Kanadischer Dollar`` -> also ``kanadischen Dollar``, ``kanadische Dollar``, ..."""
    stem, endings = money.get("adjective_stem", ""), money.get("adjective_endings", [])
    first, _, rest = name.partition(" ")
    if not (stem and rest):
        return [name]
    for ending in sorted(endings, key=len, reverse=True):
        if first.endswith(stem + ending):
            root = first[: len(first) - len(ending)]
            return [name, *(f"{root}{e} {rest}" for e in endings)]
    return [name]


def _cldr_symbols(loc: Any, codes: list[str]) -> dict[str, str]:
    """Symbols with a non-letter in them ("CA$", "₹"); a symbol shared by two codes is dropped."""
    from babel import numbers

    seen: dict[str, str | None] = {}
    for code in codes:
        symbol = numbers.get_currency_symbol(code, locale=loc)
        if symbol == code or symbol.isalpha() or not symbol.strip():
            continue
        seen[symbol] = code if symbol not in seen else None
    return {s: c for s, c in seen.items() if c}
