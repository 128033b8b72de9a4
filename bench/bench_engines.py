"""Throughput of the money, percentage and period engines together, on one core.

    python bench/bench_engines.py [--repeat 3]

German text: the SmartData news documents (../shared/data/ner/smartdata). English text: the
FIRE financial sentences (detokenised) and the BBC feed's item texts (../shared/data). The
engines run one after another over each document, as the pipeline runs them, after one warm-up
pass that compiles the packs' regexes. Prints characters per second per language; the process
is pinned to one CPU core where the platform allows it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsfacts.extractors.langpack import load_langpack  # noqa: E402
from newsfacts.extractors.money import find_amounts  # noqa: E402
from newsfacts.extractors.percent import find_percentages  # noqa: E402
from newsfacts.extractors.periods import find_periods  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
PUBLISHED = dt.date(2024, 8, 1)


def german_texts() -> list[str]:
    """The text of every SmartData document (news, RSS and tweets)."""
    texts = []
    with gzip.open(DATA / "ner/smartdata/de/smartdata-v1-docs.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text")
            text = text.get("string") if isinstance(text, dict) else text
            if text:
                texts.append(text)
    return texts


def english_texts() -> list[str]:
    """FIRE sentences with tokens rejoined, plus the BBC feed's titles and descriptions."""
    fire = json.loads((DATA / "facts/fire/fire_dev.json").read_text(encoding="utf-8"))
    texts = [re.sub(r" ([,.;:%)'])", r"\1", " ".join(doc["tokens"])).replace("$ ", "$") for doc in fire]
    feed = (DATA / "feeds/rss_2.0_bbc.xml").read_text(encoding="utf-8", errors="replace")
    for item in re.findall(r"<(?:title|description)>(.*?)</", feed, re.S):
        texts.append(html.unescape(re.sub(r"<!\[CDATA\[|\]\]>", "", item)))
    return texts


def run(texts: list[str], lang: str) -> int:
    """Run the three engines over ``texts``; return the number of mentions found."""
    pack = load_langpack(lang)
    found = 0
    for text in texts:
        found += len(find_amounts(text, pack))
        found += len(find_percentages(text, pack))
        found += len(find_periods(text, pack, published=PUBLISHED))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is printed")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    for lang, texts in (("de", german_texts()), ("en", english_texts())):
        chars = sum(map(len, texts))
        run(texts[:20], lang)  # warm-up: compiles the pack's regexes
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            found = run(texts, lang)
            best = min(best, time.perf_counter() - started)
        print(
            f"{lang}: {len(texts)} texts, {chars:,} chars, {found} mentions, "
            f"{best:.2f} s, {chars / best:,.0f} chars/s (money + percent + periods, one core)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
