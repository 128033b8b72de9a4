"""Score any registered NER backend on a CoNLL/IOB or JSONL gold file (entity-level, exact span match).

Usage::

    newsfacts evaluate --model de_news_sm FILE [--speed]     # or: python -m newsfacts.models.evaluate

The file holds one ``token<TAB or space>label`` per line (the label is the last field), a blank
line between sentences, IOB1 or IOB2 tags; ``-DOCSTART-`` lines are skipped. A ``-`` label marks a
token whose annotation is unknown (spaCy's convention): predictions touching it are not scored,
which is how spaCy's own scorer treats missing annotation. Each sentence is
rebuilt as its tokens joined by single spaces and given to the backend as raw text, so every
backend -- whatever its tokenizer -- is scored the same way: a predicted entity counts only if its
character span and label equal a gold one. The model card's numbers come from this module.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from newsfacts.models.errors import NewsfactsError
from newsfacts.models.registry import NerBackend, get_backend

__all__ = [
    "Gold",
    "Prf",
    "evaluate",
    "format_scores",
    "main",
    "measure_speed",
    "read_gold",
    "read_iob",
    "read_jsonl",
    "score",
]

CORE_LABELS = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Gold:
    """One sentence: its text, gold ``(start, end, label)`` spans and unannotated ``(start, end)`` ranges."""

    text: str
    spans: frozenset[tuple[int, int, str]]
    unknown: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Prf:
    """Counts and the precision/recall/F1 derived from them."""

    tp: int
    fp: int
    fn: int

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def read_iob(path: Path) -> list[Gold]:
    """Read an IOB file into sentences with character-offset gold spans."""
    sentences: list[Gold] = []
    rows: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("-DOCSTART-"):
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        if len(fields) >= 2 and fields[0]:
            rows.append((fields[0], fields[-1]))
        elif rows:
            sentences.append(_sentence(rows))
            rows = []
    return sentences


def read_jsonl(path: Path) -> list[Gold]:
    """Read a JSONL gold file: one ``{"text": ..., "entities": [...]}`` object per line.

    Entities are ``{"start", "end", "label"}`` objects or ``[start, end, label]`` lists
    (spaCy's and Prodigy's conventions; a ``"spans"`` key is read like ``"entities"``). Offsets
    are half-open character offsets into ``text``.

    Raises:
        ValueError: a line is not valid JSON or an entity does not index the text.
    """
    sentences: list[Gold] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            spans = set()
            for ent in record.get("entities", record.get("spans", [])):
                start, end, label = (ent["start"], ent["end"], ent["label"]) if isinstance(ent, dict) else ent
                if not 0 <= start < end <= len(text):
                    raise ValueError(f"span {start}-{end} outside the text")
                spans.add((int(start), int(end), str(label)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{number}: not a gold record ({exc})") from exc
        sentences.append(Gold(text, frozenset(spans)))
    return sentences


def read_gold(path: Path) -> list[Gold]:
    """Read a gold file by its suffix: ``.jsonl`` as JSONL, anything else as CoNLL/IOB."""
    return read_jsonl(path) if path.suffix == ".jsonl" else read_iob(path)


def _sentence(rows: Sequence[tuple[str, str]]) -> Gold:
    text, spans, offset = "", set(), 0
    unknown: list[tuple[int, int]] = []
    cur: tuple[int, int, str] | None = None
    for token, tag in rows:
        start = offset + (1 if text else 0)
        text = f"{text} {token}" if text else token
        offset = start + len(token)
        if tag == "-":
            unknown.append((start, offset))
        prefix, _, label = tag.partition("-")
        if cur and (prefix != "I" or label != cur[2]):
            spans.add(cur)
            cur = None
        if prefix == "I" and cur:
            cur = (cur[0], offset, label)
        elif prefix in ("B", "I"):
            cur = (start, offset, label)
    if cur:
        spans.add(cur)
    return Gold(text, frozenset(spans), tuple(unknown))


def score(
    gold: Iterable[Iterable[tuple[int, int, str]]],
    pred: Iterable[Iterable[tuple[int, int, str]]],
) -> dict[str, Prf]:
    """Per-label and micro counts; ``micro`` covers every label, ``micro:PER/ORG/LOC`` the core three."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g_spans, p_spans in zip(gold, pred, strict=True):
        g, p = set(g_spans), set(p_spans)
        for _, _, label in g & p:
            tp[label] += 1
        for _, _, label in p - g:
            fp[label] += 1
        for _, _, label in g - p:
            fn[label] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out = {label: Prf(tp[label], fp[label], fn[label]) for label in labels}
    for name, subset in (
        ("micro", labels),
        ("micro:" + "/".join(CORE_LABELS), CORE_LABELS),
    ):
        out[name] = Prf(*(sum(c[label] for label in subset) for c in (tp, fp, fn)))
    return out


def evaluate(backend: NerBackend, sentences: Sequence[Gold]) -> dict[str, Prf]:
    """Run ``backend`` over the sentences and score it against their gold spans."""
    predicted = backend.entities_batch([s.text for s in sentences])
    pred = [
        {(e.start, e.end, e.label) for e in ents if not any(e.start < b and a < e.end for a, b in s.unknown)}
        for s, ents in zip(sentences, predicted, strict=True)
    ]
    return score([s.spans for s in sentences], pred)


def format_scores(scores: dict[str, Prf]) -> str:
    """A plain-text table (also used verbatim in the model card)."""
    lines = [f"{'label':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for label, prf in scores.items():
        lines.append(f"{label:<18}{prf.p:>7.3f}{prf.r:>7.3f}{prf.f:>7.3f}{prf.tp + prf.fn:>7}")
    return "\n".join(lines)


def measure_speed(model: str, texts: Sequence[str], *, repeat: int = 3) -> tuple[float, float]:
    """Return (load seconds, best words per second) of ``model`` on ``texts`` in this process."""
    start = time.perf_counter()
    backend = get_backend(model)
    load = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        backend.entities_batch(list(texts))
        best = max(best, words / (time.perf_counter() - start))
    return load, best


@click.command(
    "evaluate",
    context_settings={"help_option_names": ["-h", "--help"]},
    short_help="Score an NER model on a gold file (precision, recall, F1).",
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--model",
    metavar="NAME",
    default=None,
    help="Registered model name, spacy:<path> or transformers:<path> (default: de_news_sm).",
)
@click.option("--speed", is_flag=True, help="Also print the load time and words/s.")
def main(file: Path, model: str | None, speed: bool) -> None:
    """Score an NER model on a gold FILE: per-label precision, recall and F1 (exact spans).

    FILE is CoNLL/IOB (token<TAB>label, a blank line between sentences) or .jsonl
    ({"text": ..., "entities": [[start, end, label], ...]} per line).
    """
    try:
        sentences = read_gold(file)
        if speed:  # measure before anything else loads the model, so load time is honest
            load, wps = measure_speed(model or "de_news_sm", [s.text for s in sentences])
        scores = evaluate(get_backend(model), sentences)
    except (NewsfactsError, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{len(sentences)} sentences, {sum(len(s.spans) for s in sentences)} gold entities")
    click.echo(format_scores(scores))
    if speed:
        click.echo(f"load {load:.3f} s; {wps:,.0f} words/s (one process, nlp.pipe)")


if __name__ == "__main__":
    main()
