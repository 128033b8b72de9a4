"""Acquisitions: who buys which company, from whom, for how much (``acquisition`` facts)."""

from __future__ import annotations

import re
from decimal import Decimal

from newsfacts.extractors.facts.base import _LinkerBase
from newsfacts.extractors.facts.confidence import _score
from newsfacts.extractors.facts.cues import _cues
from newsfacts.extractors.facts.discourse import is_territory
from newsfacts.extractors.facts.mentions import _nearest, _one_family, _org_key, _Sentence
from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import normalize_phrase, number_pattern, read_number, tidy, word_pattern
from newsfacts.extractors.records import Amount, Entity, Fact, Percentage

#: how many sentences after a takeover its price may be told ("The deal is valued at …")
_DEAL_REACH = 3


class _AcquisitionsRules(_LinkerBase):
    """Acquisitions: who buys which company, from whom, for how much (``acquisition`` facts)."""

    def _acquisitions(self, index: int, used: set[int]) -> list[Fact]:
        """Buyer, target, seller, price and date of each takeover a sentence states."""
        s = self.sentences[index]
        triggers = self._acquisition_triggers(s)
        found: list[tuple[tuple[str, str, str | None, bool], int]] = []
        for mode, t_start, t_end in triggers:
            roles = self._acquisition_roles(index, mode, t_start, t_end)
            if roles is not None and all(
                _org_key(r[0][0]) != _org_key(roles[0]) or _org_key(r[0][1]) != _org_key(roles[1]) for r in found
            ):
                found.append((roles, t_start))
        facts = []
        found = [
            ((buyer, *self._division(s, target, seller, t_start), pattern), t)
            for (buyer, target, seller, pattern), t in found
        ]
        for (buyer, target, seller, by_pattern), t_start in found:
            # each price goes to the takeover it stands nearest to
            price, price_cued = self._price(s, t_start, [t for _, t in found])
            if price is not None:
                used.add(price.start)
            # a price without its currency adds a figure, never doubt: scored as no price
            bare = price is not None and price.currency is None and not s.amounts
            confidence = _score(
                pattern=by_pattern, amount=None if bare else price, amount_cued=price_cued, amount_required=False
            )
            stake = self._stake(s, t_start)
            facts.append(
                self._fact(
                    "acquisition",
                    s,
                    buyer=buyer,
                    target=target,
                    seller=seller,
                    amount=price,
                    percent=stake,
                    period=_nearest(s.periods, t_start),
                    confidence=confidence,
                    key=f"{buyer}|{target}",
                    context_currency_costs=not bare,
                )
            )
        # a country is no buyer (link.py drops such facts): its takeover has no price to take
        told = [f for f in facts if not any(n and is_territory(n, self.pack.lang) for n in (f.buyer, f.target))]
        if told:
            self.open_deal = (index, told[-1])
        return facts

    def _deal_price(self, index: int, used: set[int]) -> bool:
        """A takeover's price told after it ("The deal is valued at $28.3 billion", "SABMiller
        is to pay $7.8 billion to complete the transaction", "Für die Übernahme zahlt Wirecard
        23,5 Millionen Euro"): within ``_DEAL_REACH`` sentences of the takeover, a sentence with
        one of the pack's ``deal_nouns``, no company but the takeover's parties, and an amount
        after a price cue or a verb of paying in its clause. The amount goes to the takeover
        (``deal_prices``) and is claimed, so it makes no spending or payment; a takeover that
        has its price already only claims it. Returns whether a price was found."""
        deal = self.open_deal
        s = self.sentences[index]
        if deal is None or index - deal[0] > _DEAL_REACH or self.cues.deal_noun is None:
            return False
        _, fact = deal
        parties = [n for n in (fact.buyer, fact.target, fact.seller) if n]
        if not self.cues.deal_noun.search(self.text, s.start, s.end) or any(
            not any(_one_family(o.text, p) for p in parties) for o in s.orgs
        ):  # "Dow is paying …" after "Dow Chemical … is to buy Rohm and Haas"
            return False
        for amount in s.amounts:
            if amount.vague or amount.value is None or self._per_share(amount) or amount.start in used:
                continue
            clause = self._clause(s, amount.start)
            before = self.text[max(clause[0], amount.start - 40) : amount.start]
            cued = (
                (self.cues.price is not None and self.cues.price.search(before))
                or any(m.end() >= len(before.rstrip()) - 20 for m in self.cues.buy.finditer(before))
                or re.search(rf"(?:{self.cues.deal_noun.pattern})(?:\W+\w+){{0,3}}\W+$", before)
            )  # "für", "is to pay", "Der Kaufpreis liegt bei"
            if not cued:
                continue
            used.add(amount.start)
            if fact.amount_value is None and fact.fact_id not in self.deal_prices:
                self.deal_prices[fact.fact_id] = (amount, s)
            self.open_deal = None
            return True
        return False

    def _stake(self, s: _Sentence, t_start: int) -> Percentage | None:
        """The stake a takeover buys ("74,2 Prozent der VNG-Aktien übernommen", "a 40% stake"):
        a share or level percentage in the trigger's clause, claimed so that it is no separate
        share fact."""
        clause = self._clause(s, t_start)
        stake = next(
            (
                p
                for p in s.percentages
                if clause[0] <= p.start < clause[1]
                and p.kind in ("share", "level")
                and p.start not in self.claimed_percents
            ),
            None,
        )
        if stake is not None:
            self.claimed_percents.add(stake.start)
        return stake

    def _acquisition_triggers(self, s: _Sentence) -> list[tuple[str, int, int]]:
        """Takeover cues in text order: passive or active verbs, selling verbs, nouns."""
        found: list[tuple[str, int, int]] = []
        for mode, pattern in (
            ("passive", self.cues.passive),
            ("active", self.cues.acquire),
            ("divest", self.cues.divest),
            ("noun", self.cues.acquire_noun),
        ):
            for m in pattern.finditer(self.text, s.start, s.end) if pattern else ():
                if not any(a < m.end() and m.start() < b for _, a, b in found):
                    found.append((mode, m.start(), m.end()))
        return sorted(found, key=lambda t: t[1])

    def _acquisition_roles(
        self, index: int, mode: str, t_start: int, t_end: int
    ) -> tuple[str, str, str | None, bool] | None:
        """(buyer, target, seller, found by pattern) or None when a party is missing."""
        s = self.sentences[index]
        pack = self.cues.pack
        # a preposition never reaches back across the trigger ("to acquire LinkedIn")
        orgs = [
            (o, self._preposition_before(o.start, t_end if o.start >= t_end else s.start))
            for o in s.orgs
            if not o.text.startswith("@") and not self._is_alias(o)
        ]
        glued = [
            o
            for o, _ in orgs
            if o.end <= t_start and re.fullmatch(r"-?", self.text[o.end : t_start]) and self._is_compound(o)
        ]  # "E-Plus-Übernahme": the company glued to the noun
        free = [(o, p) for o, p in orgs if not self._is_compound(o)]
        before = [o for o, p in free if o.end <= t_start and p is None]
        after = [(o, p) for o, p in free if o.start >= t_end]
        # an agent may stand three words behind its preposition ("durch den Handelsriesen Edeka")
        agent = next(
            (
                o
                for o, _ in free
                if o.start >= t_end and self._preposition_before(o.start, s.start, reach=3) in pack.agent_preps
            ),
            None,
        )
        buyer = target = seller = None
        by_pattern = True
        if mode == "passive":
            agent = agent or next((o for o, p in free if p in pack.agent_preps), None)
            bare = [o.text for o, p in free if p is None and o is not agent]
            # the name nearest before the participle is what was bought ("Verizon would own
            # Flickr, acquired by Yahoo in 2005": Flickr)
            nearest = [
                o.text
                for o, p in free
                if o is not agent
                and o.end <= t_start
                and not is_territory(o.text, self.pack.lang)
                and (p is None or _RELATIVE.fullmatch(self.text, o.end, t_start))
            ]
            target = nearest[-1] if nearest else (bare[0] if bare else None)
            if target is None and agent is not None:
                # "the company was privatized and was bought by British Aerospace", "2008 wurde
                # das Unternehmen von Metro übernommen": a description before the agent
                end = re.sub(r"\w+\W*$", "", self.text[t_start : agent.start])
                target = self._description_target(s, self._clause(s, t_start)[0], t_start + len(end))
                by_pattern = target is None  # a target resolved from a description costs a little
            # no agent preposition next to the name ("von dem Konkurrenten Youzu übernommen")
            buyer = agent.text if agent else (bare[1] if len(bare) > 1 else None)
            by_pattern = by_pattern and agent is not None
        elif mode == "noun":
            target_org = next((o for o, p in after if p in pack.target_preps or p is None), None)
            target = glued[-1].text if glued else (target_org.text if target_org else None)
            # "Übernahme von X durch Y": a preposition that also marks the target is no agent
            agent = next(
                (
                    o
                    for o, _ in after
                    if o.text != target
                    and (p3 := self._preposition_before(o.start, s.start, reach=3)) in pack.agent_preps
                    and p3 not in pack.target_preps
                ),
                None,
            )
            # a name listed with the target is a second target, never the buyer ("the purchase
            # of Rohm and Haas")
            subject = next(
                (
                    o.text
                    for o, p in free
                    if p is None
                    and o.text != target
                    and not (target_org is not None and o.start > target_org.end and self._listed(target_org, o))
                ),
                None,
            )
            owner = next(
                (
                    o.text
                    for o, _ in free
                    if o.end <= t_start and re.fullmatch(r"['’]s\s+(?:\w+\s+)?", self.text[o.end : t_start])
                ),
                None,
            )  # "Morgan Stanley's acquisition"
            buyer = agent.text if agent else owner or (before[-1].text if before else subject)
        else:  # active buying, or selling ("divest": the subject is the seller)
            clause = self._clause(s, t_start)
            # a company three words behind a preposition is no subject or object either ("vom
            # Oldenburger Energieversorger EWE übernommen": EWE is the seller)
            near = [
                o
                for o in before
                if o.start >= clause[0] and self._preposition_before(o.start, s.start, reach=3) is None
            ]
            # the subject in the verb's own clause, else the sentence's ("Comcast - …, der … -
            # legt … auf den Tisch und übernimmt Dreamworks")
            subject = near[-1].text if near else (before[0].text if before else None)
            pronoun = self.cues.subject_pronoun
            said = pronoun.search(self.text, max(clause[0], t_start - 40), t_start) if pronoun is not None else None
            if said is not None:
                # "it broadcasts the Scottish Premier League and earlier this week it bought
                # control of NASN": the pronoun is the subject, no name before it; after "that"
                # it is the sentence's subject ("Southwest announced that it would buy AirTran");
                # without "that", the first name before the pronoun when that one stands
                # before any object ("Verizon gained ownership of … as it purchased AOL")
                opened = [o for o in before if o.end <= said.start()]
                subject = before[0].text if before and said.group("that") else None
                if subject is None and opened and opened[0] is before[0] and opened[0].start < clause[0]:
                    subject = opened[0].text
            # a country before the company is no object ("acquired Poland's Star Foods")
            # a seller sells its own ("sell its HotJobs service to Monster"): a possessive before
            # the object is no preposition there
            own = pack.own_words if mode == "divest" else []
            objects = [
                o.text
                for o, p in after
                if (p is None or p in own) and o.start < clause[1] and not is_territory(o.text, self.pack.lang)
            ]
            objects = self._without_modifiers(s, objects)
            if (
                subject is None
                and len(objects) >= 2
                and mode == "active"
                and not ((pair := self._pair(s, *objects[:2])) and self._listed(*pair))
            ):
                # "Im März übernahm Toyota Daihatsu"; but "bought USA Network and Sci Fi Channel"
                # names two targets, not a buyer
                subject, objects = objects[0], objects[1:]
            elif (
                not objects and len(near) >= 2 and mode == "active" and self._object_before(near[-2], near[-1], s.start)
            ):
                subject, objects = near[-2].text, [near[-1].text]  # "X hat Y übernommen"
            elif not objects and len(near) == 1 and mode == "active" and (antecedent := self._antecedent(s, clause)):
                # "Comcast, der 2009 NBC Universal übernommen hat"; "QNX, which RIM bought"
                subject_pronoun, object_pronoun = self.cues.relative_subject, self.cues.relative_object
                if subject_pronoun is not None and subject_pronoun.match(self.text, clause[0]):
                    subject, objects = antecedent, [near[0].text]
                elif object_pronoun is not None and object_pronoun.match(self.text, clause[0]):
                    subject, objects = near[0].text, [antecedent]
            if subject is None:
                subject = self._singular_anaphor(index, t_start)
                by_pattern = False
            if not objects and mode == "active":
                # "steigt bei X ein", "übernimmt die Mehrheit an X", "acquired a 40% stake in X"
                objects = [o.text for o, p in after if p in pack.stake_preps and o.start < clause[1]][:1]
            if not objects and mode == "active" and self.cues.stake_phrase is not None:
                # "bought 6.1% of Seiyu", "acquired control of NASN", "übernimmt 30 Prozent der X"
                objects = [
                    o.text
                    for o, _ in after
                    if o.start < clause[1]
                    and o.start - t_end <= 60
                    and self.cues.stake_phrase.fullmatch(self.text, t_end, o.start)
                ][:1]
            if not objects and mode == "active" and self.cues.division_before is not None:
                # "übernimmt die Medizintechniksparte von Philips": the division's company (then
                # ``_division`` makes the division the target and the company the seller)
                objects = [
                    o.text
                    for o, _ in after
                    if o.start < clause[1]
                    and self.cues.division_before.search(self.text, max(t_end, o.start - 90), o.start)
                ][:1]
            target = objects[0] if objects else None
            if target is None:
                # "British Aerospace sold the business to BMW", "Zucker bought the company"
                described = self._description_target(s, t_end, min(clause[1], t_end + 40), at_start=True)
                target = described if described != subject else None
                by_pattern = by_pattern and target is None
            if mode == "divest":
                seller = subject
                buyer = next((o.text for o, p in after if p in pack.customer_preps), None)
            else:
                buyer = subject
                seller = next((o.text for o, p in after if p in pack.seller_preps and o.text != target), None)
        buyer = (self._owned_after(s, buyer, words=0) or buyer) if buyer else buyer
        if not buyer or not target or _one_family(buyer, target) or self._aliased(buyer, target):
            return None  # a group buying its own name is a misread
        if mode in ("active", "noun") and self._goods(s, target, t_end):
            return None  # "purchased 12 new Airbus aircraft": goods the maker sells, no takeover
        return buyer, target, seller, by_pattern

    def _antecedent(self, s: _Sentence, clause: tuple[int, int]) -> str | None:
        """The company a relative clause with one company before its verb is about ("Comcast -
        eigentlich ein US-Kabelnetzbetreiber, der 2009 bereits NBC Universal übernommen hat",
        "QNX, which RIM bought"): the clause opens with one of the pack's ``relative_pronouns``,
        and the company named last before it in the sentence, a few words before the comma (an
        apposition may stand between), is its antecedent."""
        if not self._relative_opens(clause[0]) or "," not in self.text[s.start : clause[0]]:
            return None
        head = self.text.rfind(",", s.start, clause[0])
        last = [o for o in s.orgs if o.end <= head and not is_territory(o.text, self.pack.lang)]
        if not last or head - last[-1].end > 60 or "," in self.text[last[-1].end : head]:
            return None
        return last[-1].text

    def _description_target(self, s: _Sentence, start: int, end: int, at_start: bool = False) -> str | None:
        """The story's company (discourse.py) when a description between ``start`` and ``end``
        stands for a takeover's target ("the company was bought by X", "sold the business to
        BMW"): one of the pack's ``singular_anaphors`` (a company noun; "the franchise" is
        another thing), not followed by a possessive ("the company's rival"); with
        ``at_start``, only one that opens the span, right after the verb."""
        for m in self.cues.singular.finditer(self.text, start, end):
            if at_start and self.text[start : m.start()].strip():
                return None
            if re.match(r"['’]s?\b", self.text[m.end() : m.end() + 2]):
                continue
            # only the story's company: the company named last may be a partner or a rival
            return self.discourse.topic
        return None

    def _without_modifiers(self, s: _Sentence, objects: list[str]) -> list[str]:
        """Objects less a name that only describes the next one ("buy Internet search giant
        Yahoo!", "acquire Philadelphia-based rival Rohm and Haas"): one to four lower-case words,
        none a conjunction, preposition, name connector or function word (``figure_stops``: "the",
        "when"), between it and the next name ("buy Delta once the Atlanta-based airline …" keeps
        Delta)."""
        pack = self.cues.pack
        stops = {w.lower() for w in (*pack.conjunctions, *self.cues.preps, *pack.name_connectors, *pack.figure_stops)}
        kept = []
        for i, name in enumerate(objects):
            pair = self._pair(s, name, objects[i + 1]) if i + 1 < len(objects) else None
            between = self.text[pair[0].end : pair[1].start].split() if pair else []
            if (
                pair is not None
                and 1 <= len(between) <= 4
                and all(re.fullmatch(r"[a-z][a-z-]*", w) and w not in stops for w in between)
            ):
                continue
            kept.append(name)
        return kept

    def _goods(self, s: _Sentence, target: str, t_end: int) -> bool:
        """Whether the target is the maker of goods counted right before it ("purchase of 22 new
        Boeing 787 Dreamliners", "ordered 42 Boeing jets"): a number at most three words before
        the name, after the trigger."""
        org = next((o for o in s.orgs if o.text == target and o.start >= t_end), None)
        if org is None:
            return False
        pattern = self.pack.compiled("facts.goods_count", _goods_count_pattern)
        m = pattern.search(self.text, t_end, org.start)
        if m is None or any(a.start <= m.start() < a.end for a in (*s.amounts, *s.percentages)):
            return False  # a stake or a price before the name ("74,2 Prozent der VNG") counts nothing
        if self.cues.price is not None and self.cues.price.search(self.text, max(t_end, m.start() - 16), m.start()):
            return False  # "übernimmt für etwa 14 Milliarden Tyco": a price without its currency
        pack = self.cues.pack
        preps = {
            p.lower()
            for p in (*pack.vendor_preps, *pack.target_preps, *pack.seller_preps, *pack.stake_preps, *pack.other_preps)
        }
        # "der drei Werften von Nordic Yards": the name owns what is counted, it does not make it
        return not any(w.lower() in preps for w in self.text[m.end("number") : org.start].split())

    def _division(self, s: _Sentence, target: str, seller: str | None, t_start: int) -> tuple[str, str | None]:
        """A part of the target company bought, not the company: "die Übernahme der
        Energiesparte des französischen Konzerns Alstom" (target "Energiesparte", seller
        Alstom), "buys GE's appliance business" (target "appliance business", seller GE)."""
        org = next((o for o in s.orgs if o.text == target and o.start >= t_start), None) or next(
            (o for o in s.orgs if o.text == target), None
        )
        if org is None:
            return target, seller
        before, after = self.cues.division_before, self.cues.division_after
        m = before.search(self.text, max(s.start, org.start - 90), org.start) if before is not None else None
        if m is not None:
            return m["unit"], seller or target
        m = after.match(self.text, org.end) if after is not None else None
        if m is not None:
            return m["unit"], seller or target
        return target, seller

    def _is_alias(self, org: Entity) -> bool:
        """'Telefónica Deutschland (O2)': a name in brackets right after another is an alias."""
        before = self.text[max(0, org.start - 3) : org.start]
        return before.endswith("(") and self.text[org.end : org.end + 1] == ")" and bool(re.search(r"\w\s*\($", before))

    def _object_before(self, subject: Entity, obj: Entity, floor: int) -> bool:
        """'X hat Y übernommen': Y is an object, not a list item ("Audi, BMW und Daimler") and
        not behind a preposition a few words back ("vom Oldenburger Energieversorger EWE")."""
        gap = self.text[subject.end : obj.start].strip(" ,")
        if not gap or gap == "&" or gap.lower() in self.cues.pack.conjunctions:
            return False  # "Audi, BMW und Daimler": a list of companies
        return self._preposition_before(obj.start, floor, reach=3) is None

    def _price(self, s: _Sentence, offset: int, triggers: list[int]) -> tuple[Amount | None, bool]:
        """The amount a price cue introduces ("für 80 Millionen Euro"), else a lone amount."""
        # a price per share is no price of the deal ("buy Merrill at $29 a share")
        mine = [
            a
            for a in s.amounts
            if min((t for t in triggers if self._may_price(s, t, a)), key=lambda t: abs(a.start - t), default=None)
            == offset
            and not self._per_share(a)
        ]
        for amount in sorted(mine, key=lambda a: abs(a.start - offset)):
            before = self.text[max(s.start, amount.start - 30) : amount.start]
            if self.cues.price and self.cues.price.search(before):
                return amount, True
        if len(s.amounts) == 1 and mine and not self.cues.revenue.search(self.text, s.start, s.end):
            return mine[0], False
        if not s.amounts:
            return self._bare_price(s, offset), True
        return None, False

    def _may_price(self, s: _Sentence, trigger: int, amount: Amount) -> bool:
        """Whether an amount may be the price of the takeover at ``trigger``: a takeover told in
        a relative clause has its price there ("Comcast, der 2009 NBC Universal übernommen hat,
        legt 3,8 Milliarden auf den Tisch und übernimmt Dreamworks": Dreamworks' price)."""
        clause = self._clause(s, trigger)
        return not self._relative_opens(clause[0]) or clause[0] <= amount.start < clause[1]

    def _bare_price(self, s: _Sentence, offset: int) -> Amount | None:
        """A price without its currency, which a story leaves out once the reader knows it
        ("übernimmt für etwa 14 Milliarden Tyco", "negotiated a price of 5.1 billion to buy"):
        a price cue, a number and a scale word of a million or more, nearest the trigger, not
        followed by what it counts ("für 2 Millionen Aktien"). The currency is the article's
        one currency where it names only one (see ``_fact``), else unknown."""
        pattern = self.pack.compiled("facts.bare_price", _bare_price_pattern)
        if pattern is None:
            return None
        best: Amount | None = None
        for m in pattern.finditer(self.text, s.start, s.end):
            following = self.text[m.end() : m.end() + 40].split()
            if following and normalize_phrase(following[0].strip(".,;:")) in self.pack.compiled(
                "facts.bare_price.counted", _counted
            ):
                continue
            value = read_number(m["number"], self.pack)
            factor = self.pack.compiled("facts.bare_price.scales", _scales).get(normalize_phrase(m["scale"]))
            if value is None or factor is None:
                continue
            qualifier = next(
                (q for q, words in self.pack.qualifiers.items() if m["qualifier"] and m["qualifier"] in words), None
            )
            start = m.start("qualifier") if m["qualifier"] else m.start("number")
            amount = Amount(
                text=self.text[start : m.end()],
                start=start,
                end=m.end(),
                value=tidy(value * factor),
                qualifier=qualifier,
            )
            if best is None or abs(amount.start - offset) < abs(best.start - offset):
                best = amount
        return best


def _scales(pack: LangPack) -> dict[str, Decimal]:
    """Scale words of a million or more, of two letters or more ("Mio", "bn"; never "m")."""
    return {
        normalize_phrase(w): Decimal(f)
        for w, f in pack.numbers.multipliers.items()
        if f >= 1_000_000 and len(w.rstrip(".")) >= 2
    }


def _counted(pack: LangPack) -> frozenset[str]:
    """Words after a bare number that make it a count, not a price: the pack's count nouns and
    its words for shares ("für 2 Millionen Aktien")."""
    data = _cues(pack).pack
    return frozenset(normalize_phrase(w) for w in [*data.count_nouns, *data.share_words])


def _bare_price_pattern(pack: LangPack) -> re.Pattern[str] | None:
    cues = _cues(pack).pack.price_cues
    scales = _scales(pack)
    if not cues or not scales:
        return None
    qualifiers = [w for words in pack.qualifiers.values() for w in words]
    return re.compile(
        rf"(?:{cues})\s+(?:(?P<qualifier>{word_pattern(qualifiers)})\s+)?(?P<number>{number_pattern(pack)})"
        rf"\s+(?P<scale>{word_pattern(scales)})(?![\w%‰])",
        re.IGNORECASE,
    )


#: Between a name and a participle that tells what became of it: a comma, a relative pronoun and
#: up to four words ("Cingular Wireless, which will be absorbed by AT&T").
_RELATIVE = re.compile(r"\s*,\s*(?:(?:which|that|who|die|der|das|welche[rs]?)\s+)?(?:[\w'’-]+\s+){0,4}", re.IGNORECASE)


def _goods_count_pattern(pack: LangPack) -> re.Pattern[str]:
    """A number, then at most three words, at the end of the text before a name."""
    return re.compile(rf"(?<![\w.,])(?P<number>{number_pattern(pack)})(?:\s+[\w-]+){{0,3}}\s+$", re.IGNORECASE)
