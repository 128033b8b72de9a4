"""Per-language versus multilingual NER: micro-F1 (PER/ORG/LOC) of each shipped model on each
language's held-out split, the table behind the choice recorded in the model cards.

    python bench/compare_ner.py [--models en_news_sm xx_news_sm ...] [--langs en fr ...]

Held-out files: ``models/training/corpus-<lang>/heldout.iob`` (written by
``python -m newsfacts.models.training.train --lang <lang> --skip-train`` or a training run; German:
``models/training/corpus/heldout.iob`` from ``train_de``), and for Italian, which has no
training corpus, the hand-annotated ``fixtures/ner/it/*.iob``. Missing files are skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsfacts.models import list_models  # noqa: E402
from newsfacts.models.evaluate import evaluate, read_iob  # noqa: E402
from newsfacts.models.registry import get_backend  # noqa: E402

TRAINING = ROOT / "models" / "training"
LANGS = ["de", "en", "fr", "es", "nl", "pt", "pl", "it"]


def heldout_files(lang: str) -> list[Path]:
    """The held-out files scored for ``lang``."""
    if lang == "it":
        return sorted((ROOT / "fixtures" / "ner" / "it").glob("*.iob"))
    folder = TRAINING / ("corpus" if lang == "de" else f"corpus-{lang}")
    return [p for p in [folder / "heldout.iob"] if p.is_file()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", nargs="*", default=None)
    parser.add_argument("--langs", nargs="*", default=LANGS)
    args = parser.parse_args()
    models = args.models or [m.name for m in list_models() if m.kind == "spacy" and m.path]
    print(f"{'held-out file':<34}" + "".join(f"{m:>13}" for m in models))
    for lang in args.langs:
        for path in heldout_files(lang):
            gold = read_iob(path)
            cells = []
            for model in models:
                scores = evaluate(get_backend(model), gold)
                cells.append(f"{scores['micro:PER/ORG/LOC'].f:>13.3f}")
            label = f"{lang} {path.parent.name}/{path.name}"
            print(f"{label:<34}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
