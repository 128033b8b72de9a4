"""Benchmark `extract`: cold start on one file, and throughput on one core with peak memory.

    python bench/build_corpus.py            # once: builds bench/data/smartdata-de.jsonl
    python bench/bench_extract.py [--runs 5]

Prints one line per figure. Throughput runs in this process, pinned to one CPU core, after a
warm-up article (the model load is in the cold-start figure, not in the throughput).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures/de-tiktok-microsoft.txt"
CORPUS = ROOT / "bench/data/smartdata-de.jsonl"


def cold_start(runs: int) -> list[float]:
    """Wall time of a fresh `extract` process on the seed article."""
    exe = Path(sys.executable).parent / "extract"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(exe), str(SEED)], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def throughput(articles: list[dict[str, str]]) -> tuple[float, float, float]:
    """Articles/s, chars/s and seconds for extracting ``articles`` in this process."""
    from datetime import date

    from newsfacts.extractors.pipeline import extract_article

    extract_article(SEED.read_text(encoding="utf-8"))  # warm-up: loads the model and packs
    chars = 0
    started = time.perf_counter()
    for record in articles:
        published = date.fromisoformat(record["published"]) if record.get("published") else None
        extract_article(record["text"], published=published, id=record.get("id"))
        chars += len(record["text"])
    elapsed = time.perf_counter() - started
    return len(articles) / elapsed, chars / elapsed, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    times = cold_start(args.runs)
    print(
        f"cold start `extract seed`: median {statistics.median(times):.2f} s"
        f" (min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)"
    )
    seed = [{"text": SEED.read_text(encoding="utf-8")}] * 20
    a, c, _ = throughput(seed)
    print(f"seed article x20: {a:.1f} articles/s, {c:,.0f} chars/s (one core)")
    if not CORPUS.exists():
        print(f"corpus missing: run `python bench/build_corpus.py` to build {CORPUS}")
    else:
        corpus = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
        a, c, s = throughput(corpus)
        print(
            f"SmartData news ({len(corpus)} articles, {sum(len(r['text']) for r in corpus):,} chars):"
            f" {a:.1f} articles/s, {c:,.0f} chars/s, {s:.1f} s (one core)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS) of the benchmark process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
