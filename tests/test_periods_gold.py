"""Periods on real news (bench/eval_periods.py over fixtures/periods) against committed floors.

The texts live in ../shared (SmartData, Wikinews); the checks skip when it is absent, as in CI on
a bare clone. Floors sit a little under the figures of 2026-12-07 and may only be raised; the
test split was never tuned on, its floor guards against a change that helps dev by hurting it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmod import load_bench

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
#: exact start and end, per language and split, a little under the fifth session's end (de dev 91.7,
#: test 92.8 %; en dev 90.5, test 85.1 %); only ever raised
FLOORS = {("de", "dev"): 0.90, ("de", "test"): 0.90, ("en", "dev"): 0.89, ("en", "test"): 0.84}


@pytest.mark.skipif(
    not (SHARED / "ner" / "smartdata").is_dir() or not (SHARED / "facts" / "wikinews-en").is_dir(),
    reason="../shared/data (SmartData, Wikinews) not present",
)
@pytest.mark.parametrize(("lang", "split"), sorted(FLOORS))
def test_periods_on_real_news_stay_above_their_floor(lang: str, split: str) -> None:
    bench = load_bench("eval_periods")
    docs = [d for d in bench.load(lang) if d["split"] == split]
    n = bench.score(docs, lang, misses=False)
    assert n["exact"] / n["gold"] >= FLOORS[(lang, split)], n
