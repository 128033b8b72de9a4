"""Language packs: every pack loads, validates, merges with _base and CLDR; errors are clear."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from newsfacts.extractors import langpack
from newsfacts.extractors.errors import LangPackError, UnsupportedLanguage
from newsfacts.extractors.langpack import LangPack, available_languages, load_langpack


@pytest.mark.parametrize("lang", available_languages())
def test_langpack_every_pack_loads(lang: str) -> None:
    pack = load_langpack(lang)
    assert isinstance(pack, LangPack) and pack.lang == lang
    assert pack.facts == {} or isinstance(pack.facts, dict)


def test_langpack_available_languages_lists_de_not_base() -> None:
    langs = available_languages()
    assert "de" in langs and "_base" not in langs and langs == sorted(langs)


def test_langpack_is_cached_and_frozen() -> None:
    pack = load_langpack("de")
    assert load_langpack("de") is pack
    with pytest.raises(Exception):
        pack.lang = "en"  # type: ignore[misc]


def test_langpack_region_falls_back_to_language() -> None:
    assert load_langpack("de-CH").lang == "de"


def test_de_langpack_takes_separators_and_currencies_from_cldr() -> None:
    pack = load_langpack("de")
    assert pack.numbers.decimal_separator == ","
    assert "." in pack.numbers.group_separators
    assert pack.money.currency_names["Kanadischer Dollar"] == "CAD"
    assert pack.money.currency_names["Kanadischen Dollar"] == "CAD"  # inflected from CLDR's name
    assert pack.money.currency_symbols["€"] == "EUR"
    assert "EUR" in pack.money.currency_codes and "TOP" not in pack.money.currency_codes
    assert pack.periods.months["März"] == 3 and pack.periods.weekdays["Dienstag"] == 1


def test_de_langpack_merges_base_and_own_data() -> None:
    pack = load_langpack("de")
    assert pack.money.currency_symbols["$"] == "USD"  # from _base.toml
    assert pack.money.currency_names["US-Dollar"] == "USD"  # de.toml (and CLDR)
    assert pack.numbers.multipliers["Mrd."] == Decimal(10**9)
    assert pack.percent.units["%"] == "percent" and pack.percent.units["Prozentpunkte"] == "points"


def test_langpack_unknown_language_raises() -> None:
    with pytest.raises(UnsupportedLanguage) as info:
        load_langpack("xx")
    assert info.value.lang == "xx" and "de" in info.value.supported


@pytest.fixture()
def pack_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    base = (langpack.LANGPACK_DIR / "_base.toml").read_text(encoding="utf-8")
    (tmp_path / "_base.toml").write_text(base, encoding="utf-8")
    monkeypatch.setattr(langpack, "LANGPACK_DIR", tmp_path)
    load_langpack.cache_clear()
    yield tmp_path
    load_langpack.cache_clear()


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[meta]\nlocale = "de"\n[money]\ncurrency_names = { "Taler" = "taler" }\n', "money.currency_names"),
        ('[meta]\nlocale = "de"\n[periods]\nextra_months = { "Brachet" = 13 }\n', "periods.extra_months"),
        (
            '[meta]\nlocale = "de"\n[money.rates]\nafter = { P2M = ["alle zwei Monate"] }\n',
            "money.rates.after.P2M.[key]",
        ),
        ('[meta]\nlocale = "de"\n[numbers]\nnot_a_field = 1\n', "numbers.not_a_field"),
        ('[meta]\nlocale = "de"\n[numbers\n', "<file>"),
    ],
)
def test_langpack_invalid_file_raises_langpack_error(pack_dir: Path, body: str, key: str) -> None:
    (pack_dir / "zz.toml").write_text(body, encoding="utf-8")
    with pytest.raises(LangPackError) as info:
        load_langpack("zz")
    assert info.value.file == "zz.toml" and info.value.key == key
    assert "zz.toml" in str(info.value)


def test_pl_langpack_takes_every_plural_form_from_cldr() -> None:
    pack = load_langpack("pl")
    names = pack.money.currency_names
    assert names["złotych polskich"] == "PLN" and names["dolarów amerykańskich"] == "USD"
    assert "złote" not in names  # also "golden": "2 złote medale"
    assert pack.periods.months["marca"] == 3 and pack.periods.extra_months["marcu"] == 3


def test_pl_text_is_detected_and_its_pack_is_available() -> None:
    from newsfacts.extractors.language import detect_language

    text = "Spółka zarobiła w pierwszym kwartale ponad 4 mld zł, czyli o 12 proc. więcej niż rok wcześniej."
    assert "pl" in available_languages()
    assert detect_language(text).lang == "pl"


@pytest.mark.parametrize(
    ("lang", "text", "amounts", "percents"),
    [
        ("ar", "ارتفعت الأرباح 26% إلى US$ 5 مع نمو ٣٥٪.", [("US$ 5", Decimal(5), "USD")], [Decimal(26), Decimal(35)]),
        ("tr", "Gelir 2,5 milyar TRY ve ₺100 oldu.", [("₺100", Decimal(100), "TRY")], []),
        ("hi", "राजस्व 26% बढ़कर ₹500 हो गया।", [("₹500", Decimal(500), "INR")], [Decimal(26)]),
        ("und", "Revenue 26% and EUR20.", [("EUR20", Decimal(20), "EUR")], [Decimal(26)]),
    ],
)
def test_universal_layer_reads_signs_codes_and_digits(lang: str, text: str, amounts: list, percents: list) -> None:
    """A language without a pack (CLDR knows it) gets the universal layer: currency signs and
    ISO codes, digits of any script, percent signs, CLDR's number symbols; no facts."""
    from newsfacts.extractors.money import find_amounts
    from newsfacts.extractors.percent import find_percentages

    pack = load_langpack(lang)
    assert pack.universal and pack.lang == lang and not pack.facts
    found = [(a.text, a.value, a.currency) for a in find_amounts(text, pack)]
    assert all(a in found for a in amounts), found
    assert [p.value for p in find_percentages(text, pack)] == percents


def test_universal_layer_is_only_for_real_languages() -> None:
    for code in ("xx", "english", "d3"):
        with pytest.raises(UnsupportedLanguage):
            load_langpack(code)
    assert not load_langpack("de").universal
