"""Golden cases for the engine tests: ``fixtures/golden/<lang>/<kind>.jsonl`` as pytest params."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLDEN_DIR = Path(__file__).parents[2] / "fixtures" / "golden"


def golden_params(kind: str, *, langs: str = "*") -> list[Any]:
    """Every line of every matching file, with ``lang`` from its folder; ``xfail`` is strict."""
    rows = [
        {**json.loads(line), "lang": path.parent.name}
        for path in sorted(GOLDEN_DIR.glob(f"{langs}/{kind}.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    return [
        pytest.param(
            row, id=row["id"], marks=[pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
        )
        for row in rows
    ]
