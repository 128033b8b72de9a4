"""Cold start of ``extract`` on the seed article, in CPU seconds and as a ratio to ``python -c pass``.

    python bench/bench_coldstart.py [--runs 5] [--phases] [--profile] [--importtime] [--hide-torch]

Each run is a fresh process. CPU time is the child's user + system time (``getrusage`` of the
children, before and after), which other people's load on a shared machine moves much less
than wall time (printed too); ``python -c pass`` runs in the same loop as the yardstick, so the
ratio compares like with like on whatever machine this runs. The minimum is printed beside the
median: on a loaded machine it is the steadier figure.

- ``--phases``: one cold run split into its steps (imports, header, language, pack, spaCy,
  each engine's first use, the extraction), each with the garbage collector's share;
- ``--profile``: one run under cProfile, the top costs by cumulative time;
- ``--importtime``: the slowest imports (``python -X importtime``);
- the package's bytecode is written first (``compile_bytecode``), as a wheel install does;
- ``--hide-torch``: run as if torch were not installed. thinc, under spaCy, imports torch
  whenever it is there (the ``transformers`` extra), which no shipped pipeline needs; this
  measures the default install on a machine that has the extra.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures/de-tiktok-microsoft.txt"
GOAL_S = 1.5  # issue 14: median CPU seconds of a cold `extract` on the seed
_HIDE_TORCH = "import sys; sys.modules['torch'] = None; "  # `import torch` then raises ImportError
_EXTRACT = "from newsfacts.extractors.cli import main; sys.argv[0] = 'extract'; main()"


def extract_command(*, hide_torch: bool = False) -> list[str]:
    """``extract`` as a command: the console script next to this interpreter, or its ``main``."""
    script = Path(sys.executable).parent / "extract"
    if script.is_file() and not hide_torch:
        return [sys.executable, str(script)]
    return [sys.executable, "-c", (_HIDE_TORCH if hide_torch else "import sys; ") + _EXTRACT]


def compile_bytecode() -> None:
    """Write the package's ``.pyc`` files before timing, as ``pip install`` of a wheel does.

    An editable install leaves them to the first import, and where ``PYTHONDONTWRITEBYTECODE``
    is set (this sandbox sets it) every run would compile each edited module from source again:
    40 ms and more that no installed ``extract`` pays.
    """
    import compileall

    for folder in ("extractors", "models", "flows", "dashboard"):
        if (ROOT / folder).is_dir():
            compileall.compile_dir(ROOT / folder, quiet=1)


def timed(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process; its output is thrown away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def measure(runs: int, *, hide_torch: bool) -> dict[str, list[tuple[float, float]]]:
    """Interleaved runs of the yardstick and of ``extract`` (so drifting load hits both)."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "extract seed": [*extract_command(hide_torch=hide_torch), str(SEED)],
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            results[name].append(timed(cmd))
    return results


def report(results: dict[str, list[tuple[float, float]]], *, hide_torch: bool) -> float:
    """Print the medians and the ratio; return the median CPU seconds of ``extract``."""
    base_cpu = statistics.median(c for c, _ in results["python -c pass"])
    base_wall = statistics.median(w for _, w in results["python -c pass"])
    rows = results["extract seed"]
    cpu, wall = statistics.median(c for c, _ in rows), statistics.median(w for _, w in rows)
    torch = importlib.util.find_spec("torch") is not None
    print(
        f"torch installed: {'yes' if torch else 'no'}"
        + (
            " (hidden from the runs: --hide-torch)"
            if torch and hide_torch
            else " (thinc imports it with spaCy: see --hide-torch)"
            if torch
            else ""
        )
    )
    print(f"python -c pass : median {base_cpu:.3f} s CPU, {base_wall:.3f} s wall ({len(rows)} runs)")
    print(
        f"extract seed   : median {cpu:.3f} s CPU (min {min(c for c, _ in rows):.3f}), "
        f"{wall:.3f} s wall; runs: {', '.join(f'{c:.2f}' for c, _ in rows)}"
    )
    print(
        f"ratio          : {cpu / max(base_cpu, 1e-3):.1f}x python -c pass (CPU), "
        f"{wall / max(base_wall, 1e-3):.1f}x (wall)"
    )
    print(f"goal           : <= {GOAL_S} s CPU: {'met' if cpu <= GOAL_S else 'NOT met'}")
    return cpu


# ---- where the time goes ---------------------------------------------------------------------

_PHASES = """
import gc, sys, time
collector = {"s": 0.0, "n": 0}
started = {}
def on_gc(phase, info):
    if phase == "start":
        started["t"] = time.process_time()
    else:
        collector["s"] += time.process_time() - started["t"]; collector["n"] += 1
gc.callbacks.append(on_gc)
last = [0.0, 0.0]
def lap(step):
    now = time.process_time()
    print(f"{now - last[0]:7.3f} s  (collector {collector['s'] - last[1]:.3f} s)  {step}")
    last[:] = [now, collector["s"]]
lap("python start-up")
import newsfacts.extractors.cli
lap("import extractors.cli (click)")
from newsfacts.extractors import pipeline
lap("import extractors.pipeline (records, pydantic, engines)")
text = open(sys.argv[1], encoding="utf-8").read()
from newsfacts.extractors.header import parse_header
parse_header(text)
lap("parse_header (babel: language autonyms, month names)")
from newsfacts.extractors.language import detect_language
detect_language(text)
lap("detect_language, first call (langdetect profiles)")
from newsfacts.extractors.langpack import load_langpack
pack = load_langpack("de")
lap("load_langpack('de') (toml, babel CLDR, validation)")
from newsfacts.models.registry import _import_spacy, _no_gc
with _no_gc():  # as the registry imports it: without its command line, no collector passes
    _import_spacy()
lap("import spacy (without spacy.cli)")
from newsfacts.models import default_model, get_backend
get_backend(default_model("de"))
lap("load the NER model (spacy.load)")
from newsfacts.extractors import money, percent, periods, units
money.find_amounts(text, pack)
lap("money: first call (compiles the pack's regex)")
percent.find_percentages(text, pack)
lap("percent: first call")
periods.find_periods(text, pack, published=None)
lap("periods: first call")
units.find_unit_mentions(text, pack)
lap("units: first call")
pipeline.extract_article(text)
lap("extract_article, first (facts' cues, NER, 18 language guesses)")
pipeline.extract_article(text)
lap("extract_article, again (warm)")
print(f"collector: {collector['n']} collections, {collector['s']:.3f} s")
"""


def phases(*, hide_torch: bool) -> None:
    """One cold process, timed step by step (process CPU time)."""
    code = (_HIDE_TORCH if hide_torch else "") + _PHASES
    subprocess.run([sys.executable, "-c", code, str(SEED)], check=True, cwd=ROOT)


def profile(top: int, *, hide_torch: bool) -> None:
    """One cold ``extract`` under cProfile; the top costs by cumulative time."""
    with tempfile.NamedTemporaryFile(suffix=".prof") as out:
        code = (
            (_HIDE_TORCH if hide_torch else "import sys; ") + f"import cProfile; sys.argv[0] = 'extract'; "
            f"from newsfacts.extractors.cli import main; cProfile.run('main()', {out.name!r})"
        )
        subprocess.run(
            [sys.executable, "-c", code, "-q", str(SEED)], cwd=ROOT, stdout=subprocess.DEVNULL, check=False
        )  # extract ends with sys.exit
        import pstats

        pstats.Stats(out.name).sort_stats("cumulative").print_stats(top)


def importtime(top: int, *, hide_torch: bool) -> None:
    """The slowest imports (cumulative) of one ``extract`` run."""
    cmd = extract_command(hide_torch=hide_torch)
    with tempfile.TemporaryFile("w+") as err:
        subprocess.run(
            [cmd[0], "-X", "importtime", *cmd[1:], str(SEED)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
        )
        err.seek(0)
        rows = []
        for line in err:
            parts = line.split("|")
            if line.startswith("import time:") and len(parts) == 3 and parts[1].strip().isdigit():
                rows.append((int(parts[1]), parts[2].rstrip()))
    for micros, name in sorted(rows, reverse=True)[:top]:
        print(f"{micros / 1e6:8.3f} s  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each command (default 5)")
    parser.add_argument("--phases", action="store_true", help="also time one cold run step by step")
    parser.add_argument("--profile", action="store_true", help="also print cProfile's top costs")
    parser.add_argument("--importtime", action="store_true", help="also print the slowest imports")
    parser.add_argument("--top", type=int, default=25, help="rows of --profile / --importtime")
    parser.add_argument(
        "--hide-torch", action="store_true", help="run as if torch were not installed (see the module docstring)"
    )
    args = parser.parse_args()
    compile_bytecode()
    report(measure(args.runs, hide_torch=args.hide_torch), hide_torch=args.hide_torch)
    if args.phases:
        print("\none cold run, step by step (CPU):")
        sys.stdout.flush()
        phases(hide_torch=args.hide_torch)
    if args.importtime:
        print("\nslowest imports (cumulative):")
        importtime(args.top, hide_torch=args.hide_torch)
    if args.profile:
        print("\ncProfile of one extract run (cumulative):")
        sys.stdout.flush()
        profile(args.top, hide_torch=args.hide_torch)


if __name__ == "__main__":
    main()
