"""The one path from a read input into the library, and the one dead-letter record, for every shell.

The ``extract`` command (``extractors/cli.py``) and the flows (``flows/batch.py``, ``flows/ingest.py``)
read their inputs with ``extractors.readers`` and hand each ``RawArticle`` to :func:`extract_raw`,
so a file gives the same record whichever shell read it. An input that fails becomes a
:class:`DeadLetter` of one shape, whether the CLI appends it to its ``--dead-letter`` file or a flow
to its ``dead_letters.jsonl``. No I/O here: the shells write the lines (:func:`dead_letter_line`).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import logging
import signal
import threading
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from newsfacts.extractors.errors import InputError, NewsfactsError
from newsfacts.extractors.readers import PUBLISHED_YEARS, RawArticle
from newsfacts.extractors.version import __version__

if TYPE_CHECKING:  # the records import pydantic: the CLI's --help and usage errors skip it
    from newsfacts.extractors.records import Article

__all__ = [
    "DEAD_LETTER_SCHEMA",
    "DEFAULT_ARTICLE_TIMEOUT",
    "ArticleTimeout",
    "DeadLetter",
    "Stage",
    "dead_letter",
    "dead_letter_line",
    "deadline",
    "extract_or_letter",
    "extract_raw",
    "failure_key",
    "letter_for",
]

log = logging.getLogger(__name__)

DEAD_LETTER_SCHEMA = "newsfacts.dead_letter/1"

#: Seconds one article may take in the library before it becomes a dead letter with a ``timeout``
#: reason. Generous for a cold start (loading a model and a language pack takes a few seconds on
#: the first article of a process), tight enough that no article stalls a worker for minutes.
DEFAULT_ARTICLE_TIMEOUT = 30.0

#: Where an input failed: read (files, stdin, JSONL lines), fetch / fetch-feed / fetch-page (the
#: flows' HTTP sources), extract (the library raised), task (a flow's worker or task crashed).
Stage = Literal["read", "fetch", "fetch-feed", "fetch-page", "extract", "task"]


class DeadLetter(TypedDict):
    """One input that gave no article record: where it came from, where it failed, and why.

    ``key`` identifies the failure (source, stage and reason), so a sink that sees the same
    failure again, as a schedule re-reading a broken input does, can skip it.
    """

    schema: str
    key: str
    source: str
    id: str | None
    url: str | None
    stage: Stage
    error: str  # the exception's class name, e.g. "NoArticleText"
    reason: str  # the message, as logged
    at: str  # ISO 8601, UTC, seconds
    extractor_version: str


def failure_key(source: str, stage: str, reason: str) -> str:
    """A short stable hash of a failure (the formula the flows' sink has always used)."""
    return hashlib.sha256(json.dumps([source, stage, reason]).encode()).hexdigest()[:20]


def dead_letter(
    source: str,
    reason: str,
    *,
    error: str,
    stage: Stage,
    id: str | None = None,  # noqa: A002
    url: str | None = None,
) -> DeadLetter:
    """The dead-letter record every shell writes."""
    return DeadLetter(
        schema=DEAD_LETTER_SCHEMA,
        key=failure_key(source, stage, reason),
        source=source,
        id=id,
        url=url,
        stage=stage,
        error=error,
        reason=reason,
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        extractor_version=__version__,
    )


def letter_for(
    exc: BaseException, *, stage: Stage, source: str | None = None, id: str | None = None, url: str | None = None
) -> DeadLetter:  # noqa: A002
    """The dead letter for an exception; an ``InputError`` names its own source (its path)."""
    if source is None:
        source = exc.path if isinstance(exc, InputError) else "<unknown>"
    return dead_letter(source, str(exc), error=type(exc).__name__, stage=stage, id=id, url=url)


def dead_letter_line(letter: Mapping[str, object]) -> str:
    """One JSON line, keys sorted, so the CLI's file and a flow's file read the same."""
    return json.dumps(letter, ensure_ascii=False, sort_keys=True)


class ArticleTimeout(BaseException):
    """One article ran past its time budget.

    A ``BaseException`` (like ``KeyboardInterrupt``), so that no ``except Exception`` inside a
    library it interrupts can swallow it; :func:`extract_or_letter` turns it into a dead letter.
    """

    def __init__(self, seconds: float | None = None) -> None:  # posted to a thread: made without args
        self.seconds = seconds
        super().__init__(_timeout_reason(seconds))


def _timeout_reason(seconds: float | None) -> str:
    budget = "" if seconds is None else f" within {seconds:g} s"
    return f"timeout: no result{budget} (the per-article time budget)"


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this thread when the block runs longer than ``seconds``.

    Two mechanisms, because Python offers no single one that works everywhere:

    - the main thread (the ``extract`` command) gets ``SIGALRM`` through ``setitimer``: its handler
      runs even inside one long regular-expression search, which checks for signals;
    - any other thread (the flows' thread-pool and Dask workers) gets the exception posted by a
      timer thread with ``PyThreadState_SetAsyncExc``; it is raised at the thread's next Python
      bytecode, so a single long C call (one regex search) finishes before it takes effect.

    ``None`` or ``0`` means no budget. The block's own exceptions pass through unchanged.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if (
        threading.current_thread() is threading.main_thread()
        and hasattr(signal, "setitimer")
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    ):
        with _alarm(seconds):
            yield
        return
    with _posted(seconds):
        yield


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(_signum: int, _frame: Any) -> None:
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _posted(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:  # posted but maybe not raised yet: never let it escape the block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


def _sane_published(value: date | None, source: str) -> date | None:
    if value is None or value.year in PUBLISHED_YEARS:
        return value
    log.warning(
        "%s: ignoring published=%s (outside the years %d-%d)",
        source,
        value.isoformat(),
        PUBLISHED_YEARS.start,
        PUBLISHED_YEARS.stop - 1,
    )
    return None


def extract_raw(
    raw: RawArticle,
    *,
    lang: str | None = None,
    published: date | None = None,
    ner: str | None = None,
    min_confidence: float | None = None,
) -> Article:
    """Extract one article as read: the input's metadata goes to ``extract_article`` unchanged.

    Args:
        raw: the article from ``extractors.readers`` (or a flow's source).
        lang: the language of every input (``--lang``); the input's own ``language``, else
            detection, when None.
        published: the date for inputs that carry none (``--published``).
        ner: the NER model name; the language's default when None.
        min_confidence: the facts' floor; the library's default when None.

    Only plain text is searched for a title/date header: HTML and JSON inputs bring their own.
    """
    from newsfacts.extractors.pipeline import extract_article  # lazy: keeps --help and usage errors fast

    when = _sane_published(raw.published, raw.source) or _sane_published(published, raw.source)
    return extract_article(
        raw.text,
        lang=lang or raw.language,
        published=when,
        ner=ner,
        title=raw.title,
        id=raw.id,
        source=raw.source,
        url=raw.url,
        header=raw.input_format == "txt",
        min_confidence=min_confidence,
    )


def extract_or_letter(
    raw: RawArticle,
    *,
    lang: str | None = None,
    published: date | None = None,
    ner: str | None = None,
    min_confidence: float | None = None,
    timeout: float | None = None,
) -> Article | DeadLetter:
    """:func:`extract_raw` that never raises: the record, or the dead letter standing in for it.

    One bad article must not stop a batch. Errors of our own tree are expected (an unsupported
    language, a model that does not load); anything else is a bug, logged here with its traceback.
    ``timeout`` is the article's time budget in seconds (:func:`deadline`; None: unlimited); an
    article past it is a dead letter whose reason starts with ``timeout``.
    """
    try:
        with deadline(timeout):
            return extract_raw(raw, lang=lang, published=published, ner=ner, min_confidence=min_confidence)
    except ArticleTimeout:
        log.warning("%s: %s", raw.source, _timeout_reason(timeout))
        return dead_letter(
            raw.source,
            f"{raw.source}: {_timeout_reason(timeout)}",
            error="ArticleTimeout",
            stage="extract",
            id=raw.id,
            url=raw.url,
        )
    except Exception as exc:
        if not isinstance(exc, NewsfactsError):
            log.exception("unexpected error on %s", raw.source)
        return letter_for(exc, stage="extract", source=raw.source, id=raw.id, url=raw.url)
