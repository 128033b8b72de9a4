"""No shipped file under models/ or extractors/ names a path of the machine it was built on.

Such paths (a spaCy config's ``[paths] train = "/work/..."``, a docstring's ``--data /home/...``)
mean nothing on a user's machine and tell who built the package where.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("models", "extractors")
# An absolute path into a home, work or temporary folder (POSIX, macOS, Windows), not inside a
# URL or a relative path: "http://home.example.com" and "../shared/data" are fine.
MACHINE_PATH = re.compile(
    r"(?<![\w/.:~-])/(?:work|tmp|home|Users|root|mnt|opt|srv|private|var/folders)/"
    r"|\b[A-Za-z]:\\(?:Users|work|tmp)\\",
)


def _text_files() -> list[Path]:
    files = []
    for top in SHIPPED:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files.append(path)
    return files


def test_machine_path_pattern() -> None:
    for bad in (
        'train = "/work/main/models/corpus/train.spacy"',
        "--data /home/me/data",
        "C:\\Users\\me\\corpus",
        "/tmp/x.spacy",
    ):
        assert MACHINE_PATH.search(bad), bad
    for fine in ("http://home.enron.com/x", "../shared/data", "train = null", "a/tmp/b", "~/work/x"):
        assert not MACHINE_PATH.search(fine), fine


@pytest.mark.parametrize("path", _text_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_file_has_no_machine_path(path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:  # model weights and other binaries
        return
    found = [m.group(0) for m in MACHINE_PATH.finditer(text)]
    assert found == [], f"{path.relative_to(ROOT)} names machine paths: {found}"
