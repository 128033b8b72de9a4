"""Percent engine: golden cases from fixtures/golden/de/percent.jsonl plus behaviour tests."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from extractors.langpack import load_langpack
from extractors.percent import find_percentages

GOLDEN = Path(__file__).parents[2] / "fixtures" / "golden" / "de" / "percent.jsonl"


def _cases(path: Path) -> list[Any]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        pytest.param(row, id=row["id"], marks=[pytest.mark.xfail(reason=row["xfail"], strict=True)]
                     if row.get("xfail") else [])
        for row in rows
    ]


@pytest.fixture(scope="module")
def pack_de():
    return load_langpack("de")


@pytest.mark.parametrize("case", _cases(GOLDEN))
def test_percent_golden(case: dict[str, Any], pack_de) -> None:
    got = [p.model_dump(mode="json") for p in find_percentages(case["text"], pack_de)]
    assert got == case["expected"]


@pytest.mark.parametrize(
    ("text", "mention", "value", "kind", "direction", "qualifier"),
    [
        ("was fast 25 % des Gesamtumsatzes ausmachte", "fast 25 %", Decimal(25), "share", None, "approx"),
        ("Die Umsätze sind um 29 % gestiegen.", "um 29 %", Decimal(29), "change", "up", None),
        ("Der Kurs fiel danach einmal um mehr als 2,5 %.", "um mehr als 2,5 %", Decimal("2.5"), "change", "down", "more_than"),
        ("Der Leitzins liegt bei 3,5 Prozent.", "3,5 Prozent", Decimal("3.5"), "level", None, None),
        ("Der Anteil sank um 2 Prozentpunkte.", "um 2 Prozentpunkte", Decimal(2), "points", "down", None),
        ("Die Aktie verlor 4 %.", "4 %", Decimal(4), "change", "down", None),
        ("Ein Rückgang von 7 Prozent.", "7 Prozent", Decimal(7), "change", "down", None),
        ("siebenunddreißig Prozent", "siebenunddreißig Prozent", Decimal(37), "level", None, None),
        ("Das Unternehmen machte 12 % seines Umsatzes im Ausland aus.", "12 %", Decimal(12), "share", None, None),
    ],
)
def test_percent_kind_direction_qualifier(text, mention, value, kind, direction, qualifier, pack_de) -> None:
    (found,) = find_percentages(text, pack_de)
    assert (found.text, found.value, found.kind, found.direction, found.qualifier) == (
        mention, value, kind, direction, qualifier)
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text", ["", "12345", "Prozentsatz der Einnahmen", "https://x.de/?q=30%25%2020%", "Ελληνικά 5", "إنه 100"]
)
def test_percent_nothing_to_find(text: str, pack_de) -> None:
    assert find_percentages(text, pack_de) == []
