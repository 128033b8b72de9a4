"""Does a gazetteer of well-known companies help the shipped NER? Measures, does not ship.

    python bench/gazetteer_ner.py [--langs de en ...]

The gazetteer is every company name in pytickersymbols (a PyPI package of index members: DAX,
CAC 40, IBEX 35, S&P 500, ...; ``pip install pytickersymbols``) plus its normalised form
(legal suffixes removed by ``extractors.orgnames``). Its matches (case-sensitive, whole words)
are added as ORG where the statistical model found nothing overlapping — the usual
``entity_ruler`` after ``ner`` set-up — and the held-out micro-F1 is compared with and without.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare_ner import heldout_files  # noqa: E402

from newsfacts.extractors.orgnames import normalize_org  # noqa: E402
from newsfacts.models import EntitySpan, default_model, get_backend  # noqa: E402
from newsfacts.models.evaluate import evaluate, read_iob  # noqa: E402


def gazetteer() -> re.Pattern[str]:
    from pytickersymbols import PyTickerSymbols

    names = {n for s in PyTickerSymbols().get_all_stocks() for n in (s["name"], normalize_org(s["name"]))}
    names = {n for n in names if len(n) >= 3}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


class WithGazetteer:
    def __init__(self, inner, pattern: re.Pattern[str]) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.pattern = inner, pattern

    def entities_batch(self, texts: list[str]) -> list[list[EntitySpan]]:
        out = []
        for text, spans in zip(texts, self.inner.entities_batch(texts), strict=True):
            extra = [
                EntitySpan(m.start(), m.end(), "ORG", m.group())
                for m in self.pattern.finditer(text)
                if not any(s.start < m.end() and m.start() < s.end for s in spans)
            ]
            out.append(sorted([*spans, *extra], key=lambda s: s.start))
        return out

    def entities(self, text: str) -> list[EntitySpan]:
        return self.entities_batch([text])[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--langs", nargs="*", default=["de", "en", "fr", "es", "nl", "pt", "pl", "it"])
    args = parser.parse_args()
    pattern = gazetteer()
    print(f"{'held-out file':<30}{'model':>12}{'ORG F1':>8}{'+gaz':>8}{'micro':>8}{'+gaz':>8}")
    for lang in args.langs:
        backend = get_backend(default_model(lang))
        for path in heldout_files(lang):
            gold = read_iob(path)
            base, gaz = evaluate(backend, gold), evaluate(WithGazetteer(backend, pattern), gold)
            print(
                f"{lang + ' ' + path.name:<30}{default_model(lang):>12}{base['ORG'].f:>8.3f}"
                f"{gaz['ORG'].f:>8.3f}{base['micro:PER/ORG/LOC'].f:>8.3f}{gaz['micro:PER/ORG/LOC'].f:>8.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
