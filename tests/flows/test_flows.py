"""The flows end to end on fixtures, against one session-scoped Prefect test server.

Extraction uses the shipped default model (it loads once per process, ~4 s), because the facts
asserted here come from the model's ORG entities; the plumbing is what is under test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsfacts.extractors.facts import fact_rows
from newsfacts.extractors.pipeline import extract_article
from newsfacts.extractors.shell import DeadLetter
from newsfacts.flows.sinks import OutputFolder

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "de-tiktok-microsoft.txt"
INPUTS = ROOT / "fixtures" / "inputs"
FLOW_FIXTURES = ROOT / "fixtures" / "flows"

pytestmark = pytest.mark.usefixtures("prefect_server")


def run(flow: Any, **params: Any) -> tuple[dict[str, Any], Any]:
    """Run a flow; returns its result and its flow run id."""
    state = flow(**params, return_state=True)
    assert state.is_completed(), state
    return state.result(), state.state_details.flow_run_id


def fact_ids(out: Path) -> list[str]:
    return [row["fact_id"] for row in OutputFolder(out).fact_rows()]


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file's bytes, except the run-independent-but-unordered state."""
    return {
        str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".lock"
    }


def library_fact_ids(path: Path) -> list[str]:
    """The fact ids the library gives for a file's articles, called directly."""
    from newsfacts.extractors.readers import RawArticle, iter_articles

    ids = []
    for raw in iter_articles([str(path)]):
        if isinstance(raw, RawArticle):
            article = extract_article(
                raw.text,
                lang=raw.language,
                published=raw.published,
                title=raw.title,
                id=raw.id,
                source=raw.source,
                url=raw.url,
                header=raw.input_format == "txt",
            )
            ids += [row.fact_id for row in fact_rows(article)]
    return sorted(ids)


@pytest.fixture()
def watched(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED, folder)
    for name in ("article.html", "latin1.txt", "no-article.html"):
        shutil.copy(INPUTS / name, folder)
    for path in (FLOW_FIXTURES / "folder").iterdir():
        shutil.copy(path, folder)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not read")
    return folder


def test_flows_folder_writes_facts_dead_letters_and_reruns_add_nothing(watched: Path, tmp_path: Path) -> None:
    from newsfacts.flows.folder import extract_folder

    out = tmp_path / "out"
    result, _ = run(extract_folder, folder=str(watched), out=str(out), batch_size=2)
    seed = extract_article(SEED.read_text(encoding="utf-8"))
    expected = {row.fact_id for row in fact_rows(seed)}
    ids = fact_ids(out)
    assert len(ids) == len(set(ids)) and expected <= set(ids)
    assert result["processed"] == 5 and result["failed"] == 2 and result["files_changed"] == 8
    assert sum(result["languages"].values()) == 5 and result["languages"]["de"] >= 4
    assert result["kinds"]["payment"] >= 1
    dead = {Path(d["source"]).name: d for d in OutputFolder(out).dead_letters.read()}
    assert set(dead) == {"empty.txt", "no-article.html"}
    assert dead["no-article.html"]["error"] == "NoArticleText" and dead["empty.txt"]["stage"] == "read"
    assert all(set(d) == DeadLetter.__required_keys__ for d in dead.values())  # the CLI's shape too
    assert (out / "facts" / "date=2024-08-01" / "facts.jsonl").exists()  # the seed's published date
    row = json.loads((out / "facts" / "date=2024-08-01" / "facts.jsonl").read_text().splitlines()[0])
    assert row["schema"] == "newsfacts.fact/1" and row["source"].endswith("de-tiktok-microsoft.txt")

    before = snapshot(out)
    again, _ = run(extract_folder, folder=str(watched), out=str(out), batch_size=2)
    assert again["files_changed"] == 0 and again["facts_written"] == 0
    assert {k: v for k, v in snapshot(out).items() if "_state" not in k} == {
        k: v for k, v in before.items() if "_state" not in k
    }

    (watched / "new.txt").write_text("Die Allianz SE hat 2023 rund 161 Milliarden Euro umgesetzt.", encoding="utf-8")
    third, _ = run(extract_folder, folder=str(watched), out=str(out), batch_size=2)
    assert third["files_changed"] == 1 and third["processed"] == 1


def test_flows_jsonl_dead_letters_artifacts_logs_and_sink_idempotence(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from newsfacts.flows.jsonl import extract_jsonl

    out = tmp_path / "out"
    paths = [str(INPUTS / "mixed.jsonl"), str(FLOW_FIXTURES / "folder" / "de-sap.json")]
    result, run_id = run(extract_jsonl, paths=[paths[0]], out=str(out), with_articles=True)
    assert result["processed"] == 2 and result["failed"] == 1
    rows = OutputFolder(out).fact_rows()
    assert {r["article_id"] for r in rows} == {"r1", "r3"}
    assert sorted(r["fact_id"] for r in rows) == library_fact_ids(INPUTS / "mixed.jsonl")
    (letter,) = OutputFolder(out).dead_letters.read()
    assert letter["source"].endswith("mixed.jsonl:2") and "malformed JSON" in letter["reason"]
    articles = list((out / "articles").rglob("articles.jsonl"))
    assert sum(len(p.read_text().splitlines()) for p in articles) == 2

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id]))
        )
    assert {a.type for a in artifacts} >= {"table", "markdown", "progress"}
    summary = next(a for a in artifacts if a.type == "markdown").data
    assert "| de | 2 |" in summary and "## Facts per kind" in summary

    import logging

    from prefect.logging.handlers import APILogHandler

    assert any(isinstance(h, APILogHandler) for h in logging.getLogger("newsfacts").handlers)

    before = snapshot(out)
    # the ledger skips everything; without it, the sinks still add nothing (fact_id, dead-letter key)
    cached, _ = run(extract_jsonl, paths=[paths[0]], out=str(out), with_articles=True)
    uncached, _ = run(extract_jsonl, paths=[paths[0]], out=str(out), with_articles=True, use_cache=False)
    assert cached["skipped_unchanged"] == 2 and cached["processed"] == 0
    assert uncached["processed"] == 2 and uncached["facts"] > 0 and uncached["facts_written"] == 0
    assert snapshot(out) == before


def test_flows_feed_over_http_with_linked_pages(site: str, tmp_path: Path) -> None:
    from newsfacts.flows.feeds import extract_feeds

    out = tmp_path / "out"
    params = dict(
        feeds=[f"{site}/feed.xml"], out=str(out), fetch_pages=True, allow_private=True, fetch_retries=0, batch_size=2
    )
    result, _ = run(extract_feeds, **params)
    assert result["processed"] == 3 and result["failed"] == 0
    assert result["feeds"][f"{site}/feed.xml"] == {"items": 3, "problems": []}
    assert any("missing.html" in note and "used the feed's text" for note in result["notes"])
    rows = OutputFolder(out).fact_rows()
    evidence = " ".join(r["evidence"] for r in rows)
    assert "68,9 Milliarden Euro" in evidence  # only on the fetched page, not in the feed
    assert "9,2 Millionen Fahrzeuge" in evidence  # the feed's text, where the page is missing
    assert f"{site}/pages/basf.html" in {r["url"] for r in rows}

    again, _ = run(extract_feeds, **params)
    assert again["skipped_unchanged"] == 3 and again["facts_written"] == 0

    refused, _ = run(extract_feeds, feeds=[f"{site}/feed.xml"], out=str(tmp_path / "refused"), fetch_retries=0)
    assert refused["failed"] == 1
    (letter,) = OutputFolder(tmp_path / "refused").dead_letters.read()
    assert letter["stage"] == "fetch-feed" and "non-public address 127.0.0.1" in letter["reason"]


def test_flows_url_list_with_a_failing_url(site: str, tmp_path: Path) -> None:
    from newsfacts.flows.urls import extract_urls

    url_file = tmp_path / "urls.txt"
    url_file.write_text(
        f"# test pages\n{site}/pages/telekom.html\n{site}/pages/basf.html\n{site}/pages/gone.html\n{site}/nav.html\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    params = dict(out=str(out), url_file=str(url_file), allow_private=True, fetch_retries=0)
    result, _ = run(extract_urls, **params)
    assert result["processed"] == 2 and result["failed"] == 2
    rows = OutputFolder(out).fact_rows()
    assert {r["article_id"] for r in rows} == {f"{site}/pages/telekom.html", f"{site}/pages/basf.html"}
    dead = {d["url"]: d for d in OutputFolder(out).dead_letters.read()}
    assert "HTTP 404" in dead[f"{site}/pages/gone.html"]["reason"]
    assert dead[f"{site}/nav.html"]["error"] == "NoArticleText"
    before = snapshot(out)
    again, _ = run(extract_urls, **params)
    assert again["failed"] == 2 and again["facts_written"] == 0 and again["dead_letters_written"] == 0
    assert {k: v for k, v in snapshot(out).items()} == before


def test_flows_dask_run_equals_local_run(tmp_path: Path) -> None:
    from prefect_dask import DaskTaskRunner

    from newsfacts.flows.jsonl import extract_jsonl

    corpus = tmp_path / "corpus.jsonl"
    seed = SEED.read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"seed-{n}", "text": seed}) for n in range(6)]
    lines += (INPUTS / "mixed.jsonl").read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local, _ = run(extract_jsonl, paths=[str(corpus)], out=str(tmp_path / "local"), batch_size=2)
    runner = DaskTaskRunner(
        cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    )
    dask, _ = run(
        extract_jsonl.with_options(task_runner=runner), paths=[str(corpus)], out=str(tmp_path / "dask"), batch_size=2
    )
    assert local == dask and local["processed"] == 8
    strip = lambda snap: {k: v for k, v in snap.items() if k != "dead_letters.jsonl"}  # noqa: E731
    assert strip(snapshot(tmp_path / "local")) == strip(snapshot(tmp_path / "dask"))
    per_seed = len(fact_rows(extract_article(seed, id="seed-0")))
    rows = OutputFolder(tmp_path / "dask").fact_rows()
    assert per_seed and sum(r["article_id"].startswith("seed-") for r in rows) == 6 * per_seed
