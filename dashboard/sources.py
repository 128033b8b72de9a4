"""Read fact rows (and, optionally, article texts) from JSONL files, folders or globs."""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.dashboard.errors import InputError
from newsfacts.extractors.records import ARTICLE_SCHEMA, FACT_SCHEMA, Fact, FactRow

__all__ = ["FactData", "expand_paths", "read_facts"]

# The article fields a fact row carries (what `extract --facts` copies onto each fact), read off the
# records so that a field added there is flattened here too. The flattening below works on plain
# dicts, not on validated records: 100,000 rows stay fast and rows of an older or newer schema pass;
# tests/dashboard test_sources_flatten_matches_fact_rows keeps it equal to extractors' fact_rows.
_ARTICLE_FIELDS = tuple(
    name for name in FactRow.model_fields
    if name not in Fact.model_fields and name not in ("schema_", "article_id")
)


@dataclass
class FactData:
    """Fact rows as read, plus the article texts found alongside them."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # article id -> article text
    files: list[str] = field(default_factory=list)
    skipped: int = 0  # lines that were neither a fact row nor an article record


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Expand files, folders (every ``*.jsonl`` below, sorted) and globs to a list of files.

    Raises:
        InputError: a path matches no file.
    """
    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-" or path.is_file():
            files.append(raw)
        elif path.is_dir():
            found = sorted(str(p) for p in path.rglob("*.jsonl") if p.is_file())
            if not found:
                raise InputError(raw, "the folder holds no *.jsonl file")
            files.extend(found)
        else:
            found = sorted(
                p for p in glob.glob(raw, recursive=True) if Path(p).is_file()
            )
            if not found:
                raise InputError(raw, "no such file, folder or matching glob")
            files.extend(found)
    return files


def _lines(file: str) -> Iterator[tuple[int, str]]:
    handle = sys.stdin if file == "-" else open(file, encoding="utf-8")  # noqa: SIM115
    try:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, line
    except UnicodeDecodeError as exc:
        raise InputError(file, f"not UTF-8 ({exc.reason})") from None
    finally:
        if handle is not sys.stdin:
            handle.close()


def _flatten(article: dict[str, Any]) -> list[dict[str, Any]]:
    base = {key: article.get(key) for key in _ARTICLE_FIELDS}
    return [
        {**fact, **base, "schema": FACT_SCHEMA, "article_id": article.get("id")}
        for fact in article.get("facts") or ()
    ]


def read_facts(paths: Iterable[str], *, articles: Iterable[str] = ()) -> FactData:
    """Read fact rows from ``paths``; article records there are flattened into fact rows.

    Args:
        paths: fact JSONL files, folders or globs (``extract --facts`` output or a flow's sink);
            article records (``extract`` default output) are accepted too.
        articles: more files, folders or globs of article records, read for their text only.

    Returns:
        The rows in input order and the texts of the articles they cite.

    Raises:
        InputError: a path matches nothing or a line is not a JSON object.
    """
    data = FactData(files=expand_paths(paths))
    all_texts: dict[str, str] = {}
    for file in data.files:
        for number, line in _lines(file):
            record = _parse(file, number, line)
            if record.get("schema") == ARTICLE_SCHEMA or (
                "text" in record and "facts" in record
            ):
                data.rows.extend(_flatten(record))
                if isinstance(record.get("text"), str) and record.get("id") is not None:
                    all_texts[str(record["id"])] = record["text"]
            elif "evidence" in record and "kind" in record:
                data.rows.append(record)
            else:
                data.skipped += 1
    for file in expand_paths(articles):
        for number, line in _lines(file):
            record = _parse(file, number, line)
            if isinstance(record.get("text"), str) and record.get("id") is not None:
                all_texts[str(record["id"])] = record["text"]
    cited = {str(row.get("article_id")) for row in data.rows}
    data.texts = {key: text for key, text in all_texts.items() if key in cited}
    return data


def _parse(file: str, number: int, line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{file}:{number}", f"not JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{file}:{number}", "a line must hold one JSON object")
    return record
