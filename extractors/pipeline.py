"""``extract_article``: one article's text in, one ``Article`` record out.

The steps run in the order of docs/ARCHITECTURE.md: header and boilerplate, language, entities,
amounts / percentages / periods, facts. The text is never changed: boilerplate is masked with
spaces of the same length, so every offset found on the masked copy indexes the original.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date
from decimal import Decimal
from typing import TypeVar

from newsfacts.extractors.confidence import DEFAULT_MIN_CONFIDENCE
from newsfacts.extractors.entities import harmonize_entities
from newsfacts.extractors.errors import UnsupportedLanguage
from newsfacts.extractors.facts import link_facts, org_cues
from newsfacts.extractors.header import Header, parse_header
from newsfacts.extractors.langpack import LangPack, available_languages, load_langpack, universal_language
from newsfacts.extractors.language import LanguageGuess, detect_language
from newsfacts.extractors.money import find_amounts
from newsfacts.extractors.orgnames import normalize_org
from newsfacts.extractors.percent import find_percentages
from newsfacts.extractors.periods import find_periods
from newsfacts.extractors.records import (
    NAME_ROLES,
    Amount,
    Article,
    Entity,
    Fact,
    Paragraph,
    Percentage,
    Period,
    UnitMention,
)
from newsfacts.extractors.sentences import paragraph_spans
from newsfacts.extractors.units import find_unit_mentions
from newsfacts.extractors.version import __version__
from newsfacts.models import default_model, get_backend

__all__ = ["MAX_INTEGER_DIGITS", "article_id", "cap_values", "extract_article", "mask_spans"]

log = logging.getLogger(__name__)
M = TypeVar("M", Amount, Percentage, Period, UnitMention)
R = TypeVar("R", Amount, Percentage, Fact)

#: The most integer digits a value may have: no amount, percentage or count a news article means
#: has more (10^30 is a million times the world's GDP in any currency). A longer run of digits is
#: a typo or an attack; its value is ``null`` and its span kept, so every sink and reader (Python's
#: int parser stops at 4,300 digits, DuckDB's DECIMAL at 38) can read what we write.
MAX_INTEGER_DIGITS = 30
_VALUE_FIELDS = ("value", "min", "max", "amount_value", "amount_min", "amount_max", "count_value", "percent_value")


def extract_article(
    text: str,
    *,
    lang: str | None = None,
    published: date | None = None,
    ner: str | None = None,
    title: str | None = None,
    id: str | None = None,  # noqa: A002 - the contract's field name
    source: str | None = None,
    url: str | None = None,
    header: bool = True,
    min_confidence: float | None = None,
) -> Article:
    """Extract entities, amounts, percentages, periods and facts from one article.

    Args:
        text: the article text; every offset in the result indexes it.
        lang: ISO 639-1 code; detected when None.
        published: the publication date; read from a date line in the header when None.
        ner: the NER model name (``extract --list-models``); the language's default when None.
        title: the title, when the input carried one; read from the header otherwise.
        id: the article id; a hash of the text when None.
        source: where the article came from (a path or URL), copied to the record.
        url: the article's URL, copied to the record.
        header: look for a title, date line and boilerplate at the top of the text.
        min_confidence: leave out facts below this confidence (``DEFAULT_MIN_CONFIDENCE``
            when None; 0 keeps every fact).

    Returns:
        The article record.

    Raises:
        UnsupportedLanguage: ``lang`` was given and no language pack exists for it.
        BackendNotFound, ModelLoadError: the NER model cannot be found or loaded.
    """
    head = parse_header(text) if header else Header()
    masked = mask_markup(mask_spans(text, [*head.boilerplate, *([head.date_span] if head.date_span else [])]))
    # invisible characters inside a number or a name ("5\u200b000 Euro") read as a space; one
    # character for one, so every offset still indexes ``text``
    masked = masked.translate(_INVISIBLE)
    guess = _language(masked, lang)
    pack = _pack(guess.lang, explicit=lang is not None)
    published = published or head.published
    entities = harmonize_entities(
        masked, _entities(text, masked, ner or default_model(guess.lang)), org_cues=org_cues(pack) if pack else ()
    )
    amounts = _indexing(text, find_amounts(masked, pack)) if pack else []
    percentages = _indexing(text, find_percentages(masked, pack)) if pack else []
    periods = _indexing(text, find_periods(masked, pack, published=published)) if pack else []
    # A number, currency or date is not a name ("Dollar für Azure", "Juniquartal" as LOC).
    entities = [e for e in entities if not _overlaps_any(e, [*amounts, *percentages, *periods])]
    named = [e for e in entities if e.label != "MISC"]
    units = _indexing(text, find_unit_mentions(masked, pack, [*amounts, *percentages, *named])) if pack else []
    aid = id or article_id(text)
    facts = (
        link_facts(
            masked,
            article_id=aid,
            pack=pack,
            entities=entities,
            amounts=amounts,
            percentages=percentages,
            periods=periods,
            title_span=head.title_span,
            original=text,
            title=title if title and title not in text else None,
        )
        if pack
        else []
    )
    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    facts = [f for f in facts if f.confidence >= floor]
    return Article(
        id=aid,
        source=source,
        url=url,
        title=title or head.title,
        published=published,
        language=guess.lang,
        language_score=guess.score,
        langpack=None if pack is None else "universal" if pack.universal else pack.lang,
        text=text,
        paragraphs=tuple(_paragraphs(masked)),
        entities=tuple(_with_norms(entities)),
        amounts=tuple(cap_values(amounts)),
        percentages=tuple(cap_values(percentages)),
        periods=tuple(periods),
        facts=tuple(cap_values(_fact_norms(facts))),
        units=tuple(units),
        extractor_version=__version__,
    )


def cap_values(records: list[R]) -> list[R]:
    """The records with every value beyond ``MAX_INTEGER_DIGITS`` (or not finite) set to None."""
    out = []
    for record in records:
        update = {name: None for name in _VALUE_FIELDS if _beyond(getattr(record, name, None))}
        if update:
            log.info(
                "a value of over %d digits at %d-%d is left out",
                MAX_INTEGER_DIGITS,
                getattr(record, "start", getattr(record, "evidence_start", 0)),
                getattr(record, "end", getattr(record, "evidence_end", 0)),
            )
        out.append(record.model_copy(update=update) if update else record)
    return out


def _beyond(value: object) -> bool:
    if not isinstance(value, Decimal):
        return False
    return not value.is_finite() or (not value.is_zero() and value.adjusted() >= MAX_INTEGER_DIGITS)


def _with_norms(entities: list[Entity]) -> list[Entity]:
    """Add the grouping name to every organisation; the surface form stays as written."""
    return [e.model_copy(update={"norm": normalize_org(e.text)}) if e.label == "ORG" else e for e in entities]


def _fact_norms(facts: list[Fact]) -> list[Fact]:
    """Add ``<role>_norm`` (customer, vendor, company, buyer, target, seller) for each name."""
    out = []
    for fact in facts:
        # a norm the linker set already (an abbreviation's full name) stays
        update = {
            f"{role}_norm": normalize_org(name)
            for role in NAME_ROLES
            if (name := getattr(fact, role)) and getattr(fact, f"{role}_norm") is None
        }
        out.append(fact.model_copy(update=update) if update else fact)
    return out


def article_id(text: str) -> str:
    """A stable id from the text itself, so re-running an input gives the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,300})?/?>", re.DOTALL)


_BLOCK = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote)\b", re.IGNORECASE)


def mask_markup(text: str) -> str:
    """Mask the HTML comments and tags left in a plain text ("<!--the quote comes from the
    BBC-->", "<p>Internet </p>", pasted from a web page or a wiki): no words of the article, so
    no name or number is read inside them. A block tag ends in a line break, so paragraphs stay
    apart; every other character becomes a space and offsets stay valid."""
    if "<" not in text:
        return text
    chars = list(text)
    for m in _MARKUP.finditer(text):
        start, end = m.span()
        chars[start:end] = " " * (end - start)
        if _BLOCK.match(m.group()):
            chars[end - 1] = "\n"
    return "".join(chars)


def mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by spaces of the same length (offsets stay valid)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _language(masked: str, lang: str | None) -> LanguageGuess:
    if lang:
        return LanguageGuess(lang.lower(), 1.0)
    return detect_language(masked)


def _pack(lang: str, *, explicit: bool) -> LangPack | None:
    """The language's pack; for a language without one, the universal layer (CLDR currency
    signs, names and codes, digits of every script, percent signs: amounts, percentages and
    dates, no facts), with a warning; a code no language has is an error when given, and
    nothing when detected."""
    if lang in available_languages():
        return load_langpack(lang)
    if universal_language(lang):
        # "und" (too little text to judge) is routine; a language without a pack is news
        log.log(
            logging.DEBUG if lang == "und" or explicit else logging.WARNING,  # --lang: the CLI said it once
            "no language pack for %r: the universal layer runs (currency signs, codes and CLDR names, "
            "digits, percent signs); no facts",
            lang,
        )
        return load_langpack(lang)
    if explicit:
        raise UnsupportedLanguage(lang, available_languages())
    log.warning("unknown language %r: amounts, percentages, periods and facts are skipped", lang)
    return None


def _overlaps_any(entity: Entity, mentions: list[Amount | Percentage | Period]) -> bool:
    return any(entity.start < m.end and m.start < entity.end for m in mentions)


#: zero-width and invisible format characters, read as spaces by the engines
_INVISIBLE = {cp: " " for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)}


def _indexing(text: str, mentions: list[M]) -> list[M]:
    """Mentions whose offsets index the original text (one reaching into a mask would not); a
    mention read across an invisible character keeps the original's text ("5\u200b000 Euro")."""
    kept = []
    for m in mentions:
        original = text[m.start : m.end]
        if original == m.text:
            kept.append(m)
        elif original.translate(_INVISIBLE) == m.text:
            kept.append(m.model_copy(update={"text": original}))
    return kept


def _paragraphs(masked: str) -> list[Paragraph]:
    """Content paragraphs with their own language, for mixed-language articles."""
    result = []
    for start, end in paragraph_spans(masked):
        guess = detect_language(masked[start:end])
        result.append(Paragraph(start=start, end=end, language=guess.lang, language_score=guess.score))
    return result


def _entities(text: str, masked: str, model: str) -> list[Entity]:
    spans = get_backend(model).entities(masked)
    return [
        Entity(text=text[s.start : s.end], start=s.start, end=s.end, label=s.label)  # type: ignore[arg-type]
        for s in spans
        if s.label in ("PER", "ORG", "LOC", "MISC") and text[s.start : s.end].strip()
    ]
