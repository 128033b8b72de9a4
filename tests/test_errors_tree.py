"""The exception tree drawn in extractors/errors.py is the tree in the code, both ways."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

from newsfacts.extractors import errors
from newsfacts.models.errors import NewsfactsError

_PACKAGES = ("extractors", "models", "flows", "dashboard")


def _import_everything() -> None:
    """Import every module of ours, so that every subclass of the root is defined."""
    for name in _PACKAGES:
        package = importlib.import_module(f"newsfacts.{name}")
        for info in pkgutil.walk_packages(package.__path__, f"newsfacts.{name}."):
            importlib.import_module(info.name)


def _subclasses(cls: type) -> set[tuple[str, str]]:
    """(class, parent) for every subclass of ``cls``, recursively."""
    out: set[tuple[str, str]] = set()
    subs: list[type] = cls.__subclasses__()
    for sub in subs:
        if sub.__module__.startswith("newsfacts."):
            out.add((sub.__name__, cls.__name__))
        out |= _subclasses(sub)
    return out


def _drawn() -> set[tuple[str, str]]:
    """(class, parent) for every class drawn in the docstring's tree, read from its indentation."""
    block = re.search(r"```\n(.*?)```", errors.__doc__ or "", re.DOTALL)
    assert block, "extractors/errors.py draws no tree"
    lines = block.group(1).splitlines()
    root = lines[0].split()[0]
    out: set[tuple[str, str]] = set()
    parents = {0: root}
    for line in lines[1:]:
        match = re.match(r"^([ │]*)[├└]─ (\w+)", line)
        assert match, f"not a tree line: {line!r}"
        depth = len(match.group(1)) // 4 + 1
        parents[depth] = match.group(2)
        out.add((match.group(2), parents[depth - 1]))
    return out


def test_errors_tree_drawing_matches_the_code() -> None:
    pytest.importorskip("prefect")  # flows/ defines errors too
    _import_everything()
    in_code, drawn = _subclasses(NewsfactsError), _drawn()
    assert in_code - drawn == set(), "classes missing from the tree in extractors/errors.py"
    assert drawn - in_code == set(), "classes drawn in extractors/errors.py that the code lacks"
