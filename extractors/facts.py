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
  not the customer itself: the article's context, as a reader would take it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from extractors.errors import LangPackError
from extractors.langpack import LangPack
from extractors.numbers import normalize_phrase, number_pattern, read_number, word_pattern
from extractors.records import Amount, Article, Entity, Fact, FactRow, Percentage, Period
from extractors.sentences import sentence_spans

__all__ = ["FactsPack", "fact_rows", "link_facts", "org_cues"]


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
    metric_nouns: str
    count_nouns: list[str]
    restatement: str
    org_cues: list[str] = []


@dataclass(frozen=True)
class _Cues:
    """Compiled regexes of one pack's facts table."""

    pack: FactsPack
    buy: re.Pattern[str]
    sell: re.Pattern[str]
    plural: re.Pattern[str]
    singular: re.Pattern[str]
    revenue: re.Pattern[str]
    metric: re.Pattern[str]
    count: re.Pattern[str]
    restatement: re.Pattern[str]
    rates: tuple[tuple[re.Pattern[str], str], ...]
    abbreviations: frozenset[str]
    org_cues: tuple[re.Pattern[str], ...]


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
        metric=re.compile(data.metric_nouns, ci),
        count=re.compile(_count_pattern(pack, data.count_nouns), ci),
        restatement=re.compile(data.restatement),
        # rate phrases anywhere in a sentence: the money engine's "before" phrases
        rates=tuple((re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", ci), rate)
                    for rate, phrases in pack.money.rates.before.items() if phrases),
        abbreviations=frozenset(a.lower() for a in pack.text.abbreviations),
        org_cues=tuple(re.compile(p) for p in data.org_cues),
    )


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
    sentences = _sentences(text, cues, entities, amounts, percentages, periods)
    dominant = _dominant_org(entities)
    currencies = {a.currency for a in amounts if a.currency}
    linker = _Linker(text, original if original is not None else text, article_id, pack,
                     sentences, dominant, title_span)
    # An amount without a currency ("Einnahmen in Milliardenhöhe") takes the article's
    # currency when every amount that names one names the same.
    linker.context_currency = currencies.pop() if len(currencies) == 1 else None
    facts: list[Fact] = []
    for index in range(len(sentences)):
        facts.extend(linker.sentence_facts(index))
    return _deduplicate(facts, title_span)


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

    # -- entry point -------------------------------------------------------------------
    def sentence_facts(self, index: int) -> list[Fact]:
        s = self.sentences[index]
        facts: list[Fact] = []
        used: set[int] = set()
        facts.extend(self._payments(index, used))
        facts.extend(self._revenues(index, used, facts))
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
        roles = self._roles(index, selling=buy is None)
        if not roles.customers:
            return []
        vendor, explicit_vendor = roles.vendor, roles.explicit_vendor
        if vendor is None and self.dominant and s.amounts:
            vendor = self.dominant
        if vendor is None or any(_org_key(c) == _org_key(vendor) for c in roles.customers):
            return self._spending(index, roles.customers, used) if s.amounts else []
        amount = _nearest(s.amounts, verb_at)
        if amount is None and not (roles.strong_vendor and roles.explicit_customer):
            return []
        if amount is not None:
            used.add(amount.start)
        product = roles.product if roles.product and _key(roles.product) != _key(vendor) else None
        confidence = 0.5 + 0.2 * explicit_vendor + 0.2 * roles.explicit_customer + 0.1 * (amount is not None)
        return [
            self._fact(
                "payment", s, customer=customer, vendor=vendor, product=product,
                amount=amount, period=_nearest(s.periods, verb_at), confidence=confidence,
                key=customer,
            )
            for customer in roles.customers
        ]

    def _spending(self, index: int, customers: list[str], used: set[int]) -> list[Fact]:
        s = self.sentences[index]
        amount = s.amounts[0]
        used.add(amount.start)
        return [self._fact("spending", s, company=c, amount=amount,
                           period=_nearest(s.periods, amount.start), confidence=0.6, key=c)
                for c in customers]

    @dataclass
    class _Roles:
        customers: list[str]
        vendor: str | None
        product: str | None
        explicit_customer: bool
        explicit_vendor: bool = True  # False: only guessed from word order
        strong_vendor: bool = False  # clear enough for a payment without an amount

    def _roles(self, index: int, *, selling: bool) -> _Linker._Roles:
        """Customer(s), vendor and product of a buying or selling sentence."""
        s = self.sentences[index]
        sentence = self.text[s.start:s.end]
        bare: list[str] = []
        vendor: str | None = None
        customers: list[str] = []
        product: str | None = None
        strong_vendor = False  # a cue clear enough to state a payment without an amount
        for org in s.orgs:
            prep = self._preposition_before(org.start, s.start)
            if vendor is not None and _org_key(org.text) == _org_key(vendor):
                continue
            if self._is_compound(org) or prep in self.cues.pack.product_preps:
                if prep in self.cues.pack.vendor_preps and not selling:
                    vendor = vendor or org.text  # "Miete von Amazon-Servern": Amazon rents
                    strong_vendor = True
                product = product or org.text
            elif prep is None:
                bare.append(org.text)
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
                               strong_vendor=strong_vendor)
        if bare:
            if vendor is None and len(bare) > 1:
                return self._Roles(bare[:1], bare[1], product, True, explicit_vendor=False)
            return self._Roles(bare[:1], vendor, product, True, explicit_vendor=vendor is not None,
                               strong_vendor=strong_vendor)
        return self._Roles([], vendor, product, False, explicit_vendor=vendor is not None)

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

    def _preposition_before(self, start: int, floor: int) -> str | None:
        """The preposition among the two words before a company, if any."""
        words = re.findall(r"[^\W\d]+", self.text[max(floor, start - 40):start])[-2:]
        preps = (self.cues.pack.vendor_preps + self.cues.pack.customer_preps
                 + self.cues.pack.product_preps + self.cues.pack.other_preps)
        for word in reversed(words):
            if word.lower() in preps:
                return word.lower()
        return None

    def _is_compound(self, org: Entity) -> bool:
        """'OpenAI-Modelle', 'Amazon-Servern': a company name glued to a noun names a product."""
        return bool(re.match(r"-[^\W\d_]", self.text[org.end:org.end + 2]))

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
            cue = self.cues.revenue.search(sentence)
            if cue is None:
                continue
            company = self._org_after(s, s.start + cue.end()) or _vendor_of(so_far) \
                or self._subject(index, amount.start)
            if company:
                facts.append(self._fact("revenue", s, company=company, amount=amount,
                                        period=_nearest(s.periods, amount.start), confidence=0.6,
                                        key=amount.text))
        return facts

    def _org_after(self, s: _Sentence, offset: int) -> str | None:
        """A company right after a noun ("des Gesamtumsatzes von Microsoft")."""
        for org in s.orgs:
            if 0 <= org.start - offset <= 6 and self._preposition_before(org.start, offset) is not None:
                return org.text
        return None

    def _subject(self, index: int, offset: int) -> str | None:
        """The company a statement is about: the nearest one before it, else an anaphor's."""
        s = self.sentences[index]
        before = [o for o in s.orgs if o.end <= offset and not self._is_compound(o)]
        if before:
            return before[-1].text
        sentence = self.text[s.start:offset]
        if self.cues.singular.search(sentence):
            return self._last_org_before(s.start)
        after = [o for o in s.orgs if o.start >= offset and not self._is_compound(o)]
        return after[0].text if after else None

    # -- percentages ---------------------------------------------------------------------
    def _percent_facts(self, index: int, so_far: list[Fact]) -> list[Fact]:
        s = self.sentences[index]
        facts = []
        for pct in s.percentages:
            if pct.kind in ("change", "points"):
                company = self._subject(index, pct.start)
                if company is None:
                    continue
                facts.append(self._fact(
                    "change", s, company=company, metric=self._metric(s, pct.start), percent=pct,
                    period=_nearest(s.periods, pct.start), confidence=0.6, key=pct.text))
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
            company = self._subject(index, m.start())
            if value is None or company is None:
                continue
            qualifier = _count_qualifier(m, self.pack)
            facts.append(self._fact(
                "count", s, company=company, metric=m.group("noun"), count=(value, qualifier),
                period=_nearest(s.periods, m.start()), confidence=0.6, key=m.group()))
        return facts

    # -- building a fact -----------------------------------------------------------------
    def _fact(self, kind: str, s: _Sentence, *, key: str | None, confidence: float,
              customer: str | None = None, vendor: str | None = None, company: str | None = None,
              product: str | None = None, metric: str | None = None, of: str | None = None,
              amount: Amount | None = None, percent: Percentage | None = None,
              period: Period | None = None, count: tuple[Decimal, str | None] | None = None) -> Fact:
        rate = amount.rate if amount else None
        if amount is not None and rate is None:
            rate = self._rate_in(s)
        fields: dict[str, Any] = dict(
            kind=kind, customer=customer, vendor=vendor, company=company, product=product,
            metric=metric, of=of, rate=rate,
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
        fields["fact_id"] = _fact_id(self.article_id, kind, s.start, s.end, key)
        return Fact(**fields)

    def _rate_in(self, s: _Sentence) -> str | None:
        """A rate phrase elsewhere in the sentence ("jedes Jahr … Einnahmen in Milliardenhöhe")."""
        for pattern, rate in self.cues.rates:
            for m in pattern.finditer(self.text, s.start, s.end):
                if not any(a.start <= m.start() < a.end for a in s.amounts):
                    return rate  # a phrase that no other amount claimed
        return None


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

    Payments without an amount are dropped when a payment with an amount links the same
    parties; otherwise the body beats the title, then higher confidence, then the later
    (usually the fuller) statement.
    """
    def identity(f: Fact) -> tuple[Any, ...]:
        return (f.kind, _key(f.customer), _key(f.vendor), _key(f.company), f.amount_value,
                f.amount_currency, f.rate, f.percent_value, f.count_value)

    def rank(f: Fact) -> tuple[Any, ...]:
        in_title = title_span is not None and f.evidence_start < title_span[1]
        return (not in_title, f.confidence, f.period_start is not None, f.evidence_start)

    best: dict[tuple[Any, ...], Fact] = {}
    for fact in facts:
        k = identity(fact)
        if k not in best or rank(fact) > rank(best[k]):
            best[k] = fact
    paid = {(f.customer and _key(f.customer), f.vendor and _key(f.vendor))
            for f in best.values() if f.kind == "payment" and f.amount_value is not None}
    kept = [f for f in best.values()
            if not (f.kind == "payment" and f.amount_value is None
                    and (_key(f.customer), _key(f.vendor)) in paid)]
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
