"""Flow: read RSS/Atom feeds, optionally fetch each item's page, extract facts."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsfacts.extractors.errors import InputError
from newsfacts.extractors.shell import DEFAULT_ARTICLE_TIMEOUT, DeadLetter, letter_for
from newsfacts.flows.batch import Pending
from newsfacts.flows.ingest import DEFAULT_BATCH_SIZE, chunked, ingest, make_task_runner
from newsfacts.flows.sinks import OutputFolder
from newsfacts.flows.sources import (
    FeedItem,
    FeedResult,
    FetchConfig,
    content_key,
    feed_item_article,
    fetch,
    make_client,
    parse_feed,
    url_article,
)

__all__ = ["extract_feeds", "fetch_feed", "fetch_items"]

log = logging.getLogger(__name__)


@task(name="fetch-feed", cache_policy=NO_CACHE)  # retries per URL, with backoff, in sources.fetch
def fetch_feed(feed: str, config: FetchConfig) -> FeedResult | DeadLetter:
    """Fetch (or read, for a local path) and parse one feed; a feed that cannot be had is a dead letter."""
    try:
        if "://" not in feed:
            return parse_feed(Path(feed).read_bytes(), source=feed)
        fetched = fetch(feed, config=config)
    except InputError as exc:
        return letter_for(exc, stage="fetch-feed", url=feed)
    except OSError as exc:
        return letter_for(InputError(feed, exc.strerror or str(exc)), stage="fetch-feed")
    except Exception as exc:  # one feed's surprise is that feed's dead letter, not the run's end
        log.exception("unexpected error fetching feed %s", feed)
        return letter_for(exc, stage="fetch-feed", source=feed, url=feed)
    try:
        result = parse_feed(fetched.content, source=fetched.final_url, content_type=fetched.content_type)
    except Exception as exc:
        log.exception("unexpected error parsing feed %s", feed)
        return letter_for(exc, stage="fetch-feed", source=feed, url=feed)
    result.feed = feed
    return result


@task(name="fetch-items", cache_policy=NO_CACHE)
def fetch_items(
    items: list[Pending], links: list[str | None], config: FetchConfig, fallback: bool
) -> tuple[list[Pending | DeadLetter], list[str]]:
    """Replace each item's feed text by its page's main text; returns the items and problems."""
    results: list[Pending | DeadLetter] = []
    problems: list[str] = []
    with make_client(config) as client:
        for item, link in zip(items, links, strict=True):
            if not link:
                results.append(item)
                continue
            try:
                page = url_article(link, config=config, client=client)
            except Exception as exc:  # InputError as expected, anything else from one bad link too
                if not isinstance(exc, InputError):
                    log.exception("unexpected error fetching %s", link)
                if not fallback:
                    results.append(
                        letter_for(
                            exc, stage="fetch-page", url=link, source=None if isinstance(exc, InputError) else link
                        )
                    )
                    continue
                problems.append(f"{link}: {exc}; used the feed's text")
                results.append(item)
                continue
            raw = dataclasses.replace(
                page,
                id=item.raw.id,
                source=item.raw.source,
                title=item.raw.title or page.title,
                published=item.raw.published or page.published,
            )
            results.append(Pending(item.key, raw))
    return results, problems


@flow(name="extract-feeds", task_runner=make_task_runner())
def extract_feeds(
    feeds: list[str],
    out: str,
    fetch_pages: bool = False,
    page_fallback: bool = True,
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
    """Extract facts from the items of RSS/Atom feeds (URLs or local files) into ``out``.

    A malformed feed yields the items that can be read; what could not is listed in the run's
    summary artifact. Items already processed (same feed text, model and version) are skipped
    before any page is fetched.

    Args:
        feeds: feed URLs or paths.
        out: the output folder.
        fetch_pages: fetch each item's linked page and extract from its main text (trafilatura).
        page_fallback: when a page cannot be fetched, use the feed's text (else a dead letter).
        allow_private, timeout, max_bytes, fetch_retries, fetch_backoff: as for ``extract-urls``.
        batch_size, ner, lang, with_articles, use_cache, article_timeout: as for ``extract-jsonl``.
    """
    logger = get_run_logger()
    config = FetchConfig(
        timeout=timeout, max_bytes=max_bytes, retries=fetch_retries, backoff=fetch_backoff, allow_private=allow_private
    )
    parsed = [future.result() for future in [fetch_feed.submit(feed, config) for feed in feeds]]
    dead = [p for p in parsed if isinstance(p, dict)]
    results = [p for p in parsed if isinstance(p, FeedResult)]
    notes = [_feed_note(r) for r in results] + [f"{d['source']}: {d['reason']}" for d in dead]
    seen = OutputFolder(out).ledger.load() if use_cache else set()
    # the key covers the feed's text and the page switch: an unchanged item is not fetched again
    model = f"{ner or ''}|page" if fetch_pages else ner
    items: list[tuple[Pending, FeedItem]] = []
    for result in results:
        for item in result.items:
            raw = feed_item_article(item)
            items.append((Pending(content_key(raw, ner=model, lang=lang), raw), item))
    fresh = [(p, i) for p, i in items if p.key not in seen]
    articles: list[Any] = [p for p, _ in fresh]
    if fetch_pages and fresh:
        futures = [
            fetch_items.submit([p for p, _ in chunk], [i.link for _, i in chunk], config, page_fallback)
            for chunk in chunked(fresh, batch_size)
        ]
        articles = []
        for future in futures:
            got, problems = future.result()
            articles += got
            notes += problems
    for note in notes:
        logger.info("feed report: %s", note)
    summary = ingest(
        [*dead, *articles],
        out=out,
        ner=ner,
        lang=lang,
        batch_size=batch_size,
        with_articles=with_articles,
        use_cache=use_cache,
        notes=notes,
        article_timeout=article_timeout,
    )
    summary.read += len(items) - len(fresh)
    summary.skipped_unchanged += len(items) - len(fresh)
    counts = summary.as_dict()
    counts["feeds"] = {r.feed: {"items": len(r.items), "problems": r.problems} for r in results}
    return counts


def _feed_note(result: FeedResult) -> str:
    text = f"{result.feed}: {len(result.items)} items"
    if result.problems:
        text += "; " + "; ".join(result.problems)
    return text
