"""Link entities, amounts, percentages and periods into facts: who paid whom, how much, when.

A shallow, explainable linker rather than a parser: news sentences that state a payment are
short and formulaic, and the cues that assign roles (verbs of buying and selling, the
prepositions before a company, anaphors such as "diese Kunden" or "das Unternehmen") are
language data in the pack's ``[facts]`` table. The engine has no per-language code.

Roles, per sentence:
- a *buy* verb (kaufen, zahlen, ausgeben) makes the bare subject company the customer and a
  company after a vendor preposition ("von", "an", "bei") or after the subject the vendor;
- a *sell* verb (verkaufen, vermieten) makes a company after a customer preposition ("an")
  the customer and the bare company the vendor;
- a company glued to a product noun ("OpenAI-Modelle") or inside a "für …" phrase is the product;
- a missing vendor is the article's dominant company (the one it names most), when that is
  not the customer itself: the article's context, as a reader would take it;
- a company behind a preposition takes a role only in the verb's own clause.

Takeovers (kind ``acquisition``) are tried first: an active verb makes the subject the buyer
and a bare company object the target ("WPP kauft Conrad Caine"; a product object makes it a
payment instead), a passive verb or a noun takes the buyer after an agent preposition
("acquired by", "Übernahme von X durch Y"), a selling verb makes the subject the seller and the
company after a customer preposition the buyer. Where a language capitalises names only, runs
of capitalised words the NER model left untagged are proposed as companies (lower confidence).
Each fact's confidence comes from these evidence features (``_score``).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from newsfacts.extractors.confidence import DEFAULT_MIN_CONFIDENCE
from newsfacts.extractors.errors import LangPackError
from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import (
    normalize_phrase,
    number_pattern,
    read_number,
    word_pattern,
)
from newsfacts.extractors.records import (
    Amount,
    Article,
    Direction,
    Entity,
    Fact,
    FactRow,
    Percentage,
    Period,
)
from newsfacts.extractors.sentences import sentence_spans

__all__ = ["DEFAULT_MIN_CONFIDENCE", "FactsPack", "fact_rows", "link_facts", "org_cues"]


class FactsPack(BaseModel):
    """The ``[facts]`` table of a language pack: regexes (case-sensitive) and word lists."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    buy_verbs: str
    sell_verbs: str
    vendor_preps: list[str]
    customer_preps: list[str]
    product_preps: list[str]
    other_preps: list[str]
    antecedent_preps: list[str] = []
    amountless_vendor_preps: list[str] = []
    plural_anaphors: str
    singular_anaphors: str
    revenue_nouns: str
    # Phrases with a revenue noun that name no revenue: "cost of revenue", "sales tax",
    # "coût des ventes"; a revenue noun inside one is no cue.
    revenue_not: str = ""
    metric_nouns: str
    count_nouns: list[str]
    restatement: str
    org_cues: list[str] = []
    # acquisitions: who buys which company (extractors/facts.py, ``_acquisitions``)
    acquire_verbs: str = ""  # active voice, buyer is the subject: "übernimmt", "acquired"
    acquire_passive: str = ""  # passive voice, buyer after an agent preposition: "acquired by"
    acquire_nouns: str = ""  # "Übernahme", "acquisition", "rachat"
    divest_verbs: str = ""  # the seller is the subject: "verkauft", "sold"
    agent_preps: list[str] = []  # the buyer after a passive verb or a noun: "durch", "by", "par"
    target_preps: list[str] = []  # the company after an acquisition noun: "von", "of", "de"
    seller_preps: list[str] = []  # "from", "vom": the seller after an active verb
    object_preps: list[str] = []  # may stand before a direct object: Spanish "a" ("compró a X")
    price_cues: str = ""  # before an amount that is a price: "für", "for", "valued at"
    # Names the tagger missed: in a language that capitalises names only (not every noun),
    # a capitalised run next to a fact cue is taken as a company, at a lower confidence.
    conjunctions: list[str] = []  # "und", "and": between the companies of a list
    negation_cues: str = ""  # "nicht", "not", "niet": a negated takeover or payment is doubtful
    # figures: a money amount named by what it measures ("a $25 million impairment charge",
    # "net income was $5 million", "der Umsatz lag bei 5 Mio. Euro"); ``_figures``.
    figure_item_word: str = ""  # one word of an item phrase; empty: the pack states no figures
    figure_stops: list[str] = []  # words that end an item phrase (articles, pronouns, verbs)
    figure_links: str = ""  # between the item and its amount: "was", "of", "totaled", "betrug"
    figure_determiners: list[str] = []  # before an amount whose item follows it: "a", "an"
    figure_after_links: list[str] = []  # between an amount and its item: "of" ("$100 million of bonds")
    figure_series: str = ""  # the gap between two amounts of one series: ", ", " and ", " to "
    figure_item_joiners: list[str] = []  # inside an item, between two item words: "cash on hand"
    # changes by an amount (``_amount_changes``): links between a rise or fall noun and the
    # amount besides the percent change prepositions ("a decrease of $1.0 million"), and the
    # prepositions before the item a change noun is of ("a $1.2 million decrease in costs")
    change_links: list[str] = []
    # between a rise or fall verb and the amount, besides the percent change prepositions:
    # Spanish "aumentaron en 300 millones", Italian "aumentati di 300 milioni"
    change_verb_links: list[str] = []
    change_item_preps: list[str] = []
    # the nouns of a change ("increase", "decline"; not "gain" or "loss", which are levels:
    # "losses of $123 million"), by direction: {"up": [...], "down": [...]}
    change_nouns: dict[str, list[str]] = {}
    # the verbs of a change before an amount, by direction: only verbs of a metric moving
    # ("rose", "stieg", "a progressé"); not the percent cues' "gained", "lost", "raised",
    # "gewinnt", "perdió", which before an amount name a prize, a loss or money raised
    change_verbs: dict[str, list[str]] = {}
    propose_names: bool = False
    name_connectors: list[str] = []  # lower-case words inside a name: "Banco de Portugal"
    name_stopwords: list[str] = []  # capitalised words that are no name: "The", "Le", "However"


@dataclass(frozen=True)
class _Cues:
    """Compiled regexes of one pack's facts table."""

    pack: FactsPack
    buy: re.Pattern[str]
    sell: re.Pattern[str]
    plural: re.Pattern[str]
    singular: re.Pattern[str]
    revenue: re.Pattern[str]
    revenue_not: re.Pattern[str] | None
    change: _ChangeCues
    metric: re.Pattern[str]
    count: re.Pattern[str]
    restatement: re.Pattern[str]
    rates: tuple[tuple[re.Pattern[str], str], ...]
    abbreviations: frozenset[str]
    org_cues: tuple[re.Pattern[str], ...]
    acquire: re.Pattern[str] | None
    passive: re.Pattern[str] | None
    acquire_noun: re.Pattern[str] | None
    divest: re.Pattern[str] | None
    price: re.Pattern[str] | None
    preps: tuple[str, ...]
    name: re.Pattern[str] | None
    name_stopwords: frozenset[str]
    negation: re.Pattern[str] | None
    figure_before: re.Pattern[str] | None
    figure_after: re.Pattern[str] | None
    figure_det: re.Pattern[str] | None
    figure_subject: re.Pattern[str] | None
    figure_series: re.Pattern[str] | None


# A capitalised word (an inner apostrophe only before a capital: "L'Oréal", not "L'action")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w&+.-]|['’](?=[A-ZÀ-ÖØ-Þ]))*[\w+]|[A-Z]"


def _name_pattern(connectors: list[str]) -> re.Pattern[str]:
    link = "|".join(re.escape(c) for c in connectors) or "(?!)"
    return re.compile(rf"(?<![\w'’])(?:{_NAME_WORD})(?:\s(?:(?:{link})\s)?(?:{_NAME_WORD}))*")


def _optional(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(pattern, flags) if pattern else None


def _cues(pack: LangPack) -> _Cues:
    return pack.compiled("facts", _build_cues)


def org_cues(pack: LangPack) -> tuple[re.Pattern[str], ...]:
    """The pack's patterns in which a text calls a name a company (none without fact cues)."""
    return _cues(pack).org_cues if pack.facts else ()


def _build_cues(pack: LangPack) -> _Cues:
    try:
        data = FactsPack.model_validate(pack.facts)
    except Exception as exc:  # pydantic.ValidationError: a pack error, with its key
        raise LangPackError(f"{pack.lang}.toml", "facts", str(exc)) from None
    ci = re.IGNORECASE
    return _Cues(
        pack=data,
        buy=re.compile(data.buy_verbs),
        sell=re.compile(data.sell_verbs),
        plural=re.compile(data.plural_anaphors, ci),
        singular=re.compile(data.singular_anaphors, ci),
        revenue=re.compile(data.revenue_nouns, ci),
        revenue_not=_optional(data.revenue_not, ci),
        change=_change_cues(pack, data),
        metric=re.compile(data.metric_nouns, ci),
        count=re.compile(_count_pattern(pack, data.count_nouns), ci),
        restatement=re.compile(data.restatement),
        # rate phrases anywhere in a sentence: the money engine's "before" phrases
        rates=tuple((re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", ci), rate)
                    for rate, phrases in pack.money.rates.before.items() if phrases),
        abbreviations=frozenset(a.lower() for a in pack.text.abbreviations),
        org_cues=tuple(re.compile(p) for p in data.org_cues),
        acquire=_optional(data.acquire_verbs),
        passive=_optional(data.acquire_passive),
        acquire_noun=_optional(data.acquire_nouns),
        divest=_optional(data.divest_verbs),
        price=_optional(rf"(?:{data.price_cues})\s+(?:\S+\s+)?$" if data.price_cues else "", ci),
        preps=tuple(dict.fromkeys(
            data.vendor_preps + data.customer_preps + data.product_preps + data.other_preps
            + data.agent_preps + data.target_preps + data.seller_preps + data.object_preps)),
        name=_name_pattern(data.name_connectors) if data.propose_names else None,
        name_stopwords=frozenset(_plain(w) for w in data.name_stopwords + _calendar_words(pack)),
        negation=_optional(data.negation_cues, ci),
        **_figure_patterns(data),
        figure_series=_optional(data.figure_series, ci),
    )


@dataclass(frozen=True)
class _ChangeCues:
    """Where an amount is the size of a change, not a level ("rose to $5 million" is a level)."""

    before: re.Pattern[str]  # "decreased ", "stieg um ", "a decrease of "
    item_before: re.Pattern[str] | None  # "an increase in commissions of "
    after: re.Pattern[str]  # " decrease" in "a $1.2 million decrease in costs"
    item_after: re.Pattern[str] | None  # " in PPM International costs"


def _change_cues(pack: LangPack, data: FactsPack) -> _ChangeCues:
    words = pack.percent
    cues = (f"(?P<up>{word_pattern(data.change_verbs.get('up', []))})"
            f"|(?P<down>{word_pattern(data.change_verbs.get('down', []))})")
    prefixes = "|".join(re.escape(w) for w in [*words.change_prefixes, *data.change_verb_links]) or "(?!)"
    nouns = (f"(?P<nup>{word_pattern(data.change_nouns.get('up', []))})"
             f"|(?P<ndown>{word_pattern(data.change_nouns.get('down', []))})")
    links = "|".join(re.escape(w) for w in data.change_links) or "(?!)"
    item = _item_pattern(data)
    preps = "|".join(re.escape(w) for w in data.change_item_preps)
    with_item = item is not None and preps and data.change_nouns
    return _ChangeCues(
        # "decreased $1.9 million", "stieg um 5 Mio. Euro", "a decrease of $1.0 million"
        before=re.compile(rf"(?:(?:{cues})(?:\s+(?:{prefixes}))?|(?:{nouns})\s+(?:{links}))\s*$", re.IGNORECASE),
        item_before=re.compile(rf"(?:{nouns})\s+(?:{preps})\s+{item}\s+(?:{links})\s*$", re.IGNORECASE)
        if with_item else None,
        after=re.compile(rf"\s+(?:{nouns})", re.IGNORECASE),
        item_after=re.compile(rf"\s+(?:{preps})\s+{item}") if with_item else None,
    )


def _rise_or_fall(m: re.Match[str]) -> Direction:
    """The direction of a match of ``_ChangeCues``: its rise word or noun group took part."""
    groups = m.groupdict()
    return "up" if groups.get("up") or groups.get("nup") else "down"


def _item_pattern(data: FactsPack) -> str | None:
    """One item phrase ("net income", "cash on hand"), as group ``item``."""
    if not data.figure_item_word:
        return None
    stops = "|".join(re.escape(w) for w in sorted(data.figure_stops, key=len, reverse=True)) or "(?!)"
    word = rf"(?!(?i:{stops})(?![\w'’-]))(?:{data.figure_item_word})"
    joiners = "|".join(re.escape(w) for w in data.figure_item_joiners)
    joint = rf"\s+(?:(?:{joiners})\s+)?" if joiners else r"\s+"
    return rf"(?P<item>{word}(?:{joint}{word}){{0,4}})"


def _figure_patterns(data: FactsPack) -> dict[str, re.Pattern[str] | None]:
    """Item phrases around an amount: ``figure_before`` is matched against the text up to the
    amount ("net income was "), ``figure_after`` from the amount's end (" impairment charge",
    " of first mortgage bonds"), ``figure_det`` against the text before an amount whose item
    follows it ("a ", "an aggregate ")."""
    item = _item_pattern(data)
    if item is None:
        return {"figure_before": None, "figure_after": None, "figure_det": None, "figure_subject": None}
    stops = "|".join(re.escape(w) for w in sorted(data.figure_stops, key=len, reverse=True)) or "(?!)"
    before = re.compile(rf"(?<![\w'’-]){item}\s+(?:{data.figure_links})\s+$") if data.figure_links else None
    after = det = None
    if data.figure_determiners:
        dets = "|".join(re.escape(w) for w in data.figure_determiners)
        links = "|".join(re.escape(w) for w in data.figure_after_links) or "(?!)"
        det = re.compile(rf"(?<![\w'’-])(?i:{dets})(?:\s+[^\W\d_]{{3,12}})?\s+$")
        after = re.compile(rf"\s+(?P<link>(?:{links})\s+(?:\d[\d.,]*\s?%\s+)?)?{item}"
                           rf"(?=\s*(?:[,.;:)]|$)|\s+(?i:{stops})(?![\w'’-]))")
    # the item right before a rise or fall word: "total revenue" in "total revenue decreased"
    subject = re.compile(rf"(?<![\w'’-]){item}\s+$")
    return {"figure_before": before, "figure_after": after, "figure_det": det, "figure_subject": subject}


def _calendar_words(pack: LangPack) -> list[str]:
    """Month and weekday names, which are capitalised in some languages but name no company."""
    return [*pack.periods.months, *pack.periods.extra_months, *pack.periods.weekdays]


@dataclass
class _Sentence:
    start: int
    end: int
    orgs: list[Entity]
    amounts: list[Amount]
    percentages: list[Percentage]
    periods: list[Period]


def link_facts(
    text: str,
    *,
    article_id: str,
    pack: LangPack,
    entities: Sequence[Entity],
    amounts: Sequence[Amount],
    percentages: Sequence[Percentage],
    periods: Sequence[Period],
    title_span: tuple[int, int] | None = None,
    original: str | None = None,
) -> list[Fact]:
    """Link one article's mentions into facts.

    Args:
        text: the article text with boilerplate masked by spaces; offsets index it.
        article_id: the article's id, part of every ``fact_id``.
        pack: the article's language pack (its ``facts`` table holds the cues).
        entities, amounts, percentages, periods: the mentions found in ``text``.
        title_span: the title's span, whose facts rank below the body's when deduplicated.
        original: the unmasked text, which evidence is quoted from (``text`` when None).

    Returns:
        Facts in text order, one per distinct statement.
    """
    if not pack.facts:  # this language has no fact cues yet: mentions only, no facts
        return []
    cues = _cues(pack)
    entities = _sound_entities(entities, cues)
    proposed = _proposed_names(text, cues, entities, [*amounts, *percentages, *periods])
    if cues.name is None:  # a language whose capitalised runs are not proposed (German)
        proposed += _mislabelled_names(text, pack, entities, proposed)
    sentences = _sentences(text, cues, sorted([*entities, *proposed], key=lambda e: e.start),
                           amounts, percentages, periods)
    dominant = _dominant_org(entities)
    currencies = {a.currency for a in amounts if a.currency}
    linker = _Linker(text, original if original is not None else text, article_id, pack,
                     sentences, dominant, title_span)
    tagged = {_org_key(e.text) for e in entities if e.label == "ORG"}
    linker.uncertain = {_org_key(e.text) for e in proposed} - tagged
    # An amount without a currency ("Einnahmen in Milliardenhöhe") takes the article's
    # currency when every amount that names one names the same.
    linker.context_currency = currencies.pop() if len(currencies) == 1 else None
    facts: list[Fact] = []
    for index in range(len(sentences)):
        facts.extend(linker.sentence_facts(index))
    return _deduplicate(facts, title_span)


def _sound_entities(entities: Sequence[Entity], cues: _Cues) -> list[Entity]:
    """Drop organisations whose span runs over a lower-case word ("NuStar Energy acquired
    Kaneb") where names are capitalised: such a span is a tagger slip that would hide the
    names inside it; the capitalised runs are proposed instead."""
    if cues.name is None:
        return list(entities)
    connectors = {c.lower() for c in cues.pack.name_connectors}
    return [e for e in entities if e.label != "ORG" or not (any(
        w[:1].islower() and w.lower() not in connectors for w in e.text.split()[1:])
        or all(_plain(w) in cues.name_stopwords for w in e.text.split()))]  # "Company", "LLC"


def _plain(word: str) -> str:
    return word.lower().strip(".,")


def _proposed_names(text: str, cues: _Cues, entities: Sequence[Entity],
                    mentions: Sequence[Any]) -> list[Entity]:
    """Capitalised runs the tagger left untagged, as company candidates (see ``propose_names``)."""
    if cues.name is None:
        return []
    # A run the tagger called PER, LOC or MISC is still proposed: measured on the fact gold and
    # FIRE, company names tagged as persons or places ("Netflix" PER, "A Galp" LOC) outnumber
    # the places and people that end up in a fact role by mistake.
    result = []
    for m in cues.name.finditer(text):
        start, end = m.start(), m.end()
        words = m.group().split()
        while words and _plain(words[0]) in cues.name_stopwords:  # "The Interface Group", "Mr."
            start += len(words[0]) + 1
            words = words[1:]
        while words and _plain(words[-1]) in cues.name_stopwords:
            end -= len(words[-1]) + 1
            words = words[:-1]
        if not words or len(text[start:end]) < 2:
            continue
        if any(start < m.end and m.start < end for m in mentions) or any(
                start < e.end and e.start < end for e in entities if e.label == "ORG"):
            continue
        result.append(Entity(text=text[start:end], start=start, end=end, label="ORG"))
    return result


def _mislabelled_names(text: str, pack: LangPack, entities: Sequence[Entity],
                       proposed: Sequence[Entity]) -> list[Entity]:
    """Names the tagger called PER, LOC or MISC behind a preposition that marks a party
    ("bestellt bei Hanwha" with Hanwha PER, "Übernahme von Kuka" with Kuka LOC, "Aktie von
    Delivery Hero" with PER) and not followed by a capitalised word (then the name is an
    attribute: "durch die Bremer Gustav-Zech-Stiftung"), as company candidates taken like proposed names (``uncertain``,
    lower confidence). For a language whose packs propose no capitalised runs (German
    capitalises every noun): elsewhere the proposals already cover such names. Bare ones are
    left out: measured on SmartData, bare places and people ("Europas führender
    Onlinehändler", "am Standort Sao Paulo") outnumber companies the tagger mislabelled."""
    data = _cues(pack).pack
    party = {" ".join(p.lower().split()) for p in (
        data.vendor_preps + data.customer_preps + data.agent_preps + data.target_preps + data.seller_preps)}
    probe = _Linker(text, text, "", pack, [], None, None)
    taken = [(e.start, e.end) for e in [*proposed, *(e for e in entities if e.label == "ORG")]]
    return [Entity(text=e.text, start=e.start, end=e.end, label="ORG") for e in entities
            if e.label != "ORG" and not any(e.start < b and a < e.end for a, b in taken)
            and probe._preposition_before(e.start, 0) in party
            and not re.match(r"\s[A-ZÄÖÜ]", text[e.end:e.end + 2])]  # "Bremer Gustav-Zech-Stiftung"


def _count_pattern(pack: LangPack, nouns: list[str]) -> str:
    """Qualifier? number multiplier? count-noun, from the pack's shared number grammar."""
    qualifiers = [w for words in pack.qualifiers.values() for w in words]
    return (rf"(?:(?P<qualifier>{word_pattern(qualifiers)})\s+)?(?P<number>{number_pattern(pack)})"
            rf"(?:\s+(?P<scale>{word_pattern(pack.numbers.multipliers)}))?\s+(?P<noun>{word_pattern(nouns)})")


def _sentences(text: str, cues: _Cues, entities: Sequence[Entity], amounts: Sequence[Amount],
               percentages: Sequence[Percentage], periods: Sequence[Period]) -> list[_Sentence]:
    result = []
    for start, end in sentence_spans(text, abbreviations=cues.abbreviations):
        def inside(items: Iterable[Any], s: int = start, e: int = end) -> list[Any]:
            return [m for m in items if s <= m.start and m.end <= e]
        result.append(_Sentence(
            start, end, [e for e in inside(entities) if e.label == "ORG"], inside(amounts),
            inside(percentages), inside(periods)))
    return result


def _dominant_org(entities: Sequence[Entity]) -> str | None:
    """The company an article names most often (at least three times), by normalised name."""
    counts = Counter(_org_key(e.text) for e in entities if e.label == "ORG")
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    if n < 3:
        return None
    return next(e.text for e in entities if e.label == "ORG" and _org_key(e.text) == key)


def _org_key(name: str) -> str:
    return re.sub(r"\W+", " ", name).strip().lower()


class _Linker:
    """Role assignment for the sentences of one article (state: the previous sentence's fact)."""

    def __init__(self, text: str, original: str, article_id: str, pack: LangPack,
                 sentences: list[_Sentence], dominant: str | None,
                 title_span: tuple[int, int] | None) -> None:
        self.text, self.original, self.article_id = text, original, article_id
        self.pack, self.cues = pack, _cues(pack)
        self.sentences, self.dominant, self.title_span = sentences, dominant, title_span
        self.previous_facts: list[Fact] = []
        self.context_currency: str | None = None
        self.uncertain: set[str] = set()  # companies only proposed, never tagged

    # -- entry point -------------------------------------------------------------------
    def sentence_facts(self, index: int) -> list[Fact]:
        s = self.sentences[index]
        facts: list[Fact] = []
        used: set[int] = set()
        facts.extend(self._acquisitions(index, used))
        if not facts:  # a takeover sentence's "kauft" is not also a payment
            facts.extend(self._payments(index, used))
        facts.extend(self._revenues(index, used, facts))
        facts.extend(self._amount_changes(index, used))
        facts.extend(self._figures(index, used))
        facts.extend(self._percent_facts(index, facts))
        facts.extend(self._counts(index))
        if facts or s.amounts or s.percentages:
            self.previous_facts = facts
        return facts

    # -- payments ------------------------------------------------------------------------
    def _payments(self, index: int, used: set[int]) -> list[Fact]:
        s = self.sentences[index]
        sentence = self.text[s.start:s.end]
        buy = self.cues.buy.search(sentence)
        sell = self.cues.sell.search(sentence)
        if not (buy or sell):
            return []
        verb_at = s.start + (buy or sell).start()  # type: ignore[union-attr]
        selling = buy is None
        roles = self._roles(index, selling=selling, verb_at=verb_at)
        if not roles.customers:
            return []
        vendor, context_vendor = roles.vendor, False
        if vendor is None and roles.bought_company and s.amounts and not selling:
            return self._bought_company(index, roles, verb_at, used)
        if vendor is None and self.dominant and s.amounts:
            vendor, context_vendor = self.dominant, True
        if vendor is None or any(_org_key(c) == _org_key(vendor) for c in roles.customers):
            return self._spending(index, roles.customers, used, anaphor=roles.anaphor) if s.amounts else []
        amount = _nearest(s.amounts, verb_at)
        if amount is None and not (roles.strong_vendor and roles.explicit_customer):
            return []
        if amount is not None:
            used.add(amount.start)
        product = roles.product if roles.product and _key(roles.product) != _key(vendor) else None
        confidence = _score(
            pattern=roles.explicit_customer and (roles.explicit_vendor or roles.vendor is None),
            context_roles=context_vendor, anaphor=roles.anaphor, amount=amount)
        return [
            self._fact(
                "payment", s, customer=customer, vendor=vendor, product=product,
                amount=amount, period=_nearest(s.periods, verb_at), confidence=confidence,
                key=customer,
            )
            for customer in roles.customers
        ]

    def _bought_company(self, index: int, roles: _Linker._Roles, verb_at: int,
                        used: set[int]) -> list[Fact]:
        """'Booking paid $2.6 billion for Kayak': paying for a company is buying it."""
        s = self.sentences[index]
        amount = _nearest(s.amounts, verb_at)
        used.add(amount.start)
        buyer, target = roles.customers[0], roles.bought_company
        return [self._fact("acquisition", s, buyer=buyer, target=target, amount=amount,
                           period=_nearest(s.periods, verb_at),
                           confidence=_score(pattern=True, amount=amount, anaphor=roles.anaphor),
                           key=f"{buyer}|{target}")]

    def _spending(self, index: int, customers: list[str], used: set[int], *,
                  anaphor: bool) -> list[Fact]:
        s = self.sentences[index]
        amount = s.amounts[0]
        used.add(amount.start)
        confidence = _score(pattern=True, anaphor=anaphor, amount=amount)
        return [self._fact("spending", s, company=c, amount=amount,
                           period=_nearest(s.periods, amount.start), confidence=confidence, key=c)
                for c in customers]

    @dataclass
    class _Roles:
        customers: list[str]
        vendor: str | None
        product: str | None
        explicit_customer: bool
        explicit_vendor: bool = True  # False: only guessed from word order
        strong_vendor: bool = False  # clear enough for a payment without an amount
        anaphor: bool = False  # the customer was resolved from an anaphor
        bought_company: str | None = None  # a company the customer paid for, with no vendor

    def _roles(self, index: int, *, selling: bool, verb_at: int) -> _Linker._Roles:
        """Customer(s), vendor and product of a buying or selling sentence.

        A company marked by a preposition is a party only in the verb's own clause: in "hat
        Milliarden ausgegeben, um die Technologie von OpenAI zu finanzieren" the "von" belongs to
        "Technologie", not to the spending.
        """
        s = self.sentences[index]
        sentence = self.text[s.start:s.end]
        clause = self._clause(s, verb_at)
        bare: list[str] = []
        vendor: str | None = None
        customers: list[str] = []
        product: str | None = None
        bought_company: str | None = None
        strong_vendor = False  # a cue clear enough to state a payment without an amount
        for org in s.orgs:
            prep = self._preposition_before(org.start, s.start)
            if vendor is not None and _org_key(org.text) == _org_key(vendor):
                continue
            if self._is_compound(org) or prep in self.cues.pack.product_preps:
                if prep in self.cues.pack.vendor_preps and not selling:
                    vendor = vendor or org.text  # "Miete von Amazon-Servern": Amazon rents
                    strong_vendor = True
                if product is None and not self._is_compound(org):
                    bought_company = org.text  # "paid $2.6 billion for Kayak"
                product = product or org.text
            elif prep is None:
                bare.append(org.text)
            elif not clause[0] <= org.start < clause[1]:
                continue
            elif selling and prep in self.cues.pack.customer_preps:
                customers.append(org.text)
            elif not selling and prep in self.cues.pack.vendor_preps:
                vendor = vendor or org.text
                strong_vendor = strong_vendor or prep in self.cues.pack.amountless_vendor_preps
        anaphor = self._anaphor_customers(index, sentence)
        if selling:
            vendor = bare[0] if bare else (anaphor[0] if anaphor else None)
            return self._Roles(customers, vendor, product, bool(customers))
        if anaphor:
            if bare and vendor is None:
                vendor = bare[0]  # "Diese Kunden zahlten Microsoft": the dative after the subject
            return self._Roles([c for c in anaphor if c != vendor], vendor, product, True,
                               strong_vendor=strong_vendor, anaphor=True)
        if bare:
            if vendor is None and len(bare) > 1:
                return self._Roles(bare[:1], bare[1], product, True, explicit_vendor=False)
            return self._Roles(bare[:1], vendor, product, True, explicit_vendor=vendor is not None,
                               strong_vendor=strong_vendor, bought_company=bought_company)
        return self._Roles([], vendor, product, False, explicit_vendor=vendor is not None)

    def _clause(self, s: _Sentence, offset: int) -> tuple[int, int]:
        """The clause around an offset: the sentence cut at ";", ":" and commas before a space."""
        start, end = s.start, s.end
        for m in _CLAUSE_BREAK.finditer(self.text, s.start, s.end):
            if m.end() <= offset:
                start = m.end()
            elif m.start() >= offset:
                end = m.start()
                break
        return start, end

    def _anaphor_customers(self, index: int, sentence: str) -> list[str]:
        """'Diese Kunden' → the previous sentence's companies; 'das Unternehmen' → the last one."""
        s = self.sentences[index]
        first_org = s.orgs[0].start - s.start if s.orgs else len(sentence)
        plural = self.cues.plural.search(sentence)
        if plural and plural.start() < first_org and index > 0:
            previous = self.sentences[index - 1]
            return _unique(o.text for o in previous.orgs if self._can_be_antecedent(o, previous))
        singular = self.cues.singular.search(sentence)
        if singular and singular.start() < first_org:
            last = self._last_org_before(s.start + singular.start())
            return [last] if last else []
        return []

    def _can_be_antecedent(self, org: Entity, sentence: _Sentence) -> bool:
        """Listed companies ("Kunden wie Walmart und Intuit"), not ones behind "von", "mit"…"""
        prep = self._preposition_before(org.start, sentence.start)
        return prep is None or prep in self.cues.pack.antecedent_preps

    def _last_org_before(self, offset: int) -> str | None:
        for sentence in reversed(self.sentences):
            if sentence.start > offset:
                continue
            for org in reversed(sentence.orgs):
                if org.end <= offset and not self._is_compound(org):
                    return org.text
        return None

    def _preposition_before(self, start: int, floor: int, reach: int = 2) -> str | None:
        """The preposition ending one or two words before a company ("an die", "da parte di").

        Words that may stand before a bare object or subject (the pack's ``object_preps``,
        Portuguese "a"/"o") count as no preposition.
        """
        prep = self._raw_preposition_before(start, floor, reach)
        return None if prep in self.cues.pack.object_preps else prep

    def _raw_preposition_before(self, start: int, floor: int, reach: int = 2) -> str | None:
        before = self.text[max(floor, start - 60):start]
        before = re.split(r"[,;:()\[\]|–—]", before)[-1]  # a preposition never crosses a comma
        words = [w.lower() for w in re.findall(r"[^\W\d]+", before)[-5:]]
        for back in range(1, reach + 1):
            end = len(words) - back + 1
            for prep in self._prep_words:
                if end - len(prep) >= 0 and words[end - len(prep):end] == list(prep):
                    return " ".join(prep)
        return None

    @functools.cached_property
    def _prep_words(self) -> list[tuple[str, ...]]:
        """The pack's prepositions as word tuples, longest first (multi-word ones win)."""
        return sorted((tuple(p.lower().split()) for p in self.cues.preps), key=len, reverse=True)

    def _is_compound(self, org: Entity) -> bool:
        """'OpenAI-Modelle', 'Amazon-Servern': a company name glued to a noun names a product."""
        return bool(re.match(r"-[^\W\d_]", self.text[org.end:org.end + 2]))

    # -- acquisitions --------------------------------------------------------------------
    def _acquisitions(self, index: int, used: set[int]) -> list[Fact]:
        """Buyer, target, seller, price and date of each takeover a sentence states."""
        s = self.sentences[index]
        triggers = self._acquisition_triggers(s)
        found: list[tuple[tuple[str, str, str | None, bool], int]] = []
        for mode, t_start, t_end in triggers:
            roles = self._acquisition_roles(index, mode, t_start, t_end)
            if roles is not None and all(_org_key(r[0][0]) != _org_key(roles[0])
                                         or _org_key(r[0][1]) != _org_key(roles[1]) for r in found):
                found.append((roles, t_start))
        facts = []
        for (buyer, target, seller, by_pattern), t_start in found:
            # each price goes to the takeover it stands nearest to
            price, price_cued = self._price(s, t_start, [t for _, t in found])
            if price is not None:
                used.add(price.start)
            confidence = _score(pattern=by_pattern, amount=price, amount_cued=price_cued,
                                amount_required=False)
            facts.append(self._fact("acquisition", s, buyer=buyer, target=target, seller=seller,
                                    amount=price, period=_nearest(s.periods, t_start),
                                    confidence=confidence, key=f"{buyer}|{target}"))
        return facts

    def _acquisition_triggers(self, s: _Sentence) -> list[tuple[str, int, int]]:
        """Takeover cues in text order: passive or active verbs, selling verbs, nouns."""
        found: list[tuple[str, int, int]] = []
        for mode, pattern in (("passive", self.cues.passive), ("active", self.cues.acquire),
                              ("divest", self.cues.divest), ("noun", self.cues.acquire_noun)):
            for m in pattern.finditer(self.text, s.start, s.end) if pattern else ():
                if not any(a < m.end() and m.start() < b for _, a, b in found):
                    found.append((mode, m.start(), m.end()))
        return sorted(found, key=lambda t: t[1])

    def _acquisition_roles(self, index: int, mode: str, t_start: int,
                           t_end: int) -> tuple[str, str, str | None, bool] | None:
        """(buyer, target, seller, found by pattern) or None when a party is missing."""
        s = self.sentences[index]
        pack = self.cues.pack
        # a preposition never reaches back across the trigger ("to acquire LinkedIn")
        orgs = [(o, self._preposition_before(o.start, t_end if o.start >= t_end else s.start))
                for o in s.orgs if not o.text.startswith("@") and not self._is_alias(o)]
        glued = [o for o, _ in orgs if o.end <= t_start and re.fullmatch(r"-?", self.text[o.end:t_start])
                 and self._is_compound(o)]  # "E-Plus-Übernahme": the company glued to the noun
        free = [(o, p) for o, p in orgs if not self._is_compound(o)]
        before = [o for o, p in free if o.end <= t_start and p is None]
        after = [(o, p) for o, p in free if o.start >= t_end]
        # an agent may stand three words behind its preposition ("durch den Handelsriesen Edeka")
        agent = next((o for o, _ in free if o.start >= t_end
                      and self._preposition_before(o.start, s.start, reach=3) in pack.agent_preps), None)
        buyer = target = seller = None
        by_pattern = True
        if mode == "passive":
            agent = agent or next((o for o, p in free if p in pack.agent_preps), None)
            bare = [o.text for o, p in free if p is None and o is not agent]
            target = bare[0] if bare else None
            # no agent preposition next to the name ("von dem Konkurrenten Youzu übernommen")
            buyer = agent.text if agent else (bare[1] if len(bare) > 1 else None)
            by_pattern = agent is not None
        elif mode == "noun":
            target = glued[-1].text if glued else next(
                (o.text for o, p in after if p in pack.target_preps or p is None), None)
            # "Übernahme von X durch Y": a preposition that also marks the target is no agent
            agent = next((o for o, _ in after if o.text != target and (
                p3 := self._preposition_before(o.start, s.start, reach=3)) in pack.agent_preps
                          and p3 not in pack.target_preps), None)
            subject = next((o.text for o, p in free if p is None and o.text != target), None)
            owner = next((o.text for o, _ in free if o.end <= t_start and re.fullmatch(
                r"['’]s\s+(?:\w+\s+)?", self.text[o.end:t_start])), None)  # "Morgan Stanley's acquisition"
            buyer = agent.text if agent else owner or (before[-1].text if before else subject)
        else:  # active buying, or selling ("divest": the subject is the seller)
            clause = self._clause(s, t_start)
            near = [o for o in before if o.start >= clause[0]]
            # the subject in the verb's own clause, else the sentence's ("Comcast - …, der … -
            # legt … auf den Tisch und übernimmt Dreamworks")
            subject = near[-1].text if near else (before[0].text if before else None)
            objects = [o.text for o, p in after if p is None and o.start < clause[1]]
            if subject is None and len(objects) >= 2 and mode == "active":
                subject, objects = objects[0], objects[1:]  # "Im März übernahm Toyota Daihatsu"
            elif not objects and len(near) >= 2 and mode == "active" and self._object_before(
                    near[-2], near[-1], s.start):
                subject, objects = near[-2].text, [near[-1].text]  # "X hat Y übernommen"
            if subject is None:
                subject = self._singular_anaphor(index, t_start)
                by_pattern = False
            target = objects[0] if objects else None
            if mode == "divest":
                seller = subject
                buyer = next((o.text for o, p in after if p in pack.customer_preps), None)
            else:
                buyer = subject
                seller = next((o.text for o, p in after if p in pack.seller_preps and o.text != target), None)
        if not buyer or not target or _org_key(buyer) == _org_key(target):
            return None
        return buyer, target, seller, by_pattern

    def _is_alias(self, org: Entity) -> bool:
        """'Telefónica Deutschland (O2)': a name in brackets right after another is an alias."""
        before = self.text[max(0, org.start - 3):org.start]
        return before.endswith("(") and self.text[org.end:org.end + 1] == ")" and bool(
            re.search(r"\w\s*\($", before))

    def _object_before(self, subject: Entity, obj: Entity, floor: int) -> bool:
        """'X hat Y übernommen': Y is an object, not a list item ("Audi, BMW und Daimler") and
        not behind a preposition a few words back ("vom Oldenburger Energieversorger EWE")."""
        gap = self.text[subject.end:obj.start].strip(" ,")
        if not gap or gap == "&" or gap.lower() in self.cues.pack.conjunctions:
            return False  # "Audi, BMW und Daimler": a list of companies
        return self._preposition_before(obj.start, floor, reach=3) is None

    def _singular_anaphor(self, index: int, offset: int) -> str | None:
        """'Das Unternehmen übernimmt …': the company last named before the anaphor."""
        s = self.sentences[index]
        m = self.cues.singular.search(self.text, s.start, offset)
        return self._last_org_before(m.start()) if m else None

    def _price(self, s: _Sentence, offset: int, triggers: list[int]) -> tuple[Amount | None, bool]:
        """The amount a price cue introduces ("für 80 Millionen Euro"), else a lone amount."""
        mine = [a for a in s.amounts
                if min(triggers, key=lambda t: abs(a.start - t)) == offset]
        for amount in sorted(mine, key=lambda a: abs(a.start - offset)):
            before = self.text[max(s.start, amount.start - 30):amount.start]
            if self.cues.price and self.cues.price.search(before):
                return amount, True
        if len(s.amounts) == 1 and mine and not self.cues.revenue.search(self.text, s.start, s.end):
            return s.amounts[0], False
        return None, False

    # -- revenue -------------------------------------------------------------------------
    def _revenues(self, index: int, used: set[int], so_far: list[Fact]) -> list[Fact]:
        s = self.sentences[index]
        sentence = self.text[s.start:s.end]
        facts = []
        for amount in s.amounts:
            if amount.start in used:
                continue
            restated = next((f for f in self.previous_facts if f.kind == "revenue"), None)
            if restated is not None and self.cues.restatement.match(sentence):
                facts.append(self._fact("revenue", s, company=restated.company,
                                        amount=amount, confidence=0.6, key=amount.text))
                continue
            cue = self._revenue_cue(sentence)
            if cue is None or self._change_size(s, amount):
                continue
            company, confidence = self._org_after(s, s.start + cue.end()), 0.8
            if company is None:
                company, confidence = _vendor_of(so_far), 0.7
            if company is None:
                company, confidence = self._subject_scored(index, amount.start)
            if company:
                used.add(amount.start)
                facts.append(self._fact("revenue", s, company=company, amount=amount,
                                        metric=cue.group(), period=_nearest(s.periods, amount.start),
                                        confidence=confidence, key=amount.text))
        return facts

    def _revenue_cue(self, sentence: str) -> re.Match[str] | None:
        """The first revenue noun of a sentence that is no part of a cost or a tax ("cost of
        revenue decreased $3.3 million" names no revenue)."""
        blocked = ([m.span() for m in self.cues.revenue_not.finditer(sentence)]
                   if self.cues.revenue_not is not None else [])
        return next((m for m in self.cues.revenue.finditer(sentence)
                     if not any(a <= m.start() < b for a, b in blocked)), None)

    def _change_size(self, s: _Sentence, amount: Amount) -> bool:
        """Whether an amount is the size of a change ("revenue decreased $1.9 million"), which
        is no revenue level."""
        return self._change_of(s, amount) is not None

    def _change_of(self, s: _Sentence, amount: Amount) -> tuple[Direction, str | None] | None:
        """The direction of the change an amount is the size of, and the item that changed if
        the text names it; ``None`` for an amount that is a level. Four shapes:
        "an increase in commissions of $33.3 million", "a decrease of $1.0 million in revenue",
        "operating expenses increased by $1.6 million", "a $1.2 million decrease in costs"."""
        cues = self.cues.change
        floor = max(s.start, amount.start - 80)
        m = cues.item_before.search(self.text, floor, amount.start) if cues.item_before else None
        if m is not None:
            return _rise_or_fall(m), self._item_text(s, m.span("item"))
        m = cues.before.search(self.text, floor, amount.start)
        if m is not None:
            item = self._item_after(s, amount.end)
            return _rise_or_fall(m), item or self._changed_item(s, m.start())
        # a change noun after the amount, only as "a/the <amount> <noun> in <item>": "Sales of
        # $5 million rose in Europe" is a level that rose
        m = cues.after.match(self.text, amount.end, s.end)
        det = self.cues.figure_det
        if m is None or det is None or not det.search(self.text, max(s.start, amount.start - 30), amount.start):
            return None
        item = self._item_after(s, m.end())
        return (_rise_or_fall(m), item) if item else None

    def _item_after(self, s: _Sentence, offset: int) -> str | None:
        """The item after a change preposition at ``offset`` (" in revenue"), not a period
        (" in 2012", " in fiscal 2002")."""
        cues = self.cues.change
        n = cues.item_after.match(self.text, offset, s.end) if cues.item_after else None
        if n is None or any(p.start <= n.end("item") and n.start("item") < p.end for p in s.periods):
            return None
        return self._item_text(s, n.span("item"))

    def _item_text(self, s: _Sentence, span: tuple[int, int]) -> str | None:
        """An item phrase without a company's possessive at its start ("Ameren's margins" names
        margins; "PPM International costs" stays whole); ``None`` where it is a company."""
        start, end = span
        for org in s.orgs:
            if org.start <= start and end <= org.end:
                return None  # a company is no item ("Der Umsatz von Siemens stieg")
            if org.start < end and start < org.end and re.match(r"['’]s?\s", self.text[org.end:end]):
                start = max(start, org.end)
        item = re.sub(r"^(?:['’]s?\s*)", "", self.text[start:end]).strip()
        return item or None

    def _org_after(self, s: _Sentence, offset: int) -> str | None:
        """A company right after a noun ("des Gesamtumsatzes von Microsoft")."""
        for org in s.orgs:
            if 0 <= org.start - offset <= 6 and self._preposition_before(org.start, offset) is not None:
                return org.text
        return None

    def _subject(self, index: int, offset: int) -> str | None:
        """The company a statement is about: the nearest one before it, else an anaphor's."""
        return self._subject_scored(index, offset)[0]

    def _subject_scored(self, index: int, offset: int) -> tuple[str | None, float]:
        """The subject and the confidence its position gives: before > anaphor > after."""
        s = self.sentences[index]
        before = [o for o in s.orgs if o.end <= offset and not self._is_compound(o)]
        if before:
            return before[-1].text, 0.7
        sentence = self.text[s.start:offset]
        if self.cues.singular.search(sentence):
            return self._last_org_before(s.start), 0.6
        after = [o for o in s.orgs if o.start >= offset and not self._is_compound(o)]
        return (after[0].text, 0.55) if after else (None, 0.0)

    # -- changes by an amount ------------------------------------------------------------
    def _amount_changes(self, index: int, used: set[int]) -> list[Fact]:
        """An amount that is the size of a change ("total revenue decreased $1.9 million", "der
        Umsatz stieg um 5 Mio. Euro", "a $1.2 million decrease in costs"): a ``change`` fact
        with the amount in place of a percentage, the item that changed (else the nearest
        metric noun) as its metric, and the direction of the rise or fall word. Without a
        company it stands on its metric, at 0.5."""
        s = self.sentences[index]
        facts = []
        for amount in s.amounts:
            if amount.start in used or amount.vague or (amount.value is None and amount.min is None):
                continue
            change = self._change_of(s, amount)
            if change is None:
                continue
            direction, item = change
            metric = item or self._metric(s, amount.start)
            company, confidence = self._subject_scored(index, amount.start)
            if company is None and metric is None:
                continue
            used.add(amount.start)
            facts.append(self._fact(
                "change", s, company=company, metric=metric, amount=amount, direction=direction,
                period=_nearest(s.periods, amount.start),
                confidence=confidence - 0.1 if company else 0.5, key=amount.text))
        return facts

    def _changed_item(self, s: _Sentence, cue_start: int) -> str | None:
        """The item phrase right before a rise or fall word ("operating expenses increased")."""
        if self.cues.figure_subject is None:
            return None
        m = self.cues.figure_subject.search(self.text, max(s.start, cue_start - 80), cue_start)
        return self._item_text(s, m.span("item")) if m else None

    # -- figures -------------------------------------------------------------------------
    def _figures(self, index: int, used: set[int]) -> list[Fact]:
        """Amounts no other fact claimed, named by what they measure: "a $25 million impairment
        charge", "net income was $5 million". The item is the fact's ``metric``; the company is
        the sentence's subject when it names one (a figure without one is still a fact of the
        article, at a lower confidence)."""
        s = self.sentences[index]
        facts = []
        last: tuple[Amount, str] | None = None  # the previous amount with an item
        for amount in s.amounts:
            if amount.start in used or amount.vague or (amount.value is None and amount.min is None):
                continue
            item = self._figure_item(s, amount)
            if item is None and last is not None and self._same_series(s, last[0], amount):
                item = last[1]
            if item is None:
                continue
            last = (amount, item)
            company, _ = self._subject_scored(index, amount.start)
            if company is not None and _org_key(company) in self.uncertain:
                company = None  # a figure stands without a company; a guessed one adds doubt only
            facts.append(self._fact("figure", s, company=company, metric=item, amount=amount,
                                    period=_nearest(s.periods, amount.start),
                                    confidence=0.6 if company else 0.55, key=amount.text))
        return facts

    def _same_series(self, s: _Sentence, first: Amount, second: Amount) -> bool:
        """Two amounts of one series: only a list comma, "and", "to", "from" and period
        mentions between them ("$865 million, $795 million", "$459.1 million in 2011 to")."""
        if self.cues.figure_series is None:
            return False
        gap = self.text[first.end:second.start]
        for p in s.periods:
            if first.end <= p.start and p.end <= second.start:
                gap = gap.replace(self.text[p.start:p.end], " ", 1)
        return self.cues.figure_series.fullmatch(gap) is not None

    def _figure_item(self, s: _Sentence, amount: Amount) -> str | None:
        """The phrase naming what an amount measures, before it ("net income was") or after it
        ("a $6.4 million tax benefit", "$100 million of bonds"); a company inside it is cut off
        ("Prudential's bid of $26.5 billion" names the bid)."""
        cues = self.cues
        span = None
        if cues.figure_before is not None:
            # period mentions are left out, so that one may stand inside the link or between
            # it and the item ("Der Umsatz lag im dritten Quartal bei", "expenses in 2003 were")
            floor = max(s.start, amount.start - 120)
            kept = [i for i in range(floor, amount.start)
                    if not any(p.start <= i < p.end for p in s.periods)]
            m = cues.figure_before.search("".join(self.text[i] for i in kept))
            if m:
                span = (kept[m.start("item")], kept[m.end("item") - 1] + 1)
        if span is None and cues.figure_after is not None and cues.figure_det is not None:
            m = cues.figure_after.match(self.text, amount.end, s.end)
            if m and (m["link"] or cues.figure_det.search(self.text, max(s.start, amount.start - 30), amount.start)):
                span = m.span("item")
        if span is None:
            return None
        start, end = span
        for org in s.orgs:
            if org.start < end and start < org.end and _org_key(org.text) not in self.uncertain:
                start = max(start, org.end)
        # what a cut company leaves ("'s bid"), and an elided article ("L'utile netto")
        item = re.sub(r"^(?:['’]s?\s*|[^\W\d_]['’](?=\w))", "", self.text[start:end]).strip()
        return item or None

    # -- percentages ---------------------------------------------------------------------
    def _percent_facts(self, index: int, so_far: list[Fact]) -> list[Fact]:
        s = self.sentences[index]
        facts = []
        for pct in s.percentages:
            if pct.kind in ("change", "points"):
                company, confidence = self._subject_scored(index, pct.start)
                if company is None:
                    continue
                confidence -= 0.1 * (pct.direction is None)
                facts.append(self._fact(
                    "change", s, company=company, metric=self._metric(s, pct.start), percent=pct,
                    period=_nearest(s.periods, pct.start), confidence=confidence, key=pct.text))
            elif pct.kind == "share":
                payer = next((f.customer for f in so_far if f.kind == "payment"), None)
                company = payer or self._subject(index, pct.start)
                whole = self._org_after(s, pct.end + 1) or self._whole_after(s, pct.end)
                if company is None:
                    continue
                facts.append(self._fact("share", s, company=company, of=whole, percent=pct,
                                        confidence=0.6, key=pct.text))
        return facts

    def _whole_after(self, s: _Sentence, offset: int) -> str | None:
        """The company a share is of: the first one after the percentage, within a few words."""
        for org in s.orgs:
            if 0 <= org.start - offset <= 40:
                return org.text
        return None

    def _metric(self, s: _Sentence, offset: int) -> str | None:
        """The metric noun nearest before a percentage ("Cloud-Umsätze", "Kurs")."""
        best = None
        for m in self.cues.metric.finditer(self.text, s.start, offset):
            best = m.group()
        return best

    # -- counts --------------------------------------------------------------------------
    def _counts(self, index: int) -> list[Fact]:
        s = self.sentences[index]
        facts = []
        for m in self.cues.count.finditer(self.text, s.start, s.end):
            value = _count_value(m, self.pack)
            company, confidence = self._subject_scored(index, m.start())
            if value is None or company is None:
                continue
            qualifier = _count_qualifier(m, self.pack)
            facts.append(self._fact(
                "count", s, company=company, metric=m.group("noun"), count=(value, qualifier),
                period=_nearest(s.periods, m.start()), confidence=confidence, key=m.group()))
        return facts

    # -- building a fact -----------------------------------------------------------------
    def _fact(self, kind: str, s: _Sentence, *, key: str | None, confidence: float,
              customer: str | None = None, vendor: str | None = None, company: str | None = None,
              buyer: str | None = None, target: str | None = None, seller: str | None = None,
              product: str | None = None, metric: str | None = None, of: str | None = None,
              amount: Amount | None = None, percent: Percentage | None = None,
              period: Period | None = None, count: tuple[Decimal, str | None] | None = None,
              direction: Direction | None = None) -> Fact:
        rate = amount.rate if amount else None
        if amount is not None and rate is None:
            rate = self._rate_in(s)
        fields: dict[str, Any] = dict(
            kind=kind, customer=customer, vendor=vendor, company=company, product=product,
            buyer=buyer, target=target, seller=seller,
            metric=metric, of=of, rate=rate, direction=direction,
            evidence=self.original[s.start:s.end], evidence_start=s.start, evidence_end=s.end,
            confidence=round(min(confidence, 1.0), 2),
        )
        if amount is not None:
            currency = amount.currency
            if currency is None and amount.value is not None and self.context_currency:
                currency = self.context_currency
                fields["confidence"] = round(max(fields["confidence"] - 0.1, 0.1), 2)
            fields.update(amount_value=amount.value, amount_currency=currency,
                          amount_qualifier=amount.qualifier, amount_vague=amount.vague,
                          amount_min=amount.min, amount_max=amount.max)
        if percent is not None:
            fields.update(percent_value=percent.value, percent_kind=percent.kind,
                          percent_qualifier=percent.qualifier, direction=percent.direction)
        if period is not None:
            fields.update(period_start=period.start_date, period_end=period.end_date)
        if count is not None:
            fields.update(count_value=count[0], count_qualifier=count[1])
        evidence = self.text[s.start:s.end]
        if kind in ("payment", "acquisition") and (
                evidence.rstrip().endswith("?") or self.cues.negation and self.cues.negation.search(evidence)):
            fields["confidence"] = round(max(fields["confidence"] - 0.4, 0.05), 2)  # denied, asked
        names = (customer, vendor, company, buyer, target)
        if any(n is not None and _org_key(n) in self.uncertain for n in names):
            fields["confidence"] = round(max(fields["confidence"] - 0.2, 0.05), 2)
        fields["fact_id"] = _fact_id(self.article_id, kind, s.start, s.end, key)
        return Fact(**fields)

    def _rate_in(self, s: _Sentence) -> str | None:
        """A rate phrase elsewhere in the sentence ("jedes Jahr … Einnahmen in Milliardenhöhe")."""
        for pattern, rate in self.cues.rates:
            for m in pattern.finditer(self.text, s.start, s.end):
                if not any(a.start <= m.start() < a.end for a in s.amounts):
                    return rate  # a phrase that no other amount claimed
        return None


_CLAUSE_BREAK = re.compile(r"[;:]|,(?=\s)|\s[-–—]\s")


def _score(*, pattern: bool, amount: Amount | None, amount_cued: bool = True,
           amount_required: bool = True, context_roles: int = 0, anaphor: bool = False) -> float:
    """A fact's confidence from its evidence features (weights set on the fact evaluations).

    Roles read from a cue (a preposition, a verb's subject) count more than roles taken from
    the article's context (its dominant company); an anaphor resolved across sentences, an
    amount without a currency, a vague amount or one not introduced by a cue all cost a little.
    """
    score = 0.85 if pattern else 0.75
    score -= 0.15 * context_roles + 0.1 * anaphor
    if amount is None:
        score -= 0.15 if amount_required else 0.0
    else:
        score -= 0.1 * (amount.value is None or amount.currency is None)
        score -= 0.05 * amount.vague + 0.05 * (not amount_cued)
    return round(max(0.05, min(score, 0.95)), 2)


def _nearest(items: Sequence[Any], offset: int) -> Any:
    return min(items, key=lambda m: abs(m.start - offset), default=None)


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_org_key(name), name)
    return list(seen.values())


def _vendor_of(facts: list[Fact]) -> str | None:
    return next((f.vendor for f in facts if f.kind == "payment"), None)


def _count_value(m: re.Match[str], pack: LangPack) -> Decimal | None:
    """The number of a count ("mehr als 24 Millionen Kunden" → 24000000)."""
    value = read_number(m.group("number"), pack)
    if value is None:
        return None
    scale = normalize_phrase(m.group("scale") or "")
    factors = {normalize_phrase(k): v for k, v in pack.numbers.multipliers.items()}
    return value * factors[scale] if scale else value


def _count_qualifier(m: re.Match[str], pack: LangPack) -> str | None:
    word = normalize_phrase(m.group("qualifier") or "")
    return next((q for q, words in pack.qualifiers.items()
                 if word in {normalize_phrase(w) for w in words}), None)


def _fact_id(article_id: str, kind: str, start: int, end: int, key: str | None) -> str:
    """Stable: article id, kind, evidence offsets, and the role that tells two facts apart."""
    raw = f"{article_id}|{kind}|{start}|{end}|{key or ''}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def _deduplicate(facts: list[Fact], title_span: tuple[int, int] | None) -> list[Fact]:
    """One fact per statement: the same parties and numbers keep the best evidence only.

    Payments and takeovers without an amount are dropped when one with an amount links the
    same parties (a headline "Youzu kauft Bigpoint" and its article's "… für 80 Millionen Euro"); otherwise the body beats the title, then higher confidence, then the later
    (usually the fuller) statement.
    """
    def identity(f: Fact) -> tuple[Any, ...]:
        return (f.kind, _key(f.customer), _key(f.vendor), _key(f.company), _key(f.buyer),
                _key(f.target), f.amount_value,
                f.amount_currency, f.rate, f.percent_value, f.count_value)

    def rank(f: Fact) -> tuple[Any, ...]:
        in_title = title_span is not None and f.evidence_start < title_span[1]
        return (not in_title, f.confidence, f.period_start is not None, f.evidence_start)

    best: dict[tuple[Any, ...], Fact] = {}
    for fact in facts:
        k = identity(fact)
        if k not in best or rank(fact) > rank(best[k]):
            best[k] = fact
    def parties(f: Fact) -> tuple[Any, ...]:
        return (f.kind, _key(f.customer), _key(f.vendor), _key(f.buyer), _key(f.target))

    priced = {parties(f) for f in best.values()
              if f.kind in ("payment", "acquisition") and f.amount_value is not None}
    kept = [f for f in best.values()
            if not (f.kind in ("payment", "acquisition") and f.amount_value is None
                    and parties(f) in priced)]
    return sorted(kept, key=lambda f: (f.evidence_start, f.fact_id))


def _key(name: str | None) -> str | None:
    return None if name is None else _org_key(name)


def fact_rows(article: Article) -> list[FactRow]:
    """Flatten an article's facts with its fields: the rows ``--facts`` prints and flows write."""
    return [
        FactRow(
            **fact.model_dump(), article_id=article.id, source=article.source, url=article.url,
            title=article.title, published=article.published, language=article.language,
            extractor_version=article.extractor_version,
        )
        for fact in article.facts
    ]
