"""Read inputs for the ``extract`` command: files, folders, globs, standard input.

Every input yields either a ``RawArticle`` or an ``InputError`` (never raises for a bad input),
so that one bad article never stops a batch: the caller reports the error and goes on.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import stat
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
    "PUBLISHED_YEARS",
    "RawArticle",
    "find_files",
    "guess_format",
    "iter_articles",
    "parse_html",
    "parse_record",
]

log = logging.getLogger(__name__)

FORMATS = ("txt", "html", "json", "jsonl")
DEFAULT_MAX_BYTES = 20_000_000  # one article; JSONL files are read line by line instead
_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    "": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_GLOB_CHARS = set("*?[")
#: The publication years the library resolves periods against; a ``published`` outside them
#: (0001-01-01 or 9999-12-31 from a broken feed) is dropped with a warning, not the article:
#: "last year" of year 1 is no date.
PUBLISHED_YEARS = range(1700, 2300)
_SURROGATE = re.compile("[\ud800-\udfff]")


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
            yield from _guarded(_read_file(file, fmt, max_bytes), file)


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """The items of one file; whatever a reader raises becomes that file's error, never the batch's.

    The readers turn every failure they know into an ``InputError``; this is the net for the ones
    they do not (a parser's bug, a library's ``RecursionError``), logged with its traceback.
    """
    try:
        yield from items
    except Exception as exc:
        log.debug("unexpected error reading %s", source, exc_info=True)
        yield InputError(source, f"unreadable ({type(exc).__name__}: {str(exc)[:200]})")


def find_files(root: str, pattern: str = "**/*") -> list[str]:
    """The regular, visible files under ``root`` whose path matches ``pattern``, sorted, each once.

    The rules every reader shares (the ``extract`` command's folders and globs, the flows' watched
    folders): only regular files (a FIFO would block the read forever, a device never ends),
    nothing under a name starting with ".", no folder entered through a symbolic link by ``**``
    (pathlib's recursive glob does not follow them, so a link loop neither multiplies the files
    nor runs forever), and one file reached by two paths read once (the first, sorted).
    """
    base = Path(root)
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for path in sorted(base.glob(pattern)):
        if any(part.startswith(".") for part in path.relative_to(base).parts):
            continue
        try:
            st = path.stat()
        except OSError:  # a dangling link, a file removed meanwhile
            continue
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        found.append(str(path))
    return found


def guess_format(path: str) -> str | None:
    """The input format from a file name; None for a suffix we do not read."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def _expand(path: str) -> list[str] | InputError:
    """A file, every visible regular file under a folder, or the files a glob matches, sorted."""
    if os.path.isfile(path):
        return [path]
    if os.path.isdir(path):
        return find_files(path)
    if os.path.exists(path):
        return InputError(
            path, "not a regular file (a FIFO, socket or device)", hint="pipe it into standard input: extract - < FILE"
        )
    if _GLOB_CHARS & set(path):
        base, pattern = _split_glob(path)
        try:
            matches = find_files(base, pattern) if os.path.isdir(base) else []
        except (ValueError, NotImplementedError) as exc:  # a pattern pathlib refuses
            return InputError(path, f"unusable pattern ({exc})")
        if matches:
            return matches
        return InputError(path, "the pattern matches no file")
    return InputError(path, "no such file or directory")


def _split_glob(path: str) -> tuple[str, str]:
    """``news/2024/**/*.txt`` -> (``news/2024``, ``**/*.txt``): the folder before the first wildcard."""
    parts = Path(path).parts
    cut = next(i for i, part in enumerate(parts) if _GLOB_CHARS & set(part))
    base = str(Path(*parts[:cut])) if cut else "."
    return base, str(Path(*parts[cut:]))


def _open_regular(path: str) -> BinaryIO:
    """Open a file for reading, refusing anything but a regular file without blocking on it.

    ``O_NONBLOCK`` makes opening a FIFO return at once (a plain open waits for a writer), so a
    FIFO swapped in after the folder was listed is refused here rather than hanging the batch.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(path, "not a regular file (a FIFO, socket or device)")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_file(path: str, fmt: str, max_bytes: int) -> Iterator[Item]:
    try:
        with _open_regular(path) as handle:
            if fmt == "jsonl":
                yield from _read_jsonl(handle, path, max_bytes)
                return
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                yield InputError(
                    path,
                    f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article",
                    hint="split it into articles, pass it as JSONL, or raise --max-bytes",
                )
                return
            data = handle.read(max_bytes + 1)
    except InputError as exc:
        yield exc
        return
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
        yield InputError(
            source, f"more than {max_bytes / 1e6:.0f} MB for one article", hint="pass it as JSONL or raise --max-bytes"
        )
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
    for lineno, raw in _bounded_lines(handle, max_bytes):
        where = f"{source}:{lineno}"
        if raw is None:
            seen = True
            yield InputError(where, f"the line is over the {max_bytes / 1e6:.0f} MB limit", hint="raise --max-bytes")
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        seen = True
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield InputError(where, f"malformed JSON ({exc})", hint="each line must be one JSON object")
            continue
        except (ValueError, RecursionError) as exc:  # nesting too deep, a number past 4,300 digits
            yield InputError(where, f"unreadable JSON ({_short(exc)})", hint="each line must be one JSON object")
            continue
        yield _record_or_error(obj, where)
    if not seen:
        yield InputError(source, "the input is empty", hint="nothing to extract")


def _bounded_lines(handle: BinaryIO | io.BufferedReader, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most ``max_bytes``; a longer one is skipped unkept (None).

    The size is checked while reading, not after: a 300 MB line costs 1 MB of memory, not 600.
    """
    lineno = 0
    while raw := handle.readline(max_bytes + 1):
        lineno += 1
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield lineno, raw
            continue
        while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield lineno, None


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _parse_json(text: str, source: str) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON ({exc})") from None
    except (ValueError, RecursionError) as exc:  # nesting too deep, a number past 4,300 digits
        raise InputError(source, f"unreadable JSON ({_short(exc)})") from None
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
        raise InputError(source, "the record has no 'text' string", hint='add a "text" field')
    if not text.strip():
        raise NoArticleText(source, "the record's text is empty")
    record_id = obj.get("id")
    return RawArticle(
        text=_no_surrogates(text),
        source=source,
        input_format="json",
        id=None if record_id is None else _no_surrogates(str(record_id)),
        title=_opt_str(obj.get("title")),
        published=_parse_date(obj.get("published"), source),
        url=_opt_str(obj.get("url")),
        language=_opt_str(obj.get("language")),
    )


def _no_surrogates(text: str) -> str:
    """A lone surrogate (JSON's ``"\\ud800"``) as U+FFFD: one character for one, offsets unchanged.

    JSON may escape one half of a UTF-16 pair alone; Python keeps it, and the first UTF-8 encode
    (the article id's hash, the output line) fails on it.
    """
    return _SURROGATE.sub("\ufffd", text)


def _opt_str(value: Any) -> str | None:
    return _no_surrogates(value) if isinstance(value, str) and value.strip() else None


def _parse_date(value: Any, source: str) -> date | None:
    """ISO dates and datetimes; anything else is dropped with a warning, not the article."""
    if value in (None, ""):
        return None
    try:
        text = str(value).strip().replace("Z", "+00:00")
        day = datetime.fromisoformat(text).date() if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        log.warning("%s: ignoring published=%r (expected YYYY-MM-DD)", source, value)
        return None
    if day.year not in PUBLISHED_YEARS:
        log.warning(
            "%s: ignoring published=%r (outside the years %d-%d)",
            source,
            value,
            PUBLISHED_YEARS.start,
            PUBLISHED_YEARS.stop - 1,
        )
        return None
    return day


def parse_html(data: bytes, *, source: str) -> RawArticle:
    """The main text, title, date and URL of an HTML page, through trafilatura.

    Raises:
        NoArticleText: the page holds no article text (a navigation page, an empty shell).
    """
    html = decode_bytes(data, source=source)
    import trafilatura  # lazy: costs ~0.8 s, only HTML inputs pay for it

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True, fast=True
    )
    meta: dict[str, Any] = doc if isinstance(doc, dict) else (doc.as_dict() if doc is not None else {})
    text = meta.get("text") or ""
    if not text.strip():
        raise NoArticleText(source, "the HTML page has no article text", hint="is it a navigation or index page?")
    return RawArticle(
        text=text,
        source=source,
        input_format="html",
        title=_opt_str(meta.get("title")),
        published=_parse_date(meta.get("date"), source),
        url=_opt_str(meta.get("url")),
        language=None,
    )
