"""Score the money and percent engines on the Recognizers-Text specs (rt-specs-dev.jsonl).

Usage (from the repository root)::

    python bench/score_rt.py                      # table per language and kind
    python bench/score_rt.py --lang en --show 20  # plus the first 20 mismatches of English

A case matches when the engine returns exactly the spec's results, no more and no fewer:
- span: the same half-open offsets, or ours reaching further only by a qualifier, a change
  preposition or a rate phrase, which the contract puts into our spans ("rund 14 Millionen
  Dollar", "um 27%", "$5 a month") and the spec leaves out. The spec's ``text`` is
  lower-cased and the input is not, so offsets decide (an end past the end of the input, a
  slip in a few French specs, is read as the end of the input);
- value: equal as decimals to the spec's ``value`` or one of its ``alt_values`` (the spec gives
  "50 cents" as 50 with 0.5 as an alternative; we give 0.5; where the spec forgot that
  alternative, see ``_subunit_alt``). Our percentages keep the
  magnitude and put the sign into ``direction``, so the spec's -5 matches 5 with "down";
- currency: equal to the spec's ISO 4217 code where it has one. Where the spec's unit has no
  ISO code (a bare "Dollar", "Pound", "Krone", a cent) our code is not compared: we resolve "$"
  to USD by design (see extractors/money.py) and the spec leaves it open.

``notsupported`` (the ports that fail a case) is only reported, never used to skip a case.
Cases whose spec result has no number at all ("try the Dollar", "a small percent") are counted
in the ``nonum`` column. Our contract makes an amount out of a quantity, so a bare currency or
percent word is no amount; it is reported apart as a unit mention (``extractors/units.py``,
``Article.units``), and those are what such a spec result is matched against (value null).
``adj %`` leaves the nonum cases out, ``%`` does not.
Languages without a pack run the universal layer (``pack`` column: universal); a second table
gives its share of the cases written with digits and signs only ("26%", "$ 5", "¥1000").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsfacts.extractors.errors import UnsupportedLanguage  # noqa: E402
from newsfacts.extractors.langpack import LangPack, load_langpack  # noqa: E402
from newsfacts.extractors.money import find_amounts  # noqa: E402
from newsfacts.extractors.numbers import normalize_phrase  # noqa: E402
from newsfacts.extractors.percent import find_percentages  # noqa: E402
from newsfacts.extractors.units import find_unit_mentions  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "money" / "rt-specs-dev.jsonl"
TARGETS = ("de", "en", "fr", "es", "it", "nl", "pt", "sv")


def _predict(case: dict[str, Any], pack: LangPack) -> list[dict[str, Any]]:
    text = case["input"]
    amounts, percentages = find_amounts(text, pack), find_percentages(text, pack)
    unit = "currency" if case["kind"] == "currency" else "percent"
    bare = [
        u.model_dump() | {"value": None}
        for u in find_unit_mentions(text, pack, [*amounts, *percentages])
        if u.unit == unit
    ]
    if case["kind"] == "currency":
        found = [m.model_dump() for m in amounts] + bare
    else:
        found = [m.model_dump() | {"currency": None} for m in percentages] + bare
    return sorted(found, key=lambda f: f["start"])


def _same(spec: dict[str, Any], got: dict[str, Any], text: str, pack: LangPack) -> bool:
    end = min(spec["end_exclusive"], len(text))  # a few French specs end one past the input
    if not _same_span(spec["start"], end, got, text, pack):
        return False
    # the spec's offsets must point at its text; its text is NFKC-normalised where the input is
    # full-width ("２２％" is "22%" there), ours is the input's own slice by contract
    if (
        unicodedata.normalize("NFKC", text[spec["start"] : end]).casefold()
        != unicodedata.normalize("NFKC", spec["text"]).casefold()
    ):
        return False
    wanted = [spec["value"], *spec.get("alt_values", _subunit_alt(spec, pack))]
    if spec["value"] is None:
        if got["value"] is not None:
            return False
    elif got["value"] is None or not any(_same_value(Decimal(str(v)), got) for v in wanted):
        return False
    return not spec.get("iso") or spec["iso"] == got["currency"]


def _subunit_alt(spec: dict[str, Any], pack: LangPack) -> list[Decimal]:
    """The value in the main unit of a spec result counted in a subunit that has no
    ``alt_values``. The converter gives that alternative for every subunit in the file (Cent,
    Pence, Sen, Centavo, Øre, Att, Stuiver ...) but one: Dutch "100 penni" (nl-0021), counted as
    100 with no alternative. The pack's own worth of the subunit stands in for the missing one."""
    name = normalize_phrase(spec.get("unit_name") or "")
    money = pack.money
    if spec["value"] is None or name not in {normalize_phrase(k) for k in money.subunit_currencies}:
        return []
    worth = {normalize_phrase(k): v for k, v in money.subunit_values.items()}.get(name, Decimal("0.01"))
    return [Decimal(str(spec["value"])) * worth]


def _edge_words(pack: LangPack) -> tuple[set[str], set[str]]:
    """Words our spans include by contract and the spec's do not: (before, after) the core."""
    before = {normalize_phrase(w) for ws in pack.qualifiers.values() for w in ws}
    before |= {normalize_phrase(w) for w in pack.percent.change_prefixes}
    rates = pack.money.rates
    before |= {normalize_phrase(w) for ws in rates.before.values() for w in ws}
    after = {normalize_phrase(w) for ws in rates.after.values() for w in ws}
    return before, after


def _strip_edge(edge: str, words: set[str]) -> bool:
    """``edge`` is empty or a sequence of ``words`` ("um mehr als")."""
    rest = normalize_phrase(edge)
    while rest:
        heads = [w for w in words if rest == w or rest.startswith(w + " ")]
        if not heads:
            return False
        rest = rest[len(max(heads, key=len)) :].strip()
    return True


def _same_span(start: int, end: int, got: dict[str, Any], text: str, pack: LangPack) -> bool:
    """The same offsets, or ours with only a qualifier / change prefix / rate phrase around them."""
    if (start, end) == (got["start"], got["end"]):
        return True
    if not got["start"] <= start < end <= got["end"]:
        return False
    before, after = pack.compiled("bench.edges", _edge_words)
    return _strip_edge(text[got["start"] : start], before) and _strip_edge(text[end : got["end"]], after)


def _same_value(want: Decimal, got: dict[str, Any]) -> bool:
    """Equal; a negative spec value matches our magnitude with direction "down" ("-2 %")."""
    if want < 0 and got.get("direction") == "down":
        return _equal(-want, got["value"])
    return _equal(want, got["value"])


def _equal(want: Decimal, value: Decimal) -> bool:
    """Equal, or equal at the spec's precision where the spec prints a double (15 or more
    significant digits: 2/3 is "0.666666666666667" there, exact in our Decimal). A double also
    carries its own rounding error: the spec's 1.1^23 is 8.95430243255239, the exact value
    8.9543024325523737...; a relative difference below 1e-13 is that error, not ours."""
    if want == value:
        return True
    if len(want.as_tuple().digits) < 15:
        return False
    return value.quantize(want) == want or abs(value - want) <= abs(want) * Decimal("1e-13")


def score_case(case: dict[str, Any], pack: LangPack | None) -> tuple[bool, list[dict[str, Any]]]:
    """Whether the engines return exactly the spec's results for one case, and what they return."""
    if pack is None:
        return False, []
    got = _predict(case, pack)
    spec = case["results"]
    ok = len(got) == len(spec) and all(_same(s, g, case["input"], pack) for s, g in zip(spec, got))
    return ok, got


def _pack(lang: str, cache: dict[str, LangPack | None]) -> LangPack | None:
    if lang not in cache:
        try:
            cache[lang] = load_langpack(lang)
        except UnsupportedLanguage:
            cache[lang] = None
    return cache[lang]


_SYMBOLIC = re.compile(r"(?:\d|[.,'’\s+\-−]|[%％٪]|\b[A-Z]{3}\b|[^\w\s])+")


def _symbol_digit(case: dict[str, Any]) -> bool:
    """Whether every result of a case is written with digits and signs only: a number with a
    percent sign, a currency symbol or an ISO code ("26%", "$ 5", "EUR20", "٣٥٪", "¥1000"), the
    cases the universal layer is for (no word of the language in them)."""
    texts = [r.get("text") or "" for r in case["results"]]
    return bool(texts) and all(
        any(c.isdigit() for c in t) and _SYMBOLIC.fullmatch(t.upper() if t.isascii() else t) for t in texts
    )


def _nonum(case: dict[str, Any]) -> bool:
    return any(r["value"] is None for r in case["results"])


def _format_miss(case: dict[str, Any], got: list[dict[str, Any]]) -> str:
    want = [(r["start"], r["end_exclusive"], r["text"], r["value"], r.get("iso")) for r in case["results"]]
    have = [
        (g["start"], g["end"], g["text"], g["value"] if g["value"] is None else str(g["value"]), g["currency"])
        for g in got
    ]
    return (
        f"{case['id']} [notsupported: {case.get('notsupported') or '-'}]\n"
        f"  input: {case['input']!r}\n  spec:  {want}\n  ours:  {have}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--lang", action="append", help="only these languages (repeatable)")
    parser.add_argument("--show", type=int, default=0, help="print up to N mismatches")
    args = parser.parse_args(argv)

    cases = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line]
    packs: dict[str, LangPack | None] = {}
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    misses = []
    universal: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # symbol/digit cases, universal layer
    for case in cases:
        if args.lang and case["lang"] not in args.lang:
            continue
        pack = _pack(case["lang"], packs)
        ok, got = score_case(case, pack)
        row = table[(case["lang"], case["kind"])]
        row[0] += ok
        row[1] += 1
        row[2] += _nonum(case)
        row[3] += ok and _nonum(case)
        row[4] += bool(case.get("notsupported"))
        if pack is not None and pack.universal and _symbol_digit(case):
            universal[case["lang"]][0] += ok
            universal[case["lang"]][1] += 1
        if not ok and pack is not None:
            misses.append(_format_miss(case, got))

    print(f"{'lang':5} {'kind':9} {'match':>9} {'%':>6} {'nonum':>6} {'adj %':>6} {'rt-notsup':>9}  pack")
    totals = [0, 0]
    for (lang, kind), (ok, n, nonum, ok_nonum, notsup) in sorted(table.items()):
        adj_n = n - nonum
        adj = 100 * (ok - ok_nonum) / adj_n if adj_n else 100.0
        pack = packs.get(lang)
        has = "none" if pack is None else "universal" if pack.universal else "yes"
        target = "" if lang in TARGETS else " (not targeted)"
        print(f"{lang:5} {kind:9} {ok:>4}/{n:<4} {100 * ok / n:6.1f} {nonum:>6} {adj:6.1f} {notsup:>9}  {has}{target}")
        totals[0] += ok
        totals[1] += n
    if totals[1]:
        print(f"{'all':5} {'':9} {totals[0]:>4}/{totals[1]:<4} {100 * totals[0] / totals[1]:6.1f}")
    if universal:
        print("\nuniversal layer (languages without a pack), cases written with digits and signs only:")
        for lang, (ok, n) in sorted(universal.items()):
            print(f"{lang:5} {ok:>4}/{n:<4} {100 * ok / n:6.1f}")
    for miss in misses[: args.show]:
        print(miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
