"""Sources and sinks without Prefect: URL safety, fetching, feeds, folders, atomic idempotent JSONL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsfacts.flows.sinks import OutputFolder, Row, append_atomic
from newsfacts.flows.sources import (
    FetchConfig,
    FetchError,
    UnsafeURL,
    check_url,
    fetch,
    parse_feed,
    read_url_list,
    scan_folder,
)

SHARED_FEEDS = Path(__file__).resolve().parents[3] / "shared" / "data" / "feeds"
LOCAL = FetchConfig(allow_private=True, retries=2, backoff=0.0, timeout=5)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("ftp://example.org/feed.xml", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http://127.0.0.1:8000/feed.xml", "non-public address 127.0.0.1"),
        ("http://localhost/feed.xml", "non-public address"),
        ("http://10.1.2.3/x", "non-public address 10.1.2.3"),
        ("http://169.254.169.254/latest/meta-data/", "non-public address 169.254.169.254"),
        ("http://[::1]/x", "non-public address ::1"),
    ],
)
def test_sources_check_url_refuses(url: str, reason: str) -> None:
    with pytest.raises(UnsafeURL, match=reason):
        check_url(url)


def test_sources_check_url_allows_private_when_asked() -> None:
    check_url("http://127.0.0.1:8000/feed.xml", allow_private=True)
    with pytest.raises(UnsafeURL):  # the scheme is never allowed
        check_url("file:///etc/passwd", allow_private=True)


def test_sources_fetch_refuses_loopback_without_allowance(site: str) -> None:
    with pytest.raises(UnsafeURL, match="allow_private"):
        fetch(f"{site}/feed.xml", config=FetchConfig(retries=0))


def test_sources_fetch_follows_redirects_and_caps_size(site: str) -> None:
    fetched = fetch(f"{site}/redirect/pages/basf.html", config=LOCAL)
    assert fetched.final_url.endswith("/pages/basf.html") and b"BASF" in fetched.content
    with pytest.raises(FetchError, match="limit"):
        fetch(f"{site}/pages/basf.html", config=FetchConfig(allow_private=True, max_bytes=100))


@pytest.mark.parametrize("status, attempts", [(404, "HTTP 404"), (503, "after 3 attempts")])
def test_sources_fetch_errors(site: str, status: int, attempts: str) -> None:
    with pytest.raises(FetchError, match=attempts):
        fetch(f"{site}/status/{status}", config=LOCAL)


def test_sources_fetch_connection_refused_is_retried_then_reported() -> None:
    with pytest.raises(FetchError, match="ConnectError.*after 3 attempts"):
        fetch("http://127.0.0.1:9/x", config=LOCAL)


def test_sources_feed_local_iso8859_with_relative_links() -> None:
    data = (Path(__file__).resolve().parents[2] / "fixtures/flows/site/feed.xml").read_bytes()
    result = parse_feed(data, source="http://127.0.0.1:1/feed.xml")
    assert result.problems == []
    assert [i.link for i in result.items][0] == "http://127.0.0.1:1/pages/siemens.html"
    assert "Müller GmbH" in result.items[0].text
    assert result.items[1].text.endswith("von der Shell plc.")  # escaped HTML summary, as text
    assert str(result.items[2].published) == "2024-01-12"


@pytest.mark.skipif(not SHARED_FEEDS.is_dir(), reason="../shared/data/feeds not present")
@pytest.mark.parametrize(
    "name, needle",
    [
        ("rss_1.0_iso8859.xml", None),
        ("xml_iso8859.xml", "Glasfaserförderung"),
        ("encoding.rss", None),
        ("rss_2.0_spiegel.xml", None),
        ("heise.atom", None),
    ],
)
def test_sources_feed_shared_encodings(name: str, needle: str | None) -> None:
    result = parse_feed((SHARED_FEEDS / name).read_bytes(), source=name)
    assert result.items, result.problems
    text = " ".join(i.text for i in result.items)
    assert "\ufffd" not in text and "Ã¤" not in text and "Ã¼" not in text
    if needle:
        assert needle in text


@pytest.mark.skipif(not SHARED_FEEDS.is_dir(), reason="../shared/data/feeds not present")
def test_sources_feed_malformed_yields_items_and_a_report() -> None:
    result = parse_feed((SHARED_FEEDS / "uolNoticias.rss").read_bytes(), source="uolNoticias.rss")
    assert result.items
    assert any("malformed feed" in p for p in result.problems)


def test_sources_feed_garbage_is_reported() -> None:
    result = parse_feed(b"\x00\x01 not a feed", source="junk")
    assert result.items == [] and result.problems


def test_sources_url_list(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# comment\nhttp://a.example/1\n\n  https://b.example/2  \n", encoding="utf-8")
    assert read_url_list(path) == ["http://a.example/1", "https://b.example/2"]


def test_sources_scan_folder_only_new_or_changed(tmp_path: Path) -> None:
    inbox, state = tmp_path / "in", tmp_path / "state"
    inbox.mkdir()
    (inbox / "a.txt").write_text("a", encoding="utf-8")
    (inbox / ".hidden.txt").write_text("h", encoding="utf-8")
    scan = scan_folder(str(inbox), state_dir=state)
    assert [Path(p).name for p in scan.changed] == ["a.txt"]
    scan.commit()
    assert scan_folder(str(inbox), state_dir=state).changed == []
    (inbox / "b.txt").write_text("b", encoding="utf-8")
    (inbox / "a.txt").write_text("a changed", encoding="utf-8")
    assert sorted(Path(p).name for p in scan_folder(str(inbox), state_dir=state).changed) == ["a.txt", "b.txt"]


def _rows(n: int, day: str = "2024-01-01") -> list[Row]:
    return [Row(f"id{i}", day, json.dumps({"fact_id": f"id{i}", "n": i})) for i in range(n)]


def test_sinks_append_is_idempotent_across_partitions(tmp_path: Path) -> None:
    out = OutputFolder(tmp_path)
    assert out.facts.append(_rows(3)) == 3
    assert out.facts.append(_rows(3, day="2024-01-02")) == 0  # same keys, other partition
    assert OutputFolder(tmp_path).facts.append(_rows(5)) == 2  # a fresh writer reads the index
    assert sorted(r["fact_id"] for r in out.fact_rows()) == [f"id{i}" for i in range(5)]


def test_sinks_torn_tail_is_repaired_before_appending(tmp_path: Path) -> None:
    out = OutputFolder(tmp_path)
    out.facts.append(_rows(2))
    path = out.facts.path("2024-01-01")
    with open(path, "ab") as handle:  # what a crash in the middle of a write would leave
        handle.write(b'{"fact_id": "id2", "n"')
    assert OutputFolder(tmp_path).facts.append(_rows(3)) == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["fact_id"] for line in lines] == ["id0", "id1", "id2"]


def test_sinks_dead_letters_and_ledger(tmp_path: Path) -> None:
    out = OutputFolder(tmp_path)
    letter = {"source": "x", "stage": "read", "reason": "broken", "error": "InputError"}
    assert out.dead_letters.add([letter, letter]) == 1
    assert out.dead_letters.add([letter, {**letter, "reason": "other"}]) == 1
    assert [d["reason"] for d in out.dead_letters.read()] == ["broken", "other"]
    out.ledger.add(["k1", "k2"])
    append_atomic(out.ledger.path, ["k3"])
    with open(out.ledger.path, "ab") as handle:
        handle.write(b"k4-torn")
    assert out.ledger.load() == {"k1", "k2", "k3"}
    assert os.path.getsize(out.ledger.path) == len(b"k1\nk2\nk3\n")
