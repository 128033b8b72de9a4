"""Export fact rows to Parquet and to a DuckDB database file, for BI tools and notebooks.

DuckDB reads the JSONL itself (``read_json`` with an explicit, typed column list), so a file whose
optional fields are all null still gets the right types, and fields added to the contract later
are ignored until this list names them. The views are documented in ``dashboard/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfacts.dashboard.errors import ExportError
from newsfacts.dashboard.periods import rate_months_sql, spread_months_sql
from newsfacts.dashboard.sources import expand_paths

if TYPE_CHECKING:
    import duckdb

__all__ = ["FACT_COLUMNS", "VIEWS", "ExportReport", "export_facts", "load_facts"]

# Exact: amounts are decimals in the contract, never floats. 32 integer digits hold every value the
# extractor writes (it writes null past 30, extractors.pipeline.MAX_INTEGER_DIGITS); a larger one,
# in a file from an older version or written by hand, is read as NULL (read_json's ignore_errors)
# rather than failing the export. DOUBLE would fit anything but round amounts; VARCHAR would make
# every BI tool cast. Percentages get the same width: a percentage of 10^20 is null-worthy too.
MONEY = "DECIMAL(38,6)"
FACT_COLUMNS: Mapping[str, str] = {
    "schema": "VARCHAR", "fact_id": "VARCHAR", "kind": "VARCHAR",
    "article_id": "VARCHAR", "source": "VARCHAR", "url": "VARCHAR", "title": "VARCHAR",
    "published": "DATE", "language": "VARCHAR",
    "customer": "VARCHAR", "vendor": "VARCHAR", "company": "VARCHAR",
    "customer_norm": "VARCHAR", "vendor_norm": "VARCHAR", "company_norm": "VARCHAR", "product": "VARCHAR",
    "buyer": "VARCHAR", "target": "VARCHAR", "seller": "VARCHAR",
    "buyer_norm": "VARCHAR", "target_norm": "VARCHAR", "seller_norm": "VARCHAR", "party_source": "VARCHAR",
    "metric": "VARCHAR", "of": "VARCHAR",
    "amount_value": MONEY, "amount_currency": "VARCHAR", "amount_qualifier": "VARCHAR",
    "amount_vague": "BOOLEAN", "amount_min": MONEY, "amount_max": MONEY, "rate": "VARCHAR",
    "count_value": MONEY, "count_qualifier": "VARCHAR",
    "percent_value": MONEY, "percent_kind": "VARCHAR", "percent_qualifier": "VARCHAR",
    "direction": "VARCHAR", "period_start": "DATE", "period_end": "DATE",
    "evidence": "VARCHAR", "evidence_start": "INTEGER", "evidence_end": "INTEGER",
    "confidence": "DOUBLE", "extractor_version": "VARCHAR",
}  # fmt: skip


def _monthly(names: str, surfaces: str) -> str:
    return f"""
        SELECT month, amount_currency AS currency, {names}, count(*) AS facts,
               sum(amount_per_month) AS recurring_per_month, sum(amount_one_off) AS one_off_total,
               {surfaces}
        FROM payment_months GROUP BY ALL"""


def _surfaces(role: str) -> str:
    return f"string_agg(DISTINCT {role}_as_written, '; ' ORDER BY {role}_as_written) AS {role}_names"


# Names: ``customer``/``vendor``/``company`` in the views are the grouping names (the normalised
# ``*_norm`` field, else the name as written, for rows written before the field existed); the
# names as written stay in ``*_as_written`` and, aggregated, in ``*_names``.
VIEWS: Mapping[str, str] = {
    "payments": f"""
        SELECT * EXCLUDE (customer, vendor, company),
               coalesce(customer_norm, customer) AS customer,
               coalesce(vendor_norm, vendor) AS vendor,
               coalesce(company_norm, company) AS company,
               customer AS customer_as_written, vendor AS vendor_as_written,
               company AS company_as_written,
               CAST({rate_months_sql()} AS DOUBLE) AS rate_months,
               CAST(amount_value AS DOUBLE) / {rate_months_sql()} AS amount_per_month,
               CASE WHEN rate IS NULL THEN amount_value END AS amount_one_off,
               CAST(date_trunc('month', coalesce(period_start, published)) AS DATE) AS month,
               CAST(CASE WHEN coalesce(period_start, published) IS NOT NULL THEN {spread_months_sql()} END
                    AS INTEGER) AS months_counted
        FROM facts WHERE kind = 'payment'""",
    # one row per payment and month it counts in: a rate with a period in each month of the
    # period, anything else once (dashboard/periods.py); undated payments once, with month NULL
    "payment_months": """
        SELECT * EXCLUDE (month, months_counted, first_month),
               CAST(first_month + to_months(CAST(k AS INTEGER)) AS DATE) AS month
        FROM (SELECT *, month AS first_month FROM payments)
        CROSS JOIN LATERAL (SELECT unnest(range(coalesce(months_counted, 1))) AS k)""",
    "monthly_payment_totals": _monthly("customer, vendor", f"{_surfaces('customer')}, {_surfaces('vendor')}"),
    "monthly_payment_totals_by_customer": _monthly("customer", _surfaces("customer")),
    "monthly_payment_totals_by_vendor": _monthly("vendor", _surfaces("vendor")),
}


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    facts: int
    parquet: tuple[Path, ...]
    duckdb: Path | None
    skipped: int = 0  # input lines that were no JSON object (not exported)


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError:
        raise ExportError(
            "the export needs DuckDB, which is not installed",
            hint="pip install 'newsfacts[dashboard]'",
        ) from None
    return duckdb


def load_facts(con: duckdb.DuckDBPyConnection, paths: Iterable[str]) -> int:
    """Create table ``facts`` (typed) and the views in ``con`` from fact JSONL; return the row count.

    A line that is no JSON object is skipped (``read_json`` gives it as a row of NULLs, which the
    ``fact_id IS NOT NULL`` filter drops); :func:`count_unreadable` counts such lines. A value that
    does not fit its column's type is NULL.
    """
    files = [f for f in expand_paths(paths) if f != "-"]
    columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in FACT_COLUMNS.items()) + "}"
    con.execute(
        f"""CREATE OR REPLACE TABLE facts AS
            SELECT * FROM read_json(?, format = 'newline_delimited', ignore_errors = true,
                                    columns = {columns})
            WHERE fact_id IS NOT NULL AND coalesce(schema, 'newsfacts.fact/1') = 'newsfacts.fact/1'""",
        [files],
    )
    for name, sql in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
    row = con.execute("SELECT count(*) FROM facts").fetchone()
    return int(row[0]) if row else 0


def count_unreadable(con: duckdb.DuckDBPyConnection, paths: Iterable[str]) -> int:
    """How many lines of the inputs are no JSON object (what ``load_facts`` skips)."""
    files = [f for f in expand_paths(paths) if f != "-"]
    row = con.execute(
        """SELECT count(*) FROM read_json(?, format = 'newline_delimited', ignore_errors = true,
                                          columns = {'j': 'JSON'}, records = false)
           WHERE j IS NULL""",
        [files],
    ).fetchone()
    return int(row[0]) if row else 0


def export_facts(
    paths: Iterable[str],
    *,
    parquet_dir: str | Path | None = None,
    duckdb_path: str | Path | None = None,
) -> ExportReport:
    """Write fact rows to Parquet files and/or a DuckDB database with views.

    Args:
        paths: fact JSONL files, folders or globs.
        parquet_dir: a folder for ``facts.parquet`` and one Parquet file per view.
        duckdb_path: a DuckDB database file (replaced if it exists) holding table ``facts`` and the
            views of ``VIEWS``.

    Returns:
        The files written and the number of facts.

    Raises:
        ExportError: DuckDB is missing, no output was asked for, or an output cannot be written.
        InputError: an input path matches nothing.
    """
    if parquet_dir is None and duckdb_path is None:
        raise ExportError("nothing to write", hint="give --parquet DIR and/or --duckdb FILE")
    duckdb = _duckdb()
    paths = list(paths)
    if duckdb_path is not None:
        target = Path(duckdb_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in (target, target.with_name(target.name + ".wal")):
            stale.unlink(missing_ok=True)
        con = duckdb.connect(str(target))
    else:
        con = duckdb.connect()
    written: list[Path] = []
    try:
        count = load_facts(con, paths)
        skipped = count_unreadable(con, paths)
        if parquet_dir is not None:
            folder = Path(parquet_dir)
            folder.mkdir(parents=True, exist_ok=True)
            for name in ("facts", *VIEWS):
                file = folder / f"{name}.parquet"
                con.execute(f"COPY (SELECT * FROM {name}) TO ? (FORMAT parquet)", [str(file)])
                written.append(file)
    except duckdb.Error as exc:
        raise ExportError(f"export failed: {exc}") from exc
    finally:
        con.close()
    return ExportReport(count, tuple(written), Path(duckdb_path) if duckdb_path else None, skipped)
