"""Document-level consistency for NER output: one name, one label, every occurrence.

A statistical tagger decides per occurrence, so one article can call "Walmart" ORG in one
sentence, LOC in the next and miss it in a third. Readers (and facts) take a name to mean the
same thing throughout an article, so: each surface form gets the label most of its tagged
occurrences carry, and untagged whole-word occurrences of a tagged name are tagged too.

A name that the article itself calls a company ("das Unternehmen G42", "Kunden wie Walmart",
"Walmart, ein langjähriger Kunde") is an organisation whatever the tagger said: the cue
patterns are language data (the pack's ``facts.org_cues``, each with a named group ``name``
and optionally ``prefix``, the first part of a compound cue such as "Software|anbieter").

(Measured and rejected: tagging every name with an inner capital or fused digits, "TikTok",
"G42", as ORG added about as many false organisations as true ones on the held-out news.)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from newsfacts.extractors.orgnames import legal_suffixes as _legal_suffixes
from newsfacts.extractors.records import Entity

__all__ = ["harmonize_entities", "has_legal_form"]

_NAME_SHAPE = re.compile(r"\d|[a-z][A-Z]")  # a digit or an inner capital: "G42", "TikTok"


def harmonize_entities(
    text: str, entities: Sequence[Entity], *, org_cues: Sequence[re.Pattern[str]] = ()
) -> list[Entity]:
    """Give each name one label across the article and tag its missed occurrences.

    Args:
        text: the text the entities index (boilerplate masked by spaces).
        entities: the tagger's entities.
        org_cues: patterns whose ``name`` group the text calls a company.

    Returns:
        Entities sorted by start, non-overlapping, offsets into ``text``.
    """
    entities = _cut_slips(text, entities, org_cues)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for e in entities:
        votes[e.text][e.label] += 1
    label_of = {name: _label_vote(name, counts) for name, counts in votes.items()}
    for name in list(label_of):
        if has_legal_form(name):  # "Plough Corp" tagged PER, "Bayer Pharmaceuticals Corp." MISC
            label_of[name] = "ORG"
            # and its name without the form, as the article goes on to write it ("Schering-Plough
            # Corp." … "Schering-Plough shares rose")
            base = _legal_form().sub("", name)
            if len(base) >= 3 and base[:1].isupper():
                label_of[base] = "ORG"
    orgs = [n for n, label in label_of.items() if label == "ORG"]
    for name, label in list(label_of.items()):
        # a two-word "person" that opens a company's name in the same article is that company
        # ("Ziff Davis" PER beside "Ziff Davis Media" ORG)
        if label != "ORG" and len(name.split()) >= 2 and any(o.startswith(name + " ") for o in orgs):
            label_of[name] = "ORG"
    for cue in org_cues:
        for m in cue.finditer(text):
            name = m.group("name")
            # German capitalises every noun ("Unternehmen Geld geben"): take a cued name only
            # when the tagger saw it as a name, its shape is no common word's ("G42"), or it
            # closes a phrase ("das Finanzsoftwareunternehmen Intuit.").
            closes = text[m.end("name") : m.end("name") + 1] in (".", ",", ";", ":", ")", "!", "?")
            # or a compound cue names the kind of company ("US-Softwareanbieter Altair",
            # "Ölkonzern Adnoc"): the pattern's optional ``prefix`` group
            compound = bool(m.groupdict().get("prefix"))
            if name in votes or _NAME_SHAPE.search(name) or closes or compound:
                label_of[name] = "ORG"
    result = [e.model_copy(update={"label": label_of[e.text]}) for e in entities]
    taken = [(e.start, e.end) for e in result]
    for name, label in label_of.items():
        if label != "ORG" or len(name) < 2:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not _overlaps(m.start(), m.end(), taken):
                result.append(Entity(text=name, start=m.start(), end=m.end(), label="ORG"))
                taken.append((m.start(), m.end()))
    return sorted(result, key=lambda e: e.start)


def _label_vote(name: str, counts: Counter[str]) -> str:
    """The label the tagger gave a name most often; a name of two words or more that it called
    a company as often as anything else is a company ("Ziff Davis Media" once PER, once ORG):
    a company's name is what a business story repeats, and a person is rarely tagged ORG."""
    (label, top), *_ = counts.most_common(1)
    if len(name.split()) >= 2 and counts.get("ORG", 0) == top:
        return "ORG"
    return label


@lru_cache(maxsize=1)
def _legal_form() -> re.Pattern[str]:
    """A legal form closing a name, as written (case-sensitive, so "plc" and "PLC" but not "ag"):
    the forms of ``data/orgnames.toml`` after a capitalised word."""
    forms = sorted(_legal_suffixes(), key=len, reverse=True)
    return re.compile(rf"(?<=\S)[ ,]+(?:{'|'.join(re.escape(f) for f in forms)})\Z")


def has_legal_form(name: str) -> bool:
    """Whether a name ends in a company's legal form ("Siemens AG", "Hitachi Zosen Corporation",
    "Bayer Pharmaceuticals Corp."): such a name is an organisation whatever the tagger said."""
    return name[:1].isupper() and _legal_form().search(name) is not None


_LOWER_WORD = re.compile(r"\s([a-zäöüß]+)\s")


def _cut_slips(text: str, entities: Sequence[Entity], org_cues: Sequence[re.Pattern[str]]) -> list[Entity]:
    """Cut a span the tagger ran on past a name into the phrase after it.

    "Monsanto für 63 Milliarden Dollar", "Deutsche Wohnen für rund 19": a span that goes on
    through a lower-case word into a number ends before that word; a span that starts with a
    name the text calls a company and goes on with a lower-case word ("Altair für rund zehn
    Milliarden", after "den US-Softwareanbieter") ends after the name. Names with inner
    lower-case words and no number ("Institut für Weltwirtschaft") are left whole.
    """
    cued = {m.start("name"): m.end("name") for cue in org_cues for m in cue.finditer(text)}
    result = []
    for e in entities:
        end = e.end
        for m in _LOWER_WORD.finditer(text, e.start, e.end):
            if re.search(r"\d", text[m.end() : e.end]) or cued.get(e.start, e.end) <= m.start():
                end = m.start()
                break
        name = text[e.start : end].rstrip(" ,")
        if not name:
            continue
        result.append(e if end == e.end else e.model_copy(update={"text": name, "end": e.start + len(name)}))
    return result


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)
