"""Money amounts: ``find_amounts(text, pack)``, one compiled regex per language pack.

The shape of an amount is the same in every language we target (qualifier, number,
multiplier, currency, rate phrase; or a currency symbol before the number; or an order of
magnitude with no number); the words come from the pack. A number without a currency is a
count, not an amount ("mehr als 24 Millionen Kunden").

Conventions (docs/CONTRACT.md):
- ``value`` is the full amount (20000000), ``None`` when the number cannot be read.
- Ranges ("20 bis 25 Mio. Euro") set ``min`` and ``max`` and leave ``value`` null: a midpoint
  is a number the text never states.
- Vague amounts ("Millionen von Dollar", "in Milliardenhöhe", "Dutzende Milliarden Dollar") set
  ``vague`` and a conservative lower bound as ``value``: the order of magnitude times the
  quantifier's factor from the pack (Dutzende = 10, so "Dutzende Milliarden" = 10^10).
- "$" alone is USD (``_base.toml``); a pack or the text's own form names any other dollar
  ("C$", "A$", "US $", "$ CA", "australian dollars", "MXN$"), and a bare "Dollar" name follows
  the pack (USD in de/en, for example). A subunit as the unit ("50 cents", "470 pence") gives
  the value in the main unit (0.5, 4.7); a multiplier letter before a code ("30 MUSD") scales.
- Numbers in words are read only when they split cleanly into the pack's parts; a joiner
  standing alone follows a scale or a tens word, so "five and ten" gives ``None``, never 15.
- The span includes the qualifier and the rate phrase ("fast 20 Millionen US-Dollar pro
  Monat"); a rate phrase before the amount may stand up to two words away ("jedes Jahr
  Einnahmen in Milliardenhöhe").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import (
    LETTER,
    UNSPACED,
    WORD,
    frame_pattern,
    from_to_split,
    has_scale,
    is_level_preposition,
    normalize_phrase,
    number_pattern,
    overlaps_any,
    phrase_pattern,
    read_number,
    tidy,
    trailing_scale,
    url_spans,
    word_pattern,
)
from newsfacts.extractors.records import Amount, Qualifier, Rate

__all__ = ["find_amounts"]


@dataclass(frozen=True)
class _Money:
    """A pack's money regex and the lookup tables that turn its groups into values."""

    regex: re.Pattern[str]
    currencies: dict[str, str]
    qualifiers: dict[str, Qualifier]
    rates: dict[str, Rate]
    multipliers: dict[str, Decimal]
    quantifiers: dict[str, Decimal]
    magnitudes: dict[str, Decimal]
    subunit_currencies: dict[str, str]
    subunit_values: dict[str, Decimal]
    digit_only_names: frozenset[str]
    code_multipliers: dict[str, Decimal]
    unit_multipliers: dict[str, Decimal]
    fractions: dict[str, Decimal]


def find_amounts(text: str, pack: LangPack) -> list[Amount]:
    """Find the money amounts in ``text``, sorted by start and non-overlapping.

    Args:
        text: the article text; offsets index it unchanged.
        pack: the language pack (``load_langpack("de")``).

    Returns:
        One ``Amount`` per mention; ``text[a.start:a.end] == a.text``.
    """
    money = pack.compiled("money", _compile)
    urls = url_spans(text)
    amounts = []
    for m in money.regex.finditer(text):
        if (
            not overlaps_any(urls, m.start(), m.end())
            and not _common_word(m, money)
            and not _version(m)
            and not _in_name(text, m, pack)
            and not _compound(text, m)
            and not _weight(text, m, pack)
        ):
            m = _without_preposition(text, m, money, pack)
            amount = _after_year(text, m, _unread_if_cut(text, m, _amount(m, money, pack), pack))
            amounts.extend(_from_to(text, m, amount, pack))
    return amounts


def _unread_if_cut(text: str, m: re.Match[str], amount: Amount, pack: LangPack) -> Amount:
    """An amount in words right after another number word is the tail of a number written
    apart ("negen en negentig gulden", "vier honderd gulden" in old Dutch spelling): its value
    is unknown, never the tail's 90 or 100."""
    before = pack.compiled("money.word_before", _number_word_before)
    start = m.start("n1") if m["n1"] else 0
    if not m["n1"] or m["n1"][:1].isdigit() or not before.search(text, max(0, start - _LOOK_BACK), start):
        return amount
    return amount.model_copy(update={"value": None, "min": None, "max": None})


def _number_word_before(pack: LangPack) -> re.Pattern[str]:
    nums = pack.numbers
    words = phrase_pattern([*nums.words, *nums.scales])
    joiners = rf"(?:\s+{word_pattern(nums.joiners)})?" if nums.joiners else ""
    return re.compile(rf"(?<!\w){words}{joiners}\s+\Z", re.IGNORECASE)


def _after_year(text: str, m: re.Match[str], amount: Amount) -> Amount:
    """A "range" that starts with a year and ends a thousand times higher is a date and an
    amount ("depuis le 1er janvier 1906 à 11.503.000 francs"): the amount alone. So is a dash
    "range" that falls ("1998 - 12 000 €" aside, "150 - 20 Euro"): a framed one ("von 30 auf 20
    Euro") is an old and a new figure (``_from_to``)."""
    first = m["n1"] or ""
    year = _YEAR.fullmatch(first) and not m["m1"] and amount.max is not None and amount.max >= 1000 * int(first)
    falls = not m["fr"] and amount.min is not None and amount.max is not None and amount.min > amount.max
    if not m["n2"] or not (year or falls):
        return amount
    start = m.start("n2")
    return amount.model_copy(
        update={
            "text": text[start : amount.end],
            "start": start,
            "value": amount.max,
            "min": None,
            "max": None,
            "qualifier": None,
        }
    )


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# How far back the checks for a word before an amount look: a few words, never the whole text.
_LOOK_BACK = 60
# The longest token a look-ahead reads before the whole-number-and-fraction check ("5 and a
# half million"); no number written without a space is longer.
_TOKEN = 64


def _from_to(text: str, m: re.Match[str], amount: Amount, pack: LangPack) -> list[Amount]:
    """A framed range after a change verb as two amounts, the old and the new ("est passé de 300
    à 350 millions d'euros": 300 and 350 million euros, each with the shared scale and currency
    and rate); anything else unchanged."""
    if m["q"] or amount.min is None or amount.max is None:
        return [amount]
    if m["fr"] and m["n2"]:
        start, split = m.start("n1"), from_to_split(text, pack, m.span("fr"), m.end("n1"), m.start("n2"))
    elif m["frb"] and m["nb2"]:
        start, split = m.start("cb"), from_to_split(text, pack, m.span("frb"), m.end("nb"), m.start("nb2"))
    else:
        return [amount]
    if split is None:
        return [amount]
    old = amount.model_copy(
        update={
            "text": text[start : split[0]],
            "start": start,
            "end": split[0],
            "value": amount.min,
            "min": None,
            "max": None,
        }
    )
    new = amount.model_copy(
        update={"text": text[split[1] : amount.end], "start": split[1], "value": amount.max, "min": None, "max": None}
    )
    return [old, new]


def _without_preposition(text: str, m: re.Match[str], money: _Money, pack: LangPack) -> re.Match[str]:
    """A qualifier that is the "to" of a change ("verdubbeld tot 34 miljoen euro") is left out."""
    if not m["q"] or m["rb"] or not is_level_preposition(text, m.start("q"), m["q"], pack):
        return m
    pos = m.end("q")
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return money.regex.match(text, pos) or m


def _in_name(text: str, m: re.Match[str], pack: LangPack) -> bool:
    """A capitalised currency name before another capitalised word, where the pack writes
    currency names in lower case: "the Six Million Dollar Man", "3 Euro Series"."""
    name = m["ca"] or ""
    return (
        name[:1].isupper()
        and not pack.money.capitalised_names
        and m.end("ca") == m.end()
        and bool(_CAPITAL_AFTER.match(text, m.end()))
    )


_CAPITAL_AFTER = re.compile(r" [A-ZÀ-ÖØ-Þ][a-zß-ÿ]")


def _compound(text: str, m: re.Match[str]) -> bool:
    """A currency name that opens a hyphenated compound after a number in words is no unit of
    it: "ein Euro-Mitgliedstaat", "drei Euro-Länder" (a member state, countries). After digits
    or a multiplier it is: "die erste 5,5 Milliarden Euro-Finanzspritze", "ein
    100-Dollar-Schein"."""
    if not m["ca"] or not m["n1"] or m["n1"][:1].isdigit() or m["m1"] or m["m2"] or m["m3"]:
        return False
    end, start = m.end("ca"), m.start("ca")
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha() and text[start - 1 : start] != "-"


def _weight(text: str, m: re.Match[str], pack: LangPack) -> bool:
    """A pound or a livre that weighs ("300 pounds of cocaine", "weighed 300 pounds"); with a
    multiplier it is money ("2 million pounds of investment"). See ``MoneyData.weight_names``."""
    names, after, before = pack.compiled("money.weight", _weight_patterns)
    if normalize_phrase(m["ca"] or "") not in names or m["m1"] or m["m2"] or m["m3"]:
        return False
    start = m.start()
    return bool(
        (after and after.match(text, m.end("ca")))
        or (before and before.search(text, max(0, start - _LOOK_BACK), start))
    )


def _weight_patterns(pack: LangPack) -> tuple[frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    money = pack.money
    names = frozenset(normalize_phrase(w) for w in money.weight_names)
    after = re.compile(rf"\s+{word_pattern(money.weight_after)}", re.IGNORECASE) if money.weight_after else None
    before = (
        re.compile(rf"{word_pattern(money.weight_before)}(?:\s+[^\W\d_]+){{0,2}}\s+\Z", re.IGNORECASE)
        if money.weight_before
        else None
    )
    return names, after, before


def _version(m: re.Match[str]) -> bool:
    """A code before one digit, or a digit, a point and a digit, with nothing after is a name
    and its version far more often than an amount: "PHP 7", "PHP 8.1" (the language), "EUR 6"
    (the emission norm). "USD 5 billion", "EUR 7.50" are amounts."""
    return bool(
        m["cb"]
        and _CODE.fullmatch(m["cb"])
        and _VERSION.fullmatch(m["nb"] or "")
        and not (m["mb"] or m["nb2"] or m["subb"] or m["cc"])
    )


_CODE = re.compile(r"[A-Z]{3}")
_VERSION = re.compile(r"\d(?:\.\d)?")


def _common_word(m: re.Match[str], money: _Money) -> bool:
    """A currency name that is also a common word after a number in words: "un livre" (a
    book), "um real crescimento", "trois cents mètres", "entre cent et deux cents mètres" are no
    amounts; "1 livre", "de 1 à 2 livres" are."""
    g = m.groupdict()
    name = normalize_phrase(g["ca"] or "")
    return (
        name in money.digit_only_names
        and not any((g[n] or "")[:1].isdigit() for n in ("n1", "n2"))
        and not (g["m1"] or g["m2"] or g["m3"])
    )


def _amount(m: re.Match[str], money: _Money, pack: LangPack) -> Amount:
    g = m.groupdict()
    rate_text = g["rb"] or g["ra"] or g["radj"]
    base: dict[str, Any] = dict(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        qualifier=money.qualifiers.get(normalize_phrase(g["q"] or "")),
        rate=money.rates.get(normalize_phrase(rate_text or "")),
    )
    if g["vc"]:
        return Amount(**base, value=_magnitude_of(g["vc"], money), vague=True)
    named = (g["cb"] or g["ca"] or g["cv"] or "")[len(g["cm"] or g["cmb"] or "") :]
    if g["cc"] and normalize_phrase(named) == "$":  # "$10 Hong Kong dollars" is HKD
        named = g["cc"]
    currency = money.currencies.get(normalize_phrase(named)) or None
    if g["vm"]:
        factor = money.quantifiers.get(normalize_phrase(g["vq"] or ""), Decimal(1))
        return Amount(
            **base, value=tidy(factor * money.magnitudes[normalize_phrase(g["vm"])]), currency=currency, vague=True
        )
    return Amount(**base, currency=currency, **_numbers(g, money, pack))


def _numbers(g: dict[str, str | None], money: _Money, pack: LangPack) -> dict[str, Any]:
    """Value, or min and max for a range, of the number part of an amount."""
    mult = _multiplier(g["m2"] or g["mb2"] or g["m1"] or g["mb"] or g["m3"], money)
    mult *= money.code_multipliers.get(g["cm"] or g["cmb"] or "", Decimal(1))
    mult *= money.unit_multipliers.get(normalize_phrase(g["ca"] or ""), Decimal(1))
    # "50 centimes", "de 12 à 25 centimes": a subunit as the unit scales every number.
    subunit = normalize_phrase(g["ca"] or g["cb"] or "")
    if subunit in money.subunit_currencies:
        mult *= money.subunit_values.get(subunit, Decimal("0.01"))
    first_text = g["n1"] or g["nb"] or ""
    symbol_first = bool(g["nb"])
    first = _fraction(g, money, pack) if g["fw"] else _read(first_text, mult, pack, symbol_first)
    second_text = g["n2"] or g["nb2"]
    if second_text:
        second = _read(second_text, mult, pack, symbol_first)
        low_mult = _multiplier(g["m1"] or g["mb"], money) if (g["m1"] or g["mb"]) else _shared(first, second, mult)
        low_mult *= _shared_scale_word(first, first_text, second_text, second, pack)
        # "8 à 10,000 francs": with the second unread, the first's scale is unknown too.
        low = first * low_mult if first is not None and (second is not None or g["m1"] or g["mb"]) else None
        high = second * mult if second is not None else None
        return {"min": low and tidy(low), "max": high and tidy(high)}
    factor = money.quantifiers.get(normalize_phrase(g["nq"] or ""))
    if g["fa"] and first is not None:
        first += Decimal(str(money.fractions[normalize_phrase(g["fa"])]))
    value = first * mult * (factor or 1) if first is not None else None
    if (g["sub"] or g["subb"]) and value is not None:
        cents = read_number(g["sub"] or g["subb"] or "", pack)
        hundredths = cents is not None and cents < 100 and subunit not in money.subunit_currencies
        value = value + cents / 100 if cents is not None and hundredths else None
    return {"value": value if value is None else tidy(value), "vague": factor is not None}


def _fraction(g: dict[str, str | None], money: _Money, pack: LangPack) -> Decimal | None:
    """A fraction before a multiplier, with its whole number if one is joined to it: "one and a
    half million" is 1.5 million, never the half alone."""
    fraction = money.fractions[normalize_phrase(g["fw"] or "")]
    if not g["fwn"]:
        return fraction
    whole = read_number(g["fwn"], pack)
    return whole + fraction if whole is not None else None


def _read(number: str, mult: Decimal, pack: LangPack, symbol_first: bool = False) -> Decimal | None:
    """A number of an amount, or ``None`` where it may be misread: a power ("340^83$" is OCR
    for 340.83, not 340 to the 83rd), or, with no multiplier, three decimals that look like a
    thousands group in the other convention (``_looks_grouped``)."""
    if "^" in number or (mult == 1 and _looks_grouped(number, pack, symbol_first)):
        return None
    return read_number(number, pack)


def _shared(first: Decimal | None, second: Decimal | None, mult: Decimal) -> Decimal:
    """The scale of a range's first number, which has none of its own: the second's ("20 bis 25
    Mio."), unless that makes the two a thousand times apart or more while the number alone is
    near the second: "von 977'000 auf 2,8 Millionen Franken" is 977,000, not 977 billion."""
    if first is None or not second or mult == 1:
        return mult
    near = Decimal("0.001"), Decimal(1000)
    shared_ratio, own_ratio = first / second, first / (second * mult)
    if not near[0] <= shared_ratio <= near[1] and near[0] <= own_ratio <= near[1]:
        return Decimal(1)
    return mult


def _shared_scale_word(
    first: Decimal | None, first_text: str, second_text: str, second: Decimal | None, pack: LangPack
) -> Decimal:
    """The scale word that ends the second number in words, when the first shares it: "onze à
    douze mille francs" is 11,000 to 12,000, "zwölf- bis fünfzehntausend" 12,000 to 15,000;
    "deux cents à trois mille" (200 to 3,000) and "cinq à mille" (5 to 1,000) share none."""
    scale = trailing_scale(second_text, pack)
    if first is None or second is None or scale is None or has_scale(first_text, pack):
        return Decimal(1)
    return Decimal(scale) if first < scale and first <= second / scale else Decimal(1)


def _looks_grouped(number: str, pack: LangPack, symbol_first: bool = False) -> bool:
    """Three decimals and no multiplier, ending in 0 ("€1,500" in Dutch, "$1.500", "46.000,000")
    or, after a symbol written first, after two digits or more ("$29,696" in a French text), are
    far more often a thousands group in the other convention, or a typo, than a price: null, not
    1.5 or 29.696. "1,879 Euro" (a fuel price), "12,345 $" in French, "0,125 €" and "2,250 Mrd."
    keep their decimals."""
    head, sep, frac = number.rpartition(pack.numbers.decimal_separator)
    if not (sep and head[:1].isdigit() and len(frac) == 3 and frac.isdigit()):
        return False
    return frac.endswith("0") or (symbol_first and sum(c.isdigit() for c in head) >= 2)


def _multiplier(word: str | None, money: _Money) -> Decimal:
    return money.multipliers.get(normalize_phrase(word or ""), Decimal(1))


def _magnitude_of(compound: str, money: _Money) -> Decimal:
    key = normalize_phrase(compound)
    return max(v for k, v in money.magnitudes.items() if key.startswith(k))


def _compile(pack: LangPack) -> _Money:
    """Build the amount regex from the pack (see the module docstring for its shape)."""
    p = _parts(pack)
    number_part = (
        rf"(?:(?P<nq>{p['vq']})\s+)?(?:{p['frame']}\s+)?"
        rf"(?:{p['frac_whole']}(?P<fw>{p['frac']})(?:\s+{p['frac_link']})?(?=\s+{p['mult']})"
        rf"|(?P<n1>{p['num']}))"
        rf"(?:\s*(?P<m1>{p['mult']}))?"
        # "un millón y medio", "un milione e mezzo": half of the multiplier on top.
        rf"(?(m1)(?:\s+{p['frac_join']}\s+(?P<fa>{p['frac']})(?!\w))?|)"
        rf"(?:(?:(?(fr){p['frame_end']}|{p['range']}))(?P<n2>{p['num']})"
        rf"(?:\s*(?P<m2>{p['mult']}))?)?(?(fr)(?(n2)|(?!))|)"
        rf"(?:(?<=[^\W\d_]|\.)\s+{p['mult_link']}\s*|\s*-\s*|\s*)(?P<ca>{p['cur_after']}){p['cur_block']}"
        rf"(?:(?(m1)(?!)|(?(n2)(?!)|))\s+(?P<m3>{p['mult']}))?"
        rf"(?:(?(m1)(?!)|(?(n2)(?!)|(?(m3)(?!)|)))\s+(?:{p['sub_link']}\s+)?(?P<sub>{p['num']}(?=\s+{p['subunit']})"
        rf"|(?!\d{{3}}|\d+[.,'’]\d){p['num']}(?!\s*(?:[\w%°/]|{p['symbol']}))(?![.,'’]\d)|{p['cents']})(?:\s+{p['subunit']})?(?<!\s))?"
    )
    prefix_part = (
        rf"(?:{p['frame_b']}\s+)?"
        # Never glued after a digit: "2$50" is the Portuguese escudo sign, not $50.
        rf"(?<!(?-i:[^\W_{UNSPACED}]))(?P<cb>{p['cur_before']})\s?(?P<nb>{p['num_glued']})(?:\s*(?P<mb>{p['mult']}))?"
        rf"(?:(?(frb){p['frame_b_end']}|{p['range']})(?:{p['cur_before_again']})?\s?(?P<nb2>{p['num']})"
        rf"(?:\s*(?P<mb2>{p['mult']}))?)?(?(frb)(?(nb2)|(?!))|)"
        # "$10 dollars", "$10 Hong Kong dollars": a name after the number repeats or narrows the symbol.
        rf"(?:\s+(?P<cc>{p['names']}))?"
        # "c $ 100 and fifty": hundredths after a joiner, as after a currency name.
        rf"(?:(?(mb)(?!)|(?(nb2)(?!)|))\s+{p['sub_link']}\s+(?P<subb>{p['num']}(?=\s+{p['subunit']})"
        rf"|{p['num']}(?!\s*(?:[\w%]|{p['symbol']})))(?:\s+{p['subunit']})?(?<!\s))?"
    )
    vague_part = (
        rf"(?:(?P<vq>{p['vq']})\s+)?(?P<vm>{p['vmag']})"
        # "millions de dollars", "des millions d'euros": a linker with an apostrophe is glued.
        rf"(?:\s+{p['link']}(?:(?<=['’])|\s+)|\s+)(?P<cv>{p['cur_word']})"
    )
    # A bare order of magnitude is vague before it is a number word ("bilhões de dólares" is
    # not 10^9 exactly, though "bilhões" is a scale word of the pack).
    core = rf"(?:{prefix_part}|{vague_part}|{number_part}|(?P<vc>{p['vcomp']}))"
    # Every alternative already refuses to start after a letter; saying so once, up front, lets
    # the scan fail at the first character inside a word instead of trying each optional
    # leading group (rate, qualifier, frame, fraction ...) there: 40 % of the time on English.
    regex = (
        rf"(?<!{LETTER})(?:(?P<rb>{p['rate_before']})\s+(?:[^\W\d][\w-]*\s+){{0,2}}?)?"
        rf"(?:(?P<q>{p['qual']})(?:(?<=\.)\s*|\s+))?{core}"
        rf"(?:\s+(?P<ra>{p['rate_after']})(?!\s*\d)(?!\s+{p['blockers']})"
        rf"|\s+(?:{p['adj_link']}\s+)?(?P<radj>{p['rate_adj']})\s+[^\W\d][\w-]*)?"
    )
    return _Money(re.compile(regex, re.IGNORECASE), **_tables(pack))


def _codes(pack: LangPack, group: str | None = None) -> str:
    """ISO codes, case-sensitive, optionally after a multiplier letter ("MEUR")."""
    money = pack.money
    codes = phrase_pattern(money.currency_codes, fold=False)
    mult = phrase_pattern(money.code_multipliers, fold=False) if money.code_multipliers else "(?!)"
    head = f"(?P<{group}>{mult})?" if group else ""
    return rf"(?-i:{head}{codes})(?![^\W\d_])"


def _name_before(pack: LangPack) -> str:
    """A currency or subunit name written before its number ("dollar 22.5 million", "dólares
    22,5 milhões", "sen 100,000"), only where the number cannot be a year or a count: it
    carries a multiplier, or it has five digits or more, or a thousands group. "Euro 2024" (the championship), "Dollar 10
    Jahre später" and "livre 20 000 exemplaires" (a book: ``digit_only_names``) are no amounts.
    """
    money = pack.money
    common = {normalize_phrase(w) for w in money.digit_only_names}
    currency_names = [w for w in money.currency_names if normalize_phrase(w) not in common]
    alternatives = [word_pattern(currency_names)] if currency_names else []
    # A subunit only as the pack writes it, lower-case ("sen 100,000"): "Hun Sen" is a name, and
    # "p 20,000" may be a page.
    subunits = [w for w in money.subunit_currencies if normalize_phrase(w) not in common and w.islower() and len(w) > 2]
    if subunits:
        alternatives.append(rf"(?-i:{word_pattern(subunits)})")
    if not alternatives:
        return "(?!)"
    names = "|".join(alternatives)
    groups = re.escape("".join(sorted({*pack.numbers.group_separators, *pack.numbers.extra_group_separators})))
    long_number = rf"\d{{5,}}|\d{{1,3}}[{groups}]\d{{3}}(?!\d)"
    mult = phrase_pattern(pack.numbers.multipliers)
    return rf"(?:{names})(?=\s(?:{long_number}|{number_pattern(pack)}\s*{mult}(?!\w)))"


def _names(words: Iterable[str], pack: LangPack) -> str:
    """Currency or subunit names in any case, but the pack's ``lowercase_only`` ones only in
    lower case; a one-letter name only as written, glued to its number or not ("50p", "50 p";
    "Feb-02 P" is no pence), and never before ".m." ("3 p.m.", "3p.m.")."""
    lower = {normalize_phrase(w) for w in pack.money.lowercase_only}
    words = list(words)
    folded = [w for w in words if normalize_phrase(w) not in lower and len(w) > 1]
    as_written = [w for w in words if normalize_phrase(w) in lower]
    letters = [w for w in words if len(w) == 1]
    alternatives = (
        ([word_pattern(folded)] if folded else [])
        + ([rf"(?-i:{word_pattern(as_written)})"] if as_written else [])
        + (
            [rf"(?-i:(?<!{LETTER}){phrase_pattern(letters, fold=False)}(?!{WORD}))(?!\.\s?[^\W\d_]\.)"]
            if letters
            else []
        )
    )
    return "|".join(alternatives) or "(?!)"


def _symbols(symbols: Iterable[str]) -> str:
    """Currency symbols; one of letters only as written, in lower case or capitalised: "Rs 500",
    "rs 500" are rupees, the car "RS5" is not; "kr", "Mkr", "zł" likewise. Letters with a sign ("$CAD",
    "R$", "$ c") are read in any case."""
    symbols = list(symbols)
    signs = [s for s in symbols if not any(c.isalpha() for c in s) or any(_is_sign(c) for c in s)]
    lettered = {v for s in symbols if s not in signs for v in (s, s.lower(), s[:1].upper() + s[1:].lower())}
    alternatives = ([phrase_pattern(signs)] if signs else []) + (
        [rf"(?-i:{phrase_pattern(lettered, fold=False)})"] if lettered else []
    )
    return "|".join(alternatives) or "(?!)"


def _is_sign(char: str) -> bool:
    return not char.isalnum() and char not in ". "


def _cents_blockers(pack: LangPack) -> str:
    """Words after "15 USD 50" that make the 50 a count of something, not hundredths."""
    nums, periods = pack.numbers, pack.periods
    words = [
        *nums.multipliers,
        *nums.scales,
        *pack.money.currency_names,
        *pack.money.subunit_currencies,
        *pack.money.cents_blockers,
        *pack.percent.units,
        *periods.span_units,
        *periods.relative_units,
    ]
    return phrase_pattern(words)


def _parts(pack: LangPack) -> dict[str, str]:
    nums, money, rates = pack.numbers, pack.money, pack.money.rates
    frame = nums.range_frames
    range_alts = [
        rf"\s+{phrase_pattern([w])}\s+" if w.isalpha() else rf"\s*{re.escape(w)}\s*" for w in nums.range_words
    ]
    # A symbol that ends in a letter ("$ c", "kr") is not followed by one: "5 $ ce matin" is
    # not CAD; "RMB310.4 million" is CNY.
    symbols = rf"{_symbols(money.currency_symbols)}(?:(?<=\W)|(?![^\W\d_]))"
    codes = _codes(pack)
    names = _names(money.currency_names, pack)
    folded = [k for k in money.subunit_currencies if k not in money.clause_final_names]
    subunit_names = _names(folded, pack)
    # Matched as written, and only where no word follows ("vi har 100 Att"; see MoneyData).
    clause_final = (
        rf"(?<!\w)(?-i:{phrase_pattern(money.clause_final_names, fold=False)})(?!\w)(?!\s+[^\W\d_])"
        if money.clause_final_names
        else "(?!)"
    )
    return {
        "num": number_pattern(pack),
        "num_glued": number_pattern(pack, anchored=False),
        "frac": word_pattern(nums.fractions) if nums.fractions else "(?!)",
        "frac_link": word_pattern(nums.fraction_linkers) if nums.fraction_linkers else "(?!)",
        "frac_join": word_pattern(nums.fraction_joiners) if nums.fraction_joiners else "(?!)",
        # "one and a half million": only where the pack has such joiners, as trying a whole
        # number before every fraction costs a third of the scan.
        # The look-ahead stops at the first space: bounded, or a run of 100 KB without one would
        # be read to its end from each of its characters.
        "frac_whole": (
            rf"(?:(?=\S{{1,{_TOKEN}}}\s+{word_pattern(nums.fraction_joiners)}\s+{word_pattern(nums.fractions)})"
            rf"(?P<fwn>{number_pattern(pack)})\s+{word_pattern(nums.fraction_joiners)}\s+)?"
            if nums.fraction_joiners and nums.fractions
            else "(?P<fwn>(?!))?"
        ),
        # A multiplier may be glued to its number ("$1bn", "USD34.6m"), never to a letter.
        # A single letter after a space and before ". Name" is an initial or "M." (Monsieur):
        # "500 euros M. Dupont", "£500 M. Poirot"; "$5M. The" and "$5 m. a year" keep it.
        "mult": rf"(?<!{LETTER}){phrase_pattern(nums.multipliers)}(?:(?<=\W)|(?!{WORD}))"
        rf"(?!(?<=\s[^\W\d_])\.\s+(?-i:[A-ZÀ-ÖØ-Þ]))",
        "vq": word_pattern(nums.vague_quantifiers),
        "vmag": word_pattern(nums.vague_magnitudes),
        "frame": frame_pattern(frame)[0],
        "frame_end": frame_pattern(frame)[1],
        # "de R$ 50 a R$ 500", "entre 10 $ et 20 $"
        "frame_b": frame_pattern(frame, "frb")[0],
        "frame_b_end": frame_pattern(frame, "frb")[1],
        "range": "(?:" + "|".join(range_alts or ["(?!)"]) + ")",
        # A symbol glued to the next number belongs to it: "1 $10" is "$10"; so does a symbol
        # before a number that a currency name follows: "1 $ 10 dollars" is "$ 10 dollars".
        # A symbol between two numbers belongs to the second ("P 27,886 $ 27,361" in a table).
        "cur_after": rf"{names}|{subunit_names}|{clause_final}|(?:{symbols})(?!\d)(?!\s?{number_pattern(pack)}(?:\s+{names}|\s*$|\s*[|\t]))"
        rf"|{_codes(pack, 'cm')}",
        "names": names,
        # Hundredths as two digits after the currency ("15 USD 50 more", "Por 15 dolares 50
        # puedes"), only before a lower-case word that is no multiplier, unit, span of time or
        # count ("300 USD 20 years ago", "15 USD 50 Prozent", "300 Euro 20 mal" keep their
        # whole number; a capital word too: "15 Euro 50 Kunden").
        "cents": rf"\d\d(?![\d%])(?-i:(?=\s+[a-zß-ÿ]))"
        rf"(?!\s+(?:{_cents_blockers(pack)})(?!\w))",
        "symbol": symbols,
        "cur_block": rf"(?!\s+{word_pattern(money.currency_blockers)})" if money.currency_blockers else "",
        "mult_link": rf"(?:{phrase_pattern(money.multiplier_linkers)})(?:(?<=')|(?!\w))"
        if money.multiplier_linkers
        else "(?!)",
        "cur_before": f"{symbols}|{_codes(pack, 'cmb')}|{_name_before(pack)}",
        "cur_before_again": f"{symbols}|{codes}",
        "cur_word": f"{names}|{codes}",
        "link": word_pattern(money.currency_linkers),
        "vcomp": rf"(?<!\w){phrase_pattern(money.vague_compound_magnitudes)}-?"
        rf"{phrase_pattern(money.vague_compound_heads)}(?!\w)",
        "qual": word_pattern(w for ws in pack.qualifiers.values() for w in ws),
        "rate_before": word_pattern(w for ws in rates.before.values() for w in ws),
        "rate_after": word_pattern(w for ws in rates.after.values() for w in ws),
        "rate_adj": word_pattern(w for ws in rates.adjectives.values() for w in ws),
        "sub_link": word_pattern([*nums.joiners, *money.subunit_linkers]),
        "subunit": word_pattern(money.subunits),
        "adj_link": word_pattern(rates.adjective_linkers),
        "blockers": word_pattern(rates.after_blockers),
    }


def _tables(pack: LangPack) -> dict[str, Any]:
    nums, money, rates = pack.numbers, pack.money, pack.money.rates
    rate_table = {
        normalize_phrase(w): rate
        for table in (rates.adjectives, rates.after, rates.before)
        for rate, ws in table.items()
        for w in ws
    }
    currencies = {normalize_phrase(k): v for k, v in money.currency_names.items()}
    currencies.update({normalize_phrase(k): v for k, v in money.currency_symbols.items()})
    currencies.update({normalize_phrase(c): c for c in money.currency_codes})
    subunits = {normalize_phrase(k): v for k, v in money.subunit_currencies.items()}
    currencies.update(subunits)
    return {
        "currencies": currencies,
        "qualifiers": {normalize_phrase(w): q for q, ws in pack.qualifiers.items() for w in ws},
        "rates": rate_table,
        "multipliers": {normalize_phrase(k): v for k, v in nums.multipliers.items()},
        "quantifiers": {normalize_phrase(k): v for k, v in nums.vague_quantifiers.items()},
        "magnitudes": {
            normalize_phrase(k): v for k, v in {**nums.vague_magnitudes, **money.vague_compound_magnitudes}.items()
        },
        "subunit_currencies": subunits,
        "subunit_values": {normalize_phrase(k): v for k, v in money.subunit_values.items()},
        "code_multipliers": dict(money.code_multipliers),
        "unit_multipliers": {normalize_phrase(k): v for k, v in money.unit_multipliers.items()},
        "fractions": {normalize_phrase(k): v for k, v in nums.fractions.items()},
        "digit_only_names": frozenset(normalize_phrase(w) for w in money.digit_only_names),
    }
