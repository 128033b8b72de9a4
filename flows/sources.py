"""Where articles come from: folders, JSONL files, RSS/Atom feeds and URL lists (no Prefect here).

Everything in this module is plain Python so that it can be tested without an orchestrator;
the flows in this package only call it. Text extraction is the library's job: an HTML page goes
through ``extractors.readers.parse_html`` (trafilatura), a file through
``extractors.readers.iter_articles``. What lives here is I/O and the parsing of containers
(feeds, URL lists), never the extraction of facts.

Fetching is deliberately conservative: only ``http``/``https``, an identifying User-Agent,
timeouts, a size cap, retries with exponential backoff on transient failures, redirects
followed by hand so that every hop is checked, and a refusal of private, loopback, link-local
and otherwise non-public addresses unless the caller allows them (``allow_private=True``; the
tests serve feeds from 127.0.0.1 that way). The address check resolves the host name before
connecting; it does not pin the resolved address, so a DNS answer that changes between the
check and the connection (DNS rebinding) is not caught: run the fetcher behind an egress proxy
where that matters.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from newsfacts.extractors.errors import InputError
from newsfacts.extractors.readers import RawArticle, find_files, iter_articles, parse_html
from newsfacts.extractors.version import __version__

__all__ = [
    "FeedItem",
    "FeedResult",
    "FetchConfig",
    "FetchError",
    "Fetched",
    "FolderScan",
    "UnsafeURL",
    "check_url",
    "content_key",
    "feed_item_article",
    "fetch",
    "make_client",
    "parse_feed",
    "read_files",
    "read_url_list",
    "scan_folder",
    "url_article",
]

log = logging.getLogger(__name__)

USER_AGENT = f"newsfacts/{__version__} (+https://github.com/newsfacts/newsfacts; news fact extraction)"
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


class FetchError(InputError):
    """A URL could not be fetched (network error, HTTP error, too large, too many redirects)."""


class UnsafeURL(FetchError):
    """A URL was refused before any connection: wrong scheme or a non-public address."""


@dataclass(frozen=True)
class FetchConfig:
    """How to fetch: limits, retries and the private-address allowance."""

    timeout: float = 10.0
    max_bytes: int = 5_000_000
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    """One fetched resource: the body (at most ``max_bytes``) and where it finally came from."""

    url: str
    final_url: str
    status: int
    content_type: str
    content: bytes


# ---------------------------------------------------------------------------------------------
# URL safety and fetching


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse a URL that is not http(s) or whose host resolves to a non-public address.

    Raises:
        UnsafeURL: with the reason and, for private addresses, how to allow them.
    """
    try:
        parts = urlsplit(url)
        port = parts.port  # raises for a port out of range or not a number
        host = parts.hostname
    except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535"
        raise UnsafeURL(url, f"malformed URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL(url, f"only http and https URLs are fetched, not {parts.scheme or 'no'!r} scheme")
    if not host:
        raise UnsafeURL(url, "the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc.strerror})") from None
    except UnicodeError as exc:  # a label over 63 characters, bad IDNA
        raise UnsafeURL(url, f"malformed host name ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise UnsafeURL(
                url,
                f"host {host!r} resolves to the non-public address {address}",
                hint="pass allow_private=True (flow parameter) to fetch from private networks",
            )


def make_client(config: FetchConfig) -> httpx.Client:
    """An httpx client with our timeouts and User-Agent; redirects are followed by ``fetch``."""
    return httpx.Client(
        timeout=config.timeout,
        follow_redirects=False,
        headers={"User-Agent": config.user_agent, "Accept-Encoding": "gzip, deflate"},
    )


def fetch(url: str, *, config: FetchConfig, client: httpx.Client | None = None) -> Fetched:
    """GET a URL with retries and backoff on transient failures.

    Each attempt has a total deadline of ``config.timeout`` seconds, redirects and body included
    (httpx's own timeout counts only silence, so a server sending a byte every few seconds would
    hold it for ever); it is checked between received chunks, so an attempt ends at most one
    silence timeout after its deadline.

    Raises:
        UnsafeURL: the URL (or a redirect target) is refused.
        FetchError: after the last retry, or at once for a permanent HTTP error, a deadline
            overrun or a URL that httpx cannot use. Nothing else: one bad URL is one dead letter.
    """
    own = client is None
    client = client or make_client(config)
    try:
        for attempt in range(config.retries + 1):
            try:
                return _fetch_once(url, config, client)
            except InputError:
                raise
            except (httpx.InvalidURL, httpx.HTTPError, ValueError, UnicodeError) as exc:
                raise FetchError(url, f"{type(exc).__name__}: {exc}") from None
            except _Transient as exc:
                if attempt == config.retries:
                    raise FetchError(url, f"{exc} (after {attempt + 1} attempts)") from None
                delay = config.backoff * 2**attempt
                log.info("fetching %s failed (%s); retry %d in %.1f s", url, exc, attempt + 1, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")
    finally:
        if own:
            client.close()


class _Transient(Exception):
    """A failure worth retrying: connection errors, timeouts, 5xx and 429."""


def _fetch_once(url: str, config: FetchConfig, client: httpx.Client) -> Fetched:
    current = url
    deadline = time.monotonic() + config.timeout
    with _Guillotine(deadline) as guillotine:
        for _ in range(config.max_redirects + 1):
            check_url(current, allow_private=config.allow_private)
            left = deadline - time.monotonic()
            if left <= 0:
                raise FetchError(url, f"no complete response within {config.timeout:g} s")
            try:
                with client.stream(
                    "GET", current, timeout=min(left, config.timeout), extensions={"trace": guillotine.trace}
                ) as response:
                    if response.status_code in _REDIRECT_STATUS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code in _RETRY_STATUS:
                        raise _Transient(f"HTTP {response.status_code}")
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code} from {current}")
                    body = _read_capped(response, url, config.max_bytes, deadline=deadline, budget=config.timeout)
                    if guillotine.fired:  # a body read until the connection closes ends quietly when cut
                        raise FetchError(
                            url, f"no complete response within {config.timeout:g} s (the server sends too slowly)"
                        )
                    return Fetched(
                        url=url,
                        final_url=current,
                        status=response.status_code,
                        content_type=response.headers.get("content-type", ""),
                        content=body,
                    )
            except httpx.TransportError as exc:  # connect, read, timeouts, protocol errors
                if guillotine.fired:
                    raise FetchError(
                        url, f"no complete response within {config.timeout:g} s (the server sends too slowly)"
                    ) from None
                raise _Transient(f"{type(exc).__name__}: {exc}") from None
        raise FetchError(url, f"more than {config.max_redirects} redirects")


class _Guillotine:
    """Shuts the request's socket down at the deadline, so that even a server trickling its
    headers (which no httpx timeout bounds) is cut off; between body chunks ``_read_capped``
    checks the deadline itself. The socket comes from httpcore's ``trace`` extension."""

    def __init__(self, deadline: float) -> None:
        self.deadline, self.fired = deadline, False
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._cut)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                self._sockets.append(sock)

    def _cut(self) -> None:
        self.fired = True
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Guillotine:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _read_capped(
    response: httpx.Response, url: str, max_bytes: int, *, deadline: float | None = None, budget: float = 0.0
) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"the response is {int(declared)} bytes, over the {max_bytes}-byte limit")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"the response is over the {max_bytes}-byte limit")
        if deadline is not None and time.monotonic() > deadline:
            raise FetchError(url, f"no complete response within {budget:g} s (the server sends too slowly)")
        chunks.append(chunk)
    return b"".join(chunks)


def url_article(url: str, *, config: FetchConfig, client: httpx.Client | None = None) -> RawArticle:
    """Fetch a page and read its main text through the library (``parse_html``).

    Raises:
        FetchError, UnsafeURL, InputError: the page cannot be fetched or holds no article text.
    """
    fetched = fetch(url, config=config, client=client)
    raw = parse_html(fetched.content, source=url)
    return RawArticle(
        text=raw.text,
        source=url,
        input_format="html",
        id=url,
        title=raw.title,
        published=raw.published,
        url=url,
        language=raw.language,
    )


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """The URLs of a text file, one a line; blank lines and ``#`` comments are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# ---------------------------------------------------------------------------------------------
# Feeds


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: its text as the feed gives it, plus what is needed to fetch the page."""

    feed: str
    id: str
    link: str | None
    title: str | None
    text: str
    published: date | None


@dataclass
class FeedResult:
    """What could be read from one feed, and a report of the rest."""

    feed: str
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_feed(data: bytes, *, source: str, content_type: str | None = None) -> FeedResult:
    """Parse RSS 0.9x/1.0/2.0 or Atom bytes; a malformed feed yields the entries that can be read.

    Args:
        data: the feed's bytes.
        source: its URL (relative item links are resolved against it) or path.
        content_type: the HTTP Content-Type, when fetched; the XML declaration decides otherwise.

    The encoding comes from the HTTP header or the XML declaration (feedparser); an entry
    without any text is reported, not returned.
    """
    import feedparser  # lazy: only feed flows pay for it

    headers = {"content-type": content_type or "application/xml"}
    if "://" in source:
        headers["content-location"] = source
    parsed = feedparser.parse(data, response_headers=headers)
    result = FeedResult(feed=source, title=parsed.feed.get("title") or None)
    if parsed.bozo:
        exc = parsed.get("bozo_exception")
        result.problems.append(f"malformed feed, read what could be read: {type(exc).__name__}: {exc}")
    if not parsed.entries and not parsed.bozo:
        result.problems.append("the feed has no entries")
    for n, entry in enumerate(parsed.entries):
        item = _feed_item(entry, source, n)
        if isinstance(item, str):
            result.problems.append(item)
        else:
            result.items.append(item)
    return result


def _feed_item(entry: Any, source: str, n: int) -> FeedItem | str:
    link = entry.get("link") or None
    title = _plain(entry.get("title") or "") or None
    bodies = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    body = max((_plain(b) for b in bodies), key=len, default="")
    text = "\n\n".join(part for part in (title, body) if part)
    if not text.strip():
        return f"entry {n} ({link or 'no link'}): no title or text"
    published = None
    # plain dict lookups: feedparser's own mapping between "updated" and "published" warns
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if stamp:
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    return FeedItem(
        feed=source,
        id=str(entry.get("id") or link or f"{source}#{n}"),
        link=link,
        title=title,
        text=text,
        published=published,
    )


def _plain(markup: str) -> str:
    """The text of an HTML fragment as a feed gives it (summaries are often escaped HTML)."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(f"<div>{markup}</div>").text_content().split())
    except Exception:  # lxml's ParserError and friends: keep the raw text rather than lose it
        return markup.strip()


def feed_item_article(item: FeedItem) -> RawArticle:
    """The feed's own text for an item, as a ``RawArticle`` (no page fetch)."""
    return RawArticle(
        text=item.text,
        source=item.feed,
        input_format="feed",
        id=item.id,
        title=item.title,
        published=item.published,
        url=item.link,
    )


# ---------------------------------------------------------------------------------------------
# Folders: only new or changed files since the last run


@dataclass
class FolderScan:
    """The files of a folder or glob that are new or changed since the state file was written."""

    state_path: Path
    changed: list[str]
    current: dict[str, list[int]]

    def commit(self, done: Iterable[str] | None = None) -> None:
        """Record the files as seen (all, or only ``done``), atomically (temp file + rename)."""
        previous = _load_state(self.state_path)
        keep = self.current if done is None else {p: self.current[p] for p in done if p in self.current}
        merged = {p: s for p, s in previous.items() if p in self.current} | keep
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(merged, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.state_path)


def scan_folder(root: str, *, pattern: str = "**/*", state_dir: str | os.PathLike[str]) -> FolderScan:
    """List the visible files under ``root`` matching ``pattern`` whose size or mtime changed.

    The state lives in ``state_dir`` under a name derived from ``root`` and ``pattern``, so several
    watched folders can share one output folder.
    """
    base = Path(root)
    current: dict[str, list[int]] = {}
    for name in find_files(root, pattern):  # the readers' rules: regular files, no link loops
        try:
            st = os.stat(name)
        except OSError:
            continue
        current[name] = [st.st_size, st.st_mtime_ns]
    key = hashlib.sha256(f"{base.resolve()}\0{pattern}".encode()).hexdigest()[:16]
    state_path = Path(state_dir) / f"folder-{key}.json"
    previous = _load_state(state_path)
    changed = [p for p, stat in current.items() if previous.get(p) != stat]
    return FolderScan(state_path=state_path, changed=changed, current=current)


def _load_state(path: Path) -> dict[str, list[int]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError) as exc:
        log.warning("ignoring unreadable folder state %s (%s): every file counts as new", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def read_files(paths: Iterable[str]) -> Iterator[RawArticle | InputError]:
    """Every article (or the error standing in for it) in these files, through the library's readers."""
    yield from iter_articles(list(paths))


# ---------------------------------------------------------------------------------------------
# Content keys for the "already processed" ledger


def content_key(raw: RawArticle, *, ner: str | None, lang: str | None = None) -> str:
    """A hash of everything that decides an article's facts: text, metadata, model, library version.

    Two runs over an unchanged article give the same key, so the second one skips it; a new
    extractor version or another model gives a new key, so the article is processed again.
    """
    # not the source path: a file moved or a JSONL line shifted down is the same article
    parts = [
        __version__,
        ner or "",
        lang or raw.language or "",
        raw.id or "",
        raw.title or "",
        raw.published.isoformat() if raw.published else "",
        raw.url or "",
        raw.text,
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
