"""Recognise the header of a plain-text article: title, date line and boilerplate lines.

Plain-text news files often start with what a copy from a web page leaves behind: a section
label ("Nachricht", "News"), the title, a date line, a language menu
("한어Русский языкEnglishFrançais…"). The text itself stays unchanged (offsets index it); this
module only says which character ranges are title, date or boilerplate, so that language
detection and extraction skip the boilerplate and the record gets its title and date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Header", "parse_header", "parse_date_line"]

_HEADER_LINES = 8  # how many non-empty lines from the top may belong to the header
# Languages that web-site language menus list; their autonyms come from CLDR.
_MENU_LANGUAGES = (
    "ar bg ca cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv ms nl no pl pt ro ru sa"
    " sk sl sr sv th tr uk vi zh la"
).split()
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*Uhr)?)?")
_NAMED_DATE = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+\.?)\s+(\d{4})(?:,?\s+\d{1,2}:\d{2}(?:\s*Uhr)?)?")


@dataclass(frozen=True)
class Header:
    """What the top of a plain-text article holds; spans are (start, end) into the text."""

    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: date | None = None
    date_span: tuple[int, int] | None = None
    boilerplate: tuple[tuple[int, int], ...] = field(default_factory=tuple)


def parse_header(text: str) -> Header:
    """Find the title, the date line and boilerplate lines at the top of ``text``.

    The title is the first line that reads like a headline (several words, no sentence-final
    full stop) and comes before the body; a date line anywhere in the header becomes the
    publication date; short label lines and language menus are boilerplate.
    """
    title: tuple[str, tuple[int, int]] | None = None
    published: date | None = None
    date_span: tuple[int, int] | None = None
    boilerplate: list[tuple[int, int]] = []
    for n, (start, end) in enumerate(_lines(text)):
        if n >= _HEADER_LINES:
            break
        line = text[start:end]
        parsed = parse_date_line(line)
        if parsed is not None and published is None:
            published, date_span = parsed, (start, end)
        elif is_language_menu(line):
            boilerplate.append((start, end))
        elif title is None and _is_label(line):
            boilerplate.append((start, end))
        elif title is None and _is_headline(line):
            title = (line.strip(), (start, end))
        else:
            break  # the body starts here
    return Header(
        title=title[0] if title else None,
        title_span=title[1] if title else None,
        published=published,
        date_span=date_span,
        boilerplate=tuple(boilerplate),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) spans, stripped of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        if raw.strip():
            spans.append((m.start() + lead, m.end() - trail))
    return spans


def parse_date_line(line: str) -> date | None:
    """A line that is only a date (ISO, 01.08.2024, "1. August 2024", with an optional time)."""
    line = line.strip()
    for pattern in (_ISO_DATE, _DOTTED_DATE):
        m = pattern.fullmatch(line)
        if m:
            y, mo, d = (
                (m.group(1), m.group(2), m.group(3)) if pattern is _ISO_DATE else (m.group(3), m.group(2), m.group(1))
            )
            return _safe_date(int(y), int(mo), int(d))
    m = _NAMED_DATE.fullmatch(line)
    if m:
        month = _month_names().get(m.group(2).rstrip(".").lower())
        if month:
            return _safe_date(int(m.group(3)), month, int(m.group(1)))
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


#: CLDR month names and language autonyms, precomputed from Babel (loading 41 locales cost
#: ~0.2 s of every cold start); ``python -m newsfacts.extractors.header`` rewrites the file and a
#: test checks it against Babel
CLDR_FILE = Path(__file__).parent / "data" / "cldr_header.json"


def build_cldr_tables() -> dict[str, object]:
    """Month names (wide and abbreviated, of the European locales we read) and each menu
    language's name in itself ("Deutsch", "Русский", "日本語"), from CLDR through Babel."""
    from babel import Locale

    months: dict[str, int] = {}
    for code in ("de", "en", "fr", "es", "it", "nl", "pt", "pl", "sv"):
        loc = Locale.parse(code)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for num, name in loc.months[context][width].items():
                    months[name.rstrip(".").lower()] = num
    names = set()
    for ident in _MENU_LANGUAGES:
        try:
            name = Locale.parse(ident).get_display_name(ident)
        except Exception:  # a CLDR locale without its own name
            continue
        if name and len(name) >= 2:
            names.add(name.lower())
    return {"months": dict(sorted(months.items())), "autonyms": sorted(names, key=lambda n: (-len(n), n))}


@lru_cache(maxsize=1)
def _cldr_tables() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CLDR_FILE.read_text(encoding="utf-8"))
    return data


def _month_names() -> dict[str, int]:
    """Wide and abbreviated month names of the European locales we read, from CLDR."""
    months: dict[str, int] = _cldr_tables()["months"]
    return months


def _language_autonyms() -> tuple[str, ...]:
    """Each language's name in itself ("Deutsch", "Русский", "日本語"), from CLDR, longest first."""
    return tuple(_cldr_tables()["autonyms"])


def is_language_menu(line: str) -> bool:
    """A language switcher: three or more language autonyms, or three or more scripts."""
    if len(_scripts(line)) >= 3:
        return True
    if re.search(r"[\d.,!?;:]", line):  # menus carry no numbers or sentence punctuation
        return False
    lowered = line.lower()
    hits = 0
    for name in _language_autonyms():
        if name in lowered:
            hits += 1
            lowered = lowered.replace(name, " ")
            if hits >= 3 and len(lowered.split()) <= 3:
                return True
    return False


def _scripts(line: str) -> set[str]:
    """The writing systems of a line's letters, by the first word of their Unicode name."""
    scripts = set()
    for ch in line:
        if ch.isalpha():
            scripts.add(unicodedata.name(ch, "UNKNOWN").split()[0])
    return scripts


def _is_label(line: str) -> bool:
    """A section or navigation label: one or two words, no digits, no punctuation."""
    words = line.split()
    return len(words) <= 2 and len(line) <= 30 and all(w.isalpha() for w in words)


def _is_headline(line: str) -> bool:
    """Several words, not too long, and not ending like a sentence of body text."""
    words = line.split()
    return 3 <= len(words) <= 40 and not line.rstrip().endswith(".")


if __name__ == "__main__":  # pragma: no cover - rewrites the precomputed CLDR tables
    CLDR_FILE.write_text(json.dumps(build_cldr_tables(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(CLDR_FILE)
