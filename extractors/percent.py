"""Percentages: ``find_percentages(text, pack)`` with kind, direction and qualifier.

The kind is read from the words around the number, in this order (first rule that fires):
``points`` for percentage points; ``change`` after a change preposition ("um 29 %"); ``share``
when a share word follows or precedes ("25 % des Gesamtumsatzes", "Anteil von 12 %") or a
share verb closes the clause ("machte 12 % aus"); ``level`` right after a level preposition
("auf 6,1 Prozent") or right before a level noun ("the current 60% level"); ``change`` when a
rise or fall cue stands in the same sentence; ``level`` otherwise. The direction of a change or
points comes from a sign ("+2 %", "minus 5 %") or from the rise or fall cue nearest to the number in its sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import (
    WORD,
    WORD_START,
    SentenceIndex,
    bare_denominator_pattern,
    cue_pattern,
    fold_case,
    frame_pattern,
    from_to_split,
    is_level_preposition,
    normalize_phrase,
    number_pattern,
    overlaps_any,
    phrase_pattern,
    read_number,
    tidy,
    url_spans,
    word_pattern,
)
from newsfacts.extractors.records import Direction, Percentage, PercentKind, Qualifier

__all__ = ["find_percentages"]

_SIGNS = {"+": "up", "-": "down", "−": "down", "＋": "up", "－": "down"}  # also full-width
# How far before a number a word that ends right before it ("Anteil von", "auf", "baisse de")
# is looked for: a phrase and its spaces are far shorter, and a window keeps a text of a
# thousand percentages in one sentence from being searched a thousand times over.
_BEFORE = 120
_CLAUSE_END = re.compile(r"[,;:]")


@dataclass(frozen=True)
class _Percent:
    regex: re.Pattern[str]
    units: dict[str, str]
    qualifiers: dict[str, Qualifier]
    share_after: re.Pattern[str]
    share_before: _EndsBefore
    share_verbs: re.Pattern[str]
    share_verbs_at: re.Pattern[str]  # the same without the word boundary before
    level_before: _EndsBefore
    verb_link: _EndsBefore | None
    level_after: re.Pattern[str] | None
    # right after the number, a comparison that makes it a change: "4 Prozent über dem Vorjahr"
    change_after: re.Pattern[str] | None
    cues: re.Pattern[str]
    sign_words: dict[str, Direction]
    page_units: frozenset[str]


@dataclass(frozen=True)
class _EndsBefore:
    """Words that end right before a mention, but for spaces (a pattern ending in ``\\s*\\Z``),
    with the set of characters those words end in (case-folded, and upper case where ASCII): where none stands before the
    spaces, nothing is searched."""

    regex: re.Pattern[str]
    last: frozenset[str]

    @classmethod
    def of(cls, pattern: str, words: Iterable[str]) -> _EndsBefore:
        ends = frozenset(normalize_phrase(w)[-1:] for w in words) - {""}
        return cls(re.compile(pattern, re.IGNORECASE), ends | {c.upper() for c in ends if c.isascii()})

    def found(self, text: str, start: int, pos: int) -> bool:
        """Whether the words end at ``pos`` in ``text[start:pos]``, looked for only in the last
        ``_BEFORE`` characters. Past the first character of the slice, a search with ``pos``
        and ``endpos`` sees the same characters around it as one in the slice."""
        lo, i = max(start, pos - _BEFORE), pos
        while i > lo and text[i - 1].isspace():
            i -= 1
        # One character looked at, not a search from every start in the window: with a mention
        # every few characters, a search there is what made long lists slow.
        if i == lo:
            return False
        end = text[i - 1]
        if end not in self.last and (end.isascii() or fold_case(end)[-1:] not in self.last):
            return False
        if pos - start <= _BEFORE:
            return bool(self.regex.search(text[start:pos]))
        return bool(self.regex.search(text, pos - _BEFORE, pos))


@dataclass
class _Context:
    """What ``_kind`` and ``_direction`` look up around each mention, computed once per text:
    rescanning the whole sentence for every mention is quadratic in a sentence of thousands of
    percentages ("1 % 1 % ...")."""

    text: str
    sentences: SentenceIndex
    clause_ends: list[int]
    # sentence -> its cues and their starts
    cues: dict[tuple[int, int], tuple[list[re.Match[str]], list[int]]] = field(default_factory=dict)
    # clause end -> (where the last search began, where it found a share verb or -1)
    share_verbs: dict[int, tuple[int, int]] = field(default_factory=dict)


def find_percentages(text: str, pack: LangPack) -> list[Percentage]:
    """Find the percentages in ``text``, sorted by start and non-overlapping.

    Args:
        text: the article text; offsets index it unchanged.
        pack: the language pack.

    Returns:
        One ``Percentage`` per mention; ``text[p.start:p.end] == p.text``.
    """
    percent = pack.compiled("percent", _compile)
    urls = url_spans(text)
    context: _Context | None = None
    found = []
    for m in percent.regex.finditer(text):
        if overlaps_any(urls, m.start(), m.end()):
            continue
        context = context or _Context(text, SentenceIndex(text, pack), [c.start() for c in _CLAUSE_END.finditer(text)])
        m = _rematch(text, m, percent, pack)
        mention = _second_alone(text, m, _percentage(text, m, percent, context, pack), pack)
        if not _pages(m, mention, pack):
            found.extend(_from_to(text, m, mention, pack))
    return found


def _second_alone(text: str, m: re.Match[str], mention: Percentage, pack: LangPack) -> Percentage:
    """A dash "range" that falls is two figures side by side, a count and a percentage ("Carole
    James 12,560 - 48.65%"): the percentage alone. Framed ones ("von 10 auf 5 %") are changes."""
    first = read_number(m["n1"], pack) if m["n1"] and m["n2"] else None
    if m["fr"] or first is None or mention.max is None or first <= mention.max:
        return mention
    start = m.start("n2")
    return mention.model_copy(
        update={
            "text": text[start : mention.end],
            "start": start,
            "value": mention.max,
            "min": None,
            "max": None,
            "qualifier": None,
        }
    )


def _pages(m: re.Match[str], mention: Percentage, pack: LangPack) -> bool:
    """A page count written like points ("358 pp."): a pack's ``page_units`` above 100. A gap
    of 289 "Prozentpunkte" between two returns is points all the same."""
    unit = normalize_phrase(m["u"] or m["pu"] or "")
    return unit in pack.compiled("percent", _compile).page_units and any(
        v is not None and v > 100 for v in (mention.value, mention.max)
    )


def _from_to(text: str, m: re.Match[str], found: Percentage, pack: LangPack) -> list[Percentage]:
    """A framed range after a change verb as the old and the new level ("La marge est passée de
    10 % à 12 %": 10 % and 12 %, levels with no direction; points stay points)."""
    if m["q"] or found.min is None or found.max is None:
        return [found]
    # "passée de 10 % à 12 %": the frame's "de" may have been read as the change's "by".
    frame = m.span("fr") if m["fr"] else m.span("um") if m["um"] else None
    split = frame and m["n2"] and from_to_split(text, pack, frame, m.end("n1"), m.start("n2"))
    if not split:
        return [found]
    kind = "points" if found.kind == "points" else "level"
    start = m.start("n1")
    common = {"kind": kind, "direction": None, "min": None, "max": None}
    return [
        found.model_copy(
            update={**common, "text": text[start : split[0]], "start": start, "end": split[0], "value": found.min}
        ),
        found.model_copy(update={**common, "text": text[split[1] : found.end], "start": split[1], "value": found.max}),
    ]


def _rematch(text: str, m: re.Match[str], percent: _Percent, pack: LangPack) -> re.Match[str]:
    """The mention without a leading word that is not its own: a qualifier that is the "to" of a
    change ("wzrosła do 5 proc.", see ``is_level_preposition``), or a change preposition before
    a share ("met 52,19% van de stemmen"), or a sign set apart from its number by a space that
    is not alone in its cell or its brackets (see ``_alone_in_cell``, ``_alone_in_brackets``)."""
    if m["gap"] and not (
        _alone_in_cell(text, m.start("sign"), m.end()) or _alone_in_brackets(text, m.start("sign"), m.end())
    ):
        pos = m.start("n1")
    elif m["q"] and not m["um"] and is_level_preposition(text, m.start(), m["q"], pack):
        pos = m.end("q")
    elif m["um"] and percent.share_after.match(text, m.end()):
        pos = m.end("um")
    else:
        return m
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return percent.regex.match(text, pos) or m


def _alone_in_cell(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` fills its line or table cell (bounded by a line break, a tab
    or "|"): "- 2,3 %" alone there is a signed figure (a price table); in running text the same
    dash is a list bullet ("- 5 % Rabatt auf ...") or a dash between clauses, not a sign."""
    head = text[max(text.rfind(c, 0, start) for c in "\n\t|") + 1 : start]
    stops = [i for i in (text.find(c, end) for c in "\n\t|") if i >= 0]
    return not head.strip() and not text[end : min(stops, default=len(text))].strip()


def _alone_in_brackets(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all its brackets hold: "einen Gewinn von 59,5 Millionen
    Dollar (- 43 Prozent)" is a signed change however the dash is spaced; a bracket holds no
    bullet and no dash between clauses."""
    return re.search(r"\(\s*\Z", text[max(0, start - 4) : start]) is not None and (
        re.match(r"\s*\)", text[end : end + 4]) is not None
    )


def _percentage(text: str, m: re.Match[str], percent: _Percent, context: _Context, pack: LangPack) -> Percentage:
    first = _read(m["n1"] or m["pn"], pack)
    second = _read(m["n2"], pack) if m["n2"] else None
    if percent.units[normalize_phrase(m["u"] or m["pu"])] == "basis_points":  # 25 bp = 0.25 pp
        first = first if first is None else first / 100
        second = second / 100 if second else second
    kind = _kind(m, percent, context)
    direction = _direction(m, percent, context) if kind in ("change", "points") else None
    values: dict[str, Any] = {"value": first if first is None else tidy(first)}
    if m["n2"]:
        values = {"min": values["value"], "max": second if second is None else tidy(second)}
    return Percentage(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        kind=kind,
        direction=direction,
        qualifier=percent.qualifiers.get(normalize_phrase(m["q"] or m["q0"] or "")),
        **values,
    )


def _read(number: str, pack: LangPack) -> Decimal | None:
    """A percentage's number, or ``None`` where one group of three digits after one or two may
    be decimals in the other convention: German "3.125%" is 3.125 in an English-style text,
    never 3125 %; "1.200 Prozent" (ending in 00) stays 1200."""
    if pack.compiled("percent.foreign_decimal", _foreign_decimal).fullmatch(number) and not number.endswith("00"):
        return None
    return read_number(number, pack)


def _foreign_decimal(pack: LangPack) -> re.Pattern[str]:
    groups = [g for g in (*pack.numbers.group_separators, *pack.numbers.extra_group_separators) if not g.isspace()]
    return re.compile(rf"\d{{1,2}}[{re.escape(''.join(groups))}]\d{{3}}" if groups else "(?!)")


def _kind(m: re.Match[str], percent: _Percent, context: _Context) -> PercentKind:
    if percent.units[normalize_phrase(m["u"] or m["pu"])] in ("points", "basis_points"):
        return "points"
    if m["um"]:
        return "change"
    text = context.text
    start, end = context.sentences.sentence(m.start())
    # A sign ("mit minus 1,8 Prozent aus dem Handel"), or a change word and a link right before
    # the number ("une baisse de 5 % des ventes", "aumentou em 5%"): a change. A change word
    # alone before it yields to a share ("zyskała 37 procent głosów": the votes won).
    if m["sign"] in _SIGNS or m["sw"] or (percent.verb_link and percent.verb_link.found(text, start, m.start())):
        return "change"
    if percent.change_after and percent.change_after.match(text, m.end(), end):
        return "change"  # "4 Prozent über dem Vorjahr", "5% below last year's"
    if percent.share_after.match(text, m.end(), end) or percent.share_before.found(text, start, m.start()):
        return "share"
    if _share_verb(m, percent, context, end):
        return "share"
    if percent.level_before.found(text, start, m.start()) or (
        percent.level_after and percent.level_after.match(text, m.end(), end)
    ):
        return "level"
    if _nearest_cue(m, percent, context, (start, end)):
        return "change"
    return "level"


def _share_verb(m: re.Match[str], percent: _Percent, context: _Context, sentence_end: int) -> bool:
    """Whether a share verb stands in the rest of the mention's clause (up to ",", ";", ":" or
    the sentence end). The mentions of one clause share one search: a verb found at or after a
    mention is the first one after every mention before it too."""
    text, pos = context.text, m.end()
    i = bisect.bisect_left(context.clause_ends, pos)
    end = min(context.clause_ends[i], sentence_end) if i < len(context.clause_ends) else sentence_end
    if pos >= end:
        return bool(percent.share_verbs.search(text[pos:end]))
    # Right at the mention's end, the clause starts afresh (a word glued to the mention counts);
    # past it, a search in the text sees what a search in the clause would see.
    if percent.share_verbs_at.match(text, pos, end):
        return True
    since, found = context.share_verbs.get(end, (len(text) + 1, -1))
    if since > pos or (found != -1 and found < pos):
        verb = percent.share_verbs.search(text, pos, end)
        since, found = pos, verb.start() if verb else -1
        context.share_verbs[end] = (since, found)
    return found != -1


def _direction(m: re.Match[str], percent: _Percent, context: _Context) -> Direction | None:
    if m["sign"] in _SIGNS:
        return _SIGNS[m["sign"]]  # type: ignore[return-value]
    if m["sw"]:
        return percent.sign_words[normalize_phrase(m["sw"])]
    after = percent.change_after.match(context.text, m.end()) if percent.change_after else None
    if after is not None:
        return "up" if after["up"] else "down"
    return _nearest_cue(m, percent, context, context.sentences.sentence(m.start()))


def _in_name(text: str, cue: re.Match[str], sentence_start: int) -> bool:
    """Whether a rise/fall word is part of a name: capitalised inside its sentence and followed
    by another capitalised word ("Lower Saxony", "High Street"), which no direction is."""
    word = cue.group()
    if not word[:1].isupper() or not text[sentence_start : cue.start()].strip():
        return False
    return re.match(r"\s+[A-ZÀ-Þ]", text[cue.end() : cue.end() + 3]) is not None


def _nearest_cue(m: re.Match[str], percent: _Percent, context: _Context, sentence: tuple[int, int]) -> Direction | None:
    """The rise/fall cue closest to the mention within its sentence (outside the mention); the
    first one on a tie. The cues of a sentence are found once; the nearest is the last that
    starts before the mention or the first that starts after it."""
    if sentence not in context.cues:
        found = [
            c for c in percent.cues.finditer(context.text, *sentence) if not _in_name(context.text, c, sentence[0])
        ]
        context.cues[sentence] = (found, [cue.start() for cue in found])
    cues, starts = context.cues[sentence]
    if not cues:
        return None
    lo = bisect.bisect_left(starts, m.start())
    hi = bisect.bisect_left(starts, m.end())
    best: tuple[int, Direction] | None = None
    for cue in (cues[lo - 1] if lo else None, cues[hi] if hi < len(cues) else None):
        if cue is None:
            continue
        distance = cue.start() - m.end() if cue.start() >= m.end() else m.start() - cue.end()
        direction: Direction = "up" if cue.lastgroup == "up" else "down"
        if best is None or distance < best[0]:
            best = (distance, direction)
    return best[1] if best else None


def _compile(pack: LangPack) -> _Percent:
    data, num, frames = pack.percent, number_pattern(pack), pack.numbers.range_frames
    sign_words = word_pattern(data.sign_words) if data.sign_words else "(?!)"
    units = {**{"%": "percent"}, **data.units}
    rng = (
        "(?:"
        + "|".join(
            rf"\s+{phrase_pattern([w])}\s+" if w.isalpha() else rf"\s*{re.escape(w)}\s*"
            for w in pack.numbers.range_words
        )
        + ")"
    )
    regex = (
        # "casi un 5 %", "más de un 8 %": a qualifier may also stand before the change prefix.
        rf"(?:(?P<q0>{word_pattern(w for ws in pack.qualifiers.values() for w in ws)})\s+(?={word_pattern(data.change_prefixes)}\s))?"
        rf"(?:(?P<um>{word_pattern(data.change_prefixes)})\s+(?!{bare_denominator_pattern(pack)}))?"
        rf"(?:(?P<q>{word_pattern(w for ws in pack.qualifiers.values() for w in ws)})"
        rf"(?:(?<=\.)\s*|\s+))?(?:{frame_pattern(frames)[0]}\s+)?"
        rf"(?:(?<!{WORD})(?P<sign>[+\-−＋－])(?P<gap>[ \t]+)?|(?P<sw>{sign_words})\s+)?(?P<n1>{num})"
        # "entre 1% e 2%", "de 30% a 40%": the unit may follow both numbers of a range (a percent
        # unit: "met 0,2 procentpunt tot 3,7 procent" is a change and a level, not a range).
        rf"(?:(?:\s*{phrase_pattern(u for u, k in units.items() if k == 'percent')})?(?(fr){frame_pattern(frames)[1]}|{rng})(?P<n2>{num}))?(?(fr)(?(n2)|(?!))|)\s*-?\s*(?P<u>{phrase_pattern(units)})(?!{WORD}|%)"
    )
    if data.prefix_units:
        # a sign needs no space before its number ("%100" in Turkish), a word does ("percent of 10")
        regex = rf"(?:{regex}|(?P<pu>{word_pattern(data.prefix_units)})(?:\s+|(?<=[^\w\s]))(?P<pn>{num}))"
    else:
        regex = rf"(?:{regex}|(?P<pu>(?!))(?P<pn>(?!)))"
    units.update(data.prefix_units)
    return _Percent(
        # Every alternative starts a word (see money._compile): failing fast inside words.
        regex=re.compile(rf"(?<!{WORD}){regex}", re.IGNORECASE),
        units={normalize_phrase(k): v for k, v in units.items()},
        qualifiers={normalize_phrase(w): q for q, ws in pack.qualifiers.items() for w in ws},
        share_after=_share_after(pack),
        share_before=_EndsBefore.of(rf"{word_pattern(data.share_before)}\s*\Z", data.share_before),
        share_verbs=re.compile(word_pattern(data.share_verbs), re.IGNORECASE),
        share_verbs_at=re.compile(word_pattern(data.share_verbs).removeprefix(WORD_START), re.IGNORECASE),
        level_before=_EndsBefore.of(rf"{word_pattern(data.level_before)}\s*\Z", data.level_before),
        verb_link=_EndsBefore.of(
            rf"(?:{_cue_pattern([*data.up, *data.down])})\s+{word_pattern(data.change_links)}\s*\Z", data.change_links
        )
        if data.change_links
        else None,
        level_after=re.compile(rf"\s+{word_pattern(data.level_after)}", re.IGNORECASE) if data.level_after else None,
        change_after=re.compile(
            rf"\s+(?:(?P<up>{word_pattern(data.change_after_up)})|(?P<down>{word_pattern(data.change_after_down)}))",
            re.IGNORECASE,
        )
        if data.change_after_up or data.change_after_down
        else None,
        cues=re.compile(rf"(?P<up>{_cue_pattern(data.up)})|(?P<down>{_cue_pattern(data.down)})", re.IGNORECASE),
        sign_words={normalize_phrase(k): v for k, v in data.sign_words.items()},
        page_units=frozenset(normalize_phrase(u) for u in data.page_units),
    )


def _share_after(pack: LangPack) -> re.Pattern[str]:
    """The words after a share ("25 % des Gesamtumsatzes", "52,6% głosów", "an 8% share"). A
    lower-case one of up to four letters (a preposition or an article) needs the whole after
    it: "um 30 Prozent an." ends in a verb particle; nor is a month that whole: "aumentaram
    45,5% de janeiro a maio"; nor a noun of worth (the pack's ``value_after``)."""
    words = pack.percent.share_after
    links = [w for w in words if w.islower() and len(w) <= 4]
    nouns = [w for w in words if w not in links]
    months = [*pack.periods.months, *pack.periods.extra_months]
    no_month = rf"(?!\s+{word_pattern(months)})" if months else ""
    # "gewann 16 Prozent an Wert", "lost 5% of its value": the worth lost or won, no share
    value = pack.percent.value_after
    no_value = rf"(?!\s+(?:[^\W\d_]+\s+)?{word_pattern(value)}(?!\w))" if value else ""
    alternatives = ([rf"{word_pattern(nouns)}"] if nouns else []) + (
        [rf"{word_pattern(links)}(?!\s*(?:[.,;:!?)]|\Z)){no_month}{no_value}"] if links else []
    )
    return re.compile(rf"\s+(?:{'|'.join(alternatives) or '(?!)'})", re.IGNORECASE)


_cue_pattern = cue_pattern
