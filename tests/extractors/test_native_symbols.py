"""The currency signs of every CLDR locale (extractors/data/cldr_currency_symbols.json) under
every pack and the universal layer: the lari, kip, tugrik and naira signs read in any language."""

from __future__ import annotations

import json

import pytest

from newsfacts.extractors.langpack import NATIVE_SYMBOLS_FILE, build_native_symbols, load_langpack
from newsfacts.extractors.money import find_amounts

TABLE: dict[str, str] = json.loads(NATIVE_SYMBOLS_FILE.read_text(encoding="utf-8"))


def test_the_committed_table_is_babels() -> None:
    """python -m newsfacts.extractors.langpack rewrites the file; it must match the Babel pinned."""
    assert build_native_symbols() == TABLE


@pytest.mark.parametrize(("sign", "code"), [("₾", "GEL"), ("₭", "LAK"), ("₮", "MNT"), ("₦", "NGN"), ("₴", "UAH")])
def test_signs_the_issue_names_are_in_the_table(sign: str, code: str) -> None:
    assert TABLE[sign] == code


@pytest.mark.parametrize("lang", ["de", "en", "fr", "tr", "hi"])
@pytest.mark.parametrize(("sign", "code"), [("₾", "GEL"), ("₭", "LAK"), ("₮", "MNT"), ("₦", "NGN")])
def test_a_sign_after_a_number_reads_as_its_currency_in_every_language(lang: str, sign: str, code: str) -> None:
    [amount] = find_amounts(f"Preis: 100 {sign}.", load_langpack(lang))
    assert (amount.value, amount.currency) == (100, code)


def test_every_sign_reads_as_its_currency_somewhere() -> None:
    """Property over the whole table: each sign of a currency in use, after a number, gives its
    code in the universal layer (none may be lost or read as another code)."""
    pack = load_langpack("und")
    obsolete = set(pack.money.currency_codes_obsolete)  # "$RH", "£IL": kept out of every pack
    wrong = []
    for sign, code in TABLE.items():
        if code in obsolete:
            continue
        found = find_amounts(f"x 250 {sign} y", pack)
        if [a.currency for a in found] != [code]:
            wrong.append((sign, code, [(a.text, a.currency) for a in found]))
    assert wrong == []
