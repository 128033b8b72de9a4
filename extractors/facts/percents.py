"""Percentages: changes of a metric and shares of a whole."""

from __future__ import annotations

import re

from newsfacts.extractors.facts.base import _LinkerBase
from newsfacts.extractors.facts.confidence import CONFIDENCE
from newsfacts.extractors.facts.discourse import is_territory
from newsfacts.extractors.facts.mentions import _nearest, _org_key, _Sentence
from newsfacts.extractors.records import Direction, Entity, Fact, Percentage


class _PercentsRules(_LinkerBase):
    """Percentages: changes of a metric and shares of a whole."""

    def _percent_facts(self, index: int, so_far: list[Fact]) -> list[Fact]:
        s = self.sentences[index]
        facts = []
        last_share: tuple[Fact, Percentage] | None = None
        for pct in s.percentages:
            if pct.start in self.claimed_percents:
                continue  # the stake of a takeover
            owner = self._owned_by(s, pct)  # "84% owned by GM": the holder follows
            if pct.kind in ("change", "points") or self._level_that_moved(s, pct):
                direction = pct.direction or self._clause_direction(s, pct.start)
                facts.extend(self._change_fact(index, pct, self._metric(s, pct.start), direction))
            elif (counted := self._percent_of_count(s, pct)) is not None:
                # "Twitter streicht acht Prozent der Arbeitsplätze", "cut 750 jobs, or about 20
                # percent of the salaried workforce": a change of the workforce, not a share
                facts.extend(self._change_fact(index, pct, *counted))
            elif (holder := self._bracketed_holder(s, pct)) is not None:
                # "Siemens (30 Prozent), Bosch (12 Prozent) und Daimler", "BP (50%) and Shell (50%)"
                facts.append(
                    self._fact("share", s, company=holder, percent=pct, confidence=CONFIDENCE["share"], key=pct.text)
                )
            elif self.cues.not_wholes is not None and self.cues.not_wholes.match(self.text, pct.end):
                continue  # "45 percent of respondents", "60 percent of GDP": a poll's or an economy's
            elif pct.kind == "share" or self._share_level(s, pct) or owner is not None:
                payer = next((f.customer for f in so_far if f.kind == "payment"), None)
                company = payer or self._subject(index, pct.start)
                linked = self._org_after(s, pct.end + 1)  # "61% of General Motors"
                whole = linked or self._whole_after(s, pct.end)
                staked = self._staked(s, pct)
                if staked is not None and not payer:
                    # "Daimler raised its stake in Tesla to 9.1%", "erhöhte seine Beteiligung an
                    # Tesla auf 9,1 Prozent": the company after the stake noun is the whole, the
                    # holder stands before the noun, or after it behind an agent preposition
                    # ("Die Beteiligung von Daimler an Renault beträgt 3,1 Prozent")
                    noun_start, org, holder = staked
                    whole = whole or org.text
                    company = holder or self._subject(index, noun_start)
                if owner is not None and not payer:
                    # "Opel is 84% owned by GM", "Uniper gehört zu 99 Prozent dem Versorger
                    # Fortum": the name after the percentage holds, the subject is the whole
                    whole, company = company if company and _org_key(company) != _org_key(owner) else None, owner
                    linked = None
                listed = self._listed_holder(s, last_share, pct, company)
                if listed is not None:
                    # "Etihad ist zu 29 Prozent an Air Berlin und zu 49 Prozent an Alitalia
                    # beteiligt": the whole of the list's last share holds nothing, its holder does
                    company = listed.company
                if company is not None and whole is not None and _org_key(company) == _org_key(whole):
                    if linked is None and not self._marked(s, whole, pct.end):
                        whole = None  # "Mit einem Anteil von 40 Prozent ist Samsung Marktführer"
                    else:
                        company = None  # "The government owns 61% of General Motors": not GM's own
                if company is None or (whole is None and staked is None and not self._share_cue(s, pct)):
                    continue
                facts.append(
                    self._fact(
                        "share", s, company=company, of=whole, percent=pct, confidence=CONFIDENCE["share"], key=pct.text
                    )
                )
                last_share = (facts[-1], pct)
        return facts

    def _listed_holder(
        self, s: _Sentence, last: tuple[Fact, Percentage] | None, pct: Percentage, company: str | None
    ) -> Fact | None:
        """The sentence's previous share when the company found for this one is that share's
        whole and no other name stands between: a list of one holder's stakes."""
        if last is None or company is None or not last[0].of or _org_key(last[0].of) != _org_key(company):
            return None
        between = [o for o in s.orgs if last[1].end <= o.start and o.end <= pct.start]
        return last[0] if all(_org_key(o.text) == _org_key(company) for o in between) else None

    def _change_fact(self, index: int, pct: Percentage, metric: str | None, direction: Direction | None) -> list[Fact]:
        """The ``change`` fact of a percentage, of the company its sentence is about (none
        without one); a change whose direction no word gives costs confidence."""
        s = self.sentences[index]
        clause = self._clause(s, pct.start)
        if self.cues.macro is not None and self.cues.macro.search(self.text, *clause):
            return []  # "India's economy has grown by 9.2 percent", "inflation rose 0.2%": no company's
        if self.cues.index is not None and self.cues.index.search(self.text, clause[0], pct.start):
            return []  # "Der Leitindex fiel um 8 Prozent": the index's
        company, confidence = self._listed_changer(s, pct) or self._subject_scored(index, pct.start)
        if company is None:
            return []
        confidence -= CONFIDENCE["no_direction_cost"] * (direction is None)
        return [
            self._fact(
                "change",
                s,
                company=company,
                metric=metric,
                percent=pct,
                period=_nearest(s.periods, pct.start),
                confidence=confidence,
                key=pct.text,
                direction=direction,
            )
        ]

    def _listed_changer(self, s: _Sentence, pct: Percentage) -> tuple[str, float] | None:
        """The name of a list item whose verb is left out ("Bank of America stocks increased by
        26%, JP Morgan Chase by 25%, and Citigroup by 19.5%"; "Siemens um 3 Prozent, Bosch um 2
        Prozent"): a name right before the change preposition, itself right after a comma or a
        conjunction. Whatever the tagger called it: the list makes it the first item's kind."""
        prefixes = self.pack.percent.change_prefixes
        conjunctions = self.cues.pack.conjunctions
        if not prefixes:
            return None
        words = "|".join(map(re.escape, prefixes))
        # the preposition opens the mention ("by 25%") or stands before it
        link = r"\s+\Z" if re.match(rf"(?:{words})\s", pct.text, re.IGNORECASE) else rf"\s+(?:{words})\s+\Z"
        opener = rf"(?:,|\s(?:{'|'.join(map(re.escape, conjunctions))}))\s*\Z" if conjunctions else r",\s*\Z"
        for org in s.orgs:
            if (
                re.fullmatch(link, self.text[org.end : pct.start])
                and re.search(opener, self.text[max(s.start, org.start - 6) : org.start])
                and not is_territory(org.text, self.pack.lang)
            ):
                return org.text, CONFIDENCE["subject_before"]
        return None

    def _percent_of_count(self, s: _Sentence, pct: Percentage) -> tuple[str, Direction] | None:
        """A percentage of a workforce or of a count noun, in a clause that says which way it
        went ("streicht acht Prozent der Arbeitsplätze", "fire 12% of its executive officers"):
        the noun and the direction. Without a direction word it stays what it was (a share of
        the workforce is no fact)."""
        if pct.kind not in ("share", "level") or self.cues.percent_of_count is None:
            return None
        m = self.cues.percent_of_count.match(self.text, pct.end, s.end)
        if m is None:
            return None
        direction = self._clause_direction(s, pct.start) or self._direction_before(s, pct.start)
        return None if direction is None else (m.group("noun"), direction)

    def _direction_before(self, s: _Sentence, offset: int) -> Direction | None:
        """The last direction word of the sentence before ``offset``: the verb of an apposition
        ("cut 750 jobs, or about 20 percent of the workforce") stands in the clause before."""
        if self.cues.direction_words is None:
            return None
        found = list(self.cues.direction_words.finditer(self.text, s.start, offset))
        if not found:
            return None
        return "up" if found[-1].lastgroup == "up" else "down"

    def _owned_by(self, s: _Sentence, pct: Percentage) -> str | None:
        """The holder of a share a verb of belonging gives after the percentage (the pack's
        ``owned_by``: "84% owned by GM", "gehört zu 99 Prozent dem Bund"): the first company
        after the percentage in its clause, at most three words behind a preposition."""
        pattern = self.cues.owned_by
        start, end = self._clause(s, pct.start)
        if pattern is None or pattern.search(self.text, start, end) is None:
            return None
        agents = {p.lower() for p in self.cues.pack.agent_preps}
        for org in s.orgs:
            if pct.end <= org.start < end and not self._is_compound(org):
                prep = self._preposition_before(org.start, pct.end, reach=3)
                return org.text if prep is None or prep.lower() in agents else None
        return None

    def _marked(self, s: _Sentence, name: str, offset: int) -> bool:
        """Whether the first mention of ``name`` after ``offset`` stands behind a preposition
        ("20 Prozent der Anteile an der Lufthansa"): then it is a whole, not a subject."""
        org = next((o for o in s.orgs if o.start >= offset and o.text == name), None)
        return org is not None and self._preposition_before(org.start, s.start) is not None

    def _staked(self, s: _Sentence, pct: Percentage) -> tuple[int, Entity, str | None] | None:
        """A share noun and a stake preposition with a company after it, before the percentage
        in its clause ("stake in Tesla to 9.1%", "Beteiligung an Tesla auf 9,1 Prozent"): where
        the noun starts, and the company."""
        if self.cues.share_nouns is None:
            return None
        start = self._clause(s, pct.start)[0]
        nouns = list(self.cues.share_nouns.finditer(self.text, start, pct.start))
        if not nouns:
            return None
        noun = nouns[-1]
        stake_preps = {p.lower() for p in self.cues.pack.stake_preps}
        agents = {p.lower() for p in self.cues.pack.agent_preps}
        holder = None
        for org in s.orgs:
            if noun.end() <= org.start and org.end <= pct.start:
                between = self.text[noun.end() : org.start].split()
                if between and between[0].lower() in stake_preps and len(between) <= 3:
                    return noun.start(), org, holder
                if between and between[0].lower() in agents and len(between) <= 2 and holder is None:
                    holder = org.text  # "Beteiligung von Daimler an Renault": the holder comes first
                elif holder is not None and 2 <= len(between) <= 6 and between[-1].lower() in stake_preps:
                    return noun.start(), org, holder
        return None

    def _share_cue(self, s: _Sentence, pct: Percentage) -> bool:
        """Whether the percentage's clause says it is a holding or a market share: a share noun
        anywhere in it ("a 60% stake", "Marktanteil", "4.4% share of the market") or an owning
        verb of the pack's ``share_before`` ("owns", "holds", "accounted for", "détient").

        A percentage of a whole that is no company ("7.3% of GDP", "hedged 75% of its fuel",
        "eat nearly eighty percent of all bluefin") is a proportion, not a company's share: it
        needs one of these cues, or a company after it, to become a ``share`` fact."""
        start, end = self._clause(s, pct.start)
        if self.cues.share_nouns is not None and self.cues.share_nouns.search(self.text, start, end):
            return True
        before = self.text[start : pct.start].lower()
        return any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", before) for w in self.pack.percent.share_before)

    def _whole_after(self, s: _Sentence, offset: int) -> str | None:
        """The company a share is of: the first one after the percentage, within a few words."""
        for org in s.orgs:
            if 0 <= org.start - offset <= 40:
                return org.text
        return None

    def _level_that_moved(self, s: _Sentence, pct: Percentage) -> bool:
        """A bare percentage with a metric before it and a direction word in its clause ("Die
        Aktie gab 15 Prozent nach") is a change; after a level preposition ("stieg auf 15
        Prozent") it stays the new level."""
        if pct.kind != "level" or self.cues.level_preps is None:
            return False
        if self.cues.level_preps.search(self.text, max(s.start, pct.start - 12), pct.start):
            return False
        start = self._clause(s, pct.start)[0]
        return (
            self.cues.metric.search(self.text, start, pct.start) is not None
            and self._clause_direction(s, pct.start) is not None
        )

    def _bracketed_holder(self, s: _Sentence, pct: Percentage) -> str | None:
        """The company a percentage in brackets right after it belongs to, in a list of holders
        ("Porsche (53 Prozent), Katar (17 Prozent)"): its share; none for a change ("(+3.38%)")."""
        if pct.kind not in ("level", "share") or pct.direction is not None:
            return None
        for org in s.orgs:
            gap = self.text[org.end : pct.start]
            if re.fullmatch(r"\s*\(\s*", gap) and re.match(r"\s*\)", self.text[pct.end : pct.end + 3]):
                return None if is_territory(org.text, self.pack.lang) else org.text
        return None

    def _share_level(self, s: _Sentence, pct: Percentage) -> bool:
        """A level percentage after a share noun in its clause ("Der Marktanteil von Aldi liegt bei
        zwölf Prozent", "a market share of 12%"): a share of its company."""
        if pct.kind != "level" or self.cues.share_nouns is None:
            return False
        start = self._clause(s, pct.start)[0]
        return self.cues.share_nouns.search(self.text, start, pct.start) is not None

    def _clause_direction(self, s: _Sentence, offset: int) -> Direction | None:
        """The direction a change's clause states away from its percentage ("konnte den Umsatz
        um 5,9 Prozent verbessern", "legten die Erträge um 0,7 Prozent zu"): the pack's
        ``direction_words``, when only one direction occurs in the clause."""
        if self.cues.direction_words is None:
            return None
        start, end = self._clause(s, offset)
        found = {
            "up" if m.lastgroup == "up" else "down" for m in self.cues.direction_words.finditer(self.text, start, end)
        }
        return found.pop() if len(found) == 1 else None  # type: ignore[return-value]
