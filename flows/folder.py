"""Flow: extract facts from the new or changed files of a folder (or glob), for a schedule."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger

from newsfacts.extractors.shell import DEFAULT_ARTICLE_TIMEOUT
from newsfacts.flows.ingest import DEFAULT_BATCH_SIZE, ingest, make_task_runner
from newsfacts.flows.sinks import OutputFolder
from newsfacts.flows.sources import read_files, scan_folder

__all__ = ["extract_folder"]


@flow(name="extract-folder", task_runner=make_task_runner())
def extract_folder(
    folder: str,
    out: str,
    pattern: str = "**/*",
    batch_size: int = DEFAULT_BATCH_SIZE,
    ner: str | None = None,
    lang: str | None = None,
    with_articles: bool = False,
    use_cache: bool = True,
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT,
) -> dict[str, Any]:
    """Extract the files under ``folder`` that are new or changed since the last run.

    Text, HTML, JSON and JSONL files are read by the library's readers (by suffix); others are
    skipped. The folder's state (sizes and mtimes) is saved only after the facts are written,
    so a crashed run is picked up again by the next one.

    Args:
        folder: the watched folder.
        out: the output folder.
        pattern: a glob below ``folder`` (``**/*`` for everything, ``*.txt`` for one level of text).
        batch_size, ner, lang, with_articles, use_cache, article_timeout: as for ``extract-jsonl``.
    """
    scan = scan_folder(folder, pattern=pattern, state_dir=OutputFolder(out).state_dir)
    get_run_logger().info("%d new or changed files of %d under %s", len(scan.changed), len(scan.current), folder)
    summary = ingest(
        read_files(scan.changed),
        out=out,
        ner=ner,
        lang=lang,
        batch_size=batch_size,
        with_articles=with_articles,
        use_cache=use_cache,
        article_timeout=article_timeout,
    )
    scan.commit()
    result = summary.as_dict()
    result["files_changed"] = len(scan.changed)
    return result
