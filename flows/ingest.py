"""The part every flow shares: batch, extract on the task runner, write the sinks, report.

Flows read their source (``flows/sources.py``), then call :func:`ingest` inside the flow run.
``ingest`` skips what the ledger says is already processed (content-hash caching), cuts the rest
into batches, submits one ``extract-batch`` task per batch to the flow's task runner (threads on
one machine, Dask across machines), and writes each finished batch in submission order with the
``write-batch`` task, which retries on I/O errors only. The output files are therefore the same,
byte for byte, whichever task runner did the work.

Why not Prefect's own task cache: it keys a whole batch rather than an article, needs persisted
results on storage shared by every worker, and hashes every task input. The ledger keys each
article by its content, lives beside the output it describes, and is read once per run.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from prefect import get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError
from prefect.logging.handlers import APILogHandler
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from newsfacts.extractors.errors import InputError
from newsfacts.extractors.readers import RawArticle
from newsfacts.extractors.shell import DEFAULT_ARTICLE_TIMEOUT, DeadLetter, letter_for
from newsfacts.flows.batch import BatchResult, Pending, extract_batch
from newsfacts.flows.sinks import OutputFolder
from newsfacts.flows.sources import content_key

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "OUR_LOGGERS",
    "RunSummary",
    "attach_our_loggers",
    "chunked",
    "extract_batch_task",
    "ingest",
    "make_task_runner",
    "write_batch",
]

DEFAULT_BATCH_SIZE = 50
OUR_LOGGERS = ("newsfacts",)
T = TypeVar("T")


class _RunLogHandler(APILogHandler):
    """Prefect's API log handler, silent outside a run (the library may be used there too)."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if isinstance(sys.exc_info()[1], MissingContextError):
            return
        super().handleError(record)


def attach_our_loggers(level: int = logging.INFO) -> None:
    """Send the logs of our own modules to the current flow or task run (idempotent).

    Same effect as ``PREFECT_LOGGING_EXTRA_LOGGERS=newsfacts``, but it also works
    in a Dask worker or a process that imported Prefect before the variable was set.
    """
    for name in OUR_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, APILogHandler) for h in logger.handlers):
            logger.addHandler(_RunLogHandler())
        if logger.level == logging.NOTSET or logger.level > level:
            logger.setLevel(level)


def make_task_runner(dask_address: str | None = None, *, threads: int | None = None) -> TaskRunner[Any]:
    """The task runner for our flows: Dask when an address is given, else a small thread pool.

    ``NEWSFACTS_DASK_ADDRESS`` (e.g. ``tcp://scheduler:8786``) and ``NEWSFACTS_THREADS`` set them
    for deployments, where the runner is fixed when the flow module is imported.
    """
    address = dask_address or os.environ.get("NEWSFACTS_DASK_ADDRESS")
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    return ThreadPoolTaskRunner(max_workers=threads or int(os.environ.get("NEWSFACTS_THREADS", "2")))


def chunked(items: list[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, got {size}")
    for start in range(0, len(items), size):
        yield items[start : start + size]


@task(name="extract-batch", cache_policy=NO_CACHE)  # no retries: CPU work, failures are per article
def extract_batch_task(
    batch: list[Pending],
    ner: str | None,
    lang: str | None,
    with_articles: bool,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> BatchResult:
    """Run the library over one batch (the model loads once per worker process)."""
    attach_our_loggers()
    return extract_batch(batch, ner=ner, lang=lang, with_articles=with_articles, timeout=timeout)


def _io_error(task: Any, task_run: Any, state: Any) -> bool:
    """Retry the sink write on I/O errors only (a full disk, a network file system hiccup)."""
    return isinstance(state.result(raise_on_failure=False), OSError)


@task(
    name="write-batch", retries=3, retry_delay_seconds=[1, 5, 15], retry_condition_fn=_io_error, cache_policy=NO_CACHE
)
def write_batch(result: BatchResult, out: str) -> dict[str, int]:
    """Append a batch's facts (and articles), dead letters, then its ledger keys. Idempotent."""
    sinks = OutputFolder(out)
    written = sinks.facts.append(result.facts)
    articles = sinks.articles.append(result.articles)
    dead = sinks.dead_letters.add(result.dead)
    sinks.ledger.add(result.done)
    return {"facts_written": written, "articles_written": articles, "dead_letters": dead}


@dataclass
class RunSummary:
    """The counts of one run (returned by every flow, and shown as a markdown artifact)."""

    read: int = 0
    skipped_unchanged: int = 0
    processed: int = 0
    failed: int = 0
    facts: int = 0
    facts_written: int = 0
    articles_written: int = 0
    dead_letters_written: int = 0
    batches: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    top: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain counts (no top facts), for the flow's return value."""
        data = asdict(self)
        data.pop("top")
        data["languages"], data["kinds"] = dict(self.languages), dict(self.kinds)
        return data


def ingest(
    items: Iterable[RawArticle | Pending | InputError | DeadLetter],
    *,
    out: str,
    ner: str | None = None,
    lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    with_articles: bool = False,
    use_cache: bool = True,
    window: int = 8,
    notes: Iterable[str] = (),
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> RunSummary:
    """Extract and store articles inside a flow run; returns the run's counts.

    Args:
        items: articles (``Pending`` when the flow already keyed them), read errors, or dead
            letters (dicts) from a fetch step.
        out: the output folder (see ``flows/sinks.py``).
        ner, lang: passed to ``extract_article``.
        batch_size: articles per task.
        with_articles: also write the full article records.
        use_cache: skip articles whose content key is in the ledger.
        window: batches in flight at once (bounds memory; results are written in order).
        notes: lines for the summary artifact (e.g. a feed report).
        article_timeout: seconds one article may take before it is a dead letter (reason
            ``timeout: ...``); None or 0 for no limit.
    """
    logger = get_run_logger()
    attach_our_loggers()
    sinks = OutputFolder(out)
    seen = sinks.ledger.load()
    summary = RunSummary(notes=list(notes))
    pending, dead = _sort_items(items, seen if use_cache else set(), ner, lang, summary)
    summary.failed += len(dead)
    summary.dead_letters_written += sinks.dead_letters.add(dead)
    batches = list(chunked(pending, batch_size))
    summary.batches = len(batches)
    logger.info(
        "%d articles read, %d unchanged since an earlier run, %d to process in %d batches",
        summary.read,
        summary.skipped_unchanged,
        len(pending),
        len(batches),
    )
    progress = create_progress_artifact(0.0, description="articles processed (%)") if batches else None
    in_flight: deque[tuple[Any, list[Pending]]] = deque()
    done = 0
    for batch in batches:
        in_flight.append((extract_batch_task.submit(batch, ner, lang, with_articles, article_timeout or None), batch))
        if len(in_flight) >= window:
            done += _finish(in_flight.popleft(), out, seen, summary)
            _progress(progress, done, len(pending))
    while in_flight:
        done += _finish(in_flight.popleft(), out, seen, summary)
        _progress(progress, done, len(pending))
    _report(summary, out)
    logger.info(
        "done: %d processed, %d failed, %d facts (%d new)",
        summary.processed,
        summary.failed,
        summary.facts,
        summary.facts_written,
    )
    return summary


def _sort_items(
    items: Iterable[RawArticle | Pending | InputError | DeadLetter],
    seen: set[str],
    ner: str | None,
    lang: str | None,
    summary: RunSummary,
) -> tuple[list[Pending], list[DeadLetter]]:
    pending: list[Pending] = []
    dead: list[DeadLetter] = []
    keys: set[str] = set()
    for item in items:
        if isinstance(item, InputError):
            dead.append(letter_for(item, stage="read"))
            continue
        if isinstance(item, dict):
            dead.append(item)
            continue
        summary.read += 1
        if isinstance(item, RawArticle):
            item = Pending(content_key(item, ner=ner, lang=lang), item)
        if item.key in seen or item.key in keys:
            summary.skipped_unchanged += 1
            continue
        keys.add(item.key)
        pending.append(item)
    return pending, dead


def _finish(entry: tuple[Any, list[Pending]], out: str, seen: set[str], summary: RunSummary) -> int:
    future, batch = entry
    try:
        result: BatchResult = future.result()
    except Exception as exc:  # a lost worker, a crashed task: the batch's articles are dead letters
        get_run_logger().error("batch of %d articles failed: %s", len(batch), exc)
        result = BatchResult(
            dead=[letter_for(exc, stage="task", source=p.raw.source, id=p.raw.id, url=p.raw.url) for p in batch]
        )
    processed = len(result.done)
    result.done = [k for k in result.done if k not in seen]  # re-run without the cache: no repeats
    counts = write_batch(result, out)
    summary.processed += processed
    summary.failed += len(result.dead)
    summary.dead_letters_written += counts["dead_letters"]
    summary.facts += len(result.facts)
    summary.facts_written += counts["facts_written"]
    summary.articles_written += counts["articles_written"]
    summary.languages.update(result.languages)
    summary.kinds.update(result.kinds)
    summary.top = sorted([*summary.top, *result.top], key=lambda r: -(r["confidence"] or 0))[:20]
    return len(batch)


def _progress(artifact_id: Any, done: int, total: int) -> None:
    if artifact_id is not None and total:
        update_progress_artifact(artifact_id, 100.0 * done / total)


def _report(summary: RunSummary, out: str) -> None:
    """The run's artifacts: a table of its top facts and a markdown summary."""
    if summary.top:
        create_table_artifact(summary.top, key="newsfacts-top-facts", description="The run's most confident facts")
    lines = [
        "# newsfacts run",
        "",
        f"Output: `{out}`",
        "",
        "| articles read | unchanged (skipped) | processed | failed (dead letters) | facts | new facts |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {summary.read} | {summary.skipped_unchanged} | {summary.processed} | {summary.failed} "
        f"| {summary.facts} | {summary.facts_written} |",
        "",
        "## Articles per language",
        "",
        "| language | articles |",
        "|---|---:|",
        *(f"| {k} | {v} |" for k, v in summary.languages.most_common()),
        "",
        "## Facts per kind",
        "",
        "| kind | facts |",
        "|---|---:|",
        *(f"| {k} | {v} |" for k, v in summary.kinds.most_common()),
    ]
    if summary.notes:
        lines += ["", "## Notes", "", *(f"- {note}" for note in summary.notes)]
    create_markdown_artifact("\n".join(lines), key="newsfacts-run-summary", description="Counts per language and kind")
