"""Flow: extract facts from JSONL files (one article record a line, as ``extract`` reads them)."""

from __future__ import annotations

from typing import Any

from prefect import flow

from newsfacts.extractors.shell import DEFAULT_ARTICLE_TIMEOUT
from newsfacts.flows.ingest import DEFAULT_BATCH_SIZE, ingest, make_task_runner
from newsfacts.flows.sources import read_files

__all__ = ["extract_jsonl"]


@flow(name="extract-jsonl", task_runner=make_task_runner())
def extract_jsonl(
    paths: list[str],
    out: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    ner: str | None = None,
    lang: str | None = None,
    with_articles: bool = False,
    use_cache: bool = True,
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT,
) -> dict[str, Any]:
    """Extract every record of the JSONL files (or globs) into ``out``; bad lines become dead letters.

    Args:
        paths: JSONL files or globs (each line: ``text`` and any of id, title, published, url, language).
        out: the output folder (facts partitioned by date, dead letters, ledger).
        batch_size: articles per task.
        ner: NER model name; the language's default when None.
        lang: ISO 639-1 code of every record; taken from the record or detected when None.
        with_articles: also write the full article records.
        use_cache: skip records already processed with the same content, model and version.
        article_timeout: seconds one article may take; past it the article is a dead letter whose
            reason starts with ``timeout`` (0: no limit).
    """
    return ingest(
        read_files(paths),
        out=out,
        ner=ner,
        lang=lang,
        batch_size=batch_size,
        with_articles=with_articles,
        use_cache=use_cache,
        article_timeout=article_timeout,
    ).as_dict()
