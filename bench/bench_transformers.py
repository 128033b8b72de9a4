"""Load time, speed and memory of a transformers NER model (``transformers:<folder>``).

    python bench/bench_transformers.py MODEL_DIR [--texts FILE] [--docs 100] [--threads 1]
    python bench/bench_transformers.py --tiny /tmp/tiny-ner     # build a tiny random model first

Needs ``pip install 'newsfacts[transformers]'``. Texts: a JSONL file with a ``text`` field or a
plain-text file (default: ``bench/data/smartdata-de.jsonl`` from ``bench/build_corpus.py``, else
the seed article). Prints load time (model and tokenizer, after ``import torch, transformers``),
words per second over ``--docs`` articles (whitespace-separated words, best of ``--repeat``
passes, after a warm-up), windows per article and resident memory. ``--tiny`` saves a 2-layer,
width-32 BERT with random weights and a vocabulary from the texts: a plumbing check of the
backend's overhead, not the speed of a real NER model. ``--tiny DIR --base-size`` saves a random
BERT-base-sized encoder instead: its entities are noise, but its cost per token is a real base
model's (XLM-R base has the same encoder; its larger vocabulary costs memory, not time).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_TEXTS = [ROOT / "bench" / "data" / "smartdata-de.jsonl", ROOT / "fixtures" / "de-tiktok-microsoft.txt"]


def read_texts(path: Path | None, limit: int) -> list[str]:
    """Up to ``limit`` article texts from a JSONL or plain-text file."""
    path = path or next(p for p in DEFAULT_TEXTS if p.is_file())
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line, _ in zip(fh, range(limit), strict=False)]
    return [path.read_text(encoding="utf-8")]


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def build_tiny(folder: Path, texts: list[str], *, base_size: bool = False) -> None:
    """Save a random-weight BERT token classifier whose vocabulary covers ``texts``.

    Tiny (2 layers, width 32) by default; ``base_size`` gives BERT-base's encoder (12 layers,
    width 768, 512 positions), whose speed is what a real base-size model costs per token.
    """
    import transformers
    from tokenizers import Tokenizer, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordPiece

    normalizer, pre = normalizers.BertNormalizer(lowercase=True), pre_tokenizers.BertPreTokenizer()
    counts = Counter(w for t in texts for w, _ in pre.pre_tokenize_str(normalizer.normalize_str(t)))
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {t: i for i, t in enumerate([*specials, *(w for w, _ in counts.most_common(5000))])}
    tok = Tokenizer(WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer, tok.pre_tokenizer = normalizer, pre
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    width, layers, heads, positions = (768, 12, 12, 512) if base_size else (32, 2, 2, 128)
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=width,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        intermediate_size=4 * width,
        max_position_embeddings=positions,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    transformers.BertForTokenClassification(config).save_pretrained(folder)
    transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=positions,
    ).save_pretrained(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", nargs="?", type=Path, help="a folder saved with save_pretrained()")
    parser.add_argument("--tiny", type=Path, metavar="DIR", help="build a tiny random model in DIR and bench it")
    parser.add_argument(
        "--base-size",
        action="store_true",
        help="with --tiny: BERT-base's size instead (random weights, real cost per token)",
    )
    parser.add_argument("--texts", type=Path, help="JSONL (text field) or plain-text file")
    parser.add_argument("--docs", type=int, default=100, help="articles to run (default 100)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1: one core)")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if (args.model is None) == (args.tiny is None):
        parser.error("give MODEL_DIR or --tiny DIR")

    texts = read_texts(args.texts, args.docs)
    import torch
    import transformers  # noqa: F401  (imported first so load time is the model's own)

    torch.set_num_threads(args.threads)
    from newsfacts.models.transformers_backend import TransformersBackend, _windows

    folder = args.model or args.tiny
    if args.tiny:
        build_tiny(args.tiny, texts, base_size=args.base_size)
    base = rss_mb()
    started = time.perf_counter()
    backend = TransformersBackend(str(folder), batch_size=args.batch_size)
    load_s = time.perf_counter() - started
    loaded = rss_mb()
    backend.entities_batch(texts[:2])  # warm-up
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = backend.entities_batch(texts)
        best = min(best, time.perf_counter() - started)
    windows = sum(len(_windows(len(e.ids), backend.window, backend.stride)) for e in backend._encode(texts))
    params = sum(p.numel() for p in backend.model.parameters())
    result = {
        "model": str(folder),
        "parameters": params,
        "threads": args.threads,
        "device": backend.device,
        "load_s": round(load_s, 3),
        "docs": len(texts),
        "words": words,
        "words_per_s": round(words / best),
        "windows_per_doc": round(windows / len(texts), 2),
        "window_tokens": backend.window + len(backend.prefix_ids) + len(backend.suffix_ids),
        "entities": sum(map(len, found)),
        "rss_mb_model": round(loaded - base, 1),
        "rss_mb_after": round(rss_mb(), 1),
    }
    note = "  [random weights: a plumbing check and a speed estimate, its entities are noise]" if args.tiny else ""
    if params < 1_000_000:
        note = "  [tiny random model: a plumbing check of the backend, not a real model's speed]"
    print(
        f"{folder}: load {load_s:.2f} s, {result['words_per_s']:,} words/s on {args.threads} thread(s), "
        f"{params:,} parameters, {result['rss_mb_after']} MB RSS after the run{note}"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
