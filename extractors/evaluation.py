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

from newsfacts.extractors.records import NAME_ROLES, Fact

__all__ = [
    "KIND_ROLES",
    "PRF",
    "FactScores",
    "GoldReport",
    "fact_roles",
    "gold_fact_matches",
    "gold_roles",
    "names_match",
    "role_matches",
    "score_gold",
    "score_items",
]


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
        return (
            f"payments {len(self.payments_found)}/{len(self.payments_found) + len(self.payments_missed)}"
            f" (periods right {self.periods_right}), other facts {len(self.other_found)}/"
            f"{len(self.other_found) + len(self.other_missed)},"
            f" spurious payments {len(self.spurious_payments)}"
        )


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
    return (
        fact.kind == "payment"
        and names_match(gold["customer"], fact.customer)
        and names_match(gold["vendor"], fact.vendor)
        and _num(amount["value"]) == fact.amount_value
        and amount["currency"] == fact.amount_currency
        and bool(amount.get("vague")) == bool(fact.amount_vague)
        and gold["rate"] == fact.rate
    )


def _other_matches(gold: dict[str, Any], fact: Fact) -> bool:
    kind = gold["kind"]
    if kind == "payment_without_amount":
        return (
            fact.kind == "payment"
            and fact.amount_value is None
            and names_match(gold["customer"], fact.customer)
            and names_match(gold["vendor"], fact.vendor)
        )
    if fact.kind != kind:
        return False
    if kind == "share":
        return (
            names_match(gold["subject"], fact.company)
            and names_match(gold["of"], fact.of)
            and _num(gold["percent"]) == fact.percent_value
        )
    if kind == "revenue":
        return (
            names_match(gold["company"], fact.company)
            and _num(gold["amount"]["value"]) == fact.amount_value
            and gold["amount"]["currency"] == fact.amount_currency
            and gold.get("rate") == fact.rate
        )
    if kind == "change":
        return (
            names_match(gold["company"], fact.company)
            and _num(gold["percent"]) == fact.percent_value
            and gold["direction"] == fact.direction
        )
    if kind == "count":
        return (
            names_match(gold["company"], fact.company)
            and _num(gold["value"]) == fact.count_value
            and gold.get("qualifier") == fact.count_qualifier
        )
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
        for i, f in enumerate(facts)
        if f.kind == "payment" and i not in claimed
    ]
    return report


# -- role-level scoring: own fixtures, SmartData, FIRE ------------------------------------------

#: The roles scored per fact kind (the fact fields they read; "amount" is the price for
#: acquisitions).
KIND_ROLES: dict[str, tuple[str, ...]] = {
    "payment": ("customer", "vendor", "amount"),
    "acquisition": ("buyer", "target", "amount"),
    "revenue": ("company", "amount"),
    "spending": ("company", "amount"),
    "figure": ("metric", "amount"),
    "change": ("company", "percent", "direction"),
    "share": ("company", "percent"),
    "count": ("company", "count"),
}
_NAME_ROLES = {*NAME_ROLES, "metric"}


@dataclass
class PRF:
    """Counts for precision (predictions that match) and recall (gold items found)."""

    pred_right: int = 0
    pred: int = 0
    gold_found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.pred_right / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.pred_right += other.pred_right
        self.pred += other.pred
        self.gold_found += other.gold_found
        self.gold += other.gold


def fact_roles(fact: Fact) -> list[tuple[str, Any]]:
    """A predicted fact's scored roles as (role, value) pairs, None values left out."""
    values = {
        "customer": fact.customer,
        "vendor": fact.vendor,
        "company": fact.company,
        "buyer": fact.buyer,
        "target": fact.target,
        "amount": fact.amount_value,
        "percent": fact.percent_value,
        "direction": fact.direction,
        "count": fact.count_value,
    }
    return [(r, values[r]) for r in KIND_ROLES.get(fact.kind, ()) if values[r] is not None]


def gold_roles(gold: dict[str, Any]) -> list[tuple[str, Any]]:
    """A gold fact's roles (fixture format: names as strings, numbers as JSON numbers)."""
    return [
        (r, _num(gold[r]) if r in ("amount", "percent", "count") else gold[r])
        for r in KIND_ROLES.get(gold["kind"], ())
        if gold.get(r) is not None
    ]


def role_matches(role: str, gold: Any, predicted: Any) -> bool:
    if role in _NAME_ROLES:
        return names_match(str(gold), str(predicted))
    if isinstance(gold, Decimal) and isinstance(predicted, Decimal):
        return gold == predicted
    return bool(gold == predicted)


def gold_fact_matches(gold: dict[str, Any], fact: Fact) -> bool:
    """A whole fact is right when its kind and every role the gold gives are right."""
    if fact.kind != gold["kind"]:
        return False
    predicted = dict(fact_roles(fact))
    if gold.get("currency") and fact.amount_currency != gold["currency"]:
        return False
    return all(r in predicted and role_matches(r, v, predicted[r]) for r, v in gold_roles(gold))


def score_items(gold: list[tuple[str, Any]], predicted: list[tuple[str, Any]]) -> dict[str, PRF]:
    """Per-role counts for one document: distinct gold and predicted (role, value) items."""
    gold_set = _distinct(gold)
    pred_set = _distinct(predicted)
    result: dict[str, PRF] = {}
    for role in {r for r, _ in gold_set} | {r for r, _ in pred_set}:
        g = [v for r, v in gold_set if r == role]
        p = [v for r, v in pred_set if r == role]
        result[role] = PRF(
            pred_right=sum(any(role_matches(role, gv, pv) for gv in g) for pv in p),
            pred=len(p),
            gold_found=sum(any(role_matches(role, gv, pv) for pv in p) for gv in g),
            gold=len(g),
        )
    return result


def _distinct(items: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    seen: dict[tuple[str, str], tuple[str, Any]] = {}
    for role, value in items:
        key = (role, str(value).lower() if role in _NAME_ROLES else str(value))
        seen.setdefault(key, (role, value))
    return list(seen.values())


@dataclass
class FactScores:
    """Fact-level and role-level counts per kind, plus each prediction's confidence and rightness."""

    facts: dict[str, PRF] = field(default_factory=dict)
    roles: dict[tuple[str, str], PRF] = field(default_factory=dict)
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    def add_case(
        self, gold: list[dict[str, Any]], predicted: list[Fact], *, kinds: tuple[str, ...] = tuple(KIND_ROLES)
    ) -> None:
        """Score one text: whole facts (each gold fact claims one prediction) and roles."""
        predicted = [f for f in predicted if f.kind in kinds]
        gold = [g for g in gold if g["kind"] in kinds]
        claimed: set[int] = set()
        for g in gold:
            counts = self.facts.setdefault(g["kind"], PRF())
            counts.gold += 1
            hit = next((i for i, f in enumerate(predicted) if i not in claimed and gold_fact_matches(g, f)), None)
            if hit is not None:
                claimed.add(hit)
                counts.gold_found += 1
        for i, f in enumerate(predicted):
            counts = self.facts.setdefault(f.kind, PRF())
            counts.pred += 1
            right = i in claimed or any(gold_fact_matches(g, f) for g in gold)
            counts.pred_right += right
            self.confidences.append((f.confidence, right))
        for kind in kinds:
            g_items = [item for g in gold if g["kind"] == kind for item in gold_roles(g)]
            p_items = [item for f in predicted if f.kind == kind for item in fact_roles(f)]
            for role, counts in score_items(g_items, p_items).items():
                self.roles.setdefault((kind, role), PRF()).add(counts)

    def precision_at(self, threshold: float) -> tuple[float, int]:
        """Precision (and number) of the facts whose confidence is at least ``threshold``."""
        kept = [right for c, right in self.confidences if c >= threshold]
        return (sum(kept) / len(kept) if kept else 0.0), len(kept)
