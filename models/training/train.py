"""Train a shipped NER pipeline for one language (or the multilingual ``xx``) from a recipe.

    python -m newsfacts.models.training.train --lang en --data ../shared/data
    python -m newsfacts.models.training.train --lang xx --data ../shared/data --max-steps 8000

``recipes.toml`` says which corpora each model reads (data, not code). The steps follow
``train_de.py`` (the German model keeps its own script, which adds SmartData/MobIE readers and
ORG augmentation): split every sentence by a hash of its text (85 % train, 5 % dev, 10 %
held-out test never trained or tuned on), write ``train.spacy``/``dev.spacy`` and held-out IOB
files under ``models/training/corpus-<lang>/`` (ignored by git), train with ``news_sm.cfg`` for
the language, copy ``model-best`` to ``models/<lang>_news_sm`` and record the held-out scores,
speed and load time in its ``meta.json``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core per training run

import argparse
import glob
import json
import shutil
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsfacts.models.evaluate import evaluate, format_scores, measure_speed, read_iob
from newsfacts.models.registry import get_backend
from newsfacts.models.training.corpora import read_columns, read_germeval, read_hipe, split_of
from newsfacts.models.training.train_de import write_iob

__all__ = ["build_corpus", "load_recipe", "main"]

HERE = Path(__file__).resolve().parent
RECIPES = HERE / "recipes.toml"
CONFIG = HERE / "de_news_sm.cfg"  # the same architecture for every language; lang overridden


def load_recipe(lang: str) -> dict[str, Any]:
    """The recipe for ``lang``: its own corpora plus those of the languages it includes."""
    with RECIPES.open("rb") as f:
        recipes = tomllib.load(f)
    if lang not in recipes:
        raise SystemExit(f"no recipe for {lang!r}; recipes: {', '.join(sorted(recipes))}")
    recipe = dict(recipes[lang])
    corpora = list(recipe.get("corpora", []))
    for other in recipe.get("include", []):
        corpora.extend(recipes[other]["corpora"])
    recipe["corpora"] = corpora
    return recipe


def read_corpus(spec: dict[str, Any], data: Path, nlp: Language) -> Iterator[tuple[str, Doc]]:
    """Yield ``(key, doc)`` for one corpus entry of a recipe."""
    files = [Path(p) for pattern in spec["files"] for p in sorted(glob.glob(str(data / pattern)))]
    if not files:
        raise SystemExit(f"{spec['name']}: no file matches {spec['files']} under {data}")
    reader = spec.get("reader", "columns")
    for file in files:
        if reader == "hipe":
            yield from read_hipe(file, nlp)
        elif reader == "germeval":
            yield from read_germeval(file, nlp)
        else:
            yield from read_columns(
                file,
                nlp,
                token=spec["token"],
                tag=spec["tag"],
                sep="\t" if spec.get("sep", "tab") == "tab" else " ",
                strip=spec.get("strip", ""),
                scheme=spec.get("scheme", "iob2"),
                labels=spec["labels"],
                contractions=spec.get("contractions"),
            )


def build_corpus(lang: str, data: Path, out: Path) -> Counter[str]:
    """Split the recipe's corpora and write train/dev ``.spacy`` and held-out IOB files."""
    recipe = load_recipe(lang)
    nlp = spacy.blank(recipe["lang"])
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("heldout*.iob"):
        old.unlink()
    bins = {"train": DocBin(), "dev": DocBin()}
    heldout: dict[str, list[Doc]] = {}
    headline: list[str] = []
    counts: Counter[str] = Counter()
    for spec in recipe["corpora"]:
        if spec.get("headline"):
            headline.append(spec["name"])
        for key, doc in read_corpus(spec, data, nlp):
            split = split_of(key)
            counts[f"{spec['name']}/{split}"] += 1
            if split == "test":
                heldout.setdefault(spec["name"], []).append(doc)
                continue
            for _ in range(spec.get("repeat", 1) if split == "train" else 1):
                bins[split].add(doc)
    for name, docbin in bins.items():
        docbin.to_disk(out / f"{name}.spacy")
    (out / "sources.json").write_text(json.dumps(sorted(s["name"] for s in recipe["corpora"])))
    for corpus, docs in heldout.items():
        write_iob(docs, out / f"heldout-{corpus}.iob")
    write_iob([d for c in headline for d in heldout.get(c, [])], out / "heldout.iob")
    return counts


def train(lang: str, corpus: Path, output: Path, *, max_steps: int) -> Path:
    """Train with spaCy's own loop and return the ``model-best`` folder."""
    from spacy.cli.train import train as spacy_train

    overrides = {
        "nlp.lang": load_recipe(lang)["lang"],
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "training.max_steps": max_steps,
    }
    spacy_train(CONFIG, output, use_gpu=-1, overrides=overrides)
    return output / "model-best"


def score(model_dir: Path, corpus: Path) -> dict[str, Any]:
    """Held-out P/R/F1 per file and label, speed and load time, as recorded in meta.json."""
    name = f"spacy:{model_dir.resolve()}"
    load, wps = measure_speed(name, [s.text for s in read_iob(corpus / "heldout.iob")])
    results: dict[str, Any] = {"words_per_second": round(wps), "load_seconds": round(load, 3)}
    for iob in sorted(corpus.glob("heldout*.iob")):
        scores = evaluate(get_backend(name), read_iob(iob))
        print(f"\n== {iob.name}\n{format_scores(scores)}")
        results[iob.stem] = {
            k: {"p": round(v.p, 4), "r": round(v.r, 4), "f": round(v.f, 4), "n": v.tp + v.fn} for k, v in scores.items()
        }
    print(f"\nwords/s (one process): {wps:,.0f}; load: {load:.3f} s")
    return results


def prune_strings(model_dir: Path) -> int:
    """Empty the pipeline's string store (``vocab/strings.json``); return the strings dropped.

    The store holds every word of the training corpora, only to turn a hash back into its text.
    Nothing at inference needs that: features are hashes computed from the text, labels are
    added back by the components that own them, and a document's own words are added as it is
    tokenised. Reading the list was most of ``spacy.load`` (0.4 s of the multilingual model's
    0.46 s, 0.1 s of the German one's 0.2 s) and 11 MB of the repository; the entities are the
    same without it (``tests/models/test_shipped.py`` holds that on real text).
    """
    path = model_dir / "vocab" / "strings.json"
    if not path.is_file():
        return 0
    dropped = len(json.loads(path.read_text(encoding="utf-8")))
    path.write_text("[]", encoding="utf-8")
    return dropped


def ship(best: Path, out: Path, lang: str, results: dict[str, Any]) -> None:
    """Copy ``model-best`` to ``out`` (keeping an existing model card) and write meta.json."""
    card = (out / "README.md").read_text(encoding="utf-8") if (out / "README.md").exists() else None
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    prune_strings(out)
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    recorded = best.parents[1] / f"corpus-{lang}" / "sources.json"  # written by build_corpus
    sources = (
        json.loads(recorded.read_text())
        if recorded.is_file()
        else sorted({c["name"] for c in load_recipe(lang)["corpora"]})
    )
    meta.update(
        name="news_sm",
        version="0.1.0",
        sources=sources,
        heldout=results,
        description=f"{lang} NER for news (PER, ORG, LOC, MISC); newsfacts. See README.md.",
        license="see README.md and ../NOTICE",
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if card is not None:
        (out / "README.md").write_text(card, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts.models.training.train", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--lang", required=True, help="a recipe in recipes.toml (en, fr, ..., xx)")
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=None, help="default: models/<lang>_news_sm")
    parser.add_argument(
        "--max-steps", type=int, default=None, help="caps training time (default: the recipe's max_steps, else 3000)"
    )
    parser.add_argument("--skip-train", action="store_true", help="rebuild corpus, re-score --out")
    args = parser.parse_args(argv)
    out = args.out or HERE.parent / f"{args.lang}_news_sm"
    corpus = HERE / f"corpus-{args.lang}"
    counts = build_corpus(args.lang, args.data, corpus)
    print("units per corpus/split:", dict(sorted(counts.items())), file=sys.stderr)
    if not args.skip_train:
        max_steps = args.max_steps or load_recipe(args.lang).get("max_steps", 3000)
        best = train(args.lang, corpus, HERE / f"output-{args.lang}", max_steps=max_steps)
        ship(best, out, args.lang, {})
    results = score(out, corpus)
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["heldout"] = results
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
