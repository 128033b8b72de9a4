"""The confidence below which facts are left out by default (kept apart so the CLI starts fast).

A fact's confidence comes from its evidence features (``extractors.facts._score``): roles read
from cues rather than taken from the article's context, parties in the same sentence, a clean
amount. ``bench/eval_facts.py --sweep`` prints the precision at each threshold; the default is
the threshold chosen there (README, "Facts").
"""

from __future__ import annotations

__all__ = ["DEFAULT_MIN_CONFIDENCE"]

#: ``extract --min-confidence`` and ``extract_article(min_confidence=None)`` use this.
DEFAULT_MIN_CONFIDENCE = 0.5
