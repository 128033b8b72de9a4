"""Calendar periods: ``find_periods(text, pack, published=...)`` with resolved inclusive dates.

Rules of resolution (all relative to the publication date):
- A month, quarter or half-year without a year is the most recent one that starts on or
  before publication ("im März", "Juniquartal", "im ersten Quartal").
- "seit"/"ab" give a start and no end; "bis" gives an end and no start (pack: prepositions).
- "letztes Jahr", "im kommenden Jahr", "im Vorjahr": the calendar year moved by the modifier.
- "in den letzten drei Monaten": from publication minus three months to publication.
- A year is only read after a preposition or a year word ("im Jahr 2023", "seit 2020"), never
  from a bare number, and never when a currency, multiplier or percent sign follows it.
- Fiscal years keep their calendar year and set ``fiscal``; fiscal quarters keep null dates
  (fiscal calendars differ between companies).
Without a publication date, relative expressions are still reported, with null dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from extractors.langpack import LangPack
from extractors.numbers import (
    NUMBER_START,
    normalize_phrase,
    number_pattern,
    phrase_pattern,
    read_number,
    url_spans,
    word_pattern,
)
from extractors.records import Period

__all__ = ["find_periods"]

Dates = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True)
class _Periods:
    regex: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    preps: dict[str, str]
    modifiers: dict[str, int]
    units: dict[str, str]
    words: dict[str, tuple[str, int]]
    span_mods: dict[str, int]
    span_units: dict[str, str]
    min_year: int
    max_year: int


@dataclass(frozen=True)
class _Ctx:
    """One match with what its resolver needs."""

    m: re.Match[str]
    t: _Periods
    pub: dt.date | None
    pack: LangPack

    def g(self, name: str) -> str | None:
        try:
            return self.m.group(name)
        except IndexError:  # a tail without a year group ("Q3" takes its year inline)
            return None


def find_periods(text: str, pack: LangPack, *, published: dt.date | None) -> list[Period]:
    """Find calendar periods in ``text`` and resolve them against ``published``.

    Args:
        text: the article text; offsets index it unchanged.
        pack: the language pack.
        published: the publication date; relative periods get null dates without it.

    Returns:
        One ``Period`` per mention, sorted by start; ``text[p.start:p.end] == p.text``.
    """
    table = pack.compiled("periods", _compile)
    urls = url_spans(text)
    found = []
    for m in table.regex.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in urls) or m.lastgroup is None:
            continue
        resolved = _RESOLVERS[m.lastgroup](_Ctx(m, table, published, pack))
        if resolved is not None:
            (start, end), fiscal = resolved
            found.append(Period(text=m.group(0), start=m.start(), end=m.end(),
                                start_date=start, end_date=end, fiscal=fiscal))
    return found


# ---- calendar arithmetic -------------------------------------------------------------------

def _month(year: int, month: int) -> Dates:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, count: int) -> Dates:
    return _month(year, first)[0], _month(year, first + count - 1)[1]


def _shift(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _latest(pub: dt.date | None, build: Callable[[int], Dates]) -> Dates:
    """The most recent period of this kind that starts on or before publication."""
    if pub is None:
        return None, None
    dates = build(pub.year)
    return dates if dates[0] and dates[0] <= pub else build(pub.year - 1)


def _apply_prep(dates: Dates, prep: str | None, t: _Periods) -> Dates:
    role = t.preps.get(normalize_phrase(prep or ""), "in")
    if role == "since":
        return dates[0], None
    if role == "until":
        return None, dates[1]
    return dates


def _unit_period(pub: dt.date, unit: str, offset: int) -> Dates:
    """The calendar unit holding ``pub``, moved by ``offset`` units."""
    if unit == "year":
        return _months(pub.year + offset, 1, 12)
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    size = {"half": 6, "quarter": 3, "month": 1}[unit]
    first = _shift(dt.date(pub.year, (pub.month - 1) // size * size + 1, 1), offset * size)
    return _months(first.year, first.month, size)


# ---- resolvers: one per alternative of the regex ---------------------------------------------

def _year_of(c: _Ctx, prefix: str) -> int | None:
    """The year a tail gives ("2024", "dieses Jahres", "des Vorjahres"); None if none."""
    if c.g(f"{prefix}_ty"):
        return int(c.g(f"{prefix}_ty") or 0)
    offset = None
    if c.g(f"{prefix}_tm"):
        offset = c.t.modifiers[normalize_phrase(c.g(f"{prefix}_tm") or "")]
    elif c.g(f"{prefix}_tw"):
        unit, offset = c.t.words[normalize_phrase(c.g(f"{prefix}_tw") or "")]
    if offset is None or c.pub is None:
        return None
    return c.pub.year + offset


def _has_tail(c: _Ctx, prefix: str) -> bool:
    return any(c.g(f"{prefix}_{k}") for k in ("ty", "tm", "tw"))


def _in_year(c: _Ctx, prefix: str, build: Callable[[int], Dates]) -> Dates:
    """A period of a year: the tail's year, else the most recent one (relative to publication)."""
    if _has_tail(c, prefix):
        year = _year_of(c, prefix)
        return build(year) if year else (None, None)
    return _latest(c.pub, build)


def _r_span(c: _Ctx) -> Any:
    n = read_number(c.g("sp_n") or "", c.pack)
    if n is None or n != int(n) or c.pub is None:
        return (None, None), False
    sign = c.t.span_mods[normalize_phrase(c.g("sp_mod") or "")]
    unit = c.t.span_units[normalize_phrase(c.g("sp_unit") or "")]
    if unit in ("day", "week"):
        other = c.pub + dt.timedelta(days=sign * int(n) * (7 if unit == "week" else 1))
    else:
        other = _shift(c.pub, sign * int(n) * {"year": 12, "quarter": 3, "month": 1}[unit])
    return ((other, c.pub) if sign < 0 else (c.pub, other)), False


def _r_fyear(c: _Ctx) -> Any:
    if c.g("fy_y"):
        first, last = int(c.g("fy_y") or 0), c.g("fy_y2")
        if last:
            last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
            return (dt.date(first, 1, 1), dt.date(last_year, 12, 31)), True
        return _months(first, 1, 12), True
    mod = c.g("fy_mod")
    if mod and c.pub:
        return _months(c.pub.year + c.t.modifiers[normalize_phrase(mod)], 1, 12), True
    return (None, None), True


def _r_fquarter(c: _Ctx) -> Any:
    return (None, None), True


def _quarter(c: _Ctx, prefix: str, q: int) -> Any:
    if q < 0:  # "im letzten Quartal": the one before publication's, unless a year is given
        if _has_tail(c, prefix):
            return _in_year(c, prefix, lambda y: _months(y, 10, 3)), False
        return (_unit_period(c.pub, "quarter", -1) if c.pub else (None, None)), False
    dates = _in_year(c, prefix, lambda y: _months(y, 3 * q - 2, 3))
    return _apply_prep(dates, c.g(f"{prefix}_prep"), c.t), False


def _r_quarter(c: _Ctx) -> Any:
    word = c.g("q_ord") or ""
    q = int(word[0]) if word[:1].isdigit() else c.t.ordinals[normalize_phrase(word)]
    return _quarter(c, "q", q) if -1 <= q <= 4 and q else None


def _r_qcode(c: _Ctx) -> Any:
    year = c.g("qc_y")
    dates = _months(int(year), 3 * int(c.g("qc_q") or 1) - 2, 3) if year else None
    return (dates, False) if dates else _quarter(c, "qc", int(c.g("qc_q") or 1))


def _r_half(c: _Ctx) -> Any:
    word = c.g("h_ord") or ""
    h = int(word[0]) if word[:1].isdigit() else c.t.ordinals[normalize_phrase(word)]
    if h not in (1, 2):
        return None
    dates = _in_year(c, "h", lambda y: _months(y, 6 * h - 5, 6))
    return _apply_prep(dates, c.g("h_prep"), c.t), False


def _r_hcode(c: _Ctx) -> Any:
    h, year = int(c.g("hc_h") or 1), c.g("hc_y")
    if year:
        return _months(int(year), 6 * h - 5, 6), False
    dates = _in_year(c, "hc", lambda y: _months(y, 6 * h - 5, 6))
    return _apply_prep(dates, c.g("hc_prep"), c.t), False


def _r_monthq(c: _Ctx) -> Any:
    month = c.t.months[normalize_phrase(c.g("mq_month") or "")]
    dates = _in_year(c, "mq", lambda y: _months(y, (month - 1) // 3 * 3 + 1, 3))
    return _apply_prep(dates, c.g("mq_prep"), c.t), False


def _r_day(c: _Ctx) -> Any:
    month = c.t.months.get(normalize_phrase(c.g("d_month") or "")) or int(c.g("d_mnum") or 0)
    year_text = c.g("d_y") or c.g("d_y2")
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        year += 2000
    day = int(c.g("d_d") or 0)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        if year is not None:
            return (dt.date(year, month, day),) * 2, False
        return _latest(c.pub, lambda y: (dt.date(y, month, day),) * 2), False
    except ValueError:
        return None


def _r_yrange(c: _Ctx) -> Any:
    first, last = int(c.g("yr_a") or 0), int(c.g("yr_b") or 0)
    if not (c.t.min_year <= first <= last <= c.t.max_year):
        return None
    return (dt.date(first, 1, 1), dt.date(last, 12, 31)), False


def _r_month(c: _Ctx) -> Any:
    if not (c.g("mo_prep") or _has_tail(c, "mo")):
        return None  # a bare month name ("März und Juni") is too weak to report
    month = c.t.months[normalize_phrase(c.g("mo_month") or "")]
    dates = _in_year(c, "mo", lambda y: _month(y, month))
    return _apply_prep(dates, c.g("mo_prep"), c.t), False


def _r_weekday(c: _Ctx) -> Any:
    if c.pub is None:
        return (None, None), False
    back = (c.pub.weekday() - c.t.weekdays[normalize_phrase(c.g("wd_day") or "")]) % 7
    day = c.pub - dt.timedelta(days=back)
    return (day, day), False


def _r_year(c: _Ctx) -> Any:
    year = int(c.g("y_y") or 0)
    if not c.t.min_year <= year <= c.t.max_year:
        return None
    return _apply_prep(_months(year, 1, 12), c.g("y_prep"), c.t), False


def _r_relword(c: _Ctx) -> Any:
    unit, offset = c.t.words[normalize_phrase(c.g("rw_word") or "")]
    return (_unit_period(c.pub, unit, offset) if c.pub else (None, None)), False


def _r_rel(c: _Ctx) -> Any:
    offset = c.t.modifiers[normalize_phrase(c.g("rl_mod") or "")]
    unit = c.t.units[normalize_phrase(c.g("rl_unit") or "")]
    return (_unit_period(c.pub, unit, offset) if c.pub else (None, None)), False


_RESOLVERS: dict[str, Callable[[_Ctx], Any]] = {
    name[3:]: fn for name, fn in globals().items() if name.startswith("_r_")
}


# ---- the regex -----------------------------------------------------------------------------

def _compile(pack: LangPack) -> _Periods:
    """One alternation over every period shape; the first alternative that fits wins."""
    x = _parts(pack)
    alternatives = [
        ("span", rf"(?:{x['sframe']}\s+)?(?P<sp_mod>{x['smod']})\s+(?P<sp_n>{x['num']})\s+(?P<sp_unit>{x['sunit']})"),
        ("fyear", rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?(?:(?P<fy_mod>{x['mod']})\s+)?{x['fyw']}"
                  rf"(?:\s+(?P<fy_y>{x['year']})(?:/(?P<fy_y2>\d{{4}}|\d{{2}})(?!\d))?)?"),
        ("fquarter", rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['ord']}\s+{x['fqw']}{_tail(x, 'fq')}"),
        ("quarter", rf"(?:(?P<q_prep>{x['prep']})\s+)?(?:{x['art']}\s+)?(?P<q_ord>{x['ord']})\s+{x['qw']}{_tail(x, 'q')}"),
        ("qcode", rf"(?:(?P<qc_prep>{x['prep']})\s+)?(?<!\w)(?-i:Q)(?P<qc_q>[1-4])(?:(?:\s+|/)(?P<qc_y>{x['year']}))?(?!\w){_tail(x, 'qc', years=False)}"),
        ("half", rf"(?:(?P<h_prep>{x['prep']})\s+)?(?:{x['art']}\s+)?(?P<h_ord>{x['ord']})\s+{x['hw']}{_tail(x, 'h')}"),
        ("hcode", rf"(?:(?P<hc_prep>{x['prep']})\s+)?(?<!\w)(?-i:H)(?P<hc_h>[12])(?:(?:\s+|/)(?P<hc_y>{x['year']}))?(?!\w){_tail(x, 'hc', years=False)}"),
        ("monthq", rf"(?:(?P<mq_prep>{x['prep']})\s+)?(?:{x['art']}\s+)?(?<!\w)(?P<mq_month>{phrase_pattern(x['months'])}){x['mqs']}{_tail(x, 'mq')}"),
        ("day", rf"(?:{x['wdprep']}\s+)?{NUMBER_START}(?P<d_d>\d{{1,2}})\.\s?(?:(?P<d_month>{x['month']})(?:\s+(?P<d_y>{x['year']}))?|(?P<d_mnum>\d{{1,2}})\.(?:(?P<d_y2>\d{{4}}|\d{{2}})(?![\d.,]))?)"),
        ("yrange", rf"{x['yframe0']}\s+(?P<yr_a>{x['year']})\s+{x['yframe1']}\s+(?P<yr_b>{x['year']}){x['yblock']}"),
        ("month", rf"(?:(?P<mo_prep>{x['prep']})\s+)?(?P<mo_month>{x['month']}){_tail(x, 'mo')}"),
        ("weekday", rf"{x['wdprep']}\s+(?P<wd_day>{x['weekday']})"),
        ("year", rf"(?:(?P<y_prep>{x['yprep']})\s+(?:{x['art']}\s+)?(?:{x['yw']}\s+)?|{x['yw']}\s+)(?P<y_y>{x['year']}){x['yblock']}"),
        ("relword", rf"(?:{x['relprep']}\s+)?(?:{x['art']}\s+)?(?P<rw_word>{x['relword']})"),
        ("rel", rf"(?:{x['relprep']}\s+)?(?P<rl_mod>{x['mod']})\s+(?P<rl_unit>{x['relunit']})"),
    ]
    # Every period starts a word: failing fast inside words roughly doubles the throughput,
    # and the gate on the first word triples it again.
    shapes = "|".join(f"(?P<{name}>{body})" for name, body in alternatives)
    return _Periods(re.compile(rf"(?<!\w){_first_word(pack)}(?:{shapes})", re.IGNORECASE), **_tables(pack))


def _first_word(pack: LangPack) -> str:
    """A lookahead for what can start a period: a digit, "Q"/"H", a month (also as the head of
    a compound, "Juniquartal") or a word that opens one of the alternatives above. Each
    alternative is tried at a word start only when this holds, and most words fail it at once."""
    per = pack.periods
    words = [*per.span_frames, *per.span_modifiers, *per.prepositions, *per.year_prepositions,
             *per.articles, *per.relative_modifiers, *per.fiscal_year_words, *per.ordinals,
             *per.weekday_prepositions, *(first for first, _ in per.year_range_frames),
             *per.year_words, *per.relative_prepositions, *per.relative_words]
    months = phrase_pattern({**per.months, **per.extra_months})
    return rf"(?=\d|(?-i:[QH])|{months}|{phrase_pattern(words)}(?:(?<=\W)|(?!\w)))"


def _tail(x: dict[str, Any], prefix: str, *, years: bool = True) -> str:
    """The optional year after a month/quarter: "2024", "dieses Jahres", "des Vorjahres"."""
    year = rf"\s+(?:{x['art']}\s+)?(?:{x['yw']}\s+)?(?P<{prefix}_ty>{x['year']}){x['yblock']}|" if years else ""
    return (rf"(?:{year}\s+(?P<{prefix}_tm>{x['mod']})\s+{x['yw']}"
            rf"|\s+(?:{x['art']}\s+)?(?P<{prefix}_tw>{x['relword']}))?")


def _parts(pack: LangPack) -> dict[str, Any]:
    per, nums, money = pack.periods, pack.numbers, pack.money
    months = {**per.months, **per.extra_months}
    frames = per.year_range_frames or (("(?!)", "(?!)"),)
    blockers = [*nums.multipliers, *money.currency_names, *money.currency_symbols,
                *pack.percent.units, "%"]
    return {
        "num": number_pattern(pack), "months": months, "month": word_pattern(months),
        "weekday": word_pattern(per.weekdays), "ord": rf"(?:{word_pattern(per.ordinals)}|[1-4]\.)",
        "prep": word_pattern(per.prepositions), "yprep": word_pattern(per.year_prepositions),
        "art": word_pattern(per.articles), "mod": word_pattern(per.relative_modifiers),
        "qw": word_pattern(per.quarter_words), "fqw": word_pattern(per.fiscal_quarter_words),
        "hw": word_pattern(per.half_words), "yw": word_pattern(per.year_words),
        "fyw": word_pattern(per.fiscal_year_words),
        "mqs": rf"{phrase_pattern(per.month_quarter_suffixes)}(?!\w)",
        "year": rf"(?<![\w.,])\d{{4}}(?!\w|[.,]\d)",
        "yblock": rf"(?!\s*-?\s*(?:{phrase_pattern(blockers)})(?!\w))",
        "yframe0": word_pattern(f for f, _ in frames), "yframe1": word_pattern(e for _, e in frames),
        "wdprep": word_pattern(per.weekday_prepositions), "relprep": word_pattern(per.relative_prepositions),
        "relword": word_pattern(per.relative_words), "relunit": word_pattern(per.relative_units),
        "sframe": word_pattern(per.span_frames), "smod": word_pattern(per.span_modifiers),
        "sunit": word_pattern(per.span_units),
    }


def _tables(pack: LangPack) -> dict[str, Any]:
    per = pack.periods

    def norm(d: dict[str, Any]) -> dict[str, Any]:
        return {normalize_phrase(k): v for k, v in d.items()}

    return {
        "months": norm({**per.months, **per.extra_months}), "weekdays": norm(per.weekdays),
        "ordinals": norm(per.ordinals), "preps": norm({**per.prepositions, **per.year_prepositions}),
        "modifiers": norm(per.relative_modifiers), "units": norm(per.relative_units),
        "words": norm(per.relative_words), "span_mods": norm(per.span_modifiers),
        "span_units": norm(per.span_units), "min_year": per.min_year, "max_year": per.max_year,
    }
