"""Parquet and DuckDB exports, checked with DuckDB against the JSONL they came from."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from newsfacts.dashboard.errors import InputError
from newsfacts.dashboard.export import FACT_COLUMNS, VIEWS, export_facts
from newsfacts.extractors.records import FactRow

duckdb = pytest.importorskip(
    "duckdb",
    reason="the export needs the dashboard extra: pip install 'newsfacts[dashboard]'",
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "dashboard"
FILES = [str(FIXTURES / f) for f in ("facts.jsonl", "nulls.jsonl", "pipeline-facts.jsonl")]


def _rows() -> list[dict]:
    rows = []
    for file in FILES:
        with open(file, encoding="utf-8") as handle:
            rows.extend(json.loads(line, parse_float=Decimal) for line in handle)
    return rows


def _expected_totals() -> dict[tuple[str | None, str], Decimal]:
    sums: dict[tuple[str | None, str], Decimal] = {}
    for row in _rows():
        if row["amount_value"] is not None:
            key = (row["amount_currency"], row["kind"])
            sums[key] = sums.get(key, Decimal(0)) + Decimal(row["amount_value"])
    return sums


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("export")
    report = export_facts(FILES, parquet_dir=out / "parquet", duckdb_path=out / "facts.duckdb")
    assert report.facts == len(_rows())
    assert {p.name for p in report.parquet} == {f"{v}.parquet" for v in ("facts", *VIEWS)}
    return out / "parquet", out / "facts.duckdb"


def test_export_parquet_totals_match_the_jsonl(exported: tuple[Path, Path]) -> None:
    parquet, _ = exported
    got = duckdb.sql(
        f"SELECT amount_currency, kind, sum(amount_value) FROM '{parquet / 'facts.parquet'}' "
        "WHERE amount_value IS NOT NULL GROUP BY ALL"
    ).fetchall()
    assert {(c, k): v for c, k, v in got} == _expected_totals()


def test_export_duckdb_types_and_views(exported: tuple[Path, Path]) -> None:
    _, db = exported
    con = duckdb.connect(str(db), read_only=True)
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'facts'"
        ).fetchall()
    )
    assert types["amount_value"] == "DECIMAL(38,6)" and types["period_start"] == "DATE"
    assert types["published"] == "DATE" and types["amount_vague"] == "BOOLEAN" and types["evidence_start"] == "INTEGER"
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert views == set(VIEWS)
    payments = [r for r in _rows() if r["kind"] == "payment"]
    assert con.execute("SELECT count(*) FROM payments").fetchone()[0] == len(payments)
    # every payment of the JSONL, spread by hand: a rate with a period in each month of it
    expected: dict[tuple[str, str, str], Decimal] = {}
    for r in payments:
        if r["amount_value"] is None or r["amount_currency"] is None or r["rate"] is None:
            continue
        months = _hand_months(r)
        name = r.get("customer_norm") or r["customer"]
        for month in months:
            key = (month, r["amount_currency"], name)
            expected[key] = expected.get(key, Decimal(0)) + Decimal(str(r["amount_value"])) / RATE[r["rate"]]
    monthly = con.execute(
        "SELECT strftime(month, '%Y-%m'), currency, customer, recurring_per_month "
        "FROM monthly_payment_totals_by_customer WHERE recurring_per_month IS NOT NULL").fetchall()  # fmt: skip
    assert {(m, c, n): pytest.approx(float(v)) for (m, c, n), v in expected.items()} == {
        (m, c, n): v for m, c, n, v in monthly
    }
    one_off = con.execute(
        "SELECT currency, customer, sum(one_off_total) FROM monthly_payment_totals "
        "WHERE one_off_total IS NOT NULL GROUP BY ALL").fetchall()  # fmt: skip
    want_one_off: dict[tuple[str | None, str | None], Decimal] = {}
    for r in payments:
        if r["amount_value"] is not None and r["rate"] is None:
            key = (r["amount_currency"], r.get("customer_norm") or r["customer"])
            want_one_off[key] = want_one_off.get(key, Decimal(0)) + Decimal(str(r["amount_value"]))
    assert {(c, n): v for c, n, v in one_off} == want_one_off
    march = con.execute(
        "SELECT recurring_per_month FROM monthly_payment_totals_by_vendor "
        "WHERE month = DATE '2024-03-01' AND vendor = 'Initech' AND currency = 'EUR'").fetchone()  # fmt: skip
    assert march[0] == pytest.approx(100_000)  # 1.2 M EUR a year, as a month
    con.close()


RATE = {"P1M": 1, "P3M": 3, "P1Y": 12}


def _hand_months(row: dict) -> list[str]:
    """The fixture's periods are whole months within one year: enough to spread them by hand."""
    start = row["period_start"] or row["published"]
    if row["period_start"] is None or row["period_end"] is None:
        return [start[:7]]
    first, last = int(row["period_start"][5:7]), int(row["period_end"][5:7])
    assert row["period_start"][:4] == row["period_end"][:4]
    return [f"{start[:4]}-{m:02d}" for m in range(first, last + 1)]


def test_export_spreads_a_rate_over_its_period(exported: tuple[Path, Path]) -> None:
    _, db = exported
    con = duckdb.connect(str(db), read_only=True)
    got = con.execute(
        "SELECT strftime(month, '%Y-%m'), recurring_per_month, customer_names FROM monthly_payment_totals "
        "WHERE customer = 'Acme' AND vendor = 'Globex' AND currency = 'USD' ORDER BY month").fetchall()  # fmt: skip
    assert got == [
        ("2024-01", 2_000_000.0, "Acme Corp"),  # a rate from January, no end: once, in January
        ("2024-04", 300_000.0, "Acme Corp"),  # 900,000 a quarter, April to June: 300,000 a month
        ("2024-05", 300_000.0, "Acme Corp"),
        ("2024-06", 1_800_000.0, "Acme Corp"),  # + 1.5 M a month for June only
        *[(f"2024-{m:02d}", 250_000.0, "Acme Corporation") for m in range(7, 13)],
    ]
    assert con.execute(
        "SELECT count(*), sum(months_counted) FROM payments WHERE fact_id = '1ac5ea7bc28399a79108'"
    ).fetchone() == (1, 6)
    con.close()


def test_export_groups_by_normalised_name_and_keeps_the_written_ones(
    exported: tuple[Path, Path],
) -> None:
    _, db = exported
    con = duckdb.connect(str(db), read_only=True)
    names = dict(con.execute(
        "SELECT vendor, string_agg(DISTINCT vendor_names, '; ' ORDER BY vendor_names) "
        "FROM monthly_payment_totals_by_vendor WHERE currency = 'USD' GROUP BY ALL").fetchall())  # fmt: skip
    assert names["Globex"] == "Globex Inc; Globex, Inc."
    written = con.execute(
        "SELECT DISTINCT customer_as_written FROM payments WHERE customer = 'Acme' ORDER BY 1"
    ).fetchall()
    assert written == [("Acme Corp",), ("Acme Corporation",)]
    # rows without *_norm (written before the field existed) group by the name as written
    assert (
        con.execute("SELECT count(*) FROM facts WHERE customer = 'TikTok' AND customer_norm IS NULL").fetchone()[0] == 1
    )
    assert con.execute("SELECT count(*) FROM payments WHERE customer = 'TikTok'").fetchone()[0] == 1
    con.close()


def test_export_rows_with_nulls_everywhere(tmp_path: Path) -> None:
    report = export_facts([str(FIXTURES / "nulls.jsonl")], duckdb_path=tmp_path / "n.duckdb")
    con = duckdb.connect(str(report.duckdb), read_only=True)
    assert con.execute("SELECT count(*), count(customer), sum(amount_value) FROM facts").fetchone() == (
        3,
        0,
        Decimal(750000),
    )
    assert con.execute("SELECT count(*) FROM monthly_payment_totals WHERE month IS NULL").fetchone()[0] == 1
    con.close()


def test_export_missing_input(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        export_facts([str(tmp_path / "none.jsonl")], duckdb_path=tmp_path / "x.duckdb")


def test_export_columns_follow_the_fact_row() -> None:
    """Drift: every field of the fact row (extractors/records.py) has a typed column, and no more."""
    fields = [field.alias or name for name, field in FactRow.model_fields.items()]
    assert sorted(FACT_COLUMNS) == sorted(fields)
