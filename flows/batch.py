"""One batch of articles through the library, into rows for the sinks (no Prefect here).

This is the body of the flows' extraction task, kept free of Prefect so it can be tested and
benchmarked on its own. The model is loaded once per process by the library's registry
(``models.get_backend`` is cached), so a worker that runs many batches loads it once.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsfacts.extractors.facts import fact_rows
from newsfacts.extractors.pipeline import extract_article
from newsfacts.extractors.readers import RawArticle
from newsfacts.extractors.shell import DEFAULT_ARTICLE_TIMEOUT, DeadLetter, extract_or_letter
from newsfacts.flows.sinks import Row, article_key

__all__ = ["BatchResult", "Pending", "extract_batch", "warm_up"]

_WARM_LOCK = threading.Lock()
_WARM: set[tuple[str | None, str | None]] = set()
_WARM_TEXT = (
    "Die Beispiel AG hat im ersten Quartal 2024 rund 3,5 Millionen Euro an die Muster GmbH "
    "gezahlt. Der Umsatz stieg um 4 Prozent."
)


def warm_up(*, ner: str | None = None, lang: str | None = None) -> None:
    """Load the model, language packs and language detector once per process, under a lock.

    Two threads that make a process's first extractions at the same time would otherwise both
    load the model, and langdetect's lazy profile loading is not thread-safe: a thread can
    detect against half-loaded profiles (seen here as German articles detected as "af").
    """
    if (ner, lang) in _WARM:
        return
    with _WARM_LOCK:
        if (ner, lang) not in _WARM:
            extract_article(_WARM_TEXT, ner=ner, lang=lang)
            _WARM.add((ner, lang))


@dataclass(frozen=True)
class Pending:
    """An article waiting for extraction, with its content key for the ledger."""

    key: str
    raw: RawArticle


@dataclass
class BatchResult:
    """What one batch produced: sink rows, dead letters, processed keys and counts for reports."""

    facts: list[Row] = field(default_factory=list)
    articles: list[Row] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    top: list[dict[str, Any]] = field(default_factory=list)


def extract_batch(
    batch: list[Pending],
    *,
    ner: str | None = None,
    lang: str | None = None,
    with_articles: bool = False,
    top: int = 20,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> BatchResult:
    """Extract every article of a batch; a failing article becomes a dead letter, the rest go on.

    Args:
        batch: the articles, each with its content key.
        ner: the NER model name; the language's default when None.
        lang: the language of every article; detected (or taken from the input) when None.
        with_articles: also return the full article records.
        top: how many of the batch's most confident facts to keep for the run's table.
        timeout: each article's time budget in seconds (None or 0: unlimited); the model is
            loaded before the first budget starts.
    """
    warm_up(ner=ner, lang=lang)
    result = BatchResult()
    for item in batch:
        article = extract_or_letter(item.raw, lang=lang, ner=ner, timeout=timeout)  # the CLI's path
        if isinstance(article, dict):  # a DeadLetter stands in for the article; the batch goes on
            result.dead.append(article)
            continue
        rows = fact_rows(article)
        day = article.published.isoformat() if article.published else "unknown"
        for row in rows:
            result.facts.append(Row(row.fact_id, day, row.model_dump_json(by_alias=True)))
            result.kinds[row.kind] += 1
            data = row.model_dump(mode="json")  # Decimal -> JSON numbers for the artifact table
            result.top.append(
                {
                    "confidence": data["confidence"],
                    "kind": data["kind"],
                    "who": data["customer"] or data["company"],
                    "vendor": data["vendor"],
                    "amount": data["amount_value"],
                    "currency": data["amount_currency"],
                    "rate": data["rate"],
                    "percent": data["percent_value"],
                    "article": article.title or article.id,
                }
            )
        if with_articles:
            line = article.model_dump_json(by_alias=True)
            record = {"id": article.id, "text": article.text}
            result.articles.append(Row(article_key(record), day, line))
        result.languages[article.language] += 1
        result.done.append(item.key)
    result.top = sorted(result.top, key=lambda r: -(r["confidence"] or 0))[:top]
    return result
