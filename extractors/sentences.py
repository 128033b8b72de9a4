"""Sentence and paragraph spans, robust to the glitches of copied news text.

A rule splitter rather than a model: news copied from the web glues sentences together
("…Dokumenten hatte.Im März…"), which statistical splitters trained on clean text miss, and
the abbreviations that must not end a sentence ("Mio.", "z. B.", "Dr.") come from the
language pack, so that a language is data, not code.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["paragraph_spans", "sentence_spans"]

# A candidate boundary: sentence punctuation (with closing quotes or brackets), then optional
# space, then something that can start a sentence (an upper-case letter, a digit, a quote).
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”“»«)\]]*(?=\s*[\"'„“«»(\[]?[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я]|\s+\d)")
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_WORD_BEFORE = re.compile(r"(\S+)$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs (blank-line separated) as stripped (start, end) spans; lines also split titles."""
    spans = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0]]


def sentence_spans(text: str, *, abbreviations: Collection[str] = ()) -> list[tuple[int, int]]:
    """Sentences as stripped (start, end) spans; every newline run also ends a sentence.

    Args:
        text: the text to split (offsets index it as it is).
        abbreviations: lower-cased tokens with their dot ("mio.", "dr.") that do not end a
            sentence when followed by more text.
    """
    spans: list[tuple[int, int]] = []
    for line in _segments(text):
        start = line.start()
        for m in _BOUNDARY.finditer(line.group()):
            end = line.start() + m.end()
            if _is_abbreviation(text, line.start() + m.start(), abbreviations):
                continue
            spans.append((start, end))
            start = end
        spans.append((start, line.end()))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0]]


# A section heading in wiki or Markdown markup inside a line ("… closed.  ==Related news==
# *Romanian …"): a text copied from a wiki page keeps them, and each is a sentence of its own.
_SEGMENT = re.compile(r"={2,}[^=\n]{1,80}?={2,}|(?:(?!={2,}[^=\n]{1,80}?={2,})[^\n])+")


def _segments(text: str) -> list[re.Match[str]]:
    """Lines, with every wiki heading cut out as a segment of its own."""
    return list(_SEGMENT.finditer(text))


def _is_abbreviation(text: str, dot: int, abbreviations: Collection[str]) -> bool:
    """The word before a dot is a known abbreviation, a single letter, or an ordinal number."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 30), dot + 1)
    if not m:
        return False
    word = m.group(1).lower()
    stem = word.rstrip(".")
    stem = stem.lstrip("(\"'„“«»")
    if (stem + ".") in abbreviations or word in abbreviations:
        return True
    if "." in stem and not any(c.isdigit() for c in stem):  # "u.s", "z.b": dotted initials, never "19.5%"
        return True
    return len(stem) == 1 and stem.isalpha() or stem.isdigit() and len(stem) <= 2


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
