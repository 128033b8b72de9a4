"""Choose the documents of the period gold (``fixtures/periods/``), before annotating.

The choice is a seeded draw over a rule-based pool, fixed (documents and dev/test split) before
any period was written down and before the period engine was run on them.

German pool: unique texts of SmartData v1 ``news`` documents (``refids.map.source``; not the
tweets or RSS snippets) over 500 characters, with a publication date, that contain a four-digit
year or a month/quarter word; minus the documents of the fact gold (``fixtures/facts/docs``), by
id and by identical text. English pool: Wikinews economy articles with ``published``, 300-3000
characters, minus the fact gold's articles. Each: ``random.Random(17).sample(sorted ids, n)``,
then the same generator shuffles dev/test labels (half each) over the drawn documents.

    python bench/select_periods.py                 # id, split, corpus doc id, one a line
    python bench/select_periods.py --texts de      # the same with each full text, for annotating
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_docs import GOLD, SHARED, _jsonl_gz, smartdata, wikinews_en  # noqa: E402

SEED = 17
N_DOCS = {"de": 45, "en": 30}
DE_MIN_CHARS = 500
EN_CHARS = (300, 3000)
DE_TIME = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|Januar|Februar|März|April|Mai\b|Juni|Juli|August|September|Oktober"
    r"|November|Dezember|Quartal|Halbjahr|Jahr|Vorjahr|Monat"
)


#: how many documents the fact gold held when this draw was made (its first draw); the fact
#: gold's later draws must not change this pool, or the period draw would not reproduce
FACT_GOLD_FIRST_DRAW = {"de": 70, "en": 64}


def fact_gold_docs(lang: str) -> set[str]:
    """Corpus ids of the documents the fact gold of ``lang`` used when this draw was made."""
    with open(GOLD / f"{lang}.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {row["doc"] for row in rows if int(row["id"].rsplit("-", 1)[1]) <= FACT_GOLD_FIRST_DRAW[lang]}


def smartdata_sources() -> dict[str, str]:
    """SmartData v1 document id -> its source (``news``, ``twitter``, ``rss``...)."""
    path = SHARED / "ner" / "smartdata" / "de" / "smartdata-v1-docs.jsonl.gz"
    return {d["id"]: (((d.get("refids") or {}).get("map") or {}).get("source") or "") for d in _jsonl_gz(path)}


def pool_de() -> list[str]:
    """Sorted ids of the German documents that qualify (first id of each unique text)."""
    docs = smartdata()
    used = fact_gold_docs("de")
    used_texts = {docs[d][0] for d in used if d in docs}
    sources = smartdata_sources()
    seen: set[str] = set()
    out = []
    for doc_id, (text, date) in sorted(docs.items()):
        if text in seen:
            continue
        seen.add(text)
        if sources.get(doc_id) != "news" or doc_id in used or text in used_texts:
            continue
        if len(text) <= DE_MIN_CHARS or not date or not DE_TIME.search(text):
            continue
        out.append(doc_id)
    return out


def pool_en() -> list[str]:
    """Sorted ids of the English articles that qualify."""
    used = fact_gold_docs("en")
    lo, hi = EN_CHARS
    return [
        doc_id
        for doc_id, (text, date) in sorted(wikinews_en().items())
        if date and lo <= len(text) <= hi and doc_id not in used
    ]


def select(lang: str) -> list[tuple[str, str, str]]:
    """(gold id, split, corpus doc id) for the drawn documents, in draw order."""
    rng = random.Random(SEED)
    ids = pool_de() if lang == "de" else pool_en()
    chosen = rng.sample(ids, min(N_DOCS[lang], len(ids)))
    splits = ["dev", "test"] * (len(chosen) // 2) + ["dev"] * (len(chosen) % 2)
    rng.shuffle(splits)
    return [(f"{lang}-per-{i:04d}", s, d) for i, (s, d) in enumerate(zip(splits, chosen), 1)]


#: the second draw (third session of 2026-12-07): more documents of the same kind, none in the
#: first draw nor in any draw of the fact gold, split the same way, fixed before annotation
WAVE2_SEED, WAVE2_DOCS = 18, {"de": 20, "en": 20}


def select_wave2(lang: str) -> list[tuple[str, str, str]]:
    """(gold id, split, corpus doc id) of the second draw; ids continue after the first."""
    first = {doc for _, _, doc in select(lang)}
    with open(GOLD / f"{lang}.jsonl", encoding="utf-8") as f:
        facts = {json.loads(line)["doc"] for line in f if line.strip()}
    texts = smartdata() if lang == "de" else wikinews_en()
    fact_texts = {texts[d][0] for d in facts if d in texts}
    ids = [d for d in (pool_de() if lang == "de" else pool_en()) if d not in first and d not in facts]
    ids = [d for d in ids if texts[d][0] not in fact_texts]
    rng = random.Random(WAVE2_SEED)
    chosen = rng.sample(ids, min(WAVE2_DOCS[lang], len(ids)))
    splits = ["dev", "test"] * (len(chosen) // 2) + ["dev"] * (len(chosen) % 2)
    rng.shuffle(splits)
    first_n = N_DOCS[lang]
    return [(f"{lang}-per-{i:04d}", s, d) for i, (s, d) in enumerate(zip(splits, chosen), first_n + 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", metavar="LANG", help="print each full text of LANG too")
    args = ap.parse_args()
    for lang in (args.texts,) if args.texts else ("de", "en"):
        pool = pool_de() if lang == "de" else pool_en()
        print(f"# {lang}: pool {len(pool)} documents", file=sys.stderr)
        texts = smartdata() if lang == "de" else wikinews_en()
        for gid, split, doc in select(lang) + select_wave2(lang):
            print(gid, split, doc, texts[doc][1], sep="\t")
            if args.texts:
                print(texts[doc][0], "\n" + "=" * 80)


if __name__ == "__main__":
    main()
