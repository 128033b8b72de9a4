"""The precomputed CLDR tables (header month names and autonyms, territory names) match Babel."""

from __future__ import annotations

import json

from newsfacts.extractors.header import CLDR_FILE, build_cldr_tables


def test_cldr_header_tables_are_current() -> None:
    """Regenerate with ``python -m newsfacts.extractors.header`` after a Babel upgrade."""
    assert json.loads(CLDR_FILE.read_text(encoding="utf-8")) == build_cldr_tables()


def test_cldr_territory_names_are_current() -> None:
    """Regenerate with ``python -m newsfacts.extractors.facts.discourse`` after a Babel or
    pycountry upgrade."""
    from newsfacts.extractors.facts.discourse import TERRITORIES_FILE, build_territory_table

    assert json.loads(TERRITORIES_FILE.read_text(encoding="utf-8")) == build_territory_table()
