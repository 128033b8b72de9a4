"""Fact precision, recall and F1 on the document-level gold (real articles, split by document).

    python bench/eval_docs.py                          # every language with gold, dev and test
    python bench/eval_docs.py --langs de --split dev --misses   # what the rules miss (dev only)
    python bench/eval_docs.py --langs de --entities gold        # SmartData's own entities (de)

Gold: ``fixtures/facts/docs/<lang>.jsonl`` (see its README), texts read from ``../shared``
through ``bench/gold_docs.py``. Tune on ``dev`` only; ``test`` is the figure to report.
A gold fact is found when a predicted fact of its kind agrees on every role the gold gives:
names match case-insensitively as substrings either way, numbers within 0.5 %. Each predicted
fact is claimed by at most one gold fact; predictions of kinds the gold does not score
(``figure``) are left out. ``--entities gold`` replaces the NER model by the corpus's own
entity annotations (German SmartData), which tells a linker miss from an NER miss.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from gold_docs import GOLD, load_gold, smartdata_entities  # noqa: E402

from newsfacts.extractors.records import Fact  # noqa: E402

KINDS = ("payment", "acquisition", "revenue", "spending", "change", "share", "count")
#: the roles compared per kind; a role the gold leaves out (or null) is not compared
ROLES: dict[str, tuple[str, ...]] = {
    "payment": ("customer", "vendor", "amount"),
    "acquisition": ("buyer", "target", "amount"),
    "revenue": ("company", "amount"),
    "spending": ("company", "amount"),
    "change": ("company", "percent", "amount", "direction"),
    "share": ("company", "percent"),
    "count": ("company", "count"),
}
NAMES = {"customer", "vendor", "company", "buyer", "target"}


def predicted_value(fact: Fact, role: str) -> Any:
    """A predicted fact's value for a gold role."""
    return {
        "amount": fact.amount_value,
        "percent": fact.percent_value,
        "count": fact.count_value,
        "direction": fact.direction,
    }.get(role, getattr(fact, role, None))


def role_ok(role: str, gold: Any, pred: Any) -> bool:
    """Names: case-insensitive substrings either way; numbers: within 0.5 %; else equality."""
    if pred is None:
        return False
    if role in NAMES:
        g, p = str(gold).lower(), str(pred).lower()
        return g in p or p in g
    if role in ("amount", "percent", "count"):
        g, p = Decimal(str(gold)), Decimal(str(pred))
        return abs(g - p) <= abs(g) * Decimal("0.005")
    return bool(gold == pred)


def matches(gold: dict[str, Any], fact: Fact) -> bool:
    if fact.kind != gold["kind"]:
        return False
    if gold["kind"] == "change" and gold.get("amount") is None and fact.percent_value is None:
        return False  # a percent change is not matched by a change by an amount
    return all(role_ok(r, gold[r], predicted_value(fact, r)) for r in ROLES[gold["kind"]] if gold.get(r) is not None)


class Counts:
    """Found gold facts and right predictions, per kind."""

    def __init__(self) -> None:
        self.gold: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        self.scored: list[tuple[str, float, bool]] = []  # (kind, confidence, right) per prediction

    def add(self, gold: list[dict[str, Any]], facts: list[Fact]) -> tuple[list[dict[str, Any]], list[Fact]]:
        """Score one document; returns the missed gold facts and the wrong predictions."""
        facts = [f for f in facts if f.kind in KINDS]
        claimed: set[int] = set()
        missed = []
        for g in gold:
            self.gold[g["kind"]] += 1
            hit = next((i for i, f in enumerate(facts) if i not in claimed and matches(g, f)), None)
            if hit is None:
                missed.append(g)
            else:
                claimed.add(hit)
                self.found[g["kind"]] += 1
        wrong = []
        for i, f in enumerate(facts):
            self.pred[f.kind] += 1
            right = i in claimed or any(matches(g, f) for g in gold)
            self.scored.append((f.kind, f.confidence, right))
            if right:
                self.right[f.kind] += 1
            else:
                wrong.append(f)
        return missed, wrong

    @staticmethod
    def prf(right: int, pred: int, found: int, gold: int) -> tuple[float, float, float]:
        p = right / pred if pred else 0.0
        r = found / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def sweep(self) -> str:
        """Precision and kept predictions at each confidence floor, payments and takeovers apart."""
        rows = ["  floor   payment+acquisition        other kinds"]
        for floor in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
            cells = []
            for group in (("payment", "acquisition"), None):
                kept = [
                    r
                    for k, c, r in self.scored
                    if c >= floor and ((k in group) if group else (k not in ("payment", "acquisition")))
                ]
                cells.append(f"P {sum(kept) / len(kept) if kept else 0:.3f} ({sum(kept)}/{len(kept)})")
            rows.append(f"  {floor:4.2f}   {cells[0]:26} {cells[1]}")
        return "\n".join(rows)

    def table(self, title: str) -> str:
        rows = [f"{title}", f"  {'kind':12} {'P':>6} {'R':>6} {'F1':>6}   found/gold  right/pred"]
        for kind in KINDS:
            if self.gold[kind] or self.pred[kind]:
                p, r, f = self.prf(self.right[kind], self.pred[kind], self.found[kind], self.gold[kind])
                rows.append(
                    f"  {kind:12} {p:6.3f} {r:6.3f} {f:6.3f}   {self.found[kind]:4}/{self.gold[kind]:<4}"
                    f"  {self.right[kind]:4}/{self.pred[kind]}"
                )
        p, r, f = self.prf(
            sum(self.right.values()), sum(self.pred.values()), sum(self.found.values()), sum(self.gold.values())
        )
        rows.append(
            f"  {'ALL':12} {p:6.3f} {r:6.3f} {f:6.3f}   {sum(self.found.values()):4}/"
            f"{sum(self.gold.values()):<4}  {sum(self.right.values()):4}/{sum(self.pred.values())}"
        )
        pa = ("payment", "acquisition")
        right, pred = sum(self.right[k] for k in pa), sum(self.pred[k] for k in pa)
        rows.append(f"  payment+acquisition precision {right / pred if pred else 0.0:.3f} ({right}/{pred})")
        return "\n".join(rows)


def _describe(f: Fact) -> str:
    names = {r: getattr(f, r) for r in ("customer", "vendor", "company", "buyer", "target") if getattr(f, r)}
    nums = {
        k: v
        for k, v in (
            ("amount", f.amount_value),
            ("percent", f.percent_value),
            ("count", f.count_value),
            ("dir", f.direction),
            ("metric", f.metric),
        )
        if v is not None
    }
    return f"{f.kind} {names} {nums} conf={f.confidence}"


def evaluate(
    lang: str, split: str, *, entities: str, min_confidence: float | None, misses: bool
) -> tuple[Counts, int, float]:
    from datetime import date

    from newsfacts.extractors import pipeline
    from newsfacts.extractors.pipeline import extract_article

    counts = Counts()
    docs = load_gold(lang, split)
    original = pipeline._entities
    seconds = 0.0
    for doc in docs:
        if entities == "gold":
            gold_entities = smartdata_entities(doc["doc"]) if doc["corpus"] == "smartdata" else None
            if gold_entities is None:
                continue
            pipeline._entities = lambda text, masked, model, g=gold_entities: g  # type: ignore[assignment]
        published = date.fromisoformat(doc["published"][:10]) if doc.get("published") else None
        start = time.perf_counter()
        try:
            # a title the corpus keeps apart from the text (Wikinews) comes with the article,
            # as a feed item's or a JSONL record's does
            title = doc.get("title") if doc.get("title") and doc["title"] not in doc["text"] else None
            article = extract_article(
                doc["text"], lang=lang, published=published, id=doc["id"], title=title, min_confidence=min_confidence
            )
        finally:
            pipeline._entities = original  # type: ignore[assignment]
        seconds += time.perf_counter() - start
        missed, wrong = counts.add(doc["facts"], list(article.facts))
        if misses and (missed or wrong):
            print(f"\n## {doc['id']} {(doc.get('title') or '')[:80]}")
            for g in missed:
                print(
                    f"  MISS  { ({k: v for k, v in g.items() if k != 'evidence'}) }\n        | {g.get('evidence', '')[:160]}"
                )
            for f in wrong:
                print(f"  WRONG {_describe(f)}\n        | {f.evidence[:160]}")
    return counts, len(docs), seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", default=",".join(sorted(p.stem for p in GOLD.glob("*.jsonl"))))
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    ap.add_argument("--entities", choices=("predicted", "gold"), default="predicted")
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--misses", action="store_true", help="list missed gold and wrong facts (dev only)")
    ap.add_argument("--sweep", action="store_true", help="precision at each confidence floor (scores every fact)")
    args = ap.parse_args(argv)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    if args.misses and "test" in splits:
        ap.error("--misses lists dev only: the test split is never read to write rules (--split dev)")
    for lang in args.langs.split(","):
        for split in splits:
            floor = 0.0 if args.sweep else args.min_confidence
            counts, n, seconds = evaluate(lang, split, entities=args.entities, min_confidence=floor, misses=args.misses)
            print(counts.table(f"{lang} {split}: {n} documents, entities {args.entities}, {seconds:.1f} s"))
            if args.sweep:
                print(counts.sweep())
    return 0


if __name__ == "__main__":
    sys.exit(main())
