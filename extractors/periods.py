"""Calendar periods: ``find_periods(text, pack, published=...)`` with resolved inclusive dates.

Rules of resolution (all relative to the publication date):
- A month, quarter or half-year without a year is the most recent one that starts on or
  before publication ("im März", "Juniquartal", "im ersten Quartal").
- "seit"/"ab" give a start and no end; "bis" gives an end and no start (pack: prepositions).
- "letztes Jahr", "im kommenden Jahr", "im Vorjahr": the calendar year moved by the modifier.
- "in den letzten drei Monaten": from publication minus three months to publication.
- A year is only read after a preposition or a year word ("im Jahr 2023", "seit 2020"), never
  from a bare number, and never when a currency, ISO code, multiplier or percent sign follows.
  After a period it may follow a link or an article ("the first quarter of 2014", "do ano
  passado", "des vergangenen Jahres").
- A weekday, or a day without a year, is the latest one on or before publication, unless its
  clause speaks of the future ("will am Mittwoch", "findet … statt": the next one); a weekday
  right before a date takes the year in which the two agree ("am Samstag, 18. Juni").
- "the following year", "the previous year" count from a year the story names just before,
  else from publication.
- Fiscal years keep their calendar year and set ``fiscal``; fiscal quarters keep null dates
  (fiscal calendars differ between companies).
Without a publication date, relative expressions are still reported, with null dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from collections.abc import Iterable
from typing import Any, Callable

from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import (
    NUMBER_START,
    frame_pattern,
    normalize_phrase,
    number_pattern,
    phrase_pattern,
    read_number,
    url_spans,
    word_pattern,
)
from newsfacts.extractors.records import Period

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
    anaphoric: frozenset[str]
    future: re.Pattern[str] | None
    role_before: re.Pattern[str]
    role_head: re.Pattern[str]
    span_from: re.Pattern[str]
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
    found: list[Period] = []
    previous: re.Match[str] | None = None
    for m in table.regex.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in urls) or m.lastgroup is None or _in_name(m, pack):
            continue
        resolved = _RESOLVERS[m.lastgroup](_Ctx(m, table, published, pack))
        if resolved is not None:
            (start, end), fiscal = resolved
            found.append(Period(text=m.group(0), start=m.start(), end=m.end(),
                                start_date=start, end_date=end, fiscal=fiscal))
            if previous is not None and published is not None:
                _weekday_and_day(text, previous, m, found, table, published)
            previous = m
    return found


def _weekday_and_day(text: str, weekday: re.Match[str], day: re.Match[str], found: list[Period],
                     t: _Periods, pub: dt.date) -> None:
    """"am Samstag, 18. Juni": a weekday right before a date with no year picks the year in
    which that date falls on that weekday, the one nearest publication, for both mentions."""
    if (weekday.lastgroup != "weekday" or day.lastgroup not in ("day", "mday")
            or not _WEEKDAY_GAP.fullmatch(text, weekday.end(), day.start())):
        return
    wanted = t.weekdays[normalize_phrase(weekday.group("wd_day"))]
    date = found[-1].start_date
    if date is None:
        return
    if day.group("d_y" if day.lastgroup == "day" else "md_y") or (day.lastgroup == "day" and day.group("d_y2")):
        if date.weekday() == wanted:  # "on Thursday, May 11, 2023": that Thursday
            found[-2] = found[-2].model_copy(update={"start_date": date, "end_date": date})
        return
    fits = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date.replace(year=year)
        except ValueError:
            continue
        if candidate.weekday() == wanted:
            fits.append(candidate)
    if fits:
        best = min(fits, key=lambda d: abs((d - pub).days))
        for i in (-2, -1):
            found[i] = found[i].model_copy(update={"start_date": best, "end_date": best})


_WEEKDAY_GAP = re.compile(r",?\s*(?:den\s+)?")


def _in_name(m: re.Match[str], pack: LangPack) -> bool:
    """Whether the mention stands in one of the pack's ``not_periods`` names ("Welt am
    Sonntag", "the Mail on Sunday"); searched near the mention only, not over the whole text."""
    if not pack.periods.not_periods:
        return False
    names = pack.compiled("periods.names", lambda p: re.compile(word_pattern(p.periods.not_periods), re.IGNORECASE))
    window = max(map(len, pack.periods.not_periods))  # as far as a name can reach
    return any(n.start() < m.end() and m.start() < n.end()
               for n in names.finditer(m.string, max(0, m.start() - window), m.end() + window))


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
    if c.g(f"{prefix}_tm") or c.g(f"{prefix}_tp"):
        offset = c.t.modifiers[normalize_phrase(c.g(f"{prefix}_tm") or c.g(f"{prefix}_tp") or "")]
    elif c.g(f"{prefix}_tw"):
        unit, offset = c.t.words[normalize_phrase(c.g(f"{prefix}_tw") or "")]
    if offset is None or c.pub is None:
        return None
    return c.pub.year + offset


def _has_tail(c: _Ctx, prefix: str) -> bool:
    return any(c.g(f"{prefix}_{k}") for k in ("ty", "tm", "tp", "tw"))


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


_r_fqpre = _r_fqpost = _r_fqcode = _r_fquarter


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
    if not (year or c.g("qc_prep") or _has_tail(c, "qc")) and _BRAND_BEFORE.search(c.m.string, max(0, c.m.start() - 40), c.m.start()):
        return None  # "der neue Audi Q3", "the Audi Q3": a model, no quarter
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
    return _day_of(c, "d", month, int(c.g("d_d") or 0), c.g("d_y") or c.g("d_y2") or c.g("d_y3"))


def _r_drange(c: _Ctx) -> Any:
    month = c.t.months[normalize_phrase(c.g("dr_month") or "")]
    first, last = int(c.g("dr_a") or 0), int(c.g("dr_b") or 0)
    if first >= last:
        return None
    end = _day_of(c, "dr", month, last, c.g("dr_y") or c.g("dr_y3"), roles=False)
    if end is None or end[0][1] is None:
        return end
    try:
        return (end[0][1].replace(day=first), end[0][1]), False
    except ValueError:
        return None


def _r_mday(c: _Ctx) -> Any:
    month = c.t.months[normalize_phrase(c.g("md_month") or "")]
    return _day_of(c, "md", month, int(c.g("md_d") or 0), c.g("md_y") or c.g("md_y3"))


def _day_of(c: _Ctx, prefix: str, month: int, day: int, year_text: str | None, *, roles: bool = True) -> Any:
    """One day: the year written (two digits pivot on publication: "22.8.95" is 1995), or a
    relative year after it, else the latest such day, or the next one in a clause about the
    future or before "prochain"; "seit dem 25. Februar" is open-ended and always past."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        cutoff = c.pub.year + 10 if c.pub else 2049
        year += 2000 if 2000 + year <= cutoff else 1900
    if year is None and _has_tail(c, prefix):
        year = _year_of(c, prefix)
        if year is None:
            return (None, None), False
    role = _prep_role(c) if roles else "in"
    try:
        if year is not None:
            dates: Dates = (dt.date(year, month, day),) * 2
        else:
            direction = c.g(f"{prefix}_dir")
            offset = c.t.modifiers[normalize_phrase(direction)] if direction else None
            ahead = offset > 0 if offset is not None else role == "in" and _future(c)
            dates = (_next if ahead else _latest)(c.pub, lambda y: (dt.date(y, month, day),) * 2)
    except ValueError:
        return None
    return _apply_role(dates, role), False


def _prep_role(c: _Ctx) -> str:
    """"since", "until" or "in": from a preposition that opens the mention or stands right
    before it ("seit dem 25. Februar", "since February 5, 1999", "desde el 5 de mayo")."""
    text, start = c.m.string, c.m.start()
    head = c.t.role_before.search(text, max(0, start - 40), start)
    first = None if head else c.t.role_head.match(text, start)
    found = head or first
    if not found:
        return "in"
    role = c.t.preps.get(normalize_phrase(found.group("role")), "in")
    # "vom 27.03.2016 bis 29.03.2016": the end of a span of days, itself a whole day.
    if role == "until" and c.t.span_from.search(text, max(0, found.start() - 30), found.start()):
        return "in"
    return role


def _apply_role(dates: Dates, role: str) -> Dates:
    return (dates[0], None) if role == "since" else (None, dates[1]) if role == "until" else dates


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
    wanted = c.t.weekdays[normalize_phrase(c.g("wd_day") or "")]
    role = _prep_role(c)
    if role == "in" and _future(c):  # "Die Kommission will am Mittwoch eine Reform vorstellen"
        day = c.pub + dt.timedelta(days=(wanted - c.pub.weekday()) % 7)
    else:  # "Seit Dienstag wird gestreikt": since the last Tuesday
        day = c.pub - dt.timedelta(days=(c.pub.weekday() - wanted) % 7)
    return _apply_role((day, day), role), False


def _future(c: _Ctx) -> bool:
    """Whether the clause speaks of the future before the mention ("will", "soll", "wird"): a
    weekday or a date without a year is then the next one, not the last. Only before it within
    its clause, or as the word right after it: "Sanofi said on Tuesday it will buy" is last
    Tuesday, "Am 1.8. beginnt die Saison" the next first of August."""
    if c.t.future is None:
        return False
    text, at = c.m.string, c.m.start()
    window = max(0, at - 200)
    breaks = [b.end() for b in _CLAUSE_END.finditer(text, window, at)]
    start = breaks[-1] if breaks else window
    after = c.m.end()
    while after < len(text) and text[after] == " ":
        after += 1
    # "Am 1.8. beginnt die Saison": a fronted time takes the verb right after it.
    return bool(c.t.future.search(text, start, at) or c.t.future.match(text, after))


def _next(pub: dt.date | None, build: Callable[[int], Dates]) -> Dates:
    """The first period of this kind that ends on or after publication."""
    if pub is None:
        return None, None
    dates = build(pub.year)
    return dates if dates[1] and dates[1] >= pub else build(pub.year + 1)


def _r_year(c: _Ctx) -> Any:
    year = int(c.g("y_y") or 0)
    if not c.t.min_year <= year <= c.t.max_year:
        return None
    return _apply_prep(_months(year, 1, 12), c.g("y_prep"), c.t), False


def _r_relword(c: _Ctx) -> Any:
    word = normalize_phrase(c.g("rw_word") or "")
    unit, offset = c.t.words[word]
    return _relative(c, unit, offset, word), False


def _r_rel(c: _Ctx) -> Any:
    mod = normalize_phrase(c.g("rl_mod") or "")
    offset = c.t.modifiers[mod]
    unit = c.t.units[normalize_phrase(c.g("rl_unit") or "")]
    return _relative(c, unit, offset, mod), False


def _relative(c: _Ctx, unit: str, offset: int, word: str) -> Dates:
    """A period moved from publication, or, for a word that looks back in the story ("the
    following year", "the previous year"; pack key ``anaphoric``) after a year named earlier
    in the sentence, from that year: "She joined in 2010 and left the following year" is 2011."""
    if unit == "year" and word in c.t.anaphoric:
        text, at = c.m.string, c.m.start()
        start = max(text.rfind(". ", 0, at) + 1, at - 300, 0)
        if len(text[start:at].split()) <= 3:  # "In 2010 sales fell. The following year ..."
            start = max(text.rfind(". ", 0, max(start - 1, 0)) + 1, at - 300, 0)
        years = [int(y) for y in _YEAR_IN_TEXT.findall(text, start, at)
                 if c.t.min_year <= int(y) <= c.t.max_year]
        if years:
            return _months(years[-1] + offset, 1, 12)
    return _unit_period(c.pub, unit, offset) if c.pub else (None, None)


_CLAUSE_END = re.compile(r"[.!?:;,\n\"“”„«»]")
# A capitalised word inside a sentence right before a bare "Q3": a brand and its model.
_BRAND_BEFORE = re.compile(r"(?<=[\w,;] )[A-ZÀ-Þ][\w-]*\s\Z")
_YEAR_IN_TEXT = re.compile(r"(?<![\w.,])(\d{4})(?![\w]|[.,]\d)")


_RESOLVERS: dict[str, Callable[[_Ctx], Any]] = {
    name[3:]: fn for name, fn in globals().items() if name.startswith("_r_")
}


# ---- the regex -----------------------------------------------------------------------------

def _compile(pack: LangPack) -> _Periods:
    """One alternation over every period shape; the first alternative that fits wins."""
    x = _parts(pack)
    alternatives = [
        ("span", rf"(?:{x['sframe']}\s+)?(?P<sp_mod>{x['smod']})\s+(?P<sp_n>{x['num']})\s+(?P<sp_unit>{x['sunit']})"),
        # Fiscal quarters keep null dates: "fiscal third quarter", "the third quarter of fiscal
        # 2015", "im dritten Quartal des Geschäftsjahres 2015/16", "Q3 FY2015".
        ("fqpre", rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['fpre']}\s+{x['ord']}\s+{x['qw']}"),
        ("fqpost", rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['ord']}\s+{x['qw']}\s+(?:{x['tlink']}\s+)?(?:{x['art']}\s+)?"
                   rf"{x['fyw']}(?:\s*'?(?:\d{{4}}|\d\d)(?:/(?:\d{{4}}|\d\d))?)?(?!\w)"),
        ("fqcode", rf"(?:{x['prep']}\s+)?(?<!\w)(?-i:Q)[1-4]\s*(?:{x['tlink']}\s+)?(?:{x['fyw']}|(?-i:FY)(?=\d))\s*'?(?:\d{{4}}|\d\d)(?:/(?:\d{{4}}|\d\d))?(?!\w)"),
        ("fyear", rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?(?:(?P<fy_mod>{x['mod']})\s+)?{x['fyw']}"
                  rf"(?:\s+(?P<fy_y>{x['year']})(?:/(?P<fy_y2>\d{{4}}|\d{{2}})(?!\d))?)?"),
        ("fquarter", rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['ord']}\s+{x['fqw']}{_tail(x, 'fq')}"),
        ("quarter", rf"(?:(?P<q_prep>{x['prep']})\s+)?(?:{x['art']}\s+)?(?P<q_ord>{x['ord']})\s+{x['qw']}{x['ublock']}{_tail(x, 'q')}"),
        ("qcode", rf"(?:(?P<qc_prep>{x['prep']})\s+)?(?<!\w)(?-i:Q)(?P<qc_q>[1-4])(?:(?:\s+|/)(?P<qc_y>{x['year']}))?(?!\w){_tail(x, 'qc', years=False)}"),
        ("half", rf"(?:(?P<h_prep>{x['prep']})\s+)?(?:{x['art']}\s+)?(?P<h_ord>{x['ord']})\s+{x['hw']}{x['ublock']}{_tail(x, 'h')}"),
        ("hcode", rf"(?:(?P<hc_prep>{x['prep']})\s+)?(?<!\w)(?-i:H)(?P<hc_h>[12])(?:(?:\s+|/)(?P<hc_y>{x['year']}))?(?!\w|-[^\W\d_]){_tail(x, 'hc', years=False)}"),
        ("monthq", rf"(?:(?P<mq_prep>{x['prep']})\s+)?(?:{x['art']}\s+)?(?<!\w)(?P<mq_month>{x['month_head']}){x['mqs']}{_tail(x, 'mq')}"),
        # "5. Mai 2015", "1.8.", "le 1er mai 2015", "5 de mayo de 2015", "5 May 2015".
        # "vom 14. bis 18. März", "14-18 March 2015", "du 3 au 5 mai", "del 3 al 5 de mayo".
        ("drange", rf"(?:{x['drfrom']}\s+)?{NUMBER_START}(?P<dr_a>[12]\d|3[01]|0?[1-9])(?:\.|{x['dsuf']})?"
                   rf"(?:(?(drf){x['drto']}|(?!))|\s*[-–]\s*|{x['drword']})(?P<dr_b>[12]\d|3[01]|0?[1-9])(?!\d)"
                   rf"(?:\.\s?|{x['dsuf']}\s+|\s+(?:{x['dlink']}\s+)?)(?P<dr_month>{x['month']}){_day_year(x, 'dr')}"),
        ("day", rf"(?:{x['wdprep']}\s+)?{NUMBER_START}(?P<d_d>[12]\d|3[01]|0?[1-9])(?!\d)"
                rf"(?:(?:\.\s?|{x['dsuf']}\s+|\s+(?:{x['dlink']}\s+)?)(?P<d_month>{x['month']})"
                rf"{_day_year(x, 'd')}|\.\s?{x['mnum']})"),
        # "May 5, 2015", "on March 3rd" (``month_first_dates``).
        ("mday", rf"(?:{x['wdprep']}\s+)?(?P<md_month>{x['month']})\s+(?P<md_d>\d{{1,2}})(?:{x['dsuf']})?(?![\d\w]|[.,]\d)"
                 rf"{_day_year(x, 'md')}" if pack.periods.month_first_dates else "(?!)"),
        ("yrange", rf"{x['yframe0']}\s+(?P<yr_a>{x['year']})\s+{x['yframe1']}\s+(?P<yr_b>{x['year']}){x['yblock']}"),
        ("month", rf"(?:(?P<mo_prep>{x['prep']})\s+)?(?P<mo_month>{x['month']}){_tail(x, 'mo')}"),
        ("weekday", rf"{x['wdprep']}\s+(?P<wd_day>{x['weekday']})"),
        ("year", rf"(?:(?P<y_prep>{x['yprep']})\s+(?:{x['art']}\s+)?(?:{x['yw']}\s+)?|{x['yw']}\s+)(?P<y_y>{x['year']}){x['yblock']}"),
        ("relword", rf"(?:{x['relprep']}\s+)?(?:{x['art']}\s+)?(?P<rw_word>{x['relword']})"),
        ("rel", rf"(?:{x['relprep']}\s+)?(?P<rl_mod>{x['mod']})\s+(?P<rl_unit>{x['relunit']}){x['ublock']}"),
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
             *per.year_words, *per.relative_prepositions, *per.relative_words, *per.fiscal_prefixes,
             *(first for first, _ in per.day_range_frames)]
    months = phrase_pattern({**per.months, **per.extra_months})
    return rf"(?=\d|(?-i:[QH])|{months}|{phrase_pattern(words)}(?:(?<=\W)|(?!\w)))"


def _day_year(x: dict[str, Any], prefix: str) -> str:
    """What may follow a day and its month: a year ("5 May 2015", "5 de mayo de 2015"), two
    digits after a link ("30 de julho de 93"), a relative year ("22 de Março de este ano", "22
    March last year") or a bare modifier ("le 6 août prochain")."""
    return (rf"(?:,?\s+(?:{x['dlink']}\s+)?(?P<{prefix}_y>{x['year']}){x['yblock']}"
            # "de 93", but not "de 17 a 20 horas"
            rf"|\s+{x['dlink']}\s+(?P<{prefix}_y3>\d\d)(?!\d|[.,]\d|\s*(?:[-–]|[^\W\d_]{{1,5}})\s*\d)"
            rf"|{_tail(x, prefix, years=False)[3:-2]}"
            # "prochain", but not "próximo pasado" nor "next to"
            rf"|\s+(?P<{prefix}_dir>{x['mod']})(?!\s*{x['yw']}|\w)(?!\s+(?:{x['mod']}|[^\W\d_]{{1,2}})(?!\w)))?")


def _tail(x: dict[str, Any], prefix: str, *, years: bool = True) -> str:
    """The optional year after a month/quarter: "2024", "dieses Jahres", "des vergangenen
    Jahres", "of last year", "do ano passado" (the modifier after the year word), "des Vorjahres"."""
    lead = rf"\s+(?:{x['tlink']}\s+)?(?:{x['art']}\s+)?"
    year = rf"{lead}(?:{x['yw']}\s+)?(?P<{prefix}_ty>{x['year']}){x['yblock']}|" if years else ""
    return (rf"(?:{year}{lead}(?P<{prefix}_tm>{x['mod']})\s+{x['yw']}"
            rf"|{lead}{x['yw']}\s+(?P<{prefix}_tp>{x['mod']})(?!\w)"
            rf"|{lead}(?P<{prefix}_tw>{x['relword']}))?")


def _parts(pack: LangPack) -> dict[str, Any]:
    per, nums, money = pack.periods, pack.numbers, pack.money
    months = {**per.months, **per.extra_months}
    frames = per.year_range_frames or (("(?!)", "(?!)"),)
    blockers = [*nums.multipliers, *money.currency_names, *money.currency_symbols,
                *pack.percent.units, "%"]
    codes = phrase_pattern(money.currency_codes, fold=False)
    return {
        "month_head": _month_pattern(months, per.capitalised_months, bounded=False),
        "num": number_pattern(pack), "months": months, "month": _month_pattern(months, per.capitalised_months),
        "weekday": word_pattern(per.weekdays), "ord": rf"(?:{word_pattern(per.ordinals)}|[1-4]\.)",
        "prep": word_pattern(per.prepositions), "yprep": word_pattern(per.year_prepositions),
        "art": word_pattern(per.articles), "mod": word_pattern(per.relative_modifiers),
        "qw": word_pattern(per.quarter_words), "fqw": word_pattern(per.fiscal_quarter_words),
        "hw": word_pattern(per.half_words), "yw": word_pattern(per.year_words),
        "fyw": word_pattern(per.fiscal_year_words),
        # Glued ("Juniquartal") or apart ("the March quarter").
        "mqs": rf"\s?{phrase_pattern(per.month_quarter_suffixes)}(?!\w)",
        "year": rf"(?<![\w.,])\d{{4}}(?!\w|[.,]\d)",
        "tlink": word_pattern(per.tail_links) if per.tail_links else "(?!)",
        "fpre": word_pattern(per.fiscal_prefixes) if per.fiscal_prefixes else "(?!)",
        "dsuf": f"(?:{phrase_pattern(per.day_suffixes)})" if per.day_suffixes else "(?!)",
        "ublock": (rf"(?!-?\s*{word_pattern(per.unit_blockers)}|\s+(?:{word_pattern(per.tail_links)}\s+)?"
                   rf"(?:{word_pattern(per.articles)}\s+)?(?:[\w-]+\s+)?{word_pattern(per.unit_blockers)})"
                   if per.unit_blockers and per.articles and per.tail_links else
                   rf"(?!-?\s*{word_pattern(per.unit_blockers)})" if per.unit_blockers else ""),
        "dlink": word_pattern(per.day_links) if per.day_links else "(?!)",
        # The end word must be the start word's pair: "4 and 6 June" is two days, no span.
        "drfrom": frame_pattern(per.day_range_frames or [("(?!)", "(?!)")], "drf")[0],
        "drto": frame_pattern(per.day_range_frames or [("(?!)", "(?!)")], "drf")[1],
        # "2. bis 6. März": the pack's range words without a frame.
        "drword": (rf"\s+{word_pattern(w for w in nums.range_words if w.isalpha())}\s+"
                   if any(w.isalpha() for w in nums.range_words) else "(?!)"),
        # "1.8.2015", "22.8.95", "am 1.8."; never before another digit ("iOS 9.2.1").
        "mnum": (r"(?P<d_mnum>\d{1,2})\.(?:(?P<d_y2>\d{4}|\d{2})(?!\d|[.,]\d)|(?!\d))" if per.numeric_dates
                 # Without them, only with a four-digit year: "28.08.1985", never "1.8."
                 else r"(?P<d_mnum>\d{1,2})\.(?P<d_y2>\d{4})(?!\d|[.,]\d)"),
        # "bis 2000 Euro", "ab 1999 CHF", "2023 Mio.": an amount, no year.
        "yblock": rf"(?!\s*-?\s*(?:{phrase_pattern(blockers)}|(?-i:{codes}))(?!\w))",
        "yframe0": word_pattern(f for f, _ in frames), "yframe1": word_pattern(e for _, e in frames),
        "wdprep": word_pattern(per.weekday_prepositions), "relprep": word_pattern(per.relative_prepositions),
        "relword": word_pattern(per.relative_words), "relunit": word_pattern(per.relative_units),
        "sframe": word_pattern(per.span_frames), "smod": word_pattern(per.span_modifiers),
        "sunit": word_pattern(per.span_units),
    }


def _role_patterns(per: Any) -> dict[str, re.Pattern[str]]:
    """A "since" or "until" preposition (and an article) right before a day, or opening it."""
    roles = {**per.prepositions, **per.year_prepositions}
    words = [w for w, r in roles.items() if r in ("since", "until")]
    prep = word_pattern(words) if words else "(?!)"
    art = rf"(?:\s+{word_pattern(per.articles)})?" if per.articles else ""
    starts = [f for f, _ in per.day_range_frames]
    span_from = rf"{word_pattern(starts)}\s+\S+\s+\Z" if starts else "(?!)"
    return {"role_before": re.compile(rf"(?P<role>{prep}){art}\s+\Z", re.IGNORECASE),
            "role_head": re.compile(rf"(?P<role>{prep})\s", re.IGNORECASE),
            "span_from": re.compile(span_from, re.IGNORECASE)}


def _month_pattern(months: dict[str, int], capitalised: Iterable[str], *, bounded: bool = True) -> str:
    """Month names in any case, but the pack's ``capitalised_months`` only as written or in
    capitals ("March", "MARCH"; "the protest march" is none)."""
    keep = {normalize_phrase(n) for n in capitalised}
    free = [n for n in months if normalize_phrase(n) not in keep]
    strict = {f for n in months if normalize_phrase(n) in keep for f in (n, n.upper())}
    parts = ([phrase_pattern(free)] if free else []) + ([rf"(?-i:{phrase_pattern(strict, fold=False)})"] if strict else [])
    body = "|".join(parts) or "(?!)"
    return rf"(?<!\w)(?:{body})(?:(?<=\W)|(?!\w))" if bounded else f"(?:{body})"


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
        "anaphoric": frozenset(normalize_phrase(w) for w in per.anaphoric),
        "future": re.compile(word_pattern(per.future_cues), re.IGNORECASE) if per.future_cues else None,
        **_role_patterns(per),
    }
