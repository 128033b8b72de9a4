"""The mentions the rules work on: sentences with their companies, amounts, percentages and periods,
the companies a tagger slip hid, and the key that tells two names of one company apart."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsfacts.extractors.facts.cues import _Cues, _plain
from newsfacts.extractors.lexicon import is_common_word
from newsfacts.extractors.records import Amount, Entity, Percentage, Period
from newsfacts.extractors.sentences import sentence_spans


@dataclass
class _Sentence:
    start: int
    end: int
    orgs: list[Entity]
    amounts: list[Amount]
    percentages: list[Percentage]
    periods: list[Period]


def _sentences(
    text: str,
    cues: _Cues,
    entities: Sequence[Entity],
    amounts: Sequence[Amount],
    percentages: Sequence[Percentage],
    periods: Sequence[Period],
) -> list[_Sentence]:
    result = []
    for start, end in sentence_spans(text, abbreviations=cues.abbreviations):

        def inside(items: Iterable[Any], s: int = start, e: int = end) -> list[Any]:
            return [m for m in items if s <= m.start and m.end <= e]

        result.append(
            _Sentence(
                start,
                end,
                [e for e in inside(entities) if e.label == "ORG"],
                inside(amounts),
                inside(percentages),
                inside(periods),
            )
        )
    return result


_RESTATED = re.compile(r"\s*\(\s*(?:[^\W\d_A-Z]+\.?\s+){0,2}")


def _without_restatements(text: str, amounts: Sequence[Amount], conjunctions: Sequence[str] = ()) -> list[Amount]:
    """The amounts less those in brackets right after another in other currencies: the same
    figure converted ("€1.34bn ($1.66 billion)", "150 million € (US$ 199 million)", "1,2
    Milliarden Franken (umgerechnet 1,1 Milliarden Euro)", "£7 million (US$11.2 million, €7.9
    million)"), which state no fact of their own and must not be taken for more figures of the
    sentence."""
    ordered = sorted(amounts, key=lambda a: a.start)
    # what may stand between two conversions in one bracket: "(US$11.2 million, €7.9 million)"
    words = "|".join(map(re.escape, conjunctions)) or "(?!)"
    between = re.compile(rf"\s*(?:[,;/]|\s(?:{words})\s)\s*(?:[^\W\d_A-Z]+\.?\s+){{0,2}}", re.IGNORECASE)
    dropped: set[int] = set()
    for i, head in enumerate(ordered):
        if i in dropped:
            continue
        run: list[int] = []
        gap: re.Pattern[str] = _RESTATED
        previous = head
        for j in range(i + 1, len(ordered)):
            amount = ordered[j]
            if amount.currency == head.currency or gap.fullmatch(text, previous.end, amount.start) is None:
                break
            run.append(j)
            previous, gap = amount, between
        if run and re.match(r"\s*\)", text[previous.end : previous.end + 3]) is not None:
            dropped.update(run)
    return [a for k, a in enumerate(ordered) if k not in dropped]


def _common_noun(entity: Entity, cues: _Cues) -> bool:
    """A capitalised common noun the tagger called an organisation ("Konjunkturumfeld",
    "Exportgeschäft", "Marktanteil"): one word, no capitals or digits after its first letter,
    ending in a word the pack lists as a common-noun head (``common_noun_heads``)."""
    if entity.label != "ORG" or cues.common_noun is None:
        return False
    word = entity.text
    head = cues.common_noun.search(word) if " " not in word and word[1:].islower() else None
    if head is None:
        return False
    # a bare suffix ("ung", "heit") closes a noun only after a stem of five letters or more:
    # "Entwicklung", "Genehmigung", but "Samsung" is a name
    return len(head.group()) >= 5 or head.start() >= 5


def _sound_entities(entities: Sequence[Entity], cues: _Cues) -> list[Entity]:
    """Drop organisations whose span runs over a lower-case word ("NuStar Energy acquired
    Kaneb") where names are capitalised: such a span is a tagger slip that would hide the
    names inside it; the capitalised runs are proposed instead."""
    # a "name" without a letter ("2008", "3M" keeps its M) is a number the tagger took for one
    entities = [
        e for e in entities if not _common_noun(e, cues) and (e.label != "ORG" or any(c.isalpha() for c in e.text))
    ]
    if cues.name is None:
        return list(entities)
    connectors = {c.lower() for c in cues.pack.name_connectors}
    return [
        e
        for e in entities
        if e.label != "ORG"
        or not (
            any(w[:1].islower() and w.lower() not in connectors for w in e.text.split()[1:])
            or all(_plain(w) in cues.name_stopwords for w in e.text.split())
        )
    ]  # "Company", "LLC"


def _opening_common_word(text: str, entity: Entity, lang: str) -> bool:
    """A tagged organisation that is a common plural noun capitalised only because it opens
    its sentences ("Records show that …", "Analysts said …"): one word ending in "s", common in
    the language with and without it (``lexicon.is_common_word``), and written with its
    capital nowhere but at the start of a sentence or a line in the article. A singular name
    that is also a word ("Acme said …", "Target said …") stays: companies are named so."""
    word = entity.text
    if (
        entity.label != "ORG"
        or " " in word
        or not word[1:].islower()
        or not word.endswith("s")
        or not is_common_word(word, lang)
        or not is_common_word(word[:-1], lang)
    ):
        return False
    return all(
        not text[: m.start()].strip()
        or re.search(r"(?:[.!?:;]['\"”’)]*\s|\n)\s*$", text[max(0, m.start() - 12) : m.start()])
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    )


def _proposed_names(
    text: str, cues: _Cues, entities: Sequence[Entity], mentions: Sequence[Any], lang: str
) -> list[Entity]:
    """Capitalised runs the tagger left untagged, as company candidates (see ``propose_names``).
    A single word that is a common word of the language ("Business", "Compared", "Overseas":
    ``lexicon.is_common_word``) is not one."""
    if cues.name is None:
        return []
    # A run the tagger called PER, LOC or MISC is still proposed: measured on the fact gold and
    # FIRE, company names tagged as persons or places ("Netflix" PER, "A Galp" LOC) outnumber
    # the places and people that end up in a fact role by mistake.
    result = []
    for m in cues.name.finditer(text):
        start, end = m.start(), m.end()
        words = m.group().split()
        while words and _plain(words[0]) in cues.name_stopwords:  # "The Interface Group", "Mr."
            start += len(words[0]) + 1
            words = words[1:]
        while words and _plain(words[-1]) in cues.name_stopwords:
            end -= len(words[-1]) + 1
            words = words[:-1]
        if not words or len(text[start:end]) < 2:
            continue
        if any(start < m.end and m.start < end for m in mentions) or any(
            start < e.end and e.start < end for e in entities if e.label == "ORG"
        ):
            continue
        if len(words) == 1 and (
            _looks_common(text, start, end, cues.adjective_articles)
            or (cues.pack.proposed_not_common and is_common_word(words[0], lang))
        ):
            continue
        if (
            len(words) >= 3
            and cues.pack.proposed_not_common
            and all(w.isupper() and is_common_word(w, lang) for w in words)
        ):
            continue  # a line in capitals ("PLEASE LEAVE THIS TEMPLATE") is no name
        result.append(Entity(text=text[start:end], start=start, end=end, label="ORG"))
    return result


def _looks_common(text: str, start: int, end: int, articles: re.Pattern[str] | None) -> bool:
    """A single capitalised word that is more likely a common word than a name the tagger
    missed: an adjective between an article and a lower-case noun ("the Colombian brewery", "a
    Finnish chain"), or a compound ending in a lower-case part ("Iraq-related"). (The first word
    of a sentence is no such sign: real names the tagger missed open sentences as often.)"""
    if re.search(r"-[a-z]+$", text[start:end]):
        return True
    if articles is None:
        return False
    return bool(articles.search(text, max(0, start - 6), start) and re.match(r"\s+[a-z]", text[end : end + 2]))


def _org_key(name: str) -> str:
    return re.sub(r"\W+", " ", name).strip().lower()


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_org_key(name), name)
    return list(seen.values())


def _nearest(items: Sequence[Any], offset: int) -> Any:
    return min(items, key=lambda m: abs(m.start - offset), default=None)


def _key(name: str | None) -> str | None:
    return None if name is None else _org_key(name)


def _one_family(a: str, b: str) -> bool:
    """Whether two names are one company or one group ("Essar Group" and "Essar"): the words of
    one begin the other's. A group buying its own name is a misread, not a takeover."""
    first, second = _org_key(a).split(), _org_key(b).split()
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter
