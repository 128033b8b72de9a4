"""The root of newsfacts' exception tree and the model errors.

The full tree is drawn in ``extractors/errors.py``; the root lives here because ``models/`` is the
lowest layer and imports nothing else of ours.
"""

from __future__ import annotations

__all__ = ["BackendNotFound", "ModelLoadError", "NewsfactsError"]


class NewsfactsError(Exception):
    """Root of every error newsfacts raises on purpose."""


class BackendNotFound(NewsfactsError):
    """An NER backend or model name that the registry does not know."""

    def __init__(self, name: str, available: list[str]) -> None:
        self.name, self.available = name, available
        super().__init__(f"unknown NER model {name!r}; available: {', '.join(available)} (see `extract --list-models`)")


class ModelLoadError(NewsfactsError):
    """A model folder that exists but cannot be loaded."""

    def __init__(self, name: str, path: str, reason: str) -> None:
        self.name, self.path, self.reason = name, path, reason
        super().__init__(
            f"cannot load NER model {name!r} from {path!r}: {reason}"
            " (reinstall newsfacts or retrain with `python -m newsfacts.models.training.train_de`)"
        )
