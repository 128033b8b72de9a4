"""Write a model card (``README.md``) for a trained pipeline from its ``meta.json``.

    python -m newsfacts.models.training.card --lang en [--notes notes.md]

Every figure in the card comes from ``meta.json`` (written by ``train.py`` from the held-out
split), and every corpus line from ``recipes.toml`` and ``sources.toml``, so the card cannot
drift from the model. ``--notes`` appends hand-written findings (comparisons, known weaknesses).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsfacts.models.training.train import load_recipe

__all__ = ["render_card"]

HERE = Path(__file__).resolve().parent
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "nl": "Dutch",
    "pt": "Portuguese",
    "pl": "Polish",
    "de": "German",
    "xx": "Multilingual",
}


def _sources() -> dict[str, dict[str, Any]]:
    with (HERE / "sources.toml").open("rb") as f:
        return tomllib.load(f)


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _table(scores: dict[str, dict[str, float]]) -> list[str]:
    rows = ["| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for label, s in scores.items():
        rows.append(f"| {label} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['n']} |")
    return rows


def render_card(lang: str, model_dir: Path, notes: str = "") -> str:
    """The card's Markdown text."""
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    recipe = load_recipe(lang)
    sources = _sources()
    held = meta.get("heldout", {})
    name = LANGUAGE_NAMES.get(lang, lang)
    lines = [
        f"# {model_dir.name} — {name} news NER (PER, ORG, LOC{', MISC' if 'MISC' in meta.get('labels', {}).get('ner', []) else ''})",
        "",
        f"A small spaCy pipeline (`tok2vec` + `ner`) shipped with newsfacts "
        f'(`newsfacts.models.get_backend("{model_dir.name}")`), trained by '
        f"`python -m newsfacts.models.training.train --lang {lang} --data ../shared/data` with the same "
        "architecture as `de_news_sm` (see `models/training/de_news_sm.cfg`): blank "
        f"`{recipe['lang']}` tokenizer, hash-embedding CNN (width 96, depth 4), no pretrained "
        "vectors, nothing downloaded.",
        "",
        "| | |",
        "|---|---|",
        f"| labels | {', '.join(meta.get('labels', {}).get('ner', []))} |",
        f"| size on disk | {_size_mb(model_dir):.1f} MB |",
        f"| speed | {held.get('words_per_second', 0):,} words/s on one CPU core in the training "
        "process (`bench/bench_ner.py` measures it in a fresh pinned process) |",
        f"| load time | {held.get('load_seconds', 0):.2f} s after `import spacy` |",
        f"| spaCy | {meta.get('spacy_version', '')} |",
        "",
        "## Training data and licences",
        "",
        "| corpus | what | licence | weight | in held-out score |",
        "|---|---|---|---|---|",
    ]
    share_alike = silver = False
    specs = {spec["name"]: spec for spec in recipe["corpora"]}
    # the corpora the model was actually trained on (meta.json), which may predate the recipe
    for name_ in meta.get("sources") or list(specs):
        spec = specs.get(name_, {"name": name_})
        src = sources.get(name_, {})
        share_alike |= bool(src.get("share_alike"))
        silver |= bool(src.get("silver"))
        lines.append(
            f"| {src.get('title', spec['name'])} | {src.get('kind', '')} | "
            f"{src.get('licence', '?')} | ×{spec.get('repeat', 1)} | "
            f"{'yes' if spec.get('headline') else 'no'} |"
        )
    lines.append("")
    if share_alike:
        lines += [
            "**Share-alike:** part of the training data is CC BY-SA 4.0, so these weights "
            "are distributed under CC BY-SA 4.0 with attribution (see `models/NOTICE`).",
            "",
        ]
    if silver:
        lines += [
            "**Silver data:** WikiANN annotations were produced automatically from "
            "Wikipedia links, and the authors state no licence for them; they are used as "
            "documented silver data, as `data/README.md` allows. WikiANN's held-out figures "
            "measure agreement with that silver standard, on Wikipedia sentence fragments, "
            "not accuracy on news.",
            "",
        ]
    lines += [
        "## Split",
        "",
        "Every sentence is assigned by `sha1(text) mod 20` (`models/training/corpora.py:split_of`):"
        " 10 % held-out test, 5 % dev (early stopping), 85 % train. Duplicated sentences always "
        "land in the same split; the held-out split is never trained on or used for model choice.",
        "",
        "## Held-out results",
        "",
        "Entity-level, exact character-span match, from `python -m newsfacts.models.evaluate` (the code the "
        "training script calls).",
        "",
    ]
    for key in sorted(k for k in held if k.startswith("heldout")):
        corpus = key.removeprefix("heldout").lstrip("-") or "all corpora in the held-out score"
        lines += [f"### {corpus}", "", *_table(held[key]), ""]
    if notes:
        lines += ["## Findings", "", notes.strip(), ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts.models.training.card", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--lang", required=True)
    parser.add_argument("--model", type=Path, default=None, help="default: models/<lang>_news_sm")
    parser.add_argument("--notes", type=Path, default=None, help="Markdown appended as Findings")
    args = parser.parse_args(argv)
    model_dir = args.model or HERE.parent / f"{args.lang}_news_sm"
    notes = args.notes.read_text(encoding="utf-8") if args.notes else ""
    (model_dir / "README.md").write_text(render_card(args.lang, model_dir, notes), encoding="utf-8")
    print(model_dir / "README.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
