"""Readers that turn the permissive German NER corpora into spaCy ``Doc``s with PER/ORG/LOC/MISC.

Every reader yields ``(key, doc)`` pairs. ``key`` is the normalised text of the unit that is
split as a whole (a sentence, or a document for SmartData/MobIE), so that duplicated texts always
land in the same split and the held-out split never leaks into training (see ``split_of``).

Label policy, chosen so the corpora agree with each other:
- GermEval 2014: outer column; OTH -> MISC; ``*deriv``/``*part`` -> O (common practice).
- SmartData v1 and MobIE: person -> PER; organization(-company) -> ORG; location, -city, -street,
  -stop -> LOC. Mentions these corpora annotate as locations but GermEval would not
  (lower-case adjectives such as "italienische", MobIE routes such as "S4") and types that
  may overlap MISC (product, org-position) are marked *missing* rather than O, so the model is
  neither taught nor punished on them. Neither corpus annotates MISC, so MISC comes from GermEval
  only. Hashtag mentions (``#Celle``) become the name after the ``#``, which is also how spaCy's
  tokenizer splits them at inference time.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

__all__ = [
    "LABELS",
    "Split",
    "contract_words",
    "doc_from_tags",
    "load_contractions",
    "read_all",
    "read_columns",
    "read_germeval",
    "read_hipe",
    "read_mobie",
    "read_smartdata",
    "split_of",
]

LABELS = ("PER", "ORG", "LOC", "MISC")
Split = Literal["train", "dev", "test"]
# (IOB prefix, label); label "" for O, None for a missing span
Tag = tuple[str, str | None]

HERE = Path(__file__).resolve().parent

_FINE_TO_COARSE = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
}
# Types that overlap our labels without matching them: neither gold nor negative evidence.
_UNSURE = {"location-route", "product", "org-position"}


def split_of(key: str) -> Split:
    """Assign a unit to a split by a stable hash: 10 % test (held out), 5 % dev, 85 % train."""
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 20
    if bucket < 2:
        return "test"
    return "dev" if bucket == 2 else "train"


def _coarse(fine: str, surface: str) -> str | None:
    """Map a SmartData/MobIE type to our label, None for 'unsure' (missing), '' for O."""
    if fine in _UNSURE:
        return None
    label = _FINE_TO_COARSE.get(fine, "")
    if label == "LOC" and surface[:1].islower():  # "italienische", "beidseitig": not a name
        return None
    return label


def _iob_blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    block: list[str] = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


def doc_from_tags(
    vocab: Vocab,
    words: list[str],
    tags: Sequence[tuple[str, str | None]],
    *,
    spaces: list[bool] | None = None,
) -> Doc:
    """Build a Doc from words and (IOB prefix, label) tags; label None marks a missing span."""
    doc = Doc(vocab, words=words, spaces=spaces)
    ents: list[Span] = []
    missing: list[Span] = []
    start = 0
    cur: str | None | Literal[False] = False  # False: outside any span
    for i, (prefix, label) in enumerate([*tags, ("O", "")]):
        if cur is not False and (prefix != "I" or label != cur):
            span = Span(doc, start, i, label=cur or "")
            # a lone ")" or "." tagged I-<other type> is a tagging slip in MobIE: not evidence
            (ents if cur and not all(t.is_punct for t in span) else missing).append(span)
            cur = False
        if prefix in ("B", "I") and cur is False and label != "":
            start, cur = i, label
    doc.set_ents([e for e in ents if e.label_], missing=missing)
    return doc


def read_germeval(path: Path, nlp: Language) -> Iterator[tuple[str, Doc]]:
    """Read a GermEval 2014 TSV file (outer labels only)."""
    with path.open(encoding="utf-8") as f:
        for block in _iob_blocks(f):
            rows = [r.split("\t") for r in block if not r.startswith("#")]
            words, tags = [], []
            for row in rows:
                words.append(row[1])
                tag = row[2]
                prefix, _, label = tag.partition("-")
                if tag == "O" or label.endswith(("deriv", "part")):
                    tags.append(("O", ""))
                else:
                    tags.append((prefix, "MISC" if label == "OTH" else label))
            yield " ".join(words), doc_from_tags(nlp.vocab, words, tags)


def read_mobie(path: Path, nlp: Language) -> Iterator[tuple[str, Doc]]:
    """Read a MobIE CoNLL-2003 file; sentences of one ``-DOCSTART-`` document share a key."""
    with path.open(encoding="utf-8") as f:
        blocks = list(_iob_blocks(f))
    doc_blocks: list[list[list[str]]] = []
    for block in blocks:
        if block[0].startswith("-DOCSTART-"):
            doc_blocks.append([])
            block = block[1:]
        if block:
            if not doc_blocks:
                doc_blocks.append([])
            doc_blocks[-1].append(block)
    for sentences in doc_blocks:
        docs = []
        for block in sentences:
            words: list[str] = []
            tags: list[tuple[str, str | None]] = []
            for r in (r.split("\t") for r in block):
                prefix, _, fine = r[-1].partition("-")
                label = "" if r[-1] == "O" else _coarse(fine, r[0])
                _add_token(words, tags, r[0], (prefix if label != "" else "O", label))
            docs.append(doc_from_tags(nlp.vocab, words, tags))
        key = " ".join(d.text for d in docs)
        for doc in docs:
            yield key, doc


def _add_token(
    words: list[str],
    tags: list[tuple[str, str | None]],
    word: str,
    tag: tuple[str, str | None],
) -> None:
    """Append a token; split ``#Name`` as spaCy's tokenizer does, so the entity is ``Name``."""
    prefix, label = tag
    if not (word.startswith("#") and len(word) > 1):
        words.append(word)
        tags.append(tag)
    elif prefix == "B" and label:
        words += ["#", word[1:]]
        tags += [("O", ""), ("B", label)]
    else:
        words += ["#", word[1:]]
        tags += [tag, ("I" if prefix in ("B", "I") else prefix, label)]


def _smartdata_text_and_mentions(
    raw: str,
) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Recover the plain text of a SmartData ``raw`` XML document and its entity mentions.

    The ``startPos``/``endPos`` offsets index the ``<TEXT>`` content with the ``<NODE/>`` markers
    removed and line breaks normalised to ``\\n`` -- which is what an XML parser returns.
    """
    root = ET.fromstring(raw)
    text_el = root.find("TEXT")
    text = "".join(text_el.itertext()) if text_el is not None else ""
    mentions = [
        (
            int(e.get("startPos", 0)),
            int(e.get("endPos", 0)),
            e.get("type", ""),
            e.get("surface", ""),
        )
        for e in root.iter("Entity")
        if e.get("startPos") is not None
    ]
    return text, mentions


def read_smartdata(path: Path, nlp: Language) -> Iterator[tuple[str, Doc]]:
    """Read SmartData v1 JSONL (gzip); one Doc per annotated sentence, keyed by document text.

    Text is tokenised with the pipeline's own tokenizer (as at inference time); mentions whose
    offsets do not reproduce their surface form are skipped and their tokens marked missing.
    """
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line).get("raw")
            if not raw:
                continue
            text, mentions = _smartdata_text_and_mentions(raw)
            sentences = sorted((s, e) for s, e, t, _ in mentions if t == "sentence")
            if not sentences:
                sentences = [(0, len(text))]
            for s_start, s_end in sentences:
                doc = _smartdata_sentence(nlp, text, s_start, s_end, mentions)
                if doc is not None:
                    yield text, doc


def _smartdata_sentence(
    nlp: Language,
    text: str,
    s_start: int,
    s_end: int,
    mentions: list[tuple[int, int, str, str]],
) -> Doc | None:
    sent = text[s_start:s_end]
    if not sent.strip():
        return None
    doc = nlp.make_doc(sent)
    ents: list[Span] = []
    missing: list[Span] = []
    for start, end, fine, surface in mentions:
        if fine == "sentence" or not (s_start <= start < end <= s_end):
            continue
        label = _coarse(fine, surface)
        if label == "":
            continue
        if surface.startswith("#") and len(surface) > 1:  # "#Celle": the entity is "Celle"
            start, surface = start + 1, surface[1:]
        span = doc.char_span(start - s_start, end - s_start, label=label or "", alignment_mode="expand")
        if span is None:
            continue
        if label is None or text[start:end] != surface or span.text != text[start:end]:
            missing.append(span)  # unsure type, bad offsets or a token boundary mismatch
        else:
            ents.append(span)
    ents = [t for t in (_trim(e) for e in _drop_overlaps(ents)) if t is not None]
    taken = {i for e in ents for i in range(e.start, e.end)}
    missing = [m for m in _drop_overlaps(missing) if not taken & set(range(m.start, m.end))]
    doc.set_ents(ents, missing=missing)
    return doc


def _trim(span: Span) -> Span | None:
    """Strip whitespace tokens at the edges: spaCy's NER cannot learn spans that start or end on them."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return Span(span.doc, start, end, label=span.label_) if end > start else None


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not out or span.start >= out[-1].end:
            out.append(span)
    return out


def read_hipe(path: Path, nlp: Language) -> Iterator[tuple[str, Doc]]:
    """Read a HIPE-2022 TSV file (coarse literal column); sentences are keyed by their document.

    HumanProd -> MISC; time and other types -> O. Sentences end at ``EndOfSentence``.
    """
    key, words, tags = "", [], []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# hipe2022:document_id"):
                key = f"{path.name}:{line.partition('=')[2].strip()}"
            if not line or line.startswith("TOKEN\t") or (line.startswith("#") and "\t" not in line):
                continue
            cols = line.split("\t")
            prefix, _, label = cols[1].partition("-")
            label = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "HumanProd": "MISC"}.get(label, "")
            words.append(cols[0])
            tags.append((prefix if label else "O", label))
            if "EndOfSentence" in cols[-1] and len(words) >= 3:
                yield key, doc_from_tags(nlp.vocab, words, tags)
                words, tags = [], []
    if words:
        yield key, doc_from_tags(nlp.vocab, words, tags)


def read_columns(
    path: Path,
    nlp: Language,
    *,
    token: int,
    tag: int,
    labels: dict[str, str],
    sep: str = "\t",
    strip: str = "",
    scheme: str = "iob2",
    contractions: str | None = None,
) -> Iterator[tuple[str, Doc]]:
    """Read a one-token-per-line corpus (CoNLL, WikiANN, UNER, WNUT) into PER/ORG/LOC/MISC docs.

    ``labels`` maps the source's entity types to ours; a type mapped to ``"?"`` becomes a
    missing span (neither taught nor punished), an unmapped type becomes O. ``scheme="iob1"``
    reads CoNLL-2003-style tags where ``I-`` starts an entity unless the previous tag has the
    same type. ``#`` comment lines (UNER) and ``-DOCSTART-`` lines are skipped.

    ``contractions`` names a table ``contractions-<name>.toml`` of words that the source splits
    but written text joins (Bosque's "em o" for "no"); the doc gets the joined words
    (``contract_words``), while the key -- and so the split -- stays the source's own text, so
    that no sentence changes split because of the joining.
    """
    table = load_contractions(contractions) if contractions else None
    with path.open(encoding="utf-8") as f:
        for block in _iob_blocks(f):
            words: list[str] = []
            tags: list[tuple[str, str | None]] = []
            prev = ""
            for line in block:
                cols = line.split(sep)
                if len(cols) <= max(token, tag) or cols[token].startswith("-DOCSTART-"):
                    continue  # a comment ("# text = ...") or a document marker
                word = cols[token].removeprefix(strip) if strip else cols[token]
                if not word.strip():
                    continue
                prefix, _, source = cols[tag].strip().partition("-")
                mapped = labels.get(source, "") if prefix in ("B", "I") else ""
                if scheme == "iob1" and prefix == "I" and source != prev:
                    prefix = "B"
                prev = source if prefix in ("B", "I") else ""
                words.append(word)
                tags.append(("O", "") if not mapped else (prefix, None if mapped == "?" else mapped))
            if words:
                # the key is taken before any joining: a sentence's split never depends on it
                key = " ".join(words)
                if table:
                    words, tags = contract_words(words, tags, table)
                yield key, doc_from_tags(nlp.vocab, words, tags)


@functools.cache
def load_contractions(name: str) -> Mapping[tuple[str, str], str]:
    """Read ``contractions-<name>.toml`` (next to this module): ``{(first, second): joined}``.

    Keys and values are lower case; ``contract_words`` applies the words' capitalisation.
    """
    path = HERE / f"contractions-{name}.toml"
    with path.open("rb") as f:
        pairs = tomllib.load(f)["pairs"]
    table: dict[tuple[str, str], str] = {}
    for split, joined in pairs.items():
        first, second = split.split()
        table[first, second] = joined
    return MappingProxyType(table)  # cached and shared: read-only


def _joinable(first: Tag, second: Tag) -> bool:
    """Whether two tagged words may become one without moving an entity boundary.

    Yes when the second word is outside any entity (O), or when both are inside the same
    entity (``B-X``/``I-X`` then ``I-X``); never when the second word starts an entity.
    """
    prefix, label = second
    if prefix == "O":
        return True
    return prefix == "I" and first[0] in ("B", "I") and first[1] == label


def _shouting(word: str) -> bool:
    """An upper-case word of two letters or more ("BRASÍLIA"): a headline in capitals."""
    return len(word) > 1 and word.isupper()


def _cased(joined: str, words: Sequence[str], i: int) -> str | None:
    """``joined`` in the case of ``words[i]`` and ``words[i + 1]``, or None if their cases disagree.

    "em o" -> "no"; "Em o" -> "No" (sentence start); "EM O" -> "NO" (a headline in capitals,
    also "A A" next to a word in capitals); "de O" is left alone (the second word is a name).
    """
    first, second = words[i], words[i + 1]
    if first.islower() and second.islower():
        return joined
    nearby = [first, second, *words[max(i - 1, 0) : i], *words[i + 2 : i + 3]]
    if first.isupper() and second.isupper() and any(map(_shouting, nearby)):
        return joined.upper()
    if first[:1].isupper() and (first[1:].islower() or len(first) == 1) and second.islower():
        return joined[:1].upper() + joined[1:]
    return None


def contract_words(
    words: Sequence[str], tags: Sequence[Tag], table: Mapping[tuple[str, str], str]
) -> tuple[list[str], list[Tag]]:
    """Join words that a treebank split from one written contraction ("por o" -> "pelo").

    Universal Dependencies treebanks such as Portuguese Bosque list syntactic words, so their
    text reads "participando de o Governo" where the newspaper printed "do Governo"; a model
    should learn and be scored on the written form it meets at run time. Each adjacent pair
    found in ``table`` (lower-case keys, see ``load_contractions``) becomes one word in the
    pair's capitalisation (``_cased``), provided the tags allow it (``_joinable``): the
    second word is O, or both words are inside the same entity. A pair whose second word
    starts an entity ("Casal de | as Pimenteiras") stays split, so every gold entity keeps its
    exact words. The joined word takes the first word's tag.

    Returns:
        The new words and tags (new lists; the inputs are not changed).

    Raises:
        ValueError: ``words`` and ``tags`` differ in length.
    """
    if len(words) != len(tags):
        raise ValueError(f"{len(words)} words but {len(tags)} tags")
    out_words: list[str] = []
    out_tags: list[Tag] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and _joinable(tags[i], tags[i + 1]):
            joined = table.get((words[i].lower(), words[i + 1].lower()))
            cased = _cased(joined, words, i) if joined else None
            if cased:
                out_words.append(cased)
                out_tags.append(tags[i])
                i += 2
                continue
        out_words.append(words[i])
        out_tags.append(tags[i])
        i += 1
    return out_words, out_tags


def read_all(data: Path, nlp: Language, *, hipe: bool = False, wikiann: bool = False) -> Iterator[tuple[str, str, Doc]]:
    """Yield ``(corpus, key, doc)`` for every corpus the shipped model is trained on."""
    ner = data / "ner"
    if wikiann:  # silver data (no explicit licence; documented in the model card)
        for name in ("train", "dev", "test"):
            for key, doc in read_columns(
                ner / "wikiann" / "de" / name,
                nlp,
                token=0,
                tag=1,
                strip="de:",
                labels={"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
            ):
                yield "wikiann", key, doc
    if hipe:
        for file in sorted(ner.glob("hipe2022-*/de/*.tsv")):
            for key, doc in read_hipe(file, nlp):
                yield "hipe2022", key, doc
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        for key, doc in read_germeval(ner / "germeval2014" / "de" / name, nlp):
            yield "germeval2014", key, doc
    for key, doc in read_smartdata(ner / "smartdata" / "de" / "smartdata-v1-docs.jsonl.gz", nlp):
        yield "smartdata", key, doc
    for file in sorted((ner / "mobie" / "de").glob("*.conll2003")):
        for key, doc in read_mobie(file, nlp):
            yield "mobie", key, doc
