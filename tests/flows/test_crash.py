"""A flow process killed with SIGKILL mid-run, then run again: every fact exactly once, no half line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfacts.extractors.facts import fact_rows
from newsfacts.extractors.pipeline import extract_article
from newsfacts.flows.sinks import OutputFolder

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "de-tiktok-microsoft.txt"
N = 16

CHILD = """
import sys
from newsfacts.flows.jsonl import extract_jsonl
extract_jsonl(paths=[sys.argv[1]], out=sys.argv[2], batch_size=1)
"""


def test_flows_crash_sigkill_then_rerun_gives_every_fact_once(prefect_server: str, tmp_path: Path) -> None:
    from newsfacts.flows.jsonl import extract_jsonl

    seed = SEED.read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"crash-{n}", "text": seed}) + "\n" for n in range(N)), encoding="utf-8"
    )
    out = tmp_path / "out"
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(corpus), str(out)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    ledger = out / "_state" / "processed.txt"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and child.poll() is None:
            if ledger.exists() and ledger.stat().st_size > 0:  # at least one batch fully written
                break
            time.sleep(0.01)
        assert child.poll() is None, f"the flow ended before it could be killed: {child.stderr.read()!r}"
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    done_before = len(OutputFolder(out).ledger.load())
    assert 0 < done_before < N, "the kill must land mid-run"

    result = extract_jsonl(paths=[str(corpus)], out=str(out), batch_size=1)
    assert result["skipped_unchanged"] >= done_before and result["failed"] == 0

    expected = sorted(row.fact_id for n in range(N) for row in fact_rows(extract_article(seed, id=f"crash-{n}")))
    lines = [
        line
        for p in sorted((out / "facts").rglob("facts.jsonl"))
        for line in p.read_text(encoding="utf-8").split("\n")
        if line
    ]
    ids = sorted(json.loads(line)["fact_id"] for line in lines)  # every line parses: no half line
    assert ids == expected
    assert len(OutputFolder(out).ledger.load()) == N


@pytest.mark.parametrize("cut", [1, 17, 40])
def test_flows_crash_torn_line_left_by_a_kill_is_dropped_and_rewritten(tmp_path: Path, cut: int) -> None:
    """A write cut short (what a kill during a multi-part write leaves) never shows as a half line."""
    from newsfacts.flows.sinks import Row

    out = OutputFolder(tmp_path)
    rows = [Row(f"f{n}", "2024-08-01", json.dumps({"fact_id": f"f{n}", "evidence": "x" * 30})) for n in range(3)]
    out.facts.append(rows[:2])
    path = out.facts.path("2024-08-01")
    with open(path, "ab") as handle:
        handle.write((rows[2].line + "\n").encode()[:cut])
    assert OutputFolder(tmp_path).facts.append(rows) == 1
    assert [json.loads(line)["fact_id"] for line in path.read_text().splitlines()] == ["f0", "f1", "f2"]
