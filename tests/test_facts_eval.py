"""The fact evaluation (bench/eval_facts.py) against committed floors (bench/facts_floors.json).

The floors may only be raised, never lowered: a change that lowers a figure below its floor is a
regression to fix, not a floor to move. Raise the floors when the linker or the NER models
improve: ``python bench/eval_facts.py --raise-floors`` rewrites the file and never lowers a floor
(``python bench/eval_facts.py`` prints every figure). SmartData and FIRE live in ../shared,
which CI may not see: their checks skip cleanly when the files are absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS: dict[str, Any] = json.loads((ROOT / "bench" / "facts_floors.json").read_text(encoding="utf-8"))


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_facts", ROOT / "bench" / "eval_facts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
THRESHOLD = FLOORS["min_confidence"]


def test_facts_eval_floors_use_the_cli_default() -> None:
    from newsfacts.extractors.confidence import DEFAULT_MIN_CONFIDENCE

    assert THRESHOLD == DEFAULT_MIN_CONFIDENCE


def test_facts_eval_seed() -> None:
    seed = bench.evaluate_seed(THRESHOLD)
    floor = FLOORS["seed"]
    assert seed["payments"].gold_found >= floor["payments_found"], seed["summary"]
    assert seed["other_found"] >= floor["other_found"], seed["missed"]
    assert len(seed["spurious"]) <= floor["spurious_payments_max"], seed["spurious"]


@pytest.fixture(scope="module")
def own() -> dict[str, Any]:
    return {lang: bench.evaluate_own(lang, THRESHOLD) for lang in FLOORS["own"]}


def test_facts_eval_every_language_has_its_gold() -> None:
    for lang in FLOORS["own"]:
        cases = bench.load_cases(lang)
        assert len(cases) >= 30, lang
        assert len({c["id"] for c in cases}) == len(cases), lang


OWN_CHECKS = [
    (lang, kind, metric, value)
    for lang, kinds in FLOORS["own"].items()
    for kind, metrics in kinds.items()
    for metric, value in metrics.items()
]


@pytest.mark.parametrize(
    ("lang", "kind", "metric", "floor"), OWN_CHECKS, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in OWN_CHECKS]
)
def test_facts_eval_own_gold(own: dict[str, Any], lang: str, kind: str, metric: str, floor: float) -> None:
    counts = own[lang].facts.get(kind, bench.PRF())
    assert getattr(counts, metric) >= floor, f"{lang} {kind} {metric}: {getattr(counts, metric):.3f} < {floor}"


@pytest.mark.skipif(not bench.SMARTDATA.exists(), reason="../shared/data/ner/smartdata not present")
def test_facts_eval_smartdata_acquisitions() -> None:
    scores = bench.evaluate_smartdata(THRESHOLD, "acquisition")
    for role, floor in FLOORS["smartdata_acquisition_docs"].items():
        counts = scores.roles.get(("Acquisition", role), bench.PRF())
        assert counts.f1 >= floor, f"SmartData Acquisition.{role} F1 {counts.f1:.3f} < {floor}"


@pytest.mark.skipif(not bench.FIRE.exists(), reason="../shared/data/facts/fire not present")
def test_facts_eval_fire() -> None:
    scores = bench.evaluate_fire(THRESHOLD, only_relevant=True)
    for relation, floor in FLOORS["fire_relevant_sentences"].items():
        counts = scores.roles.get((relation, "pair"), bench.PRF())
        assert counts.f1 >= floor, f"FIRE {relation} F1 {counts.f1:.3f} < {floor}"


def test_facts_eval_cli_min_confidence_trades_recall_for_precision() -> None:
    from click.testing import CliRunner

    from newsfacts.extractors.cli import main

    seed = str(ROOT / "fixtures" / "de-tiktok-microsoft.txt")
    counts = {}
    for threshold in ("0", "0.5", "0.95"):
        result = CliRunner().invoke(main, ["--facts", "--min-confidence", threshold, seed])
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
        assert all(r["confidence"] >= float(threshold) for r in rows)
        counts[threshold] = len(rows)
    assert counts["0"] >= counts["0.5"] > counts["0.95"] == 0
    bad = CliRunner().invoke(main, ["--min-confidence", "2", seed])
    assert bad.exit_code == 2
