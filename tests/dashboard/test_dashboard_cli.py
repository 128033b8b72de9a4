"""The `newsfacts` command: dashboard and export subcommands, errors and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts.dashboard.cli import main

FIXTURES = Path(__file__).parents[2] / "fixtures" / "dashboard"


def test_cli_dashboard_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "d.html"
    result = CliRunner().invoke(main, ["dashboard", str(FIXTURES), "--articles", str(FIXTURES / "articles.jsonl"),
                                       "-o", str(out), "--to", "eur", "--fx", "USD=0.92"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and out.stat().st_size > 10_000
    assert '"to":"EUR"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [(["dashboard", "nowhere/*.jsonl"], 1, "Error: cannot read 'nowhere/*.jsonl'"),
     (["dashboard", "FIX", "--fx", "USD"], 2, "expected CODE=RATE"),
     (["dashboard", "FIX", "--to", "EUR"], 2, "--to and --fx go together"),
     (["export", "FIX"], 2, "give --parquet DIR and/or --duckdb FILE")],
)  # fmt: skip
def test_cli_errors(args: list[str], code: int, message: str) -> None:
    args = [str(FIXTURES / "facts.jsonl") if a == "FIX" else a for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code and message in result.output


def test_cli_export(tmp_path: Path) -> None:
    pytest.importorskip("duckdb", reason="the export needs the dashboard extra")
    result = CliRunner().invoke(main, ["export", str(FIXTURES / "facts.jsonl"), "--parquet", str(tmp_path / "pq"),
                                       "--duckdb", str(tmp_path / "f.duckdb")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "exported 11 facts" in result.output and (tmp_path / "pq" / "payments.parquet").exists()
