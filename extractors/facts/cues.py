"""Compiled cues of a pack's ``[facts]`` table: the words and patterns the rules read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfacts.extractors.errors import LangPackError
from newsfacts.extractors.langpack import LangPack
from newsfacts.extractors.numbers import number_pattern, word_pattern
from newsfacts.extractors.packspec import FactsData
from newsfacts.extractors.records import Direction, Rate

#: the ``[facts]`` table's typed model: one model for the pack loader and the linker
FactsPack = FactsData


@dataclass(frozen=True)
class _Cues:
    """Compiled regexes of one pack's facts table."""

    pack: FactsPack
    buy: re.Pattern[str]
    sell: re.Pattern[str]
    plural: re.Pattern[str]
    singular: re.Pattern[str]
    revenue: re.Pattern[str]
    revenue_not: re.Pattern[str] | None
    change: _ChangeCues
    metric: re.Pattern[str]
    count: re.Pattern[str]
    restatement: re.Pattern[str]
    rates: tuple[tuple[re.Pattern[str], Rate], ...]
    abbreviations: frozenset[str]
    org_cues: tuple[re.Pattern[str], ...]
    acquire: re.Pattern[str] | None
    passive: re.Pattern[str] | None
    acquire_noun: re.Pattern[str] | None
    deal_noun: re.Pattern[str] | None  # "the deal", "der Kaufpreis": a takeover told before
    customer_noun: re.Pattern[str] | None  # "Kunden", "customers": a story of a vendor's customers
    divest: re.Pattern[str] | None
    price: re.Pattern[str] | None
    preps: tuple[str, ...]
    name: re.Pattern[str] | None
    name_stopwords: frozenset[str]
    negation: re.Pattern[str] | None
    figure_before: re.Pattern[str] | None
    figure_after: re.Pattern[str] | None
    metric_after: re.Pattern[str] | None  # "$776 million in profit": a metric after a link
    figure_det: re.Pattern[str] | None
    figure_subject: re.Pattern[str] | None
    figure_series: re.Pattern[str] | None
    descriptions: re.Pattern[str] | None
    company_heads: re.Pattern[str] | None
    revenue_metrics: re.Pattern[str] | None
    spending_metrics: re.Pattern[str] | None
    from_to: re.Pattern[str] | None
    direction_words: re.Pattern[str] | None
    adjective_articles: re.Pattern[str] | None
    share_nouns: re.Pattern[str] | None
    comparison: re.Pattern[str] | None
    paid_passive: re.Pattern[str] | None
    bought_passive: re.Pattern[str] | None
    # a division noun and its link right before a company ("die Energiesparte des Konzerns")
    division_before: re.Pattern[str] | None
    # a possessive and a division noun right after a company ("'s appliance business")
    division_after: re.Pattern[str] | None
    # a source noun and its link right before a company: "Studie des", "survey by"
    source: re.Pattern[str] | None
    count_frames: tuple[re.Pattern[str], ...]
    economy: re.Pattern[str] | None  # a clause about a whole economy: its counts are no company's
    incident: re.Pattern[str] | None  # a clause about an incident ("killed", "aboard"): no count
    public_money: re.Pattern[str] | None  # "the government", "stimulus": spending of no company
    macro: re.Pattern[str] | None  # a clause about an economy ("inflation", "GDP"): no change
    index: re.Pattern[str] | None  # a market index before a percentage ("Der Leitindex fiel"): no change
    stake_phrase: re.Pattern[str] | None  # "bought 6.1% of ", "acquired control of ": its target follows
    subject_pronoun: re.Pattern[str] | None  # "it" (with auxiliaries) right before a verb: its subject
    reported: re.Pattern[str] | None  # a verb of saying and its "that" between a speaker and a description
    relative: re.Pattern[str] | None  # ", who …": a relative pronoun opening a clause
    source_after: re.Pattern[str] | None  # "a Gartner survey": a source noun right after a name
    relative_subject: re.Pattern[str] | None  # ", der …": a relative pronoun that is its clause's subject
    relative_object: re.Pattern[str] | None  # ", which RIM bought": a relative pronoun that is its object
    result_verbs: tuple[tuple[str, re.Pattern[str]], ...]  # ("loss", "lost … $"): a result's verb right before it
    not_wholes: re.Pattern[str] | None  # "of respondents", "of GDP" after a percentage: no share
    per_share: re.Pattern[str] | None  # "per share" after an amount: no revenue
    name_prefix: re.Pattern[str] | None  # "Toronto-based " before a party's name: left out
    owned_by: re.Pattern[str] | None  # "owned by", "gehört": the holder follows the percentage
    cost: re.Pattern[str] | None  # "cost Airbus $6 billion": the company after the verb spends
    base_nouns: frozenset[str]  # "customers": a gain or loss of them is a change, no count
    base_change: re.Pattern[str] | None  # "gained", "lost" (groups up, down) before such a count
    public_body: re.Pattern[str] | None  # the end of a public body's name ("Bundesnetzagentur")
    not_company: re.Pattern[str] | None  # a title, an event, a law, a measure: "Finance Minister", "GDP"
    weak_count_nouns: frozenset[str]  # "people": a company's count only with a count verb
    count_verbs: re.Pattern[str] | None
    have_verbs: re.Pattern[str] | None  # "has": a weak count noun's company right before the number
    # right after a percentage: a share link, a few words and a count or workforce noun
    # ("Prozent der Arbeitsplätze", "percent of the salaried workforce")
    percent_of_count: re.Pattern[str] | None
    level_preps: re.Pattern[str] | None
    fine: re.Pattern[str] | None
    contract: re.Pattern[str] | None
    award: re.Pattern[str] | None
    receive: re.Pattern[str] | None  # "received $5 million from": the company after "from" pays
    grant: re.Pattern[str] | None  # giving money to a company: "fördert X mit", "lent X"
    spend: re.Pattern[str] | None
    common_noun: re.Pattern[str] | None


# a capitalised word, or a brand's camel case that opens in lower case ("easyJet", "eBay")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w&+.-]|['’](?=[A-ZÀ-ÖØ-Þ]))*[\w+]|[A-Z]|[a-z]{1,5}[A-Z][\w&+.-]*[\w+]"


def _name_pattern(connectors: list[str]) -> re.Pattern[str]:
    link = "|".join(re.escape(c) for c in connectors) or "(?!)"
    return re.compile(rf"(?<![\w'’])(?:{_NAME_WORD})(?:\s(?:(?:{link})\s)?(?:{_NAME_WORD}))*")


def _optional(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(pattern, flags) if pattern else None


def _word_list(words: list[str]) -> re.Pattern[str] | None:
    """Any of ``words`` after optional spaces, case-insensitive (matched at a clause's start)."""
    return re.compile(rf"\s*{word_pattern(words)}", re.IGNORECASE) if words else None


def _cues(pack: LangPack) -> _Cues:
    return pack.compiled("facts", _build_cues)


def org_cues(pack: LangPack) -> tuple[re.Pattern[str], ...]:
    """The pack's patterns in which a text calls a name a company (none without fact cues)."""
    return _cues(pack).org_cues if pack.facts else ()


def _build_cues(pack: LangPack) -> _Cues:
    try:
        data = FactsPack.model_validate(pack.facts)
    except Exception as exc:  # pydantic.ValidationError: a pack error, with its key
        raise LangPackError(f"{pack.lang}.toml", "facts", str(exc)) from None
    ci = re.IGNORECASE
    return _Cues(
        pack=data,
        buy=re.compile(data.buy_verbs),
        sell=re.compile(data.sell_verbs),
        plural=re.compile(data.plural_anaphors, ci),
        singular=re.compile(data.singular_anaphors, ci),
        revenue=re.compile(data.revenue_nouns, ci),
        revenue_not=_optional(data.revenue_not, ci),
        change=_change_cues(pack, data),
        metric=re.compile(data.metric_nouns, ci),
        count=re.compile(_count_pattern(pack, data.count_nouns, compounds=data.count_compounds), ci),
        restatement=re.compile(data.restatement),
        # rate phrases anywhere in a sentence: the money engine's "before" phrases
        rates=tuple(
            (re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", ci), rate)
            for rate, phrases in pack.money.rates.before.items()
            if phrases
        ),
        abbreviations=frozenset(a.lower() for a in pack.text.abbreviations),
        org_cues=tuple(re.compile(p) for p in data.org_cues),
        acquire=_optional(data.acquire_verbs),
        passive=_optional(data.acquire_passive),
        acquire_noun=_optional(data.acquire_nouns),
        deal_noun=_optional(data.deal_nouns),
        customer_noun=_optional(data.customer_nouns),
        divest=_optional(data.divest_verbs),
        price=_optional(rf"(?:{data.price_cues})\s+(?:\S+\s+)?$" if data.price_cues else "", ci),
        preps=tuple(
            dict.fromkeys(
                data.vendor_preps
                + data.customer_preps
                + data.product_preps
                + data.other_preps
                + data.agent_preps
                + data.target_preps
                + data.seller_preps
                + data.object_preps
                + data.against_preps
                + data.award_customer_preps
                + data.stake_preps
            )
        ),
        name=_name_pattern(data.name_connectors) if data.propose_names else None,
        name_stopwords=frozenset(_plain(w) for w in data.name_stopwords + _calendar_words(pack)),
        negation=_optional(data.negation_cues, ci),
        **_figure_patterns(data),
        figure_series=_optional(data.figure_series, ci),
        descriptions=_optional(data.descriptions, ci),
        metric_after=_metric_after(data),
        revenue_metrics=_optional(data.revenue_metrics, ci),
        spending_metrics=_optional(data.spending_metrics, ci),
        from_to=_from_to_pattern(data.from_to),
        fine=_optional(data.fine_nouns, ci),
        contract=_optional(data.contract_nouns, ci),
        award=_optional(data.award_verbs, ci),
        receive=_optional(data.receive_verbs, ci),
        grant=_optional(data.grant_verbs, ci),
        spend=_optional(data.spend_verbs, ci),
        share_nouns=_optional(data.share_nouns, ci),
        comparison=_optional(data.comparison_cues, ci),
        paid_passive=_optional(data.paid_passive, ci),
        bought_passive=_optional(data.bought_passive, ci),
        division_before=re.compile(
            rf"(?<![\w-])(?P<unit>[\w-]*(?:{'|'.join(map(re.escape, data.division_nouns))}))\s+"
            rf"(?:{'|'.join(map(re.escape, data.division_links))})\s+(?:[\w-]+\s+){{0,3}}?$",
            ci,
        )
        if data.division_nouns and data.division_links
        else None,
        division_after=re.compile(
            rf"['’]s?\s+(?P<unit>(?:[a-z][\w-]*\s+){{0,3}}?(?:{'|'.join(map(re.escape, data.division_nouns))}))(?!\w)"
        )
        if data.division_nouns
        else None,
        source=re.compile(
            rf"(?<![\w-])[\w-]*(?:{'|'.join(map(re.escape, data.source_nouns))})\w*\s+(?:\S+\s+){{0,4}}?"
            rf"(?:{'|'.join(map(re.escape, data.source_links))})\s+(?:\S+\s+){{0,3}}?$",
            ci,
        )
        if data.source_nouns and data.source_links
        else None,
        source_after=re.compile(rf"\s+(?:{'|'.join(map(re.escape, data.source_nouns))})s?\b", ci)
        if data.source_nouns
        else None,
        count_frames=_count_frames(pack, data.count_frames, data.count_nouns),
        economy=_optional(data.economy_cues, ci),
        public_money=_optional(data.public_money_cues, ci),
        incident=_optional(data.incident_cues, ci),
        macro=_optional(data.macro_cues, ci),
        index=_optional(data.index_cues, ci),
        stake_phrase=_optional(data.stake_phrases, ci),
        subject_pronoun=_subject_pronoun(data),
        reported=re.compile(rf"\s*,?\s*(?:{data.reported_clause})\s+", ci) if data.reported_clause else None,
        result_verbs=tuple(
            (metric, re.compile(rf"{word_pattern(verbs)}\s+(?:[^\W\d]+\s+){{0,2}}\Z", ci))
            for metric, verbs in data.result_verbs.items()
            if verbs
        ),
        relative=_word_list(data.relative_pronouns),
        relative_subject=_word_list(data.relative_subject_pronouns),
        relative_object=_word_list(data.relative_object_pronouns),
        not_wholes=_optional(data.not_wholes, ci),
        per_share=_optional(data.per_share, ci),
        name_prefix=_optional(data.name_prefix),
        owned_by=_optional(data.owned_by, ci),
        cost=_optional(data.cost_verbs, ci),
        base_nouns=frozenset(w.lower() for w in data.base_count_nouns),
        base_change=_by_direction(data.base_change_verbs),
        weak_count_nouns=frozenset(w.lower() for w in data.weak_count_nouns),
        count_verbs=_optional(data.count_verbs, ci),
        have_verbs=(
            re.compile(rf"(?<!\w){word_pattern(data.have_verbs)}\s+\Z", re.IGNORECASE) if data.have_verbs else None
        ),
        public_body=re.compile(rf"(?:{data.public_bodies})\Z", ci) if data.public_bodies else None,
        not_company=_optional(data.not_companies),
        percent_of_count=_percent_of_count(pack, [*data.count_nouns, *data.workforce_nouns]),
        common_noun=re.compile(rf"(?:{'|'.join(map(re.escape, data.common_noun_heads))})$", ci)
        if data.common_noun_heads
        else None,
        level_preps=re.compile(
            rf"(?<![\w-])(?:{'|'.join(map(re.escape, data.level_preps))})\s+(?:(?:rund|etwa|about|around|nearly)\s+)?$",
            ci,
        )
        if data.level_preps
        else None,
        adjective_articles=re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, data.adjective_articles))})\s+$")
        if data.adjective_articles
        else None,
        direction_words=re.compile(
            f"(?P<up>{word_pattern(data.direction_words.get('up', []))})"
            f"|(?P<down>{word_pattern(data.direction_words.get('down', []))})",
            ci,
        )
        if data.direction_words
        else None,
        company_heads=_optional(rf"(?:{word_pattern(data.company_heads)})(?![\w-])" if data.company_heads else "", ci),
    )


@dataclass(frozen=True)
class _ChangeCues:
    """Where an amount is the size of a change, not a level ("rose to $5 million" is a level)."""

    before: re.Pattern[str]  # "decreased ", "stieg um ", "a decrease of "
    item_before: re.Pattern[str] | None  # "an increase in commissions of "
    after: re.Pattern[str]  # " decrease" in "a $1.2 million decrease in costs"
    item_after: re.Pattern[str] | None  # " in PPM International costs"


def _by_direction(words: dict[Direction, list[str]]) -> re.Pattern[str] | None:
    """Words by direction as one pattern with groups ``up`` and ``down`` (none without words)."""
    if not words.get("up") and not words.get("down"):
        return None
    return re.compile(
        f"(?P<up>{word_pattern(words.get('up', []))})|(?P<down>{word_pattern(words.get('down', []))})",
        re.IGNORECASE,
    )


def _change_cues(pack: LangPack, data: FactsPack) -> _ChangeCues:
    words = pack.percent
    cues = (
        f"(?P<up>{word_pattern(data.change_verbs.get('up', []))})"
        f"|(?P<down>{word_pattern(data.change_verbs.get('down', []))})"
    )
    prefixes = "|".join(re.escape(w) for w in [*words.change_prefixes, *data.change_verb_links]) or "(?!)"
    nouns = (
        f"(?P<nup>{word_pattern(data.change_nouns.get('up', []))})"
        f"|(?P<ndown>{word_pattern(data.change_nouns.get('down', []))})"
    )
    links = "|".join(re.escape(w) for w in data.change_links) or "(?!)"
    item = _item_pattern(data)
    preps = "|".join(re.escape(w) for w in data.change_item_preps)
    with_item = item is not None and preps and data.change_nouns
    return _ChangeCues(
        # "decreased $1.9 million", "stieg um 5 Mio. Euro", "a decrease of $1.0 million"
        before=re.compile(rf"(?:(?:{cues})(?:\s+(?:{prefixes}))?|(?:{nouns})\s+(?:{links}))\s*$", re.IGNORECASE),
        item_before=re.compile(rf"(?:{nouns})\s+(?:{preps})\s+{item}\s+(?:{links})\s*$", re.IGNORECASE)
        if with_item
        else None,
        after=re.compile(rf"\s+(?:{nouns})", re.IGNORECASE),
        item_after=re.compile(rf"\s+(?:{preps})\s+{item}") if with_item else None,
    )


def _rise_or_fall(m: re.Match[str]) -> Direction:
    """The direction of a match of ``_ChangeCues``: its rise word or noun group took part."""
    groups = m.groupdict()
    return "up" if groups.get("up") or groups.get("nup") else "down"


def _item_pattern(data: FactsPack) -> str | None:
    """One item phrase ("net income", "cash on hand"), as group ``item``."""
    if not data.figure_item_word:
        return None
    stops = "|".join(re.escape(w) for w in sorted(data.figure_stops, key=len, reverse=True)) or "(?!)"
    word = rf"(?!(?i:{stops})(?![\w'’-]))(?:{data.figure_item_word})"
    joiners = "|".join(re.escape(w) for w in data.figure_item_joiners)
    joint = rf"\s+(?:(?:{joiners})\s+)?" if joiners else r"\s+"
    return rf"(?P<item>{word}(?:{joint}{word}){{0,4}})"


def _metric_after(data: FactsPack) -> re.Pattern[str] | None:
    """A revenue or spending metric after an amount and one of ``metric_after_links``, with at
    most one word before it ("$776 million in net profit", "$40 million in restructuring costs")."""
    metrics = "|".join(f"(?:{m})" for m in (data.revenue_metrics, data.spending_metrics) if m)
    if not data.metric_after_links or not metrics:
        return None
    links = "|".join(re.escape(w) for w in data.metric_after_links)
    return re.compile(rf"\s+(?:{links})\s+(?P<item>(?:[a-z][\w-]*\s+)?(?i:{metrics}))(?![\w-])")


def _figure_patterns(data: FactsPack) -> dict[str, re.Pattern[str] | None]:
    """Item phrases around an amount: ``figure_before`` is matched against the text up to the
    amount ("net income was "), ``figure_after`` from the amount's end (" impairment charge",
    " of first mortgage bonds"), ``figure_det`` against the text before an amount whose item
    follows it ("a ", "an aggregate ")."""
    item = _item_pattern(data)
    if item is None:
        return {"figure_before": None, "figure_after": None, "figure_det": None, "figure_subject": None}
    stops = "|".join(re.escape(w) for w in sorted(data.figure_stops, key=len, reverse=True)) or "(?!)"
    comma = "|".join(re.escape(w) for w in data.figure_comma_links) or "(?!)"
    before = (
        re.compile(rf"(?<![\w'’-]){item}(?:\s+(?:{data.figure_links})|,\s+(?:{comma}))\s+$")
        if data.figure_links
        else None
    )
    after = det = None
    if data.figure_determiners:
        dets = "|".join(re.escape(w) for w in data.figure_determiners)
        links = "|".join(re.escape(w) for w in data.figure_after_links) or "(?!)"
        det = re.compile(rf"(?<![\w'’-])(?i:{dets})(?:\s+[^\W\d_]{{3,12}})?\s+$")
        after = re.compile(
            rf"\s+(?P<link>(?:{links})\s+(?:\d[\d.,]*\s?%\s+)?)?{item}"
            rf"(?=\s*(?:[,.;:)]|$)|\s+(?i:{stops})(?![\w'’-]))"
        )
    # the item right before a rise or fall word: "total revenue" in "total revenue decreased"
    subject = re.compile(rf"(?<![\w'’-]){item}\s+$")
    return {"figure_before": before, "figure_after": after, "figure_det": det, "figure_subject": subject}


def _from_to_pattern(pairs: Sequence[tuple[str, str]]) -> re.Pattern[str] | None:
    """Matched against "<up to 12 characters before an amount>\\x00<the gap to the next amount>":
    a from word right before the first amount and a to word ending the gap."""
    if not pairs:
        return None
    alts = "|".join(rf"(?<!\w){re.escape(a)}\s+\x00(?:[^\x00.;]{{0,40}}?\s)?{re.escape(b)}\s*$" for a, b in pairs)
    return re.compile(alts, re.IGNORECASE)


def _calendar_words(pack: LangPack) -> list[str]:
    """Month and weekday names, which are capitalised in some languages but name no company."""
    return [*pack.periods.months, *pack.periods.extra_months, *pack.periods.weekdays]


def _plain(word: str) -> str:
    return word.lower().strip(".,")


def _percent_of_count(pack: LangPack, nouns: list[str]) -> re.Pattern[str] | None:
    """A share link right after a percentage, up to four words, and a count or workforce noun
    (the noun is group ``noun``); matched from the percentage's end."""
    links = [w for w in pack.percent.share_after if w[:1].islower()]
    if not links or not nouns:
        return None
    return re.compile(
        rf"\s+{word_pattern(links)}\s+(?:[\w-]+\s+){{0,4}}?(?P<noun>{word_pattern(sorted(set(nouns), key=len, reverse=True))})",
        re.IGNORECASE,
    )


def _count_frames(pack: LangPack, frames: list[str], nouns: list[str]) -> tuple[re.Pattern[str], ...]:
    """The pack's count frames ("die Zahl der {noun} stieg auf {count}") with the count nouns
    as group ``noun`` and the number grammar as groups ``qualifier``, ``number``, ``scale``."""
    if not frames or not nouns:
        return ()
    qualifiers = [w for words in pack.qualifiers.values() for w in words]
    count = (
        rf"(?:(?P<qualifier>{word_pattern(qualifiers)})\s+)?(?P<number>{_count_number(pack)})"
        rf"(?:\s+(?P<scale>{word_pattern(pack.numbers.multipliers)}))?(?![\w%‰])"
    )
    noun = rf"(?P<noun>{word_pattern(nouns)})"
    return tuple(re.compile(f.replace("{noun}", noun).replace("{count}", count), re.IGNORECASE) for f in frames)


#: A count written in groups of three split by spaces ("10 000 jobs", "25 000 Menschen"), which
#: news in every language uses whatever its pack's separators; read by ``counts._count_value``.
SPACE_GROUPED = r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,]\d)"


def _count_number(pack: LangPack) -> str:
    """The number of a count: space-grouped digits, else the pack's number grammar."""
    return rf"{SPACE_GROUPED}|{number_pattern(pack)}"


def _glued_scale(pack: LangPack) -> str:
    """A short multiplier glued to its number ("27.6m passengers", "7m people"): the pack's
    multipliers of up to three letters, as an alternative named ``glued_scale``."""
    short = [m for m in pack.numbers.multipliers if len(m) <= 3 and m.isalpha()]
    return rf"|(?P<glued_scale>{'|'.join(map(re.escape, sorted(short, key=len, reverse=True)))})(?!\w)" if short else ""


def _subject_pronoun(data: FactsPack) -> re.Pattern[str] | None:
    """A subject pronoun, with up to three auxiliaries or adverbs, right before a verb ("it
    would", "er hat"), and in group ``that`` the verb of saying whose reported clause it opens
    ("announced Monday that it would buy"): the pack's ``subject_pronouns``, ``subject_adverbs``
    and ``reported_clause``."""
    if not data.subject_pronouns:
        return None
    reported = rf"(?P<that>(?:{data.reported_clause})\s+)?" if data.reported_clause else r"(?P<that>(?!))?"
    adverbs = rf"(?:(?:{word_pattern(data.subject_adverbs)})\s+){{0,3}}" if data.subject_adverbs else ""
    return re.compile(rf"{reported}(?<!\w)(?:{word_pattern(data.subject_pronouns)})\s+{adverbs}\Z", re.IGNORECASE)


def _count_pattern(pack: LangPack, nouns: list[str], *, compounds: bool = False) -> str:
    """Qualifier? number multiplier? count-noun, from the pack's shared number grammar. Where
    the language writes compounds as one word (``count_compounds``), a count noun may close
    one ("Großkunden", "Dienstnehmer" is listed, "Vollzeitstellen" is found). Such a language
    capitalises its nouns, so the noun opens with a capital ("12.000 angestellte Lehrer" counts
    teachers, if anything), and a compound's first part has three letters at least ("Sekunden"
    is no "Kunden")."""
    qualifiers = [w for words in pack.qualifiers.values() for w in words]
    noun = (
        rf"(?=(?-i:[A-ZÀ-Þ]))(?:(?<![\w-])[^\W\d_]{{2}}[\w-]+?(?:{'|'.join(map(re.escape, nouns))})(?![\w-])|{word_pattern(nouns)})"
        if compounds and nouns
        else word_pattern(nouns)
    )
    # never the tail of a number written with spaces or other groups ("10 000 jobs" is not 0)
    return (
        rf"(?<![\d.,])(?<!\d\s)(?<!\w-)(?:(?P<qualifier>{word_pattern(qualifiers)})\s+)?(?P<number>{_count_number(pack)})"
        rf"(?:\s+(?P<scale>{word_pattern(pack.numbers.multipliers)}){_glued_scale(pack)})?"
        # one lower-case adjective may stand between ("15,000 new jobs", "4.500 neue Stellen"),
        # or a name of up to three words ("two Chrysler plants", "15 Lord & Taylor stores")
        rf"(?:\s+(?-i:[a-zà-ÿß]+)|(?:\s+(?-i:[A-ZÀ-Þ][\w'’.-]*|&)){{1,3}})?\s+(?P<noun>{noun})"
    )


_CLAUSE_BREAK = re.compile(r"[;:]|,(?=\s)|\s[-–—]\s")
