"""Normalised organisation names, so that facts and dashboards can group "Siemens AG",
"SIEMENS" and "the Siemens Aktiengesellschaft" under one key.

The surface form always stays in the output; the normalised name is an extra field. Legal forms
come from cleanco (a maintained list of company types per country); ``data/orgnames.toml``
adds what cleanco misses in news text (written-out and combined forms such as
"Aktiengesellschaft" or "AG & Co. KGaA", leading articles). Possessives stay: "McDonald's" is a name.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["legal_suffixes", "normalize_org"]

_DATA = Path(__file__).with_name("data") / "orgnames.toml"
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‚": "'", "‘": "'"})


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with _DATA.open("rb") as f:
        return tomllib.load(f)


def legal_suffixes() -> list[str]:
    """The legal forms of ``data/orgnames.toml`` ("AG & Co. KGaA", "Corporation", "plc", ...)."""
    return list(_data()["legal_suffixes"])


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern[str]:
    """One pattern for every extra legal form at the end of a name, longest first."""
    forms = sorted(_data()["legal_suffixes"], key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?:,?\s+)(?:{alternatives})\.?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _leading_re() -> re.Pattern[str]:
    words = sorted(_data()["leading_words"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:{alternatives})\s+")


def _cleanco(name: str) -> str:
    from cleanco import basename  # imported lazily: cleanco builds its tables on import

    return str(basename(name))


def _strip_forms(name: str) -> str:
    """Remove legal forms from the end until none is left; never remove the whole name."""
    for _ in range(4):  # "Henkel AG & Co. KGaA" takes two passes
        trimmed = _suffix_re().sub("", name).strip(" ,")
        trimmed = _cleanco(trimmed).strip(" ,") if trimmed else trimmed
        if not trimmed or trimmed == name:
            break
        name = trimmed
    return name


def _casing(name: str) -> str:
    """All-capital names longer than an acronym become title case ("SIEMENS" -> "Siemens")."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 4 and all(c.isupper() for c in letters):
        return " ".join(w.capitalize() if len(w) > 4 else w for w in name.split(" "))
    return name


@lru_cache(maxsize=4096)
def normalize_org(name: str) -> str:
    """The grouping name of an organisation: legal forms, leading articles,
    quotes and odd spacing removed, casing made consistent. Returns ``name`` itself (trimmed)
    when nothing is left after removal, e.g. for the airline "SAS".
    """
    text = unicodedata.normalize("NFC", name).translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip(" \"'")
    if not text:
        return name.strip()
    text = _leading_re().sub("", text) or text
    text = _strip_forms(text)
    return _casing(text.strip(" \"'")) or name.strip()
