"""Hostile but fair inputs (issue 18): none stops a batch, poisons an output folder or hangs a reader.

Each test reproduces one failure of the issue; the flow over a folder of all of them together is
``tests/flows/test_hostile_flow.py``.
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsfacts.extractors import shell
from newsfacts.extractors.cli import main
from newsfacts.extractors.decoding import decode_bytes
from newsfacts.extractors.errors import InputError
from newsfacts.extractors.pipeline import MAX_INTEGER_DIGITS, cap_values, extract_article
from newsfacts.extractors.readers import RawArticle, _bounded_lines, find_files, iter_articles
from newsfacts.extractors.records import Amount
from newsfacts.flows.sinks import OutputFolder, Row
from newsfacts.flows.sources import FetchConfig, FetchError, UnsafeURL, fetch

GOOD = "Die Siemens AG zahlte im ersten Quartal 3,5 Millionen Euro an die Müller GmbH. " * 3
HUGE = "Der Umsatz betrug " + "1" * 4400 + " Millionen Euro."


def run(*args: str, input: bytes | None = None) -> Result:  # noqa: A002
    return CliRunner().invoke(main, ["--ner", "fake", *args], input=input)


def lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def in_thread(fn: Any, limit: float = 120.0) -> Any:
    """Run ``fn`` where a hang fails the test instead of the suite."""
    box: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", fn()), daemon=True)
    thread.start()
    thread.join(limit)
    assert not thread.is_alive(), "hung"
    return box["result"]


# 1. Numbers beyond what a fact can mean ---------------------------------------------------------


def test_huge_amount_is_null_with_its_span_kept() -> None:
    article = extract_article(HUGE, lang="de", ner="fake")
    [amount] = article.amounts
    assert amount.value is None and amount.text.startswith("1111") and HUGE[amount.start : amount.end] == amount.text
    assert all(f.amount_value is None for f in article.facts)
    record = json.loads(article.model_dump_json())  # Python reads back what we write
    assert record["amounts"][0]["value"] is None
    kept, capped, odd = cap_values(
        [
            Amount(text="x", start=0, end=1, value=Decimal("9" * MAX_INTEGER_DIGITS)),
            Amount(text="x", start=0, end=1, value=Decimal(10) ** MAX_INTEGER_DIGITS, min=Decimal(1)),
            Amount(text="x", start=0, end=1, value=Decimal("-1e40")),
        ]
    )
    assert kept.value == Decimal("9" * MAX_INTEGER_DIGITS)
    assert capped.value is None and capped.min == 1 and odd.value is None


def test_cli_prints_no_number_python_cannot_read() -> None:
    result = run("--lang", "de", "-", input=("Der Umsatz betrug " + "1" * 100_000 + " Millionen Euro.").encode())
    assert result.exit_code == 0, result.stderr
    assert [a["value"] for a in lines(result)[0]["amounts"]] == [None]


def test_sink_skips_an_unreadable_line_instead_of_refusing_the_folder(tmp_path: Path) -> None:
    sinks = OutputFolder(tmp_path)
    part = tmp_path / "facts" / "date=unknown" / "facts.jsonl"
    part.parent.mkdir(parents=True)
    part.write_text(
        '{"fact_id": "a", "amount_value": ' + "1" * 4406 + '}\nnot json\n[1]\n{"no_id": 1}\n{"fact_id": "b"}\n',
        encoding="utf-8",
    )
    (tmp_path / "dead_letters.jsonl").write_text('{"key": "k1"}\n{broken\n', encoding="utf-8")
    assert sinks.facts.append([Row("b", "unknown", '{"fact_id": "b"}'), Row("c", "unknown", '{"fact_id": "c"}')]) == 1
    assert [r.get("fact_id") for r in sinks.fact_rows()] == [None, "b", "c"]
    assert sinks.dead_letters.add([shell.dead_letter("x", "why", error="E", stage="read")]) == 1
    assert len(sinks.dead_letters.read()) == 2


def _fact_line(fact_id: str, amount: str) -> str:
    return (
        f'{{"schema": "newsfacts.fact/1", "fact_id": "{fact_id}", "kind": "payment", "article_id": "a1", '
        f'"amount_value": {amount}, "amount_currency": "EUR", "evidence": "x", "evidence_start": 0, '
        f'"evidence_end": 1, "confidence": 0.9, "published": "2024-08-01"}}'
    )


@pytest.fixture()
def poisoned_facts(tmp_path: Path) -> Path:
    path = tmp_path / "facts.jsonl"
    path.write_text(
        "\n".join(
            [
                _fact_line("f1", "1000"),
                _fact_line("f2", "1" * 33),
                _fact_line("f3", "1" * 4406),
                "not json",
                _fact_line("f4", "2.5e400"),
                '{"torn": ',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def test_dashboard_survives_unreadable_lines_and_huge_numbers(poisoned_facts: Path, tmp_path: Path) -> None:
    from newsfacts.dashboard.build import build_dashboard
    from newsfacts.dashboard.sources import read_facts

    data = read_facts([str(poisoned_facts)])
    assert [r["fact_id"] for r in data.rows] == ["f1", "f2", "f4"]
    assert [r["amount_value"] for r in data.rows] == [1000, None, None]
    assert len(data.unreadable) == 3 and "facts.jsonl:3" in data.unreadable[0]
    report = build_dashboard([str(poisoned_facts)], tmp_path / "d.html")
    assert report.facts == 3 and len(report.unreadable) == 3


def test_export_types_amounts_so_any_value_fits(poisoned_facts: Path, tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    import duckdb

    from newsfacts.dashboard.export import export_facts

    report = export_facts([str(poisoned_facts)], duckdb_path=tmp_path / "f.duckdb", parquet_dir=tmp_path / "parquet")
    assert report.facts == 4 and report.skipped == 2
    con = duckdb.connect(str(tmp_path / "f.duckdb"))
    values = dict(con.execute("SELECT fact_id, amount_value FROM facts").fetchall())
    con.close()
    assert values == {"f1": Decimal(1000), "f2": None, "f3": None, "f4": None}


def test_dashboard_title_with_a_marker_keeps_the_page_whole(tmp_path: Path) -> None:
    from newsfacts.dashboard.build import build_dashboard

    facts = tmp_path / "facts.jsonl"
    facts.write_text(_fact_line("f1", "1000") + "\n", encoding="utf-8")
    page = build_dashboard([str(facts)], tmp_path / "d.html", title="x __DATA__ /*__JS__*/ __TITLE__").path.read_text(
        encoding="utf-8"
    )
    block = page.split('<script id="nf-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(block)["meta"]["title"] == "x __DATA__ /*__JS__*/ __TITLE__"
    assert "<title>x __DATA__ /*__JS__*/ __TITLE__</title>" in page


# 2. Deeply nested JSON --------------------------------------------------------------------------


def test_deeply_nested_json_is_a_dead_letter_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text("[" * 1000 + "\n", encoding="utf-8")
    (tmp_path / "e.json").write_text('{"text": ' + "[" * 100_000, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    dead = tmp_path / "dead.jsonl"
    result = run(
        "--dead-letter", str(dead), str(tmp_path / "d.jsonl"), str(tmp_path / "e.json"), str(tmp_path / "good.txt")
    )
    assert result.exit_code == 1
    assert len(lines(result)) == 1 and "Traceback" not in result.stderr
    letters = [json.loads(line) for line in dead.read_text(encoding="utf-8").splitlines()]
    assert [letter["source"] for letter in letters] == [f"{tmp_path}/d.jsonl:1", f"{tmp_path}/e.json"]
    assert all("RecursionError" in letter["reason"] for letter in letters)


def test_a_reader_crash_is_that_files_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from newsfacts.extractors import readers

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD + " b", encoding="utf-8")
    real = readers.decode_bytes

    def explode(data: bytes, *, source: str) -> str:
        if source.endswith("a.txt"):
            raise ZeroDivisionError("boom")
        return real(data, source=source)

    monkeypatch.setattr(readers, "decode_bytes", explode)
    items = list(iter_articles([str(tmp_path)]))
    assert isinstance(items[0], InputError) and "ZeroDivisionError" in str(items[0])
    assert isinstance(items[1], RawArticle)


# 3. One bad URL or redirect ---------------------------------------------------------------------


class _Redirect(http.server.BaseHTTPRequestHandler):
    """``/hop?<location>`` answers 302 to that location; anything else a small page."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path.startswith("/hop?"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?", 1)[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"<html><body><p>ok</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


def _serve(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def redirects() -> Iterator[str]:
    yield from _serve(_Redirect)


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "http://example.com:99999/",
        "http://" + "a" * 70 + ".example.com/",
        "http://exa mple.com/",
    ],
)
def test_a_malformed_url_is_a_fetch_error(url: str) -> None:
    with pytest.raises(FetchError):
        fetch(url, config=FetchConfig(allow_private=True, retries=0))


@pytest.mark.parametrize(
    "location",
    [
        "javascript:alert(1)",
        "http://example.com:99999/x",
        "http://[::1",
        "http://" + "b" * 70 + ".example.com/",
    ],
)
def test_a_bad_redirect_is_a_fetch_error(redirects: str, location: str) -> None:
    config = FetchConfig(allow_private=True, retries=0)
    assert fetch(redirects + "hop?/page", config=config).content.startswith(b"<html>")
    with pytest.raises(FetchError):
        fetch(f"{redirects}hop?{location}", config=config)


def test_check_url_refuses_malformed_urls_as_unsafe() -> None:
    from newsfacts.flows.sources import check_url

    for url in ("http://[::1", "http://example.com:99999/"):
        with pytest.raises(UnsafeURL, match="malformed"):
            check_url(url)


# 4. A deadline per article ----------------------------------------------------------------------


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    def spin(*_args: Any, **_kwargs: Any) -> None:
        end = time.monotonic() + 60
        while time.monotonic() < end:
            pass

    monkeypatch.setattr(shell, "extract_raw", spin)


@pytest.mark.parametrize("where", ["main", "worker"])
def test_an_article_past_its_time_budget_is_a_timeout_dead_letter(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    _slow(monkeypatch)
    raw = RawArticle(text=GOOD, source="slow.txt")

    def go() -> Any:
        started = time.monotonic()
        letter = shell.extract_or_letter(raw, timeout=0.5)
        return letter, time.monotonic() - started

    letter, took = go() if where == "main" else in_thread(go)
    assert isinstance(letter, dict) and letter["reason"].startswith("slow.txt: timeout")
    assert letter["error"] == "ArticleTimeout" and letter["stage"] == "extract"
    assert took < 5
    time.sleep(0.7)  # nothing fires after the block


def test_the_deadline_does_not_touch_a_quick_article() -> None:
    raw = RawArticle(text=GOOD, source="quick.txt")
    article = shell.extract_or_letter(raw, lang="de", ner="fake", timeout=30)
    assert not isinstance(article, dict) and article.amounts


# 5. FIFOs and symlink loops ---------------------------------------------------------------------


@pytest.fixture()
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "g"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "sub/b.txt", "sub/c.txt"):
        (folder / name).write_text(GOOD + name, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(folder, folder / "sub" / "loop")
    os.symlink(folder / "sub", folder / "sub" / "loop2")
    return folder


def test_folder_with_a_fifo_and_link_loops_ends(hostile_folder: Path) -> None:
    for arg in (str(hostile_folder), f"{hostile_folder}/**/*.txt"):
        result = in_thread(lambda arg=arg: run("--lang", "de", arg), limit=120)
        assert result.exit_code == 0, result.stderr
        assert {row["source"] for row in lines(result)} == {
            str(hostile_folder / n) for n in ("a.txt", "sub/b.txt", "sub/c.txt")
        }
    assert find_files(str(hostile_folder)) == [str(hostile_folder / n) for n in ("a.txt", "sub/b.txt", "sub/c.txt")]


def test_a_fifo_named_directly_is_refused(hostile_folder: Path) -> None:
    [item] = in_thread(lambda: list(iter_articles([str(hostile_folder / "pipe.txt")])))
    assert isinstance(item, InputError) and "not a regular file" in str(item)


# 6. Decoding ------------------------------------------------------------------------------------


def test_utf16_without_bom_is_decoded() -> None:
    text = "Die Siemens AG zahlte 5 Millionen Euro."
    assert decode_bytes(text.encode("utf-16-le"), source="x") == text
    assert decode_bytes(text.encode("utf-16-be"), source="x") == text


def test_utf8_cut_inside_its_last_character_is_tolerated() -> None:
    assert decode_bytes(GOOD.encode() + "€".encode()[:2], source="x") == GOOD
    assert decode_bytes((GOOD + "ü").encode()[:-1], source="x") == GOOD


def test_mixed_utf8_and_cp1252_keeps_the_utf8() -> None:
    assert decode_bytes(GOOD.encode() + GOOD.encode("cp1252"), source="x") == GOOD + GOOD
    assert decode_bytes((GOOD * 2).encode("cp1252"), source="x") == GOOD * 2  # plain cp1252 unchanged


def test_binary_that_is_valid_utf8_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(1, 32)) * 40 + b"some text", source="x")


def test_cli_reads_utf16_without_bom_and_finds_amounts(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))
    result = run(str(path))
    assert result.exit_code == 0
    [record] = lines(result)
    assert record["language"] == "de" and record["amounts"] and "\x00" not in record["text"]


# 7. spaCy's 1,000,000 characters ----------------------------------------------------------------


def test_text_windows_cover_the_text_and_cut_at_breaks() -> None:
    from newsfacts.models.registry import text_windows

    text = ("Ein Satz. " * 30 + "\n\n") * 2000
    windows = text_windows(text, 10_000)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(windows, windows[1:], strict=False))
    assert all(0 < end - start <= 10_000 and text[end - 2 : end] == "\n\n" for start, end in windows[:-1])
    assert text_windows("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_spacy_backend_windows_a_text_over_its_limit() -> None:
    from newsfacts.models import get_backend

    sentence = "Die Siemens AG zahlte an die Bosch GmbH. "
    text = sentence + " " * 1_200_000 + "\n" + sentence
    spans = get_backend("de_news_sm").entities(text)
    found = [(s.start, text[s.start : s.end]) for s in spans]
    assert (4, "Siemens AG") in found and (len(text) - len(sentence) + 4, "Siemens AG") in found
    assert all(text[s.start : s.end] == s.text for s in spans)


# 8. A total deadline per fetch ------------------------------------------------------------------


class _Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


class _TrickleHeaders(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        try:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


@pytest.fixture(params=[_Trickle, _TrickleHeaders], ids=["body", "headers"])
def trickle(request: pytest.FixtureRequest) -> Iterator[str]:
    yield from _serve(request.param)


def test_a_slow_server_is_cut_off_at_the_total_deadline(trickle: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 1 s"):
        fetch(trickle, config=FetchConfig(timeout=1.0, retries=2, allow_private=True))
    assert time.monotonic() - started < 4  # not 20 s of trickle, and no retry of a deadline overrun


# 9. The smaller items ---------------------------------------------------------------------------


def test_a_lone_surrogate_in_json_is_replaced_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"id": "s1", "title": "T\ud800", "text": GOOD + "\ud800 Ende"}) + "\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.stderr
    [record] = lines(result)
    assert "\ufffd Ende" in record["text"] and record["title"] == "T\ufffd"


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_published_date_out_of_range_is_dropped_not_the_article(tmp_path: Path, day: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"text": GOOD, "published": day}) + "\n", encoding="utf-8")
    result = run("--lang", "de", str(path))
    assert result.exit_code == 0, result.stderr
    assert lines(result)[0]["published"] is None
    raw = RawArticle(text=GOOD, source="x", published=__import__("datetime").date(1, 1, 1))
    assert not isinstance(shell.extract_or_letter(raw, lang="de", ner="fake"), dict)
    assert run("--published", day, str(path)).exit_code == 2


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such"
    for option in ("-o", "--dead-letter"):
        result = run(option, str(missing / "x.jsonl"), "-", input=GOOD.encode())
        assert result.exit_code == 2 and "does not exist" in result.stderr


def test_output_file_gets_the_usual_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    umask = os.umask(0o022)
    try:
        assert run("-o", str(out), "-", input=GOOD.encode()).exit_code == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_sigterm_leaves_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    extract = Path(sys.executable).parent / "extract"
    proc = subprocess.Popen(
        [str(extract), "--ner", "fake", "-o", str(out), "-"], stdin=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".extract-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".extract-*")), "the temp file never appeared"
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert not list(tmp_path.glob(".extract-*")) and not out.exists()


def test_a_long_jsonl_line_is_refused_while_reading() -> None:
    class Recording:
        def __init__(self, data: bytes) -> None:
            import io

            self.inner, self.biggest = io.BytesIO(data), 0

        def readline(self, size: int = -1) -> bytes:
            chunk = self.inner.readline(size)
            self.biggest = max(self.biggest, len(chunk))
            return chunk

    handle = Recording(b'{"text": "' + b"x" * 5_000_000 + b'"}\n{"text": "ok"}\n')
    got = list(_bounded_lines(handle, 1000))  # type: ignore[arg-type]
    assert got == [(1, None), (2, b'{"text": "ok"}\n')]
    assert handle.biggest <= 1 << 20
    [error, record] = list(
        iter_articles(
            ["-"],
            input_format="jsonl",
            max_bytes=1000,
            stdin=Recording(b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "ok"}\n'),
        )
    )  # type: ignore[arg-type]
    assert isinstance(error, InputError) and "over the" in str(error)
    assert isinstance(record, RawArticle) and record.text == "ok"


def test_zero_width_space_inside_a_number_is_read_through() -> None:
    """Issue 18, item 6: "5\u200b000 Euro" is 5000, not 0; the mention keeps the original text."""
    from newsfacts.extractors.pipeline import extract_article

    text = "Siemens zahlt 5\u200b000 Euro an SAP."
    article = extract_article(text, lang="de", header=False)
    assert [(a.value, a.currency) for a in article.amounts] == [(5000, "EUR")]
    assert all(text[a.start : a.end] == a.text for a in article.amounts)


def test_markup_left_in_plain_text_is_read_as_no_words() -> None:
    """HTML comments and tags pasted into a plain text carry no name or number of the story
    ("<!--the quote comes from the BBC-->", a style's "width: 85%"); paragraphs stay apart and
    every offset still indexes the text. Written by us."""
    from newsfacts.extractors.pipeline import extract_article, mask_markup

    text = (
        "Acme Corp sold 5% more cars.<!-- the quote comes from the BBC --></p><p>"
        '<div style="width: 85%; height:175px">Acme Corp cut 300 jobs.</div>'
    )
    masked = mask_markup(text)
    assert len(masked) == len(text) and "BBC" not in masked and "85%" not in masked
    assert "</p>" not in masked and "\n" in masked
    article = extract_article(text, lang="en")
    assert not any("BBC" in e.text for e in article.entities)
    assert [p.value for p in article.percentages] == [5]
    for mention in [*article.entities, *article.amounts, *article.percentages]:
        assert text[mention.start : mention.end] == mention.text
