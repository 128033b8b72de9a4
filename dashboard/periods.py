"""Rates and time buckets: how a recurring amount becomes a per-month figure, and which months it
counts in.

One table (``MONTHS_PER_RATE``) drives the dashboard, the Python totals and the DuckDB views, so the
three never disagree. A day is 12/365.25 of a month (the Gregorian mean), a week seven days.

The months a payment counts in (the rule the page, ``aggregate.monthly_totals`` and the SQL view
``payment_months`` share):

- a recurring amount (a ``rate``) with a period (``period_start`` and ``period_end``, the end not
  before the start) counts its per-month figure in every month from the start's month to the end's
  month, both included, at most ``MAX_SPREAD_MONTHS`` of them;
- everything else counts once, in the month of ``period_start``, else of ``published``: a rate
  without an end (``"from January"``), a one-off amount (its total is not spread), and a period
  longer than ``MAX_SPREAD_MONTHS`` (taken as a misreading, not as a 50-year contract).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "MAX_SPREAD_MONTHS", "MONTHS_PER_RATE", "month_of", "months_of", "per_month", "rate_months_sql",
    "spread_months", "spread_months_sql",
]  # fmt: skip

MONTHS_PER_RATE: Mapping[str, float] = {
    "P1D": 12 / 365.25,
    "P1W": 7 * 12 / 365.25,
    "P1M": 1.0,
    "P3M": 3.0,
    "P6M": 6.0,
    "P1Y": 12.0,
}
MAX_SPREAD_MONTHS = 600  # 50 years


def per_month(value: float | None, rate: str | None) -> float | None:
    """Return a recurring amount as an amount per month.

    Args:
        value: the amount per ``rate`` period.
        rate: an ISO 8601 duration from ``MONTHS_PER_RATE``.

    Returns:
        The amount per month; ``None`` for a one-off amount (no rate), an unknown rate or no value.
    """
    if value is None or rate is None or rate not in MONTHS_PER_RATE:
        return None
    return value / MONTHS_PER_RATE[rate]


def month_of(row: Mapping[str, Any]) -> str | None:
    """Return the ``YYYY-MM`` bucket of a fact row: its period start, else its publication date."""
    day = row.get("period_start") or row.get("published")
    if not isinstance(day, str) or len(day) < 7:
        return None
    return day[:7]


def _month_index(day: Any) -> int | None:
    """Months since year 0 of a ``YYYY-MM…`` string; None when it is not one."""
    if not isinstance(day, str) or len(day) < 7 or day[4] != "-":
        return None
    try:
        year, month = int(day[:4]), int(day[5:7])
    except ValueError:
        return None
    return year * 12 + month - 1 if 1 <= month <= 12 else None


def spread_months(row: Mapping[str, Any]) -> int:
    """Return how many months a fact row counts in (1 unless the rule above spreads it)."""
    if row.get("rate") not in MONTHS_PER_RATE:
        return 1
    start, end = _month_index(row.get("period_start")), _month_index(row.get("period_end"))
    if start is None or end is None or not 0 <= end - start < MAX_SPREAD_MONTHS:
        return 1
    return end - start + 1


def months_of(row: Mapping[str, Any]) -> list[str]:
    """Return the ``YYYY-MM`` buckets a fact row counts in (empty when it has no date)."""
    first = _month_index(month_of(row))
    if first is None:
        return []
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(first, first + spread_months(row))]


def spread_months_sql() -> str:
    """Return the SQL of ``spread_months`` over the columns of table ``facts``."""
    span = "(12 * (year(period_end) - year(period_start)) + month(period_end) - month(period_start))"
    rates = ", ".join(f"'{rate}'" for rate in MONTHS_PER_RATE)
    return f"(CASE WHEN rate IN ({rates}) AND {span} BETWEEN 0 AND {MAX_SPREAD_MONTHS - 1} THEN {span} + 1 ELSE 1 END)"


def rate_months_sql(column: str = "rate") -> str:
    """Return a SQL ``CASE`` expression giving the months in one ``column`` period (NULL: one-off)."""
    arms = " ".join(f"WHEN '{rate}' THEN {months!r}" for rate, months in MONTHS_PER_RATE.items())
    return f"(CASE {column} {arms} END)"
