"""One exception tree for newsfacts: the library raises, the CLI and flows report.

```
NewsfactsError
 ├─ InputError             path, reason        (missing, empty, binary, undecodable, malformed input)
 │   └─ NoArticleText      an HTML page or record with no article text in it
 ├─ LangPackError          file, key, reason   (a language pack that fails to load or validate)
 ├─ UnsupportedLanguage    lang, supported     (no language pack for an explicitly requested language)
 ├─ BackendNotFound        name, available     (an unknown NER backend or model name)
 └─ ModelLoadError         name, path, reason  (a model folder that exists but cannot be loaded)
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
    """A language pack file is missing a key or holds an invalid value."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file, self.key, self.reason = file, key, reason
        super().__init__(f"language pack {file!r}, key {key!r}: {reason}")


class UnsupportedLanguage(NewsfactsError):
    """No language pack exists for a language the user asked for explicitly."""

    def __init__(self, lang: str, supported: list[str]) -> None:
        self.lang, self.supported = lang, supported
        super().__init__(
            f"no language pack for {lang!r}; supported: {', '.join(supported)}"
            " (omit --lang to detect the language)"
        )
