"""Payment totals per customer or vendor, per currency: the figures the dashboard draws.

The dashboard computes the same sums in the browser (so that they follow its filters); these
functions are the reference the tests hold the page to, and what ``newsfacts dashboard`` prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from newsfacts.dashboard.periods import months_of, per_month

__all__ = [
    "NO_CURRENCY", "UNNAMED", "Totals", "convert", "group_name", "monthly_totals", "payment_totals",
    "surface_names",
]  # fmt: skip

NO_CURRENCY = "(none)"  # the currency key of amounts whose text names no currency
UNNAMED = "(unnamed)"  # the group of payments with no customer (or vendor) name


@dataclass(frozen=True)
class Totals:
    """One group's payments in one currency."""

    facts: int = 0
    per_month: float = 0.0  # recurring amounts, each normalised to a month, summed
    one_off: float = 0.0  # amounts without a rate, summed


def convert(value: float, currency: str | None, target: str, fx: Mapping[str, float] | None) -> float | None:
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


def group_name(row: Mapping[str, Any], role: str) -> str | None:
    """The name a row is grouped under for ``role`` (customer, vendor, company).

    The normalised name (``customer_norm``, from ``extractors.orgnames.normalize_org``) when the
    row has one, else the name as written (fact rows written before the ``*_norm`` fields).
    """
    return row.get(f"{role}_norm") or row.get(role)


def surface_names(rows: Iterable[Mapping[str, Any]], role: str) -> dict[str, list[str]]:
    """Map each group name of ``role`` to the names as written that it groups, sorted."""
    names: dict[str, set[str]] = {}
    for row in rows:
        key = group_name(row, role)
        if key is not None and row.get(role):
            names.setdefault(key, set()).add(row[role])
    return {key: sorted(found) for key, found in names.items()}


def _amount(row: Mapping[str, Any], currency: str, fx: Mapping[str, float] | None) -> float | None:
    value = row.get("amount_value")
    if row.get("kind") != "payment" or value is None:
        return None
    return convert(float(value), row.get("amount_currency"), currency, fx)


def monthly_totals(
    rows: Iterable[Mapping[str, Any]],
    *,
    by: Literal["customer", "vendor"],
    currency: str,
    basis: Literal["month", "oneoff"] = "month",
    fx: Mapping[str, float] | None = None,
) -> dict[tuple[str, str], float]:
    """Sum payments per ``(YYYY-MM, group name)``: the page's time series.

    A recurring amount with a period counts its per-month figure in every month of the period;
    other amounts count once, in their month (``dashboard.periods``). Undated payments are left
    out.

    Args:
        rows: fact rows.
        by: group by the customer or the vendor (normalised name, see ``group_name``).
        currency: an ISO 4217 code, or NO_CURRENCY.
        basis: ``month`` sums recurring amounts per month, ``oneoff`` amounts without a rate.
        fx: optional conversion rates into ``currency``.

    Returns:
        The sum per month and name.
    """
    sums: dict[tuple[str, str], float] = {}
    for row in rows:
        amount = _amount(row, currency, fx)
        if amount is None or (row.get("rate") is None) != (basis == "oneoff"):
            continue
        figure = amount if basis == "oneoff" else per_month(amount, row.get("rate"))
        if figure is None:
            continue
        name = group_name(row, by) or UNNAMED
        for month in months_of(row):
            sums[(month, name)] = sums.get((month, name), 0.0) + figure
    return sums


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
        by: group by the customer or the vendor (the normalised name where the row has one, see
            ``group_name``; missing names go to UNNAMED).
        currency: an ISO 4217 code, or NO_CURRENCY.
        fx: optional conversion rates into ``currency``; without them other currencies are left out.

    Returns:
        Totals per name: a recurring amount counts once, as its per-month figure (the rate),
        whatever the length of its period; ``monthly_totals`` spreads it over the months.
    """
    sums: dict[str, list[float]] = {}
    for row in rows:
        amount = _amount(row, currency, fx)
        if amount is None:
            continue
        slot = sums.setdefault(group_name(row, by) or UNNAMED, [0, 0.0, 0.0])
        slot[0] += 1
        monthly = per_month(amount, row.get("rate"))
        if row.get("rate") is None:
            slot[2] += amount
        elif monthly is not None:
            slot[1] += monthly
    return {name: Totals(int(n), pm, one) for name, (n, pm, one) in sums.items()}
