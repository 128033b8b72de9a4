"""Figures named by what they measure: revenue, profit and loss levels, changes by an amount, other figures."""

from __future__ import annotations

import re

from newsfacts.extractors.facts.base import _LinkerBase
from newsfacts.extractors.facts.confidence import CONFIDENCE
from newsfacts.extractors.facts.cues import _rise_or_fall
from newsfacts.extractors.facts.discourse import is_territory
from newsfacts.extractors.facts.mentions import _nearest, _org_key, _Sentence
from newsfacts.extractors.facts.payments import _vendor_of
from newsfacts.extractors.numbers import word_pattern
from newsfacts.extractors.records import Amount, Direction, Fact


class _FiguresRules(_LinkerBase):
    """Figures named by what they measure: revenue, profit and loss levels, changes by an amount, other figures."""

    def _revenues(self, index: int, used: set[int], so_far: list[Fact]) -> list[Fact]:
        s = self.sentences[index]
        sentence = self.text[s.start : s.end]
        facts = []
        for amount in s.amounts:
            if amount.start in used:
                continue
            restated = next((f for f in self.previous_facts if f.kind == "revenue"), None)
            if restated is not None and self.cues.restatement.match(sentence):
                facts.append(
                    self._fact(
                        "revenue",
                        s,
                        company=restated.company,
                        amount=amount,
                        confidence=CONFIDENCE["revenue_restated"],
                        key=amount.text,
                    )
                )
                continue
            cue = self._revenue_cue(sentence)
            if cue is None or self._change_size(s, amount) or self._old_value(s, amount) or self._per_share(amount):
                continue
            if self._public_money(s):
                continue  # "revenue from government corporations": the state's, a figure at most
            item = self._figure_item(s, amount)
            if item is not None and self.cues.revenue.search(item) is None:
                continue  # "a second quarter loss of $254 million and a decline in sales": the loss's
            company, confidence = self._org_after(s, s.start + cue.end()), CONFIDENCE["revenue_owner"]
            if company is None:
                company, confidence = _vendor_of(so_far), CONFIDENCE["revenue_vendor"]
            if company is None:
                company, confidence = self._subject_scored(index, amount.start)
            if company:
                used.add(amount.start)
                facts.append(
                    self._fact(
                        "revenue",
                        s,
                        company=company,
                        amount=amount,
                        metric=cue.group(),
                        period=_nearest(s.periods, amount.start),
                        confidence=confidence,
                        key=amount.text,
                    )
                )
        return facts

    def _revenue_cue(self, sentence: str) -> re.Match[str] | None:
        """The first revenue noun of a sentence that is no part of a cost or a tax ("cost of
        revenue decreased $3.3 million" names no revenue)."""
        blocked = (
            [m.span() for m in self.cues.revenue_not.finditer(sentence)] if self.cues.revenue_not is not None else []
        )
        return next(
            (m for m in self.cues.revenue.finditer(sentence) if not any(a <= m.start() < b for a, b in blocked)), None
        )

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
            if org.start < end and start < org.end and re.match(r"['’]s?\s", self.text[org.end : end]):
                start = max(start, org.end)
        item = re.sub(r"^(?:['’]s?\s*)", "", self.text[start:end]).strip()
        return item or None

    def _results(self, index: int, used: set[int]) -> list[Fact]:
        """An amount right after a verb of result ("Ford lost $1.6 billion", "Siemens verdiente
        1,6 Milliarden Euro"; the pack's ``result_verbs``): a revenue fact with the verb's metric,
        of the sentence's subject. A million at least: "the share lost $2" is a price."""
        s = self.sentences[index]
        facts = []
        for amount in s.amounts:
            if amount.start in used or amount.value is None or amount.value < 1_000_000 or self._per_share(amount):
                continue
            floor = max(s.start, amount.start - 60)
            metric = next(
                (m for m, verb in self.cues.result_verbs if verb.search(self.text, floor, amount.start)), None
            )
            if metric is None:
                continue
            links = [*self.cues.pack.figure_after_links, *self.cues.pack.metric_after_links]
            if self.cues.macro is not None and self.cues.macro.search(self.text, *self._clause(s, amount.start)):
                continue  # "an industry that lost $9.4bn": no company's
            if re.match(r"\s+worth\b", self.text[amount.end : amount.end + 8]):
                continue  # "earned $50 million worth of publicity"
            dated = any(amount.end <= p.start <= amount.end + 4 for p in s.periods)  # "in 2005"
            if (
                links
                and not dated
                and re.match(rf"\s+{word_pattern(links)}\s", self.text[amount.end : amount.end + 20], re.IGNORECASE)
            ):
                continue  # "lost $2 billion in market value", "of its value": an item of its own
            company, confidence = self._subject_scored(index, amount.start)
            if company is None:
                continue
            used.add(amount.start)
            facts.append(
                self._fact(
                    "revenue",
                    s,
                    company=company,
                    metric=metric,
                    amount=amount,
                    period=_nearest(s.periods, amount.start),
                    confidence=confidence,
                    key=amount.text,
                )
            )
        return facts

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
            facts.append(
                self._fact(
                    "change",
                    s,
                    company=company,
                    metric=metric,
                    amount=amount,
                    direction=direction,
                    period=_nearest(s.periods, amount.start),
                    confidence=confidence - CONFIDENCE["amount_change_cost"]
                    if company
                    else CONFIDENCE["amount_change_alone"],
                    key=amount.text,
                )
            )
        return facts

    def _changed_item(self, s: _Sentence, cue_start: int) -> str | None:
        """The item phrase right before a rise or fall word ("operating expenses increased")."""
        if self.cues.figure_subject is None:
            return None
        m = self.cues.figure_subject.search(self.text, max(s.start, cue_start - 80), cue_start)
        return self._item_text(s, m.span("item")) if m else None

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
            # a list of companies with their amounts in brackets names each amount's company
            holder, item = self._bracketed_figure(s, amount) or (None, self._figure_item(s, amount))
            if item is None and last is not None and self._same_series(s, last[0], amount):
                item = last[1]
            if item is None:
                item = self._metric_heading_clause(s, amount)
            if item is None:
                continue
            last = (amount, item)
            company, confidence = self._subject_scored(index, amount.start)
            if holder is not None:  # a proposed name too: the list says it is a company
                company, confidence = holder, CONFIDENCE["revenue_owner"]
            elif company is not None and _org_key(company) in self.uncertain:
                company = None  # a figure stands without a company; a guessed one adds doubt only
            # "von 300 auf 210 Millionen Euro": the old value stays a plain figure, the story's
            # revenue or spending is the new one
            # a figure per share ("losses of 26 cents per share") is no revenue, profit or loss
            kind = "figure" if self._old_value(s, amount) or self._per_share(amount) else self._metric_kind(item)
            if kind == "figure" and not self._old_value(s, amount) and not self._per_share(amount):
                # "Der Gewinn aus dem fortgeführten Geschäft legte … auf 437 Millionen Dollar zu":
                # the metric noun heads the clause, the item phrase is only its tail
                clause = self._clause(s, amount.start)
                kind = self._metric_kind(self.text[clause[0] : amount.start])
            if kind in ("spending", "revenue") and self._public_money(s):
                kind, company = "figure", None  # "$550 billion in domestic spending": public money
            if kind != "figure" and company is not None:
                used.add(amount.start)
                facts.append(
                    self._fact(
                        kind,
                        s,
                        company=company,
                        metric=item,
                        amount=amount,
                        period=_nearest(s.periods, amount.start),
                        confidence=confidence,
                        key=amount.text,
                    )
                )
                continue
            facts.append(
                self._fact(
                    "figure",
                    s,
                    company=company,
                    metric=item,
                    amount=amount,
                    period=_nearest(s.periods, amount.start),
                    confidence=CONFIDENCE["figure"] if company else CONFIDENCE["figure_alone"],
                    key=amount.text,
                )
            )
        return facts

    def _bracketed_figure(self, s: _Sentence, amount: Amount) -> tuple[str, str] | None:
        """An amount alone in brackets right after a company, in a sentence that names a revenue
        or spending metric before it ("larger than that of Easyjet ($74m), British Airways
        ($240m)", "Siemens (5 Mrd. Euro) und Bosch (3 Mrd. Euro)"): that company and the metric
        named last before the amount."""
        if not re.match(r"\s*\)", self.text[amount.end : amount.end + 3]):
            return None
        holder = next(
            (o for o in s.orgs if re.fullmatch(r"\s*\(\s*", self.text[o.end : amount.start])),
            None,
        )
        if holder is None or is_territory(holder.text, self.pack.lang):
            return None
        found = [
            m
            for pattern in (self.cues.revenue_metrics, self.cues.spending_metrics)
            if pattern is not None
            for m in pattern.finditer(self.text, s.start, holder.start)
        ]
        if not found:
            return None
        return holder.text, max(found, key=lambda m: m.start()).group()

    def _metric_kind(self, item: str) -> str:
        """The contract's kind of a figure by what it measures: revenue, profit and loss figures
        are ``revenue`` (the metric says which), investment and costs ``spending``, else ``figure``."""
        cues = self.cues
        if cues.revenue_metrics is not None and cues.revenue_metrics.search(item):
            return "revenue"
        if cues.spending_metrics is not None and cues.spending_metrics.search(item):
            return "spending"
        return "figure"

    def _metric_heading_clause(self, s: _Sentence, amount: Amount) -> str | None:
        """The metric noun heading an amount's clause when a level preposition introduces the
        amount ("Das Betriebsergebnis von Lufthansa sank von 300 auf 210 Millionen Euro", "Der
        Verlust weitete sich auf 45 Millionen Euro aus"): the whole word that holds the pack's
        revenue or spending metric, nearest before the amount."""
        cues = self.cues
        if cues.level_preps is None or not cues.level_preps.search(
            self.text, max(s.start, amount.start - 12), amount.start
        ):
            return None
        start = self._clause(s, amount.start)[0]
        found = None
        for pattern in (cues.revenue_metrics, cues.spending_metrics):
            for m in pattern.finditer(self.text, start, amount.start) if pattern is not None else ():
                if found is None or m.start() > found[0]:
                    found = (m.start(), m.end())
        if found is None:
            return None
        word = re.search(r"[\w-]*$", self.text[start : found[0]])
        tail = re.match(r"[\w-]*", self.text[found[1] : amount.start])
        return (word.group() if word else "") + self.text[found[0] : found[1]] + (tail.group() if tail else "")

    def _old_value(self, s: _Sentence, amount: Amount) -> bool:
        """The first figure of a from-to frame ("von 300 auf 210 Millionen Euro", "from $5
        million to $7 million"), or a figure a comparison introduces ("compared to a $863
        million profit last year", "(Vorjahr: 853,4 Millionen Euro)"): the old value, which the
        story compares against; it stays a plain figure."""
        if self._compared(s, amount):
            return True
        frames = self.cues.from_to
        if frames is None:
            return False
        later = [a for a in s.amounts if a.start >= amount.end]
        if not later:
            return False
        gap = self.text[amount.end : later[0].start]
        before = self.text[max(s.start, amount.start - 12) : amount.start]
        return frames.search(before + "\x00" + gap) is not None

    def _compared(self, s: _Sentence, amount: Amount) -> bool:
        """A comparison cue (the pack's ``comparison_cues``: "compared with", "Vorjahr:",
        "gegenüber") between the previous amount of the sentence, or the clause's start, and this
        amount."""
        cues = self.cues.comparison
        if cues is None:
            return False
        earlier = [a.end for a in s.amounts if a.end <= amount.start]
        # After a previous amount, from its end even across a clause mark: the colon of
        # "(Vorjahr: 853,4 Millionen Euro)" is part of the cue, not a clause of its own.
        start = max(earlier) if earlier else self._clause(s, amount.start)[0]
        return cues.search(self.text, start, amount.start) is not None

    def _same_series(self, s: _Sentence, first: Amount, second: Amount) -> bool:
        """Two amounts of one series: only a list comma, "and", "to", "from" and period
        mentions between them ("$865 million, $795 million", "$459.1 million in 2011 to")."""
        if self.cues.figure_series is None:
            return False
        gap = self.text[first.end : second.start]
        for p in s.periods:
            if first.end <= p.start and p.end <= second.start:
                gap = gap.replace(self.text[p.start : p.end], " ", 1)
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
            kept = [i for i in range(floor, amount.start) if not any(p.start <= i < p.end for p in s.periods)]
            m = cues.figure_before.search("".join(self.text[i] for i in kept))
            if m:
                span = (kept[m.start("item")], kept[m.end("item") - 1] + 1)
        if span is None and cues.figure_after is not None and cues.figure_det is not None:
            m = cues.figure_after.match(self.text, amount.end, s.end)
            if m and (m["link"] or cues.figure_det.search(self.text, max(s.start, amount.start - 30), amount.start)):
                span = m.span("item")
        if span is None and cues.metric_after is not None:
            m = cues.metric_after.match(self.text, amount.end, s.end)
            span = m.span("item") if m else None
        if span is None:
            return None
        start, end = span
        for org in s.orgs:
            if org.start < end and start < org.end and _org_key(org.text) not in self.uncertain:
                start = max(start, org.end)
        # what a cut company leaves ("'s bid"), and an elided article ("L'utile netto")
        item = re.sub(r"^(?:['’]s?\s*|[^\W\d_]['’](?=\w))", "", self.text[start:end]).strip()
        return item or None
