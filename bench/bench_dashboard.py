"""Benchmark the dashboard build (and the export) on 100,000 fact rows.

    python bench/bench_dashboard.py [--n 100000] [--out bench/out/dashboard-100k.html] [--browser] [--no-export]

The rows are synthetic but shaped like `extract --facts` output: about four facts per article
(sharing its evidence sentence, title and source), 60 customers, 30 vendors, EUR/USD/GBP,
rates P1M/P3M/P1Y/none, three years of periods (a third of them with an end, so the time series
spreads them over 1-24 months), ``*_norm`` names as the pipeline writes them (12 customer groups of
5 spellings each), five languages, some nulls. Prints one line per
figure. ``--browser`` also opens the page in /usr/bin/chromium and prints the load time and the
time one search, one sort and one page turn take in the page (the responsiveness goal).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsfacts.dashboard.build import build_dashboard

CUSTOMERS = [
    f"{a} {b}"
    for a in (
        "Acme",
        "Globex",
        "Soylent",
        "Umbrella",
        "Hooli",
        "Stark",
        "Wayne",
        "Wonka",
        "Tyrell",
        "Cyberdyne",
        "Aperture",
        "Initrode",
    )
    for b in ("AG", "Corp", "Ltd", "SA", "GmbH")
]
VENDORS = [
    f"{v}"
    for v in (
        "Microsoft",
        "Amazon",
        "Google",
        "Oracle",
        "SAP",
        "IBM",
        "Salesforce",
        "OpenAI",
        "Nvidia",
        "Adobe",
        "Atlassian",
        "Snowflake",
        "Databricks",
        "Cloudflare",
        "Akamai",
    )
] + [f"Vendor {i}" for i in range(15)]
LANGS = ["de", "en", "fr", "es", "it"]
RATES = ["P1M", "P1M", "P3M", "P1Y", None, None]
CURRENCIES = ["EUR", "EUR", "USD", "USD", "USD", "GBP"]


def synthetic_rows(n: int, *, seed: int = 7) -> list[dict[str, object]]:
    """``n`` fact rows, about four per article."""
    rnd = random.Random(seed)
    rows: list[dict[str, object]] = []
    article = 0
    while len(rows) < n:
        article += 1
        lang = rnd.choice(LANGS)
        year, month = rnd.choice((2023, 2024, 2025)), rnd.randint(1, 12)
        published = f"{year}-{month:02d}-{rnd.randint(1, 28):02d}"
        url = None if rnd.random() < 0.1 else f"https://news{rnd.randint(1, 40)}.example.com/{year}/{article}"
        base = {
            "schema": "newsfacts.fact/1",
            "article_id": f"a{article:07d}",
            "source": url or f"feeds/wire-{article % 50}.jsonl",
            "url": url,
            "title": f"Deal report {article}: {rnd.choice(CUSTOMERS)} and {rnd.choice(VENDORS)}",
            "published": None if rnd.random() < 0.03 else published,
            "language": lang,
            "extractor_version": "0.1.0",
        }
        for k in range(rnd.randint(1, 7)):
            customer, vendor = rnd.choice(CUSTOMERS), rnd.choice(VENDORS)
            value = rnd.choice((1, 2, 5, 10, 20, 50, 120, 300)) * 10 ** rnd.randint(4, 7)
            currency, rate = rnd.choice(CURRENCIES), rnd.choice(RATES)
            sentence = (
                f"{customer} pays {vendor} {value:,} {currency} "
                f"{ {'P1M': 'per month', 'P3M': 'per quarter', 'P1Y': 'per year'}.get(rate or '', 'once') } "
                f"for cloud services, article {article} sentence {k}."
            )
            start = 40 + 200 * k
            months = rnd.randint(0, 23)  # a period end for a third of the periods
            end_year, end_month = year + (month - 1 + months) // 12, (month - 1 + months) % 12 + 1
            kind = rnd.choices(("payment", "revenue", "spending", "change", "count"), (6, 2, 1, 1, 1))[0]
            rows.append(
                {
                    **base,
                    "fact_id": f"{article:07d}{k:02d}",
                    "kind": kind,
                    "customer": customer if kind == "payment" and rnd.random() > 0.05 else None,
                    "vendor": vendor if kind == "payment" else None,
                    "company": None if kind == "payment" else customer,
                    "customer_norm": None,  # set below, as the pipeline does
                    "vendor_norm": None,
                    "company_norm": None,
                    "product": rnd.choice((None, "cloud", "AI", "licences")),
                    "metric": None,
                    "of": None,
                    "amount_value": None if kind in ("change", "count") or rnd.random() < 0.03 else value,
                    "amount_currency": None if kind in ("change", "count") else currency,
                    "amount_qualifier": rnd.choice((None, None, "approx", "more_than")),
                    "amount_vague": False,
                    "amount_min": None,
                    "amount_max": None,
                    "rate": rate if kind == "payment" else None,
                    "count_value": rnd.randint(10, 10_000) if kind == "count" else None,
                    "count_qualifier": None,
                    "percent_value": rnd.randint(1, 40) if kind == "change" else None,
                    "percent_kind": "change" if kind == "change" else None,
                    "percent_qualifier": None,
                    "direction": rnd.choice(("up", "down")) if kind == "change" else None,
                    "period_start": None if rnd.random() < 0.2 else f"{year}-{month:02d}-01",
                    "period_end": f"{end_year}-{end_month:02d}-28" if rnd.random() < 0.33 else None,
                    "evidence": sentence,
                    "evidence_start": start,
                    "evidence_end": start + len(sentence),
                    "confidence": round(rnd.uniform(0.4, 1.0), 2),
                }
            )
    for row in rows:  # the legal form dropped: "Acme AG" and "Acme Corp" group as "Acme"
        for role in ("customer", "vendor", "company"):
            name = row[role]
            row[f"{role}_norm"] = name.split(" ")[0] if role != "vendor" and name else name
        if row["period_start"] is None:
            row["period_end"] = None
    return rows[:n]


def browser_figures(html: Path) -> None:
    from playwright.sync_api import sync_playwright

    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as home:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=flags, env={"HOME": home})
        page = browser.new_context(viewport={"width": 1440, "height": 1000}, bypass_csp=True).new_page()
        page.set_default_timeout(120_000)
        started = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-ready='1']")
        print(
            f"browser load to first render: {time.perf_counter() - started:.2f} s "
            f"(first refresh in the page {page.get_attribute('body', 'data-refresh-ms')} ms)"
        )
        for label, action in (
            (
                "search 'Microsoft' (filter + sums + charts + table)",
                lambda: page.fill("#f-search", "Microsoft"),
            ),
            ("kind = payment", lambda: page.select_option("#f-kind", "payment")),
            ("currency switch", lambda: page.select_option("#f-currency", index=1)),
        ):
            before = page.inner_text("#count-filtered") + page.inner_text("#kpis")
            action()
            page.wait_for_function(
                f"document.getElementById('count-filtered').textContent + document.getElementById('kpis').innerText !== {before!r}"
            )
            print(f"{label}: {page.get_attribute('body', 'data-refresh-ms')} ms in the page")
        for label, selector in (
            ("sort by amount", "th[data-key='amount']"),
            ("next page", "button[data-page='›']"),
        ):
            started = time.perf_counter()
            page.click(selector)
            page.wait_for_timeout(0)
            print(f"{label}: {1000 * (time.perf_counter() - started):.0f} ms round trip")
        page.screenshot(path=str(html.with_suffix(".png")))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "dashboard-100k.html")
    parser.add_argument("--browser", action="store_true", help="also time the page in /usr/bin/chromium")
    parser.add_argument("--no-export", action="store_true", help="skip the DuckDB/Parquet export figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts.jsonl"
        with facts.open("w", encoding="utf-8") as handle:
            for row in synthetic_rows(args.n):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"input: {args.n:,} fact rows, {facts.stat().st_size / 1e6:.1f} MB of JSONL")
        report = build_dashboard([str(facts)], args.out, title=f"newsfacts bench: {args.n:,} facts")
        print(
            f"dashboard build: {report.seconds:.2f} s, {report.bytes / 1e6:.1f} MB "
            f"({report.facts:,} facts, {report.articles:,} articles) -> {report.path}"
        )
        if not args.no_export:
            try:
                from newsfacts.dashboard.export import export_facts

                started = time.perf_counter()
                export_facts(
                    [str(facts)],
                    parquet_dir=Path(tmp) / "pq",
                    duckdb_path=Path(tmp) / "f.duckdb",
                )
                files = list((Path(tmp) / "pq").iterdir())
                size = sum(p.stat().st_size for p in files)
                print(
                    f"export (DuckDB file + {len(files)} Parquet files): {time.perf_counter() - started:.2f} s, "
                    f"Parquet {size / 1e6:.1f} MB"
                )
            except Exception as exc:  # noqa: BLE001 - a bench reports and goes on
                print(f"export skipped: {exc}")
    if args.browser:
        browser_figures(report.path)


if __name__ == "__main__":
    main()
