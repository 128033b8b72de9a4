"""Readers and decoding: every input gives an article or a clear error, never a crash."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from newsfacts.extractors.decoding import decode_bytes
from newsfacts.extractors.errors import InputError, NoArticleText
from newsfacts.extractors.header import is_language_menu, parse_date_line, parse_header
from newsfacts.extractors.readers import RawArticle, iter_articles

FIXTURES = Path(__file__).parents[1].parent / "fixtures"
INPUTS = FIXTURES / "inputs"
SEED = FIXTURES / "de-tiktok-microsoft.txt"
GERMAN = "Die Straße wurde größer, sagte der Bürgermeister in Köln. Äußerst öffentlich."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])
def test_decoding_round_trips_european_text(encoding: str) -> None:
    assert decode_bytes((GERMAN * 3).encode(encoding), source="x") == GERMAN * 3


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (os.urandom(4096).replace(b"\x00", b"\x01"), "encoding cannot be detected"),
    ],
    ids=["empty", "whitespace", "png", "random"],
)
def test_decoding_refuses_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_bytes(data, source="bad.bin")


def test_decoding_detects_latin1_feed() -> None:
    data = Path("../shared/data/feeds/rss_1.0_iso8859.xml")
    if not data.exists():
        pytest.skip("shared data not available")
    text = decode_bytes(data.read_bytes(), source=str(data))
    assert "\ufffd" not in text and "Ã" not in text


def test_header_of_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    header = parse_header(text)
    assert header.title is not None and header.title.startswith("Fast 20 Millionen US-Dollar")
    assert str(header.published) == "2024-08-01"
    boiler = [text[a:b] for a, b in header.boilerplate]
    assert boiler[0] == "Nachricht"
    assert boiler[1].startswith("한어Русский язык")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2024-08-01", "2024-08-01"),
        ("01.08.2024", "2024-08-01"),
        ("1. August 2024", "2024-08-01"),
        ("12. März 2023, 14:05 Uhr", "2023-03-12"),
        ("2024-08-01T10:00:00Z", "2024-08-01"),
        ("Im März 2024 zahlte", None),
        ("10.000", None),
        ("31.02.2024", None),
    ],
)
def test_header_date_lines(line: str, expected: str | None) -> None:
    parsed = parse_date_line(line)
    assert (str(parsed) if parsed else None) == expected


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("English | Deutsch | Français | Español", True),
        ("DeutschEnglishFrançais", True),
        ("Microsoft zahlt Millionen an TikTok", False),
        ("Deutsch lernen in Berlin", False),
    ],
)
def test_header_language_menu(line: str, menu: bool) -> None:
    assert is_language_menu(line) is menu


def test_header_absent_when_text_starts_with_body() -> None:
    header = parse_header("Die Firma zahlte 3 Mio. Euro. Das war viel.\n\nMehr Text.")
    assert header.title is None and header.published is None and header.boilerplate == ()


def _items(*paths: str | Path, **kw: object) -> list[RawArticle | InputError]:
    return list(iter_articles([str(p) for p in paths], **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["latin1.txt", "utf16.txt", "utf8-bom.txt"])
def test_readers_decode_legacy_and_unicode_files(name: str) -> None:
    [item] = _items(INPUTS / name)
    assert isinstance(item, RawArticle)
    assert item.text.startswith("Übernahme") and "Müller GmbH" in item.text


def test_readers_jsonl_keeps_order_and_reports_bad_line() -> None:
    items = _items(INPUTS / "mixed.jsonl")
    assert [type(i).__name__ for i in items] == ["RawArticle", "InputError", "RawArticle"]
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["r1", "r3"]
    assert "mixed.jsonl:2" in str(items[1]) and "malformed JSON" in str(items[1])
    assert str(items[2].published) == "2024-01-12" and items[2].title == "VW liefert aus"  # type: ignore[union-attr]


def test_readers_html_main_text_and_metadata() -> None:
    [item] = _items(INPUTS / "article.html")
    assert isinstance(item, RawArticle)
    assert item.title == "Siemens zahlt Millionen" and str(item.published) == "2024-05-02"
    assert "3,5 Millionen Euro" in item.text and "Impressum" not in item.text


def test_readers_html_without_article_is_an_error() -> None:
    [item] = _items(INPUTS / "no-article.html")
    assert isinstance(item, NoArticleText) and "no article text" in str(item)


def test_readers_missing_path_and_empty_glob(tmp_path: Path) -> None:
    missing, empty_glob = _items(tmp_path / "nope.txt", tmp_path / "*.txt")
    assert isinstance(missing, InputError) and "no such file" in str(missing)
    assert isinstance(empty_glob, InputError) and "matches no file" in str(empty_glob)


def test_readers_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("zwei " * 10)
    (tmp_path / "1.txt").write_text("eins " * 10)
    (tmp_path / ".hidden.txt").write_text("versteckt")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = _items(tmp_path)
    assert [Path(i.source).name for i in items] == ["1.txt", "2.txt"]  # type: ignore[union-attr]


def test_readers_size_limit_is_a_clear_error(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Wort " * 1000)
    [item] = _items(big, max_bytes=1000)
    assert isinstance(item, InputError) and "limit for one article" in str(item)


def test_readers_stdin() -> None:
    [item] = list(iter_articles(["-"], stdin=io.BytesIO("Hallo Welt, dies ist ein Text.".encode())))
    assert isinstance(item, RawArticle) and item.source == "<stdin>"
