"""Build one self-contained HTML dashboard from fact rows.

The page carries its data as one JSON block, column by column: strings are dictionary-encoded
(an article's evidence sentence, source and names repeat across its facts), article fields are
stored once per article, and the browser filters, sums and draws (inline SVG, no chart library,
no network). The table pages through the filtered rows, so 100,000 facts stay responsive.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from newsfacts.dashboard.aggregate import NO_CURRENCY, group_name, surface_names
from newsfacts.dashboard.periods import (
    MAX_SPREAD_MONTHS,
    MONTHS_PER_RATE,
    month_of,
    per_month,
    spread_months,
)
from newsfacts.dashboard.sources import FactData, read_facts

__all__ = ["BuildReport", "build_dashboard", "encode", "render"]

ARTICLE_FIELDS = ("article_id", "source", "url", "title", "published", "language")
STRING_FIELDS = (
    "kind", "customer", "vendor", "company", "product", "metric", "of", "amount_currency",
    "amount_qualifier", "rate", "percent_kind", "direction", "period_start", "period_end",
    "evidence", "month", "customer_group", "vendor_group", "company_group",
)  # fmt: skip
NUMBER_FIELDS = (
    "amount_value", "amount_min", "amount_max", "count_value", "percent_value",
    "evidence_start", "evidence_end", "confidence", "per_month", "amount_vague", "spread",
)  # fmt: skip
# derived per row, not read: "month" (first bucket), "per_month", "spread" (months counted in),
# "<role>_group" (the normalised name, else the name as written)
ROLES = ("customer", "vendor", "company")  # the NAME_ROLES (extractors.records) the page groups by
PLAIN_FIELDS = ("fact_id",)


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    path: Path
    facts: int
    articles: int
    texts: int
    bytes: int
    seconds: float
    unreadable: tuple[str, ...] = ()  # "file:line: why" for input lines skipped as unreadable


class _Dictionary:
    """Distinct values in first-seen order; a code per value (-1 for null)."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._codes: dict[Any, int] = {}

    def code(self, value: Any) -> int:
        if value is None:
            return -1
        key = value if isinstance(value, str) else str(value)
        found = self._codes.get(key)
        if found is None:
            found = self._codes[key] = len(self.values)
            self.values.append(key)
        return found


def _number(value: Any) -> float | int | None:
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, int | float):
        return value
    try:  # a decimal string ("1200000000") as the style guide allows
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else number


def encode(data: FactData) -> dict[str, Any]:
    """Return the page's data block: column arrays, dictionaries and the article table."""
    strings = {name: _Dictionary() for name in STRING_FIELDS}
    codes: dict[str, list[int]] = {name: [] for name in STRING_FIELDS}
    numbers: dict[str, list[float | int | None]] = {name: [] for name in NUMBER_FIELDS}
    plain: dict[str, list[Any]] = {name: [] for name in PLAIN_FIELDS}
    article_index: dict[tuple[Any, ...], int] = {}
    articles: list[list[Any]] = []
    article_of: list[int] = []
    for row in data.rows:
        key = tuple(_text(row.get(name)) for name in ARTICLE_FIELDS)
        slot = article_index.get(key)
        if slot is None:
            slot = article_index[key] = len(articles)
            articles.append(list(key))
        article_of.append(slot)
        derived: dict[str, Any] = {
            "month": month_of(row),
            "per_month": per_month(_number(row.get("amount_value")), row.get("rate")),
            "spread": spread_months(row),
            **{f"{role}_group": group_name(row, role) for role in ROLES},
        }
        for name in STRING_FIELDS:
            value = derived[name] if name in derived else row.get(name)
            codes[name].append(strings[name].code(_text(value)))
        for name in NUMBER_FIELDS:
            value = derived[name] if name in derived else row.get(name)
            numbers[name].append(_number(value))
        for name in PLAIN_FIELDS:
            plain[name].append(_text(row.get(name)))
    return {
        "n": len(data.rows),
        "strings": {name: {"values": strings[name].values, "codes": codes[name]} for name in STRING_FIELDS},
        "numbers": numbers,
        "plain": plain,
        "article_fields": list(ARTICLE_FIELDS),
        "articles": articles,
        "article_of": article_of,
        "texts": data.texts,
        # the names as written behind each group name (shown in tooltips and the detail panel)
        "names": {role: surface_names(data.rows, role) for role in ROLES},
    }


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def render(
    payload: Mapping[str, Any],
    *,
    title: str,
    fx: Mapping[str, float] | None = None,
    to: str | None = None,
    files: Sequence[str] = (),
) -> str:
    """Return the dashboard page: the template with its CSS, script and data inlined."""
    meta = {
        "title": title,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "files": list(files)[:20],
        "file_count": len(files),
        "fx": dict(fx or {}),
        "to": to,
        "no_currency": NO_CURRENCY,
        "months_per_rate": dict(MONTHS_PER_RATE),
        "max_spread_months": MAX_SPREAD_MONTHS,
    }
    block = json.dumps({"meta": meta, **payload}, ensure_ascii=False, separators=(",", ":"))
    block = block.replace("<", "\\u003c")  # no "</script>" can close the data block early
    static = resources.files("dashboard") / "static"
    page = (static / "dashboard.html").read_text(encoding="utf-8")
    parts = {
        "__TITLE__": _escape_html(title),
        "/*__CSS__*/": (static / "dashboard.css").read_text(encoding="utf-8"),
        "/*__JS__*/": (static / "dashboard.js").read_text(encoding="utf-8"),
        "__DATA__": block,
    }
    # one pass over the template: a marker inside the title or the data is text, not a marker
    pattern = "|".join(re.escape(marker) for marker in parts)
    page = re.sub(pattern, lambda match: parts[match.group()], page)
    return page


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def build_dashboard(
    paths: Iterable[str],
    out: str | Path,
    *,
    articles: Iterable[str] = (),
    title: str = "newsfacts dashboard",
    fx: Mapping[str, float] | None = None,
    to: str | None = None,
) -> BuildReport:
    """Read fact rows and write one self-contained, offline HTML dashboard.

    Args:
        paths: fact JSONL files, folders or globs (article records are accepted too).
        out: the HTML file to write.
        articles: article-record JSONL (``extract`` default output) whose text the page shows
            with the evidence highlighted; without it the page shows the evidence sentence.
        title: the page title.
        fx: conversion rates into ``to`` (``{"USD": 0.92}``: one USD is 0.92 of ``to``).
        to: the currency of the converted view; only with ``fx``.

    Returns:
        What was written, with the build time.

    Raises:
        InputError: an input path matches nothing or holds a malformed line.
    """
    started = time.perf_counter()
    data = read_facts(paths, articles=articles)
    payload = encode(data)
    page = render(payload, title=title, fx=fx, to=to, files=data.files)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return BuildReport(
        path=target,
        facts=len(data.rows),
        articles=len(payload["articles"]),
        texts=len(data.texts),
        bytes=target.stat().st_size,
        seconds=time.perf_counter() - started,
        unreadable=tuple(data.unreadable),
    )
