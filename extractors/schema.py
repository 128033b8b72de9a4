"""JSON Schema files for the records, generated from the pydantic models and committed.

Run ``python -m newsfacts.extractors.schema`` after changing ``records.py``; a test fails when the
committed files drift from the code, so that consumers of the JSONL see every change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from newsfacts.extractors.records import Article, FactRow

__all__ = ["SCHEMA_DIR", "render_schemas", "write_schemas"]

SCHEMA_DIR = Path(__file__).parent / "schemas"
_MODELS: dict[str, type[BaseModel]] = {"article.schema.json": Article, "fact.schema.json": FactRow}


def render_schemas() -> dict[str, str]:
    """File name → schema text, for the JSON the CLI writes (serialisation mode, by alias)."""
    out = {}
    for name, model in _MODELS.items():
        schema: dict[str, Any] = model.model_json_schema(by_alias=True, mode="serialization")
        out[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema file; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas():
        print(path, file=sys.stderr)
