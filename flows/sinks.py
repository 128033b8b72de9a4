"""Where results go: date-partitioned JSONL, a dead-letter file and a ledger (no Prefect here).

Layout of an output folder::

    out/
      facts/date=2024-08-01/facts.jsonl      fact rows (docs/CONTRACT.md) by the article's published
      facts/date=unknown/facts.jsonl         date; "unknown" when the article has none
      articles/date=…/articles.jsonl         full article records (optional)
      dead_letters.jsonl                     one line per article that failed, with the reason
      _state/processed.txt                   content keys of the articles already processed
      _state/folder-<hash>.json              sizes and mtimes of the files a folder flow has seen
      .lock                                  serialises writers (several flows, several workers)

Appends are atomic and idempotent:

- *Atomic*: each batch's lines go to a file in one ``O_APPEND`` write followed by ``fsync``, under
  an exclusive ``flock``. Should a process die in the middle (a full disk, a kill during a
  multi-part write), the next writer finds a last line without its newline and truncates it
  before appending, so a reader never sees a half line for long and a writer never builds on one.
- *Idempotent*: a row is written only if its key (``fact_id`` for facts) is not already in any
  partition. The index of keys is read from the files themselves (the files are the truth, there
  is no second copy to drift), incrementally: each writer remembers how far it has read.

The order of writes per batch is facts, articles, then the ledger: a crash between them means
the batch is processed again on the next run and its rows are skipped as duplicates.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfacts.extractors.shell import dead_letter_line, failure_key

__all__ = [
    "DeadLetters",
    "Ledger",
    "OutputFolder",
    "PartitionedJsonl",
    "Row",
    "append_atomic",
    "article_key",
    "parse_line",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Row:
    """One line for a partitioned sink: its dedup key, its partition (a date or "unknown"), the JSON."""

    key: str
    day: str
    line: str


def append_atomic(path: Path, lines: Iterable[str]) -> int:
    """Append whole lines in one write and fsync; returns the number of bytes written."""
    data = "".join(line.rstrip("\n") + "\n" for line in lines).encode("utf-8")
    if not data:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    return len(data)


def parse_line(raw: bytes | str, where: str) -> dict[str, Any] | None:
    """One line of a sink file as a JSON object, or None (logged) for a line that is not one.

    A line we cannot read (not JSON, a number past Python's 4,300-digit limit, nesting too deep,
    written by an older version or by hand) is skipped and reported, never a reason to refuse
    every later write to the folder.
    """
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, int digit limit, bad UTF-8
        log.warning("%s: skipping an unreadable line (%s)", where, str(exc)[:200])
        return None
    if not isinstance(record, dict):
        log.warning("%s: skipping a line that is not a JSON object", where)
        return None
    return record


def _repair_tail(path: Path) -> int:
    """Truncate a torn last line (no trailing newline); returns the size of the complete lines."""
    try:
        with open(path, "rb+") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size == 0:
                return 0
            handle.seek(size - 1)
            if handle.read(1) == b"\n":
                return size
            block = 1 << 16
            pos = size
            while pos > 0:
                start = max(0, pos - block)
                handle.seek(start)
                chunk = handle.read(pos - start)
                cut = chunk.rfind(b"\n")
                if cut >= 0:
                    keep = start + cut + 1
                    break
                pos = start
            else:
                keep = 0
            handle.truncate(keep)
            os.fsync(handle.fileno())
            return keep
    except FileNotFoundError:
        return 0


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class PartitionedJsonl:
    """JSONL files under ``root/date=<day>/<name>.jsonl``, deduplicated by a key per row."""

    def __init__(self, root: Path, name: str, key_of: Callable[[dict[str, Any]], str], lock: Path) -> None:
        self.root, self.name, self.key_of, self.lock = root, name, key_of, lock
        self._keys: set[str] = set()
        self._read_to: dict[Path, int] = {}

    def path(self, day: str) -> Path:
        """The file of one partition."""
        return self.root / f"date={day}" / f"{self.name}.jsonl"

    def append(self, rows: Iterable[Row]) -> int:
        """Append the rows whose key is new; returns how many were written."""
        rows = list(rows)
        if not rows:
            return 0
        with _locked(self.lock):
            self._refresh()
            fresh: dict[str, list[str]] = {}
            for row in rows:
                if row.key in self._keys:
                    continue
                self._keys.add(row.key)
                fresh.setdefault(row.day, []).append(row.line)
            for day, lines in fresh.items():
                path = self.path(day)
                _repair_tail(path)
                append_atomic(path, lines)
                self._read_to[path] = path.stat().st_size
            return sum(len(lines) for lines in fresh.values())

    def keys(self) -> set[str]:
        """Every key held on disk now."""
        with _locked(self.lock):
            self._refresh()
            return set(self._keys)

    def _refresh(self) -> None:
        """Read the keys of lines added since the last look (by us or by another writer)."""
        for path in sorted(self.root.glob(f"date=*/{self.name}.jsonl")):
            offset = self._read_to.get(path, 0)
            end = _repair_tail(path)
            if end <= offset:
                continue
            with open(path, "rb") as handle:
                handle.seek(offset)
                for raw in handle.read(end - offset).splitlines():
                    record = parse_line(raw, str(path)) if raw.strip() else None
                    if record is None:
                        continue
                    try:
                        self._keys.add(self.key_of(record))
                    except (KeyError, TypeError, AttributeError):
                        log.warning("%s: skipping a line without its key", path)
            self._read_to[path] = end


def article_key(record: dict[str, Any]) -> str:
    """The dedup key of an article record: its id and a hash of its text."""
    digest = hashlib.sha256(record.get("text", "").encode("utf-8")).hexdigest()[:16]
    return f"{record.get('id')}:{digest}"


class Ledger:
    """The content keys of articles already processed (one a line, append-only)."""

    def __init__(self, path: Path, lock: Path) -> None:
        self.path, self.lock = path, lock

    def load(self) -> set[str]:
        """Every key recorded so far."""
        with _locked(self.lock):
            end = _repair_tail(self.path)
            if end == 0:
                return set()
            return set(self.path.read_bytes()[:end].decode("ascii").split())

    def add(self, keys: Iterable[str]) -> None:
        """Record keys as processed."""
        keys = list(keys)
        if keys:
            with _locked(self.lock):
                _repair_tail(self.path)
                append_atomic(self.path, keys)


class DeadLetters:
    """One JSON line per failed article: where it came from, at which stage, and why.

    A failure already on file (same source, stage and reason) is not written again, so that a
    schedule re-reading a broken input does not fill the file; ``at`` is its first occurrence.
    """

    def __init__(self, path: Path, lock: Path) -> None:
        self.path, self.lock = path, lock

    def add(self, letters: Iterable[Mapping[str, Any]]) -> int:
        """Append the dead letters not already on file; returns how many were written."""
        letters = list(letters)
        if not letters:
            return 0
        with _locked(self.lock):
            end = _repair_tail(self.path)
            known = {
                record.get("key")
                for line in self._lines(end)
                if (record := parse_line(line, str(self.path))) is not None
            }
            lines = []
            for letter in letters:
                key = letter.get("key") or failure_key(letter["source"], letter["stage"], letter["reason"])
                if key not in known:
                    known.add(key)
                    lines.append(dead_letter_line({**letter, "key": key}))
            append_atomic(self.path, lines)
        return len(lines)

    def _lines(self, end: int) -> list[bytes]:
        if end == 0:
            return []
        with open(self.path, "rb") as handle:
            return [line for line in handle.read(end).splitlines() if line.strip()]

    def read(self) -> list[dict[str, Any]]:
        """Every dead letter so far."""
        if not self.path.exists():
            return []
        lines = self.path.read_bytes().splitlines()
        return [record for line in lines if line.strip() and (record := parse_line(line, str(self.path))) is not None]


class OutputFolder:
    """The sinks of one output folder (see the module docstring for the layout)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        lock = self.root / ".lock"
        self.facts = PartitionedJsonl(self.root / "facts", "facts", lambda row: str(row["fact_id"]), lock)
        self.articles = PartitionedJsonl(self.root / "articles", "articles", article_key, lock)
        self.dead_letters = DeadLetters(self.root / "dead_letters.jsonl", lock)
        self.ledger = Ledger(self.root / "_state" / "processed.txt", lock)
        self.state_dir = self.root / "_state"

    def fact_rows(self) -> list[dict[str, Any]]:
        """Every fact row on disk, partition by partition (for tests and small reports)."""
        rows: list[dict[str, Any]] = []
        for path in sorted((self.root / "facts").glob("date=*/facts.jsonl")):
            rows.extend(
                record
                for line in path.read_bytes().splitlines()
                if line.strip() and (record := parse_line(line, str(path))) is not None
            )
        return rows
