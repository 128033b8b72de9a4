"""newsfacts dashboards: one offline HTML page from fact rows, and Parquet/DuckDB exports.

``build_dashboard`` writes the page; ``export_facts`` the BI files (needs the ``dashboard`` extra).
The names load on first use: the ``newsfacts`` command group lives in ``dashboard.cli`` and must
not pay for the builder and the records when it only prints ``--help`` or runs ``extract``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names type-check as what they are; at run time __getattr__ loads them
    from newsfacts.dashboard.aggregate import Totals, payment_totals
    from newsfacts.dashboard.build import BuildReport, build_dashboard
    from newsfacts.dashboard.export import ExportReport, export_facts
    from newsfacts.dashboard.sources import read_facts

__all__ = [
    "BuildReport",
    "ExportReport",
    "Totals",
    "build_dashboard",
    "export_facts",
    "payment_totals",
    "read_facts",
]

_HOMES = {
    "Totals": "aggregate",
    "payment_totals": "aggregate",
    "BuildReport": "build",
    "build_dashboard": "build",
    "ExportReport": "export",
    "export_facts": "export",
    "read_facts": "sources",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsfacts.dashboard' has no attribute {name!r}")
    return getattr(importlib.import_module(f"newsfacts.dashboard.{home}"), name)
