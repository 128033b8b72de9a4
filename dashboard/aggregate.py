"""Payment totals per customer or vendor, per currency: the figures the dashboard draws.

The dashboard computes the same sums in the browser (so that they follow its filters); these
functions are the reference the tests hold the page to, and what ``newsfacts dashboard`` prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from dashboard.periods import per_month

__all__ = ["NO_CURRENCY", "UNNAMED", "Totals", "convert", "payment_totals"]

NO_CURRENCY = "(none)"  # the currency key of amounts whose text names no currency
UNNAMED = "(unnamed)"  # the group of payments with no customer (or vendor) name


@dataclass(frozen=True)
class Totals:
    """One group's payments in one currency."""

    facts: int = 0
    per_month: float = 0.0  # recurring amounts, each normalised to a month, summed
    one_off: float = 0.0  # amounts without a rate, summed


def convert(
    value: float, currency: str | None, target: str, fx: Mapping[str, float] | None
) -> float | None:
    """Return ``value`` in ``target``; ``None`` when its currency differs and has no rate in ``fx``.

    ``fx`` maps a currency code to the value of one unit of it in ``target`` (``{"USD": 0.92}``).
    Without ``fx`` amounts are never converted: only amounts already in ``target`` count.
    """
    key = currency or NO_CURRENCY
    if key == target:
        return value
    if fx is None or key not in fx:
        return None
    return value * fx[key]


def payment_totals(
    rows: Iterable[Mapping[str, Any]],
    *,
    by: Literal["customer", "vendor"],
    currency: str,
    fx: Mapping[str, float] | None = None,
) -> dict[str, Totals]:
    """Sum the payment facts of ``rows`` per ``by`` name in ``currency``.

    Args:
        rows: fact rows (``kind == "payment"`` rows with an ``amount_value`` count).
        by: group by the customer or the vendor name (as written; missing names go to UNNAMED).
        currency: an ISO 4217 code, or NO_CURRENCY.
        fx: optional conversion rates into ``currency``; without them other currencies are left out.

    Returns:
        Totals per name.
    """
    sums: dict[str, list[float]] = {}
    for row in rows:
        value = row.get("amount_value")
        if row.get("kind") != "payment" or value is None:
            continue
        amount = convert(float(value), row.get("amount_currency"), currency, fx)
        if amount is None:
            continue
        slot = sums.setdefault(row.get(by) or UNNAMED, [0, 0.0, 0.0])
        slot[0] += 1
        monthly = per_month(amount, row.get("rate"))
        if row.get("rate") is None:
            slot[2] += amount
        elif monthly is not None:
            slot[1] += monthly
    return {name: Totals(int(n), pm, one) for name, (n, pm, one) in sums.items()}
