"""The ``extract`` command: articles in, JSON Lines out (see docs/CONTRACT.md).

Standard output carries only JSON Lines; logs, progress and errors go to standard error.
Exit status: 0 when every input was processed, 1 when at least one failed (the others are
still processed and printed), 2 for a usage error. Prefect is never imported here: the
one-off command must start fast.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import IO

import click

from newsfacts.extractors.confidence import DEFAULT_MIN_CONFIDENCE
from newsfacts.extractors.errors import InputError
from newsfacts.extractors.readers import DEFAULT_MAX_BYTES, FORMATS, PUBLISHED_YEARS, RawArticle, iter_articles
from newsfacts.extractors.shell import (
    DEFAULT_ARTICLE_TIMEOUT,
    DeadLetter,
    dead_letter_line,
    extract_or_letter,
    letter_for,
)
from newsfacts.extractors.version import __version__

__all__ = ["CONTEXT_SETTINGS", "echo_models", "main"]

#: Every newsfacts command takes -h as well as --help (the ``newsfacts`` group shares this).
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

log = logging.getLogger("newsfacts")
_PROGRESS_EVERY = 100


def echo_models() -> None:
    """Print every NER model as one JSON line (``--list-models``, ``newsfacts models list``)."""
    from dataclasses import asdict

    from newsfacts.models import list_models

    for info in list_models():
        click.echo(json.dumps(asdict(info), ensure_ascii=False))


def _list_models(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    echo_models()
    ctx.exit(0)


def _check_lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from newsfacts.extractors.langpack import available_languages, universal_language

    code = value.strip().lower()
    if code in available_languages():
        return code
    if universal_language(code):
        click.echo(
            f"warning: no language pack for {code!r}: the universal layer runs (currency signs, codes and CLDR"
            f" names, digits, percent signs; no facts); packs: {', '.join(available_languages())}",
            err=True,
        )
        return code
    raise click.BadParameter(
        f"{value!r} is no language code; language packs: {', '.join(available_languages())}; any other"
        " ISO 639-1 code runs the universal layer (omit --lang to detect the language)"
    )


def _check_ner(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from newsfacts.models import list_models

    names = [m.name for m in list_models()]
    # patterns such as "spacy:<path>" and "transformers:<path-or-hub-id>" accept any suffix
    prefixes = tuple(n.split("<", 1)[0] for n in names if n.endswith(">"))
    if value not in names and not value.startswith(prefixes):
        raise click.BadParameter(f"unknown NER model {value!r}; available: {', '.join(names)} (see --list-models)")
    return value


def _check_published(_ctx: click.Context, _param: click.Parameter, value: datetime | None) -> datetime | None:
    if value is not None and value.year not in PUBLISHED_YEARS:
        raise click.BadParameter(f"the year must be within {PUBLISHED_YEARS.start}-{PUBLISHED_YEARS.stop - 1}")
    return value


def _check_folder(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A file to write must be in a folder that exists: a usage error now, not a traceback later."""
    if value is not None and not os.path.isdir(os.path.dirname(os.path.abspath(value))):
        raise click.BadParameter(f"the folder of {value!r} does not exist", param=param)
    return value


@click.command(
    "extract", context_settings=CONTEXT_SETTINGS, short_help="Extract facts from articles: files in, JSON Lines out."
)
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "--lang",
    callback=_check_lang,
    metavar="CODE",
    help="ISO 639-1 language of every input; detected per article when omitted.",
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    callback=_check_published,
    help="Publication date for inputs that carry none; resolves 'im März dieses Jahres'.",
)
@click.option(
    "--input-format",
    type=click.Choice(FORMATS),
    help="How to read the input; guessed from the file name when omitted (- is txt).",
)
@click.option(
    "--facts", "facts_only", is_flag=True, help="Print one fact row per fact instead of one article record per article."
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    callback=_check_folder,
    help="Write to FILE (atomically, when the run ends) instead of standard output.",
)
@click.option(
    "--ner",
    callback=_check_ner,
    metavar="NAME",
    help="NER model (see --list-models); the language's shipped default when omitted.",
)
@click.option(
    "--list-models",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_models,
    help="List the NER models as JSON lines and exit.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    metavar="X",
    help="Leave out facts below this confidence (0 keeps all; higher: fewer, surer facts).",
)
@click.option(
    "--dead-letter",
    type=click.Path(dir_okay=False, writable=True),
    callback=_check_folder,
    help="Append one JSON line per failed input (source, error, reason) to FILE.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest single-article file (or JSONL line) to read.",
)
@click.option(
    "--article-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_ARTICLE_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Time budget per article; one that takes longer is a failed input (0: no limit).",
)
@click.option("-v", "--verbose", count=True, help="More log output on standard error (-vv: debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on standard error.")
@click.version_option(__version__, prog_name="newsfacts extract")
def main(
    paths: tuple[str, ...],
    lang: str | None,
    published: datetime | None,
    input_format: str | None,
    facts_only: bool,
    output: str | None,
    ner: str | None,
    min_confidence: float,
    dead_letter: str | None,
    max_bytes: int,
    article_timeout: float,
    verbose: int,
    quiet: bool,
) -> None:
    """Extract entities, money amounts, percentages, periods and facts from news articles.

    PATH is a file, a folder (read recursively), a glob, or - for standard input. Formats:
    plain text (with an optional title/date header), HTML, JSON and JSON Lines records with a
    "text" field. Prints one JSON line per article (or per fact with --facts).

    \b
    Examples:
      extract article.txt
      extract --facts --published 2024-08-01 news/*.txt
      cat articles.jsonl | extract --input-format jsonl - > out.jsonl
    """
    _setup_logging(verbose, quiet)
    if not paths:
        raise click.UsageError("give at least one PATH (a file, folder, glob, or - for stdin)")
    pub = published.date() if published else None
    failed = 0
    started = time.perf_counter()
    done = 0
    with _terminated_as_exit(), _sink(output) as out, _dead_letters(dead_letter) as dead:
        for item in iter_articles(paths, input_format=input_format, max_bytes=max_bytes):
            if isinstance(item, InputError):
                failed += 1
                _report(letter_for(item, stage="read"), dead)
                continue
            if _process(
                item,
                out,
                lang=lang,
                published=pub,
                ner=ner,
                facts_only=facts_only,
                dead=dead,
                min_confidence=min_confidence,
                timeout=article_timeout or None,
            ):
                done += 1
            else:
                failed += 1
            if (done + failed) % _PROGRESS_EVERY == 0:
                _progress(done, failed, started)
    _progress(done, failed, started)
    sys.exit(1 if failed else 0)


def _process(
    item: RawArticle,
    out: IO[str],
    *,
    lang: str | None,
    published: date | None,
    ner: str | None,
    facts_only: bool,
    dead: IO[str] | None,
    min_confidence: float | None = None,
    timeout: float | None = None,
) -> bool:
    """Extract one article and write its line(s); report and return False on failure."""
    article = extract_or_letter(
        item, lang=lang, published=published, ner=ner, min_confidence=min_confidence, timeout=timeout
    )
    if isinstance(article, dict):  # a DeadLetter (a TypedDict) stands in for the article
        _report(article, dead)
        return False
    if facts_only:
        from newsfacts.extractors.facts import fact_rows

        for row in fact_rows(article):
            out.write(row.model_dump_json(by_alias=True) + "\n")
    else:
        out.write(article.model_dump_json(by_alias=True) + "\n")
    return True


def _report(letter: DeadLetter, dead: IO[str] | None) -> None:
    """Log a failed input on standard error and append its dead letter to --dead-letter FILE."""
    log.error("%s", letter["reason"])
    if dead is not None:
        dead.write(dead_letter_line(letter) + "\n")
        dead.flush()


def _progress(done: int, failed: int, started: float) -> None:
    elapsed = time.perf_counter() - started
    log.info("%d article(s) extracted, %d failed, %.1f s", done, failed, elapsed)


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM (``kill``, a container stop) ends the run like Ctrl-C: cleanups run, no temp file stays.

    Python's default for SIGTERM is to die at once, skipping every ``finally``. Only in the main
    thread, and only when nobody else handles the signal; the previous handler comes back after.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) not in (
        signal.SIG_DFL,
        None,
    ):
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _default_mode() -> int:
    """The mode ``open()`` gives a new file (0o666 less the umask); mkstemp's 0o600 is for secrets."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def _sink(output: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file that appears whole when the run ends (never half-written).

    The file gets the mode a plain ``open()`` would give it (or keeps the mode of the file it
    replaces); the temporary file beside it is removed on any exit Python sees (SIGKILL aside).
    """
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(prefix=".extract-", suffix=".jsonl", dir=directory)
    try:
        try:
            mode = os.stat(output).st_mode & 0o7777
        except OSError:
            mode = _default_mode()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
    except BaseException:
        os.unlink(tmp)
        raise


@contextmanager
def _dead_letters(path: str | None) -> Iterator[IO[str] | None]:
    if path is None:
        yield None
        return
    with open(path, "a", encoding="utf-8") as handle:
        yield handle


def _setup_logging(verbose: int, quiet: bool) -> None:
    """Warnings and our own progress by default; -v adds libraries' info, -vv debug, -q errors only."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(
        logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    log.setLevel(logging.ERROR if quiet else logging.INFO)
