"""Train the shipped German NER pipeline ``models/de_news_sm`` from the permissive corpora.

    python -m newsfacts.models.training.train_de --data ../shared/data --out models/de_news_sm

Steps (all deterministic; seeds fixed in the config):
1. read GermEval 2014, SmartData v1 and MobIE (``corpora.py``) and split every unit by a hash of
   its text (``corpora.split_of``: 85 % train, 5 % dev for early stopping, 10 % held-out test that
   is never trained or tuned on), and add one ORG-swapped copy of each news training sentence that
   names an organisation (``augment.py``);
2. write ``train.spacy``/``dev.spacy`` and the held-out IOB files to ``models/training/corpus/``
   (ignored by git: corpora are read from ``--data``, never copied into the repository);
3. train with ``de_news_sm.cfg`` through spaCy's own ``train`` (one process, bounded by
   ``--max-steps``) into ``models/training/output/``;
4. copy ``model-best`` to ``--out`` and score it on the held-out split with ``models.evaluate``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # the training machine is shared; one core is the budget

import argparse
import json
import random
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from newsfacts.models.evaluate import evaluate, format_scores, measure_speed, read_iob
from newsfacts.models.registry import get_backend
from newsfacts.models.training.augment import org_names, swap_orgs
from newsfacts.models.training.corpora import read_all, split_of

__all__ = ["build_corpus", "main", "write_iob"]

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "de_news_sm.cfg"
CORPUS = HERE / "corpus"
OUTPUT = HERE / "output"
# GermEval (news + Wikipedia) and SmartData (business news) are repeated so that they weigh more
# than MobIE's traffic tweets, which are the easiest and least news-like part of the data.
REPEAT = {"germeval2014": 2, "smartdata": 2, "mobie": 1, "hipe2022": 1}
HEADLINE = ("germeval2014", "smartdata", "mobie")
AUGMENT = (
    "germeval2014",
    "smartdata",
)  # news-like; MobIE's ORGs are mostly Twitter handles


def write_iob(docs: Iterable[Doc], path: Path) -> None:
    """Write docs as ``token<TAB>IOB2`` lines; whitespace tokens are dropped, missing tags are ``-``."""
    with path.open("w", encoding="utf-8") as f:
        for doc in docs:
            rows = [f"{t.text}\t{_tag(t.ent_iob_, t.ent_type_)}" for t in doc if not t.is_space]
            if rows:
                f.write("\n".join(rows) + "\n\n")


def _tag(iob: str, label: str) -> str:
    return f"{iob}-{label}" if iob in ("B", "I") else ("O" if iob == "O" else "-")


def _augmented(docs: list[Doc]) -> Iterable[Doc]:
    """One ORG-swapped copy of each training sentence with an organisation (see ``augment.py``)."""
    rng = random.Random(0)
    pool = [n for n in org_names(docs) if n[:1].isalpha() and any(c.isupper() for c in n) and ":" not in n]
    pieces = sorted(
        {t.text for d in docs for t in d if t.is_alpha and t.is_title and 3 <= len(t) <= 6 and not t.ent_type_}
    )
    acronyms = sorted({n for n in pool if n.isalpha() and n.isupper() and 2 <= len(n) <= 3})
    for doc in docs:
        swapped = swap_orgs(doc, pool, pieces, rng, acronyms)
        if swapped is not None:
            yield swapped


def build_corpus(
    data: Path,
    out: Path,
    *,
    repeat: dict[str, int] | None = None,
    hipe: bool = False,
    augment: bool = True,
    wikiann: bool = False,
) -> Counter[str]:
    """Split the corpora and write train/dev ``.spacy`` files and held-out IOB files to ``out``.

    ``heldout.iob`` (the headline score) always covers GermEval, SmartData and MobIE only, so runs
    with and without the optional historical HIPE data are compared on the same sentences.
    """
    repeat = repeat or REPEAT
    nlp = spacy.blank("de")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("heldout*.iob"):
        old.unlink()
    bins = {"train": DocBin(), "dev": DocBin()}
    heldout: dict[str, list[Doc]] = {}
    counts: Counter[str] = Counter()
    news_train: list[Doc] = []
    for corpus, key, doc in read_all(data, nlp, hipe=hipe, wikiann=wikiann):
        split = split_of(key)
        counts[f"{corpus}/{split}"] += 1
        if split == "test":
            heldout.setdefault(corpus, []).append(doc)
            continue
        if split == "dev" and corpus not in HEADLINE:
            continue  # keep early stopping comparable between runs with and without --hipe
        for _ in range(repeat.get(corpus, 1) if split == "train" else 1):
            bins[split].add(doc)
        if split == "train" and corpus in AUGMENT:
            news_train.append(doc)
    if augment:
        for doc in _augmented(news_train):
            bins["train"].add(doc)
            counts["augmented/train"] += 1
    for name, docbin in bins.items():
        docbin.to_disk(out / f"{name}.spacy")
    for corpus, docs in heldout.items():
        write_iob(docs, out / f"heldout-{corpus}.iob")
    write_iob(
        [d for c, docs in heldout.items() if c in HEADLINE for d in docs],
        out / "heldout.iob",
    )
    return counts


def train(*, max_steps: int, output: Path, corpus: Path = CORPUS, width: int = 96) -> Path:
    """Train with spaCy's own loop and return the ``model-best`` folder."""
    from spacy.cli.train import train as spacy_train

    overrides = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "training.max_steps": max_steps,
        "components.tok2vec.model.encode.width": width,
    }
    spacy_train(CONFIG, output, use_gpu=-1, overrides=overrides)
    return output / "model-best"


def ship(best: Path, out: Path, *, scores: dict[str, object]) -> None:
    """Copy the trained pipeline to ``out`` and record its identity and held-out scores in meta.json."""
    if out.exists():
        keep = out / "README.md"
        card = keep.read_text(encoding="utf-8") if keep.exists() else None
        shutil.rmtree(out)
    else:
        card = None
    shutil.copytree(best, out)
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="news_sm",
        version="0.1.0",
        description="German NER for news (PER, ORG, LOC, MISC); newsfacts. See README.md.",
        license="CC-BY-4.0 (training data); see README.md and ../NOTICE",
        sources=[
            {"name": "GermEval 2014 NER", "license": "CC-BY 4.0"},
            {
                "name": "DFKI SmartData Corpus v1",
                "license": "CC-BY 4.0 (annotations: 'Research use only')",
            },
            {"name": "DFKI MobIE", "license": "CC-BY 4.0"},
        ],
        heldout=scores,
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if card is not None:
        (out / "README.md").write_text(card, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts.models.training.train_de", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--data",
        type=Path,
        required=True,
        help="the shared data folder (holds ner/...)",
    )
    parser.add_argument("--out", type=Path, default=HERE.parent / "de_news_sm")
    parser.add_argument(
        "--max-steps",
        type=int,
        default=6000,
        help="caps training time (~25 min on one core)",
    )
    parser.add_argument("--hipe", action="store_true", help="add the historical HIPE-2022 German sets")
    parser.add_argument("--no-augment", action="store_true", help="no ORG-swapped sentence copies")
    parser.add_argument("--width", type=int, default=96, help="tok2vec width (the shipped model: 96)")
    parser.add_argument("--wikiann", action="store_true", help="add WikiANN German as silver training data")
    parser.add_argument(
        "--skip-train",
        action="store_true",
        help="only rebuild the corpus and re-evaluate --out",
    )
    args = parser.parse_args(argv)

    counts = build_corpus(args.data, CORPUS, hipe=args.hipe, augment=not args.no_augment, wikiann=args.wikiann)
    print("units per corpus/split:", dict(sorted(counts.items())), file=sys.stderr)
    if not args.skip_train:
        best = train(max_steps=args.max_steps, output=OUTPUT, width=args.width)
        ship(best, args.out, scores={})
    name = f"spacy:{args.out.resolve()}"
    results: dict[str, object] = {}
    for iob in sorted(CORPUS.glob("heldout*.iob")):
        scores = evaluate(get_backend(name), read_iob(iob))
        print(f"\n== {iob.name}\n{format_scores(scores)}")
        results[iob.stem] = {k: {"p": v.p, "r": v.r, "f": v.f, "n": v.tp + v.fn} for k, v in scores.items()}
    load, wps = measure_speed(name, [s.text for s in read_iob(CORPUS / "heldout.iob")])
    print(f"\nwords/s (one process): {wps:,.0f}; load (cached here, see model card): {load:.3f} s")
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["heldout"] = results
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
