"""Choose the English Wikinews articles of the document-level fact gold, and their split.

The choice is fixed before any annotation (and never looks at extractor output), so the gold
measures the extractor on news nobody in the project wrote or tuned against. Company business
news is found by keywords, kept when it names an amount, a percentage or a count, and drawn
with a fixed seed; the dev/test split is a second seeded draw over the drawn articles.

    python bench/select_gold_en.py            # prints: gold id, split, doc id, chars, title
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_docs import SHARED, wikinews_en

SEED = 16
N_DOCS = 64
#: the second draw (December 2026): more articles from the same pool, none of wave 1, drawn with
#: another seed and split the same way, fixed before any of them was annotated
WAVE2_SEED, WAVE2_DOCS = 17, 60
MIN_CHARS, MAX_CHARS = 600, 5000

#: company business events: takeovers, results, fines, layoffs, orders, stakes
BUSINESS = re.compile(
    r"\b(acquir\w*|takeover|revenue|profit|loss|fined|jobs|stake|shares|contract|bought)\b", re.IGNORECASE
)
#: a figure a fact can carry: money, a percentage, or a count of something
FIGURE = re.compile(
    r"([$€£¥]\s?\d|\d\s*(%|percent|per cent)\b|\b(US|USD|EUR|GBP)\s?\d"
    r"|\d[\d,.]*\s*(million|billion)?\s*(dollars|euros?|pounds|yen|employees|jobs|workers|stores)\b)",
    re.IGNORECASE,
)


def candidates() -> list[str]:
    """Ids (sorted, so the draw is reproducible) of the articles that pass both filters."""
    return sorted(
        doc
        for doc, (text, _) in wikinews_en().items()
        if MIN_CHARS <= len(text) <= MAX_CHARS and BUSINESS.search(text) and FIGURE.search(text)
    )


def select() -> list[tuple[str, str, str]]:
    """(gold id, split, doc id) for the drawn articles: ``en-wn-0001``... in draw order."""
    rng = random.Random(SEED)
    drawn = rng.sample(candidates(), N_DOCS)
    splits = ["dev"] * (N_DOCS // 2) + ["test"] * (N_DOCS - N_DOCS // 2)
    rng.shuffle(splits)
    return [(f"en-wn-{i:04d}", split, doc) for i, (split, doc) in enumerate(zip(splits, drawn), 1)]


def select_wave2() -> list[tuple[str, str, str]]:
    """The second draw: ``WAVE2_DOCS`` more articles of the pool, ids continuing after wave 1."""
    first = {doc for _, _, doc in select()}
    rng = random.Random(WAVE2_SEED)
    drawn = rng.sample([d for d in candidates() if d not in first], WAVE2_DOCS)
    splits = ["dev"] * (WAVE2_DOCS // 2) + ["test"] * (WAVE2_DOCS - WAVE2_DOCS // 2)
    rng.shuffle(splits)
    return [(f"en-wn-{i:04d}", split, doc) for i, (split, doc) in enumerate(zip(splits, drawn), N_DOCS + 1)]


@cache
def titles() -> dict[str, str]:
    """Article titles (the loader returns only text and date, so read them here)."""
    with gzip.open(SHARED / "facts" / "wikinews-en" / "economy.jsonl.gz", "rt", encoding="utf-8") as f:
        return {d["id"]: str(d["title"]) for d in map(json.loads, f)}


def main() -> None:
    docs = wikinews_en()
    print(f"{len(candidates())} candidates of {len(docs)} articles", file=sys.stderr)
    for gid, split, doc in select() + select_wave2():
        print(gid, split, doc, len(docs[doc][0]), titles()[doc], sep="\t")


if __name__ == "__main__":
    main()
