"""Issue 18, end to end: a watched folder holding hostile files beside five good ones.

The flow writes the five good articles' facts and one dead letter (with its reason) per broken
file; the FIFO, the symbolic link loop and a non-JSON line already in the output folder stop
nothing; an article with a 4,400-digit amount is extracted with that amount null; a second run
adds nothing. The URL flow goes on past URLs that cannot even be parsed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsfacts.flows.sinks import OutputFolder

pytestmark = pytest.mark.usefixtures("prefect_server")

COMPANIES = ("Siemens AG", "Bosch GmbH", "Allianz SE", "BASF SE", "Bayer AG")


def run(flow: Any, **params: Any) -> dict[str, Any]:
    state = flow(**params, return_state=True)
    assert state.is_completed(), state
    return state.result()


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    for n, company in enumerate(COMPANIES):
        text = f"Die {company} zahlte im ersten Quartal {n + 2},5 Millionen Euro an die Müller GmbH."
        (folder / f"good-{n}.txt").write_text(text, encoding="utf-8")
    (folder / "huge.txt").write_text("Der Umsatz betrug " + "1" * 4400 + " Millionen Euro.", encoding="utf-8")
    (folder / "deep.jsonl").write_text("[" * 1000 + "\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(1, 32)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.json").write_text('{"text": "Die Siemens', encoding="utf-8")
    (folder / "no-text.jsonl").write_text('{"id": "n1"}\n', encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(folder, folder / "sub" / "loop")
    return folder


def test_flow_over_hostile_folder_writes_the_good_and_letters_the_bad(hostile: Path, tmp_path: Path) -> None:
    from newsfacts.flows.folder import extract_folder

    out = tmp_path / "out"
    bad = out / "facts" / "date=unknown" / "facts.jsonl"
    bad.parent.mkdir(parents=True)
    bad.write_text("not json, written by hand\n", encoding="utf-8")

    result = run(extract_folder, folder=str(hostile), out=str(out), batch_size=2)
    rows = OutputFolder(out).fact_rows()
    sources = {Path(r["source"]).name for r in rows if r.get("source")}
    assert {f"good-{n}.txt" for n in range(5)} <= sources
    assert all(r["amount_value"] is None for r in rows if r.get("source", "").endswith("huge.txt"))
    letters = {Path(d["source"].split(":")[0]).name: d for d in OutputFolder(out).dead_letters.read()}
    assert set(letters) == {"deep.jsonl", "binary.txt", "empty.txt", "broken.json", "no-text.jsonl"}
    assert all(d["reason"] for d in letters.values())
    assert "RecursionError" in letters["deep.jsonl"]["reason"] and "binary" in letters["binary.txt"]["reason"]
    assert result["processed"] == 6 and result["failed"] == 5

    before = {p: p.read_bytes() for p in out.rglob("*.jsonl")}
    again = run(extract_folder, folder=str(hostile), out=str(out), batch_size=2, use_cache=False)
    assert again["facts_written"] == 0 and again["dead_letters_written"] == 0
    assert {p: p.read_bytes() for p in out.rglob("*.jsonl")} == before
    assert json.loads(json.dumps(rows))  # every row written reads back


def test_url_flow_goes_on_past_urls_that_cannot_be_parsed(site: str, tmp_path: Path) -> None:
    from newsfacts.flows.urls import extract_urls

    out = tmp_path / "out"
    result = run(
        extract_urls,
        urls=[f"{site}/pages/basf.html", "http://[::1", "http://127.0.0.1:99999/", f"{site}/pages/siemens.html"],
        out=str(out),
        allow_private=True,
        fetch_retries=0,
    )
    assert result["processed"] == 2 and result["failed"] == 2
    reasons = [d["reason"] for d in OutputFolder(out).dead_letters.read()]
    assert len(reasons) == 2 and all("malformed URL" in r for r in reasons)
