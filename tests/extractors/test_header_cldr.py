"""The precomputed CLDR tables of the header parser match Babel (drift test)."""

from __future__ import annotations

import json

from newsfacts.extractors.header import CLDR_FILE, build_cldr_tables


def test_cldr_header_tables_are_current() -> None:
    """Regenerate with ``python -m newsfacts.extractors.header`` after a Babel upgrade."""
    assert json.loads(CLDR_FILE.read_text(encoding="utf-8")) == build_cldr_tables()
