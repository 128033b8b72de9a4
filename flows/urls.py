"""Flow: fetch a list of article URLs, read each page's main text, extract facts."""

from __future__ import annotations

import logging
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from newsfacts.extractors.errors import InputError
from newsfacts.extractors.readers import RawArticle
from newsfacts.extractors.shell import DEFAULT_ARTICLE_TIMEOUT, DeadLetter, letter_for
from newsfacts.flows.ingest import DEFAULT_BATCH_SIZE, chunked, ingest, make_task_runner
from newsfacts.flows.sources import FetchConfig, make_client, read_url_list, url_article

__all__ = ["extract_urls", "fetch_pages"]


@task(name="fetch-pages", cache_policy=NO_CACHE)  # retries per URL, with backoff, in sources.fetch
def fetch_pages(urls: list[str], config: FetchConfig) -> list[RawArticle | DeadLetter]:
    """Fetch and read a batch of pages; a page that fails becomes a dead letter."""
    results: list[RawArticle | DeadLetter] = []
    with make_client(config) as client:
        for url in urls:
            try:
                results.append(url_article(url, config=config, client=client))
            except InputError as exc:
                results.append(letter_for(exc, stage="fetch", url=url))
            except Exception as exc:  # one URL's surprise (a parser's bug) is that URL's dead letter
                logging.getLogger(__name__).exception("unexpected error fetching %s", url)
                results.append(letter_for(exc, stage="fetch", source=url, url=url))
    return results


@flow(name="extract-urls", task_runner=make_task_runner())
def extract_urls(
    out: str,
    urls: list[str] | None = None,
    url_file: str | None = None,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    fetch_retries: int = 3,
    fetch_backoff: float = 1.0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    ner: str | None = None,
    lang: str | None = None,
    with_articles: bool = False,
    use_cache: bool = True,
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT,
) -> dict[str, Any]:
    """Fetch the URLs (given, or one a line in ``url_file``) and extract their facts into ``out``.

    Args:
        out: the output folder.
        urls, url_file: the URLs; both may be given.
        allow_private: fetch from private and loopback addresses too (off by default).
        timeout, max_bytes, fetch_retries, fetch_backoff: fetch limits (seconds, bytes, count, seconds).
        batch_size, ner, lang, with_articles, use_cache, article_timeout: as for ``extract-jsonl``.
    """
    targets = list(urls or []) + (read_url_list(url_file) if url_file else [])
    config = FetchConfig(
        timeout=timeout, max_bytes=max_bytes, retries=fetch_retries, backoff=fetch_backoff, allow_private=allow_private
    )
    futures = [fetch_pages.submit(chunk, config) for chunk in chunked(targets, batch_size)]
    items = [item for future in futures for item in future.result()]
    return ingest(
        items,
        out=out,
        ner=ner,
        lang=lang,
        batch_size=batch_size,
        with_articles=with_articles,
        use_cache=use_cache,
        article_timeout=article_timeout,
    ).as_dict()
