"""Percentages: ``find_percentages(text, pack)`` with kind, direction and qualifier.

The kind is read from the words around the number, in this order (first rule that fires):
``points`` for percentage points; ``change`` after a change preposition ("um 29 %"); ``share``
when a share word follows or precedes ("25 % des Gesamtumsatzes", "Anteil von 12 %") or a
share verb closes the clause ("machte 12 % aus"); ``level`` right after a level preposition
("auf 6,1 Prozent"); ``change`` when a rise or fall cue stands in the same sentence; ``level`` otherwise. The direction of a change or points comes from a sign
("+2 %") or from the rise or fall cue nearest to the number in its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.langpack import LangPack
from extractors.numbers import (
    SentenceIndex,
    normalize_phrase,
    number_pattern,
    phrase_pattern,
    read_number,
    tidy,
    url_spans,
    word_pattern,
)
from extractors.records import Direction, PercentKind, Percentage, Qualifier

__all__ = ["find_percentages"]

_SIGNS = {"+": "up", "-": "down", "−": "down"}


@dataclass(frozen=True)
class _Percent:
    regex: re.Pattern[str]
    units: dict[str, str]
    qualifiers: dict[str, Qualifier]
    share_after: re.Pattern[str]
    share_before: re.Pattern[str]
    share_verbs: re.Pattern[str]
    level_before: re.Pattern[str]
    cues: re.Pattern[str]


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
    sentences: SentenceIndex | None = None
    found = []
    for m in percent.regex.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in urls):
            continue
        sentences = sentences or SentenceIndex(text, pack)
        found.append(_percentage(text, m, percent, sentences, pack))
    return found


def _percentage(
    text: str, m: re.Match[str], percent: _Percent, sentences: SentenceIndex, pack: LangPack
) -> Percentage:
    first, second = read_number(m["n1"] or m["pn"], pack), m["n2"] and read_number(m["n2"], pack)
    kind = _kind(text, m, percent, sentences)
    direction = _direction(text, m, percent, sentences) if kind in ("change", "points") else None
    values: dict[str, object] = {"value": first if first is None else tidy(first)}
    if m["n2"]:
        values = {"min": values["value"], "max": second if second is None else tidy(second)}
    return Percentage(
        text=m.group(0), start=m.start(), end=m.end(), kind=kind, direction=direction,
        qualifier=percent.qualifiers.get(normalize_phrase(m["q"] or "")), **values,
    )


def _kind(text: str, m: re.Match[str], percent: _Percent, sentences: SentenceIndex) -> PercentKind:
    if percent.units[normalize_phrase(m["u"] or m["pu"])] == "points":
        return "points"
    if m["um"]:
        return "change"
    start, end = sentences.sentence(m.start())
    after, before = text[m.end() : end], text[start : m.start()]
    clause = re.split(r"[,;:]", after, maxsplit=1)[0]
    if percent.share_after.match(after) or percent.share_before.search(before):
        return "share"
    if percent.share_verbs.search(clause):
        return "share"
    if percent.level_before.search(before):
        return "level"
    if m["sign"] in _SIGNS or _nearest_cue(text, m, percent, (start, end)):
        return "change"
    return "level"


def _direction(
    text: str, m: re.Match[str], percent: _Percent, sentences: SentenceIndex
) -> Direction | None:
    if m["sign"] in _SIGNS:
        return _SIGNS[m["sign"]]  # type: ignore[return-value]
    return _nearest_cue(text, m, percent, sentences.sentence(m.start()))


def _nearest_cue(
    text: str, m: re.Match[str], percent: _Percent, sentence: tuple[int, int]
) -> Direction | None:
    """The rise/fall cue closest to the mention within its sentence (outside the mention)."""
    best: tuple[int, Direction] | None = None
    for cue in percent.cues.finditer(text, *sentence):
        if m.start() <= cue.start() < m.end():
            continue
        distance = cue.start() - m.end() if cue.start() >= m.end() else m.start() - cue.end()
        direction: Direction = "up" if cue.lastgroup == "up" else "down"
        if best is None or distance < best[0]:
            best = (distance, direction)
    return best[1] if best else None


def _compile(pack: LangPack) -> _Percent:
    data, num, frames = pack.percent, number_pattern(pack), pack.numbers.range_frames
    units = {**{"%": "percent"}, **data.units}
    rng = "(?:" + "|".join(rf"\s+{phrase_pattern([w])}\s+" if w.isalpha() else rf"\s*{re.escape(w)}\s*"
                   for w in pack.numbers.range_words) + ")"
    regex = (
        rf"(?:(?P<um>{word_pattern(data.change_prefixes)})\s+)?"
        rf"(?:(?P<q>{word_pattern(w for ws in pack.qualifiers.values() for w in ws)})"
        rf"(?:(?<=\.)\s*|\s+))?(?:(?P<fr>{word_pattern(f for f, _ in frames)})\s+)?"
        rf"(?:(?<![\w\d])(?P<sign>[+\-−]))?(?P<n1>{num})"
        rf"(?:(?(fr)\s+{word_pattern(e for _, e in frames)}\s+|{rng})(?P<n2>{num}))?(?(fr)(?(n2)|(?!))|)\s*-?\s*(?P<u>{phrase_pattern(units)})(?![\w%])"
    )
    if data.prefix_units:
        regex = rf"(?:{regex}|(?P<pu>{word_pattern(data.prefix_units)})\s+(?P<pn>{num}))"
    else:
        regex = rf"(?:{regex}|(?P<pu>(?!))(?P<pn>(?!)))"
    units.update(data.prefix_units)
    return _Percent(
        regex=re.compile(regex, re.IGNORECASE),
        units={normalize_phrase(k): v for k, v in units.items()},
        qualifiers={normalize_phrase(w): q for q, ws in pack.qualifiers.items() for w in ws},
        share_after=re.compile(rf"\s+{word_pattern(data.share_after)}", re.IGNORECASE),
        share_before=re.compile(rf"{word_pattern(data.share_before)}\s*\Z", re.IGNORECASE),
        share_verbs=re.compile(word_pattern(data.share_verbs), re.IGNORECASE),
        level_before=re.compile(rf"{word_pattern(data.level_before)}\s*\Z", re.IGNORECASE),
        cues=re.compile(rf"(?P<up>{_cue_pattern(data.up)})|(?P<down>{_cue_pattern(data.down)})",
                        re.IGNORECASE),
    )


def _cue_pattern(cues: tuple[str, ...]) -> str:
    """Cue words: ``stieg*`` matches any ending, ``*rückgang`` any compound ending in it."""
    alts = [
        (r"[\w-]*" if c.startswith("*") else "") + re.escape(c.strip("*")) + (r"\w*" if c.endswith("*") else "")
        for c in cues
    ]
    return r"(?<![\w-])(?:" + "|".join(alts or ["(?!)"]) + r")(?!\w)"
