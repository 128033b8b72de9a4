"""Shared number reading and regex helpers for the money, percent and period engines.

Numbers are matched loosely (``\\d[\\d.,]*\\d``) and then read strictly by the pack's locale, so
that a number written in another convention ("2.5" in German, "1,000,000") gives ``None``
rather than a wrong value. Number words are read by splitting a word into the pack's parts and
adding them up, which covers German compounds ("einhundertneunundneunzig") and English
("two hundred") with the same code.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from decimal import Decimal

from extractors.langpack import LangPack
from extractors.sentences import sentence_spans

__all__ = [
    "NUMBER_START",
    "SentenceIndex",
    "number_pattern",
    "normalize_phrase",
    "phrase_pattern",
    "read_number",
    "read_number_words",
    "read_digits",
    "tidy",
    "url_spans",
    "word_pattern",
]

# A number never starts inside a word or another number ("G42", "1.000" at "000").
NUMBER_START = r"(?<![\w.,])"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def normalize_phrase(text: str) -> str:
    """The lookup key of a matched phrase: lower case, single spaces."""
    return " ".join(text.split()).lower()


def phrase_pattern(phrases: Iterable[str], *, fold: bool = True) -> str:
    """A regex alternation of ``phrases`` as a trie, longest match first.

    A trie keeps a lexicon of thousands of currency names fast: Python's ``re`` tries the
    branches of a flat alternation one by one. Spaces match any run of whitespace.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        key = normalize_phrase(phrase) if fold else " ".join(phrase.split())
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        if key:
            node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


def word_pattern(phrases: Iterable[str]) -> str:
    """``phrase_pattern`` that starts and ends on word boundaries where the phrase has letters."""
    return rf"(?<!\w){phrase_pattern(phrases)}(?:(?<=\W)|(?!\w))"


def number_pattern(pack: LangPack) -> str:
    """A regex for one number: digits in any grouping, or a number word."""
    nums = pack.numbers
    seps = {nums.decimal_separator, *nums.group_separators} - {" ", "\u00a0", "\u202f"}
    spaces = [s for s in (*nums.group_separators, *nums.extra_group_separators) if s.isspace()]
    sep_class = re.escape("".join(sorted(seps)))
    # Space-grouped numbers ("12 500") start only at the first group, and have at most six
    # groups: a run of "123 123 123 ..." would otherwise be re-scanned from every group.
    space_class = "[" + "".join(spaces) + "]"
    spaced = (rf"(?<!\d{space_class})\d{{1,3}}(?:{space_class}\d{{3}}){{1,6}}(?![\d])"
              rf"(?:{re.escape(nums.decimal_separator)}\d+)?")
    digits = rf"\d(?:[\d{sep_class}]*\d)?"
    parts = [*nums.words, *nums.scales, *nums.joiners]
    joiners = phrase_pattern(nums.joiners) if nums.joiners else "(?!)"
    words = rf"(?<!\w)(?!{joiners}(?!\w))(?:{phrase_pattern(parts)}){{1,12}}(?!\w)"
    alternatives = ([spaced] if spaces else []) + [digits, words]
    return NUMBER_START + "(?:" + "|".join(alternatives) + ")"


def read_number(text: str, pack: LangPack) -> Decimal | None:
    """The value of a number matched by ``number_pattern``; ``None`` if it cannot be read."""
    if text[:1].isdigit():
        return read_digits(text, pack)
    return read_number_words(text, pack)


def read_digits(text: str, pack: LangPack) -> Decimal | None:
    """Read digits by the pack's separators; a number in another convention gives ``None``."""
    grammar = pack.compiled("numbers.digits", _digit_grammar)
    m = grammar.fullmatch(text)
    if not m:
        return None
    integer = re.sub(r"\D", "", m.group("int"))
    return Decimal(integer + ("." + m.group("frac") if m.group("frac") else ""))


def _digit_grammar(pack: LangPack) -> re.Pattern[str]:
    nums = pack.numbers
    groups = [*nums.group_separators, *nums.extra_group_separators]
    grouped = "|".join(rf"\d{{1,3}}(?:{re.escape(g)}\d{{3}})+" for g in groups)
    dec = re.escape(nums.decimal_separator)
    return re.compile(rf"(?P<int>{grouped}|\d+)(?:{dec}(?P<frac>\d+))?")


def read_number_words(text: str, pack: LangPack) -> Decimal | None:
    """Read a number word by splitting it into the pack's parts: ``None`` if it does not split."""
    nums = pack.numbers
    parts = _segment(text.lower(), pack)
    if not parts or parts[0] in nums.joiners or parts[-1] in nums.joiners:
        return None
    total, group = 0, 0
    for part in parts:
        if part in nums.scales and nums.scales[part] >= 1000:
            total, group = total + max(group, 1) * nums.scales[part], 0
        elif part in nums.scales:
            group = max(group, 1) * nums.scales[part]
        elif part not in nums.joiners:
            group += nums.words[part]
    return Decimal(total + group)


def _segment(word: str, pack: LangPack) -> list[str] | None:
    """Split ``word`` into number-word parts, longest parts first (backtracking)."""
    vocab: dict[str, int] = pack.compiled("numbers.vocab", _vocab)
    if not word:
        return []
    for size in range(min(len(word), max(vocab.values(), default=0)), 0, -1):
        head = word[:size]
        if head in vocab:
            rest = _segment(word[size:], pack)
            if rest is not None:
                return [head, *rest]
    return None


def _vocab(pack: LangPack) -> dict[str, int]:
    nums = pack.numbers
    words = {w.lower() for w in (*nums.words, *nums.scales, *nums.joiners)}
    return {w: len(w) for w in words}


def tidy(value: Decimal) -> Decimal:
    """Drop a zero fraction (``3500000.0`` -> ``3500000``) so values compare and print plainly."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs: numbers inside them ("%2520", "?q=30") are never facts."""
    return [m.span() for m in _URL.finditer(text)]


class SentenceIndex:
    """Sentence boundaries of a text, for cue words that must stand in the same sentence.

    The boundaries are those of ``extractors.sentences`` (the one splitter of the project),
    with the pack's abbreviations.
    """

    def __init__(self, text: str, pack: LangPack) -> None:
        abbreviations = pack.compiled("numbers.abbrev", _abbreviations)
        spans = sentence_spans(text, abbreviations=abbreviations) or [(0, len(text))]
        self._starts = [start for start, _ in spans]
        self._spans = spans

    def sentence(self, pos: int) -> tuple[int, int]:
        """The ``[start, end)`` of the sentence holding character ``pos`` (or nearest before it)."""
        i = max(bisect.bisect_right(self._starts, pos) - 1, 0)
        return self._spans[i]


def _abbreviations(pack: LangPack) -> frozenset[str]:
    return frozenset(a.lower() for a in pack.text.abbreviations)
