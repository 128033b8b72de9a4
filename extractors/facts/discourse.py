"""Discourse: which company an article is about, and whom a sentence without a name means.

Business news names its company once, in the title or the lead, and then describes it: "Die
Voestalpine hat … Der Konzern steigerte den Umsatz", "the company said", "der Porsche-Konzern",
"Siemens-Chef Meier". A reader takes the company of such a sentence from the story. This module
gives the linker that reading, as data it can score:

- ``topic``: the company the story is about, ranked by where it is named (title, lead,
  subject of a sentence) and how often;
- a *description* (the pack's ``descriptions``: "der Konzern", "the firm", "le groupe") refers to
  the company last named as a subject before it, else to the topic;
- a *compound* whose head is a company word (the pack's ``company_heads``: "Porsche-Konzern",
  "Siemens-Chef", "Telekom-Aktie") names its company, not a product.

Facts say where their party came from (``party_source``: ``sentence``, ``description`` or
``context``), so confidence and dashboards can tell a named company from an inferred one.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newsfacts.extractors.facts.mentions import _org_key, _Sentence
from newsfacts.extractors.records import Entity

__all__ = ["Discourse", "article_discourse"]

# weights of a company's mentions by position (set on the dev split of the document gold)
_IN_TITLE = 3.0
_IN_LEAD = 2.0
_AS_SUBJECT = 1.0
_MENTION = 1.0
_IN_COMPOUND = 0.5
# a topic needs this score: named in the title or lead, or named as a subject and once more
_TOPIC_FLOOR = 2.5


_AGENCIES_FILE = Path(__file__).resolve().parent.parent / "data" / "news_agencies.txt"


@cache
def news_agencies() -> frozenset[str]:
    """Agencies of datelines and credits ("(dpa)", "(Reuters)"): never what a story is about."""
    lines = _AGENCIES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(_org_key(line) for line in lines if line.strip() and not line.startswith("#"))


_OUTLETS_FILE = _AGENCIES_FILE.parent / "news_outlets.txt"


@cache
def _news_outlets() -> tuple[frozenset[str], frozenset[str]]:
    """(whole names, last words) of ``news_outlets.txt``, normalised."""
    lines = [line.strip() for line in _OUTLETS_FILE.read_text(encoding="utf-8").splitlines()]
    names = [line for line in lines if line and not line.startswith("#")]
    return (
        frozenset(_org_key(n) for n in names if not n.startswith("*")),
        frozenset(_org_key(n[1:]) for n in names if n.startswith("*")),
    )


def is_news_outlet(name: str) -> bool:
    """Whether a name is a newspaper's or a magazine's ("The Daily Telegraph",
    "Financial Times", "Handelsblatt"): it reports the figures around it and is never
    their company. "The New York Times Company" (a company noun closes it) is none."""
    key = _org_key(re.sub(r"^(?:The|the|Die|Der|Das|Le|La|Les|El|Il|De|Het)\s+", "", name.strip()))
    whole, last = _news_outlets()
    return key in whole or (bool(key) and key.split()[-1] in last)


_INDICES_FILE = _AGENCIES_FILE.parent / "market_indices.txt"


@cache
def market_indices() -> frozenset[str]:
    """Stock indices and price statistics ("Dax", "Nasdaq", "CPI"): never a fact's company."""
    lines = _INDICES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(_org_key(line) for line in lines if line.strip() and not line.startswith("#"))


@cache
def _index_words() -> re.Pattern[str]:
    names = sorted(
        (
            line.strip()
            for line in _INDICES_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def names_market_index(text: str, start: int, end: int) -> bool:
    """Whether a span of text names a market index ("Der Dax stieg", "the Nasdaq fell"), tagged
    or not: its changes are market moves, no company's."""
    return _index_words().search(text, start, end) is not None


def is_market_index(name: str) -> bool:
    """Whether a name is a market index, also with its number ("CAC 40"), a possessive or a
    word of origin before it ("British FTSE", "Japanese Nikkei"), or one that calls itself an
    index ("FTSE 100 Share Index", "Dow Jones Industrial Average")."""
    if re.search(r"(?<!\w)(?:Index|Indices|Average)$", name.strip()):
        return True
    name = re.sub(r"^(?:The|the)\s+", "", name.strip())  # "The Standard & Poor's 500 index"
    indices = market_indices()
    for candidate in (name, re.sub(r"^[A-Z][\w.]*\s+", "", name)):  # "British FTSE", "Japanese Nikkei"
        if _org_key(candidate) in indices or _org_key(re.sub(r"(?:['’]s)?\s*\d+$", "", candidate)) in indices:
            return True
    return False


#: CLDR names of countries and regions per language, precomputed from Babel (loading the locale
#: data cost ~0.2 s of every cold start), with pycountry's states and provinces;
#: ``python -m newsfacts.extractors.facts.discourse`` rewrites the file and a test checks it
#: against Babel and pycountry
TERRITORIES_FILE = _AGENCIES_FILE.parent / "cldr_territories.json"
TERRITORY_LANGS = ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "sv")


def build_territory_table() -> dict[str, list[str]]:
    """Each pack language's CLDR territory and time-zone city names (``_cities``), normalised and
    sorted, and the one-word names of
    the languages with a two-letter code of four letters or more ("German", "Irish", "Welsh",
    "Romanian"): in English they are the nationality adjectives a tagger calls ORG ("the Welsh
    capital", "Romanian mining"), and no language's name is a company's."""
    from babel import Locale

    table = {}
    for code in TERRITORY_LANGS:
        locale = Locale.parse(code)
        names = {_org_key(n) for n in locale.territories.values()} | _cities(locale)
        names |= {
            _org_key(n)
            for lang, n in locale.languages.items()
            if len(lang) == 2 and " " not in n and "-" not in n and len(n) >= 4
        }
        if code == "en":  # every language reads the English table too
            names |= _subdivisions()
        table[code] = sorted(names)
    return table


#: countries whose first-level subdivisions (states, provinces, Länder, cantons, regions) news
#: names as places: "Texas-based", "the Alberta government", "in Niedersachsen"
_SUBDIVISION_COUNTRIES = ("AT", "AU", "BR", "CA", "CH", "CN", "DE", "ES", "GB", "IN", "IT", "US")
#: subdivision names that are as often a person's or a company's name ("Zurich" the insurer,
#: "Bayern" the football club) or a word ("Pará"): left out
_SUBDIVISION_NOT = frozenset({"Victoria", "Washington", "Acre", "Distrito Federal", "Zürich", "Pará", "Bayern"})


def _subdivisions() -> set[str]:
    """ISO 3166-2 first-level subdivisions of ``_SUBDIVISION_COUNTRIES`` (pycountry, used only
    to rebuild the table), as written and without diacritics ("Karnātaka", "Karnataka"), without
    a bracketed variant or a trailing type word ("Wales [Cymru GB-CYM]", "Sichuan Sheng")."""
    import unicodedata

    import pycountry

    names: set[str] = set()
    for country in _SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=country):  # type: ignore[no-untyped-call]
            if sub.parent_code is not None or "outlying" in sub.type.lower():
                continue
            name = re.sub(r"\s*\[.*?\]", "", sub.name).split(",")[0].strip()
            name = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu|Tebiexingzhengqu)$", "", name)
            if name in _SUBDIVISION_NOT:
                continue
            plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
            names |= {_org_key(name), _org_key(plain)}
    return names


#: Time-zone cities that are as often a surname, a word or a company's short name ("Zurich" the
#: insurer, "Macquarie" the bank, "Halifax" the lender, "Davis", "Christmas"): left out
_CITY_NOT = frozenset(
    {
        "Beulah", "Canary", "Casey", "Center", "Chatham", "Christmas", "Cocos", "Creston", "Darwin",
        "Davis", "Dawson", "Easter", "Gambier", "Halifax", "Knox", "Lindeman", "Macquarie", "Marengo",
        "Mawson", "McMurdo", "Menominee", "Midway", "Monticello", "New Salem", "Nome", "Norfolk", "Oral",
        "Palmer", "Petersburg", "Phoenix", "Regina", "Resolute", "Rothera", "Stanley", "Swift Current",
        "Syowa", "Tell City", "Thule", "Troll", "Vevay", "Vostok", "Wake", "Zurich",
    }
)  # fmt: skip


def _cities(locale: Any) -> set[str]:
    """CLDR's time-zone cities ("Dublin", "Chicago", "Frankfurt" is none but "Berlin" is), in
    English and as the locale writes them ("Wien", "Kopenhagen"): a tagger calls them ORG in
    "the Dublin-based airline", and no figure is a city's."""
    from babel.core import get_global

    own = {v["city"] for v in locale.time_zones.values() if v.get("city")}
    if locale.language == "en":  # the zone ids' English names; every language reads them too
        zones = [z for z in get_global("zone_territories") if "/" in z and not z.startswith("Etc/")]
        own |= {z.rsplit("/", 1)[1].replace("_", " ") for z in zones}
    return {_org_key(c) for c in own if c not in _CITY_NOT}


@cache
def _territory_table() -> dict[str, list[str]]:
    table: dict[str, list[str]] = json.loads(TERRITORIES_FILE.read_text(encoding="utf-8"))
    return table


@cache
def _territories(lang: str) -> frozenset[str]:
    """Names of countries and regions in a language and in English (CLDR)."""
    table = _territory_table()
    return frozenset(table.get(lang, [])) | frozenset(table["en"]) | {"us", "u s", "uk", "eu"}


#: languages whose genitive adds "s" to a name without an apostrophe ("Deutschlands")
_GENITIVE_S = frozenset({"de", "nl", "sv"})


def is_territory(name: str, lang: str) -> bool:
    """Whether a name is a country or region ("Frankreich", "the United States", "U.S."), which
    is never a company of a fact (its government is named as such), or a language's name, which
    in English is a nationality adjective ("Welsh", "Irish"; see ``build_territory_table``)."""
    # a possessive is the territory too ("acquired Poland's Star Foods")
    key = _org_key(re.sub(r"['’]s?$", "", re.sub(r"^(?:the|The)\s+", "", name.strip())))
    # "New York City", "Kuwait City", "New York State": the city or state of a name in the table
    names = _territories(lang)
    if key in names or any(key.endswith(f" {w}") and key[: -len(w) - 1] in names for w in ("city", "state")):
        return True
    # a genitive without an apostrophe ("Deutschlands größter Händler", "Chinas"), in the
    # languages that write one
    return lang in _GENITIVE_S and key.endswith("s") and key[:-1] in names


@dataclass(frozen=True)
class Discourse:
    """What the article is about: its topic company (as first written) and the name order."""

    topic: str | None
    scores: tuple[tuple[str, float], ...] = ()


def article_discourse(
    text: str,
    sentences: Sequence[_Sentence],
    *,
    title_span: tuple[int, int] | None,
    is_subject: Callable[[Entity, _Sentence], bool],
    is_product_compound: Callable[[Entity], bool] = lambda org: False,
    ignore: set[str] | frozenset[str] = frozenset(),
    lang: str = "en",
    title: str | None = None,
) -> Discourse:
    """Rank the article's companies and pick the one the story is about.

    Args:
        text: the article text the sentences index.
        sentences: the linker's sentences, with their companies.
        title_span: the title's span, when the header named one.
        is_subject: whether a company stands as its sentence's subject (no preposition before it).
        is_product_compound: whether a company is glued to a noun that names a thing of it
            ("E-Plus-Kaufpreis"), which is a mention but never a subject.
        ignore: normalised names never taken as the topic (only proposed, never tagged).
        lang: the article's language, for the names of countries (never a topic).
        title: a title given apart from the text: a company named in it counts as named in
            the title.
    """
    score: defaultdict[str, float] = defaultdict(float)
    plain: defaultdict[str, int] = defaultdict(int)  # mentions on their own, not in a compound
    first: dict[str, str] = {}
    aliases = _aliases(text, sentences)
    lead = _lead_index(sentences, title_span)
    for index, s in enumerate(sentences):
        in_title = title_span is not None and s.start < title_span[1] or (title_span is None and index == 0)
        seen_here: set[str] = set()
        for org in s.orgs:
            key = _company_key(org.text)
            if (
                not key
                or _org_key(org.text) in ignore
                or key in news_agencies()
                or is_market_index(org.text)
                or is_territory(org.text, lang)
            ):
                continue
            if key in aliases:  # "Telefónica Deutschland (O2)": O2 counts for the full name
                key = aliases[key]
            first.setdefault(key, org.text)
            if is_product_compound(org):
                score[key] += _IN_COMPOUND  # "E-Plus-Kaufpreis": a mention, not a subject
                continue
            plain[key] += 1
            score[key] += _MENTION
            if key in seen_here:
                continue
            seen_here.add(key)
            if in_title or (title is not None and _names(title, org.text)):
                score[key] += _IN_TITLE
            elif index == lead:
                score[key] += _IN_LEAD
            if is_subject(org, s):
                score[key] += _AS_SUBJECT
    if not score:
        return Discourse(None)
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], -plain[kv[0]], text.find(first[kv[0]])))
    best, value = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else None
    # two companies of equal weight: a story about both (a merger, a dispute) has no one topic,
    # unless one is named on its own more often (the other mostly inside compounds)
    ahead = runner is None or value > runner[1] or plain[best] > plain[runner[0]]
    # the only company an article names is what it is about, however often it is named
    floor = _MENTION if runner is None and plain[best] > 0 else _TOPIC_FLOOR
    topic = first[best] if value >= floor and ahead else None
    return Discourse(topic, tuple((first[k], v) for k, v in ranked))


def _company_key(name: str) -> str:
    """One key for the names of one company: "Siltronic AG" and "Siltronic", "die Allianz" and
    "Allianz" (legal forms and articles removed, as in the records' ``*_norm`` fields)."""
    from newsfacts.extractors.orgnames import normalize_org

    return _org_key(normalize_org(name))


def _names(title: str, name: str) -> bool:
    """Whether a separate title names a company (as a whole word, or before a hyphen)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?!\w)", title) is not None


def bracketed_names(text: str, sentences: Sequence[_Sentence]) -> list[tuple[str, str]]:
    """(full name, alias) for each name in brackets right after another ("Schweizerische
    Nationalbank (SNB)", "Telefónica Deutschland (O2)")."""
    found = []
    for s in sentences:
        for outer, inner in zip(s.orgs, s.orgs[1:]):
            if re.fullmatch(r"\s*\(\s*", text[outer.end : inner.start]) and text[
                inner.end : inner.end + 3
            ].lstrip().startswith(")"):
                found.append((outer.text, inner.text))
    return found


def _aliases(text: str, sentences: Sequence[_Sentence]) -> dict[str, str]:
    """Names in brackets right after another and the full name they abbreviate, by normalised name."""
    found: dict[str, str] = {}
    for outer, inner in bracketed_names(text, sentences):
        found.setdefault(_company_key(inner), _company_key(outer))
    return found


def _lead_index(sentences: Sequence[_Sentence], title_span: tuple[int, int] | None) -> int:
    """The first sentence of the body (after the title)."""
    if title_span is None:
        return 1 if len(sentences) > 1 else 0
    return next((i for i, s in enumerate(sentences) if s.start >= title_span[1]), 0)


def compound_company(text: str, org: Entity, heads: re.Pattern[str] | None) -> bool:
    """'Porsche-Konzern', 'Siemens-Chef', 'Telekom-Aktie': the name before a company head word
    is the company the compound speaks of (not a product, as in 'OpenAI-Modelle')."""
    if heads is None or text[org.end : org.end + 1] != "-":
        return False
    return heads.match(text, org.end + 1) is not None


if __name__ == "__main__":  # pragma: no cover - rewrites the precomputed CLDR territory names
    TERRITORIES_FILE.write_text(
        json.dumps(build_territory_table(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    print(TERRITORIES_FILE)
