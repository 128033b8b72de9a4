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

from newsfacts.dashboard.aggregate import monthly_totals, payment_totals
from newsfacts.dashboard.build import build_dashboard

CHROMIUM = Path(os.environ.get("NEWSFACTS_CHROMIUM", "/usr/bin/chromium"))  # Debian's package
# .ci/run sets this when chromium is installed: from then on a missing piece is an error, not a skip
REQUIRED = os.environ.get("NEWSFACTS_REQUIRE_BROWSER") == "1"


def _missing(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"NEWSFACTS_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


if not CHROMIUM.exists():
    _missing(
        f"{CHROMIUM} is missing: install Debian's chromium as root (apt-get install chromium; "
        ".ci/run does it when it runs as root or with password-less sudo) or set NEWSFACTS_CHROMIUM"
    )
try:
    from playwright import sync_api
except ImportError:
    _missing("Playwright is missing: pip install 'newsfacts[dashboard]'")

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "fixtures" / "dashboard"
FACT_FILES = [str(FIXTURES / f) for f in ("facts.jsonl", "nulls.jsonl", "pipeline-facts.jsonl")]
ARTICLE_FILES = [str(FIXTURES / f) for f in ("articles.jsonl", "pipeline-articles.jsonl")]
FX = {"USD": 0.92}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def _rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for file in FACT_FILES:
        rows.extend(json.loads(line) for line in Path(file).read_text(encoding="utf-8").splitlines())
    return rows


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    out = tmp_path_factory.mktemp("dashboard")
    html = build_dashboard(FACT_FILES, out / "dashboard.html", articles=ARTICLE_FILES, fx=FX, to="EUR").path
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
    label = f"{count} facts" + (f" (of {len(_rows())})" if count != len(_rows()) else "")
    page.wait_for_function(f"document.getElementById('count-filtered').textContent === {label!r}")


def _select(page: Any, select: str, value: str) -> None:
    page.select_option(select, value)
    page.wait_for_timeout(50)


def test_browser_charts_render_the_python_totals(page: Any) -> None:
    rows = _rows()
    assert page.errors == []
    assert page.input_value("#f-currency") == "USD"  # the currency with the most payments comes first
    want = {k: t.per_month for k, t in payment_totals(rows, by="customer", currency="USD").items() if t.per_month}
    assert _bars(page, "chart-customers") == pytest.approx(want)
    # the time series: a rate with a period counts in each month of it, as monthly_totals says
    per_month: dict[str, float] = {}
    for (month, _), value in monthly_totals(rows, by="customer", currency="USD").items():
        per_month[month] = per_month.get(month, 0.0) + value
    drawn: dict[str, float] = {}
    for bar in page.locator("#chart-timeline rect.bar").all():
        month = bar.get_attribute("data-month")
        drawn[month] = drawn.get(month, 0.0) + float(bar.get_attribute("data-value"))
    assert drawn == pytest.approx(per_month)
    assert {f"2024-{m:02d}" for m in range(7, 13)} <= set(drawn)  # Acme's July-December rate
    assert set(_bars(page, "chart-language")) == {"de", "en", "fr", "und"}
    _select(page, "#f-currency", "EUR")
    _select(page, "#f-basis", "oneoff")
    want = {k: t.one_off for k, t in payment_totals(rows, by="vendor", currency="EUR").items() if t.one_off}
    assert _bars(page, "chart-vendors") == pytest.approx(want)
    _select(page, "#f-currency", "fx:EUR")
    _select(page, "#f-basis", "year")
    want = {
        k: 12 * t.per_month for k, t in payment_totals(rows, by="vendor", currency="EUR", fx=FX).items() if t.per_month
    }
    assert _bars(page, "chart-vendors") == pytest.approx(want)
    _select(page, "#f-currency", "USD")
    _select(page, "#f-basis", "month")


def test_browser_names_are_grouped_and_the_written_forms_shown(page: Any) -> None:
    acme = page.locator("#chart-customers rect.bar[data-label='Acme']")
    assert acme.get_attribute("data-names") == "Acme Corp\nAcme Corporation"
    assert "written as: Acme Corp, Acme Corporation" in acme.locator("title").text_content()
    assert "Acme ← Acme Corp, Acme Corporation" in page.inner_text("#chart-customers")
    acme.click()  # filters on the group: both spellings, every currency
    page.wait_for_function("document.getElementById('count-filtered').textContent === '5 facts (of 31)'")
    cells = page.locator("#facts-body tr td:nth-child(3)").all_inner_texts()
    assert {c.splitlines()[0] for c in cells} == {"Acme Corp", "Acme Corporation"}
    assert all(c.splitlines()[1] == "→ Acme" for c in cells)
    page.click("#chips button")
    page.wait_for_function("document.getElementById('count-filtered').textContent === '31 facts'")


def test_browser_table_filters_sorts_and_pages(page: Any) -> None:
    assert page.locator("#facts-body tr").count() == 25
    assert page.inner_text("#page-label") == "page 1 of 2"
    page.click("button[data-page='›']")
    assert page.locator("#facts-body tr").count() == 6
    _search(page, "initech ag", 4)
    for row in page.locator("#facts-body tr").all():
        assert "Initech AG" in row.inner_text()
    _select(page, "#f-kind", "payment")
    assert page.locator("#facts-body tr").count() == 3
    assert set(_bars(page, "chart-vendors")) == set()  # Initech is paid in EUR: nothing in USD
    page.click("#f-reset")
    page.wait_for_function("document.querySelectorAll('#facts-body tr').length === 25")
    page.click("th[data-key='amount']")
    assert "10,000,000,000" in page.inner_text("#facts-body tr:first-child")


def test_browser_click_shows_the_evidence_in_the_article(page: Any, tmp_path: Path) -> None:
    _search(page, "Soylent", 1)
    page.click("#facts-body tr:first-child")
    evidence = "Soylent SA versera à Initech AG 300 000 euros par mois à partir de mai 2024."
    assert page.inner_text("#evidence-mark") == evidence
    assert page.inner_text("#article-text").startswith("Soylent choisit Initech")
    assert page.get_attribute("#detail h3 a", "href") == "https://example.fr/soylent-initech"
    _search(page, "TikTok die OpenAI", 3)
    page.click("#facts-body tr:first-child")
    assert page.locator("#evidence-mark").is_visible()
    page.click("#f-reset")  # the overview, with the clicked fact still open beside the table
    page.wait_for_function("document.getElementById('count-filtered').textContent === '31 facts'")
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
