"""Payments that are no "zahlen" (fines, contracts or orders a company receives), and spending
told by an investing verb.

- A *fine* ("eine Geldbuße von zwei Millionen Euro gegen X verhängt", "X was fined $5 million",
  "the regulator imposed a penalty of … on X"): the fined company pays the authority. The fined
  company stands after an against-preposition (``against_preps``: "gegen", "against", "contre"),
  else it is the sentence's subject; the authority is another company named as a subject or
  after an agent preposition, when the text names one.
- An *award* ("X erhält einen Auftrag über 50 Millionen Euro von Y", "X has been awarded a $500
  million contract by Y", "X won a contract from Y"): the customer pays the company that won. The
  winner is the subject of the receiving verb (``award_verbs``), the customer follows a vendor or
  agent preposition ("von", "by", "from"), or "for" with the contract noun.

- An *investment* ("X investiert 50 Millionen Euro in", "X will spend $2 billion on"): the
  subject's ``spending`` (the pack's ``spend_verbs``), when no vendor is named.

- A *grant* ("Der Bund fördert Intel mit zehn Milliarden Euro", "BMW lent Rover £427 million"):
  the subject of a giving verb (``grant_verbs``) pays the company after it. Loans, subsidies and
  grants received are awards ("Intel erhält vom Bund Subventionen", "received a loan from BMW").

All need an amount in the sentence; the pack's ``fine_nouns``, ``contract_nouns``,
``award_verbs``, ``against_preps`` and ``spend_verbs`` hold the words (none: the rule is off).
"""

from __future__ import annotations

import re

from newsfacts.extractors.facts.base import _LinkerBase
from newsfacts.extractors.facts.confidence import CONFIDENCE
from newsfacts.extractors.facts.mentions import _nearest, _org_key
from newsfacts.extractors.records import Amount, Entity, Fact


class _AwardsRules(_LinkerBase):
    """Fines and awarded contracts as payments."""

    def _awards(self, index: int, used: set[int]) -> list[Fact]:
        """Fines and awarded contracts of one sentence (both need an amount)."""
        s = self.sentences[index]
        cues = self.cues
        if not s.amounts or not s.orgs:
            return []
        facts: list[Fact] = []
        fine = cues.fine.search(self.text, s.start, s.end) if cues.fine is not None else None
        if fine is not None:
            facts.extend(self._fine(index, fine.start(), used))
        award = cues.award.search(self.text, s.start, s.end) if cues.award is not None else None
        contract = cues.contract.search(self.text, s.start, s.end) if cues.contract is not None else None
        if not facts and award is not None and contract is not None:
            facts.extend(self._award(index, award.start(), award.end(), used))
        grant = cues.grant.search(self.text, s.start, s.end) if cues.grant is not None else None
        if not facts and grant is not None:
            facts.extend(self._grant(index, grant.start(), grant.end(), used))
        receipt = cues.receive.search(self.text, s.start, s.end) if cues.receive is not None else None
        if not facts and receipt is not None:
            facts.extend(self._receipt(index, receipt.start(), receipt.end(), used))
        return facts

    def _receipt(self, index: int, start: int, end: int, used: set[int]) -> list[Fact]:
        """ "Tesla received $465 million from the Energy Department", "Opel erhält 1,5 Milliarden
        Euro vom Bund": an amount within a few words after the verb, and a company after one of
        the pack's ``receive_preps`` ("from", "von") in its clause, who pays the subject."""
        s = self.sentences[index]
        pack = self.cues.pack
        amount = next((a for a in s.amounts if a.start not in used and 0 <= a.start - end <= 25), None)
        if amount is None or not re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", self.text[end : amount.start]):
            return []
        parties = self._parties(index)
        receiver = _bare_before(parties, start) or self._singular_anaphor(index, start)
        clause_end = self._clause(s, amount.end)[1]
        payer = next(
            (o.text for o, p in parties if amount.end <= o.start < clause_end and p in pack.receive_preps),
            None,
        )
        return self._received(index, payer, receiver, amount, start, used, key=f"receipt|{payer}")

    def _grant(self, index: int, start: int, end: int, used: set[int]) -> list[Fact]:
        """ "Der Bund fördert Intel mit zehn Milliarden Euro", "BMW lent Rover £427 million": the
        subject before the verb pays the company right after it (bare, or after a vendor
        preposition: "a loan to MG Rover")."""
        s = self.sentences[index]
        pack = self.cues.pack
        parties = self._parties(index)
        giver = _bare_before(parties, start)
        clause_end = self._clause(s, end)[1]
        receiver = next(
            (
                o.text
                for o, p in parties
                if end <= o.start < clause_end and (p is None or p in pack.vendor_preps) and o.text != giver
            ),
            None,
        )
        amount = _nearest([a for a in s.amounts if a.start not in used and a.start >= start], end)
        return self._received(index, giver, receiver, amount, start, used, key=f"grant|{giver}")

    def _received(
        self,
        index: int,
        customer: str | None,
        vendor: str | None,
        amount: Amount | None,
        at: int,
        used: set[int],
        *,
        key: str,
    ) -> list[Fact]:
        """The payment of an award or a grant: none without both parties and an amount, or when
        the two are one company."""
        if customer is None or vendor is None or amount is None or _org_key(customer) == _org_key(vendor):
            return []
        used.add(amount.start)
        s = self.sentences[index]
        return [
            self._fact(
                "payment",
                s,
                customer=customer,
                vendor=vendor,
                amount=amount,
                period=_nearest(s.periods, at),
                confidence=CONFIDENCE["award"],
                key=key,
            )
        ]

    def _parties(self, index: int) -> list[tuple[Entity, str | None]]:
        s = self.sentences[index]
        return [
            (o, self._preposition_before(o.start, s.start, reach=3))
            for o in s.orgs
            if not self._is_compound(o) and _org_key(o.text) not in self.persons
        ]

    def _fine(self, index: int, at: int, used: set[int]) -> list[Fact]:
        s = self.sentences[index]
        pack = self.cues.pack
        parties = self._parties(index)
        fined = next((o.text for o, p in parties if p in pack.against_preps), None)
        bare = [o.text for o, p in parties if p is None]
        before = [o.text for o, p in parties if p is None and o.end <= at]
        after = [o.text for o, p in parties if p is None and o.start >= at]
        if fined is None and before and after and not self._passive_before(at, s.start):
            # "The Commission fined Google $2.7 billion", "handed Google a fine": the subject
            # fines, the object pays
            fined = after[0]
        if fined is None:
            fined = bare[0] if bare else None
        authority = next((o.text for o, p in parties if p in pack.agent_preps and o.text != fined), None)
        authority = authority or next((b for b in bare if b != fined), None)
        amount = _nearest([a for a in s.amounts if a.start not in used], at)
        if fined is None or amount is None or _org_key(fined) in self.uncertain:
            return []  # a fined person or an untagged name: the fine stays a figure
        used.add(amount.start)
        return [
            self._fact(
                "payment",
                s,
                customer=fined,
                vendor=authority,
                amount=amount,
                period=_nearest(s.periods, at),
                confidence=CONFIDENCE["fine"],
                key=f"fine|{fined}",
            )
        ]

    def _passive_before(self, at: int, floor: int) -> bool:
        """Whether one of the pack's ``passive_auxiliaries`` stands in the two words before
        ``at`` ("Google was fined …"): then the subject is the one who pays."""
        words = {w.lower() for w in self.cues.pack.passive_auxiliaries}
        return any(w.lower().strip(",") in words for w in self.text[max(floor, at - 30) : at].split()[-2:])

    def _award(self, index: int, start: int, end: int, used: set[int]) -> list[Fact]:
        s = self.sentences[index]
        pack = self.cues.pack
        parties = self._parties(index)
        winner = _bare_before(parties, start) or self._singular_anaphor(index, start)
        customer = next(
            (
                o.text
                for o, p in parties
                if o.start >= end
                and o.text != winner
                and p in (*pack.vendor_preps, *pack.agent_preps, *pack.award_customer_preps)
            ),
            None,
        )
        amount = _nearest([a for a in s.amounts if a.start not in used], end)
        return self._received(index, customer, winner, amount, start, used, key=f"award|{customer}")

    def _cost_object(self, index: int) -> tuple[re.Match[str], str] | None:
        """A verb of costing and the company right after it ("Delays have cost Airbus more than
        6 billion dollars", "kostete den Konzern 2 Milliarden Euro": the pack's ``cost_verbs``):
        the company that spends."""
        s = self.sentences[index]
        pattern = self.cues.cost
        for verb in pattern.finditer(self.text, s.start, s.end) if pattern is not None else ():
            for org in s.orgs:
                gap = self.text[verb.end() : org.start]
                if verb.end() <= org.start and len(gap.split()) <= 2 and not re.search(r"[,.;:]", gap):
                    key = _org_key(org.text)  # a tagged company, no guess ("cost Australian farmers")
                    if not self._is_compound(org) and key not in self.persons and key not in self.uncertain:
                        return verb, org.text
        return None

    def _investments(self, index: int, used: set[int]) -> list[Fact]:
        """'X investiert 50 Millionen Euro in …': the subject's spending, the nearest amount;
        'Delays have cost Airbus $6 billion': the object's."""
        s = self.sentences[index]
        cues = self.cues
        if not s.amounts:
            return []
        cost = self._cost_object(index)
        verb = cues.spend.search(self.text, s.start, s.end) if cues.spend is not None else None
        if cost is not None:
            verb = cost[0]
        if verb is None or (cost is None and self._public_money(s)):
            return []  # "The government will invest $40 million": public money, no company's
        company, confidence = (
            (cost[1], CONFIDENCE["subject_before"]) if cost is not None else self._subject_scored(index, verb.start())
        )
        amount = _nearest([a for a in s.amounts if a.start not in used and not a.vague], verb.start())
        if company is None or amount is None or amount.value is None:
            return []
        used.add(amount.start)
        return [
            self._fact(
                "spending",
                s,
                company=company,
                metric=verb.group(),
                amount=amount,
                period=_nearest(s.periods, verb.start()),
                confidence=min(confidence, CONFIDENCE["investment"]),
                key=f"spend|{amount.text}",
            )
        ]


def _bare_before(parties: list[tuple[Entity, str | None]], start: int) -> str | None:
    """The subject of a verb at ``start``: the last company before it with no preposition."""
    return next((o.text for o, p in reversed(parties) if o.end <= start and p is None), None)
