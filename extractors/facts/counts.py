"""Counts: a number of employees, jobs, branches, customers, vehicles (``count`` facts)."""

from __future__ import annotations

import re
from decimal import Decimal

from newsfacts.extractors.facts.base import _LinkerBase
from newsfacts.extractors.facts.confidence import CONFIDENCE
from newsfacts.extractors.facts.cues import SPACE_GROUPED, _cues
from newsfacts.extractors.facts.discourse import is_territory
from newsfacts.extractors.facts.mentions import _nearest, _org_key, _Sentence
from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import normalize_phrase, read_number
from newsfacts.extractors.records import Amount, Direction, Fact


def _count_value(m: re.Match[str], pack: LangPack) -> Decimal | None:
    """The number of a count ("mehr als 24 Millionen Kunden" → 24000000)."""
    number = m.group("number")
    grouped = re.fullmatch(SPACE_GROUPED, number)
    value = Decimal(re.sub(r"\D", "", number)) if grouped else read_number(number, pack)
    if value is None:
        return None
    glued = m.groupdict().get("glued_scale")
    scale = normalize_phrase(m.group("scale") or glued or "")
    factors = {normalize_phrase(k): v for k, v in pack.numbers.multipliers.items()}
    return value * factors[scale] if scale else value


def _count_qualifier(m: re.Match[str], pack: LangPack) -> str | None:
    word = normalize_phrase(m.group("qualifier") or "")
    return next((q for q, words in pack.qualifiers.items() if word in {normalize_phrase(w) for w in words}), None)


def _count_owner_pattern(pack: LangPack) -> re.Pattern[str] | None:
    """Spaces, one of the pack's ``count_owner_preps``, spaces: where a count's company follows."""
    preps = _cues(pack).pack.count_owner_preps
    if not preps:
        return None
    words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(preps, key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})\s+", re.IGNORECASE)


class _CountsRules(_LinkerBase):
    """Counts: a number of employees, jobs, branches, customers, vehicles (``count`` facts)."""

    def _weak_without_verb(self, s: _Sentence, m: re.Match[str]) -> bool:
        """Whether a count of a weak noun ("500 people") has no count verb ("employs") in its
        clause, nor a verb of having right before it ("has 27.6m passengers"): then it is no
        company's count (the pack's ``weak_count_nouns``, ``count_verbs``, ``have_verbs``)."""
        if m.group("noun").lower() not in self.cues.weak_count_nouns:
            return False
        start, end = self._clause(s, m.start())
        have = self.cues.have_verbs
        if have is not None and have.search(self.text, max(start, m.start() - 30), m.start()):
            return False  # "Ryanair has 27.6m passengers"
        verbs = self.cues.count_verbs
        return verbs is None or verbs.search(self.text, start, end) is None

    def _bought(self, s: _Sentence, m: re.Match[str]) -> bool:
        """A count that is what a verb of buying buys ("ordered 20 planes from Boeing", "bestellt
        20 Flugzeuge"): an order, no count the company has. A verb that is also one of the pack's
        ``count_verbs`` buys no goods ("hired 500 workers" stays a count)."""
        start = self._clause(s, m.start())[0]
        hiring = self.cues.count_verbs
        return any(
            hiring is None or not hiring.fullmatch(v.group())
            for v in self.cues.buy.finditer(self.text, start, m.start())
        )

    def _model_number(self, s: _Sentence, m: re.Match[str]) -> bool:
        """Whether the number is a model's, glued to the maker's name before it ("the Boeing 747
        aircraft", "Playstation 3 units"): up to three digits right after a name, where only
        names are capitalised (German writes "will Siemens 500 Stellen streichen")."""
        number = m.group("number")
        scaled = m.group("scale") or m.groupdict().get("glued_scale")  # "give AT&T 70 million users"
        if self.cues.name is None or not number.isdigit() or len(number) > 3 or scaled:
            return False
        start = m.start("number")
        return any(o.end <= start and not self.text[o.end : start].strip() for o in s.orgs)

    def _base_change(self, s: _Sentence, m: re.Match[str]) -> Direction | None:
        """The direction a verb of gaining or losing gives a count of the customer base right
        before it (the pack's ``base_count_nouns`` and ``base_change_verbs``)."""
        if m.group("noun").lower() not in self.cues.base_nouns or self.cues.base_change is None:
            return None
        start = self._clause(s, m.start())[0]
        verbs = list(self.cues.base_change.finditer(self.text, max(start, m.start() - 40), m.start()))
        if not verbs:
            return None
        return "up" if verbs[-1].lastgroup == "up" else "down"

    def _count_owner(self, s: _Sentence, m: re.Match[str]) -> str | None:
        """The company a preposition right after the count noun names ("30 employees of Ziff
        Davis", "1.200 Stellen bei der Commerzbank": the pack's ``count_owner_preps``); never a
        place, a person or a public body ("500 jobs at Birmingham")."""
        pattern = self.pack.compiled("facts.count_owner", _count_owner_pattern)
        link = pattern.match(self.text, m.end()) if pattern is not None else None
        if link is None:
            return None
        org = next((o for o in s.orgs if o.start == link.end()), None)
        if org is None or self._is_compound(org):
            return None
        key = _org_key(org.text)
        if key in self.persons or key in self.places or self._public_body(org.text):
            return None
        return None if is_territory(org.text, self.pack.lang) else org.text

    def _glued_owner(self, s: _Sentence, m: re.Match[str]) -> str | None:
        """The company glued to the count noun ("475 Tengelmann-Filialen", "113
        Zielpunkt-Standorte"): the branches are its, whoever the sentence's subject is."""
        org = next((o for o in s.orgs if o.start == m.start("noun") and o.end < m.end("noun")), None)
        if org is None or self.text[org.end : org.end + 1] != "-":
            return None
        key = _org_key(org.text)
        if key in self.persons or key in self.places or is_territory(org.text, self.pack.lang):
            return None
        return org.text

    def _about_economy(self, s: _Sentence, offset: int) -> bool:
        """Whether the count's clause speaks of a whole economy ("the economy has shed six
        million jobs", "23 million people are unemployed": the pack's ``economy_cues``) or of an
        incident ("the blast killed eleven workers", "left with 65 passengers aboard":
        ``incident_cues``): either way the number is no company's size. A count verb right
        before the number keeps it against an incident or a strike ("laid off 500 workers after
        workers staged strike action")."""
        start, end = self._clause(s, offset)
        economy, incident = self.cues.economy, self.cues.incident
        # a relative clause speaks of the clause before it ("the job loss rate, which peaked at
        # 741,000 jobs")
        head = self._clause(s, start - 2)[0] if start > s.start + 1 and self._relative_opens(start) else start
        if economy is not None and economy.search(self.text, head, end) is not None:
            return True
        return (
            incident is not None
            and incident.search(self.text, start, end) is not None
            and not self._verb_before(offset)
        )

    def _verb_before(self, offset: int) -> bool:
        """Whether one of the pack's ``count_verbs`` ends at most two words before the count
        ("laid off 500 workers", "beschäftigt rund 4.500 Mitarbeiter")."""
        verbs = self.cues.count_verbs
        if verbs is None:
            return False
        window = self.text[max(0, offset - 40) : offset]
        return any(len(window[v.end() :].split()) <= 2 for v in verbs.finditer(window))

    def _counts(self, index: int) -> list[Fact]:
        s = self.sentences[index]
        facts = []
        taken = [(a.start, a.end) for a in (*s.amounts, *s.percentages)]
        found = [
            *self.cues.count.finditer(self.text, s.start, s.end),
            *(m for frame in self.cues.count_frames for m in frame.finditer(self.text, s.start, s.end)),
        ]
        # a number that is an amount's or a percentage's is no count ("AU$5.32 billion to shareholders")
        for m in [m for m in found if not any(a < m.end("number") and m.start("number") < b for a, b in taken)]:
            if self._about_economy(s, m.start()) or self._weak_without_verb(s, m):
                continue
            value = _count_value(m, self.pack)
            if value == 1 and not m.group("number").isdigit():  # "ein Händler", "an employee": an article
                continue
            if self._bought(s, m) or self._model_number(s, m):
                continue
            owner = self._glued_owner(s, m) or self._count_owner(s, m)
            company, confidence = (
                (owner, CONFIDENCE["revenue_owner"]) if owner else self._subject_scored(index, m.start(), places=False)
            )
            if value is None or company is None:
                continue
            qualifier = _count_qualifier(m, self.pack)
            moved = self._base_change(s, m)
            if moved is not None:
                # "Sky gained 51,000 customers", "Virgin Media lost 47,000 customers": the
                # customer base moved by the number, which is no count of its customers
                number = Amount(text=m.group("number"), start=m.start("number"), end=m.end("number"), value=value)
                facts.append(
                    self._fact(
                        "change",
                        s,
                        company=company,
                        metric=m.group("noun"),
                        amount=number,
                        direction=moved,
                        period=_nearest(s.periods, m.start()),
                        confidence=confidence,
                        key=m.group(),
                    )
                )
                continue
            facts.append(
                self._fact(
                    "count",
                    s,
                    company=company,
                    metric=m.group("noun"),
                    count=(value, qualifier),
                    period=_nearest(s.periods, m.start()),
                    confidence=confidence,
                    key=m.group(),
                )
            )
        return facts
