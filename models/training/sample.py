"""Pick a few held-out sentences per language as test fixtures (``fixtures/ner/<lang>_heldout_sample.jsonl``).

    python -m newsfacts.models.training.sample --lang en [--sentences 24]

Sentences come from the held-out IOB files that ``train.py`` writes (never trained on), from
every corpus in the language's held-out score, deterministically (ordered by a hash of the
text), keeping sentences that name at least one PER/ORG/LOC and are 6–40 tokens long.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from newsfacts.models.evaluate import read_iob
from newsfacts.models.training.train import load_recipe

__all__ = ["main"]

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parents[1] / "fixtures" / "ner"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m newsfacts.models.training.sample")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--sentences", type=int, default=24, help="shared among the corpora")
    args = parser.parse_args(argv)
    corpus_dir = HERE / f"corpus-{args.lang}"
    out = FIXTURES / f"{args.lang}_heldout_sample.jsonl"
    rows = []
    headline = [spec for spec in load_recipe(args.lang)["corpora"] if spec.get("headline")]
    per_corpus = max(1, args.sentences // len(headline))
    for spec in headline:
        sentences = read_iob(corpus_dir / f"heldout-{spec['name']}.iob")
        good = [
            s
            for s in sentences
            if 6 <= len(s.text.split()) <= 40
            and not s.unknown
            and any(label in ("PER", "ORG", "LOC") for _, _, label in s.spans)
        ]
        good.sort(key=lambda s: hashlib.sha1(s.text.encode()).hexdigest())
        for i, s in enumerate(good[:per_corpus]):
            ents = [{"start": a, "end": b, "label": label, "text": s.text[a:b]} for a, b, label in sorted(s.spans)]
            rows.append({"id": f"{spec['name']}-{i:02d}", "source": spec["name"], "text": s.text, "entities": ents})
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{out}: {len(rows)} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
