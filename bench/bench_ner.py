"""NER speed, load time and memory of every shipped model, on one CPU core.

    python bench/bench_ner.py [--repeat 3] [--model NAME ...]

Each model is measured in a fresh subprocess pinned to one core (so imports and caches of one
model do not flatter the next): load time from ``import spacy`` done to the pipeline ready,
words per second of ``nlp.pipe`` over the held-out sentences of its language (best of
``--repeat`` passes; the held-out IOB files come from ``python -m newsfacts.models.training.train
--lang L --skip-train``, with the small fixtures in ``fixtures/ner`` as a fallback), and the
process's resident memory after loading and after the run. Prints one line per model.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TRAINING = ROOT / "models" / "training"


def _texts(lang: str) -> list[str]:
    """Held-out sentences for ``lang`` (the training corpus folder, else fixtures)."""
    from newsfacts.models.evaluate import read_iob

    candidates = [
        TRAINING / f"corpus-{lang}" / "heldout.iob",
        *(TRAINING / "corpus" / "heldout.iob" for _ in [lang] if lang == "de"),
        *sorted((ROOT / "fixtures" / "ner" / lang).glob("*.iob")),
    ]
    for path in candidates:
        if path.is_file():
            return [s.text for s in read_iob(path)]
    return []


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name: str, lang: str, repeat: int) -> dict[str, object]:
    """Run inside the child: load ``name``, time it on ``lang`` text, report figures."""
    import spacy  # noqa: F401  (imported first so load time is the model's own)

    from newsfacts.models import get_backend

    texts = _texts(lang)
    base = _rss_mb()
    start = time.perf_counter()
    backend = get_backend(name)
    load = time.perf_counter() - start
    loaded = _rss_mb()
    words = sum(len(t.split()) for t in texts)
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        backend.entities_batch(texts)
        best = max(best, words / (time.perf_counter() - start))
    return {
        "model": name,
        "lang": lang,
        "sentences": len(texts),
        "words": words,
        "words_per_s": round(best),
        "load_s": round(load, 3),
        "model_mb": round(loaded - base, 1),
        "rss_mb": round(_rss_mb(), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", action="append", help="a shipped model name (default: all)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], args.child[1], args.repeat)))
        return 0
    from newsfacts.models import list_models

    infos = [m for m in list_models() if m.kind == "spacy" and m.path]
    if args.model:
        infos = [m for m in infos if m.name in args.model]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    pin = ["taskset", "-c", "0"] if sys.platform.startswith("linux") else []
    print(f"{'model':<12} {'lang':<4} {'sentences':>9} {'words/s':>9} {'load s':>7} {'model MB':>8} {'RSS MB':>7}")
    for info in infos:
        lang = info.languages[0] if info.languages else "it"
        out = subprocess.run(
            [*pin, sys.executable, __file__, "--repeat", str(args.repeat), "--child", info.name, lang],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{r['model']:<12} {r['lang']:<4} {r['sentences']:>9} {r['words_per_s']:>9,} "
            f"{r['load_s']:>7.3f} {r['model_mb']:>8.1f} {r['rss_mb']:>7.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
