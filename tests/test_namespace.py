"""The package installs as ``newsfacts.*``: a user's own ``models.py`` or ``flows/`` never shadows it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "de-tiktok-microsoft.txt"


def _extract(cwd: Path) -> str:
    exe = Path(sys.executable).parent / "extract"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "newsfacts.extractors.cli"]
    done = subprocess.run(
        [*cmd, "--facts", str(SEED)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)},
    )
    return done.stdout


def test_extract_from_a_project_with_its_own_models_and_flows(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text("raise ImportError('the user models.py was imported')\n")
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "__init__.py").write_text("raise ImportError('the user flows was imported')\n")
    (tmp_path / "extractors.py").write_text("raise ImportError('the user extractors.py was imported')\n")
    plain = tmp_path.parent / "plain"
    plain.mkdir(exist_ok=True)
    shadowed = _extract(tmp_path)
    assert shadowed == _extract(plain)
    assert '"kind":"payment"' in shadowed


def test_only_newsfacts_is_importable_from_site_packages() -> None:
    """The card's folders are not top-level packages of the install (outside the repository)."""
    code = (
        "import importlib.util, sys; sys.path = [p for p in sys.path if p not in ('', '.')]; "
        "print([m for m in ('extractors', 'models', 'flows', 'dashboard') "
        "if importlib.util.find_spec(m) is not None])"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"
