"""Load the texts of the document-level fact gold (``fixtures/facts/docs/<lang>.jsonl``).

The gold stores where each text lives in ``../shared/data`` (corpus and document id) and the
SHA-1 of the exact text that was annotated, never the text itself: corpora are read from the
shared folder, not copied into the repository. ``load_gold(lang)`` returns the gold lines with
their ``text`` filled in, and refuses a text whose hash changed (the gold would be stale).

    python bench/gold_docs.py --lang de          # counts per split and kind
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "fixtures" / "facts" / "docs"


def sha1(text: str) -> str:
    """The hash the gold stores for the exact annotated text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _jsonl_gz(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


@cache
def smartdata() -> dict[str, tuple[str, str | None]]:
    """SmartData v1 documents: id -> (text, publication date)."""
    out: dict[str, tuple[str, str | None]] = {}
    for doc in _jsonl_gz(SHARED / "ner" / "smartdata" / "de" / "smartdata-v1-docs.jsonl.gz"):
        date = ((doc.get("date") or {}).get("string") or "")[:10] or None
        out[doc["id"]] = (doc["text"]["string"], date)
    return out


@cache
def wikinews_en() -> dict[str, tuple[str, str | None]]:
    """English Wikinews economy articles: id -> (text, publication date)."""
    return {
        d["id"]: (d["text"], d.get("published"))
        for d in _jsonl_gz(SHARED / "facts" / "wikinews-en" / "economy.jsonl.gz")
    }


def _ud_sentences(folder: str) -> Iterator[tuple[str, str | None, str]]:
    """(sent_id, newdoc_id or None, text) of a UD treebank's dev then test file, in file order."""
    for path in sorted((SHARED / "ud" / folder).glob("*-ud-*.conllu.gz")):  # dev sorts before test
        newdoc = sent_id = text = None
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:  # the comment lines come in any order (Bosque puts text before sent_id)
                if line.startswith(("# newdoc_id = ", "# newdoc id = ")):
                    newdoc = line.split("=", 1)[1].strip()
                elif line.startswith("# sent_id = "):
                    sent_id = line.split("=", 1)[1].strip()
                elif line.startswith("# text = "):
                    text = line.split("=", 1)[1].strip()
                elif not line.startswith("#") and sent_id is not None and text is not None:
                    yield sent_id, newdoc, text
                    sent_id = text = None


@cache
def ud_nl_alpino() -> dict[str, tuple[str, str | None]]:
    """Dutch Alpino (UD dev+test): Lassy document id -> its sentences in paragraph/sentence order.

    The treebank has no ``newdoc`` lines; the sent_id ``WR-P-P-H-0000000026\\...p.1.s.2`` names
    the newspaper article, and one article can straddle the dev and test files."""
    parts: dict[str, list[tuple[tuple[int, int], str]]] = {}
    for sent_id, _, text in _ud_sentences("nl-alpino"):
        doc, local = sent_id.split("\\", 1)
        nums = local.removeprefix(doc + ".").split(".")  # ['p', '1', 's', '2']
        parts.setdefault(doc, []).append(((int(nums[1]), int(nums[3])), text))
    return {doc: (" ".join(t for _, t in sorted(sents)), None) for doc, sents in parts.items()}


@cache
def ud_pt_bosque() -> dict[str, tuple[str, str | None]]:
    """Portuguese Bosque (UD dev+test, Folha de S.Paulo / Público): newdoc id -> sentences joined."""
    parts: dict[str, list[str]] = {}
    for _, newdoc, text in _ud_sentences("pt-bosque"):
        parts.setdefault(newdoc or "", []).append(text)
    return {doc: (" ".join(sents), None) for doc, sents in parts.items()}


@cache
def ud_fr_gsd() -> dict[str, tuple[str, str | None]]:
    """French GSD (UD dev+test): sent_id -> sentence. GSD has no documents: each is one sentence."""
    return {sent_id: (text, None) for sent_id, _, text in _ud_sentences("fr-gsd")}


@cache
def hipe_newseye_fr() -> dict[str, tuple[str, str | None]]:
    """HIPE-2022 NewsEye French newspapers (OCR): document id -> (text, issue date).

    The text is rebuilt from the tokens: a space after each token unless MISC says
    ``NoSpaceAfter``; OCR hyphens (``ex¬``) and line breaks are kept as tokenised."""
    folder = SHARED / "ner" / "hipe2022-newseye" / "fr"
    doc = ""
    docs: dict[str, list[str]] = {}
    dates: dict[str, str | None] = {}
    for path in sorted(folder.glob("HIPE-2022-*-fr.tsv")):
        buf: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# ") and "\t" not in line:
                key, _, value = line[2:].partition("=")
                if key.strip() == "hipe2022:document_id":
                    buf = docs.setdefault(value.strip(), [])
                    doc = value.strip()
                    dates[doc] = None
                elif key.strip() == "hipe2022:date":
                    dates[doc] = value.strip() if value.strip() not in ("", "NA") else None
                continue
            cols = line.split("\t")
            if len(cols) < 10 or cols[0] == "TOKEN":
                continue
            buf.append(cols[0] + ("" if "NoSpaceAfter" in cols[9].split("|") else " "))
    return {doc: ("".join(toks).strip(), dates[doc]) for doc, toks in docs.items()}


@cache
def wikiann_es() -> dict[str, tuple[str, str | None]]:
    """Spanish WikiANN (Wikipedia sentences, tokenised): ``<split>-<n>`` -> tokens joined by spaces."""
    out: dict[str, tuple[str, str | None]] = {}
    for split in ("train", "val", "test"):
        toks: list[str] = []
        n = 0
        lines = (SHARED / "ner" / "wikiann" / "es" / f"{split}.conllu").read_text(encoding="utf-8")
        for line in lines.splitlines() + [""]:
            if line.strip():
                toks.append(line.split("\t")[1])
            elif toks:
                n += 1
                out[f"{split}-{n}"] = (" ".join(toks), None)
                toks = []
    return out


@cache
def feed_ilgiornale() -> dict[str, tuple[str, str | None]]:
    """Il Giornale (Cronache) RSS items: guid -> (title + newline + description text, date).

    The description's HTML (a figure) is dropped and entities unescaped twice, as the feed
    escapes them twice (``&amp;#39;``)."""
    import html
    import re
    import xml.etree.ElementTree as ET
    from email.utils import parsedate_to_datetime

    root = ET.parse(SHARED / "feeds" / "rss_2.0_ilgiornale.xml").getroot()
    out: dict[str, tuple[str, str | None]] = {}
    for item in root.iter("item"):
        title = html.unescape((item.findtext("title") or "").strip())
        desc = html.unescape(re.sub(r"<[^>]+>", "", item.findtext("description") or "")).strip()
        date = item.findtext("pubDate")
        published = parsedate_to_datetime(date.replace(" Z", " +0000")).date().isoformat() if date else None
        out[(item.findtext("guid") or "").strip()] = (f"{title}\n{desc}".strip(), published)
    return out


_SMARTDATA_LABELS = {
    "organization": "ORG",
    "organization-company": "ORG",
    "person": "PER",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
}


@cache
def _smartdata_mentions() -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}
    for doc in _jsonl_gz(SHARED / "ner" / "smartdata" / "de" / "smartdata-v1-docs.jsonl.gz"):
        spans = []
        for m in (doc.get("conceptMentions") or {}).get("array") or []:
            label = _SMARTDATA_LABELS.get(m.get("type", ""))
            if label:
                spans.append((m["span"]["start"], m["span"]["end"], label))
        out[doc["id"]] = sorted(set(spans))
    return out


def smartdata_entities(doc_id: str) -> list[Any]:
    """SmartData's own PER/ORG/LOC annotations of a document, as the pipeline's entities."""
    from newsfacts.extractors.records import Entity

    text = smartdata()[doc_id][0]
    return [
        Entity(text=text[a:b], start=a, end=b, label=label)  # type: ignore[arg-type]
        for a, b, label in _smartdata_mentions()[doc_id]
        if text[a:b].strip()
    ]


#: corpus name -> loader of {doc id: (text, published)}; other corpora register here
CORPORA: dict[str, Callable[[], dict[str, tuple[str, str | None]]]] = {
    "smartdata": smartdata,
    "wikinews-en": wikinews_en,
    "ud-nl-alpino": ud_nl_alpino,
    "ud-pt-bosque": ud_pt_bosque,
    "ud-fr-gsd": ud_fr_gsd,
    "hipe2022-newseye-fr": hipe_newseye_fr,
    "wikiann-es": wikiann_es,
    "feed-ilgiornale": feed_ilgiornale,
}


def doc_text(corpus: str, doc: str) -> tuple[str, str | None]:
    """The text and publication date of one document of a registered corpus."""
    return CORPORA[corpus]()[doc]


def load_gold(lang: str, split: str | None = None) -> list[dict[str, Any]]:
    """The gold documents of a language (one split or both), each with its ``text`` filled in."""
    path = GOLD / f"{lang}.jsonl"
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        if split and gold["split"] != split:
            continue
        text, published = doc_text(gold["corpus"], gold["doc"])
        if sha1(text) != gold["sha1"]:
            raise ValueError(f"{path.name} {gold['id']}: the text changed since it was annotated")
        docs.append({**gold, "text": text, "published": gold.get("published") or published})
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True)
    args = ap.parse_args()
    for split in ("dev", "test"):
        docs = load_gold(args.lang, split)
        kinds = Counter(f["kind"] for d in docs for f in d["facts"])
        print(f"{args.lang} {split}: {len(docs)} documents, {sum(kinds.values())} facts", dict(sorted(kinds.items())))


if __name__ == "__main__":
    main()
