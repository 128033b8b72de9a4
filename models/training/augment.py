"""Training-data augmentation: swap organisation names so the model learns ORG from context.

The corpora date from 2009-2019 and name few of the companies business news is about today
(platforms such as TikTok or OpenAI were unseen). A small CNN without pretrained vectors then leans
on memorised names. One extra copy of each training sentence that mentions an organisation, with
every ORG span replaced by another organisation name from the *training* split (or, for half of
them, an invented name such as ``NetzWerk`` or ``NetzAG``), pushes it towards the contexts ("der
Konzern X", "Kunden wie X") and the CamelCase and ``WordACRONYM`` shapes many company names share. The held-out split is
never used, and no name comes from outside the training data.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from spacy.tokens import Doc

from newsfacts.models.training.corpora import doc_from_tags

__all__ = ["org_names", "swap_orgs"]


def org_names(docs: Sequence[Doc]) -> list[str]:
    """Distinct ORG surface forms of ``docs``, sorted (for a reproducible pool)."""
    return sorted({e.text for d in docs for e in d.ents if e.label_ == "ORG" and e.text.strip()})


def _invent(rng: random.Random, pieces: Sequence[str], acronyms: Sequence[str]) -> str:
    """An invented name in a shape common among companies: ``NetzWerk`` or ``NetzAG``."""
    first = rng.choice(pieces)
    if acronyms and rng.random() < 0.5:
        return first + rng.choice(acronyms)
    return first + rng.choice(pieces)


def swap_orgs(
    doc: Doc,
    pool: Sequence[str],
    pieces: Sequence[str],
    rng: random.Random,
    acronyms: Sequence[str] = (),
) -> Doc | None:
    """Return a copy of ``doc`` with every ORG span renamed, or None if it has no ORG.

    Half of the new names come from ``pool`` (real training-split ORG names), half are invented
    from title-case ``pieces`` and upper-case ``acronyms`` of the training split.
    """
    if not any(e.label_ == "ORG" for e in doc.ents):
        return None
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[tuple[str, str | None]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_iob_ == "B" and token.ent_type_ == "ORG":
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            name = _invent(rng, pieces, acronyms) if rng.random() < 0.5 else rng.choice(pool)
            parts = name.split()
            words += parts
            spaces += [True] * (len(parts) - 1) + [bool(doc[end - 1].whitespace_)]
            tags += [("B", "ORG")] + [("I", "ORG")] * (len(parts) - 1)
            i = end
            continue
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        if token.ent_iob_ == "":
            tags.append(("I", None))  # unknown annotation stays unknown
        else:
            tags.append((token.ent_iob_, token.ent_type_ or ""))
        i += 1
    return doc_from_tags(doc.vocab, words, tags, spaces=spaces)
