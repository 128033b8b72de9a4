"""The evaluation command: IOB reading, entity-level scoring, and the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsfacts.models import FakeBackend
from newsfacts.models.evaluate import Prf, evaluate, main, read_iob, score

__all__: list[str] = []

TINY = Path(__file__).resolve().parents[2] / "fixtures" / "ner" / "tiny.iob"


def test_evaluate_read_iob_offsets() -> None:
    sentences = read_iob(TINY)
    assert [s.text for s in sentences] == [
        "Siemens baut in München .",
        "Angela Merkel besucht die Deutsche Bank .",
        "Auch Paris wartet .",  # space-separated columns and an IOB1 "I-" start are accepted
    ]
    found = {(s.text[a:b], label) for s in sentences for a, b, label in s.spans}
    assert found == {
        ("Siemens", "ORG"),
        ("München", "LOC"),
        ("Angela Merkel", "PER"),
        ("Deutsche Bank", "ORG"),
        ("Paris", "LOC"),
    }


def test_evaluate_scores_exact_spans_only() -> None:
    fake = FakeBackend({"ORG": ["Siemens", "Deutsche Bank", "Paris"], "PER": ["Merkel"]})
    scores = evaluate(fake, read_iob(TINY))
    assert scores["ORG"] == Prf(tp=2, fp=1, fn=0)
    assert scores["LOC"] == Prf(tp=0, fp=0, fn=2)
    assert scores["PER"] == Prf(tp=0, fp=1, fn=1)  # "Merkel" is not "Angela Merkel"
    assert scores["micro"] == Prf(tp=2, fp=2, fn=3)
    assert scores["micro:PER/ORG/LOC"] == scores["micro"]
    assert scores["micro"].p == pytest.approx(0.5) and scores["micro"].r == pytest.approx(0.4)


def test_evaluate_score_empty_is_zero_not_error() -> None:
    scores = score([[]], [[]])
    assert scores["micro"] == Prf(0, 0, 0) and scores["micro"].f == 0.0


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_evaluate_cli_prints_table() -> None:
    result = run("--model", "fake", str(TINY))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3 sentences, 5 gold entities" in out
    assert "micro:PER/ORG/LOC" in out and "LOC" in out


def test_evaluate_cli_unknown_model_exits_1() -> None:
    result = run("--model", "nope", str(TINY))
    assert result.exit_code == 1
    assert "Error: unknown NER model 'nope'" in result.stderr


def test_evaluate_cli_missing_file_exits_1_and_usage_exits_2(tmp_path: Path) -> None:
    missing = run("--model", "fake", str(tmp_path / "nowhere.iob"))
    assert missing.exit_code == 1 and "nowhere.iob" in missing.stderr
    assert run("--model", "fake").exit_code == 2  # no FILE
    assert run("-h").exit_code == 0


def test_evaluate_runs_as_a_module() -> None:
    """``python -m newsfacts.models.evaluate`` still works beside ``newsfacts evaluate``."""
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts.models.evaluate", "--model", "fake", str(TINY)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "3 sentences, 5 gold entities" in done.stdout


def test_evaluate_cli_shipped_model() -> None:
    result = run("--model", "de_news_sm", str(TINY))
    assert result.exit_code == 0 and "micro" in result.stdout


def test_evaluate_reads_jsonl_gold(tmp_path: Path) -> None:
    """Both entity notations of the JSONL gold give the same scores as the IOB reader would."""
    from newsfacts.models.evaluate import read_gold

    sentences = read_gold(TINY.with_suffix(".jsonl"))
    found = {(s.text[a:b], label) for s in sentences for a, b, label in s.spans}
    assert found == {("Siemens", "ORG"), ("München", "LOC"), ("Angela Merkel", "PER"), ("Deutsche Bank", "ORG")}
    backend = FakeBackend({"ORG": ["Siemens", "Deutsche Bank"], "PER": ["Merkel"]})
    scores = evaluate(backend, sentences)
    assert (scores["ORG"].tp, scores["PER"].fp, scores["PER"].fn, scores["LOC"].fn) == (2, 1, 1, 1)


def test_evaluate_jsonl_bad_span_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Kurz.", "entities": [[0, 99, "ORG"]]}\n', encoding="utf-8")
    result = run(str(bad), "--model", "fake")
    assert result.exit_code == 1 and "bad.jsonl:1" in result.stderr
