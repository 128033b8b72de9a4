"""One exception tree for newsfacts: the library raises, the CLI and flows report.

The whole tree, every class that derives from ``NewsfactsError`` wherever it is defined
(``tests/test_errors_tree.py`` walks the subclasses and checks this drawing both ways):

```
NewsfactsError             (models.errors: the root, in the lowest layer)
 ├─ InputError             path, reason        (missing, empty, binary, undecodable, malformed input)
 │   ├─ NoArticleText      an HTML page or record with no article text in it
 │   └─ FetchError         (flows.sources) a URL that cannot be fetched: network, HTTP, size, redirects
 │       └─ UnsafeURL      (flows.sources) a URL refused before connecting: scheme, non-public address
 ├─ LangPackError          file, key, reason   (a language pack that fails to load or validate)
 ├─ UnsupportedLanguage    lang, supported     (no language pack for an explicitly requested language)
 ├─ BackendNotFound        name, available     (models.errors: an unknown NER backend or model name)
 ├─ ModelLoadError         name, path, reason  (models.errors: a model folder that cannot be loaded)
 │   └─ TransformersLoadError  hint            (models.transformers_backend: a transformers: model)
 └─ ExportError            reason, hint        (dashboard.errors: DuckDB missing, unwritable output)
```

Every message says what failed, on which input, and what to do next.
"""

from __future__ import annotations

__all__ = [
    "BackendNotFound",
    "InputError",
    "LangPackError",
    "ModelLoadError",
    "NewsfactsError",
    "NoArticleText",
    "UnsupportedLanguage",
]


# The root and the model errors live in models/ (the lowest layer, which imports nothing of ours),
# so that models/ and extractors/ raise from one tree.
from newsfacts.models.errors import BackendNotFound, ModelLoadError, NewsfactsError


class InputError(NewsfactsError):
    """An input could not be read as an article."""

    def __init__(self, path: str, reason: str, *, hint: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.hint = hint
        msg = f"cannot read {path!r}: {reason}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class NoArticleText(InputError):
    """The input was readable but held no article text."""


class LangPackError(NewsfactsError):
    """A language pack file is missing a key or holds an invalid value.

    ``key`` is the dotted path of the value (``facts.buy_verb``); ``table`` the TOML table it is
    in (``facts``), so that the message reads as the file does: ``de.toml: [facts] buy_verb: ...``.
    """

    def __init__(self, file: str, key: str, reason: str, *, table: str = "") -> None:
        self.file, self.key, self.reason, self.table = file, key, reason, table
        where = key
        if table and key.startswith(f"{table}."):
            where = f"[{table}] {key[len(table) + 1 :].replace('.[key]', '')}"
        super().__init__(f"{file}: {where}: {reason}")


class UnsupportedLanguage(NewsfactsError):
    """No language pack exists for a language the user asked for explicitly."""

    def __init__(self, lang: str, supported: list[str]) -> None:
        self.lang, self.supported = lang, supported
        super().__init__(
            f"no language pack for {lang!r}; supported: {', '.join(supported)} (omit --lang to detect the language)"
        )
