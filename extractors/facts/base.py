"""State and shared helpers of the linker: clauses, prepositions, subjects, building a fact."""

from __future__ import annotations

import bisect
import functools
import re
from decimal import Decimal
from typing import Any

from newsfacts.extractors.facts.confidence import CONFIDENCE
from newsfacts.extractors.facts.cues import _CLAUSE_BREAK, _cues
from newsfacts.extractors.facts.dedupe import _fact_id
from newsfacts.extractors.facts.discourse import (
    Discourse,
    compound_company,
    is_market_index,
    is_news_outlet,
    is_territory,
    names_market_index,
)
from newsfacts.extractors.facts.mentions import _org_key, _Sentence
from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.records import Amount, Direction, Entity, Fact, Percentage, Period, Rate

#: how far a rule reads from a mention within its sentence (see ``_clause``)
_REACH = 400


#: sentences back in which a description may still find the article's topic (``_described``)
_DESCRIPTION_REACH = 3


class _LinkerBase:
    """State and shared helpers of the linker: clauses, prepositions, subjects, building a fact."""

    def __init__(
        self,
        text: str,
        original: str,
        article_id: str,
        pack: LangPack,
        sentences: list[_Sentence],
        dominant: str | None,
        title_span: tuple[int, int] | None,
    ) -> None:
        self.text, self.original, self.article_id = text, original, article_id
        self.pack, self.cues = pack, _cues(pack)
        self.sentences, self.dominant, self.title_span = sentences, dominant, title_span
        self.previous_facts: list[Fact] = []
        self.context_currency: str | None = None
        self.uncertain: set[str] = set()  # companies only proposed, never tagged
        self.persons: set[str] = set()  # proposed names the tagger called persons
        self.places: set[str] = set()  # proposed names the tagger called places
        self.public_aliases: set[str] = set()  # "(CSO)" after "Central Statistics Office"
        self.brackets: list[tuple[str, str]] = []  # (full name, abbreviation in brackets after it)
        self.claimed_percents: set[int] = set()  # stakes a takeover bought (acquisitions.py)
        # the last takeover told and its sentence, whose price a later sentence may give, and
        # the prices so given, by fact id (acquisitions.py)
        self.open_deal: tuple[int, Fact] | None = None
        self.deal_prices: dict[str, tuple[Amount, _Sentence]] = {}
        # whether the article tells of customers (the pack's ``customer_nouns``, three times or
        # more): only then is its company the vendor a buying sentence leaves unnamed (payments.py)
        self.customer_story = False
        self._breaks: dict[int, list[tuple[int, int]]] = {}  # clause breaks per sentence start
        self.discourse = Discourse(None)  # the article's topic company (discourse.py)

    def _clause(self, s: _Sentence, offset: int) -> tuple[int, int]:
        """The clause around an offset: the sentence cut at ";", ":" and commas before a space,
        and never more than ``_REACH`` characters either side (a "clause" of thousands of
        characters is no prose, and every rule that reads one stays linear on it)."""
        breaks = self._breaks.get(s.start)
        if breaks is None:
            breaks = self._breaks[s.start] = [m.span() for m in _CLAUSE_BREAK.finditer(self.text, s.start, s.end)]
        i = bisect.bisect_right(breaks, (offset, offset))
        start = next((b for _, b in reversed(breaks[max(0, i - 2) : i]) if b <= offset), s.start)
        end = next((a for a, _ in breaks[max(0, i - 1) :] if a >= offset), s.end)
        return max(start, offset - _REACH), min(end, offset + _REACH)

    def _public_body(self, name: str) -> bool:
        """Whether a name is a public body's ("Bundesnetzagentur", "Labor Department"), never the
        company of a figure (the pack's ``public_bodies``)."""
        pattern = self.cues.public_body
        if pattern is None:
            return False
        return pattern.search(name.rstrip(" .,")) is not None or _org_key(name) in self.public_aliases

    def _described(self, offset: int) -> str | None:
        """The company a description ("the company", "der Konzern") stands for: the article's
        topic when the text named it in the last few sentences, else the company named last."""
        topic = self.discourse.topic
        if topic is not None:
            before = [x for x in self.sentences if x.start <= offset][-_DESCRIPTION_REACH:]
            if any(_org_key(o.text) == _org_key(topic) and o.end <= offset for x in before for o in x.orgs):
                return topic
            # the topic, unless the sentence or the one before names another as its subject
            return self._last_org_before(offset, subject_in=2) or topic
        return self._last_org_before(offset) or topic

    def _last_org_before(self, offset: int, *, subject_in: int | None = None) -> str | None:
        """The company named last before an offset, never a name that cannot be a company a
        description stands for (``_describable``); with ``subject_in``, only one named as a
        subject (no preposition before it) in that many sentences back."""
        sentences = [x for x in self.sentences if x.start <= offset]
        if subject_in is not None:
            sentences = sentences[-subject_in:]
        for sentence in reversed(sentences):
            for org in reversed(sentence.orgs):
                if org.end > offset or self._is_compound(org) or not self._describable(org.text):
                    continue
                if subject_in is not None and self._preposition_before(org.start, sentence.start) is not None:
                    continue
                return org.text
        return None

    def _describable(self, name: str) -> bool:
        """Whether "the company" may stand for a name: never one the tagger called a person or a
        place ("Sir Howard Stringer, the company's first …"), a country, a public body, a
        newspaper or a market index."""
        key = _org_key(name)
        return not (
            key in self.persons
            or key in self.places
            or is_territory(name, self.pack.lang)
            or self._public_body(name)
            or is_news_outlet(name)
            or is_market_index(name)
        )

    def _preposition_before(self, start: int, floor: int, reach: int = 2) -> str | None:
        """The preposition ending one or two words before a company ("an die", "da parte di").

        Words that may stand before a bare object or subject (the pack's ``object_preps``,
        Portuguese "a"/"o") count as no preposition.
        """
        prep = self._raw_preposition_before(start, floor, reach)
        return None if prep in self.cues.pack.object_preps else prep

    def _shared_preposition_before(self, start: int, floor: int) -> str | None:
        """The preposition before a company, or before the company a conjunction lists it
        with: "between Airbus and Boeing" puts both behind "between"."""
        prep = self._preposition_before(start, floor)
        if prep is None:
            first = self._listed_before(start, floor)
            if first is not None:
                prep = self._preposition_before(first.start, floor)
        return prep

    def _listed_before(self, start: int, floor: int) -> Entity | None:
        """The company a conjunction joins to the one at ``start`` ("Airbus" in "Airbus and
        Boeing"), when only the conjunction stands between them."""
        words = "|".join(map(re.escape, self.cues.pack.conjunctions))
        if not words or not re.search(rf"\s(?:{words}|&)\s+$", self.text[max(floor, start - 8) : start]):
            return None
        i = bisect.bisect_right([s.start for s in self.sentences], start) - 1
        if i < 0:
            return None
        return next(
            (
                o
                for o in self.sentences[i].orgs
                if floor <= o.start
                and o.end < start
                and re.fullmatch(rf"\s+(?:{words}|&)\s+", self.text[o.end : start])
            ),
            None,
        )

    def _raw_preposition_before(self, start: int, floor: int, reach: int = 2) -> str | None:
        before = self.text[max(floor, start - 60) : start]
        before = re.split(r"[,;:()\[\]|–—]", before)[-1]  # a preposition never crosses a comma
        # a place glued to "-based" before the name is no word of the phrase ("the purchase of
        # UK-based Tomkins" has its "of")
        before = re.sub(r"[^\W\d_][\w.]*\s*-\s*based\s+$", "", before)
        words = [w.lower() for w in re.findall(r"[^\W\d]+", before)[-5:]]
        # a year right after the preposition is its whole phrase: "In 1994 British Aerospace
        # sold …" has a subject ("to the 2008 Summer Olympic Games" keeps its "to")
        dated = re.search(r"([^\W\d]+)\s+(?:1[89]|20)\d\d\s*$", before)
        for back in range(1, reach + 1):
            end = len(words) - back + 1
            if dated and end == len(words) and words and words[-1] == dated.group(1).lower():
                continue
            for prep in self._prep_words:
                if end - len(prep) >= 0 and words[end - len(prep) : end] == list(prep):
                    return " ".join(prep)
        return None

    @functools.cached_property
    def _prep_words(self) -> list[tuple[str, ...]]:
        """The pack's prepositions as word tuples, longest first (multi-word ones win)."""
        return sorted((tuple(p.lower().split()) for p in self.cues.preps), key=len, reverse=True)

    def _is_compound(self, org: Entity) -> bool:
        """'OpenAI-Modelle', 'Amazon-Servern': a company name glued to a noun names a product;
        glued to a company word ('Porsche-Konzern', 'Siemens-Chef') it names the company."""
        return bool(re.match(r"-[^\W\d_]", self.text[org.end : org.end + 2])) and not compound_company(
            self.text, org, self.cues.company_heads
        )

    def _singular_anaphor(self, index: int, offset: int) -> str | None:
        """'Das Unternehmen übernimmt …': the company last named before the anaphor."""
        s = self.sentences[index]
        m = self.cues.singular.search(self.text, s.start, offset)
        return self._described(m.start()) if m else None

    def _org_after(self, s: _Sentence, offset: int) -> str | None:
        """A company right after a noun ("des Gesamtumsatzes von Microsoft")."""
        for org in s.orgs:
            if 0 <= org.start - offset <= 6 and self._preposition_before(org.start, offset) is not None:
                return org.text
        return None

    def _metric(self, s: _Sentence, offset: int) -> str | None:
        """The metric noun nearest before a percentage ("Cloud-Umsätze", "Kurs")."""
        best = None
        for m in self.cues.metric.finditer(self.text, s.start, offset):
            best = m.group()
        return best

    def _sources(self, s: _Sentence) -> frozenset[str]:
        """The sentence's companies named as the source of its figures (``_is_source``), with
        each one's bracketed abbreviation ("a report by the Stockholm International Peace
        Research Institute (SIPRI)"), by normalised name."""
        named = {_org_key(o.text) for o in s.orgs if self._is_source(o, s)}
        return frozenset(named | {_org_key(alias) for full, alias in self.brackets if _org_key(full) in named})

    def _is_source(self, org: Entity, s: _Sentence) -> bool:
        """Whether a company is named as the source of the figures around it ("Nach einer
        Zusammenstellung der Hans-Böckler-Stiftung werden … 12 Millionen Beschäftigte", "a
        survey by Gartner", "a Gartner survey": one of the pack's ``source_nouns`` right after
        the name): an analyst, an institute, a study's author, not their subject."""
        if is_news_outlet(org.text):
            return True  # "according to The Daily Telegraph", "Sales rose 5%, The Guardian reported"
        after = self.cues.source_after
        if after is not None and after.match(self.text, org.end):
            return True  # "a Dow Jones Newswires survey of economists", "a Morgan Stanley analyst"
        pattern = self.cues.source
        m = pattern.search(self.text, max(s.start, org.start - 160), org.start) if pattern is not None else None
        if m is None:
            return False
        # only the first company after the source noun is the source ("Laut einer Studie von
        # McKinsey steigerte Siemens …": McKinsey, not Siemens)
        return not any(m.start() <= o.start and o.end <= org.start for o in s.orgs)

    def _metric_owner(self, s: _Sentence, offset: int) -> tuple[str | None, float]:
        """The company a metric noun before a figure is of ("Das Gesamtprämienaufkommen von
        Helvetia … stieg um 31,9 Prozent", "Le chiffre d'affaires de Michelin a progressé"):
        it beats any other company named before."""
        start = self._clause(s, offset)[0]
        last = None
        for pattern in (self.cues.metric, self.cues.revenue_metrics, self.cues.spending_metrics):
            for m in pattern.finditer(self.text, start, offset) if pattern is not None else ():
                if last is None or m.start() > last.start():
                    last = m
        if last is None:
            return None, 0.0
        tail = re.match(r"[\w-]*", self.text[last.end() : offset])  # the rest of a compound noun
        owner = self._org_after(s, last.end() + (tail.end() if tail else 0) + 1)
        if owner is None or is_territory(owner, self.pack.lang):  # a tagged "person" after a metric is its company
            return None, 0.0
        return owner, CONFIDENCE["revenue_owner"]

    def _subject(self, index: int, offset: int) -> str | None:
        """The company a statement is about: the nearest one before it, else an anaphor's."""
        return self._subject_scored(index, offset)[0]

    def _subject_scored(self, index: int, offset: int, *, places: bool = True) -> tuple[str | None, float]:
        """The subject and the confidence its position gives (see ``_subject_scored_any``); never
        a company the sentence names as the source of its figures, whichever way it was found
        (the topic of a story built on one study is that study's author)."""
        s = self.sentences[index]
        sources = self._sources(s)
        company, confidence = self._subject_scored_any(index, offset, places=places, sources=sources)
        if company is not None and (_org_key(company) in sources or self._public_body(company)):
            return None, 0.0
        return company, confidence

    def _subject_scored_any(
        self, index: int, offset: int, *, places: bool = True, sources: frozenset[str] = frozenset()
    ) -> tuple[str | None, float]:
        """The subject and the confidence its position gives: before > anaphor > after.
        ``places=False`` never takes a name the tagger called a place (a count's company: "via
        New York … about 500 people", "Romania's mining industry employs 47,000 people")."""
        s = self.sentences[index]
        # a country or region is no company, whatever the tagger or the proposals say ("France
        # will lose 4,300 jobs", "the largest car manufacturer in the United States")
        orgs = [
            o
            for o in s.orgs
            if not is_territory(o.text, self.pack.lang)
            and _org_key(o.text) not in self.persons
            and not (
                _org_key(o.text) in self.places
                and (not places or self._preposition_before(o.start, s.start) is not None)
            )
            and any(c.isalpha() for c in o.text)
            and _org_key(o.text) not in sources
            and not self._public_body(o.text)
        ]
        owner, confidence = self._metric_owner(s, offset)
        if owner is not None:
            return owner, confidence
        before = [o for o in orgs if o.end <= offset and not self._is_compound(o)]
        # a name inside a relative clause closed before the figure is none of its subject
        # ("SAS, who own Scandinavian Airlines, fell 2.25 kronor": SAS fell)
        # nor is a name given as an example ("brands such as TIME Computers and Tiny are to axe
        # 1,500 jobs": the pack's ``antecedent_preps``), where another name stands before
        examples = self.cues.pack.antecedent_preps
        main = [
            o
            for o in before
            if not self._in_relative_clause(s, o, offset)
            and self._shared_preposition_before(o.start, s.start) not in examples
        ]
        if main or before:
            last = (main or before)[-1]
            described = self.cues.singular.search(self.text, last.end, offset)
            if described is not None and (
                self._preposition_before(last.start, s.start) is not None or self._reports(last.end, described.start())
            ):
                # "behind Best Buy, the company … would close … leaving 8000 employees jobless":
                # a description after a name behind a preposition is the subject
                named = self._described(described.start())
                if named is not None:
                    return named, CONFIDENCE["description"]
            return last.text, CONFIDENCE["subject_before"]
        floor = max(s.start, offset - _REACH)
        if self._subject_description(floor, offset):
            named = self._described(s.start)
            if named is not None:
                return named, CONFIDENCE["description"]
        after = [o for o in orgs if o.start >= offset and not self._is_compound(o)]
        if after:
            return after[0].text, CONFIDENCE["subject_after"]
        clause = self._clause(s, offset)
        if self.discourse.topic is not None and not names_market_index(self.text, *clause):
            return self.discourse.topic, CONFIDENCE["context"]
        return None, 0.0

    def _reports(self, start: int, end: int) -> bool:
        """Whether only a verb of saying stands between two offsets (the pack's
        ``reported_clause``): "the union claimed the firm planned to cut 4,000 jobs" tells the
        firm's figure, not the union's."""
        pattern = self.cues.reported
        return pattern is not None and pattern.fullmatch(self.text, start, end) is not None

    def _subject_description(self, start: int, end: int) -> bool:
        """Whether a description ("the company", "der Konzern") stands between two offsets, not
        behind a preposition: "sold the last of its shares in the company, losing $9 billion"
        is no loss of the company's."""
        for pattern in (self.cues.singular, self.cues.descriptions):
            for m in pattern.finditer(self.text, start, end) if pattern is not None else ():
                if self._preposition_before(m.start(), start) is None:
                    return True
        return False

    def _relative_opens(self, start: int) -> bool:
        """Whether a relative pronoun of the pack opens the clause at ``start``."""
        return any(
            p is not None and p.match(self.text, start)
            for p in (self.cues.relative, self.cues.relative_subject, self.cues.relative_object)
        )

    def _in_relative_clause(self, s: _Sentence, org: Entity, offset: int) -> bool:
        """Whether a name stands in a relative clause set off by commas that closes before the
        offset (", who own Scandinavian Airlines,"; ", die zu Siemens gehört,"): the pack's
        ``relative_pronouns`` open it."""
        pronouns = self.cues.relative
        if pronouns is None:
            return False
        opened = self.text.rfind(",", s.start, org.start)
        if opened < 0 or not pronouns.match(self.text, opened + 1, org.start):
            return False
        return "," in self.text[org.end : offset]

    def _fact(
        self,
        kind: str,
        s: _Sentence,
        *,
        key: str | None,
        confidence: float,
        customer: str | None = None,
        vendor: str | None = None,
        company: str | None = None,
        buyer: str | None = None,
        target: str | None = None,
        seller: str | None = None,
        product: str | None = None,
        metric: str | None = None,
        of: str | None = None,
        amount: Amount | None = None,
        percent: Percentage | None = None,
        period: Period | None = None,
        count: tuple[Decimal, str | None] | None = None,
        direction: Direction | None = None,
        context_currency_costs: bool = True,
    ) -> Fact:
        rate = amount.rate if amount else None
        if amount is not None and rate is None:
            rate = self._rate_in(s)
        bare = self._without_prefix
        fields: dict[str, Any] = dict(
            kind=kind,
            customer=bare(customer),
            vendor=bare(vendor),
            company=bare(company),
            product=product,
            buyer=bare(buyer),
            target=bare(target),
            seller=bare(seller),
            metric=metric,
            of=of,
            rate=rate,
            direction=direction,
            evidence=self.original[s.start : s.end],
            evidence_start=s.start,
            evidence_end=s.end,
            confidence=round(min(confidence, 1.0), 2),
        )
        if amount is not None:
            currency = amount.currency
            if currency is None and amount.value is not None and self.context_currency:
                currency = self.context_currency
                if context_currency_costs:
                    fields["confidence"] = round(
                        max(fields["confidence"] - CONFIDENCE["context_currency_cost"], 0.1), 2
                    )
            fields.update(
                amount_value=amount.value,
                amount_currency=currency,
                amount_qualifier=amount.qualifier,
                amount_vague=amount.vague,
                amount_min=amount.min,
                amount_max=amount.max,
            )
        if percent is not None:
            fields.update(
                percent_value=percent.value,
                percent_kind=percent.kind,
                percent_qualifier=percent.qualifier,
                direction=percent.direction or direction,
            )
        if period is not None:
            fields.update(period_start=period.start_date, period_end=period.end_date)
        if count is not None:
            fields.update(count_value=count[0], count_qualifier=count[1])
        evidence = self.text[s.start : s.end]
        if kind in ("payment", "acquisition") and (
            evidence.rstrip().endswith("?") or self.cues.negation and self.cues.negation.search(evidence)
        ):
            fields["confidence"] = round(
                max(fields["confidence"] - CONFIDENCE["negated_cost"], 0.05), 2
            )  # denied, asked
        names = (customer, vendor, company, buyer, target)
        keys = {_org_key(n) for n in names if n is not None}
        if keys & self.uncertain:
            # two parties that are both only guessed, and called a person or a place by the
            # tagger, make a guess, not a fact ("received her award from President Kufuor")
            # so does a payment without an amount whose party is only guessed ("a veteran gardener
            # from Iowa", "pay tribute to … the World Bank"): its verb is all it has
            times = (
                2
                if kind in ("payment", "acquisition")
                and (len(keys & (self.persons | self.places)) >= 2 or (kind == "payment" and amount is None))
                else 1
            )
            fields["confidence"] = round(max(fields["confidence"] - CONFIDENCE["uncertain_name_cost"] * times, 0.05), 2)
        fields["party_source"] = self._party_source(s, company or customer or buyer)
        fields["fact_id"] = _fact_id(self.article_id, kind, s.start, s.end, key)
        return Fact(**fields)

    def _public_money(self, s: _Sentence) -> bool:
        """Whether a sentence speaks of public money (the pack's ``public_money_cues``: "the
        government will invest", "stimulus", "taxpayer funds"): its spending is no company's."""
        return (
            self.cues.public_money is not None and self.cues.public_money.search(self.text, s.start, s.end) is not None
        )

    def _per_share(self, amount: Amount) -> bool:
        """Whether the amount is a figure per share (the pack's ``per_share``): a dividend or
        earnings per share, never a company's revenue, spending or payment in total."""
        return self.cues.per_share is not None and self.cues.per_share.match(self.text, amount.end) is not None

    def _pair(self, s: _Sentence, first: str, second: str) -> tuple[Entity, Entity] | None:
        """The sentence's mention of ``first`` and the next mention of ``second`` after it."""
        a = next((o for o in s.orgs if o.text == first), None)
        b = next((o for o in s.orgs if a is not None and o.text == second and o.start >= a.end), None)
        return (a, b) if a is not None and b is not None else None

    def _listed(self, a: Entity, b: Entity, *, dot: bool = False) -> bool:
        """Whether two names stand side by side as a list: only a comma, "&" or one of the pack's
        ``conjunctions`` between them ("USA Network and Sci Fi Channel"); with ``dot`` also a
        dot, which splits one name ("George W. Bush"). Never a subject and its object."""
        words = "|".join(map(re.escape, self.cues.pack.conjunctions)) or "(?!)"
        marks = ",&." if dot else ",&"
        gap = self.text[a.end : b.start]
        pattern = rf"\s*(?:[{re.escape(marks)}]\s*(?:(?:{words})\s+)?|(?:{words})\s+)"
        return re.fullmatch(pattern, gap, re.IGNORECASE) is not None

    def _owned_after(self, s: _Sentence, name: str, *, words: int = 3) -> str | None:
        """The company a name owns right after it, with a possessive and up to ``words``
        lower-case words ("Hearst Corporation's UGO Entertainment", "Dubai World's investment arm
        Istithmar World"): that one acts, its owner is only named. Takeovers allow no word
        between: with three, FIRE dev's ActionBuy F1 fell from 0.657 to 0.642."""
        org = next((o for o in s.orgs if o.text == name), None)
        if org is None:
            return None
        owned = next(
            (
                o
                for o in s.orgs
                if o.start > org.end
                and re.fullmatch(rf"['’]s?\s+(?:[^\W\d_A-Z][\w-]*\s+){{0,{words}}}", self.text[org.end : o.start])
            ),
            None,
        )
        return owned.text if owned is not None else None

    def _aliased(self, a: str, b: str) -> bool:
        """Whether one name is the other's abbreviation in brackets ("Great North Eastern Railway
        (GNER)"): one company, never two parties of one fact."""
        keys = {_org_key(a), _org_key(b)}
        return any({_org_key(full), _org_key(alias)} == keys for full, alias in self.brackets)

    def _without_prefix(self, name: str | None) -> str | None:
        """A party's name without what the tagger glued before it ("Toronto-based TMX" → "TMX",
        "California-based Autodesk"): the pack's ``name_prefix``."""
        prefix = self.cues.name_prefix
        if name is None or prefix is None:
            return name
        rest = prefix.sub("", name, count=1)
        return rest if rest and rest[:1].isupper() else name

    def _party_source(self, s: _Sentence, name: str | None) -> str | None:
        """Where a fact's main party came from: named in its sentence (also in a compound,
        "Porsche-Konzern"), a description there ("der Konzern", "diese Kunden"), or the context."""
        if name is None:
            return None
        sentence = self.text[s.start : s.end]
        if name.lower() in sentence.lower():
            return "sentence"
        cues = self.cues
        if any(p is not None and p.search(sentence) for p in (cues.singular, cues.plural, cues.descriptions)):
            return "description"
        return "context"

    def _rate_in(self, s: _Sentence) -> Rate | None:
        """A rate phrase elsewhere in the sentence ("jedes Jahr … Einnahmen in Milliardenhöhe")."""
        for pattern, rate in self.cues.rates:
            for m in pattern.finditer(self.text, s.start, s.end):
                if not any(a.start <= m.start() < a.end for a in s.amounts):
                    return rate  # a phrase that no other amount claimed
        return None
