"""Score the period engine on the period gold (real news texts, split by document).

    python bench/eval_periods.py                          # de and en, dev and test
    python bench/eval_periods.py --langs de --split dev   # one language, one split
    python bench/eval_periods.py --split dev --misses     # every gold item not exactly right

Gold: ``fixtures/periods/<lang>.jsonl`` (see its README); texts are read from ``../shared``
through ``bench/gold_docs.py`` and checked against the stored SHA-1. A gold item is *found* when
a predicted period overlaps its span, *exact* when an overlapping prediction also has the same
``start_date`` and ``end_date`` (``None`` included). A prediction overlapping no gold item is
*spurious*. ``--misses`` is for ``dev`` only: ``test`` is the figure to report, not to tune on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from gold_docs import sha1, smartdata, wikinews_en  # noqa: E402

from newsfacts.extractors.langpack import load_langpack  # noqa: E402
from newsfacts.extractors.periods import find_periods  # noqa: E402
from newsfacts.extractors.records import Period  # noqa: E402

GOLD = ROOT / "fixtures" / "periods"
CORPORA = {"smartdata": smartdata, "wikinews-en": wikinews_en}


def load(lang: str) -> list[dict[str, Any]]:
    """The gold lines of ``lang`` with ``text`` filled in; refuses a text whose hash changed."""
    out = []
    with open(GOLD / f"{lang}.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = CORPORA[doc["corpus"]]()[doc["doc"]][0]
            if sha1(text) != doc["sha1"]:
                sys.exit(f"{doc['id']}: the text in ../shared changed (sha1 mismatch)")
            out.append(doc | {"text": text})
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def score(docs: list[dict[str, Any]], lang: str, misses: bool) -> dict[str, int]:
    """Counts over ``docs``; prints the gold items that are not exact when ``misses``."""
    pack = load_langpack(lang)
    n = {"gold": 0, "found": 0, "exact": 0, "predicted": 0, "spurious": 0}
    for doc in docs:
        pub = dt.date.fromisoformat(doc["published"]) if doc["published"] else None
        preds: list[Period] = find_periods(doc["text"], pack, published=pub)
        golds = doc["periods"]
        n["gold"] += len(golds)
        n["predicted"] += len(preds)
        for g in golds:
            hits = [p for p in preds if overlaps((p.start, p.end), (g["start"], g["end"]))]
            ok = any((iso(p.start_date), iso(p.end_date)) == (g["start_date"], g["end_date"]) for p in hits)
            n["found"] += bool(hits)
            n["exact"] += ok
            if misses and not ok:
                got = "; ".join(f"{p.text!r} {iso(p.start_date)}..{iso(p.end_date)}" for p in hits)
                print(
                    f"  {doc['id']} ({doc['published']}) {g['text']!r} "
                    f"{g['start_date']}..{g['end_date']}  <- {got or 'nothing'}"
                )
        gspans = [(g["start"], g["end"]) for g in golds]
        n["spurious"] += sum(not any(overlaps((p.start, p.end), s) for s in gspans) for p in preds)
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", default="de,en", help="comma-separated languages (default de,en)")
    ap.add_argument("--split", choices=("dev", "test"), help="one split (default: both)")
    ap.add_argument("--misses", action="store_true", help="list gold items not exact (dev only)")
    args = ap.parse_args()
    if args.misses and args.split != "dev":
        ap.error("--misses is allowed only with --split dev (test is not for tuning)")
    splits = [args.split] if args.split else ["dev", "test"]
    print(
        f"{'lang':4} {'split':5} {'docs':>4} {'gold':>5} {'found':>5} {'exact':>5} "
        f"{'exact%':>6} {'pred':>5} {'spur':>5}"
    )
    for lang in args.langs.split(","):
        gold = load(lang)
        for split in splits:
            docs = [d for d in gold if d["split"] == split]
            n = score(docs, lang, args.misses)
            pct = 100 * n["exact"] / n["gold"] if n["gold"] else 0.0
            print(
                f"{lang:4} {split:5} {len(docs):>4} {n['gold']:>5} {n['found']:>5} "
                f"{n['exact']:>5} {pct:>6.1f} {n['predicted']:>5} {n['spurious']:>5}"
            )


if __name__ == "__main__":
    main()
