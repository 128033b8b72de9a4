"""One helper for the linker's unit tests: the facts of a text whose companies are given, so
that the NER model does not decide (test_figures, test_amount_changes, test_discourse)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from newsfacts.extractors.facts import link_facts
from newsfacts.extractors.langpack import load_langpack
from newsfacts.extractors.money import find_amounts
from newsfacts.extractors.percent import find_percentages
from newsfacts.extractors.periods import find_periods
from newsfacts.extractors.records import Entity, Fact


def facts_of(
    text: str,
    lang: str,
    orgs: Sequence[str] = (),
    *,
    title: str | None = None,
    whole_words: bool = False,
    published: date = date(2024, 8, 1),
    label: str = "ORG",
) -> list[Fact]:
    """Facts of ``text`` with every occurrence of each name in ``orgs`` tagged ``label`` (ORG);
    ``title`` is put before the text as its title line; ``whole_words`` tags a name only as a
    whole word; ``published`` resolves relative periods."""
    if title is not None:
        text = f"{title}\n{text}"
    pack = load_langpack(lang)
    pattern = r"(?<!\w){}(?!\w)" if whole_words else "{}"
    entities = sorted(
        (
            Entity(text=m.group(), start=m.start(), end=m.end(), label=label)  # type: ignore[arg-type]
            for org in orgs
            for m in re.finditer(pattern.format(re.escape(org)), text)
        ),
        key=lambda e: e.start,
    )
    return link_facts(
        text,
        article_id="t",
        pack=pack,
        entities=entities,
        amounts=find_amounts(text, pack),
        percentages=find_percentages(text, pack),
        periods=find_periods(text, pack, published=published),
        title_span=(0, len(title)) if title is not None else None,
    )
