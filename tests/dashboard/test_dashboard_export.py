"""Parquet and DuckDB exports, checked with DuckDB against the JSONL they came from."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from dashboard.errors import InputError
from dashboard.export import VIEWS, export_facts
from dashboard.periods import per_month

duckdb = pytest.importorskip(
    "duckdb",
    reason="the export needs the dashboard extra: pip install 'newsfacts[dashboard]'",
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "dashboard"
FILES = [
    str(FIXTURES / f) for f in ("facts.jsonl", "nulls.jsonl", "pipeline-facts.jsonl")
]


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
    report = export_facts(
        FILES, parquet_dir=out / "parquet", duckdb_path=out / "facts.duckdb"
    )
    assert report.facts == len(_rows())
    assert {p.name for p in report.parquet} == {
        f"{v}.parquet" for v in ("facts", *VIEWS)
    }
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
    assert (
        types["published"] == "DATE"
        and types["amount_vague"] == "BOOLEAN"
        and types["evidence_start"] == "INTEGER"
    )
    views = {
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
    }
    assert views == set(VIEWS)
    payments = [r for r in _rows() if r["kind"] == "payment"]
    assert con.execute("SELECT count(*) FROM payments").fetchone()[0] == len(payments)
    monthly = con.execute(
        "SELECT currency, customer, sum(recurring_per_month), sum(one_off_total) FROM monthly_payment_totals "
        "WHERE currency IS NOT NULL GROUP BY ALL").fetchall()  # fmt: skip
    expected: dict[tuple[str, str | None], list[float]] = {}
    for r in payments:
        if r["amount_value"] is None or r["amount_currency"] is None:
            continue
        slot = expected.setdefault((r["amount_currency"], r["customer"]), [0.0, 0.0])
        if r["rate"] is None:
            slot[1] += float(r["amount_value"])
        else:
            slot[0] += per_month(float(r["amount_value"]), r["rate"]) or 0.0
    assert len(monthly) == len(expected)
    for currency, customer, recurring, one_off in monthly:
        want = expected[(currency, customer)]
        assert (recurring or 0.0) == pytest.approx(want[0]) and float(
            one_off or 0
        ) == pytest.approx(want[1])
    march = con.execute(
        "SELECT recurring_per_month FROM monthly_payment_totals_by_vendor "
        "WHERE month = DATE '2024-03-01' AND vendor = 'Initech AG' AND currency = 'EUR'").fetchone()  # fmt: skip
    assert march[0] == pytest.approx(100_000)  # 1.2 M EUR a year, as a month
    con.close()


def test_export_rows_with_nulls_everywhere(tmp_path: Path) -> None:
    report = export_facts(
        [str(FIXTURES / "nulls.jsonl")], duckdb_path=tmp_path / "n.duckdb"
    )
    con = duckdb.connect(str(report.duckdb), read_only=True)
    assert con.execute(
        "SELECT count(*), count(customer), sum(amount_value) FROM facts"
    ).fetchone() == (3, 0, Decimal(750000))
    assert (
        con.execute(
            "SELECT count(*) FROM monthly_payment_totals WHERE month IS NULL"
        ).fetchone()[0]
        == 1
    )
    con.close()


def test_export_missing_input(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        export_facts([str(tmp_path / "none.jsonl")], duckdb_path=tmp_path / "x.duckdb")
