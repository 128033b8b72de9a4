"""Linking one article's mentions into facts: the entry point that runs every family's rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from newsfacts.extractors.facts.acquisitions import _AcquisitionsRules
from newsfacts.extractors.facts.awards import _AwardsRules
from newsfacts.extractors.facts.counts import _CountsRules
from newsfacts.extractors.facts.cues import _Cues, _cues
from newsfacts.extractors.facts.dedupe import _deduplicate, _fact_id
from newsfacts.extractors.facts.discourse import (
    article_discourse,
    bracketed_names,
    is_market_index,
    is_territory,
    news_agencies,
)
from newsfacts.extractors.facts.figures import _FiguresRules
from newsfacts.extractors.facts.mentions import (
    _opening_common_word,
    _org_key,
    _proposed_names,
    _Sentence,
    _sentences,
    _sound_entities,
    _without_restatements,
)
from newsfacts.extractors.facts.payments import _PaymentsRules
from newsfacts.extractors.facts.percents import _PercentsRules
from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.lexicon import is_known_word
from newsfacts.extractors.orgnames import normalize_org
from newsfacts.extractors.records import NAME_ROLES, Amount, Entity, Fact, Percentage, Period

#: mentions of customers that make a story about a company's customers (see ``customer_story``)
_CUSTOMER_STORY = 3


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
    title: str | None = None,
    original: str | None = None,
) -> list[Fact]:
    """Link one article's mentions into facts.

    Args:
        text: the article text with boilerplate masked by spaces; offsets index it.
        article_id: the article's id, part of every ``fact_id``.
        pack: the article's language pack (its ``facts`` table holds the cues).
        entities, amounts, percentages, periods: the mentions found in ``text``.
        title_span: the title's span, whose facts rank below the body's when deduplicated.
        title: the title when it is not part of ``text`` (a feed item's or a JSONL record's):
            the companies it names are what the story is about.
        original: the unmasked text, which evidence is quoted from (``text`` when None).

    Returns:
        Facts in text order, one per distinct statement.
    """
    if not pack.facts:  # this language has no fact cues yet: mentions only, no facts
        return []
    cues = _cues(pack)
    # every mention masks the names proposed over it, a restated one too ("(approx. NZ$19
    # billion)" holds no company "NZ")
    mentions = [*amounts, *percentages, *periods]
    amounts = _without_restatements(text, amounts, cues.pack.conjunctions)
    datelines = _datelines(text, pack.lang)
    # a currency code the article writes its amounts with is no company ("ISK 3,700 million")
    codes = {code for a in amounts for code in re.findall(r"\b[A-Z]{3}\b", a.text)} | {
        a.currency for a in amounts if a.currency
    }
    entities = [
        e
        for e in _sound_entities(entities, cues)
        if not _credit(text, e)
        and not _time_zone(text, e)
        and not _in_spans(e, datelines)
        and not (cues.pack.proposed_not_common and _opening_common_word(text, e, pack.lang))
        and not _in_prefix(text, e, cues)
        and e.text not in codes
    ]
    entities = sorted([*entities, *_repeated_names(text, entities, mentions)], key=lambda e: e.start)
    proposed = [
        e
        for e in _proposed_names(text, cues, entities, mentions, pack.lang)
        if not _time_zone(text, e)
        and not _in_spans(e, datelines)
        and not _in_prefix(text, e, cues)
        and e.text not in codes
    ]
    if cues.name is None:  # a language whose capitalised runs are not proposed (German)
        proposed += _mislabelled_names(text, pack, entities, proposed)
    if cues.pack.propose_unknown_words:
        # named twice and unknown to the dictionary: as sure as the tagger's names
        entities = sorted(
            [*entities, *_unknown_words(text, pack.lang, [*entities, *proposed], mentions)],
            key=lambda e: e.start,
        )
    if cues.not_company is not None:  # "Finance Minister", "Hurricane Katrina", "GDP": no party
        entities = [e for e in entities if e.label != "ORG" or not cues.not_company.search(e.text)]
        proposed = [e for e in proposed if not cues.not_company.search(e.text)]
    sentences = _sentences(
        text, cues, sorted([*entities, *proposed], key=lambda e: e.start), amounts, percentages, periods
    )
    if cues.descriptions is not None and cues.pack.description_heads:
        _resolve_tagged_descriptions(text, sentences, cues)
    dominant = _dominant_org(entities)
    currencies = {a.currency for a in amounts if a.currency}
    linker = _Linker(
        text, original if original is not None else text, article_id, pack, sentences, dominant, title_span
    )
    customer_noun = cues.customer_noun
    linker.customer_story = customer_noun is not None and len(customer_noun.findall(text)) >= _CUSTOMER_STORY
    tagged = {_org_key(e.text) for e in entities if e.label == "ORG"}
    linker.uncertain = {_org_key(e.text) for e in proposed} - tagged
    # proposed names the tagger called a person ("Pfizer CEO Jeffery Kindler"): never the
    # company a figure is of
    linker.persons = {_org_key(e.text) for e in entities if e.label == "PER"} - tagged
    # and the ones it called a place ("cut in Michigan", "via New York"): a subject only when
    # a metric noun names them its owner ("Le chiffre d'affaires de Michelin")
    linker.places = {_org_key(e.text) for e in entities if e.label == "LOC"} - tagged
    # an abbreviation in brackets after a public body's name is that body ("… Office (CSO)")
    linker.brackets = bracketed_names(text, sentences)
    linker.public_aliases = {_org_key(alias) for full, alias in linker.brackets if linker._public_body(full)}
    linker.discourse = article_discourse(
        text,
        sentences,
        title_span=title_span,
        title=title,
        ignore=linker.uncertain,
        is_subject=lambda org, s: linker._preposition_before(org.start, s.start) is None,
        is_product_compound=linker._is_compound,
        lang=pack.lang,
    )
    # An amount without a currency ("Einnahmen in Milliardenhöhe") takes the article's
    # currency when every amount that names one names the same.
    linker.context_currency = currencies.pop() if len(currencies) == 1 else None
    facts: list[Fact] = []
    for index, sentence in enumerate(sentences):
        if not _tag_list(text[sentence.start : sentence.end]) and not _table(text[sentence.start : sentence.end]):
            facts.extend(linker.sentence_facts(index))
    # a market index ("Der Dax stieg", "the Nasdaq fell") is no company, nor is a country
    # ("Chile's purchase of …": its state firm or government is named as such)
    facts = [
        f
        for f in facts
        if not any(
            n and (is_market_index(n) or is_territory(n, pack.lang))
            for n in (f.company, f.customer, f.vendor, f.buyer, f.target)
        )
    ]
    facts = [
        _priced(f, *linker.deal_prices[f.fact_id], linker) if f.fact_id in linker.deal_prices else f for f in facts
    ]
    return _deduplicate(_full_names(facts, linker.brackets), title_span)


def _priced(fact: Fact, amount: Amount, price_sentence: _Sentence, linker: _Linker) -> Fact:
    """A takeover with the price a later sentence told: its evidence runs from the takeover's
    sentence to the price's, so that both can be checked in the text."""
    end = price_sentence.end
    return fact.model_copy(
        update={
            "amount_value": amount.value,
            "amount_currency": amount.currency or linker.context_currency,
            "amount_qualifier": amount.qualifier,
            "amount_vague": amount.vague,
            "amount_min": amount.min,
            "amount_max": amount.max,
            "evidence": linker.original[fact.evidence_start : end],
            "evidence_end": end,
            "fact_id": _fact_id(linker.article_id, fact.kind, fact.evidence_start, end, f"{fact.buyer}|{fact.target}"),
        }
    )


def _full_names(facts: list[Fact], brackets: Sequence[tuple[str, str]]) -> list[Fact]:
    """Each party named by an abbreviation the article defines in brackets ("Hudson's Bay
    Company (HBC)", later "HBC") keeps the name as written, and groups under the full name's
    grouping name (``<role>_norm``), as the full name does: one company, so its facts
    deduplicate as one."""
    full: dict[str, str] = {}
    for name, alias in brackets:
        full.setdefault(_org_key(alias), name)
        full.setdefault(_org_key(name), name)
    if not full:
        return facts
    out = []
    for fact in facts:
        update = {
            f"{role}_norm": normalize_org(full[_org_key(name)])
            for role in NAME_ROLES
            if (name := getattr(fact, role)) and _org_key(name) in full
        }
        out.append(fact.model_copy(update=update) if update else fact)
    return out


_WORD = re.compile(r"[^\W\d_][\w&.-]*")


def _tag_list(sentence: str) -> bool:
    """A page's list of topic tags run together as one "sentence" ("… Fachmesse Kooperation
    Erweiterung E-Commerce … Deutsche Messe AG Übernahme … Deutsche Bahn AG …"): twelve words
    or more, hardly one in lower case (a German sentence capitalises its nouns, not its verbs,
    articles and prepositions), and not in capitals throughout, as a press release's headline is.
    It states nothing, so it gives no fact."""
    words = _WORD.findall(sentence)
    if len(words) < 12 or sum(w.isupper() for w in words) >= 0.5 * len(words):
        return False  # short, or a headline in capitals ("UMSATZ 2015 MIT 2.402 MIO EUR")
    return bool(sum(w[0].islower() for w in words) < 0.1 * len(words))


def _table(sentence: str) -> bool:
    """Rows of a table run together as one "sentence" ("|- |Imperial Tobacco || £112,332,495 ||
    Manufacturer |- |Gallaher Group || …", wiki or Markdown markup): four cell bars or more. Which
    figure belongs to which name is the table's layout, not the text's, so it gives no fact."""
    return sentence.count("|") >= 4


def _resolve_tagged_descriptions(text: str, sentences: list[_Sentence], cues: _Cues) -> None:
    """A span the tagger called an organisation that is a description with its article ("das
    Münchener Unternehmen", "the Dutch company") names the company named last before its
    sentence ("Der Spezialmaschinenbauer KraussMaffei wird chinesisch. ChemChina kauft das
    Münchener Unternehmen"): it stands for that company, or for none when there is none. Only
    a span of an adjective (lower-case, or the pack's ``description_adjectives``) and a generic
    head (``description_heads``): "Die Deutsche Bank" and "die Commerzbank" are names."""
    if cues.descriptions is None:
        return
    heads = frozenset(cues.pack.description_heads)
    capitalised = re.compile(cues.pack.description_adjectives) if cues.pack.description_adjectives else None
    named: str | None = None
    for s in sentences:
        resolved = []
        for org in s.orgs:
            head = max(s.start, org.start - 12)
            m = next((m for m in cues.descriptions.finditer(text, head, org.end) if m.end() == org.end), None)
            words = org.text.split()
            adjective = len(words) == 2 and (
                words[0].islower() or (capitalised is not None and capitalised.fullmatch(words[0]) is not None)
            )
            if (
                m is None
                or m.start() > org.start
                or not text[m.start() : org.start].strip()
                or not adjective
                or words[-1] not in heads
            ):
                resolved.append(org)
            elif named is not None and _org_key(named) != _org_key(org.text):
                resolved.append(org.model_copy(update={"text": named}))
        last = next((o.text for o in reversed(s.orgs) if o in resolved), None)
        s.orgs = resolved
        named = last or named


def _repeated_names(text: str, entities: Sequence[Entity], mentions: Sequence[Any]) -> list[Entity]:
    """Other mentions of a company the tagger found once ("VNG" in "der VNG-Aktien", a name the
    tagger missed the second time): one article uses one name for one company, so every
    untagged occurrence of a tagged organisation's name, also before a hyphen, is that company."""
    names = {e.text for e in entities if e.label == "ORG" and len(e.text) >= 2 and e.text[:1].isupper()}
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])"
    )
    taken = [(e.start, e.end) for e in entities] + [(m.start, m.end) for m in mentions]
    found = []
    for m in pattern.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(Entity(text=m.group(), start=m.start(), end=m.end(), label="ORG"))
    return found


def _time_zone(text: str, entity: Entity) -> bool:
    """A time zone after a clock time ("as of 19:30 UTC", "at 9 a.m. EST"): a tagger calls it
    ORG, but it names no company (a company of the same letters, "CDT", is written without a
    time before it)."""
    before = text[max(0, entity.start - 16) : entity.start]
    return bool(
        re.fullmatch(r"[A-Z]{2,5}", entity.text) and re.search(r"\d{1,2}(?:[:.]\d{2}|\s*[ap]\.?\s?m\.?)\s*$", before)
    )


# a dateline opening a line or a sentence: a place, a comma, its region, an optional agency in
# brackets and a dash ("Albuquerque, New Mexico — …", "FRANKFURT, Germany (Reuters) - …")
_DATELINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?]\s))\s*(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*,\s*"
    r"(?P<region>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*(?:\([^()\n]{1,30}\)\s*)?(?:—|–|&mdash;|--?)\s"
)


def _datelines(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of the places in datelines whose region is a country or a state: the place is
    where the story was filed, never a party of its facts (a tagger calls "Albuquerque" ORG)."""
    return [m.span("place") for m in _DATELINE.finditer(text) if is_territory(m.group("region"), lang)]


def _in_spans(entity: Entity, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= entity.start and entity.end <= b for a, b in spans)


def _credit(text: str, entity: Entity) -> bool:
    """A news agency in a dateline or credit ("Frankfurt (Reuters) -", "(dpa)", "Bild: dpa"):
    the story's source, never a party of its facts."""
    if _org_key(entity.text) not in news_agencies():
        return False
    before = text[max(0, entity.start - 7) : entity.start]
    return bool(re.search(r"\(\s*$|(?:Bild|Foto|Quelle)\s*:\s*$", before)) or text[entity.end : entity.end + 1] in ")/"


def _in_prefix(text: str, entity: Entity, cues: _Cues) -> bool:
    """Whether a name is a place inside the pack's ``name_prefix`` before a company ("Oakland"
    in "Oakland, California-based Ask Jeeves", "Toronto" in "Toronto-based TMX"): the prefix
    matches from the name on and runs past its end. The company after it stays."""
    prefix = cues.name_prefix
    if prefix is None:
        return False
    m = prefix.match(text[entity.start : entity.end + 60])
    return m is not None and m.end() > entity.end - entity.start


def _mislabelled_names(
    text: str, pack: LangPack, entities: Sequence[Entity], proposed: Sequence[Entity]
) -> list[Entity]:
    """Names the tagger called PER, LOC or MISC behind a preposition that marks a party
    ("bestellt bei Hanwha" with Hanwha PER, "Übernahme von Kuka" with Kuka LOC, "Aktie von
    Delivery Hero" with PER) and not followed by a capitalised word (then the name is an
    attribute: "durch die Bremer Gustav-Zech-Stiftung"), as company candidates taken like proposed names (``uncertain``,
    lower confidence). For a language whose packs propose no capitalised runs (German
    capitalises every noun): elsewhere the proposals already cover such names. Bare ones are
    left out: measured on SmartData, bare places and people ("Europas führender
    Onlinehändler", "am Standort Sao Paulo") outnumber companies the tagger mislabelled."""
    data = _cues(pack).pack
    party = {
        " ".join(p.lower().split())
        for p in (data.vendor_preps + data.customer_preps + data.agent_preps + data.target_preps + data.seller_preps)
    }
    probe = _Linker(text, text, "", pack, [], None, None)
    taken = [(e.start, e.end) for e in [*proposed, *(e for e in entities if e.label == "ORG")]]
    return [
        Entity(text=e.text, start=e.start, end=e.end, label="ORG")
        for e in entities
        if e.label != "ORG"
        and not any(e.start < b and a < e.end for a, b in taken)
        and probe._preposition_before(e.start, 0) in party
        and not re.match(r"\s[A-ZÄÖÜ]", text[e.end : e.end + 2])
    ]  # "Bremer Gustav-Zech-Stiftung"


_CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-ZÀ-ÞÄÖÜ][a-zß-ÿ]+(?:[A-Z][a-zß-ÿ]+)?(?![\w-])")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;]\s+|\n\s*|[\"„“»«(]\s*)\Z")


def _unknown_words(text: str, lang: str, entities: Sequence[Entity], mentions: Sequence[Any]) -> list[Entity]:
    """Capitalised words the language's dictionary does not know, named at least twice and at
    least once inside a sentence, as company candidates (``propose_unknown_words``): "Die
    Voestalpine hat … Voestalpine hält 25 Prozent". A word the tagger put inside an entity of
    its own (a person's or a place's name too) or inside a number or date mention is left out."""
    taken = [(e.start, e.end) for e in entities] + [(m.start, m.end) for m in mentions]
    found: dict[str, list[re.Match[str]]] = {}
    for m in _CAPITALISED_WORD.finditer(text):
        if len(m.group()) >= 4 and not any(a < m.end() and m.start() < b for a, b in taken):
            found.setdefault(m.group(), []).append(m)
    # a word the tagger called a person or a place somewhere ("Sturm Niklas") is none
    elsewhere = {w for e in entities if e.label != "ORG" for w in e.text.split()}
    names = []
    for word, matches in found.items():
        # the cheap tests first: the dictionaries load on first use (about a second, once)
        if len(matches) < 2 or word in elsewhere:
            continue
        if all(_SENTENCE_START.search(text, max(0, m.start() - 3), m.start()) for m in matches):
            continue  # only ever first in its sentence: no evidence it is a name
        if any(re.match(r"\s+[A-ZÀ-ÞÄÖÜ][a-zß-ÿ]", text[m.end() : m.end() + 3]) for m in matches):
            continue  # part of a longer name, a person's as often as not ("Satya Nadella")
        if is_known_word(word, lang) or is_known_word(word, "en"):
            continue  # an English word ("Office", "Azure") names a product as often as a firm
        if any(_unknown_before(text, m.start(), lang) for m in matches):
            continue  # the second part of a name ("Moip Pagamentos")
        names += [Entity(text=word, start=m.start(), end=m.end(), label="ORG") for m in matches]
    return names


def _unknown_before(text: str, start: int, lang: str) -> bool:
    """Whether a capitalised word the dictionary does not know stands right before ("Moip
    Pagamentos"): the two are one name, whose first part is not proposed alone."""
    m = re.search(r"(?<![\w-])([A-ZÀ-ÞÄÖÜ][\w&-]*)\s+\Z", text[max(0, start - 40) : start])
    return m is not None and not is_known_word(m.group(1), lang) and not is_known_word(m.group(1), "en")


def _dominant_org(entities: Sequence[Entity]) -> str | None:
    """The company an article names most often (at least three times), by normalised name."""
    counts = Counter(_org_key(e.text) for e in entities if e.label == "ORG")
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    if n < 3:
        return None
    return next(e.text for e in entities if e.label == "ORG" and _org_key(e.text) == key)


class _Linker(_AcquisitionsRules, _AwardsRules, _PaymentsRules, _FiguresRules, _PercentsRules, _CountsRules):
    """Role assignment for the sentences of one article (state: the previous sentence's fact)."""

    def sentence_facts(self, index: int) -> list[Fact]:
        s = self.sentences[index]
        facts: list[Fact] = []
        used: set[int] = set()
        facts.extend(self._acquisitions(index, used))
        # "The deal is valued at $28.3 billion": the price of a takeover told before, no payment
        priced = not facts and self._deal_price(index, used)
        if not facts and not priced:  # a fine or an awarded contract is told without "zahlen"
            facts.extend(self._awards(index, used))
        if not facts and not priced:  # "investiert 50 Millionen Euro in": spending, no payment to anyone
            facts.extend(self._investments(index, used))
        if not facts and not priced:  # a takeover sentence's "kauft" is not also a payment
            facts.extend(self._payments(index, used))
        facts.extend(self._revenues(index, used, facts))
        facts.extend(self._results(index, used))
        facts.extend(self._amount_changes(index, used))
        facts.extend(self._figures(index, used))
        facts.extend(self._percent_facts(index, facts))
        facts.extend(self._counts(index))
        if facts or s.amounts or s.percentages:
            self.previous_facts = facts
        return facts
