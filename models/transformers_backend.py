"""NER with any Hugging Face token-classification model (``transformers:<folder-or-hub-id>``).

The model is loaded through ``AutoTokenizer`` and ``AutoModelForTokenClassification`` from a local
folder, or from the Hugging Face Hub where the machine has internet. torch and transformers are
an optional extra (``pip install 'newsfacts[transformers]'``) and are imported only when such a
model is loaded, never when this module is imported.

How a text becomes entities:

1. The whole text is tokenized once, without special tokens, keeping each token's character
   offsets and word index (a fast tokenizer is required for both).
2. Texts longer than the model's limit are cut into overlapping windows over the tokens
   (``stride`` tokens shared between neighbours), so no part of an article is dropped. Each
   window gets the model's own special tokens (``[CLS] … [SEP]``, ``<s> … </s>``) around it.
3. Windows of all texts are run in padded batches of ``batch_size``.
4. Where windows overlap, each token keeps the prediction of the window in which it sits
   furthest from an edge (it saw the most context there), so one label sequence covers the
   whole text and an entity in an overlap is found once.
5. A word takes the label of its first sub-word token; words are joined into entities by their
   B-/I-/E-/S- prefixes (or, for plain labels, by equal neighbouring labels), and the model's
   entity types are mapped to PER, ORG, LOC and MISC (types outside those, such as DATE, are
   dropped: the rule engines handle amounts and dates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfacts.models.errors import ModelLoadError, NewsfactsError
from newsfacts.models.registry import EntitySpan

__all__ = [
    "INSTALL_HINT",
    "LABEL_TYPES",
    "TransformersBackend",
    "TransformersLoadError",
    "map_label",
]

INSTALL_HINT = "pip install 'newsfacts[transformers]'"

# Entity types of common label sets (CoNLL, OntoNotes, WNUT, WikiNER, MultiNERD, …) -> ours.
# OntoNotes' NORP/EVENT/PRODUCT/… are what CoNLL calls MISC; numeric and date types are dropped.
LABEL_TYPES: dict[str, str | None] = {
    **dict.fromkeys(["PER", "PERS", "PERSON", "PEOPLE"], "PER"),
    **dict.fromkeys(["ORG", "ORGANIZATION", "ORGANISATION", "CORPORATION", "COMPANY", "CORP"], "ORG"),
    **dict.fromkeys(["LOC", "LOCATION", "GPE", "GEO", "FAC", "FACILITY", "PLACE"], "LOC"),
    **dict.fromkeys(
        [
            "MISC",
            "MISCELLANEOUS",
            "NORP",
            "EVENT",
            "EVE",
            "PRODUCT",
            "WORK_OF_ART",
            "LAW",
            "LANGUAGE",
            "NAT",
            "ART",
            "GROUP",
            "CREATIVE-WORK",
        ],
        "MISC",
    ),
}
_PREFIXED = re.compile(r"^([BIESLU])[-_](.+)$")
_BEGIN, _INSIDE, _END, _SINGLE = "B", "I", "E", "S"
_PREFIX_ALIASES = {"L": _END, "U": _SINGLE}  # BILOU spells BIOES' E and S as L and U
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
_ROBERTA_LIKE = {"roberta", "xlm-roberta", "xlm-roberta-xl", "camembert", "longformer", "xmod"}


class TransformersLoadError(ModelLoadError):
    """A ``transformers:`` model that cannot be loaded; the hint says what to do about it."""

    def __init__(self, name: str, path: str, reason: str, *, hint: str) -> None:
        self.name, self.path, self.reason, self.hint = name, path, reason, hint
        # not ModelLoadError.__init__: its fixed hint (reinstall, retrain) is about spaCy models
        NewsfactsError.__init__(self, f"cannot load NER model {name!r} from {path!r}: {reason} ({hint})")


@dataclass(frozen=True)
class _Tag:
    prefix: str | None  # B, I, E, S, or None for a plain label ("PER") and for O
    label: str | None  # PER/ORG/LOC/MISC, or None for O and unmapped types


def map_label(raw: str) -> tuple[str | None, str | None]:
    """Split a model label into its prefix and our label: ``"B-person"`` -> ``("B", "PER")``.

    Returns ``(None, None)`` for ``O`` and for types with no counterpart in PER/ORG/LOC/MISC.
    """
    text = raw.strip().upper()
    if text in ("O", ""):
        return None, None
    match = _PREFIXED.match(text)
    prefix, kind = (match.group(1), match.group(2)) if match else (None, text)
    label = LABEL_TYPES.get(kind.replace(" ", "_"))
    if label is None:
        return None, None
    return _PREFIX_ALIASES.get(prefix or "", prefix), label


@dataclass
class _Encoded:
    ids: list[int]
    offsets: list[tuple[int, int]]
    words: list[int | None]


class TransformersBackend:
    """A Hugging Face token-classification model used as an NER backend.

    Args:
        source: a local model folder, or a Hugging Face Hub id (needs internet or a warm cache).
        name: the registry name, for messages; defaults to ``transformers:<source>``.
        batch_size: windows per forward pass.
        stride: tokens shared by neighbouring windows; default a quarter of a window.
        max_length: tokens per window including special tokens; default the model's limit.
        device: torch device; default ``cuda`` when available, else ``cpu``.

    Raises:
        TransformersLoadError: torch/transformers are missing, the folder is missing or broken,
            the hub id cannot be fetched, the tokenizer is not a fast one, or no label of the
            model maps to PER/ORG/LOC/MISC.
    """

    def __init__(
        self,
        source: str,
        *,
        name: str | None = None,
        batch_size: int = 8,
        stride: int | None = None,
        max_length: int | None = None,
        device: str | None = None,
    ) -> None:
        self.source = source
        self.name = name or f"transformers:{source}"
        self.batch_size = max(1, batch_size)
        location = _locate(source, self.name)
        self._torch, transformers = _import_libs(self.name, source)
        self.tokenizer, self.model = self._load(transformers, location)
        self.device = device or ("cuda" if self._torch.cuda.is_available() else "cpu")
        self.model.to(self.device).eval()
        self.tags = self._tags()
        self.prefix_ids, self.suffix_ids = self._special_layout()
        limit = max_length or _model_limit(self.tokenizer, self.model.config)
        self.window = limit - len(self.prefix_ids) - len(self.suffix_ids)
        if self.window < 2:
            raise self._error(f"a window of {limit} tokens leaves no room for text")
        self.stride = min(self.window // 4 if stride is None else max(0, stride), self.window - 1)
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0

    # loading ---------------------------------------------------------------------------------

    def _error(self, reason: str, *, hint: str | None = None) -> TransformersLoadError:
        return TransformersLoadError(
            self.name,
            self.source,
            reason,
            hint=hint or "give a folder saved with save_pretrained() (config.json, weights, tokenizer.json)",
        )

    def _load(self, transformers: Any, location: str) -> tuple[Any, Any]:
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(location)
            model = transformers.AutoModelForTokenClassification.from_pretrained(location)
        except Exception as exc:  # any failure inside transformers means the model is unusable
            if Path(location).is_dir():
                raise self._error(f"{type(exc).__name__}: {exc}") from exc
            raise self._error(
                f"no such folder, and the Hugging Face Hub could not provide it"
                f" ({type(exc).__name__}: {_first_line(exc)})",
                hint=f"check the path; for a hub model, on a machine with internet run "
                f"`hf download {self.source} --local-dir DIR`, then use transformers:DIR",
            ) from exc
        if not getattr(tokenizer, "is_fast", False):
            raise self._error(
                f"{type(tokenizer).__name__} is not a fast tokenizer, so it gives no character offsets",
                hint="save the model's fast tokenizer (tokenizer.json) into the folder",
            )
        return tokenizer, model

    def _tags(self) -> dict[int, _Tag]:
        id2label = {int(k): str(v) for k, v in self.model.config.id2label.items()}
        tags = {i: _Tag(*map_label(raw)) for i, raw in id2label.items()}
        if not any(t.label for t in tags.values()):
            raise self._error(
                f"none of the model's labels maps to PER/ORG/LOC/MISC: {sorted(set(id2label.values()))}",
                hint="use a model trained for named entities, or set id2label in its config.json",
            )
        return tags

    def _special_layout(self) -> tuple[list[int], list[int]]:
        """The special tokens the model puts before and after a single sequence."""
        probe = "a"
        bare = self.tokenizer(probe, add_special_tokens=False)["input_ids"]
        full = self.tokenizer(probe)["input_ids"]
        for at in range(len(full) - len(bare) + 1):
            if full[at : at + len(bare)] == bare:
                return list(full[:at]), list(full[at + len(bare) :])
        return [], []  # pragma: no cover - a template that rewrites the text itself

    # inference -------------------------------------------------------------------------------

    def entities(self, text: str) -> list[EntitySpan]:
        """Entities of one text, however long."""
        return self.entities_batch([text])[0]

    def entities_batch(self, texts: list[str]) -> list[list[EntitySpan]]:
        """Entities of many texts: their windows share batches, one result list per text."""
        encoded = self._encode(texts)
        windows = [
            (doc, start, end)
            for doc, enc in enumerate(encoded)
            for start, end in _windows(len(enc.ids), self.window, self.stride)
        ]
        preds = self._predict([encoded[d].ids[s:e] for d, s, e in windows])
        labels = [[0] * len(enc.ids) for enc in encoded]
        best = [[-1] * len(enc.ids) for enc in encoded]
        for (doc, start, end), window_preds in zip(windows, preds, strict=True):
            for i, pred in enumerate(window_preds, start=start):
                centrality = min(i - start, end - 1 - i)
                if centrality > best[doc][i]:
                    best[doc][i], labels[doc][i] = centrality, pred
        return [self._spans(text, enc, lab) for text, enc, lab in zip(texts, encoded, labels, strict=True)]

    def _encode(self, texts: Sequence[str]) -> list[_Encoded]:
        if not texts:
            return []
        # the whole text on purpose: windows are cut below, so the length warning does not apply
        batch = self.tokenizer(
            list(texts),
            add_special_tokens=False,
            return_offsets_mapping=True,
            truncation=False,
            verbose=False,
        )
        return [
            _Encoded(
                list(batch["input_ids"][i]), [tuple(o) for o in batch["offset_mapping"][i]], list(batch.word_ids(i))
            )
            for i in range(len(texts))
        ]

    def _predict(self, chunks: list[list[int]]) -> list[list[int]]:
        """The label id of every token of every chunk, in padded batches (longest first)."""
        torch = self._torch
        order = sorted(range(len(chunks)), key=lambda i: -len(chunks[i]))
        out: list[list[int]] = [[] for _ in chunks]
        with torch.inference_mode():
            for at in range(0, len(order), self.batch_size):
                group = order[at : at + self.batch_size]
                rows = [self.prefix_ids + chunks[i] + self.suffix_ids for i in group]
                width = max(len(r) for r in rows)
                ids = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
                mask = torch.zeros((len(rows), width), dtype=torch.long)
                for r, row in enumerate(rows):
                    ids[r, : len(row)] = torch.tensor(row, dtype=torch.long)
                    mask[r, : len(row)] = 1
                logits = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device)).logits
                best = logits.argmax(dim=-1).cpu().tolist()
                skip = len(self.prefix_ids)
                for r, i in enumerate(group):
                    out[i] = best[r][skip : skip + len(chunks[i])]
        return out

    def _spans(self, text: str, enc: _Encoded, labels: list[int]) -> list[EntitySpan]:
        words = _words(enc, labels)
        spans: list[EntitySpan] = []
        current: list[int] | None = None  # [start, end] of the open entity
        current_label: str | None = None
        for start, end, tag_id in words:
            tag = self.tags.get(tag_id, _Tag(None, None))
            continues = current is not None and tag.label == current_label and tag.prefix in (_INSIDE, _END, None)
            if continues and current is not None:
                current[1] = end
            else:
                _close(spans, text, current, current_label)
                current, current_label = ([start, end], tag.label) if tag.label else (None, None)
            if tag.prefix in (_END, _SINGLE):
                _close(spans, text, current, current_label)
                current, current_label = None, None
        _close(spans, text, current, current_label)
        return spans


def _words(enc: _Encoded, labels: list[int]) -> list[tuple[int, int, int]]:
    """``(start, end, label id of the first sub-word)`` of each word, in text order."""
    words: list[tuple[int, int, int]] = []
    previous: int | None = None
    for i, ((start, end), word) in enumerate(zip(enc.offsets, enc.words, strict=True)):
        if word is not None and word == previous and words:
            words[-1] = (words[-1][0], max(words[-1][1], end), words[-1][2])
        else:
            words.append((start, end, labels[i]))
        previous = word
    return words


def _close(spans: list[EntitySpan], text: str, current: list[int] | None, label: str | None) -> None:
    if current is None or label is None:
        return
    start, end = current
    while start < end and text[start].isspace():  # SentencePiece offsets may include the space
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(EntitySpan(start, end, label, text[start:end]))


def _windows(n_tokens: int, window: int, stride: int) -> list[tuple[int, int]]:
    """Half-open token ranges of at most ``window`` tokens, neighbours sharing ``stride`` tokens."""
    if n_tokens == 0:
        return []
    if n_tokens <= window:
        return [(0, n_tokens)]
    step = window - stride
    starts = list(range(0, n_tokens - window + 1, step))
    if starts[-1] + window < n_tokens:
        starts.append(n_tokens - window)  # the last window ends at the text's end, full size
    return [(s, s + window) for s in starts]


def _model_limit(tokenizer: Any, config: Any) -> int:
    """Tokens the model takes at once, special tokens included."""
    limits = []
    declared = getattr(tokenizer, "model_max_length", None)
    if isinstance(declared, int) and 0 < declared < 1_000_000:  # unset means ~1e30
        limits.append(declared)
    positions = getattr(config, "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 0:
        pad = getattr(config, "pad_token_id", None)
        # RoBERTa-style models number positions from padding_idx + 1: two fewer are usable
        offset = pad + 1 if getattr(config, "model_type", "") in _ROBERTA_LIKE and isinstance(pad, int) else 0
        limits.append(positions - offset)
    return min(limits) if limits else 512


def _locate(source: str, name: str) -> str:
    """The folder to load from, or the hub id; a path that is not there is an error right away."""
    path = Path(source).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise TransformersLoadError(
                name,
                source,
                "no Hugging Face model here (config.json is missing)",
                hint="give a folder saved with save_pretrained() (config.json, weights, tokenizer.json)",
            )
        return str(path)
    if path.exists():
        raise TransformersLoadError(name, source, "not a folder", hint="give the model's folder")
    if not _HUB_ID.match(source):
        raise TransformersLoadError(
            name,
            source,
            "no such folder",
            hint="check the path: a folder saved with save_pretrained(), or a hub id such as org/model",
        )
    return source  # a hub id such as Davlan/xlm-roberta-base-ner-hrl


def _import_libs(name: str, source: str) -> tuple[Any, Any]:
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise TransformersLoadError(
            name,
            source,
            f"the transformers backend needs torch and transformers ({exc})",
            hint=INSTALL_HINT,
        ) from exc
    return torch, transformers


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else ""
