"""The transformers backend, offline, with tiny BERT models that these tests build and save.

Two models, both 2 layers of width 32 with a WordPiece vocabulary made from the test words:

- ``random_model``: random weights; its predictions are noise, so tests on it check plumbing only
  (offsets index the text, labels are ours, batching changes nothing).
- ``oracle_model``: weights set so that each token's label depends on its id alone (the encoder
  layers pass their input through, position embeddings are zero, and each token's embedding is
  the classifier row of its label). It tags "acme" B-ORG, "corp" I-ORG, "micro" B-ORG (so
  "Microsoft" = micro ##soft tests sub-word aggregation), "anna" B-PER, "berlin" B-LOC, and
  everything else O — deterministic, so windowing can be checked exactly.

Tests that need torch/transformers skip when the ``transformers`` extra is not installed.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsfacts.models import (
    BackendNotFound,
    ModelLoadError,
    NewsfactsError,
    get_backend,
    list_models,
)
from newsfacts.models.registry import register_backend
from newsfacts.models.transformers_backend import INSTALL_HINT, _windows, map_label

__all__: list[str] = []

ROOT = Path(__file__).resolve().parents[2]
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
OURS = {"PER", "ORG", "LOC", "MISC"}
MAX_LEN = 32  # tokens per window, special tokens included: long texts need many windows
WORDS = [  # the tiny model's vocabulary: the test texts' words, and "Microsoft" in two pieces
    "acme",
    "corp",
    "zahlt",
    "micro",
    "##soft",
    "in",
    "berlin",
    ",",
    "sagt",
    "anna",
    ".",
    "die",
    "firma",
    "meldet",
    "umsatz",
    "und",
    "gewinn",
    "im",
    "quartal",
    "der",
    "bank",
    "von",
    "paris",
    "london",
    "rom",
    "مرحبا",
    "🙂",
]
ORACLE = {"acme": "B-ORG", "corp": "I-ORG", "micro": "B-ORG", "anna": "B-PER", "berlin": "B-LOC"}
FILLER = "Die Firma meldet Umsatz und Gewinn im Quartal der Bank von Paris ."


def _save_model(folder: Path, *, labels: list[str], oracle: dict[str, str] | None = None) -> Path:
    """Write a tiny BERT token classifier and its fast tokenizer to ``folder``."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordPiece

    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS])}
    tok = Tokenizer(WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    tokenizer = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=MAX_LEN,
    )
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=MAX_LEN,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config)
    if oracle is not None:
        _make_oracle(torch, model, vocab, labels, oracle)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def _make_oracle(torch: Any, model: Any, vocab: dict[str, int], labels: list[str], oracle: dict[str, str]) -> None:
    """Make each token's label a function of its id (see the module docstring)."""
    hadamard = torch.ones(1, 1)
    while hadamard.shape[0] < 32:
        hadamard = torch.cat([torch.cat([hadamard, hadamard], 1), torch.cat([hadamard, -hadamard], 1)])
    rows = hadamard[1 : 1 + len(labels)]  # orthogonal, mean 0, variance 1: LayerNorm keeps them
    with torch.no_grad():
        emb = model.bert.embeddings
        emb.position_embeddings.weight.zero_()
        emb.token_type_embeddings.weight.zero_()
        for token, i in vocab.items():
            emb.word_embeddings.weight[i] = rows[labels.index(oracle.get(token, "O"))]
        for layer in model.bert.encoder.layer:
            for dense in (layer.attention.output.dense, layer.output.dense):
                dense.weight.zero_()
                dense.bias.zero_()
        model.classifier.weight.copy_(rows)
        model.classifier.bias.zero_()


@pytest.fixture(scope="session")
def random_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _save_model(tmp_path_factory.mktemp("random_bert"), labels=LABELS)


@pytest.fixture(scope="session")
def oracle_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _save_model(tmp_path_factory.mktemp("oracle_bert"), labels=LABELS, oracle=ORACLE)


@pytest.fixture(scope="session")
def xlmr_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny XLM-R with a SentencePiece model and no tokenizer.json, as older hub repos ship."""
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    spm = pytest.importorskip("sentencepiece")
    folder = tmp_path_factory.mktemp("xlmr")
    corpus = [" ".join(TEXTS[:6]) + " " + FILLER] * 20
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus),
        model_prefix=str(folder / "sentencepiece.bpe"),
        vocab_size=80,
        model_type="unigram",
        character_coverage=1.0,
        bos_id=0,
        pad_id=1,
        eos_id=2,
        unk_id=3,
        minloglevel=2,
    )
    tokenizer = transformers.XLMRobertaTokenizer(vocab_file=str(folder / "sentencepiece.bpe.model"))
    tokenizer.save_pretrained(folder)
    (folder / "tokenizer.json").unlink(missing_ok=True)
    labels = [*LABELS, "B-DATE", "I-DATE"]
    config = transformers.XLMRobertaConfig(
        vocab_size=128,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=MAX_LEN + 2,
        pad_token_id=1,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    transformers.XLMRobertaForTokenClassification(config).save_pretrained(folder)
    return folder


def _check_spans(text: str, spans: list[Any]) -> None:
    ends = -1
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text and span.text == span.text.strip()
        assert span.label in OURS
        assert span.start >= ends, "spans overlap or are out of order"
        ends = span.end


# --- label mapping and windows: no torch needed --------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("B-PER", ("B", "PER")),
        ("I-ORG", ("I", "ORG")),
        ("B-LOC", ("B", "LOC")),
        ("I-MISC", ("I", "MISC")),
        ("PER", (None, "PER")),
        ("person", (None, "PER")),
        ("organization", (None, "ORG")),
        ("B-person", ("B", "PER")),
        ("I-organisation", ("I", "ORG")),
        ("B-GPE", ("B", "LOC")),
        ("location", (None, "LOC")),
        ("E-NORP", ("E", "MISC")),
        ("U-ORG", ("S", "ORG")),
        ("L-LOC", ("E", "LOC")),
        ("S-PER", ("S", "PER")),
        ("B_PER", ("B", "PER")),
        ("O", (None, None)),
        ("B-DATE", (None, None)),
        ("MONEY", (None, None)),
        ("LABEL_0", (None, None)),
    ],
)
def test_transformers_map_label(raw: str, expected: tuple[str | None, str | None]) -> None:
    assert map_label(raw) == expected


@pytest.mark.parametrize("n_tokens", [0, 1, 5, 29, 30, 31, 59, 60, 61, 200, 1001])
@pytest.mark.parametrize("window, stride", [(30, 7), (30, 0), (30, 29), (510, 127), (2, 1)])
def test_transformers_windows_cover_every_token(n_tokens: int, window: int, stride: int) -> None:
    spans = _windows(n_tokens, window, stride)
    covered = {i for start, end in spans for i in range(start, end)}
    assert covered == set(range(n_tokens))
    assert all(0 <= s < e <= n_tokens and e - s <= window for s, e in spans)
    assert all(b[0] <= a[1] - min(stride, 1) for a, b in itertools.pairwise(spans))  # overlap
    if n_tokens > window:
        assert all(e - s == window for s, e in spans)


def test_transformers_missing_extra_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now raises ImportError
    with pytest.raises(ModelLoadError) as info:
        get_backend(f"transformers:{tmp_path}")
    message = str(info.value)
    assert INSTALL_HINT in message and str(tmp_path) in message
    assert isinstance(info.value, NewsfactsError)


@pytest.mark.parametrize("make", ["missing", "file", "no_config"])
def test_transformers_bad_folder_names_the_path(tmp_path: Path, make: str) -> None:
    target = tmp_path / "model"
    if make == "file":
        target.write_text("not a model", encoding="utf-8")
    elif make == "no_config":
        target.mkdir()
    with pytest.raises(ModelLoadError) as info:
        get_backend(f"transformers:{target}")
    assert str(target) in str(info.value) and isinstance(info.value, NewsfactsError)


def test_transformers_unreachable_hub_id_says_how_to_download() -> None:
    pytest.importorskip("transformers")
    code = (
        "from newsfacts.models import get_backend, ModelLoadError\n"
        "try:\n    get_backend('transformers:example-org/no-such-ner-model')\n"
        "except ModelLoadError as exc:\n    print(exc)\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}  # offline here anyway; this skips the retries
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=ROOT, env=env, capture_output=True, text=True
    ).stdout
    assert "'example-org/no-such-ner-model'" in out
    assert "hf download example-org/no-such-ner-model" in out


# --- registry and CLI -----------------------------------------------------------------------


def test_transformers_listed_in_registry() -> None:
    info = next(m for m in list_models() if m.name.startswith("transformers:"))
    assert info.kind == "transformers" and "newsfacts[transformers]" in info.description
    with pytest.raises(BackendNotFound, match=r"transformers:<path-or-hub-id>"):
        get_backend("no_such_model")
    with pytest.raises(ValueError, match="reserved"):
        register_backend("transformers:x", kind="transformers")(lambda: get_backend("fake"))


def test_transformers_cli_lists_the_backend() -> None:
    from newsfacts.extractors.cli import main

    result = CliRunner().invoke(main, ["--list-models"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["name"] == "transformers:<path-or-hub-id>" and r["kind"] == "transformers" for r in rows)


def test_transformers_cli_extracts_with_the_model(oracle_model: Path, tmp_path: Path) -> None:
    from newsfacts.extractors.cli import main

    article = tmp_path / "article.txt"
    text = f"{FILLER} Acme Corp zahlt Microsoft in Berlin, sagt Anna. " + FILLER * 6 + " Acme Corp."
    article.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--ner", f"transformers:{oracle_model}", "--lang", "de", str(article)])
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    found = {(e["text"], e["label"]) for e in record["entities"]}
    assert {("Acme Corp", "ORG"), ("Microsoft", "ORG"), ("Berlin", "LOC"), ("Anna", "PER")} <= found
    last = max(record["entities"], key=lambda e: e["start"])
    assert (last["start"], last["text"]) == (len(text) - len("Acme Corp."), "Acme Corp")
    for e in record["entities"]:
        assert record["text"][e["start"] : e["end"]] == e["text"]


def test_transformers_cli_broken_folder_exits_1(tmp_path: Path) -> None:
    from newsfacts.extractors.cli import main

    article = tmp_path / "article.txt"
    article.write_text("Acme Corp zahlt.", encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    result = CliRunner().invoke(main, ["--ner", f"transformers:{broken}", "--lang", "de", str(article)])
    assert result.exit_code == 1 and result.stdout == ""
    assert str(broken) in result.stderr


# --- the models ----------------------------------------------------------------------------


def test_transformers_oracle_entities_and_subwords(oracle_model: Path) -> None:
    backend = get_backend(f"transformers:{oracle_model}")
    text = "Acme Corp zahlt Microsoft in Berlin, sagt Anna."
    spans = backend.entities(text)
    assert [(s.start, s.end, s.label, s.text) for s in spans] == [
        (0, 9, "ORG", "Acme Corp"),
        (16, 25, "ORG", "Microsoft"),
        (29, 35, "LOC", "Berlin"),
        (42, 46, "PER", "Anna"),
    ]
    assert backend is get_backend(f"transformers:{oracle_model}")  # loaded once per process


@pytest.mark.parametrize("gap", range(12))
def test_transformers_long_text_every_entity_found_once(oracle_model: Path, gap: int) -> None:
    """Entities everywhere, including across window edges and at the very end, found once each."""
    backend = get_backend(f"transformers:{oracle_model}")
    parts = []
    for i in range(25):
        parts.append(" ".join(["die"] * (gap + i % 5)))
        parts.append("Acme Corp")
    parts.append("die " * gap + "Acme Corp")
    text = " ".join(p for p in parts if p)
    n_tokens = len(backend.tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])
    assert n_tokens > 3 * MAX_LEN  # several windows
    spans = backend.entities(text)
    starts = [i for i in range(len(text)) if text.startswith("Acme Corp", i)]
    assert [(s.start, s.end, s.label) for s in spans] == [(i, i + 9, "ORG") for i in starts]
    assert spans[-1].end == len(text)


def test_transformers_entity_at_the_very_end_of_a_long_article(oracle_model: Path) -> None:
    backend = get_backend(f"transformers:{oracle_model}")
    text = (FILLER + "\n") * 60 + "Zuletzt: Acme"
    spans = backend.entities(text)
    assert [(s.start, s.end, s.label) for s in spans] == [(len(text) - 4, len(text), "ORG")]


TEXTS = [
    "Acme Corp zahlt Microsoft in Berlin, sagt Anna.",
    "",
    "   \n\t ",
    "12345 67,8 %",
    "مرحبا Acme 🙂 Acme Corp مرحبا",
    "Unbekannte Wörter überall: Zürich, Łódź, São Paulo.",
    (FILLER + " Acme Corp zahlt Anna in Berlin. ") * 20,
    "micro ##soft Acme-Corp, corp acme.",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_transformers_random_model_spans_index_the_text(random_model: Path, text: str) -> None:
    spans = get_backend(f"transformers:{random_model}").entities(text)
    _check_spans(text, spans)


def test_transformers_random_model_finds_something(random_model: Path) -> None:
    """Random weights still tag some tokens, so the plumbing tests above are not vacuous."""
    spans = get_backend(f"transformers:{random_model}").entities(TEXTS[6])
    assert spans and {s.label for s in spans} <= OURS


def test_transformers_batch_equals_one_by_one(random_model: Path) -> None:
    from newsfacts.models.transformers_backend import TransformersBackend

    backend = TransformersBackend(str(random_model), batch_size=3)
    assert backend.entities_batch(TEXTS) == [backend.entities(t) for t in TEXTS]
    assert backend.entities_batch([]) == []


@pytest.mark.parametrize(
    "labels",
    [
        ["O", "person", "organization", "location", "misc"],
        ["O", "PER", "ORG", "LOC", "MISC"],
        ["O", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE", "B-DATE", "I-DATE"],
        ["O", "U-ORG", "B-ORG", "I-ORG", "L-ORG"],
    ],
    ids=["wnut-like", "plain", "ontonotes", "bilou"],
)
def test_transformers_label_sets_map_to_ours(tmp_path: Path, labels: list[str]) -> None:
    folder = _save_model(tmp_path / "m", labels=labels)
    spans = get_backend(f"transformers:{folder}").entities(TEXTS[6])
    _check_spans(TEXTS[6], spans)


def test_transformers_model_without_entity_labels(tmp_path: Path) -> None:
    folder = _save_model(tmp_path / "m", labels=["LABEL_0", "LABEL_1"])
    with pytest.raises(ModelLoadError, match="LABEL_0") as info:
        get_backend(f"transformers:{folder}")
    assert str(folder) in str(info.value)


def test_transformers_broken_weights_name_the_path(tmp_path: Path) -> None:
    folder = _save_model(tmp_path / "m", labels=LABELS)
    for weights in folder.glob("*.safetensors"):
        weights.write_bytes(b"garbage")
    with pytest.raises(ModelLoadError) as info:
        get_backend(f"transformers:{folder}")
    assert str(folder) in str(info.value)


def test_transformers_sentencepiece_xlmr_model(xlmr_model: Path) -> None:
    """Windows respect RoBERTa's position offset (else the long text would index past the table)."""
    backend = get_backend(f"transformers:{xlmr_model}")
    assert backend.window + len(backend.prefix_ids) + len(backend.suffix_ids) == MAX_LEN
    for text in TEXTS:
        _check_spans(text, backend.entities(text))
    assert backend.entities_batch(TEXTS) == [backend.entities(t) for t in TEXTS]
