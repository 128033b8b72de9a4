"""One fact per statement, with a stable id."""

from __future__ import annotations

import hashlib
from typing import Any

from newsfacts.extractors.facts.mentions import _key
from newsfacts.extractors.records import Fact


def _fact_id(article_id: str, kind: str, start: int, end: int, key: str | None) -> str:
    """Stable: article id, kind, evidence offsets, and the role that tells two facts apart."""
    raw = f"{article_id}|{kind}|{start}|{end}|{key or ''}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def _deduplicate(facts: list[Fact], title_span: tuple[int, int] | None) -> list[Fact]:
    """One fact per statement: the same parties and numbers keep the best evidence only.

    Payments and takeovers without an amount are dropped when one with an amount links the
    same parties (a headline "Youzu kauft Bigpoint" and its article's "… für 80 Millionen Euro"); otherwise the body beats the title, then higher confidence, then the later
    (usually the fuller) statement.
    """

    def party(f: Fact, role: str) -> str | None:
        # an abbreviation and its full name are one party (the linker set the norm of the one)
        norm = getattr(f, f"{role}_norm")
        return f"={norm}" if norm else _key(getattr(f, role))

    def identity(f: Fact) -> tuple[Any, ...]:
        return (
            f.kind,
            party(f, "customer"),
            party(f, "vendor"),
            party(f, "company"),
            party(f, "buyer"),
            party(f, "target"),
            f.amount_value,
            f.amount_currency,
            f.rate,
            f.percent_value,
            f.count_value,
            # two changes by the same percentage of two metrics ("Die Aktie legte um sechs
            # Prozent zu", "steigerte den Umsatz um sechs Prozent") are two facts
            (f.metric or "").lower() if f.kind == "change" else None,
        )

    def rank(f: Fact) -> tuple[Any, ...]:
        in_title = title_span is not None and f.evidence_start < title_span[1]
        return (not in_title, f.confidence, f.period_start is not None, f.evidence_start)

    facts = _merge_changes(facts)
    best: dict[tuple[Any, ...], Fact] = {}
    for fact in facts:
        k = identity(fact)
        if k not in best or rank(fact) > rank(best[k]):
            best[k] = fact

    def parties(f: Fact) -> tuple[Any, ...]:
        return (f.kind, _key(f.customer), _key(f.vendor), _key(f.buyer), _key(f.target))

    priced = [parties(f) for f in best.values() if f.kind in ("payment", "acquisition") and f.amount_value is not None]
    kept = [
        f
        for f in best.values()
        if not (
            f.kind in ("payment", "acquisition")
            and f.amount_value is None
            and any(_same_parties(parties(f), p) for p in priced)
        )
    ]
    return sorted(kept, key=lambda f: (f.evidence_start, f.fact_id))


def _same_parties(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """The same kind and parties, a name matching its longer form ("Youzu" and "Youzu
    Interactive"): one takeover told twice, once with its price."""
    if a[0] != b[0]:
        return False
    for x, y in zip(a[1:], b[1:]):
        if (x is None) != (y is None):
            return False
        if x is not None and not (x == y or f"{x} ".startswith(f"{y} ") or f"{y} ".startswith(f"{x} ")):
            return False
    return True


def _merge_changes(facts: list[Fact]) -> list[Fact]:
    """One move told twice in one sentence, by an amount and by a percentage ("fell 14 cents,
    or 2.2%", "stieg um 5 Mio. Euro oder 3 Prozent"), is one change with both."""
    by_amount = [f for f in facts if f.kind == "change" and f.amount_value is not None and f.percent_value is None]
    merged: set[str] = set()
    out = []
    for fact in facts:
        if fact.kind == "change" and fact.percent_value is not None and fact.amount_value is None:
            twin = next(
                (
                    a
                    for a in by_amount
                    if a.fact_id not in merged
                    and a.evidence_start == fact.evidence_start
                    and _key(a.company) == _key(fact.company)
                    and a.direction == fact.direction
                ),
                None,
            )
            if twin is not None:
                merged.add(twin.fact_id)
                fact = fact.model_copy(
                    update={
                        "amount_value": twin.amount_value,
                        "amount_currency": twin.amount_currency,
                        "amount_qualifier": twin.amount_qualifier,
                        "amount_vague": twin.amount_vague,
                        "amount_min": twin.amount_min,
                        "amount_max": twin.amount_max,
                        "metric": fact.metric or twin.metric,
                    }
                )
        out.append(fact)
    return [f for f in out if f.fact_id not in merged]
