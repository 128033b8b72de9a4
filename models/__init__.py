"""NER models for newsfacts: a name-based backend registry and the shipped trained pipelines.

Importing this package is cheap: spaCy is imported only when a spaCy model is first loaded.
"""

from __future__ import annotations

from newsfacts.models.errors import BackendNotFound, ModelLoadError, NewsfactsError
from newsfacts.models.registry import (
    EntitySpan,
    FakeBackend,
    ModelInfo,
    NerBackend,
    SpacyBackend,
    default_model,
    get_backend,
    list_models,
    register_backend,
)

__all__ = [
    "BackendNotFound",
    "EntitySpan",
    "FakeBackend",
    "ModelInfo",
    "ModelLoadError",
    "NerBackend",
    "NewsfactsError",
    "SpacyBackend",
    "default_model",
    "get_backend",
    "list_models",
    "register_backend",
]
