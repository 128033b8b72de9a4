"""NER backends behind a name-based registry.

Callers ask for a model by name (``get_backend("de_news_sm")``) and get an object with
``entities``/``entities_batch``; they never import spaCy themselves. Loading is lazy (nothing heavy
happens at import) and cached per process, so a worker loads each model once and reuses it for many
articles.

Names:
- ``de_news_sm``, ``en_news_sm``, ...: the pipelines shipped in ``models/`` and listed in
  ``models/shipped.toml`` (spaCy backend).
- ``spacy:/some/path``: any local spaCy pipeline folder.
- ``transformers:/some/path`` or ``transformers:<hub-id>``: any Hugging Face token-classification
  model (``models/transformers_backend.py``; needs ``pip install 'newsfacts[transformers]'``).
- ``fake``: a test double that finds preset strings by exact search (like httpx's MockTransport);
  ``get_backend("fake")`` has no presets, construct :class:`FakeBackend` to give it some.
"""

from __future__ import annotations

import functools
import gc
import json
import re
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from newsfacts.models.errors import BackendNotFound, ModelLoadError

if TYPE_CHECKING:  # spaCy is imported only when a spaCy model is actually loaded
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "TRANSFORMERS_PREFIX",
    "EntitySpan",
    "FakeBackend",
    "ModelInfo",
    "NerBackend",
    "SpacyBackend",
    "default_model",
    "describe_model",
    "get_backend",
    "list_models",
    "register_backend",
    "text_windows",
]

MODELS_DIR = Path(__file__).resolve().parent
SPACY_PREFIX = "spacy:"
TRANSFORMERS_PREFIX = "transformers:"


@dataclass(frozen=True)
class EntitySpan:
    """A named entity as half-open character offsets into the input text (``text == input[start:end]``)."""

    start: int
    end: int
    label: str
    text: str


@runtime_checkable
class NerBackend(Protocol):
    """What every NER backend offers; batch calls let spaCy-style backends amortise overhead."""

    def entities(self, text: str) -> list[EntitySpan]: ...

    def entities_batch(self, texts: list[str]) -> list[list[EntitySpan]]: ...


@dataclass(frozen=True)
class ModelInfo:
    """One line of ``extract --list-models``."""

    name: str
    kind: str
    languages: tuple[str, ...]
    path: str | None
    description: str


_B = TypeVar("_B", bound=Callable[[], NerBackend])
_REGISTRY: dict[str, tuple[ModelInfo, Callable[[], NerBackend]]] = {}


def register_backend(
    name: str,
    *,
    kind: str,
    languages: Iterable[str] = (),
    path: str | None = None,
    description: str = "",
) -> Callable[[_B], _B]:
    """Register a zero-argument factory under ``name``; a second registration of a name is a bug.

    Raises:
        ValueError: ``name`` is already registered or uses a reserved ``spacy:``/``transformers:`` prefix.
    """

    def decorator(factory: _B) -> _B:
        if name in _REGISTRY or name.startswith((SPACY_PREFIX, TRANSFORMERS_PREFIX)):
            raise ValueError(f"NER backend {name!r} is already registered or reserved")
        info = ModelInfo(name, kind, tuple(languages), path, description)
        _REGISTRY[name] = (info, factory)
        return factory

    return decorator


def _available() -> list[str]:
    return [*sorted(_REGISTRY), f"{SPACY_PREFIX}<path>", f"{TRANSFORMERS_PREFIX}<path-or-hub-id>"]


def list_models() -> list[ModelInfo]:
    """Describe every registered model, plus the ``spacy:``/``transformers:`` patterns, without loading any."""
    pattern = ModelInfo(
        f"{SPACY_PREFIX}<path>",
        "spacy",
        (),
        None,
        "any local spaCy pipeline folder with an ner component",
    )
    transformers_pattern = ModelInfo(
        f"{TRANSFORMERS_PREFIX}<path-or-hub-id>",
        "transformers",
        (),
        None,
        "any Hugging Face token-classification model: a local folder, or a hub id with internet"
        " (pip install 'newsfacts[transformers]')",
    )
    return [_REGISTRY[name][0] for name in sorted(_REGISTRY)] + [pattern, transformers_pattern]


def default_model(lang: str) -> str:
    """Name of the model to use for ``lang`` (ISO 639-1).

    The first registered spaCy model that lists ``lang`` wins; any other language gets the
    multilingual fallback (``fallback = true`` in ``shipped.toml``), or the German model when no
    fallback is shipped.
    """
    for info, _ in (_REGISTRY[n] for n in sorted(_REGISTRY)):
        if info.kind == "spacy" and lang in info.languages:
            return info.name
    return _FALLBACK[0] if _FALLBACK else "de_news_sm"


def describe_model(name: str) -> dict[str, Any]:
    """What ``newsfacts models info NAME`` prints: the registry's entry and the model card's summary.

    Nothing is loaded: the summary comes from the pipeline's ``meta.json`` (version, labels,
    licence, training sources, scores) and the first line of its ``README.md`` (the card).

    Raises:
        BackendNotFound: the name is neither registered nor ``spacy:<path>``/``transformers:<path>``.
        ModelLoadError: a ``spacy:<path>`` folder holds no pipeline.
    """
    if name.startswith(SPACY_PREFIX):
        folder = Path(name[len(SPACY_PREFIX) :])
        if not (folder / "config.cfg").is_file():
            raise ModelLoadError(name, str(folder), "no spaCy pipeline here (config.cfg is missing)")
        info = ModelInfo(name, "spacy", (), str(folder), "a local spaCy pipeline folder")
    elif name.startswith(TRANSFORMERS_PREFIX):
        where = name[len(TRANSFORMERS_PREFIX) :]
        info = ModelInfo(name, "transformers", (), where, "a Hugging Face token-classification model")
    elif name in _REGISTRY:
        info = _REGISTRY[name][0]
    else:
        raise BackendNotFound(name, _available())
    out: dict[str, Any] = {
        "name": info.name,
        "kind": info.kind,
        "languages": list(info.languages),
        "path": info.path,
        "description": info.description,
        "fallback": info.name in _FALLBACK,
    }
    if info.path is not None:
        out.update(_card_summary(Path(info.path)))
    return out


def _card_summary(folder: Path) -> dict[str, Any]:
    """The card's title, ``meta.json``'s facts and scores, and a transformers model's labels."""
    out: dict[str, Any] = {}
    card = folder / "README.md"
    if card.is_file():
        first = card.read_text(encoding="utf-8").lstrip().partition("\n")[0]
        out["card"] = str(card)
        out["title"] = first.lstrip("# ").strip()
    meta = _read_json(folder / "meta.json")
    if meta:
        out["version"] = meta.get("version")
        out["spacy_version"] = meta.get("spacy_version")
        out["pipeline"] = meta.get("pipeline")
        out["labels"] = (meta.get("labels") or {}).get("ner")
        out["license"] = meta.get("license")
        out["sources"] = [s.get("name") for s in meta.get("sources") or () if isinstance(s, dict)]
        perf = meta.get("performance") or {}
        if "ents_f" in perf:  # spaCy's own dev-set scores from training
            out["dev"] = {k: round(perf[f"ents_{k}"], 3) for k in ("p", "r", "f") if f"ents_{k}" in perf}
        out["heldout"] = _heldout(meta.get("heldout") or {})
    config = _read_json(folder / "config.json")  # a transformers folder
    if config and isinstance(config.get("id2label"), dict):
        out["labels"] = sorted({str(v).split("-", 1)[-1] for v in config["id2label"].values()} - {"O"})
    return out


def _heldout(heldout: Mapping[str, Any]) -> dict[str, Any]:
    """Held-out micro-F1 over PER/ORG/LOC per corpus (``models.evaluate``), and speed when measured."""
    out: dict[str, Any] = {}
    for corpus, scores in heldout.items():
        if isinstance(scores, dict) and isinstance(scores.get("micro:PER/ORG/LOC"), dict):
            core = scores["micro:PER/ORG/LOC"]
            out[corpus] = {"f": round(core.get("f", 0.0), 3), "n": core.get("n")}
        elif corpus in ("words_per_second", "load_seconds"):
            out[corpus] = scores
    return out


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def get_backend(name: str | None = None) -> NerBackend:
    """Return the backend called ``name`` (default: ``default_model("de")``), loaded once per process.

    Raises:
        BackendNotFound: the name is neither registered nor ``spacy:<path>``/``transformers:<path>``.
        ModelLoadError: the model folder is missing or cannot be loaded.
    """
    return _load(name or default_model("de"))


@contextmanager
def _no_gc() -> Iterator[None]:
    """No garbage collection while spaCy imports and loads a pipeline: it creates hundreds of
    thousands of objects that all survive, and the collector's passes over them were a tenth of
    the cold start (bench/bench_coldstart.py --phases)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import_spacy() -> Any:
    """``import spacy`` without its command line, which the cold start of ``extract`` pays for
    and never uses.

    spaCy's package ``__init__`` imports ``spacy.cli`` (typer, weasel, requests, httpx: about
    0.16 s of CPU, a tenth of a cold start; bench/bench_coldstart.py --importtime) only to
    re-export ``spacy.info``. While spaCy imports, placeholders for ``spacy.cli`` and
    ``spacy.cli.info`` stand in (``spacy.info`` loads the real one on its first call); then they
    are removed, so a later ``import spacy.cli`` in the same process loads the real command line.
    Where spaCy is already imported, or imports anything else of its command line, nothing is
    replaced (the real import runs).
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    info_module = types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info_module
    try:
        import spacy
    except ImportError:
        # some spaCy release imports more of its command line at import time: import it whole
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, placeholder in (("spacy.cli.info", info_module), ("spacy.cli", cli)):
            if sys.modules.get(name) is placeholder:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
    return spacy


@functools.cache
def _load(name: str) -> NerBackend:
    if name.startswith(SPACY_PREFIX):
        return SpacyBackend(Path(name[len(SPACY_PREFIX) :]), name=name)
    if name.startswith(TRANSFORMERS_PREFIX):
        # imported here: the module is light, but torch/transformers behind it are not
        from newsfacts.models.transformers_backend import TransformersBackend

        return TransformersBackend(name[len(TRANSFORMERS_PREFIX) :], name=name)
    try:
        _, factory = _REGISTRY[name]
    except KeyError:
        raise BackendNotFound(name, _available()) from None
    return factory()


get_backend.cache_clear = _load.cache_clear  # type: ignore[attr-defined]


class SpacyBackend:
    """A spaCy pipeline folder used for its ``doc.ents``."""

    def __init__(self, path: Path, *, name: str | None = None) -> None:
        self.name = name or str(path)
        self.path = path
        self.nlp = self._load(path)
        # One memory zone at a time: a zone's end drops the strings that another thread's zone
        # (a flow's task runner shares this backend) is still reading (spaCy error E018).
        self._zone = threading.Lock()

    def _load(self, path: Path) -> Language:
        if not (path / "config.cfg").is_file():
            raise ModelLoadError(self.name, str(path), "no spaCy pipeline here (config.cfg is missing)")
        with _no_gc():
            try:
                spacy = _import_spacy()
            except ImportError as exc:  # pragma: no cover - spaCy is a core dependency today
                raise ModelLoadError(self.name, str(path), f"spaCy is not installed ({exc})") from exc
            try:
                nlp: Language = spacy.load(path)
            except Exception as exc:  # any failure inside spaCy/thinc means the folder is unusable
                raise ModelLoadError(self.name, str(path), f"{type(exc).__name__}: {exc}") from exc
        if "ner" not in nlp.pipe_names:
            raise ModelLoadError(self.name, str(path), f"pipeline has no 'ner' ({nlp.pipe_names})")
        return nlp

    def entities(self, text: str) -> list[EntitySpan]:
        """Entities of one text (a long one in windows: :func:`text_windows`)."""
        if len(text) <= WINDOW_CHARS:
            with self._zone, self.nlp.memory_zone():
                return _spans(self.nlp(text))
        return self.entities_batch([text])[0]

    def entities_batch(self, texts: list[str]) -> list[list[EntitySpan]]:
        """Entities of many texts, through ``nlp.pipe`` (one process: callers scale out).

        A text longer than ``WINDOW_CHARS`` goes through in windows whose spans are shifted back
        to the whole text's offsets: spaCy refuses a text over ``nlp.max_length`` (1,000,000
        characters, error E088) and needs memory in proportion to it, so nothing is dropped.

        Each call runs in spaCy's ``memory_zone``: the strings of every new word are dropped
        when it ends (only plain spans leave it), so a long-lived worker's vocabulary does not
        grow with every document it reads (44 MB over 100,000 documents without it). Zones
        are taken one at a time (see ``_zone``).
        """
        windows = [(n, start, end) for n, text in enumerate(texts) for start, end in text_windows(text)]
        out: list[list[EntitySpan]] = [[] for _ in texts]
        with self._zone, self.nlp.memory_zone():
            docs = self.nlp.pipe(texts[n][start:end] for n, start, end in windows)
            for (n, start, _end), doc in zip(windows, docs, strict=True):
                out[n].extend(_spans(doc, offset=start))
        return out


#: The longest piece of text handed to spaCy at once (well under its 1,000,000-character limit).
WINDOW_CHARS = 100_000


def text_windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces of ``text``, each at most ``size`` characters, covering it.

    Each cut falls at the last paragraph break, else line break, else sentence end, else space
    in the second half of the window, so that no name is cut in two unless a window holds no
    space at all (then the cut is hard).
    """
    if len(text) <= size:
        return [(0, len(text))]
    windows: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        floor = start + size // 2
        for mark in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(mark, floor, end)
            if cut >= 0:
                end = cut + len(mark)
                break
        windows.append((start, end))
        start = end
    windows.append((start, len(text)))
    return windows


def _spans(doc: Doc, offset: int = 0) -> list[EntitySpan]:
    """The entities of ``doc`` as plain spans, without the whitespace a span may take along:
    spaCy keeps runs of spaces as tokens of their own, and an entity may end in one ("Chicago  "
    in text with doubled spaces), which no name holds."""
    spans = []
    for e in doc.ents:
        text = e.text
        lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
        if lead + trail >= len(text):
            continue  # only whitespace
        start, end = e.start_char + offset + lead, e.end_char + offset - trail
        spans.append(EntitySpan(start, end, e.label_, text[lead : len(text) - trail]))
    return spans


class FakeBackend:
    """Test double: finds preset strings per label by exact, case-sensitive search.

    Matches must sit on word boundaries (so ``"Meta"`` does not fire inside ``"Metall"``); longer
    presets win over shorter overlapping ones.
    """

    def __init__(self, entities: Mapping[str, Iterable[str]] | None = None) -> None:
        self.presets = {label: tuple(texts) for label, texts in (entities or {}).items()}

    def entities(self, text: str) -> list[EntitySpan]:
        """Every non-overlapping occurrence of a preset string, in text order."""
        found = [
            EntitySpan(m.start(), m.end(), label, m.group())
            for label, texts in self.presets.items()
            for surface in texts
            if surface
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
        ]
        kept: list[EntitySpan] = []
        for span in sorted(found, key=lambda s: (s.start, -(s.end - s.start))):
            if not kept or span.start >= kept[-1].end:
                kept.append(span)
        return kept

    def entities_batch(self, texts: list[str]) -> list[list[EntitySpan]]:
        """Entities of many texts."""
        return [self.entities(t) for t in texts]


def _register_shipped(manifest: Path = MODELS_DIR / "shipped.toml") -> None:
    """Register every shipped pipeline listed in ``shipped.toml`` whose folder is present."""
    import tomllib

    with manifest.open("rb") as f:
        entries = tomllib.load(f)
    for name, entry in entries.items():
        folder = MODELS_DIR / name
        if not (folder / "config.cfg").is_file():
            continue
        if entry.get("fallback"):
            _FALLBACK.append(name)

        def factory(folder: Path = folder, name: str = name) -> NerBackend:
            return SpacyBackend(folder, name=name)

        register_backend(
            name,
            kind="spacy",
            languages=entry.get("languages", ()),
            path=str(folder),
            description=entry.get("description", ""),
        )(factory)


_FALLBACK: list[str] = []
_register_shipped()


@register_backend("fake", kind="fake", description="test double: preset strings found by exact search")
def _make_fake() -> NerBackend:
    return FakeBackend()
