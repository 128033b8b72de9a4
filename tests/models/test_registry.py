"""Plumbing of the NER registry: names, errors, the fake backend, cheap imports. No model is loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts import models
from newsfacts.models import (
    BackendNotFound,
    EntitySpan,
    FakeBackend,
    ModelLoadError,
    NerBackend,
    NewsfactsError,
    default_model,
    get_backend,
    list_models,
    register_backend,
)

__all__: list[str] = []

ROOT = Path(__file__).resolve().parents[2]


def _shipped() -> dict[str, dict[str, object]]:
    """The manifest of shipped pipelines, as the registry reads it."""
    import tomllib

    with (ROOT / "models" / "shipped.toml").open("rb") as f:
        return tomllib.load(f)


def test_registry_contents_snapshot() -> None:
    """Every pipeline in the manifest is shipped (folder present) and registered in name order."""
    shipped = _shipped()
    assert all((ROOT / "models" / name / "config.cfg").is_file() for name in shipped)
    assert [(m.name, m.kind, m.languages) for m in list_models()] == [
        *sorted(
            [(name, "spacy", tuple(e.get("languages", ()))) for name, e in shipped.items()] + [("fake", "fake", ())]
        ),
        ("spacy:<path>", "spacy", ()),
        ("transformers:<path-or-hub-id>", "transformers", ()),
    ]


def test_registry_shipped_model_path_is_inside_package() -> None:
    info = next(m for m in list_models() if m.name == "de_news_sm")
    assert info.path is not None and Path(info.path) == ROOT / "models" / "de_news_sm"
    assert (Path(info.path) / "config.cfg").is_file()


def test_registry_default_model_per_language_and_fallback() -> None:
    """Each language gets the model that lists it; any other language gets the fallback."""
    shipped = _shipped()
    for name, entry in shipped.items():
        for lang in entry.get("languages", ()):  # type: ignore[attr-defined]
            assert default_model(lang) == name
    fallback = [n for n, e in shipped.items() if e.get("fallback")] or ["de_news_sm"]
    assert default_model("und") == default_model("zz") == fallback[0]


def test_registry_unknown_name_lists_available() -> None:
    with pytest.raises(BackendNotFound) as info:
        get_backend("de_core_news_lg")
    message = str(info.value)
    assert "'de_core_news_lg'" in message
    for name in ("de_news_sm", "fake", "spacy:<path>", "transformers:<path-or-hub-id>"):
        assert name in message
    assert isinstance(info.value, NewsfactsError)
    assert info.value.available == [*sorted([*_shipped(), "fake"]), "spacy:<path>", "transformers:<path-or-hub-id>"]


def test_registry_rejects_duplicate_names() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_backend("fake", kind="fake")(FakeBackend)


def test_registry_broken_model_folder(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text('[nlp]\nlang = "xx"\npipeline = ["ner"\n', encoding="utf-8")
    with pytest.raises(ModelLoadError) as info:
        get_backend(f"spacy:{tmp_path}")
    assert str(tmp_path) in str(info.value) and isinstance(info.value, NewsfactsError)


def test_registry_missing_model_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="config.cfg is missing"):
        get_backend(f"spacy:{tmp_path / 'nowhere'}")


def test_registry_fake_is_cached_and_a_backend() -> None:
    backend = get_backend("fake")
    assert backend is get_backend("fake")
    assert isinstance(backend, NerBackend)
    assert backend.entities("TikTok zahlt Microsoft.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "TikTok zahlt Microsoft monatlich, sagt Satya Nadella.",
            [(0, 6, "ORG"), (13, 22, "ORG"), (39, 52, "PER")],
        ),
        (
            "Metall und Meta-Aktien; Microsofts Cloud",
            [(11, 15, "ORG")],
        ),  # word boundaries only
        ("", []),
        ("مرحبا TikTok 🙂 TikTok", [(6, 12, "ORG"), (15, 21, "ORG")]),
    ],
)
def test_registry_fake_backend_finds_presets(text: str, expected: list[tuple[int, int, str]]) -> None:
    fake = FakeBackend({"ORG": ["TikTok", "Microsoft", "Meta"], "PER": ["Satya Nadella"]})
    spans = fake.entities(text)
    assert [(s.start, s.end, s.label) for s in spans] == expected
    assert all(s.text == text[s.start : s.end] for s in spans)
    assert fake.entities_batch([text, text]) == [spans, spans]


def test_registry_fake_prefers_longest_overlap() -> None:
    fake = FakeBackend({"ORG": ["Deutsche Bank", "Bank"], "LOC": ["Deutsche"]})
    assert fake.entities("Die Deutsche Bank") == [EntitySpan(4, 17, "ORG", "Deutsche Bank")]


def test_registry_entity_span_is_frozen() -> None:
    span = EntitySpan(0, 1, "ORG", "X")
    with pytest.raises(AttributeError):
        span.start = 2  # type: ignore[misc]


def test_registry_import_is_cheap_and_layered() -> None:
    """Importing the registry, the evaluator and the transformers backend loads no framework."""
    code = (
        "import sys, newsfacts.models, newsfacts.models.evaluate, newsfacts.models.transformers_backend; "
        "bad = [m for m in ('spacy', 'thinc', 'torch', 'transformers', 'newsfacts.extractors', 'prefect')"
        " if m in sys.modules]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_registry_models_never_import_extractors_or_prefect() -> None:
    for path in Path(models.__file__).parent.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "newsfacts.extractors" not in source and "from extractors" not in source, path
        assert "prefect" not in source.lower(), path


def test_spacy_backend_vocabulary_does_not_grow_with_documents() -> None:
    """Issue 18: a long-lived worker's spaCy vocabulary grew with every new word it read (44 MB
    over 100,000 documents). The backend runs each call in ``memory_zone``: after many texts of
    words never seen, the string store is the size it was, and the spans are still plain."""
    backend = get_backend("de_news_sm")
    backend.entities("Die Siemens AG kauft die Firma Müller in Berlin.")  # warm: lazily added strings
    strings = backend.nlp.vocab.strings
    before = len(strings)
    texts = [f"Die Qzxv{n}wort GmbH meldet Blorft{n}zahlen aus Ykrt{n}stadt." for n in range(200)]
    spans = [backend.entities(t) for t in texts[:100]] + backend.entities_batch(texts[100:])
    assert len(strings) == before
    assert "Qzxv7wort" not in strings
    assert all(span.text == t[span.start : span.end] for t, found in zip(texts, spans) for span in found)


def test_spacy_backend_memory_zones_are_safe_across_threads() -> None:
    """A flow's task runner calls one backend from several threads: one thread's zone ending
    must not drop strings another thread is reading (spaCy's E018 before zones were serialised)."""
    from concurrent.futures import ThreadPoolExecutor

    backend = get_backend("de_news_sm")
    texts = [f"Die Wqzr{n}bau AG übernimmt die Plonk{n} GmbH in Hamburg." for n in range(64)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(backend.entities, texts))
    assert found == [backend.entities(t) for t in texts]


def test_spacy_backend_spans_carry_no_whitespace() -> None:
    """spaCy keeps a run of spaces as a token, and an entity may end in one ("Chicago  " in text
    with doubled spaces): the spans are trimmed, their offsets still index the text."""
    backend = get_backend("xx_news_sm")
    text = "The plane flies from Frankfurt  to Chicago  via New York  ; it carries 500 people."
    for span in backend.entities(text) + backend.entities_batch([text])[0]:
        assert span.text == text[span.start : span.end] == span.text.strip() and span.text


def test_spacy_imports_without_its_command_line_and_the_real_one_still_loads() -> None:
    """The cold-start shortcut (registry._import_spacy) leaves a working spaCy behind: its command
    line was not imported with it, and importing it afterwards gives the real one."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsfacts.models.registry import _import_spacy\n"
        "spacy = _import_spacy()\n"
        "assert 'typer' not in sys.modules and 'spacy.cli' not in sys.modules, sorted(sys.modules)\n"
        "assert callable(spacy.info) and spacy.blank('de').pipe_names == []\n"
        "import spacy.cli\n"
        "assert spacy.cli.app.registered_commands and callable(spacy.cli.info)\n"
        "assert isinstance(spacy.info(), dict)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
