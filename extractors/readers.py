"""Read inputs for the ``extract`` command: files, folders, globs, standard input.

Every input yields either a ``RawArticle`` or an ``InputError`` (never raises for a bad input),
so that one bad article never stops a batch: the caller reports the error and goes on.
"""

from __future__ import annotations

import glob
import io
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from newsfacts.extractors.decoding import decode_bytes
from newsfacts.extractors.errors import InputError, NoArticleText

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "RawArticle",
    "guess_format",
    "iter_articles",
    "parse_html",
    "parse_record",
]

log = logging.getLogger(__name__)

FORMATS = ("txt", "html", "json", "jsonl")
DEFAULT_MAX_BYTES = 20_000_000  # one article; JSONL files are read line by line instead
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "txt", "": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class RawArticle:
    """An article as read, before extraction: text plus whatever metadata the input carried."""

    text: str
    source: str
    input_format: str = "txt"
    id: str | None = None
    title: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None


Item = RawArticle | InputError


def iter_articles(
    paths: Iterable[str],
    *,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Yield every article (or the error that stands in for it) from the given paths, in order.

    Args:
        paths: files, folders, globs, or ``-`` for standard input.
        input_format: ``txt``, ``html``, ``json`` or ``jsonl``; guessed per file when None.
        max_bytes: the largest single-article file (or JSONL line) accepted.
        stdin: the stream ``-`` reads (``sys.stdin.buffer`` by default).
    """
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, "<stdin>", input_format or "txt", max_bytes)
            continue
        files = _expand(path)
        if isinstance(files, InputError):
            yield files
            continue
        for file in files:
            fmt = input_format or guess_format(file)
            if fmt is None:
                log.info("skipping %s: unknown file type (use --input-format)", file)
                continue
            yield from _read_file(file, fmt, max_bytes)


def guess_format(path: str) -> str | None:
    """The input format from a file name; None for a suffix we do not read."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def _expand(path: str) -> list[str] | InputError:
    """A file, every visible file under a folder, or the files a glob matches, sorted."""
    if os.path.isfile(path):
        return [path]
    if os.path.isdir(path):
        found = []
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
        return found
    if _GLOB_CHARS & set(path):
        matches = sorted(m for m in glob.glob(path, recursive=True) if os.path.isfile(m))
        if matches:
            return matches
        return InputError(path, "the pattern matches no file")
    return InputError(path, "no such file or directory")


def _read_file(path: str, fmt: str, max_bytes: int) -> Iterator[Item]:
    try:
        if fmt == "jsonl":
            with open(path, "rb") as handle:
                yield from _read_jsonl(handle, path, max_bytes)
            return
        size = os.path.getsize(path)
        if size > max_bytes:
            yield InputError(path, f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB"
                             " limit for one article",
                             hint="split it into articles, pass it as JSONL, or raise --max-bytes")
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield InputError(path, exc.strerror or str(exc))
        return
    yield from _parse_bytes(data, path, fmt)


def _read_stream(stream: BinaryIO, source: str, fmt: str, max_bytes: int) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from _read_jsonl(stream, source, max_bytes)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputError(source, f"more than {max_bytes / 1e6:.0f} MB for one article",
                         hint="pass it as JSONL or raise --max-bytes")
        return
    yield from _parse_bytes(data, source, fmt)


def _parse_bytes(data: bytes, source: str, fmt: str) -> Iterator[Item]:
    try:
        if fmt == "html":
            yield parse_html(data, source=source)
        elif fmt == "json":
            yield from _parse_json(decode_bytes(data, source=source), source)
        else:
            yield RawArticle(text=decode_bytes(data, source=source), source=source, input_format="txt")
    except InputError as exc:
        yield exc


def _read_jsonl(handle: BinaryIO | io.BufferedReader, source: str, max_bytes: int) -> Iterator[Item]:
    """One record per line; a bad line is an error for that line only."""
    seen = False
    for lineno, raw in enumerate(handle, start=1):
        where = f"{source}:{lineno}"
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        seen = True
        if len(raw) > max_bytes:
            yield InputError(where, f"the line is over the {max_bytes / 1e6:.0f} MB limit",
                             hint="raise --max-bytes")
            continue
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield InputError(where, f"malformed JSON ({exc})", hint="each line must be one JSON object")
            continue
        yield _record_or_error(obj, where)
    if not seen:
        yield InputError(source, "the input is empty", hint="nothing to extract")


def _parse_json(text: str, source: str) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON ({exc})") from None
    records = obj if isinstance(obj, list) else [obj]
    for n, record in enumerate(records):
        yield _record_or_error(record, source if len(records) == 1 else f"{source}[{n}]")


def _record_or_error(obj: Any, where: str) -> Item:
    try:
        return parse_record(obj, source=where)
    except InputError as exc:
        return exc


def parse_record(obj: Any, *, source: str) -> RawArticle:
    """A JSON record with ``text`` (required) and any of id, title, published, url, language."""
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(source, "the record has no 'text' string", hint="add a \"text\" field")
    if not text.strip():
        raise NoArticleText(source, "the record's text is empty")
    record_id = obj.get("id")
    return RawArticle(
        text=text,
        source=source,
        input_format="json",
        id=None if record_id is None else str(record_id),
        title=_opt_str(obj.get("title")),
        published=_parse_date(obj.get("published"), source),
        url=_opt_str(obj.get("url")),
        language=_opt_str(obj.get("language")),
    )


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _parse_date(value: Any, source: str) -> date | None:
    """ISO dates and datetimes; anything else is dropped with a warning, not the article."""
    if value in (None, ""):
        return None
    try:
        text = str(value).strip().replace("Z", "+00:00")
        return datetime.fromisoformat(text).date() if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        log.warning("%s: ignoring published=%r (expected YYYY-MM-DD)", source, value)
        return None


def parse_html(data: bytes, *, source: str) -> RawArticle:
    """The main text, title, date and URL of an HTML page, through trafilatura.

    Raises:
        NoArticleText: the page holds no article text (a navigation page, an empty shell).
    """
    html = decode_bytes(data, source=source)
    import trafilatura  # lazy: costs ~0.8 s, only HTML inputs pay for it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True, fast=True)
    meta = doc.as_dict() if doc is not None else {}
    text = meta.get("text") or ""
    if not text.strip():
        raise NoArticleText(source, "the HTML page has no article text",
                            hint="is it a navigation or index page?")
    return RawArticle(
        text=text,
        source=source,
        input_format="html",
        title=_opt_str(meta.get("title")),
        published=_parse_date(meta.get("date"), source),
        url=_opt_str(meta.get("url")),
        language=None,
    )
