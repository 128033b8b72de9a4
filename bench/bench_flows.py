"""Benchmark the Prefect flow against the library called directly, on the same 1,000 articles.

    python bench/bench_flows.py [--n 1000] [--batch-size 50] [--dask-workers 2] [--no-dask]

Prints one line per figure. Every figure is warm: the model is loaded and a temporary Prefect
server (SQLite, as in the tests) is running before the clock starts, so the flow figure is the
orchestration overhead of a scheduled run (flow run, tasks, sinks, ledger, artifacts), not
Prefect's import or the server's start-up, which are printed apart. The library figure is
``extract_article`` + ``fact_rows`` in a loop; the flow additionally serialises and writes the
rows. The Dask figure uses a local cluster (workers warmed by a first run) through
``prefect-dask``; its output is checked to equal the local flow's.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "data" / "smartdata-de.jsonl"
SEED = ROOT / "fixtures" / "de-tiktok-microsoft.txt"

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)


def build_input(n: int, path: Path) -> list[dict[str, str]]:
    """``n`` records from the bench corpus (repeated with new ids when it has fewer)."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        record = dict(records[i % len(records)])
        record["id"] = f"{record.get('id', 'a')}#{i}"  # unique: the corpus repeats some ids
        out.append(record)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    return out


def direct(records: list[dict[str, str]], ner: str | None) -> tuple[float, int]:
    """Seconds and facts for the library called in a loop on the same records."""
    from datetime import date

    from newsfacts.extractors.facts import fact_rows
    from newsfacts.extractors.pipeline import extract_article

    extract_article(SEED.read_text(encoding="utf-8"), ner=ner)  # warm-up: model and packs
    facts = 0
    started = time.perf_counter()
    for r in records:
        published = date.fromisoformat(r["published"]) if r.get("published") else None
        article = extract_article(
            r["text"], published=published, id=r["id"], title=r.get("title"), source="bench", ner=ner, header=False
        )
        facts += len(fact_rows(article))
    return time.perf_counter() - started, facts


def timed_flow(flow, **params) -> tuple[float, dict]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = flow(**params)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=None, help="default: the flows' default")
    parser.add_argument("--ner", default=None, help="NER model (default: the language's default)")
    parser.add_argument("--dask-workers", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-flows-"))
    data = tmp / "input.jsonl"
    records = build_input(args.n, data)

    seconds, facts = direct(records, args.ner)
    print(f"library direct: {args.n} articles in {seconds:.2f} s = {args.n / seconds:.1f} articles/s, {facts} facts")

    started = time.perf_counter()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    from newsfacts.flows.ingest import DEFAULT_BATCH_SIZE
    from newsfacts.flows.jsonl import extract_jsonl

    print(f"prefect import: {time.perf_counter() - started:.2f} s")
    batch = args.batch_size or DEFAULT_BATCH_SIZE

    started = time.perf_counter()
    with (
        prefect_test_harness(server_startup_timeout=120),
        temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
    ):
        print(f"temporary server start: {time.perf_counter() - started:.2f} s")
        warm = tmp / "warm.jsonl"
        warm.write_text(data.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
        timed_flow(extract_jsonl, paths=[str(warm)], out=str(tmp / "warm-out"), ner=args.ner)

        flow_s, result = timed_flow(
            extract_jsonl, paths=[str(data)], out=str(tmp / "local"), batch_size=batch, ner=args.ner
        )
        overhead = 100 * (flow_s - seconds) / seconds
        print(
            f"flow, threads (batch {batch}): {result['processed']} articles in {flow_s:.2f} s = "
            f"{args.n / flow_s:.1f} articles/s, {result['facts']} facts "
            f"({result['facts_written']} written); overhead vs library {overhead:+.1f} %"
        )
        rerun_s, rerun = timed_flow(
            extract_jsonl, paths=[str(data)], out=str(tmp / "local"), batch_size=batch, ner=args.ner
        )
        print(f"flow re-run, nothing changed: {rerun['skipped_unchanged']} skipped in {rerun_s:.2f} s")

        if not args.no_dask:
            dask_bench(args, data, tmp, batch, seconds, flow_s)


def dask_bench(args: argparse.Namespace, data: Path, tmp: Path, batch: int, direct_s: float, flow_s: float) -> None:
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    from newsfacts.flows.jsonl import extract_jsonl
    from newsfacts.flows.sinks import OutputFolder

    logging.getLogger("distributed").setLevel(logging.WARNING)  # Prefect's logging config shows INFO
    started = time.perf_counter()
    with LocalCluster(
        n_workers=args.dask_workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.WARNING,
    ) as cluster:
        runner = DaskTaskRunner(address=cluster.scheduler_address)
        dask_flow = extract_jsonl.with_options(task_runner=runner)
        warm = tmp / "warm.jsonl"
        warm_lines = data.read_text(encoding="utf-8").splitlines()[: 2 * args.dask_workers]
        warm.write_text("\n".join(warm_lines) + "\n", encoding="utf-8")
        timed_flow(dask_flow, paths=[str(warm)], out=str(tmp / "dask-warm"), ner=args.ner, batch_size=1)
        print(
            f"dask cluster start + warm-up ({args.dask_workers} workers, model load): "
            f"{time.perf_counter() - started:.2f} s"
        )
        dask_s, result = timed_flow(dask_flow, paths=[str(data)], out=str(tmp / "dask"), batch_size=batch, ner=args.ner)
        same = OutputFolder(tmp / "dask").fact_rows() == OutputFolder(tmp / "local").fact_rows()
        print(
            f"flow, dask {args.dask_workers} workers (batch {batch}): {result['processed']} articles in "
            f"{dask_s:.2f} s = {args.n / dask_s:.1f} articles/s; vs library {direct_s / dask_s:.2f}x, "
            f"vs local flow {flow_s / dask_s:.2f}x; fact rows identical to the local run: {same}"
        )
    print(f"cpus available: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}")


if __name__ == "__main__":
    main()
