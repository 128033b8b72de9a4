"""Reproducible training recipe for the shipped models (reads corpora from a path argument)."""

from __future__ import annotations

__all__: list[str] = []
