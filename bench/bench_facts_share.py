"""The fact layer's share of ``extract_article``'s time per article (issue 16: goal <= 30 %).

    python bench/bench_facts_share.py                 # seed + the document gold's texts (de, en)
    python bench/bench_facts_share.py --langs de --repeat 3

Every article is extracted once to warm the models and caches (first-use compile costs are the
cold start's, measured by ``bench/bench_coldstart.py``), then ``--repeat`` times with
``link_facts`` timed inside the whole call. Prints the median per-article milliseconds of the
whole extraction and of the fact layer, and the fact layer's share of the total.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from gold_docs import GOLD, load_gold  # noqa: E402

from newsfacts.extractors import pipeline  # noqa: E402

SEED = ROOT / "fixtures" / "de-tiktok-microsoft.txt"


def _texts(langs: list[str]) -> list[tuple[str, str]]:
    texts = [("de", SEED.read_text(encoding="utf-8"))]
    for lang in langs:
        if (GOLD / f"{lang}.jsonl").exists():
            try:
                texts += [(lang, d["text"]) for d in load_gold(lang)]
            except FileNotFoundError:  # no ../shared beside the clone: the seed alone
                continue
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", default="de,en")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = _texts(args.langs.split(","))
    spent = [0.0]
    inner = pipeline.link_facts

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return inner(*a, **k)
        finally:
            spent[0] += time.perf_counter() - start

    pipeline.link_facts = timed  # type: ignore[assignment]
    for lang, text in texts:  # warm-up: models loaded, patterns compiled
        pipeline.extract_article(text, lang=lang)
    whole, facts = [], []
    for _ in range(args.repeat):
        for lang, text in texts:
            spent[0] = 0.0
            start = time.perf_counter()
            pipeline.extract_article(text, lang=lang)
            whole.append(time.perf_counter() - start)
            facts.append(spent[0])
    chars = sum(len(t) for _, t in texts) / len(texts)
    print(f"{len(texts)} articles (mean {chars:,.0f} characters), {args.repeat} runs each, one process")
    print(f"extract_article  median {statistics.median(whole) * 1000:7.1f} ms/article, total {sum(whole):.2f} s")
    print(f"fact layer       median {statistics.median(facts) * 1000:7.1f} ms/article, total {sum(facts):.2f} s")
    print(f"fact layer share of the total: {sum(facts) / sum(whole):.1%}")


if __name__ == "__main__":
    main()
