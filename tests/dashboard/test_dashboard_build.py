"""Reading fact rows, normalising rates, and building the dashboard page (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsfacts.dashboard.aggregate import (
    NO_CURRENCY,
    UNNAMED,
    monthly_totals,
    payment_totals,
    surface_names,
)
from newsfacts.dashboard.build import ROLES, build_dashboard, encode
from newsfacts.dashboard.errors import InputError
from newsfacts.dashboard.periods import month_of, months_of, per_month, spread_months
from newsfacts.dashboard.sources import _flatten, expand_paths, read_facts
from newsfacts.extractors.facts import fact_rows
from newsfacts.extractors.records import NAME_ROLES, Article, Fact, FactRow

FIXTURES = Path(__file__).parents[2] / "fixtures" / "dashboard"
FACT_FILES = ["facts.jsonl", "nulls.jsonl", "pipeline-facts.jsonl"]
ARTICLE_FILES = ["articles.jsonl", "pipeline-articles.jsonl"]


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", FACT_FILES)
def test_fixtures_fact_rows_follow_the_contract(name: str) -> None:
    for row in _rows(name):
        FactRow.model_validate(row)


@pytest.mark.parametrize("name", ARTICLE_FILES)
def test_fixtures_evidence_offsets_index_the_article_text(name: str) -> None:
    texts = {a["id"]: Article.model_validate(a).text for a in _rows(name)}
    facts = _rows("facts.jsonl" if name == "articles.jsonl" else "pipeline-facts.jsonl")
    for row in facts:
        assert texts[row["article_id"]][row["evidence_start"] : row["evidence_end"]] == row["evidence"]


@pytest.mark.parametrize(
    ("value", "rate", "expected"),
    [(1200, "P1Y", 100), (300, "P3M", 100), (100, "P1M", 100), (7, "P1W", 7 * 365.25 / 12 / 7),
     (1, "P1D", 365.25 / 12), (500, None, None), (None, "P1M", None), (5, "P2Y", None)],
)  # fmt: skip
def test_periods_per_month(value: float | None, rate: str | None, expected: float | None) -> None:
    assert per_month(value, rate) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(
    ("row", "expected"),
    [({"period_start": "2024-03-01", "published": "2024-08-01"}, "2024-03"),
     ({"period_start": None, "published": "2024-08-01"}, "2024-08"), ({}, None)],
)  # fmt: skip
def test_periods_month_of(row: dict, expected: str | None) -> None:
    assert month_of(row) == expected


@pytest.mark.parametrize(
    ("row", "months"),
    [({"rate": "P1M", "period_start": "2024-07-01", "period_end": "2024-12-31"},
      ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"]),
     ({"rate": "P3M", "period_start": "2024-11-15", "period_end": "2025-01-10"}, ["2024-11", "2024-12", "2025-01"]),
     ({"rate": "P1M", "period_start": "2024-01-01", "period_end": None}, ["2024-01"]),  # no end: once
     ({"rate": None, "period_start": "2024-04-01", "period_end": "2024-06-30"}, ["2024-04"]),  # one-off: once
     ({"rate": "P1M", "period_start": "2024-06-01", "period_end": "2024-03-31"}, ["2024-06"]),  # end first: once
     ({"rate": "P1Y", "period_start": "1990-01-01", "period_end": "2090-12-31"}, ["1990-01"]),  # > 600 months
     ({"rate": "P1M", "period_start": None, "period_end": "2024-03-31", "published": "2024-02-10"}, ["2024-02"]),
     ({"rate": "P1M"}, [])],
)  # fmt: skip
def test_periods_months_of_spreads_a_rate_over_its_period(row: dict, months: list[str]) -> None:
    assert months_of(row) == months
    assert spread_months(row) == max(1, len(months))


def test_aggregate_payment_totals_keep_currencies_apart() -> None:
    rows = _rows("facts.jsonl")
    usd = payment_totals(rows, by="customer", currency="USD")
    # "Acme Corp" and "Acme Corporation" are one customer: grouped by customer_norm
    assert usd["Acme"].per_month == pytest.approx(2_000_000 + 300_000 + 1_500_000 + 250_000)
    assert usd["Umbrella"].one_off == 500_000 and usd["Umbrella"].per_month == 0
    eur = payment_totals(rows, by="vendor", currency="EUR")
    assert eur["Initech"].per_month == pytest.approx(100_000 + 300_000 + 4_000_000 / 12)
    assert "Globex" not in eur  # a USD vendor never shows up in EUR without rates
    converted = payment_totals(rows, by="vendor", currency="EUR", fx={"USD": 0.5})
    assert converted["Globex"].per_month == pytest.approx(0.5 * 4_050_000)


def test_aggregate_names_group_by_norm_with_a_fallback_to_the_written_name() -> None:
    rows = _rows("facts.jsonl") + _rows("pipeline-facts.jsonl")  # the latter has no *_norm fields
    assert surface_names(rows, "customer")["Acme"] == ["Acme Corp", "Acme Corporation"]
    assert surface_names(rows, "vendor")["Globex"] == ["Globex Inc", "Globex, Inc."]
    usd = payment_totals(rows, by="customer", currency="USD")
    assert "TikTok" in usd and "Acme Corp" not in usd


def test_aggregate_monthly_totals_spread_rates_over_their_period() -> None:
    rows = _rows("facts.jsonl")
    usd = monthly_totals(rows, by="vendor", currency="USD")
    assert usd == pytest.approx({
        ("2024-01", "Globex"): 2_000_000,  # from January, no end: counted once
        ("2024-04", "Globex"): 300_000, ("2024-05", "Globex"): 300_000,  # 900,000 a quarter, Apr-Jun
        ("2024-06", "Globex"): 300_000 + 1_500_000,
        **{(f"2024-{m:02d}", "Globex"): 250_000 for m in range(7, 13)},  # 250,000 a month, Jul-Dec
    })  # fmt: skip
    assert monthly_totals(rows, by="vendor", currency="USD", basis="oneoff") == {
        ("2024-04", "Globex"): 500_000  # a one-off amount is not spread over its period
    }
    eur = monthly_totals(rows, by="customer", currency="EUR")
    assert eur[("2024-03", "Stadtwerke Nord")] == pytest.approx(100_000)


def test_aggregate_rows_with_nulls_everywhere() -> None:
    rows = _rows("nulls.jsonl")
    totals = payment_totals(rows, by="customer", currency=NO_CURRENCY)
    assert totals == {UNNAMED: totals[UNNAMED]} and totals[UNNAMED].one_off == 750_000


def test_sources_files_folders_and_globs(tmp_path: Path) -> None:
    assert expand_paths([str(FIXTURES / "facts.jsonl")]) == [str(FIXTURES / "facts.jsonl")]
    assert str(FIXTURES / "nulls.jsonl") in expand_paths([str(FIXTURES)])
    assert expand_paths([str(FIXTURES / "pipeline-*.jsonl")]) == [
        str(FIXTURES / "pipeline-articles.jsonl"), str(FIXTURES / "pipeline-facts.jsonl")]  # fmt: skip
    with pytest.raises(InputError, match="no such file"):
        expand_paths([str(tmp_path / "missing*.jsonl")])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "payment"\n', encoding="utf-8")
    data = read_facts([str(bad)])  # a bad line is skipped and named, not the end (issue 18)
    assert data.rows == [] and len(data.unreadable) == 1
    assert re.search(r"bad\.jsonl:1.*not JSON", data.unreadable[0])


def test_sources_article_records_are_flattened_like_extract_facts() -> None:
    from_articles = read_facts([str(FIXTURES / "pipeline-articles.jsonl")])
    from_facts = _rows("pipeline-facts.jsonl")
    assert [r["fact_id"] for r in from_articles.rows] == [r["fact_id"] for r in from_facts]
    assert from_articles.rows[0]["source"] == from_facts[0]["source"]
    assert set(from_articles.texts) == {r["article_id"] for r in from_facts}


def test_sources_flatten_matches_fact_rows() -> None:
    """Drift: the dashboard's dict flattening gives what extractors' fact_rows gives, field for field."""
    for line in (FIXTURES / "pipeline-articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = Article.model_validate_json(line)
        if not article.facts:
            continue
        expected = [row.model_dump(mode="json", by_alias=True) for row in fact_rows(article)]
        assert _flatten(article.model_dump(mode="json", by_alias=True)) == expected


def test_name_roles_are_the_fact_fields_with_a_grouping_name() -> None:
    """Drift: NAME_ROLES (declared once, in extractors/records.py) names every `<role>_norm` field."""
    assert sorted(NAME_ROLES) == sorted(f[: -len("_norm")] for f in Fact.model_fields if f.endswith("_norm"))
    assert set(ROLES) <= set(NAME_ROLES)


def test_build_encode_round_trips_every_row() -> None:
    data = read_facts([str(FIXTURES / f) for f in FACT_FILES])
    payload = encode(data)
    fields = payload["article_fields"]
    for i, row in enumerate(data.rows):
        strings = payload["strings"]
        for name in (
            "kind",
            "customer",
            "vendor",
            "amount_currency",
            "rate",
            "evidence",
        ):
            code = strings[name]["codes"][i]
            assert (None if code < 0 else strings[name]["values"][code]) == row.get(name)
        assert payload["numbers"]["amount_value"][i] == row.get("amount_value")
        article = payload["articles"][payload["article_of"][i]]
        assert article[fields.index("source")] == row.get("source")
        group = strings["customer_group"]["codes"][i]
        want = row.get("customer_norm") or row.get("customer")
        assert (None if group < 0 else strings["customer_group"]["values"][group]) == want
    assert payload["names"]["customer"]["Acme"] == ["Acme Corp", "Acme Corporation"]
    spread = payload["numbers"]["spread"]
    assert spread == [spread_months(row) for row in data.rows]
    assert sorted(n for n in spread if n > 1) == [3, 3, 3, 6]  # Acme x2 (hand-made), Intuit, Walmart


def test_build_page_is_self_contained_and_escapes_data(tmp_path: Path) -> None:
    hostile = dict(
        _rows("nulls.jsonl")[0],
        evidence="</script><script>alert(1)</script>",
        title="<b>x</b>",
    )
    facts = tmp_path / "facts.jsonl"
    facts.write_text(json.dumps(hostile) + "\n", encoding="utf-8")
    report = build_dashboard([str(facts)], tmp_path / "out.html", title="A <Title>")
    page = report.path.read_text(encoding="utf-8")
    assert report.facts == 1 and page.count("</script>") == 2  # the data block's and the code's
    assert "<title>A &lt;Title&gt;</title>" in page and "__TITLE__" not in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)  # nothing fetched: no CDN


def test_build_fixture_dashboard(tmp_path: Path) -> None:
    report = build_dashboard(
        [str(FIXTURES / f) for f in FACT_FILES], tmp_path / "d.html",
        articles=[str(FIXTURES / f) for f in ARTICLE_FILES],
    )  # fmt: skip
    assert (report.facts, report.texts) == (31, 9)
    assert report.bytes < 200_000
