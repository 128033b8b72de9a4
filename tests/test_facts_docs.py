"""Facts on real articles (bench/eval_docs.py over fixtures/facts/docs) against committed floors.

The texts live in ../shared (SmartData, Wikinews); the checks skip when it is absent, as in CI on
a bare clone. The floors (bench/docs_floors.json) may only be raised: a change that lowers a
figure below its floor is a regression to fix. ``test`` is never tuned on: a floor there guards
against a change that helps dev by hurting unseen text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from benchmod import load_bench

ROOT = Path(__file__).resolve().parent.parent
FLOORS: dict[str, Any] = json.loads((ROOT / "bench" / "docs_floors.json").read_text(encoding="utf-8"))
SHARED = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(
    not (SHARED / "ner" / "smartdata").is_dir() or not (SHARED / "facts" / "wikinews-en").is_dir(),
    reason="../shared/data (SmartData, Wikinews) not present",
)
@pytest.mark.parametrize(("lang", "split"), [(lang, split) for lang in ("de", "en") for split in ("dev", "test")])
def test_facts_on_real_articles_stay_above_their_floor(lang: str, split: str) -> None:
    bench = load_bench("eval_docs")
    counts, n, _ = bench.evaluate(lang, split, entities="predicted", min_confidence=None, misses=False)
    right, pred = sum(counts.right.values()), sum(counts.pred.values())
    found, gold = sum(counts.found.values()), sum(counts.gold.values())
    f1 = bench.Counts.prf(right, pred, found, gold)[2]
    assert n > 0
    assert f1 >= FLOORS[lang][split], counts.table(f"{lang} {split}")


def test_gold_documents_name_their_source_and_split() -> None:
    """Every gold line says where its text is, which split it belongs to, and hashes the text."""
    for path in sorted((ROOT / "fixtures" / "facts" / "docs").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            assert doc["split"] in ("dev", "test"), (path.name, doc["id"])
            assert doc["corpus"] and doc["doc"] and len(doc["sha1"]) == 40, (path.name, doc["id"])
            for fact in doc["facts"]:
                assert fact["kind"] in ("payment", "acquisition", "revenue", "spending", "change", "share", "count")
