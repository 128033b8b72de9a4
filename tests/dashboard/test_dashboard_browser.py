"""End to end: build the dashboard from fixture facts and use it in headless Chromium.

Needs Debian's ``chromium`` (/usr/bin/chromium; `.ci/run` installs it when it can) and Playwright's
Python package (the ``dashboard`` extra); Playwright's own browser download is never used. Without
either, the tests skip and say why.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.aggregate import payment_totals
from dashboard.build import build_dashboard

CHROMIUM = Path(os.environ.get("NEWSFACTS_CHROMIUM", "/usr/bin/chromium"))  # Debian's package
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: apt-get install chromium to run the browser tests",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="Playwright is missing: pip install 'newsfacts[dashboard]'",
)

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "fixtures" / "dashboard"
FACT_FILES = [
    str(FIXTURES / f) for f in ("facts.jsonl", "nulls.jsonl", "pipeline-facts.jsonl")
]
ARTICLE_FILES = [
    str(FIXTURES / f) for f in ("articles.jsonl", "pipeline-articles.jsonl")
]
FX = {"USD": 0.92}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def _rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for file in FACT_FILES:
        rows.extend(
            json.loads(line)
            for line in Path(file).read_text(encoding="utf-8").splitlines()
        )
    return rows


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    out = tmp_path_factory.mktemp("dashboard")
    html = build_dashboard(
        FACT_FILES, out / "dashboard.html", articles=ARTICLE_FILES, fx=FX, to="EUR"
    ).path
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS,
                                     env={"HOME": str(out)})  # fmt: skip
        context = browser.new_context(
            viewport={"width": 1440, "height": 2300}, offline=True, bypass_csp=True
        )  # only for wait_for_function: the page keeps its CSP
        tab = context.new_page()
        tab.set_default_timeout(5_000)
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.on(
            "console",
            lambda msg: errors.append(msg.text) if msg.type == "error" else None,
        )
        tab.goto(html.as_uri())
        tab.wait_for_selector("body[data-ready='1']", timeout=20_000)
        tab.errors = errors
        yield tab
        context.close()
        browser.close()


def _bars(page: Any, chart: str) -> dict[str, float]:
    return {
        bar.get_attribute("data-label"): float(bar.get_attribute("data-value"))
        for bar in page.locator(f"#{chart} rect.bar").all()
    }


def _search(page: Any, text: str, count: int) -> None:
    page.fill("#f-search", text)  # the page applies it after a short debounce
    label = f"{count} facts" + (
        f" (of {len(_rows())})" if count != len(_rows()) else ""
    )
    page.wait_for_function(
        f"document.getElementById('count-filtered').textContent === {label!r}"
    )


def _select(page: Any, select: str, value: str) -> None:
    page.select_option(select, value)
    page.wait_for_timeout(50)


def test_browser_charts_render_the_python_totals(page: Any) -> None:
    rows = _rows()
    assert page.errors == []
    assert (
        page.input_value("#f-currency") == "USD"
    )  # the currency with the most payments comes first
    want = {
        k: t.per_month
        for k, t in payment_totals(rows, by="customer", currency="USD").items()
        if t.per_month
    }
    assert _bars(page, "chart-customers") == pytest.approx(want)
    assert page.locator("#chart-timeline rect.bar").count() >= 5
    assert set(_bars(page, "chart-language")) == {"de", "en", "fr", "und"}
    _select(page, "#f-currency", "EUR")
    _select(page, "#f-basis", "oneoff")
    want = {
        k: t.one_off
        for k, t in payment_totals(rows, by="vendor", currency="EUR").items()
        if t.one_off
    }
    assert _bars(page, "chart-vendors") == pytest.approx(want)
    _select(page, "#f-currency", "fx:EUR")
    _select(page, "#f-basis", "year")
    want = {
        k: 12 * t.per_month
        for k, t in payment_totals(rows, by="vendor", currency="EUR", fx=FX).items()
        if t.per_month
    }
    assert _bars(page, "chart-vendors") == pytest.approx(want)
    _select(page, "#f-currency", "USD")
    _select(page, "#f-basis", "month")


def test_browser_table_filters_sorts_and_pages(page: Any) -> None:
    assert page.locator("#facts-body tr").count() == 25
    assert page.inner_text("#page-label") == "page 1 of 2"
    page.click("button[data-page='›']")
    assert page.locator("#facts-body tr").count() == 5
    _search(page, "initech ag", 4)
    for row in page.locator("#facts-body tr").all():
        assert "Initech AG" in row.inner_text()
    _select(page, "#f-kind", "payment")
    assert page.locator("#facts-body tr").count() == 3
    assert (
        set(_bars(page, "chart-vendors")) == set()
    )  # Initech is paid in EUR: nothing in USD
    page.click("#f-reset")
    page.wait_for_function("document.querySelectorAll('#facts-body tr').length === 25")
    page.click("th[data-key='amount']")
    assert "10,000,000,000" in page.inner_text("#facts-body tr:first-child")


def test_browser_click_shows_the_evidence_in_the_article(
    page: Any, tmp_path: Path
) -> None:
    _search(page, "Soylent", 1)
    page.click("#facts-body tr:first-child")
    evidence = (
        "Soylent SA versera à Initech AG 300 000 euros par mois à partir de mai 2024."
    )
    assert page.inner_text("#evidence-mark") == evidence
    assert page.inner_text("#article-text").startswith("Soylent choisit Initech")
    assert (
        page.get_attribute("#detail h3 a", "href")
        == "https://example.fr/soylent-initech"
    )
    _search(page, "TikTok die OpenAI", 3)
    page.click("#facts-body tr:first-child")
    assert page.locator("#evidence-mark").is_visible()
    page.click(
        "#f-reset"
    )  # the overview, with the clicked fact still open beside the table
    page.wait_for_function(
        "document.getElementById('count-filtered').textContent === '30 facts'"
    )
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot))
    keep = ROOT / "bench" / "out"
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, keep / "dashboard.png")
    assert shot.stat().st_size > 50_000


def test_browser_fact_without_article_text(page: Any) -> None:
    _search(page, "Someone paid someone", 1)
    page.click("#facts-body tr:first-child")
    assert page.inner_text("#evidence-mark") == "Someone paid someone something."
    assert "build it with --articles" in page.inner_text("#detail")
    assert page.errors == []
