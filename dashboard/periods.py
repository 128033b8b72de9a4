"""Rates and time buckets: how a recurring amount becomes a per-month figure.

One table (``MONTHS_PER_RATE``) drives the dashboard, the Python totals and the DuckDB views, so the
three never disagree. A day is 12/365.25 of a month (the Gregorian mean), a week seven days.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["MONTHS_PER_RATE", "month_of", "per_month", "rate_months_sql"]

MONTHS_PER_RATE: Mapping[str, float] = {
    "P1D": 12 / 365.25,
    "P1W": 7 * 12 / 365.25,
    "P1M": 1.0,
    "P3M": 3.0,
    "P6M": 6.0,
    "P1Y": 12.0,
}


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


def rate_months_sql(column: str = "rate") -> str:
    """Return a SQL ``CASE`` expression giving the months in one ``column`` period (NULL: one-off)."""
    arms = " ".join(
        f"WHEN '{rate}' THEN {months!r}" for rate, months in MONTHS_PER_RATE.items()
    )
    return f"(CASE {column} {arms} END)"
