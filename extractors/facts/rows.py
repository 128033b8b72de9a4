"""Fact rows: an article's facts flattened with its fields (what ``--facts`` prints and flows write)."""

from __future__ import annotations

from newsfacts.extractors.records import Article, FactRow


def fact_rows(article: Article) -> list[FactRow]:
    """Flatten an article's facts with its fields: the rows ``--facts`` prints and flows write."""
    return [
        FactRow(
            **fact.model_dump(),
            article_id=article.id,
            source=article.source,
            url=article.url,
            title=article.title,
            published=article.published,
            language=article.language,
            extractor_version=article.extractor_version,
        )
        for fact in article.facts
    ]
