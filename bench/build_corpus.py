"""Build the German benchmark corpus from SmartData (news and RSS documents) in ../shared.

Writes ``bench/data/smartdata-de.jsonl`` (ignored by git; the corpus stays in ../shared): one
record per document with ``id``, ``text``, ``published`` and ``url``, in the input format
``extract`` reads. Tweets are left out: they are not news articles.

    python bench/build_corpus.py [--shared ../shared] [--out bench/data/smartdata-de.jsonl]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

__all__ = ["build_corpus"]

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(shared: Path, out: Path) -> int:
    """Write the corpus; returns the number of articles written."""
    source = shared / "data/ner/smartdata/de/smartdata-v1-docs.jsonl.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with gzip.open(source, "rt", encoding="utf-8") as docs, out.open("w", encoding="utf-8") as sink:
        for line in docs:
            doc = json.loads(line)
            kind = ((doc.get("refids") or {}).get("map") or {}).get("source")
            text = ((doc.get("text") or {}).get("string") or "").strip()
            if kind not in ("news", "rss") or len(text) < 200:
                continue
            date = ((doc.get("date") or {}).get("string") or "")[:10] or None
            url = (doc.get("uri") or {}).get("string")
            sink.write(
                json.dumps({"id": doc["id"], "text": text, "published": date, "url": url}, ensure_ascii=False) + "\n"
            )
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/data/smartdata-de.jsonl")
    args = parser.parse_args()
    n = build_corpus(args.shared, args.out)
    print(f"{n} articles -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
