"""``newsfacts``: the one command line, a group over every shell of the project.

    newsfacts extract     articles in, JSON Lines out (the same command as ``extract``)
    newsfacts dashboard   one offline HTML dashboard from fact rows
    newsfacts export      fact rows to Parquet / DuckDB for BI tools
    newsfacts serve       the Prefect flows on schedules (needs a Prefect server)
    newsfacts evaluate    score an NER model on a gold file
    newsfacts models      list the NER models, or show one's card summary

The group lives here, in the top layer (``dashboard/`` may import every other folder), and loads
each subcommand's module only when that command runs or ``--help`` lists it; those modules import
their heavy dependencies (Prefect, spaCy, DuckDB) inside the command, so ``newsfacts --help`` and
``newsfacts extract`` never pay for the others. Exit status everywhere: 0 ok, 1 a failure, 2 a usage
error (click's ``ClickException`` and ``UsageError``).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Mapping

import click

from newsfacts.dashboard.errors import NewsfactsError
from newsfacts.extractors.cli import CONTEXT_SETTINGS
from newsfacts.extractors.version import __version__

__all__ = ["main"]

#: Subcommands defined in other modules, imported when used: name -> "module:attribute".
LAZY_COMMANDS: Mapping[str, str] = {
    "extract": "newsfacts.extractors.cli:main",
    "serve": "newsfacts.flows.serve:main",
    "zombies": "newsfacts.flows.zombies:main",
    "evaluate": "newsfacts.models.evaluate:main",
}


class _LazyGroup(click.Group):
    """A group that imports a subcommand's module only when the command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        if not isinstance(command, click.Command):  # pragma: no cover - a wiring mistake
            raise TypeError(f"{target} is not a click command")
        return command


def _parse_fx(values: tuple[str, ...]) -> dict[str, float]:
    rates: dict[str, float] = {}
    for item in values:
        code, sep, number = item.partition("=")
        try:
            rate = float(number)
        except ValueError:
            rate = -1.0
        if not sep or not code.strip() or rate <= 0:
            raise click.BadParameter(f"{item!r}: expected CODE=RATE, e.g. USD=0.92", param_hint="--fx")
        rates[code.strip().upper()] = rate
    return rates


@click.group(cls=_LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="newsfacts")
def main() -> None:
    """newsfacts: facts from news articles (who paid whom, how much, how often, and when).

    \b
    Examples:
      newsfacts extract --facts article.txt > facts.jsonl
      newsfacts dashboard facts.jsonl -o dashboard.html
      newsfacts models list

    Run `newsfacts COMMAND -h` for a command's options.
    """


@main.command(short_help="Write one offline HTML dashboard from fact rows.")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="dashboard.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write.",
)
@click.option(
    "--articles",
    "articles",
    multiple=True,
    help="Article-record JSONL (`extract` output) for the full text with the evidence highlighted; repeatable.",
)
@click.option("--title", default="newsfacts dashboard", show_default=True)
@click.option(
    "--to",
    "to",
    help="Add a view with every amount converted to this currency (needs --fx).",
)
@click.option(
    "--fx",
    multiple=True,
    metavar="CODE=RATE",
    help="One unit of CODE in the --to currency, e.g. --to EUR --fx USD=0.92; repeatable.",
)
def dashboard(
    paths: tuple[str, ...],
    output: str,
    articles: tuple[str, ...],
    title: str,
    to: str | None,
    fx: tuple[str, ...],
) -> None:
    """Write one self-contained HTML dashboard from fact JSONL (files, folders or globs)."""
    from newsfacts.dashboard.build import build_dashboard

    rates = _parse_fx(fx)
    if bool(rates) != bool(to):
        raise click.UsageError("--to and --fx go together: --to EUR --fx USD=0.92")
    try:
        report = build_dashboard(
            paths,
            output,
            articles=articles,
            title=title,
            fx=rates or None,
            to=to.upper() if to else None,
        )
    except NewsfactsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"wrote {report.path} ({report.facts} facts, {report.articles} articles, "
        f"{report.texts} texts, {report.bytes / 1e6:.1f} MB) in {report.seconds:.1f} s",
        err=True,
    )
    _echo_unreadable(report.unreadable)


def _echo_unreadable(unreadable: tuple[str, ...]) -> None:
    """Name the input lines that were skipped (the first ten), so none goes missing unnoticed."""
    if unreadable:
        click.echo(f"skipped {len(unreadable)} unreadable line(s):", err=True)
        for where in unreadable[:10]:
            click.echo(f"  {where}", err=True)


@main.command(short_help="Export fact rows to Parquet and/or DuckDB for BI tools.")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--parquet",
    "parquet_dir",
    type=click.Path(file_okay=False),
    help="Folder for facts.parquet and one Parquet file per view.",
)
@click.option(
    "--duckdb",
    "duckdb_path",
    type=click.Path(dir_okay=False),
    help="DuckDB database file with table facts and its views (replaced if it exists).",
)
def export(paths: tuple[str, ...], parquet_dir: str | None, duckdb_path: str | None) -> None:
    """Export fact JSONL to Parquet and/or a DuckDB database with typed columns and views."""
    from newsfacts.dashboard.export import export_facts

    if not parquet_dir and not duckdb_path:
        raise click.UsageError("give --parquet DIR and/or --duckdb FILE")
    try:
        report = export_facts(paths, parquet_dir=parquet_dir, duckdb_path=duckdb_path)
    except NewsfactsError as exc:
        raise click.ClickException(str(exc)) from exc
    outputs = [str(p) for p in report.parquet] + ([str(report.duckdb)] if report.duckdb else [])
    click.echo(f"exported {report.facts} facts to {', '.join(outputs)}", err=True)
    if report.skipped:
        click.echo(f"skipped {report.skipped} line(s) that are no JSON object", err=True)


@main.group("models", short_help="List the NER models, or show one model's card summary.")
def models() -> None:
    """List the NER models, or show one model's card summary."""


@models.command("list", short_help="Every NER model as one JSON line (as `extract --list-models`).")
def models_list() -> None:
    """Print every NER model as one JSON line (what `extract --list-models` prints)."""
    from newsfacts.extractors.cli import echo_models

    echo_models()


@models.command("info", short_help="One model's registry entry and card summary, as JSON.")
@click.argument("name")
def models_info(name: str) -> None:
    """Print NAME's registry entry and model-card summary (version, labels, licence, scores) as JSON.

    NAME is a listed model, spacy:<path> or transformers:<path-or-hub-id>; nothing is loaded.
    """
    from newsfacts.models import BackendNotFound, ModelLoadError
    from newsfacts.models.registry import describe_model

    try:
        info = describe_model(name)
    except BackendNotFound as exc:
        raise click.BadParameter(str(exc), param_hint="NAME") from exc
    except ModelLoadError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(info, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
