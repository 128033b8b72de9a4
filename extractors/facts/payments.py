"""Payments and spending: a customer pays a vendor (``payment``), or spends without a named one (``spending``)."""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.extractors.facts.base import _LinkerBase
from newsfacts.extractors.facts.confidence import _score
from newsfacts.extractors.facts.mentions import _key, _nearest, _one_family, _org_key, _Sentence, _unique
from newsfacts.extractors.records import Entity, Fact


def _vendor_of(facts: list[Fact]) -> str | None:
    return next((f.vendor for f in facts if f.kind == "payment"), None)


class _PaymentsRules(_LinkerBase):
    """Payments and spending: a customer pays a vendor (``payment``), or spends without a named one (``spending``)."""

    def _payments(self, index: int, used: set[int]) -> list[Fact]:
        s = self.sentences[index]
        sentence = self.text[s.start : s.end]
        buy = self.cues.buy.search(sentence)
        sell = self.cues.sell.search(sentence)
        if not (buy or sell):
            return []
        verb_at = s.start + (buy or sell).start()  # type: ignore[union-attr]
        selling = buy is None
        award = self.cues.award
        if buy is not None and award is not None and award.search(self.text, max(s.start, verb_at - 24), verb_at):
            # "Siemens Energy booked orders worth $12 billion", "won orders": orders received,
            # the subject sells; no purchase (its amount stays a figure of the orders)
            return []
        passive = self.cues.paid_passive
        if buy is not None and passive is not None and passive.search(self.text, s.start, s.end):
            return self._paid_passive(index, used)
        bought = self.cues.bought_passive  # "The ticket was bought at …": its subject bought nothing
        if buy is not None and bought is not None and bought.search(self.text, s.start, s.end):
            return []
        roles = self._roles(index, selling=selling, verb_at=verb_at)
        if not roles.customers:
            return []
        vendor, context_vendor = roles.vendor, False
        if vendor is None and roles.bought_company and s.amounts and not selling:
            return self._bought_company(index, roles, verb_at, used)
        if (
            vendor is None
            and self.dominant
            and self.customer_story
            and s.amounts
            and not any(_org_key(c) in self.uncertain for c in roles.customers)
            and not self._bare_in(s, self.dominant)
        ):
            # the article's company as vendor, only in a story of its customers and for a customer
            # the tagger named: a guessed customer and a guessed vendor make a guess, not a fact
            # ("… jackpot paid out to …")
            vendor, context_vendor = self.dominant, True
        if vendor is None or any(
            _org_key(c) == _org_key(vendor) or self._aliased(c, vendor) or _one_family(c, vendor)
            for c in roles.customers
        ):  # "James Hardie Industries" paying "James Hardie" is one company spending
            return self._spending(index, roles.customers, used, anaphor=roles.anaphor) if s.amounts else []
        amount = _nearest(s.amounts, verb_at)
        if amount is None and not (roles.strong_vendor and roles.explicit_customer):
            return []
        if amount is not None:
            used.add(amount.start)
        product = roles.product if roles.product and _key(roles.product) != _key(vendor) else None
        confidence = _score(
            pattern=roles.explicit_customer and (roles.explicit_vendor or roles.vendor is None),
            context_roles=context_vendor,
            anaphor=roles.anaphor,
            amount=amount,
        )
        return [
            self._fact(
                "payment",
                s,
                customer=customer,
                vendor=vendor,
                product=product,
                amount=amount,
                period=_nearest(s.periods, verb_at),
                confidence=confidence,
                key=customer,
            )
            for customer in roles.customers
        ]

    def _paid_passive(self, index: int, used: set[int]) -> list[Fact]:
        """'Halliburton was paid $10.7 billion by the Pentagon': the subject is the vendor, the
        agent the customer. Without an agent the customer is unknown, and the sentence states no
        spending of the subject either (it received the money): no fact."""
        s = self.sentences[index]
        agents = {p.lower() for p in self.cues.pack.agent_preps}
        vendor = next((o.text for o in s.orgs if self._preposition_before(o.start, s.start) is None), None)
        customer = next(
            (o.text for o in s.orgs if (self._preposition_before(o.start, s.start) or "").lower() in agents), None
        )
        if vendor is None or customer is None or not s.amounts or _org_key(vendor) == _org_key(customer):
            return []
        amount = s.amounts[0]
        used.add(amount.start)
        return [
            self._fact(
                "payment",
                s,
                customer=customer,
                vendor=vendor,
                amount=amount,
                period=_nearest(s.periods, amount.start),
                confidence=_score(pattern=True, amount=amount),
                key=customer,
            )
        ]

    def _bought_company(self, index: int, roles: _PaymentsRules._Roles, verb_at: int, used: set[int]) -> list[Fact]:
        """'Booking paid $2.6 billion for Kayak': paying for a company is buying it."""
        s = self.sentences[index]
        amount = _nearest(s.amounts, verb_at)
        used.add(amount.start)
        buyer, target = roles.customers[0], roles.bought_company
        return [
            self._fact(
                "acquisition",
                s,
                buyer=buyer,
                target=target,
                amount=amount,
                period=_nearest(s.periods, verb_at),
                confidence=_score(pattern=True, amount=amount, anaphor=roles.anaphor),
                key=f"{buyer}|{target}",
            )
        ]

    def _spending(self, index: int, customers: list[str], used: set[int], *, anaphor: bool) -> list[Fact]:
        """What a company spends without a named vendor. A spender the tagger called a person
        ("Blair said to the audience that paid CA$400") spends no company's money, nor does
        public money ("the government will invest"): no fact."""
        s = self.sentences[index]
        customers = [c for c in customers if _org_key(c) not in self.persons]
        if not customers or self._per_share(s.amounts[0]) or self._public_money(s):
            return []  # "eine Dividende von 35 Cent je Aktie": no sum the company spends
        amount = s.amounts[0]
        used.add(amount.start)
        confidence = _score(pattern=True, anaphor=anaphor, amount=amount)
        return [
            self._fact(
                "spending",
                s,
                company=c,
                amount=amount,
                period=_nearest(s.periods, amount.start),
                confidence=confidence,
                key=c,
            )
            for c in customers
        ]

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

    def _roles(self, index: int, *, selling: bool, verb_at: int) -> _PaymentsRules._Roles:
        """Customer(s), vendor and product of a buying or selling sentence.

        A company marked by a preposition is a party only in the verb's own clause: in "hat
        Milliarden ausgegeben, um die Technologie von OpenAI zu finanzieren" the "von" belongs to
        "Technologie", not to the spending.
        """
        s = self.sentences[index]
        sentence = self.text[s.start : s.end]
        clause = self._clause(s, verb_at)
        bare: list[str] = []
        vendor: str | None = None
        customers: list[str] = []
        product: str | None = None
        bought_company: str | None = None
        strong_vendor = False  # a cue clear enough to state a payment without an amount
        sources = self._sources(s)
        for org in s.orgs:
            prep = self._shared_preposition_before(org.start, s.start)
            if vendor is not None and _org_key(org.text) == _org_key(vendor):
                continue
            if _org_key(org.text) in sources:
                continue  # "according to a report by SIPRI, military spending was …": no party
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
        # "Dubai World's investment arm Istithmar World paid …": the owner is only named
        bare = [b for b in bare if self._owned_after(s, b) is None]
        anaphor = self._anaphor_customers(index, sentence)
        if selling:
            vendor = bare[0] if bare else (anaphor[0] if anaphor else None)
            return self._Roles(customers, vendor, product, bool(customers))
        if anaphor:
            if bare and vendor is None:
                vendor = bare[0]  # "Diese Kunden zahlten Microsoft": the dative after the subject
            return self._Roles(
                [c for c in anaphor if c != vendor], vendor, product, True, strong_vendor=strong_vendor, anaphor=True
            )
        if bare:
            if vendor is None and len(bare) > 1 and self._dative(bare[0], bare[1], s, clause):
                return self._Roles(bare[:1], bare[1], product, True, explicit_vendor=False)
            return self._Roles(
                bare[:1],
                vendor,
                product,
                True,
                explicit_vendor=vendor is not None,
                strong_vendor=strong_vendor,
                bought_company=bought_company,
            )
        return self._Roles([], vendor, product, False, explicit_vendor=vendor is not None)

    def _bare_in(self, s: _Sentence, name: str) -> bool:
        """Whether the sentence names a company without a preposition before it: then it is one
        of the sentence's subjects or objects, never the vendor taken from the context ("Air
        Independence and Libyan Airlines have placed orders", Libyan Airlines the story's topic)."""
        key = _org_key(name)
        return any(_org_key(o.text) == key and self._preposition_before(o.start, s.start) is None for o in s.orgs)

    def _dative(self, first: str, second: str, s: _Sentence, clause: tuple[int, int]) -> bool:
        """Whether a second bare name can be the verb's dative object, the one paid ("Diese
        Kunden zahlten Microsoft", "Hostopia will pay Web.com"): it stands in the verb's clause
        ("Air Canada has ordered …, while Air India …" names no vendor) and is not joined to the
        first by a conjunction ("Air Independence and Libyan Airlines have placed orders": two
        buyers)."""
        pair = self._pair(s, first, second)
        if pair is None:
            return True
        return clause[0] <= pair[1].start < clause[1] and not self._listed(*pair, dot=True)

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
