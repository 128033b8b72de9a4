"""Choose the SmartData v1 documents of the German document-level fact gold, before annotating.

The choice is a seeded draw over a rule-based pool, so it can be rerun and checked, and it was
fixed (documents and dev/test split) before any fact was written down: annotating first and
choosing afterwards would let the annotator's view of a text leak into which texts are scored.

Pool: news documents (not tweets) over 800 characters whose text names money or percentages,
that look like business news (a company/result/deal/job cue) and are not police reports, sport,
culture, travel, weather or politics pages by their URL. Unique texts only (first id kept).

    python bench/select_gold_de.py            # id, split, corpus doc id, one a line
    python bench/select_gold_de.py --texts    # the same with each full text, for annotating
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_docs import smartdata

SEED = 16
N_DOCS = 70
#: the second draw (December 2026): the rest of the pool up to this many, none of wave 1, split
#: the same way, fixed before any of them was annotated
WAVE2_SEED, WAVE2_DOCS = 17, 40
MIN_CHARS = 800
MONEY = re.compile(r"Euro|Dollar|Franken|€|\$|Prozent|%|Mio|Mrd|Milliard|Million")
BUSINESS = re.compile(
    r"\b(AG|SE|GmbH|Konzern\w*|Unternehmen\w*|Umsatz\w*|Gewinn\w*|Verlust\w*|Aktie\w*|Übernahme\w*"
    r"|übernimmt|kauft|Stellen\w*|Mitarbeiter\w*|Auftr[aä]g\w*|Bank\w*|Firma|Firmen\w*|Quartal\w*"
    r"|Geschäftsjahr\w*|Dividende\w*|Insolvenz\w*|Investor\w*|Beteiligung\w*)\b"
)
OFF_TOPIC_URL = re.compile(
    r"/(sport|blaulicht|panorama|kultur|film|reisen|wetter|politik|bildung-beruf|multimedia)[/_]"
    r"|/pol-|wetter24|serien\.|kubaforen",
    re.IGNORECASE,
)


def pool() -> list[str]:
    """The ids of the documents that qualify, sorted (so the draw does not depend on file order)."""
    seen: set[str] = set()
    out = []
    for doc_id, (text, _date) in sorted(smartdata().items()):
        if text in seen:
            continue
        seen.add(text)
        if len(text) <= MIN_CHARS or not MONEY.search(text):
            continue
        if OFF_TOPIC_URL.search(doc_id) or text.lstrip().startswith("POL-"):
            continue
        if not BUSINESS.search(text):
            continue
        out.append(doc_id)
    return out


def select() -> list[tuple[str, str, str]]:
    """(gold id, split, corpus doc id) for the drawn documents; half dev, half test, drawn."""
    rng = random.Random(SEED)
    ids = pool()
    chosen = rng.sample(ids, min(N_DOCS, len(ids)))
    splits = ["dev", "test"] * (len(chosen) // 2) + ["dev"] * (len(chosen) % 2)
    rng.shuffle(splits)
    return [(f"de-sd-{i:04d}", split, doc) for i, (split, doc) in enumerate(zip(splits, chosen), 1)]


def select_wave2() -> list[tuple[str, str, str]]:
    """The second draw: ``WAVE2_DOCS`` more documents of the pool, ids continuing after wave 1."""
    first = {doc for _, _, doc in select()}
    rng = random.Random(WAVE2_SEED)
    rest = [d for d in pool() if d not in first]
    chosen = rng.sample(rest, min(WAVE2_DOCS, len(rest)))
    splits = ["dev", "test"] * (len(chosen) // 2) + ["dev"] * (len(chosen) % 2)
    rng.shuffle(splits)
    return [(f"de-sd-{i:04d}", split, doc) for i, (split, doc) in enumerate(zip(splits, chosen), N_DOCS + 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", action="store_true", help="print each full text too")
    args = ap.parse_args()
    print(f"# pool {len(pool())} documents", file=sys.stderr)
    for gid, split, doc in select() + select_wave2():
        print(gid, split, doc, sep="\t")
        if args.texts:
            print(smartdata()[doc][0], "\n" + "=" * 80)


if __name__ == "__main__":
    main()
