"""Read fact rows (and, optionally, article texts) from JSONL files, folders or globs."""

from __future__ import annotations

import glob
import json
import logging
import math
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.dashboard.errors import InputError
from newsfacts.extractors.records import ARTICLE_SCHEMA, FACT_SCHEMA, Fact, FactRow

__all__ = ["MAX_INTEGER_DIGITS", "FactData", "expand_paths", "read_facts"]

log = logging.getLogger(__name__)

#: Values of more integer digits are read as null, as the extractor writes them since version
#: 0.x (``extractors.pipeline.MAX_INTEGER_DIGITS``): a row written before, or by hand, with a
#: 4,000-digit amount must not break a sum or a float conversion.
MAX_INTEGER_DIGITS = 30
_NUMBER_FIELDS = ("amount_value", "amount_min", "amount_max", "count_value", "percent_value")

# The article fields a fact row carries (what `extract --facts` copies onto each fact), read off the
# records so that a field added there is flattened here too. The flattening below works on plain
# dicts, not on validated records: 100,000 rows stay fast and rows of an older or newer schema pass;
# tests/dashboard test_sources_flatten_matches_fact_rows keeps it equal to extractors' fact_rows.
_ARTICLE_FIELDS = tuple(
    name for name in FactRow.model_fields if name not in Fact.model_fields and name not in ("schema_", "article_id")
)


@dataclass
class FactData:
    """Fact rows as read, plus the article texts found alongside them."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # article id -> article text
    files: list[str] = field(default_factory=list)
    skipped: int = 0  # lines that were neither a fact row nor an article record
    unreadable: list[str] = field(default_factory=list)  # "file:line: why" for lines not read


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
            found = sorted(p for p in glob.glob(raw, recursive=True) if Path(p).is_file())
            if not found:
                raise InputError(raw, "no such file, folder or matching glob")
            files.extend(found)
    return files


def _lines(file: str) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of a file as bytes: each is decoded on its own, so one bad line is one."""
    handle = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
    try:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, line
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


def _flatten(article: dict[str, Any]) -> list[dict[str, Any]]:
    base = {key: article.get(key) for key in _ARTICLE_FIELDS}
    return [
        {**fact, **base, "schema": FACT_SCHEMA, "article_id": article.get("id")} for fact in article.get("facts") or ()
    ]


def read_facts(paths: Iterable[str], *, articles: Iterable[str] = ()) -> FactData:
    """Read fact rows from ``paths``; article records there are flattened into fact rows.

    Args:
        paths: fact JSONL files, folders or globs (``extract --facts`` output or a flow's sink);
            article records (``extract`` default output) are accepted too.
        articles: more files, folders or globs of article records, read for their text only.

    Returns:
        The rows in input order and the texts of the articles they cite.

    Lines that are no JSON object are skipped and listed in ``FactData.unreadable``; numbers beyond
    ``MAX_INTEGER_DIGITS`` are read as null.

    Raises:
        InputError: a path matches nothing.
    """
    data = FactData(files=expand_paths(paths))
    all_texts: dict[str, str] = {}
    for file in data.files:
        for number, line in _lines(file):
            record = _parse(file, number, line, data.unreadable)
            if record is None:
                continue
            if record.get("schema") == ARTICLE_SCHEMA or ("text" in record and "facts" in record):
                data.rows.extend(_capped(row) for row in _flatten(record))
                if isinstance(record.get("text"), str) and record.get("id") is not None:
                    all_texts[str(record["id"])] = record["text"]
            elif "evidence" in record and "kind" in record:
                data.rows.append(_capped(record))
            else:
                data.skipped += 1
    for file in expand_paths(articles):
        for number, line in _lines(file):
            record = _parse(file, number, line, data.unreadable)
            if record is not None and isinstance(record.get("text"), str) and record.get("id") is not None:
                all_texts[str(record["id"])] = record["text"]
    cited = {str(row.get("article_id")) for row in data.rows}
    data.texts = {key: text for key, text in all_texts.items() if key in cited}
    return data


def _parse(file: str, number: int, line: bytes, unreadable: list[str]) -> dict[str, Any] | None:
    """One line as a JSON object; None, noted in ``unreadable`` and logged, for a line that is not.

    A torn last line, a line written by hand or a number past Python's 4,300-digit limit is
    skipped and reported: one bad line must not hide every good row of a folder.
    """
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        why = f"not UTF-8 ({exc.reason})"
    except json.JSONDecodeError as exc:
        why = f"not JSON ({exc.msg})"
    except (ValueError, RecursionError) as exc:  # e.g. "Exceeds the limit (4300 digits)"
        why = f"unreadable JSON ({str(exc)[:120]})"
    else:
        if isinstance(record, dict):
            return record
        why = "a line must hold one JSON object"
    unreadable.append(f"{file}:{number}: {why}")
    log.warning("skipping %s:%d: %s", file, number, why)
    return None


def _capped(row: dict[str, Any]) -> dict[str, Any]:
    """The row with any number beyond ``MAX_INTEGER_DIGITS`` (or not finite) as None."""
    bad = [name for name in _NUMBER_FIELDS if _beyond(row.get(name))]
    return {**row, **dict.fromkeys(bad)} if bad else row


def _beyond(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return True
    return abs(value) >= 10**MAX_INTEGER_DIGITS
