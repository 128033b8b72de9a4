"""The `extract` command: the contract's output, exit codes, and bad input that loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsfacts.extractors.cli import main
from newsfacts.extractors.readers import RawArticle

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED = FIXTURES / "de-tiktok-microsoft.txt"
INPUTS = FIXTURES / "inputs"
GOOD = "Die Siemens AG zahlte im ersten Quartal 3,5 Millionen Euro an die Müller GmbH. " * 3


def run(*args: str, input: bytes | None = None) -> Result:  # noqa: A002
    return CliRunner().invoke(main, list(args), input=input)


def lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_seed_article_record() -> None:
    result = run(str(SEED))
    assert result.exit_code == 0, result.stderr
    [record] = lines(result)
    assert record["schema"] == "newsfacts.article/1"
    assert record["language"] == "de" and record["language_score"] > 0.9
    assert record["published"] == "2024-08-01"
    assert record["title"].startswith("Fast 20 Millionen US-Dollar an monatlichen Gebühren!")
    assert record["text"] == SEED.read_text(encoding="utf-8")
    for key in ("entities", "amounts", "percentages", "periods"):
        for mention in record[key]:
            assert record["text"][mention["start"] : mention["end"]] == mention["text"]


def test_cli_facts_rows_have_stable_ids() -> None:
    first, second = run("--facts", str(SEED)), run("--facts", str(SEED))
    assert first.exit_code == 0
    rows = lines(first)
    assert rows and all(r["schema"] == "newsfacts.fact/1" for r in rows)
    assert [r["fact_id"] for r in rows] == [r["fact_id"] for r in lines(second)]
    assert len({r["fact_id"] for r in rows}) == len(rows)


def test_cli_missing_path_exits_1_and_names_it(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.txt"), str(SEED))
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "no such file or directory" in result.stderr
    assert len(lines(result)) == 1  # the good input still went through


def test_cli_usage_errors_exit_2() -> None:
    assert run().exit_code == 2
    assert run("--lang", "xx", str(SEED)).exit_code == 2
    bad_ner = run("--ner", "no-such-model", str(SEED))
    assert bad_ner.exit_code == 2 and "available" in bad_ner.stderr


def test_cli_folder_mixing_good_and_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "d-latin1.txt").write_bytes(GOOD.replace("Müller", "Müller-Lüdenscheidt").encode("latin-1"))
    (folder / "e-records.jsonl").write_text(
        json.dumps({"id": "x1", "text": GOOD}) + "\n{broken\n" + json.dumps({"id": "x3", "text": GOOD}) + "\n"
    )
    dead = tmp_path / "dead.jsonl"
    result = run("--dead-letter", str(dead), str(folder))
    assert result.exit_code == 1
    records = lines(result)
    assert [r["id"] for r in records][-2:] == ["x1", "x3"]
    assert len(records) == 4  # a-good, d-latin1, x1, x3
    assert any("Müller-Lüdenscheidt" in r["text"] for r in records)
    assert "b-empty.txt" in result.stderr and "empty" in result.stderr
    assert "c-binary.txt" in result.stderr and "binary" in result.stderr
    assert "e-records.jsonl:2" in result.stderr and "malformed JSON" in result.stderr
    letters = [json.loads(line) for line in dead.read_text().splitlines()]
    assert len(letters) == 3 and all(d["reason"] for d in letters)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("page.html", (INPUTS / "no-article.html").read_bytes(), "no article text"),
    ],
)
def test_cli_bad_single_inputs(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 1
    assert message in result.stderr and name in result.stderr
    assert result.stdout == ""


def test_cli_fifty_megabyte_file_is_refused_clearly(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        chunk = ("Die Firma zahlte 3 Mio. Euro. " * 1000).encode()
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run(str(big), str(good))
    assert result.exit_code == 1
    assert "huge.txt" in result.stderr and "MB limit" in result.stderr and "--max-bytes" in result.stderr
    assert len(lines(result)) == 1


def test_cli_latin1_file_is_read() -> None:
    result = run(str(INPUTS / "latin1.txt"))
    assert result.exit_code == 0
    [record] = lines(result)
    assert "Müller GmbH" in record["text"] and record["language"] == "de"


def test_cli_jsonl_with_malformed_line_keeps_order_and_ids() -> None:
    result = run(str(INPUTS / "mixed.jsonl"))
    assert result.exit_code == 1
    assert [r["id"] for r in lines(result)] == ["r1", "r3"]
    assert [r["published"] for r in lines(result)] == ["2024-04-10", "2024-01-12"]


def test_cli_stdin_and_published_option() -> None:
    result = run("--published", "2024-08-01", "-", input=GOOD.encode())
    assert result.exit_code == 0
    [record] = lines(result)
    assert record["published"] == "2024-08-01" and record["source"] == "<stdin>"


def test_cli_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("--output", str(out), str(SEED))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["language"] == "de"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_cli_html_input() -> None:
    result = run(str(INPUTS / "article.html"))
    assert result.exit_code == 0, result.stderr
    [record] = lines(result)
    assert record["title"] == "Siemens zahlt Millionen" and record["published"] == "2024-05-02"


def test_cli_list_models() -> None:
    result = run("--list-models")
    assert result.exit_code == 0
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert "de_news_sm" in names


# -- `newsfacts`: the one command line --------------------------------------------------------

COMMANDS = ("dashboard", "evaluate", "export", "extract", "models", "serve", "zombies")


def group(*args: str, input: bytes | None = None) -> Result:  # noqa: A002
    from newsfacts.dashboard.cli import main as newsfacts

    return CliRunner().invoke(newsfacts, list(args), input=input)


def test_newsfacts_help_lists_every_command() -> None:
    for flag in ("--help", "-h"):
        result = group(flag)
        assert result.exit_code == 0, result.output
        listed = result.stdout.split("Commands:", 1)[1]
        assert [line.split()[0] for line in listed.strip().splitlines()] == list(COMMANDS)


@pytest.mark.parametrize("args", [[c] for c in COMMANDS] + [["models", "list"], ["models", "info"]], ids=" ".join)
def test_newsfacts_every_subcommand_has_help(args: list[str]) -> None:
    for flag in ("--help", "-h"):
        result = group(*args, flag)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Usage: ") and " ".join(args) in result.stdout.splitlines()[0]


def test_newsfacts_extract_is_the_extract_command() -> None:
    from newsfacts.dashboard.cli import main as newsfacts

    assert newsfacts.get_command(None, "extract") is main  # type: ignore[arg-type]
    for flags in ([], ["--facts"]):
        alone, grouped = run(*flags, str(SEED)), group("extract", *flags, str(SEED))
        assert alone.exit_code == grouped.exit_code == 0
        assert grouped.stdout == alone.stdout and alone.stdout


def test_newsfacts_exit_codes_are_the_same_everywhere(tmp_path: Path) -> None:
    assert group("no-such-command").exit_code == 2
    assert group("extract").exit_code == 2  # no PATH
    assert group("extract", str(tmp_path / "missing.txt")).exit_code == 1
    assert group("serve").exit_code == 2  # --out is required
    nothing = group("serve", "--out", str(tmp_path / "out"))
    assert nothing.exit_code == 2 and "nothing to serve" in nothing.stderr
    assert group("evaluate").exit_code == 2  # no FILE
    assert group("evaluate", "--model", "fake", str(tmp_path / "missing.iob")).exit_code == 1
    assert group("models", "info").exit_code == 2  # no NAME
    unknown = group("models", "info", "no-such-model")
    assert unknown.exit_code == 2 and "available" in unknown.stderr


def test_newsfacts_models_list_and_info() -> None:
    listed = group("models", "list")
    assert listed.exit_code == 0 and listed.stdout == run("--list-models").stdout
    info = group("models", "info", "de_news_sm")
    assert info.exit_code == 0, info.output
    card = json.loads(info.stdout)
    assert card["name"] == "de_news_sm" and card["kind"] == "spacy" and card["languages"] == ["de"]
    assert {"PER", "ORG", "LOC"} <= set(card["labels"]) and card["license"]
    assert card["card"].endswith("README.md") and 0 < card["heldout"]["heldout"]["f"] <= 1
    assert json.loads(group("models", "info", "fake").stdout)["kind"] == "fake"


HEAVY = ("prefect", "spacy", "duckdb")


def _modules_after(code: str) -> list[str]:
    """The heavy frameworks a fresh interpreter holds after running ``code``."""
    probe = f"import sys\n{code}\nprint('loaded:', *(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True, cwd=FIXTURES.parent
    )
    return done.stdout.rsplit("loaded:", 1)[1].split()


def test_newsfacts_group_loads_no_framework() -> None:
    """`newsfacts --help` and `newsfacts extract` never import Prefect, spaCy or DuckDB at group load."""
    assert _modules_after("import newsfacts.dashboard.cli") == []
    for args in (
        ["--help"],
        ["extract", "--help"],
        ["extract"],
        ["serve", "-h"],
        ["zombies", "-h"],
        ["evaluate", "-h"],
        ["models", "info", "de_news_sm"],
    ):
        code = f"from newsfacts.dashboard.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass"
        assert _modules_after(code) == [], args
    extracting = (
        f"from newsfacts.dashboard.cli import main\ntry:\n    main(['extract', {str(SEED)!r}])\n"
        "except SystemExit:\n    pass"
    )
    assert _modules_after(extracting) == ["spacy"]  # the model, not Prefect or DuckDB


def test_serve_and_evaluate_still_run_as_modules() -> None:
    for module in ("newsfacts.flows.serve", "newsfacts.models.evaluate"):
        done = subprocess.run(
            [sys.executable, "-m", module, "-h"], capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0 and f"python -m {module}" in done.stdout, done.stderr


# -- one dead-letter record for every shell ---------------------------------------------------


def test_cli_and_flows_write_the_same_dead_letters(tmp_path: Path) -> None:
    """`extract --dead-letter` lines and a flow's dead_letters.jsonl have one shape, field for field."""
    from newsfacts.extractors.readers import iter_articles
    from newsfacts.extractors.shell import DEAD_LETTER_SCHEMA, DeadLetter, letter_for
    from newsfacts.flows.batch import Pending, extract_batch
    from newsfacts.flows.sinks import OutputFolder

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nav.html").write_bytes((INPUTS / "no-article.html").read_bytes())
    (folder / "records.jsonl").write_text(
        json.dumps({"id": "k1", "text": GOOD, "language": "xx"}) + "\n{broken\n", encoding="utf-8"
    )
    dead = tmp_path / "dead.jsonl"
    assert run("--dead-letter", str(dead), str(folder)).exit_code == 1
    from_cli = [json.loads(line) for line in dead.read_text(encoding="utf-8").splitlines()]

    letters: list[DeadLetter] = []  # what the flows do with the same inputs (flows/ingest.py)
    for item in iter_articles([str(folder)]):
        if isinstance(item, RawArticle):
            letters += extract_batch([Pending("key", item)]).dead
        else:
            letters.append(letter_for(item, stage="read"))
    out = OutputFolder(tmp_path / "out")
    out.dead_letters.add(letters)
    from_flows = [json.loads(line) for line in out.dead_letters.path.read_text(encoding="utf-8").splitlines()]

    def comparable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(({k: v for k, v in r.items() if k != "at"} for r in rows), key=lambda r: r["source"])

    assert len(from_cli) == 4 and comparable(from_cli) == comparable(from_flows)
    assert all(set(r) == set(DeadLetter.__annotations__) for r in from_cli + from_flows)
    assert {r["stage"] for r in from_cli} == {"read", "extract"}
    assert all(r["schema"] == DEAD_LETTER_SCHEMA for r in from_cli)
    [extract_failure] = [r for r in from_cli if r["stage"] == "extract"]
    assert extract_failure["id"] == "k1" and extract_failure["error"] == "UnsupportedLanguage"


def test_extract_lang_without_a_pack_runs_the_universal_layer(tmp_path: Path) -> None:
    """Issue 17: any ISO 639-1 code is accepted (a warning says which layers run), the record
    says which pack ran; a code no language has stays a usage error."""
    article = tmp_path / "ar.txt"
    article.write_text("ارتفعت الأرباح 26% إلى US$ 5.", encoding="utf-8")
    result = run("--lang", "ar", str(article))
    assert result.exit_code == 0, result.output
    assert "universal layer" in result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["language"] == "ar" and record["langpack"] == "universal" and record["facts"] == []
    assert [p["value"] for p in record["percentages"]] == [26] and record["amounts"][0]["currency"] == "USD"
    seed = run(str(SEED))
    assert json.loads(seed.stdout.splitlines()[0])["langpack"] == "de"
    assert run("--lang", "xx", str(article)).exit_code == 2
