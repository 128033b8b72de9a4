"""The one path from a read input into the library, and the one dead-letter record, for every shell.

The ``extract`` command (``extractors/cli.py``) and the flows (``flows/batch.py``, ``flows/ingest.py``)
read their inputs with ``extractors.readers`` and hand each ``RawArticle`` to :func:`extract_raw`,
so a file gives the same record whichever shell read it. An input that fails becomes a
:class:`DeadLetter` of one shape, whether the CLI appends it to its ``--dead-letter`` file or a flow
to its ``dead_letters.jsonl``. No I/O here: the shells write the lines (:func:`dead_letter_line`).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal, TypedDict

from newsfacts.extractors.errors import InputError, NewsfactsError
from newsfacts.extractors.readers import RawArticle
from newsfacts.extractors.version import __version__

if TYPE_CHECKING:  # the records import pydantic: the CLI's --help and usage errors skip it
    from newsfacts.extractors.records import Article

__all__ = [
    "DEAD_LETTER_SCHEMA",
    "DeadLetter",
    "Stage",
    "dead_letter",
    "dead_letter_line",
    "extract_or_letter",
    "extract_raw",
    "failure_key",
    "letter_for",
]

log = logging.getLogger(__name__)

DEAD_LETTER_SCHEMA = "newsfacts.dead_letter/1"

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


def dead_letter(source: str, reason: str, *, error: str, stage: Stage, id: str | None = None,  # noqa: A002
                url: str | None = None) -> DeadLetter:
    """The dead-letter record every shell writes."""
    return DeadLetter(
        schema=DEAD_LETTER_SCHEMA, key=failure_key(source, stage, reason), source=source, id=id, url=url,
        stage=stage, error=error, reason=reason, at=datetime.now(UTC).isoformat(timespec="seconds"),
        extractor_version=__version__,
    )


def letter_for(exc: BaseException, *, stage: Stage, source: str | None = None,
               id: str | None = None, url: str | None = None) -> DeadLetter:  # noqa: A002
    """The dead letter for an exception; an ``InputError`` names its own source (its path)."""
    if source is None:
        source = exc.path if isinstance(exc, InputError) else "<unknown>"
    return dead_letter(source, str(exc), error=type(exc).__name__, stage=stage, id=id, url=url)


def dead_letter_line(letter: Mapping[str, object]) -> str:
    """One JSON line, keys sorted, so the CLI's file and a flow's file read the same."""
    return json.dumps(letter, ensure_ascii=False, sort_keys=True)


def extract_raw(raw: RawArticle, *, lang: str | None = None, published: date | None = None,
                ner: str | None = None, min_confidence: float | None = None) -> Article:
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

    return extract_article(
        raw.text, lang=lang or raw.language, published=raw.published or published, ner=ner,
        title=raw.title, id=raw.id, source=raw.source, url=raw.url, header=raw.input_format == "txt",
        min_confidence=min_confidence,
    )


def extract_or_letter(raw: RawArticle, *, lang: str | None = None, published: date | None = None,
                      ner: str | None = None, min_confidence: float | None = None) -> Article | DeadLetter:
    """:func:`extract_raw` that never raises: the record, or the dead letter standing in for it.

    One bad article must not stop a batch. Errors of our own tree are expected (an unsupported
    language, a model that does not load); anything else is a bug, logged here with its traceback.
    """
    try:
        return extract_raw(raw, lang=lang, published=published, ner=ner, min_confidence=min_confidence)
    except Exception as exc:
        if not isinstance(exc, NewsfactsError):
            log.exception("unexpected error on %s", raw.source)
        return letter_for(exc, stage="extract", source=raw.source, id=raw.id, url=raw.url)
