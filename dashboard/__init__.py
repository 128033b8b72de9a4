"""newsfacts dashboards: one offline HTML page from fact rows, and Parquet/DuckDB exports.

``build_dashboard`` writes the page; ``export_facts`` the BI files (needs the ``dashboard`` extra).
"""

from __future__ import annotations

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
