"""Score extracted facts against a hand-made gold file (the seed's format).

The gold's conventions (its ``about`` field): names match case-insensitively, as substrings
either way; amounts are plain numbers in the stated currency; ``rate`` is an ISO 8601
duration; ``when`` is a calendar period given to the month. Each gold fact is matched to at
most one predicted fact, so two gold payments cannot both claim one prediction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from extractors.records import Fact

__all__ = ["GoldReport", "names_match", "score_gold"]


@dataclass
class GoldReport:
    """Which gold payments and other facts were found, and which predictions no gold claims."""

    payments_found: list[str] = field(default_factory=list)
    payments_missed: list[str] = field(default_factory=list)
    periods_right: int = 0
    other_found: list[str] = field(default_factory=list)
    other_missed: list[str] = field(default_factory=list)
    spurious_payments: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"payments {len(self.payments_found)}/{len(self.payments_found) + len(self.payments_missed)}"
                f" (periods right {self.periods_right}), other facts {len(self.other_found)}/"
                f"{len(self.other_found) + len(self.other_missed)},"
                f" spurious payments {len(self.spurious_payments)}")


def names_match(gold: str | None, predicted: str | None) -> bool:
    """Case-insensitive substring match either way; None only matches None."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = gold.lower(), predicted.lower()
    return g in p or p in g


def _num(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _period_matches(when: dict[str, str] | None, fact: Fact) -> bool:
    if when is None:
        return fact.period_start is None
    if fact.period_start is None or str(fact.period_start)[:7] != when["start"]:
        return False
    return "end" not in when or (fact.period_end is not None and str(fact.period_end)[:7] == when["end"])


def _payment_matches(gold: dict[str, Any], fact: Fact) -> bool:
    amount = gold["amount"]
    return (fact.kind == "payment" and names_match(gold["customer"], fact.customer)
            and names_match(gold["vendor"], fact.vendor)
            and _num(amount["value"]) == fact.amount_value
            and amount["currency"] == fact.amount_currency
            and bool(amount.get("vague")) == bool(fact.amount_vague)
            and gold["rate"] == fact.rate)


def _other_matches(gold: dict[str, Any], fact: Fact) -> bool:
    kind = gold["kind"]
    if kind == "payment_without_amount":
        return (fact.kind == "payment" and fact.amount_value is None
                and names_match(gold["customer"], fact.customer) and names_match(gold["vendor"], fact.vendor))
    if fact.kind != kind:
        return False
    if kind == "share":
        return (names_match(gold["subject"], fact.company) and names_match(gold["of"], fact.of)
                and _num(gold["percent"]) == fact.percent_value)
    if kind == "revenue":
        return (names_match(gold["company"], fact.company)
                and _num(gold["amount"]["value"]) == fact.amount_value
                and gold["amount"]["currency"] == fact.amount_currency
                and gold.get("rate") == fact.rate)
    if kind == "change":
        return (names_match(gold["company"], fact.company) and _num(gold["percent"]) == fact.percent_value
                and gold["direction"] == fact.direction)
    if kind == "count":
        return (names_match(gold["company"], fact.company) and _num(gold["value"]) == fact.count_value
                and gold.get("qualifier") == fact.count_qualifier)
    return False


def score_gold(gold: dict[str, Any], facts: list[Fact]) -> GoldReport:
    """Match the gold file's payments and other facts against the extracted facts."""
    report = GoldReport()
    claimed: set[int] = set()
    for g in gold["payments"]:
        label = f"{g['customer']}->{g['vendor']} {g['amount']['value']} {g['rate']}"
        hit = next((i for i, f in enumerate(facts) if i not in claimed and _payment_matches(g, f)), None)
        if hit is None:
            report.payments_missed.append(label)
            continue
        claimed.add(hit)
        report.payments_found.append(label)
        report.periods_right += _period_matches(g.get("when"), facts[hit])
    for g in gold["other_facts"]:
        label = f"{g['kind']}: {g['evidence'][:60]}"
        hit = next((i for i, f in enumerate(facts) if i not in claimed and _other_matches(g, f)), None)
        if hit is None:
            report.other_missed.append(label)
        else:
            claimed.add(hit)
            report.other_found.append(label)
    report.spurious_payments = [
        f"{f.customer}->{f.vendor} {f.amount_value}: {f.evidence[:60]}"
        for i, f in enumerate(facts) if f.kind == "payment" and i not in claimed
    ]
    return report
