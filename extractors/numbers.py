"""Shared number reading and regex helpers for the money, percent and period engines.

Numbers are matched loosely (``\\d[\\d.,]*\\d``) and then read strictly by the pack's locale, so
that a number written in another convention ("2.5" in German, "1,000,000") gives ``None``
rather than a wrong value. Number words are read by splitting a word into the pack's parts and
adding them up, which covers German compounds ("einhundertneunundneunzig") and English
("two hundred") with the same code.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.sentences import sentence_spans

__all__ = [
    "NUMBER_START",
    "SentenceIndex",
    "bare_denominator_pattern",
    "cue_pattern",
    "is_level_preposition",
    "number_pattern",
    "frame_pattern",
    "normalize_phrase",
    "phrase_pattern",
    "read_number",
    "read_number_words",
    "read_digits",
    "tidy",
    "overlaps_any",
    "url_spans",
    "word_pattern",
]

# A number never starts inside a word or another number ("G42", "1.000" at "000").
# Nor after a digit and "/", "^" or ":": "3/4 %" is never 4 %, "1,1^23" never 23, the clock
# time "1:30 p.m." never 30 pence.
#: Letters of scripts written without spaces between words (kana, CJK ideographs, half-width
#: katakana): a number and its unit may touch them ("回答率は100%です", "2430亿元"), so the
#: boundaries below are drawn against the letters and digits of spaced scripts only; text in
#: Latin, Greek, Cyrillic, Arabic or Devanagari letters is bounded exactly as by ``\w``.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
#: A word character of a spaced script (letters, digits, "_").
#: (Each class is compiled without IGNORECASE, ``(?-i:…)``: under that flag ``re`` folds the case
#: of every character of a range, and these ranges hold tens of thousands; the classes mean the
#: same either way. With the flag, compiling the packs' patterns took seconds.)
WORD = rf"(?-i:[^\W{UNSPACED}])"
#: A letter of a spaced script.
LETTER = rf"(?-i:[^\W\d_{UNSPACED}])"
NUMBER_START = rf"(?<![.,])(?<!{WORD})(?<!\d['’/^:])"
#: Where a phrase of ``word_pattern`` may start and end: on word boundaries of spaced scripts;
#: a phrase of an unspaced script (Chinese, Japanese) may touch anything ("1000美元").
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
WORD_START = rf"(?:(?<!{WORD})|(?=(?-i:[{UNSPACED}])))"
WORD_END = rf"(?:(?<=\W)|(?<=(?-i:[{UNSPACED}]))|(?!{WORD}))"
# Scientific and power notation ("1e10 %", "1,1^23 %"): mantissa or base, then the exponent.
_EXPONENT = re.compile(r"(?P<base>.+?)(?P<op>[eE]|\^)(?P<exp>[+-]?\d{1,3})")
# Swiss grouping ("1'000", "1’000") is read in every language: an apostrophe is never a decimal
# separator, and "000" alone must never be read out of "1'000".
_APOSTROPHES = ("'", "’")
_NON_DIGIT = re.compile(r"\D")
_VULGAR = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def normalize_phrase(text: str) -> str:
    """The lookup key of a matched phrase: lower case, single spaces. Cached: the engines look
    up the same few units and qualifiers once or more per mention."""
    return fold_case(" ".join(text.split()))


def fold_case(text: str) -> str:
    """Lower case as the regexes match it: ``re.IGNORECASE`` lets "s" match the long s of old
    print ("Auguſt") and "i" match "İ" and "ı", which ``str.lower`` keeps apart; a lookup of
    such a match must not fail."""
    return text.lower().translate(_FOLD)


_FOLD = {0x17F: "s", 0x131: "i", 0x307: None}


def phrase_pattern(phrases: Iterable[str], *, fold: bool = True) -> str:
    """A regex alternation of ``phrases`` as a trie, longest match first.

    A trie keeps a lexicon of thousands of currency names fast: Python's ``re`` tries the
    branches of a flat alternation one by one. Spaces match any run of whitespace. Branches
    that end alike share their ending (``_trie_regex``), so the pattern stays short to compile.
    """
    return _phrase_pattern(frozenset(phrases), fold)


@functools.lru_cache(maxsize=512)
def _phrase_pattern(phrases: frozenset[str], fold: bool) -> str:
    """``phrase_pattern``, once per lexicon: the engines ask for the same lexicons many times."""
    keys = sorted({normalize_phrase(p) if fold else " ".join(p.split()) for p in phrases} - {""})
    return _trie_regex(keys, 0, len(keys), 0) if keys else "(?!)"


def _trie_regex(keys: list[str], lo: int, hi: int, depth: int) -> str:
    """The regex of one trie node: the sorted ``keys[lo:hi]``, which share their first
    ``depth`` characters, read from there on. The node's branches each take a character.

    Inflected lexicons repeat their endings: "kanadische", "kanadischem", "kanadischen" ...
    each followed by " dollar". Branches whose rest is the same regex share it behind a class
    of their first characters ("[mn]\\s+dollar"), and a class whose rest is another branch
    whole becomes optional before it ("[mn]?\\s+dollar"): CLDR's currency names compile to half
    the pattern. The branches of a node start with distinct characters, so at most one of
    them fits any text and the match (longest first) is the one of the plain trie. The trie
    is walked on the sorted keys rather than built of nested dicts: one dict per character
    costs time and, in a process that holds a spaCy model, garbage collections.
    """
    chain = []  # one character, and no key ends here: most nodes
    while len(keys[lo]) > depth and keys[lo][depth] == keys[hi - 1][depth]:
        char = keys[lo][depth]
        chain.append(r"\s+" if char == " " else _escape(char))
        depth += 1
    ends_here = len(keys[lo]) == depth
    rests: dict[str, list[str]] = {}  # the rest's regex -> the first characters that lead to it
    i = lo + ends_here
    while i < hi:
        char, end = keys[i][depth], i + 1
        while end < hi and keys[end][depth] == char:
            end += 1
        rests.setdefault(_trie_regex(keys, i, end, depth + 1), []).append(char)
        i = end
    heads: list[tuple[str, str, str]] = []  # (sort key, head regex, rest regex)
    for rest, chars in rests.items():
        if " " in chars:  # a space matches a run of whitespace, which no class can say
            heads.append((" ", r"\s+", rest))
        letters = [c for c in chars if c != " "]
        if letters:
            head = _escape(letters[0]) if len(letters) == 1 else f"[{''.join(map(_escape, letters))}]"
            heads.append((letters[0], head, rest))
    whole = {head + rest: i for i, (_, head, rest) in enumerate(heads)}
    branches: list[tuple[str, str]] = []
    merged: set[int] = set()
    for i, (key, head, rest) in enumerate(heads):
        j = whole.get(rest)
        if j is None or head == r"\s+" or merged & {i, j}:
            continue
        merged |= {i, j}
        branches.append((min(key, heads[j][0]), f"{head}?{rest}"))
    branches += [(key, head + rest) for i, (key, head, rest) in enumerate(heads) if i not in merged]
    alternatives = [regex for _, regex in sorted(branches)]
    if not alternatives:
        return "".join(chain)
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if ends_here:
        body = f"(?:{body})?" if len(alternatives) == 1 else body + "?"
    return "".join(chain) + body


@functools.lru_cache(maxsize=4096)
def _escape(char: str) -> str:
    return re.escape(char)


def word_pattern(phrases: Iterable[str]) -> str:
    """``phrase_pattern`` that starts and ends on word boundaries where the phrase has letters."""
    phrases = list(phrases)
    if any(_UNSPACED_CHAR.search(p) for p in phrases):
        return rf"{WORD_START}{phrase_pattern(phrases)}{WORD_END}"
    # the plain boundaries where no phrase is of an unspaced script: the same matches, and a
    # class of the unspaced ranges in each of the hundreds of word lists of a pack made its
    # patterns take seconds to compile (``re`` maps every character of a range)
    return rf"(?<!\w){phrase_pattern(phrases)}(?:(?<=\W)|(?!\w))"


def number_pattern(pack: LangPack, *, anchored: bool = True) -> str:
    """A regex for one number: digits in any grouping, or a number word.

    ``anchored=False`` lets the number follow a letter ("USD115"), for callers that put their
    own boundary before it.
    """
    nums = pack.numbers
    seps = {
        nums.decimal_separator,
        *nums.group_separators,
        *nums.extra_group_separators,
        *nums.extra_decimal_separators,
        *_APOSTROPHES,
    }
    seps = {s for s in seps if not s.isspace()}
    spaces = [s for s in (*nums.group_separators, *nums.extra_group_separators) if s.isspace()]
    sep_class = re.escape("".join(sorted(seps)))
    # Space-grouped numbers ("12 500") start only at the first group, and have at most six
    # groups: a run of "123 123 123 ..." would otherwise be re-scanned from every group.
    space_class = "[" + "".join(spaces) + "]"
    spaced = (
        rf"(?<!\d{space_class})\d{{1,3}}(?:{space_class}\d{{3}}){{1,6}}(?![\d])"
        rf"(?:{re.escape(nums.decimal_separator)}\d+)?"
    )
    # "1½ Milliarden": a vulgar fraction glued to the digits.
    digits = rf"\d(?:[\d{sep_class}]*\d)?(?:[{''.join(_VULGAR)}](?!\d))?"
    dec = re.escape(nums.decimal_separator)
    # ",5 %" (no integer part) only after a space or a bracket; "3/4 %" as a fraction.
    alternatives = [
        rf"(?<![^\s(]){dec}\d+(?![\d{sep_class}])",
        r"(?<!\d\s)\d{1,3}/\d{1,3}(?![\d/])",
        rf"{digits}(?:[eE][+-]?|\^)\d{{1,3}}(?![\w^])",
    ]
    parts = [*nums.words, *nums.scales, *nums.joiners, *nums.decimal_words]
    joiners = phrase_pattern(nums.joiners) if nums.joiners else "(?!)"
    part = phrase_pattern(parts)
    word_seps = "|".join(r"\s+" if s.isspace() else re.escape(s) for s in nums.word_separators)
    glue = f"(?:{word_seps})?" if word_seps else ""
    denominators = [*nums.denominators, *nums.compound_denominators]
    over = rf"(?:{glue}{phrase_pattern(denominators)})?" if denominators else ""
    words = rf"(?<!\w)(?!{joiners}(?!\w))(?:{part})(?:{glue}(?:{part})){{0,30}}{over}(?!\w)"
    alternatives += ([spaced] if spaces else []) + [digits, words]
    return (NUMBER_START if anchored else "") + "(?:" + "|".join(alternatives) + ")"


def bare_denominator_pattern(pack: LangPack) -> str:
    """A word that is a denominator without its numerator ("quinto", "veintiunavo"): what
    follows "un" there is no number of its own, so "un" is the numerator, not an article."""
    nums = pack.numbers
    denominators = [*nums.denominators, *nums.compound_denominators]
    if not denominators:
        return "(?!)"
    part = phrase_pattern([*nums.words, *nums.scales])
    return rf"(?<!\w)(?:{part})*{phrase_pattern(denominators)}(?!\w)"


def frame_pattern(frames: Iterable[tuple[str, str]], group: str = "fr") -> tuple[str, str]:
    """Regexes for the start and the end of a range frame ("entre 20 et 25"), paired.

    The start is group ``group`` (one subgroup per frame); the end is a conditional that
    accepts only the end word of the frame that started, with the spaces around it: "de 84 a
    90" is a range, "de oitenta e quatro" is not ("de ... a" and "entre ... e" are not mixed).
    """
    pairs = list(frames)
    starts = "|".join(f"(?P<{group}{i}>{word_pattern([s])})" for i, (s, _) in enumerate(pairs))
    end = "(?!)"
    for i, (_, e) in reversed(list(enumerate(pairs))):
        end = rf"(?({group}{i})\s+{word_pattern([e])}\s+|{end})"
    return f"(?P<{group}>{starts or '(?!)'})", end


def read_number(text: str, pack: LangPack) -> Decimal | None:
    """The value of a number matched by ``number_pattern``; ``None`` if it cannot be read."""
    if text.isdecimal():  # the common case, plain digits in any script: no grammar to try
        return Decimal(text)
    if "/" in text:
        numerator, _, denominator = text.partition("/")
        return Decimal(numerator) / Decimal(denominator) if int(denominator) else None
    power = _EXPONENT.fullmatch(text)
    if power and power["base"][:1].isdigit():
        base, exp = read_digits(power["base"], pack), int(power["exp"])
        if base is None or (power["op"] == "^" and exp < 0):
            return None
        return base * Decimal(10) ** exp if power["op"] != "^" else base**exp
    if text[-1:] in _VULGAR:
        whole = read_number(text[:-1], pack)
        return whole + _VULGAR[text[-1]] if whole is not None and whole == whole.to_integral() else None
    if text.startswith(pack.numbers.decimal_separator):
        return read_digits("0" + text, pack)
    if text[:1].isdigit():
        return read_digits(text, pack)
    return read_number_words(text, pack)


def read_digits(text: str, pack: LangPack) -> Decimal | None:
    """Read digits by the pack's separators; a number in another convention gives ``None``."""
    grammar = pack.compiled("numbers.digits", _digit_grammar)
    m = grammar.fullmatch(text)
    if not m:
        return None
    g = m.groupdict()
    integer = _NON_DIGIT.sub("", g["int"] or g.get("int2") or "")
    frac = g["frac"] or g.get("frac2")
    return Decimal(integer + ("." + frac if frac else ""))


def _digit_grammar(pack: LangPack) -> re.Pattern[str]:
    nums = pack.numbers
    groups = [*nums.group_separators, *nums.extra_group_separators, *_APOSTROPHES]
    grouped = [rf"\d{{1,3}}(?:{re.escape(g)}\d{{3}})+" for g in groups]
    if nums.secondary_group_size:
        size = nums.secondary_group_size
        grouped += [
            rf"\d{{1,{size}}}(?:{re.escape(g)}\d{{{size}}})+{re.escape(g)}\d{{3}}" for g in groups if not g.isspace()
        ]
    dec = re.escape(nums.decimal_separator)
    alternatives = [rf"(?P<int>{'|'.join(grouped)}|\d+)(?:{dec}(?P<frac>\d+))?"]
    if nums.extra_decimal_separators:
        extra = "|".join(re.escape(s) for s in nums.extra_decimal_separators)
        alternatives.append(rf"(?P<int2>\d+)(?:{extra})(?P<frac2>\d{{1,2}}|\d{{4,}})")
    return re.compile("|".join(alternatives))


def read_number_words(text: str, pack: LangPack) -> Decimal | None:
    """Read a number word by splitting it into the pack's parts: ``None`` if it does not split."""
    nums = pack.numbers
    parts = _segment(fold_case(text), pack)
    if not parts:
        return None
    if parts[-1] in nums.denominators or parts[-1] in nums.compound_denominators:
        return _read_fraction(fold_case(text).split(), pack)
    if _units_in_a_row(parts, nums):
        return None
    points = [i for i, p in enumerate(parts) if p in nums.decimal_words]
    if points:  # "dois vírgula cinco": the words after the point are its digits
        if len(points) > 1:
            return None
        whole, frac = _read_parts(parts[: points[0]], nums), _read_parts(parts[points[0] + 1 :], nums)
        return None if whole is None or frac is None else whole + Decimal(f"0.{frac}")
    return _read_parts(parts, nums)


def _units_in_a_row(parts: list[str], nums: Any) -> bool:
    """Two numbers below twenty in a row, the first a unit, are two numbers, never their sum:
    "one five dollars", "uno cinco dólares" are no 6. A tens word may follow a unit (German
    "zweiundzwanzig" has its joiner; French "dix-sept" starts with ten) and so may ten, the
    German teens being a unit and "zehn" ("dreizehn")."""
    values = [None if p in nums.scales or p in nums.joiners else nums.words.get(p) for p in parts]
    return any(a is not None and b is not None and a < 10 and b < 20 and b != 10 for a, b in zip(values, values[1:]))


def _read_fraction(tokens: list[str], pack: LangPack) -> Decimal | None:
    """A fraction in words, split at spaces only; ``None`` unless exactly one split reads.

    "ciento treinta con dos quintos" is a whole number, a decimal word and a fraction (130.4).
    """
    nums = pack.numbers
    points = [i for i, t in enumerate(tokens) if t in nums.decimal_words]
    if points:
        whole = _read_cardinal(tokens[: points[0]], pack)
        part = _read_fraction(tokens[points[0] + 1 :], pack) if len(points) == 1 else None
        return None if whole is None or part is None or part >= 1 else whole + part
    last = tokens[-1]
    if last in nums.denominators or last in nums.compound_denominators:
        splits: list[tuple[list[str], list[str], int | None]] = [(tokens[:-1], [], nums.denominators.get(last))]
        if last in nums.compound_denominators:
            splits += [(tokens[:i], tokens[i:-1], nums.compound_denominators[last]) for i in range(1, len(tokens) - 1)]
    else:  # the denominator glued to its cardinal: "veintiunavo", "dosmilésimos"
        suffix = max((d for d in nums.compound_denominators if last.endswith(d)), key=len, default="")
        glued = [last[: -len(suffix)]] if suffix and len(last) > len(suffix) else None
        splits = [(tokens[:-1], glued, nums.compound_denominators[suffix])] if glued else []
    values = {v for v in (_split_value(*split, pack) for split in splits) if v is not None}
    return values.pop() if len(values) == 1 else None


def _split_value(numerator: list[str], cardinal: list[str], unit: int | None, pack: LangPack) -> Decimal | None:
    top = _read_cardinal(numerator, pack)
    bottom = _read_cardinal(cardinal, pack) if cardinal else Decimal(1)
    if top is None or bottom is None or not unit or not bottom:
        return None
    return top / (bottom * unit)


def _read_cardinal(tokens: list[str], pack: LangPack) -> Decimal | None:
    """A whole number in words that is well formed: "tres dos" is no number (not 5)."""
    nums = pack.numbers
    parts = _segment(" ".join(tokens), pack) if tokens else None
    if not parts or any(
        p in nums.decimal_words or p in nums.denominators or p in nums.compound_denominators for p in parts
    ):
        return None
    return _read_parts(parts, nums) if _well_formed(parts, nums) else None


def _well_formed(parts: list[str], nums: Any) -> bool:
    """Each word is below the place of the word before it ("ciento treinta y dos"); a scale
    closes a group ("dos mil quinientos"). Joiners are checked by ``_read_parts``."""
    limit: float = float("inf")
    top_scale = 0
    for part in parts:
        if part in nums.joiners:
            continue
        if part in nums.scales:
            scale = nums.scales[part]
            if not (scale < limit or scale > top_scale):
                return False
            limit, top_scale = scale, max(top_scale, scale)
            continue
        value = nums.words.get(part, 0)
        if value >= limit:
            return False
        place = 10 ** (len(str(value)) - 1)
        limit = place if value >= 10 and value % place == 0 else 1
    return True


def _read_parts(parts: list[str], nums: Any) -> Decimal | None:
    if not parts or parts[0] in nums.joiners or parts[-1] in nums.joiners:
        return None
    return Decimal(_sum_parts(parts, nums.scales, nums.words))


def _sum_parts(parts: list[str], scales: dict[str, int], words: dict[str, int]) -> int:
    """Split at the largest scale >= 1000: left * scale + right ("455 mil 228 millones 556")."""
    big = [(scales[p], -i) for i, p in enumerate(parts) if scales.get(p, 0) >= 1000]
    if big:
        scale, neg = max(big)
        left, right = parts[:-neg], parts[-neg + 1 :]
        return max(_sum_parts(left, scales, words), 1) * scale + _sum_parts(right, scales, words)
    group = 0
    for part in parts:
        if part in scales:
            group = max(group, 1) * scales[part]
        elif part in words:
            group += words[part]
    return group


def _segment(word: str, pack: LangPack) -> list[str] | None:
    """Split ``word`` into number-word parts, longest parts first (backtracking).

    Separators ("forty-five", "one hundred") may stand between parts, and a part may hold one
    ("quatre-vingt"). A joiner written as its own word follows a scale or a tens word ("hundred
    and five", "vingt et un"): "five and ten" is two numbers, not fifteen.
    """
    vocab: dict[str, int] = pack.compiled("numbers.vocab", _vocab)
    sep = pack.compiled("numbers.word_split", _word_split)
    nums = pack.numbers

    def walk(pos: int, prev: str | None, spaced: bool) -> list[str] | None:
        if pos == len(word):
            return []
        gap = sep.match(word, pos)
        if gap and gap.end() > pos:
            return walk(gap.end(), prev, True) if prev is not None else None
        for size in range(min(len(word) - pos, max(vocab.values(), default=0)), 0, -1):
            head = word[pos : pos + size]
            if head not in vocab:
                continue
            if head in nums.joiners and spaced and not _joinable(prev, nums):
                continue
            rest = walk(pos + size, head, False)
            if rest is not None:
                return [head, *rest]
        return None

    return walk(0, None, False)


def trailing_scale(text: str, pack: LangPack) -> int | None:
    """The scale word that ends a number in words after another part ("douze mille",
    "fünfzehntausend": 1000), else ``None``; digits and a scale alone ("mille") have none."""
    if text[:1].isdigit():
        return None
    parts = _segment(fold_case(text), pack)
    if not parts or len(parts) < 2:
        return None
    return pack.numbers.scales.get(parts[-1])


def has_scale(text: str, pack: LangPack) -> bool:
    """Whether a number in words holds a scale word ("deux mille", "hundred")."""
    parts = _segment(fold_case(text), pack) if not text[:1].isdigit() else None
    return any(p in pack.numbers.scales for p in parts or ())


def _joinable(prev: str | None, nums: Any) -> bool:
    if prev is None:
        return False
    value = nums.scales.get(prev) or nums.words.get(prev, 0)
    return prev in nums.scales or (value >= 20 and value % 10 == 0)


def _word_split(pack: LangPack) -> re.Pattern[str]:
    seps = [r"\s+" if s.isspace() else re.escape(s) for s in pack.numbers.word_separators]
    return re.compile("|".join(seps) or "(?!)")


def _vocab(pack: LangPack) -> dict[str, int]:
    nums = pack.numbers
    words = {
        w.lower()
        for w in (
            *nums.words,
            *nums.scales,
            *nums.joiners,
            *nums.decimal_words,
            *nums.denominators,
            *nums.compound_denominators,
        )
    }
    return {w: len(w) for w in words}


def cue_pattern(cues: Iterable[str]) -> str:
    """Cue words: ``stieg*`` matches any ending, ``*rückgang`` any compound ending in it.

    The compound endings share one ``[\\w-]*`` (one scan of the word, then the endings tried
    where it backs off) and a word must start right there: tried as one alternative each, they
    rescanned every word, and every space and sign was a start for all of them (a German text
    of numbers took 0.1 s per 100 KB here, now a third of it; matches unchanged)."""

    def body(cue: str) -> str:
        return re.escape(cue.strip("*")) + (r"\w*" if cue.endswith("*") else "")

    cues = list(cues)
    alts = [body(c) for c in cues if not c.startswith("*")]
    compounds = [body(c) for c in cues if c.startswith("*")]
    if compounds:
        alts.append(r"[\w-]*(?:" + "|".join(compounds) + ")")
    return r"(?<![\w-])(?=[\w-])(?:" + "|".join(alts or ["(?!)"]) + r")(?!\w)"


def is_level_preposition(text: str, start: int, qualifier: str, pack: LangPack) -> bool:
    """Whether a qualifier at ``start`` is rather the "to" of a change: a word that is also a
    level preposition (``percent.level_before``), after a rise or fall verb at most three words
    before it or right after a number or a unit: "wzrosła do 5 proc." (rose to 5 %),
    "verdubbeld tot 34 miljoen euro", "46% do 54%"; not "tot 34 miljoen euro" alone (up to)."""
    level, before = pack.compiled("numbers.level_prep", _level_prep)
    return bool(level.fullmatch(qualifier) and before.search(text, max(0, start - 60), start))


def _level_prep(pack: LangPack) -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = pack.percent
    units = phrase_pattern([*data.units, "%"])
    cues = f"{cue_pattern(data.up)}|{cue_pattern(data.down)}"
    return (
        re.compile(phrase_pattern(data.level_before), re.IGNORECASE),
        re.compile(rf"(?:(?:{cues})(?:\s+[^\W\d]+){{0,3}}|\d|(?<!\w){units})\s+\Z", re.IGNORECASE),
    )


def from_to_split(
    text: str, pack: LangPack, frame: tuple[int, int], first_end: int, second_start: int
) -> tuple[int, int] | None:
    """Where a framed range is rather a change from one figure to another, the end of the first
    figure and the start of the second; ``None`` for a true range.

    "Le chiffre d'affaires est passé de 300 à 350 millions d'euros" and "è passato da 800 a 950
    milioni" name the old and the new figure, not a span of uncertainty: after a verb of the
    pack's ``numbers.from_to_verbs`` (at most three words before the frame; any verb or none
    where ``from_to_needs_verb`` is false) the two numbers of a ``numbers.from_to_frames`` frame
    are two mentions; "aumentaron entre un 3% y un 4%" stays a
    range. ``frame`` is the span of the frame's start word ("de"), ``first_end`` the end
    of the first number and ``second_start`` the start of the second."""
    verbs = pack.compiled("numbers.from_to_verbs", _from_to_verbs)
    if pack.numbers.from_to_needs_verb and (verbs is None or not verbs.search(text, max(0, frame[0] - 60), frame[0])):
        return None
    word = normalize_phrase(text[frame[0] : frame[1]])
    ends = [e for s, e in pack.numbers.from_to_frames if normalize_phrase(s) == word]
    if not ends:
        return None
    end_word = re.compile(rf"\s+{word_pattern(ends)}\s+", re.IGNORECASE)
    gap = end_word.search(text, first_end, second_start)
    return (gap.start(), gap.end()) if gap else None


def _from_to_verbs(pack: LangPack) -> re.Pattern[str] | None:
    verbs = pack.numbers.from_to_verbs
    if not verbs:
        return None
    return re.compile(rf"{word_pattern(verbs)}(?:,?\s+[^\W\d][\w'’-]*,?){{0,3}}\s+\Z", re.IGNORECASE)


def tidy(value: Decimal) -> Decimal:
    """Drop a zero fraction (``3500000.0`` -> ``3500000``) so values compare and print plainly."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs: numbers inside them ("%2520", "?q=30") are never facts."""
    return [m.span() for m in _URL.finditer(text)]


def overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans``, which are in text order and do not
    overlap (``url_spans``): the one that may is the first ending after ``start``. A bisection,
    as a text of thousands of URLs and numbers would otherwise compare each with each."""
    i = bisect.bisect_right(spans, start, key=_span_end)
    return i < len(spans) and spans[i][0] < end


def _span_end(span: tuple[int, int]) -> int:
    return span[1]


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
