"""Unit mentions: a currency or percent word with no quantity (``find_unit_mentions``).

"Der Dollar gab nach", "dollar : 143.80 yen", "a small percent", "the % of increase": the text
names a currency or speaks of percentages without stating an amount. These are not amounts — the
contract makes an amount out of a quantity, and facts are linked from amounts only — so they are
reported apart, in ``Article.units``: which currencies an article is about is useful for
filtering (currency news, "in Dollar" vs "in Euro") even where no number is given.

What counts, from the language pack only:
- currency: the pack's currency names (CLDR plus the pack's own, "Dollar", "dólares"), ISO codes
  (case-sensitive, as in amounts) and word symbols of three letters or more ("RMB"). Names that
  are also common words without a number (``digit_only_names``: "livre" a book, "real") and
  one- and two-letter symbols ("Rs", "kr") are left out: with no number beside them they are
  far more often words than currencies.
- percent: the pack's percent units that mean "percent" ("Prozent", "per cent", "%") and its
  ``bare_words`` ("percentage", "Prozentsatz").

A word inside an amount or a percentage, inside a URL, or inside a named entity ("Dollar
General", "Euro Disney") is not a unit mention; nor is a capitalised currency word right before
another capitalised word, which is how such names look when the tagger misses them ("Euro
Stoxx", "Dollar Tree"), nor is one that introduces the quantity right
after it ("un porcentaje del 25 %": the percentage is the 25 %).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import normalize_phrase, phrase_pattern, url_spans, word_pattern
from newsfacts.extractors.records import Amount, Mention, Percentage, UnitMention

__all__ = ["find_unit_mentions"]

# A capitalised word right after a capitalised currency word: part of a name ("Dollar Tree").
_NAME_AFTER = re.compile(r" [A-ZÀ-ÖØ-Þ]")

# What may stand between a unit word and the quantity it introduces: a few short words, no
# punctuation ("porcentaje del 25 %", "percentage of 12 %").
_INTRODUCES = re.compile(r"(?:\s+[^\W\d_]{1,4}){0,2}\s+")
# Such a gap holds at most eight characters that are not spaces: the ninth ends the search.
_NINTH = re.compile(r"(?:\s*\S){9}")


@dataclass(frozen=True)
class _Units:
    regex: re.Pattern[str]
    currencies: dict[str, str]


def find_unit_mentions(text: str, pack: LangPack, taken: Sequence[Mention] = ()) -> list[UnitMention]:
    """Find bare currency and percent words in ``text``, sorted by start.

    Args:
        text: the article text; offsets index it unchanged.
        pack: the language pack.
        taken: spans already read as something else (amounts, percentages, named entities); a
            word overlapping one of them is not reported.

    Returns:
        One ``UnitMention`` per word; ``text[u.start:u.end] == u.text``.
    """
    units = pack.compiled("units", _compile)
    blocked = _Spans([(t.start, t.end) for t in taken] + url_spans(text))
    amounts = sorted(t.start for t in taken if isinstance(t, Amount))
    percentages = sorted(t.start for t in taken if isinstance(t, Percentage))
    found = []
    for m in units.regex.finditer(text):
        if blocked.overlaps(m.start(), m.end()):
            continue
        if m["cur"] and m[0][:1].isupper() and _NAME_AFTER.match(text, m.end()):
            continue
        if _introduces(text, m.end(), percentages if m["pct"] else amounts):
            continue
        if m["pct"]:
            found.append(UnitMention(text=m[0], start=m.start(), end=m.end(), unit="percent"))
        else:
            code = units.currencies.get(normalize_phrase(m[0])) or None
            found.append(UnitMention(text=m[0], start=m.start(), end=m.end(), unit="currency", currency=code))
    return found


class _Spans:
    """Spans that may overlap, for "does this one overlap any": sorted by start, with the
    furthest end so far, so that a question costs a bisection, not a pass over every span
    (a text of thousands of percentages asked it once per unit word)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach = list(itertools.accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s < end`` and ``start < e``."""
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


def _introduces(text: str, pos: int, starts: list[int]) -> bool:
    """Whether a mention starting at one of ``starts`` (sorted) follows ``pos`` across a gap of
    ``_INTRODUCES``: only those starting before the ninth character that is not a space can."""
    ninth = _NINTH.match(text, pos)
    stop = ninth.end() if ninth else len(text) + 1
    i = bisect.bisect_left(starts, pos)
    while i < len(starts) and starts[i] < stop:
        if _INTRODUCES.fullmatch(text, pos, starts[i]):
            return True
        i += 1
    return False


def _compile(pack: LangPack) -> _Units:
    money = pack.money
    names, symbols, codes = money.currency_names, money.currency_symbols, money.currency_codes
    common = {normalize_phrase(w) for w in money.digit_only_names}
    words = [w for w in names if normalize_phrase(w) not in common]
    words += [s for s in symbols if len(s) >= 3 and s.isalpha()]
    percent_words = [w for w, kind in pack.percent.units.items() if kind == "percent" and w[:1].isalpha()]
    percent_words += list(pack.percent.bare_words)
    percent_signs = [s for s, kind in pack.percent.units.items() if kind == "percent" and not s[:1].isalpha()]
    currency = "|".join(
        p
        for p in (
            word_pattern(words) if words else "",
            rf"(?-i:{phrase_pattern(codes, fold=False)})(?![^\W\d_])" if codes else "",
        )
        if p
    )
    percent = "|".join(
        p
        for p in (
            word_pattern(percent_words) if percent_words else "",
            # "%" alone: not glued to a number or a word ("the % of increase", not "5%", "%s").
            rf"(?<![\w%]){phrase_pattern(percent_signs)}(?![\w%])" if percent_signs else "",
        )
        if p
    )
    regex = rf"(?<![^\W\d_])(?:(?P<cur>{currency or '(?!)'})|(?P<pct>{percent or '(?!)'}))"
    currencies = {normalize_phrase(k): v for k, v in {**names, **symbols}.items()}
    currencies.update({normalize_phrase(c): c for c in codes})
    return _Units(re.compile(regex, re.IGNORECASE), currencies)
