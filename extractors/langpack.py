"""Language packs: the per-language data that the shared engines compile into regexes.

A pack is ``langpacks/_base.toml`` merged with ``langpacks/<lang>.toml``, both laid over data
derived from CLDR through babel (separators, currency names and symbols, month and weekday
names), so that a pack file only holds what CLDR lacks. Engines never branch on the language:
everything language-specific is a value here (the Recognizers-Text split of engine and data).
"""

from __future__ import annotations

import functools
import gc
import json
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import PrivateAttr, ValidationError

from newsfacts.extractors.errors import LangPackError, UnsupportedLanguage
from newsfacts.extractors.packspec import (
    MoneyData,
    NumberData,
    PackSpec,
    PercentData,
    PeriodData,
    RateData,
    TextData,
    close_key,
    table_of,
)

__all__ = [
    "LANGPACK_DIR",
    "LangPack",
    "MoneyData",
    "NumberData",
    "PercentData",
    "PeriodData",
    "RateData",
    "TextData",
    "available_languages",
    "load_langpack",
    "universal_language",
]

LANGPACK_DIR = Path(__file__).parent / "langpacks"
BASE_FILE = "_base.toml"
UNIVERSAL_FILE = "_universal.toml"
#: The code of text whose language could not be determined (``language.detect_language``).
UNDETERMINED = "und"
T = TypeVar("T")
_COUNTS = (1, 2, 5, Decimal("1.5"))


class LangPack(PackSpec):
    """One language's data, validated (``packspec.PackSpec``). Engines compile it once and keep
    the result on it."""

    _compiled: dict[str, Any] = PrivateAttr(default_factory=dict)

    def compiled(self, key: str, build: Callable[[LangPack], T]) -> T:
        """Build an engine's regexes for this pack once and reuse them (a per-pack cache)."""
        # Read from pydantic's dict of private attributes: ``self._compiled`` goes through the
        # model's ``__getattr__`` (2 µs), and the engines ask once or twice per mention.
        private = self.__pydantic_private__
        cache: dict[str, Any] = private["_compiled"] if private else self._compiled
        try:
            return cache[key]  # type: ignore[no-any-return]
        except KeyError:
            with _collector_paused():
                value = cache[key] = build(self)
            return value


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while a pack's regexes are built.

    ``re`` parses a long pattern into many short-lived objects, which reference counting frees;
    the collections their count triggers walk every object of the process, and once a spaCy
    model is loaded that was a third of the build time. The build leaves no garbage that
    only the collector could free, so nothing piles up. A collector that was off stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def available_languages() -> list[str]:
    """The language codes that have a pack file, sorted."""
    return sorted(p.stem for p in LANGPACK_DIR.glob("*.toml") if not p.stem.startswith("_"))


@functools.lru_cache(maxsize=None)
def load_langpack(lang: str) -> LangPack:
    """Load, merge and validate the pack for ``lang`` (``de``, ``de-CH`` -> ``de``).

    Raises:
        UnsupportedLanguage: no pack file for the language.
        LangPackError: a pack file is unreadable or holds an invalid value.
    """
    code = lang.strip().lower().replace("_", "-")
    supported = available_languages()
    if code not in supported:
        code = code.split("-")[0]
    if code not in supported:
        if universal_language(code):
            return _load_universal(code)
        raise UnsupportedLanguage(lang, supported)
    base, own = _read_toml(LANGPACK_DIR / BASE_FILE), _read_toml(LANGPACK_DIR / f"{code}.toml")
    meta = own.pop("meta", {})
    data = _merge(_merge(_cldr_data(meta.get("locale", code), base, own), base), own)
    data.update(lang=meta.get("lang", code), locale=meta.get("locale", code))
    return _validate(data, own, code)


def universal_language(code: str) -> bool:
    """Whether ``code`` is a language CLDR knows (two or three letters, "und" for text whose
    language is undetermined) that has no pack file: the universal layer serves it."""
    if code == UNDETERMINED:
        return True
    if not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()) or code in available_languages():
        return False
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).language == code
    except (UnknownLocaleError, ValueError):
        return False


def _load_universal(code: str) -> LangPack:
    """The universal layer alone for a language without a pack: what CLDR knows about it
    (currency names and symbols, number symbols, month and weekday names; the root locale for
    "und"), ISO 4217 codes, digits of every script, and ``_universal.toml`` (percent signs, CJK
    scale characters) over ``_base.toml``. It finds amounts, percentages and dates; it has no
    ``[facts]`` table, so no facts."""
    base, extra = _read_toml(LANGPACK_DIR / BASE_FILE), _read_toml(LANGPACK_DIR / UNIVERSAL_FILE)
    locale = "root" if code == UNDETERMINED else code
    data = _merge(_merge(_cldr_data(locale, base, extra), base), extra)
    data.update(lang=code, locale=locale, universal=True)
    return _validate(data, extra, code)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LangPackError(path.name, "<file>", str(exc)) from exc


def _merge(low: dict[str, Any], high: dict[str, Any]) -> dict[str, Any]:
    """Tables merge key by key; any other value in ``high`` replaces the one in ``low``."""
    out = dict(low)
    for key, value in high.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _validate(data: dict[str, Any], own: dict[str, Any], code: str) -> LangPack:
    """Check the merged pack against ``packspec`` at load, so a bad key fails here, named."""
    try:
        return LangPack.model_validate(data)
    except ValidationError as exc:
        # A misspelt key also leaves the key it meant missing: name the misspelling first.
        err = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        loc = [str(part) for part in err["loc"]]
        path = [part for part in loc if part != "[key]"]  # a bad dict key: blame where it is
        in_own = _has_path(own, path) or (err["type"] == "missing" and _has_path(own, path[:-1]))
        file = f"{code}.toml" if in_own else BASE_FILE
        table, model = table_of(path)
        reason = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            guess = close_key(path[-1], model)
            reason = f"unknown key (did you mean {guess}?)" if guess else "unknown key"
        elif err["type"] == "missing":
            reason = "missing key"
        raise LangPackError(file, ".".join(loc), reason, table=table) from None


def _has_path(data: dict[str, Any], loc: list[str]) -> bool:
    node: Any = data
    for part in loc:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _cldr_data(locale: str, base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """What CLDR knows about ``locale``: the layer under both pack files."""
    from babel import Locale, UnknownLocaleError, numbers

    try:
        loc = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise LangPackError(f"{locale}.toml", "meta.locale", str(exc)) from None
    money = _merge(base.get("money", {}), own.get("money", {}))
    data: dict[str, Any] = {
        "numbers": {
            "decimal_separator": numbers.get_decimal_symbol(loc),
            "group_separators": [numbers.get_group_symbol(loc)],
        },
        "periods": {
            "months": _cldr_months(loc),
            "day_months": _cldr_day_months(loc),
            "weekdays": {name: n for n, name in loc.days["format"]["wide"].items()},
        },
    }
    if money.get("use_cldr", True):
        data["money"] = _cldr_money(loc, money)
    percent = loc.percent_formats.get(None)
    if percent is not None and percent.pattern.lstrip().startswith(("%", "٪")):
        # CLDR writes the sign first in Turkish ("%#,##0") and Basque ("% #,##0"): "%100"
        data["percent"] = {"prefix_units": {"%": "percent", "٪": "percent"}}
    return data


def _cldr_months(loc: Any) -> dict[str, int]:
    months = {name: n for n, name in loc.months["format"]["wide"].items()}
    months.update({name: n for n, name in loc.months["stand-alone"]["wide"].items()})
    # Abbreviations only with their dot ("Okt."), so that short words are never months.
    months.update({a: n for n, a in loc.months["format"]["abbreviated"].items() if a.endswith(".")})
    return months


def _cldr_day_months(loc: Any) -> dict[str, int]:
    """CLDR's short month names without their dot ("Feb", "Okt", "janv"): a date such as "Feb 24
    2016" or "24 Okt 2016" is written so. Only beside a day number (``periods.py``): alone, "Jan"
    and "Mar" are a name and a word. Three letters at least, so no short word becomes a month."""
    short: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for n, name in loc.months[context]["abbreviated"].items():
            bare = name.rstrip(".")
            if len(bare) >= 3 and bare.isalpha():
                short.setdefault(bare, n)
    return short


def _cldr_money(loc: Any, money: dict[str, Any]) -> dict[str, Any]:
    from babel import numbers

    excluded = {*money.get("currency_codes_exclude", []), *money.get("currency_codes_obsolete", [])}
    codes = sorted({*(c for c in numbers.list_currencies() if c not in excluded), *money.get("crypto_codes", [])})
    # crypto-currencies have no CLDR names: the base file's, under everything CLDR and the pack say
    names: dict[str, str] = dict(money.get("crypto_names", {}))
    heads: dict[str, set[str]] = {}  # the noun of a multi-word name: "naira" of "Nigerian naira"
    for code, name in loc.currencies.items():
        if (code in excluded and code.startswith("X")) or "(" in name:
            continue
        # One count per CLDR plural category in the languages we target (one, few, many,
        # other): "złoty", "złote", "złotych", "złotego".
        for form in {name, *(numbers.get_currency_name(code, count=n, locale=loc) for n in _COUNTS)}:
            for variant in _inflections(form, money):
                names.setdefault(variant, code)
            if " " in form and "(" not in form and money.get("bare_name_word") in ("first", "last"):
                words = form.split(" ")
                heads.setdefault(words[-1] if money["bare_name_word"] == "last" else words[0], set()).add(code)
    # The unit alone ("5 million naira", "500 Forint") where it names one currency only and is no
    # word of its own (``bare_names_exclude``: "value", "gold", "real"): "dollar", "peso" name many
    # and stay as the pack has them.
    unused = set(money.get("bare_names_exclude", [])) | set(loc.territories.values())  # "Ecuador"
    for head, found in heads.items():
        if len(found) == 1 and head not in unused and head.isalpha() and len(head) >= 3:
            names.setdefault(head, next(iter(found)))
    # the signs of every currency's own locale first ("₾", "₭"), the language's CLDR signs over them
    # (a code left out as a word, "GEL", keeps its sign "₾"; an obsolete one loses it)
    obsolete = set(money.get("currency_codes_obsolete", []))
    native = {k: v for k, v in _native_symbols().items() if v not in obsolete}
    symbols = {**native, **_cldr_symbols(loc, codes)}
    return {"currency_names": names, "currency_symbols": symbols, "currency_codes": codes}


def _inflections(name: str, money: dict[str, Any]) -> list[str]:
    """``Kanadischer Dollar`` -> also ``kanadischen Dollar``, ``kanadische Dollar``, ..."""
    stem, endings = money.get("adjective_stem", ""), money.get("adjective_endings", [])
    first, _, rest = name.partition(" ")
    if not (stem and rest):
        return [name]
    for ending in sorted(endings, key=len, reverse=True):
        if first.endswith(stem + ending):
            root = first[: len(first) - len(ending)]
            return [name, *(f"{root}{e} {rest}" for e in endings)]
    return [name]


#: Currency signs of every CLDR locale that stand for one currency only ("₾" lari, "₭" kip, "₮"
#: tugrik, "₦" naira), precomputed from Babel (reading every locale costs a
#: second); ``python -m newsfacts.extractors.langpack`` rewrites it and a test checks it
NATIVE_SYMBOLS_FILE = Path(__file__).with_name("data") / "cldr_currency_symbols.json"


def build_native_symbols() -> dict[str, str]:
    """Every CLDR locale's currency signs ("₾", "R$"; not a code, not letters alone), kept where
    the sign means one currency in every locale ("$" and "£" do not), without
    the signs of unspaced scripts (a Chinese or Japanese character among a pack's words makes its
    patterns slow to compile; the universal layer lists "円" and "元" itself)."""
    from collections import defaultdict

    from babel import Locale, localedata

    from newsfacts.extractors.numbers import UNSPACED

    unspaced = re.compile(f"[{UNSPACED}]")
    meanings: dict[str, set[str]] = defaultdict(set)
    for ident in localedata.locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except (ValueError, LookupError):  # pragma: no cover - a locale Babel lists but cannot read
            continue
        for code, symbol in loc.currency_symbols.items():
            # signs only ("₾", "R$", "ر.س"): a symbol of letters alone ("Kč", "лв", "zł") is a word
            # of its own language, which that language's pack lists
            if symbol == code or not any(not c.isalnum() and c not in ". " for c in symbol):
                continue
            meanings[symbol].add(code)
    return {s: next(iter(c)) for s, c in sorted(meanings.items()) if len(c) == 1 and not unspaced.search(s)}


@functools.cache
def _native_symbols() -> dict[str, str]:
    table: dict[str, str] = json.loads(NATIVE_SYMBOLS_FILE.read_text(encoding="utf-8"))
    return table


def _cldr_symbols(loc: Any, codes: list[str]) -> dict[str, str]:
    """Symbols with a non-letter in them ("CA$", "₹"); a symbol shared by two codes is dropped."""
    from babel import numbers

    seen: dict[str, str | None] = {}
    for code in codes:
        symbol = numbers.get_currency_symbol(code, locale=loc)
        if symbol == code or symbol.isalpha() or not symbol.strip():
            continue
        seen[symbol] = code if symbol not in seen else None
    return {s: c for s, c in seen.items() if c}


def _write_native_symbols() -> None:
    """Rewrite ``data/cldr_currency_symbols.json`` from Babel (``python -m ...langpack``)."""
    NATIVE_SYMBOLS_FILE.write_text(
        json.dumps(build_native_symbols(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(NATIVE_SYMBOLS_FILE)


if __name__ == "__main__":
    _write_native_symbols()
