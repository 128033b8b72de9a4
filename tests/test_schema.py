"""The committed JSON Schema files match the records in the code (no silent drift)."""

from __future__ import annotations

from newsfacts.extractors.schema import SCHEMA_DIR, render_schemas


def test_schema_files_match_records() -> None:
    for name, text in render_schemas().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} is stale: run `python -m newsfacts.extractors.schema` and commit"


def test_schema_fixes_contract_names() -> None:
    import json

    article = json.loads(render_schemas()["article.schema.json"])
    fact = json.loads(render_schemas()["fact.schema.json"])
    for key in (
        "schema",
        "id",
        "source",
        "url",
        "title",
        "published",
        "language",
        "language_score",
        "text",
        "entities",
        "amounts",
        "percentages",
        "periods",
        "facts",
    ):
        assert key in article["properties"]
    for key in (
        "schema",
        "fact_id",
        "article_id",
        "kind",
        "customer",
        "vendor",
        "company",
        "product",
        "amount_value",
        "amount_currency",
        "amount_qualifier",
        "amount_vague",
        "amount_min",
        "amount_max",
        "rate",
        "percent_value",
        "percent_kind",
        "direction",
        "period_start",
        "period_end",
        "evidence",
        "evidence_start",
        "evidence_end",
        "confidence",
        "extractor_version",
    ):
        assert key in fact["properties"]
