"""Calendar periods: ``find_periods(text, pack, published=...)`` with resolved inclusive dates.

Rules of resolution (all relative to the publication date):
- A month, quarter or half-year without a year is the most recent one that starts on or
  before publication ("im März", "Juniquartal", "im ersten Quartal"); a month after a
  preposition that points ahead ("ab Mai") or in a clause about the future ("will open in
  May") is the next one.
- "seit"/"ab" give a start and no end; "bis" gives an end and no start; "Ende" ("end of",
  "fin", role ``end``) gives the period's last day, a point in time (pack: prepositions).
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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

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
class _Tables:
    """A pack's period regex and the lookup tables its resolvers read (built once per pack)."""

    # Without the check that a year is no amount ("bis 2000 Euro"); see ``_matches``.
    regex: re.Pattern[str]
    # What makes a year an amount, matched right after its four digits.
    year_blocker: re.Pattern[str]
    months: dict[str, int]  # also the short names read beside a day ("Feb"): see ``named_months``
    named_months: frozenset[str]  # months written out or with their dot ("März", "Okt."), no "Jan"
    weekdays: dict[str, int]
    international_months: dict[str, int]
    ordinals: dict[str, int]
    preps: dict[str, str]
    day_lists: frozenset[str]  # openers of ``day_list_frames``: two days that must follow each other
    modifiers: dict[str, int]
    units: dict[str, str]
    words: dict[str, tuple[str, int]]
    span_mods: dict[str, int]
    span_units: dict[str, str]
    anaphoric: frozenset[str]
    future: re.Pattern[str] | None
    role_before: re.Pattern[str]
    role_head: re.Pattern[str]
    ahead: re.Pattern[str]
    span_from: re.Pattern[str]
    min_year: int
    max_year: int
    ago_units: dict[str, str]
    seasons: dict[str, tuple[int, int]]
    one_words: frozenset[str]
    to_date: dict[str, str]
    end_words: dict[str, str]  # "Jahresende", "year-end": the last day of a unit
    # what before a bare year makes it a quantity ("rund 2000", "Nr. 1995")
    bare_before: re.Pattern[str] | None


@dataclass(frozen=True)
class _Hit:
    """One match of the period regex with what its resolver needs."""

    match: re.Match[str]
    tables: _Tables
    published: dt.date | None
    pack: LangPack

    def group(self, name: str) -> str | None:
        """The text of the regex group ``name``, None where it did not take part."""
        try:
            return self.match.group(name)
        except IndexError:  # a tail without a year group ("Q3" takes its year inline)
            return None


def find_periods(text: str, pack: LangPack, *, published: dt.date | None, datelines: bool = True) -> list[Period]:
    """Find calendar periods in ``text`` and resolve them against ``published``.

    A text that prints its own date near its start ("DAUN, 13.10.2015", "Di., 10.11.2015",
    "January 24, 2016") is resolved against that date instead: news is written on the day of its
    dateline, and a crawl or feed date given as ``published`` is often a day or months later
    ("gestern" is the day before the dateline). See ``_dateline``.

    Args:
        text: the article text; offsets index it unchanged.
        pack: the language pack.
        published: the publication date; relative periods get null dates without it.
        datelines: resolve against a date printed at the start of the text (default).

    Returns:
        One ``Period`` per mention, sorted by start; ``text[p.start:p.end] == p.text``.
    """
    if datelines and published is not None and _EXPLICIT_DAY.search(text, 0, DATELINE_CHARS):
        # only a head that writes out a day is read twice: its periods give the dateline
        published = _dateline(_find_periods(text[:DATELINE_CHARS], pack, published), published) or published
    return _find_periods(text, pack, published)


#: how far into a text a date counts as its dateline, and how far it may lie from ``published``
DATELINE_CHARS = 250
DATELINE_BEFORE = dt.timedelta(days=400)
DATELINE_AFTER = dt.timedelta(days=7)
#: a day written out with its month and year: "13.10.2015", "18.09.15", "2016-01-24", "24. Januar
#: 2016", "24 January 2016", "January 24, 2016" (not "Ende 2023", not "I slutet av 2023")
_EXPLICIT_DAY = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\.?\s+[^\W\d_]+\.?\s+\d{4}\b|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}\b"
)


def _dateline(found: list[Period], published: dt.date) -> dt.date | None:
    """The text's own date: the first single day written out with its month and year
    (``_EXPLICIT_DAY``) in the first ``DATELINE_CHARS`` characters, when it lies no more than
    about a year before ``published`` (an older date is history, not a dateline) nor more than a
    week after it."""
    for p in found:
        if p.start >= DATELINE_CHARS:
            break
        day = p.start_date
        if day is None or day != p.end_date or not _EXPLICIT_DAY.search(p.text):
            continue
        if published - DATELINE_BEFORE <= day <= published + DATELINE_AFTER:
            return day
        return None
    return None


def _find_periods(text: str, pack: LangPack, published: dt.date | None) -> list[Period]:
    tables = pack.compiled("periods", _compile)
    urls = url_spans(text)
    found: list[Period] = []
    kinds: list[str] = []  # the alternative each period came from
    previous: re.Match[str] | None = None
    for m in _matches(text, tables, pack):
        if any(s < m.end() and m.start() < e for s, e in urls) or m.lastgroup is None or _in_name(m, pack):
            continue
        resolver = _resolve_ago if m.lastgroup.startswith("ago") else _RESOLVERS[m.lastgroup]
        resolved = resolver(_Hit(m, tables, published, pack))
        if resolved is not None:
            (start, end), fiscal, *rest = resolved
            begin = rest[0] if rest else m.start()  # a resolver may keep only the mention's tail
            found.append(
                Period(
                    text=text[begin : m.end()], start=begin, end=m.end(), start_date=start, end_date=end, fiscal=fiscal
                )
            )
            kinds.append(m.lastgroup)
            if previous is not None and published is not None:
                _weekday_and_day(text, previous, m, found, tables, published)
            previous = m
    if pack.periods.anchored_days:
        found = _anchored_days(text, pack, found)
    return _prior_year_periods(found, kinds) if "prior_year" in kinds else found


def _anchored_days(text: str, pack: LangPack, found: list[Period]) -> list[Period]:
    """Add the days counted from the day the story named last ("On December 11, 2007 … Two
    days earlier": December 9; "tags darauf"; the pack's ``anchored_days``). Only after a
    single day within 600 characters; never over a period already found."""
    pattern = pack.compiled("periods.anchored", _anchored_pattern)
    frames = _anchored_frames(pack)
    ones = {normalize_phrase(w) for w in pack.periods.one_words}
    added = []
    for m in pattern.finditer(text):
        if any(p.start < m.end() and m.start() < p.end for p in found):
            continue
        anchor = next(
            (
                p
                for p in reversed(found)
                if p.end <= m.start() and m.start() - p.end <= 600 and p.start_date and p.start_date == p.end_date
            ),
            None,
        )
        index = next((i for i in range(len(frames)) if m.group(f"f{i}") is not None), None)
        if anchor is None or anchor.start_date is None or index is None:
            continue
        words = m.groupdict().get(f"c{index}")
        n = 1 if not words or normalize_phrase(words) in ones else read_number(words, pack)
        if n is None or not 0 < n < 1000 or n != int(n):
            continue
        day = anchor.start_date + dt.timedelta(days=pack.periods.anchored_days[frames[index]] * int(n))
        added.append(Period(text=m.group(), start=m.start(), end=m.end(), start_date=day, end_date=day, fiscal=False))
    return sorted([*found, *added], key=lambda p: p.start) if added else found


def _anchored_frames(pack: LangPack) -> list[str]:
    return sorted(pack.periods.anchored_days, key=len, reverse=True)


def _anchored_pattern(pack: LangPack) -> re.Pattern[str]:
    """``anchored_days`` as one regex: frame i is group ``f<i>``, its ``{count}`` (digits, number
    words, the "one" words) group ``c<i>``."""
    numbers = word_pattern([*pack.numbers.words, *pack.periods.one_words])
    parts = []
    for i, frame in enumerate(_anchored_frames(pack)):
        pieces = [rf"(?P<c{i}>\d{{1,3}}|{numbers})" if w == "{count}" else re.escape(w) for w in frame.split()]
        joined = r"\s+".join(pieces)
        parts.append(rf"(?P<f{i}>{joined})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def _matches(text: str, tables: _Tables, pack: LangPack) -> Iterator[re.Match[str]]:
    """The matches of the period regex over ``text``, as ``finditer`` of the full regex gives them.

    A year before an amount is no year ("bis 2000 Euro", "2023 Mio."). Checking that after
    each of the regex's year slots repeats every currency name of the pack nine times over and
    made the regex four times longer to compile, for a check that seldom decides anything.
    So ``tables.regex`` leaves it out, and a match that holds a year followed by an amount's
    word is redone by the full regex (compiled the first time it is needed). That is exact:
    the full regex only adds negative lookaheads, so it matches nowhere the short one does
    not, and where the short one's match holds no such year, the full one takes the same.
    """
    pos = 0
    while (m := tables.regex.search(text, pos)) is not None:
        if _holds_amount_year(m, tables):
            m = pack.compiled("periods.full", _compile_full).search(text, m.start())
            if m is None:
                return
        yield m
        pos = m.end()  # never an empty match: every alternative reads at least a word


def _holds_amount_year(m: re.Match[str], tables: _Tables) -> bool:
    """Whether a year in the match is followed by what makes it an amount ("2000 Euro")."""
    return any(tables.year_blocker.match(m.string, year.end()) for year in _YEAR.finditer(m.string, m.start(), m.end()))


def _weekday_and_day(
    text: str, weekday: re.Match[str], day: re.Match[str], found: list[Period], tables: _Tables, pub: dt.date
) -> None:
    """ "am Samstag, 18. Juni": a weekday right before a date with no year picks the year in
    which that date falls on that weekday, the one nearest publication, for both mentions."""
    if (
        weekday.lastgroup != "weekday"
        or day.lastgroup not in ("day", "month_day")
        or not _WEEKDAY_GAP.fullmatch(text, weekday.end(), day.start())
    ):
        return
    name = weekday.group("weekday_name") or _weekday_of_compound(weekday.group("weekday_compound") or "", tables)
    wanted = tables.weekdays[normalize_phrase(name)]
    date = found[-1].start_date
    if date is None:
        return
    written_year = day.group("day_year" if day.lastgroup == "day" else "month_day_year") or (
        day.lastgroup == "day" and day.group("day_numeric_year")
    )
    if written_year:
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
    return any(
        n.start() < m.end() and m.start() < n.end()
        for n in names.finditer(m.string, max(0, m.start() - window), m.end() + window)
    )


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


def _nearest_occurrence(pub: dt.date | None, build: Callable[[int], Dates]) -> Dates:
    """A day named without its year: the latest one by publication, unless the next one is less
    than half as far ahead as that one is behind ("am 15. März" in a text of March 5 is ten days
    ahead, not 355 days back; "am 2. März" in April is last March). News names near days both
    ways (fairs, meetings, deadlines); the far side loses. Months and quarters keep the latest
    one begun (measured: the same rule for them also gained on the period gold's dev split, but
    reads past-tense sentences forward)."""
    if pub is None:
        return None, None
    past, future = _latest(pub, build), _next(pub, build)
    if past[0] is None or future[0] is None or future[0] <= pub or future == past:
        return past
    return future if 2 * (future[0] - pub).days < (pub - past[0]).days else past


def _apply_prep(dates: Dates, prep: str | None, hit: _Hit) -> Dates:
    """The role of the mention's own preposition; where that is a plain "in", a role word right
    before the mention decides ("starting in 2006" is from 2006 on)."""
    role = hit.tables.preps.get(normalize_phrase(prep or ""), "in")
    before = _role_before(hit) if role == "in" else None
    if before is not None:
        role = hit.tables.preps.get(normalize_phrase(before.group("role")), "in")
    return _apply_role(dates, role)


def _role_before(hit: _Hit) -> re.Match[str] | None:
    """A "since", "from" or "until" word right before the mention, never across a line break
    ("… lehnt Fusion ab\n05.03.2016" is a dateline, not "ab" a date)."""
    text, start = hit.match.string, hit.match.start()
    return hit.tables.role_before.search(text, max(0, start - 40, text.rfind("\n", 0, start) + 1), start)


def _unit_period(pub: dt.date, unit: str, offset: int) -> Dates:
    """The calendar unit holding ``pub``, moved by ``offset`` units."""
    if unit == "year":
        return _months(pub.year + offset, 1, 12)
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "day":  # "gestern", "today"
        day = pub + dt.timedelta(days=offset)
        return day, day
    if unit == "weekend":  # Saturday and Sunday: the latest on or before publication, moved
        offset = offset + 1 if offset < 0 else offset  # "last weekend" is that latest one
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7) + dt.timedelta(weeks=offset)
        return saturday, saturday + dt.timedelta(days=1)
    size = {"half": 6, "quarter": 3, "month": 1}[unit]
    first = _shift(dt.date(pub.year, (pub.month - 1) // size * size + 1, 1), offset * size)
    return _months(first.year, first.month, size)


# ---- resolvers: one per alternative of the regex ---------------------------------------------


def _year_of(hit: _Hit, prefix: str) -> int | None:
    """The year a tail gives ("2024", "dieses Jahres", "des Vorjahres"); None if none."""
    if hit.group(f"{prefix}_tail_year"):
        return int(hit.group(f"{prefix}_tail_year") or 0)
    offset = None
    if hit.group(f"{prefix}_tail_modifier") or hit.group(f"{prefix}_tail_modifier_after"):
        modifier = hit.group(f"{prefix}_tail_modifier") or hit.group(f"{prefix}_tail_modifier_after")
        offset = hit.tables.modifiers[normalize_phrase(modifier or "")]
    elif hit.group(f"{prefix}_tail_word"):
        unit, offset = hit.tables.words[normalize_phrase(hit.group(f"{prefix}_tail_word") or "")]
    if offset is None or hit.published is None:
        return None
    return hit.published.year + offset


def _has_tail(hit: _Hit, prefix: str) -> bool:
    return any(hit.group(f"{prefix}_{k}") for k in ("tail_year", "tail_modifier", "tail_modifier_after", "tail_word"))


def _in_year(hit: _Hit, prefix: str, build: Callable[[int], Dates]) -> Dates:
    """A period of a year: the tail's year, else the most recent one (relative to publication)."""
    if _has_tail(hit, prefix):
        year = _year_of(hit, prefix)
        return build(year) if year else (None, None)
    return _latest(hit.published, build)


def _resolve_span(hit: _Hit) -> Any:
    n = read_number(hit.group("span_count") or "", hit.pack)
    if n is None or n != int(n) or hit.published is None:
        return (None, None), False
    sign = hit.tables.span_mods[normalize_phrase(hit.group("span_modifier") or "")]
    unit = hit.tables.span_units[normalize_phrase(hit.group("span_unit") or "")]
    if unit in ("day", "week"):
        other = hit.published + dt.timedelta(days=sign * int(n) * (7 if unit == "week" else 1))
    else:
        other = _shift(hit.published, sign * int(n) * {"year": 12, "quarter": 3, "month": 1}[unit])
    return ((other, hit.published) if sign < 0 else (hit.published, other)), False


def _resolve_fiscal_year(hit: _Hit) -> Any:
    if hit.group("fiscal_year_first"):
        first, last = int(hit.group("fiscal_year_first") or 0), hit.group("fiscal_year_last")
        if last:
            last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
            return (dt.date(first, 1, 1), dt.date(last_year, 12, 31)), True
        return _months(first, 1, 12), True
    mod = hit.group("fiscal_year_modifier")
    if mod and hit.published:
        return _months(hit.published.year + hit.tables.modifiers[normalize_phrase(mod)], 1, 12), True
    return (None, None), True


def _resolve_fiscal_quarter(hit: _Hit) -> Any:
    return (None, None), True


_resolve_fiscal_prefix_quarter = _resolve_fiscal_quarter
_resolve_quarter_of_fiscal_year = _resolve_fiscal_quarter
_resolve_fiscal_quarter_code = _resolve_fiscal_quarter


def _quarter(hit: _Hit, prefix: str, q: int) -> Any:
    if q < 0:  # "im letzten Quartal": the one before publication's, unless a year is given
        if _has_tail(hit, prefix):
            return _in_year(hit, prefix, lambda y: _months(y, 10, 3)), False
        return (_unit_period(hit.published, "quarter", -1) if hit.published else (None, None)), False
    dates = _in_year(hit, prefix, lambda y: _months(y, 3 * q - 2, 3))
    return _apply_prep(dates, hit.group(f"{prefix}_preposition"), hit), False


def _resolve_quarter(hit: _Hit) -> Any:
    word = hit.group("quarter_ordinal") or ""
    q = int(word[0]) if word[:1].isdigit() else hit.tables.ordinals[normalize_phrase(word)]
    return _quarter(hit, "quarter", q) if -1 <= q <= 4 and q else None


def _resolve_quarter_code(hit: _Hit) -> Any:
    year = hit.group("quarter_code_year")
    start = hit.match.start()
    bare = not (year or hit.group("quarter_code_preposition") or _has_tail(hit, "quarter_code"))
    if bare and _BRAND_BEFORE.search(hit.match.string, max(0, start - 40), start):
        return None  # "der neue Audi Q3", "the Audi Q3": a model, no quarter
    quarter = int(hit.group("quarter_code_number") or 1)
    dates = _months(int(year), 3 * quarter - 2, 3) if year else None
    return (dates, False) if dates else _quarter(hit, "quarter_code", quarter)


def _resolve_half(hit: _Hit) -> Any:
    word = hit.group("half_ordinal") or ""
    h = int(word[0]) if word[:1].isdigit() else hit.tables.ordinals[normalize_phrase(word)]
    if h not in (1, 2):
        return None
    dates = _in_year(hit, "half", lambda y: _months(y, 6 * h - 5, 6))
    return _apply_prep(dates, hit.group("half_preposition"), hit), False


def _resolve_half_code(hit: _Hit) -> Any:
    h, year = int(hit.group("half_code_number") or 1), hit.group("half_code_year")
    if year:
        return _months(int(year), 6 * h - 5, 6), False
    dates = _in_year(hit, "half_code", lambda y: _months(y, 6 * h - 5, 6))
    return _apply_prep(dates, hit.group("half_code_preposition"), hit), False


def _resolve_month_quarter(hit: _Hit) -> Any:
    month = hit.tables.months[normalize_phrase(hit.group("month_quarter_month") or "")]
    dates = _in_year(hit, "month_quarter", lambda y: _months(y, (month - 1) // 3 * 3 + 1, 3))
    return _apply_prep(dates, hit.group("month_quarter_preposition"), hit), False


def _resolve_day(hit: _Hit) -> Any:
    month = hit.tables.months.get(normalize_phrase(hit.group("day_month") or "")) or int(
        hit.group("day_month_number") or 0
    )
    year = hit.group("day_year") or hit.group("day_numeric_year") or hit.group("day_short_year")
    return _day_of(hit, "day", month, int(hit.group("day_number") or 0), year)


def _resolve_day_range(hit: _Hit) -> Any:
    month = hit.tables.months[normalize_phrase(hit.group("day_range_month") or "")]
    first, last = int(hit.group("day_range_first") or 0), int(hit.group("day_range_last") or 0)
    if first >= last:
        return None
    year = hit.group("day_range_year") or hit.group("day_range_short_year")
    opener = normalize_phrase(hit.group("day_range_frame") or "")
    if opener in hit.tables.day_lists and last != first + 1:
        # "on 4 and 6 June" names two days, the second with its month: that one alone ("6 June");
        # only days that follow each other are one span ("am 15. und 16. April")
        day = _day_of(hit, "day_range", month, last, year, roles=False)
        return None if day is None else (*day, hit.match.start("day_range_last"))
    end = _day_of(hit, "day_range", month, last, year, roles=False)
    if end is None or end[0][1] is None:
        return end
    try:
        return (end[0][1].replace(day=first), end[0][1]), False
    except ValueError:
        return None


def _resolve_international_day(hit: _Hit) -> Any:
    """ "January 24, 2016" in any language's text (the pack's ``international_months``)."""
    month = hit.tables.international_months[hit.group("international_day_month") or ""]
    day = int(hit.group("international_day_day") or 0)
    return _day_of(hit, "international_day", month, day, hit.group("international_day_year"))


def _resolve_iso_day(hit: _Hit) -> Any:
    """ "2016-03-05": that day, whatever the language."""
    month, day = int(hit.group("iso_day_month") or 0), int(hit.group("iso_day_day") or 0)
    return _day_of(hit, "iso_day", month, day, hit.group("iso_day_year"))


def _resolve_month_day(hit: _Hit) -> Any:
    month = hit.tables.months[normalize_phrase(hit.group("month_day_month") or "")]
    year = hit.group("month_day_year") or hit.group("month_day_short_year")
    return _day_of(hit, "month_day", month, int(hit.group("month_day_number") or 0), year)


def _day_of(hit: _Hit, prefix: str, month: int, day: int, year_text: str | None, *, roles: bool = True) -> Any:
    """One day: the year written (two digits pivot on publication: "22.8.95" is 1995), or a
    relative year after it, else the latest such day, or the next one in a clause about the
    future or before "prochain"; "seit dem 25. Februar" is open-ended and always past."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        cutoff = hit.published.year + 10 if hit.published else 2049
        year += 2000 if 2000 + year <= cutoff else 1900
    if year is None and _has_tail(hit, prefix):
        year = _year_of(hit, prefix)
        if year is None:
            return (None, None), False
    role = _prep_role(hit) if roles else "in"
    try:
        if year is not None:
            dates: Dates = (dt.date(year, month, day),) * 2
        else:
            direction = hit.group(f"{prefix}_direction")
            offset = hit.tables.modifiers[normalize_phrase(direction)] if direction else None
            ahead = offset > 0 if offset is not None else role == "in" and _future(hit)
            nearest = _latest if role == "since" or offset is not None else _nearest_occurrence
            dates = (_next if ahead else nearest)(hit.published, lambda y: (dt.date(y, month, day),) * 2)
    except ValueError:
        return None
    return _apply_role(dates, role), False


def _prep_role(hit: _Hit) -> str:
    """ "since", "until" or "in": from a preposition that opens the mention or stands right
    before it ("seit dem 25. Februar", "since February 5, 1999", "desde el 5 de mayo")."""
    text, start = hit.match.string, hit.match.start()
    head = _role_before(hit)
    first = None if head else hit.tables.role_head.match(text, start)
    found = head or first
    if not found:
        return "in"
    role = hit.tables.preps.get(normalize_phrase(found.group("role")), "in")
    # "vom 27.03.2016 bis 29.03.2016": the end of a span of days, itself a whole day.
    if role == "until" and hit.tables.span_from.search(text, max(0, found.start() - 30), found.start()):
        return "in"
    return role


def _apply_role(dates: Dates, role: str) -> Dates:
    """What a preposition's role makes of a period: from it on ("since"), up to it ("until"),
    its last day ("end": "Ende September", "at the end of 2015", a point in time a figure is
    stated at), else the whole period."""
    if role in ("since", "from"):  # "from" is open-ended too, but may look ahead ("starting on July 1")
        return dates[0], None
    if role == "until":
        return None, dates[1]
    if role == "end":
        return dates[1], dates[1]
    return dates


def _resolve_year_range(hit: _Hit) -> Any:
    first, last = int(hit.group("year_range_first") or 0), int(hit.group("year_range_last") or 0)
    if not (hit.tables.min_year <= first <= last <= hit.tables.max_year):
        return None
    return (dt.date(first, 1, 1), dt.date(last, 12, 31)), False


def _resolve_month(hit: _Hit) -> Any:
    if not (hit.group("month_preposition") or _has_tail(hit, "month")):
        return None  # a bare month name ("März und Juni") is too weak to report
    month = hit.tables.months[normalize_phrase(hit.group("month_name") or "")]
    ahead = hit.tables.ahead.match(hit.match.string, hit.match.start()) is not None
    if not _has_tail(hit, "month") and (ahead or _future(hit)):  # "ab Mai", "will im Mai": the next May
        dates = _next(hit.published, lambda y: _month(y, month))
    else:
        dates = _in_year(hit, "month", lambda y: _month(y, month))
    return _apply_prep(dates, hit.group("month_preposition"), hit), False


def _resolve_bare_weekday(hit: _Hit) -> Any:
    """ "the company said Friday" (a pack with ``bare_weekdays``): as "on Friday"."""
    return _weekday(hit, hit.group("bare_weekday_name") or "", None)


def _resolve_month_range(hit: _Hit) -> Any:
    """ "von Januar bis März 2015", "January through March": one span from the first month to
    the last, the last one's year from the tail (else the latest such span that has begun)."""
    first = hit.tables.months[normalize_phrase(hit.group("month_range_first") or "")]
    last = hit.tables.months[normalize_phrase(hit.group("month_range_last") or "")]
    if first == last:
        return None

    def build(year: int) -> Dates:
        start_year = year if first < last else year - 1
        return _month(start_year, first)[0], _month(year, last)[1]

    if _has_tail(hit, "month_range"):
        year = _year_of(hit, "month_range")
        return (build(year) if year else (None, None)), False
    return _latest(hit.published, build), False


def _resolve_season(hit: _Hit) -> Any:
    """ "im Sommer 2013", "im Herbst": the season's months (a winter runs into the next year),
    like a month: the tail's year, else the latest that has begun; a bare name needs a
    preposition or a year ("Ron Sommer" is none)."""
    if not (hit.group("season_preposition") or _has_tail(hit, "season")):
        return None
    first, last = hit.tables.seasons[normalize_phrase(hit.group("season_name") or "")]

    def build(year: int) -> Dates:
        return _month(year, first)[0], _month(year + (last < first), last)[1]

    dates = _in_year(hit, "season", build)
    return _apply_prep(dates, hit.group("season_preposition"), hit), False


def _resolve_decade(hit: _Hit) -> Any:
    """ "the 1990s" -> 1990-01-01..1999-12-31; "the '90s", "90er-Jahre": the latest decade with
    those digits that began on or before publication (1990 in 2016, 2020 for "20er" in 2026)."""
    digits = re.search(r"\d+", hit.group("decade_text") or "")
    if digits is None:
        return None
    first = int(digits.group())
    if first < 100:
        if hit.published is None:
            return (None, None), False
        century = hit.published.year // 100 * 100
        first = century + first if century + first <= hit.published.year else century - 100 + first
    return _years(hit, first, 10) if first % 10 == 0 else None


def _resolve_century(hit: _Hit) -> Any:
    """ "the 20th century", "im 20. Jahrhundert" -> 1900-01-01..1999-12-31 (its hundreds, as news
    and the period gold count them, not the astronomers' 1901-2000)."""
    digits = re.search(r"\d+", hit.group("century_text") or "")
    if digits is None or not 1 <= int(digits.group()) <= 21:
        return None
    first = (int(digits.group()) - 1) * 100
    return _years(hit, first, 100) if first >= 1 else None


def _years(hit: _Hit, first: int, count: int) -> Any:
    """``count`` whole years from ``first`` (a decade, a century), with the preposition's role."""
    return _apply_role((dt.date(first, 1, 1), dt.date(first + count - 1, 12, 31)), _prep_role(hit)), False


def _resolve_weekday(hit: _Hit) -> Any:
    name = hit.group("weekday_name") or _weekday_of_compound(hit.group("weekday_compound") or "", hit.tables)
    return _weekday(hit, name, hit.group("weekday_modifier"))


def _weekday_of_compound(word: str, tables: _Tables) -> str:
    """The weekday a compound starts with ("Sonntagfrüh" -> "Sonntag"), the longest name first."""
    folded = normalize_phrase(word)
    return max((n for n in tables.weekdays if folded.startswith(n)), key=len, default="")


def _weekday(hit: _Hit, name: str, modifier: str | None) -> Any:
    """The weekday before publication, or after it in a clause about the future or after a
    forward modifier ("am kommenden Montag"); "am vergangenen Freitag" is always the last one."""
    if hit.published is None:
        return (None, None), False
    wanted = hit.tables.weekdays[normalize_phrase(name)]
    role = _prep_role(hit)
    offset = hit.tables.modifiers.get(normalize_phrase(modifier)) if modifier else None
    ahead = hit.tables.ahead.match(hit.match.string, hit.match.start()) is not None
    if (
        offset is not None and offset > 0 or (offset is None and role == "in" and (ahead or _future(hit)))
    ):  # "Die Kommission will am Mittwoch eine Reform vorstellen", "Streik für Mittwoch"
        day = hit.published + dt.timedelta(days=(wanted - hit.published.weekday()) % 7)
    else:  # "Seit Dienstag wird gestreikt": since the last Tuesday
        day = hit.published - dt.timedelta(days=(hit.published.weekday() - wanted) % 7)
    return _apply_role((day, day), role), False


def _future(hit: _Hit) -> bool:
    """Whether the clause speaks of the future before the mention ("will", "soll", "wird"): a
    weekday or a date without a year is then the next one, not the last. Only before it within
    its clause, or as the word right after it: "Sanofi said on Tuesday it will buy" is last
    Tuesday, "Am 1.8. beginnt die Saison" the next first of August."""
    if hit.tables.future is None:
        return False
    text, at = hit.match.string, hit.match.start()
    window = max(0, at - 200)
    breaks = [b.end() for b in _CLAUSE_END.finditer(text, window, at)]
    start = breaks[-1] if breaks else window
    after = hit.match.end()
    while after < len(text) and text[after] == " ":
        after += 1
    # "Am 1.8. beginnt die Saison": a fronted time takes the verb right after it.
    return bool(hit.tables.future.search(text, start, at) or hit.tables.future.match(text, after))


def _next(pub: dt.date | None, build: Callable[[int], Dates]) -> Dates:
    """The first period of this kind that ends on or after publication."""
    if pub is None:
        return None, None
    dates = build(pub.year)
    return dates if dates[1] and dates[1] >= pub else build(pub.year + 1)


def _resolve_year(hit: _Hit) -> Any:
    year = int(hit.group("year_number") or 0)
    if not hit.tables.min_year <= year <= hit.tables.max_year:
        return None
    return _apply_prep(_months(year, 1, 12), hit.group("year_preposition"), hit), False


def _resolve_split_year(hit: _Hit) -> Any:
    """ "2015/16", "im Geschäftsjahr 2014/2015" (a season or a fiscal year over two calendar
    years): both years; two years that do not follow each other are no such span."""
    first, last = int(hit.group("split_year_first") or 0), hit.group("split_year_last") or ""
    last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if last_year != first + 1 or not hit.tables.min_year <= first <= hit.tables.max_year:
        return None
    dates = (dt.date(first, 1, 1), dt.date(last_year, 12, 31))
    return _apply_prep(dates, hit.group("split_year_preposition"), hit), False


def _resolve_year_span(hit: _Hit) -> Any:
    """ "2010-2015", "2010 to 2015": the years from the first to the last. After a dash, two
    digits that cannot end a later year ("2012-05") are the month of a year-month date. A
    preposition takes no end away: the span states both ("from 2010-2015", "seit 2010-2012")."""
    first = int(hit.group("year_span_first") or 0)
    if not hit.tables.min_year <= first <= hit.tables.max_year:
        return None
    short = hit.group("year_span_short")
    last = int(hit.group("year_span_last") or 0) if short is None else first // 100 * 100 + int(short)
    if short is not None and last <= first:
        month = int(short)
        return (_month(first, month), False) if 1 <= month <= 12 else None
    if not first < last <= min(first + 50, hit.tables.max_year):
        return None
    # a span states both its ends: "from 2010-2015" opens nothing
    return (dt.date(first, 1, 1), dt.date(last, 12, 31)), False


def _resolve_bare_year(hit: _Hit) -> Any:
    """A four-digit year standing alone ("Der Umsatz 2015", "(2014: 5 Mio.)"): that year,
    unless a qualifier or a number prefix before it makes it a quantity ("rund 2000")."""
    year = int(hit.group("bare_year_number") or 0)
    if not hit.tables.min_year <= year <= hit.tables.max_year:
        return None
    before, at = hit.match.string, hit.match.start()
    if hit.tables.bare_before is not None and hit.tables.bare_before.search(before, max(0, at - 30), at):
        return None
    return _months(year, 1, 12), False


def _count_of(hit: _Hit, group: str) -> int | None:
    word = hit.group(group) or ""
    if normalize_phrase(word) in hit.tables.one_words:
        return 1
    n = read_number(word, hit.pack)
    return int(n) if n is not None and n == int(n) and 0 < n < 1000 else None


def _resolve_ago(hit: _Hit) -> Any:
    """ "vor elf Jahren", "six years ago": the calendar unit that many units before the one
    holding publication (2005 for "vor elf Jahren" in 2016), a day for days. An ``ahead_frames``
    match ("in zwei Wochen") counts on, and only in a clause about the future: "in two years"
    of the past is a duration ("sales doubled in two years"), no period."""
    name = hit.match.lastgroup or ""
    ahead = int(name[3:]) >= len(hit.pack.periods.ago_frames)
    if ahead and hit.pack.periods.ahead_needs_future and not _future(hit):
        return None
    n = _count_of(hit, f"{name}_count")
    unit = hit.tables.ago_units.get(normalize_phrase(hit.group(f"{name}_unit") or ""))
    if n is None or unit is None:
        return None
    if hit.published is None:
        return (None, None), False
    n = n if ahead else -n
    if unit == "day":
        day = hit.published + dt.timedelta(days=n)
        return (day, day), False
    return _unit_period(hit.published, unit, n), False


def _resolve_unit_end(hit: _Hit) -> Any:
    """ "Jahresende", "Ende des Quartals", "by year-end": the last day of the unit. A deadline
    ("bis Jahresende", "by the end of the year") or a clause about the future takes the unit
    holding publication; otherwise the latest such day not after publication ("Ende des Jahres
    hatte die Firma 400 Mitarbeiter", published in March: the December before)."""
    if hit.published is None:
        return (None, None), False
    unit = hit.tables.end_words[normalize_phrase(hit.group("unit_end_word") or "")]
    role = hit.tables.preps.get(normalize_phrase(hit.group("unit_end_preposition") or ""), "in")
    day = _unit_period(hit.published, unit, 0)[1]
    if role != "until" and not _future(hit) and day is not None and day > hit.published:
        day = _unit_period(hit.published, unit, -1)[1]
    return _apply_role((day, day), role), False


def _resolve_to_date(hit: _Hit) -> Any:
    """ "seit Jahresbeginn", "year to date", "earlier this month": from the start of the unit
    holding publication up to publication; "to date", "bis heute" (``until_now``): up to it."""
    if hit.published is None:
        return (None, None), False
    unit = hit.tables.to_date[normalize_phrase(hit.group("to_date_phrase") or "")]
    if unit == "now":  # "to date", "bis heute": up to publication, from no given start
        return (None, hit.published), False
    if unit == "day":
        return (hit.published, hit.published), False
    return (_unit_period(hit.published, unit, 0)[0], hit.published), False


def _resolve_first_months(hit: _Hit) -> Any:
    """ "in den ersten neun Monaten (2015)", "the first six months of the year": January to the
    N-th month of the year the tail names, else of the latest year in which those months are
    over by publication (results are reported after the months they cover)."""
    n = _count_of(hit, "first_months_count")
    if n is None or not 1 <= n <= 11:
        return None
    if _has_tail(hit, "first_months"):
        year = _year_of(hit, "first_months")
        return (_months(year, 1, n) if year else (None, None)), False
    if hit.published is None:
        return (None, None), False
    dates = _months(hit.published.year, 1, n)
    return (dates if dates[1] and dates[1] <= hit.published else _months(hit.published.year - 1, 1, n)), False


def _resolve_prior_year(hit: _Hit) -> Any:
    """ "im Vorjahreszeitraum", "the year-earlier period": resolved after the fact from the
    period named before it (``_prior_year_periods``); null dates on their own."""
    return (None, None), False


def _prior_year_periods(found: list[Period], kinds: list[str]) -> list[Period]:
    """Each "year-earlier period" as the closest complete period named before it (within 600
    characters) moved back one year: "im dritten Quartal … im Vorjahreszeitraum" is the third
    quarter of the year before."""
    out = list(found)
    for i, kind in enumerate(kinds):
        if kind != "prior_year":
            continue
        for j in range(i - 1, -1, -1):
            earlier = out[j]
            if found[i].start - earlier.end > 600:
                break
            if kinds[j] != "prior_year" and earlier.start_date and earlier.end_date:
                out[i] = out[i].model_copy(
                    update={"start_date": _year_back(earlier.start_date), "end_date": _year_back(earlier.end_date)}
                )
                break
    return out


def _year_back(day: dt.date) -> dt.date:
    """The same day a year earlier (February 29 becomes the 28th)."""
    return day.replace(year=day.year - 1, day=min(day.day, calendar.monthrange(day.year - 1, day.month)[1]))


def _resolve_relative_word(hit: _Hit) -> Any:
    word = normalize_phrase(hit.group("relative_word_text") or "")
    unit, offset = hit.tables.words[word]
    return _end_only(_relative(hit, unit, offset, word), hit.group("relative_word_preposition"), hit.tables), False


def _resolve_relative(hit: _Hit) -> Any:
    mod = normalize_phrase(hit.group("relative_modifier") or "")
    offset = hit.tables.modifiers[mod]
    unit = hit.tables.units[normalize_phrase(hit.group("relative_unit") or "")]
    return _end_only(_relative(hit, unit, offset, mod), hit.group("relative_preposition"), hit.tables), False


def _end_only(dates: Dates, prep: str | None, tables: _Tables) -> Dates:
    """A relative period after an "end" preposition is its last day ("Ende vergangenen
    Jahres", "at the end of last year"); the other prepositions before a relative period
    keep the whole period, as they always have here."""
    words = normalize_phrase(prep or "").split()
    # "Ende des", "zum Ende des": the preposition with an article or a link after it
    ends = any(
        tables.preps.get(" ".join(words[i:j])) == "end" for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    )
    return _apply_role(dates, "end") if ends else dates


def _relative(hit: _Hit, unit: str, offset: int, word: str) -> Dates:
    """A period moved from publication, or, for a word that looks back in the story ("the
    following year", "the previous year"; pack key ``anaphoric``) after a year named earlier
    in the sentence, from that year: "She joined in 2010 and left the following year" is 2011."""
    if unit == "year" and word in hit.tables.anaphoric:
        text, at = hit.match.string, hit.match.start()
        start = max(text.rfind(". ", 0, at) + 1, at - 300, 0)
        if len(text[start:at].split()) <= 3:  # "In 2010 sales fell. The following year ..."
            start = max(text.rfind(". ", 0, max(start - 1, 0)) + 1, at - 300, 0)
        years = [
            int(y)
            for y in _YEAR_IN_TEXT.findall(text, start, at)
            if hit.tables.min_year <= int(y) <= hit.tables.max_year
        ]
        if years:
            return _months(years[-1] + offset, 1, 12)
    if unit == "month" and word in hit.tables.anaphoric and hit.published is not None:
        # "sales for the month of August ... up from the previous month": July
        text, at = hit.match.string, hit.match.start()
        # its sentence, or the one before ("... for the month of August. Even so, all consoles
        # sold less than the previous month")
        sentence = text.rfind(". ", 0, at)
        start = max(text.rfind(". ", 0, max(sentence, 0)) + 1, at - 400, 0)
        named = [
            m
            for m in re.finditer(r"[^\W\d_]+", text[start:at])
            if m.group()[0].isupper() and normalize_phrase(m.group()) in hit.tables.named_months  # not "may", "Jan"
        ]
        if named:
            month = hit.tables.months[normalize_phrase(named[-1].group())]
            first = _latest(hit.published, lambda y: _month(y, month))[0]
            if first is not None:
                moved = _shift(first, offset)
                return _month(moved.year, moved.month)
    if unit == "weekend" and offset == 0 and hit.published is not None and _future(hit):
        offset = 1 if hit.published.weekday() < 5 else 0  # "will am Wochenende streiken": the next one
    return _unit_period(hit.published, unit, offset) if hit.published else (None, None)


# A year: four digits, not inside a number ("1.2024", "20245", "2024,5").
_YEAR_PATTERN = r"(?<![\w.,])\d{4}(?!\w|[.,]\d)"
_YEAR = re.compile(_YEAR_PATTERN)
_CLAUSE_END = re.compile(r"[.!?:;,\n\"“”„«»]")
# A capitalised word inside a sentence right before a bare "Q3": a brand and its model.
_BRAND_BEFORE = re.compile(r"(?<=[\w,;] )[A-ZÀ-Þ][\w-]*\s\Z")
_YEAR_IN_TEXT = re.compile(r"(?<![\w.,])(\d{4})(?![\w]|[.,]\d)")


_RESOLVERS: dict[str, Callable[[_Hit], Any]] = {
    name[len("_resolve_") :]: fn for name, fn in globals().items() if name.startswith("_resolve_")
}


# ---- the regex -----------------------------------------------------------------------------


def _compile(pack: LangPack) -> _Tables:
    """The short regex (with no check that a year is no amount, see ``_matches``) and the tables."""
    return _Tables(
        re.compile(_pattern(pack, year_check=False), re.IGNORECASE),
        re.compile(_year_blocker(pack), re.IGNORECASE),
        **_tables(pack),
    )


def _compile_full(pack: LangPack) -> re.Pattern[str]:
    """The full regex, where a year followed by an amount's word ("2000 Euro") is no year."""
    return re.compile(_pattern(pack, year_check=True), re.IGNORECASE)


def _pattern(pack: LangPack, *, year_check: bool) -> str:
    """One alternation over every period shape; the first alternative that fits wins.

    Each alternative is a named group, the name of its resolver (``_resolve_<name>``), and
    its parts are groups named ``<alternative>_<part>``; the ``x`` parts are the pack's
    words (``prep``: prepositions, ``art``: articles, ``yw``: year words, ``mod``: relative
    modifiers ...; see ``_parts``).
    """
    x = _parts(pack, year_check=year_check)
    alternatives = [
        # "2016-03-05", also in a timestamp ("2016-03-05T20:00:00"): ISO 8601 in every language
        ("iso_day", r"(?P<iso_day_year>\d{4})-(?P<iso_day_month>\d{2})-(?P<iso_day_day>\d{2})(?![\d-])"),
        # "January 24, 2016": a date with its year in the months of ``international_months``
        (
            "international_day",
            rf"(?-i:(?P<international_day_month>{phrase_pattern(pack.periods.international_months, fold=False)}))"
            r"\s+(?P<international_day_day>\d{1,2}),?\s+(?P<international_day_year>\d{4})(?![\d.,]\d|\w)"
            if pack.periods.international_months
            else "(?!)",
        ),
        (
            "century",
            rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?(?P<century_text>{pack.periods.centuries})(?!\w)"
            if pack.periods.centuries
            else "(?!)",
        ),
        (
            "decade",
            rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?(?P<decade_text>{pack.periods.decades})(?!\w)"
            if pack.periods.decades
            else "(?!)",
        ),
        (
            "span",
            rf"(?:{x['sframe']}\s+)?(?P<span_modifier>{x['smod']})\s+(?P<span_count>{x['num']})"
            rf"\s+(?P<span_unit>{x['sunit']})",
        ),
        # Fiscal quarters keep null dates: "fiscal third quarter", "the third quarter of fiscal
        # 2015", "im dritten Quartal des Geschäftsjahres 2015/16", "Q3 FY2015".
        ("fiscal_prefix_quarter", rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['fpre']}\s+{x['ord']}\s+{x['qw']}"),
        (
            "quarter_of_fiscal_year",
            rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['ord']}\s+{x['qw']}\s+(?:{x['tlink']}\s+)?(?:{x['art']}\s+)?"
            rf"{x['fyw']}(?:\s*'?(?:\d{{4}}|\d\d)(?:/(?:\d{{4}}|\d\d))?)?(?!\w)",
        ),
        (
            "fiscal_quarter_code",
            rf"(?:{x['prep']}\s+)?(?<!\w)(?-i:Q)[1-4]\s*(?:{x['tlink']}\s+)?(?:{x['fyw']}|(?-i:FY)(?=\d))"
            rf"\s*'?(?:\d{{4}}|\d\d)(?:/(?:\d{{4}}|\d\d))?(?!\w)",
        ),
        (
            "fiscal_year",
            rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?(?:(?P<fiscal_year_modifier>{x['mod']})\s+)?{x['fyw']}"
            rf"(?:\s+(?P<fiscal_year_first>{x['year']})(?:/(?P<fiscal_year_last>\d{{4}}|\d{{2}})(?!\d))?)?",
        ),
        (
            "fiscal_quarter",
            rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['ord']}\s+{x['fqw']}{_tail(x, 'fiscal_quarter')}",
        ),
        (
            "quarter",
            rf"(?:(?P<quarter_preposition>{x['prep']})\s+)?(?:{x['art']}\s+)?"
            rf"(?P<quarter_ordinal>{x['ord']})\s+{x['qw']}{x['ublock']}{_tail(x, 'quarter')}",
        ),
        (
            "quarter_code",
            rf"(?:(?P<quarter_code_preposition>{x['prep']})\s+)?(?<!\w)(?-i:Q)(?P<quarter_code_number>[1-4])"
            rf"(?:(?:\s+|/)(?P<quarter_code_year>{x['year']}))?(?!\w){_tail(x, 'quarter_code', years=False)}",
        ),
        (
            "half",
            rf"(?:(?P<half_preposition>{x['prep']})\s+)?(?:{x['art']}\s+)?"
            rf"(?P<half_ordinal>{x['ord']})\s+{x['hw']}{x['ublock']}{_tail(x, 'half')}",
        ),
        (
            "half_code",
            rf"(?:(?P<half_code_preposition>{x['prep']})\s+)?(?<!\w)(?-i:H)(?P<half_code_number>[12])"
            rf"(?:(?:\s+|/)(?P<half_code_year>{x['year']}))?(?!\w|-[^\W\d_]){_tail(x, 'half_code', years=False)}",
        ),
        (
            "month_quarter",
            rf"(?:(?P<month_quarter_preposition>{x['prep']})\s+)?(?:{x['art']}\s+)?"
            rf"(?<!\w)(?P<month_quarter_month>{x['month_head']}){x['mqs']}{_tail(x, 'month_quarter')}",
        ),
        # "5. Mai 2015", "1.8.", "le 1er mai 2015", "5 de mayo de 2015", "5 May 2015".
        # "vom 14. bis 18. März", "14-18 March 2015", "du 3 au 5 mai", "del 3 al 5 de mayo".
        (
            "day_range",
            rf"(?:{x['drfrom']}\s+)?{NUMBER_START}(?P<day_range_first>[12]\d|3[01]|0?[1-9])(?:\.|{x['dsuf']})?"
            rf"(?:(?(day_range_frame){x['drto']}|(?!))|\s*[-–]\s*|{x['drword']})"
            rf"(?P<day_range_last>[12]\d|3[01]|0?[1-9])(?!\d)"
            rf"(?:\.\s?|{x['dsuf']}\s+|\s+(?:{x['dlink']}\s+)?)(?P<day_range_month>{x['dmonth']})"
            rf"{_day_year(x, 'day_range')}",
        ),
        (
            "day",
            rf"(?:{x['wdprep']}\s+)?{NUMBER_START}(?P<day_number>[12]\d|3[01]|0?[1-9])(?!\d)"
            rf"(?:(?:\.\s?|{x['dsuf']}\s+|\s+(?:{x['dlink']}\s+)?)(?P<day_month>{x['dmonth']})"
            rf"{_day_year(x, 'day')}|\.\s?{x['mnum']})",
        ),
        # "May 5, 2015", "on March 3rd" (``month_first_dates``).
        (
            "month_day",
            rf"(?:{x['wdprep']}\s+)?(?P<month_day_month>{x['dmonth']})\s+(?P<month_day_number>\d{{1,2}})"
            rf"(?:{x['dsuf']})?(?![\d\w]|[.,]\d){_day_year(x, 'month_day')}"
            if pack.periods.month_first_dates
            else "(?!)",
        ),
        (
            "year_range",
            rf"{x['yframe0']}\s+(?:{x['art']}\s+)?(?:{x['yw']}\s+)?(?P<year_range_first>{x['year']})\s+{x['yframe1']}"
            rf"\s+(?P<year_range_last>{x['year']}){x['yblock']}",
        ),
        (
            "month_range",
            rf"(?:(?P<month_range_frame>{x['yframe0']})\s+)?(?P<month_range_first>{x['month']})\s*"
            rf"(?:(?(month_range_frame)(?<=\s){x['yframe1']}(?=\s)|(?!))|{x['mrange']})\s*"
            rf"(?P<month_range_last>{x['month']}){_tail(x, 'month_range')}",
        ),
        ("month", rf"(?:(?P<month_preposition>{x['prep']})\s+)?(?P<month_name>{x['month']}){_tail(x, 'month')}"),
        (
            "season",
            rf"(?:(?P<season_preposition>{x['prep']})\s+)?(?:{x['art']}\s+)?(?P<season_name>{x['season']})"
            rf"{_tail(x, 'season')}",
        ),
        (
            "first_months",
            rf"(?:{x['prep']}\s+)?(?:{x['art']}\s+)?{x['first']}\s+(?P<first_months_count>{x['num']}|{x['one']})"
            rf"\s+{x['munits']}{_tail(x, 'first_months')}",
        ),
        ("to_date", rf"(?P<to_date_phrase>{x['todate']})"),
        (
            "unit_end",
            # never before a year: "zum Jahresende 2015" is that year's ("year" below)
            rf"(?:(?P<unit_end_preposition>{x['prep']})\s+)?(?P<unit_end_word>{x['endword']})(?!\s*\d)",
        ),
        ("prior_year", rf"(?:{x['relprep']}\s+)?(?:{x['art']}\s+)?(?P<prior_year_word>{x['prior']})"),
        *((f"ago{i}", frame) for i, frame in enumerate(x["ago"])),
        (
            "weekday",
            rf"{x['wdprep']}\s+(?:(?P<weekday_modifier>{x['mod']})\s+)?(?:(?P<weekday_name>{x['weekday']})"
            rf"|(?P<weekday_compound>{x['wdcompound']}))",
        ),
        (
            "bare_weekday",
            rf"(?-i:(?P<bare_weekday_name>{phrase_pattern(pack.periods.weekdays, fold=False)}))(?!\w)"
            if pack.periods.bare_weekdays
            else "(?!)",
        ),
        # "2010-2015", "2010 to 2015", "2010 bis 2015", "in 2010-11": a span of whole years
        # (linked by the pack's ``month_range_words`` or a dash; two digits after a dash only)
        (
            "year_span",
            rf"(?:(?P<year_span_preposition>{x['yprep']})\s+(?:{x['art']}\s+)?)?(?P<year_span_first>{x['year']})"
            rf"(?:\s*[-–]\s*(?P<year_span_short>\d\d)(?![\d/.,%]|\s*%)"
            rf"|(?:\s*[-–]\s*|\s+{x['mrword']}\s+)(?P<year_span_last>{x['year']}){x['yblock']})",
        ),
        (
            "split_year",
            rf"(?:(?P<split_year_preposition>{x['yprep']})\s+(?:{x['art']}\s+)?)?(?P<split_year_first>{x['year']})"
            rf"/(?P<split_year_last>\d{{4}}|\d{{2}})(?![\d/.,])",
        ),
        (
            "year",
            rf"(?:(?P<year_preposition>{x['yprep']})\s+(?:{x['art']}\s+)?(?:{x['yw']}\s+)?|{x['yw']}\s+)"
            rf"(?P<year_number>{x['year']}){x['yblock']}",
        ),
        (
            "bare_year",
            rf"(?P<bare_year_number>{x['year']}){x['yblock']}{x['bareblock']}" if pack.periods.bare_years else "(?!)",
        ),
        (
            "relative_word",
            rf"(?:(?P<relative_word_preposition>{x['relprep']})\s+)?(?:{x['art']}\s+)?"
            rf"(?P<relative_word_text>{x['relword']})",
        ),
        (
            "relative",
            rf"(?:(?P<relative_preposition>{x['relprep']})\s+)?(?P<relative_modifier>{x['mod']})\s+"
            rf"(?P<relative_unit>{x['relunit']}){x['ublock']}",
        ),
    ]

    # Every period starts a word: failing fast inside words roughly doubles the throughput,
    # and the gate on the first word triples it again. Each alternative that can only start
    # with a letter (or only with a digit) says so first: at a number, or a word, the others
    # fail in one step instead of running through their word lists (a text of numbers, "1,1,",
    # tries every alternative at every digit).
    def gated(name: str, body: str) -> str:
        if name in _LETTER_FIRST or (name.startswith("ago") and not _ago_opens_with_count(pack, name)):
            return rf"(?=[^\W\d_]){body}"
        if name in _DIGIT_FIRST:
            return rf"(?=\d){body}"
        return body

    shapes = "|".join(f"(?P<{name}>{gated(name, body)})" for name, body in alternatives)
    return rf"(?<!\w){_first_word(pack)}(?:{shapes})"


#: Alternatives of the period regex that start with a word (a preposition, an article, a month,
#: a "Q"/"H" code...), never with a digit; and the one that starts with a digit only.
_LETTER_FIRST = frozenset(
    {
        "span",
        "fiscal_prefix_quarter",
        "fiscal_quarter_code",
        "fiscal_year",
        "quarter_code",
        "half_code",
        "month_quarter",
        "month_day",
        "year_range",
        "month_range",
        "month",
        "season",
        "year",
        "first_months",
        "to_date",
        "unit_end",
        "prior_year",
        "weekday",
        "bare_weekday",
        "international_day",
        "relative_word",
        "relative",
    }
)
_DIGIT_FIRST = frozenset({"bare_year", "iso_day"})


def _ago_opens_with_count(pack: LangPack, name: str) -> bool:
    """Whether the ago frame ``ago<i>`` opens with its count (a digit or a number word)."""
    frames = (*pack.periods.ago_frames, *pack.periods.ahead_frames)
    i = int(name[3:])
    return i < len(frames) and frames[i].startswith("{count}")


def _year_blocker(pack: LangPack) -> str:
    """What after a year makes it an amount: "bis 2000 Euro", "ab 1999 CHF", "2023 Mio."."""
    nums, money = pack.numbers, pack.money
    blockers = [*nums.multipliers, *money.currency_names, *money.currency_symbols, *pack.percent.units, "%"]
    codes = phrase_pattern(money.currency_codes, fold=False)
    return rf"\s*-?\s*(?:{phrase_pattern(blockers)}|(?-i:{codes}))(?!\w)"


def _first_word(pack: LangPack) -> str:
    """A lookahead for what can start a period: a digit, "Q"/"H", a month (also as the head of
    a compound, "Juniquartal") or a word that opens one of the alternatives above. Each
    alternative is tried at a word start only when this holds, and most words fail it at once."""
    per = pack.periods
    words = [
        *per.span_frames,
        *per.span_modifiers,
        *per.prepositions,
        *per.year_prepositions,
        *per.articles,
        *per.relative_modifiers,
        *per.fiscal_year_words,
        *per.ordinals,
        *per.weekday_prepositions,
        *(first for first, _ in per.year_range_frames),
        *per.year_words,
        *per.relative_prepositions,
        *per.relative_words,
        *per.fiscal_prefixes,
        *(first for first, _ in (*per.day_range_frames, *per.day_list_frames)),
        *per.first_words,
        *per.seasons,
        *per.to_date,
        *per.until_now,
        *per.end_words,
        *per.prior_year_words,
        *per.one_words,
        *(f.split()[0] for f in (*per.ago_frames, *per.ahead_frames) if f.split() and not f.startswith("{")),
        # "six years ago": a frame that opens with its count opens with a number word
        *(pack.numbers.words if any(f.startswith("{count}") for f in per.ago_frames) else ()),
    ]
    months = phrase_pattern({**per.day_months, **per.months, **per.extra_months})
    if per.bare_weekdays:
        words = [*words, *per.weekdays]
    words = [*words, *per.international_months]  # "January 24, 2016" in any language
    return rf"(?=\d|(?-i:[QH])|{months}|{phrase_pattern(words)}(?:(?<=\W)|(?!\w)))"


def _day_year(x: dict[str, Any], prefix: str) -> str:
    """What may follow a day and its month: a year ("5 May 2015", "5 de mayo de 2015"), two
    digits after a link ("30 de julho de 93"), a relative year ("22 de Março de este ano", "22
    March last year") or a bare modifier ("le 6 août prochain")."""
    return (
        rf"(?:,?\s+(?:{x['dlink']}\s+)?(?P<{prefix}_year>{x['year']}){x['yblock']}"
        # "de 93", but not "de 17 a 20 horas"
        rf"|\s+{x['dlink']}\s+(?P<{prefix}_short_year>\d\d)(?!\d|[.,]\d|\s*(?:[-–]|[^\W\d_]{{1,5}})\s*\d)"
        rf"|{_tail(x, prefix, years=False)[3:-2]}"
        # "prochain", but not "próximo pasado" nor "next to"
        rf"|\s+(?P<{prefix}_direction>{x['mod']})(?!\s*{x['yw']}|\w)(?!\s+(?:{x['mod']}|[^\W\d_]{{1,2}})(?!\w)))?"
    )


def _tail(x: dict[str, Any], prefix: str, *, years: bool = True) -> str:
    """The optional year after a month/quarter: "2024", "dieses Jahres", "des vergangenen
    Jahres", "of last year", "do ano passado" (the modifier after the year word), "des Vorjahres"."""
    lead = rf"\s+(?:{x['tlink']}\s+)?(?:{x['art']}\s+)?"
    year = rf"{lead}(?:{x['yw']}\s+)?(?P<{prefix}_tail_year>{x['year']}){x['yblock']}|" if years else ""
    return (
        rf"(?:{year}{lead}(?P<{prefix}_tail_modifier>{x['mod']})\s+{x['yw']}"
        rf"|{lead}{x['yw']}\s+(?P<{prefix}_tail_modifier_after>{x['mod']})(?!\w)"
        rf"|{lead}(?P<{prefix}_tail_word>{x['relword']}))?"
    )


def _parts(pack: LangPack, *, year_check: bool = True) -> dict[str, Any]:
    """The regex of each part of a period, by a short name (most after their pack key)."""
    per, nums = pack.periods, pack.numbers
    months = {**per.months, **per.extra_months}
    frames = per.year_range_frames or (("(?!)", "(?!)"),)
    day_frames = [*per.day_range_frames, *per.day_list_frames]
    return {
        "month_head": _month_pattern(months, per.capitalised_months, bounded=False),
        "num": number_pattern(pack),
        "months": months,
        "month": _month_pattern(months, per.capitalised_months),
        # beside a day number, also the short names without their dot ("24 Feb 2016")
        "dmonth": _month_pattern({**per.day_months, **months}, per.capitalised_months),
        "weekday": word_pattern(per.weekdays),
        "ord": rf"(?:{word_pattern(per.ordinals)}|[1-4]\.)",
        "prep": word_pattern(per.prepositions),
        "yprep": word_pattern(per.year_prepositions),
        "art": word_pattern(per.articles),
        "mod": word_pattern(per.relative_modifiers),
        "qw": word_pattern(per.quarter_words),
        "fqw": word_pattern(per.fiscal_quarter_words),
        "hw": word_pattern(per.half_words),
        "yw": word_pattern(per.year_words),
        "fyw": word_pattern(per.fiscal_year_words),
        # Glued ("Juniquartal") or apart ("the March quarter").
        "mqs": rf"\s?{phrase_pattern(per.month_quarter_suffixes)}(?!\w)",
        "year": _YEAR_PATTERN,
        "tlink": word_pattern(per.tail_links) if per.tail_links else "(?!)",
        "fpre": word_pattern(per.fiscal_prefixes) if per.fiscal_prefixes else "(?!)",
        "dsuf": f"(?:{phrase_pattern(per.day_suffixes)})" if per.day_suffixes else "(?!)",
        "ublock": (
            rf"(?!-?\s*{word_pattern(per.unit_blockers)}|\s+(?:{word_pattern(per.tail_links)}\s+)?"
            rf"(?:{word_pattern(per.articles)}\s+)?(?:[\w-]+\s+)?{word_pattern(per.unit_blockers)})"
            if per.unit_blockers and per.articles and per.tail_links
            else rf"(?!-?\s*{word_pattern(per.unit_blockers)})"
            if per.unit_blockers
            else ""
        ),
        "dlink": word_pattern(per.day_links) if per.day_links else "(?!)",
        # The end word must be the start word's pair: "4 and 6 June" is two days, no span.
        "drfrom": frame_pattern(day_frames or [("(?!)", "(?!)")], "day_range_frame")[0],
        "drto": frame_pattern(day_frames or [("(?!)", "(?!)")], "day_range_frame")[1],
        # "2. bis 6. März": the pack's range words without a frame.
        "drword": (
            rf"\s+{word_pattern(w for w in nums.range_words if w.isalpha())}\s+"
            if any(w.isalpha() for w in nums.range_words)
            else "(?!)"
        ),
        # "1.8.2015", "22.8.95", "am 1.8."; never before another digit ("iOS 9.2.1").
        "mnum": (
            r"(?P<day_month_number>\d{1,2})\.(?:(?P<day_numeric_year>\d{4}|\d{2})(?!\d|[.,]\d)|(?!\d))"
            if per.numeric_dates
            # Without them, only with a four-digit year: "28.08.1985", never "1.8."
            else r"(?P<day_month_number>\d{1,2})\.(?P<day_numeric_year>\d{4})(?!\d|[.,]\d)"
        ),
        # "bis 2000 Euro", "ab 1999 CHF", "2023 Mio.": an amount, no year. Only ever right
        # after ``year``: ``_matches`` relies on it to leave it out of the short regex.
        "yblock": rf"(?!{_year_blocker(pack)})" if year_check else "",
        "yframe0": word_pattern(f for f, _ in frames),
        "yframe1": word_pattern(e for _, e in frames),
        "wdprep": word_pattern(per.weekday_prepositions),
        # "Sonntagfrüh", "Montagabend": a weekday with a part of the day written onto it
        "wdcompound": (
            rf"(?<!\w)(?:{phrase_pattern(per.weekdays)})(?:{phrase_pattern(per.weekday_suffixes)})(?!\w)"
            if per.weekday_suffixes
            else "(?!)"
        ),
        "relprep": word_pattern(per.relative_prepositions),
        "relword": word_pattern(per.relative_words),
        "relunit": word_pattern(per.relative_units),
        "sframe": word_pattern(per.span_frames),
        "smod": word_pattern(per.span_modifiers),
        "sunit": word_pattern(per.span_units),
        "first": word_pattern(per.first_words) if per.first_words else "(?!)",
        "season": word_pattern(per.seasons) if per.seasons else "(?!)",
        # "Januar bis März", "January through March"; "und"/"and" only after "zwischen"/"between"
        "mrange": "|".join(
            rf"(?<=\s){word_pattern([w])}(?=\s)" if w[:1].isalpha() else re.escape(w) for w in per.month_range_words
        )
        or "(?!)",
        # a range word between two years: the pack's month range words that are words
        "mrword": word_pattern(w for w in per.month_range_words if w[:1].isalpha())
        if any(w[:1].isalpha() for w in per.month_range_words)
        else "(?!)",
        "one": word_pattern(per.one_words) if per.one_words else "(?!)",
        "munits": word_pattern(per.month_units) if per.month_units else "(?!)",
        "todate": word_pattern([*per.to_date, *per.until_now]) if per.to_date or per.until_now else "(?!)",
        "endword": word_pattern(per.end_words) if per.end_words else "(?!)",
        "prior": word_pattern(per.prior_year_words) if per.prior_year_words else "(?!)",
        # ``ahead_frames`` follow ``ago_frames`` in one numbering: ``_resolve_ago`` tells them apart
        "ago": [_ago_frame(i, f, pack) for i, f in enumerate((*per.ago_frames, *per.ahead_frames))],
        # a bare year followed by what it counts ("2000 Mitarbeiter", "1500 neue Stellen")
        "bareblock": rf"(?!\s+(?:[^\W\d_]+\s+)?{word_pattern(pack.facts.get('count_nouns') or ['(?!)'])})"
        rf"(?!\s*[-–]\s*\d)",
    }


def _ago_frame(i: int, frame: str, pack: LangPack) -> str:
    """A pack's ``ago_frames`` entry ("vor {count} {unit}") as a regex with groups ``ago<i>_count``
    and ``ago<i>_unit`` (numbered: each frame is its own alternative of the period regex)."""
    per = pack.periods
    one = word_pattern(per.one_words) if per.one_words else "(?!)"
    parts = []
    for piece in re.split(r"(\{count\}|\{unit\})", frame):
        if piece == "{count}":
            # a small count in digits or words, not the whole number grammar: a frame that opens
            # with its count is tried at every digit of a text ("1,1,1,…" made it slow)
            words = word_pattern(pack.numbers.words) if pack.numbers.words else "(?!)"
            parts.append(rf"(?P<ago{i}_count>\d{{1,3}}(?![\d.,]\d)|{words}|{one})")
        elif piece == "{unit}":
            parts.append(rf"(?P<ago{i}_unit>{word_pattern(per.ago_units)})")
        else:
            parts.append(r"\s+".join(re.escape(w) for w in piece.split()) if piece.strip() else "")
    joined = ""
    for part in parts:
        joined += (r"\s+" if joined and part else "") + part
    return rf"(?<!\w){joined}(?!\w)"


def _role_patterns(per: Any) -> dict[str, re.Pattern[str]]:
    """A "since" or "until" preposition (and an article) right before a day, or opening it."""
    roles = {**per.prepositions, **per.year_prepositions, **per.role_words}
    words = [w for w, r in roles.items() if r in ("since", "from", "until")]
    prep = word_pattern(words) if words else "(?!)"
    art = rf"(?:\s+{word_pattern(per.articles)})?" if per.articles else ""
    starts = [f for f, _ in per.day_range_frames]
    span_from = rf"{word_pattern(starts)}\s+\S+\s+\Z" if starts else "(?!)"
    return {
        "ahead": re.compile(
            rf"{word_pattern(per.ahead_prepositions)}\s" if per.ahead_prepositions else "(?!)",
            re.IGNORECASE,
        ),
        "role_before": re.compile(rf"(?P<role>{prep}){art}\s+\Z", re.IGNORECASE),
        "role_head": re.compile(rf"(?P<role>{prep})\s", re.IGNORECASE),
        "span_from": re.compile(span_from, re.IGNORECASE),
    }


def _month_pattern(months: dict[str, int], capitalised: Iterable[str], *, bounded: bool = True) -> str:
    """Month names in any case, but the pack's ``capitalised_months`` only as written or in
    capitals ("March", "MARCH"; "the protest march" is none)."""
    keep = {normalize_phrase(n) for n in capitalised}
    free = [n for n in months if normalize_phrase(n) not in keep]
    strict = {f for n in months if normalize_phrase(n) in keep for f in (n, n.upper())}
    parts = ([phrase_pattern(free)] if free else []) + (
        [rf"(?-i:{phrase_pattern(strict, fold=False)})"] if strict else []
    )
    body = "|".join(parts) or "(?!)"
    return rf"(?<!\w)(?:{body})(?:(?<=\W)|(?!\w))" if bounded else f"(?:{body})"


def _tables(pack: LangPack) -> dict[str, Any]:
    per = pack.periods

    def norm(d: dict[str, Any]) -> dict[str, Any]:
        return {normalize_phrase(k): v for k, v in d.items()}

    return {
        "months": norm({**per.day_months, **per.months, **per.extra_months}),
        "named_months": frozenset(norm({**per.months, **per.extra_months})),
        "weekdays": norm(per.weekdays),
        "international_months": dict(per.international_months),  # as written: "May", not "may"
        "ordinals": norm(per.ordinals),
        "day_lists": frozenset(normalize_phrase(first) for first, _ in per.day_list_frames),
        "preps": norm({**per.prepositions, **per.year_prepositions, **per.role_words}),
        "modifiers": norm(per.relative_modifiers),
        "units": norm(per.relative_units),
        "words": norm(per.relative_words),
        "span_mods": norm(per.span_modifiers),
        "span_units": norm(per.span_units),
        "min_year": per.min_year,
        "max_year": per.max_year,
        "anaphoric": frozenset(normalize_phrase(w) for w in per.anaphoric),
        "future": re.compile(word_pattern(per.future_cues), re.IGNORECASE) if per.future_cues else None,
        "ago_units": norm(per.ago_units),
        "seasons": norm(per.seasons),
        "one_words": frozenset(normalize_phrase(w) for w in per.one_words),
        "to_date": norm({**per.to_date, **{w: "now" for w in per.until_now}}),
        "end_words": norm(per.end_words),
        "bare_before": _bare_before(pack),
        **_role_patterns(per),
    }


def _bare_before(pack: LangPack) -> re.Pattern[str] | None:
    """A qualifier or a number prefix right before a bare year: "rund 2000", "mehr als 1500",
    "Nr. 1995": a quantity or a number, no year."""
    words = [*(w for ws in pack.qualifiers.values() for w in ws), *pack.periods.number_prefixes]
    return re.compile(rf"{phrase_pattern(words)}\s*\Z", re.IGNORECASE) if words else None
